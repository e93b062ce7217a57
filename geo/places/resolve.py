"""Place resolution: turn what a user types into a named point, offline.

Accepted, in this order:

* ``Label=lat,lon`` – a custom named point (``"Höfði=64.1475,-21.9091"``);
* ``lat,lon`` in decimal degrees (``"-8.8,115.2"``; a Unicode minus works too);
* degrees-minutes-seconds or hemisphere letters (``"61°13′N 149°54′W"``), parsed with
  geopy's point grammar;
* an IATA or ICAO airport code (``"ANC"``, ``"PANC"``);
* a name of a capital, city, country or airport, case- and accent-insensitive, with
  common aliases (``"DC"``, ``"Peking"``, ``"Kiev"``, ``"Nur-Sultan"``).

Ambiguous names prefer aliases and capitals, then larger cities, then countries (which
stand for their capital), then airports; the chosen place says what else matched.
An unknown name raises :class:`~geo.errors.UnknownPlaceError` with the three closest names.
Online geocoding (Nominatim) is used only when asked for with ``online=True``.
"""

from __future__ import annotations

import csv
import functools
import gzip
import re
from collections.abc import Iterable
from dataclasses import replace

from geo.core.geodesy import LatLon, validate_lat_lon
from geo.errors import DataError, InvalidCoordinatesError, InvalidInputError, UnknownPlaceError
from geo.places.gazetteer import Gazetteer, Place, data_dir, load_gazetteer, normalize_name

MAX_QUERY_CHARS = 200  # longer strings are refused before any parsing
_MINUS_SIGNS = str.maketrans({"−": "-", "–": "-", "‐": "-"})
_NUMBER = re.compile(r"[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?|[-+]?(nan|inf|infinity)", re.IGNORECASE)
_DMS_HINT = re.compile(r"[°′″'\"]|\d\s*[NSEWnsew]\b|\b[NSEWnsew]\s*\d")
_IATA = re.compile(r"^[A-Za-z]{3}$")
_ICAO = re.compile(r"^[A-Za-z0-9]{4}$")
_LABEL_CODE = re.compile(r"\(([A-Z0-9]{3})\)\s*$")  # "… Airport (KEF)", as airport labels end


def _check_length(query: str) -> str:
    if not isinstance(query, str):
        raise InvalidInputError(f"a place must be a string, not {type(query).__name__}")
    if len(query) > MAX_QUERY_CHARS:
        raise InvalidInputError(f"place is {len(query):,} characters long; the limit is {MAX_QUERY_CHARS}")
    stripped = query.strip()
    if not stripped:
        raise InvalidInputError("empty place: give a name, an airport code or 'lat,lon'")
    return stripped


def parse_coordinates(text: str) -> LatLon | None:
    """Parse ``lat,lon`` in decimal degrees or DMS; ``None`` when it is not coordinates.

    Decimal pairs are separated by a comma, a semicolon or whitespace. DMS and hemisphere
    letters go through geopy's point grammar (``geopy.point.Point.POINT_PATTERN``); unlike
    ``geopy.Point`` itself, a longitude beyond ±180 is refused rather than wrapped.

    Raises
    ------
    InvalidCoordinatesError
        It is coordinates but a value is NaN, infinite or out of range.

    Examples
    --------
    >>> parse_coordinates("-8.8, 115.2")
    LatLon(lat=-8.8, lon=115.2)
    >>> parse_coordinates("61°13′N 149°54′W")
    LatLon(lat=61.21666666666667, lon=-149.9)
    >>> parse_coordinates("Anchorage") is None
    True
    """
    text = text.translate(_MINUS_SIGNS).strip()
    parts = re.split(r"\s*[,;]\s*|\s+", text)
    if len(parts) == 2 and all(_NUMBER.fullmatch(p) for p in parts):
        return LatLon(*validate_lat_lon(float(parts[0]), float(parts[1])))
    if _DMS_HINT.search(text) and re.search(r"\d", text):
        return _parse_dms(text)
    if _DECIMAL_COMMAS.fullmatch(text):
        lat, lon = (n.replace(",", ".") for n in re.findall(r"-?\d+,\d+", text))
        raise InvalidCoordinatesError(
            f"cannot read {text!r}: write decimals with a point, e.g. '{lat},{lon}'"
        )
    return None


