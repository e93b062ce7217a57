"""``python -m geo when``: at which hour of the venue's day should the session open?

::

    python -m geo when VENUE --between A B [C …] --date YYYY-MM-DD [--work 9-18]
                       [--ics FILE.ics] [--json] [--online]

Prints every hour of the venue's local day with each delegation's home time (= body clock),
banded work / morning / evening / night with ``+1``/``−1`` day marks, ranked best first
(:mod:`geo.analysis.hours`). ``--ics`` also writes the best slot as an RFC 5545 event in the
venue's time zone. Kept apart from :mod:`geo.cli.main` so the parser stays light.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from geo.cli.options import add_json, add_online, add_parties, parties_of
from geo.errors import InvalidInputError


def add_when_parser(sub: Any) -> None:
    """Register the ``when`` sub-command on an argparse sub-parsers object."""
    parser = sub.add_parser(
        "when",
        help="the hours of the venue's day on each delegation's clock, best first",
        description=(
            "List every hour of the venue's local day on DATE with each delegation's time at home, "
            "which is also its body clock (travellers adapt slowly), marked work / morning / evening / "
            "night and +1/-1 day, ranked by delegations in working hours, then fewest at night, then "
            "the worst hour. Time zones and daylight saving come from the IANA tz database."
        ),
    )
    parser.add_argument("venue", metavar="VENUE")
    add_parties(parser)
    parser.add_argument("--date", required=True, metavar="YYYY-MM-DD", help="the venue's local date")
    parser.add_argument(
        "--work",
        default="9-18",
        metavar="START-END",
        help="working hours at home, whole hours 0-24 (default 9-18: 09:00 to 18:00)",
    )
    parser.add_argument(
        "--ics", metavar="FILE.ics", help="also write the best slot as a calendar event (RFC 5545)"
    )
    add_json(parser)
    add_online(parser)


def _ics_path(text: str) -> Path:
    out = Path(text)
    if out.suffix.lower() != ".ics":
        raise InvalidInputError(f"--ics {text!r} must name an .ics file")
    from geo.core.files import check_regular_file

    return check_regular_file(out, writing=True)  # a FIFO would block the write forever


def run_when(args: argparse.Namespace) -> str:
    """Compute the meeting hours for parsed arguments, write the ICS if asked, return the text."""
    from geo.facts.timezones import parse_date
    from geo.usecases import when_to_meet

    on_date = parse_date(args.date)
    out = _ics_path(args.ics) if args.ics else None
    result = when_to_meet(args.venue, parties_of(args), on_date=on_date, work=args.work, online=args.online)
    wrote = None
    if out is not None:
        from geo.cli.mapfile import write_out
        from geo.report.hours import meeting_ics

        write_out(out, meeting_ics(result), args.ics)
        wrote = f"wrote {out} (the best slot, {result.best.venue_time} {result.venue_timezone}, as an event)"
    if args.json:
        from geo.report.jsonout import dumps

        if wrote:
            print(wrote, file=sys.stderr)  # stdout holds exactly one JSON object
        return dumps(result)
    from geo.report.hours import hours_lines

    return "\n".join([*hours_lines(result), *([wrote] if wrote else [])])
