"""Summit realities in the dashboard: the date and aircraft inputs, and the facts table.

The facts themselves (host country, neutrality, time zones, flight times, range, overflown
countries) come from :mod:`geo.facts.summit`; this module only lays them out.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

import streamlit as st

from geo.facts.aircraft import Aircraft, load_aircraft
from geo.facts.summit import SummitFacts, same_country_parties
from geo.facts.timezones import format_offset
from geo.report.escape import md_escape
from geo.report.facts import nonstop_text, shift_text

if TYPE_CHECKING:
    from geo.analysis.airspace import Detour

NO_AIRCRAFT = "(no range check)"

# The point of view of the country polygons, stated next to every set of facts (issue 6).
DISPUTED_NOTE = (
    "Countries come from Natural Earth's 1:10m admin-0 polygons in their **German point of view**: "
    "Crimea and Donetsk are Ukraine, Kosovo, Taiwan and Western Sahara are their own countries, "
    "Northern Cyprus is Cyprus, Somaliland is Somalia, the West Bank and Gaza are Palestine "
    "(sovereign: Israel, as Natural Earth gives it), and the Golan Heights are in no polygon "
    "(the nearest country within 25 km). Boundaries are de facto lines, not endorsements; "
    "data/README.md lists every case."
)

MODEL_NOTE = (
    "Clock shift = venue's UTC offset minus the party's, on the date above (daylight saving "
    "included). Flight = great-circle trip at 500 mph plus 30 minutes. Overflies = land under "
    "the geodesic, in path order. Non-stop = within the aircraft's published range."
)


def date_input(key: str, default: dt.date | None = None, *, label: str = "Date of the meeting") -> dt.date:
    """The date of the UTC offsets (default today), bound to the URL."""
    value = st.date_input(
        label,
        value=default or dt.date.today(),
        min_value=dt.date(1900, 1, 1),
        max_value=dt.date(2100, 12, 31),
        key=key,
        bind="query-params",
        help="Time zones and daylight saving on this day (offsets change with history).",
    )
    return value if isinstance(value, dt.date) else default or dt.date.today()


def _aircraft_label(fleet: dict[str, Aircraft], aircraft_id: str) -> str:
    if aircraft_id == NO_AIRCRAFT:
        return aircraft_id
    a = fleet[aircraft_id]
    return f"{a.name} – {a.range_km:,.0f} km"


def aircraft_inputs(party_names: Sequence[str], key: str) -> tuple[str | None, ...] | None:
    """One aircraft id (or None) per party for the non-stop check; None when no party has one.

    The keys are ``{key}0``, ``{key}1``… in party order, each bound to the URL.
    """
    fleet = {a.id: a for a in load_aircraft()}
    options = [NO_AIRCRAFT, *fleet]
    chosen: list[str] = []
    cols = st.columns(max(1, min(len(party_names), 4)))
    for i, name in enumerate(party_names):
        with cols[i % len(cols)]:
            value = st.selectbox(
                f"Aircraft of {md_escape(name)}",
                options,
                key=f"{key}{i}",
                bind="query-params",
                format_func=lambda x: _aircraft_label(fleet, x),
                help="Long-range government aircraft with published ranges (data/aircraft.csv).",
            )
        chosen.append(value or NO_AIRCRAFT)
    if all(c == NO_AIRCRAFT for c in chosen):
        return None
    return tuple(None if c == NO_AIRCRAFT else c for c in chosen)


@functools.cache
def _country_names() -> dict[str, str]:
    from geo.facts.countries import load_countries

    names = {c.iso_a2: c.name for c in load_countries().countries if c.iso_a2 and len(c.iso_a2) == 2}
    return dict(sorted(names.items()))


def avoid_input(key: str, *, buffer: bool = False) -> tuple[tuple[str, ...], float]:
    """Countries whose airspace the flights avoid (``{key}`` in the URL) and, with ``buffer``, the
    distance kept from their land (``{key}b``)."""
    labels = [f"{code} – {name}" for code, name in _country_names().items()]  # the URL holds these
    chosen = st.multiselect(
        "Avoid the airspace of",
        labels,
        key=key,
        bind="query-params",
        help="Each leg is flown on the shortest path that overflies none of these countries' land "
        "(Natural Earth 1:10m; territorial waters are not modelled). Type a name or an ISO code.",
    )
    km = 0.0
    if buffer:
        km = st.number_input(
            "Keep off their land by, km", 0.0, 2000.0, 0.0, 10.0, key=f"{key}b", bind="query-params"
        )
    return tuple(label.split(" – ", 1)[0] for label in chosen or ()), float(km or 0.0)


def show_detours(detours: Sequence[Detour]) -> None:
    """The legs flown around avoided airspace, one line each (no path said as such)."""
    if not detours:
        return
    from geo.report.route import detour_text

    st.markdown(f"**Avoiding the airspace of {md_escape(', '.join(detours[0].avoided))}**")
    st.markdown("\n".join(f"- {md_escape(detour_text(d))}" for d in detours))


def venue_sentence(facts: SummitFacts) -> str:
    """The host, its time zone and whether it is neutral, in one Markdown sentence."""
    v = facts.venue
    if v.country:
        host = f"in **{v.country_name}** ({v.country})"
        if v.sovereign and v.sovereign != v.country:
            host += f", sovereign {v.sovereign}"
        if v.country_distance_km:
            host += (
                f" (nearest country: the point is {v.country_distance_km:.1f} km outside its 1:10m outline)"
            )
    else:
        host = "**at sea**, in no country"
    if v.neutral:
        neutral = "a **neutral** venue: no party's country"
    else:
        neutral = f"**not neutral**: the same country as {md_escape(', '.join(same_country_parties(facts)))}"
    clock = f"{v.timezone}, {format_offset(v.utc_offset_hours)} on {facts.date}"
    sentence = f"{md_escape(v.name)} lies {host}; {clock}; {neutral}"
    return sentence if sentence.endswith(".") else sentence + "."


def party_rows(facts: SummitFacts) -> list[dict[str, object]]:
    """One row per party: country, time zone, clock shift, flight, non-stop, overflown countries."""
    rows: list[dict[str, object]] = []
    for p in facts.parties:
        rows.append(
            {
                "party": p.name,
                "country": p.country or "–",
                "time zone": f"{p.timezone} {format_offset(p.utc_offset_hours)}",
                "clock shift": shift_text(p.clock_shift_hours),
                "distance km": round(p.distance_km),
                "flight h": round(p.flight_hours, 1) if math.isfinite(p.flight_hours) else None,
                "non-stop": nonstop_text(p),
                "overflies": " → ".join(p.overflies) if p.overflies is not None else "undefined",
            }
        )
    return rows


def show_facts(facts: SummitFacts) -> None:
    """The facts as a sentence, a table and the notes on the model and the borders."""
    st.markdown(venue_sentence(facts))
    st.dataframe(party_rows(facts), hide_index=True, width="stretch")
    st.caption(MODEL_NOTE)
    st.caption(DISPUTED_NOTE)
