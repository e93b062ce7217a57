"""The dashboard's "Check a claim" view, run headless with Streamlit's AppTest."""

from __future__ import annotations

import datetime as dt

import pytest
from apptest import APP, TIMEOUT_S, gl_km, page_text
from streamlit.testing.v1 import AppTest

from geo.maps.offline_html import external_references


@pytest.fixture
def app() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT_S)
    at.run()
    assert not at.exception
    return at


def test_opens_on_the_seed_scenario_with_every_number(app: AppTest) -> None:
    text = page_text(app)
    assert "Verdict: ROUGHLY HALFWAY" in text
    for number in ("5,421 km", "6,402 km", "11,171 km", "2,317 km", "+652 km", "81.9°N, 156.9°W", "46/54"):
        assert number in text, number
    for reading in ("equal distance", "on the way", "at the midpoint"):
        assert f"**{reading}**" in text, reading
    assert not app.error


def test_the_map_is_a_self_contained_offline_page(app: AppTest) -> None:
    frames = app.get("iframe")
    assert len(frames) == 1
    html = frames[0].proto.srcdoc
    assert "L.map(" in html and "L.polyline" in html and "Anchorage" in html
    assert external_references(html) == []


def test_changing_a_party_updates_the_verdict(app: AppTest) -> None:
    app.text_input(key="b").set_value("Moscow").run()
    app.text_input(key="venue").set_value("Reykjavik").run()
    assert not app.exception
    text = page_text(app)
    # Reykjavík (GeoNames 64.13548, -21.89541) from Washington (38.9072, -77.0369): 4,525 km
    expected = gl_km((38.9072, -77.0369), (64.13548, -21.89541))
    assert f"{expected:,.0f} km" in text
    assert "Verdict: ROUGHLY HALFWAY" in text and "Reykjavík" in text


def test_unknown_place_is_an_inline_error_and_the_page_keeps_working(app: AppTest) -> None:
    app.text_input(key="venue").set_value("Xyzzyville").run()
    assert not app.exception
    assert len(app.error) == 1
    assert "unknown place 'Xyzzyville'" in app.error[0].value and "did you mean" in app.error[0].value
    # the other inputs still resolve and say so; the sidebar still works
    assert any("Washington, D.C." in c.value for c in app.caption)
    assert app.sidebar.radio(key="view").value == "Check a claim"
    app.text_input(key="venue").set_value("ANC").run()
    assert not app.error and "Verdict:" in page_text(app)


def test_blank_input_asks_for_a_place(app: AppTest) -> None:
    app.text_input(key="a").set_value("").run()
    assert not app.exception
    assert "Enter a place" in app.error[0].value


def test_query_string_restores_the_view() -> None:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT_S)
    at.query_params["venue"] = "Helsinki"
    at.query_params["a"] = "Washington"
    at.query_params["b"] = "Moscow"
    at.run()
    assert not at.exception
    assert at.text_input(key="venue").value == "Helsinki"
    text = page_text(at)
    assert "Helsinki" in text and "Moscow" in text and "Beijing" not in text


def test_thresholds_change_the_verdict_and_bad_ones_are_inline_errors(app: AppTest) -> None:
    # Anchorage: detour 5.8 %, split 46/54 (4.6 points off): halfway once the limits allow both
    app.number_input(key="hd").set_value(6.0).run()
    app.number_input(key="hs").set_value(5.0).run()
    assert "Verdict: HALFWAY" in page_text(app)
    app.number_input(key="rd").set_value(2.0).run()  # roughly limit below the halfway one
    assert not app.exception
    assert "cannot exceed" in app.error[0].value


def facts_table(at: AppTest) -> dict[str, dict[str, object]]:
    """The summit-realities table, by party name."""
    frame = at.dataframe[0].value
    return {str(row["party"]): dict(row) for _, row in frame.iterrows()}


def test_summit_realities_of_the_seed_meeting_on_its_date(app: AppTest) -> None:
    # 18 March 2021: Alaska on daylight time (UTC−8, since 14 March), Washington UTC−4, Beijing UTC+8
    app.date_input(key="cd").set_value(dt.date(2021, 3, 18)).run()
    assert not app.exception
    text = page_text(app)
    assert "Anchorage lies in **United States** (US); America/Anchorage, UTC−08:00 on 2021-03-18" in text
    assert "**not neutral**: the same country as Washington, D.C." in text
    rows = facts_table(app)
    assert rows["Washington, D.C."]["clock shift"] == "−4:00 h"
    assert rows["Beijing"]["clock shift"] == "−16:00 h"
    assert rows["Beijing"]["overflies"] == "CN → RU → US"  # Beijing → Anchorage crosses Russia
    assert rows["Beijing"]["distance km"] == round(gl_km((39.9042, 116.4074), (61.21806, -149.90028)))
    assert rows["Beijing"]["non-stop"] == "–"  # no aircraft chosen, no range check
    assert any("German point of view" in c.value for c in app.caption)


