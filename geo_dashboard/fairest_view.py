"""Dashboard view "Find the fairest venue": where should 2 to 20 parties meet, and fair in what sense?

The four optimal points of :mod:`geo.analysis.optimize` side by side (geodesic midpoint, GeoMidpoint's
centre of gravity, the geometric median, the 1-centre), where each lies, the equidistant line
of two parties (:mod:`geo.core.equidistant`) and real airports or cities near the chosen optimum
(:mod:`geo.analysis.suggest`). Every number comes from ``geo``; this module lays them out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import streamlit as st

from geo.analysis.check import PlaceRef
from geo.analysis.optimize import OBJECTIVES, BestResult, Optimum
from geo.analysis.scoring import MAX_PARTIES, MIN_PARTIES, validate_weights
from geo.analysis.suggest import (
    AIRPORT_TYPES,
    DEFAULT_AIRPORT_TYPES,
    DEFAULT_MIN_POPULATION,
    DEFAULT_MIN_RUNWAY_M,
    MAX_SUGGESTIONS,
    Suggestion,
    SuggestionFilters,
)
from geo.analysis.zones import DEFAULT_WITHIN_PCT
from geo.core.equidistant import EquidistantLine, equidistant_line
from geo.core.geodesy import LatLon
from geo.core.units import format_km, format_lat_lon
from geo.errors import GeoError
from geo.facts.summit import VenueFacts, facts_for_venues
from geo.maps.plan import MapPlan, MapPoint, VenueMark, plan_map
from geo.maps.results import best_mark
from geo.report.escape import csv_dicts, md_escape
from geo.report.jsonout import dumps
from geo.usecases import FairestPoints, fairest_points, find_best
from geo_dashboard.common import (
    ZERO_WEIGHT_HELP,
    map_plan,
    parse_weights,
    places_input,
    plan_files,
    search_to_list,
    show_error,
    show_map,
    slug,
    zero_weight_note,
)
from geo_dashboard.zones import (
    ShownZones,
    fair_objective,
    with_zones,
    within_input,
    zone_details,
    zones_for,
    zones_switch,
)

DEFAULT_PARTIES = ("Washington", "Beijing")
DEFAULT_OBJECTIVE = "minimax"
DEFAULT_SUGGESTIONS = 10
MAX_WEIGHTS_CHARS = 400

# What each objective is called, and what "fair" means for it, in one sentence.
TITLES = {
    "midpoint": "Geodesic midpoint",
    "centroid": "Centre of gravity",
    "minsum": "Least total travel",
    "minimax": "Shortest longest trip",
}
SHORT = {
    "midpoint": "geodesic midpoint",
    "centroid": "centre of gravity (centroid)",
    "minsum": "geometric median (minsum)",
    "minimax": "smallest worst case (minimax)",
}
FAIR = {
    "midpoint": "Both parties fly the same distance, halfway along the shortest path between them.",
    "centroid": (
        "GeoMidpoint's “centre of gravity”, the weighted 3-D mean of the positions: what most online "
        "“midpoint” tools show; not optimal in any distance sense, shown for comparison."
    ),
    "minsum": (
        "The geometric median: the least total flying (weighted by travellers), even if one party "
        "flies much further than the others."
    ),
    "minimax": "The longest trip is as short as possible: nobody flies further than they must.",
}
MIDPOINT_UNDEFINED = (
    "Not defined for {n} parties: a geodesic midpoint is halfway along the shortest path between "
    "*two* places, and {n} places have no single path. Minimax generalises it (for two parties it "
    "is the midpoint)."
)
# Markers of the optimal points that are not the chosen objective (that one is the map's "best point").
OPTIMUM_COLORS = {"midpoint": "#000000", "centroid": "#e66101", "minsum": "#01665e", "minimax": "#b2182b"}
SUGGESTION_COLOR = "#2c7fb8"


# --- inputs -----------------------------------------------------------------------------------


def parties_input() -> tuple[list[PlaceRef], list[int], int]:
    """The parties: the text area's lines (the search list adds lines).

    Returns the accepted parties, the index of each in the full list (the lines, the order of
    the weights), and the length of that full list. Errors are shown inline.
    """
    left, right = st.columns([3, 2])
    with left:
        rows = places_input("Parties, one per line (2 to 20)", "fp", DEFAULT_PARTIES, height=140)
    with right:
        search_to_list(
            "Add a capital or an airport (type to search)",
            "fpick",
            "fp",
            placeholder="e.g. Reykjavik, KEF, Singapore …",
            help="Capitals by name, airports with a runway of 2,500 m or more by IATA/ICAO code. "
            "Each pick becomes a new line on the left.",
        )
    refs: list[PlaceRef] = []
    positions: list[int] = []
    for i, (_, _, place, _) in enumerate(rows):
        if place is not None:
            refs.append(PlaceRef.of(place))
            positions.append(i)
    return refs, positions, len(rows)


def weights_input(positions: Sequence[int], total: int) -> tuple[tuple[float, ...] | None, bool]:
    """Travellers per party, one per entry of the list; returns (weights of the accepted parties, ok)."""
    text = st.text_input(
        "Weights: travellers per party (optional)",
        value="",
        key="fw",
        bind="query-params",
        max_chars=MAX_WEIGHTS_CHARS,
        placeholder="e.g. 3 1 — blank: one each",
        help="One number per party, in list order (lines first, then the added entries). " + ZERO_WEIGHT_HELP,
    )
    weights, error = parse_weights(text or "", total)
    if error:
        show_error(f"weights {text.strip()[:40]!r}: {error}")
        return None, False
    if weights is None:
        return None, True
    try:
        chosen = tuple(weights[i] for i in positions)
        validate_weights(chosen, len(chosen))
    except GeoError as exc:
        show_error(f"weights {text.strip()!r}: {exc}")
        return None, False
    return chosen, True


def filters_input(parties: int) -> tuple[str, int, SuggestionFilters | None]:
    """Objective, count and filters of the suggested venues; filters None after an inline error."""
    cols = st.columns([2, 1, 1, 1])
    with cols[0]:
        objective = st.selectbox(
            "Suggest venues for",
            OBJECTIVES,
            index=OBJECTIVES.index(DEFAULT_OBJECTIVE),
            key="obj",
            bind="query-params",
            format_func=lambda o: f"{TITLES[o]} ({o})",
        )
    with cols[1]:
        source = st.selectbox(
            "Venues",
            ("airports", "cities"),
            key="fsrc",
            bind="query-params",
            help="Airports from OurAirports, cities of 15,000+ people from GeoNames.",
        )
    with cols[2]:
        k = st.number_input(
            "How many", 1, MAX_SUGGESTIONS, DEFAULT_SUGGESTIONS, 1, key="k", bind="query-params"
        )
    with cols[3]:
        neutral = st.checkbox(
            "Neutral only",
            value=True,
            key="neu",
            bind="query-params",
            help="Leave out every party's own country.",
        )
    objective = objective or DEFAULT_OBJECTIVE
    cols = st.columns([1, 2])
    if source == "cities":
        with cols[0]:
            population = st.number_input(
                "Minimum population",
                0,
                50_000_000,
                DEFAULT_MIN_POPULATION,
                50_000,
                key="fpop",
                bind="query-params",
            )
        filters = SuggestionFilters("cities", bool(neutral), min_population=int(population))
    else:
        with cols[0]:
            runway = st.number_input(
                "Minimum runway, m",
                0,
                6000,
                DEFAULT_MIN_RUNWAY_M,
                100,
                key="rwy",
                bind="query-params",
                help="2,500 m is enough for the long-haul aircraft of heads of state (747-8, A330, 777). "
                "Airports without a recorded runway length are left out when this is above 0.",
            )
        with cols[1]:
            types = st.multiselect(
                "Airport types",
                AIRPORT_TYPES,
                default=list(DEFAULT_AIRPORT_TYPES),
                key="atype",
                bind="query-params",
            )
        if not types:
            show_error("Choose at least one airport type.")
            return objective, int(k), None
        filters = SuggestionFilters("airports", bool(neutral), int(runway), tuple(types))
    if objective == "midpoint" and parties != 2:
        st.error(f"The midpoint is not defined for {parties} parties; suggest venues for another objective.")
        return objective, int(k), None
    return objective, int(k), filters


# --- cached computations (keyed on plain tuples of the inputs) ------------------------------


@st.cache_data(show_spinner=False, max_entries=128)
def optima(
    lats: tuple[float, ...], lons: tuple[float, ...], weights: tuple[float, ...] | None
) -> FairestPoints:
    """The four optimal points (:func:`geo.usecases.fairest_points`), or why one is not defined."""
    points = fairest_points(lats, lons, weights)
    if len(lats) != 2:  # the core's reason names the objectives to use; this one explains the word
        points.optima["midpoint"] = MIDPOINT_UNDEFINED.format(n=len(lats))
    return points


@st.cache_data(show_spinner=False, max_entries=128)
def whereabouts(
    points: tuple[tuple[str, float, float], ...], parties: tuple[PlaceRef, ...], day: str
) -> list[VenueFacts]:
    """Host country (or none: at sea) and neutrality of each point (``geo.facts.summit``)."""
    facts = facts_for_venues(
        [MapPoint(n, lat, lon) for n, lat, lon in points],
        parties,
        on_date=dt.date.fromisoformat(day),
        max_overflight_legs=0,
    )
    return [f.venue for f in facts]


@st.cache_data(show_spinner=False, max_entries=64)
def best_venues(
    parties: tuple[PlaceRef, ...],
    objective: str,
    weights: tuple[float, ...] | None,
    k: int,
    filters: SuggestionFilters,
) -> BestResult:
    """:func:`geo.usecases.find_best` (as the CLI's ``best``): the optimum and the ``k`` best real venues."""
    return find_best(parties, objective, weights=weights, suggest=k, filters=filters)


@st.cache_data(show_spinner=False, max_entries=64)
def equidistant(a: tuple[float, float], b: tuple[float, float]) -> EquidistantLine:
    """The equidistant line of two parties (``geo.core.equidistant``)."""
    return equidistant_line(LatLon(*a), LatLon(*b))


# --- output -----------------------------------------------------------------------------------


def where_text(facts: VenueFacts | None) -> str:
    """Where a point lies, in a few words."""
    if facts is None:
        return ""
    if not facts.country:
        return "at sea (in no country)"
    text = f"in {facts.country_name or facts.country} ({facts.country})"
    if facts.country_distance_km:
        text += f", {facts.country_distance_km:.0f} km offshore"
    return text + ("" if facts.neutral else ", a party's own country")


def card_markdown(objective: str, result: Optimum | str, facts: VenueFacts | None) -> str:
    """One optimal point as Markdown: what it is, what fair means for it, where it lies, its numbers."""
    lines = [f"##### {TITLES[objective]}", f"`{objective}` · {FAIR[objective]}", ""]
    if isinstance(result, str):
        lines.append(result if result.startswith("Not defined") else f"**Not defined:** {result}")
        return "\n".join(lines)
    lines += [
        f"📍 **{format_lat_lon(result.lat, result.lon)}**, {where_text(facts)}",
        "",
        f"Longest trip **{format_km(result.max_km)}** · total {format_km(result.sum_km)}",
    ]
    if result.note:
        lines += ["", f"*{result.note[0].upper()}{result.note[1:]}.*"]
    return "\n".join(lines)


def distance_rows(parties: Sequence[PlaceRef], results: dict[str, Optimum | str]) -> list[dict[str, object]]:
    """Each party's trip to each optimal point, then the longest trip and the total, km."""
    labels = [p.name for p in parties] + ["longest trip", "total (weighted)"]
    rows: list[dict[str, object]] = [{"": label} for label in labels]
    for objective in OBJECTIVES:
        r = results[objective]
        values = [None] * len(labels) if isinstance(r, str) else [*r.distances_km, r.max_km, r.sum_km]
        for row, value in zip(rows, values, strict=True):
            row[SHORT[objective]] = "not defined" if value is None else round(value, 1)
    return rows


def suggestion_rows(suggestions: Sequence[Suggestion]) -> list[dict[str, object]]:
    """The suggested venues as table rows (also the CSV)."""
    rows: list[dict[str, object]] = []
    for rank, s in enumerate(suggestions, start=1):
        row: dict[str, object] = {
            "rank": rank,
            "name": s.name,
            "IATA": s.iata or "",
            "ICAO": s.icao or "",
            "country": s.country or "",
            "lat": s.lat,
            "lon": s.lon,
            "max_km": round(s.max_km, 1),
            "sum_km": round(s.sum_km, 1),
            "to_point_km": round(s.to_point_km, 1),
        }
        if s.kind == "city":
            row["population"] = s.population
        else:
            row["runway_m"] = s.runway_m
            row["type"] = s.type
        rows.append(row)
    return rows


def result_json(
    parties: Sequence[PlaceRef],
    weights: Sequence[float] | None,
    results: dict[str, Optimum | str],
    facts: dict[str, VenueFacts],
    result: BestResult | None,
) -> str:
    """Everything the view shows as one JSON document (``geo.report.jsonout``).

    Keys: ``parties``, ``weights`` (``null`` = one each), ``optima`` (per objective an
    ``Optimum`` or ``{"error": why}``), ``where`` (host country facts per defined optimum) and
    ``best`` (the ``BestResult`` with the suggestions, or ``null``).
    """
    document = {
        "parties": list(parties),
        "weights": None if weights is None else list(weights),
        "optima": {o: ({"error": r} if isinstance(r, str) else r) for o, r in results.items()},
        "where": facts,
        "best": result,
    }
    return dumps(document)


def fairest_plan(
    parties: Sequence[PlaceRef],
    results: dict[str, Optimum | str],
    chosen: str,
    result: BestResult | None,
    line: EquidistantLine | None,
) -> MapPlan:
    """The parties, the optimal points, the equidistant line and the suggestions
    (``geo.maps.plan.plan_map``).

    The chosen objective's point is the map's best point (paths and minimax circle); the other
    optima are markers of their own colour; with two parties the map draws the direct path and
    its midpoint itself.
    """
    venues: list[VenueMark] = []
    for objective in OBJECTIVES:
        r = results[objective]
        if isinstance(r, str) or objective == chosen or objective == "midpoint":
            continue
        venues.append(
            VenueMark(
                f"{TITLES[objective]} ({objective})",
                r.lat,
                r.lon,
                f"{objective} point",
                OPTIMUM_COLORS[objective],
                (
                    ("longest trip", format_km(r.max_km)),
                    ("total", format_km(r.sum_km)),
                    ("fair means", FAIR[objective]),
                ),
            )
        )
    suggestions = result.suggestions if result is not None else ()
    for rank, s in enumerate(suggestions, start=1):
        code = f" ({s.iata or s.icao})" if (s.iata or s.icao) else ""
        details = [
            ("country", s.country or "–"),
            ("longest trip", format_km(s.max_km)),
            ("total", format_km(s.sum_km)),
        ]
        if s.runway_m is not None:
            details.append(("runway", f"{s.runway_m:,} m"))
        venues.append(
            VenueMark(
                f"{rank}. {s.name}{code}", s.lat, s.lon, "suggested venue", SUGGESTION_COLOR, tuple(details)
            )
        )
    point: BestResult | Optimum | str | None = result if result is not None else results[chosen]
    mark = None if isinstance(point, str) or point is None else best_mark(point)
    title = f"Fairest venue for {', '.join(p.name for p in parties)} ({chosen})"
    return plan_map(
        [MapPoint(p.name, p.lat, p.lon) for p in parties], venues, best=mark, equidistant=line, title=title
    )


# --- the view ---------------------------------------------------------------------------------


def zones_section(
    parties: Sequence[PlaceRef], objective: str, weights: tuple[float, ...] | None
) -> ShownZones | None:
    """The zones switch (``fzones`` in the URL) and, for a minimax or minsum zone, its percentage
    (``fwithin``): the chosen objective's zone if it is minimax or minsum, else the halfway zones of
    two parties or the minimax zone of more. None when off or after an inline error."""
    zone_objective = objective if objective in ("minimax", "minsum") else fair_objective(len(parties))
    cols = st.columns([1, 1, 2])
    with cols[0]:
        on = zones_switch("fzones")
    within = DEFAULT_WITHIN_PCT
    if on and zone_objective is not None:
        with cols[1]:
            within = within_input("fwithin")
    if not on:
        return None
    return zones_for(parties, zone_objective, within_pct=within, weights=weights)


def render() -> None:
    """Draw the view."""
    st.subheader("Find the fairest venue")
    st.caption(
        "Where should 2 to 20 parties meet? Four answers, each fair in its own sense, measured with "
        "WGS84 geodesics; then the real airports nearest to the answer you choose."
    )
    parties, positions, total = parties_input()
    if parties:
        st.caption(
            "Parties: "
            + "; ".join(
                f"{i}. {md_escape(p.name)}" + (f" ({p.country})" if p.country else "")
                for i, p in enumerate(parties, 1)
            )
        )
    weights, weights_ok = weights_input(positions, total)
    n = len(parties)
    if n < MIN_PARTIES:
        st.info(f"Enter at least {MIN_PARTIES} parties that resolve to see the fairest points.")
        return
    if n > MAX_PARTIES:
        show_error(f"{n} parties; give at most {MAX_PARTIES}.")
        return
    if not weights_ok:
        st.info("Fix the weights to see the fairest points.")
        return
    if total > n:
        st.caption(f"Computing for the {n} parties that resolve; the lines in error are left out.")

    lats = tuple(p.lat for p in parties)
    lons = tuple(p.lon for p in parties)
    fair = optima(lats, lons, weights)
    results = fair.optima
    defined = [(o, r) for o, r in results.items() if not isinstance(r, str)]
    day = dt.date.today().isoformat()
    try:
        located = whereabouts(tuple((TITLES[o], r.lat, r.lon) for o, r in defined), tuple(parties), day)
    except GeoError as exc:  # missing country or time-zone data: the numbers still show
        show_error(f"Where the points lie is unknown: {exc}")
        located = []
    facts = dict(zip([o for o, _ in defined], located, strict=False))

    st.markdown("#### The four fairest points")
    if n == 2:
        a, b = parties
        direct = fair.direct_km or 0.0
        st.markdown(
            f"{md_escape(a.name)}–{md_escape(b.name)} direct: **{format_km(direct)}** (WGS84 geodesic)."
        )
    zero_weight_note([p.name for p in parties], weights)
    if weights is not None:
        st.caption(
            "Weights: "
            + md_escape(", ".join(f"{p.name} {w:g}" for p, w in zip(parties, weights, strict=True)))
        )
    for col, objective in zip(st.columns(4), OBJECTIVES, strict=True):
        with col:
            st.markdown(card_markdown(objective, results[objective], facts.get(objective)))
    st.markdown("**Each party's trip to each point, km**")
    st.dataframe(distance_rows(parties, results), hide_index=True, width="stretch")

    line: EquidistantLine | None = None
    if n == 2:
        st.markdown("#### The equidistant line")
        try:
            line = equidistant((parties[0].lat, parties[0].lon), (parties[1].lat, parties[1].lon))
        except GeoError as exc:
            st.info(md_escape(f"No equidistant line: {exc}."))
        else:
            name_a, name_b = (md_escape(p.name) for p in parties)
            if fair.nearly_antipodal:
                where = (
                    "Every point of this line (not drawn on the map: the parties are nearly antipodal, "
                    "so there is no midpoint to draw it through; download it below)"
                )
                through = ""
            else:
                where = "Every point of the purple dashed line on the map"
                through = " It goes round the globe through the midpoint."
            st.markdown(
                f"{where} is exactly as far from {name_a} as from {name_b} (to 1 mm on the ellipsoid): "
                f"a venue on it splits the trip 50/50, however long it is.{through}"
            )
            feature = line.to_geojson(
                {"kind": "equidistant line", "a": parties[0].name, "b": parties[1].name}
            )
            st.download_button(
                "Download the equidistant line (GeoJSON)",
                data=dumps(feature).encode("utf-8"),
                file_name=f"equidistant-{slug(parties[0].name)}-{slug(parties[1].name)}.geojson",
                mime="application/geo+json",
                key="download-fairest-geojson",
                on_click="ignore",
            )

    st.markdown("#### Real venues near the fairest point")
    objective, k, filters = filters_input(n)
    result: BestResult | None = None
    if filters is not None:
        try:
            result = best_venues(tuple(parties), objective, weights, k, filters)
        except GeoError as exc:
            show_error(str(exc))
    if result is not None:
        if result.note:
            st.caption(md_escape(f"Note: {result.note}."))
        rows = suggestion_rows(result.suggestions)
        if rows:
            st.dataframe(rows, hide_index=True, width="stretch")
            excluded = ", ".join(result.filters.excluded_countries)
            st.caption(
                f"Ranked by {SHORT[objective]}. max = longest trip, sum = total (weighted), to_point = "
                "distance from the optimal point, km."
                + (f" Neutral: no venue in {excluded}." if result.filters.neutral and excluded else "")
            )
            st.download_button(
                "Download the suggestions (CSV)",
                data=csv_dicts(rows).encode("utf-8"),
                file_name=f"fairest-{objective}-{slug('-'.join(p.name for p in parties))}.csv",
                mime="text/csv",
                key="download-fairest-csv",
                on_click="ignore",
            )

    st.markdown("#### Map")
    zones = zones_section(parties, objective, weights)
    key = f"fairest:{(tuple(parties), weights, objective, k, filters, n == 2)!r}"
    try:
        plan = map_plan(key, lambda: fairest_plan(parties, results, objective, result, line))
        plan, key = with_zones(plan, key, zones)
        files = plan_files(key, plan)
    except GeoError as exc:
        show_error(f"The map cannot be drawn: {exc}")
    else:
        show_map(
            files,
            file_name=f"fairest-{slug('-'.join(p.name for p in parties))}.html",
            plan=plan,
            cache_key=key,
            projection_key="fproj",
        )
        if zones is not None:
            zone_details(zones)
    st.download_button(
        "Download every result (JSON)",
        data=result_json(parties, weights, results, facts, result).encode("utf-8"),
        file_name=f"fairest-{slug('-'.join(p.name for p in parties))}.json",
        mime="application/json",
        key="download-fairest-json",
        on_click="ignore",
    )
