"""First-level divisions of every country (data/admin1.csv): resolution, aliases, precedence, filters."""

from __future__ import annotations

import csv
import json

import pytest
from geographiclib.geodesic import Geodesic

from geo.claims.article import check_article
from geo.cli.main import main
from geo.facts.countries import country_at
from geo.places.gazetteer import data_dir, normalize_name
from geo.places.resolve import resolve

# name -> (ISO country, a reference point well inside it: its capital's coordinates)
DIVISIONS = {
    "Thuringia": ("DE", 50.978, 11.029),  # Erfurt
    "Tuscany": ("IT", 43.770, 11.255),  # Florence
    "Andalusia": ("ES", 37.389, -5.984),  # Seville
    "Brittany": ("FR", 48.111, -1.680),  # Rennes
    "Waikato": ("NZ", -37.787, 175.279),  # Hamilton
    "Catalonia": ("ES", 41.389, 2.159),  # Barcelona (a row of regions.csv, kept once)
    "Flanders": ("BE", 51.054, 3.717),  # Ghent
    "Minas Gerais": ("BR", -19.917, -43.934),  # Belo Horizonte
    "Maharashtra": ("IN", 18.975, 72.826),  # Mumbai
    "Sichuan": ("CN", 30.660, 104.063),  # Chengdu
    "Moscow Oblast": ("RU", 55.75, 37.62),
    "Aichi Prefecture": ("JP", 35.181, 136.906),  # Nagoya
}


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    return float(Geodesic.WGS84.Inverse(lat1, lon1, lat2, lon2)["s12"]) / 1000


@pytest.mark.parametrize("name", sorted(DIVISIONS))
def test_a_division_resolves_to_a_point_inside_its_country(name: str) -> None:
    iso2, ref_lat, ref_lon = DIVISIONS[name]
    place = resolve(name)
    assert place.kind == "state" and place.country == iso2, place
    assert place.radius_km is not None and place.radius_km > 0
    assert km(place.lat, place.lon, ref_lat, ref_lon) <= place.radius_km  # the reference is within reach
    match = country_at(place.lat, place.lon, max_km=0)
    assert match.country is not None and match.country.iso_a2 == iso2


@pytest.mark.parametrize(
    ("alias", "name"),
    [
        ("Thüringen", "Thuringia"),
        ("Thuringe", "Thuringia"),
        ("Turingia", "Thuringia"),
        ("Toscana", "Tuscany"),
        ("Toskana", "Tuscany"),
        ("Andalucía", "Andalusia"),
        ("Andalousie", "Andalusia"),
        ("Bretagne", "Brittany"),
        ("Vlaanderen", "Flanders"),
        ("Niederösterreich", "Lower Austria"),
    ],
)
def test_names_in_other_languages_resolve(alias: str, name: str) -> None:
    assert resolve(alias).name == name


@pytest.mark.parametrize(
    ("query", "name", "kind", "country"),
    [
        ("Madrid", "Madrid", "capital", "ES"),  # not the Community of Madrid
        ("Lima", "Lima", "capital", "PE"),
        ("Tokyo", "Tokyo", "capital", "JP"),
        ("Berlin", "Berlin", "capital", "DE"),
        ("Vienna", "Vienna", "capital", "AT"),
        ("Murcia", "Murcia", "city", "ES"),  # the seat of the Region of Murcia stays the city
        ("Georgia", "Tbilisi", "capital", "GE"),  # the country
        ("New York", "New York City", "city", "US"),
        ("Andalusia", "Andalusia", "state", "ES"),  # not the town in Alabama
        ("Tuscany", "Tuscany", "state", "IT"),  # not the Calgary neighbourhood
        ("Bavaria", "Bavaria", "state", "DE"),  # the row of regions.csv
    ],
)
def test_precedence_between_divisions_and_cities(query: str, name: str, kind: str, country: str) -> None:
    place = resolve(query)
    assert (place.name, place.kind, place.country) == (name, kind, country)


def test_the_community_of_madrid_is_still_reachable() -> None:
    place = resolve("Comunidad de Madrid")
    assert (place.name, place.kind, place.country) == ("Community of Madrid", "state", "ES")
    assert "Community of Madrid (ES-MD)" in resolve("Madrid").alternatives


