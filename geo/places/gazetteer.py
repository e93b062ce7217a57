"""The embedded gazetteer: capitals, cities of 15,000+ people, airports and aliases.

The CSV files live in ``data/`` of a checkout and in ``geo/_data`` of an installed wheel;
:func:`data_dir` finds whichever is there. ``data/README.md`` documents sources, licences
and columns; ``scripts/build_data.py`` rebuilds them. Loading takes a fraction of a second
and happens once per process (:func:`load_gazetteer` is cached).
"""

from __future__ import annotations

import csv
import functools
import gc
import hashlib
import math
import os
import pickle
import re
import sys
import tempfile
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import cast

from geo.core.geodesy import LatLon, validate_lat_lon
from geo.errors import DataError

SAME_PLACE_KM = 30.0  # a city row this close to its country's capital of the same name is that capital
# Ranking of name matches: a capital, then a country's name ("Mexico" is Mexico City, not the
# Philippine town), then other cities by population, then airport names.
# Name tiers, best first. A region (continent, state, island, landmark) outranks a city of the same
# name ("Asia" is the continent, not the town in the Philippines; "Delaware" the state) unless a
# capital, a country or a city of REGION_YIELDS_TO_POPULATION people has it ("New York").
_TIER_CAPITAL, _TIER_COUNTRY, _TIER_REGION, _TIER_CITY, _TIER_LATE_REGION, _TIER_AIRPORT = range(6)
REGION_YIELDS_TO_POPULATION = 100_000
_NON_WORD = re.compile(r"[^\w]+")
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
        One of ``capital``, ``city``, ``airport``, ``coordinates``, ``custom``, ``geocoded``, or
        for areas and landmarks (data/regions.csv) ``continent``, ``region``, ``state``,
        ``island``, ``landmark``, ``pole``.
    country : str or None
        ISO 3166-1 alpha-2 code, when known.
    country_name : str or None
    region : str or None
        First-level subdivision code where it helps tell places apart (US states); for a
        first-level division of data/admin1.csv, its own ISO 3166-2 code ("DE-TH").
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
    radius_km : float or None
        For an area: how far it reaches from its representative point ``lat``, ``lon`` (km);
        ``None`` for a point place.
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
    radius_km: float | None = None

    def __post_init__(self) -> None:
        validate_lat_lon(self.lat, self.lon)

    @property
    def point(self) -> LatLon:
        """The position as a :class:`~geo.core.geodesy.LatLon`."""
        return LatLon(self.lat, self.lon)

    @property
    def label(self) -> str:
        """Name with its country ("Moscow, Russia"), for messages."""
        if self.country_name and self.kind in ("capital", "city", "town"):
            region = f"{self.region}, " if self.region else ""
            return f"{self.name}, {region}{self.country_name}"
        if self.kind == "airport" and self.iata:
            return f"{self.name} ({self.iata})"
        if self.kind == "state" and self.region:  # a division of data/admin1.csv: "Moscow (RU-MOW)"
            return f"{self.name} ({self.region})"
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
    text = text.casefold()
    if not text.isascii():
        text = text.translate(_SPECIAL_LETTERS)
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(_NON_WORD.sub(" ", text).split())


def data_dir() -> Path:
    """Directory holding the CSV files: ``geo/_data`` in a wheel, else ``data/`` of the checkout."""
    packaged = resources.files("geo") / "_data"
    if packaged.is_dir():
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parents[2] / "data"
    if checkout.is_dir():
        return checkout
    raise DataError(f"data files not found in {packaged} or {checkout}; reinstall the package")


def read_rows(
    name: str, *, remedy: str | None = "rebuild it with scripts/build_data.py"
) -> Iterator[dict[str, str]]:
    """Rows of one CSV file of the data directory, as dicts of strings.

    A missing file is a :class:`DataError` that names it and, if given, the ``remedy``.
    """
    path = data_dir() / name
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            yield from csv.DictReader(handle)
    except FileNotFoundError:
        raise DataError(f"data file {path} is missing" + (f"; {remedy}" if remedy else "")) from None


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


CityRow = tuple[str, str, str, float, float, int]  # name, iso2, admin1, lat, lon, population
AirportRow = tuple[str, str, str, str, float, float, int | None]  # name, iso2, iata, icao, lat, lon, runway_m
DivisionRow = tuple[str, str, str, float, float, float]  # name, iso2, ISO 3166-2 code, lat, lon, radius_km
Ranked = tuple[int, int, int]  # a name's place: tier, -population, ref (sorted: best first)


