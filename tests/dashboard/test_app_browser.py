"""The dashboard end to end: ``streamlit run app.py`` on loopback, driven by a real browser.

The test starts Streamlit itself on 127.0.0.1 and a free port (with the project's
``.streamlit/config.toml``), waits for ``/_stcore/health`` and always stops it. Debian's chromium
runs through the PyPI ``playwright`` package (never ``playwright install``). Every request the
browser makes goes through a Playwright route that lets only 127.0.0.1 through: anything else is
aborted and recorded, and each test asserts that nothing was, so "works with no internet" is
checked rather than assumed (a deliberate request to an outside host proves the route catches it).
That also covers usage statistics: with ``gatherUsageStats = true`` the page fetches
https://data.streamlit.io/metrics.json, which the route would catch; the project config turns it off.

Expected distances come from GeographicLib, called here on GeoNames coordinates.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

import pytest
from chromium import launched_chromium
from geographiclib.geodesic import Geodesic
from servers import free_port, running

from geo.maps.offline_html import external_references
from geo_dashboard import VIEWS

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "app.py"
TIMEOUT_MS = 90_000  # two cores shared with other work: be generous
MAP_BUTTON = "Download the map (HTML, works offline)"
G = Geodesic.WGS84

# GeoNames coordinates of the places the gazetteer resolves these names to.
WASHINGTON = (38.9072, -77.0369)
BEIJING = (39.9042, 116.4074)
MOSCOW = (55.75204, 37.61781)
ANCHORAGE = (61.21806, -149.90028)
REYKJAVIK = (64.13548, -21.89541)


def km_text(p: tuple[float, float], q: tuple[float, float]) -> str:
    """The geodesic distance as the dashboard prints it ("5,421 km")."""
    return f"{G.Inverse(*p, *q)['s12'] / 1000:,.0f} km"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Debian's chromium, launched as in tests/chromium.py (skip outside CI when it is missing)."""
    yield from launched_chromium()


