"""Named routes and their two ends (``data/routes.csv``): "the halfway point of the Trans-Canada
Highway", "the midpoint of Route 66", "midway along the Great Western main line".

A claim about the middle of a named route is a claim about the way between its ends. The table
holds a few long, famous routes whose ends are settled (hand-entered, a source per row: Wikipedia
for the termini, GeoNames for the points). Halfway *along the road* is not halfway *as the crow
flies*; a claim read this way is checked on the geodesic between the two ends, and says so.

Examples
--------
>>> route = find_route("Route 66")
>>> route.name, route.ends[0].name, route.ends[1].name
('Route 66', 'Chicago', 'Santa Monica')
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass

from geo.errors import DataError
from geo.places.gazetteer import Place, data_dir, normalize_name

__all__ = ["ROUTES_FILE", "Route", "find_route", "route_names", "routes"]

ROUTES_FILE = "routes.csv"


@dataclass(frozen=True)
class Route:
    """A named route: its usual name, the other names it goes by, its two ends and the source."""

    name: str
    aliases: tuple[str, ...]
    ends: tuple[Place, Place]
    source: str


@functools.cache
def routes() -> tuple[Route, ...]:
    """Every route of ``data/routes.csv``, in file order."""
    path = data_dir() / ROUTES_FILE
    try:
        with path.open(encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
    except OSError as exc:
        raise DataError(f"cannot read {path}: {exc.strerror or exc}") from exc
    out = []
    for row in rows:
        ends = tuple(
            Place(
                row[key],
                float(row[f"{key}_lat"]),
                float(row[f"{key}_lon"]),
                "city",
                note=f"one end of the {row['name']}",
            )
            for key in ("from", "to")
        )
        aliases = tuple(a for a in row["aliases"].split(";") if a)
        out.append(Route(row["name"], aliases, (ends[0], ends[1]), row["source"]))
    return tuple(out)


@functools.cache
def _by_key() -> dict[str, Route]:
    return {normalize_name(n): r for r in routes() for n in (r.name, *r.aliases)}


def find_route(name: str) -> Route | None:
    """The route called ``name`` (case, accents, hyphens and a leading "the" folded), or None."""
    key = normalize_name(re.sub(r"^\s*the\s+", "", name, flags=re.IGNORECASE))
    return _by_key().get(key)


@functools.cache
def route_names() -> str:
    """A regular expression (no groups) matching any route's name or alias, longest first; spaces and
    hyphens inside a name match any run of spaces or hyphens, or none ("Trans-CanadaHighway")."""
    names = sorted({n for r in routes() for n in (r.name, *r.aliases)}, key=len, reverse=True)
    parts = [r"[\s-]*".join(re.escape(w) for w in re.split(r"[\s-]+", n)) for n in names]
    return "(?:" + "|".join(parts) + r")(?![\w-])"
