"""A heat map on a map: :class:`geo.analysis.heat.Heat` as a coloured layer and a legend in km.

The HTML map draws it as one PNG (embedded, offline) stretched over the Web Mercator world
(folium's ``mercator_project``); the print images draw the cells in their projection. Colours
are a picture between exact values at cell centres; the legend gives the range in km.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from geo.core.units import format_km
from geo.maps.plan import HeatLayer, LegendEntry, MapPlan

if TYPE_CHECKING:
    from geo.analysis.heat import Heat

CMAPS = {"max": "viridis_r", "total": "viridis_r", "split": "RdBu"}
MERCATOR_MAX_LAT = 85.0511287798


def heat_range_text(layer: HeatLayer) -> str:
    """``5,585 km (dark) to 20,004 km``, or the split's range."""
    if layer.kind == "split":
        return f"{layer.vmin:.2f} to {layer.vmax:.2f}"
    return f"{format_km(layer.vmin)} to {format_km(layer.vmax)}"


def add_heat(plan: MapPlan, heat: Heat) -> MapPlan:
    """``plan`` with ``heat`` as a layer under everything, in the legend with its range."""
    values = np.asarray(heat.values, dtype=np.float64)
    if heat.kind == "split":
        half = float(max(abs(values.min() - 0.5), abs(values.max() - 0.5)))
        vmin, vmax = 0.5 - half, 0.5 + half
    else:
        vmin, vmax = float(values.min()), float(values.max())
    layer = HeatLayer(heat.kind, heat.label, heat.lats, heat.lons, values, vmin, vmax, CMAPS[heat.kind])
    colours = ",".join(_hex(c) for c in _stops(layer.cmap))
    entry = LegendEntry(f"Heat map: {heat.label}, {heat_range_text(layer)}", colours, "heat")
    note = (
        f"Heat map: exact values every {heat.step_deg:g}° of latitude and longitude, coloured between "
        "them (a picture; quoted numbers are exact)."
    )
    return replace(plan, heat=layer, legend=(*plan.legend, entry), notes=(*plan.notes, note))


def _stops(cmap: str, n: int = 5) -> list[tuple[float, float, float, float]]:
    import matplotlib

    cm = matplotlib.colormaps[cmap]
    return [tuple(float(v) for v in cm(x)) for x in np.linspace(0.0, 1.0, n)]  # type: ignore[misc]


def _hex(rgba: tuple[float, float, float, float]) -> str:
    return "#" + "".join(f"{round(255 * c):02x}" for c in rgba[:3])


def rgba_image(layer: HeatLayer, east: float) -> tuple[npt.NDArray[np.uint8], float, float]:
    """RGBA pixels (rows north to south, within ±85.05° of latitude) with the columns rolled into
    the map's frame ``[east - 360, east)``; returns the image and its west and east edges."""
    import matplotlib

    lats, lons = np.asarray(layer.lats), np.asarray(layer.lons)
    keep = np.abs(lats) <= MERCATOR_MAX_LAT
    values = np.asarray(layer.values)[keep][::-1]
    step = float(lons[1] - lons[0])
    west_edge = float(lons[0] - step / 2)
    shift = round(((east - 360.0) - west_edge) / step)
    values = np.roll(values, -shift, axis=1)
    west = west_edge + shift * step
    norm = (values - layer.vmin) / max(layer.vmax - layer.vmin, 1e-12)
    rgba = matplotlib.colormaps[layer.cmap](np.clip(norm, 0.0, 1.0))
    return (np.asarray(rgba) * 255).astype(np.uint8), west, west + 360.0
