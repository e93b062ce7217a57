"""Meeting hours for people and calendars: the CLI's table, cell text and an RFC 5545 event.

The hours themselves (each delegation's home clock, bands, ranking) come from
:mod:`geo.analysis.hours`; this module only writes them.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from geo.analysis.hours import Clock, MeetingHour, MeetingHours
from geo.facts.timezones import format_offset, zone

PRODID = "-//halfway//geo-venue meeting hours//EN"
BEST_MARK = "★"


def day_mark(offset: int) -> str:
    """``+1``, ``−1`` (a true minus sign) or ``""`` for a home date ``offset`` days from the venue's.

    Examples
    --------
    >>> day_mark(1), day_mark(-1), day_mark(0)
    ('+1', '−1', '')
    """
    if offset == 0:
        return ""
    return f"+{offset}" if offset > 0 else f"−{-offset}"


def clock_text(clock: Clock) -> str:
    """A cell: home time, the day mark and the band (``09:00 +1 work``).

    Examples
    --------
    >>> from geo.analysis.hours import Clock
    >>> clock_text(Clock("Beijing", "09:00", "2021-03-19", 1, 8.0, "work", 0.0))
    '09:00 +1 work'
    """
    return " ".join(part for part in (clock.local_time, day_mark(clock.day_offset), clock.band) if part)


def hours_off_text(hours: float) -> str:
    """``0 h``, ``4 h``, ``0.5 h``.

    Examples
    --------
    >>> hours_off_text(4.0), hours_off_text(0.5)
    ('4 h', '0.5 h')
    """
    return f"{hours:g} h"


def venue_time_text(hour: MeetingHour) -> str:
    """The venue's time and offset at that instant (``17:00 UTC−08:00``)."""
    return f"{hour.venue_time} {format_offset(hour.venue_utc_offset_hours)}"


def bands_text(result: MeetingHours) -> str:
    """The band boundaries of ``result`` in one sentence."""
    w = result.work
    night_start, night_end = (f"{int(h):02d}:00" for h in result.night)
    return (
        f"work {w.text} (the whole hour inside), morning {night_end} to work, "
        f"evening after work to {night_start}, night {night_start}–{night_end}"
    )


def best_sentence(result: MeetingHours) -> str:
    """The best slot in one sentence, with every delegation's clock."""
    best = result.best
    utc = best.start.strftime("%H:%M UTC on %Y-%m-%d")
    clocks = "; ".join(f"{c.party} {clock_text(c)}" for c in best.clocks)
    return f"Best slot: {best.venue_time} in {result.venue} ({utc}): {clocks}."


def hours_lines(result: MeetingHours) -> list[str]:
    """The table of the CLI: one row per venue hour, best first, the best marked ``★``."""
    day = dt.date.fromisoformat(result.date).strftime("%A")
    lines = [
        f"Meeting hours in {result.venue} on {day} {result.date} ({result.venue_timezone}), best first",
        f"  {result.body_clock[0].upper()}{result.body_clock[1:]}.",
        f"  Bands at home: {bands_text(result)}.",
        "  +1/−1: the home date is a day after/before the venue's.",
        "",
    ]
    header = ("", "rank", result.venue, *(p.name for p in result.parties), "in work", "at night", "worst off")
    rows = [header]
    for h in result.hours:
        rows.append(
            (
                BEST_MARK if h.rank == 1 else "",
                str(h.rank),
                venue_time_text(h),
                *(clock_text(c) for c in h.clocks),
                str(h.in_work),
                str(h.at_night),
                hours_off_text(h.worst_hours_off),
            )
        )
    widths = [max(len(r[k]) for r in rows) for k in range(len(header))]
    numeric = {1, len(header) - 3, len(header) - 2, len(header) - 1}
    for r in rows:
        cells = [
            f"{c:>{w}}" if k in numeric else f"{c:<{w}}"
            for k, (c, w) in enumerate(zip(r, widths, strict=True))
        ]
        lines.append("  " + "  ".join(cells).rstrip())
    lines += [
        "",
        best_sentence(result),
        "  (ranked by delegations in working hours, then fewest at night, then the smallest worst "
        "'hours off work', then the venue's own hours, then the earlier hour)",
    ]
    return lines


