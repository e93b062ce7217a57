"""The halfway verdict: is a venue "halfway" between two parties, and in what sense?

"Halfway" means three different things, and a claim can be true in one sense and false
in another. :func:`check_halfway` measures all three on the WGS84 ellipsoid:

* **equal distance** – the split ``[dA/(dA+dB), dB/(dA+dB)]`` of the two trips;
* **on the way** – the detour of stopping at the venue, ``100·((dA+dB)/direct − 1)`` %;
* **at the midpoint** – the distance from the venue to the geodesic midpoint of A–B,
  and how far the venue lies off the A–B geodesic (cross-track).

The verdict combines the first two with thresholds that :class:`Thresholds` holds:
"halfway" when the detour is ≤ 5 % and the split within 2.5 points of 50/50; "roughly
halfway" when ≤ 15 % and within 10 points; otherwise "not halfway"; "undefined" when the
parties coincide or are nearly antipodal (no unique midpoint).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from geo.core.geodesy import (
    COINCIDENT_TOLERANCE_KM,
    LatLon,
    PathPeak,
    cross_track,
    detour_pct,
    distance_km,
    is_nearly_antipodal,
    midpoint,
    path_peak,
)
from geo.core.units import format_km, format_lat_lon
from geo.errors import InvalidInputError
from geo.places.gazetteer import Place

if TYPE_CHECKING:
    from geo.analysis.airspace import Detour
    from geo.facts.aircraft import Aircraft
    from geo.facts.summit import SummitFacts

HALFWAY, ROUGHLY, NOT_HALFWAY, UNDEFINED = "halfway", "roughly halfway", "not halfway", "undefined"


@dataclass(frozen=True)
class Thresholds:
    """Limits of the verdict.

    Attributes
    ----------
    halfway_detour_pct, roughly_detour_pct : float
        Largest detour, percent, for "halfway" (default 5) and "roughly halfway" (15).
    halfway_split_tolerance, roughly_split_tolerance : float
        Largest ``|split[0] − 0.5|`` for "halfway" (0.025) and "roughly halfway" (0.10).
    """

    halfway_detour_pct: float = 5.0
    halfway_split_tolerance: float = 0.025
    roughly_detour_pct: float = 15.0
    roughly_split_tolerance: float = 0.10

    def __post_init__(self) -> None:
        for name, value in self.__dict__.items():
            if not (isinstance(value, int | float) and math.isfinite(value) and value >= 0):
                raise InvalidInputError(f"threshold {name} must be a number ≥ 0, not {value!r}")
        if self.halfway_detour_pct > self.roughly_detour_pct:
            raise InvalidInputError("the 'halfway' detour limit cannot exceed the 'roughly halfway' one")
        if self.halfway_split_tolerance > self.roughly_split_tolerance:
            raise InvalidInputError("the 'halfway' split tolerance cannot exceed the 'roughly halfway' one")


@dataclass(frozen=True)
class PlaceRef:
    """A place as reported in results: name, position and how it was identified."""

    name: str
    lat: float
    lon: float
    kind: str
    country: str | None
    country_name: str | None
    query: str
    note: str

    @classmethod
    def of(cls, place: Place) -> PlaceRef:
        return cls(
            place.name,
            place.lat,
            place.lon,
            place.kind,
            place.country,
            place.country_name,
            place.query,
            place.note,
        )

    @classmethod
    def of_ref(cls, ref: PlaceRef) -> PlaceRef:
        """A plain :class:`PlaceRef` with the fields of ``ref`` (dropping a subclass's extras)."""
        return PlaceRef(*(getattr(ref, f.name) for f in dataclasses.fields(PlaceRef)))

    @property
    def point(self) -> LatLon:
        return LatLon(self.lat, self.lon)


@dataclass(frozen=True)
class Party(PlaceRef):
    """A party and its geodesic distance to the venue, km. Its summit facts (time zone, clock
    shift, flight, overflights, non-stop) are in :attr:`CheckResult.facts`."""

    distance_km: float = math.nan


@dataclass(frozen=True)
class Coordinates:
    lat: float
    lon: float


@dataclass(frozen=True)
class Criterion:
    """One reading of "halfway" and what it says about the venue."""

    name: str
    holds: str  # "yes", "roughly", "no" or "undefined"
    detail: str


@dataclass(frozen=True)
class CheckResult:
    """Everything :func:`check_halfway` found. Distances in km, WGS84 geodesics."""

    venue: PlaceRef
    parties: tuple[Party, Party]
    direct_km: float
    midpoint: Coordinates | None
    venue_to_midpoint_km: float | None
    cross_track_km: float | None
    along_track_fraction: float | None
    detour_km: float | None
    detour_pct: float | None
    split: tuple[float, float] | None
    verdict: str
    explanation: str
    criteria: tuple[Criterion, ...]
    thresholds: Thresholds
    facts: SummitFacts | None = None  # the summit facts of the venue and parties (with_facts)
    detours: tuple[Detour, ...] = ()  # each party's leg flown around avoided airspace (check --avoid)
    direct_peak: PathPeak | None = None  # the direct path's point nearest a pole (None when undefined)


EQUIDISTANT, ROUGHLY_EQUIDISTANT, NOT_EQUIDISTANT = "equidistant", "roughly equidistant", "not equidistant"
_EQUIDISTANCE_VERDICTS = {"yes": EQUIDISTANT, "roughly": ROUGHLY_EQUIDISTANT, "no": NOT_EQUIDISTANT}


@dataclass(frozen=True)
class EquidistanceResult:
    """Is a venue equally far from two or more parties? (:func:`check_equidistant`). Distances in km.

    Attributes
    ----------
    imbalance : float
        ``(max − min) / (2·(max + min))`` of the distances: 0 when all are equal; for two
        parties it is ``|split − ½|``, the quantity the halfway check's "equal distance" grades.
    holds : str
        ``yes`` / ``roughly`` / ``no``: the imbalance against the split tolerances of
        :class:`Thresholds`, as for two parties.
    verdict : str
        ``equidistant``, ``roughly equidistant`` or ``not equidistant``.
    """

    venue: PlaceRef
    parties: tuple[Party, ...]
    spread_km: float
    imbalance: float
    holds: str
    verdict: str
    explanation: str
    thresholds: Thresholds


def imbalance(distances: Sequence[float]) -> float:
    """``(max − min) / (2·(max + min))``: how far from equal the distances are (0 = all equal).

    For two distances it is ``|d₁/(d₁+d₂) − ½|``, the split's distance from 50/50.

    >>> imbalance([5424.0, 5575.0, 7514.0]) == (7514 - 5424) / (2 * (7514 + 5424))
    True
    >>> round(imbalance([4600.0, 5400.0]), 6) == round(abs(4600 / 10000 - 0.5), 6)
    True
    """
    low, high = min(distances), max(distances)
    return 0.0 if high <= 0 else (high - low) / (2.0 * (high + low))


def check_equidistant(
    venue: Place, parties: Sequence[Place], thresholds: Thresholds | None = None
) -> EquidistanceResult:
    """Measure how equally far ``venue`` is from each of 2 or more ``parties``.

    "Halfway" (equal distance *and* on the way) is defined for two parties only; for a claim
    such as "Anchorage is equidistant from New York, Tokyo and Frankfurt" the one reading
    that applies is equal distance, judged by :func:`imbalance` with the split tolerances of
    ``thresholds`` (for two parties the same answer as the "equal distance" criterion of
    :func:`check_halfway`).

    Examples
    --------
    >>> from geo.places.resolve import resolve
    >>> r = check_equidistant(resolve("Anchorage"), [resolve(p) for p in ("New York", "Tokyo", "Frankfurt")])
    >>> r.verdict, [round(p.distance_km) for p in r.parties], round(r.spread_km)
    ('roughly equidistant', [5424, 5575, 7514], 2090)
    """
    if len(parties) < 2:
        raise InvalidInputError(f"equal distance needs at least two parties, not {len(parties)}")
    t = thresholds or Thresholds()
    v = venue.point
    refs = tuple(
        Party(**PlaceRef.of(p).__dict__, distance_km=distance_km(v.lat, v.lon, p.lat, p.lon)) for p in parties
    )
    km = [p.distance_km for p in refs]
    off = imbalance(km)
    holds = _level(off, t.halfway_split_tolerance, t.roughly_split_tolerance)
    verdict = _EQUIDISTANCE_VERDICTS[holds]
    each = ", ".join(f"{format_km(p.distance_km)} from {p.name}" for p in refs)
    near, far = min(refs, key=lambda p: p.distance_km), max(refs, key=lambda p: p.distance_km)
    ratio = f"{far.distance_km / near.distance_km:.2f}×" if near.distance_km > 0 else "infinitely"
    explanation = _tidy(
        f"{venue.name} is {verdict} from the {len(refs)} places: it is {each}. The farthest "
        f"({far.name}) is {format_km(far.distance_km - near.distance_km)} farther than the nearest "
        f"({near.name}), {ratio} as far."
    )
    return EquidistanceResult(
        PlaceRef.of(venue), refs, max(km) - min(km), off, holds, verdict, explanation, t
    )


def _grade(detour: float, offset: float, t: Thresholds) -> str:
    if detour <= t.halfway_detour_pct and offset <= t.halfway_split_tolerance:
        return HALFWAY
    if detour <= t.roughly_detour_pct and offset <= t.roughly_split_tolerance:
        return ROUGHLY
    return NOT_HALFWAY


def _level(value: float, halfway: float, roughly: float) -> str:
    return "yes" if value <= halfway else "roughly" if value <= roughly else "no"


def check_halfway(
    venue: Place, party_a: Place, party_b: Place, thresholds: Thresholds | None = None
) -> CheckResult:
    """Measure how "halfway" ``venue`` is between ``party_a`` and ``party_b``.

    Parameters
    ----------
    venue, party_a, party_b : Place
        Resolved places (see :func:`geo.places.resolve.resolve`).
    thresholds : Thresholds, optional
        Verdict limits; the defaults are documented in the README.

    Returns
    -------
    CheckResult
        All distances are WGS84 geodesics, within 1 mm of GeographicLib.

    Examples
    --------
    >>> from geo.places.resolve import resolve
    >>> r = check_halfway(resolve("Anchorage"), resolve("Washington"), resolve("Beijing"))
    >>> r.verdict, round(r.direct_km), round(r.detour_pct, 1), [round(s, 2) for s in r.split]
    ('roughly halfway', 11171, 5.8, [0.46, 0.54])
    """
    t = thresholds or Thresholds()
    v, a, b = venue.point, party_a.point, party_b.point
    d_a = distance_km(a.lat, a.lon, v.lat, v.lon)
    d_b = distance_km(b.lat, b.lon, v.lat, v.lon)
    direct = distance_km(a.lat, a.lon, b.lat, b.lon)
    parties = (Party(**PlaceRef.of(party_a).__dict__, distance_km=d_a),
               Party(**PlaceRef.of(party_b).__dict__, distance_km=d_b))  # fmt: skip
    ref = PlaceRef.of(venue)
    name_a, name_b, name_v = party_a.name, party_b.name, venue.name

    degenerate = None
    if direct < COINCIDENT_TOLERANCE_KM:
        degenerate = f"{name_a} and {name_b} are the same place, so no point lies 'between' them"
    elif is_nearly_antipodal(a, b):
        degenerate = (
            f"{name_a} and {name_b} are nearly antipodal ({format_km(direct)} apart): there is no single "
            "shortest path between them, so 'halfway' has no unique meaning"
        )
    mid = midpoint(a, b) if degenerate is None else None
    if mid is not None and (widest := _widest_detour_pct(a, b, mid)) <= t.roughly_detour_pct:
        degenerate = (
            f"{name_a} and {name_b} are {format_km(direct)} apart, close to antipodal: every place on Earth "
            f"is within {widest:.1f} % of the way between them (the far side of the globe adds no more), so "
            "no place can be told apart as 'on the way' or 'halfway'"
        )
    if degenerate is not None:
        split = (d_a / (d_a + d_b), d_b / (d_a + d_b)) if d_a + d_b > 0 else None
        explanation = _tidy(
            f"Undefined: {degenerate}. {name_v} is {format_km(d_a)} from {name_a} and "
            f"{format_km(d_b)} from {name_b}."
        )
        criteria: tuple[Criterion, ...] = (Criterion("halfway", "undefined", degenerate),)
        return CheckResult(
            ref,
            parties,
            direct,
            None,
            None,
            None,
            None,
            None,
            None,
            split,
            UNDEFINED,
            explanation,
            criteria,
            t,
        )

    assert mid is not None  # not degenerate
    to_mid = distance_km(v.lat, v.lon, mid.lat, mid.lon)
    xt = cross_track(v, a, b)
    detour_km = d_a + d_b - direct
    detour = 100.0 * detour_km / direct
    split = (d_a / (d_a + d_b), d_b / (d_a + d_b))
    offset = abs(split[0] - 0.5)
    verdict = _grade(detour, offset, t)
    pct = f"{100 * split[0]:.0f}/{100 * split[1]:.0f}"

    criteria = (
        Criterion(
            "equal distance",
            _level(offset, t.halfway_split_tolerance, t.roughly_split_tolerance),
            f"{name_v} is {format_km(d_a)} from {name_a} and {format_km(d_b)} from {name_b}: a {pct} split.",
        ),
        Criterion(
            "on the way",
            _level(detour, t.halfway_detour_pct, t.roughly_detour_pct),
            f"Stopping at {name_v} turns the {format_km(direct)} direct trip into {format_km(d_a + d_b)}: "
            f"+{format_km(detour_km)} ({detour:+.1f} %). "
            f"It lies {format_km(xt.distance_km)} off the shortest path.",
        ),
        Criterion(
            "at the midpoint",
            _level(to_mid, 0.025 * direct, 0.10 * direct),
            _tidy(  # the one detail that ends with a name
                f"The true midpoint of the {format_km(direct)} geodesic is at "
                f"{format_lat_lon(mid.lat, mid.lon)}, "
                f"{format_km(to_mid)} from {name_v}."
            ),
        ),
    )
    explanation = _tidy(
        f"{name_v} is {verdict} between {name_a} and {name_b}. It is {format_km(d_a)} from {name_a} and "
        f"{format_km(d_b)} from {name_b} (a {pct} split). The shortest {name_a}–{name_b} path is "
        f"{format_km(direct)}; its midpoint lies at {format_lat_lon(mid.lat, mid.lon)}, "
        f"{format_km(to_mid)} from "
        f"{name_v}. {name_v} is {format_km(xt.distance_km)} off that path, so stopping there adds "
        f"{format_km(detour_km)} ({detour:+.1f} %)."
    )
    return CheckResult(
        ref,
        parties,
        direct,
        Coordinates(mid.lat, mid.lon),
        to_mid,
        xt.distance_km,
        xt.along_track_fraction,
        detour_km,
        detour,
        split,
        verdict,
        explanation,
        criteria,
        t,
        direct_peak=path_peak(a, b),
    )


QUICK_MAX_DIRECT_KM = 18_000.0  # below this no pair is near enough antipodal for the verdict to be undefined


def quick_holds(
    reading: str, venue: Place, a: Place, b: Place, thresholds: Thresholds | None = None
) -> str | None:
    """Whether a claim of ``reading`` ("halfway" or "equal distance") holds, from three distances.

    The same answer as :func:`check_halfway` (its verdict, or its "equal distance" criterion)
    at a fraction of the cost, for trying many readings of a claim; None when the full check is
    needed: another reading, parties closer than the coincidence tolerance, or farther apart
    than :data:`QUICK_MAX_DIRECT_KM` (the detour via the far side of the globe is then under 15 %
    and the verdict may be undefined).

    >>> from geo.places.resolve import resolve
    >>> v, a, b = resolve("Anchorage"), resolve("Washington"), resolve("Beijing")
    >>> quick_holds("halfway", v, a, b), check_halfway(v, a, b).verdict
    ('roughly', 'roughly halfway')
    """
    if reading not in ("halfway", "equal distance"):
        return None
    t = thresholds or Thresholds()
    d_a = distance_km(a.lat, a.lon, venue.lat, venue.lon)
    d_b = distance_km(b.lat, b.lon, venue.lat, venue.lon)
    direct = distance_km(a.lat, a.lon, b.lat, b.lon)
    if not COINCIDENT_TOLERANCE_KM <= direct < QUICK_MAX_DIRECT_KM or is_nearly_antipodal(a.point, b.point):
        return None
    offset = abs(d_a / (d_a + d_b) - 0.5)
    if reading == "equal distance":
        return _level(offset, t.halfway_split_tolerance, t.roughly_split_tolerance)
    verdict = _grade(100.0 * (d_a + d_b - direct) / direct, offset, t)
    return {HALFWAY: "yes", ROUGHLY: "roughly", NOT_HALFWAY: "no"}[verdict]


def _widest_detour_pct(a: LatLon, b: LatLon, mid: LatLon) -> float:
    """The detour, percent, of the place farthest off the way: the antipode of the midpoint.

    Going there and on to the other party is the long way round the globe. Near the antipode
    that is hardly longer than the direct path (Madrid–Wellington: 1.6 %), and no venue can
    fail "on the way"; the verdict is then undefined rather than "halfway" everywhere.

    >>> from geo.core.geodesy import midpoint
    >>> a, b = LatLon(40.4165, -3.7026), LatLon(-41.2866, 174.7756)  # Madrid, Wellington
    >>> round(_widest_detour_pct(a, b, midpoint(a, b)), 1)
    1.6
    """
    far = LatLon(-mid.lat, mid.lon - 180.0 if mid.lon > 0 else mid.lon + 180.0)
    return float(detour_pct(a, far, b))


_DOUBLE_STOP = re.compile(r"\.\.(?=\s|$)")


def _tidy(text: str) -> str:
    """One full stop after a name that ends with one ("… from Washington, D.C.").

    >>> _tidy("It is 5 km from Washington, D.C.. It lies 2 km off.")
    'It is 5 km from Washington, D.C. It lies 2 km off.'
    """
    return _DOUBLE_STOP.sub(".", text)


def with_facts(
    result: CheckResult,
    *,
    on_date: dt.date | None = None,
    aircraft: Aircraft | str | Sequence[Aircraft | str | None] | None = None,
) -> CheckResult:
    """The result with the summit facts of :func:`geo.facts.summit.summit_facts` attached.

    ``result.facts`` becomes the :class:`geo.facts.summit.SummitFacts` of the venue (host
    country from the country polygons, time zone, UTC offset on ``on_date``, neutrality) and
    of each party (time zone, clock shift, flight time, overflown countries and, with
    ``aircraft``, whether it can fly non-stop). Loads shapely and the polygons on first use.

    Parameters
    ----------
    result : CheckResult
    on_date : datetime.date, optional
        Date of the UTC offsets; default today.
    aircraft : str, Aircraft or a sequence of them, optional
        One aircraft for both parties or one per party (see :mod:`geo.facts.aircraft`).

    Examples
    --------
    >>> import datetime as dt
    >>> from geo.places.resolve import resolve
    >>> r = with_facts(check_halfway(resolve("Anchorage"), resolve("Washington"), resolve("Beijing")),
    ...                on_date=dt.date(2021, 3, 18), aircraft="vc-25a")
    >>> f = r.facts
    >>> f.venue.country, f.venue.utc_offset_hours, f.venue.neutral, [p.nonstop for p in f.parties]
    ('US', -8.0, False, [True, True])
    """
    from geo.facts.summit import summit_facts

    return attach_facts(
        result, summit_facts(result.venue, result.parties, on_date=on_date, aircraft=aircraft)
    )


def attach_facts(result: CheckResult, facts: SummitFacts) -> CheckResult:
    """The result with already computed summit facts of its venue and parties (see :func:`with_facts`)."""
    if len(facts.parties) != 2:
        raise InvalidInputError(f"summit facts of {len(facts.parties)} parties do not fit a halfway check")
    return dataclasses.replace(result, facts=facts)
