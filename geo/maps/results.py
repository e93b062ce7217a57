"""Map inputs from the results of check, compare and best, and their maps.

Typed adapters: a :class:`geo.analysis.check.CheckResult`, a
:class:`geo.analysis.scoring.CompareResult` or an optimisation result becomes parties
(:class:`~geo.maps.plan.MapPoint`) and venues (:class:`~geo.maps.plan.VenueMark`) with their
numbers and summit facts as plain text, then a map plan (``plan_for_*``: what the pages, the data
and the print image draw) and its Leaflet map (``map_for_*``, :func:`geo.maps.render.render_plan`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from geo.core.geodesy import Located
from geo.core.units import format_km
from geo.errors import InvalidInputError
from geo.maps.plan import (
    VENUE_COLOR,
    VERDICT_COLORS,
    BestMark,
    LineLike,
    MapPlan,
    MapPoint,
    Property,
    RouteMark,
    VenueMark,
    plan_map,
    rank_color,
)
from geo.maps.render import PlannedMap, render_plan

if TYPE_CHECKING:
    from geo.analysis.airspace import Detour
    from geo.analysis.areas import CentreResult
    from geo.analysis.check import CheckResult, EquidistanceResult
    from geo.analysis.optimize import BestResult, Optimum
    from geo.analysis.route import Journey
    from geo.analysis.scoring import CompareResult
    from geo.facts.summit import SummitFacts


# Adapters for the results of check, compare and best
# ---------------------------------------------------------------------------------------------


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value:+.1f} %"


def venue_mark_for_check(result: CheckResult) -> VenueMark:
    """The checked venue as a :class:`VenueMark` coloured by its verdict."""
    rows: list[tuple[str, str]] = [("verdict", result.verdict)]
    if result.split is not None:
        rows.append(("split", f"{100 * result.split[0]:.0f} / {100 * result.split[1]:.0f} %"))
    if result.detour_km is not None:
        rows.append(("detour", f"+{format_km(result.detour_km)} ({_pct(result.detour_pct)})"))
    if result.cross_track_km is not None:
        rows.append(("off the direct path", format_km(result.cross_track_km)))
    if result.venue_to_midpoint_km is not None:
        rows.append(("to the midpoint", format_km(result.venue_to_midpoint_km)))
    facts, legs = _facts_texts(result.facts)
    if facts:
        rows.append(("host country", facts))
    v = result.venue
    color = VERDICT_COLORS.get(result.verdict, VENUE_COLOR)
    split = result.split or (None, None)
    a, b = result.parties
    properties: tuple[tuple[str, Property], ...] = (
        ("verdict", result.verdict),
        ("split_a", split[0]),
        ("split_b", split[1]),
        ("distance_a_km", a.distance_km),
        ("distance_b_km", b.distance_km),
        ("detour_km", result.detour_km),
        ("detour_pct", result.detour_pct),
        ("cross_track_km", result.cross_track_km),
        ("venue_to_midpoint_km", result.venue_to_midpoint_km),
    )
    return VenueMark(v.name, v.lat, v.lon, result.verdict, color, tuple(rows), facts, legs, properties)


def _facts_texts(facts: SummitFacts | None) -> tuple[str, tuple[str, ...]]:
    """The venue's tooltip text and each party's flight-path text, from the summit facts."""
    if facts is None:
        return "", ()
    from geo.report.facts import leg_text, venue_text

    v = facts.venue
    text = venue_text(v.country, v.country_name, v.timezone, v.utc_offset_hours, v.neutral)
    return text, tuple(leg_text(p) for p in facts.parties)


def party_points(
    parties: Sequence[Located], facts: SummitFacts | None = None, *, range_rings: bool = False
) -> list[MapPoint]:
    """Parties as :class:`MapPoint` with their summit facts (country, time zone) when known.

    Parameters
    ----------
    parties : sequence of objects with ``name``, ``lat``, ``lon``
    facts : SummitFacts, optional
        The facts of one venue for these parties (their countries and time zones).
    range_rings : bool
        Give a party whose facts name an aircraft a ring of that aircraft's range.
    """
    from geo.report.facts import party_text

    out = []
    for i, p in enumerate(parties):
        f = facts.parties[i] if facts is not None else None
        text = party_text(f) if f is not None else ""
        details = (("country, time zone", text),) if text else ()
        range_km = f.aircraft_range_km if f is not None and range_rings else None
        label = f"{f.aircraft} range" if f is not None and range_km is not None else ""
        out.append(MapPoint(p.name, p.lat, p.lon, text, details, range_km, label))
    return out


def check_title(result: CheckResult) -> str:
    """The title of a check's map: the question and its verdict."""
    a, b = result.parties
    return f"Is {result.venue.name} halfway between {a.name} and {b.name}? {result.verdict.capitalize()}"


