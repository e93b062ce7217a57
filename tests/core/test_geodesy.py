"""Geodesy against GeographicLib called directly, plus geometric invariants (hypothesis)."""

from __future__ import annotations

import math

import numpy as np
import pytest
from geographiclib.geodesic import Geodesic
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from geo.core.geodesy import (
    LatLon,
    cross_track,
    densify,
    detour_pct,
    direct,
    distance_km,
    inverse,
    is_nearly_antipodal,
    midpoint,
    point_at_fraction,
)
from geo.errors import DegenerateGeodesicError, GeoError, InvalidCoordinatesError

G = Geodesic.WGS84
MM_KM = 1e-6  # 1 mm in km: the project's accuracy promise
WASHINGTON = LatLon(38.9072, -77.0369)
BEIJING = LatLon(39.9042, 116.4074)
ANCHORAGE = LatLon(61.2181, -149.9003)
TOKYO = LatLon(35.6762, 139.6503)
SAN_FRANCISCO = LatLon(37.7749, -122.4194)


def gl_km(a: LatLon, b: LatLon) -> float:
    return G.Inverse(a.lat, a.lon, b.lat, b.lon)["s12"] / 1000.0


lat_st = st.floats(-90, 90, allow_nan=False)
lon_st = st.floats(-180, 180, allow_nan=False)
point_st = st.builds(LatLon, lat_st, lon_st)


# --- worked numbers of the seed scenario -------------------------------------------------


def test_should_match_reference_numbers_for_washington_beijing_anchorage() -> None:
    assert distance_km(WASHINGTON.lat, WASHINGTON.lon, BEIJING.lat, BEIJING.lon) == pytest.approx(
        gl_km(WASHINGTON, BEIJING), abs=MM_KM
    )
    assert gl_km(WASHINGTON, BEIJING) == pytest.approx(11170.672, abs=0.001)
    mid = midpoint(WASHINGTON, BEIJING)
    assert (mid.lat, mid.lon) == pytest.approx((81.90483, -156.85262), abs=1e-5)
    assert gl_km(ANCHORAGE, mid) == pytest.approx(2317.065, abs=0.001)
    assert detour_pct(WASHINGTON, ANCHORAGE, BEIJING) == pytest.approx(5.84, abs=0.005)


def test_midpoint_is_not_the_mean_of_coordinates() -> None:
    mid = midpoint(WASHINGTON, BEIJING)
    naive = LatLon((WASHINGTON.lat + BEIJING.lat) / 2, (WASHINGTON.lon + BEIJING.lon) / 2)
    assert gl_km(mid, naive) > 5000


def test_cross_track_is_ellipsoidal_not_spherical_for_anchorage() -> None:
    xt = cross_track(ANCHORAGE, WASHINGTON, BEIJING)
    assert xt.distance_km == pytest.approx(2254.967, abs=0.001)
    # the spherical formula gives 2,244.256 km: 10.7 km off
    assert abs(xt.distance_km - 2244.256) > 10


def _brute_force_cross_track(p: LatLon, a: LatLon, b: LatLon, samples: int = 20001) -> tuple[float, float]:
    """Independent reference: GeographicLib distances to densely sampled points, then a local refine."""
    line = G.InverseLine(a.lat, a.lon, b.lat, b.lon)

    def dist(s: float) -> float:
        pos = line.Position(s)
        return G.Inverse(pos["lat2"], pos["lon2"], p.lat, p.lon)["s12"]

    ss = np.linspace(0, line.s13, samples)
    best = min(range(samples), key=lambda i: dist(ss[i]))
    lo, hi = ss[max(best - 1, 0)], ss[min(best + 1, samples - 1)]
    for _ in range(100):  # golden-section refine inside the bracket
        m1, m2 = hi - (hi - lo) / 1.618033988749895, lo + (hi - lo) / 1.618033988749895
        if dist(m1) < dist(m2):
            hi = m2
        else:
            lo = m1
    s = (lo + hi) / 2
    return dist(s) / 1000.0, s / line.s13


@pytest.mark.parametrize(
    ("p", "a", "b"),
    [
        (ANCHORAGE, WASHINGTON, BEIJING),
        (LatLon(64.1475, -21.9091), WASHINGTON, LatLon(55.7558, 37.6173)),  # Reykjavik, Washington-Moscow
        (LatLon(10, 10), LatLon(0, 0), LatLon(0, 40)),
        (LatLon(-5, -20), LatLon(0, 0), LatLon(0, 40)),  # foot before the start: endpoint
        (LatLon(89, 0), TOKYO, SAN_FRANCISCO),
        (LatLon(-60, 100), TOKYO, SAN_FRANCISCO),
    ],
)
def test_cross_track_matches_brute_force_reference(p: LatLon, a: LatLon, b: LatLon) -> None:
    ref_km, ref_frac = _brute_force_cross_track(p, a, b)
    xt = cross_track(p, a, b)
    assert xt.distance_km == pytest.approx(ref_km, abs=MM_KM)
    assert 0.0 <= xt.along_track_fraction <= 1.0
    assert xt.along_track_fraction == pytest.approx(ref_frac, abs=1e-6)
    assert gl_km(p, xt.closest) == pytest.approx(xt.distance_km, abs=MM_KM)


