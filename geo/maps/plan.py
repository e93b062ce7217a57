"""Maps of parties, venues and geodesic flight paths, as deterministic folium maps.

Two layers, like the rest of the package:

* :func:`plan_map` is pure geometry. It densifies every geodesic (flight paths from each
  party to each venue, the direct A–B path, the equidistant line, range rings, the minimax
  circle), chooses one longitude "frame" for the whole map and shifts everything into it,
  and returns a :class:`MapPlan` of plain markers and lines. No folium here.
* :func:`build_map` draws a plan with folium: circle markers, polylines, tooltips and popups
  with the numbers, a legend, a scale bar, a layer control, fullscreen and measure controls,
  and (by default) a built-in Natural Earth countries basemap that needs no tile server.
  :func:`map_for_check`, :func:`map_for_compare` and :func:`map_for_best` adapt results.

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
Python). Every string that reaches the page goes through :func:`html_text`: HTML-escaped,
with backslash, backtick, dollar sign and curly braces as numeric character references
(inert in a template literal and to Jinja, shown as themselves in HTML).

**Determinism.** folium names every element with a random id; :func:`build_map` replaces them
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

import json
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Protocol

import folium
import folium.plugins
import numpy as np
from branca.element import Element, Figure, Html
from folium.map import Layer
from folium.template import Template

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
from geo.report.escape import html_text, js_string

if TYPE_CHECKING:
    from geo.analysis.check import CheckResult

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
VERDICT_COLORS = {
    "halfway": "#1a9641",
    "roughly halfway": "#f39c12",
    "not halfway": "#d7191c",
    "undefined": "#7f7f7f",
}
RANK_COLORS = ("#1a9641", "#a6d96a", "#e6c700", "#fdae61", "#d7191c")  # best → worst

OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
OSM_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
NATURAL_EARTH_ATTRIBUTION = "Countries: Natural Earth (public domain)"
BASEMAP_FILE = "countries_110m.geojson"


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
    def lats(self) -> Any: ...
    @property
    def lons(self) -> Any: ...


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
    """

    name: str
    lat: float
    lon: float
    status: str = ""
    color: str = VENUE_COLOR
    details: tuple[tuple[str, str], ...] = ()
    facts: str = ""
    legs: tuple[str, ...] = ()


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


def _check_names(items: Iterable[Located], what: str) -> list[LatLon]:
    points = []
    for item in items:
        if not isinstance(item.name, str):
            raise InvalidInputError(f"{what} name must be a string, not {item.name!r}")
        points.append(LatLon(item.lat, item.lon))
    return points


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


