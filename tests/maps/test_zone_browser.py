"""Zones in the exported pages, in a real browser with the network off (Debian's chromium).

The seed zones (Washington–Beijing) drawn on the Leaflet page and on the d3 polar page: no
page error, one filled path per zone piece, and at the screen point of the geodesic midpoint
marker the halfway zone's fill is hit (the midpoint is inside it), while at Washington's marker
no zone is (a party is in none of them).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from chromium import launched_chromium

from geo.maps.offline_html import export_html
from geo.maps.render import render_plan
from geo.maps.zones import add_zones
from geo.usecases import find_zones, map_page, question_plan

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    yield from launched_chromium()


@pytest.fixture(scope="module")
def plan() -> Any:
    return add_zones(
        question_plan(["Washington", "Beijing"], ["Anchorage"]), find_zones(["Washington", "Beijing"])
    )


def _open(browser: Any, path: Path, ready: str) -> tuple[Any, list[str], Any]:
    context = browser.new_context(offline=True, viewport={"width": 1200, "height": 800})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.goto(path.as_uri())
    page.wait_for_selector(ready, timeout=30_000)
    return page, errors, context


_HIT = """(sel) => {
  const m = document.querySelector(sel).getBoundingClientRect();
  const x = m.left + m.width / 2, y = m.top + m.height / 2;
  return document.elementsFromPoint(x, y).map(e => e.getAttribute("class") || "");
}"""


def test_zones_render_on_the_offline_leaflet_page(browser: Any, plan: Any, tmp_path: Path) -> None:
    path = tmp_path / "zones.html"
    path.write_text(export_html(render_plan(plan)), encoding="utf-8")
    page, errors, context = _open(browser, path, ".leaflet-overlay-pane path.geo-zone")
    try:
        kinds = page.eval_on_selector_all("path.geo-zone", "els => els.map(e => e.getAttribute('class'))")
        for kind in ("geo-zone-halfway", "geo-zone-roughly-halfway", "geo-zone-equal-distance"):
            assert any(kind in k for k in kinds), kind
        at_mid = page.evaluate(_HIT, "path.geo-midpoint")
        assert any("geo-zone-halfway" in c for c in at_mid)
        at_party = page.evaluate(_HIT, "path.geo-party")
        assert not any("geo-zone" in c for c in at_party)
        assert errors == []
    finally:
        context.close()


def test_zones_render_on_the_polar_page(browser: Any, plan: Any, tmp_path: Path) -> None:
    html, _ = map_page(plan, "north")
    path = tmp_path / "north.html"
    path.write_text(html, encoding="utf-8")
    page, errors, context = _open(browser, path, "svg#geo-svg[data-ready]")
    try:
        ds = page.eval_on_selector_all("g.geo-zones path", "els => els.map(e => e.getAttribute('d') || '')")
        assert len(ds) == len(plan.zones) and all(len(d) > 50 for d in ds)
        at_mid = page.evaluate(_HIT, "circle.geo-midpoint")
        assert any("geo-zone" in c for c in at_mid)
        assert errors == []
    finally:
        context.close()