class Gazetteer:
    """Lookup tables over the embedded data. Build with :func:`load_gazetteer`.

    Cities and airports are kept as plain rows and become :class:`Place` objects only when
    looked up, so that loading stays fast; the built index is cached between runs (see
    :func:`load_gazetteer`).
    """

    def __init__(self) -> None:
        self.countries: dict[str, str] = {}  # ISO alpha-2 -> name
        self.capitals: dict[str, Place] = {}  # ISO alpha-2 -> capital
        self._city_rows: list[CityRow] = []
        self._airport_rows: list[AirportRow] = []
        self._refs: list[Place | CityRow | AirportRow | DivisionRow] = []
        self._kinds: list[str] = []
        self._building: dict[str, dict[int, tuple[int, int]]] = {}  # key -> {ref: (tier, -population)}
        self._names: dict[str, tuple[Ranked, ...]] = {}  # key -> its places, best first (see _rank_names)
        self._codes: dict[str, int] = {}
        self.country_aliases: set[str] = set()  # normalized names that outrank airport codes

    def _new_ref(self, item: Place | CityRow | AirportRow | DivisionRow, kind: str) -> int:
        self._refs.append(item)
        self._kinds.append(kind)
        return len(self._refs) - 1

    def _add(self, key: str, tier: int, ref: int, population: int) -> None:
        if key:
            entries = self._building.setdefault(key, {})
            if ref not in entries or entries[ref][0] > tier:
                entries[ref] = (tier, -population)

    def _rank_names(self) -> None:
        """End the build: sort each name's places once, best first. Tuples also unpickle faster
        than the build's small dicts (loading the cache is much of a cold start)."""
        self._names = {
            key: tuple(sorted((tier, pop, ref) for ref, (tier, pop) in entries.items()))
            for key, entries in self._building.items()
        }
        self._building = {}

    @functools.lru_cache(maxsize=4096)  # noqa: B019 - one Gazetteer per process
    def _place(self, ref: int) -> Place:
        item, kind = self._refs[ref], self._kinds[ref]
        if isinstance(item, Place):
            return item
        if kind == "admin1":
            return self._division(cast(DivisionRow, item))
        if kind == "city":
            name, iso2, admin1, lat, lon, population = cast(CityRow, item)
            return Place(
                name,
                lat,
                lon,
                "city",
                country=iso2,
                country_name=self.countries.get(iso2, iso2),
                region=admin1 if iso2 == "US" and admin1 else None,
                population=population,
            )
        name, iso2, iata, icao, lat, lon, runway_m = item  # type: ignore[misc]
        return Place(
            name,
            lat,
            lon,
            "airport",
            country=iso2 or None,
            country_name=self.countries.get(iso2),
            iata=iata or None,
            icao=icao or None,
            runway_m=runway_m,
        )

    def _division(self, item: DivisionRow) -> Place:
        name, iso2, code, lat, lon, radius = item
        country = self.countries.get(iso2, iso2)
        return Place(
            name,
            lat,
            lon,
            "state",
            country=iso2,
            country_name=country,
            region=code or None,
            note=f"first-level division of {country} ({code or iso2}): representative point, "
            f"reaching about {radius:,.0f} km",
            radius_km=radius,
        )

    @functools.cached_property
    def airports(self) -> list[Place]:
        """Every airport of ``airports.csv`` as a :class:`Place` (built on first use)."""
        return [self._place(ref) for ref, kind in enumerate(self._kinds) if kind == "airport"]

    @functools.cached_property
    def cities(self) -> list[Place]:
        """Every city of ``cities.csv`` that is not a capital, as a :class:`Place`."""
        return [self._place(ref) for ref, kind in enumerate(self._kinds) if kind == "city"]

    def by_name(self, key: str) -> list[Place]:
        """Places whose normalized name (see :func:`normalize_name`) is ``key``, best first."""
        return [self._place(ref) for *_, ref in self._names.get(key, ())]

    def names(self) -> list[str]:
        """Every normalized name the gazetteer knows (see :func:`normalize_name`)."""
        return list(self._names)

    def by_code(self, code: str) -> Place | None:
        """The airport with this IATA or ICAO code (upper case), if any."""
        ref = self._codes.get(code)
        return None if ref is None else self._place(ref)

    def _inside(self, ref: int, lat: float, lon: float, radius_km: float) -> bool:
        """Whether the point place ``ref`` (a capital or a city) lies within ``radius_km`` of a point."""
        place = self._place(ref)
        return place.radius_km is None and _rough_km(place.lat, place.lon, lat, lon) <= radius_km

    def suggest(self, key: str, limit: int = 3) -> tuple[str, ...]:
        """Up to ``limit`` labels of places whose names are closest to ``key``."""
        from rapidfuzz import fuzz, process

        hits = process.extract(key, list(self._names), scorer=fuzz.ratio, limit=limit * 4, score_cutoff=50)
        ranked = sorted((-score, self._names[name][0][:2], name) for name, score, _ in hits)
        labels: list[str] = []
        for *_, name in ranked:
            label = self.by_name(name)[0].label
            if label not in labels:
                labels.append(label)
        return tuple(labels[:limit])