def plan_map(
    parties: Sequence[Located],
    venues: Sequence[Located] = (),
    *,
    best: BestMark | None = None,
    equidistant: LineLike | None = None,
    rings_km: Sequence[float] = (),
    title: str | None = None,
) -> MapPlan:
    """Compute everything a map shows, in one consistent longitude frame.

    Parameters
    ----------
    parties : sequence of objects with ``name``, ``lat``, ``lon``
        At least one. With exactly two, the direct geodesic and its midpoint are drawn.
    venues : sequence of objects with ``name``, ``lat``, ``lon``
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

    Returns
    -------
    MapPlan

    Raises
    ------
    InvalidInputError
        No party, a bad ring radius, a name that is not a string.
    InvalidCoordinatesError
        A latitude or longitude out of range or not finite.
    """
    if not parties:
        raise InvalidInputError("a map needs at least one party")
    party_points = _check_names(parties, "party")
    venue_points = _check_names(venues, "venue")
    for venue in venues:
        color = getattr(venue, "color", VENUE_COLOR)
        if not (isinstance(color, str) and _COLOR.fullmatch(color)):
            raise InvalidInputError(f"venue colour {color!r} must be '#rrggbb'")
    party_ranges = [getattr(p, "range_km", None) for p in parties]
    for radius in [*rings_km, *(r for r in party_ranges if r is not None)]:
        if not (isinstance(radius, int | float) and math.isfinite(radius) and 0 < radius <= MAX_RING_KM):
            raise InvalidInputError(
                f"ring radius {radius!r} km is out of range; it must be > 0 and ≤ {MAX_RING_KM:,.0f} km"
            )
    best_point = LatLon(best.lat, best.lon) if best is not None else None
    notes: list[str] = []

    # Raw geodesics, unwrapped from their first vertex (the party).
    flights: list[tuple[int, int, np.ndarray, np.ndarray]] = []
    for i, p in enumerate(party_points):
        for j, v in enumerate(venue_points):
            try:
                lats, lons = densify(p, v, MAX_STEP_KM)
            except DegenerateGeodesicError:
                notes.append(
                    f"{parties[i].name} and {venues[j].name} are nearly antipodal: "
                    "no unique shortest path, none drawn."
                )
                continue
            flights.append((i, j, lats, lons))
    best_paths: list[tuple[int, np.ndarray, np.ndarray]] = []
    if best_point is not None:
        for i, p in enumerate(party_points):
            try:
                lats, lons = densify(p, best_point, MAX_STEP_KM)
            except DegenerateGeodesicError:
                continue
            best_paths.append((i, lats, lons))
    direct_path = None
    mid: LatLon | None = None
    if len(party_points) == 2:
        a, b = party_points
        if is_coincident(a, b):
            notes.append("The two parties are at the same place.")
        elif is_nearly_antipodal(a, b):
            notes.append(
                f"{parties[0].name} and {parties[1].name} are nearly antipodal: there is no unique "
                "shortest path between them, so no direct path or midpoint is drawn."
            )
        else:
            direct_path = densify(a, b, MAX_STEP_KM)
            mid = midpoint(a, b)

    # One frame for everything.
    arcs: list[tuple[float, float]] = [(p.lon, p.lon) for p in party_points + venue_points]
    arcs += [(float(lons.min()), float(lons.max())) for *_, lons in flights]
    arcs += [(float(lons.min()), float(lons.max())) for *_, lons in best_paths]
    if direct_path is not None:
        arcs.append((float(direct_path[1].min()), float(direct_path[1].max())))
    if best_point is not None:
        arcs.append((best_point.lon, best_point.lon))
    east = _frame_east(arcs)

    def shift_path(lons: np.ndarray, anchor: float) -> np.ndarray:
        return lons + (_display_lon(anchor, east) - anchor)

    party_lons = [_display_lon(p.lon, east) for p in party_points]
    venue_lons = [_display_lon(v.lon, east) for v in venue_points]
    venue_copies: list[set[float]] = [set() for _ in venue_points]
    party_copies: list[set[float]] = [set() for _ in party_points]

    def end_lon(end: float, primary: float) -> float:
        k = round((end - primary) / 360.0)
        return primary + 360.0 * k

    lines: list[DrawnLine] = []
    # Flight paths, coloured like their venue.
    party_names = [p.name for p in parties]
    venue_names = [v.name for v in venues]
    distances = (
        np.atleast_2d(
            distance_km(
                np.array([p.lat for p in party_points])[:, None],
                np.array([p.lon for p in party_points])[:, None],
                np.array([v.lat for v in venue_points])[None, :],
                np.array([v.lon for v in venue_points])[None, :],
            )
        )
        if venue_points
        else np.zeros((len(party_points), 0))
    )
    for i, j, lats, lons in flights:
        shifted = shift_path(lons, party_points[i].lon)
        shifted[0] = party_lons[i]
        at_end = end_lon(float(shifted[-1]), venue_lons[j])
        shifted[-1] = at_end
        if abs(at_end - venue_lons[j]) > 1e-9:
            venue_copies[j].add(at_end)
        color = getattr(venues[j], "color", VENUE_COLOR)
        legs = getattr(venues[j], "legs", ())
        leg = f"; {legs[i]}" if i < len(legs) and legs[i] else ""
        lines.append(
            DrawnLine(
                "flight",
                f"{party_names[i]} → {venue_names[j]}: {format_km(float(distances[i, j]))}{leg}",
                _round(lats),
                _round(shifted),
                color,
                weight=2.5,
            )
        )

    markers: list[DrawnMarker] = []
    best_lon = _display_lon(best_point.lon, east) if best_point is not None else 0.0
    best_copies: set[float] = set()
    best_distances: list[float] = []
    if best is not None and best_point is not None:
        best_distances = [
            float(distance_km(p.lat, p.lon, best_point.lat, best_point.lon)) for p in party_points
        ]
        for i, lats, lons in best_paths:
            shifted = shift_path(lons, party_points[i].lon)
            shifted[0] = party_lons[i]
            at_end = end_lon(float(shifted[-1]), best_lon)
            shifted[-1] = at_end
            if abs(at_end - best_lon) > 1e-9:
                best_copies.add(at_end)
            lines.append(
                DrawnLine(
                    "best-path",
                    f"{party_names[i]} → best point: {format_km(best_distances[i])}",
                    _round(lats),
                    _round(shifted),
                    BEST_COLOR,
                    weight=2.0,
                    dash="6 4",
                )
            )
        if best.max_km > 0:  # all parties at the best point (one place): no circle to draw
            circle_lats, circle_lons = geodesic_circle(best_point, min(best.max_km, MAX_RING_KM))
            lines.append(
                DrawnLine(
                    "minimax",
                    f"Minimax circle: every party within {format_km(best.max_km)} of the best point",
                    _round(circle_lats),
                    _round(circle_lons + (best_lon - best_point.lon)),
                    BEST_COLOR,
                    weight=2.0,
                    dash="2 6",
                )
            )

    mid_lon = 0.0
    if direct_path is not None and mid is not None:
        lats, lons = direct_path
        shifted = shift_path(lons, party_points[0].lon)
        shifted[0] = party_lons[0]
        at_end = end_lon(float(shifted[-1]), party_lons[1])
        shifted[-1] = at_end
        if abs(at_end - party_lons[1]) > 1e-9:
            party_copies[1].add(at_end)
        direct_km = float(
            distance_km(party_points[0].lat, party_points[0].lon, party_points[1].lat, party_points[1].lon)
        )
        lines.append(
            DrawnLine(
                "direct",
                f"{party_names[0]}–{party_names[1]} direct: {format_km(direct_km)}",
                _round(lats),
                _round(shifted),
                DIRECT_COLOR,
                weight=2.5,
                dash="8 6",
            )
        )
        reference = float(shifted[len(shifted) // 2])
        mid_lon = mid.lon + 360.0 * round((reference - mid.lon) / 360.0)
        markers.append(
            DrawnMarker(
                "midpoint",
                "Geodesic midpoint",
                mid.lat,
                round(mid_lon, COORD_DIGITS) + 0.0,
                mid.lon,
                MIDPOINT_COLOR,
                f"Geodesic midpoint of {party_names[0]}–{party_names[1]}: "
                f"{format_km(direct_km / 2)} from each",
                (
                    ("position", _latlon_text(mid.lat, mid.lon)),
                    (f"to {party_names[0]}", format_km(direct_km / 2)),
                    (f"to {party_names[1]}", format_km(direct_km / 2)),
                ),
            )
        )

    if equidistant is not None:
        if mid is None:
            notes.append("The equidistant line needs two distinct, not antipodal parties; not drawn.")
        else:
            for lats, lons in _split_segments(equidistant):
                nearest = int(np.argmin(distance_km(lats, lons, mid.lat, mid.lon)))
                lons = lons + 360.0 * round((mid_lon - lons[nearest]) / 360.0)
                lines.append(
                    DrawnLine(
                        "equidistant",
                        f"Equidistant line: every point as far from {party_names[0]} as from "
                        f"{party_names[1]}",
                        _round(lats),
                        _round(lons),
                        EQUIDISTANT_COLOR,
                        weight=2.0,
                        dash="4 4",
                    )
                )

    for i, p in enumerate(party_points):
        for radius, label in [(float(r), "") for r in rings_km] + (
            [(float(party_ranges[i]), getattr(parties[i], "range_label", ""))]  # type: ignore[arg-type]
            if party_ranges[i] is not None
            else []
        ):
            lats, lons = geodesic_circle(p, float(radius))
            lines.append(
                DrawnLine(
                    "ring",
                    f"{label + ': ' if label else ''}{format_km(float(radius))} from {party_names[i]}",
                    _round(lats),
                    _round(lons + (party_lons[i] - p.lon)),
                    RING_COLOR,
                    weight=1.5,
                    dash="1 5",
                )
            )

    # Markers: parties, venues (with copies where a path reaches them one world over), best.
    for i, p in enumerate(party_points):
        rows = [("position", _latlon_text(p.lat, p.lon))]
        rows += list(getattr(parties[i], "details", ()))
        rows += [
            (f"to {venue_names[j]}", format_km(float(distances[i, j]))) for j in range(len(venue_points))
        ]
        party_facts = getattr(parties[i], "facts", "")
        if best_distances:
            rows.append(("to the best point", format_km(best_distances[i])))
        for k, lon in enumerate([party_lons[i], *sorted(party_copies[i])]):
            markers.append(
                DrawnMarker(
                    "party",
                    party_names[i],
                    p.lat,
                    round(lon, COORD_DIGITS) + 0.0,
                    p.lon,
                    PARTY_COLOR,
                    f"{party_names[i]} (party)" + (f" — {party_facts}" if party_facts else ""),
                    tuple(rows),
                    copy=k > 0,
                )
            )
    for j, v in enumerate(venue_points):
        venue = venues[j]
        status = getattr(venue, "status", "")
        color = getattr(venue, "color", VENUE_COLOR)
        rows = [("position", _latlon_text(v.lat, v.lon))]
        rows += list(getattr(venue, "details", ()))
        rows += [
            (f"from {party_names[i]}", format_km(float(distances[i, j]))) for i in range(len(party_points))
        ]
        tooltip = f"{venue_names[j]}: {status}" if status else f"{venue_names[j]} (venue)"
        venue_facts = getattr(venue, "facts", "")
        if venue_facts:
            tooltip += f" — {venue_facts}"
        for k, lon in enumerate([venue_lons[j], *sorted(venue_copies[j])]):
            markers.append(
                DrawnMarker(
                    "venue",
                    venue_names[j],
                    v.lat,
                    round(lon, COORD_DIGITS) + 0.0,
                    v.lon,
                    color,
                    tooltip,
                    tuple(rows),
                    copy=k > 0,
                )
            )
    if best is not None and best_point is not None:
        rows = [("position", _latlon_text(best_point.lat, best_point.lon))]
        if best.objective:
            rows.append(("objective", best.objective))
        rows += [("farthest party", format_km(best.max_km)), ("sum of distances", format_km(best.sum_km))]
        rows += list(best.details)
        rows += [(f"from {party_names[i]}", format_km(d)) for i, d in enumerate(best_distances)]
        for k, lon in enumerate([best_lon, *sorted(best_copies)]):
            markers.append(
                DrawnMarker(
                    "best",
                    "Best meeting point",
                    best_point.lat,
                    round(lon, COORD_DIGITS) + 0.0,
                    best_point.lon,
                    BEST_COLOR,
                    f"Best meeting point ({best.objective or 'optimised'}): "
                    f"farthest party {format_km(best.max_km)}",
                    tuple(rows),
                    copy=k > 0,
                )
            )

    legend = _legend(markers, lines, venues)
    focus_lats = [m.lat for m in markers] + [
        lat for line in lines if line.kind in ("flight", "direct", "best-path") for lat in line.lats
    ]
    focus_lons = [m.lon for m in markers] + [
        lon for line in lines if line.kind in ("flight", "direct", "best-path") for lon in line.lons
    ]
    all_lons = focus_lons + [lon for line in lines for lon in line.lons]
    south, north = max(min(focus_lats), -85.0), min(max(focus_lats), 85.0)
    bounds = ((round(south, 4), round(min(focus_lons), 4)), (round(north, 4), round(max(focus_lons), 4)))
    if title is None:
        title = "Parties: " + ", ".join(party_names)
        if venue_names:
            title += "; venues: " + ", ".join(venue_names)
    return MapPlan(
        title=title,
        markers=tuple(markers),
        lines=tuple(lines),
        legend=legend,
        notes=tuple(notes),
        frame_east_deg=east,
        bounds=bounds,
        lon_range=(min(all_lons), max(all_lons)),
    )


def _legend(
    markers: Sequence[DrawnMarker], lines: Sequence[DrawnLine], venues: Sequence[Located]
) -> tuple[LegendEntry, ...]:
    entries = [LegendEntry("party", PARTY_COLOR, "circle")]
    kinds_of_venue: dict[tuple[str, str], int] = {}
    for venue in venues:
        key = (getattr(venue, "status", "") or "venue", getattr(venue, "color", VENUE_COLOR))
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
# ---------------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _basemap_geojson() -> str:
    from geo.errors import DataError
    from geo.places.gazetteer import data_dir

    path = data_dir() / BASEMAP_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError(f"basemap {path} is missing; rebuild it with scripts/build_basemap.py") from None
    if any(token in text for token in ("{{", "{%", "{#")):  # folium renders it again as Jinja
        raise DataError(f"basemap {path} contains Jinja delimiters; rebuild it")
    return text.replace("</", "<\\/")


class CountriesBasemap(Layer):
    """Natural Earth 1:110m countries as a Leaflet GeoJSON layer, in its own pane below the paths.

    The GeoJSON is embedded once and drawn at every 360° offset the map needs, so countries
    also appear behind paths and markers that lie outside [-180, 180].
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            {{ this._parent.get_name() }}.createPane("geoBasemap");
            {{ this._parent.get_name() }}.getPane("geoBasemap").style.zIndex = 250;
            var {{ this.get_name() }} = L.layerGroup([], {attribution: {{ this.attribution_js }}});
            (function (group) {
                var data = {{ this.data }};
                {{ this.offsets_js }}.forEach(function (offset) {
                    L.geoJSON(data, {
                        pane: "geoBasemap",
                        interactive: false,
                        style: {{ this.style_js }},
                        coordsToLatLng: function (c) { return L.latLng(c[1], c[0] + offset); }
                    }).addTo(group);
                });
            })({{ this.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, offsets: Sequence[int], name: str, show: bool = True) -> None:
        super().__init__(name=name, overlay=False, control=True, show=show)
        self._name = "CountriesBasemap"
        self.data = _basemap_geojson()
        self.offsets_js = json.dumps([int(o) for o in offsets])
        self.attribution_js = js_string(NATURAL_EARTH_ATTRIBUTION)
        self.style_js = json.dumps(
            {"color": "#9e9e9e", "weight": 0.6, "fillColor": "#f4f1ea", "fillOpacity": 1.0}
        )


class Legend(folium.MacroElement):
    """A Leaflet control showing prebuilt (already escaped) HTML; stays visible in fullscreen."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = L.control({position: "bottomleft"});
            {{ this.get_name() }}.onAdd = function () {
                var div = L.DomUtil.create("div", "geo-legend");
                div.innerHTML = {{ this.html_js }};
                L.DomEvent.disableClickPropagation(div);
                L.DomEvent.disableScrollPropagation(div);
                return div;
            };
            {{ this.get_name() }}.addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, html_content: str) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self._name = "Legend"
        self.html_js = js_string(html_content)


class FitBounds(folium.MacroElement):
    """Fit the map to the drawing, keeping it clear of the legend (bottom left) as drawn and of
    the zoom, fullscreen and ruler buttons (a 60 px column at the top left).

    The legend's height depends on the page width (its text wraps), so the bottom padding is
    measured in the browser: the distance from the legend's top to the map's bottom, at most
    60 % of the map's height; 170 px if nothing can be measured (a map not yet laid out).
    Clicking the legend's title folds it away, for small maps.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            (function (map) {
                var pad = 170;
                var legend = map.getContainer().querySelector(".geo-legend");
                var height = map.getSize().y;
                if (legend && height > 0) {
                    var box = map.getContainer().getBoundingClientRect();
                    var top = legend.getBoundingClientRect().top - box.top;
                    if (top > 0) { pad = Math.min(Math.max(height - top + 10, 40), 0.6 * height); }
                    var title = legend.querySelector(".geo-title");
                    if (title) {
                        title.title = "Click to fold or unfold the legend";
                        title.style.cursor = "pointer";
                        L.DomEvent.on(title, "click", function () { legend.classList.toggle("geo-folded"); });
                    }
                }
                map.fitBounds(
                    {{ this.bounds_js }}, {paddingTopLeft: [60, 40], paddingBottomRight: [30, pad]}
                );
            })({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, south: float, west: float, north: float, east: float) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self._name = "FitBounds"
        self.bounds_js = json.dumps([[south, west], [north, east]])


_PAGE_CSS = """<style>
div.folium-map.leaflet-container { background: #cfe2ee; }
.geo-legend { background: rgba(255,255,255,0.92); padding: 6px 9px; font: 12px/1.45 sans-serif;
  border-radius: 4px; box-shadow: 0 1px 4px rgba(0,0,0,0.3); max-width: 340px; }
.geo-legend .geo-title { font-weight: bold; margin-bottom: 3px; }
.geo-legend .geo-note { color: #7a2b00; margin-top: 3px; }
.geo-legend.geo-folded > :not(.geo-title) { display: none; }
.geo-legend.geo-folded .geo-title::after { content: " ▸"; }
.geo-swatch { display: inline-block; width: 18px; height: 10px; margin-right: 6px; vertical-align: middle; }
.geo-swatch.circle { width: 10px; border-radius: 50%; margin: 0 10px 0 4px; }
.geo-popup table { border-collapse: collapse; font: 12px sans-serif; }
.geo-popup th { text-align: left; font-weight: normal; color: #555; padding: 1px 8px 1px 0; }
.geo-popup td { text-align: right; padding: 1px 0; }
</style>"""


# The Leaflet measure plugin computes on a sphere; the map says so next to its own numbers.
MEASURE_NOTE = "Numbers in tooltips: WGS84 geodesics. Ruler tool: spherical estimate, up to 0.6 % off."


def _legend_html(plan: MapPlan) -> str:
    parts = [f'<div class="geo-title">{html_text(plan.title)}</div>']
    for entry in plan.legend:
        if entry.shape == "circle":
            swatch = f'<span class="geo-swatch circle" style="background:{html_text(entry.color)}"></span>'
        else:
            style = "dashed" if entry.shape == "dashed" else "solid"
            swatch = (
                f'<span class="geo-swatch" style="height:0;border-top:3px {style} '
                f'{html_text(entry.color)}"></span>'
            )
        parts.append(f"<div>{swatch}{html_text(entry.label)}</div>")
    parts += [f'<div class="geo-note">{html_text(note)}</div>' for note in plan.notes]
    parts.append(f'<div class="geo-note geo-measure-note">{html_text(MEASURE_NOTE)}</div>')
    return "".join(parts)


def _popup(title: str, rows: Sequence[tuple[str, str]]) -> folium.Popup:
    body = "".join(f"<tr><th>{html_text(k)}</th><td>{html_text(v)}</td></tr>" for k, v in rows)
    content = f'<div class="geo-popup"><b>{html_text(title)}</b><table>{body}</table></div>'
    # An Element (not a str) so that folium does not re-escape backticks; html_text did it all.
    return folium.Popup(Html(content, script=True), max_width=360)


def _tooltip(text: str) -> folium.Tooltip:
    return folium.Tooltip(html_text(text), sticky=True)


def _offsets(lon_range: tuple[float, float]) -> list[int]:
    lo, hi = lon_range
    first = math.floor((lo - 30.0 + 180.0) / 360.0)
    last = math.floor((hi + 30.0 + 180.0) / 360.0)
    return [360 * k for k in range(first, last + 1)]


def render_plan(plan: MapPlan, *, basemap: bool = True) -> folium.Map:
    """Draw a :class:`MapPlan` as a folium map with deterministic element ids.

    Parameters
    ----------
    plan : MapPlan
    basemap : bool
        Embed the Natural Earth countries basemap (about 170 kB) as the default base layer,
        with OpenStreetMap tiles as a second, hidden base layer. Without it, OpenStreetMap is
        the only base layer (online use).
    """
    (south, west), (north, east) = plan.bounds
    m = folium.Map(
        location=[(south + north) / 2, (west + east) / 2],
        zoom_start=2,
        tiles=None,
        control_scale=True,
        world_copy_jump=False,
        zoom_snap=0.25,
    )
    # Only Leaflet and jQuery (folium's popups call $()); no Bootstrap or Font Awesome, as
    # circle markers need neither. Instance attributes: the class lists are shared.
    m.default_js = [(name, url) for name, url in m.default_js if name in ("leaflet", "jquery")]
    m.default_css = [(name, url) for name, url in m.default_css if name == "leaflet_css"]
    root = m.get_root()
    assert isinstance(root, Figure)
    root.header.add_child(Element(_PAGE_CSS), name="geo_css")

    if basemap:
        CountriesBasemap(_offsets(plan.lon_range), "Countries (built in, works offline)").add_to(m)
    folium.TileLayer(
        OSM_TILES, attr=OSM_ATTRIBUTION, name="OpenStreetMap (online)", max_zoom=19, show=not basemap
    ).add_to(m)

    groups: dict[str, folium.FeatureGroup] = {}

    def group(name: str) -> folium.FeatureGroup:
        if name not in groups:
            groups[name] = folium.FeatureGroup(name=name, overlay=True, control=True, show=True)
        return groups[name]

    line_groups = {
        "ring": "Range rings",
        "equidistant": "Equidistant line",
        "direct": "Direct path and midpoint",
        "flight": "Flight paths",
        "best-path": "Best point and minimax circle",
        "minimax": "Best point and minimax circle",
    }
    for kind in ("ring", "equidistant", "direct", "flight", "best-path", "minimax"):
        for line in plan.lines:
            if line.kind != kind:
                continue
            folium.PolyLine(  # type: ignore[no-untyped-call]
                list(zip(line.lats, line.lons, strict=True)),
                color=line.color,
                weight=line.weight,
                opacity=0.9,
                dash_array=line.dash,
                class_name=f"geo-line geo-{line.kind}",
                tooltip=_tooltip(line.label),
            ).add_to(group(line_groups[kind]))
    marker_groups = {
        "midpoint": ("Direct path and midpoint", 5),
        "best": ("Best point and minimax circle", 8),
        "venue": ("Venues", 7),
        "party": ("Parties", 8),
    }
    for kind in ("midpoint", "best", "venue", "party"):
        name, radius = marker_groups[kind]
        for marker in plan.markers:
            if marker.kind != kind:
                continue
            folium.CircleMarker(
                [marker.lat, marker.lon],
                radius=radius,
                color="#ffffff" if kind != "midpoint" else MIDPOINT_COLOR,
                weight=2,
                fill=True,
                fill_color=marker.color,
                fill_opacity=0.95,
                class_name=f"geo-marker geo-{kind}",
                tooltip=_tooltip(marker.tooltip),
                popup=_popup(marker.name, marker.popup),
            ).add_to(group(name))
    for fg in groups.values():
        fg.add_to(m)

    Legend(_legend_html(plan)).add_to(m)
    folium.plugins.Fullscreen(position="topleft").add_to(m)  # type: ignore[no-untyped-call]
    folium.plugins.MeasureControl(  # type: ignore[no-untyped-call]
        position="topleft",
        primary_length_unit="kilometers",
        secondary_length_unit="miles",
        primary_area_unit="sqkilometers",
        secondary_area_unit="acres",
    ).add_to(m)
    folium.LayerControl(collapsed=True, position="topright").add_to(m)
    FitBounds(south, west, north, east).add_to(m)  # clear of the legend and the scale bar
    freeze_ids(m)
    return m


def freeze_ids(m: folium.Map) -> None:
    """Replace folium's random element ids with sequential ones, in tree order.

    folium names each element ``<kind>_<32 random hex digits>`` and keys children by that
    name; both the ids and the keys are rewritten, so rendering is deterministic. Call it
    after the last element is added and before rendering.
    """
    root = m.get_root()
    seen: set[int] = set()
    order: list[Element] = []

    def walk(element: Element) -> None:
        if id(element) in seen:
            return
        seen.add(id(element))
        order.append(element)
        for child in list(element._children.values()):
            walk(child)
        for attr in ("header", "html", "script"):
            extra = getattr(element, attr, None)
            if isinstance(extra, Element):
                walk(extra)

    walk(root)
    old_names = {id(el): el.get_name() for el in order}
    for number, element in enumerate(order):
        element._id = f"{number:04d}"
    for element in order:
        element._children = type(element._children)(
            (child.get_name() if key == old_names.get(id(child)) else key, child)
            for key, child in element._children.items()
        )


def build_map(
    parties: Sequence[Located],
    venues: Sequence[Located] = (),
    *,
    best: BestMark | None = None,
    equidistant: LineLike | None = None,
    rings_km: Sequence[float] = (),
    title: str | None = None,
    basemap: bool = True,
) -> folium.Map:
    """A deterministic folium map of parties, venues, geodesic flight paths and the rest.

    Parameters are those of :func:`plan_map`, plus ``basemap`` (see :func:`render_plan`).
    Write it out with :func:`geo.maps.offline_html.export_html`.

    Examples
    --------
    >>> from geo.maps.plan import MapPoint, build_map
    >>> m = build_map([MapPoint("Washington", 38.9072, -77.0369), MapPoint("Beijing", 39.9042, 116.4074)])
    >>> html = m.get_root().render()
    >>> "L.polyline" in html and "Geodesic midpoint" in html
    True
    """
    plan = plan_map(parties, venues, best=best, equidistant=equidistant, rings_km=rings_km, title=title)
    return render_plan(plan, basemap=basemap)


# ---------------------------------------------------------------------------------------------
# Adapters for the results of check, compare and best
# ---------------------------------------------------------------------------------------------


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value:+.1f} %"


def venue_mark_for_check(result: CheckResult) -> VenueMark:
    """The checked venue as a :class:`VenueMark` coloured by its verdict."""
    rows: list[tuple[str, str]] = [("verdict", result.verdict)]
    if result.split is not None:
        rows.append(("split", f"{100 * result.split[0]:.0f} / {100 * result.split[1]:.0f} %"))
    if result.detour_km is not None:
        rows.append(("detour", f"+{format_km(result.detour_km)} ({_pct(result.detour_pct)})"))
    if result.cross_track_km is not None:
        rows.append(("off the direct path", format_km(result.cross_track_km)))
    if result.venue_to_midpoint_km is not None:
        rows.append(("to the midpoint", format_km(result.venue_to_midpoint_km)))
    v = result.venue
    facts = ""
    legs: tuple[str, ...] = ()
    if result.neutral is not None:  # summit facts (geo.analysis.check.with_facts)
        from geo.report.facts import venue_text

        tz, offset = getattr(v, "timezone", None), getattr(v, "utc_offset_hours", None)
        facts = venue_text(v.country, v.country_name, tz, offset, result.neutral)
        rows += [("host country", facts)]
        legs = tuple(_leg(p) for p in result.parties)
    return VenueMark(
        v.name,
        v.lat,
        v.lon,
        result.verdict,
        VERDICT_COLORS.get(result.verdict, VENUE_COLOR),
        tuple(rows),
        facts,
        legs,
    )


def _leg(party: Any) -> str:
    """Flight-path tooltip text of a party with summit facts (check ``Party`` or ``PartyFacts``)."""
    from geo.report.facts import leg_text

    return leg_text(party) if getattr(party, "flight_hours", None) is not None else ""


def party_points(
    parties: Sequence[Any], facts: Sequence[Any] | None = None, *, range_rings: bool = False
) -> list[MapPoint]:
    """Parties as :class:`MapPoint` with their summit facts (country, time zone) when known.

    Parameters
    ----------
    parties : sequence of objects with ``name``, ``lat``, ``lon``
        Check ``Party`` objects carry their facts themselves.
    facts : sequence, optional
        One :class:`geo.facts.summit.PartyFacts` per party (e.g. from a compared venue); default
        the parties themselves.
    range_rings : bool
        Give a party whose facts name an aircraft a ring of that aircraft's range.
    """
    from geo.report.facts import party_text

    out = []
    for i, p in enumerate(parties):
        f = facts[i] if facts is not None else p
        known = getattr(f, "timezone", None) is not None and getattr(f, "utc_offset_hours", None) is not None
        text = party_text(f) if known else ""
        details = (("country, time zone", text),) if text else ()
        range_km = getattr(f, "aircraft_range_km", None) if range_rings else None
        label = f"{f.aircraft} range" if range_km is not None else ""
        out.append(MapPoint(p.name, p.lat, p.lon, text, details, range_km, label))
    return out


def map_for_check(
    result: CheckResult,
    *,
    equidistant: LineLike | None = None,
    rings_km: Sequence[float] = (),
    basemap: bool = True,
    range_rings: bool = False,
) -> folium.Map:
    """Map of a halfway check: both parties, the venue coloured by its verdict, paths, midpoint.

    With summit facts (:func:`geo.analysis.check.with_facts`) the tooltips show host country, time
    zones, neutrality, flight times and overflown countries; ``range_rings`` draws each
    party's aircraft range.
    """
    a, b = result.parties
    title = f"Is {result.venue.name} halfway between {a.name} and {b.name}? {result.verdict.capitalize()}"
    return build_map(
        party_points([a, b], range_rings=range_rings),
        [venue_mark_for_check(result)],
        equidistant=equidistant,
        rings_km=rings_km,
        title=title,
        basemap=basemap,
    )


def venue_marks_for_compare(result: Any) -> list[VenueMark]:
    """Venues of a compare result (``geo.analysis.scoring.CompareResult``) coloured by rank."""
    venues = list(result.venues)
    count = len(venues)
    marks = []
    for venue in venues:
        rank = int(venue.rank)
        rows: list[tuple[str, str]] = [("rank", f"{rank} of {count}")]
        for label, attr in (("farthest party", "max_km"), ("sum of distances", "sum_km")):
            value = getattr(venue, attr, None)
            if value is not None:
                rows.append((label, format_km(float(value))))
        detour = getattr(venue, "detour_pct", None)
        if detour is not None:
            rows.append(("detour", _pct(float(detour))))
        facts = ""
        legs: tuple[str, ...] = ()
        if getattr(venue, "parties", None) is not None:  # summit facts (geo.analysis.scoring.with_facts)
            from geo.report.facts import venue_text

            facts = venue_text(
                venue.country, venue.country_name, venue.timezone, venue.utc_offset_hours, venue.neutral
            )
            rows.append(("host country", facts))
            legs = tuple(_leg(p) for p in venue.parties)
        marks.append(
            VenueMark(
                venue.name,
                venue.lat,
                venue.lon,
                f"rank {rank} of {count}",
                rank_color(rank, count),
                tuple(rows),
                facts,
                legs,
            )
        )
    return marks


def map_for_compare(
    result: Any,
    *,
    equidistant: LineLike | None = None,
    rings_km: Sequence[float] = (),
    best: BestMark | None = None,
    basemap: bool = True,
    range_rings: bool = False,
) -> folium.Map:
    """Map of a venue comparison (``geo.analysis.scoring.CompareResult``): venues coloured by rank.

    With summit facts (:func:`geo.analysis.scoring.with_facts`) the tooltips show them, as in
    :func:`map_for_check`; ``range_rings`` draws each party's aircraft range.
    """
    parties = list(result.parties)
    title = "Venues for " + ", ".join(p.name for p in parties) + " ranked"
    venues = list(result.venues)
    facts = venues[0].parties if venues and getattr(venues[0], "parties", None) is not None else None
    return build_map(
        party_points(parties, facts, range_rings=range_rings),
        venue_marks_for_compare(result),
        best=best,
        equidistant=equidistant,
        rings_km=rings_km,
        title=title,
        basemap=basemap,
    )


def best_mark(result: Any, objective: str = "") -> BestMark:
    """A :class:`BestMark` from an optimisation result.

    ``result`` has ``max_km``, ``sum_km`` and either ``lat``/``lon`` (``geo.analysis.optimize.Optimum``)
    or a ``point`` with them; ``objective``, ``method`` and ``note`` are used when present.
    """
    point = getattr(result, "point", result)
    objective = objective or str(getattr(result, "objective", ""))
    details = tuple(
        (label, str(value))
        for label, value in (("method", getattr(result, "method", "")), ("note", getattr(result, "note", "")))
        if value
    )
    return BestMark(point.lat, point.lon, float(result.max_km), float(result.sum_km), objective, details)


def map_for_best(
    result: Any,
    parties: Sequence[Located] | None = None,
    *,
    objective: str = "",
    equidistant: LineLike | None = None,
    rings_km: Sequence[float] = (),
    basemap: bool = True,
) -> folium.Map:
    """Map of a best-meeting-point result (``geo.analysis.optimize.Optimum`` or a result with ``point``).

    Draws the parties, the best point with paths from each party and its minimax circle, and
    the result's suggested venues (``suggestions``, if any) as venues.
    """
    if parties is None:
        if not hasattr(result, "parties"):
            raise InvalidInputError("map_for_best needs the parties: this result does not carry them")
        parties = list(result.parties)
    parties = list(parties)
    suggestions = [s for s in getattr(result, "suggestions", ()) if hasattr(s, "lat")]
    venues = [VenueMark(s.name, s.lat, s.lon, "suggested venue", VENUE_COLOR) for s in suggestions]
    mark = best_mark(result, objective)
    title = "Best meeting point for " + ", ".join(p.name for p in parties)
    if mark.objective:
        title += f" ({mark.objective})"
    return build_map(
        parties, venues, best=mark, equidistant=equidistant, rings_km=rings_km, title=title, basemap=basemap
    )
