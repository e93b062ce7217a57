"""data/aircraft.csv and the aircraft lookup."""

from __future__ import annotations

import re

import pytest

from geo.errors import InvalidInputError
from geo.facts.aircraft import find_aircraft, load_aircraft
from geo.places.gazetteer import read_rows

KM_PER_UNIT = {"statute miles": 1.609344, "nautical miles": 1.852, "nmi": 1.852, "km": 1.0}


def test_every_row_has_a_source_and_a_range_that_matches_the_published_figure() -> None:
    fleet = load_aircraft()
    assert len(fleet) >= 6
    assert len({a.id for a in fleet}) == len(fleet)
    for a in fleet:
        assert re.fullmatch(r"https://\S+", a.source_url), a.id
        assert 5_000 < a.range_km < 20_000, a.id
        # the km figure is the published one, converted (e.g. "7,800 statute miles" -> 12,553 km)
        text = re.sub(r"(\d)\.(\d{3})", r"\1,\2", a.range_published)  # German "13.500 km"
        figures = re.findall(
            r"([\d,]+)\s*(statute miles|nautical miles|nmi|km|kilomet\w+)", text, re.IGNORECASE
        )
        assert figures, a.range_published
        # a figure the source gives in km is used as it is; otherwise the first one, converted
        kilometres = [f for f in figures if f[1].lower() == "km" or f[1].lower().startswith("kilomet")]
        number_text, unit_text = (kilometres or figures)[0]
        number = float(number_text.replace(",", ""))
        unit = unit_text.lower()
        factor = 1.0 if unit.startswith("kilomet") else KM_PER_UNIT[unit]
        assert a.range_km == pytest.approx(number * factor, abs=1.0), a.id


def test_the_csv_has_the_documented_columns() -> None:
    rows = list(read_rows("aircraft.csv"))
    assert list(rows[0]) == ["id", "name", "operators", "range_km", "range_published", "source_url", "note"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("vc-25a", "vc-25a"),
        ("VC-25A", "vc-25a"),
        ("Boeing VC-25A", "vc-25a"),
        ("Air Force One", "vc-25a"),
        ("il-62m", "il-62m"),
        ("Chammae", "il-62m"),
        ("B-2447", "747-400"),
        ("Il-96-300PU", "il-96-300pu"),
    ],
)
def test_find_by_id_name_or_unambiguous_part(query: str, expected: str) -> None:
    assert find_aircraft(query).id == expected


def test_unknown_or_ambiguous_aircraft_name_the_choices() -> None:
    with pytest.raises(InvalidInputError, match="unknown aircraft 'Concorde'; choose one of vc-25a"):
        find_aircraft("Concorde")
    with pytest.raises(InvalidInputError, match="ambiguous"):
        find_aircraft("Airbus")
    with pytest.raises(InvalidInputError, match="empty"):
        find_aircraft("  ")


def test_kim_2018_the_il_62m_could_reach_singapore_but_not_washington() -> None:
    il62 = find_aircraft("il-62m")
    assert il62.can_fly(4_737.0)  # Pyongyang-Singapore
    assert not il62.can_fly(11_000.0)  # Pyongyang-Washington is about 11,000 km
