"""Dashboard view "Historic summits": where rival leaders really met, and how halfway it was."""

from __future__ import annotations

import datetime as dt
import functools

import streamlit as st

from geo.analysis.check import CheckResult, attach_facts
from geo.analysis.summits import SummitCheck, check_summits
from geo.errors import GeoError
from geo.facts.summit import SummitFacts
from geo.maps.plan import MapPlan, VenueMark, plan_map
from geo.maps.results import plan_for_check
from geo.report.escape import csv_dicts
from geo.report.jsonout import dumps
from geo.report.markdown import verdict_markdown
from geo.usecases import historic_summit_facts
from geo_dashboard.common import (
    map_plan,
    plan_files,
    show_error,
    show_map,
)
from geo_dashboard.facts import show_facts
from geo_dashboard.hours import show_meeting_hours
from geo_dashboard.zones import (
    fair_objective,
    show_zones_sentence,
    with_zones,
    zone_details,
    zones_for,
    zones_switch,
)

DEFAULT = "anchorage-2021"  # the seed article's meeting
_ICONS = {"halfway": "✅", "roughly halfway": "🟡", "not halfway": "❌"}


@st.cache_data(show_spinner=False, max_entries=16)
def _brief(cache_key: str, _plan: MapPlan, _check: CheckResult, heading: str) -> bytes:
    from geo.maps.image import render_brief
    from geo.maps.projection import ProjectionSpec, view_for
    from geo.report.text import check_card

    view = view_for(_plan, ProjectionSpec("aeqd"))
    return render_brief(_plan, view, heading=heading, card=check_card(_check)).data


def summit_brief(cache_key: str, plan: MapPlan, check: CheckResult, heading: str) -> bytes:
    """A one-page A4 PDF of a summit: its verdict card (as ``check`` prints it) and its map,
    azimuthal equidistant on the venue (true distances from it), cached by ``cache_key``."""
    return _brief(cache_key, plan, check, heading)


@st.cache_resource(show_spinner=False)
def _checked() -> tuple[SummitCheck, ...]:
    """Every summit of data/summits.csv with its check, computed once per server process."""
    return check_summits()


@functools.lru_cache(maxsize=64)
def _facts(result: SummitCheck) -> tuple[SummitFacts, str | None]:
    """The summit facts on its first day (:func:`geo.usecases.historic_summit_facts`), cached."""
    return historic_summit_facts(result)


def _link(url: str) -> str:
    """A Markdown link target: parentheses (``Geneva_Summit_(1985)``) would end the link early."""
    return url.replace("(", "%28").replace(")", "%29")


def option_label(result: SummitCheck) -> str:
    """The summit's entry in the list, also its value in the URL (``?summit=1986+Reykjavík+Summit``)."""
    s = result.summit
    return s.title if str(s.year) in s.title else f"{s.year} {s.title}"


def gallery_rows(results: tuple[SummitCheck, ...]) -> list[dict[str, object]]:
    """One row per summit for the gallery table and its CSV (numbers in km and %)."""
    rows: list[dict[str, object]] = []
    for r in results:
        s, c = r.summit, r.check
        rows.append(
            {
                "year": s.year,
                "dates": s.dates_text,
                "summit": s.title,
                "venue": s.venue.name,
                "host": s.venue_country_name,
                "parties": " – ".join(p.name for p in s.parties),
                "leaders": " – ".join(s.leaders),
                "verdict": r.verdict,
                "split": None
                if c is None or c.split is None
                else f"{100 * c.split[0]:.0f}/{100 * c.split[1]:.0f}",
                "detour_pct": None if c is None or c.detour_pct is None else round(c.detour_pct, 1),
                "off_path_km": None if c is None or c.cross_track_km is None else round(c.cross_track_km),
                "farthest_km": round(max(r.distances_km)),
                "source": s.source_url,
                "id": s.id,
            }
        )
    return rows


def multi_party_plan(result: SummitCheck) -> MapPlan:
    """Map of a summit of three or more parties: the venue, each party and the paths to it."""
    s = result.summit
    far = max(result.distances_km)
    details = (
        ("nearest party", f"{min(result.distances_km):,.0f} km"),
        ("farthest party", f"{far:,.0f} km"),
        ("fairness (nearest / farthest)", f"{min(result.distances_km) / far:.2f}" if far > 0 else "n/a"),
    )
    venue = VenueMark(s.venue.name, s.venue.lat, s.venue.lon, "venue", details=details)
    return plan_map(list(s.parties), [venue], title=f"{s.title} ({s.year}): {len(s.parties)} parties")


def _card(result: SummitCheck) -> None:
    s = result.summit
    st.markdown(f"### {s.title}\n{s.dates_text} · {s.venue.name}, {s.venue_country_name}")
    meetings = " and ".join(
        f"**{leader}** ({party.name})" for leader, party in zip(s.leaders, s.parties, strict=True)
    )
    st.markdown(f"Who met: {meetings}.")
    if result.check is not None:
        st.markdown(verdict_markdown(result.check))
    else:
        lines = [f"### Verdict: {result.verdict.upper()}", "", result.headline, ""]
        lines += [
            f"- **{party.name}** ({leader}): {km:,.0f} km"
            for party, leader, km in zip(s.parties, s.leaders, result.distances_km, strict=True)
        ]
        st.markdown("\n".join(lines))
    if s.note:
        st.caption(s.note)
    st.caption(
        f"Venue: {s.venue.lat:.4f}, {s.venue.lon:.4f} (as written in data/summits.csv: {s.venue.query}). "
        f"[Source]({_link(s.source_url)})"
    )


