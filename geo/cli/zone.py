"""``zone``: where a claim would be true (halfway zones of two parties, p % fairness zones)."""

from __future__ import annotations

import argparse
from typing import Any

from geo.cli.options import add_parties, add_place_options, add_weights, parties_of


def add_threshold_options(parser: argparse.ArgumentParser) -> None:
    """The four limits of the halfway verdict (``check`` and ``zone``)."""
    parser.add_argument("--halfway-detour-pct", type=float, default=5.0, metavar="PCT",
                        help="largest detour for 'halfway' (default 5)")  # fmt: skip
    parser.add_argument("--halfway-split-tolerance", type=float, default=0.025, metavar="X",
                        help="largest |split - 0.5| for 'halfway' (default 0.025)")  # fmt: skip
    parser.add_argument("--roughly-detour-pct", type=float, default=15.0, metavar="PCT",
                        help="largest detour for 'roughly halfway' (default 15)")  # fmt: skip
    parser.add_argument("--roughly-split-tolerance", type=float, default=0.10, metavar="X",
                        help="largest |split - 0.5| for 'roughly halfway' (default 0.10)")  # fmt: skip


def thresholds_of(args: argparse.Namespace) -> Any:
    from geo.analysis.check import Thresholds

    return Thresholds(
        args.halfway_detour_pct,
        args.halfway_split_tolerance,
        args.roughly_detour_pct,
        args.roughly_split_tolerance,
    )


def add_zone_parser(sub: Any) -> None:
    zone = sub.add_parser(
        "zone",
        help="where would the claim be true? halfway and fairness zones",
        description=(
            "The zones of the globe where a claim holds: for two parties the halfway, roughly-halfway "
            "and equal-distance zones of the verdict rule; for 2 to 20 parties the points within "
            "--within %% of the minimax or minsum optimum. Prints each zone's area, countries and "
            "large airports, and where each --venue lies; --out draws them."
        ),
    )
    add_parties(zone)
    zone.add_argument("--objective", choices=("halfway", "minimax", "minsum"),
                      help="halfway (2 parties' default), minimax (default for more) or minsum")  # fmt: skip
    zone.add_argument("--within", type=float, default=5.0, metavar="P",
                      help="minimax/minsum: percent above the optimum (default 5, at most 50)")  # fmt: skip
    add_weights(zone)
    add_threshold_options(zone)
    zone.add_argument("--venue", nargs="+", default=[], metavar="VENUE",
                      help="say where these places lie relative to each zone")  # fmt: skip
    zone.add_argument(
        "--out",
        metavar="FILE",
        help="draw the zones: .html (interactive, offline), .geojson, .kml, .kmz, .png, .svg or .pdf",
    )
    from geo.cli.map import add_heat_option

    add_heat_option(zone)
    zone.add_argument("--size", default=None, metavar="A4|A5|WxH",
                      help="images: page size (default A4 landscape)")  # fmt: skip
    zone.add_argument("--dpi", type=int, default=None, metavar="N", help="PNG: dots per inch (default 300)")
    zone.add_argument(
        "--projection",
        default=None,
        metavar="NAME",
        help="for .html and images: mercator (default), globe, north, south, aeqd[:PLACE]",
    )
    add_place_options(zone)


def run_zone(args: argparse.Namespace) -> str:
    from geo.analysis.zones import position
    from geo.places.resolve import resolve
    from geo.report.zones import position_sentence, zone_lines, zones_json
    from geo.usecases import find_zones

    names = parties_of(args)
    zs = find_zones(names, args.objective, within_pct=args.within, weights=args.weights,
                    thresholds=thresholds_of(args), online=args.online)  # fmt: skip
    venues = []
    for name in args.venue:
        v = resolve(name, online=args.online)
        venues.append((v.name, [position(z, v.point.lat, v.point.lon) for z in zs.zones]))
    written = ""
    if args.out:
        from geo.cli.mapfile import write_plan
        from geo.maps.zones import add_zones
        from geo.usecases import question_plan

        best = None if zs.objective == "halfway" else zs.objective
        plan = question_plan(names, args.venue, best=best, online=args.online)
        if args.heat:
            from geo.cli.map import with_heat

            plan = with_heat(plan, names, args.heat, online=args.online)
        written = write_plan(
            args.out, add_zones(plan, zs), args.projection, size=args.size, dpi=args.dpi, online=args.online
        )
    if args.json:
        from geo.report.jsonout import dumps

        return dumps(zones_json(zs, venues))
    lines = zone_lines(zs)
    lines += [position_sentence(name, zs, positions) for name, positions in venues]
    if written:
        lines.append(written)
    return "\n".join(lines)