# Degrees, minutes and seconds written with spaces only, hemisphere letters after each axis:
# "61 13 0 N 149 54 0 W" (geopy's grammar reads the spaces as separators and gets it wrong).
_AXIS = r"(\d+(?:\.\d+)?)(?:\s+(\d+(?:\.\d+)?))?(?:\s+(\d+(?:\.\d+)?))?\s*"
_DECIMAL_COMMAS = re.compile(r"-?\d+,\d+\s*[;\s]\s*-?\d+,\d+")  # "61,2 -149,9" (European decimals)
_PLAIN_DMS = re.compile(rf"^{_AXIS}([NS])[\s,;]+{_AXIS}([EW])$", re.IGNORECASE)


def _plain_dms(text: str) -> LatLon | None:
    match = _PLAIN_DMS.match(text)
    if match is None:
        return None
    g = match.groups()

    def axis(deg: str, minutes: str | None, seconds: str | None, hemisphere: str) -> float:
        m, sec = float(minutes or 0), float(seconds or 0)
        if m >= 60 or sec >= 60:
            raise InvalidCoordinatesError(f"cannot read {text!r}: minutes and seconds must be below 60")
        value = float(deg) + m / 60 + sec / 3600
        return -value if hemisphere.upper() in "SW" else value

    return LatLon(*validate_lat_lon(axis(*g[0:4]), axis(*g[4:8])))


def _parse_dms(text: str) -> LatLon:
    from geopy.point import Point  # small import, only on this path

    if (plain := _plain_dms(text)) is not None:
        return plain
    match = re.match(Point.POINT_PATTERN, re.sub(r"''", '"', text))
    numbers = len(re.findall(r"\d+(?:\.\d+)?", text))
    used = (
        0
        if not match
        else sum(
            match.group(f"{axis}_{unit}") is not None
            for axis in ("latitude", "longitude")
            for unit in ("degrees", "arcminutes", "arcseconds")
        )
    )
    if not match or used != numbers:  # every number must be read, none skipped or misplaced
        raise InvalidCoordinatesError(
            f"cannot read {text!r} as coordinates; try '61.2181,-149.9003' or '61°13′N 149°54′W'"
        )

    def part(axis: str) -> float:
        direction = match.group(f"{axis}_direction_front") or match.group(f"{axis}_direction_back")
        return float(
            Point.parse_degrees(
                match.group(f"{axis}_degrees") or 0.0,
                match.group(f"{axis}_arcminutes") or 0.0,
                match.group(f"{axis}_arcseconds") or 0.0,
                direction,
            )
        )

    return LatLon(*validate_lat_lon(part("latitude"), part("longitude")))


def resolve(query: str, *, online: bool = False, gazetteer: Gazetteer | None = None) -> Place:
    """Resolve one place. See the module docstring for what is accepted.

    Parameters
    ----------
    query : str
        At most :data:`MAX_QUERY_CHARS` characters.
    online : bool
        If the offline gazetteer has no match, ask OpenStreetMap's Nominatim (needs a
        network; off by default).
    gazetteer : Gazetteer, optional
        Defaults to the embedded data.

    Raises
    ------
    InvalidInputError
        Empty or too long.
    InvalidCoordinatesError
        Coordinates out of range or not finite.
    UnknownPlaceError
        No match; the message lists the three closest names.
    GeocodingError
        ``online=True`` and the geocoder failed.

    Examples
    --------
    >>> resolve("reykjavik").name
    'Reykjavík'
    >>> p = resolve("Moscow"); p.country, p.kind
    ('RU', 'capital')
    >>> resolve("ANC").icao
    'PANC'
    >>> resolve("Summit=64.1475,-21.9091")
    Place(name='Summit', lat=64.1475, lon=-21.9091, kind='custom', ...)
    >>> resolve("a=b=1,2").name  # the label ends at the last '='
    'a=b'
    """
    text = _check_length(query)
    gaz = gazetteer or load_gazetteer()

    label, sep, rest = text.rpartition("=")
    if sep:
        if not label.strip():
            raise InvalidInputError(f"custom point {text!r} needs a label before '='")
        point = parse_coordinates(rest)
        if point is None:
            raise InvalidCoordinatesError(
                f"custom point {text!r}: {rest.strip()!r} is not 'lat,lon' coordinates"
            )
        return Place(label.strip(), point.lat, point.lon, "custom", query=query)

    point = parse_coordinates(text)
    if point is not None:
        return Place(_coordinate_name(point), point.lat, point.lon, "coordinates", query=query)

    key = normalize_name(text)
    codes_first = (
        text.isupper() and bool(_IATA.match(text) or _ICAO.match(text)) and key not in gaz.country_aliases
    )
    if codes_first and (airport := gaz.by_code(text)) is not None:
        return replace(airport, query=query)
    candidates = gaz.by_name(key) or _qualified(text, gaz)
    if not candidates and (spelled := spell_out(text)) is not None:
        candidates = gaz.by_name(normalize_name(spelled)) or _qualified(spelled, gaz)
    if candidates:
        chosen = candidates[0]
        others = tuple(dict.fromkeys(c.label for c in candidates[1:] if c.label != chosen.label))[:5]
        note = chosen.note
        if others:
            why = "the capital" if chosen.kind == "capital" else "the largest match"
            note = (note + "; " if note else "") + f"chose {why}; also matches " + "; ".join(others)
        return replace(chosen, query=query, note=note, alternatives=others)
    if (_IATA.match(text) or _ICAO.match(text)) and (airport := gaz.by_code(text.upper())) is not None:
        return replace(airport, query=query)
    if (code := _LABEL_CODE.search(text)) and (airport := gaz.by_code(code.group(1))) is not None:
        return replace(airport, query=query)  # an airport label: "Keflavik International Airport (KEF)"
    if (city := exonym(key, gaz)) is not None:
        return replace(city, query=query, note=f"{text} read as {city.label}, a name GeoNames gives it")
    if (town := _town(text)) is not None:
        return replace(town, query=query)
    if online:
        from geo.places.geocode import geocode

        return geocode(text)
    raise UnknownPlaceError(text, gaz.suggest(key))


