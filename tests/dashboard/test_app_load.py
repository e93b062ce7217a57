"""Load and soak: the dashboard under ``streamlit run`` with many browser sessions at once, and
reloaded again and again (issue "Hostile input and load"). Each session's requests may reach
127.0.0.1 only, as in test_app_browser.py. Bounded in count and time; the figures are printed
(run with ``-s``) and quoted in the README."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

import pytest
from chromium import launched_chromium
from servers import free_port, running_process

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "app.py"
SESSIONS = 10
RELOADS = 50
TIMEOUT_MS = 240_000  # ten sessions on two shared cores
VIEW_URLS = [  # every view twice: what ten people opening shared links would load
    {"view": "Check a claim"},
    {"view": "Check a claim", "venue": "Reykjavik", "a": "Washington", "b": "Moscow"},
    {"view": "Compare venues"},
    {"view": "Compare venues"},
    {"view": "Find the fairest venue"},
    {"view": "Find the fairest venue"},
    {"view": "Historic summits"},
    {"view": "Historic summits"},
    {"view": "Check an article"},
    {"view": "Check an article"},
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    yield from launched_chromium()


@pytest.fixture(scope="module")
def server(browser: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int]]:
    """``streamlit run app.py`` on loopback: its URL and process id."""
    port = free_port()
    log = tmp_path_factory.mktemp("streamlit") / "streamlit.log"
    command = [sys.executable, "-m", "streamlit", "run", str(APP), "--server.headless", "true"]
    command += ["--server.address", "127.0.0.1", "--server.port", str(port)]
    with running_process(command, port, log, cwd=ROOT) as (url, process):
        yield url, process.pid


def _local_only(context: Any, blocked: list[str]) -> None:
    def route(route: Any) -> None:
        parts = urlsplit(route.request.url)
        if parts.scheme in ("data", "blob", "about") or parts.hostname == "127.0.0.1":
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort("internetdisconnected")

    context.route("**/*", route)


def _rss_mb(pid: int) -> float:
    """Resident memory of the server process, from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


def _map_drawn(page: Any) -> None:
    from playwright.sync_api import expect

    frame = page.frame_locator("iframe[title='st.iframe']").first
    expect(frame.locator(".leaflet-container")).to_be_visible(timeout=TIMEOUT_MS)
    expect(frame.locator("svg path.geo-flight").first).to_be_attached(timeout=TIMEOUT_MS)


def test_ten_sessions_at_once_across_every_view_each_draw_their_map(
    browser: Any, server: tuple[str, int]
) -> None:
    url, _ = server
    blocked: list[str] = []
    contexts, pages = [], []
    started = time.monotonic()
    for query in VIEW_URLS[:SESSIONS]:
        context = browser.new_context(viewport={"width": 1200, "height": 900})
        context.set_default_timeout(TIMEOUT_MS)
        _local_only(context, blocked)
        page = context.new_page()
        page.goto(f"{url}/?{urlencode(query, doseq=True)}", wait_until="commit")  # all ten load at once
        contexts.append(context)
        pages.append(page)
    try:
        for page in pages:
            _map_drawn(page)
            assert page.locator("[data-testid='stException']").count() == 0
        elapsed = time.monotonic() - started
        print(f"\n{SESSIONS} concurrent sessions drew their maps in {elapsed:.1f} s")
        assert elapsed < TIMEOUT_MS / 1000
        assert blocked == []
    finally:
        for context in contexts:
            context.close()


def test_reloading_the_heaviest_view_fifty_times_does_not_grow_the_server(
    browser: Any, server: tuple[str, int]
) -> None:
    url, pid = server
    blocked: list[str] = []
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    context.set_default_timeout(TIMEOUT_MS)
    _local_only(context, blocked)
    page = context.new_page()
    heaviest = f"{url}/?{urlencode({'view': 'Compare venues'})}"  # 10 venues, 3 parties, summit facts
    rss: list[float] = []
    try:
        for _ in range(RELOADS):
            page.goto(heaviest)
            _map_drawn(page)
            rss.append(_rss_mb(pid))
    finally:
        context.close()
    warm, middle, last = rss[9], rss[29], rss[-1]
    print(f"\nserver RSS after reload 10: {warm:.0f} MB, 30: {middle:.0f} MB, 50: {last:.0f} MB")
    # It stops growing: the last 20 reloads add little (sessions are released), not 20 × a session.
    assert last - middle < max(40.0, 0.10 * middle), rss
    assert blocked == []
