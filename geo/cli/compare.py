"""The ``compare`` and ``best`` commands of the CLI (registered by :mod:`geo.cli.main`).

Importing this module is cheap: the scoring and optimisation modules load only when one of
these commands runs, so ``python -m geo check`` does not pay for them.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from geo.cli.options import (
    add_avoid_options,
    add_facts_options,
    add_json,
    add_online,
    add_parties,
    add_weights,
    facts_options,
    parties_of,
    positive_int,
)
from geo.errors import InvalidInputError

# The same as geo.analysis.scoring.RANKINGS and geo.analysis.optimize.OBJECTIVES (checked by a test)
RANKINGS = ("minimax", "minsum", "fair", "detour")
OBJECTIVES = ("midpoint", "centroid", "minsum", "minimax")
AIRPORT_TYPES = ("large_airport", "medium_airport", "small_airport", "seaplane_base", "heliport")


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
    add_parties(compare)
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
    add_weights(compare)
    compare.add_argument("--top", type=positive_int, metavar="N", help="list only the N best venues")
    fmt = compare.add_mutually_exclusive_group()
    add_json(fmt)
    fmt.add_argument(
        "--csv", action="store_true", help="print CSV, one row per venue (rejected rows on stderr)"
    )
    add_online(compare)
    add_facts_options(compare)
    add_avoid_options(compare)

    best = sub.add_parser(
        "best",
        help="the fairest point for 2 to 20 parties, and real venues near it",
        description=(
            "Find the optimal point on the WGS84 ellipsoid (global optimum) for an objective and "
            "suggest real airports or cities for it."
        ),
    )
    add_parties(best)
    best.add_argument(
        "--objective",
        choices=OBJECTIVES,
        default="minimax",
        help="minimax (default): shortest longest trip; minsum: smallest total; midpoint: geodesic "
        "midpoint of two parties; centroid: GeoMidpoint's centre of gravity",
    )
    add_weights(best)
    best.add_argument(
        "--suggest",
        type=positive_int,
        default=5,
        metavar="K",
        help="how many real venues to suggest (default 5, 0 for none)",
    )
    best.add_argument(
        "--neutral", action="store_true", help="suggest only venues outside every party's country"
    )
    best.add_argument(
        "--zones",
        nargs="?",
        type=float,
        const=5.0,
        metavar="P",
        help="also the zone within P %% of the optimum (default 5; minimax for the midpoint and centroid "
        "objectives): area, countries, large airports",
    )
    best.add_argument(
        "--min-runway-m",
        type=positive_int,
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
        type=positive_int,
        default=100_000,
        metavar="N",
        help="with --suggest-from cities: smallest population (default 100000)",
    )
    add_json(best)
    add_online(best)


def run_compare(args: argparse.Namespace) -> str:
    """Handler of ``compare``: parse, call :func:`geo.usecases.compare_venues`, format."""
    from geo.report.compare import compare_table, iter_compare_csv
    from geo.report.escape import terminal_text
    from geo.usecases import compare_venues

    parties = parties_of(args)
    if args.top == 0:
        raise InvalidInputError("--top must be at least 1")
    if args.venues_file is not None:
        from geo.places.venues import read_venue_file

        venues: Any = read_venue_file(args.venues_file, online=args.online)
    else:
        venues = args.venues
    on_date, aircraft = facts_options(args)
    result = compare_venues(
        parties,
        venues,
        rank_by=args.rank,
        weights=args.weights,
        top=args.top,
        on_date=on_date,
        aircraft=aircraft,
        avoid=args.avoid or (),
        buffer_km=args.buffer_km,
        online=args.online,
    )
    if args.csv:  # streamed a block of rows at a time; CSV for a file stays as written (see main)
        for r in result.rejected:
            print(f"halfway compare: rejected row {r.row}: {r.error} ({r.input!r})", file=sys.stderr)
        raw = not sys.stdout.isatty()
        for text in iter_compare_csv(result):
            sys.stdout.write(text if raw else terminal_text(text))
        return ""
    if args.json:  # streamed: a million venues are written one at a time, never held as one text
        from geo.report.jsonout import write_json

        write_json(result, lambda text: sys.stdout.write(terminal_text(text)))
        sys.stdout.write("\n")
        return ""
    from geo.report.facts import compare_facts_lines
    from geo.report.route import detour_lines

    lines = [compare_table(result), "", *compare_facts_lines(result.venues, result.date)]
    return "\n".join(lines + detour_lines([(v.name, v.detours) for v in result.venues]))


def run_best(args: argparse.Namespace) -> str:
    """Handler of ``best``: parse, call :func:`geo.usecases.find_best`, format."""
    from geo.analysis.suggest import SuggestionFilters
    from geo.report.compare import best_report
    from geo.usecases import find_best

    filters = SuggestionFilters(
        source=args.suggest_from,
        neutral=args.neutral,
        min_runway_m=args.min_runway_m,
        airport_types=tuple(dict.fromkeys(args.airport_type)),
        min_population=args.min_population,
    )
    result = find_best(
        parties_of(args),
        args.objective,
        weights=args.weights,
        suggest=args.suggest,
        filters=filters,
        online=args.online,
    )
    zone_set = None
    if args.zones is not None:
        from geo.usecases import find_zones

        objective = args.objective if args.objective in ("minimax", "minsum") else "minimax"
        zone_set = find_zones(list(result.parties), objective, within_pct=args.zones, weights=args.weights)
    if args.json:
        from geo.report.jsonout import dumps, to_jsonable

        if zone_set is None:
            return dumps(result)
        from geo.report.zones import zones_json

        return dumps({**to_jsonable(result), "zones": zones_json(zone_set)})
    if zone_set is None:
        return best_report(result)
    from geo.report.zones import zone_lines

    return "\n".join([best_report(result), "", *zone_lines(zone_set)])
