"""Robustness of a verdict: does it survive the other reasonable points of each place, and other limits?

A claim names places, not points. "Washington" is the city centre, but the delegation flies
from Andrews, Dulles or Reagan National; "the Netherlands" is Amsterdam, but its government
sits in The Hague. :func:`check_robust` checks the claim again for every combination of the
reasonable points of the venue and the two parties, under the stated thresholds and one step
either side of them, and sums the outcomes up in one line.

Points of a place (:func:`reasonable_points`), in this order, at most :data:`MAX_POINTS_PER_PLACE`
(later ones beyond the cap are named in the place's notes, never dropped silently):

* **the point as resolved**: a city's, capital's or town's gazetteer point ("city centre"), an
  area's representative point, an airport, a landmark, or coordinates as given;
* **the seat of government** of a capital whose government sits elsewhere (Amsterdam → The Hague,
  Sucre → La Paz: the curated column of ``capitals.csv``, :func:`geo.places.tables.seats_of_government`);
* for a **country named as a country** ("China", "the Netherlands", which the resolver reads as
  its capital): the centre of its land (:func:`geo.analysis.areas.area_centre`) and the point of
  its outline nearest the other places;
* for a **continent**: the point of its outline nearest the other places (:func:`geo.analysis.areas.
  area_extremes`). States, islands and regions: their representative point only, and the notes
  say so (an island with an outline, see :func:`geo.analysis.areas.outline_key`, uses it only for
  claims about its middle);
* **each large airport** (OurAirports type ``large_airport``) within :data:`AIRPORT_RADIUS_KM` km
  (geodesic) of a capital, city, town or geocoded place, nearest first, named by its IATA code.
  A place without one says so in its notes.

"Nearest the other places" means, for a party, nearest the venue as resolved; for the venue,
nearest the geodesic midpoint of the parties as resolved (its most "halfway" point; the
midpoint itself when it lies inside). Coordinates, custom points and airports are exact: the
point only.

Thresholds (:func:`threshold_steps`): the stated :class:`~geo.analysis.check.Thresholds`, and
all four limits scaled together by ``1 − step`` (stricter) and ``1 + step`` (looser), with
:data:`THRESHOLD_STEP` = 0.2 by default: 5 % and 15 % become 4 % / 12 % and 6 % / 18 %.

Combinations: at most 6 × 6 × 6 points × 3 limits = 648; the seed case has 2 × 5 × 3 × 3 = 90.
Each verdict is :func:`~geo.analysis.check.check_halfway`'s (through its exact shortcut
:func:`~geo.analysis.check.quick_holds`, falling back to the full check where the shortcut
cannot decide). Every distance is a WGS84 geodesic (:func:`geo.core.geodesy.distance_km`).

The one line (:attr:`RobustResult.summary`):

* one verdict everywhere: ``ROUGHLY HALFWAY under all 90 combinations of points and thresholds
  (30 × 3)``;
* one choice alone decides (the limits, or the point of one place; the limits are tried first):
  ``HALFWAY with Bern (city centre), ROUGHLY HALFWAY with Bern (ZRH)``;
* otherwise, under the stated limits: one place's point decides (``HALFWAY with London (city
  centre, LGW, STN), ROUGHLY HALFWAY with London (LHR, LTN)``), or every combination of airports
  agrees against the city centres (``HALFWAY with the airports (6 combinations), ROUGHLY HALFWAY
  with the city centres``), or the counts (``HALFWAY in 19 of 20 combinations of points, ROUGHLY
  HALFWAY in 1``); then ``under the stated limits`` and how many combinations of points the limits ± a
  step change (``the limits ×0.8 and ×1.2 change 4 of the 20``).
"""

from __future__ import annotations

import functools
import itertools
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from geo.analysis.check import (
    HALFWAY,
    NOT_HALFWAY,
    ROUGHLY,
    UNDEFINED,
    PlaceRef,
    Thresholds,
    check_halfway,
    quick_holds,
)
from geo.core.geodesy import COINCIDENT_TOLERANCE_KM, LatLon, distance_km, is_nearly_antipodal, midpoint
from geo.errors import GeoError, InvalidInputError
from geo.places.gazetteer import Place, load_gazetteer, normalize_name

