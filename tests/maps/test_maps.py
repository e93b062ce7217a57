"""The map module: geometry of what is drawn, escaping, determinism, adapters.

Reference values come from GeographicLib called directly here.
"""

from __future__ import annotations

import itertools
import json
import math
import re
from dataclasses import dataclass

import numpy as np
import pytest
from geographiclib.geodesic import Geodesic
from hypothesis import given, settings
from hypothesis import strategies as st
from map_html import HOSTILE_NAMES, SEED_PARTIES, SEED_VENUES, circle_markers, polylines

from geo.analysis.check import PlaceRef, check_halfway
from geo.core.geodesy import LatLon
from geo.errors import InvalidCoordinatesError, InvalidInputError
from geo.maps.plan import (
    MAX_STEP_KM,
    VERDICT_COLORS,
    BestMark,
    MapPoint,
    VenueMark,
    geodesic_circle,
    plan_map,
    rank_color,
)
from geo.maps.render import build_map
from geo.maps.results import map_for_check
from geo.places.resolve import resolve
from geo.report.escape import html_text

G = Geodesic.WGS84


def gl_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    return G.Inverse(lat1, lon1, lat2, lon2)["s12"] / 1000


WASHINGTON = MapPoint("Washington", 38.9072, -77.0369)
BEIJING = MapPoint("Beijing", 39.9042, 116.4074)
ANCHORAGE = VenueMark("Anchorage", 61.2181, -149.9003)


def seed_parties() -> list[PlaceRef]:
    return [PlaceRef.of(resolve(p)) for p in SEED_PARTIES]


def seed_venues() -> list[VenueMark]:
    return [VenueMark(v.name, v.lat, v.lon) for v in map(resolve, SEED_VENUES)]


def render(m: object) -> str:
    return m.get_root().render()  # type: ignore[attr-defined,no-any-return]


def assert_paths_end_on_markers(plan: object) -> None:
    """Every flight path starts on a marker of its party and ends on a marker of its venue."""
    positions: dict[str, set[tuple[float, float]]] = {}
    for m in plan.markers:  # type: ignore[attr-defined]
        positions.setdefault(m.name, set()).add((m.lat, m.lon))
    for line in plan.lines:  # type: ignore[attr-defined]
        if line.kind != "flight":
            continue
        party, venue = re.match(r"(.*) → (.*): ", line.label).groups()  # type: ignore[union-attr]
        assert (round(line.lats[0], 5), line.lons[0]) in {(round(a, 5), b) for a, b in positions[party]}
        assert (round(line.lats[-1], 5), line.lons[-1]) in {(round(a, 5), b) for a, b in positions[venue]}


# --- geometry -------------------------------------------------------------------------------


def test_should_draw_beijing_to_anchorage_across_the_antimeridian_not_round_the_world() -> None:
    plan = plan_map([WASHINGTON, BEIJING], [ANCHORAGE])
    flights = {line.label.split(":")[0]: line for line in plan.lines if line.kind == "flight"}
    beijing = flights["Beijing → Anchorage"]
    # Straight Mercator lines would go from 116°E west across Asia, Europe and America (266°);
    # the geodesic crosses the Pacific: its longitudes span 93.7°.
    span = max(beijing.lons) - min(beijing.lons)
    assert span == pytest.approx(360 - (116.4074 - (-149.9003)), abs=1e-4)
    assert beijing.max_lon_step_deg < 10
    # One frame with no copies: every place drawn once, paths end exactly on their markers.
    assert [m.name for m in plan.markers if m.kind in ("party", "venue")] == [
        "Washington",
        "Beijing",
        "Anchorage",
    ]
    assert not any(m.copy for m in plan.markers)
    assert_paths_end_on_markers(plan)


def test_should_shift_markers_by_whole_turns_only() -> None:
    plan = plan_map([WASHINGTON, BEIJING], [ANCHORAGE])
    for m in plan.markers:
        turns = (m.lon - m.lon_true) / 360
        assert turns == pytest.approx(round(turns), abs=1e-7)


