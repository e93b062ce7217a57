"""The embedded gazetteer: capitals, cities of 15,000+ people, airports and aliases.

The CSV files live in ``data/`` of a checkout and in ``geo/_data`` of an installed wheel;
:func:`data_dir` finds whichever is there. ``data/README.md`` documents sources, licences
and columns; ``scripts/build_data.py`` rebuilds them. Loading takes a fraction of a second
and happens once per process (:func:`load_gazetteer` is cached).
"""

from __future__ import annotations

import csv
import functools
import math
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from geo.errors import DataError
from geo.geodesy import LatLon, validate_lat_lon

SAME_PLACE_KM = 30.0  # a city row this close to its country's capital of the same name is that capital
_TIER_CAPITAL, _TIER_CITY, _TIER_COUNTRY, _TIER_AIRPORT = range(4)
_SPECIAL_LETTERS = str.maketrans(
    {"ø": "o", "ł": "l", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i", "þ": "th", "ð": "d"}
)


@dataclass(frozen=True)
class Place:
    """A resolved place.

    Attributes
    ----------
    name : str
        Short display name ("Anchorage", "Washington, D.C.", "Ted Stevens Anchorage
        International Airport").
    lat, lon : float
        WGS84 degrees.
    kind : str
        One of ``capital``, ``city``, ``airport``, ``coordinates``, ``custom``, ``geocoded``.
    country : str or None
        ISO 3166-1 alpha-2 code, when known.
    country_name : str or None
    region : str or None
        First-level subdivision code where it helps tell places apart (US states).
    population : int or None
        People, for capitals and cities.
    iata, icao : str or None
        Airport codes, for airports.
    runway_m : int or None
        Longest runway in metres, for airports.
    query : str
        What the user typed.
    note : str
        How the place was chosen, for ambiguous or indirect matches ("" otherwise).
    alternatives : tuple of str
        Other places the query also matched, most likely first.
    """

    name: str
    lat: float
    lon: float
    kind: str
    country: str | None = None
    country_name: str | None = None
    region: str | None = None
    population: int | None = None
    iata: str | None = None
    icao: str | None = None
    runway_m: int | None = None
    query: str = ""
    note: str = ""
    alternatives: tuple[str, ...] = field(default=())

    def __post_init__(self) -> None:
        validate_lat_lon(self.lat, self.lon)

    @property
    def point(self) -> LatLon:
        """The position as a :class:`~geo.geodesy.LatLon`."""
        return LatLon(self.lat, self.lon)

    @property
    def label(self) -> str:
        """Name with its country ("Moscow, Russia"), for messages."""
        if self.country_name and self.kind in ("capital", "city"):
            region = f"{self.region}, " if self.region else ""
            return f"{self.name}, {region}{self.country_name}"
        if self.kind == "airport" and self.iata:
            return f"{self.name} ({self.iata})"
        return self.name


def normalize_name(text: str) -> str:
    """Fold case, accents and punctuation so that names compare as people mean them.

    Examples
    --------
    >>> normalize_name("Reykjavík")
    'reykjavik'
    >>> normalize_name("Washington, D.C.")
    'washington d c'
    >>> normalize_name("  São   Tomé ")
    'sao tome'
    >>> normalize_name("Łódź")
    'lodz'
    """
    text = text.casefold().translate(_SPECIAL_LETTERS)
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = re.sub(r"[^\w]+", " ", text)
    return " ".join(text.split())


def data_dir() -> Path:
    """Directory holding the CSV files: ``geo/_data`` in a wheel, else ``data/`` of the checkout."""
    packaged = resources.files("geo") / "_data"
    if packaged.is_dir():
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parent.parent / "data"
    if checkout.is_dir():
        return checkout
    raise DataError(f"data files not found in {packaged} or {checkout}; reinstall the package")


def read_rows(name: str) -> Iterator[dict[str, str]]:
    """Rows of one CSV file of the data directory, as dicts of strings."""
    path = data_dir() / name
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            yield from csv.DictReader(handle)
    except FileNotFoundError:
        raise DataError(f"data file {path} is missing; rebuild it with scripts/build_data.py") from None


def _int_or_none(text: str) -> int | None:
    return int(float(text)) if text else None


def _rough_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Equirectangular estimate, used only to decide whether two rows are the same town."""
    x = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return 6371.0 * math.hypot(x, math.radians(lat2 - lat1))


def _is_capital_row(name: str, lat: float, lon: float, capital: Place) -> bool:
    """Whether a city row is the capital itself (its source row, or the same name nearby)."""
    km = _rough_km(lat, lon, capital.lat, capital.lon)
    return km < 1.0 or (km < SAME_PLACE_KM and normalize_name(name) == normalize_name(capital.name))


@dataclass
class Gazetteer:
    """Lookup tables over the embedded data. Build with :func:`load_gazetteer`."""

    countries: dict[str, str] = field(default_factory=dict)  # ISO alpha-2 -> name
    capitals: dict[str, Place] = field(default_factory=dict)  # ISO alpha-2 -> capital
    airports: list[Place] = field(default_factory=list)
    cities: list[Place] = field(default_factory=list)
    _names: dict[str, list[tuple[int, int, int, Place]]] = field(default_factory=dict)
    _codes: dict[str, Place] = field(default_factory=dict)

    def _add(self, key: str, tier: int, place: Place) -> None:
        if not key:
            return
        entries = self._names.setdefault(key, [])
        if any(p is place for *_, p in entries):
            return
        entries.append((tier, -(place.population or 0), len(entries), place))

    def by_name(self, key: str) -> list[Place]:
        """Places whose normalized name (see :func:`geo.places.normalize_name`) is ``key``, best first."""
        return [p for *_, p in sorted(self._names.get(key, []), key=lambda e: e[:3])]

    def by_code(self, code: str) -> Place | None:
        """The airport with this IATA or ICAO code (upper case), if any."""
        return self._codes.get(code)

    def suggest(self, key: str, limit: int = 3) -> tuple[str, ...]:
        """Up to ``limit`` labels of places whose names are closest to ``key``."""
        from rapidfuzz import fuzz, process

        hits = process.extract(key, list(self._names), scorer=fuzz.ratio, limit=limit * 4, score_cutoff=50)
        ranked = sorted(
            ((-score, *min(e[:3] for e in self._names[name]), name) for name, score, _ in hits),
        )
        labels: list[str] = []
        for *_, name in ranked:
            label = self.by_name(name)[0].label
            if label not in labels:
                labels.append(label)
        return tuple(labels[:limit])


@functools.cache
def load_gazetteer() -> Gazetteer:
    """Load the embedded data once per process and index it."""
    gaz = Gazetteer()
    gaz.countries = {row["iso2"]: row["name"] for row in read_rows("countries.csv")}

    for row in read_rows("capitals.csv"):
        iso2 = row["iso2"]
        capital = Place(
            row["capital"],
            float(row["lat"]),
            float(row["lon"]),
            "capital",
            country=iso2,
            country_name=row["country"],
            population=_int_or_none(row["population"]),
            note=f"capital of {row['country']}" + (f" ({row['note']})" if row.get("note") else ""),
        )
        gaz.capitals[iso2] = capital
        gaz._add(normalize_name(row["capital"]), _TIER_CAPITAL, capital)
        gaz._add(normalize_name(row["country"]), _TIER_COUNTRY, capital)

    city_by_name: dict[tuple[str, str], Place] = {}
    for row in read_rows("cities.csv"):
        iso2, lat, lon = row["country_code"], float(row["lat"]), float(row["lon"])
        capital = gaz.capitals.get(iso2)
        if capital is not None and _is_capital_row(row["name"], lat, lon, capital):
            place, tier = capital, _TIER_CAPITAL
        else:
            place = Place(
                row["name"],
                lat,
                lon,
                "city",
                country=iso2,
                country_name=gaz.countries.get(iso2, iso2),
                region=row["admin1"] if iso2 == "US" else None,
                population=_int_or_none(row["population"]),
            )
            gaz.cities.append(place)
            tier = _TIER_CITY
        city_by_name.setdefault((row["name"], iso2), place)
        gaz._add(normalize_name(row["name"]), tier, place)

    for row in read_rows("aliases.csv"):
        target = city_by_name.get((row["name"], row["country_code"]))
        if target is None:
            raise DataError(f"aliases.csv: {row['alias']!r} points at unknown city {row['name']!r}")
        gaz._add(normalize_name(row["alias"]), _TIER_CAPITAL, target)

    for row in read_rows("airports.csv"):
        airport = Place(
            row["name"],
            float(row["lat"]),
            float(row["lon"]),
            "airport",
            country=row["country_code"] or None,
            country_name=gaz.countries.get(row["country_code"]),
            iata=row["iata"] or None,
            icao=row["icao"] or None,
            runway_m=_int_or_none(row["runway_m"]),
        )
        gaz.airports.append(airport)
        for code in (airport.iata, airport.icao):
            if code:
                gaz._codes.setdefault(code, airport)
        gaz._add(normalize_name(row["name"]), _TIER_AIRPORT, airport)
    return gaz
