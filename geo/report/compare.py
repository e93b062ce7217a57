"""Plain text and CSV for ``compare`` and ``best``: tables a person can read, rows a spreadsheet can load."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from itertools import islice

from geo.analysis.optimize import BestResult
from geo.analysis.scoring import BLOCK_SPEED_KMH, FLIGHT_OVERHEAD_HOURS, CompareResult, VenueScore
from geo.core.units import format_km, format_lat_lon
from geo.report.escape import csv_rows

RANK_LABELS = {
    "minimax": "the shortest longest trip",
    "minsum": "the smallest total distance",
    "fair": "the smallest spread between the longest and shortest trip",
    "detour": "the smallest detour from the direct path",
}
OBJECTIVE_LABELS = {
    "midpoint": "the geodesic midpoint",
    "centroid": "the centre of gravity, GeoMidpoint's method",
    "minsum": "the smallest total distance, the geometric median",
    "minimax": "the shortest longest trip, the 1-centre",
}
CSV_BLOCK_ROWS = 4096  # venues formatted at a time by iter_compare_csv
_PER_PARTY_COLUMNS_UP_TO = 4  # more parties than this: the table shows the farthest party instead


def _model_note() -> str:
    return (
        f"Distances: WGS84 geodesics. Flight times: distance / {BLOCK_SPEED_KMH:g} km/h (500 mph) + "
        f"{60 * FLIGHT_OVERHEAD_HOURS:.0f} min, non-stop."
    )


def _weights_note(weights: tuple[float, ...], names: list[str]) -> str | None:
    if all(w == 1 for w in weights):
        return None
    pairs = ", ".join(f"{n} ×{w:g}" for n, w in zip(names, weights, strict=True))
    return (
        f"Weights (travellers): {pairs}. Totals are weighted; parties with weight 0 are left out of max/min."
    )


def _table(header: list[str], rows: list[list[str]], right: set[int]) -> list[str]:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    out = []
    for r in [header, *rows]:
        cells = [c.rjust(widths[i]) if i in right else c.ljust(widths[i]) for i, c in enumerate(r)]
        out.append("  " + "  ".join(cells).rstrip())
    return out


def compare_table(result: CompareResult) -> str:
    """The comparison as a text table, best first, with the rejected rows below it.

    Examples
    --------
    >>> from geo.places.resolve import resolve
    >>> from geo.analysis.scoring import compare
    >>> r = compare([resolve("Washington"), resolve("Moscow")], [resolve("Reykjavik")])
    >>> print(compare_table(r).splitlines()[3])
         1  Reykjavík  4,525 km (6.1 h)  3,317 km (4.6 h)  4,525 km  7,843 km  1,208 km      0.73  +0.0 %
    """
    names = [p.name for p in result.parties]
    per_party = len(names) <= _PER_PARTY_COLUMNS_UP_TO
    two = len(names) == 2
    title = f"Venues for {', '.join(names)}, ranked by {result.rank_by} ({RANK_LABELS[result.rank_by]})"
    header = ["rank", "venue"]
    header += names if per_party else ["farthest party"]
    header += ["max", "total", "spread", "fairness"] + (["detour"] if two else [])
    rows = []
    for v in result.venues:
        row = [str(v.rank), v.name]
        if per_party:
            row += [
                f"{format_km(d)} ({h:.1f} h)" for d, h in zip(v.distances_km, v.flight_hours, strict=True)
            ]
        else:
            far = max(range(len(names)), key=lambda i: (result.weights[i] > 0, v.distances_km[i]))
            row.append(f"{names[far]} ({v.flight_hours[far]:.1f} h)")
        row += [format_km(v.max_km), format_km(v.sum_km), format_km(v.spread_km), f"{v.fairness:.2f}"]
        if two:
            row.append("n/a" if v.detour_pct is None else f"{v.detour_pct:+.1f} %")
        rows.append(row)
    right = {0} | set(range(2, len(header)))
    lines = [title, "", *_table(header, rows, right)]
    if result.venues_scored > len(result.venues):
        lines.append(
            f"  … {result.venues_scored - len(result.venues):,} more venues scored, not shown (--top)"
        )
    if result.rejected:
        lines += ["", f"Rejected rows ({len(result.rejected)}):"]
        lines += [f"  row {r.row}: {r.input!r}: {r.error}" for r in result.rejected]
    lines += [""]
    note = _weights_note(result.weights, names)
    if note:
        lines.append(note)
    lines.append(
        "max = longest trip, total = sum of trips, spread = longest − shortest, "
        "fairness = shortest / longest."
    )
    lines.append(_model_note())
    return "\n".join(lines)


def compare_csv(result: CompareResult) -> str:
    """The comparison as CSV (one row per venue, best first; per-party distance and hours columns).

    The text of :func:`iter_compare_csv` in one string.

    >>> from geo.places.resolve import resolve
    >>> from geo.analysis.scoring import compare
    >>> r = compare([resolve("Washington"), resolve("Moscow")], [resolve("Reykjavik")])
    >>> compare_csv(r).splitlines()[1][:30]
    '1,Reykjavík,64.135480,-21.8954'
    """
    return "".join(iter_compare_csv(result))


def iter_compare_csv(result: CompareResult) -> Iterator[str]:
    """The comparison as CSV, the header then blocks of :data:`CSV_BLOCK_ROWS` rows (a million
    venues are written without holding every row at once).

    Rejected rows are not in the CSV (the CLI lists them on stderr). A venue name that a
    spreadsheet would run as a formula is written with a leading apostrophe
    (:func:`geo.report.escape.csv_cell`).

    Examples
    --------
    >>> from geo.places.resolve import resolve
    >>> from geo.analysis.scoring import compare
    >>> r = compare([resolve("Washington"), resolve("Moscow")], [resolve("Reykjavik")])
    >>> import csv as _csv
    >>> header = next(_csv.reader([compare_csv(r).splitlines()[0]]))
    >>> header[:5]
    ['rank', 'name', 'lat', 'lon', 'max_km']
    >>> header[-4:]
    ['km_to_Washington, D.C.', 'km_to_Moscow', 'hours_to_Washington, D.C.', 'hours_to_Moscow']
    """
    names = [p.name for p in result.parties]
    header = [
        "rank",
        "name",
        "lat",
        "lon",
        "max_km",
        "min_km",
        "sum_km",
        "spread_km",
        "fairness",
        "detour_pct",
        "split_1",
        "split_2",
        "row",
    ]
    header += [f"km_to_{n}" for n in names] + [f"hours_to_{n}" for n in names]
    facts = result.date is not None  # with geo.analysis.scoring.with_facts: the summit facts too
    aircraft = facts and any(
        p.aircraft is not None for v in result.venues if v.facts is not None for p in v.facts.parties
    )
    if facts:
        header += ["date", "country", "sovereign", "neutral", "timezone", "utc_offset_hours"]
        header += [f"clock_shift_hours_{n}" for n in names] + [f"overflies_{n}" for n in names]
        if aircraft:
            header += [f"nonstop_{n}" for n in names]

    def num(x: float | None, digits: int = 3) -> str:
        return "" if x is None else f"{x:.{digits}f}"

    def flag(x: bool | None) -> str:
        return "" if x is None else "true" if x else "false"

    def row(v: VenueScore) -> list[object]:
        split = v.split or (None, None)
        return (
            [
                v.rank,
                v.name,
                f"{v.lat:.6f}",
                f"{v.lon:.6f}",
                num(v.max_km),
                num(v.min_km),
                num(v.sum_km),
                num(v.spread_km),
                num(v.fairness, 4),
                num(v.detour_pct, 3),
                num(split[0], 4),
                num(split[1], 4),
                v.row or "",
            ]
            + [num(d) for d in v.distances_km]
            + [num(h, 2) for h in v.flight_hours]
            + (_fact_cells(v, result.date, len(names), aircraft, num, flag) if facts else [])
        )

    yield csv_rows([header])
    venues = iter(result.venues)
    while block := [row(v) for v in islice(venues, CSV_BLOCK_ROWS)]:
        yield csv_rows(block)


def _fact_cells(
    v: VenueScore, date: str | None, n: int, aircraft: bool, num: Callable[..., str], flag: Callable[..., str]
) -> list[str]:
    """The summit-fact cells of one venue row; empty beyond the venues that have facts."""
    if v.facts is None:
        return [""] * (6 + 2 * n + (n if aircraft else 0))
    f = v.facts.venue
    cells = [date or "", f.country or "", f.sovereign or "", flag(f.neutral), f.timezone]
    cells.append(num(f.utc_offset_hours, 2))
    parties = v.facts.parties
    cells += [num(p.clock_shift_hours, 2) for p in parties]
    cells += [" ".join(p.overflies) if p.overflies is not None else "" for p in parties]
    if aircraft:
        cells += [flag(p.nonstop) for p in parties]
    return cells


def best_report(result: BestResult) -> str:
    """The optimum, each party's trip to it, and the suggested real venues, as text."""
    names = [p.name for p in result.parties]
    p = result.point
    lines = [
        f"Best point for {', '.join(names)}: {result.objective} — {OBJECTIVE_LABELS[result.objective]}",
        "",
        f"  point          {format_lat_lon(p.lat, p.lon)}  ({p.lat:.5f}, {p.lon:.5f})",
        f"  longest trip   {format_km(result.max_km)}",
        f"  total          {format_km(result.sum_km)}",
        "",
    ]
    width = max(len(n) for n in names)
    for name, d, h, w in zip(names, result.distances_km, result.flight_hours, result.weights, strict=True):
        extra = "" if w == 1 else f"  (weight {w:g})"
        lines.append(f"  {name:<{width}}  {format_km(d):>10}  {h:5.1f} h{extra}")
    lines += ["", f"Method: {result.method}."]
    if not result.unique:
        lines.append("The point is not unique: other points score exactly as well.")
    if result.note:
        lines.append(f"Note: {result.note}.")
    f = result.filters
    if result.suggestions:
        if f.source == "airports":
            what = f"airports ({', '.join(t.replace('_airport', '') for t in f.airport_types)})"
            what += f", runway ≥ {f.min_runway_m:,} m" if f.min_runway_m else ""
        else:
            what = f"cities of {f.min_population:,}+ people"
        if f.neutral:
            what += ", outside " + (", ".join(f.excluded_countries) or "no country")
        rank_by = (
            "distance to the point" if result.objective in ("midpoint", "centroid") else result.objective
        )
        lines += ["", f"Real venues ({what}; ranked by {rank_by}):"]
        rows = []
        for i, s in enumerate(result.suggestions, 1):
            code = f" ({s.iata or s.icao})" if (s.iata or s.icao) else ""
            runway = f"{s.runway_m:,} m" if s.runway_m else ""
            rows.append(
                [
                    f"{i}.",
                    f"{s.name}{code}",
                    s.country or "",
                    format_km(s.max_km),
                    format_km(s.sum_km),
                    runway,
                    format_km(s.to_point_km),
                ]
            )
        header = ["", "venue", "country", "max", "total", "runway", "from point"]
        lines += _table(header, rows, {0, 3, 4, 5, 6})
    lines += ["", _model_note()]
    note = _weights_note(result.weights, names)
    if note:
        lines.append(note)
    return "\n".join(lines)