def _add_regions(gaz: Gazetteer) -> None:
    """Continents, states, macro-regions, islands and landmarks of data/regions.csv (see its README),
    then the first-level divisions of the other countries, data/admin1.csv."""
    for row in read_rows("regions.csv", remedy="rebuild it with scripts/build_regions.py"):
        iso2 = row["country"] or None
        radius = float(row["radius_km"])
        place = Place(
            row["name"],
            float(row["lat"]),
            float(row["lon"]),
            row["kind"],
            country=iso2,
            country_name=gaz.countries.get(iso2) if iso2 else None,
            note=f"{row['kind']}: representative point, reaching about {radius:,.0f} km",
            radius_km=radius,
        )
        _add_area(gaz, row, gaz._new_ref(place, row["kind"]))
    for row in read_rows("admin1.csv", remedy="rebuild it with scripts/build_admin1.py"):
        item = (row["name"], row["country"], row["code"], float(row["lat"]), float(row["lon"]),
                float(row["radius_km"]))  # fmt: skip
        _add_area(gaz, row, gaz._new_ref(item, "admin1"), within=item[3:])


def _add_area(
    gaz: Gazetteer, row: dict[str, str], ref: int, within: tuple[float, float, float] | None = None
) -> None:
    """One area row under its name and aliases, after the places that outrank it.

    A region outranks a city of the same name unless a capital, a country or a city of
    :data:`REGION_YIELDS_TO_POPULATION` people has it. A first-level division (``within``: its
    point and radius) also yields to a namesake city inside it, its seat ("Lima", "Murcia",
    "Sinop" are the cities).
    """
    names = row["keys"].split(";") if within else [row["name"], *filter(None, row["aliases"].split(";"))]
    for name in names:
        key = normalize_name(name) if within is None else name  # admin1.csv has its names folded
        held = gaz._building.get(key)
        if not held:  # most names: nothing else has them
            gaz._add(key, _TIER_REGION, ref, 0)
            continue
        yields = any(
            tier <= _TIER_COUNTRY or -pop >= REGION_YIELDS_TO_POPULATION for tier, pop in held.values()
        )
        if within is not None and not yields:
            yields = any(
                tier <= _TIER_CITY and gaz._inside(other, *within) for other, (tier, _) in held.items()
            )
        gaz._add(key, _TIER_LATE_REGION if yields else _TIER_REGION, ref, 0)


GAZETTEER_FILES = (
    "countries.csv",
    "capitals.csv",
    "country_aliases.csv",
    "country_names.csv",
    "cities.csv",
    "aliases.csv",
    "exonyms.csv",
    "regions.csv",
    "admin1.csv",
    "airports.csv",
)


def cache_dir() -> Path | None:
    """Where the built gazetteer is cached between runs: ``$GEO_CACHE_DIR``, else
    ``$XDG_CACHE_HOME/geo-halfway`` or ``~/.cache/geo-halfway``; None when ``GEO_CACHE_DIR`` is
    ``off`` (then every process builds its own)."""
    configured = os.environ.get("GEO_CACHE_DIR")
    if configured == "off":
        return None
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME")
    if not base or not Path(base).is_absolute():  # the XDG spec: a relative path is ignored
        try:
            base = str(Path.home() / ".cache")
        except (RuntimeError, KeyError):  # no home directory: no cache
            return None
    return Path(base) / "geo-halfway"