def _admin1_rows() -> list[dict[str, str]]:
    with (data_dir() / "admin1.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


GENERIC = ["Central", "Western", "Eastern", "North", "Northern", "Capital", "Centre", "Nord", "Sud", "Est"]
GENERIC += ["Mountain", "Lakes", "Islands", "Coast", "North West", "Upper East", "Midlands", "Southern"]
# words of running text that were once names of divisions (stop 21): "More or less equidistant from London
# and Manchester" read as Møre og Romsdal, "la Côte de Nuits" as Kenya's Coast
GENERIC += ["More", "Costa", "Gracias", "Lugar", "Seul", "Canal", "Capitale", "Penal", "Sind"]
# ... and words with their accents (stop 22): "Côte" folds to "cote", which is no frequent word, but
# "côte" is one in French; Kenya speaks no French
GENERIC += ["Côte", "Unité", "Unità"]


@pytest.mark.parametrize("word", GENERIC)
def test_no_division_is_named_by_a_common_word(word: str) -> None:
    key = normalize_name(word)
    names = {normalize_name(n) for r in _admin1_rows() for n in [r["name"], *r["aliases"].split(";")]}
    assert key not in names


@pytest.mark.parametrize(
    ("local", "english"), [("Hessen", "Hesse"), ("Toscana", "Tuscany"), ("Bretagne", "Brittany")]
)
def test_a_local_name_that_is_also_a_frequent_word_stays(local: str, english: str) -> None:
    assert resolve(local).name == english


@pytest.mark.parametrize(("name", "code"), [("Ceará", "BR-CE"), ("Príncipe", "ST-P")])
def test_an_accented_name_frequent_only_in_its_own_language_stays(name: str, code: str) -> None:
    assert resolve(name).region == code


def test_the_cote_de_nuits_is_no_venue() -> None:
    # 911nwo-dijon-mi-chemin-paris-lyon (fresh6, tuning part): the venue is Dijon, the page's subject
    text = (
        "Dijon, joyau de la Bourgogne, s’étale élégamment sur la carte de France, tel un point d’ancrage "
        "riche d’histoire et de gastronomie. Située au cœur de la région Bourgogne-Franche-Comté, sa "
        "position stratégique en fait un carrefour important, un nœud de communication reliant le nord et le "
        "sud, l’est et l’ouest. Sur la carte, repérez-la : "
        "à mi-chemin entre Paris et Lyon, légèrement à l’est, non loin des vignobles prestigieux de la Côte "
        "de Nuits et de la Côte de Beaune."
    )
    centre, halfway = check_article(text).claims  # "au cœur de la région Bourgogne-Franche-Comté", too
    assert halfway.kind == "halfway" and halfway.read_as[0].startswith("Dijon")
    assert centre.venue == "Dijon" and centre.between == ("Bourgogne-Franche-Comté",)


def test_a_sentence_with_generic_division_words_finds_no_area() -> None:
    text = "Central Bank officials met in the North. Eastern and Western delegates joined, from the Coast."
    report = check_article(text)
    assert not report.claims


def test_the_table_leaves_out_the_rows_of_regions_csv_and_has_every_continent() -> None:
    rows = _admin1_rows()
    countries = {r["country"] for r in rows}
    assert len(rows) > 3000 and len(countries) > 200
    assert not countries & {"US", "CA", "AU", "GB"}  # those are regions.csv rows
    assert not [r for r in rows if r["name"] in ("Bavaria", "Quebec", "Catalonia")]
    assert {"Thuringia", "Tuscany", "Andalusia", "Brittany", "Waikato"} <= {r["name"] for r in rows}


def test_the_article_reader_finds_a_division_in_running_text() -> None:
    text = "Erfurt is the capital of the region Thuringia, which is situated in the centre of Germany."
    report = check_article(text)
    assert [c.venue for c in report.claims] == ["Thuringia"]


def test_a_division_after_in_is_the_setting_not_the_venue() -> None:
    text = "Situato nella parte occidentale dell'Umbria, a metà strada tra Roma e Firenze, Orvieto sorge qui."
    (claim,) = check_article(text).claims
    assert claim.venue == "Orvieto"


def test_resolve_and_check_commands_accept_a_division(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["resolve", "Thüringen", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["name"], data["kind"], data["country"]) == ("Thuringia", "state", "DE")
    assert main(["check", "Tuscany", "--between", "Milan", "Rome", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["venue"]["name"] == "Tuscany" and data["verdict"] in ("halfway", "roughly halfway")


def test_the_folded_keys_of_the_table_are_what_the_gazetteer_would_fold() -> None:
    for r in _admin1_rows():  # the loader trusts this column instead of folding 12,000 names again
        names = [r["name"], *filter(None, r["aliases"].split(";"))]
        assert r["keys"].split(";") == [normalize_name(n) for n in names], r["name"]
