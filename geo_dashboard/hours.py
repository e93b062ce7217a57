"""Meeting hours in the dashboard: the working-hours input, the ranked table with the best slot
highlighted, and the best slot as a calendar file (.ics).

The hours come from :func:`geo.usecases.when_to_meet` (the same as ``python -m geo when``);
this module only lays them out.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from typing import Any

import streamlit as st

from geo.analysis.hours import MeetingHours
from geo.errors import GeoError
from geo.places.gazetteer import Place
from geo.report.escape import md_escape
from geo.report.hours import (
    BEST_MARK,
    best_sentence,
    clock_text,
    hours_off_text,
    meeting_ics,
    venue_time_text,
)
from geo.usecases import when_to_meet
from geo_dashboard.common import show_error, slug

DEFAULT_WORK = "9-18"
BEST_STYLE = "background-color: #fff3b0; font-weight: bold"


@functools.lru_cache(maxsize=128)
def _hours(venue: Place, parties: tuple[Place, ...], day: dt.date, work: str) -> MeetingHours:
    """:func:`geo.usecases.when_to_meet`, cached per input."""
    return when_to_meet(venue, parties, on_date=day, work=work)


def _columns(result: MeetingHours) -> list[str]:
    """Column names: the venue's clock, then one per party (made unique)."""
    names = [f"{result.venue} (venue)"]
    for party in result.parties:
        name = party.name
        while name in names:
            name += " ·"
        names.append(name)
    return names


def hour_rows(result: MeetingHours) -> list[dict[str, object]]:
    """One row per venue hour, best first: the mark, rank, each clock and the counts."""
    columns = _columns(result)
    rows: list[dict[str, object]] = []
    for h in result.hours:
        row: dict[str, object] = {"best": BEST_MARK if h.rank == 1 else "", "rank": h.rank}
        row[columns[0]] = venue_time_text(h)
        for name, clock in zip(columns[1:], h.clocks, strict=True):
            row[name] = clock_text(clock)
        row |= {"in work": h.in_work, "at night": h.at_night, "worst off": hours_off_text(h.worst_hours_off)}
        rows.append(row)
    return rows


def _highlight_best(row: Any) -> list[str]:
    return [BEST_STYLE if row["best"] == BEST_MARK else "" for _ in row]


def show_meeting_hours(venue: Place, parties: Sequence[Place], day: dt.date, *, key: str) -> None:
    """The working-hours box (bound to the URL as ``key``), the table and the .ics download.

    A bad working window is an inline error; the rest of the page is unaffected.
    """
    st.markdown(f"#### Meeting hours on {day.isoformat()}")
    work = st.text_input(
        "Working hours at home",
        value=DEFAULT_WORK,
        key=key,
        bind="query-params",
        help="Whole hours START-END, e.g. 9-18 (09:00 to 18:00), the same for every delegation.",
    )
    try:
        result = _hours(venue, tuple(parties), day, (work or "").strip() or DEFAULT_WORK)
    except GeoError as exc:
        show_error(str(exc))
        return
    st.markdown(md_escape(best_sentence(result)))
    import pandas as pd  # type: ignore[import-untyped]  # the dashboard extra ships no stubs

    frame = pd.DataFrame(hour_rows(result))
    st.dataframe(frame.style.apply(_highlight_best, axis=1), hide_index=True, width="stretch")
    st.caption(
        f"Every hour of {md_escape(result.venue)}'s day ({result.venue_timezone}; 23 or 25 hours on a "
        "daylight-saving day), best first: most delegations in working hours, then fewest at night, then "
        "the smallest worst “hours off work”. Each party's column is its time at home, which is also its "
        "body clock: travellers adapt to a new time zone slowly, about an hour a day. Bands at home: "
        f"work {result.work.text}, morning 07:00 to work, evening after work to 23:00, night 23:00–07:00; "
        "+1/−1: the home date is a day after/before the venue's. Time zones and daylight saving: IANA tz "
        "database."
    )
    st.download_button(
        "Download .ics",
        data=lambda: meeting_ics(result),
        file_name=f"meeting-{slug(result.venue)}-{result.date}.ics",
        mime="text/calendar",
        key=f"download-{key}-ics",
        on_click="ignore",
        help="The best slot as a calendar event in the venue's time zone, the parties in its description.",
    )
