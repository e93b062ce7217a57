"""The dashboard's "Plan the journey" view, run headless with Streamlit's AppTest."""

from __future__ import annotations

import pytest
from apptest import km_text, page_text
from apptest import open_view as open_app_view
from streamlit.testing.v1 import AppTest

from geo.maps.offline_html import external_references

VIEW = "Plan the journey"
PYONGYANG = (39.03385, 125.75432)  # GeoNames' capital
WASHINGTON = (38.9072, -77.0369)


def open_view(**params: str | list[str]) -> AppTest:
    return open_app_view(VIEW, **params)


def test_opens_on_pyongyang_washington_with_the_il62m_and_its_stops() -> None:
    app = open_view()
    assert app.text_input(key="route").value == "Pyongyang - Washington"
    legs = app.dataframe[0].value
    assert list(legs["km"]) == [round(float(km_text(PYONGYANG, WASHINGTON).split()[0].replace(",", "")))]
    assert legs.iloc[0]["non-stop"] == "NO: 1 stop (e.g. Churchill (YYQ))"
    stops = app.dataframe[1].value
    assert len(stops) == 5 and stops.iloc[0]["via"] == "Churchill (YYQ), CA"
    assert list(stops["total km"]) == sorted(stops["total km"])
    (frame,) = app.get("iframe")
    html = frame.proto.srcdoc
    assert "geo-stop-route" in html and external_references(html) == []
    assert not app.error


def test_a_multi_leg_route_from_the_link_and_its_widgets_in_the_url() -> None:
    app = open_view(route="JFK-LHR-SIN", jac="(no aircraft: legs only)")
    legs = app.dataframe[0].value
    assert list(legs["leg"]) == ["1. JFK → LHR", "2. LHR → SIN"]
    assert legs["non-stop"].isna().all() and len(app.dataframe) == 1  # no aircraft: no stops table
    assert "2 legs" in page_text(app) and "% longer than the direct" in page_text(app)
    # the link restores every widget of the view
    app = open_view(route="JFK-LHR-SIN", jac="il-62m", jneu="true", jst="1", jrw="3000")
    assert app.checkbox(key="jneu").value and app.number_input(key="jst").value == 1
    assert app.number_input(key="jrw").value == 3000
    stops = app.dataframe[1].value
    assert all(", US" not in v and ", SG" not in v for v in stops["via"])  # neutral: not in US or SG
    assert not [w for w in app.warning if "link" in w.value]


@pytest.mark.parametrize(
    ("route", "message"),
    [
        ("JFK", "a route needs 2 to 20 places, not 1"),
        ("JFK-QQQZZ", "unknown place 'QQQZZ'"),
        ("", "empty place"),
    ],
)
def test_a_bad_route_is_an_inline_error_and_the_page_keeps_working(route: str, message: str) -> None:
    app = open_view(route=route)
    assert app.error and message in app.error[0].value
    app.text_input(key="route").set_value("JFK-LHR").run()
    assert not app.error and app.dataframe[0].value.iloc[0]["leg"] == "1. JFK → LHR"


def test_avoiding_airspace_in_the_journey_check_and_compare_views() -> None:
    app = open_view(route="Helsinki - Tokyo", javoid="RU – Russia", jac="(no aircraft: legs only)")
    text = page_text(app)
    assert "Avoiding the airspace of RU" in text and "Helsinki → Tokyo: 10,531 km around RU" in text
    (frame,) = app.get("iframe")
    assert "geo-detour" in frame.proto.srcdoc
    app = open_view(route="Moscow - Tokyo", javoid="RU – Russia")
    assert "Moscow is on the avoided land (RU): no path" in page_text(app) and not app.error
    assert app.dataframe[0].value.iloc[0]["non-stop"] == "NO: no path around RU"
    check = open_app_view("Check a claim", cav="RU – Russia")
    assert "Beijing → Anchorage: 6,881 km around RU" in page_text(check)
    assert "geo-detour" in check.get("iframe")[0].proto.srcdoc
    compare = open_app_view("Compare venues", cmav=["RU – Russia", "CA – Canada"])
    assert "Avoiding the airspace of RU, CA" in page_text(compare) and not compare.error
