"""Journeys: multi-leg routes and refuelling stops within an aircraft's range.

* :func:`plan_route` – the legs of a route ``A-B-C…``: each leg's WGS84 geodesic, estimated
  flight time (:func:`geo.core.flight.flight_hours`), the countries under it and, with an
  aircraft, whether it is within range; the total and the detour against the direct geodesic
  from the first place to the last.
* :func:`refuelling_stops` – when a leg is beyond an aircraft's range, the real airports of
  ``data/airports.csv`` (OurAirports) that make every leg fit, with the **fewest stops** that
  suffice (each stop costs an hour or more on the ground), ranked by total distance. Filters as
  for venue suggestions (:mod:`geo.analysis.suggest`): airport types (large and medium), the
  longest runway (default 2,500 m) and excluded countries (``neutral``: not in a party's
  state; ``avoid``: not in an avoided country).
* :func:`one_stop` – the best single stop for many legs at once (the compare table's
  "1 stop (e.g. Anchorage)").

The search is an A* over the airports with lexicographic cost (stops, then kilometres) and
admissible, consistent heuristics: at least ``ceil(d/R) − 1`` more stops and at least ``d``
more kilometres from an airport ``d`` km from the destination (triangle inequality of
geodesic distance). Distances from an airport to every other one are computed only when the
airport is expanded (about 3 ms for 2,000 airports), so a search touches the airports near
the route. It is exact: the tests compare it with a brute force over every airport (one
stop) and over every pair of airports (two stops). Options are distinct by city (the best
airport of each city is kept), so five options are five places, not five runways of one.

Published ranges are for still air and a typical payload (:mod:`geo.facts.aircraft`); a leg
within a few hundred kilometres of the range is marginal, which :attr:`StopOption.margin_km`
shows.

Examples
--------
>>> from geo.core.geodesy import LatLon
>>> plan = refuelling_stops(LatLon(39.0392, 125.7625), LatLon(38.9072, -77.0369), 10_000, k=1)
>>> plan.needed, plan.fewest_stops, plan.options[0].stops[0].city
(True, 1, 'Churchill')
"""

from __future__ import annotations

import heapq
import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from geo.analysis.airspace import Detour, detour
from geo.core.flight import flight_hours
from geo.core.geodesy import LatLon, distance_km
from geo.errors import DegenerateGeodesicError, InvalidInputError

if TYPE_CHECKING:
    from geo.analysis.check import PlaceRef
    from geo.core.geodesy import Located
    from geo.facts.aircraft import Aircraft
    from geo.facts.summit import SummitFacts

__all__ = [
    "DEFAULT_MAX_STOPS",
    "MAX_EXPANSIONS",
    "MAX_STOPS",
    "Journey",
    "Leg",
    "Route",
    "Stop",
    "StopOption",
    "StopPlan",
    "add_stop_examples",
    "one_stop",
    "plan_route",
    "refuelling_stops",
]

DEFAULT_MAX_STOPS = 2
MAX_STOPS = 4  # more stops than this is not a state visit any more; it also bounds the search
MAX_EXPANSIONS = 3000  # airports expanded before the search gives up (about 10 s), reported
MAX_OPTIONS = 20
MIN_RANGE_KM = 500.0  # shorter ranges are not long-haul aircraft; the search would explode
MAX_ROUTE_PLACES = 20
MAX_STOP_SEARCHES = 200  # legs beyond range searched for a single stop per call (~5 ms each)

FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Stop:
    """A real airport where an aircraft can refuel."""

    name: str
    iata: str | None
    icao: str | None
    city: str
    country: str | None
    lat: float
    lon: float
    runway_m: int | None

    @property
    def code(self) -> str:
        """IATA code, else ICAO, else the name."""
        return self.iata or self.icao or self.name

    @property
    def label(self) -> str:
        """``Anchorage (ANC)``: the city and the code."""
        return f"{self.city or self.name} ({self.code})" if (self.iata or self.icao) else self.name


