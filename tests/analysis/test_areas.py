"""Areas measured from their nearest and farthest points, against a GeographicLib brute force."""

from __future__ import annotations

import numpy as np
import pytest
import shapely
from geographiclib.geodesic import Geodesic

from geo.analysis.areas import (
    LATITUDINAL,
    LONGITUDINAL,
    area_centre,
    area_extremes,
    area_span,
    check_centre,
    check_from_nearest,
    covering_lon_interval,
    distance_to_parallel_km,
    island_piece,
    nearest_on_meridian,
    outline_key,
)
from geo.analysis.check import check_halfway
from geo.errors import InvalidInputError
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


# ---- longitudinal and latitudinal centres --------------------------------------------------------
def dms(d: float, m: float = 0.0, s: float = 0.0) -> float:
    return d + m / 60 + s / 3600


def test_canada_longitudinal_and_latitudinal_centres_match_the_atlas_of_canada() -> None:
    # Atlas of Canada: longitudinal centre 96°48′35″W (the Taché sign), latitudinal centre 62°24′N,
    # both from the extreme points including islands. Natural Earth 1:10m puts the extremes
    # within about a kilometre: 0.01° of latitude (1.1 km) and 0.01° of longitude (0.5 km) here.
    span = area_span(resolve("Canada"), True)
    assert span.middle_lon == pytest.approx(-dms(96, 48, 35), abs=0.01)
    assert span.middle_lat == pytest.approx(dms(62, 24), abs=0.01)
    # the extremes: the Yukon–Alaska boundary (141°W), Cape Spear (52°37′W), Middle Island in Lake
    # Erie (41°41′N), Cape Columbia on Ellesmere Island (83°07′N): the Arctic islands count
    assert span.west == pytest.approx(-141.0, abs=0.02)
    assert span.east == pytest.approx(-dms(52, 37), abs=0.02)
    assert span.south == pytest.approx(dms(41, 41), abs=0.02)
    assert span.north == pytest.approx(dms(83, 7), abs=0.02)


def test_spans_across_the_antimeridian_take_the_short_way_round() -> None:
    fiji = area_span(resolve("Fiji"), True)  # Viti Levu ~177°E, the Lau Islands ~178.5°W
    assert fiji.width < 10 and fiji.west > 170 and fiji.east < -175
    assert abs(fiji.middle_lon) > 175  # near ±180°, not near 0°
    russia = area_span(resolve("Russia"), True)  # Chukotka reaches 169°W
    assert russia.east == pytest.approx(-169.0, abs=0.1) and 150 < russia.width < 180
    assert covering_lon_interval([179.9, -179.9]) == pytest.approx((179.9, 0.2))
    assert covering_lon_interval([170.0, -170.0, 0.0]) == pytest.approx((0.0, 190.0))
    us = area_span(resolve("United States"), True)  # the contiguous states: Alaska is too far off
    assert us.west == pytest.approx(-124.73, abs=0.05) and us.east == pytest.approx(-66.98, abs=0.05)


@pytest.mark.parametrize(
    ("lat", "lon", "meridian"),
    [
        (49.8844, -97.147, -96.8097),
        (10.0, 30.0, 0.0),
        (-60.0, 100.0, 150.0),
        (70.0, 0.0, 89.0),
        (0.0, 1.0, 0.0),
    ],
)
def test_the_nearest_point_of_a_meridian_is_the_brute_force_minimum_and_meets_it_at_a_right_angle(
    lat: float, lon: float, meridian: float
) -> None:
    foot, km = nearest_on_meridian(lat, lon, meridian)
    geod = Geodesic.WGS84
    brute = np.linspace(-90.0, 90.0, 180_001)  # every 0.001°
    distances = [geod.Inverse(lat, lon, p, meridian)["s12"] / 1000 for p in brute[::100]]
    best = int(np.argmin(distances)) * 100
    fine = brute[max(best - 100, 0) : best + 101]
    fine_km = [geod.Inverse(lat, lon, p, meridian)["s12"] / 1000 for p in fine]
    assert km <= min(fine_km) + 1e-6  # no sampled point of the meridian is nearer
    assert km == pytest.approx(min(fine_km), abs=1e-3)
    assert foot == pytest.approx(float(fine[int(np.argmin(fine_km))]), abs=2e-3)
    inverse = geod.Inverse(lat, lon, foot, meridian)
    assert inverse["s12"] / 1000 == pytest.approx(km, abs=1e-6)
    assert abs(inverse["azi2"]) == pytest.approx(90.0, abs=1e-3)  # the geodesic meets the meridian square on
    assert abs(foot) >= abs(lat) - 1e-9  # poleward of the venue, not at its latitude


def test_beyond_ninety_degrees_of_longitude_the_nearest_point_of_a_meridian_is_a_pole() -> None:
    foot, km = nearest_on_meridian(60.0, 0.0, 120.0)
    assert foot == pytest.approx(90.0)
    assert km == pytest.approx(Geodesic.WGS84.Inverse(60.0, 0.0, 90.0, 0.0)["s12"] / 1000, abs=1e-6)


