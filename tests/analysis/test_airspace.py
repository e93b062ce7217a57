"""Airspace avoidance (issue 13, item 3): against brute-force optima, the facts' polygons and GeographicLib.

The brute force is independent of the module: thin walls along exact geodesics, whose shortest
way round bends only just beyond their ends, so the optimum is the best sequence of wall ends
whose legs (exact geodesics densified every 2 km) touch no wall, with every length from
GeographicLib. The real-country checks use :mod:`geo.facts.countries` point by point.
"""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest
import shapely
from geographiclib.geodesic import Geodesic

from geo.analysis.airspace import AvoidedPath, avoid_path, avoid_path_polygons, validate_codes
from geo.core.flight import flight_hours
from geo.core.geodesy import LatLon, cross_track, densify
from geo.errors import InvalidInputError, NoPathError
from geo.facts.countries import countries_at, load_countries, overflown

G = Geodesic.WGS84
HELSINKI = LatLon(60.1699, 24.9384)
TOKYO = LatLon(35.6762, 139.6503)
STOCKHOLM = LatLon(59.3293, 18.0686)
MOSCOW = LatLon(55.7520, 37.6178)
OPTIMUM_TOLERANCE = 0.005  # the 0.5 %
WALL_HALF_WIDTH_DEG = 0.002  # thin walls: about 200 m either side of the geodesic
END_MARGIN_KM = 1.0  # the brute force turns this far beyond a wall's end (outside its rounded tip)


def gl_km(p: tuple[float, float], q: tuple[float, float]) -> float:
    return float(G.Inverse(p[0], p[1], q[0], q[1])["s12"]) / 1000


def extend(p: LatLon, q: LatLon, km: float) -> LatLon:
    """The point ``km`` beyond ``q`` on the geodesic from ``p`` through ``q``."""
    line = G.InverseLine(p.lat, p.lon, q.lat, q.lon)
    pos = line.Position(line.s13 + km * 1000)
    return LatLon(pos["lat2"], (pos["lon2"] + 180) % 360 - 180)


class Wall:
    """A thin wall along the geodesic between two ends (longitudes unwrapped, may pass ±180°)."""

    def __init__(self, end1: LatLon, end2: LatLon) -> None:
        self.ends = (end1, end2)
        lats, lons = densify(end1, end2, 5.0)
        self.polygon = shapely.LineString(np.column_stack([lons, lats])).buffer(WALL_HALF_WIDTH_DEG)
        self.turns = (extend(end2, end1, END_MARGIN_KM), extend(end1, end2, END_MARGIN_KM))


def leg_is_free(p: LatLon, q: LatLon, walls: list[Wall]) -> bool:
    lats, lons = densify(p, q, 2.0)
    line = shapely.LineString(np.column_stack([lons, lats]))
    copies = [shapely.affinity.translate(w.polygon, xoff=s) for w in walls for s in (-360, 0, 360)]
    return not any(line.intersects(c) for c in copies)


def brute_force_km(a: LatLon, b: LatLon, walls: list[Wall]) -> float:
    """Shortest sequence of wall ends (just beyond them) with every leg clear of every wall."""
    turns = [t for w in walls for t in w.turns]
    best = math.inf
    for k in range(len(turns) + 1):
        for seq in itertools.permutations(turns, k):
            stops = [a, *seq, b]
            if all(leg_is_free(p, q, walls) for p, q in itertools.pairwise(stops)):
                best = min(
                    best, sum(gl_km((p.lat, p.lon), (q.lat, q.lon)) for p, q in itertools.pairwise(stops))
                )
    return best


def assert_clear_of_walls(path: AvoidedPath, walls: list[Wall]) -> None:
    for p, q in itertools.pairwise(path.waypoints):
        assert leg_is_free(LatLon(*p), LatLon(*q), walls)


def assert_exact_lengths(path: AvoidedPath) -> None:
    legs = [gl_km(p, q) for p, q in itertools.pairwise(path.waypoints)]
    assert path.length_km == pytest.approx(sum(legs), abs=1e-6)  # 1 mm
    assert path.direct_km == pytest.approx(gl_km(path.waypoints[0], path.waypoints[-1]), abs=1e-6)


