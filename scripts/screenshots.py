"""Screenshots of every dashboard view for the README: docs/screenshots/<slug>.png.

Starts ``streamlit run app.py`` on 127.0.0.1 and a free port (the project's
``.streamlit/config.toml`` applies), opens each view of ``geo_dashboard.VIEWS`` through the URL
(``?view=<label>``: the sidebar radio is bound to the query string and takes its label), waits
until the script has finished and every map in an ``st.iframe`` has drawn its paths, and saves a
screenshot of the whole view. The browser is Debian's chromium through the PyPI ``playwright``
package (``apt-get install chromium``; never ``playwright install``); every request outside
127.0.0.1 is blocked, so the pictures show what an offline user sees. Install
``fonts-noto-color-emoji`` for the verdict icons (without it they show as boxes).

Run: ``.venv/bin/python scripts/screenshots.py [--view LABEL ...] [--out DIR]``.
"""

from __future__ import annotations

import argparse
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

from geo_dashboard import VIEWS

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "app.py"
OUT = ROOT / "docs" / "screenshots"
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
WIDTH, HEIGHT, MAX_HEIGHT = 1400, 1000, 4000  # px; the viewport grows to show the whole view
TIMEOUT_MS = 120_000


def slug(text: str) -> str:
    """A file-name-safe form of ``text`` (as geo_dashboard.common.slug)."""
    out = "".join(c.lower() if c.isalnum() else "-" for c in text)
    return "-".join(part for part in out.split("-") if part)[:60] or "view"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@contextmanager
def streamlit_server() -> Iterator[str]:
    """``streamlit run app.py`` on loopback; yields the base URL and always stops the server."""
    port = free_port()
    command = [sys.executable, "-m", "streamlit", "run", str(APP), "--server.headless", "true"]
    command += ["--server.address", "127.0.0.1", "--server.port", str(port)]
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + TIMEOUT_MS / 1000
            while True:
                if process.poll() is not None or time.monotonic() > deadline:
                    log.seek(0)
                    raise SystemExit(f"streamlit did not start:\n{log.read().decode(errors='replace')}")
                try:
                    with urllib.request.urlopen(f"{url}/_stcore/health", timeout=5) as response:
                        if response.status == 200:
                            break
                except OSError:
                    time.sleep(0.25)
            yield url
        finally:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=20)


def block_internet(context: Any, blocked: list[str]) -> None:
    def route(route: Any) -> None:
        parts = urlsplit(route.request.url)
        if parts.scheme in ("data", "blob", "about") or parts.hostname == "127.0.0.1":
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort("internetdisconnected")

    context.route("**/*", route)


def wait_until_drawn(page: Any) -> int:
    """Wait for the script run to finish and every st.iframe map to draw; the number of maps."""
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=TIMEOUT_MS)
    page.wait_for_load_state("networkidle", timeout=TIMEOUT_MS)
    frames = page.locator("iframe[title='st.iframe']")
    # every view shows a map; on the first load the script can report "not running" before
    # its elements arrive, so wait for one
    frames.first.wait_for(state="attached", timeout=TIMEOUT_MS)
    count: int = frames.count()
    for i in range(count):
        frames.nth(i).scroll_into_view_if_needed()
        frame = page.frame_locator("iframe[title='st.iframe']").nth(i)
        frame.locator(".leaflet-container svg path").first.wait_for(timeout=TIMEOUT_MS)
    page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]')?.scrollTo(0, 0)")
    page.wait_for_timeout(500)  # let fonts and the last layout pass settle
    return count


def content_height(page: Any) -> int:
    """Height of the main column's content (Streamlit scrolls inside it, not the document)."""
    height = page.evaluate(
        """() => {
            const main = document.querySelector('[data-testid="stMain"]');
            return main ? main.scrollHeight : document.documentElement.scrollHeight;
        }"""
    )
    return int(height)


def shoot(url: str, labels: list[str], out: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        raise SystemExit(f"{CHROMIUM} is missing: apt-get install chromium")
    out.mkdir(parents=True, exist_ok=True)
    saved = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        try:
            for label in labels:
                context = browser.new_context(viewport={"width": WIDTH, "height": HEIGHT})
                blocked: list[str] = []
                block_internet(context, blocked)
                page = context.new_page()
                page.goto(f"{url}/?{urlencode({'view': label})}", timeout=TIMEOUT_MS)
                maps = wait_until_drawn(page)
                height = min(max(HEIGHT, content_height(page)), MAX_HEIGHT)
                if height != HEIGHT:
                    page.set_viewport_size({"width": WIDTH, "height": height})
                    wait_until_drawn(page)
                path = out / f"{slug(label)}.png"
                page.screenshot(path=str(path), full_page=True)
                context.close()
                note = f"; blocked {blocked}" if blocked else ""
                shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
                print(f"{label!r}: {shown} ({WIDTH}×{height}, {maps} map(s){note})")
                saved.append(path)
        finally:
            browser.close()
    return saved


def main() -> None:
    all_views = list(VIEWS)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--view", action="append", choices=all_views, help="only this view (repeatable)")
    parser.add_argument("--out", type=Path, default=OUT, help=f"directory (default {OUT.relative_to(ROOT)})")
    args = parser.parse_args()
    with streamlit_server() as url:
        shoot(url, args.view or all_views, args.out)


if __name__ == "__main__":
    main()