__all__ = [
    "AIRPORT_RADIUS_KM",
    "MAX_AIRPORTS",
    "MAX_POINTS_PER_PLACE",
    "THRESHOLD_STEP",
    "Combination",
    "PlacePoints",
    "PointOption",
    "RobustResult",
    "ThresholdStep",
    "check_robust",
    "named_as_country",
    "reasonable_points",
    "threshold_steps",
]

AIRPORT_RADIUS_KM = 60.0  # large airports within this geodesic distance of a city count as its points
MAX_AIRPORTS = 4  # per place, nearest first (London has 4 large airports within 60 km, New York 3)
MAX_POINTS_PER_PLACE = 6  # caps the combinations at 6³ × 3 = 648 (about 0.15 s)
THRESHOLD_STEP = 0.2  # the limits are also tried ×0.8 (stricter) and ×1.2 (looser)
MAX_THRESHOLD_STEP = 0.9  # a step of 1 or more would scale the stricter limits to 0 or below

_WITH_AIRPORTS = frozenset({"capital", "city", "town", "geocoded"})
_AREAS = frozenset({"continent", "region", "state", "island", "sea"})
_ORDER = (HALFWAY, ROUGHLY, NOT_HALFWAY, UNDEFINED)  # most favourable first
_FROM_HOLDS = {"yes": HALFWAY, "roughly": ROUGHLY, "no": NOT_HALFWAY}


@dataclass(frozen=True)
class PointOption:
    """One reasonable point of a place.

    Attributes
    ----------
    label : str
        Short and unique within the place: ``city centre``, ``capital``, ``IAD`` (an airport's
        IATA code), ``seat: The Hague``, ``centre of land``, ``nearest point``,
        ``representative point``, ``as given``.
    kind : str
        ``given`` (the point as resolved), ``seat``, ``airport``, ``land centre`` or ``nearest``.
    name : str
        Full name ("Washington Dulles International Airport").
    lat, lon : float
        WGS84 degrees.
    offset_km : float
        Geodesic distance from the place's point as resolved, km (0 for that point).
    """

    label: str
    kind: str
    name: str
    lat: float
    lon: float
    offset_km: float


@dataclass(frozen=True)
class PlacePoints:
    """The reasonable points of one place (the point as resolved first) and what was left out, and why."""

    place: PlaceRef
    points: tuple[PointOption, ...]
    notes: tuple[str, ...]


@dataclass(frozen=True)
class ThresholdStep:
    """One set of limits tried: ``stated`` (scale 1) or the stated limits scaled (``×0.8``, ``×1.2``)."""

    label: str
    scale: float
    thresholds: Thresholds


@dataclass(frozen=True)
class Combination:
    """One combination of points and its verdict under each set of limits.

    Attributes
    ----------
    points : tuple of str
        Labels of the venue's, party A's and party B's points (:attr:`PointOption.label`).
    party_km : tuple of float
        Geodesic km from party A's and party B's point to the venue's point.
    direct_km : float
        Geodesic km between the parties' points.
    split : float or None
        Party A's share ``dA/(dA+dB)`` (None when both distances are 0).
    detour_pct : float or None
        ``100·((dA+dB)/direct − 1)``; None when the parties' points coincide.
    verdicts : tuple of str
        The verdict under each :class:`ThresholdStep` of :attr:`RobustResult.steps`, in order.
    """

    points: tuple[str, str, str]
    party_km: tuple[float, float]
    direct_km: float
    split: float | None
    detour_pct: float | None
    verdicts: tuple[str, ...]


@dataclass(frozen=True)
class RobustResult:
    """The verdict for every combination of reasonable points and limits (:func:`check_robust`).

    Attributes
    ----------
    venue : PlacePoints
    parties : tuple of PlacePoints
    steps : tuple of ThresholdStep
        The limits tried, stricter first; the stated ones are ``steps[1]``.
    rows : tuple of Combination
        Every combination of points, the points as resolved first (venue slowest, party B fastest).
    verdict : str
        The verdict at the points as resolved under the stated limits (:func:`check_halfway`'s).
    counts : tuple of (str, int)
        How many combinations of points and limits give each verdict, most favourable first.
    combinations : int
        ``len(rows) × len(steps)``.
    robust : bool
        Every combination gives the same verdict.
    summary : str
        The one line (see the module docstring).
    """

    venue: PlacePoints
    parties: tuple[PlacePoints, PlacePoints]
    steps: tuple[ThresholdStep, ...]
    rows: tuple[Combination, ...]
    verdict: str
    counts: tuple[tuple[str, int], ...]
    combinations: int
    robust: bool
    summary: str


