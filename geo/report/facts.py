"""The summit facts as text: the CLI's table, map tooltips, the compare lines.

The facts themselves (host country, clocks, flights, overflights, range) are computed in
:mod:`geo.facts.summit`; this module only writes them for people.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from geo.facts.summit import PartyFacts, SummitFacts, same_country_parties
from geo.facts.timezones import format_offset

if TYPE_CHECKING:
    from geo.analysis.scoring import VenueScore


def shift_text(value: float) -> str:
    """A clock shift in hours as ``+12:00 h`` / ``−1:00 h`` / ``±0:00 h`` (a true minus sign).

    Examples
    --------
    >>> shift_text(-16.0), shift_text(5.75), shift_text(0.0)
    ('−16:00 h', '+5:45 h', '±0:00 h')
    """
    sign = "+" if value > 0 else "−" if value < 0 else "±"
    minutes = round(abs(value) * 60)
    return f"{sign}{minutes // 60}:{minutes % 60:02d} h"


def nonstop_word(party: PartyFacts) -> str:
    """``yes``, ``1 stop (e.g. Churchill (YYQ))`` when one refuelling stop suffices, ``NO (2+ stops)``
    when none does, ``NO`` when stops were not searched, ``–`` without an aircraft."""
    if party.nonstop is None:
        return "–"
    if party.nonstop:
        return "yes"
    if party.one_stop:
        return f"1 stop (e.g. {party.one_stop})"
    return "NO" if party.one_stop is None else "NO (2+ stops)"


def nonstop_text(party: PartyFacts) -> str:
    """``yes (vc-25a, 12,553 km)``, ``1 stop (e.g. Churchill (YYQ)) (il-62m, 10,000 km)``, ``NO (…)``,
    or ``–`` without an aircraft."""
    if party.nonstop is None:
        return "–"
    return f"{nonstop_word(party)} ({party.aircraft}, {party.aircraft_range_km:,.0f} km)"


def facts_lines(facts: SummitFacts) -> list[str]:
    """Plain-text lines of the facts, for the CLI (a short table, one row per party)."""
    v = facts.venue
    host = f"{v.country_name} ({v.country})" if v.country else "no country (at sea)"
    if v.country_distance_km:
        host += f", nearest country, {v.country_distance_km:.1f} km away"
    neutral = "yes" if v.neutral else f"no (same country as {', '.join(same_country_parties(facts))})"
    lines = [
        f"Summit realities on {facts.date}:",
        f"  venue {v.name}: {host}; {v.timezone}, {format_offset(v.utc_offset_hours)}; neutral: {neutral}",
    ]
    rows = [("party", "country", "time zone", "clock shift", "flight", "non-stop", "overflies")]
    for p in facts.parties:
        rows.append(
            (
                p.name,
                p.country or "–",
                f"{p.timezone} {format_offset(p.utc_offset_hours)}",
                shift_text(p.clock_shift_hours),
                f"{p.flight_hours:.1f} h" if math.isfinite(p.flight_hours) else "–",
                nonstop_text(p),
                " → ".join(p.overflies) if p.overflies is not None else "undefined",
            )
        )
    widths = [max(len(r[k]) for r in rows) for k in range(len(rows[0]) - 1)]
    for r in rows:
        lines.append("  " + "  ".join(f"{c:<{w}}" for c, w in zip(r, widths, strict=False)) + "  " + r[-1])
    lines.append(
        "  (clock shift = venue minus party; flight = 500 mph + 30 min; overflies = land under the "
        "geodesic, Natural Earth 1:10m)"
    )
    return lines


def venue_text(
    country: str | None,
    country_name: str | None,
    timezone: str | None,
    offset: float | None,
    neutral: bool | None,
) -> str:
    """One line of venue facts for a map tooltip: host, time zone and offset, neutrality.

    Examples
    --------
    >>> venue_text("US", "United States", "America/Anchorage", -8.0, False)
    'United States (US), UTC−08:00 America/Anchorage, not neutral'
    """
    parts = [f"{country_name} ({country})" if country else "at sea (no country)"]
    if timezone is not None and offset is not None:
        parts.append(f"{format_offset(offset)} {timezone}")
    if neutral is not None:
        parts.append("neutral" if neutral else "not neutral")
    return ", ".join(parts)


def party_text(party: PartyFacts) -> str:
    """Country and time zone of a party, for a map tooltip (``US, UTC−04:00 America/New_York``)."""
    return f"{party.country or 'at sea'}, {format_offset(party.utc_offset_hours)} {party.timezone}"


def leg_text(party: PartyFacts) -> str:
    """A party's trip to the venue in one line: flight time, clock shift, overflights, range.

    Examples
    --------
    >>> import datetime as dt
    >>> from geo.facts.summit import summit_facts
    >>> from geo.places.resolve import resolve
    >>> f = summit_facts(resolve("Anchorage"), [resolve("Beijing")], on_date=dt.date(2021, 3, 18),
    ...                  aircraft="il-62m")
    >>> leg_text(f.parties[0])
    'flight 8.5 h, clock −16:00 h, over CN → RU → US, non-stop: yes (il-62m, 10,000 km)'
    """
    parts = [f"flight {party.flight_hours:.1f} h", f"clock {shift_text(party.clock_shift_hours)}"]
    parts.append("over " + " → ".join(party.overflies) if party.overflies is not None else "path undefined")
    if party.nonstop is not None and party.aircraft_range_km is not None:
        parts.append(f"non-stop: {nonstop_text(party)}")
    return ", ".join(parts)


def compare_facts_lines(venues: Sequence[VenueScore], date: str | None) -> list[str]:
    """One line of summit facts per compared venue (``VenueScore.facts``, see
    :func:`geo.analysis.scoring.with_facts`).

    Shows the host country, neutrality, UTC offset, and per party (in party order, joined by
    ``/``) the clock shift, flight time and, with an aircraft, non-stop; the overflown
    countries are in the JSON output.
    """
    with_facts = [(v.name, v.facts) for v in venues if v.facts is not None]
    if not with_facts:
        return []
    names = " / ".join(p.name for p in with_facts[0][1].parties)
    lines = [f"Summit realities on {date} (per party: {names}; clock shift = venue minus party):"]
    width = max(len(name) for name, _ in with_facts)
    for name, f in with_facts:
        v = f.venue
        host = f"{v.country or 'at sea'}, {'neutral' if v.neutral else 'not neutral'}"
        shifts = " / ".join(shift_text(p.clock_shift_hours).removesuffix(" h") for p in f.parties)
        flights = " / ".join(f"{p.flight_hours:.1f}" for p in f.parties)
        offset = format_offset(v.utc_offset_hours)
        line = f"  {name:<{width}}  {host}, {offset}; clock {shifts} h; flight {flights} h"
        if any(p.nonstop is not None for p in f.parties):
            line += "; non-stop " + " / ".join(nonstop_word(p) for p in f.parties)
        lines.append(line)
    return lines
