"""data/country_names.csv: the names of countries in six languages (scripts/build_country_names.py).

Independent references: the CSV files themselves (cities' populations, capitals) and GeographicLib."""

from __future__ import annotations

import csv

import pytest
from reference import km

from geo.claims.article import check_article
from geo.places.gazetteer import data_dir, normalize_name
from geo.places.resolve import resolve


def _rows(name: str) -> list[dict[str, str]]:
    with (data_dir() / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize(
    ("written", "capital"),
    [("Ungarn", "Budapest"), ("Hongrie", "Budapest"), ("Hungría", "Budapest"), ("Ungheria", "Budapest"),
     ("Polonia", "Warsaw"), ("Pologne", "Warsaw"), ("Schweden", "Stockholm"), ("Irlanda", "Dublin")],
)  # fmt: skip
def test_a_country_named_in_another_language_is_the_country(written: str, capital: str) -> None:
    place = resolve(written)
    assert place.kind == "capital" and place.name == capital


def test_no_name_takes_a_city_or_an_english_word() -> None:
    assert resolve("Granada").country == "ES"  # Grenada in Spanish, and a Spanish city of 230,000
    names = {normalize_name(r["alias"]) for r in _rows("country_names.csv")}
    assert not names & {"island", "chili", "grenade", "maurice", "mauricio"}
    big_cities = {
        (normalize_name(r["name"]), r["country_code"])
        for r in _rows("cities.csv")
        if int(r["population"]) >= 50_000
    }
    for row in _rows("country_names.csv"):
        key = normalize_name(row["alias"])
        assert not any(name == key and cc != row["iso2"] for name, cc in big_cities), row


def test_a_centre_claim_in_german_about_a_country_named_in_german() -> None:
    # the genitive of a generated name: "der geographische Mittelpunkt Ungarns" (fresh6, tuning part)
    (claim,) = check_article("Kecskemét liegt nahe dem geographischen Mittelpunkt Ungarns.").claims
    assert claim.read_as == ("Kecskemét, Hungary", "centre of Hungary")
    v = claim.result.venue
    assert km((v.lat, v.lon), (46.91, 19.69)) < 10  # Kecskemét, not a namesake


@pytest.mark.parametrize(
    ("name", "iso2"),
    [("Federal Republic of Germany", "DE"), ("Hellenic Republic", "GR"), ("Kingdom of Spain", "ES")],
)
def test_an_official_long_form_names_the_country(name: str, iso2: str) -> None:
    assert resolve(name).country == iso2


def test_a_region_in_the_centre_of_the_federal_republic() -> None:
    # bicy-erfurt-thuringia-centre-of-germany (fresh4)
    text = (
        "Erfurt is the capital of the region Thuringia , which is situated in the centre of the Federal "
        "Republic of Germany."
    )
    (claim,) = check_article(text).claims
    assert claim.read_as[1] == "centre of Germany"