def threshold_steps(
    thresholds: Thresholds | None = None, step: float = THRESHOLD_STEP
) -> tuple[ThresholdStep, ...]:
    """The stated limits and the limits scaled by ``1 − step`` and ``1 + step``, stricter first.

    Parameters
    ----------
    thresholds : Thresholds, optional
        The stated limits (default: the defaults of :class:`Thresholds`).
    step : float
        Relative step, 0 < step ≤ :data:`MAX_THRESHOLD_STEP` (default 0.2).

    >>> [(s.label, s.thresholds.halfway_detour_pct, round(s.thresholds.roughly_split_tolerance, 9))
    ...  for s in threshold_steps()]
    [('×0.8', 4.0, 0.08), ('stated', 5.0, 0.1), ('×1.2', 6.0, 0.12)]
    """
    if not (isinstance(step, int | float) and 0 < step <= MAX_THRESHOLD_STEP):
        raise InvalidInputError(
            f"the threshold step must be a number above 0 and at most {MAX_THRESHOLD_STEP}, not {step!r}"
        )
    t = thresholds or Thresholds()

    def scaled(factor: float) -> Thresholds:
        return Thresholds(*(factor * getattr(t, name) for name in t.__dataclass_fields__))

    low, high = round(1 - step, 6), round(1 + step, 6)
    return (
        ThresholdStep(f"×{low:g}", low, scaled(low)),
        ThresholdStep("stated", 1.0, t),
        ThresholdStep(f"×{high:g}", high, scaled(high)),
    )


def named_as_country(place: Place) -> bool:
    """Whether the user named a country ("China", "USA"), which the resolver reads as its capital.

    >>> from geo.places.resolve import resolve
    >>> named_as_country(resolve("China")), named_as_country(resolve("Beijing"))
    (True, False)
    >>> named_as_country(resolve("Singapore"))  # the city state's name is its capital's
    False
    """
    if place.kind != "capital" or not place.query:
        return False
    key = normalize_name(place.query)
    if key == normalize_name(place.name):
        return False
    gaz = load_gazetteer()
    return key in gaz.country_aliases or key in {normalize_name(name) for name in gaz.countries.values()}


def _given_label(place: Place) -> str:
    if place.kind in _WITH_AIRPORTS:
        return "capital" if place.kind == "capital" and named_as_country(place) else "city centre"
    if place.radius_km is not None and place.kind in _AREAS:
        return "representative point"
    if place.kind == "airport":
        return place.iata or place.icao or "airport"
    return "as given"


def _airports(place: Place) -> list[PointOption]:
    """Large airports within :data:`AIRPORT_RADIUS_KM` of ``place``, nearest first."""
    from geo.places.tables import airport_table

    table = airport_table()
    large = np.flatnonzero(table.type == "large_airport")
    km = np.asarray(distance_km(place.lat, place.lon, table.lat[large], table.lon[large]), dtype=float)
    near = large[km <= AIRPORT_RADIUS_KM]
    near_km = km[km <= AIRPORT_RADIUS_KM]
    order = np.argsort(near_km, kind="stable")
    return [
        PointOption(
            table.iata[i] or table.icao[i] or table.name[i],
            "airport",
            table.name[i],
            float(table.lat[i]),
            float(table.lon[i]),
            float(near_km[j]),
        )
        for j, i in ((int(j), int(near[j])) for j in order)
    ]