def test_reykjavik_lies_on_the_washington_moscow_path() -> None:
    reykjavik = LatLon(64.1475, -21.9091)
    moscow = LatLon(55.7558, 37.6173)
    assert gl_km(WASHINGTON, reykjavik) == pytest.approx(4524, abs=1)
    assert gl_km(reykjavik, moscow) == pytest.approx(3318, abs=1)
    assert detour_pct(WASHINGTON, reykjavik, moscow) == pytest.approx(0.0, abs=0.05)


# --- vectorized distance --------------------------------------------------------------------


def test_vectorized_distance_matches_geographiclib_pair_by_pair() -> None:
    rng = np.random.default_rng(7)
    lat1, lat2 = rng.uniform(-90, 90, (2, 500))
    lon1, lon2 = rng.uniform(-180, 180, (2, 500))
    km = distance_km(lat1, lon1, lat2, lon2)
    ref = [G.Inverse(*args)["s12"] / 1000 for args in zip(lat1, lon1, lat2, lon2, strict=True)]
    assert np.max(np.abs(km - np.array(ref))) < MM_KM


def test_vectorized_distance_broadcasts_venues_against_parties() -> None:
    venues_lat = np.array([[61.2181], [64.1475], [46.2044]])
    venues_lon = np.array([[-149.9003], [-21.9091], [6.1432]])
    km = distance_km(venues_lat, venues_lon, [WASHINGTON.lat, BEIJING.lat], [WASHINGTON.lon, BEIJING.lon])
    assert km.shape == (3, 2)
    assert km[0, 0] == pytest.approx(gl_km(ANCHORAGE, WASHINGTON), abs=MM_KM)
    assert isinstance(distance_km(0, 0, 1, 1), float)


@pytest.mark.parametrize(
    "bad", [(math.nan, 0), (0, math.inf), (91, 0), (-90.5, 0), ("x", 0), (True, 0)], ids=str
)
def test_should_refuse_invalid_coordinates(bad: tuple[object, object]) -> None:
    with pytest.raises(InvalidCoordinatesError):
        LatLon(*bad)  # type: ignore[arg-type]


def test_should_refuse_longitude_beyond_180_in_latlon() -> None:
    with pytest.raises(InvalidCoordinatesError, match="longitude 181"):
        LatLon(0, 181)


def test_vectorized_distance_refuses_nan() -> None:
    with pytest.raises(InvalidCoordinatesError):
        distance_km([0, np.nan], 0, 0, 0)


def test_errors_subclass_builtins() -> None:
    assert issubclass(InvalidCoordinatesError, ValueError)
    assert issubclass(DegenerateGeodesicError, GeoError)


# --- antimeridian, poles and GeographicLib's corner case --------------------------------------


def test_should_compute_distance_across_antimeridian_tokyo_san_francisco() -> None:
    assert distance_km(TOKYO.lat, TOKYO.lon, SAN_FRANCISCO.lat, SAN_FRANCISCO.lon) == pytest.approx(
        gl_km(TOKYO, SAN_FRANCISCO), abs=MM_KM
    )
    mid = midpoint(TOKYO, SAN_FRANCISCO)
    assert gl_km(TOKYO, mid) == pytest.approx(gl_km(mid, SAN_FRANCISCO), abs=MM_KM)
    assert abs(mid.lon) > 150  # over the North Pacific, not Asia or Europe
    _, lons = densify(TOKYO, SAN_FRANCISCO, 200)
    assert np.all(np.abs(np.diff(lons)) <= 180)
    assert lons[-1] == pytest.approx(SAN_FRANCISCO.lon + 360)


def test_should_handle_the_poles() -> None:
    north, south = LatLon(90, 0), LatLon(-90, 0)
    assert distance_km(90, 0, 90, 120) == pytest.approx(0, abs=MM_KM)
    assert distance_km(90, 0, -90, 0) == pytest.approx(gl_km(north, south), abs=MM_KM)
    assert is_nearly_antipodal(north, south)
    with pytest.raises(DegenerateGeodesicError):
        midpoint(north, south)
    mid = midpoint(north, LatLon(0, 45))
    assert gl_km(north, mid) == pytest.approx(gl_km(mid, LatLon(0, 45)), abs=MM_KM)


