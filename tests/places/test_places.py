"""Place resolution: names, aliases, codes, coordinates, custom points and errors."""

from __future__ import annotations

import re

import pytest
from geographiclib.geodesic import Geodesic

from geo.errors import InvalidCoordinatesError, InvalidInputError, UnknownPlaceError
from geo.places.gazetteer import load_gazetteer
from geo.places.resolve import MAX_QUERY_CHARS, normalize_name, parse_coordinates, resolve


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    return Geodesic.WGS84.Inverse(lat1, lon1, lat2, lon2)["s12"] / 1000


@pytest.mark.parametrize(
    ("query", "name", "country", "lat", "lon"),
    [
        ("Washington", "Washington, D.C.", "US", 38.895, -77.036),
        ("DC", "Washington, D.C.", "US", 38.895, -77.036),
        ("washington dc", "Washington, D.C.", "US", 38.895, -77.036),
        ("Beijing", "Beijing", "CN", 39.90, 116.40),
        ("Peking", "Beijing", "CN", 39.90, 116.40),
        ("Kiev", "Kyiv", "UA", 50.45, 30.52),
        ("Nur-Sultan", "Astana", "KZ", 51.18, 71.45),
        ("reykjavik", "Reykjavík", "IS", 64.14, -21.90),
        ("REYKJAVÍK", "Reykjavík", "IS", 64.14, -21.90),
        ("Anchorage", "Anchorage", "US", 61.22, -149.90),
        ("Brasilia", "Brasília", "BR", -15.78, -47.93),
        ("bogota", "Bogotá", "CO", 4.61, -74.08),
        ("Geneva", "Geneva", "CH", 46.20, 6.15),
    ],
)
def test_should_resolve_names_and_aliases(
    query: str, name: str, country: str, lat: float, lon: float
) -> None:
    place = resolve(query)
    assert place.name == name
    assert place.country == country
    assert km_between(place.lat, place.lon, lat, lon) < 15
    assert place.query == query


def test_moscow_is_russias_capital_not_idahos_and_says_so() -> None:
    place = resolve("Moscow")
    assert (place.country, place.kind) == ("RU", "capital")
    assert any("ID" in alt and "United States" in alt for alt in place.alternatives)
    assert "Moscow, ID, United States" in place.note


def test_larger_city_wins_among_non_capitals() -> None:
    place = resolve("Portland")
    assert (place.country, place.region) == ("US", "OR")  # Oregon's is larger than Maine's


@pytest.mark.parametrize(
    ("code", "icao", "iata"), [("ANC", "PANC", "ANC"), ("PANC", "PANC", "ANC"), ("anc", "PANC", "ANC")]
)
def test_should_resolve_airport_codes(code: str, icao: str, iata: str) -> None:
    place = resolve(code)
    assert (place.kind, place.icao, place.iata) == ("airport", icao, iata)
    assert km_between(place.lat, place.lon, 61.174, -149.998) < 2
    assert place.runway_m is not None and place.runway_m > 3000


def test_city_name_beats_lowercase_code() -> None:
    assert resolve("Ufa").kind in ("city", "capital")
    assert resolve("UFA").kind == "airport"


@pytest.mark.parametrize(
    ("text", "lat", "lon"),
    [
        ("-8.8,115.2", -8.8, 115.2),
        ("-8.8, 115.2", -8.8, 115.2),
        ("−35.28; 149.13", -35.28, 149.13),  # Unicode minus
        ("61.2181 -149.9003", 61.2181, -149.9003),
        ("61°13′N 149°54′W", 61 + 13 / 60, -(149 + 54 / 60)),
        ("61°13'N 149°54'W", 61 + 13 / 60, -(149 + 54 / 60)),
        ("64 8' 51\" N 21 54' 33\" W", 64 + 8 / 60 + 51 / 3600, -(21 + 54 / 60 + 33 / 3600)),
    ],
)
def test_should_parse_coordinates(text: str, lat: float, lon: float) -> None:
    place = resolve(text)
    assert place.kind == "coordinates"
    assert (place.lat, place.lon) == pytest.approx((lat, lon), abs=1e-9)


def test_should_resolve_custom_named_point() -> None:
    place = resolve("Höfði House=64.1475,-21.9091")
    assert (place.name, place.kind, place.lat, place.lon) == ("Höfði House", "custom", 64.1475, -21.9091)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("91,0", "latitude 91 is out of range"),
        ("0,181", "longitude 181 is out of range"),
        ("nan,0", "latitude nan is not a finite number"),
        ("0,inf", "longitude inf is not a finite number"),
        ("Summit=95,0", "latitude 95"),
        ("Summit=somewhere", "is not 'lat,lon'"),
    ],
)
def test_should_refuse_bad_coordinates(text: str, message: str) -> None:
    with pytest.raises(InvalidCoordinatesError, match=message):
        resolve(text)


