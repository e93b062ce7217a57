"""The dashboard's "Find the fairest venue" view, run headless with Streamlit's AppTest."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest
from apptest import G, gl_km
from apptest import open_view as open_app_view
from streamlit.testing.v1 import AppTest

from geo.analysis.check import PlaceRef
from geo.analysis.optimize import best
from geo.analysis.suggest import SuggestionFilters
from geo.maps.offline_html import external_references
from geo.places.resolve import resolve
from geo_dashboard import fairest_view

VIEW = "Find the fairest venue"


# The gazetteer's positions of the default parties (GeoNames capitals).
WASHINGTON = (38.9072, -77.0369)
BEIJING = (39.9042, 116.4074)
MOSCOW = (55.75204, 37.61781)
COLUMNS = {
    "midpoint": "geodesic midpoint",
    "centroid": "centre of gravity (centroid)",
    "minsum": "geometric median (minsum)",
    "minimax": "smallest worst case (minimax)",
}


def open_view(**params: str | list[str]) -> AppTest:
    """Run app.py on this view with these URL query parameters."""
    return open_app_view(VIEW, **params)


@pytest.fixture
def app() -> AppTest:
    return open_view()


def cards(at: AppTest) -> dict[str, str]:
    """The four optimal-point cards by objective (the code under the title)."""
    out = {}
    for m in at.markdown:
        found = re.search(r"^`(midpoint|centroid|minsum|minimax)`", m.value, re.MULTILINE)
        if m.value.startswith("##### ") and found:
            out[found.group(1)] = m.value
    return out


def trips(at: AppTest) -> pd.DataFrame:
    """The table of each party's trip to each point, indexed by party (plus longest/total)."""
    frame = at.dataframe[0].value
    return frame.set_index(frame.columns[0])


def suggestions(at: AppTest) -> pd.DataFrame:
    return at.dataframe[1].value


def map_page(at: AppTest) -> str:
    (frame,) = at.get("iframe")
    return str(frame.proto.srcdoc)


def polylines(page: str, kind: str) -> list[list[list[float]]]:
    """Vertices of the map's polylines of one kind (class ``geo-<kind>``), as drawn."""
    out = []
    for coords, options in re.findall(r"L\.polyline\(\s*(\[\[.*?\]\]),\s*(\{.*?\})\s*\)", page, re.DOTALL):
        if f'"geo-line geo-{kind}"' in options:
            out.append(json.loads(coords))
    return out


def test_opens_on_washington_beijing_with_the_geodesic_midpoint_and_direct_distance(app: AppTest) -> None:
    line = G.Inverse(*WASHINGTON, *BEIJING)
    mid = G.Direct(*WASHINGTON, line["azi1"], line["s12"] / 2)
    lat, lon = mid["lat2"], mid["lon2"]
    position = f"{abs(lat):.1f}°{'N' if lat >= 0 else 'S'}, {abs(lon):.1f}°{'E' if lon >= 0 else 'W'}"
    assert position == "81.9°N, 156.9°W"  # the reference itself, against the README
    text = "\n".join(m.value for m in app.markdown)
    assert f"direct: **{line['s12'] / 1000:,.0f} km**" in text and "11,171 km" in text
    found = cards(app)
    assert set(found) == {"midpoint", "centroid", "minsum", "minimax"}
    assert f"**{position}**, at sea" in found["midpoint"]
    assert f"Longest trip **{line['s12'] / 2000:,.0f} km**" in found["midpoint"]
    table = trips(app)
    for name in ("Washington, D.C.", "Beijing"):
        assert table.loc[name, COLUMNS["midpoint"]] == pytest.approx(line["s12"] / 2000, abs=0.05)
    assert not app.error


def test_each_point_says_what_fair_means_for_it(app: AppTest) -> None:
    found = cards(app)
    assert "longest trip is as short as possible" in found["minimax"]
    assert "least total flying" in found["minsum"]
    assert "same distance" in found["midpoint"] and "shortest path" in found["midpoint"]
    assert "centre of gravity" in found["centroid"] and "online" in found["centroid"]
    assert "not optimal in any distance sense" in found["centroid"]


