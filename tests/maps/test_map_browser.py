"""A real browser opens the exported map with the network switched off.

Debian's chromium (``apt-get install chromium``; ``make test`` installs it) driven by the PyPI
``playwright`` package through ``executable_path`` (``playwright install`` downloads a browser
and cannot work here). Outside CI the tests skip when chromium or playwright is missing; in
CI (``CI`` set) a missing browser is a failure, not a skip.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from chromium import CHROMIUM, LAUNCH_ARGS, missing
from map_html import HOSTILE_NAMES, SEED_PARTIES, SEED_VENUES

from geo.analysis.check import PlaceRef, check_halfway
from geo.maps.offline_html import export_html
from geo.maps.plan import BestMark, MapPoint, VenueMark
from geo.maps.render import build_map
from geo.maps.results import map_for_check
from geo.places.resolve import resolve

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("the playwright package is not installed")
    if not (Path(CHROMIUM).exists() or shutil.which("chromium")):
        missing(f"{CHROMIUM} is missing: apt-get install chromium")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield browser
        browser.close()


def open_offline(
    browser: Any, path: Path, width: int = 1200, height: int = 800
) -> tuple[Any, list[str], list[str]]:
    """Open ``path`` in a context with the network off; collect page errors and dialogs."""
    context = browser.new_context(offline=True, viewport={"width": width, "height": height})
    page = context.new_page()
    errors: list[str] = []
    dialogs: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    def on_dialog(dialog: Any) -> None:
        dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.goto(path.as_uri())
    page.wait_for_selector(".leaflet-container .leaflet-overlay-pane path")
    return page, errors, dialogs


def test_seed_map_renders_offline_with_one_path_per_flight(browser: Any, tmp_path: Path) -> None:
    parties = [PlaceRef.of(resolve(p)) for p in SEED_PARTIES]
    venues = [VenueMark(v.name, v.lat, v.lon) for v in map(resolve, SEED_VENUES)]
    best = BestMark(81.9, -156.9, 5585.3, 11170.7, "minimax")
    path = tmp_path / "seed.html"
    path.write_text(export_html(build_map(parties, venues, best=best, rings_km=[2000])), encoding="utf-8")

    page, errors, dialogs = open_offline(browser, path)
    box = page.locator(".folium-map.leaflet-container").bounding_box()
    assert box is not None and box["width"] >= 1000 and box["height"] >= 700  # container sized
    assert page.locator("path.geo-flight").count() == len(parties) * len(venues)
    assert page.locator("path.geo-direct").count() == 1
    assert page.locator("path.geo-minimax").count() == 1
    assert page.locator("path.geo-party").count() >= len(parties)
    assert page.locator("path.geo-venue").count() >= len(venues)
    # the drawn flight paths have real geometry on screen
    for d in page.locator("path.geo-flight").evaluate_all("els => els.map(e => e.getAttribute('d'))"):
        assert d and len(d) > 20
    # the built-in basemap drew countries; the controls are there
    assert page.locator(".leaflet-pane path").count() > 150
    assert page.locator(".leaflet-control-scale").count() == 1
    assert page.locator(".leaflet-control-layers").count() == 1
    assert page.locator(".leaflet-control-measure").count() == 1
    assert page.locator(".leaflet-control-zoom-fullscreen, .fullscreen-icon").count() >= 1
    assert "Reykjav" in page.locator(".geo-legend").inner_text()
    assert errors == [] and dialogs == []


@pytest.mark.parametrize(
    ("places", "parties_on_screen"),
    [(("Anchorage", "Washington", "Beijing"), 2), (("Anchorage", "Washington", "Washington"), 1)],
)
def test_a_small_map_shows_every_place_clear_of_its_legend_and_buttons(
    browser: Any, tmp_path: Path, places: tuple[str, str, str], parties_on_screen: int
) -> None:
    # The dashboard shows maps about 560 px wide, where the legend's text wraps and grows;
    # with one party twice, Anchorage lands in the top-left corner, where the buttons are
    check = check_halfway(*(resolve(p) for p in places))
    path = tmp_path / "small.html"
    path.write_text(export_html(map_for_check(check)), encoding="utf-8")
    page, errors, _ = open_offline(browser, path, width=560, height=560)
    legend = page.locator(".geo-legend").bounding_box()
    buttons = [c.bounding_box() for c in page.locator(".leaflet-top.leaflet-left .leaflet-control").all()]
    assert len(buttons) >= 2 and legend is not None  # zoom + fullscreen, then the ruler

    def on_screen_centres(selector: str) -> list[tuple[float, float]]:
        out = []
        for marker in page.locator(selector).all():
            box = marker.bounding_box()
            x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
            if 0 <= x <= 560 and 0 <= y <= 560:  # a copy shifted by 360° may lie off screen
                out.append((x, y))
        return out

    def inside(x: float, y: float, b: dict[str, float]) -> bool:
        return b["x"] <= x <= b["x"] + b["width"] and b["y"] <= y <= b["y"] + b["height"]

    parties = on_screen_centres("path.geo-party")
    venues = on_screen_centres("path.geo-venue")
    assert len(set(parties)) >= parties_on_screen and venues  # every place on screen
    for x, y in parties + venues:
        assert not inside(x, y, legend) and not any(inside(x, y, b) for b in buttons), (x, y)
    # the legend folds away on a click on its title
    page.locator(".geo-legend .geo-title").click()
    assert page.locator(".geo-legend").bounding_box()["height"] < legend["height"] / 2
    assert errors == []


def test_hostile_names_open_no_dialog_and_show_as_text(browser: Any, tmp_path: Path) -> None:
    parties = [MapPoint(HOSTILE_NAMES[0], 38.9, -77.0), MapPoint(HOSTILE_NAMES[1], 39.9, 116.4)]
    venues = [
        VenueMark(name, -40.0 + 8.0 * i, -170.0 + 30.0 * i, status=name, details=((name, name),))
        for i, name in enumerate(HOSTILE_NAMES[2:])
    ]
    path = tmp_path / "hostile.html"
    path.write_text(export_html(build_map(parties, venues, title=HOSTILE_NAMES[4])), encoding="utf-8")

    page, errors, dialogs = open_offline(browser, path)
    assert page.locator("path.geo-flight").count() == len(parties) * len(venues)
    # Open every popup and tooltip so that all their HTML is parsed and shown.
    shown = page.evaluate(
        """() => {
            const id = document.querySelector('.folium-map').id;
            const map = window[id];
            const texts = [];
            map.eachLayer(layer => {
                if (layer.getPopup && layer.getPopup()) {
                    layer.openPopup();
                    texts.push(layer.getPopup().getElement().innerText);
                }
                if (layer.getTooltip && layer.getTooltip()) {
                    layer.openTooltip();
                    texts.push(layer.getTooltip().getElement().innerText);
                }
            });
            return texts.join('\\n');
        }"""
    )
    page.wait_for_timeout(300)  # let any injected handler (onerror, onload) fire
    assert dialogs == [], dialogs
    assert errors == [], errors
    for name in HOSTILE_NAMES[:9]:  # shown literally (the last ones hold line separators)
        assert name.replace("\u2028", "").replace("\u2029", "") in shown.replace("\n", ""), name
    assert page.locator(".geo-legend img, .leaflet-popup-pane img, .leaflet-tooltip-pane img").count() == 0
    assert page.locator("svg svg").count() == 0  # no injected <svg onload>
    assert HOSTILE_NAMES[4] in page.locator(".geo-legend").inner_text()


def test_a_journey_map_renders_offline_with_its_legs_and_stops(browser: Any, tmp_path: Path) -> None:
    from geo.maps.results import map_for_journey
    from geo.usecases import plan_journey

    journey = plan_journey(["JFK-LHR-SIN-SYD"], aircraft="il-62m")
    path = tmp_path / "route.html"
    path.write_text(export_html(map_for_journey(journey)), encoding="utf-8")
    page, errors, dialogs = open_offline(browser, path)
    assert page.locator("path.geo-route").count() == 3  # three legs
    assert page.locator("path.geo-stop-route").count() == 2  # LHR → stop → SIN
    assert page.locator("path.geo-stop").count() == 1
    assert "via refuelling stops" in page.locator(".geo-legend").inner_text()
    assert errors == [] and dialogs == []
