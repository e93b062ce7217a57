"""``python -m geo map``: draw parties, venues and geodesic flight paths; write one HTML file.

Kept apart from :mod:`geo.cli.main` so that the parser stays light: folium and the rest are
imported only when the command runs.

::

    python -m geo map --between A B [C …] [--venues V …] [--equidistant] [--rings KM …]
                      [--date YYYY-MM-DD] [--aircraft TYPE …]
                      [--best OBJECTIVE] --out FILE.html [--cdn] [--json] [--online]

With two parties the venues are coloured by their halfway verdict; with more, by their rank
(``geo.analysis.scoring``). The default file is self-contained and works offline; ``--cdn`` writes a
small page that loads Leaflet from CDNs and shows OpenStreetMap tiles.
"""

from __future__ import annotations

import argparse
import importlib.util
from pathlib import Path
from typing import Any

from geo.cli.options import add_facts_options, add_json, add_online, add_parties, facts_options, parties_of
from geo.errors import InvalidInputError

MAX_VENUES = 50  # each venue draws one geodesic per party: more would make the page heavy


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
    parser.add_argument("--out", required=True, metavar="FILE.html", help="where to write the map")
    parser.add_argument(
        "--cdn",
        action="store_true",
        help="write the small online-only variant (scripts from CDNs, OpenStreetMap tiles)",
    )
    add_facts_options(parser)  # --date, --aircraft (which also draws each party's range ring)
    add_json(parser)
    add_online(parser)


def _has_module(name: str) -> bool:
    return importlib.util.find_spec(name) is not None


def run_map(args: argparse.Namespace) -> str:
    """Build the map for parsed arguments, write it, and return the line to print."""
    from geo.places.resolve import resolve

    between = parties_of(args)
    if len(args.venues) > MAX_VENUES:
        raise InvalidInputError(f"--venues takes at most {MAX_VENUES} venues, not {len(args.venues)}")
    if args.equidistant and len(between) != 2:
        raise InvalidInputError("--equidistant needs exactly two parties")
    out = Path(args.out)
    if out.suffix.lower() not in (".html", ".htm"):
        raise InvalidInputError(f"--out {args.out!r} must name an .html file")

    parties = [resolve(p, online=args.online) for p in between]
    venues = [resolve(v, online=args.online) for v in args.venues]

    from geo.facts.summit import aircraft_for_parties
    from geo.maps import plan as maps

    on_date, aircraft = facts_options(args)
    rings = bool(args.aircraft)
    fleet = aircraft_for_parties(aircraft, len(parties))
    party_refs: list[maps.MapPoint] = [
        maps.MapPoint(
            p.name, p.lat, p.lon, range_km=a.range_km if a else None, range_label=f"{a.id} range" if a else ""
        )
        for p, a in zip(parties, fleet, strict=True)
    ]
    marks: list[maps.VenueMark] = []
    title = None
    if venues and len(parties) == 2:
        from geo.analysis.check import check_halfway, with_facts

        checks = [
            with_facts(check_halfway(v, parties[0], parties[1]), on_date=on_date, aircraft=aircraft)
            for v in venues
        ]
        marks = [maps.venue_mark_for_check(c) for c in checks]
        party_refs = maps.party_points(checks[0].parties, range_rings=rings)
        if len(checks) == 1:
            c = checks[0]
            title = (
                f"Is {c.venue.name} halfway between {parties[0].name} and {parties[1].name}? "
                f"{c.verdict.capitalize()}"
            )
    elif venues:
        from geo.analysis import scoring

        ranked = scoring.compare(parties, venues, rank_by="minimax")
        result = scoring.with_facts(ranked, on_date=on_date, aircraft=aircraft)
        marks = maps.venue_marks_for_compare(result)
        party_refs = maps.party_points(result.parties, result.venues[0].parties, range_rings=rings)

    best = _best_mark(parties, args.best) if args.best else None
    equidistant = _equidistant_line(parties) if args.equidistant else None

    m = maps.build_map(
        party_refs,
        marks,
        best=best,
        equidistant=equidistant,
        rings_km=args.rings,
        title=title,
        basemap=not args.cdn,
    )
    from geo.maps.offline_html import export_html

    page = export_html(m, offline=not args.cdn)
    try:
        out.write_text(page, encoding="utf-8")
    except OSError as exc:
        raise InvalidInputError(f"cannot write {args.out!r}: {exc.strerror or exc}") from None
    size = len(page.encode("utf-8"))
    kind = (
        "online only: loads scripts and tiles from the web" if args.cdn else "self-contained, works offline"
    )
    if args.json:
        from geo.report.jsonout import dumps

        return dumps({"out": str(out), "bytes": size, "self_contained": not args.cdn})
    return f"wrote {out} ({size / 1024:,.0f} kB, {kind})"


def _best_mark(parties: list[Any], objective: str) -> Any:
    if not _has_module("geo.analysis.optimize"):
        raise InvalidInputError("--best needs the optimiser (geo.analysis.optimize), which is not installed")
    from geo.analysis import optimize
    from geo.maps import plan as maps

    result = optimize.optimum([p.lat for p in parties], [p.lon for p in parties], objective)
    return maps.best_mark(result, objective)


def _equidistant_line(parties: list[Any]) -> Any:
    if not _has_module("geo.core.equidistant"):
        raise InvalidInputError("--equidistant needs geo.core.equidistant, which is not installed")
    from geo.core import equidistant
    from geo.core.geodesy import LatLon

    a, b = parties
    return equidistant.equidistant_line(LatLon(a.lat, a.lon), LatLon(b.lat, b.lon))