def test_geographiclib_corner_case_inverse_45_0_minus45_179_572719() -> None:
    a, b = LatLon(45, 0), LatLon(-45, 179.572719)
    assert distance_km(a.lat, a.lon, b.lat, b.lon) == pytest.approx(gl_km(a, b), abs=MM_KM)
    assert inverse(a, b).distance_km == pytest.approx(gl_km(a, b), abs=MM_KM)
    assert is_nearly_antipodal(a, b)
    with pytest.raises(DegenerateGeodesicError, match="nearly antipodal"):
        midpoint(a, b)


def test_equatorial_points_in_the_cut_locus_have_no_unique_midpoint() -> None:
    # (0,0)-(0,179.5): two symmetric shortest paths, over the north and the south
    assert is_nearly_antipodal(LatLon(0, 0), LatLon(0, 179.5))
    assert not is_nearly_antipodal(LatLon(40.4, -3.7), LatLon(-41.3, 174.8))  # Madrid-Wellington


def test_coincident_points() -> None:
    assert midpoint(ANCHORAGE, ANCHORAGE) == ANCHORAGE
    with pytest.raises(DegenerateGeodesicError):
        detour_pct(ANCHORAGE, WASHINGTON, ANCHORAGE)
    assert cross_track(WASHINGTON, ANCHORAGE, ANCHORAGE).distance_km == pytest.approx(
        gl_km(WASHINGTON, ANCHORAGE), abs=MM_KM
    )


def test_direct_and_point_at_fraction_agree_with_geographiclib() -> None:
    g = G.Direct(WASHINGTON.lat, WASHINGTON.lon, 30.0, 5_000_000.0)
    p = direct(WASHINGTON, 30.0, 5000.0)
    assert (p.lat, p.lon) == pytest.approx((g["lat2"], g["lon2"]), abs=1e-9)
    q = point_at_fraction(WASHINGTON, BEIJING, 0.25)
    assert gl_km(WASHINGTON, q) == pytest.approx(0.25 * gl_km(WASHINGTON, BEIJING), abs=MM_KM)


# --- properties -------------------------------------------------------------------------------


@given(point_st, point_st)
def test_distance_is_symmetric_and_matches_geographiclib(a: LatLon, b: LatLon) -> None:
    d_ab = distance_km(a.lat, a.lon, b.lat, b.lon)
    assert d_ab == pytest.approx(distance_km(b.lat, b.lon, a.lat, a.lon), abs=MM_KM)
    assert d_ab == pytest.approx(gl_km(a, b), abs=MM_KM)


@given(point_st)
def test_distance_to_itself_is_zero(a: LatLon) -> None:
    assert distance_km(a.lat, a.lon, a.lat, a.lon) == pytest.approx(0, abs=MM_KM)


@given(point_st, point_st)
def test_midpoint_is_equidistant_from_both_ends(a: LatLon, b: LatLon) -> None:
    assume(not is_nearly_antipodal(a, b))
    mid = midpoint(a, b)
    assert gl_km(a, mid) == pytest.approx(gl_km(mid, b), abs=MM_KM)
    assert gl_km(a, mid) + gl_km(mid, b) == pytest.approx(gl_km(a, b), abs=2 * MM_KM)


@given(point_st, point_st, point_st)
def test_triangle_inequality(a: LatLon, b: LatLon, c: LatLon) -> None:
    assert gl_km(a, c) <= gl_km(a, b) + gl_km(b, c) + MM_KM


@settings(max_examples=50)
@given(point_st, point_st, st.floats(1, 2000))
def test_densified_path_keeps_endpoints_and_step_bounds(a: LatLon, b: LatLon, step_km: float) -> None:
    assume(not is_nearly_antipodal(a, b))
    lats, lons = densify(a, b, step_km)
    assert (lats[0], lons[0]) == (a.lat, a.lon)
    assert lats[-1] == pytest.approx(b.lat, abs=1e-9)
    lon_gap = (lons[-1] - b.lon + 180) % 360 - 180  # same meridian, up to whole turns
    assert abs(lon_gap) < 1e-9 or abs(b.lat) == 90
    assert np.all(np.abs(np.diff(lons)) <= 180)
    steps = distance_km(lats[:-1], lons[:-1], lats[1:], lons[1:])
    assert np.all(steps <= step_km + MM_KM)


@settings(max_examples=50)
@given(point_st, point_st, point_st)
def test_cross_track_never_exceeds_distance_to_either_end(p: LatLon, a: LatLon, b: LatLon) -> None:
    assume(not is_nearly_antipodal(a, b))
    xt = cross_track(p, a, b)
    assert xt.distance_km <= gl_km(p, a) + MM_KM
    assert xt.distance_km <= gl_km(p, b) + MM_KM
    assert 0.0 <= xt.along_track_fraction <= 1.0