def _uid(result: MeetingHours, hour: MeetingHour) -> str:
    key = "|".join([result.venue, result.venue_timezone, hour.start_utc, *(p.name for p in result.parties)])
    return f"{hashlib.sha256(key.encode('utf-8')).hexdigest()[:24]}@halfway.geo-venue"


def _dtstart(result: MeetingHours, hour: MeetingHour) -> dt.datetime:
    """The start in the venue's zone; in UTC for the second pass of a repeated (fall-back) hour,
    which a local time with TZID cannot name (RFC 5545 §3.3.5 reads it as the first pass)."""
    local = hour.start.astimezone(zone(result.venue_timezone))
    if local.replace(fold=0).astimezone(dt.UTC) != hour.start:
        return hour.start
    return local.replace(fold=0)


def description(result: MeetingHours, hour: MeetingHour) -> str:
    """The event's DESCRIPTION: the parties, their clocks and the model, one line each."""
    lines = [f"Parties: {', '.join(p.name for p in result.parties)}."]
    for p, c in zip(result.parties, hour.clocks, strict=True):
        lines.append(f"{p.name} ({p.timezone}): {clock_text(c)}, {c.date}")
    lines.append(f"Venue: {result.venue} ({result.venue_timezone}), {hour.venue_time} on {result.date}.")
    lines.append(f"{result.body_clock[0].upper()}{result.body_clock[1:]}.")
    lines.append(f"Bands: {bands_text(result)}.")
    return "\n".join(lines)


def meeting_ics(
    result: MeetingHours,
    hour: MeetingHour | None = None,
    *,
    duration: dt.timedelta = dt.timedelta(hours=1),
    stamp: dt.datetime | None = None,
) -> bytes:
    """An RFC 5545 calendar with one VEVENT for ``hour`` (default the best slot).

    DTSTART is in the venue's time zone (a TZID parameter and a VTIMEZONE component covering
    a year either side, from the tz database), the parties and their clocks are in the
    DESCRIPTION, the venue is the LOCATION. The UID is derived from the slot, so the same
    meeting written twice updates one calendar entry.

    Parameters
    ----------
    result : MeetingHours
    hour : MeetingHour, optional
        One of ``result.hours``; default ``result.best``.
    duration : datetime.timedelta
        Length of the event (default one hour).
    stamp : datetime.datetime, optional
        DTSTAMP (aware); default now.

    Examples
    --------
    >>> import datetime as dt
    >>> from geo.analysis.hours import meeting_hours_in_zones
    >>> r = meeting_hours_in_zones("Anchorage", "America/Anchorage",
    ...                            [("Washington", "America/New_York"), ("Beijing", "Asia/Shanghai")],
    ...                            dt.date(2021, 3, 18))
    >>> text = meeting_ics(r).decode()
    >>> "DTSTART;TZID=America/Anchorage:20210318T170000" in text, "BEGIN:VTIMEZONE" in text
    (True, True)
    """
    from icalendar import Calendar, Event

    slot = hour or result.best
    start = _dtstart(result, slot)
    event = Event.new(
        summary=f"Meeting in {result.venue}: {', '.join(p.name for p in result.parties)}",
        start=start,
        location=result.venue,
        description=description(result, slot),
        uid=_uid(result, slot),
        stamp=stamp or dt.datetime.now(dt.UTC),
    )
    event.add("DURATION", duration)  # not DTEND: an end on a repeated hour could not be named locally
    calendar = Calendar.new(prodid=PRODID, uid=f"calendar-{event.uid}", subcomponents=[event])
    day = dt.date.fromisoformat(result.date)
    calendar.add_missing_timezones(
        first_date=day - dt.timedelta(days=366), last_date=day + dt.timedelta(days=366)
    )
    return bytes(calendar.to_ical())
