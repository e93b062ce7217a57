"""Small towns: GeoNames places of 500+ people (``data/towns.csv.gz``), the resolver's last resort.

The main gazetteer holds capitals and cities of 15,000+ people, airports and areas; "halfway
between" claims are very often about small towns (Gundagai between Sydney and Melbourne,
Medinaceli between Madrid and Zaragoza). :func:`towns_named` answers a name that nothing else
matches; :func:`nearest_town` picks, among namesakes, the one nearest a route (the claim's
parties), which is how a reader resolves "Hanover, halfway between Johannesburg and Cape Town".
The file (234,908 places, 3.6 MB) is read on first use, about 0.5 s, and kept.

Examples
--------
>>> t = towns_named("Gundagai")[0]
>>> t.name, t.country, t.kind, round(t.lat, 2), round(t.lon, 2)
('Gundagai', 'AU', 'town', -35.06, 148.1)
"""

from __future__ import annotations

import csv
import functools
import gzip
from collections import defaultdict

import numpy as np

from geo.core.geodesy import LatLon, distance_km
from geo.errors import DataError
from geo.places.gazetteer import Place, data_dir, normalize_name

__all__ = ["TOWNS_FILE", "nearest_town", "towns_named"]

TOWNS_FILE = "towns.csv.gz"
NOTE = "a small town (GeoNames, 500+ people)"

_Row = tuple[str, float, float, str, str, int]  # name, lat, lon, country, admin1, population


@functools.cache
def _lines() -> dict[str, list[str]]:
    """The table's lines by their first column (the folded name), unparsed: splitting 235,000 lines
    takes a fifth of the time parsing every field did (2.3 s); a name's rows are parsed when asked."""
    path = data_dir() / TOWNS_FILE
    try:
        text = gzip.decompress(path.read_bytes()).decode("utf-8")
    except FileNotFoundError:
        raise DataError(f"data file {path} is missing; rebuild it with scripts/build_towns.py") from None
    index: dict[str, list[str]] = defaultdict(list)
    lines = text.splitlines()
    for line in lines[1:]:  # key,name,lat,lon,country_code,admin1,population
        index[line[: line.index(",")]].append(line)
    return dict(index)


@functools.lru_cache(maxsize=4096)
def _rows(key: str) -> tuple[_Row, ...]:
    """The towns whose folded name is ``key``, most people first."""
    rows = [
        (name, float(lat), float(lon), country, admin1, int(population or 0))
        for _, name, lat, lon, country, admin1, population in csv.reader(_lines().get(key, []))
    ]
    return tuple(sorted(rows, key=lambda r: -r[5]))


def _place(row: _Row, query: str, note: str = NOTE) -> Place:
    from geo.places.gazetteer import load_gazetteer

    name, lat, lon, country, admin1, population = row
    countries = load_gazetteer().countries
    return Place(
        name,
        lat,
        lon,
        "town",
        country=country or None,
        country_name=countries.get(country),
        region=admin1 if country == "US" else None,
        population=population or None,
        query=query,
        note=note,
    )


def towns_named(name: str, country: str | None = None) -> list[Place]:
    """Every town called ``name`` (case, accents and punctuation folded), most people first;
    with ``country`` (ISO alpha-2) only that country's."""
    rows = _rows(normalize_name(name))
    return [_place(r, name) for r in rows if country is None or r[3] == country]


def nearest_town(name: str, a: LatLon, b: LatLon, *, max_detour: float = 1.0) -> Place | None:
    """The town called ``name`` that lies nearest the way from ``a`` to ``b``: the smallest
    detour ``d(a, t) + d(t, b) − d(a, b)``, and at most ``max_detour`` times ``d(a, b)`` (a
    namesake on another continent is not what a sentence about that route means).

    Examples
    --------
    >>> t = nearest_town("Hanover", LatLon(-26.2, 28.05), LatLon(-33.92, 18.42))  # Johannesburg–Cape Town
    >>> t.country, t.kind
    ('ZA', 'town')
    """
    rows = _rows(normalize_name(name))
    if not rows:
        return None
    direct = float(distance_km(a.lat, a.lon, b.lat, b.lon))
    lats, lons = [r[1] for r in rows], [r[2] for r in rows]
    detour = np.asarray(distance_km(a.lat, a.lon, lats, lons)) + np.asarray(
        distance_km(lats, lons, b.lat, b.lon)
    )
    detour -= direct
    best = min(range(len(rows)), key=lambda i: float(detour[i]))
    if float(detour[best]) > max_detour * max(direct, 1.0):
        return None
    others = len(rows) - 1
    note = NOTE + (f"; of {others + 1} places of that name, the one nearest the route" if others else "")
    return _place(rows[best], name, note)
