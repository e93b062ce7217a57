"""Images for print in the dashboard: the projection selector (kept in the URL) and the image
and brief downloads of Check a claim and Historic summits (contents tested directly: AppTest
cannot reach download data)."""

from __future__ import annotations

from apptest import open_view

import geo_dashboard.summits_view as summits_view
from geo.analysis.summits import check_summits
from geo.maps.results import plan_for_check
from geo_dashboard.common import image_bytes


def test_check_view_offers_images_in_the_projection_from_the_url() -> None:
    at = open_view("Check a claim", proj="north")
    assert at.selectbox(key="proj").value == "north"
    labels = [b.proto.label for b in at.get("download_button")]
    for fmt in ("PNG", "SVG", "PDF"):
        assert f"Download image ({fmt})" in labels
    at.selectbox(key="proj").set_value("globe").run()
    assert not at.exception
    assert at.selectbox(key="proj").value == "globe"


def test_summit_view_offers_a_one_page_brief() -> None:
    at = open_view("Historic summits", sproj="aeqd")
    assert at.selectbox(key="sproj").value == "aeqd"
    labels = [b.proto.label for b in at.get("download_button")]
    assert any(label.startswith("Download a one-page brief (PDF)") for label in labels)


def test_image_and_brief_bytes() -> None:
    result = next(r for r in check_summits() if r.summit.id == "anchorage-2021")
    assert result.check is not None
    plan = plan_for_check(result.check)
    assert image_bytes("t", plan, "north", "png").startswith(b"\x89PNG")
    assert image_bytes("t", plan, "aeqd", "svg").startswith(b"<?xml")
    brief = summits_view.summit_brief("t", plan, result.check, "Anchorage talks (2021)")
    assert brief.startswith(b"%PDF-") and brief.count(b"/Type /Page\n") + brief.count(b"/Type /Page ") <= 1


# Every view with a map: its projection selector's URL key, and URL parameters that make it draw one.
VIEW_PROJECTIONS = {
    "Check a claim": ("proj", {}),
    "Compare venues": ("cproj", {}),
    "Find the fairest venue": ("fproj", {}),
    "Plan the journey": ("jproj", {}),
    "Check an article": ("artproj", {}),
    "Historic summits": ("sproj", {}),
}


def test_every_view_with_a_map_has_the_projection_selector_in_the_url() -> None:
    from geo_dashboard import VIEWS

    for view, (key, params) in VIEW_PROJECTIONS.items():
        assert view in VIEWS
        at = open_view(view, **{key: "north"}, **params)
        assert at.selectbox(key=key).value == "north", view
        assert at.query_params[key] == "north"
        (frame, *_) = at.get("iframe")
        page = frame.proto.srcdoc
        assert "d3-geo" in page and "L.polyline" not in page, view  # the map is drawn in the projection
        assert 'class="geo-map geo-north"' in page
        labels = [b.proto.label for b in at.get("download_button")]
        for fmt in ("PNG", "SVG", "PDF"):
            assert f"Download image ({fmt})" in labels, (view, fmt)
        assert "Download the map (HTML, works offline)" in labels


def test_choosing_mercator_brings_back_the_leaflet_map_and_the_url_follows() -> None:
    at = open_view("Compare venues", cproj="globe")
    assert 'class="geo-map geo-globe"' in at.get("iframe")[0].proto.srcdoc
    at.selectbox(key="cproj").set_value("mercator").run()
    assert not at.exception
    assert "L.polyline" in at.get("iframe")[0].proto.srcdoc
    at.selectbox(key="cproj").set_value("aeqd").run()
    assert at.selectbox(key="cproj").value == "aeqd"
    assert 'class="geo-map geo-aeqd"' in at.get("iframe")[0].proto.srcdoc


def test_a_bad_projection_in_the_url_falls_back_without_an_error() -> None:
    at = open_view("Plan the journey", jproj="<script>alert(1)</script>")
    assert at.selectbox(key="jproj").value in ("mercator", None)
    assert "L.polyline" in at.get("iframe")[0].proto.srcdoc


def test_the_new_plan_builders_draw_the_same_map_as_before_and_print() -> None:
    from geo.maps.render import render_plan
    from geo.maps.results import (
        map_for_best,
        map_for_compare,
        map_for_journey,
        plan_for_best,
        plan_for_compare,
        plan_for_journey,
    )
    from geo.usecases import compare_venues, find_best, plan_journey

    compared = compare_venues(["Washington", "Moscow"], ["Reykjavik", "Geneva", "Helsinki"])
    best = find_best(["Washington", "Beijing"], "minimax", suggest=2)
    journey = plan_journey(["Pyongyang", "Washington"], aircraft="il-62m")
    for plan, m in (
        (plan_for_compare(compared), map_for_compare(compared)),
        (plan_for_best(best), map_for_best(best)),
        (plan_for_journey(journey), map_for_journey(journey)),
    ):
        assert plan == m.plan
        assert render_plan(plan).get_root().render() == m.get_root().render()
        assert image_bytes(plan.title, plan, "globe", "png").startswith(b"\x89PNG")


def test_an_azimuthal_map_can_be_centred_on_any_party_or_venue() -> None:
    import re

    from pyproj import Geod

    at = open_view("Check a claim", proj="aeqd:Beijing")
    select = at.selectbox(key="proj")
    assert select.value == "aeqd:Beijing" and not at.exception and not at.error
    assert {"aeqd:Anchorage", "aeqd:Washington, D.C.", "aeqd:Beijing"} <= set(select.options)
    (frame,) = at.get("iframe")
    page = frame.proto.srcdoc
    assert "d3-geo" in page and "Beijing" in page
    # the page is centred on Beijing's marker (its data states the centre as [lon, lat])
    centre = re.search(r'"centre":\s*\[\s*(-?[\d.]+),\s*(-?[\d.]+)\s*\]', page)
    assert centre is not None
    lon, lat = float(centre.group(1)), float(centre.group(2))
    assert Geod(ellps="WGS84").inv(lon, lat, 116.4074, 39.9042)[2] < 1000  # Beijing (GeoNames)