@dataclass(frozen=True)
class StopOption:
    """One way to fly a leg beyond range: its stops and the legs between them.

    Attributes
    ----------
    stops : tuple of Stop
    legs_km : tuple of float
        Geodesic of each leg, km (one more than the stops).
    total_km, direct_km : float
        Sum of the legs; the leg's direct geodesic.
    detour_pct : float
        How much longer than the direct geodesic, percent.
    margin_km : float
        Range left on the longest leg, km (small = marginal).
    hours : float
        Flight time of all legs, each with its take-off and landing.
    """

    stops: tuple[Stop, ...]
    legs_km: tuple[float, ...]
    total_km: float
    direct_km: float
    detour_pct: float
    margin_km: float
    hours: float

    @classmethod
    def of(
        cls, stops: tuple[Stop, ...], legs_km: tuple[float, ...], direct_km: float, range_km: float
    ) -> StopOption:
        total = float(sum(legs_km))
        return cls(
            stops,
            legs_km,
            total,
            direct_km,
            100.0 * (total / direct_km - 1.0) if direct_km > 0 else 0.0,
            range_km - max(legs_km),
            float(flight_hours(np.array(legs_km)).sum()),
        )


@dataclass(frozen=True)
class StopPlan:
    """The refuelling stops of one leg.

    Attributes
    ----------
    direct_km : float
        The leg's geodesic, km.
    range_km : float
    needed : bool
        ``False`` when the leg is within range (no stops, no options).
    fewest_stops : int or None
        The fewest stops that suffice; ``None`` when none was found within ``max_stops``.
    options : tuple of StopOption
        Best first (total km), all with ``fewest_stops`` stops.
    max_stops : int
    complete : bool
        ``False`` when the search stopped after :data:`MAX_EXPANSIONS` airports: then the options
        found are real but may not be the best, and "none found" is not proof that none exists.
    airports : int
        How many airports passed the filters.
    """

    direct_km: float
    range_km: float
    needed: bool
    fewest_stops: int | None
    options: tuple[StopOption, ...]
    max_stops: int
    complete: bool = True
    airports: int = 0


@dataclass(frozen=True)
class Leg:
    """One leg of a route.

    ``nonstop`` judges the path flown: the detour when airspace is avoided. ``detour`` is that
    path (:class:`geo.analysis.airspace.Detour`); ``stop_detours`` the legs of the best
    refuelling-stop option flown around the avoided airspace too.
    """

    start: str
    end: str
    start_point: LatLon
    end_point: LatLon
    distance_km: float
    hours: float
    overflies: tuple[str, ...] | None
    nonstop: bool | None = None
    stops: StopPlan | None = None
    detour: Detour | None = None
    stop_detours: tuple[Detour, ...] = ()


@dataclass(frozen=True)
class Route:
    """A multi-leg route.

    Attributes
    ----------
    legs : tuple of Leg
    total_km, hours : float
        Sum over the legs (geodesic km; flight hours, each leg with its take-off and landing).
    direct_km : float
        Geodesic from the first place to the last.
    detour_pct : float or None
        Percent longer than ``direct_km``; ``None`` when the route returns to its start.
    aircraft : str or None
    range_km : float or None
    avoid : tuple of str
        Countries whose airspace the legs avoid (:mod:`geo.analysis.airspace`).
    avoiding_km : float or None
        Total of the legs flown around them; ``None`` without ``avoid`` or when a leg has no path.
    """

    legs: tuple[Leg, ...]
    total_km: float
    hours: float
    direct_km: float
    detour_pct: float | None
    aircraft: str | None = None
    range_km: float | None = None
    avoid: tuple[str, ...] = ()
    avoiding_km: float | None = None


