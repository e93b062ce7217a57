"""The airports and cities of the embedded data as numpy arrays, for vectorized searches.

:func:`airport_table` (``data/airports.csv``, OurAirports) and :func:`city_table`
(``data/cities.csv``, GeoNames), each loaded once per process. Used by venue suggestions
(:mod:`geo.analysis.suggest`) and refuelling stops (:mod:`geo.analysis.route`).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from geo.places.gazetteer import read_rows

__all__ = ["AIRPORT_TYPES", "Table", "airport_table", "city_table"]

AIRPORT_TYPES = ("large_airport", "medium_airport", "small_airport", "seaplane_base", "heliport")

FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True, eq=False)
class Table:
    name: tuple[str, ...]
    iata: tuple[str, ...]
    icao: tuple[str, ...]
    country: npt.NDArray[np.str_]
    type: npt.NDArray[np.str_]
    city: tuple[str, ...]
    lat: FloatArray
    lon: FloatArray
    runway_m: npt.NDArray[np.int64]  # -1 = unknown
    population: npt.NDArray[np.int64]  # -1 = not a city


@functools.cache
def airport_table() -> Table:
    """Every airport of ``airports.csv`` as arrays (loaded once per process)."""
    rows = list(read_rows("airports.csv"))
    return Table(
        tuple(r["name"] for r in rows),
        tuple(r["iata"] for r in rows),
        tuple(r["icao"] for r in rows),
        np.array([r["country_code"] for r in rows], dtype=np.str_),
        np.array([r["type"] for r in rows], dtype=np.str_),
        tuple(r["city"] for r in rows),
        np.array([float(r["lat"]) for r in rows]),
        np.array([float(r["lon"]) for r in rows]),
        np.array([int(float(r["runway_m"])) if r["runway_m"] else -1 for r in rows], dtype=np.int64),
        np.full(len(rows), -1, dtype=np.int64),
    )


@functools.cache
def city_table() -> Table:
    """Every city of ``cities.csv`` as arrays (loaded once per process)."""
    rows = list(read_rows("cities.csv"))
    n = len(rows)
    return Table(
        tuple(r["name"] for r in rows),
        ("",) * n,
        ("",) * n,
        np.array([r["country_code"] for r in rows], dtype=np.str_),
        np.full(n, "city", dtype=np.str_),
        tuple(r["name"] for r in rows),
        np.array([float(r["lat"]) for r in rows]),
        np.array([float(r["lon"]) for r in rows]),
        np.full(n, -1, dtype=np.int64),
        np.array([int(r["population"] or 0) for r in rows], dtype=np.int64),
    )