def test_the_distance_to_a_parallel_is_the_meridian_arc_and_no_sampled_point_is_nearer() -> None:
    km = distance_to_parallel_km(49.78, -96.81, 62.4)
    geod = Geodesic.WGS84
    samples = [geod.Inverse(49.78, -96.81, 62.4, lon)["s12"] / 1000 for lon in np.linspace(-100, -93, 701)]
    assert km == pytest.approx(min(samples), abs=1e-6)
    assert km == pytest.approx(geod.Inverse(49.78, -96.81, 62.4, -96.81)["s12"] / 1000, abs=1e-9)


def test_longitudinal_and_latitudinal_centre_verdicts_judge_one_coordinate() -> None:
    canada = resolve("Canada")
    winnipeg = resolve("Winnipeg")
    r = check_centre(winnipeg, canada, True, LONGITUDINAL)  # 97.15°W, 0.34° from 96.81°W
    assert r.holds == "yes" and 20 < r.parties[0].distance_km < 28
    assert r.parties[0].lon == pytest.approx(-96.81, abs=0.01)
    assert 2900 < r.reach_km < 3100  # half of Canada's east–west extent at Winnipeg's latitude
    assert "longitudinal centre" in r.explanation
    # Winnipeg is far south of the middle parallel: 62.39°N − 49.88°N, about 1,390 km along its meridian
    r = check_centre(winnipeg, canada, True, LATITUDINAL)
    assert r.holds == "no" and r.parties[0].distance_km == pytest.approx(
        Geodesic.WGS84.Inverse(winnipeg.lat, winnipeg.lon, area_span(canada, True).middle_lat, winnipeg.lon)[
            "s12"
        ]
        / 1000
    )
    vancouver = check_centre(resolve("Vancouver"), canada, True, LONGITUDINAL)
    assert vancouver.holds == "no" and vancouver.share > 0.5


# ---- islands with an outline (outline=piece in data/regions.csv) --------------------------------
def _brute_force_piece(codes: set[str], lat: float, lon: float) -> shapely.Geometry:
    """The part holding (lat, lon) of the union of whole countries' 1:10m polygons."""
    index = load_countries()
    rows = [i for i, c in enumerate(index.countries) if c.iso_a2 in codes]
    parts = shapely.get_parts(shapely.union_all(index.tiles[np.isin(index.tile_row, rows)]))
    (part,) = [p for p in parts if shapely.contains_xy(p, lon, lat)]
    return part


@pytest.mark.parametrize(
    ("name", "codes"),
    [
        ("North Island", {"NZ"}),
        ("Honshu", {"JP"}),
        ("Great Britain", {"GB"}),
        ("Borneo", {"MY", "ID", "BN"}),
        ("island of Ireland", {"IE", "GB"}),
        ("Hispaniola", {"HT", "DO"}),
    ],
)
def test_an_islands_piece_is_the_part_of_its_countries_union_that_holds_its_point(
    name: str, codes: set[str]
) -> None:
    place = resolve(name if name != "Great Britain" else "island of Great Britain")
    assert outline_key(place, False) == ("island", name)
    (piece,) = island_piece(place.lat, place.lon)
    expected = _brute_force_piece(codes, place.lat, place.lon)
    assert shapely.area(shapely.symmetric_difference(piece, expected)) < 1e-9 * shapely.area(expected)


def test_the_centre_of_the_north_island_lies_by_lake_taupo() -> None:
    # No surveyed point is published; the centre of the North Island is said to be "near Taupō".
    lat, lon, reach, how = area_centre(resolve("North Island"), False)
    lake_taupo = (-38.80, 175.90)  # the middle of the lake
    assert Geodesic.WGS84.Inverse(lat, lon, *lake_taupo)["s12"] / 1000 < 35
    assert "Natural Earth outline" in how and 500 < reach < 600
    assert check_centre(resolve("Taupo"), resolve("North Island"), False).holds == "yes"
    assert check_centre(resolve("Auckland"), resolve("North Island"), False).holds == "no"


def test_the_centre_of_great_britain_is_within_30_km_of_the_ordnance_surveys() -> None:
    from pyproj import Transformer

    # Ordnance Survey (2002): the centre of gravity of Great Britain is at SD 64188 56541, near
    # the Whitendale Hanging Stones, 4.5 miles from Dunsop Bridge (its islands counted; ours are not).
    os_lon, os_lat = Transformer.from_crs("EPSG:27700", "EPSG:4326", always_xy=True).transform(364188, 456541)
    assert (round(os_lat, 2), round(os_lon, 2)) == (54.0, -2.55)
    lat, lon, _, _ = area_centre(resolve("island of Great Britain"), False)
    assert Geodesic.WGS84.Inverse(lat, lon, os_lat, os_lon)["s12"] / 1000 < 30
    # The United Kingdom's centre (with Northern Ireland) lies west of the island's.
    _, uk_lon, _, _ = area_centre(resolve("United Kingdom"), True)
    assert uk_lon < lon - 0.2


