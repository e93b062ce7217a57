"""``python -m geo map``: draw parties, venues and geodesic flight paths; write one HTML file.

Kept apart from :mod:`geo.cli.main` so that the parser stays light: folium and the rest are
imported only when the command runs.

::

    python -m geo map --between A B [C …] [--venues V …] [--equidistant] [--rings KM …]
                      [--date YYYY-MM-DD] [--aircraft TYPE …] [--avoid CC … [--buffer-km KM]]
                      [--best OBJECTIVE] --out FILE.html|FILE.geojson|FILE.kml|FILE.kmz
                      [--cdn] [--json] [--online]

With two parties the venues are coloured by their halfway verdict; with more, by their rank
(``geo.analysis.scoring``). The default file is self-contained and works offline; ``--cdn`` writes a
small page that loads Leaflet from CDNs and shows OpenStreetMap tiles. ``.geojson``, ``.kml`` and
``.kmz`` write every layer of the same map as data (:mod:`geo.maps.exports`).
"""

from __future__ import annotations

import argparse
from typing import Any

from geo.cli.options import (
    add_avoid_options,
    add_facts_options,
    add_json,
    add_online,
    add_parties,
    facts_options,
    parties_of,
)


def add_map_parser(sub: Any) -> None:
    """Register the ``map`` sub-command on an argparse sub-parsers object."""
    parser = sub.add_parser(
        "map",
        help="draw parties, venues and geodesic flight paths; write one HTML file (or GeoJSON, KML, KMZ)",
        description=(
            "Draw the parties, candidate venues, geodesic flight paths, the direct path and its "
            "midpoint (two parties), and optionally the equidistant line, range rings and the best "
            "meeting point, and write the map as one HTML file. By default the file is "
            "self-contained (every script, stylesheet and a world basemap inline) and works offline."
        ),
    )
    add_parties(parser)
    parser.add_argument(
        "--venues",
        nargs="+",
        metavar="VENUE",
        default=[],
        help="candidate venues; flight paths are drawn from every party to each",
    )
    parser.add_argument(
        "--equidistant",
        action="store_true",
        help="draw the line of points as far from A as from B (two parties)",
    )
    parser.add_argument(
        "--rings",
        nargs="+",
        type=float,
        metavar="KM",
        default=[],
        help="geodesic range rings around each party, km (0 < KM <= 20000)",
    )
    parser.add_argument(
        "--best",
        metavar="OBJECTIVE",
        help="find and draw the best meeting point for OBJECTIVE (e.g. minimax) with its minimax circle",
    )
    parser.add_argument(
        "--out",
        required=True,
        metavar="FILE",
        help="where to write the map: FILE.html (the page), or its layers as FILE.geojson, .kml or .kmz",
    )
    parser.add_argument(
        "--cdn",
        action="store_true",
        help="write the small online-only variant (scripts from CDNs, OpenStreetMap tiles)",
    )
    add_facts_options(parser)  # --date, --aircraft (which also draws each party's range ring)
    add_avoid_options(parser)  # --avoid, --buffer-km (draws each party's path around the airspace)
    add_json(parser)
    add_online(parser)


def run_map(args: argparse.Namespace) -> str:
    """Build the map for parsed arguments (:func:`geo.usecases.map_question`), write it as the
    page or the data its ``--out`` suffix names, and return the line to print."""
    from geo.cli.mapfile import map_out_path, write_map, written_line

    out = map_out_path(args.out, cdn=args.cdn)
    from geo.usecases import map_question

    on_date, aircraft = facts_options(args)
    m = map_question(
        parties_of(args),
        args.venues,
        best=args.best,
        equidistant=args.equidistant,
        rings_km=args.rings,
        on_date=on_date,
        aircraft=aircraft,
        basemap=not args.cdn,
        avoid=args.avoid or (),
        buffer_km=args.buffer_km,
        online=args.online,
    )
    written = write_map(m, out, cdn=args.cdn)
    if args.json:
        from geo.report.jsonout import dumps

        return dumps(
            {
                "out": str(out),
                "bytes": written.bytes,
                "format": written.format,
                "self_contained": written.is_html and not args.cdn,
            }
        )
    return written_line(written, cdn=args.cdn)
