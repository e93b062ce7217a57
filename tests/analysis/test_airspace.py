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

from geo.analysis.airspace import AvoidedPath, avoid_path_polygons
from geo.core.geodesy import LatLon, densify

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
