"""Command line: ``python -m geo COMMAND …`` (also installed as ``halfway``).

A thin shell over the library: parse, resolve places, call the core, format. Typed
errors become one line on stderr and exit status 2; ``--json`` prints exactly one JSON
object on stdout. Heavy packages (folium, streamlit, pandas) are never imported here.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from geo.cli.options import (
    EXIT_USAGE,
    ArgumentParser,
    add_avoid_options,
    add_facts_options,
    add_parties,
    add_place_options,
    facts_options,
    parties_of,
)
from geo.cli.zone import add_threshold_options, thresholds_of
from geo.errors import GeoError
from geo.report.escape import terminal_text


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
    add_parties(check, exactly=2)
    add_threshold_options(check)
    check.add_argument(
        "--zones",
        action="store_true",
        help="also say where VENUE lies relative to the halfway, roughly-halfway and equal-distance "
        "zones (inside or not, km to each edge); `zone` draws them",
    )
    check.add_argument(
        "--robust",
        action="store_true",
        help="also give the verdict for every combination of each place's reasonable points (city centre, "
        "seat of government, large airports within 60 km, an area's nearest point) and of the limits x0.8 "
        "and x1.2: one summary line and the table",
    )
    add_facts_options(check)
    add_avoid_options(check)
    add_place_options(check)

    resolve = sub.add_parser("resolve", help="show what a place name resolves to")
    resolve.add_argument("place", metavar="PLACE")
    add_place_options(resolve)

    distance = sub.add_parser("distance", help="geodesic distance and azimuths between two places")
    distance.add_argument("a", metavar="A")
    distance.add_argument("b", metavar="B")
    add_place_options(distance)

    from geo.cli.map import add_map_parser  # light: folium is imported only when `map` runs

    add_map_parser(sub)

    from geo.cli.compare import add_compare_parsers  # light: scoring/optimize load only when they run

    add_compare_parsers(sub)

    from geo.cli.articles import add_article_parser

    add_article_parser(sub)

    from geo.cli.route import add_route_parser

    add_route_parser(sub)

    from geo.cli.hours import add_when_parser

    add_when_parser(sub)

    from geo.cli.zone import add_zone_parser

    add_zone_parser(sub)

    dashboard = sub.add_parser(
        "dashboard",
        help="start the Streamlit dashboard (needs: pip install 'geo-venue[dashboard]')",
        description=(
            "Start the dashboard on http://ADDRESS:PORT with no usage statistics and no e-mail prompt; "
            "it works offline. Needs the dashboard extra: pip install 'geo-venue[dashboard]'."
        ),
    )
    dashboard.add_argument("--port", type=int, default=8501, help="port (default 8501)")
    dashboard.add_argument(
        "--address", default="127.0.0.1", help="address to listen on (default 127.0.0.1, this machine only)"
    )
    return parser


def _cmd_check(args: argparse.Namespace) -> str:
    from geo.usecases import check_claim, place, robustness

    thresholds = thresholds_of(args)
    names = parties_of(args, exactly=2)
    on_date, aircraft = facts_options(args)
    venue, a, b = (place(name, online=args.online) for name in (args.venue, *names))
    result = check_claim(
        venue,
        a,
        b,
        thresholds=thresholds,
        on_date=on_date,
        aircraft=aircraft,
        avoid=args.avoid or (),
        buffer_km=args.buffer_km,
        online=args.online,
    )
    robust = robustness(venue, a, b, thresholds=thresholds) if args.robust else None
    zone_set, positions = None, []
    if args.zones:
        from geo.analysis.zones import position
        from geo.usecases import find_zones

        zone_set = find_zones([a, b], "halfway", thresholds=thresholds)
        positions = [position(z, venue.point.lat, venue.point.lon) for z in zone_set.zones]
    if args.json:
        from geo.report.jsonout import dumps, to_jsonable

        extra: dict[str, object] = {}
        if robust is not None:
            extra["robustness"] = robust
        if zone_set is not None:
            from geo.report.zones import zones_json

            extra["zones"] = zones_json(zone_set, [(venue.name, positions)])
        return dumps({**to_jsonable(result), **extra} if extra else result)
    from geo.report.facts import facts_lines
    from geo.report.route import detour_lines
    from geo.report.text import check_card

    facts = [] if result.facts is None else ["", *facts_lines(result.facts)]
    lines = [check_card(result), *facts, *detour_lines([(result.venue.name, result.detours)])]
    if robust is not None:
        from geo.report.robust import robust_lines

        lines += ["", *robust_lines(robust)]
    if zone_set is not None:
        from geo.report.zones import position_sentence

        lines += ["", position_sentence(venue.name, zone_set, positions)]
    return "\n".join(lines)


def _cmd_resolve(args: argparse.Namespace) -> str:
    from geo.places.resolve import resolve

    place = resolve(args.place, online=args.online)
    if args.json:
        from geo.report.jsonout import dumps

        return dumps(place)
    from geo.report.text import place_line

    return place_line(place)


def _cmd_distance(args: argparse.Namespace) -> str:
    from geo.core.geodesy import inverse
    from geo.places.resolve import resolve

    a, b = resolve(args.a, online=args.online), resolve(args.b, online=args.online)
    inv = inverse(a.point, b.point)
    if args.json:
        from geo.analysis.check import PlaceRef
        from geo.report.jsonout import dumps

        return dumps(
            {
                "from": PlaceRef.of(a),
                "to": PlaceRef.of(b),
                "distance_km": inv.distance_km,
                "azimuth1_deg": inv.azimuth1_deg,
                "azimuth2_deg": inv.azimuth2_deg,
            }
        )
    from geo.report.text import distance_line

    return distance_line(a, b, inv)


def _cmd_map(args: argparse.Namespace) -> str:
    from geo.cli.map import run_map

    return run_map(args)


def _cmd_compare(args: argparse.Namespace) -> str:
    from geo.cli.compare import run_compare

    return run_compare(args)


def _cmd_best(args: argparse.Namespace) -> str:
    from geo.cli.compare import run_best

    return run_best(args)


COMMANDS = {"check": _cmd_check, "resolve": _cmd_resolve, "distance": _cmd_distance, "map": _cmd_map}
COMMANDS.update(compare=_cmd_compare, best=_cmd_best)


def _cmd_article(args: argparse.Namespace) -> str:
    from geo.cli.articles import run_articles

    return run_articles(args)


COMMANDS.update(article=_cmd_article)


def _cmd_route(args: argparse.Namespace) -> str:
    from geo.cli.route import run_route

    return run_route(args)


COMMANDS.update(route=_cmd_route)


def _cmd_when(args: argparse.Namespace) -> str:
    from geo.cli.hours import run_when

    return run_when(args)


COMMANDS.update(when=_cmd_when)


def _cmd_zone(args: argparse.Namespace) -> str:
    from geo.cli.zone import run_zone

    return run_zone(args)


COMMANDS.update(zone=_cmd_zone)


# The settings of .streamlit/config.toml, which a pip user does not have.
DASHBOARD_SETTINGS = {
    "server.headless": "true",  # no browser auto-open, no first-run e-mail prompt
    "server.fileWatcherType": "none",
    "browser.gatherUsageStats": "false",  # never send usage statistics
    "client.toolbarMode": "minimal",
    "theme.base": "light",
    "global.disableWidgetStateDuplicationWarning": "true",
}


def dashboard_command(address: str, port: int) -> list[str]:
    """The ``streamlit run`` command line of the packaged dashboard (``geo_dashboard/app.py``)."""
    import importlib.util

    def importable(name: str) -> bool:
        try:
            return importlib.util.find_spec(name) is not None
        except (ImportError, ValueError):  # a broken or blocked install counts as missing
            return False

    missing = [m for m in ("streamlit", "pandas", "geo_dashboard") if not importable(m)]
    if missing:
        raise GeoError(
            f"the dashboard needs {', '.join(missing)}: install it with pip install 'geo-venue[dashboard]'"
        )
    if not 0 < port < 65536:
        raise GeoError(f"--port {port} is not a TCP port (1 to 65535)")
    from importlib.resources import files

    app = files("geo_dashboard") / "app.py"
    command = [sys.executable, "-m", "streamlit", "run", str(app)]
    for key, value in {**DASHBOARD_SETTINGS, "server.address": address, "server.port": str(port)}.items():
        command += [f"--{key}", value]
    return command


def _run_dashboard(args: argparse.Namespace) -> int:
    import os

    command = dashboard_command(args.address, args.port)
    print(
        f"halfway dashboard: serving on http://{args.address}:{args.port} (Ctrl+C stops it)", file=sys.stderr
    )
    sys.stderr.flush()
    os.execv(command[0], command)  # pragma: no cover - replaced by Streamlit


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit status (0 ok, 2 bad input)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "dashboard":
            return _run_dashboard(args)
        output = COMMANDS[args.command](args)
    except GeoError as exc:
        message = terminal_text(" ".join(str(exc).split()))
        print(f"{parser.prog} {args.command}: error: {message}", file=sys.stderr)
        return EXIT_USAGE
    csv_to_file = getattr(args, "csv", False) and not sys.stdout.isatty()  # CSV for a file stays as written
    if output:  # a streamed command (article with several files) has written its lines already
        sys.stdout.write((output if csv_to_file else terminal_text(output)).rstrip("\n") + "\n")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
