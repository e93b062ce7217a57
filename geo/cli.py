"""Command line: ``python -m geo COMMAND …`` (also installed as ``halfway``).

A thin shell over the library: parse, resolve places, call the core, format. Typed
errors become one line on stderr and exit status 2; ``--json`` prints exactly one JSON
object on stdout. Heavy packages (folium, streamlit, pandas) are never imported here.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections.abc import Sequence
from typing import NoReturn

from geo.errors import GeoError

EXIT_USAGE = 2


class ArgumentParser(argparse.ArgumentParser):
    """argparse with two fixes for this tool.

    * A token that starts with a minus sign followed by a digit is a value, not an
      option: ``check -8.8,115.2 --between -35.28,149.13 Beijing`` works. (Stock
      argparse only accepts plain negative numbers such as ``-8.8``.)
    * Usage errors are one line on stderr, exit status 2.
    """

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._negative_number_matcher = re.compile(r"^-\.?\d")

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see --help)\n")


def _add_place_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    parser.add_argument(
        "--online",
        action="store_true",
        help="look up names the offline gazetteer lacks with OpenStreetMap Nominatim (needs a network)",
    )


def add_facts_options(parser: argparse.ArgumentParser) -> None:
    """``--date`` and ``--aircraft``: options of the summit facts (``geo.realities``)."""
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
        from geo.timezones import parse_date

        on_date = parse_date(args.date)
    return on_date, args.aircraft


def build_parser() -> ArgumentParser:
    parser = ArgumentParser(
        prog="halfway",
        description=(
            "Check 'halfway' meeting-venue claims with WGS84 geodesics. Places are names "
            "(capitals, cities, countries, airports), IATA/ICAO codes, 'lat,lon', DMS such as "
            "\"61°13′N 149°54′W\", or 'Label=lat,lon'."
        ),
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = sub.add_parser(
        "check",
        help="is VENUE halfway between two parties?",
        description="Is VENUE halfway between A and B? Prints a verdict card or, with --json, one object.",
    )
    check.add_argument("venue", metavar="VENUE")
    check.add_argument("--between", nargs=2, metavar=("A", "B"), required=True, help="the two parties")
    check.add_argument("--halfway-detour-pct", type=float, default=5.0, metavar="PCT",
                       help="largest detour for 'halfway' (default 5)")  # fmt: skip
    check.add_argument("--halfway-split-tolerance", type=float, default=0.025, metavar="X",
                       help="largest |split - 0.5| for 'halfway' (default 0.025)")  # fmt: skip
    check.add_argument("--roughly-detour-pct", type=float, default=15.0, metavar="PCT",
                       help="largest detour for 'roughly halfway' (default 15)")  # fmt: skip
    check.add_argument("--roughly-split-tolerance", type=float, default=0.10, metavar="X",
                       help="largest |split - 0.5| for 'roughly halfway' (default 0.10)")  # fmt: skip
    add_facts_options(check)
    _add_place_options(check)

    resolve = sub.add_parser("resolve", help="show what a place name resolves to")
    resolve.add_argument("place", metavar="PLACE")
    _add_place_options(resolve)

    distance = sub.add_parser("distance", help="geodesic distance and azimuths between two places")
    distance.add_argument("a", metavar="A")
    distance.add_argument("b", metavar="B")
    _add_place_options(distance)

    from geo.map_cli import add_map_parser  # light: folium is imported only when `map` runs

    add_map_parser(sub)

    from geo.compare_cli import add_compare_parsers  # light: scoring/optimize load only when they run

    add_compare_parsers(sub)

    article = sub.add_parser(
        "article",
        help="find 'halfway' claims in an article (text or HTML) and check them",
        description=(
            "Find the claims of an article ('halfway between A and B', 'midway between', 'equidistant "
            "from', 'halfway around the world') and the places it names, and check each claim. FILE is "
            "UTF-8 text or HTML; '-' reads standard input. Claims that cannot be checked are listed "
            "with the reason."
        ),
    )
    article.add_argument("file", metavar="FILE", help="the article, UTF-8 text or HTML ('-' for stdin)")
    article.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    return parser


def _cmd_check(args: argparse.Namespace) -> str:
    from geo.check import Thresholds, attach_facts, check_halfway
    from geo.places import resolve
    from geo.realities import facts_lines, summit_facts

    thresholds = Thresholds(
        args.halfway_detour_pct,
        args.halfway_split_tolerance,
        args.roughly_detour_pct,
        args.roughly_split_tolerance,
    )
    venue = resolve(args.venue, online=args.online)
    a, b = (resolve(p, online=args.online) for p in args.between)
    on_date, aircraft = facts_options(args)
    facts = summit_facts(venue, (a, b), on_date=on_date, aircraft=aircraft)
    result = attach_facts(check_halfway(venue, a, b, thresholds), facts)
    if args.json:
        from geo.jsonout import dumps

        return dumps(result)
    from geo.textout import check_card

    return check_card(result) + "\n\n" + "\n".join(facts_lines(facts))


def _cmd_resolve(args: argparse.Namespace) -> str:
    from geo.places import resolve

    place = resolve(args.place, online=args.online)
    if args.json:
        from geo.jsonout import dumps

        return dumps(place)
    from geo.textout import place_line

    return place_line(place)


def _cmd_distance(args: argparse.Namespace) -> str:
    from geo.geodesy import inverse
    from geo.places import resolve

    a, b = resolve(args.a, online=args.online), resolve(args.b, online=args.online)
    inv = inverse(a.point, b.point)
    if args.json:
        from geo.check import PlaceRef
        from geo.jsonout import dumps

        return dumps(
            {
                "from": PlaceRef.of(a),
                "to": PlaceRef.of(b),
                "distance_km": inv.distance_km,
                "azimuth1_deg": inv.azimuth1_deg,
                "azimuth2_deg": inv.azimuth2_deg,
            }
        )
    from geo.textout import distance_line

    return distance_line(a, b, inv)


def _cmd_map(args: argparse.Namespace) -> str:
    from geo.map_cli import run_map

    return run_map(args)


def _cmd_compare(args: argparse.Namespace) -> str:
    from geo.compare_cli import run_compare

    return run_compare(args)


def _cmd_best(args: argparse.Namespace) -> str:
    from geo.compare_cli import run_best

    return run_best(args)


COMMANDS = {"check": _cmd_check, "resolve": _cmd_resolve, "distance": _cmd_distance, "map": _cmd_map}
COMMANDS.update(compare=_cmd_compare, best=_cmd_best)


def _cmd_article(args: argparse.Namespace) -> str:
    from geo.article import check_article, format_report, read_article

    report = check_article(read_article(args.file))
    if args.json:
        from geo.jsonout import dumps

        return dumps(report)
    return format_report(report)


COMMANDS.update(article=_cmd_article)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit status (0 ok, 2 bad input)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        output = COMMANDS[args.command](args)
    except GeoError as exc:
        message = " ".join(str(exc).split())
        print(f"{parser.prog} {args.command}: error: {message}", file=sys.stderr)
        return EXIT_USAGE
    sys.stdout.write(output.rstrip("\n") + "\n")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
