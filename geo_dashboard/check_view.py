"""Dashboard view "Check a claim": is a venue halfway between two parties, and in what sense?"""

from __future__ import annotations

import datetime as dt
import functools

import streamlit as st

from geo.analysis.check import CheckResult, Thresholds
from geo.analysis.robust import RobustResult
from geo.errors import GeoError
from geo.maps.results import plan_for_check
from geo.places.gazetteer import Place
from geo.report.jsonout import dumps
from geo.report.markdown import verdict_markdown
from geo.report.robust import robust_markdown, robust_rows
from geo.report.text import check_card
from geo.usecases import check_claim, robustness
from geo_dashboard.common import (
    map_plan,
    place_input,
    plan_files,
    show_error,
    show_map,
    slug,
)
from geo_dashboard.facts import aircraft_inputs, avoid_input, date_input, show_detours, show_facts
from geo_dashboard.hours import show_meeting_hours
from geo_dashboard.zones import show_zones_sentence, with_zones, zone_details, zones_for, zones_switch

SEED = ("Anchorage", "Washington", "Beijing")


def thresholds_input() -> Thresholds | None:
    """The verdict limits (defaults of the CLI) in an expander; None after an inline error."""
    d = Thresholds()
    with st.expander("Verdict thresholds"):
        cols = st.columns(4)
        values = (
            cols[0].number_input(
                "halfway: max detour %", 0.0, 100.0, d.halfway_detour_pct, 0.5, key="hd", bind="query-params"
            ),
            cols[1].number_input(
                "halfway: max split offset, points",
                0.0,
                50.0,
                100 * d.halfway_split_tolerance,
                0.5,
                key="hs",
                bind="query-params",
            ),
            cols[2].number_input(
                "roughly: max detour %", 0.0, 100.0, d.roughly_detour_pct, 0.5, key="rd", bind="query-params"
            ),
            cols[3].number_input(
                "roughly: max split offset, points",
                0.0,
                50.0,
                100 * d.roughly_split_tolerance,
                0.5,
                key="rs",
                bind="query-params",
            ),
        )
    try:
        return Thresholds(values[0], values[1] / 100, values[2], values[3] / 100)
    except GeoError as exc:
        show_error(str(exc))
        return None


@functools.lru_cache(maxsize=256)
def _check(
    venue: Place,
    a: Place,
    b: Place,
    thresholds: Thresholds,
    day: dt.date,
    aircraft: tuple[str | None, ...] | None,
    avoid: tuple[str, ...] = (),
) -> CheckResult:
    """The verdict with its summit facts (:func:`geo.usecases.check_claim`), cached per input."""
    return check_claim(venue, a, b, thresholds=thresholds, on_date=day, aircraft=aircraft, avoid=avoid)


@functools.lru_cache(maxsize=64)
def _robust(venue: Place, a: Place, b: Place, thresholds: Thresholds) -> RobustResult:
    """The verdict for every reasonable point and the limits ± 20 % (:func:`geo.usecases.robustness`)."""
    return robustness(venue, a, b, thresholds=thresholds)


def show_robustness(venue: Place, a: Place, b: Place, thresholds: Thresholds) -> None:
    """The robustness panel: a switch (``robust`` in the URL), then the one line, the points and the table."""
    on = st.checkbox(
        "Robustness: other points and limits",
        key="robust",
        bind="query-params",
        help="The verdict again for each place's city centre, seat of government, large airports within "
        "60 km and an area's nearest point, and for every limit ×0.8 and ×1.2.",
    )
    if not on:
        return
    try:
        result = _robust(venue, a, b, thresholds)
    except GeoError as exc:
        show_error(str(exc))
        return
    st.markdown(robust_markdown(result))
    st.dataframe(robust_rows(result), hide_index=True, width="stretch")
    st.caption("Distances: WGS84 geodesics in km. A share: party A's part of the two trips.")


def render() -> None:
    """Draw the view."""
    st.subheader("Check a “halfway” claim")
    st.caption(
        "Opens on the seed article: US and Chinese diplomats met in Anchorage, said to be "
        "“a halfway point between Washington and Beijing”."
    )
    cols = st.columns(3)
    with cols[0]:
        venue = place_input("Venue", "venue", SEED[0])
    with cols[1]:
        party_a = place_input("Party A", "a", SEED[1])
    with cols[2]:
        party_b = place_input("Party B", "b", SEED[2])
    if venue is None or party_a is None or party_b is None:
        st.info("Fix the place above to see the verdict.")
        return

    thresholds = thresholds_input()
    if thresholds is None:
        return
    left, right = st.columns([2, 3])
    realities = st.container()  # below both columns; its inputs come first, the map needs the facts
    with realities:
        st.markdown("#### Summit realities")
        when, planes = st.columns([1, 3])
        with when:
            day = date_input("cd")
        with planes:
            aircraft = aircraft_inputs([party_a.name, party_b.name], "ca")
        avoid, _ = avoid_input("cav")
    try:
        result = _check(venue, party_a, party_b, thresholds, day, aircraft, avoid)
    except GeoError as exc:
        show_error(str(exc))
        return
    with realities:
        if result.facts is not None:  # always, from check_claim
            show_facts(result.facts)
        show_detours(result.detours)
        show_meeting_hours(venue, (party_a, party_b), day, key="cw")
    with right:  # the switch sits above the map; the card on the left says where the venue lies
        zones = zones_for((party_a, party_b), thresholds=thresholds) if zones_switch("zones") else None
    with left:
        st.markdown(verdict_markdown(result))
        card = check_card(result)
        if zones is not None:
            card += "\n" + show_zones_sentence(venue.name, venue.lat, venue.lon, zones)
        with st.expander("The numbers as a quotable card"):
            st.code(card, language=None)
        st.download_button(
            "Download the result (JSON)",
            data=dumps(result).encode("utf-8"),
            file_name=f"check-{slug(result.venue.name)}.json",
            mime="application/json",
            key="download-check-json",
            on_click="ignore",
        )
        show_robustness(venue, party_a, party_b, thresholds)
    with right:
        key = repr((venue, party_a, party_b, thresholds, day, aircraft, avoid))
        plan = map_plan(f"check:{key}", lambda: plan_for_check(result, range_rings=aircraft is not None))
        plan, key = with_zones(plan, f"check:{key}", zones)
        show_map(
            plan_files(key, plan),
            file_name=f"check-{slug(result.venue.name)}.html",
            plan=plan,
            cache_key=key,
            projection_key="proj",
        )
        if zones is not None:
            zone_details(zones)