@dataclass(frozen=True)
class Journey:
    """A route through places, with an aircraft's range check and refuelling stops.

    ``stop_filters`` records what the stops had to satisfy: ``neutral`` (not in a party's state:
    the states in ``excluded_countries``), the runway, the stop limit, avoided countries.
    """

    places: tuple[PlaceRef, ...]
    route: Route
    aircraft: Aircraft | None
    max_stops: int
    min_runway_m: int
    neutral: bool
    excluded_countries: tuple[str, ...]
    buffer_km: float = 0.0


@dataclass(frozen=True, eq=False)
class _Airports:
    lat: FloatArray
    lon: FloatArray
    index: npt.NDArray[np.int64]  # rows of geo.places.tables.airport_table()


def _candidates(min_runway_m: int, airport_types: Sequence[str], excluded: Sequence[str]) -> _Airports:
    from geo.places.tables import AIRPORT_TYPES, airport_table

    if min_runway_m < 0:
        raise InvalidInputError(f"the minimum runway must be ≥ 0 m, not {min_runway_m}")
    unknown = [t for t in airport_types if t not in AIRPORT_TYPES]
    if unknown or not airport_types:
        raise InvalidInputError(
            f"unknown airport type {unknown[0] if unknown else '(none)'!r}; "
            f"choose from {', '.join(AIRPORT_TYPES)}"
        )
    t = airport_table()
    keep = np.isin(t.type, np.array(list(airport_types), dtype=np.str_))
    if min_runway_m > 0:
        keep &= t.runway_m >= min_runway_m
    if excluded:
        keep &= ~np.isin(t.country, np.array(list(excluded), dtype=np.str_))
    idx = np.flatnonzero(keep).astype(np.int64)
    return _Airports(t.lat[idx], t.lon[idx], idx)


def _stop(row: int) -> Stop:
    from geo.places.tables import airport_table

    t = airport_table()
    runway = int(t.runway_m[row])
    return Stop(
        t.name[row],
        t.iata[row] or None,
        t.icao[row] or None,
        t.city[row],
        str(t.country[row]) or None,
        float(t.lat[row]),
        float(t.lon[row]),
        runway if runway >= 0 else None,
    )


def _validate(range_km: float, max_stops: int, k: int) -> None:
    if not (math.isfinite(range_km) and range_km >= MIN_RANGE_KM):
        raise InvalidInputError(
            f"the aircraft range must be at least {MIN_RANGE_KM:,.0f} km, not {range_km:g}"
        )
    if not 1 <= max_stops <= MAX_STOPS:
        raise InvalidInputError(f"the number of stops must be between 1 and {MAX_STOPS}, not {max_stops}")
    if not 1 <= k <= MAX_OPTIONS:
        raise InvalidInputError(f"the number of options must be between 1 and {MAX_OPTIONS}, not {k}")


