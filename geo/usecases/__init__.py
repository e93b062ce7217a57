"""One function per question, called by every shell (the CLI and the dashboard alike).

Each takes what a user typed or picked (place strings or resolved places) and returns the
core's typed result, with the summit facts attached where the question asks for them. The
shells only parse, call one of these and present the answer, so the same input gives the
same answer in both.

* :func:`check_claim` – is VENUE halfway between A and B, and the summit facts.
* :func:`robustness` – that verdict for every reasonable point of each place and the limits ± a step.
* :func:`compare_venues` – rank candidate venues for 2 to 20 parties, with facts.
* :func:`fairest_points` – the four optimal points (the core owns the weights rule).
* :func:`find_best` – the optimum of one objective and real venues near it.
* :func:`historic_summit_facts` – a historic summit's facts on its day, with the recorded host.
* :func:`plan_journey` – a multi-leg route, and refuelling stops for the legs beyond range.
* :func:`when_to_meet` – the venue's day on each delegation's home clock, best hour first.
* :func:`question_plan` – the map plan of a question: parties, venues (coloured by verdict for
  two parties, by rank for more), the best point, the equidistant line, rings;
  :func:`map_question` draws it as an interactive map, :func:`map_image` as a print image in a
  projection (:func:`projection_spec`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from geo.analysis.check import CheckResult, PlaceRef, Thresholds, attach_facts, check_halfway
from geo.analysis.limits import check_party_count
from geo.places.gazetteer import Place
from geo.places.resolve import resolve

MAX_MAP_VENUES = 50  # each venue draws one geodesic per party: more would make the page heavy

if TYPE_CHECKING:
    from geo.analysis.airspace import Detour
    from geo.analysis.hours import MeetingHours, WorkHours
    from geo.analysis.optimize import BestResult, Optimum
    from geo.analysis.robust import RobustResult
    from geo.analysis.route import Journey
    from geo.analysis.scoring import CompareResult
    from geo.analysis.suggest import SuggestionFilters
    from geo.analysis.summits import SummitCheck
    from geo.analysis.zones import ZoneSet
    from geo.facts.summit import SummitFacts
    from geo.maps.image import Rendered
    from geo.maps.plan import MapPlan
    from geo.maps.projection import ProjectionSpec, View
    from geo.maps.render import PlannedMap
    from geo.places.venues import VenueTable

PlaceInput = str | Place
AircraftInput = str | Sequence[str | None] | None


def place(value: PlaceInput, *, online: bool = False) -> Place:
    """A resolved place: strings go through :func:`geo.places.resolve.resolve`."""
    return value if isinstance(value, Place) else resolve(value, online=online)


def check_claim(
    venue: PlaceInput,
    party_a: PlaceInput,
    party_b: PlaceInput,
    *,
    thresholds: Thresholds | None = None,
    on_date: dt.date | None = None,
    aircraft: AircraftInput = None,
    avoid: Sequence[str] = (),
    buffer_km: float = 0.0,
    online: bool = False,
) -> CheckResult:
    """Is ``venue`` halfway between the parties? The verdict with its summit facts on ``on_date``
    (``result.facts``, always set here).

    >>> result = check_claim("Anchorage", "Washington", "Beijing", on_date=dt.date(2021, 3, 18))
    >>> result.verdict, result.venue.country, result.facts.venue.utc_offset_hours
    ('roughly halfway', 'US', -8.0)
    """
    from geo.facts.summit import summit_facts

    v = place(venue, online=online)
    a, b = place(party_a, online=online), place(party_b, online=online)
    facts = summit_facts(v, (a, b), on_date=on_date, aircraft=aircraft)
    if aircraft is not None:
        from geo.analysis.route import add_stop_examples

        facts = add_stop_examples([facts], [v], [a, b])[0]
    result = attach_facts(check_halfway(v, a, b, thresholds), facts)
    if avoid:
        result = replace(
            result, detours=party_detours(v, (a, b), avoid, buffer_km=buffer_km, aircraft=aircraft)
        )
    return result


def robustness(
    venue: PlaceInput,
    party_a: PlaceInput,
    party_b: PlaceInput,
    *,
    thresholds: Thresholds | None = None,
    step: float | None = None,
    online: bool = False,
) -> RobustResult:
    """Does the verdict hold for the other reasonable points of each place and the limits ± ``step``
    (:func:`geo.analysis.robust.check_robust`; default step 0.2)?

    >>> robustness("Anchorage", "Washington", "Beijing").summary
    'ROUGHLY HALFWAY under all 90 combinations of points and thresholds (30 × 3)'
    """
    from geo.analysis.robust import THRESHOLD_STEP, check_robust

    v, a, b = (place(p, online=online) for p in (venue, party_a, party_b))
    return check_robust(v, a, b, thresholds, step=THRESHOLD_STEP if step is None else step)


def party_detours(
    venue: Place,
    parties: Sequence[Place],
    avoid: Sequence[str],
    *,
    buffer_km: float = 0.0,
    aircraft: AircraftInput = None,
) -> tuple[Detour, ...]:
    """Each party's leg to ``venue`` flown around the avoided countries' airspace, judged against
    its aircraft's range (:func:`geo.analysis.airspace.detour`)."""
    from geo.analysis.airspace import detour
    from geo.facts.summit import aircraft_for_parties

    fleet = aircraft_for_parties(aircraft, len(parties))
    return tuple(
        detour(
            p.name,
            p.point,
            venue.name,
            venue.point,
            avoid,
            buffer_km=buffer_km,
            range_km=plane.range_km if plane else None,
        )
        for p, plane in zip(parties, fleet, strict=True)
    )