def test_flight_path_vertices_lie_on_the_geodesic_and_are_at_most_100_km_apart() -> None:
    plan = plan_map([WASHINGTON, BEIJING], [ANCHORAGE])
    line = next(line for line in plan.lines if line.label.startswith("Beijing → Anchorage"))
    total = gl_km(BEIJING.lat, BEIJING.lon, ANCHORAGE.lat, ANCHORAGE.lon)
    for lat, lon in zip(line.lats, line.lons, strict=True):
        via = gl_km(BEIJING.lat, BEIJING.lon, lat, lon) + gl_km(lat, lon, ANCHORAGE.lat, ANCHORAGE.lon)
        assert via - total < 0.002  # on the geodesic, up to the 5-decimal rounding of drawn vertices
    steps = [
        gl_km(a, b, c, d)
        for a, b, c, d in zip(line.lats, line.lons, line.lats[1:], line.lons[1:], strict=False)
    ]
    assert max(steps) <= MAX_STEP_KM + 0.01


def test_flight_path_tooltips_carry_geodesic_distances() -> None:
    plan = plan_map([WASHINGTON, BEIJING], [ANCHORAGE])
    labels = [line.label for line in plan.lines if line.kind == "flight"]
    for party in (WASHINGTON, BEIJING):
        km = gl_km(party.lat, party.lon, ANCHORAGE.lat, ANCHORAGE.lon)
        assert f"{party.name} → Anchorage: {km:,.0f} km" in labels


def test_the_legend_says_the_ruler_tool_is_spherical() -> None:
    html = build_map([WASHINGTON, BEIJING], [ANCHORAGE]).get_root().render()
    assert "measure_control" in html  # the plugin is on the map
    assert "Ruler tool: spherical estimate" in html


def test_should_draw_the_direct_geodesic_and_its_midpoint_for_two_parties() -> None:
    plan = plan_map([WASHINGTON, BEIJING])
    (direct,) = [line for line in plan.lines if line.kind == "direct"]
    (mid,) = [m for m in plan.markers if m.kind == "midpoint"]
    line = G.InverseLine(WASHINGTON.lat, WASHINGTON.lon, BEIJING.lat, BEIJING.lon)
    ref = line.Position(0.5 * line.s13)
    assert gl_km(mid.lat, mid.lon_true, ref["lat2"], ref["lon2"]) < 1e-6
    # The midpoint marker sits on the drawn path (same world copy).
    assert min(abs(lon - mid.lon) for lon in direct.lons) < 5
    assert f"{line.s13 / 1000:,.0f} km" in direct.label


def test_frame_keeps_the_direct_path_and_its_end_marker_together_when_paths_cover_every_longitude() -> None:
    plan = plan_map(seed_parties(), seed_venues())
    assert_paths_end_on_markers(plan)
    (direct,) = [line for line in plan.lines if line.kind == "direct"]
    ends = {(m.name, m.lon) for m in plan.markers if m.kind == "party"}
    assert ("Beijing", direct.lons[-1]) in ends and ("Washington, D.C.", direct.lons[0]) in ends
    # every copy is the same place one or more whole turns away
    for m in plan.markers:
        if m.copy:
            assert (m.lon - m.lon_true) % 360 == pytest.approx(0, abs=1e-6) or (
                m.lon - m.lon_true
            ) % 360 == pytest.approx(360, abs=1e-6)


LAT = st.floats(-80, 80, allow_nan=False)
LON = st.floats(-180, 180, allow_nan=False)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(LAT, LON), min_size=2, max_size=4), st.lists(st.tuples(LAT, LON), max_size=4))
def test_every_drawn_line_is_continuous_and_every_path_ends_on_its_markers(
    parties: list[tuple[float, float]], venues: list[tuple[float, float]]
) -> None:
    plan = plan_map(
        [MapPoint(f"P{i}", lat, lon) for i, (lat, lon) in enumerate(parties)],
        [VenueMark(f"V{j}", lat, lon) for j, (lat, lon) in enumerate(venues)],
        rings_km=[3000],
    )
    for line in plan.lines:
        assert line.max_lon_step_deg <= 180.0, line.kind
    assert_paths_end_on_markers(plan)