WALL_CASES = {
    "mid-latitudes, one wall": (LatLon(10, 0), LatLon(12, 40), [Wall(LatLon(-5, 20), LatLon(30, 21))]),
    "across the antimeridian": (
        LatLon(-20, 170),
        LatLon(-14, -160),
        [Wall(LatLon(-38, 178), LatLon(-10, -176))],
    ),
    "near the North Pole": (LatLon(75, 0), LatLon(75, 120), [Wall(LatLon(78, 60), LatLon(87, 60))]),
    "two staggered walls, southern hemisphere": (
        LatLon(-30, -70),
        LatLon(-25, -20),
        [Wall(LatLon(-45, -55), LatLon(-22, -52)), Wall(LatLon(-35, -38), LatLon(-10, -36))],
    ),
}


@pytest.mark.parametrize(("a", "b", "walls"), WALL_CASES.values(), ids=WALL_CASES.keys())
def test_should_be_within_half_a_percent_of_the_brute_force_optimum(
    a: LatLon, b: LatLon, walls: list[Wall]
) -> None:
    path = avoid_path_polygons(a, b, [w.polygon for w in walls])
    best = brute_force_km(a, b, walls)
    assert path.crosses_direct
    assert_clear_of_walls(path, walls)
    assert_exact_lengths(path)
    lower = best - 2 * END_MARGIN_KM * len(walls)  # the brute force turns 1 km beyond each end
    assert lower <= path.length_km <= best * (1 + OPTIMUM_TOLERANCE)


def test_should_keep_the_buffer_from_the_obstacle() -> None:
    a, b = LatLon(10, 0), LatLon(12, 40)
    wall = Wall(LatLon(-5, 20), LatLon(30, 21))
    plain = avoid_path_polygons(a, b, [wall.polygon])
    path = avoid_path_polygons(a, b, [wall.polygon], buffer_km=100)
    lats, lons = path.densified(5.0)
    gap = min(cross_track(LatLon(la, lo), *wall.ends).distance_km for la, lo in zip(lats, lons, strict=True))
    assert gap >= 100
    assert path.buffer_km == 100 and path.length_km > plain.length_km
    assert_exact_lengths(path)


def test_should_let_out_a_party_just_beside_the_obstacle() -> None:
    wall = Wall(LatLon(-10, 20), LatLon(10, 20))
    beside = LatLon(0, 19.995)  # 0.3 km west of the wall's edge, inside the planning margins
    path = avoid_path_polygons(beside, LatLon(1, 30), [wall.polygon])
    assert_clear_of_walls(path, [wall])
    assert path.length_km <= brute_force_km(beside, LatLon(1, 30), [wall]) * (1 + OPTIMUM_TOLERANCE)


def test_should_draw_a_path_across_the_antimeridian_without_a_jump() -> None:
    a, b, walls = WALL_CASES["across the antimeridian"]
    lats, lons = avoid_path_polygons(a, b, [w.polygon for w in walls]).densified(10.0)
    assert lons[0] == a.lon and np.abs(np.diff(lons)).max() < 1.0
    assert lons[-1] == pytest.approx(b.lon + 360)
    assert lats[0] == a.lat and lats[-1] == pytest.approx(b.lat)


def test_should_return_the_direct_geodesic_when_nothing_is_in_the_way() -> None:
    a, b = LatLon(0, 0), LatLon(0, 10)
    for path in (avoid_path_polygons(a, b, []), avoid_path_polygons(a, b, [shapely.box(20, 20, 21, 21)])):
        assert path.waypoints == ((0, 0), (0, 10))
        assert not path.crosses_direct and path.extra_km == 0 and path.extra_hours == 0
    assert avoid_path_polygons(a, a, []).length_km == 0


def test_should_say_no_path_when_an_end_is_enclosed() -> None:
    ring = shapely.box(-10, -10, 10, 10).difference(shapely.box(-5, -5, 5, 5))
    with pytest.raises(NoPathError, match="enclosed"):
        avoid_path_polygons(LatLon(0, 0), LatLon(0, 30), [ring])


def test_should_ask_for_a_stop_when_the_leg_is_too_long_for_one_view() -> None:
    with pytest.raises(NoPathError, match="add a stop"):
        avoid_path_polygons(LatLon(0, 0), LatLon(0, 150), [shapely.box(74.99, -60, 75.01, 60)])
    with pytest.raises(NoPathError, match="add a stop"):  # the way round passes 85° N, beyond the view
        avoid_path_polygons(LatLon(0, 0), LatLon(0, 100), [shapely.box(49.99, -85, 50.01, 85)])