def reasonable_points(
    place: Place, toward: LatLon | None, *, exclude_km: float | None = None, toward_name: str = ""
) -> PlacePoints:
    """The reasonable points of ``place`` (see the module docstring), the point as resolved first.

    Parameters
    ----------
    place : Place
        A resolved place (:func:`geo.places.resolve.resolve`).
    toward : LatLon or None
        The point an area's "nearest point" is nearest to (for a party, the venue; for the venue,
        the parties' midpoint); None leaves the nearest point out (the notes say why).
    exclude_km : float, optional
        Leave out the part of an area's outline within this distance of ``toward`` (an area venue's
        own reach, as :func:`geo.analysis.areas.check_from_nearest` does).
    toward_name : str
        What ``toward`` is, for the notes ("Anchorage", "the parties' midpoint").

    Examples
    --------
    >>> from geo.places.resolve import resolve
    >>> p = reasonable_points(resolve("Beijing"), LatLon(61.21806, -149.90028))
    >>> [(o.label, round(o.offset_km)) for o in p.points]
    [('city centre', 0), ('PEK', 25), ('PKX', 44)]
    >>> reasonable_points(resolve("Azores"), None).notes
    ('Azores is an island with no outline here: its representative point only',)
    """
    given = PointOption(_given_label(place), "given", place.name, place.lat, place.lon, 0.0)
    points = [given]
    notes: list[str] = []
    as_country = named_as_country(place)

    if place.kind == "capital" and place.country:
        from geo.places.tables import seats_of_government

        seat = seats_of_government().get(place.country)
        if seat is not None and normalize_name(seat.name) != normalize_name(place.name):
            offset = float(distance_km(place.lat, place.lon, seat.lat, seat.lon))
            points.append(PointOption(f"seat: {seat.name}", "seat", seat.name, seat.lat, seat.lon, offset))

    if as_country or (place.kind == "continent" and place.radius_km is not None):
        points += _area_points(place, as_country, toward, exclude_km, toward_name, notes)
    elif place.kind in _AREAS:
        from geo.analysis.areas import outline_key

        article = "an" if place.kind[0] in "aeiou" else "a"
        outlined = outline_key(place, False) is not None  # an island: its outline serves its middle only
        notes.append(
            f"{place.name} is {article} {place.kind} "
            + ("measured from its outline only for its middle" if outlined else "with no outline here")
            + ": its representative point only"
        )
    elif place.kind in ("coordinates", "custom"):
        notes.append(f"{place.name} is given as coordinates: the point only")
    elif place.kind == "airport":
        notes.append(f"{place.name} is an airport: the point only")

    if place.kind in _WITH_AIRPORTS:
        airports = _airports(place)
        if not airports:
            notes.append(f"no large airport within {AIRPORT_RADIUS_KM:g} km of {place.name}")
        elif len(airports) > MAX_AIRPORTS:
            notes.append(
                f"{len(airports)} large airports within {AIRPORT_RADIUS_KM:g} km of {place.name}; the "
                f"{MAX_AIRPORTS} nearest are tried, not "
                + ", ".join(f"{a.label} ({a.offset_km:.0f} km)" for a in airports[MAX_AIRPORTS:])
            )
        points += airports[:MAX_AIRPORTS]

    if len(points) > MAX_POINTS_PER_PLACE:
        left = points[MAX_POINTS_PER_PLACE:]
        notes.append(
            f"at most {MAX_POINTS_PER_PLACE} points per place: left out "
            + ", ".join(f"{p.label} ({p.offset_km:.0f} km)" for p in left)
        )
        points = points[:MAX_POINTS_PER_PLACE]
    return PlacePoints(PlaceRef.of(place), tuple(points), tuple(notes))


def _area_points(
    place: Place,
    as_country: bool,
    toward: LatLon | None,
    exclude_km: float | None,
    toward_name: str,
    notes: list[str],
) -> list[PointOption]:
    """The centre of a country's land and the nearest point of a country's or continent's outline."""
    from geo.analysis.areas import area_extremes

    out: list[PointOption] = []
    name = place.country_name if as_country and place.country_name else place.name
    if as_country:
        try:
            lat, lon, _, _ = _land_centre(place)
        except GeoError as exc:
            notes.append(f"no centre of {name}: {exc}")
        else:
            offset = float(distance_km(place.lat, place.lon, lat, lon))
            out.append(PointOption("centre of land", "land centre", f"centre of {name}", lat, lon, offset))
    if toward is None:
        notes.append(f"no nearest point of {name}: {toward_name or 'the point to be near'} is undefined")
        return out
    extremes = area_extremes(place, as_country, toward.lat, toward.lon, exclude_km=exclude_km)
    if extremes is None:
        notes.append(f"no nearest point of {name}: no outline of it here")
        return out
    near = extremes.nearest
    label, lat, lon = "nearest point", near.lat, near.lon
    if near.inside:
        if toward_name != "the parties' midpoint":
            notes.append(
                f"{toward_name} lies inside {name}: its nearest point would be {toward_name} itself, left out"
            )
            return out
        label, lat, lon = "nearest point (the midpoint)", toward.lat, toward.lon
    offset = float(distance_km(place.lat, place.lon, lat, lon))
    out.append(PointOption(label, "nearest", f"the point of {name} nearest {toward_name}", lat, lon, offset))
    return out


