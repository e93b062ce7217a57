"""The ``compare`` and ``best`` commands of the CLI (registered by :mod:`geo.cli`).

Importing this module is cheap: the scoring and optimisation modules load only when one of
these commands runs, so ``python -m geo check`` does not pay for them.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from geo.errors import InvalidInputError

RANKINGS = ("minimax", "minsum", "fair", "detour")  # same as geo.scoring.RANKINGS (checked by a test)
OBJECTIVES = ("midpoint", "centroid", "minsum", "minimax")  # same as geo.optimize.OBJECTIVES
AIRPORT_TYPES = ("large_airport", "medium_airport", "small_airport", "seaplane_base", "heliport")


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text!r} must be ≥ 0")
    return value


def _weight(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"weight {text!r} is not a number") from None


def add_compare_parsers(sub: Any) -> None:
    """Add ``compare`` and ``best`` to the CLI's subparsers."""
    compare = sub.add_parser(
        "compare",
        help="rank candidate venues for 2 to 20 parties",
        description=(
            "Score candidate venues for 2 to 20 parties (WGS84 geodesics, estimated flight times) and rank "
            "them. Venues come from the command line or from a CSV file with a header: name plus lat,lon or "
            "place. Bad file rows are reported with their row numbers; the good rows are still scored."
        ),
    )
    compare.add_argument("--between", nargs="+", metavar="PARTY", required=True, help="the 2 to 20 parties")
    venues = compare.add_mutually_exclusive_group(required=True)
    venues.add_argument("--venues", nargs="+", metavar="VENUE", help="candidate venues")
    venues.add_argument(
        "--venues-file", metavar="FILE.csv", help="CSV of candidates: name + lat,lon or place"
    )
    compare.add_argument(
        "--rank",
        choices=RANKINGS,
        default="minimax",
        help="minimax (default): shortest longest trip; minsum: smallest total; "
        "fair: smallest spread; detour: smallest detour (two parties)",
    )
    compare.add_argument(
        "--weights",
        nargs="+",
        type=_weight,
        metavar="W",
        help="travellers per party, in the order of --between (scale the total)",
    )
    compare.add_argument("--top", type=_positive_int, metavar="N", help="list only the N best venues")
    fmt = compare.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help="print one JSON object")
    fmt.add_argument(
        "--csv", action="store_true", help="print CSV, one row per venue (rejected rows on stderr)"
    )
    compare.add_argument(
        "--online",
        action="store_true",
        help="geocode names the offline gazetteer lacks with Nominatim (needs a network)",
    )
    from geo.cli import add_facts_options

    add_facts_options(compare)

    best = sub.add_parser(
        "best",
        help="the fairest point for 2 to 20 parties, and real venues near it",
        description=(
            "Find the optimal point on the WGS84 ellipsoid (global optimum) for an objective and "
            "suggest real airports or cities for it."
        ),
    )
    best.add_argument("parties", nargs="+", metavar="PARTY", help="the 2 to 20 parties")
    best.add_argument(
        "--objective",
        choices=OBJECTIVES,
        default="minimax",
        help="minimax (default): shortest longest trip; minsum: smallest total; midpoint: geodesic "
        "midpoint of two parties; centroid: GeoMidpoint's centre of gravity",
    )
    best.add_argument("--weights", nargs="+", type=_weight, metavar="W", help="travellers per party")
    best.add_argument(
        "--suggest",
        type=_positive_int,
        default=5,
        metavar="K",
        help="how many real venues to suggest (default 5, 0 for none)",
    )
    best.add_argument(
        "--neutral", action="store_true", help="suggest only venues outside every party's country"
    )
    best.add_argument(
        "--min-runway-m",
        type=_positive_int,
        default=2500,
        metavar="M",
        help="shortest acceptable longest runway, metres (default 2500)",
    )
    best.add_argument(
        "--airport-type",
        nargs="+",
        choices=AIRPORT_TYPES,
        metavar="TYPE",
        default=["large_airport", "medium_airport"],
        help="OurAirports types to suggest (default large_airport medium_airport)",
    )
    best.add_argument(
        "--suggest-from",
        choices=("airports", "cities"),
        default="airports",
        help="suggest airports (default) or cities",
    )
    best.add_argument(
        "--min-population",
        type=_positive_int,
        default=100_000,
        metavar="N",
        help="with --suggest-from cities: smallest population (default 100000)",
    )
    best.add_argument("--json", action="store_true", help="print one JSON object")
    best.add_argument(
        "--online",
        action="store_true",
        help="geocode names the offline gazetteer lacks with Nominatim (needs a network)",
    )


def run_compare(args: argparse.Namespace) -> str:
    """Handler of ``compare``: resolve, score, rank, format."""
    from geo.compare_report import compare_csv, compare_table
    from geo.places import resolve
    from geo.scoring import check_party_count, compare
    from geo.venues import VenueTable, read_venue_file

    check_party_count(len(args.between))
    if args.top == 0:
        raise InvalidInputError("--top must be at least 1")
    parties = [resolve(p, online=args.online) for p in args.between]
    if args.venues_file is not None:
        table = read_venue_file(args.venues_file, online=args.online)
    else:
        table = VenueTable.of_places(resolve(v, online=args.online) for v in args.venues)
    result = compare(parties, table, rank_by=args.rank, weights=args.weights, top=args.top)
    from geo.cli import facts_options
    from geo.scoring import with_facts

    on_date, aircraft = facts_options(args)
    result = with_facts(result, on_date=on_date, aircraft=aircraft)
    if args.csv:
        for r in result.rejected:
            print(f"halfway compare: rejected row {r.row}: {r.error} ({r.input!r})", file=sys.stderr)
        return compare_csv(result)
    if args.json:
        from geo.jsonout import dumps

        return dumps(result)
    from geo.realities import compare_facts_lines

    return "\n".join([compare_table(result), "", *compare_facts_lines(result.venues, result.date)])


def run_best(args: argparse.Namespace) -> str:
    """Handler of ``best``: resolve, optimise, suggest, format."""
    from geo.compare_report import best_report
    from geo.optimize import best
    from geo.places import resolve
    from geo.scoring import check_party_count
    from geo.suggest import SuggestionFilters

    check_party_count(len(args.parties))
    parties = [resolve(p, online=args.online) for p in args.parties]
    filters = SuggestionFilters(
        source=args.suggest_from,
        neutral=args.neutral,
        min_runway_m=args.min_runway_m,
        airport_types=tuple(dict.fromkeys(args.airport_type)),
        min_population=args.min_population,
    )
    result = best(parties, args.objective, weights=args.weights, suggest=args.suggest, filters=filters)
    if args.json:
        from geo.jsonout import dumps

        return dumps(result)
    return best_report(result)
