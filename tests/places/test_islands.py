"""Islands of data/regions.csv (kind ``island``): their rows, names, precedence and outlines.

Independent references: published areas (Wikipedia's list of islands by area, in each row's
``source``), GeographicLib's geodesic polygon areas and distances, and country_at.
"""

from __future__ import annotations

import csv
import json
import math
import re

import numpy as np
import pytest
import shapely
from geographiclib.geodesic import Geodesic

from geo.analysis.areas import island_piece
from geo.claims.article import check_article
from geo.cli.main import main
from geo.facts.countries import countries_at, country_at
from geo.places.gazetteer import data_dir, normalize_name
from geo.places.resolve import resolve


def _rows(name: str = "regions.csv") -> list[dict[str, str]]:
    with (data_dir() / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _islands() -> list[dict[str, str]]:
    return [r for r in _rows() if r["kind"] == "island"]


def _outlined() -> list[dict[str, str]]:
    return [r for r in _islands() if r["outline"] == "piece"]


def _geodesic_area_km2(polygon: shapely.Polygon) -> float:
    """Area of a polygon's exterior minus its holes on the WGS84 ellipsoid (GeographicLib)."""

    def ring(coords: object) -> float:
        p = Geodesic.WGS84.Polygon()
        for x, y in shapely.get_coordinates(coords)[:-1]:
            p.AddPoint(float(y), float(x))
        _, _, area = p.Compute(False, True)
        return abs(float(area)) / 1e6

    return ring(polygon.exterior) - sum(ring(h) for h in polygon.interiors)


def test_the_islands_are_many_and_their_names_are_unique() -> None:
    islands = _islands()
    assert len(islands) >= 90 and len(_outlined()) >= 80
    names = [
        name
        for r in islands
        for name in {normalize_name(n) for n in [r["name"], *filter(None, r["aliases"].split(";"))]}
    ]
    assert len(names) == len(set(names))  # no name or alias of one island is another's
    assert {r["outline"] for r in _rows()} == {"", "piece"}
    assert all(r["outline"] == "" for r in _rows() if r["kind"] != "island")


def test_the_curated_table_is_the_tail_of_regions_csv() -> None:
    curated = _rows("regions_curated.csv")
    assert _rows()[-len(curated) :] == curated


def test_no_island_repeats_a_first_level_division_of_its_country() -> None:
    keys = {(r["country"], k) for r in _rows("admin1.csv") for k in r["keys"].split(";")}
    for r in _islands():
        for name in [r["name"], *filter(None, r["aliases"].split(";"))]:
            assert (r["country"], normalize_name(name)) not in keys, (r["name"], name)


@pytest.mark.parametrize("row", _outlined(), ids=lambda r: r["name"])
def test_an_outlined_island_is_one_piece_of_land_of_its_published_area(row: dict[str, str]) -> None:
    lat, lon = float(row["lat"]), float(row["lon"])
    piece = island_piece(lat, lon)
    assert len(piece) == 1 and shapely.contains_xy(piece[0], lon, lat)
    published = re.search(r"(\d+) km²", row["source"])
    assert published is not None, "an outlined island cites its area"
    area = _geodesic_area_km2(piece[0])
    assert area == pytest.approx(int(published.group(1)), rel=0.12)  # 1:10m generalisation: ≤ 12 %
    if row["country"]:  # the representative point lies in the island's country
        found = country_at(lat, lon).country
        assert found is not None and found.iso_a2 == row["country"]


@pytest.mark.parametrize(
    "name", ["North Island", "South Island", "Tahiti", "Great Britain", "Borneo", "Oahu", "Gozo"]
)
def test_an_outlined_island_reaches_as_far_as_its_farthest_vertex(name: str) -> None:
    row = next(r for r in _outlined() if r["name"] == name)
    lat, lon = float(row["lat"]), float(row["lon"])
    coords = shapely.get_coordinates(island_piece(lat, lon)[0])
    reach = max(Geodesic.WGS84.Inverse(lat, lon, float(y), float(x))["s12"] for x, y in coords) / 1000
    assert float(row["radius_km"]) == math.ceil(reach)


@pytest.mark.parametrize(
    ("name", "countries"),
    [
        ("Borneo", {"MY", "ID", "BN"}),
        ("island of Ireland", {"IE", "GB"}),
        ("Hispaniola", {"HT", "DO"}),
        ("Timor", {"TL", "ID"}),
        ("New Guinea", {"PG", "ID"}),
        ("Isla Grande de Tierra del Fuego", {"AR", "CL"}),
    ],
)
def test_an_island_shared_by_countries_has_no_country_and_holds_the_land_of_each(
    name: str, countries: set[str]
) -> None:
    row = next(r for r in _outlined() if r["name"] == name)
    assert row["country"] == ""
    piece = island_piece(float(row["lat"]), float(row["lon"]))[0]
    west, south, east, north = piece.bounds
    lons, lats = np.meshgrid(np.linspace(west, east, 60), np.linspace(south, north, 60))
    inside = shapely.contains_xy(piece, lons, lats)
    found, _ = countries_at(lats[inside], lons[inside])
    seen = {c.iso_a2 for c in found if c is not None}
    assert seen == countries


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("North Island", "North Island"),
        ("Nordinsel", "North Island"),
        ("Isla Norte", "North Island"),
        ("Ilha do Norte", "North Island"),
        ("Isola del Nord", "North Island"),
        ("Île du Nord", "North Island"),
        ("Te Waipounamu", "South Island"),
        ("Südinsel", "South Island"),
        ("Honshū", "Honshu"),
        ("Île de Tahiti", "Tahiti"),
        ("Tahiti", "Tahiti"),
        ("Java", "Java"),
        ("Bornéo", "Borneo"),
        ("Celebes", "Sulawesi"),
        ("Majorca", "Mallorca"),
        ("Maiorca", "Mallorca"),
        ("Big Island", "Hawaii Island"),
        ("Oʻahu", "Oahu"),
        ("Skye", "Isle of Skye"),
        ("Rhodes", "Rhodes"),
        ("Feuerland", "Isla Grande de Tierra del Fuego"),
        ("island of Great Britain", "Great Britain"),
        ("Hokkaido", "Hokkaido"),
        ("New Guinea", "New Guinea"),
    ],
)
def test_islands_resolve_by_their_names_in_six_languages(query: str, name: str) -> None:
    place = resolve(query)
    assert (place.name, place.kind) == (name, "island")


