"""The highest latitude of a geodesic (path_peak) against dense sampling with GeographicLib."""

from __future__ import annotations

import numpy as np
import pytest
from geographiclib.geodesic import Geodesic
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from geo.core.geodesy import LatLon, is_nearly_antipodal, path_peak
from geo.errors import DegenerateGeodesicError

G = Geodesic.WGS84
SAMPLES = 20_001  # independent check: every 0.05 % of the way along the path
WASHINGTON = LatLon(38.9072, -77.0369)
BEIJING = LatLon(39.9042, 116.4074)


def sampled_extreme(a: LatLon, b: LatLon) -> tuple[float, float]:
    """(lat, s12 in km) of the sampled vertex with the largest |latitude|, refined by sampling
    again around it (GeographicLib directly, no code of the package)."""
    line = G.InverseLine(a.lat, a.lon, b.lat, b.lon)
    s = np.linspace(0.0, line.s13, SAMPLES)
    lats = np.array([line.Position(x)["lat2"] for x in s])
    k = int(np.argmax(np.abs(lats)))
    lo, hi = s[max(k - 1, 0)], s[min(k + 1, SAMPLES - 1)]
    fine = np.linspace(lo, hi, 2001)
    fine_lats = np.array([line.Position(x)["lat2"] for x in fine])
    j = int(np.argmax(np.abs(fine_lats)))
    return float(fine_lats[j]), float(fine[j] / 1000.0)


CASES = [
    (WASHINGTON, BEIJING),
    (LatLon(35.6762, 139.6503), LatLon(21.3069, -157.8583)),  # Tokyo–Honolulu
    (LatLon(38.9072, -77.0369), LatLon(1.3521, 103.8198)),  # Washington–Singapore, near the pole
    (LatLon(60.0, 0.0), LatLon(60.0, 179.0)),
    (LatLon(-33.8688, 151.2093), LatLon(-33.9249, 18.4241)),  # Sydney–Cape Town, southern
    (LatLon(-34.6037, -58.3816), LatLon(-36.8485, 174.7633)),  # Buenos Aires–Auckland
    (LatLon(38.9, -77.0), LatLon(-34.6, -58.4)),  # peak at an end
    (LatLon(0.0, 0.0), LatLon(0.0, 50.0)),  # along the equator
]


@pytest.mark.parametrize(("a", "b"), CASES)
def test_should_find_the_highest_latitude_that_dense_sampling_finds(a: LatLon, b: LatLon) -> None:
    peak = path_peak(a, b)
    lat, _ = sampled_extreme(a, b)
    assert abs(peak.lat) >= abs(lat) - 1e-12  # never below a sampled point
    assert abs(peak.lat) - abs(lat) < 1e-9  # and the samples reach it


@pytest.mark.parametrize(("a", "b"), CASES)
def test_should_measure_the_pole_distance_as_a_geodesic_to_the_pole(a: LatLon, b: LatLon) -> None:
    peak = path_peak(a, b)
    pole = 90.0 if peak.pole == "north" else -90.0
    assert peak.pole_km == pytest.approx(G.Inverse(peak.lat, peak.lon, pole, 0.0)["s12"] / 1000.0, abs=1e-9)
    assert (peak.lat >= 0) == (peak.pole == "north")


def test_should_put_the_washington_beijing_peak_near_82_north_and_900_km_from_the_pole() -> None:
    peak = path_peak(WASHINGTON, BEIJING)
    assert peak.vertex and peak.pole == "north"
    assert peak.lat == pytest.approx(81.92043, abs=1e-5)
    assert 900 < peak.pole_km < 905
    line = G.InverseLine(WASHINGTON.lat, WASHINGTON.lon, BEIJING.lat, BEIJING.lon)
    at = line.Position(peak.fraction * line.s13)
    assert abs(at["azi2"]) == pytest.approx(90.0, abs=1e-9)  # the vertex: azimuth ±90°
    assert at["lat2"] == pytest.approx(peak.lat, abs=1e-12)


def test_should_name_an_end_when_the_path_peaks_at_it() -> None:
    peak = path_peak(LatLon(38.9, -77.0), LatLon(-34.6, -58.4))
    assert not peak.vertex and peak.fraction == 0.0 and peak.lat == 38.9


def test_should_return_the_point_for_coincident_ends() -> None:
    peak = path_peak(WASHINGTON, WASHINGTON)
    assert (peak.lat, peak.lon, peak.vertex) == (WASHINGTON.lat, WASHINGTON.lon, False)


def test_should_refuse_nearly_antipodal_ends() -> None:
    with pytest.raises(DegenerateGeodesicError):
        path_peak(LatLon(45, 0), LatLon(-45, 179.572719))


@settings(max_examples=40, deadline=None)
@given(
    st.floats(-89.0, 89.0),
    st.floats(-180.0, 180.0),
    st.floats(-89.0, 89.0),
    st.floats(-180.0, 180.0),
)
def test_peak_is_on_the_path_and_no_sample_lies_beyond_it(
    lat1: float, lon1: float, lat2: float, lon2: float
) -> None:
    a, b = LatLon(lat1, lon1), LatLon(lat2, lon2)
    assume(not is_nearly_antipodal(a, b))
    peak = path_peak(a, b)
    line = G.InverseLine(a.lat, a.lon, b.lat, b.lon)
    assert 0.0 <= peak.fraction <= 1.0
    on_path = line.Position(peak.fraction * line.s13)
    assert on_path["lat2"] == pytest.approx(peak.lat, abs=1e-9)
    samples = [line.Position(x)["lat2"] for x in np.linspace(0.0, line.s13, 501)]
    assert max(abs(x) for x in samples) <= abs(peak.lat) + 1e-9