def compare_venues(
    parties: Sequence[PlaceInput],
    venues: Sequence[PlaceInput] | VenueTable,
    *,
    rank_by: str = "minimax",
    weights: Sequence[float] | None = None,
    top: int | None = None,
    on_date: dt.date | None = None,
    aircraft: AircraftInput = None,
    avoid: Sequence[str] = (),
    buffer_km: float = 0.0,
    online: bool = False,
) -> CompareResult:
    """Rank candidate venues for 2 to 20 parties, with the summit facts of each venue.

    With ``avoid``, the first venues (:data:`geo.analysis.airspace.MAX_DETOUR_LEGS` party legs in all)
    get each party's leg flown around those countries' airspace (``VenueScore.detours``).

    >>> r = compare_venues(["Washington", "Moscow"], ["Reykjavik", "Geneva"], on_date=dt.date(2021, 3, 18))
    >>> [(v.rank, v.name, v.facts.venue.country) for v in r.venues]
    [(1, 'Reykjavík', 'IS'), (2, 'Geneva', 'CH')]
    """
    from geo.analysis.scoring import compare, with_facts
    from geo.places.venues import VenueTable

    check_party_count(len(parties))
    if top is not None and top < 1:
        from geo.errors import InvalidInputError

        raise InvalidInputError(f"top must be at least 1, not {top}")
    resolved = [place(p, online=online) for p in parties]
    table = (
        venues
        if isinstance(venues, VenueTable)
        else VenueTable.of_places(place(v, online=online) for v in venues)
    )
    result = with_facts(
        compare(resolved, table, rank_by=rank_by, weights=weights, top=top),
        on_date=on_date,
        aircraft=aircraft,
    )
    if not avoid:
        return result
    from geo.analysis.airspace import MAX_DETOUR_LEGS, validate_codes
    from geo.analysis.scoring import replace_head

    codes = validate_codes(avoid)
    first = result.venues[: max(1, MAX_DETOUR_LEGS // len(resolved))]
    planned = tuple(
        replace(
            v,
            detours=party_detours(
                Place(v.name, v.lat, v.lon, "custom"), resolved, codes, buffer_km=buffer_km, aircraft=aircraft
            ),
        )
        for v in first
    )
    return replace(result, venues=replace_head(result.venues, planned))


@dataclass(frozen=True)
class FairestPoints:
    """The four optimal points of 2 to 20 parties (or why one is undefined), side by side.

    ``direct_km`` and ``nearly_antipodal`` describe the pair when there are two parties
    (``None`` otherwise): the equidistant line has no midpoint to pass through when they
    are nearly antipodal.
    """

    optima: dict[str, Optimum | str]
    direct_km: float | None
    nearly_antipodal: bool | None


def fairest_points(
    lats: Sequence[float], lons: Sequence[float], weights: Sequence[float] | None = None
) -> FairestPoints:
    """Every objective of :data:`geo.analysis.optimize.OBJECTIVES` for the same parties.

    An objective that is not defined for them (the midpoint of three parties, the midpoint
    of nearly antipodal ones) gets the reason as text instead of a point.

    >>> f = fairest_points([38.9072, 39.9042], [-77.0369, 116.4074], weights=[3, 1])
    >>> round(f.direct_km), f.nearly_antipodal, f.optima["midpoint"].note
    (11171, False, 'weights do not move it')
    """
    from geo.analysis.optimize import OBJECTIVES, optimum
    from geo.core.geodesy import LatLon, distance_km, is_nearly_antipodal
    from geo.errors import GeoError

    out: dict[str, Optimum | str] = {}
    for objective in OBJECTIVES:
        try:
            out[objective] = optimum(lats, lons, objective, weights)
        except GeoError as exc:
            out[objective] = str(exc)
    direct = antipodal = None
    if len(lats) == 2:
        direct = float(distance_km(lats[0], lons[0], lats[1], lons[1]))
        antipodal = is_nearly_antipodal(LatLon(lats[0], lons[0]), LatLon(lats[1], lons[1]))
    return FairestPoints(out, direct, antipodal)


def find_best(
    parties: Sequence[PlaceInput | PlaceRef],
    objective: str = "minimax",
    *,
    weights: Sequence[float] | None = None,
    suggest: int = 5,
    filters: SuggestionFilters | None = None,
    online: bool = False,
) -> BestResult:
    """The optimal point of ``objective`` and the ``suggest`` best real venues near it.

    >>> r = find_best(["Washington", "Beijing"], "midpoint", weights=[3, 1], suggest=0)
    >>> r.objective, round(r.max_km)
    ('midpoint', 5585)
    """
    from geo.analysis.optimize import best

    check_party_count(len(parties))
    resolved = [resolve(p, online=online) if isinstance(p, str) else p for p in parties]
    return best(resolved, objective, weights=weights, suggest=suggest, filters=filters)


def map_question(
    parties: Sequence[PlaceInput],
    venues: Sequence[PlaceInput] = (),
    *,
    best: str | None = None,
    equidistant: bool = False,
    rings_km: Sequence[float] = (),
    on_date: dt.date | None = None,
    aircraft: AircraftInput = None,
    basemap: bool = True,
    avoid: Sequence[str] = (),
    buffer_km: float = 0.0,
    online: bool = False,
) -> PlannedMap:
    """The interactive map of a question: :func:`question_plan` drawn with folium.

    >>> m = map_question(["Washington", "Beijing"], ["Anchorage"], on_date=dt.date(2021, 3, 18))
    >>> "Is Anchorage halfway between Washington, D.C. and Beijing? Roughly halfway" in m.get_root().render()
    True
    """
    from geo.maps.render import render_plan

    plan = question_plan(
        parties,
        venues,
        best=best,
        equidistant=equidistant,
        rings_km=rings_km,
        on_date=on_date,
        aircraft=aircraft,
        avoid=avoid,
        buffer_km=buffer_km,
        online=online,
    )
    return render_plan(plan, basemap=basemap)


def question_plan(
    parties: Sequence[PlaceInput],
    venues: Sequence[PlaceInput] = (),
    *,
    best: str | None = None,
    equidistant: bool = False,
    rings_km: Sequence[float] = (),
    on_date: dt.date | None = None,
    aircraft: AircraftInput = None,
    avoid: Sequence[str] = (),
    buffer_km: float = 0.0,
    online: bool = False,
) -> MapPlan:
    """The map plan of a question (what the HTML map and the print image both draw), with the
    summit facts in its tooltips.

    Two parties and venues: each venue coloured by its halfway verdict (one venue: the verdict
    is the title). More parties: venues coloured by minimax rank. ``best`` draws that
    objective's optimum with its minimax circle, ``equidistant`` the equidistant line (two
    parties), ``rings_km`` range rings; with ``aircraft`` each party gets its range ring; with
    ``avoid`` each party's path around those countries' airspace is drawn too.

    >>> plan = question_plan(["Washington", "Beijing"], ["Anchorage"], on_date=dt.date(2021, 3, 18))
    >>> plan.title
    'Is Anchorage halfway between Washington, D.C. and Beijing? Roughly halfway'
    """
    from geo.errors import InvalidInputError
    from geo.facts.summit import aircraft_for_parties
    from geo.maps import results as maps
    from geo.maps.plan import MapPoint, VenueMark, plan_map

    check_party_count(len(parties))
    if len(venues) > MAX_MAP_VENUES:
        raise InvalidInputError(f"a map takes at most {MAX_MAP_VENUES} venues, not {len(venues)}")
    if equidistant and len(parties) != 2:
        raise InvalidInputError("the equidistant line needs exactly two parties")
    resolved = [place(p, online=online) for p in parties]
    venue_places = [place(v, online=online) for v in venues]
    rings = aircraft is not None
    fleet = aircraft_for_parties(aircraft, len(resolved))
    points = [
        MapPoint(
            p.name, p.lat, p.lon, range_km=a.range_km if a else None, range_label=f"{a.id} range" if a else ""
        )
        for p, a in zip(resolved, fleet, strict=True)
    ]
    marks: list[VenueMark] = []
    title = None
    detours: list[Detour] = []
    if venue_places and len(resolved) == 2:
        checks = [
            check_claim(
                v,
                resolved[0],
                resolved[1],
                on_date=on_date,
                aircraft=aircraft,
                avoid=avoid,
                buffer_km=buffer_km,
            )
            for v in venue_places
        ]
        detours = [d for c in checks for d in c.detours]
        marks = [maps.venue_mark_for_check(c) for c in checks]
        points = maps.party_points(checks[0].parties, checks[0].facts, range_rings=rings)
        if len(checks) == 1:
            title = maps.check_title(checks[0])
    elif venue_places:
        ranked = compare_venues(
            resolved, venue_places, on_date=on_date, aircraft=aircraft, avoid=avoid, buffer_km=buffer_km
        )
        detours = [d for v in ranked.venues for d in v.detours]
        marks = maps.venue_marks_for_compare(ranked)
        points = maps.party_points(ranked.parties, ranked.venues[0].facts, range_rings=rings)
    best_mark = None
    if best is not None:
        from geo.analysis.optimize import optimum

        best_mark = maps.best_mark(optimum([p.lat for p in resolved], [p.lon for p in resolved], best), best)
    line = None
    if equidistant:
        from geo.core.equidistant import equidistant_line

        line = equidistant_line(resolved[0].point, resolved[1].point)
    return plan_map(
        points,
        marks,
        best=best_mark,
        equidistant=line,
        rings_km=rings_km,
        title=title,
        routes=maps.detour_marks(detours),
    )


def projection_spec(text: str = "mercator", *, online: bool = False) -> ProjectionSpec:
    """A ``--projection`` value (``mercator``, ``globe[:PLACE]``, ``north``, ``south``,
    ``aeqd[:PLACE]``) with its centre resolved like any place (a name, a code or ``LAT,LON``).

    >>> spec = projection_spec("aeqd:Anchorage")
    >>> spec.kind, spec.centre_name, round(spec.centre.lat, 2)
    ('aeqd', 'Anchorage', 61.22)
    """
    from geo.maps.projection import ProjectionSpec, parse_projection

    kind, query = parse_projection(text)
    if query is None:
        return ProjectionSpec(kind)
    centre = place(query, online=online)
    return ProjectionSpec(kind, centre.point, centre.name)


def map_image(
    plan: MapPlan,
    projection: str | ProjectionSpec = "mercator",
    *,
    fmt: str = "png",
    size: str = "A4",
    dpi: int | None = None,
    online: bool = False,
) -> Rendered:
    """The print image of a map plan (:func:`question_plan` or a ``geo.maps.results`` plan):
    PNG, SVG or PDF in one of the projections of :mod:`geo.maps.projection`.

    ``size`` is ``A4`` or ``A5`` (landscape) or ``WxH`` in millimetres; ``dpi`` defaults to
    300 (it matters for PNG only).
    """
    from geo.maps.image import DEFAULT_DPI, parse_size, render_image
    from geo.maps.projection import view_for

    size_mm = parse_size(size)
    spec = projection_spec(projection, online=online) if isinstance(projection, str) else projection
    return render_image(
        plan, view_for(plan, spec), fmt=fmt, size_mm=size_mm, dpi=DEFAULT_DPI if dpi is None else dpi
    )


def map_page(plan: MapPlan, projection: str | ProjectionSpec, *, online: bool = False) -> tuple[str, View]:
    """The interactive page of a map plan in a globe or azimuthal projection (not Mercator,
    which is the folium page): self-contained HTML drawn with d3-geo
    (:mod:`geo.maps.projected_html`), and the view it shows, chosen as for the print image.

    >>> from geo.maps.plan import MapPoint, plan_map
    >>> page, view = map_page(plan_map([MapPoint("A", 60, 0), MapPoint("B", 60, 180)]), "north")
    >>> view.centre_name, "d3-geo" in page
    ('the North Pole', True)
    """
    from geo.errors import InvalidInputError
    from geo.maps.projected_html import projected_page
    from geo.maps.projection import view_for

    spec = projection_spec(projection, online=online) if isinstance(projection, str) else projection
    if spec.kind == "mercator":
        raise InvalidInputError(
            "the Mercator map is the Leaflet page (geo.maps.render), not a projected page"
        )
    view = view_for(plan, spec)
    return projected_page(plan, view), view


def historic_summit_facts(result: SummitCheck) -> tuple[SummitFacts, str | None]:
    """Host country, neutrality, clocks and flights of a summit on its first day, and a note
    when the country polygons disagree with the record.

    The host is the curated ``venue_country`` of data/summits.csv: where the polygons
    disagree (the Peace House at Panmunjom lies metres south of the demarcation line, which
    the 1:10m layer cannot draw), the record wins and the note says so.

    >>> from geo.analysis.summits import check_summit, load_summits
    >>> s = next(s for s in load_summits() if s.id.startswith("panmunjom"))
    >>> facts, note = historic_summit_facts(check_summit(s))
    >>> facts.venue.country, note is not None
    ('KR', True)
    """
    from geo.facts.countries import sovereigns
    from geo.facts.summit import summit_facts

    s = result.summit
    facts = summit_facts(s.venue, s.parties, on_date=dt.date.fromisoformat(s.date))
    found = facts.venue
    if found.country == s.venue_country:
        return facts, None
    where = f"{found.country_name} ({found.country})" if found.country else "no country"
    note = (
        f"The 1:10m country polygons put this point in {where}: the border here is finer than "
        f"the map data. The host above is the record's, {s.venue_country_name}."
    )
    sovereign = sovereigns().get(s.venue_country, s.venue_country)
    states = {x for p in facts.parties for x in (p.country, p.sovereign) if x}
    venue = replace(
        found,
        country=s.venue_country,
        country_name=s.venue_country_name,
        sovereign=sovereign,
        country_distance_km=None,
        neutral=not ({s.venue_country, sovereign} & states),
    )
    return replace(facts, venue=venue), note


def plan_journey(
    places: Sequence[PlaceInput],
    *,
    aircraft: str | None = None,
    max_stops: int = 2,
    options: int = 5,
    neutral: bool = False,
    min_runway_m: int = 2500,
    avoid: Sequence[str] = (),
    buffer_km: float = 0.0,
    online: bool = False,
) -> Journey:
    """The legs of a route (``A-B-C`` strings or separate places) and, with an aircraft, the
    refuelling stops of each leg beyond its range.

    ``neutral`` keeps stops out of the states of the route's two ends (the parties); ``avoid``
    flies every leg around those countries' airspace (``buffer_km`` off their land).

    >>> j = plan_journey(["Pyongyang", "Washington"], aircraft="il-62m")
    >>> leg = j.route.legs[0]
    >>> round(leg.distance_km), leg.nonstop, leg.stops.fewest_stops, leg.stops.options[0].stops[0].city
    (11067, False, 1, 'Churchill')
    """
    from geo.analysis.route import Journey, plan_route
    from geo.analysis.suggest import party_countries
    from geo.facts.aircraft import find_aircraft
    from geo.places.resolve import resolve_route

    queries = [p for p in places if isinstance(p, str)]
    resolved = (
        resolve_route(queries, online=online)
        if len(queries) == len(places)
        else [place(p, online=online) for p in places]
    )
    plane = find_aircraft(aircraft) if aircraft else None
    excluded = party_countries([resolved[0].country, resolved[-1].country]) if neutral else ()
    route = plan_route(
        [((p.iata or p.icao or p.name) if p.kind == "airport" else p.name, p.point) for p in resolved],
        range_km=plane.range_km if plane else None,
        aircraft=plane.id if plane else None,
        max_stops=max_stops,
        k=options,
        min_runway_m=min_runway_m,
        excluded_countries=excluded,
        avoid=avoid,
        buffer_km=buffer_km,
    )
    refs = tuple(PlaceRef.of(p) for p in resolved)
    return Journey(refs, route, plane, max_stops, min_runway_m, neutral, tuple(excluded), buffer_km)


def when_to_meet(
    venue: PlaceInput,
    parties: Sequence[PlaceInput],
    *,
    on_date: dt.date,
    work: WorkHours | str | None = None,
    online: bool = False,
) -> MeetingHours:
    """Every hour of the venue's day on ``on_date`` on each delegation's home clock (= body
    clock), ranked best first (:func:`geo.analysis.hours.meeting_hours`).

    ``work`` is the working window at home, as :class:`~geo.analysis.hours.WorkHours` or
    text such as ``"9-18"`` (the default).

    >>> r = when_to_meet("Anchorage", ["Washington", "Beijing"], on_date=dt.date(2021, 3, 18), work="9-18")
    >>> r.best.venue_time, [c.local_time for c in r.best.clocks]
    ('17:00', ['21:00', '09:00'])
    """
    from geo.analysis.hours import meeting_hours, parse_work_hours

    window = parse_work_hours(work) if isinstance(work, str) else work
    check_party_count(len(parties))
    resolved = [place(p, online=online) for p in parties]
    return meeting_hours(place(venue, online=online), resolved, on_date, window)


def find_zones(
    parties: Sequence[PlaceInput | PlaceRef],
    objective: str | None = None,
    *,
    within_pct: float = 5.0,
    weights: Sequence[float] | None = None,
    thresholds: Thresholds | None = None,
    online: bool = False,
) -> ZoneSet:
    """Where a claim would be true: the halfway zones of two parties (``objective`` ``halfway``,
    the default for two) or the ``within_pct`` % ``minimax`` (default for more) or ``minsum``
    zone of 2 to 20.

    >>> zs = find_zones(["Washington", "Beijing"])
    >>> [z.kind for z in zs.zones]
    ['halfway', 'roughly halfway', 'equal distance']
    """
    from geo.analysis.zones import OBJECTIVES, fairness_zone, halfway_zones
    from geo.errors import InvalidInputError

    check_party_count(len(parties))
    resolved = [p if isinstance(p, PlaceRef) else place(p, online=online) for p in parties]
    objective = objective or ("halfway" if len(resolved) == 2 else "minimax")
    if objective not in OBJECTIVES:
        raise InvalidInputError(f"unknown objective {objective!r}; choose {', '.join(OBJECTIVES)}")
    if objective == "halfway":
        if len(resolved) != 2:
            raise InvalidInputError(
                f"halfway zones need exactly 2 parties, not {len(resolved)}; use --objective minimax "
                "or minsum"
            )
        return halfway_zones(resolved[0], resolved[1], thresholds)
    return fairness_zone(resolved, objective, within_pct, weights)
