"""``python -m geo route``: the legs of a journey, and refuelling stops for an aircraft.

::

    python -m geo route PLACE PLACE [PLACE …] | A-B-C  [--aircraft TYPE] [--stops N]
                        [--options K] [--neutral] [--min-runway-m M] [--out F.html|.geojson|.kml|.kmz]
                        [--json] [--online]
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from geo.cli.options import add_avoid_options, add_place_options, positive_int
from geo.errors import InvalidInputError

if TYPE_CHECKING:
    from pathlib import Path

    from geo.analysis.route import Journey


def add_route_parser(sub: Any) -> None:
    """Register the ``route`` sub-command on an argparse sub-parsers object."""
    parser = sub.add_parser(
        "route",
        help="legs of a multi-leg route (JFK LHR SIN or JFK-LHR-SIN); refuelling stops for an aircraft",
        description=(
            "Each leg's WGS84 geodesic, flight time and overflown countries, the total and the detour "
            "against the direct geodesic. With --aircraft, legs beyond its published range get the real "
            "airports (OurAirports) where it could refuel: the fewest stops that suffice, best total first."
        ),
    )
    parser.add_argument(
        "places", nargs="+", metavar="PLACE", help="2 to 20 places, as separate arguments or joined: A-B-C"
    )
    parser.add_argument("--aircraft", metavar="TYPE", help="aircraft id or name (data/aircraft.csv)")
    parser.add_argument(
        "--stops",
        type=positive_int,
        default=2,
        metavar="N",
        help="most refuelling stops per leg (1-4, default 2)",
    )
    parser.add_argument(
        "--options", type=positive_int, default=5, metavar="K", help="stop options listed per leg (default 5)"
    )
    parser.add_argument(
        "--neutral", action="store_true", help="stops only outside the states of the first and last place"
    )
    parser.add_argument(
        "--min-runway-m",
        type=positive_int,
        default=2500,
        metavar="M",
        help="longest runway of a stop at least M metres (default 2500)",
    )
    parser.add_argument(
        "--out",
        metavar="FILE",
        help="also write the map (legs and refuelling stops): FILE.html (self-contained, offline), "
        "or its layers as FILE.geojson, FILE.kml or FILE.kmz",
    )
    parser.add_argument(
        "--projection",
        metavar="NAME",
        help="projection of the HTML map: mercator (default), globe[:PLACE], north, south or aeqd[:PLACE]",
    )
    add_avoid_options(parser)
    add_place_options(parser)


def _write_map(journey: Journey, path: Path, projection: str | None, online: bool) -> str:
    from geo.cli.mapfile import write_map, written_line
    from geo.maps.results import map_for_journey, plan_for_journey

    if projection is None or projection.strip().lower() == "mercator":
        return written_line(write_map(map_for_journey(journey), path))
    from geo.usecases import map_page

    page, view = map_page(plan_for_journey(journey), projection, online=online)
    try:
        path.write_text(page, encoding="utf-8")
    except OSError as exc:
        raise InvalidInputError(f"cannot write {str(path)!r}: {exc.strerror or exc}") from None
    size = len(page.encode("utf-8")) / 1024
    where = f"{view.kind} centred on {view.centre_name}"
    return f"wrote {path} ({size:,.0f} kB, self-contained, works offline, {where})"


def _check_projection(projection: str | None, path: Path | None) -> None:
    """Refuse a bad --projection, or one without an HTML --out, before any work."""
    if projection is None:
        return
    from geo.cli.mapfile import HTML_SUFFIXES
    from geo.maps.projection import parse_projection

    if path is None or path.suffix.lower() not in HTML_SUFFIXES:
        raise InvalidInputError("--projection is for the HTML map: give --out FILE.html")
    parse_projection(projection)


def run_route(args: argparse.Namespace) -> str:
    from geo.cli.mapfile import map_out_path
    from geo.usecases import plan_journey

    path = map_out_path(args.out) if args.out else None  # a bad suffix fails before the work
    _check_projection(args.projection, path)

    journey = plan_journey(
        args.places,
        aircraft=args.aircraft,
        max_stops=args.stops,
        options=args.options,
        neutral=args.neutral,
        min_runway_m=args.min_runway_m,
        avoid=args.avoid or (),
        buffer_km=args.buffer_km,
        online=args.online,
    )
    wrote = _write_map(journey, path, args.projection, args.online) if path is not None else ""
    if args.json:
        from geo.report.jsonout import dumps

        return dumps(journey)
    from geo.report.route import journey_report

    return journey_report(journey) + (f"\n{wrote}" if wrote else "")
