"""The dashboard's "Compare venues" view, run headless with Streamlit's AppTest."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import streamlit.testing.v1.app_test as app_test_module
from apptest import gl_km
from apptest import open_view as open_app_view
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest

from geo.maps.offline_html import external_references
from geo_dashboard import compare_view
from geo_dashboard.compare_view import read_uploaded_venues

VIEW = "Compare venues"


# GeoNames positions of the gazetteer (Washington is the alias's fixed point)
WASHINGTON = (38.9072, -77.0369)
MOSCOW = (55.75204, 37.61781)
BEIJING = (39.9042, 116.4074)
VENUES = {
    "Anchorage": (61.21806, -149.90028),
    "Reykjavík": (64.13548, -21.89541),
    "Helsinki": (60.16952, 24.93545),
    "Geneva": (46.20222, 6.14569),
}
TOLERANCE_KM = 1e-6  # 1 mm


def open_view(**params: str | list[str]) -> AppTest:
    """Run app.py on this view with these URL query parameters."""
    return open_app_view(VIEW, **params)


@pytest.fixture
def app() -> AppTest:
    return open_view()


def results(at: AppTest) -> Any:
    """The ranking table (a pandas DataFrame), best first."""
    tables = [d.value for d in at.dataframe if "venue" in d.value.columns]
    assert len(tables) == 1
    return tables[0]


def venue_order(at: AppTest) -> list[str]:
    return list(results(at)["venue"])


def errors(at: AppTest) -> list[str]:
    return [e.value for e in at.error]


def test_opens_on_washington_and_moscow_with_geodesic_distances_and_no_error(app: AppTest) -> None:
    assert app.sidebar.radio(key="view").value == VIEW
    assert not errors(app)
    table = results(app).set_index("venue")
    assert set(table.index) == set(VENUES)
    for name, point in VENUES.items():
        assert abs(table.loc[name, "Washington, D.C. km"] - gl_km(WASHINGTON, point)) < TOLERANCE_KM
        assert abs(table.loc[name, "Moscow km"] - gl_km(MOSCOW, point)) < TOLERANCE_KM
    reykjavik = table.loc["Reykjavík"]
    assert round(reykjavik["Washington, D.C. km"]) == 4525  # as the CLI prints it
    # minimax by default: the smallest longest trip first, ranked independently here
    longest = {name: max(gl_km(WASHINGTON, p), gl_km(MOSCOW, p)) for name, p in VENUES.items()}
    assert venue_order(app) == sorted(VENUES, key=longest.__getitem__)
    assert list(results(app)["rank"]) == [1, 2, 3, 4]
    assert "Ranked by **minimax**" in "\n".join(m.value for m in app.markdown)


def test_two_parties_get_detour_split_flight_time_and_summit_facts(app: AppTest) -> None:
    table = results(app).set_index("venue")
    direct = gl_km(WASHINGTON, MOSCOW)
    for name, point in VENUES.items():
        dw, dm = gl_km(WASHINGTON, point), gl_km(MOSCOW, point)
        assert table.loc[name, "detour %"] == pytest.approx(100 * ((dw + dm) / direct - 1), abs=1e-6)
        assert table.loc[name, "split"] == f"{100 * dw / (dw + dm):.0f}/{100 * dm / (dw + dm):.0f}"
        assert table.loc[name, "Washington, D.C. h"] == pytest.approx(dw / 804.672 + 0.5)
        assert table.loc[name, "spread km"] == pytest.approx(abs(dw - dm), abs=1e-6)
    assert table.loc["Reykjavík", "host"] == "Iceland (IS)"
    assert table.loc["Anchorage", "host"] == "United States (US)"
    assert not table.loc["Anchorage", "neutral"] and table.loc["Geneva", "neutral"]


def test_changing_the_ranking_changes_the_order(app: AppTest) -> None:
    before = venue_order(app)
    app.radio(key="rank").set_value("fair").run()
    assert not app.exception and not errors(app)
    spread = {name: abs(gl_km(WASHINGTON, p) - gl_km(MOSCOW, p)) for name, p in VENUES.items()}
    after = venue_order(app)
    assert after[0] == "Reykjavík"
    assert after == sorted(VENUES, key=spread.__getitem__) and after != before
    assert "Ranked by **fair**" in "\n".join(m.value for m in app.markdown)
    app.radio(key="rank").set_value("detour").run()
    direct = gl_km(WASHINGTON, MOSCOW)
    detour = {name: gl_km(WASHINGTON, p) + gl_km(MOSCOW, p) - direct for name, p in VENUES.items()}
    # Reykjavík and Helsinki both lie on the Washington–Moscow geodesic (detour < 0.02 %)
    assert set(venue_order(app)[:2]) == {"Reykjavík", "Helsinki"}
    assert venue_order(app)[2:] == sorted(VENUES, key=detour.__getitem__)[2:]


def test_three_weighted_parties(app: AppTest) -> None:
    app.text_area(key="parties").set_value("Washington\nMoscow\nBeijing").run()
    app.text_input(key="w").set_value("3, 1 1").run()
    app.radio(key="rank").set_value("minsum").run()
    assert not app.exception and not errors(app)
    frame = results(app)
    assert "detour %" not in frame.columns and "split" not in frame.columns  # two parties only
    table = frame.set_index("venue")
    totals = {}
    for name, point in VENUES.items():
        dw, dm, db = gl_km(WASHINGTON, point), gl_km(MOSCOW, point), gl_km(BEIJING, point)
        totals[name] = 3 * dw + dm + db
        assert table.loc[name, "total km"] == pytest.approx(totals[name], abs=1e-6)
        assert table.loc[name, "max km"] == pytest.approx(max(dw, dm, db), abs=1e-6)  # unweighted
        assert table.loc[name, "Beijing km"] == pytest.approx(db, abs=1e-6)
    assert venue_order(app) == sorted(VENUES, key=totals.__getitem__)


def test_a_wrong_number_of_weights_is_an_inline_error(app: AppTest) -> None:
    app.text_input(key="w").set_value("1 2 3").run()
    assert not app.exception
    assert errors(app) == ["Weights: got 3 weights for 2 parties; give one weight per party"]
    assert not [d for d in app.dataframe if "venue" in d.value.columns]  # no misleading ranking
    app.text_input(key="w").set_value("1 two").run()
    assert errors(app) == ["Weights: weight 'two' is not a number"]
    app.text_input(key="w").set_value("2 1").run()
    assert not errors(app) and len(venue_order(app)) == 4


def test_an_unknown_typed_venue_names_its_line_and_the_others_are_still_scored(app: AppTest) -> None:
    app.text_area(key="venues").set_value("Anchorage\nReykjavik\nXyzzyville\nGeneva").run()
    assert not app.exception
    (message,) = errors(app)
    assert message.startswith("line 3 ('Xyzzyville'): unknown place 'Xyzzyville'")
    assert set(venue_order(app)) == {"Anchorage", "Reykjavík", "Geneva"}


def test_an_unknown_party_stops_the_ranking_with_an_inline_error(app: AppTest) -> None:
    app.text_area(key="parties").set_value("Washington\nXyzzyville").run()
    assert not app.exception
    assert errors(app)[0].startswith("line 2 ('Xyzzyville'): unknown place 'Xyzzyville'")
    assert not app.dataframe
    app.text_area(key="parties").set_value("Washington").run()
    assert errors(app) == ["got 1 party; give between 2 and 20"]


UPLOAD = (
    "\ufeffname,lat,lon,place\n"  # Excel's byte-order mark
    "Höfði,64.1475,-21.9091,\n"
    "Nowhere,95,0,\n"
    "Vienna airport,,,VIE\n"
    "Xyzzyville,,,Xyzzyville\n"
    "Bad number,abc,10,\n"
    "Too,many,fields,here,x\n"
).encode("utf-8")


def test_an_uploaded_csv_is_scored_and_its_bad_rows_are_listed_with_row_numbers(app: AppTest) -> None:
    app.text_area(key="venues").set_value("Anchorage").run()
    app.file_uploader(key="cfile").set_value(("venues.csv", UPLOAD, "text/csv")).run()
    assert not app.exception and not errors(app)
    table = results(app).set_index("venue")
    assert set(table.index) == {"Anchorage", "Höfði", "Vienna airport"}
    assert abs(table.loc["Höfði", "Washington, D.C. km"] - gl_km(WASHINGTON, (64.1475, -21.9091))) < 1e-6
    assert table.loc["Höfði", "file row"] == 2 and table.loc["Vienna airport", "file row"] == 4
    rejected = next(d.value for d in app.dataframe if "error" in d.value.columns)
    assert list(rejected["row"]) == [3, 5, 6, 7]
    assert list(rejected["input"])[:2] == ["Nowhere,95,0,", "Xyzzyville,,,Xyzzyville"]
    errors_by_row = dict(zip(rejected["row"], rejected["error"], strict=True))
    assert "latitude 95 is out of range" in errors_by_row[3]
    assert "unknown place 'Xyzzyville'" in errors_by_row[5]
    assert "'abc' is not a number" in errors_by_row[6]
    assert "expected 4 fields" in errors_by_row[7]
    assert "4 rows of the uploaded file could not be compared" in app.warning[0].value
    assert any("venues.csv: 2 venues read, 4 rows rejected" in c.value for c in app.caption)


def test_an_upload_that_is_not_a_venue_csv_is_an_inline_error(app: AppTest) -> None:
    app.file_uploader(key="cfile").set_value(("notes.csv", b"hello,world\n1,2\n", "text/csv")).run()
    assert not app.exception
    (message,) = errors(app)
    assert "notes.csv is not a venue CSV file" in message
    assert len(venue_order(app)) == 4  # the typed venues are still compared


def test_an_upload_over_the_row_limit_is_refused_inline_with_the_limit(
    app: AppTest, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(compare_view, "MAX_UPLOAD_ROWS", 3)
    compare_view.read_uploaded_venues.cache_clear()
    data = b"name,lat,lon\nA,1,2\nB,3,4\nC,5,6\nD,7,8\n"
    app.file_uploader(key="cfile").set_value(("big.csv", data, "text/csv")).run()
    assert not app.exception
    (message,) = errors(app)
    assert message.startswith("big.csv has more than 3 venue rows, the limit here")
    assert len(venue_order(app)) == 4  # the typed venues are still compared
    compare_view.read_uploaded_venues.cache_clear()


def test_a_large_upload_lists_the_best_venues_in_the_table_and_says_so(
    app: AppTest, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(compare_view, "TABLE_MAX_VENUES", 5)
    data = "name,lat,lon\n" + "".join(f"V{i},{i % 80},{i}\n" for i in range(12))
    app.file_uploader(key="cfile").set_value(("many.csv", data.encode(), "text/csv")).run()
    assert not app.exception and not errors(app)
    assert len(results(app)) == 5
    note = "The table lists the best 5 of 16 venues; the downloads below hold all of them."
    assert any(note in c.value for c in app.caption)


def test_reading_uploaded_bytes_keeps_rejected_rows_and_refuses_hostile_names() -> None:
    table, error = read_uploaded_venues(UPLOAD, "../../etc/venues.csv")
    assert error is None and table is not None
    assert table.names == ("Höfði", "Vienna airport") and table.source == "venues.csv"
    assert [r.row for r in table.rejected] == [3, 5, 6, 7]
    assert read_uploaded_venues(b"\x00\x01binary", "x.csv")[1] == (
        "x.csv is not a CSV text file (it contains binary data)"
    )
    assert read_uploaded_venues(b"name,lat,lon\n", "<b>.csv")[1] == (
        "venue file uploaded.csv has a header but no venue rows"
    )


def test_neutral_filter_removes_venues_in_a_party_country(app: AppTest) -> None:
    app.checkbox(key="neutral").check().run()
    assert not app.exception
    assert venue_order(app) == ["Reykjavík", "Geneva", "Helsinki"]  # Anchorage is in the US
    assert list(results(app)["rank"]) == [1, 2, 3]
    assert any("1 in a party's country hidden" in c.value for c in app.caption)
    html = app.get("iframe")[0].proto.srcdoc
    assert "Anchorage" not in html and "Reykjavík" in html


def test_detour_with_three_parties_is_an_inline_message_not_an_exception(app: AppTest) -> None:
    app.text_area(key="parties").set_value("Washington\nMoscow\nBeijing").run()
    app.radio(key="rank").set_value("detour").run()
    assert not app.exception
    assert errors(app) == ["Ranking by detour needs exactly two parties, not 3: ranked by minimax instead."]
    longest = {
        name: max(gl_km(WASHINGTON, p), gl_km(MOSCOW, p), gl_km(BEIJING, p)) for name, p in VENUES.items()
    }
    assert venue_order(app) == sorted(VENUES, key=longest.__getitem__)


def test_the_map_is_a_self_contained_offline_page(app: AppTest) -> None:
    (frame,) = app.get("iframe")
    html = frame.proto.srcdoc
    assert "L.map(" in html and "L.polyline" in html
    for name in ("Anchorage", "Reykjavík", "Helsinki", "Geneva", "Washington, D.C.", "Moscow"):
        assert name in html, name
    assert external_references(html) == []


def test_the_chart_groups_each_party_per_venue_in_rank_order(app: AppTest) -> None:
    (chart,) = app.get("vega_lite_chart")
    spec = json.loads(chart.proto.spec)
    assert spec["encoding"]["y"]["sort"] == [f"{i}. {v}" for i, v in enumerate(venue_order(app), 1)]
    assert spec["encoding"]["yOffset"]["field"] == "party"
    assert spec["encoding"]["x"]["field"] == "km"
    app.radio(key="cchart").set_value("Flight time (h)").run()
    spec = json.loads(app.get("vega_lite_chart")[0].proto.spec)
    assert spec["encoding"]["x"]["field"] == "hours"


def test_twenty_parties_get_twenty_distinct_bar_colours() -> None:
    capitals = "Washington Moscow Beijing London Paris Berlin Tokyo Delhi Brasília Ottawa Canberra "
    capitals += "Pretoria Cairo Ankara Tehran Riyadh Jakarta Seoul Nairobi Lima"
    at = open_view(parties="\n".join(capitals.split()))
    spec = json.loads(at.get("vega_lite_chart")[0].proto.spec)
    color = spec["encoding"]["color"]
    assert len(color["sort"]) == 20 and len(set(color["scale"]["range"])) == 20


@pytest.fixture
def downloads(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, bytes]]:
    """Every file the app hands to Streamlit's media storage, by file id (Streamlit's own storage)."""
    files: dict[str, bytes] = {}

    class Recording(MemoryMediaFileStorage):
        def load_and_get_id(
            self, path_or_data: str | bytes, mimetype: str, kind: Any, filename: str | None = None
        ) -> str:
            file_id = super().load_and_get_id(path_or_data, mimetype, kind, filename)
            files[file_id] = self.get_file(file_id).content
            return file_id

    monkeypatch.setattr(app_test_module, "MemoryMediaFileStorage", Recording)
    yield files


def download(at: AppTest, files: dict[str, bytes], key: str) -> bytes:
    (button,) = [b for b in at.get("download_button") if b.proto.id.endswith(key)]
    return files[Path(button.proto.url).stem]


def test_csv_and_json_downloads_hold_the_ranking(downloads: dict[str, bytes]) -> None:
    at = open_view(rank="fair")
    text = download(at, downloads, "download-compare-csv").decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["name"] for r in rows] == venue_order(at) and rows[0]["name"] == "Reykjavík"
    assert float(rows[0]["km_to_Washington, D.C."]) == pytest.approx(
        gl_km(WASHINGTON, VENUES["Reykjavík"]), abs=1e-3
    )
    data = json.loads(download(at, downloads, "download-compare-json"))
    assert data["rank_by"] == "fair" and [v["name"] for v in data["venues"]] == venue_order(at)
    first = data["venues"][0]
    assert first["distances_km"][1] == pytest.approx(gl_km(MOSCOW, VENUES["Reykjavík"]), abs=1e-6)
    assert first["facts"]["venue"]["country"] == "IS" and first["facts"]["venue"]["neutral"] is True
    assert first["facts"]["parties"][1]["overflies"][0] == "RU"
    html = download(at, downloads, "download-compare-washington-d-c-moscow.html").decode("utf-8")
    assert html == at.get("iframe")[0].proto.srcdoc


def test_summit_facts_follow_the_date(app: AppTest) -> None:
    day = dt.date(1986, 10, 11)  # the Reykjavík summit: Washington on daylight time, Moscow not
    app.date_input(key="date").set_value(day).run()
    assert not app.exception
    noon = dt.datetime(day.year, day.month, day.day, 12)

    def offset(zone: str) -> float:
        delta = noon.replace(tzinfo=ZoneInfo(zone)).utcoffset()
        assert delta is not None
        return delta.total_seconds() / 3600

    reykjavik = results(app).set_index("venue").loc["Reykjavík"]
    assert reykjavik["UTC offset"] == "UTC+00:00"
    shift_w = offset("Atlantic/Reykjavik") - offset("America/New_York")
    shift_m = offset("Atlantic/Reykjavik") - offset("Europe/Moscow")
    assert (shift_w, shift_m) == (4.0, -3.0)
    assert reykjavik["Washington, D.C. clock shift"] == "+4:00 h"
    assert reykjavik["Moscow clock shift"] == "−3:00 h"


def test_aircraft_range_adds_non_stop_columns_and_range_rings(app: AppTest) -> None:
    app.text_area(key="venues").set_value("Reykjavik\nSingapore").run()
    assert "Washington, D.C. non-stop" not in results(app).columns
    app.selectbox(key="ac0").set_value("vc-25a").run()  # 12,553 km
    assert not app.exception
    table = results(app).set_index("venue")
    assert gl_km(WASHINGTON, (1.28967, 103.85007)) > 12553 > gl_km(WASHINGTON, VENUES["Reykjavík"])
    assert table.loc["Singapore", "Washington, D.C. non-stop"].startswith("1 stop (e.g. ")  # not non-stop
    assert table.loc["Reykjavík", "Washington, D.C. non-stop"] == "yes"
    assert table["Moscow non-stop"].isna().all()  # no aircraft chosen for Moscow
    assert "12,553" in app.get("iframe")[0].proto.srcdoc  # the range ring's label


def test_presets_and_picks_add_venues_and_parties_and_repeats_are_merged(app: AppTest) -> None:
    app.selectbox(key="preset").set_value("Neutral capitals").run()
    assert not app.exception and not errors(app)
    names = venue_order(app)
    assert {"Bern", "Vienna", "Stockholm", "Dublin", "Anchorage"} <= set(names)
    assert names.count("Helsinki") == 1  # in the preset and typed: compared once
    assert any("Listed twice, compared once: Helsinki" in c.value for c in app.caption)
    choice = next(c for c in app.selectbox(key="pick").options if c.startswith("PEK – "))
    app.selectbox(key="pick").set_value(choice).run()
    assert not app.exception
    assert app.text_area(key="parties").value == "Washington\nMoscow\nPEK"  # a new line, in the URL
    assert app.selectbox(key="pick").value is None  # ready for the next search
    columns = results(app).columns
    assert "Beijing Capital International Airport km" in columns and "detour %" not in columns


def test_query_string_restores_the_inputs() -> None:
    at = open_view(parties="Washington\nBeijing", venues="Anchorage\nSeoul", rank="fair", neutral="true")
    assert at.text_area(key="parties").value == "Washington\nBeijing"
    assert at.radio(key="rank").value == "fair" and at.checkbox(key="neutral").value
    assert venue_order(at) == ["Seoul"]  # Anchorage is in the United States
    table = results(at).set_index("venue")
    assert table.loc["Seoul", "Beijing km"] == pytest.approx(gl_km(BEIJING, (37.566, 126.9784)), abs=1e-6)


def test_no_neutral_venue_says_so(app: AppTest) -> None:
    app.text_area(key="venues").set_value("Anchorage\nSochi").run()
    app.checkbox(key="neutral").check().run()
    assert not app.exception and not app.dataframe
    assert "No neutral venue" in app.info[0].value


def test_a_zero_weight_is_said_and_the_party_counts_in_no_figure() -> None:
    at = open_view(w="0, 1")
    assert any("Washington, D.C. sends nobody" in i.value for i in at.info)
    table = results(at)
    helsinki = table[table["venue"] == "Helsinki"].iloc[0]
    moscow_km = gl_km((55.75204, 37.61781), (60.16952, 24.93545))  # GeoNames Helsinki
    assert helsinki["max km"] == pytest.approx(moscow_km, abs=1e-3)  # Washington's 6,948 km left out


def test_the_ranking_in_the_url_is_its_short_name() -> None:
    at = open_view(rank="detour")
    assert at.radio(key="rank").value == "detour"
    assert venue_order(at)[0] == "Reykjavík"  # +0.0 % detour (4,525 + 3,317 km vs 7,842 km direct)