@functools.lru_cache(maxsize=64)
def _land_centre(place: Place) -> tuple[float, float, float, str]:
    """:func:`geo.analysis.areas.area_centre` of a country, kept: it unites the polygons (up to 1 s)."""
    from geo.analysis.areas import area_centre

    return area_centre(place, True)


def _as_place(option: PointOption, of: PlaceRef) -> Place:
    return Place(option.name, option.lat, option.lon, "point", of.country, of.country_name, query=option.name)


def _verdict(venue: Place, a: Place, b: Place, thresholds: Thresholds) -> str:
    """:func:`check_halfway`'s verdict, through its exact shortcut where the shortcut decides."""
    holds = quick_holds("halfway", venue, a, b, thresholds)
    return _FROM_HOLDS[holds] if holds is not None else check_halfway(venue, a, b, thresholds).verdict


def check_robust(
    venue: Place,
    party_a: Place,
    party_b: Place,
    thresholds: Thresholds | None = None,
    *,
    step: float = THRESHOLD_STEP,
) -> RobustResult:
    """The verdict of "``venue`` is halfway between ``party_a`` and ``party_b``" for every
    combination of the places' reasonable points and of the limits ± ``step``.

    Parameters
    ----------
    venue, party_a, party_b : Place
        Resolved places (:func:`geo.places.resolve.resolve`).
    thresholds : Thresholds, optional
        The stated limits (default: the defaults).
    step : float
        Relative step of the limits (default :data:`THRESHOLD_STEP`, 0.2: ×0.8 and ×1.2).

    Returns
    -------
    RobustResult
        Distances are WGS84 geodesics, within 1 mm of GeographicLib.

    Examples
    --------
    >>> from geo.places.resolve import resolve
    >>> r = check_robust(resolve("Anchorage"), resolve("Washington"), resolve("Beijing"))
    >>> r.summary
    'ROUGHLY HALFWAY under all 90 combinations of points and thresholds (30 × 3)'
    >>> [p.label for p in r.parties[0].points]
    ['city centre', 'DCA', 'ADW', 'IAD', 'BWI']
    """
    steps = threshold_steps(thresholds, step)
    a_point, b_point = party_a.point, party_b.point
    mid: LatLon | None = None
    if distance_km(
        a_point.lat, a_point.lon, b_point.lat, b_point.lon
    ) >= COINCIDENT_TOLERANCE_KM and not is_nearly_antipodal(a_point, b_point):
        mid = midpoint(a_point, b_point)
    places = (
        reasonable_points(venue, mid, toward_name="the parties' midpoint"),
        reasonable_points(party_a, venue.point, exclude_km=venue.radius_km, toward_name=venue.name),
        reasonable_points(party_b, venue.point, exclude_km=venue.radius_km, toward_name=venue.name),
    )
    options = [[_as_place(o, p.place) for o in p.points] for p in places]
    rows: list[Combination] = []
    for (iv, v), (ia, a), (ib, b) in itertools.product(*(enumerate(o) for o in options)):
        d_a = float(distance_km(a.lat, a.lon, v.lat, v.lon))
        d_b = float(distance_km(b.lat, b.lon, v.lat, v.lon))
        direct = float(distance_km(a.lat, a.lon, b.lat, b.lon))
        rows.append(
            Combination(
                (places[0].points[iv].label, places[1].points[ia].label, places[2].points[ib].label),
                (d_a, d_b),
                direct,
                d_a / (d_a + d_b) if d_a + d_b > 0 else None,
                100.0 * (d_a + d_b - direct) / direct if direct >= COINCIDENT_TOLERANCE_KM else None,
                tuple(_verdict(v, a, b, s.thresholds) for s in steps),
            )
        )
    shape = (*(len(o) for o in options), len(steps))
    grid = np.array([r.verdicts for r in rows], dtype=object).reshape(shape)
    tally = Counter(grid.ravel().tolist())
    counts = tuple((v, tally[v]) for v in _ORDER if tally[v])
    return RobustResult(
        places[0],
        (places[1], places[2]),
        steps,
        tuple(rows),
        rows[0].verdicts[1],
        counts,
        grid.size,
        len(counts) == 1,
        _summary(grid, places, steps, counts),
    )


