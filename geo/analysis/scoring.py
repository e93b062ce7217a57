"""Score candidate venues for 2 to 20 parties, vectorized over the venues.

For parties P1..Pn with optional weights and m candidate venues, :func:`score_venues` computes
in one vectorized pass (a venues × parties matrix of WGS84 geodesics, see
:func:`geo.core.geodesy.distance_km`):

* each party's distance, km, and estimated flight time, hours (:func:`flight_hours`);
* ``max_km`` and ``min_km`` – the longest and shortest trip;
* ``sum_km`` – the weighted total ``Σ wᵢ·dᵢ`` (with weights = delegation sizes, person-km);
* ``spread_km = max − min`` and ``fairness = min / max`` (1 = everyone travels as far);
* for two parties, the halfway check's ``detour_pct`` (``100·((d₁+d₂)/d₁₂ − 1)``) and ``split``
  (``d₁/(d₁+d₂), d₂/(d₁+d₂)``).

Weights are how many travellers each party sends (default 1 each). They scale the total
only: a trip is as long for one traveller as for ten. A party with weight 0 sends nobody:
its distances are still reported but it takes no part in max, min, spread, fairness or the
total. At least one weight must be positive.

Rankings (:data:`RANKINGS`), ties broken in the order given, then by input order:

* ``minimax`` – smallest ``max_km``, then smallest ``sum_km``;
* ``minsum`` – smallest ``sum_km``, then smallest ``max_km``;
* ``fair`` – smallest ``spread_km``, then smallest ``sum_km``;
* ``detour`` – smallest ``detour_pct``, then smallest ``spread_km`` (two parties only).

Scores within 1 mm (detour: 1e-6 percentage points) count as equal, so that round-off never
decides a ranking; equal keys share a rank (1, 2, 2, 4).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import operator
import os
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, overload

import numpy as np
import numpy.typing as npt

from geo.analysis.check import PlaceRef
from geo.analysis.limits import MAX_PARTIES, MIN_PARTIES, check_party_count
from geo.core.flight import (  # the model lives in geo.core.flight
    BLOCK_SPEED_KMH,
    FLIGHT_OVERHEAD_HOURS,
    flight_hours,
)
from geo.core.geodesy import COINCIDENT_TOLERANCE_KM, LatLon, distance_km, is_nearly_antipodal
from geo.errors import InvalidInputError
from geo.places.gazetteer import Place
from geo.places.venues import RejectedRow, VenueTable

if TYPE_CHECKING:
    from geo.analysis.airspace import Detour
    from geo.facts.aircraft import Aircraft
    from geo.facts.summit import SummitFacts

__all__ = [
    "BLOCK_SPEED_KMH",
    "FLIGHT_OVERHEAD_HOURS",
    "MAX_PARTIES",
    "MIN_PARTIES",
    "RANKINGS",
    "CompareResult",
    "RejectedRow",
    "Scores",
    "VenueScore",
    "check_party_count",
    "compare",
    "distance_matrix_km",
    "flight_hours",
    "rank_order",
    "score_venues",
    "validate_weights",
    "with_facts",
]

RANKINGS = ("minimax", "minsum", "fair", "detour")

TIE_TOLERANCE = 1e-6  # scores closer than this (km, or percentage points for detour) tie
_THREAD_MIN_PAIRS = 40_000  # below this, one thread is faster than starting a pool
_CHUNK_ROWS = 8_192  # venues per block, so temporaries stay small for 100,000-row files

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]


MAX_WEIGHT = 1e9  # travellers per party; far above any delegation, far below float overflow in sums


def validate_weights(weights: Sequence[float] | npt.ArrayLike | None, n_parties: int) -> FloatArray:
    """Weights as a float array of length ``n_parties`` (default all 1).

    Raises
    ------
    InvalidInputError
        Wrong count, a weight negative, not finite or above :data:`MAX_WEIGHT`, or every weight zero.

    Examples
    --------
    >>> validate_weights(None, 3).tolist()
    [1.0, 1.0, 1.0]
    >>> validate_weights([2, 0], 2).tolist()
    [2.0, 0.0]
    """
    if weights is None:
        return np.ones(n_parties, dtype=np.float64)
    try:
        w = np.asarray(weights, dtype=np.float64).reshape(-1)
    except (TypeError, ValueError):
        raise InvalidInputError(f"weights must be numbers, not {weights!r}") from None
    if w.size != n_parties:
        raise InvalidInputError(f"got {w.size} weights for {n_parties} parties; give one weight per party")
    if not np.isfinite(w).all() or (w < 0).any():
        bad = next(float(x) for x in w if not (math.isfinite(x) and x >= 0))
        raise InvalidInputError(f"weight {bad:g} is not allowed; weights must be finite numbers ≥ 0")
    if (w > MAX_WEIGHT).any():
        raise InvalidInputError(
            f"weight {float(w.max()):g} is too large; weights count travellers (at most {MAX_WEIGHT:,.0f})"
        )
    if not (w > 0).any():
        raise InvalidInputError("every weight is zero; at least one party must have a positive weight")
    return w


def _workers() -> int:
    return max(1, min(4, os.cpu_count() or 1))


def distance_matrix_km(
    venue_lats: npt.ArrayLike, venue_lons: npt.ArrayLike, party_lats: npt.ArrayLike, party_lons: npt.ArrayLike
) -> FloatArray:
    """The venues × parties matrix of WGS84 geodesic distances, km.

    One vectorized call to :func:`geo.core.geodesy.distance_km` per block of 8,192 venues; PROJ
    releases the GIL, so large matrices are split over the machine's cores (at most 4 threads).

    Examples
    --------
    >>> distance_matrix_km([0.0, 0.0], [0.0, 1.0], [0.0], [2.0]).round(3).tolist()
    [[222.639], [111.319]]
    """
    vl = np.asarray(venue_lats, dtype=np.float64).reshape(-1, 1)
    vo = np.asarray(venue_lons, dtype=np.float64).reshape(-1, 1)
    pl = np.asarray(party_lats, dtype=np.float64).reshape(1, -1)
    po = np.asarray(party_lons, dtype=np.float64).reshape(1, -1)
    if vl.shape != vo.shape or pl.shape != po.shape:
        raise InvalidInputError("latitudes and longitudes must have the same length")
    m, n = vl.shape[0], pl.shape[1]
    out = np.empty((m, n), dtype=np.float64)
    if m == 0 or n == 0:
        return out
    workers = _workers() if m * n >= _THREAD_MIN_PAIRS else 1
    block = min(_CHUNK_ROWS, max(1, math.ceil(m / workers)))
    starts = range(0, m, block)

    def fill(start: int) -> None:
        stop = min(start + block, m)
        out[start:stop] = distance_km(vl[start:stop], vo[start:stop], pl, po)

    if workers == 1 or len(starts) == 1:
        for start in starts:
            fill(start)
    else:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            list(pool.map(fill, starts))
    return out


@dataclass(frozen=True, eq=False)
class Scores:
    """Every score of every venue, as arrays (``m`` venues, ``n`` parties).

    ``distances_km`` and ``flight_hours`` are (m, n); the others (m,). ``detour_pct`` and
    ``split`` (m, 2) are ``None`` unless there are exactly two parties; their entries are NaN
    where undefined (parties in one place or nearly antipodal; venue at both parties).
    """

    distances_km: FloatArray
    flight_hours: FloatArray
    max_km: FloatArray
    min_km: FloatArray
    sum_km: FloatArray
    spread_km: FloatArray
    fairness: FloatArray
    detour_pct: FloatArray | None
    split: FloatArray | None
    weights: FloatArray


def score_venues(
    party_lats: npt.ArrayLike,
    party_lons: npt.ArrayLike,
    venue_lats: npt.ArrayLike,
    venue_lons: npt.ArrayLike,
    weights: Sequence[float] | npt.ArrayLike | None = None,
) -> Scores:
    """Score ``m`` venues for ``n`` parties in one vectorized pass (see the module docstring).

    Parameters
    ----------
    party_lats, party_lons : array_like, shape (n,)
        Degrees, 2 ≤ n ≤ 20.
    venue_lats, venue_lons : array_like, shape (m,)
        Degrees.
    weights : array_like, shape (n,), optional
        Travellers per party, ≥ 0, at least one positive; default 1 each.

    Returns
    -------
    Scores

    Examples
    --------
    >>> s = score_venues([0, 0], [0, 2], [0, 0], [1, 0])
    >>> s.max_km.round(3).tolist(), s.spread_km.round(3).tolist(), s.detour_pct.round(3).tolist()
    ([111.319, 222.639], [0.0, 222.639], [0.0, 0.0])
    >>> s.split.round(2).tolist()
    [[0.5, 0.5], [0.0, 1.0]]
    """
    plat = np.asarray(party_lats, dtype=np.float64).reshape(-1)
    plon = np.asarray(party_lons, dtype=np.float64).reshape(-1)
    if plat.shape != plon.shape:
        raise InvalidInputError("party latitudes and longitudes must have the same length")
    check_party_count(plat.size)
    w = validate_weights(weights, plat.size)
    d = distance_matrix_km(venue_lats, venue_lons, plat, plon)
    hours = flight_hours(d)
    active = w > 0
    da = d[:, active]
    max_km = da.max(axis=1) if d.shape[0] else np.zeros(0)
    min_km = da.min(axis=1) if d.shape[0] else np.zeros(0)
    sum_km = d @ w
    spread = max_km - min_km
    with np.errstate(invalid="ignore", divide="ignore"):
        fairness = np.where(max_km > 0, min_km / np.where(max_km > 0, max_km, 1.0), 1.0)
    detour: FloatArray | None = None
    split: FloatArray | None = None
    if plat.size == 2:
        a, b = LatLon(float(plat[0]), float(plon[0])), LatLon(float(plat[1]), float(plon[1]))
        direct = distance_km(a.lat, a.lon, b.lat, b.lon)
        total = d[:, 0] + d[:, 1]
        if direct < COINCIDENT_TOLERANCE_KM or is_nearly_antipodal(a, b):
            detour = np.full(d.shape[0], np.nan)
        else:
            detour = 100.0 * (total / direct - 1.0)
        with np.errstate(invalid="ignore", divide="ignore"):
            safe = np.where(total > 0, total, np.nan)
            split = np.stack([d[:, 0] / safe, d[:, 1] / safe], axis=1)
    return Scores(d, hours, max_km, min_km, sum_km, spread, fairness, detour, split, w)


def _competition_ranks(keys: tuple[FloatArray, ...], order: IntArray) -> IntArray:
    ranks = np.empty(order.size, dtype=np.int64)
    if order.size == 0:
        return ranks
    sorted_keys = np.stack([k[order] for k in keys], axis=1)
    new_group = np.ones(order.size, dtype=bool)
    new_group[1:] = (sorted_keys[1:] != sorted_keys[:-1]).any(axis=1)
    positions = np.arange(1, order.size + 1)
    ranks[order] = np.maximum.accumulate(np.where(new_group, positions, 0))
    return ranks


def rank_order(scores: Scores, rank_by: str) -> tuple[IntArray, IntArray]:
    """Order of the venues (best first) and each venue's rank, for a ranking of :data:`RANKINGS`.

    Raises
    ------
    InvalidInputError
        Unknown ranking, or ``detour`` without exactly two parties or with the detour undefined.

    Examples
    --------
    >>> s = score_venues([0, 0], [0, 2], [0, 0, 0], [2, 1, 1])
    >>> order, ranks = rank_order(s, "minimax")
    >>> order.tolist(), ranks.tolist()
    ([1, 2, 0], [3, 1, 1])
    """
    if rank_by not in RANKINGS:
        raise InvalidInputError(f"unknown ranking {rank_by!r}; choose one of {', '.join(RANKINGS)}")
    keys: tuple[FloatArray, ...]
    if rank_by == "minimax":
        keys = (scores.max_km, scores.sum_km)
    elif rank_by == "minsum":
        keys = (scores.sum_km, scores.max_km)
    elif rank_by == "fair":
        keys = (scores.spread_km, scores.sum_km)
    else:
        if scores.detour_pct is None:
            n = scores.distances_km.shape[1]
            raise InvalidInputError(
                f"ranking by detour needs exactly two parties, not {n}; try minimax or fair"
            )
        if scores.detour_pct.size and np.isnan(scores.detour_pct).all():
            raise InvalidInputError(
                "the detour is undefined: the two parties are in one place or nearly antipodal; "
                "rank by minimax or fair instead"
            )
        keys = (scores.detour_pct, scores.spread_km)
    # values equal to 1 mm (detour: 1e-6 points) are ties: round-off must not decide a ranking
    keys = tuple(np.round(k / TIE_TOLERANCE) for k in keys)
    order = np.lexsort(tuple(reversed(keys))).astype(np.int64)  # lexsort is stable: ties keep input order
    return order, _competition_ranks(keys, order)


@dataclass(frozen=True, slots=True)
class VenueScore:
    """One candidate venue and its scores. Distances in km (WGS84 geodesics), times in hours.

    Attributes
    ----------
    name : str
    lat, lon : float
        Degrees.
    distances_km, flight_hours : tuple of float
        Per party, in the order of the parties.
    max_km, min_km, sum_km, spread_km, fairness : float
        See the module docstring (``sum_km`` is weighted).
    detour_pct : float or None
        Two parties only; ``None`` otherwise or when undefined.
    split : (float, float) or None
        Two parties only: each party's share of the two trips.
    rank : int
        1 = best for the chosen ranking; equal scores share a rank.
    row : int or None
        Line of the venue file the venue came from.
    facts : SummitFacts or None
        The summit facts of the venue for the parties (:func:`with_facts`; ``None`` until
        then): host country, sovereign, time zone and UTC offset, neutrality, and per party
        the time zone, clock shift, flight time, overflown countries and non-stop.
    """

    name: str
    lat: float
    lon: float
    distances_km: tuple[float, ...]
    flight_hours: tuple[float, ...]
    max_km: float
    min_km: float
    sum_km: float
    spread_km: float
    fairness: float
    detour_pct: float | None
    split: tuple[float, float] | None
    rank: int
    row: int | None = None
    facts: SummitFacts | None = None
    detours: tuple[Detour, ...] = ()  # each party's leg flown around avoided airspace (compare --avoid)


_BLOCK = 4096  # venues built at a time when RankedVenues is iterated


class RankedVenues(Sequence[VenueScore]):
    """The ranked venues of a comparison, best first, each built when it is read.

    A million venues are kept as the score arrays (about 100 bytes a venue for three parties)
    rather than as a million :class:`VenueScore` objects (about 700 bytes each, and 20 s to
    build); iterating builds them 4,096 at a time. The first venues may be finished ones (with
    their summit facts or paths around airspace): the ``head``. Slices are views; the sequence
    equals any sequence of the same venues (a tuple, for instance).

    Examples
    --------
    >>> from geo.places.resolve import resolve
    >>> r = compare([resolve("Washington"), resolve("Moscow")], [resolve(v) for v in ("Geneva", "Reykjavik")])
    >>> r.venues
    RankedVenues(2 venues)
    >>> [v.name for v in r.venues], r.venues[-1].name, [v.name for v in r.venues[1:]]
    (['Reykjavík', 'Geneva'], 'Geneva', ['Geneva'])
    >>> r.venues == tuple(r.venues)
    True
    """

    __slots__ = ("_head", "_order", "_ranks", "_scores", "_table")

    def __init__(
        self,
        scores: Scores,
        table: VenueTable,
        order: IntArray,
        ranks: IntArray,
        head: tuple[VenueScore, ...] = (),
    ) -> None:
        self._scores, self._table, self._ranks = scores, table, ranks
        self._order = order  # the venues after the head: indices into the table, in ranked order
        self._head = head

    def __len__(self) -> int:
        return len(self._head) + int(self._order.size)

    @overload
    def __getitem__(self, index: int) -> VenueScore: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[VenueScore]: ...

    def __getitem__(self, index: int | slice) -> VenueScore | Sequence[VenueScore]:
        n, h = len(self), len(self._head)
        if isinstance(index, slice):
            start, stop, step = index.indices(n)
            if step != 1:
                return tuple(self[i] for i in range(start, stop, step))
            stop = max(start, stop)
            order = self._order[max(start - h, 0) : max(stop - h, 0)]
            return RankedVenues(self._scores, self._table, order, self._ranks, self._head[start:stop])
        i = operator.index(index)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("venue index out of range")
        if i < h:
            return self._head[i]
        return next(_venue_scores(self._scores, self._table, self._order[i - h : i - h + 1], self._ranks))

    def __iter__(self) -> Iterator[VenueScore]:
        yield from self._head
        for start in range(0, int(self._order.size), _BLOCK):
            block = self._order[start : start + _BLOCK]
            yield from _venue_scores(self._scores, self._table, block, self._ranks)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"RankedVenues({len(self):,} venues)"

    def with_head(self, head: Sequence[VenueScore]) -> RankedVenues:
        """The same venues with the first ``len(head)`` replaced by ``head``."""
        rest = self[len(head) :]
        assert isinstance(rest, RankedVenues)
        return RankedVenues(self._scores, self._table, rest._order, self._ranks, tuple(head) + rest._head)


def replace_head(venues: Sequence[VenueScore], head: Sequence[VenueScore]) -> Sequence[VenueScore]:
    """``venues`` with the first ``len(head)`` replaced by ``head`` (the rest is not built).

    >>> replace_head((1, 2, 3), ("a",))
    ('a', 2, 3)
    """
    if isinstance(venues, RankedVenues):
        return venues.with_head(head)
    return tuple(head) + tuple(venues[len(head) :])


@dataclass(frozen=True)
class CompareResult:
    """A ranked comparison of candidate venues (see :func:`compare`).

    Attributes
    ----------
    parties : tuple of PlaceRef
    rank_by : str
        One of :data:`RANKINGS`.
    venues : sequence of VenueScore
        Best first (the ``top`` best if a limit was given). From :func:`compare`, a
        :class:`RankedVenues` that builds each venue from the score arrays when it is read;
        use :func:`replace_head` to replace the first ones.
    rejected : tuple of RejectedRow
        Venue-file rows that could not be scored.
    weights : tuple of float
        One per party.
    venues_scored : int
        How many venues were scored (``len(venues)`` unless ``top`` cut the list).
    direct_km : float or None
        Two parties: the geodesic between them; else ``None``.
    date : str or None
        Date of the UTC offsets of the summit facts (:func:`with_facts`), ``YYYY-MM-DD``.
    """

    parties: tuple[PlaceRef, ...]
    rank_by: str
    venues: Sequence[VenueScore]
    rejected: tuple[RejectedRow, ...]
    weights: tuple[float, ...]
    venues_scored: int = 0
    direct_km: float | None = None
    date: str | None = None


def compare(
    parties: Sequence[Place | PlaceRef],
    venues: VenueTable | Sequence[Place | PlaceRef],
    *,
    rank_by: str = "minimax",
    weights: Sequence[float] | None = None,
    top: int | None = None,
) -> CompareResult:
    """Score and rank candidate venues for 2 to 20 parties.

    Parameters
    ----------
    parties : sequence of Place or PlaceRef
        2 to 20 resolved parties.
    venues : VenueTable or sequence of Place or PlaceRef
        The candidates (a table from :func:`geo.places.venues.read_venue_file` keeps its rejected rows).
    rank_by : str
        One of :data:`RANKINGS`; default ``minimax``.
    weights : sequence of float, optional
        Travellers per party (see the module docstring).
    top : int, optional
        Keep only the best ``top`` venues in the result (all are scored). ``None`` keeps all.

    Raises
    ------
    InvalidInputError
        Wrong number of parties or weights, bad weights, no venue, unknown ranking, ``detour``
        with other than two parties, or ``top`` < 1.

    Examples
    --------
    >>> from geo.places.resolve import resolve
    >>> r = compare([resolve("Washington"), resolve("Moscow")],
    ...             [resolve(v) for v in ("Anchorage", "Reykjavik", "Helsinki", "Geneva")], rank_by="fair")
    >>> [(v.rank, v.name) for v in r.venues]
    [(1, 'Reykjavík'), (2, 'Anchorage'), (3, 'Geneva'), (4, 'Helsinki')]
    """
    refs = tuple(p if isinstance(p, PlaceRef) else PlaceRef.of(p) for p in parties)
    check_party_count(len(refs))
    if rank_by not in RANKINGS:
        raise InvalidInputError(f"unknown ranking {rank_by!r}; choose one of {', '.join(RANKINGS)}")
    if top is not None and top < 1:
        raise InvalidInputError(f"top must be at least 1, not {top}")
    table = venues if isinstance(venues, VenueTable) else _table_of(venues)
    if len(table) == 0:
        n = len(table.rejected)
        detail = f" ({n} row{'' if n == 1 else 's'} rejected, first: {_first(table)})" if n else ""
        raise InvalidInputError(f"no venue to compare{detail}")
    plat = np.array([p.lat for p in refs])
    plon = np.array([p.lon for p in refs])
    scores = score_venues(plat, plon, table.lats, table.lons, weights)
    order, ranks = rank_order(scores, rank_by)
    if top is not None:
        order = order[:top]
    listed = RankedVenues(scores, table, order, ranks)
    direct = distance_km(plat[0], plon[0], plat[1], plon[1]) if len(refs) == 2 else None
    return CompareResult(
        refs,
        rank_by,
        listed,
        table.rejected,
        tuple(float(x) for x in scores.weights),
        len(table),
        None if direct is None else float(direct),
    )


def _first(table: VenueTable) -> str:
    r = table.rejected[0]
    return f"row {r.row}: {r.error}"


def _table_of(venues: Sequence[Place | PlaceRef]) -> VenueTable:
    return VenueTable(
        tuple(v.name for v in venues),
        np.array([v.lat for v in venues], dtype=np.float64),
        np.array([v.lon for v in venues], dtype=np.float64),
        np.zeros(len(venues), dtype=np.int64),
    )


def _venue_scores(
    scores: Scores, table: VenueTable, indices: IntArray, ranks: IntArray
) -> Iterator[VenueScore]:
    """The :class:`VenueScore` of the venues at ``indices`` of the table, in that order (one
    ``tolist`` per array for the block: numpy scalars one at a time are ten times slower)."""
    distances = scores.distances_km[indices].tolist()
    hours = scores.flight_hours[indices].tolist()
    lats, lons = table.lats[indices].tolist(), table.lons[indices].tolist()
    max_km, min_km = scores.max_km[indices].tolist(), scores.min_km[indices].tolist()
    sum_km, spread = scores.sum_km[indices].tolist(), scores.spread_km[indices].tolist()
    fairness, rank = scores.fairness[indices].tolist(), ranks[indices].tolist()
    rows = table.rows[indices].tolist()
    n = len(rows)
    detours = [None] * n if scores.detour_pct is None else scores.detour_pct[indices].tolist()
    splits = [None] * n if scores.split is None else scores.split[indices].tolist()
    names = table.names
    for k, i in enumerate(indices.tolist()):
        detour, split = detours[k], splits[k]
        yield VenueScore(
            names[i],
            lats[k],
            lons[k],
            tuple(distances[k]),
            tuple(hours[k]),
            max_km[k],
            min_km[k],
            sum_km[k],
            spread[k],
            fairness[k],
            None if detour is None or math.isnan(detour) else detour,
            None if split is None or math.isnan(split[0]) or math.isnan(split[1]) else (split[0], split[1]),
            rank[k],
            rows[k] if rows[k] > 0 else None,
        )


def with_facts(
    result: CompareResult,
    *,
    on_date: dt.date | None = None,
    aircraft: Aircraft | str | Sequence[Aircraft | str | None] | None = None,
) -> CompareResult:
    """The comparison with the summit facts of every listed venue filled in.

    Each :class:`VenueScore` gains its ``facts`` (:class:`geo.facts.summit.SummitFacts`: host
    country, sovereign, time zone and UTC offset on ``on_date`` (default today), neutrality and,
    per party, clock shift, flight time, overflown countries, non-stop with ``aircraft``); the
    result gains ``date``. Only the first :data:`geo.facts.summit.MAX_FACT_VENUES` (1,000) listed venues
    get facts and only :data:`geo.facts.summit.MAX_OVERFLIGHT_LEGS` (400) party→venue paths their
    overflown countries (best venues first; the rest stay ``None``): use ``top`` to list fewer
    venues. With ``aircraft``, the first :data:`geo.analysis.route.MAX_STOP_SEARCHES` legs beyond
    range get their best single refuelling stop. Loads shapely and the polygons on first use.

    Examples
    --------
    >>> import datetime as dt
    >>> from geo.places.resolve import resolve
    >>> r = compare([resolve("Washington"), resolve("Moscow")], [resolve("Reykjavik"), resolve("Helsinki")])
    >>> r = with_facts(r, on_date=dt.date(1986, 10, 11))
    >>> [(v.name, v.facts.venue.country, v.facts.neutral, v.facts.parties[1].overflies) for v in r.venues]
    [('Reykjavík', 'IS', True, ('RU', 'FI', 'SE', 'NO', 'IS')), ('Helsinki', 'FI', True, ('RU', 'EE', 'FI'))]
    """
    from geo.analysis.route import add_stop_examples
    from geo.facts.summit import MAX_FACT_VENUES, facts_for_venues

    listed = result.venues[:MAX_FACT_VENUES]
    facts = facts_for_venues(listed, result.parties, on_date=on_date, aircraft=aircraft)
    if aircraft is not None:
        facts = add_stop_examples(facts, listed, result.parties)
    with_facts = tuple(dataclasses.replace(v, facts=f) for v, f in zip(listed, facts, strict=True))
    venues = replace_head(result.venues, with_facts)
    day = (on_date or dt.date.today()).isoformat()
    return dataclasses.replace(result, venues=venues, date=day)
