"""Historic summits: where rival leaders met, and how "halfway" each venue really was.

The summits are a curated table, ``summits.csv`` in the data directory (``data/`` of a
checkout, ``geo/_data`` of an installed wheel; see :func:`geo.places.gazetteer.data_dir` and
``data/README.md`` for the columns and sources). :func:`read_summits` validates every row and
resolves its places with the embedded gazetteer; :func:`check_summit` measures the venue:

* two parties – :func:`geo.analysis.check.check_halfway` (the split, the detour, the midpoint and the
  verdict "halfway", "roughly halfway" or "not halfway");
* three or more – :func:`geo.analysis.scoring.compare` with the venue as the only candidate: each
  party's distance, the longest and shortest trip, their spread and ``fairness = min / max``.
  "Halfway" has no meaning between more than two places, so the verdict says so.

All distances are WGS84 geodesics (within 1 mm of GeographicLib), in km.

A bad row raises :class:`~geo.errors.DataError` naming the file, the row number (the line
number in the file; the header is line 1) and what is wrong; every bad row is listed, none is
skipped.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from geo.analysis.check import CheckResult, Thresholds, check_halfway
from geo.analysis.scoring import MAX_PARTIES, CompareResult, compare
from geo.core.units import format_km
from geo.errors import DataError, GeoError
from geo.places.gazetteer import Gazetteer, Place, data_dir, load_gazetteer
from geo.places.resolve import resolve

SUMMITS_FILE = "summits.csv"
COLUMNS = (
    "id",
    "year",
    "date",
    "end_date",
    "title",
    "venue",
    "venue_country",
    "parties",
    "leaders",
    "source_url",
    "note",
)
MAX_SUMMIT_DAYS = 31  # an end date more than this many days after the start is a typo
MAX_TEXT_CHARS = 500  # longest title, leaders or URL field
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_URL = re.compile(r"^https://[^\s/]+\.[^\s/]+/\S*$")
_ISO2 = re.compile(r"^[A-Z]{2}$")


@dataclass(frozen=True)
class Summit:
    """One row of ``summits.csv``, validated and resolved.

    Attributes
    ----------
    id : str
        Short ASCII key, e.g. ``reykjavik-1986``.
    year : int
    date, end_date : str
        First and last day, ISO ``YYYY-MM-DD``; ``end_date`` is ``None`` for one-day meetings.
    title : str
    venue : Place
        The resolved venue (a ``Label=lat,lon`` custom point for precise sites).
    venue_country : str
        ISO 3166-1 alpha-2 code of the host country.
    venue_country_name : str
    parties : tuple of Place
        The seats of the parties (usually capitals), in the order of ``leaders``.
    leaders : tuple of str
        Who met, one entry per party.
    source_url : str
        A public page about the meeting.
    note : str
    row : int
        Line number in the file (the header is line 1).
    """

    id: str
    year: int
    date: str
    end_date: str | None
    title: str
    venue: Place
    venue_country: str
    venue_country_name: str
    parties: tuple[Place, ...]
    leaders: tuple[str, ...]
    source_url: str
    note: str
    row: int

    @property
    def dates_text(self) -> str:
        """The dates as people write them: ``11–12 October 1986``, ``27 Feb – 1 Mar 2019``.

        >>> s = next(s for s in load_summits() if s.id == "reykjavik-1986")
        >>> s.dates_text
        '11–12 October 1986'
        """
        return format_dates(self.date, self.end_date)


@dataclass(frozen=True)
class SummitCheck:
    """How "halfway" a summit's venue was.

    Attributes
    ----------
    summit : Summit
    verdict : str
        The halfway verdict (two parties) or ``"not defined (N parties)"``.
    headline : str
        One sentence with the key numbers, for a gallery card.
    distances_km : tuple of float
        Geodesic distance from the venue to each party, km, in the order of the parties.
    check : CheckResult or None
        Two parties: every number of :func:`geo.analysis.check.check_halfway`.
    compare : CompareResult or None
        Three or more parties: the venue scored by :func:`geo.analysis.scoring.compare`.
    """

    summit: Summit
    verdict: str
    headline: str
    distances_km: tuple[float, ...]
    check: CheckResult | None
    compare: CompareResult | None


_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def format_dates(start: str, end: str | None = None) -> str:
    """A date range in words, from ISO dates.

    >>> format_dates("2025-08-15")
    '15 August 2025'
    >>> format_dates("1989-12-02", "1989-12-03")
    '2–3 December 1989'
    >>> format_dates("1990-11-30", "1990-12-01")
    '30 November – 1 December 1990'
    """
    a = dt.date.fromisoformat(start)
    if end is None or end == start:
        return f"{a.day} {_MONTHS[a.month - 1]} {a.year}"
    b = dt.date.fromisoformat(end)
    if (a.year, a.month) == (b.year, b.month):
        return f"{a.day}–{b.day} {_MONTHS[b.month - 1]} {b.year}"
    if a.year == b.year:
        return f"{a.day} {_MONTHS[a.month - 1]} – {b.day} {_MONTHS[b.month - 1]} {b.year}"
    return f"{a.day} {_MONTHS[a.month - 1]} {a.year} – {b.day} {_MONTHS[b.month - 1]} {b.year}"


def _text(fields: dict[str, str], name: str, *, required: bool = True) -> str:
    value = " ".join((fields.get(name) or "").split())
    if required and not value:
        raise DataError(f"{name} is empty")
    if len(value) > MAX_TEXT_CHARS:
        raise DataError(f"{name} is {len(value)} characters long; the limit is {MAX_TEXT_CHARS}")
    return value


def _date(text: str, name: str) -> dt.date:
    if not _ISO_DATE.match(text):
        raise DataError(f"{name} {text!r} is not a date written YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise DataError(f"{name} {text!r} is not a real date") from None


def _place(query: str, what: str, gaz: Gazetteer) -> Place:
    try:
        return resolve(query, gazetteer=gaz)
    except GeoError as exc:
        raise DataError(f"{what} {query!r} does not resolve: {exc}") from None


def _summit_of_row(fields: dict[str, str], row: int, gaz: Gazetteer) -> Summit:
    ident = _text(fields, "id")
    if not _ID.match(ident):
        raise DataError(f"id {ident!r} must be lower-case letters and digits joined by '-'")
    year_text = _text(fields, "year")
    if not year_text.isdigit():
        raise DataError(f"year {year_text!r} is not a whole number")
    start = _date(_text(fields, "date"), "date")
    if start.year != int(year_text):
        raise DataError(f"year {year_text} does not match the date {start.isoformat()}")
    end_text = _text(fields, "end_date", required=False)
    end = _date(end_text, "end_date") if end_text else None
    if end is not None and not 0 <= (end - start).days <= MAX_SUMMIT_DAYS:
        raise DataError(
            f"end_date {end_text} must be on or after the date {start.isoformat()} and within "
            f"{MAX_SUMMIT_DAYS} days of it"
        )
    title = _text(fields, "title")
    country = _text(fields, "venue_country")
    if not _ISO2.match(country) or country not in gaz.countries:
        raise DataError(f"venue_country {country!r} is not an ISO 3166-1 alpha-2 code of countries.csv")
    venue = _place(_text(fields, "venue"), "venue", gaz)
    if venue.country is not None and venue.country != country:
        raise DataError(
            f"venue {venue.query!r} resolves to {venue.label} ({venue.country}), not to a place in "
            f"{country}; write it as 'Label=lat,lon'"
        )
    party_queries = [p.strip() for p in _text(fields, "parties").split(";")]
    if "" in party_queries or not 2 <= len(party_queries) <= MAX_PARTIES:
        raise DataError(f"parties must be 2 to {MAX_PARTIES} places separated by ';'")
    parties = tuple(_place(q, "party", gaz) for q in party_queries)
    leaders = tuple(name.strip() for name in _text(fields, "leaders").split(";"))
    if len(leaders) != len(parties) or "" in leaders:
        raise DataError(
            f"leaders must name one leader (or delegation) per party, separated by ';': "
            f"{len(parties)} parties, {len(leaders)} leaders"
        )
    url = _text(fields, "source_url")
    if not _URL.match(url):
        raise DataError(f"source_url {url!r} is not an https:// address")
    return Summit(
        ident,
        start.year,
        start.isoformat(),
        None if end is None or end == start else end.isoformat(),
        title,
        venue,
        country,
        gaz.countries[country],
        parties,
        leaders,
        url,
        _text(fields, "note", required=False),
        row,
    )


def read_summits(path: str | Path | None = None, *, gazetteer: Gazetteer | None = None) -> tuple[Summit, ...]:
    """Read, validate and resolve a summits file (default: ``summits.csv`` of the data directory).

    Parameters
    ----------
    path : str or Path, optional
        A CSV file with the columns :data:`COLUMNS` (others are ignored), UTF-8.
    gazetteer : Gazetteer, optional
        Defaults to the embedded data.

    Returns
    -------
    tuple of Summit
        In file order.

    Raises
    ------
    DataError
        The file is missing, has no header with every column, no rows, or bad rows; the
        message lists each bad row with its number and the problem.

    Examples
    --------
    >>> [s.id for s in read_summits()][:3]
    ['geneva-1955', 'vienna-1961', 'vienna-1979']
    """
    file = Path(path) if path is not None else data_dir() / SUMMITS_FILE
    gaz = gazetteer or load_gazetteer()
    summits: list[Summit] = []
    problems: list[str] = []
    seen: dict[str, int] = {}
    try:
        with file.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in COLUMNS if c not in (reader.fieldnames or ())]
            if missing:
                raise DataError(f"{file.name}: the header lacks the column(s) {', '.join(missing)}")
            for fields in reader:
                row = reader.line_num
                try:
                    if None in fields or any(v is None for v in fields.values()):
                        header = len(reader.fieldnames or ())
                        given = sum(v is not None for k, v in fields.items() if k is not None)
                        given += len(fields.get(None) or ())
                        raise DataError(f"the row has {given} fields; the header has {header}")
                    summit = _summit_of_row(fields, row, gaz)
                    if summit.id in seen:
                        raise DataError(f"id {summit.id!r} is already used in row {seen[summit.id]}")
                    seen[summit.id] = row
                    summits.append(summit)
                except DataError as exc:
                    problems.append(f"row {row}: {exc}")
    except FileNotFoundError:
        raise DataError(f"summits file {file} is missing") from None
    except UnicodeDecodeError as exc:
        raise DataError(f"{file.name} is not UTF-8 text (byte {exc.start})") from None
    if problems:
        raise DataError(f"{file.name}: " + "; ".join(problems))
    if not summits:
        raise DataError(f"{file.name} has no summit rows")
    return tuple(summits)


@functools.cache
def load_summits() -> tuple[Summit, ...]:
    """The embedded summits (:func:`read_summits` of the data directory), read once per process."""
    return read_summits()


def check_summit(summit: Summit, thresholds: Thresholds | None = None) -> SummitCheck:
    """Measure how "halfway" a summit's venue was between its parties.

    Parameters
    ----------
    summit : Summit
    thresholds : Thresholds, optional
        Verdict limits for two parties (see :class:`geo.analysis.check.Thresholds`).

    Returns
    -------
    SummitCheck

    Examples
    --------
    >>> s = next(s for s in load_summits() if s.id == "reykjavik-1986")
    >>> r = check_summit(s)
    >>> r.verdict, round(r.check.detour_pct, 3), [round(d, 1) for d in r.distances_km]
    ('roughly halfway', 0.004, [4524.6, 3317.9])
    >>> check_summit(next(s for s in load_summits() if s.id == "geneva-1955")).verdict
    'not defined (4 parties)'
    """
    venue, parties = summit.venue, summit.parties
    if len(parties) == 2:
        result = check_halfway(venue, parties[0], parties[1], thresholds)
        a, b = result.parties
        split = "" if result.split is None else f" ({100 * result.split[0]:.0f}/{100 * result.split[1]:.0f})"
        detour = "" if result.detour_pct is None else f"; the detour is {result.detour_pct:+.1f} %"
        headline = (
            f"{result.verdict.capitalize()}: {format_km(a.distance_km)} from {a.name}, "
            f"{format_km(b.distance_km)} from {b.name}{split}{detour}."
        )
        return SummitCheck(summit, result.verdict, headline, (a.distance_km, b.distance_km), result, None)
    scored = compare(parties, [venue])
    score = scored.venues[0]
    far = max(range(len(parties)), key=lambda i: score.distances_km[i])
    near = min(range(len(parties)), key=lambda i: score.distances_km[i])
    headline = (
        f"{len(parties)} parties, so no halfway verdict: nearest {parties[near].name} "
        f"({format_km(score.min_km)}), farthest {parties[far].name} ({format_km(score.max_km)}); spread "
        f"{format_km(score.spread_km)}, fairness {score.fairness:.2f} (1 = all travel as far)."
    )
    return SummitCheck(
        summit, f"not defined ({len(parties)} parties)", headline, score.distances_km, None, scored
    )


def check_summits(
    summits: Sequence[Summit] | None = None, thresholds: Thresholds | None = None
) -> tuple[SummitCheck, ...]:
    """:func:`check_summit` for each summit (default: :func:`load_summits`), in order."""
    return tuple(check_summit(s, thresholds) for s in (load_summits() if summits is None else summits))