@pytest.fixture(scope="module")
def server(browser: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``streamlit run app.py`` on 127.0.0.1 and a free port; the base URL. Always stopped."""
    port = free_port()
    log = tmp_path_factory.mktemp("streamlit") / "streamlit.log"
    command = [sys.executable, "-m", "streamlit", "run", str(APP), "--server.headless", "true"]
    command += ["--server.address", "127.0.0.1", "--server.port", str(port)]
    with running(command, port, log, cwd=ROOT) as url:
        yield url


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about", "file"):
        return True  # no network involved
    return parts.hostname == "127.0.0.1"


@dataclass
class Session:
    """A page whose requests can reach 127.0.0.1 only; what was blocked and what went wrong."""

    page: Any
    blocked: list[str] = field(default_factory=list)
    websockets: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def assert_no_internet_used(self) -> None:
        """Prove the route blocks outside hosts, then that nothing else tried to reach one."""
        canary = "https://example.com/canary.js"
        failed = self.page.evaluate(
            "url => fetch(url).then(() => false, () => true)",
            canary,
        )
        assert failed and self.blocked[-1:] == [canary], self.blocked
        assert self.blocked[:-1] == [], f"requests outside 127.0.0.1: {self.blocked[:-1]}"
        assert self.websockets and all(is_local(u.replace("ws", "http", 1)) for u in self.websockets)


@pytest.fixture
def session(browser: Any) -> Iterator[Session]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    context.set_default_timeout(TIMEOUT_MS)
    from playwright.sync_api import expect

    # expect() has its own 5 s default, which context.set_default_timeout does not change: the
    # first view of a cold server loads the polygons and took longer than that on a busy machine.
    expect.set_options(timeout=TIMEOUT_MS)
    page = context.new_page()
    s = Session(page)

    def route(route: Any) -> None:
        if is_local(route.request.url):
            route.continue_()
        else:
            s.blocked.append(route.request.url)
            route.abort("internetdisconnected")

    context.route("**/*", route)
    page.on("websocket", lambda ws: s.websockets.append(ws.url))
    page.on("pageerror", lambda exc: s.errors.append(str(exc)))
    try:
        yield s
    finally:
        context.close()


def verdict(page: Any) -> Any:
    """The Markdown block that holds the verdict heading, its explanation and the readings."""
    heading = page.locator("h3", has_text="Verdict:")
    return page.locator("[data-testid='stMarkdownContainer']", has=heading)


def map_frame(page: Any) -> Any:
    return page.frame_locator("iframe[title='st.iframe']")


def wait_for_map(page: Any, flights: int) -> Any:
    """Wait until the Leaflet map in the st.iframe has drawn ``flights`` geodesic paths."""
    from playwright.sync_api import expect

    frame = map_frame(page)
    expect(frame.locator(".leaflet-container")).to_be_visible()
    expect(frame.locator("svg path.geo-flight")).to_have_count(flights)
    return frame


def test_the_seed_view_shows_its_verdict_and_draws_its_map_with_no_internet(
    server: str, session: Session
) -> None:
    from playwright.sync_api import expect

    page = session.page
    page.goto(server)
    expect(page.locator("h3", has_text="Verdict:")).to_have_text("Verdict: ROUGHLY HALFWAY")
    text = verdict(page).inner_text()
    for number in (km_text(WASHINGTON, ANCHORAGE), km_text(BEIJING, ANCHORAGE), km_text(WASHINGTON, BEIJING)):
        assert number in text, number
    assert "5,421 km" in text and "6,402 km" in text  # the figures of the seed article check

    frame = wait_for_map(page, flights=2)
    box = frame.locator(".leaflet-container").bounding_box()
    assert box is not None and box["width"] > 300 and box["height"] > 300
    expect(frame.locator("svg path.geo-direct")).to_have_count(1)
    for d in frame.locator("svg path.geo-flight").evaluate_all("els => els.map(e => e.getAttribute('d'))"):
        assert d and len(d) > 20  # drawn geodesics with real geometry on screen
    assert frame.locator(".leaflet-pane path").count() > 150  # the embedded country basemap
    assert frame.locator(".leaflet-tile-pane img").count() == 0  # no tiles: nothing to fetch
    assert "Anchorage" in frame.locator(".geo-legend").inner_text()

    session.assert_no_internet_used()
    assert session.errors == []


def test_changing_a_party_updates_the_verdict_the_map_and_the_url(server: str, session: Session) -> None:
    from playwright.sync_api import expect

    page = session.page
    page.goto(server)
    expect(page.locator("h3", has_text="Verdict:")).to_have_text("Verdict: ROUGHLY HALFWAY")
    wait_for_map(page, flights=2)

    party_b = page.get_by_role("textbox", name="Party B", exact=True)
    party_b.fill("Moscow")
    party_b.press("Enter")
    expect(page.locator("h3", has_text="Verdict:")).to_have_text("Verdict: NOT HALFWAY")
    text = verdict(page).inner_text()
    assert km_text(MOSCOW, ANCHORAGE) in text and km_text(WASHINGTON, ANCHORAGE) in text
    assert "Moscow" in text and "Beijing" not in text
    frame = wait_for_map(page, flights=2)
    expect(frame.locator(".geo-legend")).to_contain_text("Moscow")
    page.wait_for_url(re.compile(r"[?&]b=Moscow\b"))  # the input is in the URL, ready to share

    session.assert_no_internet_used()
    assert session.errors == []


def test_the_map_download_is_a_self_contained_page_that_draws_offline(
    server: str, session: Session, tmp_path: Path
) -> None:
    from playwright.sync_api import expect

    page = session.page
    page.goto(server)
    wait_for_map(page, flights=2)
    with page.expect_download() as download_info:
        page.get_by_role("button", name=MAP_BUTTON).click()
    download = download_info.value
    assert download.failure() is None
    assert download.suggested_filename == "check-anchorage.html"
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    html = saved.read_text(encoding="utf-8")

    assert html.lstrip().lower().startswith("<!doctype html>")
    assert "Anchorage" in html and "L.map(" in html
    assert external_references(html) == []
    assert not re.search(r"<script\b[^>]*\bsrc\s*=\s*[\"']?(https?:)?//", html, re.IGNORECASE)
    assert not re.search(r"<link\b[^>]*\bhref\s*=\s*[\"']?(https?:)?//", html, re.IGNORECASE)
    # the download is the page the dashboard shows
    assert page.locator("iframe[title='st.iframe']").get_attribute("srcdoc") == html

    # and it draws on its own, with outside hosts still blocked
    page.goto(saved.as_uri())
    expect(page.locator(".leaflet-container svg path.geo-flight")).to_have_count(2)
    session.assert_no_internet_used()
    assert session.errors == []


def test_a_url_with_query_params_restores_the_view(server: str, session: Session) -> None:
    from playwright.sync_api import expect

    page = session.page
    query = {"view": "Check a claim", "venue": "Reykjavik", "a": "Washington", "b": "Moscow"}
    page.goto(f"{server}/?{urlencode(query)}")
    # The seed verdict is also ROUGHLY HALFWAY, so wait on the inputs and the venue named in
    # the card (auto-retrying expectations), not on the verdict word alone.
    expect(page.get_by_role("textbox", name="Venue", exact=True)).to_have_value("Reykjavik")
    expect(page.get_by_role("textbox", name="Party A", exact=True)).to_have_value("Washington")
    expect(page.get_by_role("textbox", name="Party B", exact=True)).to_have_value("Moscow")
    expect(verdict(page)).to_contain_text("Reykjavík")
    expect(page.locator("h3", has_text="Verdict:")).to_have_text("Verdict: ROUGHLY HALFWAY")
    text = verdict(page).inner_text()
    assert km_text(WASHINGTON, REYKJAVIK) in text and km_text(MOSCOW, REYKJAVIK) in text
    assert "Reykjavík" in text and "Beijing" not in text and "Anchorage" not in text
    frame = wait_for_map(page, flights=2)
    expect(frame.locator(".geo-legend")).to_contain_text("Reykjav")
    expect(page.get_by_role("radio", name="Check a claim")).to_be_checked()

    session.assert_no_internet_used()
    assert session.errors == []


def test_meeting_hours_put_the_working_hours_in_the_url_and_download_the_best_slot(
    server: str, session: Session, tmp_path: Path
) -> None:
    import datetime as dt
    from zoneinfo import ZoneInfo

    import icalendar
    from playwright.sync_api import expect

    page = session.page
    page.goto(f"{server}/?{urlencode({'cd': '2021-03-18'})}")
    expect(page.get_by_text("Best slot: 17:00 in Anchorage")).to_be_visible()
    work = page.get_by_role("textbox", name="Working hours at home", exact=True)
    work.fill("7-22")
    work.press("Enter")
    expect(page.get_by_text("Best slot: 15:00 in Anchorage")).to_be_visible()
    page.wait_for_url(re.compile(r"[?&]cw=7-22\b"))  # the new input is in the URL, ready to share
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download .ics").click()
    saved = tmp_path / download_info.value.suggested_filename
    download_info.value.save_as(saved)
    assert saved.name == "meeting-anchorage-2021-03-18.ics"
    (event,) = icalendar.Calendar.from_ical(saved.read_bytes()).walk("VEVENT")
    intended = dt.datetime(2021, 3, 18, 15, tzinfo=ZoneInfo("America/Anchorage"))
    assert event.decoded("DTSTART").astimezone(dt.UTC) == intended.astimezone(dt.UTC)
    session.assert_no_internet_used()
    assert session.errors == []


# Every other view on its defaults: (words its page shows, drawn paths of the map's legend entry).
OTHER_VIEWS = {
    "Compare venues": "Reykjavík",
    "Find the fairest venue": "81.9°N",
    "Historic summits": "Anchorage",
    "Plan the journey": "Churchill (YYQ)",
    "Check an article": "The city was picked because",
}


def test_the_browser_tests_cover_every_view() -> None:
    assert ["Check a claim", *OTHER_VIEWS] == list(VIEWS)


@pytest.mark.parametrize("view", OTHER_VIEWS)
def test_every_view_renders_its_map_offline_without_errors(server: str, session: Session, view: str) -> None:
    from playwright.sync_api import expect

    page = session.page
    page.goto(f"{server}/?{urlencode({'view': view})}")
    expect(page.get_by_role("radio", name=view)).to_be_checked()
    main = page.locator("[data-testid='stMain']")
    expect(main).to_contain_text(OTHER_VIEWS[view])
    frame = map_frame(page).first
    expect(frame.locator(".leaflet-container")).to_be_visible()
    expect(frame.locator("svg path.geo-flight, svg path.geo-route").first).to_be_attached()  # geodesics
    expect(frame.locator(".geo-legend")).to_be_visible()
    assert page.locator("[data-testid='stException']").count() == 0
    assert page.locator("[data-testid='stAlertContentError']").count() == 0

    session.assert_no_internet_used()
    assert session.errors == []


def test_hostile_place_labels_show_as_text_and_fetch_nothing(server: str, session: Session) -> None:
    """A shared link whose labels are Markdown: no image request, link, colour, icon or emoji."""
    from playwright.sync_api import expect

    page = session.page
    query = {
        "venue": "![pic](https://example.org/tracker.png)=10,10",
        "a": ":red[FAKE] :material/warning: :smile: [Reuters](https://example.org/x)=20,20",
        "b": "**bold** $x^2$=30,30",
    }
    page.goto(f"{server}/?{urlencode(query)}")
    main = page.locator("[data-testid='stMain']")
    expect(main).to_contain_text("Verdict:")
    wait_for_map(page, flights=2)
    text = verdict(page).inner_text()
    for literal in ("![pic](https:", ":red[FAKE]", "[Reuters](https:", "**bold**", "$x^2$"):
        assert literal in text.replace("\u2060", ""), literal
    assert main.locator("img").count() == 0
    assert main.locator("a[href*='example.org']").count() == 0
    assert main.locator("[aria-label$='icon'], strong:has-text('bold'), .katex").count() == 0
    assert "😄" not in main.inner_text()
    session.assert_no_internet_used()  # the image URL was never requested
    assert session.errors == []


# The projection selector of every view with a map (its URL key), and a projection to open it in.
VIEW_PROJECTIONS = {
    "Check a claim": ("proj", "north"),
    "Compare venues": ("cproj", "globe"),
    "Find the fairest venue": ("fproj", "aeqd"),
    "Historic summits": ("sproj", "south"),
    "Plan the journey": ("jproj", "globe"),
    "Check an article": ("artproj", "north"),
}


@pytest.mark.parametrize("view", list(VIEW_PROJECTIONS))
def test_every_view_draws_its_map_in_the_projection_from_the_url(
    server: str, session: Session, view: str
) -> None:
    from playwright.sync_api import expect

    key, projection = VIEW_PROJECTIONS[view]
    page = session.page
    page.goto(f"{server}/?{urlencode({'view': view, key: projection})}")
    expect(page.get_by_role("radio", name=view)).to_be_checked()
    frame = map_frame(page).first
    expect(frame.locator(f"svg#geo-svg.geo-{projection}[data-ready]")).to_be_attached()
    expect(frame.locator("path.geo-flight, path.geo-route").first).to_be_attached()
    expect(frame.locator("path.geo-country").first).to_be_attached()
    expect(frame.locator("#geo-legend")).to_be_visible()
    assert frame.locator(".leaflet-container").count() == 0
    assert f"{key}={projection}" in page.url
    assert page.locator("[data-testid='stException']").count() == 0
    session.assert_no_internet_used()
    assert session.errors == []


def test_picking_a_projection_redraws_the_map_and_puts_it_in_the_url(server: str, session: Session) -> None:
    from playwright.sync_api import expect

    page = session.page
    page.goto(f"{server}/?{urlencode({'view': 'Check a claim'})}")
    wait_for_map(page, 2)  # the Leaflet map first
    page.locator("[data-testid='stSelectbox']", has_text="Projection").click()
    page.get_by_role("option", name="south").click()
    frame = map_frame(page).first
    expect(frame.locator("svg#geo-svg.geo-south[data-ready]")).to_be_attached()
    expect(page).to_have_url(re.compile(r"[?&]proj=south"))
    session.assert_no_internet_used()
    assert session.errors == []
