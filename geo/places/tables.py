"""The airports and cities of the embedded data as numpy arrays, for vectorized searches.

:func:`airport_table` (``data/airports.csv``, OurAirports) and :func:`city_table`
(``data/cities.csv``, GeoNames), each loaded once per process. Used by venue suggestions
(:mod:`geo.analysis.suggest`) and refuelling stops (:mod:`geo.analysis.route`).
:func:`seats_of_government` gives the seats that differ from a country's capital
(``data/capitals.csv``), for the robustness of a verdict (:mod:`geo.analysis.robust`).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from geo.places.gazetteer import Place, read_rows

__all__ = ["AIRPORT_TYPES", "Table", "airport_table", "city_table", "seats_of_government"]

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


@functools.cache
def seats_of_government() -> dict[str, Place]:
    """ISO alpha-2 code → the seat of government, for the countries whose seat is not the capital.

    From the curated ``seat_of_government`` columns of ``capitals.csv`` (see data/README.md).

    >>> seats_of_government()["NL"].name, seats_of_government()["NL"].kind
    ('The Hague', 'city')
    >>> "US" in seats_of_government()
    False
    """
    seats: dict[str, Place] = {}
    for row in read_rows("capitals.csv"):
        if row["seat_of_government"]:
            note = f"seat of government of {row['country']}" + (f" ({row['note']})" if row["note"] else "")
            seats[row["iso2"]] = Place(
                row["seat_of_government"],
                float(row["seat_lat"]),
                float(row["seat_lon"]),
                "city",
                country=row["iso2"],
                country_name=row["country"],
                query=row["seat_of_government"],
                note=note,
            )
    return seats