def test_range_rings_are_true_geodesic_circles() -> None:
    for center, radius in (((61.2181, -149.9003), 1000.0), ((-33.9, 151.2), 5000.0), ((0.0, 179.9), 300.0)):
        lats, lons = geodesic_circle(LatLon(*center), radius)
        distances = [gl_km(center[0], center[1], lat, lon) for lat, lon in zip(lats, lons, strict=True)]
        assert max(abs(d - radius) for d in distances) < 1e-6  # 1 mm
        assert np.max(np.abs(np.diff(lons))) <= 180
        assert lons[0] == pytest.approx(lons[-1], abs=1e-6)  # closed


def test_a_ring_around_the_pole_spans_the_world_without_jumps() -> None:
    from geo.core.geodesy import LatLon

    lats, lons = geodesic_circle(LatLon(61.2181, -149.9003), 5000)  # reaches past the North Pole
    assert np.max(np.abs(np.diff(lons))) <= 180
    assert abs(lons[-1] - lons[0]) == pytest.approx(360, abs=1e-6)
    assert max(gl_km(61.2181, -149.9003, a, b) for a, b in zip(lats, lons, strict=True)) == pytest.approx(
        5000, abs=1e-6
    )


@pytest.mark.parametrize("radius", [0, -5, 20_001, math.nan, math.inf])
def test_should_reject_a_ring_radius_out_of_range(radius: float) -> None:
    with pytest.raises(InvalidInputError, match="ring radius"):
        plan_map([WASHINGTON, BEIJING], rings_km=[radius])


def test_should_reject_a_map_without_parties_and_bad_coordinates() -> None:
    with pytest.raises(InvalidInputError, match="at least one party"):
        plan_map([])
    with pytest.raises(InvalidCoordinatesError, match="latitude 91"):
        plan_map([MapPoint("North of north", 91, 0)])
    with pytest.raises(InvalidCoordinatesError):
        plan_map([WASHINGTON], [VenueMark("nowhere", math.nan, 0)])


def test_nearly_antipodal_parties_get_a_note_instead_of_a_direct_path() -> None:
    plan = plan_map([MapPoint("A", 45, 0), MapPoint("B", -45, 179.572719)], [VenueMark("V", 0, 90)])
    assert not [line for line in plan.lines if line.kind == "direct"]
    assert not [m for m in plan.markers if m.kind == "midpoint"]
    assert any("nearly antipodal" in note for note in plan.notes)
    assert len([line for line in plan.lines if line.kind == "flight"]) == 2


def test_a_venue_antipodal_to_a_party_gets_a_note_and_no_path() -> None:
    plan = plan_map([MapPoint("A", 45, 0), MapPoint("B", 10, 10)], [VenueMark("V", -45, 179.572719)])
    assert [line.label.split(":")[0] for line in plan.lines if line.kind == "flight"] == ["B → V"]
    assert any("A and V are nearly antipodal" in note for note in plan.notes)


def test_minimax_circle_has_the_best_points_max_distance_as_radius() -> None:
    best = BestMark(62.0, -160.0, max_km=6900.0, sum_km=12000.0, objective="minimax")
    plan = plan_map([WASHINGTON, BEIJING], best=best)
    (circle,) = [line for line in plan.lines if line.kind == "minimax"]
    (marker,) = [m for m in plan.markers if m.kind == "best" and not m.copy]
    for lat, lon in zip(circle.lats[::10], circle.lons[::10], strict=False):
        assert gl_km(best.lat, best.lon, lat, lon) == pytest.approx(6900.0, abs=0.002)
    assert min(abs(lon - marker.lon) for lon in circle.lons) < 90  # drawn around its marker
    assert len([line for line in plan.lines if line.kind == "best-path"]) == 2
    assert "6,900 km" in marker.tooltip