class _Search:
    """Lexicographic A* from ``a`` to ``b`` over the candidate airports (nodes 0…n−1; ``b`` is n)."""

    def __init__(self, a: LatLon, b: LatLon, airports: _Airports, range_km: float, max_stops: int) -> None:
        self.a, self.b, self.air, self.r, self.max_stops = a, b, airports, range_km, max_stops
        self.n = airports.lat.size
        self.to_b = np.asarray(distance_km(airports.lat, airports.lon, b.lat, b.lon), dtype=np.float64)
        # at least this many more stops from each airport: ceil(d/R) more legs
        self.more_stops = np.maximum(np.ceil(self.to_b / range_km - 1e-12) - 1, 0).astype(np.int64)
        self.expanded = 0
        self._rows: dict[int, FloatArray] = {}

    def _from(self, node: int) -> FloatArray:
        """Distances (km) from ``node`` (−1 is the origin) to every airport, then to ``b``."""
        if node not in self._rows:
            p = self.a if node < 0 else LatLon(float(self.air.lat[node]), float(self.air.lon[node]))
            to_b = distance_km(p.lat, p.lon, self.b.lat, self.b.lon) if node < 0 else self.to_b[node]
            self._rows[node] = np.append(
                np.asarray(distance_km(p.lat, p.lon, self.air.lat, self.air.lon)), to_b
            )
        return self._rows[node]

    def run(self, k: int) -> tuple[list[tuple[float, tuple[int, ...], tuple[float, ...]]], bool]:
        """Up to ``k`` best paths (total km, airport nodes, leg km) with the fewest stops."""
        heap: list[tuple[int, float, float, tuple[int, ...], tuple[float, ...]]] = [(0, 0.0, 0.0, (), ())]
        pops: dict[tuple[int, int], int] = {}
        found: list[tuple[float, tuple[int, ...], tuple[float, ...]]] = []
        fewest: int | None = None
        while heap:
            f_stops, _f_km, g_km, path, legs = heapq.heappop(heap)
            if fewest is not None and f_stops > fewest:
                break
            node = path[-1] if path else -1
            if node == self.n:
                fewest = len(path) - 1
                found.append((g_km, path[:-1], legs))
                if len(found) >= k:
                    break
                continue
            key = (node, len(path))
            if pops.get(key, 0) >= k:
                continue
            pops[key] = pops.get(key, 0) + 1
            if self.expanded >= MAX_EXPANSIONS:
                return found, False
            self.expanded += 1
            self._expand(heap, g_km, path, legs)
        return found, True

    def _expand(
        self,
        heap: list[tuple[int, float, float, tuple[int, ...], tuple[float, ...]]],
        g_km: float,
        path: tuple[int, ...],
        legs: tuple[float, ...],
    ) -> None:
        d = self._from(path[-1] if path else -1)
        stops = len(path)
        if d[self.n] <= self.r:  # the destination is within range
            heapq.heappush(
                heap, (stops, g_km + d[self.n], g_km + d[self.n], (*path, self.n), (*legs, d[self.n]))
            )
        if stops >= self.max_stops:
            return
        reach = d[: self.n] <= self.r
        reach &= stops + 1 + self.more_stops <= self.max_stops
        if path:
            reach[list(path)] = False
        for v in np.flatnonzero(reach):
            g = g_km + float(d[v])
            heapq.heappush(
                heap,
                (
                    stops + 1 + int(self.more_stops[v]),
                    g + float(self.to_b[v]),
                    g,
                    (*path, int(v)),
                    (*legs, float(d[v])),
                ),
            )


def refuelling_stops(
    a: LatLon,
    b: LatLon,
    range_km: float,
    *,
    max_stops: int = DEFAULT_MAX_STOPS,
    k: int = 5,
    min_runway_m: int = 2500,
    airport_types: Sequence[str] = ("large_airport", "medium_airport"),
    excluded_countries: Sequence[str] = (),
) -> StopPlan:
    """The fewest refuelling stops that bring every leg from ``a`` to ``b`` within ``range_km``.

    Parameters
    ----------
    a, b : LatLon
        Departure and destination.
    range_km : float
        The aircraft's range, km (≥ 500).
    max_stops : int
        1 to :data:`MAX_STOPS`.
    k : int
        Options to return (1 to 20), distinct by city.
    min_runway_m, airport_types
        Airport filters (as for venue suggestions).
    excluded_countries : sequence of str
        ISO codes where no stop may be (the parties' states for a neutral stop, avoided countries).

    Returns
    -------
    StopPlan
        ``needed`` is ``False`` when the direct leg is within range.

    Raises
    ------
    InvalidInputError
        A range, stop count, option count, runway or airport type out of bounds.
    """
    _validate(range_km, max_stops, k)
    direct = float(distance_km(a.lat, a.lon, b.lat, b.lon))
    airports = _candidates(min_runway_m, airport_types, excluded_countries)
    if direct <= range_km:
        return StopPlan(direct, range_km, False, 0, (), max_stops, True, int(airports.lat.size))
    search = _Search(a, b, airports, range_km, max_stops)
    options: list[StopOption] = []
    cities: set[tuple[str, ...]] = set()
    found, complete = search.run(3 * k)  # spare paths: several may share their cities
    for _total, nodes, legs in found:
        stops = tuple(_stop(int(airports.index[v])) for v in nodes)
        key = tuple(f"{s.city or s.name}|{s.country}" for s in stops)
        if key in cities:
            continue
        cities.add(key)
        options.append(StopOption.of(stops, legs, direct, range_km))
        if len(options) == k:
            break
    fewest = len(options[0].stops) if options else None
    return StopPlan(
        direct, range_km, True, fewest, tuple(options), max_stops, complete, int(airports.lat.size)
    )


