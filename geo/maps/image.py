"""Maps for print: a :class:`~geo.maps.plan.MapPlan` drawn as PNG, SVG or PDF with matplotlib.

The same plan as the HTML map (the same densified geodesics, markers, colours and legend),
drawn in one of the projections of :mod:`geo.maps.projection` over the embedded Natural
Earth outlines: no browser, no network, only the fonts matplotlib ships (DejaVu).

Each page has the title (the question and its verdict), the map, a legend, what the
projection is, the plan's notes, a scale bar true at a stated place (Mercator, globe) or
distance rings around the centre (azimuthal equidistant views), and the credits.

**Page.** ``A4`` and ``A5`` are landscape (297 × 210 and 210 × 148 mm): maps are wider than
tall more often than not, and a landscape page leaves a column beside the map for the legend
and notes. Any other shape is ``WxH`` in millimetres (``210x297`` is A4 portrait; on a page
taller than wide the legend goes under the map).

**Determinism.** SVG is byte-identical across runs (a fixed ``svg.hashsalt``, no date, text
kept as text in DejaVu Sans so that it stays editable); PDF has no creation date.
"""

from __future__ import annotations

import io
import math
import re
import textwrap
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from geo.core.geodesy import LatLon, direct
from geo.core.units import format_km
from geo.errors import InvalidInputError
from geo.maps.plan import MIDPOINT_COLOR, DrawnLine, MapPlan, geodesic_circle
from geo.maps.projection import (
    View,
    basemap,
    clip_line,
    marker_xy,
    outline,
    project,
    project_polygons,
    window_lon,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

FORMATS = ("png", "svg", "pdf")
PAGE_SIZES_MM = {"a4": (297.0, 210.0), "a5": (210.0, 148.0)}  # landscape
DEFAULT_DPI = 300
MIN_DPI, MAX_DPI = 50, 1200
MIN_SIDE_MM, MAX_SIDE_MM = 50.0, 1200.0
MAX_PIXELS = 120_000_000  # a PNG larger than this (A4 at ~1,100 dpi) is refused
MM_PER_INCH = 25.4
CREDITS = (
    "Countries: Natural Earth (public domain) · Places: GeoNames (CC BY 4.0) · "
    "Airports: OurAirports (public domain) · Distances: WGS84 geodesics"
)
SEA_COLOR = "#dbe9f3"
LAND_COLOR = "#f4f1ea"
BORDER_COLOR = "#a8a8a8"
GRID_COLOR = "#9fb3c4"
RING_LABEL_COLOR = "#5a5a5a"
HALO = "#ffffff"
LINE_ORDER = (
    "zone",
    "ring",
    "equidistant",
    "direct",
    "flight",
    "best-path",
    "minimax",
    "route",
    "stop-route",
    "detour",
)
MARKER_ORDER = ("midpoint", "best", "venue", "stop", "party")
MARKER_SIZE_PT = {"midpoint": 5.0, "best": 8.5, "venue": 7.5, "stop": 6.0, "party": 8.5}
PT_PER_PX = 0.55  # HTML line weights and dash lengths (screen px) to print points
MAX_VENUE_LABELS = 12
SVG_HASH_SALT = "geo-venue"
_SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*[x×]\s*(\d+(?:\.\d+)?)\s*(?:mm)?\s*", re.I)


# ---------------------------------------------------------------------------------------------
# Options
# ---------------------------------------------------------------------------------------------


def parse_size(text: str) -> tuple[float, float]:
    """Page width and height in millimetres from ``A4``, ``A5`` (landscape) or ``WxH`` (mm).

    Examples
    --------
    >>> parse_size("A4"), parse_size("a5"), parse_size("210x297")
    ((297.0, 210.0), (210.0, 148.0), (210.0, 297.0))
    >>> parse_size("huge")
    Traceback (most recent call last):
    ...
    geo.errors.InvalidInputError: --size 'huge' must be A4, A5 or WxH in millimetres (e.g. 180x120)
    """
    value = str(text)[:60]
    if value.strip().lower() in PAGE_SIZES_MM:
        return PAGE_SIZES_MM[value.strip().lower()]
    match = _SIZE.fullmatch(value)
    if match is None:
        raise InvalidInputError(f"--size {value!r} must be A4, A5 or WxH in millimetres (e.g. 180x120)")
    w, h = float(match.group(1)), float(match.group(2))
    if not (MIN_SIDE_MM <= w <= MAX_SIDE_MM and MIN_SIDE_MM <= h <= MAX_SIDE_MM):
        raise InvalidInputError(
            f"--size {value!r}: each side must be {MIN_SIDE_MM:.0f} to {MAX_SIDE_MM:.0f} mm"
        )
    return w, h


def check_dpi(dpi: object, size_mm: tuple[float, float] = PAGE_SIZES_MM["a4"]) -> int:
    """A resolution in dots per inch: an integer from 50 to 1,200, the image at most 120 Mpx.

    Examples
    --------
    >>> check_dpi(300)
    300
    >>> check_dpi(0)
    Traceback (most recent call last):
    ...
    geo.errors.InvalidInputError: --dpi 0 must be a whole number from 50 to 1200
    """
    if isinstance(dpi, bool) or not isinstance(dpi, int) or not MIN_DPI <= dpi <= MAX_DPI:
        raise InvalidInputError(f"--dpi {dpi!r} must be a whole number from {MIN_DPI} to {MAX_DPI}")
    w, h = (round(side / MM_PER_INCH * dpi) for side in size_mm)
    if w * h > MAX_PIXELS:
        raise InvalidInputError(
            f"--dpi {dpi} on a {size_mm[0]:g} × {size_mm[1]:g} mm page makes {w} × {h} pixels; "
            f"at most {MAX_PIXELS // 1_000_000} million"
        )
    return dpi


def image_format(name: str) -> str:
    """The image format of a file name's suffix (``png``, ``svg`` or ``pdf``), or an error.

    Examples
    --------
    >>> image_format("map.SVG")
    'svg'
    """
    suffix = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if suffix not in FORMATS:
        raise InvalidInputError(f"{name!r}: an image must be .png, .svg or .pdf")
    return suffix


# ---------------------------------------------------------------------------------------------
# Result
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rendered:
    """An image and where the map's projected metres land on it.

    Attributes
    ----------
    data : bytes
        The file's bytes.
    fmt : str
        ``png``, ``svg`` or ``pdf``.
    size_px : tuple of int
        Width and height in pixels at the rendering's dpi (points for SVG and PDF: 72 dpi).
    view : View
        The projection drawn.
    affine : tuple of float
        ``(ax, bx, ay, by)``: a projected point (x, y) in metres is at column ``ax * x + bx``
        and row ``ay * y + by`` (rows counted from the top).
    """

    data: bytes
    fmt: str
    size_px: tuple[int, int]
    view: View
    affine: tuple[float, float, float, float]

    def to_pixels(self, x: Any, y: Any) -> tuple[np.ndarray, np.ndarray]:
        """Column and row (from the top) of projected points (metres)."""
        ax, bx, ay, by = self.affine
        return ax * np.asarray(x, dtype=float) + bx, ay * np.asarray(y, dtype=float) + by


# ---------------------------------------------------------------------------------------------
# Drawing
# ---------------------------------------------------------------------------------------------


@contextmanager
def _style() -> Iterator[None]:
    import matplotlib

    rc: dict[Any, Any] = {
        "font.family": "DejaVu Sans",
        "svg.hashsalt": SVG_HASH_SALT,
        "svg.fonttype": "none",
        "pdf.fonttype": 42,
        "lines.scale_dashes": False,
        "path.simplify": False,
        "axes.unicode_minus": True,
    }
    with matplotlib.rc_context(rc):
        yield


def _dashes(dash: str | None) -> tuple[float, tuple[float, ...]] | str:
    if not dash:
        return "solid"
    return (0.0, tuple(max(float(v), 0.5) * PT_PER_PX for v in dash.split()))


def _polygons_path(geoms: Sequence[object]) -> list[Any]:
    """matplotlib Paths of shapely (Multi)Polygons, holes included."""
    import shapely
    from matplotlib.path import Path

    paths = []
    for geom in geoms:
        for poly in shapely.get_parts(np.array([geom], dtype=object)):
            if poly.geom_type != "Polygon":
                continue
            rings = [np.asarray(poly.exterior.coords)] + [np.asarray(r.coords) for r in poly.interiors]
            rings = [r for r in rings if len(r) >= 3]
            if rings:
                paths.append(Path.make_compound_path(*(Path(r, closed=True) for r in rings)))
    return paths


def _draw_background(ax: Axes, view: View) -> None:
    """The sea (the drawable area), the countries and the edge of the area."""
    from matplotlib.collections import PathCollection

    ox, oy = outline(view)
    ax.fill(ox, oy, color=SEA_COLOR, zorder=0, linewidth=0)
    land = PathCollection(
        _polygons_path(basemap(view)), facecolor=LAND_COLOR, edgecolor=BORDER_COLOR, linewidth=0.3, zorder=1
    )
    ax.add_collection(land)
    ax.plot(ox, oy, color="#7a7a7a", linewidth=0.7, zorder=6)


def _graticule(view: View) -> list[tuple[np.ndarray, np.ndarray]]:
    """Meridians and parallels every 30° (and the 80° parallels near the poles), projected."""
    pieces = []
    lats = np.arange(-89.5, 90.0, 0.5)
    for lon in np.arange(-180.0, 180.0, 30.0):
        pieces += clip_line(view, lats, np.full_like(lats, lon))
    lons = np.arange(-180.0, 180.5, 0.5)
    if view.kind == "mercator":
        lons = lons + (view.west + 180.0)
    for lat in (-80.0, -60.0, -30.0, 0.0, 30.0, 60.0, 80.0):
        pieces += clip_line(view, np.full_like(lons, lat), lons)
    return pieces


def _line_style(line: DrawnLine) -> dict[str, Any]:
    return {
        "color": line.color,
        "linewidth": max(line.weight * PT_PER_PX, 0.6),
        "linestyle": _dashes(line.dash),
        "solid_capstyle": "round",
        "dash_capstyle": "butt",
        "solid_joinstyle": "round",
        "alpha": 0.95,
    }


def _heat_at(layer: object, lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    """The heat layer's values at points, bilinear between its cell centres (longitude wraps)."""
    lats, lons = np.asarray(layer.lats), np.asarray(layer.lons)  # type: ignore[attr-defined]
    values = np.asarray(layer.values, dtype=np.float64)  # type: ignore[attr-defined]
    step = float(lons[1] - lons[0])
    fi = np.clip((lat - lats[0]) / step, 0.0, lats.size - 1.0)
    fj = ((lon - lons[0]) / step) % lons.size
    i0 = np.minimum(fi.astype(int), lats.size - 2)
    j0 = fj.astype(int) % lons.size
    j1 = (j0 + 1) % lons.size
    u, v = fi - i0, fj - np.floor(fj)
    return (  # type: ignore[no-any-return]
        values[i0, j0] * (1 - u) * (1 - v) + values[i0 + 1, j0] * u * (1 - v)
        + values[i0, j1] * (1 - u) * v + values[i0 + 1, j1] * u * v
    )  # fmt: skip


def _draw_heat(ax: Axes, plan: MapPlan, view: View) -> str:
    """The heat map as an image of the view (each pixel's place on Earth from the inverse
    projection, its value bilinear between the exact cell centres), a colour bar in km."""
    import matplotlib
    from matplotlib.cm import ScalarMappable
    from matplotlib.colors import Normalize

    from geo.maps.heat import heat_range_text
    from geo.maps.projection import arc_deg, transformer

    layer = plan.heat
    if layer is None:
        return ""
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    cols = 900
    rows = max(2, round(cols * (y1 - y0) / (x1 - x0)))
    xs = x0 + (np.arange(cols) + 0.5) * (x1 - x0) / cols
    ys = y0 + (np.arange(rows) + 0.5) * (y1 - y0) / rows
    gx, gy = np.meshgrid(xs, ys)
    lon, lat = transformer(view.proj)(gx, gy, inverse=True)  # type: ignore[operator]
    lon, lat = np.asarray(lon, dtype=np.float64), np.asarray(lat, dtype=np.float64)
    ok = np.isfinite(lon) & np.isfinite(lat) & (np.abs(lat) <= 90.0)
    lon, lat = np.where(ok, lon, 0.0), np.where(ok, lat, 0.0)
    if view.centre is not None:
        ok &= arc_deg(lat, lon, view.centre) <= view.cap_deg
    norm = Normalize(layer.vmin, layer.vmax)
    rgba = matplotlib.colormaps[layer.cmap](norm(_heat_at(layer, lat, (lon + 180.0) % 360.0 - 180.0)))
    rgba[..., 3] = np.where(ok, 0.55, 0.0)
    ax.imshow(rgba, extent=(x0, x1, y0, y1), origin="lower", zorder=2.5, interpolation="bilinear")
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    cax = ax.inset_axes((0.62, 0.03, 0.34, 0.022))
    bar = ax.figure.colorbar(ScalarMappable(norm, layer.cmap), cax=cax, orientation="horizontal")
    bar.ax.tick_params(labelsize=5.5)
    bar.set_label(layer.label, fontsize=6)
    return f"Heat map: {layer.label}, {heat_range_text(layer)}."


def _draw_zones(ax: Axes, plan: MapPlan, view: View) -> None:
    """Zones filled, translucent, under the lines (cut to the view and projected like the land)."""
    import shapely
    from matplotlib.collections import PathCollection

    for zone in plan.zones:
        geom = shapely.geometry.shape(zone.geometry)
        paths = _polygons_path(project_polygons(view, (geom,)))
        ax.add_collection(PathCollection(paths, facecolor=zone.color, edgecolor="none", alpha=0.28, zorder=3))


def _draw_lines(ax: Axes, plan: MapPlan, view: View) -> None:
    for z, kind in enumerate(LINE_ORDER):
        for line in plan.lines:
            if line.kind != kind:
                continue
            lons = line.lons
            for x, y in clip_line(view, line.lats, lons):
                ax.plot(x, y, zorder=10 + z, **_line_style(line))


def _labelled(plan: MapPlan) -> set[int]:
    """Indexes of the markers that get a name beside them (parties, best, stops, midpoint,
    and the first :data:`MAX_VENUE_LABELS` venues)."""
    out, venues = set(), 0
    for i, m in enumerate(plan.markers):
        if m.copy:
            continue
        if m.kind == "venue":
            venues += 1
            if venues > MAX_VENUE_LABELS:
                continue
        out.add(i)
    return out


def _label_offset(at: tuple[float, float], others: Sequence[tuple[float, float]]) -> dict[str, Any]:
    """Where a marker's name goes: away from the other markers, which is where its paths go,
    so that the name does not cover them.

    Examples
    --------
    >>> _label_offset((0.0, 0.0), [(-1.0, 0.0), (1.0, 0.0), (0.0, 1.0)])["va"]  # paths left, right, up
    'top'
    """
    vectors = [np.subtract(o, at) for o in others if np.hypot(*np.subtract(o, at)) > 0]
    away = -np.mean([v / np.hypot(*v) for v in vectors], axis=0) if vectors else np.array([0.7, 0.7])
    if np.hypot(*away) < 0.2:
        away = np.array([0.7, 0.7])
    ux, uy = away / np.hypot(*away)
    ha = "left" if ux > 0.35 else "right" if ux < -0.35 else "center"
    va = "bottom" if uy > 0.35 else "top" if uy < -0.35 else "center"
    return {"xytext": (6.0 * ux, 6.0 * uy), "ha": ha, "va": va}


def _draw_markers(ax: Axes, plan: MapPlan, view: View) -> list[str]:
    """Draw every visible marker (copies are a Leaflet matter: one marker per place here) and
    return the names of those the view hides."""
    import matplotlib.patheffects as pe

    hidden: list[str] = []
    labelled = _labelled(plan)
    halo = [pe.withStroke(linewidth=2.2, foreground=HALO)]
    shown = {i: marker_xy(view, m) for i, m in enumerate(plan.markers) if not m.copy}
    places = [xy for xy in shown.values() if xy is not None]
    for z, kind in enumerate(MARKER_ORDER):
        for i, m in enumerate(plan.markers):
            if m.kind != kind or m.copy:
                continue
            xy = shown[i]
            if xy is None:
                hidden.append(m.name)
                continue
            edge = MIDPOINT_COLOR if kind == "midpoint" else "#ffffff"
            ax.plot(
                [xy[0]], [xy[1]], marker="o", markersize=MARKER_SIZE_PT[kind], markerfacecolor=m.color,
                markeredgecolor=edge, markeredgewidth=0.9, linestyle="none", zorder=30 + z,
            )  # fmt: skip
            if i in labelled:
                text = "midpoint" if kind == "midpoint" else m.name
                size = 7.5 if kind != "midpoint" else 6.5
                ax.annotate(
                    text, xy, textcoords="offset points", fontsize=size, color="#1a1a1a", zorder=40,
                    path_effects=halo, annotation_clip=False, **_label_offset(xy, places),
                )  # fmt: skip
    return hidden


def _nice_step_km(span_km: float, count: int) -> float:
    """A round distance (1, 2, 2.5 or 5 × 10^n km) close to ``span_km / count``.

    Examples
    --------
    >>> _nice_step_km(10000, 4), _nice_step_km(700, 4)
    (2500.0, 200.0)
    """
    raw = span_km / count
    power = 10.0 ** math.floor(math.log10(raw))
    return float(min((1, 2, 2.5, 5, 10), key=lambda f: abs(f * power - raw)) * power)


def _draw_distance_rings(ax: Axes, view: View) -> str:
    """Rings of true distance around the centre of an azimuthal equidistant view, labelled."""
    import matplotlib.patheffects as pe

    assert view.centre is not None
    cap_km = view.cap_deg * 111.2
    step = _nice_step_km(cap_km, 4)
    where = "the pole" if view.kind in ("north", "south") else view.centre_name
    for k in range(1, 40):
        radius = step * k
        if radius > cap_km - step * 0.3 or radius > 19_900:
            break
        lats, lons = geodesic_circle(view.centre, radius)
        for x, y in clip_line(view, lats, lons):
            ax.plot(x, y, color=RING_LABEL_COLOR, linewidth=0.5, linestyle=(0, (3, 3)), zorder=5, alpha=0.8)
        at = direct(view.centre, 135.0 if view.kind == "aeqd" else 45.0, radius)
        lx, ly = project(view, [at.lat], [at.lon])
        ax.annotate(
            format_km(radius), (float(lx[0]), float(ly[0])), fontsize=6, color=RING_LABEL_COLOR, ha="center",
            va="center", zorder=7, path_effects=[pe.withStroke(linewidth=2, foreground=HALO)],
        )  # fmt: skip
    return f"Dashed circles: true distance from {where}, every {format_km(step)}."


def _scale_reference(view: View, y: float) -> tuple[LatLon, str]:
    """Where a scale bar is true: the globe's centre, or on Mercator the latitude it is drawn at
    (projected ``y`` metres)."""
    if view.kind == "globe":
        assert view.centre is not None
        return view.centre, f"true at the centre ({view.centre_name})"
    lat = math.degrees(2.0 * math.atan(math.exp(y / 6_378_137.0)) - math.pi / 2.0)
    return LatLon(lat, view.west + 180.0), f"true at {abs(lat):.0f}°{'N' if lat >= 0 else 'S'}"


def _draw_scale_bar(ax: Axes, view: View) -> str:
    """A scale bar in the lower left corner, true where it says (scale varies in both views)."""
    import matplotlib.patheffects as pe

    xlim, ylim = ax.get_xlim(), ax.get_ylim()
    x0, y0 = xlim[0] + 0.04 * (xlim[1] - xlim[0]), ylim[0] + 0.05 * (ylim[1] - ylim[0])
    ref, where = _scale_reference(view, y0)
    east = direct(ref, 90.0, 100.0)
    x, y = project(view, [ref.lat, east.lat], [ref.lon, ref.lon + ((east.lon - ref.lon + 180) % 360 - 180)])
    metres_per_km = float(math.hypot(x[1] - x[0], y[1] - y[0])) / 100.0
    width = xlim[1] - xlim[0]
    length_km = _nice_step_km(width * 0.2 / metres_per_km, 1)
    bar = length_km * metres_per_km
    halo = [pe.withStroke(linewidth=3, foreground=HALO)]
    ax.plot([x0, x0 + bar], [y0, y0], color="#222222", linewidth=2, solid_capstyle="butt", zorder=50)
    ax.annotate(
        f"{format_km(length_km)} ({where})", (x0, y0), xytext=(0, 4), textcoords="offset points",
        fontsize=6.5, color="#222222", zorder=50, path_effects=halo,
    )  # fmt: skip
    return f"Scale bar {where}."


def _map_limits(ax: Axes, plan: MapPlan, view: View) -> None:
    """The whole disc of an azimuthal view; for Mercator, the plan's bounds with a margin."""
    ox, oy = outline(view)
    if view.azimuthal:
        pad = 0.02 * float(np.ptp(ox))
        ax.set_xlim(float(ox.min()) - pad, float(ox.max()) + pad)
        ax.set_ylim(float(oy.min()) - pad, float(oy.max()) + pad)
        return
    (south, west), (north, east) = plan.bounds
    x, y = project(view, [south, north], [window_lon(view, west), window_lon(view, west) + (east - west)])
    dx, dy = max(float(x[1] - x[0]), 1.5e6), max(float(y[1] - y[0]), 1.0e6)
    cx = float(x[0] + x[1]) / 2.0
    ax.set_xlim(max(cx - 0.6 * dx, float(ox.min())), min(cx + 0.6 * dx, float(ox.max())))
    # a wider band at the bottom keeps the scale bar clear of the places
    ax.set_ylim(max(float(y[0]) - 0.3 * dy, float(oy.min())), min(float(y[1]) + 0.12 * dy, float(oy.max())))


def _draw_pole(ax: Axes, view: View) -> None:
    """A cross at the pole of a polar view, named."""
    assert view.centre is not None
    x, y = project(view, [view.centre.lat], [view.centre.lon])
    ax.plot(x, y, marker="+", markersize=9, markeredgewidth=1.2, color="#111111", linestyle="none", zorder=29)
    ax.annotate(view.centre_name.removeprefix("the "), (float(x[0]), float(y[0])), xytext=(5, -9),
                textcoords="offset points", fontsize=6.5, color="#111111", zorder=40)  # fmt: skip


def _draw_map(ax: Axes, plan: MapPlan, view: View) -> list[str]:
    """Everything inside the map frame; returns the notes it adds (scale, hidden markers)."""
    ax.set_aspect("equal", adjustable="box")
    ax.set_axis_off()
    _draw_background(ax, view)
    for x, y in _graticule(view):
        ax.plot(x, y, color=GRID_COLOR, linewidth=0.3, zorder=2, alpha=0.7)
    _map_limits(ax, plan, view)
    notes = []
    if view.kind in ("aeqd", "north", "south"):
        notes.append(_draw_distance_rings(ax, view))
    else:
        notes.append(_draw_scale_bar(ax, view))
    heat_note = _draw_heat(ax, plan, view)
    if heat_note:
        notes.append(heat_note)
    _draw_zones(ax, plan, view)
    _draw_lines(ax, plan, view)
    if view.kind in ("north", "south"):
        _draw_pole(ax, view)
    hidden = _draw_markers(ax, plan, view)
    if hidden:
        what = "behind the globe" if view.kind == "globe" else "outside the map"
        notes.append(f"Not visible ({what}): {', '.join(dict.fromkeys(hidden))}.")
    return notes


def _legend_handles(plan: MapPlan) -> list[Any]:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    handles: list[Any] = []
    for entry in plan.legend:
        if entry.shape == "heat":
            continue  # the colour bar on the map says it, in km
        if entry.shape == "area":
            handles.append(Patch(facecolor=entry.color, alpha=0.35, edgecolor=entry.color, label=entry.label))
        elif entry.shape == "circle":
            handles.append(
                Line2D([], [], marker="o", linestyle="none", markersize=7, markerfacecolor=entry.color,
                       markeredgecolor="#ffffff", label=entry.label)
            )  # fmt: skip
        else:
            style: Any = (0.0, (4.0, 3.0)) if entry.shape == "dashed" else "solid"
            handles.append(
                Line2D([], [], color=entry.color, linewidth=1.6, linestyle=style, label=entry.label)
            )
    return handles


def _wrap(text: str, width_mm: float, fontsize: float) -> str:
    """``text`` wrapped to about ``width_mm`` at ``fontsize`` points (DejaVu Sans averages
    0.55 em per character)."""
    chars = max(20, int(width_mm / MM_PER_INCH * 72.0 / (0.55 * fontsize)))
    return "\n".join(textwrap.fill(part, chars) for part in text.split("\n"))


@dataclass(frozen=True)
class _Box:
    """A rectangle on the page in millimetres from the bottom left."""

    x: float
    y: float
    w: float
    h: float

    def rect(self, page: tuple[float, float]) -> tuple[float, float, float, float]:
        return (self.x / page[0], self.y / page[1], self.w / page[0], self.h / page[1])


def _draw_panel(fig: Figure, page: tuple[float, float], box: _Box, plan: MapPlan, view: View) -> Axes:
    """The map and its legend column (beside it in a wide box, under it in a tall one)."""
    side = box.w >= 1.25 * box.h
    col_w = min(85.0, box.w * 0.34) if side else box.w
    col_h = box.h if side else min(62.0, box.h * 0.32)
    map_box = (
        _Box(box.x, box.y, box.w - col_w - 4.0, box.h)
        if side
        else _Box(box.x, box.y + col_h + 3.0, box.w, box.h - col_h - 3.0)
    )
    col = _Box(box.x + box.w - col_w, box.y, col_w, box.h) if side else _Box(box.x, box.y, box.w, col_h)
    ax = fig.add_axes(map_box.rect(page))
    notes = _draw_map(ax, plan, view)
    anchor = (col.x / page[0], (col.y + col.h) / page[1])
    legend = fig.legend(
        handles=_legend_handles(plan), loc="upper left", bbox_to_anchor=anchor, frameon=False,
        fontsize=7.5, handlelength=2.6, borderaxespad=0.0, ncols=1 if side else 2,
    )  # fmt: skip
    legend.set_in_layout(False)
    rows = len(plan.legend) if side else math.ceil(len(plan.legend) / 2)
    below_legend = col.y + col.h - rows * 7.5 * 1.75 / 72.0 * MM_PER_INCH - 5.0
    body = [view.description(), *notes, *plan.notes]
    fig.text(
        col.x / page[0], below_legend / page[1], _wrap("\n\n".join(body), col.w, 6.8), fontsize=6.8,
        color="#333333", va="top", ha="left", linespacing=1.35,
    )  # fmt: skip
    return ax


def _new_figure(page: tuple[float, float], dpi: int) -> Figure:
    from matplotlib.figure import Figure

    return Figure(figsize=(page[0] / MM_PER_INCH, page[1] / MM_PER_INCH), dpi=dpi, facecolor="#ffffff")


def _draw_title(fig: Figure, page: tuple[float, float], title: str, top_mm: float) -> float:
    """The title at the top; returns its height in mm."""
    wrapped = _wrap(title, page[0] - 20.0, 12.0)
    fig.text(10.0 / page[0], 1.0 - top_mm / page[1], wrapped, fontsize=12, fontweight="bold",
             va="top", ha="left", color="#111111")  # fmt: skip
    return (wrapped.count("\n") + 1) * 12.0 * 1.25 / 72.0 * MM_PER_INCH


def _draw_credits(fig: Figure, page: tuple[float, float]) -> float:
    wrapped = _wrap(CREDITS, page[0] - 20.0, 6.0)
    fig.text(10.0 / page[0], 5.0 / page[1], wrapped, fontsize=6, color="#555555", va="bottom", ha="left")
    return (wrapped.count("\n") + 1) * 6.0 * 1.3 / 72.0 * MM_PER_INCH + 5.0


def _save(fig: Figure, ax: Axes, fmt: str, dpi: int, view: View, title: str) -> Rendered:
    buf = io.BytesIO()
    creator = "geo-venue (halfway) with Matplotlib"
    metadata: Any = {
        "png": {"Software": creator, "Title": title},
        "svg": {"Date": None, "Creator": creator, "Title": title},
        "pdf": {
            "CreationDate": None,
            "ModDate": None,
            "Creator": creator,
            "Producer": creator,
            "Title": title,
        },
    }[fmt]
    out_dpi = dpi if fmt == "png" else 72
    fig.savefig(buf, format=fmt, dpi=out_dpi, metadata=metadata, facecolor="#ffffff")
    # After the draw: the axes' aspect is applied, so transData maps metres to dots.
    to_px: Any = ax.transData.frozen()
    (x0, y0), (x1, y1) = to_px.transform([(0.0, 0.0), (1.0, 1.0)])
    scale = out_dpi / fig.dpi
    width, height = (int(v * out_dpi) for v in fig.get_size_inches())  # as matplotlib sizes it
    affine = (float(x1 - x0) * scale, float(x0) * scale, -float(y1 - y0) * scale, height - float(y0) * scale)
    return Rendered(buf.getvalue(), fmt, (width, height), view, affine)


def render_image(
    plan: MapPlan,
    view: View,
    *,
    fmt: str = "png",
    size_mm: tuple[float, float] = PAGE_SIZES_MM["a4"],
    dpi: int = DEFAULT_DPI,
) -> Rendered:
    """Draw ``plan`` in ``view`` on one page.

    Parameters
    ----------
    plan : MapPlan
    view : View
        See :func:`geo.maps.projection.view_for`.
    fmt : {"png", "svg", "pdf"}
    size_mm : (float, float)
        Page width and height in millimetres (see :func:`parse_size`).
    dpi : int
        Dots per inch of a PNG (50–1,200); SVG and PDF are vector.

    Examples
    --------
    >>> from geo.maps.plan import MapPoint, plan_map
    >>> from geo.maps.projection import ProjectionSpec, view_for
    >>> plan = plan_map([MapPoint("A", 60, 0), MapPoint("B", 60, 180)])
    >>> view = view_for(plan, ProjectionSpec("north"))
    >>> image = render_image(plan, view, fmt="png", size_mm=(120, 90), dpi=60)
    >>> image.data[:4], image.size_px
    (b'\\x89PNG', (283, 212))
    """
    if fmt not in FORMATS:
        raise InvalidInputError(f"image format {fmt!r} must be png, svg or pdf")
    check_dpi(dpi, size_mm)
    with _style():
        fig = _new_figure(size_mm, dpi)
        title_h = _draw_title(fig, size_mm, plan.title, 8.0)
        credits_h = _draw_credits(fig, size_mm)
        top = 8.0 + title_h + 4.0
        box = _Box(10.0, credits_h + 3.0, size_mm[0] - 20.0, size_mm[1] - top - credits_h - 3.0)
        ax = _draw_panel(fig, size_mm, box, plan, view)
        return _save(fig, ax, fmt, dpi, view, plan.title)


def _wrap_card(card: str, width_mm: float, fontsize: float) -> list[str]:
    """The card's lines wrapped to ``width_mm`` in DejaVu Sans Mono (0.602 em a character),
    continuation lines indented under their first word.

    Examples
    --------
    >>> _wrap_card("  aaaa bbbb cccc dddd eeee ffff gggg", 30.0, 10.0)
    ['  aaaa bbbb', '    cccc dddd', '    eeee ffff', '    gggg']
    """
    chars = max(10, int(width_mm / MM_PER_INCH * 72.0 / (0.602 * fontsize)))
    out: list[str] = []
    for line in card.rstrip("\n").split("\n"):
        indent = " " * (len(line) - len(line.lstrip(" ")))
        out += textwrap.wrap(line, chars, subsequent_indent=indent + "  ", drop_whitespace=True) or [""]
    return out


def render_brief(plan: MapPlan, view: View, *, heading: str, card: str) -> Rendered:
    """A one-page A4 portrait PDF: a heading, a text card (monospaced, as the CLI prints it)
    and the map with its legend.

    Examples
    --------
    >>> from geo.maps.plan import MapPoint, plan_map
    >>> from geo.maps.projection import ProjectionSpec, view_for
    >>> plan = plan_map([MapPoint("A", 60, 0), MapPoint("B", 60, 180)])
    >>> view = view_for(plan, ProjectionSpec("north"))
    >>> brief = render_brief(plan, view, heading="A and B", card="A–B: 6,600 km")
    >>> brief.data[:5]
    b'%PDF-'
    """
    page = (210.0, 297.0)
    lines = _wrap_card(card, page[0] - 20.0, 7.5)
    card_pt = 7.5 if len(lines) <= 40 else 6.0
    lines = _wrap_card(card, page[0] - 20.0, card_pt)[:70]
    with _style():
        fig = _new_figure(page, 72)
        heading_h = _draw_title(fig, page, heading, 10.0)
        card_top = 10.0 + heading_h + 4.0
        text = "\n".join(lines)
        fig.text(10.0 / page[0], 1.0 - card_top / page[1], text, fontsize=card_pt,
                 family="DejaVu Sans Mono", va="top", ha="left", color="#111111")  # fmt: skip
        card_h = len(lines) * card_pt * 1.2 / 72.0 * MM_PER_INCH
        credits_h = _draw_credits(fig, page)
        top = card_top + card_h + 6.0
        box = _Box(10.0, credits_h + 3.0, page[0] - 20.0, page[1] - top - credits_h - 3.0)
        ax = _draw_panel(fig, page, box, plan, view)
        return _save(fig, ax, "pdf", 72, view, heading)