def test_parties_in_one_place_get_a_best_point_and_no_circle() -> None:
    best = BestMark(WASHINGTON.lat, WASHINGTON.lon, max_km=0.0, sum_km=0.0, objective="minimax")
    plan = plan_map([WASHINGTON, MapPoint("Also Washington", WASHINGTON.lat, WASHINGTON.lon)], best=best)
    assert [line for line in plan.lines if line.kind == "minimax"] == []
    assert [m for m in plan.markers if m.kind == "best" and not m.copy]


@dataclass(frozen=True)
class FakeLine:
    lats: list[float]
    lons: list[float]


def test_equidistant_line_is_unwrapped_and_drawn_next_to_the_midpoint() -> None:
    # A line given with longitudes wrapped to [-180, 180] and a NaN break.
    line = FakeLine(
        [10.0, 11.0, 12.0, math.nan, 40.0, 41.0], [178.0, 179.5, -179.0, math.nan, -160.0, -159.0]
    )
    plan = plan_map([WASHINGTON, BEIJING], equidistant=line)
    drawn = [line for line in plan.lines if line.kind == "equidistant"]
    assert len(drawn) == 2
    for d in drawn:
        assert d.max_lon_step_deg <= 180
    (mid,) = [m for m in plan.markers if m.kind == "midpoint"]
    assert abs(drawn[0].lons[0] - mid.lon) < 180


def test_equidistant_line_needs_a_midpoint() -> None:
    plan = plan_map([WASHINGTON], equidistant=FakeLine([0.0, 1.0], [0.0, 1.0]))
    assert not [line for line in plan.lines if line.kind == "equidistant"]
    assert plan.notes


def test_real_equidistant_line_is_drawn_continuously() -> None:
    from geo.core import equidistant
    from geo.core.geodesy import LatLon

    a, b = LatLon(WASHINGTON.lat, WASHINGTON.lon), LatLon(BEIJING.lat, BEIJING.lon)
    plan = plan_map([WASHINGTON, BEIJING], equidistant=equidistant.equidistant_line(a, b))
    drawn = [line for line in plan.lines if line.kind == "equidistant"]
    assert drawn
    for d in drawn:
        assert d.max_lon_step_deg <= 180
        for lat, lon in zip(d.lats[::25], d.lons[::25], strict=False):
            da = gl_km(WASHINGTON.lat, WASHINGTON.lon, lat, lon)
            db = gl_km(BEIJING.lat, BEIJING.lon, lat, lon)
            assert abs(da - db) < 0.01  # equidistant, up to the rounding of drawn vertices


def test_rank_colours_go_from_green_to_red() -> None:
    assert [rank_color(r, 5) for r in range(1, 6)] == ["#1a9641", "#a6d96a", "#e6c700", "#fdae61", "#d7191c"]
    assert rank_color(1, 20) == "#1a9641" and rank_color(20, 20) == "#d7191c"


# --- rendering ------------------------------------------------------------------------------


def test_same_input_gives_the_same_html() -> None:
    first = render(build_map(seed_parties(), seed_venues(), rings_km=[2000]))
    second = render(build_map(seed_parties(), seed_venues(), rings_km=[2000]))
    assert first == second
    assert not re.search(r"_[0-9a-f]{32}\b", first)  # no random folium ids left


def test_page_draws_every_party_venue_and_flight_path() -> None:
    parties, venues = seed_parties(), seed_venues()
    page = render(build_map(parties, venues))
    markers = circle_markers(page)
    lines = polylines(page)
    for p in parties:
        assert html_text(p.name) in page
        assert any(m.kind == "party" and m.lat == round(p.lat, 5) for m in markers), p.name
    for v in venues:
        assert html_text(v.name) in page
        assert any(m.kind == "venue" and m.lat == round(v.lat, 5) for m in markers), v.name
    assert len([line for line in lines if line.kind == "flight"]) == len(parties) * len(venues)
    for line in lines:
        lons = [c[1] for c in line.coords]
        assert max(abs(a - b) for a, b in itertools.pairwise(lons)) <= 180, line.kind
    # markers sit on the ends of the flight paths as drawn
    positions = {(m.lat, m.lon) for m in markers}
    for line in lines:
        if line.kind == "flight":
            assert tuple(line.coords[0]) in positions and tuple(line.coords[-1]) in positions