def render() -> None:
    """Draw the view."""
    st.subheader("Historic summits")
    st.caption(
        "Real meetings of rival leaders and how “halfway” each venue was between their capitals, "
        "measured on the WGS84 ellipsoid with the default verdict limits of “Check a claim”."
    )
    try:
        results = _checked()
    except GeoError as exc:  # a broken data file: say so, keep the rest of the app running
        show_error(f"The summits data could not be read: {exc}")
        return
    by_id = {r.summit.id: r for r in results}
    ids = list(by_id)
    chosen = st.selectbox(
        "Summit",
        ids,
        index=ids.index(DEFAULT) if DEFAULT in ids else 0,
        format_func=lambda i: option_label(by_id[i]),
        key="summit",
        bind="query-params",
    )
    result = by_id.get(chosen or "", results[0])
    summit = result.summit

    facts, polygon_note = _facts(result)
    left, right = st.columns([2, 3])
    with left:
        _card(result)
        st.download_button(
            "Download this summit's result (JSON)",
            data=dumps(result).encode("utf-8"),
            file_name=f"summit-{summit.id}.json",
            mime="application/json",
            key="download-summit-json",
            on_click="ignore",
        )
    with right:
        places = (summit.venue, *summit.parties)
        key = f"summit:{summit.id}:" + ";".join(f"{p.name}@{p.lat:.6f},{p.lon:.6f}" for p in places)
        zones = None
        if zones_switch("szones"):  # two parties: the halfway zones; more: the 5 % minimax zone
            zones = zones_for(summit.parties, fair_objective(len(summit.parties)))
        if zones is not None:
            with left:
                show_zones_sentence(summit.venue.name, summit.venue.lat, summit.venue.lon, zones)
        if result.check is not None:
            check = attach_facts(result.check, facts)
            base = map_plan(key, lambda: plan_for_check(check))
            plan, key = with_zones(base, key, zones)
            files = plan_files(key, plan)
            show_map(
                files, file_name=f"summit-{summit.id}.html", plan=plan, cache_key=key, projection_key="sproj"
            )
            st.download_button(
                "Download a one-page brief (PDF): the verdict card and the map",
                data=functools.partial(summit_brief, key, plan, check, f"{summit.title} ({summit.year})"),
                file_name=f"summit-{summit.id}-brief.pdf",
                mime="application/pdf",
                key="download-summit-brief",
                on_click="ignore",
            )
        else:
            base = map_plan(key, lambda: multi_party_plan(result))
            plan, key = with_zones(base, key, zones)
            files = plan_files(key, plan)
            show_map(
                files, file_name=f"summit-{summit.id}.html", plan=plan, cache_key=key, projection_key="sproj"
            )
        if zones is not None:
            zone_details(zones)

    st.markdown(f"#### Summit realities on {facts.date}")
    show_facts(facts)
    if polygon_note is not None:
        st.caption(polygon_note)
    show_meeting_hours(summit.venue, tuple(summit.parties), dt.date.fromisoformat(facts.date), key="sw")

    st.markdown("#### All summits")
    rows = gallery_rows(results)
    shown = [
        {k: v for k, v in row.items() if k not in ("id", "leaders", "dates")}
        | {"verdict": f"{_ICONS.get(str(row['verdict']), '⚪')} {row['verdict']}"}
        for row in rows
    ]
    st.dataframe(
        shown,
        hide_index=True,
        width="stretch",
        column_config={
            "year": st.column_config.NumberColumn("Year", format="%d"),
            "summit": "Summit",
            "venue": "Venue",
            "host": "Host",
            "parties": "Parties",
            "verdict": "Verdict",
            "split": st.column_config.TextColumn("Split", help="Share of the two trips, party A / party B"),
            "detour_pct": st.column_config.NumberColumn(
                "Detour %",
                format="%+.1f",
                help="Extra distance of stopping at the venue, % of the direct trip",
            ),
            "off_path_km": st.column_config.NumberColumn(
                "Off the path, km", format="%d", help="Distance from the shortest path between the parties"
            ),
            "farthest_km": st.column_config.NumberColumn("Longest trip, km", format="%d"),
            "source": st.column_config.LinkColumn("Source", display_text="source"),
        },
    )
    st.download_button(
        "Download the table (CSV)",
        data=csv_dicts(rows).encode("utf-8"),
        file_name="summits.csv",
        mime="text/csv",
        key="download-summits-csv",
        on_click="ignore",
    )
    st.caption(
        "Two parties: *halfway* = detour ≤ 5 % and split within 2.5 points of 50/50; *roughly* = ≤ 15 % "
        "and within 10 points. More than two parties have no halfway: their card gives each distance. "
        "Sources and positions: data/README.md."
    )
