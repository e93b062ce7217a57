"""Zones against brute force: points near every edge classified by the rule itself.

The reference classifier here recomputes each rule from scratch with pyproj (PROJ's port of
GeographicLib) and never calls geo.analysis.zones. A point the polygon puts on the wrong side
must have a point of the other side within 1 km (searched on circles of 0.25–1 km around it):
that is the promise "edges within 1 km of the true edge".
"""

from __future__ import annotations

import math

import numpy as np
import pytest
import shapely
from geographiclib.geodesic import Geodesic
from pyproj import Geod

from geo.analysis.check import Thresholds, check_halfway
from geo.analysis.optimize import optimum
from geo.analysis.zones import EARTH_AREA_KM2, ZoneError, fairness_zone, halfway_zones, position
from geo.places.gazetteer import Place
from geo.places.resolve import resolve

GEOD = Geod(ellps="WGS84")
RNG_SEED = 20261202


def _place(name: str, lat: float, lon: float) -> Place:
    return resolve(f"{name}={lat},{lon}")


def _km(lat: np.ndarray, lon: np.ndarray, plat: float, plon: float) -> np.ndarray:
    _, _, m = GEOD.inv(lon, lat, np.full(lat.shape, plon), np.full(lat.shape, plat))
    return np.asarray(m) / 1000.0