def test_popups_and_tooltips_show_the_numbers() -> None:
    result = check_halfway(resolve("Anchorage"), resolve("Washington"), resolve("Beijing"))
    page = render(map_for_check(result))
    v = result.venue
    expected = [f"{gl_km(p.lat, p.lon, v.lat, v.lon):,.0f} km" for p in result.parties]
    expected += [f"+{result.detour_km:,.0f} km", f"{result.detour_pct:+.1f} %"]
    expected += [
        f"{result.cross_track_km:,.0f} km",
        f"{result.venue_to_midpoint_km:,.0f} km",
        "roughly halfway",
    ]
    for text in expected:
        assert text in page, text
    (venue,) = [m for m in circle_markers(page) if m.kind == "venue"]
    assert f'"fillColor": "{VERDICT_COLORS["roughly halfway"]}"' in venue.options
    assert "Is Anchorage halfway between Washington, D.C. and Beijing? Roughly halfway" in json.loads(
        re.search(r"div\.innerHTML = (\".*?\");", page).group(1)  # type: ignore[union-attr]
    )


def test_should_escape_hostile_names_for_html_and_template_literals() -> None:
    parties = [MapPoint(HOSTILE_NAMES[0], 38.9, -77.0), MapPoint(HOSTILE_NAMES[1], 39.9, 116.4)]
    venues = [VenueMark(name, 10.0 * i, 20.0 * i, status=name) for i, name in enumerate(HOSTILE_NAMES[2:])]
    page = render(build_map(parties, venues, title=HOSTILE_NAMES[4]))
    for name in HOSTILE_NAMES:
        assert html_text(name) in page
        if any(ch in name for ch in "<>`$\\"):
            assert name not in page, name
    for needle in ("<img src=x", "<svg onload", "${alert", "`;alert", "<script>alert", "\\u12"):
        assert needle not in page, needle
    # folium renders its output a second time as Jinja: nothing of the names may be evaluated.
    assert "looploop" not in page and "__builtins__" not in page and " 49 " not in page
    # Inside every template literal (tooltips, popups) no unescaped backtick, ${ or backslash remains.
    for literal in re.findall(r"bindTooltip\(\s*`(.*?)`", page, re.DOTALL) + re.findall(
        r"\$\(`(.*?)`\)\[0\]", page, re.DOTALL
    ):
        assert "${" not in literal and "\\" not in literal and "`" not in literal


def test_html_text_escapes_the_template_literal_specials() -> None:
    assert html_text("a`b$c\\d<e>&\"'{}") == "a&#96;b&#36;c&#92;d&lt;e&gt;&amp;&quot;&#x27;&#123;&#125;"
    assert len(html_text("x" * 10_000)) == 200


def test_should_reject_a_venue_colour_that_is_not_hex() -> None:
    with pytest.raises(InvalidInputError, match="colour"):
        plan_map([WASHINGTON], [VenueMark("V", 0, 0, color="{{ 7*7 }}")])


def test_basemap_geojson_has_no_longitude_jump_over_180() -> None:
    from geo.places.gazetteer import data_dir

    data = json.loads((data_dir() / "countries_110m.geojson").read_text(encoding="utf-8"))
    assert len(data["features"]) == 177
    names = {f["properties"]["iso_a2"]: f["properties"]["name"] for f in data["features"]}
    assert names["FR"] == "France" and names["NO"] == "Norway"  # ISO_A2_EH, not the -99 of ISO_A2
    worst = 0.0
    for feature in data["features"]:
        geometry = feature["geometry"]
        polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        for polygon in polygons:
            for ring in polygon:
                assert ring[0] == ring[-1]
                lons = np.array([c[0] for c in ring])
                worst = max(worst, float(np.max(np.abs(np.diff(lons)))))
    assert worst <= 180


