"""Zones on a map: :class:`geo.analysis.zones.ZoneSet` added to a :class:`~geo.maps.plan.MapPlan`.

Each zone becomes a :class:`~geo.maps.plan.DrawnZone` (its polygons shifted into the map's
longitude frame, filled under everything else) and its true edge becomes lines of kind
``zone``, so that every renderer (the HTML map, the images, GeoJSON and KML) draws them in the
"Zones" layer. The fill is a picture: outlines and fills are drawn simplified to within
:data:`DRAW_TOLERANCE_DEG` of the traced edge (the data exports keep the traced polygons);
numbers come from the rule (see the analysis module).
"""

from __future__ import annotations

import math
from dataclasses import replace
from typing import TYPE_CHECKING

import numpy as np
import shapely

from geo.maps.plan import ZONE_COLORS, DrawnLine, DrawnZone, LegendEntry, MapPlan

if TYPE_CHECKING:
    from geo.analysis.zones import Zone, ZoneSet

COORD_DIGITS = 5
DRAW_TOLERANCE_DEG = 0.005  # drawn outlines and fills stay this close to the traced edge (≤ 0.56 km)


def _shift_into(lon: float, east: float) -> float:
    """The multiple of 360° that moves ``lon`` into ``[east - 360, east)``."""
    return -360.0 * math.floor((lon - (east - 360.0)) / 360.0)


def _round(v: float) -> float:
    return round(float(v), COORD_DIGITS) + 0.0


def _polygons(zone: Zone, east: float) -> tuple[tuple[tuple[tuple[float, float], ...], ...], ...]:
    out = []
    drawn = shapely.simplify(zone.geometry, DRAW_TOLERANCE_DEG, preserve_topology=True)
    for poly in shapely.get_parts(np.array([drawn], dtype=object)):
        if poly.is_empty:
            continue
        shift = _shift_into(float(poly.representative_point().x), east)
        rings = [poly.exterior, *poly.interiors]
        out.append(
            tuple(tuple((_round(y), _round(x + shift)) for x, y in np.asarray(r.coords)) for r in rings)
        )
    return tuple(out)


def _edge_lines(zone: Zone, label: str, color: str, east: float) -> list[DrawnLine]:
    lines = []
    drawn = shapely.simplify(zone.edges, DRAW_TOLERANCE_DEG)
    for part in shapely.get_parts(np.array([drawn], dtype=object)):
        xy = np.asarray(part.coords)
        if len(xy) < 2:
            continue
        lons = np.unwrap(xy[:, 0], period=360.0)
        lons = lons + _shift_into(float(lons[0]), east)
        lines.append(
            DrawnLine(
                "zone",
                label,
                tuple(_round(v) for v in xy[:, 1]),
                tuple(_round(v) for v in lons),
                color,
                weight=1.5,
                dash="4 3",
            )
        )
    return lines


def add_zones(plan: MapPlan, zs: ZoneSet) -> MapPlan:
    """``plan`` with the zones of ``zs`` under everything else, in the legend and the notes.

    Examples
    --------
    >>> from geo.analysis.zones import halfway_zones
    >>> from geo.maps.plan import MapPoint, plan_map
    >>> from geo.places.resolve import resolve
    >>> a, b = resolve("Washington"), resolve("Beijing")
    >>> plan = add_zones(plan_map([MapPoint(a.name, a.lat, a.lon), MapPoint(b.name, b.lat, b.lon)]),
    ...                  halfway_zones(a, b))
    >>> [z.kind for z in plan.zones], sum(line.kind == "zone" for line in plan.lines) > 0
    (['equal distance', 'roughly halfway', 'halfway'], True)
    """
    from geo.report.zones import km2, zone_name

    east = plan.frame_east_deg
    drawn, lines, legend = [], [], []
    for zone in sorted(zs.zones, key=lambda z: -z.area_km2):  # the largest at the bottom
        name = zone_name(zone, zs.within_pct)
        label = f"{name[0].upper()}{name[1:]}: {zone.rule}; {km2(zone.area_km2)}"
        color = ZONE_COLORS[zone.kind]
        props: tuple[tuple[str, str | float | int | bool | None], ...] = (
            ("zone", zone.kind),
            ("rule", zone.rule),
            ("area_km2", round(zone.area_km2, 1)),
            ("large_airports", zone.airport_count),
            ("countries", ", ".join(zone.countries)),
        )
        drawn.append(DrawnZone(zone.kind, label, color, _polygons(zone, east),
                               shapely.geometry.mapping(zone.geometry), props))  # fmt: skip
        lines += _edge_lines(zone, label, color, east)
        legend.append(LegendEntry(name, color, "area"))
    note = (
        "Zones: where the rule holds; edges traced within 1 km (the fill is a picture, membership "
        "and distances come from the rule)."
    )
    return replace(
        plan,
        zones=plan.zones + tuple(drawn),
        lines=tuple(lines) + plan.lines,
        legend=plan.legend + tuple(legend),
        notes=(*plan.notes, note),
    )
