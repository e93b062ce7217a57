"""Option definitions shared by the commands: one definition, one help text each.

A leaf of :mod:`geo.cli`: the command modules import it, it imports none of them (no
cycle). Nothing heavy is imported here, so building the parser stays fast.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
from typing import NoReturn

from geo.analysis.limits import MAX_PARTIES, MIN_PARTIES, check_party_count
from geo.errors import InvalidInputError

EXIT_USAGE = 2


class ArgumentParser(argparse.ArgumentParser):
    """argparse with two fixes for this tool.

    * A token that starts with a minus sign followed by a digit is a value, not an
      option: ``check -8.8,115.2 --between -35.28,149.13 Beijing`` works. (Stock
      argparse only accepts plain negative numbers such as ``-8.8``.) So is a custom point
      whose label starts with one: ``resolve -Home=1,2``.
    * Usage errors are one line on stderr, exit status 2.
    """

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        # A value, not an option: "-8.8,115.2" and a custom point whose label starts with a minus
        # sign ("-Home=1,2"); options are "--name" or "-h", never with "=" in a single-dash word.
        self._negative_number_matcher = re.compile(r"^-(?:\.?\d|[^-\s=][^=\s]*=)")

    def error(self, message: str) -> NoReturn:
        from geo.report.escape import terminal_text

        one_line = terminal_text(" ".join(message.split()))  # arguments echoed may hold newlines or escapes
        self.exit(EXIT_USAGE, f"{self.prog}: error: {one_line} (see --help)\n")


def add_json(parser: argparse._ActionsContainer) -> None:
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of text")


def add_online(parser: argparse._ActionsContainer) -> None:
    parser.add_argument(
        "--online",
        action="store_true",
        help="look up names the offline gazetteer lacks with OpenStreetMap Nominatim (needs a network)",
    )


def add_place_options(parser: argparse._ActionsContainer) -> None:
    """``--json`` and ``--online``."""
    add_json(parser)
    add_online(parser)


def add_parties(parser: argparse.ArgumentParser, *, exactly: int | None = None) -> None:
    """The parties, as positional arguments or after ``--between`` (either works).

    ``exactly`` fixes their number (``check`` takes two); otherwise 2 to 20.
    """
    what = f"the {exactly} parties" if exactly else f"the {MIN_PARTIES} to {MAX_PARTIES} parties"
    parser.add_argument("parties", nargs="*", metavar="PARTY", help=f"{what} (or after --between)")
    parser.add_argument("--between", nargs=exactly or "+", metavar="PARTY", help=what)


def parties_of(args: argparse.Namespace, *, exactly: int | None = None) -> list[str]:
    """The parties given positionally or after ``--between`` (not both), counted.

    >>> parties_of(argparse.Namespace(parties=[], between=["A", "B"]))
    ['A', 'B']
    >>> parties_of(argparse.Namespace(parties=["A"], between=None))
    Traceback (most recent call last):
    ...
    geo.errors.InvalidInputError: got 1 party; give between 2 and 20
    """
    given = list(args.parties or [])
    if args.between:
        if given:
            raise InvalidInputError(
                f"give the parties either after --between or on their own, not both "
                f"({' '.join(given)!r} and --between {' '.join(args.between)!r})"
            )
        given = list(args.between)
    if exactly is not None and len(given) != exactly:
        raise InvalidInputError(f"give exactly {exactly} parties (--between A B), not {len(given)}")
    check_party_count(len(given))
    return given


def add_facts_options(parser: argparse.ArgumentParser) -> None:
    """``--date`` and ``--aircraft``: options of the summit facts (``geo.facts.summit``)."""
    parser.add_argument(
        "--date",
        metavar="YYYY-MM-DD",
        help="date of the UTC offsets and clock shifts (default today)",
    )
    parser.add_argument(
        "--aircraft",
        nargs="+",
        metavar="TYPE",
        help="aircraft (id or name from data/aircraft.csv, e.g. vc-25a il-62m): one for every party or "
        "one per party; marks each leg non-stop or not",
    )


def facts_options(args: argparse.Namespace) -> tuple[dt.date | None, list[str] | None]:
    """``on_date`` and ``aircraft`` for the summit facts, from parsed ``--date``/``--aircraft``."""
    on_date = None
    if args.date is not None:
        from geo.facts.timezones import parse_date

        on_date = parse_date(args.date)
    return on_date, args.aircraft


def non_negative_km(text: str) -> float:
    """A distance in km ≥ 0 (argparse type)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not 0 <= value <= 2000:
        raise argparse.ArgumentTypeError(f"{text!r} must be between 0 and 2000 km")
    return value


def add_avoid_options(parser: argparse.ArgumentParser) -> None:
    """``--avoid CC …`` and ``--buffer-km KM``: fly around countries' airspace (geo.analysis.airspace)."""
    parser.add_argument(
        "--avoid",
        nargs="+",
        metavar="CC",
        help="ISO country codes whose land the flights must not overfly (e.g. RU BY): each leg is flown on "
        "the shortest path around them, with its extra km and hours",
    )
    parser.add_argument(
        "--buffer-km",
        type=non_negative_km,
        default=0.0,
        metavar="KM",
        help="distance to keep from the avoided land, km (default 0)",
    )


def positive_int(text: str) -> int:
    """A whole number ≥ 0 (argparse type)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text!r} must be ≥ 0")
    return value


def weight(text: str) -> float:
    """A weight (argparse type); its range is checked by the core."""
    try:
        return float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"weight {text!r} is not a number") from None


def add_weights(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--weights",
        nargs="+",
        type=weight,
        metavar="W",
        help="travellers per party, in the order of the parties (scale the total)",
    )