# --- adapters -------------------------------------------------------------------------------


def test_map_for_compare_colours_venues_by_rank() -> None:
    from geo.analysis import scoring
    from geo.maps.results import map_for_compare

    parties = [resolve(p) for p in ("Washington", "Beijing", "Moscow")]
    venues = [resolve(v) for v in SEED_VENUES]
    result = scoring.compare(parties, venues, rank_by="minimax")
    page = render(map_for_compare(result))
    markers = [m for m in circle_markers(page) if m.kind == "venue" and "copy" not in m.options]
    best = min(result.venues, key=lambda v: v.rank)
    worst = max(result.venues, key=lambda v: v.rank)
    colors = {round(m.lat, 4): m.options for m in markers}
    assert '"fillColor": "#1a9641"' in colors[round(best.lat, 4)]
    assert '"fillColor": "#d7191c"' in colors[round(worst.lat, 4)]
    assert f"rank 1 of {len(venues)}" in page


def test_map_for_best_draws_the_point_and_its_minimax_circle() -> None:
    from geo.analysis import optimize
    from geo.maps.results import map_for_best

    parties = [resolve(p) for p in ("Washington", "Beijing", "Moscow")]
    result = optimize.optimum([p.lat for p in parties], [p.lon for p in parties], "minimax")
    page = render(map_for_best(result, parties, objective="minimax"))
    kinds = [line.kind for line in polylines(page)]
    assert "minimax" in kinds and kinds.count("best-path") == 3
    assert any(m.kind == "best" for m in circle_markers(page))


def test_tooltips_show_the_summit_facts_and_aircraft_range_rings() -> None:
    import datetime as dt

    from geo.analysis.check import with_facts

    result = check_halfway(resolve("Anchorage"), resolve("Washington"), resolve("Beijing"))
    result = with_facts(result, on_date=dt.date(2021, 3, 18), aircraft=["vc-25a", "747-400"])
    m = map_for_check(result, range_rings=True)
    page = render(m)
    tooltips = re.findall(r"bindTooltip\(\s*`(.*?)`", page, re.DOTALL)
    venue_tip = "Anchorage: roughly halfway — United States (US), UTC−08:00 America/Anchorage, not neutral"
    assert any(venue_tip in t for t in tooltips)
    assert any("Beijing (party) — CN, UTC+08:00 Asia/Shanghai" in t for t in tooltips)
    assert any(
        "Beijing → Anchorage: 6,402 km; flight 8.5 h, clock −16:00 h, over CN → RU → US, "
        "non-stop: yes (747-400, 13,490 km)" in t
        for t in tooltips
    )
    rings = [line for line in polylines(page) if line.kind == "ring"]
    assert len(rings) == 2
    # the VC-25A ring around Washington is a geodesic circle of 12,553 km
    plan_rings = [
        line
        for line in plan_map(
            [MapPoint("Washington", 38.9072, -77.0369, range_km=12_553.0, range_label="vc-25a range")]
        ).lines
        if line.kind == "ring"
    ]
    (ring,) = plan_rings
    assert ring.label == "vc-25a range: 12,553 km from Washington"
    for lat, lon in zip(ring.lats[::10], ring.lons[::10], strict=True):
        assert gl_km(38.9072, -77.0369, lat, lon) == pytest.approx(12_553.0, abs=0.01)


def test_maps_without_facts_are_unchanged() -> None:
    result = check_halfway(resolve("Anchorage"), resolve("Washington"), resolve("Beijing"))
    page = render(map_for_check(result))
    assert "not neutral" not in page and "clock −" not in page and "UTC" not in page
    assert "Anchorage: roughly halfway" in page
