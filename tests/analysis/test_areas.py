"""Areas measured from their nearest and farthest points, against a GeographicLib brute force."""

from __future__ import annotations

import numpy as np
import pytest
import shapely
from geographiclib.geodesic import Geodesic

from geo.analysis.areas import area_extremes, check_from_nearest
from geo.analysis.check import check_halfway
from geo.facts.countries import load_countries
from geo.places.resolve import resolve


def _brute_force(iso2: str, lat: float, lon: float) -> tuple[float, float]:
    """Nearest and farthest vertex distances of a country's 1:10m outline, with GeographicLib."""
    index = load_countries()
    rows = [i for i, c in enumerate(index.countries) if c.iso_a2 == iso2]
    coords = shapely.get_coordinates(index.tiles[np.isin(index.tile_row, rows)])
    km = [Geodesic.WGS84.Inverse(lat, lon, y, x)["s12"] / 1000 for x, y in coords]
    return min(km), max(km)


@pytest.mark.parametrize(
    ("country", "lat", "lon"), [("Iceland", 51.5074, -0.1278), ("Japan", 21.3069, -157.8583)]
)
def test_nearest_and_farthest_points_of_a_country_are_the_brute_force_extremes(
    country: str, lat: float, lon: float
) -> None:
    place = resolve(country)
    e = area_extremes(place, True, lat, lon)
    assert e is not None and not e.nearest.inside
    nearest, farthest = _brute_force(place.country or "", lat, lon)
    assert e.nearest.distance_km == pytest.approx(nearest, abs=1e-6)  # 1 mm
    assert e.farthest.distance_km == pytest.approx(farthest, abs=1e-6)
    check = Geodesic.WGS84.Inverse(lat, lon, e.nearest.lat, e.nearest.lon)["s12"] / 1000
    assert check == pytest.approx(e.nearest.distance_km, abs=1e-6)  # the point given is the one measured


def test_the_azores_from_the_nearest_coasts_of_north_america_and_europe() -> None:
    azores = resolve("Azores")
    r = check_from_nearest(azores, [resolve("North America"), resolve("Europe")], [False, False])
    assert r is not None
    america, europe = (a.nearest for a in r.areas)
    assert 46 < america.lat < 52 and -59 < america.lon < -52  # Newfoundland
    assert 36 < europe.lat < 44 and -10 < europe.lon < -8  # mainland Portugal, not the Azores or Madeira
    d_a = Geodesic.WGS84.Inverse(azores.lat, azores.lon, america.lat, america.lon)["s12"] / 1000
    d_e = Geodesic.WGS84.Inverse(azores.lat, azores.lon, europe.lat, europe.lon)["s12"] / 1000
    assert r.result.split is not None  # type: ignore[union-attr]
    assert r.result.split[0] == pytest.approx(d_a / (d_a + d_e), abs=1e-9)  # type: ignore[union-attr]
    # From the continents' representative points the same claim reads differently
    centres = check_halfway(azores, resolve("North America"), resolve("Europe"))
    assert centres.split is not None and abs(centres.split[0] - r.result.split[0]) > 0.05  # type: ignore[union-attr]


def test_a_venue_inside_an_area_party_has_no_nearest_reading_and_a_country_venue_leaves_itself_out() -> None:
    assert check_from_nearest(resolve("Dubai"), [resolve("Asia"), resolve("Europe")], [False, False]) is None
    iceland = check_from_nearest(
        resolve("Iceland"),
        [resolve("North America"), resolve("Europe")],
        [False, False],
        venue_as_country=True,
    )
    assert iceland is not None
    greenland, europe = (a.nearest for a in iceland.areas)
    assert greenland.lat > 59 and greenland.lon < -20  # North America's nearest coast is Greenland's
    assert europe.distance_km > 700  # the rest of Europe, not Iceland itself
