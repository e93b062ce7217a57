"""``python -m geo map``: draw parties, venues and geodesic flight paths; write one HTML file.

Kept apart from :mod:`geo.cli.main` so that the parser stays light: folium and the rest are
imported only when the command runs.

::

    python -m geo map --between A B [C …] [--venues V …] [--equidistant] [--rings KM …]
                      [--date YYYY-MM-DD] [--aircraft TYPE …] [--avoid CC … [--buffer-km KM]]
                      [--best OBJECTIVE] --out FILE.html|FILE.geojson|FILE.kml|FILE.kmz
                      [--cdn] [--json] [--online]
    python -m geo map … --out FILE.html [--projection mercator|globe[:PLACE]|north|south|aeqd[:PLACE]]
    python -m geo map … --out FILE.png|FILE.svg|FILE.pdf [--projection NAME] [--size A4|A5|WxH] [--dpi N]

With two parties the venues are coloured by their halfway verdict; with more, by their rank
(``geo.analysis.scoring``). The default file is self-contained and works offline; ``--cdn`` writes a
small page that loads Leaflet from CDNs and shows OpenStreetMap tiles. ``.geojson``, ``.kml`` and
``.kmz`` write every layer of the same map as data (:mod:`geo.maps.exports`). An ``.png``, ``.svg`` or
``.pdf`` file is a print image of the same map (``geo.maps.image``) in the projection asked for.
An HTML map in any projection but Mercator is the interactive d3-geo page of
``geo.maps.projected_html``, drawn from the same plan with the same centre as the image.
"""

from __future__ import annotations

import argparse
from pathlib import Path
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
from geo.errors import InvalidInputError


def add_heat_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--heat",
        choices=("max", "total", "split"),
        help="colour the globe by the longest trip (max), the total of the trips (total) or, for two "
        "parties, the split: a heat map with its legend in km",
    )


def with_heat(plan: Any, names: list[str], kind: str, *, online: bool = False) -> Any:
    """``plan`` with the heat map of ``kind`` for the parties ``names``."""
    from geo.analysis.heat import heat_grid
    from geo.maps.heat import add_heat
    from geo.places.resolve import resolve

    return add_heat(plan, heat_grid([resolve(n, online=online) for n in names], kind))


