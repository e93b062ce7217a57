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