@pytest.mark.parametrize(
    ("query", "name", "kind"),
    [
        ("Hawaii", "Hawaii", "state"),  # the state, not the Big Island
        ("Malta", "Valletta", "capital"),  # the country
        ("Great Britain", "London", "capital"),  # the country (a claim about its middle: the island)
        ("Ireland", "Dublin", "capital"),
        ("Zanzibar", "Zanzibar", "city"),  # 709,809 people: the city keeps its name
        ("Okinawa", "Okinawa", "city"),
        ("Penang", "Penang", "state"),
        ("Hainan", "Hainan", "state"),
    ],
)
def test_an_island_does_not_shadow_a_capital_a_country_a_large_city_or_a_state(
    query: str, name: str, kind: str
) -> None:
    place = resolve(query)
    assert (place.name, place.kind) == (name, kind)


def test_resolve_check_and_compare_accept_islands(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["resolve", "North Island", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["name"], data["kind"], data["country"]) == ("North Island", "island", "NZ")
    assert main(["check", "Tahiti", "--between", "Auckland", "Los Angeles", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["venue"]["name"] == "Tahiti"
    assert main(["compare", "Tokyo", "Sydney", "--venues", "Honshu", "Java", "Guam", "--json"]) == 0
    out = capsys.readouterr().out
    assert "Honshu" in out and "Java" in out


def test_the_article_reader_reads_the_middle_of_the_north_island() -> None:
    report = check_article(
        "Taupō is a town on the shore of Lake Taupō. Taupō is centrally located in the middle of "
        "the North Island."
    )
    (claim,) = report.claims
    assert claim.between == ("North Island",)
    assert claim.result.holds == "yes"  # type: ignore[union-attr]
    assert "Natural Earth outline" in claim.result.centre  # type: ignore[union-attr]


def test_the_centre_of_great_britain_is_the_islands_not_the_united_kingdoms() -> None:
    (claim,) = check_article(
        "Haltwhistle is a town in Northumberland. Haltwhistle claims to be the centre of Britain."
    ).claims
    assert "Great Britain" in claim.result.explanation
    assert "United Kingdom" not in claim.result.explanation


def test_every_curated_name_is_listed_once() -> None:
    names = [normalize_name(r["name"]) for r in _rows("regions_curated.csv")]
    assert len(names) == len(set(names))  # "Middle East" was listed twice; `make regions` stops on it


@pytest.mark.parametrize(
    ("written", "label"),
    [
        ("Bermudas", "Hamilton, Bermuda"),  # "entre as Bermudas e a ilha de Flores" (fresh.jsonl)
        ("Canarias", "Canary Islands"),
        ("Kanaren", "Canary Islands"),
        ("Azoren", "Azores"),
        ("Caraïbes", "the Caribbean"),
        ("Fernost", "East Asia"),
        ("Extrême-Orient", "East Asia"),
    ],
)
def test_other_languages_name_islands_and_regions(written: str, label: str) -> None:
    assert resolve(written).label == label


@pytest.mark.parametrize("written", ["Hawaiʻi", "Hawai‘i", "Hawai'i"])
def test_hawaii_written_with_the_okina_is_the_state(written: str) -> None:
    # visit-usa-palmyra-halfway-hawaii-samoa (fresh6, tuning part): "between Hawai‘i and American Samoa"
    place = resolve(written)
    assert place.name == "Hawaii" and place.kind == "state"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Sizilien", "Sicily"),
        ("Sardaigne", "Sardinia"),
        ("Córcega", "Corsica"),
        ("Kreta", "Crete"),
        ("Spitzbergen", "Svalbard"),
        ("Tasmanie", "Tasmania"),
        ("cap de Bonne-Espérance", "Cape of Good Hope"),
    ],
)
def test_islands_and_capes_by_their_names_in_other_languages(name: str, expected: str) -> None:
    assert resolve(name).name == expected


def test_bear_island_between_spitsbergen_and_the_north_cape() -> None:
    # after calendarz-bear-island-a-peu-pres-a-mi-chemin-spitzberg-cap-nord-fr (fresh7, tuning part); the
    # French "le Spitzberg" is left out: "der Spitzberg" is also a German hill's name
    text = (
        "Bear Island (norvégien : Bjrnya, prononcé [bj]) est l'île la plus méridionale de l'archipel "
        "norvégien du Svalbard. L'île est située dans la partie ouest de la mer de Barents, à peu près à "
        "mi-chemin entre le Spitzbergen et le Cap Nord."
    )
    (claim,) = check_article(text).claims
    assert claim.read_as == ("Bear Island", "Svalbard", "North Cape")
    venue, (a, b) = claim.result.venue, claim.result.parties
    g = Geodesic.WGS84
    assert abs(a.distance_km - g.Inverse(venue.lat, venue.lon, a.lat, a.lon)["s12"] / 1000) < 1e-6
    assert abs(b.distance_km - g.Inverse(venue.lat, venue.lon, b.lat, b.lon)["s12"] / 1000) < 1e-6
    # the hill between Tübingen and Rottenburg is no archipelago
    assert not check_article("Der Spitzberg liegt auf halbem Weg zwischen Tübingen und Rottenburg.").claims