def test_three_parties_leave_the_midpoint_undefined_and_show_the_other_points(app: AppTest) -> None:
    app.text_area(key="fp").set_value("Washington\nBeijing\nMoscow").run()
    assert not app.exception and not app.error
    found = cards(app)
    assert "Not defined for 3 parties" in found["midpoint"]
    for objective in ("centroid", "minsum", "minimax"):
        assert "📍" in found[objective] and "Longest trip" in found[objective], objective
    table = trips(app)
    assert (table[COLUMNS["midpoint"]] == "not defined").all()
    assert list(table.index) == ["Washington, D.C.", "Beijing", "Moscow", "longest trip", "total (weighted)"]
    # Moscow is 4,701 km from the Washington–Beijing midpoint, so that midpoint is the minimax point:
    # no point has a longest trip under half the farthest pair's distance.
    assert table.loc["longest trip", COLUMNS["minimax"]] == pytest.approx(
        gl_km(WASHINGTON, BEIJING) / 2, abs=0.05
    )
    # Meeting in Moscow costs d(W, M) + d(B, M); the geometric median cannot cost more.
    assert (
        table.loc["total (weighted)", COLUMNS["minsum"]]
        <= gl_km(WASHINGTON, MOSCOW) + gl_km(BEIJING, MOSCOW) + 0.05
    )


@pytest.mark.parametrize(
    ("places", "weights"),
    [
        ("Washington\nBeijing\nMoscow", ""),
        ("London\nTokyo\nSydney\nLima", "3 1 2 1"),
        ("Cairo\nOslo\nDakar", "1 1 5"),
    ],
)
def test_minimax_has_the_shorter_longest_trip_and_minsum_the_smaller_total(places: str, weights: str) -> None:
    at = open_view(fp=places, fw=weights)
    assert not at.error
    table = trips(at)
    minimax, minsum = table[COLUMNS["minimax"]], table[COLUMNS["minsum"]]
    assert minimax["longest trip"] <= minsum["longest trip"]
    assert minsum["total (weighted)"] <= minimax["total (weighted)"]
    # and every optimum's longest trip is at least half of the farthest pair's distance
    refs = [resolve(p) for p in places.splitlines()]
    farthest = max(gl_km((a.lat, a.lon), (b.lat, b.lon)) for a in refs for b in refs)
    assert minimax["longest trip"] >= farthest / 2 - 0.05


def test_a_weights_mismatch_is_an_inline_error_and_the_page_keeps_working(app: AppTest) -> None:
    app.text_input(key="fw").set_value("1 2 3").run()
    assert not app.exception
    assert len(app.error) == 1 and "got 3 weights for 2 parties" in app.error[0].value
    assert any("Fix the weights" in i.value for i in app.info)
    app.text_input(key="fw").set_value("3 x").run()
    assert "weight 'x' is not a number" in app.error[0].value
    app.text_input(key="fw").set_value("3 1").run()
    assert not app.error
    # three travellers from Washington: the geometric median is Washington itself
    table = trips(app)
    assert table.loc["Washington, D.C.", COLUMNS["minsum"]] == pytest.approx(0.0, abs=0.05)
    assert table.loc["total (weighted)", COLUMNS["minsum"]] == pytest.approx(
        gl_km(WASHINGTON, BEIJING), abs=0.05
    )
    # weights scale the total, not the longest trip
    assert table.loc["total (weighted)", COLUMNS["midpoint"]] == pytest.approx(
        4 * gl_km(WASHINGTON, BEIJING) / 2, abs=0.1
    )


def test_an_unknown_party_is_an_inline_error_and_the_rest_still_renders(app: AppTest) -> None:
    app.text_area(key="fp").set_value("Washington\nXyzzyville\nBeijing").run()
    assert not app.exception
    assert len(app.error) == 1
    error = app.error[0].value
    assert (
        "line 2 ('Xyzzyville')" in error and "unknown place 'Xyzzyville'" in error and "did you mean" in error
    )
    assert list(trips(app).index)[:2] == ["Washington, D.C.", "Beijing"]
    assert "81.9°N, 156.9°W" in cards(app)["midpoint"]
    assert app.get("iframe")
    app.sidebar.radio(key="view").set_value("Check a claim").run()
    assert not app.exception and any("Verdict:" in m.value for m in app.markdown)