def test_aircraft_range_marks_each_leg_and_draws_rings(app: AppTest) -> None:
    # Singapore 2018: Pyongyang → Singapore 4,737 km (Il-62M, 10,000 km: yes);
    # Washington → Singapore 15,552 km (VC-25A, 12,553 km: no, it refuelled)
    app.text_input(key="venue").set_value("Singapore").run()
    app.text_input(key="a").set_value("Pyongyang").run()
    app.text_input(key="b").set_value("Washington").run()
    app.selectbox(key="ca0").set_value("il-62m").run()
    rows = facts_table(app)
    assert rows["Pyongyang"]["non-stop"] == "yes (il-62m, 10,000 km)"
    assert rows["Washington, D.C."]["non-stop"] == "–"  # only one party given an aircraft
    app.selectbox(key="ca1").set_value("vc-25a").run()
    rows = facts_table(app)
    stop = "1 stop (e.g. Chengdu (Jianyang) (TFU))"  # Washington–Singapore is beyond the VC-25A's range
    assert rows["Washington, D.C."]["non-stop"] == f"{stop} (vc-25a, 12,553 km)"
    assert "**neutral** venue" in page_text(app)
    html = app.get("iframe")[0].proto.srcdoc
    assert "12,553" in html and "10,000" in html  # the range rings and their labels


def test_the_search_list_fills_in_the_place_box(app: AppTest) -> None:
    picker = app.selectbox(key="venue-pick")
    (keflavik,) = [o for o in picker.options if o.startswith("KEF – ")]
    assert any(o == "Reykjavík" for o in picker.options)  # capitals by name, airports by code
    picker.set_value(keflavik).run()
    assert not app.exception
    assert app.text_input(key="venue").value == "KEF"
    assert app.selectbox(key="venue-pick").value is None  # ready for the next search
    assert app.query_params["venue"] == "KEF"  # shared as the box's value
    # Keflavík airport (OurAirports 63.985, -22.6056) from Washington, by GeographicLib
    assert f"{gl_km((38.9072, -77.0369), (63.98500, -22.60560)):,.0f} km" in page_text(app)


SAME_CASES = [
    ("Anchorage", "Washington", "Beijing"),
    ("Reykjavik", "Washington", "Moscow"),
    ("Singapore", "Pyongyang", "Washington"),
    ("Höfði=64.1475,-21.9091", "DC", "Moscow"),
]


@pytest.mark.parametrize(("venue", "a", "b"), SAME_CASES)
def test_the_cli_and_the_dashboard_give_the_same_answer(
    app: AppTest, capsys: pytest.CaptureFixture[str], venue: str, a: str, b: str
) -> None:
    """Both shells call geo.usecases.check_claim: same verdict card, same explanation."""
    import json

    from geo.cli.main import main
    from geo.report.escape import md_escape

    assert main(["check", venue, "--between", a, b, "--json"]) == 0
    cli = json.loads(capsys.readouterr().out)
    app.text_input(key="venue").set_value(venue)
    app.text_input(key="a").set_value(a)
    app.text_input(key="b").set_value(b).run()
    assert not app.exception and not app.error
    text = page_text(app)
    assert f"Verdict: {cli['verdict'].upper()}" in text
    assert md_escape(cli["explanation"]) in text  # every number of the explanation, as the CLI wrote it
    for criterion in cli["criteria"]:
        assert f"**{criterion['name']}** ({criterion['holds']}): {md_escape(criterion['detail'])}" in text


def test_the_card_says_how_near_the_pole_the_direct_path_comes(app: AppTest) -> None:
    assert "The direct path peaks at 81.9°N (160.4°W), 902 km from the North Pole." in page_text(app)


def test_the_map_is_offered_as_html_geojson_and_kml(app: AppTest) -> None:
    buttons = app.get("download_button")
    labels = [b.proto.label for b in buttons]
    for label in (
        "Download the map (HTML, works offline)",
        "Download the layers (GeoJSON)",
        "Download the layers (KML, Google Earth)",
    ):
        assert label in labels, labels