def plan_for_check(
    result: CheckResult,
    *,
    equidistant: LineLike | None = None,
    rings_km: Sequence[float] = (),
    range_rings: bool = False,
) -> MapPlan:
    """The plan of a halfway check's map (what :func:`map_for_check` and a print image draw)."""
    return plan_map(
        party_points(result.parties, result.facts, range_rings=range_rings),
        [venue_mark_for_check(result)],
        equidistant=equidistant,
        rings_km=rings_km,
        title=check_title(result),
        routes=detour_marks(result.detours),
    )


def map_for_check(
    result: CheckResult,
    *,
    equidistant: LineLike | None = None,
    rings_km: Sequence[float] = (),
    basemap: bool = True,
    range_rings: bool = False,
) -> PlannedMap:
    """Map of a halfway check: both parties, the venue coloured by its verdict, paths, midpoint.

    With summit facts (:func:`geo.analysis.check.with_facts`) the tooltips show host country, time
    zones, neutrality, flight times and overflown countries; ``range_rings`` draws each
    party's aircraft range.
    """
    plan = plan_for_check(result, equidistant=equidistant, rings_km=rings_km, range_rings=range_rings)
    return render_plan(plan, basemap=basemap)


_AS_HALFWAY = {"yes": "halfway", "roughly": "roughly halfway", "no": "not halfway"}  # holds -> verdict colour


def map_for_equidistance(result: EquidistanceResult, *, basemap: bool = True) -> PlannedMap:
    """Map of an equal-distance check of three or more parties: the parties and the venue."""
    return render_plan(plan_for_equidistance(result), basemap=basemap)


def plan_for_equidistance(result: EquidistanceResult) -> MapPlan:
    """The plan of :func:`map_for_equidistance` (what its page and print image draw)."""
    v = result.venue
    rows = tuple((f"to {p.name}", format_km(p.distance_km)) for p in result.parties)
    rows += (("spread", format_km(result.spread_km)),)
    mark = VenueMark(
        v.name,
        v.lat,
        v.lon,
        result.verdict,
        VERDICT_COLORS.get(_AS_HALFWAY[result.holds], VENUE_COLOR),
        rows,
        "",
        (),
        (("verdict", result.verdict), ("spread_km", result.spread_km), ("imbalance", result.imbalance)),
    )
    names = ", ".join(p.name for p in result.parties)
    title = f"Is {v.name} equally far from {names}? {result.verdict.capitalize()}"
    return plan_map(party_points(result.parties), [mark], title=title)


def map_for_centre(result: CentreResult, *, basemap: bool = True) -> PlannedMap:
    """Map of a claim about the middle of one area: the venue and the area's centre."""
    return render_plan(plan_for_centre(result), basemap=basemap)


def plan_for_centre(result: CentreResult) -> MapPlan:
    """The plan of :func:`map_for_centre`."""
    v, (centre,) = result.venue, result.parties
    rows = (
        (f"to {centre.name}", format_km(centre.distance_km)),
        ("share of the reach", f"{100 * result.share:.0f} %"),
    )
    color = VERDICT_COLORS.get(_AS_HALFWAY[result.holds], VENUE_COLOR)
    properties = (("verdict", result.verdict), ("share", result.share), ("reach_km", result.reach_km))
    mark = VenueMark(v.name, v.lat, v.lon, result.verdict, color, rows, "", (), properties)
    title = f"Is {v.name} in the middle of {centre.query}? {result.verdict.capitalize()}"
    return plan_map(party_points(result.parties), [mark], rings_km=(result.reach_km,), title=title)