def _summary(
    grid: np.ndarray,
    places: Sequence[PlacePoints],
    steps: Sequence[ThresholdStep],
    counts: Sequence[tuple[str, int]],
) -> str:
    """The one line of :attr:`RobustResult.summary` (see the module docstring)."""
    total = grid.size
    n_points = total // len(steps)
    if len(counts) == 1:
        return (
            f"{counts[0][0].upper()} under all {total} combinations of points and thresholds "
            f"({n_points} × {len(steps)})"
        )
    decided = _decided_by(grid, (3, 0, 1, 2), places, steps)  # the limits first, then the venue's point
    if decided is not None:
        return decided
    stated = grid[..., 1]
    points = _decided_by(stated, (0, 1, 2), places, steps) or _airports_or_centres(stated, places)
    if points is None:
        tally = Counter(stated.ravel().tolist())
        ranked = [v for v in _ORDER if tally[v]]
        points = f"{ranked[0].upper()} in {tally[ranked[0]]} of {n_points} combinations of points"
        points = ", ".join([points, *(f"{v.upper()} in {tally[v]}" for v in ranked[1:])])
        if len(ranked) == 1:
            points = f"{ranked[0].upper()} under all {n_points} combinations of points"
    others = _and([s.label for s in steps if s.label != "stated"])
    changed = int((grid != stated[..., None]).any(axis=-1).sum())
    if changed == 0:
        limits = f"the same with the limits {others}"
    else:
        limits = f"the limits {others} change {changed} of the {n_points}"
    return f"{points} under the stated limits; {limits}"


def _decided_by(
    grid: np.ndarray, axes: Sequence[int], places: Sequence[PlacePoints], steps: Sequence[ThresholdStep]
) -> str | None:
    """``HALFWAY with X (a, b), ROUGHLY HALFWAY with X (c)`` when one choice alone decides the verdict."""
    for axis in axes:
        values = np.moveaxis(grid, axis, 0).reshape(grid.shape[axis], -1)
        if len(values) < 2 or any(len(set(row.tolist())) != 1 for row in values):
            continue
        groups: dict[str, list[str]] = {}
        for i, row in enumerate(values):
            groups.setdefault(str(row[0]), []).append(_value_label(axis, i, places, steps))
        if len(groups) < 2:
            continue
        return ", ".join(
            f"{v.upper()} with {_with(axis, groups[v], places)}" for v in sorted(groups, key=_ORDER.index)
        )
    return None


def _airports_or_centres(grid: np.ndarray, places: Sequence[PlacePoints]) -> str | None:
    """``HALFWAY with the airports (…), ROUGHLY HALFWAY with the city centres`` when every combination
    of airports agrees and the points as resolved say otherwise (a place without airports keeps its
    point as resolved)."""
    airports = [[i for i, o in enumerate(p.points) if o.kind == "airport"] or [0] for p in places]
    if all(a == [0] for a in airports):
        return None
    at_airports = {str(grid[ix]) for ix in itertools.product(*airports)}
    given = str(grid[0, 0, 0])
    if len(at_airports) != 1 or given in at_airports:
        return None
    n = int(np.prod([len(a) for a in airports]))
    centres = (
        "city centres" if all(p.points[0].label == "city centre" for p in places) else "points as resolved"
    )
    verdict = at_airports.pop().upper()
    return f"{verdict} with the airports ({n} combinations), {given.upper()} with the {centres}"


def _value_label(axis: int, index: int, places: Sequence[PlacePoints], steps: Sequence[ThresholdStep]) -> str:
    if axis == 3:
        return "the stated limits" if steps[index].label == "stated" else f"the limits {steps[index].label}"
    return places[axis].points[index].label


def _with(axis: int, labels: list[str], places: Sequence[PlacePoints]) -> str:
    if axis == 3:
        return _and(labels)
    return f"{places[axis].place.name} ({', '.join(labels)})"


def _and(items: Sequence[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