def _fingerprint() -> str:
    """What the cached gazetteer was built from: each data file's size and modification time,
    this module's source and the Python version. Any change builds it again."""
    digest = hashlib.sha256(sys.version.encode())
    digest.update(Path(__file__).read_bytes())
    for name in GAZETTEER_FILES:
        try:
            stat = (data_dir() / name).stat()
        except OSError:
            return ""  # a file is missing: the build says which
        digest.update(f"{name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:16]


@functools.cache
def load_gazetteer() -> Gazetteer:
    """Load the embedded data once per process and index it.

    Indexing 48,000 rows takes most of a cold start (0.9 s on the 2-core development machine), so
    the index is also cached as a pickle in :func:`cache_dir` (0.1 s to load), keyed by
    :func:`_fingerprint`. The cache is only a speed-up: an unreadable or unwritable one is ignored.
    """
    folder, key = cache_dir(), _fingerprint()
    path = folder / f"gazetteer-{key}.pickle" if folder is not None and key else None
    cached = _read_cache(path) if path is not None else None
    if cached is not None:
        return cached
    gaz = _build_gazetteer()
    if path is not None:
        _write_cache(path, gaz)
    return gaz


def _read_cache(path: Path) -> Gazetteer | None:
    """The cached gazetteer, or None when the file is missing or damaged.

    The cyclic garbage collector is paused while the ~50,000 tuples load (its passes would find
    nothing), then everything alive is frozen out of its later passes: the modules loaded so far and
    the gazetteer live as long as the process, and walking them again at every full collection and
    at exit costs more than loading them.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        with path.open("rb") as handle:
            cached = pickle.load(handle)
        if not isinstance(cached, Gazetteer):
            return None
        gc.freeze()
        return cached
    except Exception:  # a damaged cache (even a MemoryError from garbage bytes) is rebuilt
        return None
    finally:
        if was_enabled:
            gc.enable()


def _write_cache(path: Path, gaz: Gazetteer) -> None:
    """Write the pickle atomically (processes may race) and remove older ones; ignore failures."""
    tmp_name = ""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, prefix=".gazetteer-", delete=False) as tmp:
            tmp_name = tmp.name
            pickle.dump(gaz, tmp, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp_name, path)
        for old in path.parent.glob("gazetteer-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        if tmp_name:
            Path(tmp_name).unlink(missing_ok=True)  # a full disk leaves no temporary file behind


def _build_gazetteer() -> Gazetteer:
    """Read the embedded data and index it (see :func:`load_gazetteer`)."""
    gaz = Gazetteer()
    gaz.countries = {row["iso2"]: row["name"] for row in read_rows("countries.csv")}

    capital_refs: dict[str, int] = {}
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
        ref = capital_refs[iso2] = gaz._new_ref(capital, "capital")
        gaz._add(normalize_name(row["capital"]), _TIER_CAPITAL, ref, capital.population or 0)
        gaz._add(normalize_name(row["country"]), _TIER_COUNTRY, ref, capital.population or 0)

    # other names of countries: written by hand, and in six languages (scripts/build_country_names.py)
    for file in ("country_aliases.csv", "country_names.csv"):
        for row in read_rows(file):
            key = normalize_name(row["alias"])
            iso2 = row["iso2"]
            if iso2 not in capital_refs:
                raise DataError(f"{file}: {row['alias']!r} names unknown country {iso2!r}")
            gaz._add(key, _TIER_COUNTRY, capital_refs[iso2], gaz.capitals[iso2].population or 0)
            gaz.country_aliases.add(key)

    city_refs: dict[tuple[str, str], int] = {}
    for row in read_rows("cities.csv"):
        name, iso2, lat, lon = row["name"], row["country_code"], float(row["lat"]), float(row["lon"])
        population = int(row["population"] or 0)
        own_capital = gaz.capitals.get(iso2)
        if own_capital is not None and _is_capital_row(name, lat, lon, own_capital):
            ref, tier = capital_refs[iso2], _TIER_CAPITAL
        else:
            ref = gaz._new_ref((name, iso2, row["admin1"], lat, lon, population), "city")
            tier = _TIER_CITY
        city_refs.setdefault((name, iso2), ref)
        gaz._add(normalize_name(name), tier, ref, population)

    aliases = read_rows("aliases.csv")  # former names, built by scripts/build_data.py
    exonyms = read_rows("exonyms.csv", remedy="it is written by hand: see data/README.md")
    for file, rows in (("aliases.csv", aliases), ("exonyms.csv", exonyms)):
        for row in rows:
            target = city_refs.get((row["name"], row["country_code"]))
            if target is None:
                raise DataError(f"{file}: {row['alias']!r} points at unknown city {row['name']!r}")
            gaz._add(normalize_name(row["alias"]), _TIER_CAPITAL, target, 0)

    _add_regions(gaz)

    for row in read_rows("airports.csv"):
        iata, icao = row["iata"], row["icao"]
        item = (row["name"], row["country_code"], iata, icao, float(row["lat"]), float(row["lon"]),
                _int_or_none(row["runway_m"]))  # fmt: skip
        ref = gaz._new_ref(item, "airport")
        for code in (iata, icao):
            if code:
                gaz._codes.setdefault(code, ref)
        gaz._add(normalize_name(row["name"]), _TIER_AIRPORT, ref, 0)
    gaz._rank_names()
    return gaz