def venue_marks_for_compare(result: CompareResult) -> list[VenueMark]:
    """Venues of a comparison coloured by rank, with their summit facts when known."""
    count = len(result.venues)
    marks = []
    for venue in result.venues:
        rank = int(venue.rank)
        rows: list[tuple[str, str]] = [("rank", f"{rank} of {count}")]
        rows += [("farthest party", format_km(venue.max_km)), ("sum of distances", format_km(venue.sum_km))]
        if venue.detour_pct is not None:
            rows.append(("detour", _pct(venue.detour_pct)))
        facts, legs = _facts_texts(venue.facts)
        if facts:
            rows.append(("host country", facts))
        status = f"rank {rank} of {count}"
        color = rank_color(rank, count)
        properties: tuple[tuple[str, Property], ...] = (
            ("rank", rank),
            ("rank_of", count),
            ("max_km", float(venue.max_km)),
            ("sum_km", float(venue.sum_km)),
            ("detour_pct", venue.detour_pct),
        )
        marks.append(
            VenueMark(venue.name, venue.lat, venue.lon, status, color, tuple(rows), facts, legs, properties)
        )
    return marks


def map_for_compare(
    result: CompareResult,
    *,
    equidistant: LineLike | None = None,
    rings_km: Sequence[float] = (),
    best: BestMark | None = None,
    basemap: bool = True,
    range_rings: bool = False,
) -> PlannedMap:
    """Map of a venue comparison: venues coloured by rank.

    With summit facts (:func:`geo.analysis.scoring.with_facts`) the tooltips show them, as in
    :func:`map_for_check`; ``range_rings`` draws each party's aircraft range.
    """
    plan = plan_for_compare(
        result, equidistant=equidistant, rings_km=rings_km, best=best, range_rings=range_rings
    )
    return render_plan(plan, basemap=basemap)


def plan_for_compare(
    result: CompareResult,
    *,
    equidistant: LineLike | None = None,
    rings_km: Sequence[float] = (),
    best: BestMark | None = None,
    range_rings: bool = False,
) -> MapPlan:
    """The plan of :func:`map_for_compare` (what its page and print image draw)."""
    title = "Venues for " + ", ".join(p.name for p in result.parties) + " ranked"
    facts = result.venues[0].facts if result.venues else None
    return plan_map(
        party_points(result.parties, facts, range_rings=range_rings),
        venue_marks_for_compare(result),
        best=best,
        equidistant=equidistant,
        rings_km=rings_km,
        title=title,
        routes=detour_marks([d for v in result.venues for d in v.detours]),
    )


def best_mark(result: Optimum | BestResult, objective: str = "") -> BestMark:
    """A :class:`BestMark` from an optimisation result (an ``Optimum`` or a ``BestResult``)."""
    from geo.analysis.optimize import Optimum

    lat, lon = (
        (result.lat, result.lon) if isinstance(result, Optimum) else (result.point.lat, result.point.lon)
    )
    objective = objective or result.objective
    details = tuple(
        (label, value) for label, value in (("method", result.method), ("note", result.note)) if value
    )
    return BestMark(lat, lon, float(result.max_km), float(result.sum_km), objective, details)


def map_for_best(
    result: Optimum | BestResult,
    parties: Sequence[Located] | None = None,
    *,
    objective: str = "",
    equidistant: LineLike | None = None,
    rings_km: Sequence[float] = (),
    basemap: bool = True,
) -> PlannedMap:
    """Map of a best meeting point: the parties, the point with paths from each party and its
    minimax circle, and the suggested venues of a ``BestResult``.

    An ``Optimum`` does not carry its parties: give them.
    """
    plan = plan_for_best(result, parties, objective=objective, equidistant=equidistant, rings_km=rings_km)
    return render_plan(plan, basemap=basemap)


