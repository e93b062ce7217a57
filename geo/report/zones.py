"""Zones as text: each zone's rule, area, countries and airports; where a venue lies."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from geo.core.units import format_km, format_lat_lon

if TYPE_CHECKING:
    from geo.analysis.zones import Position, Zone, ZoneSet

ZONE_NAMES = {
    "halfway": "halfway zone",
    "roughly halfway": "roughly-halfway zone",
    "equal distance": "equal-distance band",
    "minimax": "minimax zone",
    "minsum": "minsum zone",
}
MAX_LISTED = 8


def zone_name(zone: Zone, within_pct: float | None = None) -> str:
    """``halfway zone``, ``5 % minimax zone``…"""
    name = ZONE_NAMES[zone.kind]
    return f"{within_pct:g} % {name}" if within_pct is not None else name


def _listed(items: Sequence[str], what: str) -> str:
    if not items:
        return f"no {what}"
    head = ", ".join(items[:MAX_LISTED])
    more = f" and {len(items) - MAX_LISTED} more" if len(items) > MAX_LISTED else ""
    return f"{len(items)} {what}: {head}{more}"


def km2(value: float) -> str:
    """``2,404,959 km²``."""
    return f"{value:,.0f} km²"


def zone_lines(zs: ZoneSet) -> list[str]:
    """One paragraph per zone: its rule, area, countries and large airports.

    Examples
    --------
    >>> from geo.places.resolve import resolve
    >>> from geo.analysis.zones import halfway_zones
    >>> lines = zone_lines(halfway_zones(resolve("Washington"), resolve("Beijing")))
    >>> lines[0]
    'Zones between Washington, D.C. and Beijing (centre: the midpoint, 81.9°N, 156.9°W)'
    """
    names = ", ".join(p.name for p in zs.parties[:-1]) + f" and {zs.parties[-1].name}"
    centre = "the midpoint" if zs.objective == "halfway" else f"the {zs.objective} optimum"
    out = [f"Zones between {names} (centre: {centre}, {format_lat_lon(*zs.centre)})"]
    for zone in zs.zones:
        out.append(
            f"- {zone_name(zone, zs.within_pct)} ({zone.rule}): {km2(zone.area_km2)}; "
            f"{_listed(zone.countries, 'countries')}; {_listed(zone.airports, 'large airports')}."
        )
    out.append(
        "Edges within 1 km of the rule (traced down to "
        f"{min(z.cell_km for z in zs.zones):.2g} km cells); whether a place is inside, and its "
        "distance to an edge, come from the rule itself."
    )
    out += [f"Note: {n}." for n in zs.notes]
    return out


def position_text(name: str, pos: Position, zone_label: str) -> str:
    """``Anchorage is 269 km outside the halfway zone``."""
    if pos.inside:
        return f"{name} is inside the {zone_label}, {format_km(pos.edge_km)} from its edge"
    return f"{name} is {format_km(pos.edge_km)} outside the {zone_label}"


def position_sentence(name: str, zs: ZoneSet, positions: Sequence[Position]) -> str:
    """One sentence for a venue and every zone of ``zs``.

    Examples
    --------
    >>> from geo.places.resolve import resolve
    >>> from geo.analysis.zones import halfway_zones, position
    >>> zs = halfway_zones(resolve("Washington"), resolve("Beijing"))
    >>> text = position_sentence("Anchorage", zs, [position(z, 61.2181, -149.9003) for z in zs.zones])
    >>> for part in text.split("; "):
    ...     print(part)
    Zones: Anchorage is 269 km outside the halfway zone
    inside the roughly-halfway zone, 720 km from its edge
    203 km outside the equal-distance band.
    """
    parts = []
    for k, (zone, pos) in enumerate(zip(zs.zones, positions, strict=True)):
        text = position_text(name, pos, zone_name(zone, zs.within_pct))
        parts.append(text if k == 0 else text.removeprefix(f"{name} is "))
    return "Zones: " + "; ".join(parts) + "."


def zones_json(zs: ZoneSet, venues: Sequence[tuple[str, Sequence[Position]]] = ()) -> dict[str, object]:
    """A plain JSON object: the zones with their GeoJSON geometry (RFC 7946), and venues' positions."""
    import shapely

    def geo(obj: object) -> object:
        return shapely.geometry.mapping(obj)

    return {
        "objective": zs.objective,
        "parties": [{"name": p.name, "lat": p.lat, "lon": p.lon} for p in zs.parties],
        "centre": {"lat": zs.centre[0], "lon": zs.centre[1]},
        "within_pct": zs.within_pct,
        "zones": [
            {
                "kind": z.kind,
                "name": zone_name(z, zs.within_pct),
                "rule": z.rule,
                "area_km2": z.area_km2,
                "countries": list(z.countries),
                "large_airports": list(z.airports),
                "cell_km": z.cell_km,
                "geometry": geo(z.geometry),
            }
            for z in zs.zones
        ],
        "venues": [
            {
                "name": name,
                "zones": [
                    {"kind": p.kind, "inside": p.inside, "edge_km": p.edge_km,
                     "edge_point": {"lat": p.edge_lat, "lon": p.edge_lon}}
                    for p in positions
                ],
            }
            for name, positions in venues
        ],
        "notes": list(zs.notes),
    }  # fmt: skip