def _rule(kind: str, parties: list[Place], t: Thresholds, best_km: float = 0.0, pct: float = 0.0):
    """The exact rule of a zone as a function of points, written independently of the library."""
    plats = [p.point.lat for p in parties]
    plons = [p.point.lon for p in parties]

    def halfway(lat: np.ndarray, lon: np.ndarray, det: float, tol: float) -> np.ndarray:
        da, db = _km(lat, lon, plats[0], plons[0]), _km(lat, lon, plats[1], plons[1])
        direct = float(_km(np.array([plats[0]]), np.array([plons[0]]), plats[1], plons[1])[0])
        return (100 * (da + db - direct) / direct <= det) & (np.abs(da / (da + db) - 0.5) <= tol)

    if kind == "halfway":
        return lambda lat, lon: halfway(lat, lon, t.halfway_detour_pct, t.halfway_split_tolerance)
    if kind == "roughly halfway":
        return lambda lat, lon: halfway(lat, lon, t.roughly_detour_pct, t.roughly_split_tolerance)
    if kind == "equal distance":

        def band(lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
            da, db = _km(lat, lon, plats[0], plons[0]), _km(lat, lon, plats[1], plons[1])
            return np.abs(da / (da + db) - 0.5) <= t.halfway_split_tolerance

        return band
    if kind == "minimax":
        return lambda lat, lon: (
            np.max([_km(lat, lon, a, b) for a, b in zip(plats, plons, strict=True)], axis=0)
            <= best_km * (1 + pct / 100)
        )
    return lambda lat, lon: (
        np.sum([_km(lat, lon, a, b) for a, b in zip(plats, plons, strict=True)], axis=0)
        <= best_km * (1 + pct / 100)
    )


def _edge_points(zone, rng: np.random.Generator, n: int = 1000) -> tuple[np.ndarray, np.ndarray]:
    """``n`` points within 2 km of the zone's drawn edge: points of the edge's straight lon/lat
    segments (between vertices, where a straight edge strays most), moved up to 2 km anywhere."""
    coords = []
    for line in shapely.get_parts(zone.edges):
        xy = np.asarray(line.coords)
        coords.append(np.stack([xy[:-1], xy[1:]], axis=1))
    seg = np.concatenate(coords)
    k = rng.integers(0, seg.shape[0], n)
    t = rng.uniform(0, 1, n)[:, None]
    p = seg[k, 0] + t * (seg[k, 1] - seg[k, 0])
    lon, lat = (p[:, 0] + 180.0) % 360.0 - 180.0, p[:, 1]
    lon2, lat2, _ = GEOD.fwd(lon, lat, rng.uniform(0, 360, n), rng.uniform(0, 2000, n))
    return np.asarray(lat2), np.asarray(lon2)


def _assert_edges_within_1km(zone, rule, lat: np.ndarray, lon: np.ndarray) -> int:
    by_polygon = shapely.contains_xy(zone.geometry, lon, lat) | shapely.intersects_xy(
        shapely.boundary(zone.geometry), lon, lat
    )
    exact = rule(lat, lon)
    wrong = np.flatnonzero(by_polygon != exact)
    for i in wrong:  # the true edge must pass within 1 km: some point that close is on the other side
        az = np.tile(np.arange(0, 360, 5.0), 4)
        dist = np.repeat([250.0, 500.0, 750.0, 1000.0], 72)
        lo2, la2, _ = GEOD.fwd(np.full(az.size, lon[i]), np.full(az.size, lat[i]), az, dist)
        around = rule(np.asarray(la2), np.asarray(lo2))
        assert (around != exact[i]).any(), (zone.kind, lat[i], lon[i], bool(exact[i]))
    assert zone.contains(float(lat[0]), float(lon[0])) == bool(exact[0])
    return wrong.size


PAIRS = {
    "seed, polar": (("Washington", 38.9072, -77.0369), ("Beijing", 39.9042, 116.4074)),
    "antipodal-ish": (("London", 51.5074, -0.1278), ("Sydney", -33.8688, 151.2093)),
    "same meridian": (("A", 10.0, 20.0), ("B", 60.0, 20.0)),
    "across 180": (("Suva", -18.1416, 178.4419), ("Honolulu", 21.3069, -157.8583)),
    "short": (("Paris", 48.8566, 2.3522), ("London", 51.5074, -0.1278)),
    "both polar": (("Alert", 82.5018, -62.3481), ("Longyearbyen", 78.2232, 15.6267)),
    "southern": (("Santiago", -33.4489, -70.6693), ("Perth", -31.9505, 115.8605)),
}


@pytest.mark.parametrize("case", list(PAIRS))
def test_halfway_zone_edges_match_brute_force(case: str) -> None:
    a, b = (_place(*p) for p in PAIRS[case])
    t = Thresholds()
    zs = halfway_zones(a, b, t)
    rng = np.random.default_rng(RNG_SEED)
    for zone in zs.zones:
        rule = _rule(zone.kind, [a, b], t)
        lat, lon = _edge_points(zone, rng)
        _assert_edges_within_1km(zone, rule, lat, lon)
        # far from the edges the polygon and the rule agree everywhere (random points on the globe)
        z = rng.uniform(-1, 1, 2000)
        glat, glon = np.degrees(np.arcsin(z)), rng.uniform(-180, 180, z.size)
        _assert_edges_within_1km(zone, rule, glat, glon)


@pytest.mark.parametrize("case", list(PAIRS))
def test_halfway_zone_contains_the_midpoint_not_the_parties(case: str) -> None:
    a, b = (_place(*p) for p in PAIRS[case])
    zs = halfway_zones(a, b)
    line = Geodesic.WGS84.InverseLine(a.point.lat, a.point.lon, b.point.lat, b.point.lon)
    m = line.Position(line.s13 / 2)
    lat_mid, lon_mid = m["lat2"], m["lon2"]
    assert zs.centre is not None and zs.centre[0] == pytest.approx(lat_mid, abs=1e-7)
    for kind in ("halfway", "roughly halfway"):
        z = zs.by_kind[kind]
        assert z.contains(lat_mid, lon_mid)
        assert shapely.contains_xy(z.geometry, lon_mid, lat_mid)
        for p in (a, b):
            assert not z.contains(p.point.lat, p.point.lon)
            assert not shapely.contains_xy(z.geometry, p.point.lon, p.point.lat)
    band = zs.by_kind["equal distance"]
    assert band.contains(lat_mid, lon_mid) and not band.contains(a.point.lat, a.point.lon)


def _authalic_sin(lat_deg: np.ndarray) -> np.ndarray:
    e = math.sqrt(GEOD.es)
    s = np.sin(np.radians(lat_deg))

    def q(x: np.ndarray) -> np.ndarray:
        return (1 - e * e) * (x / (1 - e * e * x * x) - np.log((1 - e * x) / (1 + e * x)) / (2 * e))

    return q(s) / q(np.array(1.0))


@pytest.mark.parametrize("case", ["seed, polar", "across 180", "southern"])
def test_zone_area_matches_a_grid_count(case: str) -> None:
    """Area from GeographicLib's ring against exact cells of a 0.1° × 0.2° grid classified by the rule."""
    a, b = (_place(*p) for p in PAIRS[case])
    zone = halfway_zones(a, b).by_kind["halfway"]
    rule = _rule("halfway", [a, b], Thresholds())
    _, south, _, north = zone.geometry.bounds
    dlat, dlon = 0.1, 0.2
    lat_edges = np.arange(math.floor(south) - 1, min(math.ceil(north) + 1, 90) + 1e-9, dlat)
    lat_edges = np.clip(lat_edges, -90, 90)
    lon_edges = np.arange(-180, 180 + 1e-9, dlon)
    clat = (lat_edges[:-1] + lat_edges[1:]) / 2
    clon = (lon_edges[:-1] + lon_edges[1:]) / 2
    la, lo = np.meshgrid(clat, clon, indexing="ij")
    inside = rule(la.ravel(), lo.ravel()).reshape(la.shape)
    band_area = EARTH_AREA_KM2 * (np.diff(_authalic_sin(lat_edges))) / 2 * (dlon / 360)
    grid_area = float((inside * band_area[:, None]).sum())
    assert zone.area_km2 == pytest.approx(grid_area, rel=0.01)


def test_seed_zones_say_where_anchorage_lies() -> None:
    w, bj, anc = resolve("Washington"), resolve("Beijing"), resolve("Anchorage")
    zs = halfway_zones(w, bj)
    verdict = check_halfway(anc, w, bj).verdict
    assert verdict == "roughly halfway"
    assert not zs.by_kind["halfway"].contains(anc.point.lat, anc.point.lon)
    assert zs.by_kind["roughly halfway"].contains(anc.point.lat, anc.point.lon)
    assert "Ted Stevens Anchorage International Airport (ANC)" in zs.by_kind["roughly halfway"].airports


def test_zone_membership_agrees_with_the_verdict_everywhere() -> None:
    """The zones are the verdict rule: check_halfway on random venues says the same."""
    a, b = resolve("Washington"), resolve("Beijing")
    zs = halfway_zones(a, b)
    rng = np.random.default_rng(7)
    for _ in range(60):
        lat, lon = float(np.degrees(np.arcsin(rng.uniform(-1, 1)))), float(rng.uniform(-180, 180))
        v = check_halfway(_place("V", lat, lon), a, b).verdict
        assert zs.by_kind["halfway"].contains(lat, lon) == (v == "halfway")
        assert zs.by_kind["roughly halfway"].contains(lat, lon) == (v in ("halfway", "roughly halfway"))


TWENTY = [
    (51.5074, -0.1278), (48.8566, 2.3522), (52.52, 13.405), (55.7558, 37.6173),
    (39.9042, 116.4074), (35.6762, 139.6503), (-33.8688, 151.2093), (1.3521, 103.8198),
    (28.6139, 77.209), (30.0444, 31.2357), (-1.2921, 36.8219), (-33.9249, 18.4241),
    (6.5244, 3.3792), (40.7128, -74.006), (38.9072, -77.0369), (19.4326, -99.1332),
    (-23.5505, -46.6333), (-34.6037, -58.3816), (49.2827, -123.1207), (64.1466, -21.9426),
]  # fmt: skip


@pytest.mark.parametrize("objective", ["minimax", "minsum"])
def test_fairness_zone_of_twenty_parties_matches_brute_force(objective: str) -> None:
    parties = [_place(f"P{i}", *p) for i, p in enumerate(TWENTY)]
    zs = fairness_zone(parties, objective, 5.0)
    zone = zs.zones[0]
    opt = optimum([p[0] for p in TWENTY], [p[1] for p in TWENTY], objective)
    best_km = opt.max_km if objective == "minimax" else opt.sum_km
    rule = _rule(objective, parties, Thresholds(), best_km, 5.0)
    rng = np.random.default_rng(RNG_SEED)
    lat, lon = _edge_points(zone, rng)
    _assert_edges_within_1km(zone, rule, lat, lon)
    assert zone.contains(opt.lat, opt.lon)


@pytest.mark.parametrize("pct", [1.0, 30.0])
def test_thin_and_wide_minimax_zones_match_brute_force(pct: float) -> None:
    """Three parties whose optimum is a pair's midpoint: the zone is a lens with thin tips (one
    reaches over the North Pole at 1 %), or a large region at 30 %."""
    pts = [(38.9072, -77.0369), (39.9042, 116.4074), (55.7558, 37.6173)]
    parties = [_place(f"P{i}", *p) for i, p in enumerate(pts)]
    zone = fairness_zone(parties, "minimax", pct).zones[0]
    opt = optimum([p[0] for p in pts], [p[1] for p in pts], "minimax")
    rule = _rule("minimax", parties, Thresholds(), opt.max_km, pct)
    lat, lon = _edge_points(zone, np.random.default_rng(5))
    _assert_edges_within_1km(zone, rule, lat, lon)


def test_minimax_zone_shrinks_to_the_optimum() -> None:
    pts = [(38.9072, -77.0369), (39.9042, 116.4074), (55.7558, 37.6173)]
    parties = [_place(f"P{i}", *p) for i, p in enumerate(pts)]
    opt = optimum([p[0] for p in pts], [p[1] for p in pts], "minimax")
    areas, reach = [], []
    for pct in (10.0, 1.0, 0.1, 0.01):
        zone = fairness_zone(parties, "minimax", pct).zones[0]
        areas.append(zone.area_km2)
        xy = shapely.get_coordinates(zone.edges)
        reach.append(float(_km(xy[:, 1], xy[:, 0], opt.lat, opt.lon).max()))
    assert areas == sorted(areas, reverse=True) and areas[-1] < areas[0] / 1000
    assert reach == sorted(reach, reverse=True)
    # the optimum is the Washington–Beijing midpoint, so the zone is the lens where two discs of
    # radius (1 + p)·max overlap: half as long as sqrt((1 + p)² − 1)·max in the plane
    for pct, r in zip((10.0, 1.0, 0.1, 0.01), reach, strict=True):
        p = pct / 100
        assert r < 1.3 * opt.max_km * math.sqrt(2 * p + p * p) + 1.0
    assert reach[-1] < 0.02 * opt.max_km


def test_degenerate_and_bad_input_are_refused() -> None:
    with pytest.raises(ZoneError, match="same place"):
        halfway_zones(_place("A", 10, 10), _place("B", 10, 10))
    with pytest.raises(ZoneError, match="antipodal"):
        halfway_zones(_place("A", 10, 10), _place("B", -10, -170))
    with pytest.raises(ValueError, match="--within"):
        fairness_zone([resolve("Paris"), resolve("Rome")], "minimax", 0)
    with pytest.raises(ValueError, match="--within"):
        fairness_zone([resolve("Paris"), resolve("Rome")], "minimax", float("nan"))
    with pytest.raises(ValueError, match="objective"):
        fairness_zone([resolve("Paris"), resolve("Rome")], "average")


@pytest.mark.parametrize("venue", ["Anchorage", "Reykjavik", "Tokyo"])
def test_distance_to_the_edge_is_the_nearest_edge_point(venue: str) -> None:
    """Brute force round the venue: nothing on the other side closer than the reported distance
    (3,600 azimuths, 10 m inside it), and the reported edge point is on the edge."""
    a, b, v = resolve("Washington"), resolve("Beijing"), resolve(venue)
    zs = halfway_zones(a, b)
    for zone in zs.zones:
        rule = _rule(zone.kind, [a, b], Thresholds())
        pos = position(zone, v.point.lat, v.point.lon)
        assert pos.inside == bool(rule(np.array([v.point.lat]), np.array([v.point.lon]))[0])
        az = np.arange(0.0, 360.0, 0.1)
        lo, la, _ = GEOD.fwd(np.full(az.size, v.point.lon), np.full(az.size, v.point.lat), az,
                             np.full(az.size, (pos.edge_km - 0.01) * 1000.0))  # fmt: skip
        assert not (rule(np.asarray(la), np.asarray(lo)) != pos.inside).any(), (zone.kind, venue)
        toward, _, _ = GEOD.inv(v.point.lon, v.point.lat, pos.edge_lon, pos.edge_lat)
        lo, la, _ = GEOD.fwd([v.point.lon] * 2, [v.point.lat] * 2, [toward] * 2,
                             [(pos.edge_km - 0.01) * 1000.0, (pos.edge_km + 0.01) * 1000.0])  # fmt: skip
        assert (rule(np.asarray(la), np.asarray(lo)) != pos.inside).tolist() == [False, True]
        _, _, m = GEOD.inv(v.point.lon, v.point.lat, pos.edge_lon, pos.edge_lat)
        assert abs(m / 1000.0 - pos.edge_km) < 1e-6


def test_the_longest_trip_pruned_on_the_sphere_equals_every_geodesic() -> None:
    """The minimax zone computes exact geodesics only to the parties near the spherical longest;
    brute force over all twenty at 100,000 random points and at the parties' antipodes agrees."""
    from geo.analysis.zones import _longest_km

    plat = np.array([p[0] for p in TWENTY])
    plon = np.array([p[1] for p in TWENTY])
    rng = np.random.default_rng(11)
    lat = np.concatenate([np.degrees(np.arcsin(rng.uniform(-1, 1, 100_000))), -plat, [90.0, -90.0]])
    lon = np.concatenate([rng.uniform(-180, 180, 100_000), (plon + 360.0) % 360.0 - 180.0, [0.0, 0.0]])
    every = np.max([_km(lat, lon, a, b) for a, b in zip(plat, plon, strict=True)], axis=0)
    assert np.abs(_longest_km(lat, lon, plat, plon) - every).max() < 1e-9
