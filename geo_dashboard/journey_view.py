"""Dashboard view "Plan the journey": a multi-leg route, an aircraft's range, refuelling stops."""

from __future__ import annotations

import functools

import streamlit as st

from geo.analysis.route import DEFAULT_MAX_STOPS, MAX_STOPS, Journey
from geo.core.units import format_km
from geo.errors import GeoError
from geo.facts.aircraft import load_aircraft
from geo.maps.results import plan_for_journey
from geo.report.escape import md_escape
from geo.report.jsonout import dumps
from geo.report.route import journey_report, nonstop_cell, stop_cell
from geo.usecases import plan_journey
from geo_dashboard.common import map_plan, plan_files, show_error, show_map, slug
from geo_dashboard.facts import avoid_input, show_detours

SEED_ROUTE = "Pyongyang - Washington"  # Kim Jong Un's Il-62M could not fly it non-stop
SEED_AIRCRAFT = "il-62m"
NO_AIRCRAFT = "(no aircraft: legs only)"


@functools.lru_cache(maxsize=128)
def _journey(
    route: str,
    aircraft: str | None,
    stops: int,
    neutral: bool,
    runway: int,
    avoid: tuple[str, ...],
    buffer_km: float,
) -> Journey:
    """The journey (:func:`geo.usecases.plan_journey`), cached per input."""
    return plan_journey(
        [route],
        aircraft=aircraft,
        max_stops=stops,
        neutral=neutral,
        min_runway_m=runway,
        avoid=avoid,
        buffer_km=buffer_km,
    )


def _inputs() -> tuple[str, str | None, int, bool, int]:
    fleet = {a.id: a for a in load_aircraft()}
    left, right = st.columns([3, 2])
    route = left.text_input(
        "Route",
        SEED_ROUTE,
        key="route",
        bind="query-params",
        max_chars=1000,
        help="2 to 20 places joined by ' - ', '→' or '-' (JFK-LHR-SIN): names, IATA/ICAO codes or lat,lon.",
    )
    plane = right.selectbox(
        "Aircraft",
        [NO_AIRCRAFT, *fleet],
        index=1 + list(fleet).index(SEED_AIRCRAFT),
        key="jac",
        bind="query-params",
        format_func=lambda x: x if x == NO_AIRCRAFT else f"{fleet[x].name} – {fleet[x].range_km:,.0f} km",
        help="Published still-air ranges (data/aircraft.csv); legs beyond range get refuelling stops.",
    )
    cols = st.columns(3)
    stops = cols[0].number_input(
        "Most stops per leg", 1, MAX_STOPS, DEFAULT_MAX_STOPS, 1, key="jst", bind="query-params"
    )
    runway = cols[1].number_input(
        "Shortest runway of a stop, m", 0, 6000, 2500, 100, key="jrw", bind="query-params"
    )
    neutral = cols[2].checkbox(
        "Neutral stops only",
        False,
        key="jneu",
        bind="query-params",
        help="No stop in the state of the first or the last place (nor its territories).",
    )
    return route, None if plane in (None, NO_AIRCRAFT) else plane, int(stops), bool(neutral), int(runway)


def _leg_rows(journey: Journey) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for i, leg in enumerate(journey.route.legs, start=1):
        nonstop = None if leg.nonstop is None else nonstop_cell(leg)
        rows.append(
            {
                "leg": f"{i}. {leg.start} → {leg.end}",
                "km": round(leg.distance_km),
                "flight h": round(leg.hours, 1),
                "non-stop": nonstop,
                "overflies": " → ".join(leg.overflies) if leg.overflies is not None else "undefined",
            }
        )
    return rows


def _stop_rows(journey: Journey) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for leg in journey.route.legs:
        for rank, option in enumerate(leg.stops.options if leg.stops else (), start=1):
            rows.append(
                {
                    "leg": f"{leg.start} → {leg.end}",
                    "option": rank,
                    "via": " → ".join(f"{s.label}, {s.country or '–'}" for s in option.stops),
                    "legs km": " + ".join(f"{d:,.0f}" for d in option.legs_km),
                    "total km": round(option.total_km),
                    "detour %": round(option.detour_pct, 2),
                    "flight h": round(option.hours, 1),
                    "km to spare": round(option.margin_km),
                }
            )
    return rows


def render() -> None:
    """Draw the view."""
    st.subheader("Plan the journey")
    st.caption(
        "Each leg's geodesic, flight time and overflown countries; legs beyond the aircraft's range get "
        "the real airports where it could refuel (fewest stops first, then the shortest total)."
    )
    route, aircraft, stops, neutral, runway = _inputs()
    avoid, buffer_km = avoid_input("javoid", buffer=True)
    try:
        journey = _journey(route.strip(), aircraft, stops, neutral, runway, avoid, buffer_km)
    except GeoError as exc:
        show_error(str(exc))
        st.info("Fix the route above to see the legs.")
        return
    total = journey.route
    summary = f"**{len(total.legs)} leg{'s' if len(total.legs) > 1 else ''}, {format_km(total.total_km)}**"
    summary += f", {total.hours:.1f} h in the air"
    if total.detour_pct is not None and len(total.legs) > 1:
        summary += f"; {total.detour_pct:.1f} % longer than the direct {format_km(total.direct_km)}"
    st.markdown(summary)
    left, right = st.columns([2, 3])
    with left:
        st.dataframe(_leg_rows(journey), hide_index=True, width="stretch")
        options = _stop_rows(journey)
        if options:
            st.markdown("**Refuelling stops** (best first)")
            st.dataframe(options, hide_index=True, width="stretch")
        for leg in total.legs:
            if leg.stops is not None and not leg.stops.options:
                st.warning(md_escape(f"{leg.start} → {leg.end}: {stop_cell(leg.stops)}."), icon="⛽")
        show_detours([d for leg in total.legs for d in (leg.detour, *leg.stop_detours) if d is not None])
        with st.expander("The journey as text"):
            st.code(journey_report(journey), language=None)
        st.download_button(
            "Download the journey (JSON)",
            data=dumps(journey).encode("utf-8"),
            file_name=f"route-{slug(route)}.json",
            mime="application/json",
            key="download-route-json",
            on_click="ignore",
        )
    with right:
        key = repr((route.strip(), aircraft, stops, neutral, runway, avoid, buffer_km))
        plan = map_plan(f"route:{key}", lambda: plan_for_journey(journey))
        files = plan_files(f"route:{key}", plan)
        show_map(
            files,
            file_name=f"route-{slug(route)}.html",
            plan=plan,
            cache_key=f"route:{key}",
            projection_key="jproj",
        )