def add_map_parser(sub: Any) -> None:
    """Register the ``map`` sub-command on an argparse sub-parsers object."""
    parser = sub.add_parser(
        "map",
        help="draw parties, venues and geodesic flight paths; write one HTML file",
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
        "--zones",
        action="store_true",
        help="draw the zones: halfway, roughly-halfway and equal-distance (two parties), else the 5 %% "
        "zone of the --best objective (minimax unless minsum)",
    )
    add_heat_option(parser)
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
        help="where to write the map: FILE.html (interactive), its layers as FILE.geojson, .kml or .kmz, "
        "or FILE.png, FILE.svg, FILE.pdf (print)",
    )
    parser.add_argument(
        "--projection",
        default=None,
        metavar="NAME",
        help=(
            "projection of the HTML map or image: mercator (default; the Leaflet map), globe[:PLACE] "
            "(seen from above PLACE, default the midpoint), north, south (polar azimuthal equidistant) "
            "or aeqd[:PLACE] (azimuthal equidistant: true distances from PLACE)"
        ),
    )
    parser.add_argument(
        "--size",
        default=None,
        metavar="SIZE",
        help="page of an image: A4 (default) or A5, landscape, or WxH in millimetres (e.g. 210x297)",
    )
    parser.add_argument(
        "--dpi", type=int, default=None, metavar="N", help="resolution of a PNG, 50 to 1200 (default 300)"
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


IMAGE_SUFFIXES = (".png", ".svg", ".pdf")


def run_map(args: argparse.Namespace) -> str:
    """Build the map for parsed arguments (:func:`geo.usecases.map_question`), write it as the
    page, the data or the image its ``--out`` suffix names, and return the line to print."""
    from geo.cli.mapfile import DATA_SUFFIXES, HTML_SUFFIXES, map_out_path, write_map, written_line

    out = Path(args.out)
    suffix = out.suffix.lower()
    if suffix not in (*HTML_SUFFIXES, *DATA_SUFFIXES, *IMAGE_SUFFIXES):
        raise InvalidInputError(
            f"--out {args.out!r} must name an .html, .geojson, .kml, .kmz, .png, .svg or .pdf file"
        )
    if suffix in IMAGE_SUFFIXES:
        if args.cdn:
            raise InvalidInputError("--cdn is for HTML maps, not images")
        _check_image_options(args)
        from geo.core.files import check_regular_file

        check_regular_file(out, writing=True)  # a FIFO would block the write forever
        return _write_image(args, out)
    for option in ("size", "dpi"):
        if getattr(args, option) is not None:
            raise InvalidInputError(f"--{option} is for images (--out FILE.png, .svg or .pdf), not {suffix}")
    if args.projection is not None:
        if suffix not in HTML_SUFFIXES:
            raise InvalidInputError(
                f"--projection is for HTML maps and images, not {suffix} (GeoJSON and KML are lon/lat)"
            )
        from geo.maps.projection import parse_projection

        if parse_projection(args.projection)[0] != "mercator":
            if args.cdn:
                raise InvalidInputError(
                    "--cdn is for the Mercator (Leaflet) map, not --projection " + args.projection[:40]
                )
            return _write_projected_page(args, map_out_path(args.out))
    out = map_out_path(args.out, cdn=args.cdn)
    from geo.maps.render import render_plan

    written = write_map(render_plan(_plan(args), basemap=not args.cdn), out, cdn=args.cdn)
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


def _check_image_options(args: argparse.Namespace) -> None:
    """Refuse a bad --projection, --size or --dpi before any place is resolved."""
    from geo.maps.image import check_dpi, parse_size
    from geo.maps.projection import parse_projection

    if args.projection is not None:
        parse_projection(args.projection)
    size_mm = parse_size(args.size) if args.size is not None else None
    if args.dpi is not None:
        check_dpi(args.dpi, *(() if size_mm is None else (size_mm,)))


def _plan(args: argparse.Namespace) -> Any:
    from geo.usecases import question_plan

    on_date, aircraft = facts_options(args)
    plan = question_plan(
        parties_of(args),
        args.venues,
        best=args.best,
        equidistant=args.equidistant,
        rings_km=args.rings,
        on_date=on_date,
        aircraft=aircraft,
        avoid=args.avoid or (),
        buffer_km=args.buffer_km,
        online=args.online,
    )
    names = parties_of(args)
    if args.heat:
        plan = with_heat(plan, names, args.heat, online=args.online)
    if not args.zones:
        return plan
    from geo.maps.zones import add_zones
    from geo.usecases import find_zones

    objective = (
        None
        if len(names) == 2 and args.best not in ("minimax", "minsum")
        else (args.best if args.best in ("minimax", "minsum") else "minimax")
    )
    return add_zones(plan, find_zones(names, objective, online=args.online))


def _write_projected_page(args: argparse.Namespace, out: Path) -> str:
    """Draw the question's plan as the interactive globe or azimuthal page and write it."""
    from geo.cli.mapfile import write_out
    from geo.usecases import map_page

    page, view = map_page(_plan(args), args.projection, online=args.online)
    data = page.encode("utf-8")
    write_out(out, data, args.out)
    if args.json:
        from geo.report.jsonout import dumps

        return dumps(
            {
                "out": str(out),
                "bytes": len(data),
                "format": "html",
                "self_contained": True,
                "projection": view.kind,
                "centre": [view.centre.lat, view.centre.lon] if view.centre is not None else None,
            }
        )
    return (
        f"wrote {out} ({len(data) / 1024:,.0f} kB, self-contained, works offline, "
        f"{view.kind} centred on {view.centre_name})"
    )


def _write_image(args: argparse.Namespace, out: Path) -> str:
    """Draw the question's plan as a PNG, SVG or PDF image and write it."""
    from geo.cli.mapfile import write_out
    from geo.maps.image import image_format
    from geo.usecases import map_image

    rendered = map_image(
        _plan(args),
        args.projection or "mercator",
        fmt=image_format(out.name),
        size=args.size or "A4",
        dpi=args.dpi,
        online=args.online,
    )
    write_out(out, rendered.data, args.out)
    view = rendered.view
    where = f" centred on {view.centre_name}" if view.azimuthal else ""
    if args.json:
        from geo.report.jsonout import dumps

        return dumps(
            {
                "out": str(out),
                "bytes": len(rendered.data),
                "format": rendered.fmt,
                "projection": view.kind,
                "centre": [view.centre.lat, view.centre.lon] if view.centre is not None else None,
                "pixels": list(rendered.size_px),
            }
        )
    size = f"{rendered.size_px[0]} × {rendered.size_px[1]} px" if rendered.fmt == "png" else "vector"
    kb = len(rendered.data) / 1024
    return f"wrote {out} ({kb:,.0f} kB, {rendered.fmt.upper()}, {size}, {view.kind}{where})"