def test_should_refuse_obstacles_that_are_not_polygons() -> None:
    with pytest.raises(InvalidInputError, match="Polygons"):
        avoid_path_polygons(LatLon(0, 0), LatLon(0, 10), [shapely.LineString([(5, -5), (5, 5)])])


# Real countries: Natural Earth 1:10m, checked with geo.facts.countries point by point.


@pytest.fixture(scope="module")
def helsinki_tokyo() -> AvoidedPath:
    return avoid_path(HELSINKI, TOKYO, ["RU"])


def test_should_cross_russia_on_the_direct_helsinki_tokyo_path(helsinki_tokyo: AvoidedPath) -> None:
    assert "RU" in overflown(HELSINKI, TOKYO)
    assert helsinki_tokyo.crosses_direct
    assert helsinki_tokyo.avoided == ("RU",)


def test_should_fly_helsinki_tokyo_without_overflying_russian_land(helsinki_tokyo: AvoidedPath) -> None:
    lats, lons = helsinki_tokyo.densified(10.0)
    found, _ = countries_at(lats, (lons + 180) % 360 - 180, max_km=0)
    assert not [c for c in found if c is not None and c.iso_a2 == "RU"]
    index = load_countries()
    for p, q in itertools.pairwise(helsinki_tokyo.waypoints):  # segment by segment, as the facts do
        assert "RU" not in {c.iso_a2 for c in index.crossed(LatLon(*p), LatLon(*q))}


def test_should_report_exact_lengths_and_hours_for_helsinki_tokyo(helsinki_tokyo: AvoidedPath) -> None:
    assert_exact_lengths(helsinki_tokyo)
    assert helsinki_tokyo.direct_km == pytest.approx(7837.2, abs=0.1)
    assert 2000 < helsinki_tokyo.extra_km < 3000  # the south: the Baltics, the Black Sea, the Caspian
    hours = flight_hours([helsinki_tokyo.length_km, helsinki_tokyo.direct_km])
    assert helsinki_tokyo.extra_hours == pytest.approx(float(hours[0] - hours[1]), abs=1e-12)
    assert helsinki_tokyo.extra_pct == pytest.approx(100 * helsinki_tokyo.extra_km / helsinki_tokyo.direct_km)


def test_should_keep_the_direct_path_when_it_avoids_the_country() -> None:
    path = avoid_path(HELSINKI, STOCKHOLM, ["RU"])
    assert path.waypoints == ((HELSINKI.lat, HELSINKI.lon), (STOCKHOLM.lat, STOCKHOLM.lon))
    assert path.extra_km == 0 and not path.crosses_direct


def test_should_say_no_path_for_a_party_inside_an_avoided_country() -> None:
    with pytest.raises(NoPathError, match="on the avoided land") as caught:
        avoid_path(MOSCOW, TOKYO, ["RU"])
    assert isinstance(caught.value, InvalidInputError)
    with pytest.raises(NoPathError, match="on the avoided land"):
        avoid_path(TOKYO, MOSCOW, ["CN", "RU"])


def test_should_say_no_path_for_a_party_within_the_buffer() -> None:
    with pytest.raises(NoPathError, match="within 300 km"):
        avoid_path(HELSINKI, TOKYO, ["RU"], buffer_km=300)


def test_should_let_a_party_on_the_border_leave() -> None:
    narva, minsk = LatLon(59.3760, 28.1700), LatLon(53.9000, 27.5667)  # Narva is on the Russian border
    path = avoid_path(narva, minsk, ["RU"])
    assert path.crosses_direct and 0 < path.extra_km < 100
    index = load_countries()
    for p, q in itertools.pairwise(path.waypoints):
        assert "RU" not in {c.iso_a2 for c in index.crossed(LatLon(*p), LatLon(*q))}


def test_should_refuse_unknown_codes_and_suggest_from_names() -> None:
    with pytest.raises(InvalidInputError, match=r"unknown country code 'ZZ'.*ISO 3166-1 alpha-2"):
        avoid_path(HELSINKI, TOKYO, ["ZZ"])
    with pytest.raises(InvalidInputError, match="did you mean RU"):
        validate_codes(["Russia"])
    assert validate_codes([" ru", "RU", "cn"]) == ("RU", "CN")


@pytest.mark.parametrize("bad", [-1.0, math.nan, math.inf])
def test_should_refuse_a_bad_buffer(bad: float) -> None:
    with pytest.raises(InvalidInputError, match="buffer_km"):
        avoid_path(HELSINKI, STOCKHOLM, ["RU"], buffer_km=bad)