@functools.lru_cache(maxsize=1)
def _exonyms() -> dict[str, tuple[str, str, bool]]:
    """Other names of well-known cities (data/exonyms_geonames.csv.gz, built by
    scripts/build_exonyms.py): normalized name -> (the city's name, its country code, whether a
    small town also has the name)."""
    path = data_dir() / "exonyms_geonames.csv.gz"
    if not path.is_file():
        raise DataError(f"{path} is missing: rebuild it with scripts/build_exonyms.py")
    with gzip.open(path, "rt", encoding="utf-8", newline="") as handle:
        return {
            normalize_name(r["alias"]): (r["name"], r["country_code"], r["shared"] == "1")
            for r in csv.DictReader(handle)
        }


def exonym(key: str, gaz: Gazetteer, *, shared: bool = False) -> Place | None:
    """The city another language names ``key`` ("Venise", "Mailand", "Montevidéu"): a last resort,
    read only when no place of the gazetteer has the name (the list is noisy: old names, nicknames).
    A name a small town also has ("Bologne": Bologna, and a village in France) is read only with
    ``shared`` (the article reader, for a venue near the way between its parties).

    >>> exonym("venise", load_gazetteer()).label
    'Venice, Italy'
    >>> exonym("bologne", load_gazetteer()), exonym("bologne", load_gazetteer(), shared=True).label
    (None, 'Bologna, Italy')
    """
    found = _exonyms().get(key)
    if found is None or (found[2] and not shared):
        return None
    name, country, _ = found
    return next((p for p in gaz.by_name(normalize_name(name)) if p.country == country), None)


_ABBREVIATED = re.compile(r"^(Ft|Mt|Pt|Ste?)\.?\s+(?=\w)", re.IGNORECASE)
_SPELLED = {"ft": "Fort", "mt": "Mount", "pt": "Point", "st": "Saint", "ste": "Sainte"}


def spell_out(text: str) -> str | None:
    """``text`` with a leading abbreviation written out, or None when it has none.

    >>> spell_out("Ft. Worth"), spell_out("Mt Vernon"), spell_out("Fresno")
    ('Fort Worth', 'Mount Vernon', None)
    """
    match = _ABBREVIATED.match(text)
    if match is None:
        return None
    return _SPELLED[match.group(1).lower()] + " " + text[match.end() :]


def _town(text: str) -> Place | None:
    """The last resort: a town of 500+ people (:mod:`geo.places.towns`) named ``text``, or
    ``Name, Country`` / ``Name, CC``; the most populous when several share the name."""
    from geo.places.towns import towns_named

    name, _, qualifier = text.partition(",")
    country = _country_code(qualifier) if qualifier.strip() else None
    if qualifier.strip() and country is None:
        return None
    towns = towns_named(name.strip(), country)
    if not towns:
        return None
    chosen, others = towns[0], tuple(dict.fromkeys(t.label for t in towns[1:6] if t.label != towns[0].label))
    if others:
        note = f"{chosen.note}; chose the largest; also matches " + "; ".join(others)
        return replace(chosen, note=note, alternatives=others)
    return chosen


