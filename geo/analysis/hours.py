"""Meeting hours: each hour of the venue's day on every delegation's clock, ranked.

For a venue, its parties and a date, :func:`meeting_hours` lists every hour of the venue's
local day and, for each delegation, the time at home on that instant, its band (work,
morning, evening or night) and how far it lies from the delegation's working window; the
hours are ranked so the best slot comes first.

The model, stated once:

* **Body clock = home clock.** Travellers adapt to a new time zone slowly (about an hour a
  day), and a delegation at a summit is there for a day or two, so each delegation's body
  clock is taken to be the clock at home. The "home time" of a cell is also its body time.
* **Bands** of a delegation's home time ``t`` (the start of the venue hour, on the home
  clock), for a working window ``[start, end)`` (default 09:00–18:00, :class:`WorkHours`):

  - ``work`` – the whole hour lies inside the window (``start ≤ t`` and ``t + 1 h ≤ end``);
  - ``night`` – otherwise, when ``t`` is from 23:00 to before 07:00 (:data:`NIGHT_START`,
    :data:`NIGHT_END`);
  - ``morning`` – otherwise, when ``t`` is before the start of work (07:00–09:00 by default);
  - ``evening`` – otherwise (18:00–23:00 by default).

  Work wins over night: with ``--work 6-14`` the hour from 06:00 is work.
* **Hours off work** of a cell: 0 for work, else the shortest shift of the hour, forwards
  or backwards round the clock, that would bring it inside the window (with 09:00–18:00,
  23:00 is 6 h off: the 17:00 hour is the last that fits; 03:00 is 6 h off too).
* **Ranking**: more delegations in their working hours first; then fewer at night; then the
  smallest worst "hours off work" among the delegations; then the venue's own hours off work
  (the hosts and the room); then the earlier hour. The first is the best slot.
* **The venue's day** is every real instant of its local date on the hour: from local
  midnight to the next local midnight in steps of one hour of real (UTC) time, converted
  with :mod:`zoneinfo` (the IANA tz database of ``tzdata``: daylight saving and historic
  offsets included). A spring-forward day has 23 hours (02:00 is skipped), a fall-back day
  25 (01:00 comes twice, with two UTC offsets); a day that a zone skipped entirely (Samoa,
  2011-12-30) is refused.
* **Day marks**: ``day_offset`` is the home date minus the venue date (``+1``: already
  tomorrow at home).

Examples
--------
>>> import datetime as dt
>>> r = meeting_hours_in_zones("Anchorage", "America/Anchorage",
...                            [("Washington", "America/New_York"), ("Beijing", "Asia/Shanghai")],
...                            dt.date(2021, 3, 18))
>>> best = r.best
>>> best.venue_time, [(c.local_time, c.day_offset, c.band) for c in best.clocks]
('17:00', [('21:00', 0, 'evening'), ('09:00', 1, 'work')])
>>> len(r.hours), best.in_work, best.at_night, best.worst_hours_off
(24, 1, 0, 4.0)
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from geo.core.geodesy import Located
from geo.errors import InvalidInputError
from geo.facts.timezones import timezone_at, zone

__all__ = [
    "BANDS",
    "BODY_CLOCK_NOTE",
    "NIGHT_END",
    "NIGHT_START",
    "Clock",
    "MeetingHour",
    "MeetingHours",
    "PartyZone",
    "WorkHours",
    "band_of",
    "hours_off_work",
    "meeting_hours",
    "meeting_hours_in_zones",
    "parse_work_hours",
    "venue_day",
]

NIGHT_START = 23.0  # local hour at which the night begins (23:00)
NIGHT_END = 7.0  # local hour at which it ends (07:00)
BANDS = ("work", "morning", "evening", "night")
BODY_CLOCK_NOTE = "home time = body clock: travellers adapt to a new time zone slowly, about an hour a day"
MAX_WORK_TEXT = 20  # characters of a --work value read at most
_WORK = re.compile(r"^(\d{1,2})(?::00)?\s*[-–]\s*(\d{1,2})(?::00)?$")
_UTC = dt.UTC
_HOUR = dt.timedelta(hours=1)


@dataclass(frozen=True)
class WorkHours:
    """A working window ``[start_hour, end_hour)`` on the local clock, whole hours.

    Attributes
    ----------
    start_hour : int
        0 to 23.
    end_hour : int
        ``start_hour + 1`` to 24. A window across midnight (a night shift) is not supported.

    Examples
    --------
    >>> WorkHours(9, 18).text
    '09:00–18:00'
    >>> WorkHours(18, 9)
    Traceback (most recent call last):
    ...
    geo.errors.InvalidInputError: working hours 18–9 must start before they end, within one day (0 to 24)
    """

    start_hour: int = 9
    end_hour: int = 18

    def __post_init__(self) -> None:
        if not 0 <= self.start_hour < self.end_hour <= 24:
            raise InvalidInputError(
                f"working hours {self.start_hour}–{self.end_hour} must start before they end, "
                "within one day (0 to 24)"
            )

    @property
    def text(self) -> str:
        """``09:00–18:00``."""
        return f"{self.start_hour:02d}:00–{self.end_hour:02d}:00"


def parse_work_hours(text: str) -> WorkHours:
    """Working hours written ``9-18`` (also ``09:00-18:00`` or with an en dash).

    Raises
    ------
    InvalidInputError
        Another shape, an hour beyond 24, or an end not after the start.

    Examples
    --------
    >>> parse_work_hours("8-17"), parse_work_hours("09:00–18:00")
    (WorkHours(start_hour=8, end_hour=17), WorkHours(start_hour=9, end_hour=18))
    >>> parse_work_hours("25-3")
    Traceback (most recent call last):
    ...
    geo.errors.InvalidInputError: working hours '25-3': an hour must be from 0 to 24
    >>> parse_work_hours("nine to five")
    Traceback (most recent call last):
    ...
    geo.errors.InvalidInputError: working hours 'nine to five' must be START-END in whole hours, e.g. 9-18
    """
    value = str(text).strip()[:MAX_WORK_TEXT]
    match = _WORK.match(value)
    if match is None:
        raise InvalidInputError(f"working hours {value!r} must be START-END in whole hours, e.g. 9-18")
    start, end = int(match.group(1)), int(match.group(2))
    if start > 24 or end > 24:
        raise InvalidInputError(f"working hours {value!r}: an hour must be from 0 to 24")
    if start >= end:
        raise InvalidInputError(
            f"working hours {value!r} must end after they start on the same day (e.g. 9-18)"
        )
    return WorkHours(start, end)


def hours_off_work(hour: float, work: WorkHours) -> float:
    """How far the hour starting at local ``hour`` (0 ≤ hour < 24) is from the working window.

    0 when the whole hour is inside it; else the shortest shift round the clock, forwards or
    backwards, that brings it inside.

    Examples
    --------
    >>> w = WorkHours(9, 18)
    >>> hours_off_work(9, w), hours_off_work(17, w), hours_off_work(23, w), hours_off_work(3, w)
    (0.0, 0.0, 6.0, 6.0)
    >>> hours_off_work(8.5, w), hours_off_work(17.5, w)  # half an hour outside
    (0.5, 0.5)
    """
    first, last = float(work.start_hour), float(work.end_hour - 1)  # starts of the hours that fit
    if first <= hour <= last:
        return 0.0
    return min((first - hour) % 24.0, (hour - last) % 24.0)


def band_of(hour: float, work: WorkHours) -> str:
    """``work``, ``morning``, ``evening`` or ``night`` for the hour starting at local ``hour``.

    Examples
    --------
    >>> w = WorkHours(9, 18)
    >>> [band_of(h, w) for h in (6, 7, 8, 9, 17, 18, 22, 23)]
    ['night', 'morning', 'morning', 'work', 'work', 'evening', 'evening', 'night']
    >>> band_of(6, WorkHours(6, 14))  # work wins over night
    'work'
    """
    if hours_off_work(hour, work) == 0.0:
        return "work"
    if hour >= NIGHT_START or hour < NIGHT_END:
        return "night"
    return "morning" if hour < work.start_hour else "evening"


@dataclass(frozen=True)
class PartyZone:
    """A delegation and the IANA time zone of its home."""

    name: str
    timezone: str


@dataclass(frozen=True)
class Clock:
    """One delegation's home clock (= body clock) at one venue hour.

    Attributes
    ----------
    party : str
    local_time : str
        ``HH:MM`` at home.
    date : str
        The home date, ``YYYY-MM-DD``.
    day_offset : int
        Home date minus venue date, days (``1``: tomorrow at home).
    utc_offset_hours : float
        The home zone's offset at that instant.
    band : str
        ``work``, ``morning``, ``evening`` or ``night`` (see the module notes).
    hours_off_work : float
        0 in working hours; else hours from the working window (see :func:`hours_off_work`).
    """

    party: str
    local_time: str
    date: str
    day_offset: int
    utc_offset_hours: float
    band: str
    hours_off_work: float


@dataclass(frozen=True)
class MeetingHour:
    """One hour of the venue's day, with every delegation's clock.

    Attributes
    ----------
    rank : int
        1 for the best slot.
    start_utc : str
        The instant, ISO 8601 in UTC (``2021-03-19T01:00:00+00:00``).
    venue_time : str
        ``HH:MM`` at the venue.
    venue_utc_offset_hours : float
        The venue's offset at that instant (two values on a fall-back day).
    venue_band : str
        The band of the venue's own clock, for the hosts.
    venue_hours_off_work : float
    clocks : tuple of Clock
        One per delegation, in party order.
    in_work : int
        Delegations in their working hours.
    at_night : int
        Delegations at night.
    worst_hours_off : float
        The largest ``hours_off_work`` among the delegations.
    """

    rank: int
    start_utc: str
    venue_time: str
    venue_utc_offset_hours: float
    venue_band: str
    venue_hours_off_work: float
    clocks: tuple[Clock, ...]
    in_work: int
    at_night: int
    worst_hours_off: float

    @property
    def start(self) -> dt.datetime:
        """The instant as an aware UTC datetime."""
        return dt.datetime.fromisoformat(self.start_utc)


@dataclass(frozen=True)
class MeetingHours:
    """Every hour of the venue's day on each delegation's clock, best first.

    Attributes
    ----------
    date : str
        The venue's local date, ``YYYY-MM-DD``.
    venue : str
    venue_timezone : str
    parties : tuple of PartyZone
    work : WorkHours
        The working window, the same for every delegation.
    night : tuple of float
        Start and end of the night, local hours (23.0, 7.0).
    body_clock : str
        The body-clock model in words (:data:`BODY_CLOCK_NOTE`).
    hours : tuple of MeetingHour
        Ranked, best first: 24 on most days, 23 or 25 on daylight-saving days.
    """

    date: str
    venue: str
    venue_timezone: str
    parties: tuple[PartyZone, ...]
    work: WorkHours
    night: tuple[float, float]
    body_clock: str
    hours: tuple[MeetingHour, ...]

    @property
    def best(self) -> MeetingHour:
        """The best slot (rank 1)."""
        return self.hours[0]

    @property
    def in_time_order(self) -> tuple[MeetingHour, ...]:
        """The hours as the day runs."""
        return tuple(sorted(self.hours, key=lambda h: h.start_utc))


def venue_day(timezone: str, on_date: dt.date) -> list[dt.datetime]:
    """Every real instant on the hour of the local day ``on_date`` in ``timezone``, in UTC.

    From local midnight (the first instant after it when midnight itself is skipped) to
    before the next local midnight, one real hour apart.

    Raises
    ------
    InvalidInputError
        The zone skipped the whole date.

    Examples
    --------
    >>> import datetime as dt
    >>> len(venue_day("America/New_York", dt.date(2021, 3, 14)))  # 02:00 skipped
    23
    >>> len(venue_day("Europe/Paris", dt.date(2021, 10, 31)))  # 02:00 twice
    25
    >>> venue_day("Pacific/Apia", dt.date(2011, 12, 30))
    Traceback (most recent call last):
    ...
    geo.errors.InvalidInputError: 2011-12-30 did not exist in Pacific/Apia: its clocks skipped that day
    """
    tz = zone(timezone)
    start = dt.datetime.combine(on_date, dt.time(0), tzinfo=tz).astimezone(_UTC)
    end = dt.datetime.combine(on_date + dt.timedelta(days=1), dt.time(0), tzinfo=tz).astimezone(_UTC)
    instants = []
    t = start
    while t < end:
        instants.append(t)
        t += _HOUR
    if not instants:
        raise InvalidInputError(
            f"{on_date.isoformat()} did not exist in {timezone}: its clocks skipped that day"
        )
    return instants


def _hours_of(local: dt.datetime) -> float:
    return local.hour + local.minute / 60.0


def _offset_hours(local: dt.datetime) -> float:
    offset = local.utcoffset()
    return 0.0 if offset is None else offset.total_seconds() / 3600.0


def _clock(party: PartyZone, instant: dt.datetime, venue_date: dt.date, work: WorkHours) -> Clock:
    home = instant.astimezone(zone(party.timezone))
    hour = _hours_of(home)
    return Clock(
        party.name,
        home.strftime("%H:%M"),
        home.date().isoformat(),
        (home.date() - venue_date).days,
        _offset_hours(home),
        band_of(hour, work),
        hours_off_work(hour, work),
    )


def _hour(
    instant: dt.datetime, venue_tz: str, parties: Sequence[PartyZone], venue_date: dt.date, work: WorkHours
) -> MeetingHour:
    local = instant.astimezone(zone(venue_tz))
    clocks = tuple(_clock(p, instant, venue_date, work) for p in parties)
    return MeetingHour(
        0,
        instant.isoformat(),
        local.strftime("%H:%M"),
        _offset_hours(local),
        band_of(_hours_of(local), work),
        hours_off_work(_hours_of(local), work),
        clocks,
        sum(c.band == "work" for c in clocks),
        sum(c.band == "night" for c in clocks),
        max(c.hours_off_work for c in clocks),
    )


def _rank_key(h: MeetingHour) -> tuple[int, int, float, float, str]:
    return (-h.in_work, h.at_night, h.worst_hours_off, h.venue_hours_off_work, h.start_utc)


def meeting_hours_in_zones(
    venue: str,
    venue_timezone: str,
    parties: Sequence[tuple[str, str] | PartyZone],
    on_date: dt.date,
    work: WorkHours | None = None,
) -> MeetingHours:
    """The venue's day on each delegation's home clock, ranked (see the module notes).

    Parameters
    ----------
    venue : str
        Its name.
    venue_timezone : str
        IANA zone of the venue.
    parties : sequence of (name, IANA zone) or PartyZone
        At least one delegation.
    on_date : datetime.date
        The venue's local date.
    work : WorkHours, optional
        Default 09:00–18:00.

    Raises
    ------
    InvalidInputError
        No party, or a date the venue's zone skipped.
    DataError
        A zone unknown to the tz database.
    """
    if not parties:
        raise InvalidInputError("meeting hours need at least one party")
    window = work or WorkHours()
    zones = tuple(p if isinstance(p, PartyZone) else PartyZone(*p) for p in parties)
    hours = [_hour(t, venue_timezone, zones, on_date, window) for t in venue_day(venue_timezone, on_date)]
    ranked = sorted(hours, key=_rank_key)
    return MeetingHours(
        on_date.isoformat(),
        venue,
        venue_timezone,
        zones,
        window,
        (NIGHT_START, NIGHT_END),
        BODY_CLOCK_NOTE,
        tuple(_ranked(h, i + 1) for i, h in enumerate(ranked)),
    )


def _ranked(hour: MeetingHour, rank: int) -> MeetingHour:
    return replace(hour, rank=rank)


def meeting_hours(
    venue: Located, parties: Sequence[Located], on_date: dt.date, work: WorkHours | None = None
) -> MeetingHours:
    """:func:`meeting_hours_in_zones` for places, each in the IANA zone of its position
    (:func:`geo.facts.timezones.timezone_at`).

    Examples
    --------
    >>> import datetime as dt
    >>> from geo.places.resolve import resolve
    >>> r = meeting_hours(resolve("Geneva"), [resolve("Washington"), resolve("Moscow")], dt.date(2021, 6, 16))
    >>> r.venue_timezone, r.best.venue_time, [c.local_time for c in r.best.clocks]
    ('Europe/Zurich', '15:00', ['09:00', '16:00'])
    """
    zones = [PartyZone(p.name, timezone_at(p.lat, p.lon)) for p in parties]
    return meeting_hours_in_zones(venue.name, timezone_at(venue.lat, venue.lon), zones, on_date, work)
