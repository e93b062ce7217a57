"""A journey as text: the legs, the total, the detour, and refuelling stops for legs beyond range."""

from __future__ import annotations

from typing import TYPE_CHECKING

from geo.core.units import format_km

if TYPE_CHECKING:
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


def journey_report(journey: Journey) -> str:
    """The route card: one line per leg, the total, the detour, and stops for legs beyond range."""
    route = journey.route
    names = " → ".join(p.name for p in journey.places)
    plane = journey.aircraft
    lines = [f"Route {names} ({len(route.legs)} leg{'s' if len(route.legs) > 1 else ''})"]
    if plane is not None:
        lines[0] += f", {plane.name}: range {format_km(plane.range_km)} ({plane.range_published})"
    rows = [("leg", "km", "flight", "non-stop", "overflies")]
    for i, leg in enumerate(route.legs, start=1):
        nonstop = "–" if leg.nonstop is None else "yes" if leg.nonstop else f"NO: {stop_cell(leg.stops)}"
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
    first, last = journey.places[0].name, journey.places[-1].name
    if route.detour_pct is None:
        lines.append(f"  The route returns to {first}: no direct geodesic to compare with.")
    elif len(route.legs) > 1:
        lines.append(
            f"  Direct {first} → {last}: {format_km(route.direct_km)}; "
            f"the route is {route.detour_pct:.1f} % longer (+{format_km(route.total_km - route.direct_km)})."
        )
    for leg in route.legs:
        lines += _stop_lines(leg, journey)
    lines.append(
        "  (km = WGS84 geodesic; flight = 500 mph + 30 min per leg; overflies = land under the geodesic, "
        "Natural Earth 1:10m; ranges are published still-air figures)"
    )
    return "\n".join(lines)
