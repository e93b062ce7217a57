"""Maps of parties, venues and geodesic flight paths, as deterministic folium maps.

Two layers, like the rest of the package:

* :func:`plan_map` is pure geometry. It densifies every geodesic (flight paths from each
  party to each venue, the direct A–B path, the equidistant line, range rings, the minimax
  circle), chooses one longitude "frame" for the whole map and shifts everything into it,
  and returns a :class:`MapPlan` of plain markers and lines. No folium here.
* :func:`geo.maps.render.build_map` draws a plan with folium: circle markers, polylines,
  tooltips and popups with the numbers, a legend, a scale bar, a layer control, fullscreen
  and measure controls, and (by default) a built-in Natural Earth countries basemap that
  needs no tile server.
* :mod:`geo.maps.results` turns the results of check, compare and best into map inputs
  (:func:`~geo.maps.results.map_for_check`, :func:`~geo.maps.results.map_for_compare`,
  :func:`~geo.maps.results.map_for_best`).

**The antimeridian.** Leaflet draws a straight Web-Mercator segment between consecutive
vertices, so a path from Beijing (116°E) to Anchorage (150°W) drawn with its true longitudes
goes the long way round the world. Every line here has consecutive vertices at most 180° of
longitude apart (longitudes are unwrapped and may leave [-180, 180]; Leaflet accepts that).
Leaflet does not copy markers onto other "world copies", so markers are shifted by multiples
of 360° onto their paths: the map chooses a frame ``[east - 360, east)`` whose edge ``east``
lies in a longitude gap that no path crosses (180° when it can), and puts every point and
every path into it. When the paths cover every longitude, a marker that a path reaches in the
next world copy gets a second marker there.

**Escaping.** folium puts tooltip and popup text into the page as raw HTML inside a
JavaScript template literal, and branca renders each element's output a second time as a
Jinja template (so ``{{ 7*7 }}`` in a name becomes ``49``, and worse: Jinja expressions run
Python). Every string that reaches the page goes through :func:`geo.report.escape.html_text`: HTML-escaped,
with backslash, backtick, dollar sign and curly braces as numeric character references
(inert in a template literal and to Jinja, shown as themselves in HTML).

**Determinism.** folium names every element with a random id; ``build_map`` replaces them
with sequential ids, so the same input gives byte-for-byte the same HTML.

Distances in tooltips and popups are WGS84 geodesics (:func:`geo.core.geodesy.distance_km`). The
measure control is the Leaflet plugin's own tool, which computes on a sphere; the legend of
every map says so (:data:`MEASURE_NOTE`).

Examples
--------
>>> from geo.core.geodesy import LatLon
>>> from geo.maps.plan import MapPoint, VenueMark, plan_map
>>> plan = plan_map([MapPoint("Washington", 38.9072, -77.0369), MapPoint("Beijing", 39.9042, 116.4074)],
...                 venues=[VenueMark("Anchorage", 61.2181, -149.9003)])
>>> [m.name for m in plan.markers if m.kind in ("party", "venue")]
['Washington', 'Beijing', 'Anchorage']
>>> max(line.max_lon_step_deg for line in plan.lines) <= 180
True
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np
import numpy.typing as npt

from geo.core.geodesy import (
    LatLon,
    Located,
    densify,
    direct,
    distance_km,
    is_coincident,
    is_nearly_antipodal,
    midpoint,
)
from geo.core.units import format_km
from geo.errors import DegenerateGeodesicError, InvalidInputError

if TYPE_CHECKING:
    pass

MAX_STEP_KM = 100.0  # largest spacing between the vertices of a drawn geodesic
CIRCLE_STEP_DEG = 2.0  # azimuth step of range rings and the minimax circle
MAX_RING_KM = 20_000.0  # a ring's radius must stay below half the meridian (20,003.93 km)
COORD_DIGITS = 5  # decimals of drawn coordinates (about 1 m)
MAX_GAP_KM = 2500.0  # a given line (equidistant) is split where consecutive vertices are farther apart

PARTY_COLOR = "#1f4e9c"
VENUE_COLOR = "#2c7fb8"
MIDPOINT_COLOR = "#000000"
DIRECT_COLOR = "#444444"
EQUIDISTANT_COLOR = "#7b3294"
RING_COLOR = "#1f4e9c"
BEST_COLOR = "#c51b7d"
ROUTE_COLOR = "#1f4e9c"
STOP_COLOR = "#e66101"
DETOUR_COLOR = "#1b9e77"
VERDICT_COLORS = {
    "halfway": "#1a9641",
    "roughly halfway": "#f39c12",
    "not halfway": "#d7191c",
    "undefined": "#7f7f7f",
}
ROUTE_KINDS = {
    "route": "route (geodesic legs)",
    "stop-route": "via refuelling stops",
    "detour": "detour around avoided airspace",
}
RANK_COLORS = ("#1a9641", "#a6d96a", "#e6c700", "#fdae61", "#d7191c")  # best → worst

# The layer of every kind of line and marker, in drawing order (bottom first): the HTML map's
# layer control, the KML folders and the GeoJSON ``layer`` property all use these names.
ZONE_COLORS = {
    "halfway": "#1a9641",
    "roughly halfway": "#f39c12",
    "equal distance": "#7b3294",
    "minimax": "#c51b7d",
    "minsum": "#2c7fb8",
}
ZONE_LAYER = "Zones"
LINE_LAYERS = {
    "zone": ZONE_LAYER,
    "ring": "Range rings",
    "equidistant": "Equidistant line",
    "direct": "Direct path and midpoint",
    "flight": "Flight paths",
    "best-path": "Best point and minimax circle",
    "minimax": "Best point and minimax circle",
    "route": "Route",
    "stop-route": "Refuelling stops",
    "detour": "Detours around avoided airspace",
}
MARKER_LAYERS = {
    "midpoint": "Direct path and midpoint",
    "best": "Best point and minimax circle",
    "venue": "Venues",
    "stop": "Refuelling stops",
    "party": "Parties",
}

Property = str | int | float | bool | None  # a plain JSON value, for data exports


# ---------------------------------------------------------------------------------------------
# Escaping
# ---------------------------------------------------------------------------------------------

_COLOR = re.compile(r"#[0-9a-fA-F]{6}")


# ---------------------------------------------------------------------------------------------
# Input
# ---------------------------------------------------------------------------------------------


class LineLike(Protocol):
    """A polyline given as latitude and longitude sequences (degrees), e.g. an equidistant line."""

    @property
    def lats(self) -> npt.ArrayLike: ...
    @property
    def lons(self) -> npt.ArrayLike: ...


@dataclass(frozen=True)
class MapPoint:
    """A named point to draw (a party).

    Attributes
    ----------
    name : str
    lat, lon : float
        Degrees.
    facts : str
        Short text after the name in the tooltip (country, time zone), plain text.
    details : tuple of (label, value)
        Extra popup rows, plain text.
    range_km : float or None
        Radius of an aircraft range ring drawn around the party, km, in (0, 20,000].
    range_label : str
        What the range ring is ("VC-25A range").
    """

    name: str
    lat: float
    lon: float
    facts: str = ""
    details: tuple[tuple[str, str], ...] = ()
    range_km: float | None = None
    range_label: str = ""

    @property
    def point(self) -> LatLon:
        return LatLon(self.lat, self.lon)


@dataclass(frozen=True)
class VenueMark:
    """A venue to draw, with how it did.

    Attributes
    ----------
    name : str
    lat, lon : float
        Degrees.
    status : str
        Short text after the name in the tooltip: a verdict or a rank.
    color : str
        CSS colour of the marker and of the flight paths to it.
    details : tuple of (label, value)
        Rows of the popup, plain text (escaped when drawn). Distances from each party are
        added by the map itself.
    facts : str
        Short text appended to the tooltip (host country, time zone, neutrality).
    legs : tuple of str
        One text per party, in party order, appended to the tooltip of that party's flight
        path (flight time, clock shift, overflown countries, non-stop).
    properties : tuple of (name, value)
        Numbers and words for data exports (verdict, split, rank…), plain JSON values; the
        HTML map shows ``details`` instead.
    """

    name: str
    lat: float
    lon: float
    status: str = ""
    color: str = VENUE_COLOR
    details: tuple[tuple[str, str], ...] = ()
    facts: str = ""
    legs: tuple[str, ...] = ()
    properties: tuple[tuple[str, Property], ...] = ()

    @property
    def point(self) -> LatLon:
        return LatLon(self.lat, self.lon)


@dataclass(frozen=True)
class RouteMark:
    """A route to draw: places in order, each leg the geodesic between consecutive places.

    Journeys (``route``), refuelling-stop options and detours around avoided airspace are
    routes. Places at ``stops`` (indexes into ``points``) get a stop marker; the others are
    expected to be parties or venues drawn by the map already.

    Attributes
    ----------
    label : str
        Tooltip of every leg ("Pyongyang → Churchill → Washington: 11,079 km").
    points : tuple of MapPoint
        At least two.
    color : str
    dash : str or None
        SVG dash pattern ("6 4"), ``None`` for a solid line.
    stops : tuple of int
    kind : str
        ``route`` (a journey), ``stop-route`` (via refuelling stops) or ``detour`` (around
        avoided airspace): the legend and the layer it is drawn in.
    """

    label: str
    points: tuple[MapPoint, ...]
    color: str = ROUTE_COLOR
    dash: str | None = None
    stops: tuple[int, ...] = ()
    kind: str = "route"


@dataclass(frozen=True)
class BestMark:
    """The best meeting point of an optimisation and its minimax circle.

    Attributes
    ----------
    lat, lon : float
        Degrees.
    max_km : float
        Largest party distance from the point; the radius of the minimax circle, km.
    sum_km : float
        Sum of party distances, km.
    objective : str
        What was optimised ("minimax", "minsum", …).
    details : tuple of (label, value)
        Extra popup rows.
    """

    lat: float
    lon: float
    max_km: float
    sum_km: float
    objective: str = ""
    details: tuple[tuple[str, str], ...] = ()


# ---------------------------------------------------------------------------------------------
# Plan: pure geometry
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DrawnMarker:
    """A marker as drawn: ``lon`` is the display longitude (may lie outside [-180, 180]).

    ``lat_true``/``lon_true`` are the real coordinates shown in the popup; ``copy`` marks a
    second marker of the same place one world copy over, where a path reaches it.
    """

    kind: str  # "party", "venue", "midpoint", "best"
    name: str
    lat: float
    lon: float
    lon_true: float
    color: str
    tooltip: str
    popup: tuple[tuple[str, str], ...]
    copy: bool = False
    properties: tuple[tuple[str, Property], ...] = ()  # for data exports (a venue's verdict, rank…)


@dataclass(frozen=True)
class DrawnLine:
    """A polyline as drawn. Consecutive longitudes differ by at most 180°."""

    kind: str  # "flight", "best-path", "direct", "equidistant", "ring", "minimax"
    label: str
    lats: tuple[float, ...]
    lons: tuple[float, ...]
    color: str
    weight: float = 3.0
    dash: str | None = None

    @property
    def max_lon_step_deg(self) -> float:
        """Largest longitude step between consecutive vertices, degrees."""
        if len(self.lons) < 2:
            return 0.0
        return float(np.max(np.abs(np.diff(np.asarray(self.lons)))))


@dataclass(frozen=True)
class LegendEntry:
    label: str
    color: str
    shape: str  # "circle", "line", "dashed"


@dataclass(frozen=True)
class DrawnZone:
    """A zone as drawn: filled polygons (display longitudes, in the map's frame) and, for data
    exports, its true geometry and numbers. Its edge is drawn as lines of kind ``zone``.

    ``polygons`` is a tuple of polygons, each a tuple of rings (the first the shell), each ring
    a tuple of (lat, lon); ``geometry`` is the GeoJSON geometry in lon/lat, cut at ±180°.
    """

    kind: str
    label: str
    color: str
    polygons: tuple[tuple[tuple[tuple[float, float], ...], ...], ...]
    geometry: dict[str, Any]
    properties: tuple[tuple[str, Property], ...] = ()


@dataclass(frozen=True, eq=False)
class HeatLayer:
    """A heat map under everything: values at cell centres of a global lon/lat grid (true
    longitudes from -180, latitudes south to north), coloured from ``vmin`` to ``vmax``."""

    kind: str
    label: str
    lats: Any
    lons: Any
    values: Any
    vmin: float
    vmax: float
    cmap: str


@dataclass(frozen=True)
class MapPlan:
    """Everything a map shows, in display coordinates. Built by :func:`plan_map`."""

    title: str
    markers: tuple[DrawnMarker, ...]
    lines: tuple[DrawnLine, ...]
    legend: tuple[LegendEntry, ...]
    notes: tuple[str, ...]
    frame_east_deg: float
    bounds: tuple[tuple[float, float], tuple[float, float]]  # ((south, west), (north, east))
    lon_range: tuple[float, float] = field(default=(-180.0, 180.0))  # of everything drawn
    zones: tuple[DrawnZone, ...] = ()  # filled areas under everything else (see geo.maps.zones)
    heat: HeatLayer | None = None  # a heat map under the zones (see geo.maps.heat)


def _latlon_text(lat: float, lon: float) -> str:
    from geo.core.units import format_lat_lon

    return format_lat_lon(lat, lon, digits=4)


def _round(values: Iterable[float]) -> tuple[float, ...]:
    return tuple(round(float(v), COORD_DIGITS) + 0.0 for v in values)


def _display_lon(lon: float, east: float) -> float:
    """``lon`` shifted by a multiple of 360° into ``[east - 360, east)``."""
    return lon - 360.0 * math.floor((lon - (east - 360.0)) / 360.0)


def _frame_east(arcs: Sequence[tuple[float, float]]) -> float:
    """The edge meridian of the map's frame: the one the fewest arcs cross.

    Each arc is the (min, max) of an unwrapped longitude range (a continuous path covers every
    longitude in between; a point is an arc of length 0). Candidates are every 0.5°; an arc
    "crosses" a candidate within 1° of it. Among the candidates crossed least, 180° wins if it
    is one of them, else the middle of the widest run of them. Each crossing costs a second
    marker on the map, so where no arc crosses the edge every marker is drawn once.
    """
    if not arcs:
        return 180.0
    margin, step = 1.0, 0.5
    candidates = np.arange(0.0, 360.0, step)
    bounds = np.asarray(arcs, dtype=np.float64).reshape(-1, 2)
    lengths = bounds[:, 1] - bounds[:, 0] + 2 * margin
    offsets = (candidates[None, :] - (bounds[:, :1] - margin)) % 360.0
    cost = np.sum(offsets <= lengths[:, None], axis=0)
    best = cost == cost.min()
    antimeridian = int(180.0 / step)
    if best[antimeridian]:
        return 180.0
    # Widest circular run of best candidates; ties go to the first.
    n = len(candidates)
    first_bad = int(np.argmin(best))  # exists: the antimeridian is not among the best
    runs: list[tuple[int, int]] = []
    run_start = None
    for k in range(first_bad + 1, first_bad + n + 1):
        if best[k % n] and run_start is None:
            run_start = k
        elif not best[k % n] and run_start is not None:
            runs.append((run_start, k - 1))
            run_start = None
    lo, hi = max(runs, key=lambda r: (r[1] - r[0], -(r[0] % n)))
    mid = (candidates[lo % n] + (hi - lo) * step / 2.0) % 360.0
    return round(float(mid - 360.0 if mid > 180.0 else mid), 6) + 0.0


def geodesic_circle(center: LatLon, radius_km: float) -> tuple[np.ndarray, np.ndarray]:
    """Vertices of the geodesic circle of ``radius_km`` around ``center`` (a range ring).

    Each vertex is the solution of the direct problem on the WGS84 ellipsoid from ``center``
    at azimuths 0°, 2°, …, 360°, so every vertex lies exactly ``radius_km`` away along a
    geodesic. Longitudes are unwrapped from ``center.lon`` (steps never exceed 180°); a ring
    that encloses a pole spans 360° of longitude and does not close on the map.

    Parameters
    ----------
    center : LatLon
    radius_km : float
        Kilometres, in (0, :data:`MAX_RING_KM`].

    Returns
    -------
    lats, lons : ndarray
        Degrees; 181 vertices, the last at the same place as the first.

    Examples
    --------
    >>> lats, lons = geodesic_circle(LatLon(61.2181, -149.9003), 1000)
    >>> len(lats), round(float(distance_km(61.2181, -149.9003, lats[45], lons[45])), 6)
    (181, 1000.0)
    """
    if not (math.isfinite(radius_km) and 0 < radius_km <= MAX_RING_KM):
        raise InvalidInputError(
            f"ring radius {radius_km:g} km is out of range; it must be > 0 and ≤ {MAX_RING_KM:,.0f} km"
        )
    azimuths = np.arange(0.0, 360.0 + CIRCLE_STEP_DEG / 2, CIRCLE_STEP_DEG)
    points = [direct(center, float(az), radius_km) for az in azimuths]
    lats = np.array([p.lat for p in points])
    lons = np.unwrap(np.array([p.lon for p in points]), period=360.0)
    lons += 360.0 * round((center.lon - lons[0]) / 360.0)  # start next to the centre
    return lats, lons


def _split_segments(line: LineLike) -> list[tuple[np.ndarray, np.ndarray]]:
    """Split a polyline at NaN vertices and where it jumps (more than :data:`MAX_GAP_KM` of arc)."""
    lats = np.asarray(line.lats, dtype=np.float64).ravel()
    lons = np.asarray(line.lons, dtype=np.float64).ravel()
    if lats.shape != lons.shape:
        raise InvalidInputError("a line needs as many latitudes as longitudes")
    finite = np.isfinite(lats) & np.isfinite(lons)
    segments: list[tuple[np.ndarray, np.ndarray]] = []
    start = None
    for i in range(len(lats) + 1):
        if i < len(lats) and finite[i]:
            if start is None:
                start = i
            continue
        if start is not None and i - start >= 2:
            segments.append((lats[start:i], lons[start:i]))
        start = None
    out = []
    for seg_lats, seg_lons in segments:
        steps = distance_km(seg_lats[:-1], seg_lons[:-1], seg_lats[1:], seg_lons[1:])
        cuts = np.flatnonzero(np.atleast_1d(steps) > MAX_GAP_KM) + 1
        for la, lo in zip(np.split(seg_lats, cuts), np.split(seg_lons, cuts), strict=True):
            if len(la) >= 2:
                out.append((la, np.unwrap(lo, period=360.0)))
    return out


def _as_point(item: MapPoint | Located) -> MapPoint:
    """A party as a :class:`MapPoint` (anything with ``name``, ``lat``, ``lon`` is accepted)."""
    if not isinstance(item.name, str):
        raise InvalidInputError(f"party name must be a string, not {item.name!r}")
    return item if isinstance(item, MapPoint) else MapPoint(item.name, item.lat, item.lon)


def _as_venue(item: VenueMark | Located) -> VenueMark:
    """A venue as a :class:`VenueMark` with a valid colour."""
    if not isinstance(item.name, str):
        raise InvalidInputError(f"venue name must be a string, not {item.name!r}")
    mark = item if isinstance(item, VenueMark) else VenueMark(item.name, item.lat, item.lon)
    if not (isinstance(mark.color, str) and _COLOR.fullmatch(mark.color)):
        raise InvalidInputError(f"venue colour {mark.color!r} must be '#rrggbb'")
    return mark


def _check_radius(radius: object) -> None:
    if not (isinstance(radius, int | float) and math.isfinite(radius) and 0 < radius <= MAX_RING_KM):
        raise InvalidInputError(
            f"ring radius {radius!r} km is out of range; it must be > 0 and ≤ {MAX_RING_KM:,.0f} km"
        )


@dataclass
class _Geodesics:
    """The raw (unwrapped, unshifted) geodesics of a map, and what could not be drawn."""

    flights: list[tuple[int, int, np.ndarray, np.ndarray]]  # party, venue, lats, lons
    best_paths: list[tuple[int, np.ndarray, np.ndarray]]  # party, lats, lons
    direct_path: tuple[np.ndarray, np.ndarray] | None
    mid: LatLon | None
    notes: list[str]
    routes: list[list[tuple[np.ndarray, np.ndarray]]] = field(default_factory=list)  # legs per route


def _geodesics(parties: Sequence[MapPoint], venues: Sequence[VenueMark], best: LatLon | None) -> _Geodesics:
    """Densify every flight path, every path to the best point and the direct A–B path."""
    notes: list[str] = []
    flights = []
    for i, p in enumerate(parties):
        for j, v in enumerate(venues):
            try:
                lats, lons = densify(p.point, v.point, MAX_STEP_KM)
            except DegenerateGeodesicError:
                notes.append(
                    f"{p.name} and {v.name} are nearly antipodal: no unique shortest path, none drawn."
                )
                continue
            flights.append((i, j, lats, lons))
    best_paths = []
    if best is not None:
        for i, p in enumerate(parties):
            try:
                lats, lons = densify(p.point, best, MAX_STEP_KM)
            except DegenerateGeodesicError:
                continue
            best_paths.append((i, lats, lons))
    direct_path, mid = None, None
    if len(parties) == 2:
        a, b = parties
        if is_coincident(a.point, b.point):
            notes.append("The two parties are at the same place.")
        elif is_nearly_antipodal(a.point, b.point):
            notes.append(
                f"{a.name} and {b.name} are nearly antipodal: there is no unique "
                "shortest path between them, so no direct path or midpoint is drawn."
            )
        else:
            direct_path = densify(a.point, b.point, MAX_STEP_KM)
            mid = midpoint(a.point, b.point)
    return _Geodesics(flights, best_paths, direct_path, mid, notes)


class _Frame:
    """One longitude frame ``[east - 360, east)`` for everything on the map (see the module doc)."""

    def __init__(self, points: Sequence[LatLon], geo: _Geodesics) -> None:
        arcs: list[tuple[float, float]] = [(p.lon, p.lon) for p in points]
        arcs += [(float(lons.min()), float(lons.max())) for *_, lons in geo.flights]
        arcs += [(float(lons.min()), float(lons.max())) for *_, lons in geo.best_paths]
        arcs += [(float(lons.min()), float(lons.max())) for legs in geo.routes for _, lons in legs]
        if geo.direct_path is not None:
            arcs.append((float(geo.direct_path[1].min()), float(geo.direct_path[1].max())))
        self.east = _frame_east(arcs)

    def lon(self, lon: float) -> float:
        """Display longitude of a point."""
        return _display_lon(lon, self.east)

    def path(
        self, lons: np.ndarray, start_true: float, start: float, end: float
    ) -> tuple[np.ndarray, float | None]:
        """A path shifted into the frame, its ends exactly on the start and end markers.

        Returns the shifted longitudes and, when the path reaches the end marker one world copy
        over, the display longitude of that copy (else ``None``).
        """
        shifted = lons + (_display_lon(start_true, self.east) - start_true)
        shifted[0] = start
        at_end = end + 360.0 * round((float(shifted[-1]) - end) / 360.0)
        shifted[-1] = at_end
        return shifted, (at_end if abs(at_end - end) > 1e-9 else None)


@dataclass
class _Layout:
    """Display longitudes of every marker and the extra copies paths need (filled while planning)."""

    party_lons: list[float]
    venue_lons: list[float]
    best_lon: float
    party_copies: list[set[float]]
    venue_copies: list[set[float]]
    best_copies: set[float] = field(default_factory=set)
    mid_lon: float = 0.0

    @classmethod
    def of(
        cls, frame: _Frame, parties: Sequence[MapPoint], venues: Sequence[VenueMark], best: LatLon | None
    ) -> _Layout:
        """Every marker at its place in the frame, no copies yet."""
        best_lon = frame.lon(best.lon) if best is not None else 0.0
        party_lons, venue_lons = [frame.lon(p.lon) for p in parties], [frame.lon(v.lon) for v in venues]
        return cls(party_lons, venue_lons, best_lon, [set() for _ in parties], [set() for _ in venues])


def _distance_matrix(parties: Sequence[MapPoint], venues: Sequence[VenueMark]) -> np.ndarray:
    """Geodesic km from each party (rows) to each venue (columns)."""
    if not venues:
        return np.zeros((len(parties), 0))
    return np.atleast_2d(
        distance_km(
            np.array([p.lat for p in parties])[:, None],
            np.array([p.lon for p in parties])[:, None],
            np.array([v.lat for v in venues])[None, :],
            np.array([v.lon for v in venues])[None, :],
        )
    )


def _flight_lines(
    parties: Sequence[MapPoint],
    venues: Sequence[VenueMark],
    geo: _Geodesics,
    frame: _Frame,
    layout: _Layout,
    distances: np.ndarray,
) -> list[DrawnLine]:
    """Flight paths, coloured like their venue, with each party's leg text in the tooltip."""
    lines = []
    for i, j, lats, lons in geo.flights:
        shifted, copy = frame.path(lons, parties[i].lon, layout.party_lons[i], layout.venue_lons[j])
        if copy is not None:
            layout.venue_copies[j].add(copy)
        legs = venues[j].legs
        leg = f"; {legs[i]}" if i < len(legs) and legs[i] else ""
        label = f"{parties[i].name} → {venues[j].name}: {format_km(float(distances[i, j]))}{leg}"
        lines.append(DrawnLine("flight", label, _round(lats), _round(shifted), venues[j].color, weight=2.5))
    return lines


def _best_lines(
    parties: Sequence[MapPoint],
    best: BestMark,
    geo: _Geodesics,
    frame: _Frame,
    layout: _Layout,
    to_best: list[float],
) -> list[DrawnLine]:
    """Paths from each party to the best point, and its minimax circle."""
    lines = []
    for i, lats, lons in geo.best_paths:
        shifted, copy = frame.path(lons, parties[i].lon, layout.party_lons[i], layout.best_lon)
        if copy is not None:
            layout.best_copies.add(copy)
        label = f"{parties[i].name} → best point: {format_km(to_best[i])}"
        lines.append(DrawnLine("best-path", label, _round(lats), _round(shifted), BEST_COLOR, 2.0, "6 4"))
    if best.max_km > 0:  # all parties at the best point (one place): no circle to draw
        lats, lons = geodesic_circle(LatLon(best.lat, best.lon), min(best.max_km, MAX_RING_KM))
        label = f"Minimax circle: every party within {format_km(best.max_km)} of the best point"
        shifted = lons + (layout.best_lon - best.lon)
        lines.append(DrawnLine("minimax", label, _round(lats), _round(shifted), BEST_COLOR, 2.0, "2 6"))
    return lines


def _direct_line_and_midpoint(
    parties: Sequence[MapPoint], geo: _Geodesics, frame: _Frame, layout: _Layout
) -> tuple[list[DrawnLine], list[DrawnMarker]]:
    """The direct A–B geodesic and its midpoint marker (two distinct, not antipodal parties)."""
    if geo.direct_path is None or geo.mid is None:
        return [], []
    a, b = parties
    lats, lons = geo.direct_path
    shifted, copy = frame.path(lons, a.lon, layout.party_lons[0], layout.party_lons[1])
    if copy is not None:
        layout.party_copies[1].add(copy)
    direct_km = float(distance_km(a.lat, a.lon, b.lat, b.lon))
    label = f"{a.name}–{b.name} direct: {format_km(direct_km)}"
    line = DrawnLine("direct", label, _round(lats), _round(shifted), DIRECT_COLOR, 2.5, "8 6")
    mid = geo.mid
    reference = float(shifted[len(shifted) // 2])
    layout.mid_lon = mid.lon + 360.0 * round((reference - mid.lon) / 360.0)
    half = format_km(direct_km / 2)
    marker = DrawnMarker(
        "midpoint",
        "Geodesic midpoint",
        mid.lat,
        round(layout.mid_lon, COORD_DIGITS) + 0.0,
        mid.lon,
        MIDPOINT_COLOR,
        f"Geodesic midpoint of {a.name}–{b.name}: {half} from each",
        (("position", _latlon_text(mid.lat, mid.lon)), (f"to {a.name}", half), (f"to {b.name}", half)),
    )
    return [line], [marker]


def _equidistant_lines(
    parties: Sequence[MapPoint], line: LineLike, geo: _Geodesics, layout: _Layout
) -> list[DrawnLine]:
    """The equidistant line, each piece shifted next to the drawn midpoint."""
    if geo.mid is None:
        geo.notes.append("The equidistant line needs two distinct, not antipodal parties; not drawn.")
        return []
    label = f"Equidistant line: every point as far from {parties[0].name} as from {parties[1].name}"
    lines = []
    for lats, lons in _split_segments(line):
        nearest = int(np.argmin(distance_km(lats, lons, geo.mid.lat, geo.mid.lon)))
        lons = lons + 360.0 * round((layout.mid_lon - lons[nearest]) / 360.0)
        lines.append(
            DrawnLine("equidistant", label, _round(lats), _round(lons), EQUIDISTANT_COLOR, 2.0, "4 4")
        )
    return lines


def _route_geodesics(routes: Sequence[RouteMark], geo: _Geodesics) -> None:
    """Densify every leg of every route into ``geo.routes`` (a leg with no unique path is skipped)."""
    for route in routes:
        if len(route.points) < 2:
            raise InvalidInputError(f"route {route.label!r} needs at least two points")
        _COLOR.fullmatch(route.color) or _bad_color(route.color)
        legs = []
        for p, q in zip(route.points, route.points[1:], strict=False):
            try:
                legs.append(densify(p.point, q.point, MAX_STEP_KM))
            except DegenerateGeodesicError:
                geo.notes.append(f"{p.name} and {q.name} are nearly antipodal: that leg is not drawn.")
                legs.append((np.array([p.lat]), np.array([p.lon])))
        geo.routes.append(legs)


def _bad_color(color: str) -> bool:
    raise InvalidInputError(f"colour {color!r} must be #rrggbb")


def _route_lines(
    routes: Sequence[RouteMark], geo: _Geodesics, frame: _Frame, parties: Sequence[MapPoint], layout: _Layout
) -> tuple[list[DrawnLine], list[DrawnMarker]]:
    """Each route's legs end to end in the frame, and a marker at each of its stops on the path."""
    lines: list[DrawnLine] = []
    markers: list[DrawnMarker] = []
    for route, legs in zip(routes, geo.routes, strict=True):
        at = frame.lon(route.points[0].lon)
        for k, (lats, lons) in enumerate(legs):
            end = route.points[k + 1]
            shifted, copy = frame.path(lons, route.points[k].lon, at, frame.lon(end.lon))
            at = float(shifted[-1]) if lons.size > 1 else frame.lon(end.lon)
            if lons.size > 1:
                lines.append(
                    DrawnLine(
                        route.kind, route.label, _round(lats), _round(shifted), route.color, 3.0, route.dash
                    )
                )
            if k + 1 in route.stops:
                rows = [("position", _latlon_text(end.lat, end.lon)), *end.details]
                tooltip = f"{end.name} (stop)" + (f" — {end.facts}" if end.facts else "")
                markers += _copies("stop", end.name, end.lat, end.lon, [at], route.color, tooltip, rows)
            elif copy is not None:
                for i, party in enumerate(parties):
                    if (party.lat, party.lon) == (end.lat, end.lon):
                        layout.party_copies[i].add(copy)
    return lines, markers


def _ring_lines(parties: Sequence[MapPoint], rings_km: Sequence[float], layout: _Layout) -> list[DrawnLine]:
    """Range rings around each party: the given radii, then the party's aircraft range."""
    lines = []
    for i, p in enumerate(parties):
        rings = [(float(r), "") for r in rings_km]
        if p.range_km is not None:
            rings.append((float(p.range_km), p.range_label))
        for radius, label in rings:
            lats, lons = geodesic_circle(p.point, radius)
            text = f"{label + ': ' if label else ''}{format_km(radius)} from {p.name}"
            shifted = lons + (layout.party_lons[i] - p.lon)
            lines.append(DrawnLine("ring", text, _round(lats), _round(shifted), RING_COLOR, 1.5, "1 5"))
    return lines


def _copies(
    kind: str,
    name: str,
    lat: float,
    lon_true: float,
    lons: Sequence[float],
    color: str,
    tooltip: str,
    rows: Sequence[tuple[str, str]],
    properties: tuple[tuple[str, Property], ...] = (),
) -> list[DrawnMarker]:
    """A marker at each display longitude of a place (the first is the place, the rest copies)."""
    return [
        DrawnMarker(
            kind,
            name,
            lat,
            round(lon, COORD_DIGITS) + 0.0,
            lon_true,
            color,
            tooltip,
            tuple(rows),
            copy=k > 0,
            properties=properties,
        )
        for k, lon in enumerate(lons)
    ]


def _party_markers(
    parties: Sequence[MapPoint],
    venues: Sequence[VenueMark],
    layout: _Layout,
    distances: np.ndarray,
    to_best: list[float],
) -> list[DrawnMarker]:
    markers = []
    for i, p in enumerate(parties):
        rows = [("position", _latlon_text(p.lat, p.lon)), *p.details]
        rows += [(f"to {v.name}", format_km(float(distances[i, j]))) for j, v in enumerate(venues)]
        if to_best:
            rows.append(("to the best point", format_km(to_best[i])))
        tooltip = f"{p.name} (party)" + (f" — {p.facts}" if p.facts else "")
        lons = [layout.party_lons[i], *sorted(layout.party_copies[i])]
        markers += _copies("party", p.name, p.lat, p.lon, lons, PARTY_COLOR, tooltip, rows)
    return markers


def _venue_markers(
    parties: Sequence[MapPoint], venues: Sequence[VenueMark], layout: _Layout, distances: np.ndarray
) -> list[DrawnMarker]:
    markers = []
    for j, v in enumerate(venues):
        rows = [("position", _latlon_text(v.lat, v.lon)), *v.details]
        rows += [(f"from {p.name}", format_km(float(distances[i, j]))) for i, p in enumerate(parties)]
        tooltip = f"{v.name}: {v.status}" if v.status else f"{v.name} (venue)"
        if v.facts:
            tooltip += f" — {v.facts}"
        lons = [layout.venue_lons[j], *sorted(layout.venue_copies[j])]
        markers += _copies("venue", v.name, v.lat, v.lon, lons, v.color, tooltip, rows, v.properties)
    return markers


def _best_markers(
    parties: Sequence[MapPoint], best: BestMark, layout: _Layout, to_best: list[float]
) -> list[DrawnMarker]:
    rows = [("position", _latlon_text(best.lat, best.lon))]
    if best.objective:
        rows.append(("objective", best.objective))
    rows += [("farthest party", format_km(best.max_km)), ("sum of distances", format_km(best.sum_km))]
    rows += list(best.details)
    rows += [(f"from {parties[i].name}", format_km(d)) for i, d in enumerate(to_best)]
    tooltip = f"Best meeting point ({best.objective or 'optimised'}): farthest party {format_km(best.max_km)}"
    lons = [layout.best_lon, *sorted(layout.best_copies)]
    return _copies("best", "Best meeting point", best.lat, best.lon, lons, BEST_COLOR, tooltip, rows)


def _bounds(
    markers: Sequence[DrawnMarker], lines: Sequence[DrawnLine]
) -> tuple[tuple[tuple[float, float], tuple[float, float]], tuple[float, float]]:
    """The fit bounds (markers and paths, not rings) and the longitude range of everything drawn."""
    paths = [line for line in lines if line.kind in ("flight", "direct", "best-path", *ROUTE_KINDS)]
    focus_lats = [m.lat for m in markers] + [lat for line in paths for lat in line.lats]
    focus_lons = [m.lon for m in markers] + [lon for line in paths for lon in line.lons]
    all_lons = focus_lons + [lon for line in lines for lon in line.lons]
    south, north = max(min(focus_lats), -85.0), min(max(focus_lats), 85.0)
    bounds = ((round(south, 4), round(min(focus_lons), 4)), (round(north, 4), round(max(focus_lons), 4)))
    return bounds, (min(all_lons), max(all_lons))


def plan_map(
    parties: Sequence[MapPoint | Located],
    venues: Sequence[VenueMark | Located] = (),
    *,
    best: BestMark | None = None,
    equidistant: LineLike | None = None,
    rings_km: Sequence[float] = (),
    title: str | None = None,
    routes: Sequence[RouteMark] = (),
) -> MapPlan:
    """Compute everything a map shows, in one consistent longitude frame.

    Parameters
    ----------
    parties : sequence of MapPoint (or anything with ``name``, ``lat``, ``lon``)
        At least one. With exactly two, the direct geodesic and its midpoint are drawn.
    venues : sequence of VenueMark (or anything with ``name``, ``lat``, ``lon``)
        :class:`VenueMark` carries a status, colour and popup rows; anything else gets the
        default colour. A flight path is drawn from each party to each venue.
    best : BestMark, optional
        Drawn with flight paths from each party and its minimax circle (radius ``max_km``).
    equidistant : object with ``lats`` and ``lons``, optional
        The equidistant line of two parties (see ``geo.core.equidistant``); drawn as given,
        unwrapped and shifted into the frame, split where it has NaNs or gaps.
    rings_km : sequence of float
        Radii of geodesic range rings around each party, km, each in (0, 20,000].
    title : str, optional
        Shown at the top of the legend; escaped.
    routes : sequence of RouteMark
        Journeys, stop options and detours, leg by leg.

    Returns
    -------
    MapPlan
        Raises InvalidInputError for no party, a bad ring radius or colour, a name that is not
        a string; InvalidCoordinatesError for a position out of range or not finite.
    """
    if not parties:
        raise InvalidInputError("a map needs at least one party")
    points = [_as_point(p) for p in parties]
    marks = [_as_venue(v) for v in venues]
    for radius in [*rings_km, *(p.range_km for p in points if p.range_km is not None)]:
        _check_radius(radius)
    best_point = LatLon(best.lat, best.lon) if best is not None else None
    geo = _geodesics(points, marks, best_point)
    _route_geodesics(routes, geo)
    frame = _Frame(
        [p.point for p in points] + [v.point for v in marks] + ([best_point] if best_point else []), geo
    )
    layout = _Layout.of(frame, points, marks, best_point)
    distances = _distance_matrix(points, marks)
    to_best = (
        [float(distance_km(p.lat, p.lon, best.lat, best.lon)) for p in points] if best is not None else []
    )

    lines = _flight_lines(points, marks, geo, frame, layout, distances)
    lines += _best_lines(points, best, geo, frame, layout, to_best) if best is not None else []
    direct, markers = _direct_line_and_midpoint(points, geo, frame, layout)
    lines += direct
    if equidistant is not None:
        lines += _equidistant_lines(points, equidistant, geo, layout)
    route_lines, stop_markers = _route_lines(routes, geo, frame, points, layout)
    lines, markers = lines + _ring_lines(points, rings_km, layout) + route_lines, markers + stop_markers
    markers += _party_markers(points, marks, layout, distances, to_best)
    markers += _venue_markers(points, marks, layout, distances)
    markers += _best_markers(points, best, layout, to_best) if best is not None else []
    bounds, lon_range = _bounds(markers, lines)
    if title is None:
        title = "Parties: " + ", ".join(p.name for p in points)
        title += "; venues: " + ", ".join(v.name for v in marks) if marks else ""
    legend = _legend(markers, lines, marks)
    return MapPlan(
        title, tuple(markers), tuple(lines), legend, tuple(geo.notes), frame.east, bounds, lon_range
    )


def _legend(
    markers: Sequence[DrawnMarker], lines: Sequence[DrawnLine], venues: Sequence[VenueMark]
) -> tuple[LegendEntry, ...]:
    entries = [LegendEntry("party", PARTY_COLOR, "circle")]
    kinds_of_venue: dict[tuple[str, str], int] = {}
    for venue in venues:
        key = (venue.status or "venue", venue.color)
        kinds_of_venue.setdefault(key, len(kinds_of_venue))
    verdicts = list(VERDICT_COLORS)

    def order(key: tuple[str, str]) -> tuple[int, float]:
        status = key[0]
        if status in verdicts:
            return (0, verdicts.index(status))
        if status.startswith("rank ") and status.split()[1].isdigit():
            return (1, int(status.split()[1]))
        return (2, kinds_of_venue[key])

    venue_entries = sorted(kinds_of_venue, key=order)
    if len(venue_entries) > 6 and all(order(k)[0] == 1 for k in venue_entries):
        entries.append(
            LegendEntry(f"venue: best rank ({venue_entries[0][0]})", venue_entries[0][1], "circle")
        )
        entries.append(
            LegendEntry(f"venue: worst rank ({venue_entries[-1][0]})", venue_entries[-1][1], "circle")
        )
    else:
        for status, color in venue_entries:
            entries.append(LegendEntry(f"venue: {status}" if status != "venue" else "venue", color, "circle"))
    kinds = {line.kind for line in lines}
    if "flight" in kinds:
        entries.append(LegendEntry("geodesic flight path (venue colour)", "#888888", "line"))
    if any(m.kind == "midpoint" for m in markers):
        entries.append(LegendEntry("direct geodesic and its midpoint", DIRECT_COLOR, "dashed"))
    if "equidistant" in kinds:
        entries.append(LegendEntry("equidistant line", EQUIDISTANT_COLOR, "dashed"))
    if "ring" in kinds:
        entries.append(LegendEntry("range ring (geodesic circle)", RING_COLOR, "dashed"))
    if any(m.kind == "best" for m in markers):
        entries.append(LegendEntry("best point, minimax circle", BEST_COLOR, "circle"))
    for kind, text in ROUTE_KINDS.items():
        route_colors = sorted({line.color for line in lines if line.kind == kind})
        if route_colors:
            dashed = any(line.dash for line in lines if line.kind == kind)
            entries.append(LegendEntry(text, route_colors[0], "dashed" if dashed else "line"))
    if any(m.kind == "stop" for m in markers):
        entries.append(LegendEntry("refuelling stop", STOP_COLOR, "circle"))
    return tuple(entries)


def rank_color(rank: int, count: int) -> str:
    """Colour of the venue ranked ``rank`` (1 = best) of ``count``: green to red.

    Examples
    --------
    >>> rank_color(1, 5), rank_color(5, 5), rank_color(1, 1)
    ('#1a9641', '#d7191c', '#1a9641')
    """
    if count <= 1:
        return RANK_COLORS[0]
    index = round((min(max(rank, 1), count) - 1) / (count - 1) * (len(RANK_COLORS) - 1))
    return RANK_COLORS[index]


# ---------------------------------------------------------------------------------------------
# Drawing with folium