def plan_for_best(
    result: Optimum | BestResult,
    parties: Sequence[Located] | None = None,
    *,
    objective: str = "",
    equidistant: LineLike | None = None,
    rings_km: Sequence[float] = (),
) -> MapPlan:
    """The plan of :func:`map_for_best` (what its page and print image draw)."""
    from geo.analysis.optimize import Optimum

    if parties is None:
        if isinstance(result, Optimum):
            raise InvalidInputError("map_for_best needs the parties: this result does not carry them")
        parties = result.parties
    suggestions = () if isinstance(result, Optimum) else result.suggestions
    venues = [
        VenueMark(s.name, s.lat, s.lon, "suggested venue", VENUE_COLOR, properties=(("status", "suggested"),))
        for s in suggestions
    ]
    mark = best_mark(result, objective)
    title = "Best meeting point for " + ", ".join(p.name for p in parties)
    if mark.objective:
        title += f" ({mark.objective})"
    return plan_map(parties, venues, best=mark, equidistant=equidistant, rings_km=rings_km, title=title)


def routes_for_journey(journey: Journey) -> tuple[list[MapPoint], list[RouteMark]]:
    """The places of a journey as map points, its legs as a route, and for each leg beyond range
    its best refuelling-stop option as a dashed orange route with stop markers."""
    from geo.maps.plan import STOP_COLOR
    from geo.report.route import option_line

    points = [
        MapPoint(p.name, p.lat, p.lon, details=(("position query", p.query),) if p.query else ())
        for p in journey.places
    ]
    route = journey.route
    names = " → ".join(leg.start for leg in route.legs) + f" → {route.legs[-1].end}"
    label = f"{names}: {format_km(route.total_km)}, {route.hours:.1f} h"
    marks = [RouteMark(label, tuple(points))]
    for k, leg in enumerate(route.legs):
        plan = leg.stops
        if plan is None or not plan.options:
            continue
        option = plan.options[0]
        stops = [
            MapPoint(
                s.label, s.lat, s.lon, facts=s.country or "", details=(("runway", f"{s.runway_m or '?'} m"),)
            )
            for s in option.stops
        ]
        via = (points[k], *stops, points[k + 1])
        text = f"{leg.start} → {leg.end} {option_line(1, option).removeprefix('1. ')}"
        marks.append(RouteMark(text, via, STOP_COLOR, "6 4", tuple(range(1, len(via) - 1)), "stop-route"))
    for leg in route.legs:
        marks += detour_marks([leg.detour, *leg.stop_detours])
    return points, marks


def detour_marks(detours: Sequence[Detour | None]) -> list[RouteMark]:
    """Each path flown around avoided airspace (when the direct one crosses it) as a route."""
    from geo.maps.plan import DETOUR_COLOR
    from geo.report.route import detour_text

    marks = []
    for d in detours:
        if d is None or d.length_km is None or not d.crosses_direct:
            continue
        turns = tuple(
            MapPoint(d.start if k == 0 else d.end if k == len(d.waypoints) - 1 else "turn", lat, lon)
            for k, (lat, lon) in enumerate(d.waypoints)
        )
        marks.append(RouteMark(detour_text(d), turns, DETOUR_COLOR, "2 6", (), "detour"))
    return marks


def map_for_journey(journey: Journey, *, basemap: bool = True) -> PlannedMap:
    """The map of a journey: places, legs, the best refuelling stops of legs beyond range."""
    return render_plan(plan_for_journey(journey), basemap=basemap)


def plan_for_journey(journey: Journey) -> MapPlan:
    """The plan of :func:`map_for_journey` (what its page and print image draw)."""
    points, marks = routes_for_journey(journey)
    legs = journey.route.legs
    names = " → ".join([*(leg.start for leg in legs), legs[-1].end])
    title = f"Route {names}: {format_km(journey.route.total_km)}"
    if journey.aircraft is not None:
        title += f" ({journey.aircraft.id}, range {format_km(journey.aircraft.range_km)})"
    return plan_map(points, title=title, routes=marks)
