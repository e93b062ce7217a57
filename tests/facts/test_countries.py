"""Country of a point and countries under a geodesic: every trap of issue 6, hand-checked."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest
import shapely
from geographiclib.geodesic import Geodesic

from geo.core.geodesy import LatLon
from geo.errors import DegenerateGeodesicError, InvalidCoordinatesError
from geo.facts.countries import (
    NEAREST_MAX_KM,
    countries_at,
    country_at,
    load_countries,
    overflown,
)
from geo.places.gazetteer import data_dir, read_rows

G = Geodesic.WGS84

WASHINGTON = LatLon(38.9072, -77.0369)
BEIJING = LatLon(39.9042, 116.4074)
ANCHORAGE = LatLon(61.2181, -149.9003)
MOSCOW = LatLon(55.7520, 37.6178)
PYONGYANG = LatLon(39.0392, 125.7625)
SINGAPORE = LatLon(1.2897, 103.8501)
TOKYO = LatLon(35.6895, 139.6917)
SAN_FRANCISCO = LatLon(37.7749, -122.4194)
SUVA = LatLon(-18.1416, 178.4419)
APIA = LatLon(-13.8333, -171.7667)


def gl_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    return float(G.Inverse(lat1, lon1, lat2, lon2)["s12"]) / 1000


# (place, lat, lon, expected ISO code) — positions from a map, countries known by heart.
INSIDE = [
    ("Geneva, Place du Molard", 46.2044, 6.1432, "CH"),
    ("Singapore, the Padang", 1.2897, 103.8501, "SG"),
    ("Changi airport runway 02L", 1.3644, 103.9915, "SG"),
    ("Paris (plain ISO_A2 is -99)", 48.8566, 2.3522, "FR"),
    ("Oslo (plain ISO_A2 is -99)", 59.9139, 10.7522, "NO"),
    ("Pristina (plain ISO_A2 is -99)", 42.6629, 21.1655, "XK"),
    ("Taipei (plain ISO_A2 is CN-TW)", 25.0330, 121.5654, "TW"),
    ("Monaco", 43.7384, 7.4246, "MC"),
    ("Anchorage", 61.2181, -149.9003, "US"),
    ("Hong Kong, Mong Kok", 22.3193, 114.1694, "HK"),
    ("Taveuni, east of 180°", -16.85, -179.97, "FJ"),
    ("Vatican, inside its 1:10m polygon", 41.9033, 12.4534, "VA"),
]


@pytest.mark.parametrize(("place", "lat", "lon", "iso"), INSIDE)
def test_should_find_the_country_whose_polygon_contains_the_point(
    place: str, lat: float, lon: float, iso: str
) -> None:
    m = country_at(lat, lon)
    assert m.country is not None and m.country.iso_a2 == iso, place
    assert m.inside and m.distance_km == 0.0


def test_geneva_and_singapore_fall_in_the_wrong_country_at_1_to_110m() -> None:
    """Why the lookups use 1:10m: the drawing basemap (1:110m) puts both in a neighbour."""
    features = json.loads((data_dir() / "countries_110m.geojson").read_text(encoding="utf-8"))["features"]
    shapes = [(f["properties"]["iso_a2"], shapely.geometry.shape(f["geometry"])) for f in features]

    def at_110m(lat: float, lon: float) -> list[str | None]:
        return [iso for iso, shape in shapes if shape.contains(shapely.Point(lon, lat))]

    assert at_110m(46.2044, 6.1432) == ["FR"]
    assert at_110m(1.2897, 103.8501) == ["MY"]
    assert country_at(46.2044, 6.1432).country.iso_a2 == "CH"  # type: ignore[union-attr]
    assert country_at(1.2897, 103.8501).country.iso_a2 == "SG"  # type: ignore[union-attr]


# Reclaimed land and coastal points outside the 1:10m polygons: the nearest country within 25 km.
OFFSHORE = [
    ("Hong Kong International Airport (Chek Lap Kok)", 22.3080, 113.9185, "HK"),
    ("Sentosa, Singapore", 1.2494, 103.8303, "SG"),
]


@pytest.mark.parametrize(("place", "lat", "lon", "iso"), OFFSHORE)
def test_reclaimed_land_takes_the_nearest_country_and_its_geodesic_distance(
    place: str, lat: float, lon: float, iso: str
) -> None:
    m = country_at(lat, lon)
    assert m.country is not None and m.country.iso_a2 == iso, place
    assert not m.inside and 0 < m.distance_km <= NEAREST_MAX_KM
    # Independent brute force: vertices of the country's tiles every ~50 m, GeographicLib distances.
    index = load_countries()
    rows = [i for i, c in enumerate(index.countries) if c.iso_a2 == iso]
    tiles = index.tiles[np.isin(index.tile_row, rows)]
    near = tiles[shapely.distance(tiles, shapely.Point(lon, lat)) < 0.5]
    coords = shapely.get_coordinates(shapely.segmentize(near, 0.0005))
    brute = min(gl_km(lat, lon, y, x) for x, y in coords)
    assert m.distance_km == pytest.approx(brute, abs=0.06)
    assert country_at(lat, lon, max_km=0).country is None  # the fallback, not the polygon, found it


def test_open_sea_has_no_country() -> None:
    for lat, lon in ((30.0, -40.0), (0.0, -170.0), (-50.0, 90.0), (90.0, 0.0)):
        m = country_at(lat, lon)
        assert m.country is None and math.isnan(m.distance_km)


def test_nearest_country_is_found_across_the_antimeridian() -> None:
    index = load_countries()
    fiji = [i for i, c in enumerate(index.countries) if c.iso_a2 == "FJ"]
    coords = shapely.get_coordinates(index.tiles[np.isin(index.tile_row, fiji)])
    # a Fiji coastline vertex just west of 180° (not on the cut at 180° itself)
    west = coords[(coords[:, 0] > 179.95) & (coords[:, 0] < 179.999)]
    lon, lat = west[np.argmax(west[:, 0])]
    probe_lon = lon - 360.0 + 0.06  # a few km east, on the other side of the antimeridian
    m = country_at(float(lat), float(probe_lon))
    assert m.country is not None and m.country.iso_a2 == "FJ"
    if not m.inside:
        assert m.distance_km <= gl_km(lat, probe_lon, lat, lon) + 1e-6


def test_plain_iso_a2_traps_are_replaced_by_iso_a2_eh() -> None:
    rows = {r["name"]: r for r in read_rows("countries_10m.csv")}
    assert rows["France"]["ne_iso_a2"] == "-99" and rows["France"]["iso_a2"] == "FR"
    assert rows["Norway"]["ne_iso_a2"] == "-99" and rows["Norway"]["iso_a2"] == "NO"
    assert rows["Kosovo"]["ne_iso_a2"] == "-99" and rows["Kosovo"]["iso_a2"] == "XK"
    assert rows["Taiwan"]["ne_iso_a2"] == "CN-TW" and rows["Taiwan"]["iso_a2"] == "TW"
    assert "-99" not in {r["iso_a2"] for r in rows.values()}
    # the six features without any code keep an empty code, and a sovereign where they have one
    no_code = {name: r["sovereign"] for name, r in rows.items() if not r["iso_a2"]}
    assert no_code == {
        "Akrotiri Sovereign Base Area": "GB",
        "Dhekelia Sovereign Base Area": "GB",
        "US Naval Base Guantanamo Bay": "CU",
        "Bir Tawil": "",
        "Spratly Islands": "",
        "Scarborough Reef": "",
    }


def test_sovereigns_of_dependencies() -> None:
    index = load_countries()
    sovereign = {c.iso_a2: c.sovereign for c in index.countries if c.iso_a2}
    assert sovereign["HK"] == "CN" and sovereign["MO"] == "CN"
    assert sovereign["GL"] == "DK" and sovereign["PR"] == "US" and sovereign["GU"] == "US"
    assert sovereign["US"] == "US" and sovereign["CN"] == "CN" and sovereign["TW"] == "TW"


def test_vectorized_lookup_agrees_with_one_point_lookups() -> None:
    lats = [p[1] for p in INSIDE + OFFSHORE] + [30.0]
    lons = [p[2] for p in INSIDE + OFFSHORE] + [-40.0]
    found, km = countries_at(lats, lons)
    single = [country_at(lat, lon) for lat, lon in zip(lats, lons, strict=True)]
    assert [c.iso_a2 if c else None for c in found] == [
        m.country.iso_a2 if m.country else None for m in single
    ]
    np.testing.assert_allclose(km, [m.distance_km for m in single], equal_nan=True)


def test_airports_land_in_the_country_ourairports_gives_them() -> None:
    rows = list(read_rows("airports.csv"))
    found, _ = countries_at([float(r["lat"]) for r in rows], [float(r["lon"]) for r in rows])
    codes = [c.iso_a2 if c else None for c in found]
    same = sum(code == r["country_code"] for code, r in zip(codes, rows, strict=True))
    none = sum(code is None for code in codes)
    assert same / len(rows) > 0.97  # the rest: disputed areas, border airports, remote islets
    assert none / len(rows) < 0.01
    by_iata = {r["iata"]: code for r, code in zip(rows, codes, strict=True) if r["iata"]}
    assert by_iata["HKG"] == "HK" and by_iata["SIN"] == "SG" and by_iata["GVA"] == "CH"
    assert by_iata["ANC"] == "US" and by_iata["KEF"] == "IS" and by_iata["FNJ"] == "KP"


def test_bad_coordinates_are_refused() -> None:
    with pytest.raises(InvalidCoordinatesError):
        country_at(91.0, 0.0)
    with pytest.raises(InvalidCoordinatesError):
        countries_at([0.0, math.nan], [0.0, 0.0])


# --- countries under a geodesic ---------------------------------------------------------------


def test_anchorage_to_beijing_crosses_russia() -> None:
    assert overflown(ANCHORAGE, BEIJING) == ("US", "RU", "CN")
    assert overflown(BEIJING, ANCHORAGE) == ("CN", "RU", "US")


def test_washington_to_moscow_passes_over_iceland() -> None:
    # Checked against the data: the geodesic crosses Maine/New Brunswick twice, then Labrador,
    # southern Greenland, Iceland, Norway, Sweden and Finland.
    path = overflown(WASHINGTON, MOSCOW)
    assert path == ("US", "CA", "US", "CA", "GL", "IS", "NO", "SE", "FI", "RU")
    assert overflown(MOSCOW, WASHINGTON) == tuple(reversed(path))


def test_paths_across_the_antimeridian_are_split_before_intersecting() -> None:
    assert overflown(TOKYO, SAN_FRANCISCO) == ("JP", "US")
    assert overflown(SUVA, APIA) == ("FJ", "TO", "WS")  # over Tonga's Niuafo'ou
    assert overflown(APIA, SUVA) == ("WS", "TO", "FJ")


def test_kim_2018_pyongyang_to_singapore() -> None:
    assert overflown(PYONGYANG, SINGAPORE) == ("KP", "CN", "VN", "MY", "SG")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (ANCHORAGE, BEIJING),
        (WASHINGTON, MOSCOW),
        (WASHINGTON, BEIJING),
        (PYONGYANG, SINGAPORE),
        (SUVA, APIA),
        (LatLon(-33.87, 151.21), LatLon(-34.60, -58.38)),  # Sydney → Buenos Aires, over Antarctica
    ],
)
def test_crossings_agree_with_dense_point_sampling_along_the_geodesic(a: LatLon, b: LatLon) -> None:
    """Independent check: GeographicLib points every 0.5 km, each looked up on its own."""
    line = G.InverseLine(a.lat, a.lon, b.lat, b.lon)
    n = math.ceil(line.s13 / 500.0)
    points = [line.Position(line.s13 * k / n) for k in range(n + 1)]
    found, _ = countries_at([p["lat2"] for p in points], [p["lon2"] for p in points], max_km=0)
    sampled: list[str] = []
    for c in found:
        if c is not None and (not sampled or sampled[-1] != c.code):
            sampled.append(c.code)
    crossed = [c.code for c in load_countries().crossed(a, b)]
    assert crossed == sampled


def test_coincident_points_overfly_only_their_country_and_antipodes_have_no_path() -> None:
    assert overflown(WASHINGTON, WASHINGTON) == ("US",)
    with pytest.raises(DegenerateGeodesicError):
        overflown(LatLon(45, 0), LatLon(-45, 179.572719))