def test_one_party_asks_for_another(app: AppTest) -> None:
    app.text_area(key="fp").set_value("Washington").run()
    assert not app.exception
    assert "at least 2 parties" in app.info[0].value
    assert not app.get("iframe")


def test_suggestions_respect_the_runway_filter_and_leave_out_the_parties_countries(app: AppTest) -> None:
    table = suggestions(app)
    assert len(table) == 10
    assert (table["runway_m"] >= 2500).all()
    assert not set(table["country"]) & {"US", "CN", "HK", "MO", "PR", "GU"}
    first = table.iloc[0]
    expected = max(
        gl_km(WASHINGTON, (first["lat"], first["lon"])), gl_km(BEIJING, (first["lat"], first["lon"]))
    )
    assert first["max_km"] == pytest.approx(expected, abs=0.05)
    assert list(table["max_km"]) == sorted(table["max_km"])  # minimax: best first

    app.number_input(key="rwy").set_value(3500).run()
    table = suggestions(app)
    assert len(table) == 10 and (table["runway_m"] >= 3500).all()
    app.checkbox(key="neu").uncheck().run()
    countries = set(suggestions(app)["country"])
    assert countries & {"US", "CN"}, countries  # Alaska and the Chinese north-east are nearer


def test_suggestions_for_another_objective_airport_type_and_count(app: AppTest) -> None:
    app.selectbox(key="obj").set_value("minsum").run()
    app.multiselect(key="atype").set_value(["large_airport"]).run()
    app.number_input(key="k").set_value(4).run()
    assert not app.exception and not app.error
    table = suggestions(app)
    assert len(table) == 4 and set(table["type"]) == {"large_airport"}
    assert list(table["sum_km"]) == sorted(table["sum_km"])
    app.multiselect(key="atype").set_value([]).run()
    assert not app.exception and "at least one airport type" in app.error[0].value
    assert app.get("iframe")  # the map still shows the optimal points


