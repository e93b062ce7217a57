"""Streamlit servers for the tests that need a running dashboard (browser tests, `halfway
dashboard`): a free loopback port, a wait for the health endpoint, and a stop that always works."""

from __future__ import annotations

import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import pytest

STARTUP_S = 120.0  # two cores shared with other work: be generous


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def wait_healthy(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    """Return once ``url``'s /_stcore/health answers 200; fail with the log if the server dies or stalls."""
    deadline = time.monotonic() + STARTUP_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(
                f"streamlit exited with {process.returncode}:\n{log.read_text(errors='replace')[-3000:]}"
            )
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.25)
    pytest.fail(f"streamlit not healthy after {STARTUP_S:.0f} s:\n{log.read_text(errors='replace')[-3000:]}")


@contextmanager
def running(command: Sequence[str], port: int, log: Path, **popen: object) -> Iterator[str]:
    """Start ``command`` (a server on 127.0.0.1:``port``), wait until healthy, yield its URL, stop it."""
    with running_process(command, port, log, **popen) as (url, _):
        yield url


@contextmanager
def running_process(
    command: Sequence[str], port: int, log: Path, **popen: object
) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """As :func:`running`, and the server's process too (its memory is read by the soak test)."""
    with log.open("wb") as out:
        process = subprocess.Popen(list(command), stdout=out, stderr=subprocess.STDOUT, **popen)  # type: ignore[call-overload]
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, process, log)
        yield url, process
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=20)
