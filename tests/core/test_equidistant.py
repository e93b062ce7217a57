"""The equidistant line: every vertex as far from A as from B, to 1 m, checked with GeographicLib."""

from __future__ import annotations

import json

import numpy as np
import pytest
from geographiclib.geodesic import Geodesic
from hypothesis import given, settings
from hypothesis import strategies as st

from geo.core.equidistant import equidistant_line
from geo.core.geodesy import LatLon
from geo.errors import DegenerateGeodesicError, InvalidInputError

G = Geodesic.WGS84
ONE_METRE = 1.0


def gap_m(lat: float, lon: float, a: LatLon, b: LatLon) -> float:
    return float(abs(G.Inverse(lat, lon, a.lat, a.lon)["s12"] - G.Inverse(lat, lon, b.lat, b.lon)["s12"]))


PAIRS = [
    (LatLon(38.9072, -77.0369), LatLon(39.9042, 116.4074)),  # Washington–Beijing
    (LatLon(55.7558, 37.6173), LatLon(38.9072, -77.0369)),  # Moscow–Washington
    (LatLon(0, 0), LatLon(0, 179.5)),  # nearly antipodal on the equator
    (LatLon(45, 0), LatLon(-45, 179.572719)),  # GeographicLib's hard inverse case
    (LatLon(10, 170), LatLon(-10, -170)),  # across the antimeridian
    (LatLon(89.9, 0), LatLon(-89.9, 10)),  # near the poles
    (LatLon(51.5, -0.12), LatLon(51.5001, -0.12)),  # 11 m apart
]


@pytest.mark.parametrize(("a", "b"), PAIRS)
def test_every_vertex_is_equidistant_to_one_metre_by_geographiclib(a: LatLon, b: LatLon) -> None:
    line = equidistant_line(a, b)
    gaps = [gap_m(lat, lon, a, b) for lat, lon in zip(line.lats, line.lons, strict=True)]
    assert max(gaps) < ONE_METRE
    assert max(gaps) < 1e-3  # in fact to a millimetre
    assert line.max_error_km < 1e-6
    common = [
        G.Inverse(lat, lon, a.lat, a.lon)["s12"] / 1000 for lat, lon in zip(line.lats, line.lons, strict=True)
    ]
    assert np.allclose(line.distances_km, common, atol=1e-6)


@pytest.mark.parametrize(("a", "b"), PAIRS)
def test_vertices_form_an_ordered_closed_curve_around_the_globe(a: LatLon, b: LatLon) -> None:
    line = equidistant_line(a, b, max_step_km=100)
    assert line.lats[0] == line.lats[-1] and line.lons[0] == line.lons[-1]
    steps = np.array(
        [
            G.Inverse(line.lats[i], line.lons[i], line.lats[i + 1], line.lons[i + 1])["s12"] / 1000
            for i in range(line.lats.size - 1)
        ]
    )
    assert steps.max() < 110 and steps.min() > 90  # neighbours in order, evenly spaced
    assert 39_500 < steps.sum() < 40_500  # once round the Earth
    assert ((line.lons >= -180) & (line.lons < 180)).all()


def test_first_vertex_is_the_geodesic_midpoint() -> None:
    a, b = PAIRS[0]
    line = equidistant_line(a, b)
    assert (round(float(line.lats[0]), 5), round(float(line.lons[0]), 5)) == (81.90483, -156.85262)


def test_spherical_bisector_would_be_kilometres_off() -> None:
    # the ellipsoidal curve differs from the spherical great circle: the refinement matters
    a, b = PAIRS[1]
    line = equidistant_line(a, b, max_step_km=500)
    ua = np.array(
        [
            np.cos(np.radians(a.lat)) * np.cos(np.radians(a.lon)),
            np.cos(np.radians(a.lat)) * np.sin(np.radians(a.lon)),
            np.sin(np.radians(a.lat)),
        ]
    )
    ub = np.array(
        [
            np.cos(np.radians(b.lat)) * np.cos(np.radians(b.lon)),
            np.cos(np.radians(b.lat)) * np.sin(np.radians(b.lon)),
            np.sin(np.radians(b.lat)),
        ]
    )
    normal = (ua - ub) / np.linalg.norm(ua - ub)
    phi, lam = np.radians(line.lats), np.radians(line.lons)
    xyz = np.stack([np.cos(phi) * np.cos(lam), np.cos(phi) * np.sin(lam), np.sin(phi)], axis=1)
    off_km = np.abs(xyz @ normal) * 6371.0
    assert off_km.max() > 1.0


def test_geojson_is_split_at_the_antimeridian_on_the_curve() -> None:
    a, b = LatLon(60, 0), LatLon(-30, 100)
    line = equidistant_line(a, b, max_step_km=200)
    feature = json.loads(json.dumps(line.to_geojson()))
    assert feature["type"] == "Feature" and feature["geometry"]["type"] == "MultiLineString"
    parts = feature["geometry"]["coordinates"]
    for part in parts:
        lons = np.array([p[0] for p in part])
        assert ((lons >= -180) & (lons <= 180)).all()
        assert np.abs(np.diff(lons)).max() < 180  # no segment jumps across the map
        for lon, lat in part:
            assert gap_m(lat, lon, a, b) < ONE_METRE
    ends = [part[0] for part in parts] + [part[-1] for part in parts]
    seam = [p for p in ends if abs(p[0]) == 180]
    assert len(seam) == 2 and seam[0][1] == seam[1][1]  # one crossing: the same point at -180 and +180
    assert sum(len(p) for p in parts) == line.lats.size + 1  # every vertex once, plus the seam point


def test_geojson_properties_default_to_the_parties_and_can_be_replaced() -> None:
    line = equidistant_line(LatLon(10, -30), LatLon(-10, 30), max_step_km=500)
    assert line.to_geojson()["properties"] == {
        "kind": "equidistant line",
        "a": [10.0, -30.0],
        "b": [-10.0, 30.0],
    }
    assert line.to_geojson(properties={"name": "x"})["properties"] == {"name": "x"}


def test_coincident_parties_are_refused() -> None:
    with pytest.raises(DegenerateGeodesicError, match="one place"):
        equidistant_line(LatLon(10, 10), LatLon(10, 10))


@pytest.mark.parametrize("step", [0.0, -5.0, float("nan"), 6000.0])
def test_bad_step_is_refused(step: float) -> None:
    with pytest.raises(InvalidInputError, match="max_step_km"):
        equidistant_line(LatLon(0, 0), LatLon(0, 10), max_step_km=step)


point = st.tuples(st.floats(-89.9, 89.9), st.floats(-180, 180))


@settings(max_examples=25, deadline=None)
@given(point, point)
def test_equidistant_for_random_pairs(p: tuple[float, float], q: tuple[float, float]) -> None:
    a, b = LatLon(*p), LatLon(*q)
    if G.Inverse(a.lat, a.lon, b.lat, b.lon)["s12"] < 1.0:
        return
    line = equidistant_line(a, b, max_step_km=1000)
    for lat, lon in zip(line.lats, line.lons, strict=True):
        assert gap_m(lat, lon, a, b) < ONE_METRE