def _country_code(text: str) -> str | None:
    """ISO alpha-2 code of a country name or code ("South Africa", "za"), else None."""
    gaz = load_gazetteer()
    key = normalize_name(text)
    if len(key) == 2 and key.upper() in gaz.countries:
        return key.upper()
    by_name = {normalize_name(name): code for code, name in gaz.countries.items()}
    return by_name.get(key)


# GeoNames admin1 codes of US cities (the ``region`` of their labels) and the state names
# people write instead: "Anchorage, Alaska".
US_STATES = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "DC": "District of Columbia",
    "FL": "Florida", "GA": "Georgia", "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois",
    "IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana",
    "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota",
    "MS": "Mississippi", "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada",
    "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York",
    "NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon",
    "PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota",
    "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia",
    "WA": "Washington", "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming",
}  # fmt: skip


def _qualified(text: str, gaz: Gazetteer) -> list[Place]:
    """Matches of a name qualified as the labels print it: "Beijing, China", "Moscow, RU",
    "Anchorage, AK, United States", "Washington, D.C., United States".

    The longest leading run of comma-separated parts that is a name wins; every part after it
    must be the place's country (name or ISO code) or, for US cities, its state (code or name).
    """
    parts = [p for p in (normalize_name(part) for part in text.split(",")) if p]
    for cut in range(len(parts) - 1, 0, -1):
        candidates = gaz.by_name(" ".join(parts[:cut]))
        qualifiers = parts[cut:]
        if not candidates:
            continue

        def fits(place: Place, qualifiers: list[str] = qualifiers) -> bool:
            state = US_STATES.get(place.region or "") if place.country == "US" else None
            known = {normalize_name(x) for x in (place.country_name, place.country, place.region, state) if x}
            if place.country == "US":
                known |= {"usa", "us", "united states of america"}
            return all(q in known for q in qualifiers)

        return [p for p in candidates if fits(p)]
    return []


def _coordinate_name(point: LatLon) -> str:
    ns = "N" if point.lat >= 0 else "S"
    ew = "E" if point.lon >= 0 else "W"
    return f"{abs(point.lat):.4f}°{ns}, {abs(point.lon):.4f}°{ew}"


def resolve_all(queries: Iterable[str], *, online: bool = False) -> list[Place]:
    """Resolve several places; the first failure raises."""
    return [resolve(q, online=online) for q in queries]


_ROUTE_SEPARATORS = re.compile(r"\s*(?:→|->|>|–|—|\s-\s)\s*")
MAX_ROUTE_PLACES = 20


def split_route(text: str) -> list[str]:
    """The places of a route written ``A-B-C`` (or with ``→``, ``->``, `` - ``), else ``[text]``.

    A plain hyphen joins places only when the whole text is not itself a place (Baden-Baden,
    Guinea-Bissau, Winston-Salem stay whole); arrows and spaced dashes always separate.

    Examples
    --------
    >>> split_route("JFK-LHR-SIN"), split_route("Pyongyang → Anchorage → Washington")
    (['JFK', 'LHR', 'SIN'], ['Pyongyang', 'Anchorage', 'Washington'])
    >>> split_route("Baden-Baden"), split_route("Moscow")
    (['Baden-Baden'], ['Moscow'])
    """
    text = text.strip()
    parts = [p for p in _ROUTE_SEPARATORS.split(text) if p.strip()]
    if len(parts) > 1:
        return parts
    if "-" not in text or parse_coordinates(text) is not None:
        return [text]
    try:
        resolve(text)
    except UnknownPlaceError:
        pieces = [p.strip() for p in text.split("-")]
        return pieces if all(pieces) else [text]
    return [text]


def resolve_route(queries: Iterable[str], *, online: bool = False) -> list[Place]:
    """The places of a route given as several arguments, ``A-B-C`` strings, or both.

    Raises
    ------
    InvalidInputError
        Fewer than 2 or more than :data:`MAX_ROUTE_PLACES` places.
    UnknownPlaceError
        A part is unknown (the message names the part).

    Examples
    --------
    >>> [p.iata for p in resolve_route(["JFK-LHR", "SIN"])]
    ['JFK', 'LHR', 'SIN']
    """
    names = [part for q in queries for part in split_route(_check_length(q))]
    if not 2 <= len(names) <= MAX_ROUTE_PLACES:
        raise InvalidInputError(f"a route needs 2 to {MAX_ROUTE_PLACES} places, not {len(names)}")
    return [resolve(name, online=online) for name in names]
