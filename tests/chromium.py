"""Debian's chromium for the browser tests (maps/ and dashboard/): where it is and how it starts.

Never `playwright install`: the PyPI playwright package drives /usr/bin/chromium, which
`make test` installs with apt.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

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


def launched_chromium() -> Iterator[Any]:
    """Debian's chromium through the PyPI playwright package, for a module-scoped fixture (skip
    outside CI when either is missing)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("the playwright package is not installed")
    if not Path(CHROMIUM).exists():
        missing(f"{CHROMIUM} is missing: apt-get install chromium")
    with sync_playwright() as pw:
        launched = pw.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield launched
        launched.close()
