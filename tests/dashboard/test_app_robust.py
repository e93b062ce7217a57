"""The robustness panel of the "Check a claim" view, run headless with Streamlit's AppTest."""

from __future__ import annotations

from apptest import gl_km, open_view, page_text

SEED_LINE = "ROUGHLY HALFWAY under all 90 combinations of points and thresholds (30 × 3)"


def test_the_panel_is_off_by_default_and_opens_with_its_switch() -> None:
    at = open_view("Check a claim")
    assert at.checkbox(key="robust").value is False
    assert "Robustness:" not in page_text(at)
    at.checkbox(key="robust").check().run()
    assert not at.exception
    assert f"**Robustness:** {SEED_LINE}" in page_text(at)


def test_a_link_with_the_switch_opens_the_seed_table_with_geodesic_distances() -> None:
    at = open_view("Check a claim", robust="true")
    text = page_text(at)
    assert SEED_LINE in text
    assert "* A **Washington, D.C.**: city centre; DCA 6 km; ADW 18 km; IAD 37 km; BWI 44 km" in text
    frame = next(d.value for d in at.dataframe if "venue: Anchorage" in d.value.columns)
    assert len(frame) == 30
    first = frame.iloc[0]
    assert (first["venue: Anchorage"], first["A: Washington, D.C."], first["B: Beijing"]) == (
        "city centre",
    ) * 3
    assert first["A km"] == round(gl_km((38.9072, -77.0369), (61.21806, -149.90028)), 1)
    assert first["direct km"] == round(gl_km((38.9072, -77.0369), (39.9042, 116.4074)), 1)
    assert set(frame["limits stated"]) == {"roughly"}


def test_the_panel_follows_the_places_and_says_what_a_place_lacks() -> None:
    at = open_view("Check a claim", robust="true", venue="Bern", a="London", b="Rome")
    text = page_text(at)
    assert "HALFWAY with London (city centre, LGW, STN), ROUGHLY HALFWAY with London (LHR, LTN)" in text
    assert "(no large airport within 60 km of Bern)" in text
    frame = next(d.value for d in at.dataframe if "venue: Bern" in d.value.columns)
    lhr = frame[(frame["A: London"] == "LHR") & (frame["B: Rome"] == "city centre")].iloc[0]
    assert lhr["limits stated"] == "roughly"
