"""A journey as text: the legs, the total, the detour, and refuelling stops for legs beyond range."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from geo.core.units import format_km

if TYPE_CHECKING:
    from geo.analysis.airspace import Detour
    from geo.analysis.route import Journey, Leg, StopOption, StopPlan


def stop_cell(plan: StopPlan | None) -> str:
    """The short answer for a table cell: ``1 stop (e.g. Churchill (YYQ))``, ``2 stops (…)``,
    ``no route with ≤ 2 stops``; ``""`` when no stop is needed or nothing was searched.

    Examples
    --------
    >>> from geo.analysis.route import refuelling_stops
    >>> from geo.core.geodesy import LatLon
    >>> stop_cell(refuelling_stops(LatLon(39.04, 125.76), LatLon(38.91, -77.04), 10_000))
    '1 stop (e.g. Churchill (YYQ))'
    """
    if plan is None or not plan.needed:
        return ""
    if not plan.options:
        return f"no route with ≤ {plan.max_stops} stops" + (
            "" if plan.complete else " found (search cut short)"
        )
    n = len(plan.options[0].stops)
    via = ", ".join(s.label for s in plan.options[0].stops)
    return f"{n} stop{'s' if n > 1 else ''} (e.g. {via})"


def detour_text(d: Detour) -> str:
    """``Helsinki → Tokyo: 10,529 km around RU (+2,692 km, +3.4 h)``, ``… clear of RU``, or ``… no path: …``.

    Examples
    --------
    >>> from geo.analysis.airspace import detour
    >>> from geo.core.geodesy import LatLon
    >>> helsinki, stockholm = LatLon(60.1699, 24.9384), LatLon(59.3293, 18.0686)
    >>> detour_text(detour("Helsinki", helsinki, "Stockholm", stockholm, ["RU"]))
    'Helsinki → Stockholm: 397 km, the direct path is clear of RU'
    """
    head = f"{d.start} → {d.end}: "
    names = ", ".join(d.avoided)
    if d.length_km is None:
        return head + (d.no_path or "no path")
    if not d.crosses_direct:
        text = f"{format_km(d.length_km)}, the direct path is clear of {names}"
    else:
        text = (
            f"{format_km(d.length_km)} around {names} (+{format_km(d.extra_km or 0.0)}, "
            f"+{d.extra_hours or 0.0:.1f} h; direct {format_km(d.direct_km)})"
        )
    if d.nonstop is not None:
        text += "; within range" if d.nonstop else "; BEYOND the range"
    return head + text


def detour_lines(venues: Sequence[tuple[str, Sequence[Detour]]]) -> list[str]:
    """The avoided-airspace block of ``check`` and ``compare``: each party's leg to each venue that
    was planned (venues without detours are counted, not listed)."""
    planned = [(name, ds) for name, ds in venues if ds]
    if not planned:
        return []
    avoided = ", ".join(planned[0][1][0].avoided)
    lines = ["", f"Avoiding the airspace of {avoided} (land only; each leg on its shortest path around):"]
    for _, detours in planned:
        lines += [f"  {detour_text(d)}" for d in detours]
    if len(planned) < len(venues):
        lines.append(
            f"  (planned for the first {len(planned)} of {len(venues)} venues; use --top to list fewer)"
        )
    return lines


def nonstop_cell(leg: Leg) -> str:
    """The leg's non-stop cell: ``yes``, ``NO: 1 stop (e.g. …)``, ``NO: no path around RU``,
    ``NO: the detour around RU is beyond range``, or ``–`` without an aircraft."""
    if leg.nonstop is None:
        return "–"
    if leg.nonstop:
        return "yes"
    if leg.detour is not None and leg.detour.length_km is None:
        return f"NO: no path around {', '.join(leg.detour.avoided)}"
    avoided = ", ".join(leg.detour.avoided) if leg.detour is not None else ""
    return f"NO: {stop_cell(leg.stops) or f'the detour around {avoided} is beyond range'}"


def option_line(rank: int, option: StopOption) -> str:
    """``1. via Churchill (YYQ), CA: 8,560 + 2,519 = 11,078 km (+0.1 %), 14.8 h, 1,440 km to spare``."""
    via = " → ".join(f"{s.label}, {s.country or '–'}" for s in option.stops)
    legs = " + ".join(format_km(d) for d in option.legs_km)
    return (
        f"{rank}. via {via}: {legs} = {format_km(option.total_km)} (+{option.detour_pct:.1f} %), "
        f"{option.hours:.1f} h, {format_km(option.margin_km)} to spare"
    )


def _stop_lines(leg: Leg, journey: Journey) -> list[str]:
    plan = leg.stops
    if plan is None:
        return []
    rules = [f"runway ≥ {journey.min_runway_m:,} m", f"≤ {plan.max_stops} stops"]
    if journey.neutral:
        rules.append(f"not in {', '.join(journey.excluded_countries) or 'a party country (none known)'}")
    head = f"    {leg.start} → {leg.end} is beyond the range ({format_km(plan.range_km)})"
    if not plan.options:
        reason = "" if plan.complete else "; the search stopped early, so a route may still exist"
        return [f"{head}: no route found with {', '.join(rules)}{reason}."]
    n = plan.fewest_stops or 0
    lines = [
        f"{head}: {n} stop{'s' if n > 1 else ''} needed; best of {plan.airports:,} airports "
        f"({', '.join(rules)}), by total distance:"
    ]
    lines += [f"      {option_line(i, o)}" for i, o in enumerate(plan.options, start=1)]
    if not plan.complete:
        lines.append("      (search stopped early: these are real options but may not be the best)")
    return lines


def _avoid_lines(journey: Journey) -> list[str]:
    route = journey.route
    if not route.avoid:
        return []
    lines = [
        f"  Avoiding the airspace of {', '.join(route.avoid)} (land only, buffer {journey.buffer_km:g} km):"
    ]
    for leg in route.legs:
        if leg.detour is not None:
            lines.append(f"    {detour_text(leg.detour)}")
            if (
                leg.detour.nonstop is False
                and leg.detour.length_km is not None
                and leg.distance_km <= (route.range_km or 0)
            ):
                lines.append(
                    "      beyond range only because of the detour: stops are searched on direct geodesics; "
                    "plan it as a route through a stop of your choice"
                )
        if leg.stop_detours:
            lines.append(
                f"    {leg.start} → {leg.end} via the best stops, flown around {', '.join(route.avoid)}:"
            )
            lines += [f"      {detour_text(d)}" for d in leg.stop_detours]
    if route.avoiding_km is not None:
        extra = route.avoiding_km - route.total_km
        lines.append(
            f"    total avoiding: {format_km(route.avoiding_km)} (+{format_km(extra)} over the geodesic legs)"
        )
    return lines


def journey_report(journey: Journey) -> str:
    """The route card: one line per leg, the total, the detour, and stops for legs beyond range."""
    route = journey.route
    stops = [leg.start for leg in route.legs] + [route.legs[-1].end]  # airports by their codes
    names = " → ".join(stops)
    plane = journey.aircraft
    lines = [f"Route {names} ({len(route.legs)} leg{'s' if len(route.legs) > 1 else ''})"]
    if plane is not None:
        lines[0] += f", {plane.name}: range {format_km(plane.range_km)} ({plane.range_published})"
    rows = [("leg", "km", "flight", "non-stop", "overflies")]
    for i, leg in enumerate(route.legs, start=1):
        nonstop = nonstop_cell(leg)
        over = " → ".join(leg.overflies) if leg.overflies is not None else "undefined (nearly antipodal)"
        rows.append(
            (f"{i}. {leg.start} → {leg.end}", format_km(leg.distance_km), f"{leg.hours:.1f} h", nonstop, over)
        )
    rows.append(("total", format_km(route.total_km), f"{route.hours:.1f} h", "", ""))
    widths = [max(len(r[k]) for r in rows) for k in range(4)]
    for r in rows:
        cells = [
            f"{r[0]:<{widths[0]}}",
            f"{r[1]:>{widths[1]}}",
            f"{r[2]:>{widths[2]}}",
            f"{r[3]:<{widths[3]}}",
        ]
        lines.append(("  " + "  ".join(cells) + "  " + r[4]).rstrip())
    first, last = stops[0], stops[-1]
    if route.detour_pct is None:
        lines.append(f"  The route returns to {first}: no direct geodesic to compare with.")
    elif len(route.legs) > 1:
        lines.append(
            f"  Direct {first} → {last}: {format_km(route.direct_km)}; "
            f"the route is {route.detour_pct:.1f} % longer (+{format_km(route.total_km - route.direct_km)})."
        )
    for leg in route.legs:
        lines += _stop_lines(leg, journey)
    lines += _avoid_lines(journey)
    lines.append(
        "  (km = WGS84 geodesic; flight = 500 mph + 30 min per leg; overflies = land under the geodesic, "
        "Natural Earth 1:10m; ranges are published still-air figures)"
    )
    return "\n".join(lines)