def test_the_map_is_offline_and_draws_the_equidistant_line(app: AppTest) -> None:
    page = map_page(app)
    assert external_references(page) == []
    assert "Equidistant line" in page
    lines = polylines(page, "equidistant")
    assert lines and sum(len(line) for line in lines) > 500
    for line in lines:
        for lat, lon in line[:: max(1, len(line) // 40)]:
            # vertices are drawn to 5 decimals (~1 m), so equal to a few metres
            assert gl_km((lat, lon), WASHINGTON) == pytest.approx(gl_km((lat, lon), BEIJING), abs=0.005)
    assert polylines(page, "direct") and polylines(page, "best-path")
    assert page.count("suggested venue") >= 10


def test_three_parties_draw_no_equidistant_line(app: AppTest) -> None:
    app.text_area(key="fp").set_value("Washington\nBeijing\nMoscow").run()
    page = map_page(app)
    assert external_references(page) == [] and "Moscow" in page
    assert polylines(page, "equidistant") == []
    assert not any("equidistant line" in m.value for m in app.markdown)


def test_the_url_restores_the_parties_weights_and_filters() -> None:
    at = open_view(
        fp="Washington\nMoscow\nKEF",
        fw="1 1 2",
        obj="Least total travel (minsum)",  # the URL holds the label, like every selectbox
        rwy="3000",
    )
    assert at.text_area(key="fp").value == "Washington\nMoscow\nKEF"
    assert at.text_input(key="fw").value == "1 1 2"
    assert at.selectbox(key="obj").value == "minsum" and at.number_input(key="rwy").value == 3000
    table = trips(at)
    assert list(table.index)[:3] == ["Washington, D.C.", "Moscow", "Keflavik International Airport"]
    assert (suggestions(at)["runway_m"] >= 3000).all()
    assert "Weights: Washington, D.C. 1, Moscow 1, Keflavik International Airport 2" in [
        c.value for c in at.caption
    ]


def test_the_same_place_twice_draws_a_map_without_a_best_circle() -> None:
    # regression: a minimax circle of radius 0 made the map raise
    at = open_view(fp="Washington\nWashington")
    assert not at.exception
    assert "No equidistant line" in at.info[0].value
    assert external_references(map_page(at)) == []


def test_the_json_and_csv_downloads_carry_the_numbers() -> None:
    parties = [PlaceRef.of(resolve("Washington")), PlaceRef.of(resolve("Beijing"))]
    lats, lons = tuple(p.lat for p in parties), tuple(p.lon for p in parties)
    results = fairest_view.optima(lats, lons, None).optima
    result = best(parties, "minimax", suggest=3, filters=SuggestionFilters(neutral=True, min_runway_m=3000))
    document = json.loads(fairest_view.result_json(parties, None, results, {}, result))
    assert set(document["optima"]) == {"midpoint", "centroid", "minsum", "minimax"}
    mid = document["optima"]["midpoint"]
    line = G.InverseLine(*WASHINGTON, *BEIJING)
    ref = line.Position(line.s13 / 2)
    assert (mid["lat"], mid["lon"]) == (
        pytest.approx(ref["lat2"], abs=1e-9),
        pytest.approx(ref["lon2"], abs=1e-9),
    )
    assert document["best"]["filters"]["excluded_countries"][:2] == [
        "US",
        "CN",
    ]  # then their territories (HK, PR…)
    assert len(document["best"]["suggestions"]) == 3

    three = fairest_view.optima((*lats, MOSCOW[0]), (*lons, MOSCOW[1]), None).optima
    assert (
        "Not defined for 3 parties"
        in json.loads(fairest_view.result_json(parties, None, three, {}, None))["optima"]["midpoint"]["error"]
    )

    from geo.report.escape import csv_dicts

    csv_text = csv_dicts(fairest_view.suggestion_rows(result.suggestions))
    header, *rows = csv_text.splitlines()
    assert header.split(",")[:3] == ["rank", "name", "IATA"] and "runway_m" in header
    assert len(rows) == 3 and all(
        int(r.split(",")[header.split(",").index("runway_m")]) >= 3000 for r in rows
    )


def test_a_zero_weight_is_said() -> None:
    at = open_view(fw="0 1")
    assert any("Washington, D.C. sends nobody" in i.value for i in at.info)


def test_antipodal_parties_get_the_line_as_a_download_and_are_told_why_it_is_not_drawn() -> None:
    at = open_view(fp="0,0\n0,180")
    text = "\n".join(m.value for m in at.markdown)
    assert "not drawn on the map: the parties are nearly antipodal" in text
    assert "purple dashed line on the map" not in text
    html = map_page(at)
    assert "The equidistant line needs two distinct, not antipodal parties; not drawn." in html


def test_the_search_list_adds_a_party_as_a_new_line(app: AppTest) -> None:
    search = app.selectbox(key="fpick")
    (keflavik,) = [o for o in search.options if o.startswith("KEF – ")]
    search.set_value(keflavik).run()
    assert not app.exception
    assert app.text_area(key="fp").value == "Washington\nBeijing\nKEF"
    assert list(trips(app).index)[:3] == ["Washington, D.C.", "Beijing", "Keflavik International Airport"]


@pytest.mark.parametrize("objective", ["midpoint", "centroid", "minsum", "minimax"])
def test_the_cli_and_the_fairest_view_agree_with_weights(
    objective: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """The core owns the weights rule: `best --weights 3 1` and the view's card are the same point
    and the same weighted total (the CLI used to refuse weights for the midpoint)."""
    from geo.cli.main import main

    assert main(["best", "Washington", "Beijing", "--objective", objective, "--weights", "3", "1",
                 "--suggest", "0", "--json"]) == 0  # fmt: skip
    cli = json.loads(capsys.readouterr().out)
    lats, lons = (WASHINGTON[0], BEIJING[0]), (WASHINGTON[1], BEIJING[1])
    view = fairest_view.optima(lats, lons, (3.0, 1.0)).optima[objective]
    assert not isinstance(view, str)
    assert (cli["point"]["lat"], cli["point"]["lon"]) == (
        pytest.approx(view.lat, abs=1e-9),
        pytest.approx(view.lon, abs=1e-9),
    )
    assert cli["sum_km"] == pytest.approx(view.sum_km, abs=1e-6)
    assert cli["max_km"] == pytest.approx(view.max_km, abs=1e-6)