def _centroid_brute_force(polygon: shapely.Geometry) -> tuple[float, float]:
    """Mean of points on a fine grid inside the polygon, weighted by cell area (cos latitude)."""
    west, south, east, north = polygon.bounds
    lons, lats = np.meshgrid(np.linspace(west, east, 400), np.linspace(south, north, 400))
    inside = shapely.contains_xy(polygon, lons, lats)
    w = np.cos(np.radians(lats[inside]))
    # 3D mean of unit vectors: the centre of mass on the sphere, projected back to the surface.
    x = (w * np.cos(np.radians(lats[inside])) * np.cos(np.radians(lons[inside]))).sum()
    y = (w * np.cos(np.radians(lats[inside])) * np.sin(np.radians(lons[inside]))).sum()
    z = (w * np.sin(np.radians(lats[inside]))).sum()
    return float(np.degrees(np.arctan2(z, np.hypot(x, y)))), float(np.degrees(np.arctan2(y, x)))


@pytest.mark.parametrize("name", ["North Island", "South Island", "Honshu", "Borneo", "Java", "Tahiti"])
def test_an_islands_centre_is_the_centroid_of_its_land_by_a_grid_brute_force(name: str) -> None:
    place = resolve(name)
    lat, lon, reach, _ = area_centre(place, False)
    (piece,) = island_piece(place.lat, place.lon)
    b_lat, b_lon = _centroid_brute_force(piece)
    km = Geodesic.WGS84.Inverse(lat, lon, b_lat, b_lon)["s12"] / 1000
    assert km < 0.01 * reach + 1  # the projection and the grid differ by under 1 % of the reach


@pytest.mark.parametrize(
    ("name", "west", "east", "south", "north"),
    [
        # Cape Maria van Diemen, East Cape, Cape Palliser, Surville Cliffs (LINZ)
        ("North Island", 172.64, 178.55, -41.61, -34.39),
        # Corrachadh Mòr (Ardnamurchan), Lowestoft Ness, Lizard Point, Dunnet Head
        ("island of Great Britain", -6.23, 1.76, 49.96, 58.67),
    ],
)
def test_an_islands_extremes_are_its_headlands(
    name: str, west: float, east: float, south: float, north: float
) -> None:
    s = area_span(resolve(name), False)
    assert (s.west, s.east, s.south, s.north) == pytest.approx((west, east, south, north), abs=0.05)


def test_an_islands_nearest_and_farthest_points_are_the_brute_force_extremes() -> None:
    place = resolve("South Island")
    lat, lon = -41.2866, 174.7756  # Wellington, across Cook Strait
    e = area_extremes(place, False, lat, lon)
    assert e is not None and e.area == "South Island" and not e.nearest.inside
    coords = shapely.get_coordinates(island_piece(place.lat, place.lon))
    km = [Geodesic.WGS84.Inverse(lat, lon, y, x)["s12"] / 1000 for x, y in coords]
    assert e.nearest.distance_km == pytest.approx(min(km), abs=1e-6)
    assert e.farthest.distance_km == pytest.approx(max(km), abs=1e-6)
    inside = area_extremes(resolve("North Island"), False, -38.6857, 176.0702)  # Taupō
    assert inside is not None and inside.nearest.inside and inside.nearest.distance_km == 0.0


def test_an_island_without_an_outline_keeps_its_point_and_radius() -> None:
    place = resolve("Azores")
    assert outline_key(place, False) is None
    assert area_centre(place, False)[:3] == (place.lat, place.lon, place.radius_km)
    with pytest.raises(InvalidInputError):
        area_span(place, False)


@pytest.mark.parametrize(
    ("continent", "published", "within_km"),
    [
        ("Europe", (54.90, 25.32), 80),  # IGN 1989: Purnuškės, Lithuania (54°54′N 25°19′E)
        ("North America", (48.17, -100.17), 120),  # USGS 1931: near Rugby, North Dakota
        ("Oceania", (-25.61, 134.36), 150),  # the Lambert Centre of mainland Australia (1:110m coast)
    ],
)
def test_a_continents_centre_is_the_published_one(
    continent: str, published: tuple[float, float], within_km: float
) -> None:
    lat, lon, _, how = area_centre(resolve(continent), False)
    assert "equal-area" in how
    assert Geodesic.WGS84.Inverse(lat, lon, *published)["s12"] / 1000 < within_km


def test_russia_is_cut_at_the_urals_between_europe_and_asia() -> None:
    # Chukotka is Asia's land nearest Anchorage (GeoNames files all of Russia under Europe)
    asia = area_extremes(resolve("Asia"), False, 61.2181, -149.9003)
    europe = area_extremes(resolve("Europe"), False, 61.2181, -149.9003)
    assert asia is not None and europe is not None
    assert abs(asia.nearest.lon) > 169  # the Chukchi Peninsula, by the antimeridian
    d = Geodesic.WGS84.Inverse(61.2181, -149.9003, asia.nearest.lat, asia.nearest.lon)["s12"] / 1000
    assert abs(d - asia.nearest.distance_km) < 1e-6 and d < 1600  # before: Japan or China, over 4,000 km
    assert -30 < europe.nearest.lon <= 60.0  # no Siberia in Europe: its nearest land is west of the Urals