def one_stop(
    a_lat: npt.ArrayLike,
    a_lon: npt.ArrayLike,
    b_lat: npt.ArrayLike,
    b_lon: npt.ArrayLike,
    range_km: float,
    *,
    min_runway_m: int = 2500,
    excluded_countries: Sequence[str] = (),
) -> list[Stop | None]:
    """For each leg (a[i] → b[i]), the single stop with the shortest total that brings both
    halves within ``range_km``; ``None`` when no single stop does. Exact: every airport is tried.

    Examples
    --------
    >>> [s and s.city for s in one_stop([39.0392], [125.7625], [38.9072], [-77.0369], 10_000)]
    ['Churchill']
    """
    _validate(range_km, 1, 1)
    air = _candidates(min_runway_m, ("large_airport", "medium_airport"), excluded_countries)
    out: list[Stop | None] = []
    reach: dict[tuple[float, float], tuple[FloatArray, npt.NDArray[np.intp]]] = {}  # per departure
    legs = (np.atleast_1d(np.asarray(x, dtype=np.float64)) for x in (a_lat, a_lon, b_lat, b_lon))
    for la, lo, lb, lob in zip(*legs, strict=True):
        if (la, lo) not in reach:
            first = np.asarray(distance_km(la, lo, air.lat, air.lon))
            near = np.flatnonzero(first <= range_km)
            reach[(la, lo)] = (first[near], near)
        first_near, near = reach[(la, lo)]
        second = np.asarray(distance_km(air.lat[near], air.lon[near], lb, lob))
        ok = second <= range_km
        if not ok.any():
            out.append(None)
            continue
        total = np.where(ok, first_near + second, np.inf)
        out.append(_stop(int(air.index[near[int(np.argmin(total))]])))
    return out


