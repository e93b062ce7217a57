"""Text of the robustness of a verdict (:mod:`geo.analysis.robust`): the one line, the points, the table."""

from __future__ import annotations

from geo.analysis.check import HALFWAY, NOT_HALFWAY, ROUGHLY, UNDEFINED, Thresholds
from geo.analysis.robust import AIRPORT_RADIUS_KM, Combination, PlacePoints, RobustResult
from geo.core.units import format_km

SHORT = {HALFWAY: "halfway", ROUGHLY: "roughly", NOT_HALFWAY: "not", UNDEFINED: "undefined"}


def robust_line(result: RobustResult) -> str:
    """The one line: ``Robustness: ROUGHLY HALFWAY under all 90 combinations …``.

    >>> from geo.analysis.robust import check_robust
    >>> from geo.places.resolve import resolve
    >>> robust_line(check_robust(resolve("Anchorage"), resolve("Washington"), resolve("Beijing")))
    'Robustness: ROUGHLY HALFWAY under all 90 combinations of points and thresholds (30 × 3)'
    """
    return f"Robustness: {result.summary}"


def points_text(p: PlacePoints) -> str:
    """The points of a place with their distance from the point as resolved.

    >>> from geo.analysis.robust import reasonable_points
    >>> from geo.places.resolve import resolve
    >>> points_text(reasonable_points(resolve("Beijing"), None))
    'city centre; PEK 25 km; PKX 44 km'
    """
    return "; ".join(
        o.label if o.kind == "given" else f"{o.label} {format_km(o.offset_km)}" for o in p.points
    )


def limits_text(t: Thresholds) -> str:
    """``detour ≤ 5/15 %, split within 2.5/10 points``: the halfway / roughly limits."""
    return (
        f"detour ≤ {t.halfway_detour_pct:g}/{t.roughly_detour_pct:g} %, split within "
        f"{100 * t.halfway_split_tolerance:g}/{100 * t.roughly_split_tolerance:g} points"
    )


def _row_cells(row: Combination) -> list[str]:
    split = "–" if row.split is None else f"{100 * row.split:.1f}/{100 * (1 - row.split):.1f}"
    detour = "–" if row.detour_pct is None else f"{row.detour_pct:+.1f} %"
    return [
        *row.points,
        f"{row.party_km[0]:,.0f}",
        f"{row.party_km[1]:,.0f}",
        f"{row.direct_km:,.0f}",
        split,
        detour,
        *(SHORT[v] for v in row.verdicts),
    ]


def robust_lines(result: RobustResult) -> list[str]:
    """The robustness section of ``check --robust``: the one line, the points, the limits and the table.

    The table has one row per combination of points (the points as resolved first) and one
    verdict column per set of limits; distances are WGS84 geodesics in km, the split is
    party A's share / party B's, in percent.
    """
    lines = [robust_line(result), ""]
    lines.append(
        f"Points tried (the point as resolved, a seat of government, large airports within "
        f"{AIRPORT_RADIUS_KM:g} km; km from the point as resolved):"
    )
    roles = (("venue", result.venue), ("A", result.parties[0]), ("B", result.parties[1]))
    for role, p in roles:
        lines.append(f"  {role} {p.place.name}: {points_text(p)}")
        lines += [f"    ({note})" for note in p.notes]
    lines.append(
        "Limits tried (halfway/roughly): "
        + "; ".join(f"{s.label} {limits_text(s.thresholds)}" for s in result.steps)
    )
    header = [
        result.venue.place.name,
        result.parties[0].place.name,
        result.parties[1].place.name,
        "A km",
        "B km",
        "direct km",
        "split %",
        "detour",
        *(s.label for s in result.steps),
    ]
    cells = [header, *(_row_cells(r) for r in result.rows)]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    right = set(range(3, len(header) - len(result.steps)))  # the numbers

    def line(row: list[str]) -> str:
        return "  " + "  ".join(
            c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True))
        )

    lines += ["", *(line(row).rstrip() for row in cells)]
    return lines


def robust_markdown(result: RobustResult) -> str:
    """The one line and the points tried, as Markdown for the dashboard (names escaped).

    >>> from geo.analysis.robust import check_robust
    >>> from geo.places.resolve import resolve
    >>> print(robust_markdown(check_robust(resolve("Bern"), resolve("London"), resolve("Rome"))))
    ... # doctest: +ELLIPSIS
    **Robustness:** HALFWAY with London (city centre, LGW, STN), ROUGHLY HALFWAY with London (LHR, LTN) ...
    <BLANKLINE>
    * venue **Bern**: city centre (no large airport within 60 km of Bern)
    * A **London**: city centre; LHR 24 km; LGW 40 km; LTN 44 km; STN 49 km
    * B **Rome**: city centre; FCO 24 km
    """
    from geo.report.escape import md_escape

    lines = [f"**Robustness:** {md_escape(result.summary)}", ""]
    roles = (("venue", result.venue), ("A", result.parties[0]), ("B", result.parties[1]))
    for role, p in roles:
        notes = "".join(f" ({md_escape(n)})" for n in p.notes)
        lines.append(f"* {role} **{md_escape(p.place.name)}**: {md_escape(points_text(p))}{notes}")
    return "\n".join(lines)


def robust_rows(result: RobustResult) -> list[dict[str, object]]:
    """The table as one dict per combination of points (the dashboard's data frame): labels,
    geodesic km rounded to 0.1, the split and detour in percent, and a verdict per set of limits."""
    names = [result.venue.place.name, *(p.place.name for p in result.parties)]
    roles = [f"venue: {names[0]}", f"A: {names[1]}", f"B: {names[2]}"]
    out: list[dict[str, object]] = []
    for row in result.rows:
        item: dict[str, object] = dict(zip(roles, row.points, strict=True))
        item.update(
            {
                "A km": round(row.party_km[0], 1),
                "B km": round(row.party_km[1], 1),
                "direct km": round(row.direct_km, 1),
                "A share %": None if row.split is None else round(100 * row.split, 1),
                "detour %": None if row.detour_pct is None else round(row.detour_pct, 2),
            }
        )
        item.update({f"limits {s.label}": SHORT[v] for s, v in zip(result.steps, row.verdicts, strict=True)})
        out.append(item)
    return out
