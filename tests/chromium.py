"""Debian's chromium for the browser tests (maps/ and dashboard/): where it is and how it starts.

Never `playwright install`: the PyPI playwright package drives /usr/bin/chromium, which
`make test` installs with apt.
"""

from __future__ import annotations

import os

import pytest

CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def missing(reason: str) -> None:
    """Skip outside CI when chromium or playwright is missing; fail in CI, which must run them."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI must run the browser tests; `make test` installs chromium)")
    pytest.skip(reason)