def plan_route(
    places: Sequence[tuple[str, LatLon]],
    *,
    range_km: float | None = None,
    aircraft: str | None = None,
    overflights: bool = True,
    avoid: Sequence[str] = (),
    buffer_km: float = 0.0,
    **stop_options: object,
) -> Route:
    """The legs of a route through ``places`` (name, point), in order.

    With ``range_km`` each leg says whether it is within range and, when it is not, carries its
    refuelling stops (:func:`refuelling_stops`, given ``stop_options``). With ``avoid`` every leg
    is also flown around those countries' airspace (:func:`geo.analysis.airspace.detour`), its
    range judged on that path, no stop lies in them, and the best stop option's legs are flown
    around them too. Stops are searched on direct geodesics: a leg that is beyond range only
    because of its detour gets none (plan it as a route through a stop of your choice).

    Raises
    ------
    InvalidInputError
        Fewer than 2 or more than 20 places, or two consecutive places at the same point.

    Examples
    --------
    >>> r = plan_route([("JFK", LatLon(40.6398, -73.7789)), ("LHR", LatLon(51.4706, -0.4619)),
    ...                 ("SIN", LatLon(1.3502, 103.9944))])
    >>> [round(leg.distance_km) for leg in r.legs], round(r.detour_pct, 1), r.legs[0].overflies
    ([5555, 10888], 7.1, ('US', 'CA', 'IE', 'GB'))
    """
    from geo.facts.countries import overflown

    if not 2 <= len(places) <= MAX_ROUTE_PLACES:
        raise InvalidInputError(f"a route needs 2 to {MAX_ROUTE_PLACES} places, not {len(places)}")
    from geo.analysis.airspace import validate_codes

    codes = validate_codes(avoid)
    if codes:
        excluded: tuple[str, ...] = tuple(stop_options.pop("excluded_countries", ()))  # type: ignore[arg-type]
        stop_options["excluded_countries"] = excluded + tuple(c for c in codes if c not in excluded)
    legs = []
    for (n1, p1), (n2, p2) in itertools.pairwise(places):
        d = float(distance_km(p1.lat, p1.lon, p2.lat, p2.lon))
        if d < 0.001:
            raise InvalidInputError(f"the leg {n1} → {n2} has no length: give two different places")
        try:
            over = overflown(p1, p2) if overflights else None
        except DegenerateGeodesicError:
            over = None
        around = detour(n1, p1, n2, p2, codes, buffer_km=buffer_km, range_km=range_km) if codes else None
        nonstop = None if range_km is None else d <= range_km if around is None else around.nonstop
        stops, stop_detours = None, tuple[Detour, ...]()
        if range_km is not None and d > range_km and (around is None or not around.no_path):
            stops = refuelling_stops(p1, p2, range_km, **stop_options)  # type: ignore[arg-type]
            if codes and stops.options:
                via = [(n1, p1), *((s.label, LatLon(s.lat, s.lon)) for s in stops.options[0].stops), (n2, p2)]
                stop_detours = tuple(
                    detour(a, pa, b, pb, codes, buffer_km=buffer_km, range_km=range_km)
                    for (a, pa), (b, pb) in itertools.pairwise(via)
                )
        legs.append(
            Leg(n1, n2, p1, p2, d, float(flight_hours(d)), over, nonstop, stops, around, stop_detours)
        )
    first, last = places[0][1], places[-1][1]
    direct = float(distance_km(first.lat, first.lon, last.lat, last.lon))
    total = sum(leg.distance_km for leg in legs)
    detour_pct = 100.0 * (total / direct - 1.0) if direct > 0.001 else None
    lengths = [leg.detour.length_km for leg in legs if leg.detour is not None]
    avoiding = sum(x for x in lengths if x is not None) if codes and None not in lengths else None
    hours = sum(leg.hours for leg in legs)
    return Route(tuple(legs), total, hours, direct, detour_pct, aircraft, range_km, codes, avoiding)


def add_stop_examples(
    facts: Sequence[SummitFacts],
    venues: Sequence[Located],
    parties: Sequence[Located],
    *,
    limit: int = MAX_STOP_SEARCHES,
) -> list[SummitFacts]:
    """The facts with :attr:`~geo.facts.summit.PartyFacts.one_stop` filled in for every leg
    beyond its aircraft's range: the best single stop (:func:`one_stop`), or ``""`` when none
    suffices. Only the first ``limit`` such legs are searched (best venues first); the rest keep
    ``None`` and say only "NO".

    Examples
    --------
    >>> from geo.facts.summit import summit_facts
    >>> from geo.places.resolve import resolve
    >>> v, ps = resolve("Washington"), [resolve("Pyongyang"), resolve("Singapore")]
    >>> f = add_stop_examples([summit_facts(v, ps, aircraft="il-62m")], [v], ps)[0]
    >>> [(p.nonstop, p.one_stop) for p in f.parties]
    [(False, 'Churchill (YYQ)'), (False, 'Irkutsk (IKT)')]
    """
    import dataclasses

    out = []
    left = limit
    for summit, venue in zip(facts, venues, strict=True):
        parties_facts = list(summit.parties)
        for i, (p, party) in enumerate(zip(summit.parties, parties, strict=True)):
            if p.nonstop is not False or p.aircraft_range_km is None or left <= 0:
                continue
            left -= 1
            stop = one_stop([party.lat], [party.lon], [venue.lat], [venue.lon], p.aircraft_range_km)[0]
            parties_facts[i] = dataclasses.replace(p, one_stop="" if stop is None else stop.label)
        out.append(dataclasses.replace(summit, parties=tuple(parties_facts)))
    return out
