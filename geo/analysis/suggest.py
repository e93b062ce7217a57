"""Real venues near the optimum: the top k airports (or cities) of the embedded data for an objective.

Candidates come from ``data/airports.csv`` (OurAirports) or ``data/cities.csv`` (GeoNames) and
are scored with :func:`geo.analysis.scoring.score_venues` in one vectorized pass. Filters:

* ``neutral`` – not in any party's country nor in a territory of its sovereign state (Hong
  Kong is not neutral for Beijing; parties given as bare coordinates have no
  country, so nothing is excluded for them; the result says so);
* ``min_runway_m`` – longest runway at least this long (default 2,500 m, enough for the
  long-haul aircraft that heads of state fly: a Boeing 747-8 or an Airbus A330 needs roughly
  2,500–3,100 m at maximum take-off weight); airports with no runway length recorded are
  excluded whenever the minimum is above 0;
* ``airport_types`` – OurAirports types, default ``large_airport`` and ``medium_airport``;
* ``min_population`` – for cities, default 100,000 people.

Ranking: ``minimax`` by longest trip then total, ``minsum`` by total then longest trip;
``midpoint`` and ``centroid`` by distance to that point (then longest trip).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from geo.analysis.scoring import TIE_TOLERANCE, distance_matrix_km, score_venues
from geo.errors import InvalidInputError
from geo.places.tables import AIRPORT_TYPES as AIRPORT_TYPES  # re-exported: the filter choices
from geo.places.tables import airport_table, city_table

DEFAULT_AIRPORT_TYPES = ("large_airport", "medium_airport")
DEFAULT_MIN_RUNWAY_M = 2500  # long-haul state aircraft (747-8, A330, 777) at maximum weight
DEFAULT_MIN_POPULATION = 100_000
SOURCES = ("airports", "cities")
MAX_SUGGESTIONS = 100

FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Suggestion:
    """A real venue and what it costs the parties.

    Attributes
    ----------
    name : str
        Airport or city name.
    iata, icao : str or None
        Airport codes (``None`` for cities or when the airport has none).
    country : str or None
        ISO 3166-1 alpha-2 code.
    lat, lon : float
        Degrees.
    max_km, sum_km : float
        Longest trip and weighted total, km (WGS84 geodesics).
    runway_m : int or None
        Longest runway, metres (airports).
    kind : str
        ``airport`` or ``city``.
    type : str
        OurAirports type (``large_airport`` …) or ``city``.
    city : str
        Municipality served (airports) or the city's own name.
    to_point_km : float
        Distance from the optimal point, km.
    population : int or None
        Cities only.
    """

    name: str
    iata: str | None
    icao: str | None
    country: str | None
    lat: float
    lon: float
    max_km: float
    sum_km: float
    runway_m: int | None
    kind: str = "airport"
    type: str = "large_airport"
    city: str = ""
    to_point_km: float = 0.0
    population: int | None = None


@dataclass(frozen=True)
class SuggestionFilters:
    """The filters applied to suggestions (reported with the result)."""

    source: str = "airports"
    neutral: bool = False
    min_runway_m: int = DEFAULT_MIN_RUNWAY_M
    airport_types: tuple[str, ...] = DEFAULT_AIRPORT_TYPES
    min_population: int = DEFAULT_MIN_POPULATION
    excluded_countries: tuple[str, ...] = ()


def _validate(filters: SuggestionFilters, k: int) -> None:
    if not 0 <= k <= MAX_SUGGESTIONS:
        raise InvalidInputError(f"the number of suggestions must be between 0 and {MAX_SUGGESTIONS}, not {k}")
    if filters.source not in SOURCES:
        raise InvalidInputError(
            f"unknown venue source {filters.source!r}; choose one of {', '.join(SOURCES)}"
        )
    if filters.min_runway_m < 0:
        raise InvalidInputError(f"the minimum runway must be ≥ 0 m, not {filters.min_runway_m}")
    if filters.min_population < 0:
        raise InvalidInputError(f"the minimum population must be ≥ 0, not {filters.min_population}")
    unknown = [t for t in filters.airport_types if t not in AIRPORT_TYPES]
    if unknown or not filters.airport_types:
        raise InvalidInputError(
            f"unknown airport type {unknown[0] if unknown else '(none)'!r}; "
            f"choose from {', '.join(AIRPORT_TYPES)}"
        )


def suggest_venues(
    party_lats: npt.ArrayLike,
    party_lons: npt.ArrayLike,
    weights: npt.ArrayLike,
    objective: str,
    point: tuple[float, float],
    k: int = 5,
    filters: SuggestionFilters | None = None,
) -> tuple[Suggestion, ...]:
    """The ``k`` best real venues for ``objective`` that pass ``filters``.

    Parameters
    ----------
    party_lats, party_lons, weights : array_like, shape (n,)
        The parties (degrees) and their weights.
    objective : str
        ``minimax`` and ``minsum`` rank venues by their own score; ``midpoint`` and
        ``centroid`` by distance to ``point``.
    point : (float, float)
        The optimal point, (lat, lon) degrees.
    k : int
        0 to 100.
    filters : SuggestionFilters, optional
        ``excluded_countries`` must already hold the parties' countries when ``neutral``.

    Returns
    -------
    tuple of Suggestion
        Best first; fewer than ``k`` when fewer venues pass the filters.

    Examples
    --------
    >>> s = suggest_venues([38.9072, 55.7558], [-77.0369, 37.6173], [1, 1], "minimax", (0, 0), k=1)
    >>> s[0].name, s[0].country, s[0].runway_m
    ('Kangerlussuaq Airport', 'GL', 2810)
    """
    f = filters or SuggestionFilters()
    _validate(f, k)
    if k == 0:
        return ()
    table = airport_table() if f.source == "airports" else city_table()
    keep = np.ones(table.lat.size, dtype=bool)
    if f.source == "airports":
        keep &= np.isin(table.type, np.array(f.airport_types, dtype=np.str_))
        if f.min_runway_m > 0:
            keep &= table.runway_m >= f.min_runway_m
    else:
        keep &= table.population >= f.min_population
    if f.neutral and f.excluded_countries:
        keep &= ~np.isin(table.country, np.array(f.excluded_countries, dtype=np.str_))
    idx = np.flatnonzero(keep)
    if idx.size == 0:
        return ()
    scores = score_venues(party_lats, party_lons, table.lat[idx], table.lon[idx], weights)
    to_point = distance_matrix_km(table.lat[idx], table.lon[idx], [point[0]], [point[1]])[:, 0]
    if objective == "minimax":
        keys: tuple[FloatArray, ...] = (scores.max_km, scores.sum_km)
    elif objective == "minsum":
        keys = (scores.sum_km, scores.max_km)
    else:
        keys = (to_point, scores.max_km)
    keys = tuple(np.round(key / TIE_TOLERANCE) for key in keys)  # 1 mm apart counts as a tie
    order = np.lexsort(tuple(reversed(keys)))[:k]
    out = []
    for j in order:
        i = int(idx[j])
        runway = int(table.runway_m[i])
        population = int(table.population[i])
        out.append(
            Suggestion(
                table.name[i],
                table.iata[i] or None,
                table.icao[i] or None,
                str(table.country[i]) or None,
                float(table.lat[i]),
                float(table.lon[i]),
                float(scores.max_km[j]),
                float(scores.sum_km[j]),
                runway if runway >= 0 else None,
                "airport" if f.source == "airports" else "city",
                str(table.type[i]),
                table.city[i],
                float(to_point[j]),
                population if population >= 0 else None,
            )
        )
    return tuple(out)


def party_countries(countries: Sequence[str | None]) -> tuple[str, ...]:
    """Distinct known countries of the parties, in order, then the other territories of their
    sovereign states (Beijing: ``CN``, then ``HK`` and ``MO``), as :mod:`geo.facts.summit` judges
    neutrality."""
    from geo.facts.countries import same_state_codes

    return same_state_codes(countries)
