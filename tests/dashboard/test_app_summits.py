"""The dashboard's "Historic summits" view, run headless with Streamlit's AppTest."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from apptest import km_text, page_text
from apptest import open_view as open_app_view
from streamlit.testing.v1 import AppTest

import geo_dashboard.summits_view as summits_view
from geo.analysis.summits import load_summits
from geo.errors import DataError
from geo.maps.offline_html import external_references

VIEW = "Historic summits"


# Positions as written in data/summits.csv (venues) and GeoNames' capitals (parties).
WASHINGTON = (38.9072, -77.0369)
BEIJING = (39.9042, 116.4074)
MOSCOW = (55.75204, 37.61781)
ANCHORAGE = (61.21806, -149.90028)
GIMHAE = (35.1795, 128.938)
HOFDI = (64.1475, -21.9091)


def open_view(**params: str | list[str]) -> AppTest:
    """Run app.py on this view with these URL query parameters."""
    return open_app_view(VIEW, **params)


@pytest.fixture
def app() -> AppTest:
    return open_view()


def test_opens_on_the_seed_meeting_with_its_verdict_numbers_source_and_map(app: AppTest) -> None:
    assert app.sidebar.radio(key="view").value == VIEW
    assert app.selectbox(key="summit").value == "anchorage-2021"
    text = page_text(app)
    assert "Verdict: ROUGHLY HALFWAY" in text
    for number in (km_text(WASHINGTON, ANCHORAGE), km_text(BEIJING, ANCHORAGE), "46/54", "+5.8 %"):
        assert number in text, number
    assert "Antony Blinken and Jake Sullivan" in text and "18–19 March 2021" in text
    assert any("[Source](https://www.adn.com/" in c.value for c in app.caption)
    (frame,) = app.get("iframe")
    html = frame.proto.srcdoc
    assert "L.polyline" in html and "Anchorage" in html and external_references(html) == []
    assert not app.error


def test_the_gallery_lists_every_summit_with_verdict_and_source(app: AppTest) -> None:
    table = app.dataframe[-1].value  # after the summit-realities table
    summits = load_summits()
    assert len(table) == len(summits)
    assert list(table["year"]) == [s.year for s in summits]
    assert list(table["source"]) == [s.source_url for s in summits]
    reykjavik = table[table["summit"] == "Reykjavík Summit"].iloc[0]
    assert reykjavik["verdict"] == "🟡 roughly halfway" and reykjavik["split"] == "58/42"
    assert "❌ not halfway" in set(table["verdict"])


def test_selecting_another_summit_changes_the_verdict_numbers_and_map(app: AppTest) -> None:
    before = app.get("iframe")[0].proto.srcdoc
    app.selectbox(key="summit").set_value("busan-2025").run()
    assert not app.exception
    text = page_text(app)
    assert "Verdict: NOT HALFWAY" in text and "ROUGHLY" not in text
    assert km_text(WASHINGTON, GIMHAE) in text and km_text(BEIJING, GIMHAE) in text
    assert "90/10" in text and "30 October 2025" in text
    after = app.get("iframe")[0].proto.srcdoc
    assert after != before and "Gimhae Air Base" in after


def test_a_four_party_summit_lists_each_distance_without_a_halfway_verdict(app: AppTest) -> None:
    app.selectbox(key="summit").set_value("geneva-1955").run()
    assert not app.exception
    text = page_text(app)
    assert "Verdict: NOT DEFINED (4 PARTIES)" in text
    palais = (46.2267, 6.1406)
    for capital in (WASHINGTON, MOSCOW, (51.50853, -0.12574), (48.85341, 2.3488)):
        assert km_text(capital, palais) in text
    html = app.get("iframe")[0].proto.srcdoc
    assert "Palais des Nations" in html and "London" in html and external_references(html) == []


def test_query_string_restores_the_selected_summit() -> None:
    at = open_view(summit="1986 Reykjavík Summit")
    assert at.selectbox(key="summit").value == "reykjavik-1986"
    text = page_text(at)
    assert km_text(WASHINGTON, HOFDI) in text and km_text(MOSCOW, HOFDI) in text
    assert "Verdict: ROUGHLY HALFWAY" in text and "11–12 October 1986" in text


def test_an_unknown_summit_in_the_query_string_falls_back_to_the_default() -> None:
    at = open_view(summit="1999 Atlantis Summit")
    assert at.selectbox(key="summit").value == "anchorage-2021"
    assert "Verdict: ROUGHLY HALFWAY" in page_text(at)


@pytest.fixture
def broken_data(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    def fail() -> None:
        raise DataError("summits.csv: row 7: venue 'Atlantis' does not resolve")

    summits_view._checked.clear()
    monkeypatch.setattr(summits_view, "check_summits", fail)
    yield
    summits_view._checked.clear()


@pytest.mark.usefixtures("broken_data")
def test_a_broken_summits_file_is_an_inline_error_and_the_app_keeps_working() -> None:
    at = open_view()
    assert "row 7: venue 'Atlantis' does not resolve" in at.error[0].value
    at.sidebar.radio(key="view").set_value("Check a claim").run()
    assert not at.exception and "Verdict:" in page_text(at)


def test_a_summit_shows_its_realities_on_its_own_date(app: AppTest) -> None:
    # Singapore, 12 June 2018: Pyongyang was on UTC+9 since 4 May 2018 (UTC+8:30 before),
    # Singapore UTC+8, Washington on daylight time (UTC−4); Sentosa is Singapore's, neutral
    app.selectbox(key="summit").set_value("singapore-2018").run()
    assert not app.exception
    text = "\n".join(m.value for m in app.markdown)
    assert "Summit realities on 2018-06-12" in text
    # Sentosa is missing from the 1:10m polygons: the nearest country within 25 km, and says so
    assert (
        "lies in **Singapore** (SG) (nearest country: the point is 1.7 km outside its 1:10m outline); "
        "Asia/Singapore, UTC+08:00" in text
    )
    assert "**neutral** venue" in text
    frame = app.dataframe[0].value
    shifts = dict(zip(frame["party"], frame["clock shift"], strict=True))
    assert shifts == {"Washington, D.C.": "+12:00 h", "Pyongyang": "−1:00 h"}


def test_panmunjom_keeps_its_recorded_host_where_the_polygons_cannot_draw_the_line() -> None:
    # The Peace House is on the southern side of the demarcation line (hand-known); the 1:10m
    # polygons put the point in North Korea, so the record wins and the page says why
    at = open_view()
    at.selectbox(key="summit").set_value("panmunjom-2018").run()
    text = page_text(at)
    assert "lies in **South Korea** (KR)" in text
    assert "**not neutral**: the same country as Seoul" in text
    assert any("polygons put this point in North Korea (KP)" in c.value for c in at.caption)


def test_the_meeting_hours_of_the_summit_day_follow_zoneinfo() -> None:
    import datetime as dt
    from zoneinfo import ZoneInfo

    app = open_view()  # Anchorage 2021, which began on 2021-03-18
    (table,) = [d.value for d in app.dataframe if "in work" in d.value.columns]
    assert len(table) == 24 and table.iloc[0]["best"] == "★"
    (venue_column,) = [c for c in table.columns if c.endswith("(venue)")]
    for _, row in table.iterrows():
        hour, minute = map(int, str(row[venue_column])[:5].split(":"))
        venue = dt.datetime(2021, 3, 18, hour, minute, tzinfo=ZoneInfo("America/Anchorage"))
        assert str(row["Beijing"])[:5] == venue.astimezone(ZoneInfo("Asia/Shanghai")).strftime("%H:%M")
    assert "Meeting hours on 2021-03-18" in page_text(app) and not app.error