@pytest.mark.parametrize("text", ["", "   ", "=1,2"])
def test_should_refuse_empty_input(text: str) -> None:
    with pytest.raises(InvalidInputError):
        resolve(text)


def test_should_refuse_a_10kb_string_before_parsing() -> None:
    with pytest.raises(InvalidInputError, match=f"limit is {MAX_QUERY_CHARS}"):
        resolve("A" * 10_000)


def test_unknown_name_names_the_input_and_three_suggestions() -> None:
    with pytest.raises(UnknownPlaceError) as info:
        resolve("Ancorage")
    err = info.value
    assert err.query == "Ancorage"
    assert len(err.suggestions) == 3
    assert err.suggestions[0].startswith("Anchorage")
    assert "unknown place 'Ancorage'; did you mean" in str(err)
    assert isinstance(err, LookupError)


def test_normalize_name_folds_case_accents_and_punctuation() -> None:
    assert normalize_name("Reykjavík") == normalize_name("REYKJAVIK")
    assert normalize_name("São Tomé") == "sao tome"
    assert normalize_name("Washington, D.C.") == "washington d c"


def test_parse_coordinates_returns_none_for_names() -> None:
    assert parse_coordinates("Washington, D.C.") is None
    assert parse_coordinates("Anchorage") is None


def test_gazetteer_sizes_are_plausible() -> None:
    gaz = load_gazetteer()
    assert 230 <= len(gaz.capitals) <= 260
    assert len(gaz.airports) > 8000
    assert len(gaz.cities) > 25000


@pytest.mark.parametrize(
    ("query", "label"),
    [
        ("Beijing, China", "Beijing, China"),
        ("Beijing, CN", "Beijing, China"),
        ("Moscow, Russia", "Moscow, Russia"),
        ("Moscow, Idaho", "Moscow, ID, United States"),  # the qualifier overrides the capital
        ("Moscow, ID, United States", "Moscow, ID, United States"),
        ("Anchorage, AK", "Anchorage, AK, United States"),
        ("Anchorage, Alaska, USA", "Anchorage, AK, United States"),
        ("Washington, D.C., United States", "Washington, D.C., United States"),
        ("reykjavik, iceland", "Reykjavík, Iceland"),
        ("Keflavik International Airport (KEF)", "Keflavik International Airport (KEF)"),
    ],
)
def test_labels_the_tool_prints_resolve_back(query: str, label: str) -> None:
    assert resolve(query).label == label


def test_every_suggestion_of_an_unknown_name_resolves_as_written() -> None:
    with pytest.raises(UnknownPlaceError) as err:
        resolve("Ancorage")
    assert "did you mean 'Anchorage, AK, United States', " in str(err.value)
    for suggestion in err.value.suggestions:
        assert resolve(suggestion).label == suggestion


def test_a_qualifier_that_does_not_fit_is_an_unknown_place() -> None:
    with pytest.raises(UnknownPlaceError, match="did you mean 'Beijing, China'"):
        resolve("Beijing, Japan")


@pytest.mark.parametrize(
    ("text", "lat", "lon"),
    [
        ("61 13 0 N 149 54 0 W", 61 + 13 / 60, -(149 + 54 / 60)),  # geopy read this as 54°N, 0°E
        ("61 13 N, 149 54 W", 61 + 13 / 60, -(149 + 54 / 60)),
        ("33 52 10 s 151 12 30 e", -(33 + 52 / 60 + 10 / 3600), 151 + 12 / 60 + 30 / 3600),
    ],
)
def test_dms_written_with_spaces_only(text: str, lat: float, lon: float) -> None:
    p = resolve(text)
    assert (p.lat, p.lon) == (pytest.approx(lat, abs=1e-12), pytest.approx(lon, abs=1e-12))


@pytest.mark.parametrize("text", ["N 61 13 W 149 54", "61 70 N 149 54 W"])
def test_dms_that_cannot_be_read_exactly_is_an_error_not_a_guess(text: str) -> None:
    with pytest.raises(InvalidCoordinatesError, match="cannot read"):
        resolve(text)


def test_decimal_commas_get_a_clear_error() -> None:
    with pytest.raises(
        InvalidCoordinatesError, match=re.escape("write decimals with a point, e.g. '61.2,-149.9'")
    ):
        resolve("61,2 -149,9")
