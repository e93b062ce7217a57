"""Airspace avoidance: the shortest path on the WGS84 ellipsoid that overflies none of some countries.

:func:`avoid_path` answers "how long is A → B if the aircraft will not overfly RU (or CN, KZ …)?".
The land is Natural Earth's 1:10m admin-0 polygons, the very polygons of
:mod:`geo.facts.countries` (their loaded tiles are reused), so a path this module returns is, by
the facts' own test, over none of the avoided countries. Only land counts: territorial waters
(12 nautical miles) and flight information regions are not modelled; ``buffer_km`` keeps the
path at least that far off the avoided land (default 0 km).

Why here. The module plans (a graph search over a projection) and so sits with the other
optimisations in :mod:`geo.analysis`; it needs only ``geo.core`` and ``geo.facts`` below it, and
the shells (CLI ``--avoid``, the dashboard) call it from above.

How (each step on a well-kept library):

1. **View.** PROJ's ellipsoidal gnomonic projection (Karney 2013, ``+proj=gnom`` on WGS84) centred
   on the leg's geodesic midpoint. Geodesics are nearly straight lines in it: an exact geodesic
   of 6,000 km strays at most 0.14 km from the chord between its ends, one of 10,000 km 1.3 km
   (measured; geodesics through the centre are exactly straight). The view covers
   :data:`VIEW_RADIUS_DEG` (80°) around the centre; a leg longer than :data:`MAX_LEG_KM` does not
   fit one view and is refused ("add a stop").
2. **Obstacles.** The avoided polygons (big tiles cut into 2° cells where they reach past the
   view), densified to 0.25° edges so that their straight longitude/latitude edges survive the
   projection, projected, then made *conservative and simple*: each piece simplified by ``t``
   (Douglas–Peucker moves an edge by at most ``t``), buffered outward by
   ``clearance + 2 t + buffer``, merged, and simplified by ``t`` again. The result contains the
   land with ``clearance + buffer`` to spare. ``t`` is the smallest of 0.1, 0.25, 0.5, 1, 2, …,
   32 km that leaves at most :data:`VERTEX_BUDGET` vertices (0.1 km for synthetic shapes, 4 km for
   Russia, 8 km for RU + CN + KZ, 16 km for RU + CA + MN). The clearance is
   :data:`CLEARANCE_KM` (0.25 km) plus 2 km × (leg / 10,000 km)⁴, above the stray of step 1. The
   buffer is converted from km on the ground to km on the plane with the
   projection's largest (radial) scale over each piece, so it is never less than ``buffer_km``.
   Everything beyond the view's edge is an obstacle too.
3. **Search.** A shortest path around polygons bends only at their convex corners and its legs
   are tangent to the obstacles at both ends (the reduced visibility graph). Those candidate legs
   are tested against the prepared obstacle with shapely's vectorized ``intersects``, weighted by
   their exact WGS84 geodesic length (pyproj), and searched with networkx's A* (heuristic: the
   geodesic to B, a lower bound).
4. **Verify.** Each leg of the answer, as an exact geodesic densified every 10 km, is intersected
   with the original polygons. Should one touch land (a geodesic strays from its planned chord by
   more than the clearance), the plan is redone with a clearance 4× larger, up to
   :data:`ATTEMPTS` times.

Every number reported is an exact geodesic computed by GeographicLib: ``length_km`` is the sum of
the legs between the waypoints, ``direct_km`` the direct geodesic. The planned path is a
polyline of geodesics bending a little off the coast (the clearance, the simplification and the
buffer), so it is longer than the true shortest path by a little: within 0.01 % of brute-force
optima around synthetic walls in the tests (the issue asks 0.5 %); on real coasts the coarser
simplification costs up to about 0.3 % (Washington → Beijing avoiding RU, CA and MN: 12,825 km
with the default budget, 12,788 km with a budget of 16,000 vertices, four times slower). Legs
across ±180°, near the poles and around islands need nothing special: the gnomonic plane has no
seam within the view.

An endpoint close to the land but outside it (Narva, on the Russian border) is let out: near it
the obstacle is the land itself, unsimplified and widened by the buffer only.

No path: an endpoint on the avoided land or within ``buffer_km`` of it, an endpoint enclosed by
the land, a leg longer than :data:`MAX_LEG_KM`, or a way around that would leave the view
raises :class:`~geo.errors.NoPathError` (an :class:`~geo.errors.InvalidInputError`) with one line
saying which. Unknown codes raise
:class:`~geo.errors.InvalidInputError`.

Examples
--------
>>> from geo.core.geodesy import LatLon
>>> p = avoid_path(LatLon(60.1699, 24.9384), LatLon(59.3293, 18.0686), ["RU"])  # Helsinki → Stockholm
>>> p.crosses_direct, p.extra_km, len(p.waypoints)
(False, 0.0, 2)
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import networkx as nx
import numpy as np
import numpy.typing as npt
import shapely
from geographiclib.geodesic import Geodesic
from pyproj import Geod, Proj

from geo.core.flight import flight_hours
from geo.core.geodesy import MEAN_RADIUS_KM, LatLon, densify, is_coincident, midpoint
from geo.errors import InvalidInputError, NoPathError
from geo.facts.countries import load_countries

__all__ = [
    "ATTEMPTS",
    "CLEARANCE_KM",
    "MAX_LEG_KM",
    "VERTEX_BUDGET",
    "VIEW_RADIUS_DEG",
    "AvoidedPath",
    "avoid_path",
    "avoid_path_polygons",
    "validate_codes",
]

VIEW_RADIUS_DEG = 80.0  # the planning view: a cap this far (geodesic angle) around the leg's midpoint
_PROJECTED_MAX_DEG = 85.0  # land pieces with a vertex farther than this are left out (beyond the view)
_CELL_DEG = 2.0  # tiles reaching past that limit are cut into cells this size (diagonal < 3°)
_SEGMENT_DEG = 0.25  # polygon edges are densified to this before projection (a 0.25° edge bows ≤ 20 m)
MAX_LEG_KM = 14_000.0  # a longer leg has an end more than 63° from the midpoint: not planned in one view
CLEARANCE_KM = 0.25  # planned legs keep at least this far (on the plane) from the obstacles, km
_STRAY_KM_AT_10000 = 2.0  # plus this × (leg / 10,000 km)⁴: a geodesic strays ≤ 1.3 km from its chord at
# 10,000 km, 0.14 km at 6,000 km, 6 m at 3,000 km (measured in the gnomonic view; it grows as length⁴)
ATTEMPTS = 3  # plans tried, the clearance 4× larger each time, before giving up
VERTEX_BUDGET = 6000  # the simplified obstacles keep at most about this many vertices
_TOLERANCES_KM = (0.1, 0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 32.0)  # simplifications tried, finest first
_QUAD_SEGS = 2  # buffer arcs drawn with 2 chords a quadrant: a chord sags by 1 - cos(22.5°) = 7.6 %
_CHORD = 1.0 / math.cos(math.pi / (4 * _QUAD_SEGS))  # so buffers are widened by this factor
_OFFSET_KM = 1e-3  # graph vertices sit 1 m outside their corner, so legs may touch corners
_VERIFY_STEP_KM = 10.0  # spacing of the exact geodesic vertices checked against the land
_EDGE_FRACTION = 0.999  # a waypoint this close to the view's edge means the way around leaves it
_CORE_KM = 30.0  # the fast first obstacle test uses the obstacle eroded by 2× this, simplified by this
_VIEW_SIDES = 720  # polygon standing for the view's edge (inscribed, so inside the true circle)

_WGS84 = Geodesic.WGS84
_GEOD = Geod(ellps="WGS84")
FloatArray = npt.NDArray[np.float64]
GeomArray = npt.NDArray[np.object_]


@dataclass(frozen=True)
class AvoidedPath:
    """The shortest path found from ``a`` to ``b`` that overflies none of the avoided land.

    Attributes
    ----------
    waypoints : tuple of (lat, lon)
        Degrees WGS84, from ``a`` to ``b`` inclusive; consecutive waypoints are joined by the
        shortest geodesic. Just ``(a, b)`` when the direct path is clear.
    length_km : float
        Sum of the exact geodesic legs between the waypoints, km (GeographicLib).
    direct_km : float
        The direct geodesic from ``a`` to ``b``, km.
    avoided : tuple of str
        What was avoided: ISO alpha-2 codes for :func:`avoid_path`, labels for synthetic shapes.
    buffer_km : float
        The requested distance kept from the avoided land, km.
    crosses_direct : bool
        Whether the direct geodesic crosses the avoided land (if not, the path is the direct one).
    """

    waypoints: tuple[tuple[float, float], ...]
    length_km: float
    direct_km: float
    avoided: tuple[str, ...]
    buffer_km: float
    crosses_direct: bool

    @property
    def extra_km(self) -> float:
        """Length over the direct geodesic, km (0 when the direct path is kept)."""
        return self.length_km - self.direct_km

    @property
    def extra_pct(self) -> float:
        """Length over the direct geodesic, percent (0 for coincident endpoints)."""
        return 100.0 * self.extra_km / self.direct_km if self.direct_km > 0 else 0.0

    @property
    def extra_hours(self) -> float:
        """Flight hours over the direct geodesic's (:func:`geo.core.flight.flight_hours` of each)."""
        hours = flight_hours([self.length_km, self.direct_km])
        return float(hours[0] - hours[1])

    @property
    def legs_km(self) -> tuple[float, ...]:
        """The exact geodesic length of each leg between consecutive waypoints, km."""
        return tuple(_geodesic_km(p, q) for p, q in itertools.pairwise(self.waypoints))

    def densified(self, max_step_km: float = 10.0) -> tuple[FloatArray, FloatArray]:
        """Vertices along the whole path for drawing: every leg densified as an exact geodesic.

        Longitudes are unwrapped across the legs (no step exceeds 180°, so the line stays
        continuous across ±180° on a web map); waypoints are vertices.

        Parameters
        ----------
        max_step_km : float
            Largest spacing of consecutive vertices along each leg, km, > 0.

        Returns
        -------
        lats, lons : ndarray
            Degrees.

        Examples
        --------
        >>> p = avoid_path_polygons(LatLon(0, 0), LatLon(0, 10), [])
        >>> lats, lons = p.densified(500)
        >>> lons.round(3).tolist()
        [0.0, 3.333, 6.667, 10.0]
        """
        lats: list[FloatArray] = []
        lons: list[FloatArray] = []
        for (lat1, lon1), (lat2, lon2) in itertools.pairwise(self.waypoints):
            la, lo = densify(LatLon(lat1, lon1), LatLon(lat2, lon2), max_step_km)
            start = 0 if not lats else 1
            lats.append(la[start:])
            lons.append(lo[start:])
        lat = np.concatenate(lats)
        lon = np.unwrap(np.concatenate(lons), period=360.0)
        return lat, lon - 360.0 * round((lon[0] - self.waypoints[0][1]) / 360.0)


def validate_codes(avoid: Iterable[str]) -> tuple[str, ...]:
    """The avoided countries as ISO 3166-1 alpha-2 codes of the polygons, upper-case, deduplicated.

    Parameters
    ----------
    avoid : iterable of str
        Codes as in :mod:`geo.facts.countries` (``RU``, ``CN``, ``XK`` …), any case.

    Raises
    ------
    InvalidInputError
        A code is not one of the polygons' codes; the message says where to find them and
        suggests the code when a country name was given.

    Examples
    --------
    >>> validate_codes(["ru", "CN", "RU"])
    ('RU', 'CN')
    >>> validate_codes(["Russia"])
    Traceback (most recent call last):
    ...
    geo.errors.InvalidInputError: unknown country code 'Russia' (did you mean RU?); codes are ISO 3166-1 \
alpha-2 as in data/countries_10m.csv, the codes that the facts' 'overflies' lists show
    """
    index = load_countries()
    out: list[str] = []
    for raw in avoid:
        code = str(raw).strip()[:60]
        if index.by_code(code.upper()) is None:
            named = [c.iso_a2 for c in index.countries if c.iso_a2 and code.lower() in c.name.lower()]
            hint = f" (did you mean {', '.join(named[:3])}?)" if named and len(code) > 2 else ""
            raise InvalidInputError(
                f"unknown country code {code!r}{hint}; codes are ISO 3166-1 alpha-2 as in "
                "data/countries_10m.csv, the codes that the facts' 'overflies' lists show"
            )
        if code.upper() not in out:
            out.append(code.upper())
    return tuple(out)


def avoid_path(a: LatLon, b: LatLon, avoid: Sequence[str], *, buffer_km: float = 0.0) -> AvoidedPath:
    """The shortest path from ``a`` to ``b`` that overflies none of the listed countries' land.

    Parameters
    ----------
    a, b : LatLon
        The ends of the leg.
    avoid : sequence of str
        ISO 3166-1 alpha-2 codes (:func:`validate_codes`). Dependencies are separate features:
        list ``CN HK MO`` to avoid them all (see :func:`geo.facts.countries.same_state_codes`).
    buffer_km : float
        Distance to keep from the avoided land, km, ≥ 0 (default 0). It is at least this on the
        ground, more near the edge of a wide view (the projection's scale is applied at its largest).

    Returns
    -------
    AvoidedPath
        The direct geodesic when it already avoids the land.

    Raises
    ------
    InvalidInputError
        An unknown code or a bad ``buffer_km``.
    NoPathError
        ``a`` or ``b`` is on the avoided land or within ``buffer_km`` of it; the leg is longer than
        :data:`MAX_LEG_KM` and must be split; or the way around leaves the planning view.

    Examples
    --------
    >>> helsinki, tokyo = LatLon(60.1699, 24.9384), LatLon(35.6762, 139.6503)
    >>> p = avoid_path(helsinki, tokyo, ["RU"])
    >>> p.crosses_direct, round(p.direct_km), 2000 < p.extra_km < 3000
    (True, 7837, True)
    """
    codes = validate_codes(avoid)
    index = load_countries()
    rows = [index.countries.index(c) for c in (index.by_code(code) for code in codes) if c is not None]
    tiles = index.tiles[np.isin(index.tile_row, rows)]
    return _avoid(a, b, tiles, codes, buffer_km)


def avoid_path_polygons(
    a: LatLon,
    b: LatLon,
    obstacles: Sequence[shapely.Geometry],
    *,
    buffer_km: float = 0.0,
    labels: Sequence[str] = (),
) -> AvoidedPath:
    """:func:`avoid_path` around any polygons: the hook for synthetic obstacles in tests and tools.

    Parameters
    ----------
    a, b : LatLon
    obstacles : sequence of shapely Polygon or MultiPolygon
        In (lon, lat) degrees, edges straight in longitude and latitude (as Natural Earth's).
        Longitudes may run past ±180° (e.g. 170 to 190) for a shape across the antimeridian.
    buffer_km : float
        As in :func:`avoid_path`.
    labels : sequence of str
        Names reported in :attr:`AvoidedPath.avoided`.

    Examples
    --------
    >>> wall = shapely.box(4.99, -5, 5.01, 5)          # a thin wall across the equator at 5° E
    >>> p = avoid_path_polygons(LatLon(0, 0), LatLon(0, 10), [wall], labels=["wall"])
    >>> p.crosses_direct, round(p.direct_km, 1), round(p.length_km, 1)
    (True, 1113.2, 1569.4)
    >>> from geo.core.geodesy import distance_km
    >>> round(2 * distance_km(0, 0, 5, 5), 1)          # the optimum: round an end of the wall
    1568.1
    """
    geoms = np.asarray(list(obstacles), dtype=object)
    polygonal = shapely.get_type_id(geoms) if geoms.size else np.array([], dtype=int)
    if not np.isin(polygonal, (3, 6)).all():
        raise InvalidInputError("obstacles must be shapely Polygons or MultiPolygons in (lon, lat) degrees")
    parts = shapely.get_parts(geoms) if geoms.size else geoms
    return _avoid(a, b, parts, tuple(labels), buffer_km)


def _avoid(a: LatLon, b: LatLon, land: GeomArray, avoided: tuple[str, ...], buffer_km: float) -> AvoidedPath:
    if not (isinstance(buffer_km, int | float) and math.isfinite(buffer_km) and buffer_km >= 0):
        raise InvalidInputError(f"buffer_km must be a number ≥ 0 km, not {buffer_km!r}")
    direct = _geodesic_km((a.lat, a.lon), (b.lat, b.lon))
    checker = _Land(land)
    for end in (a, b):
        if checker.contains(end):
            raise NoPathError(
                f"({end.lat:g}, {end.lon:g}) is on the avoided land ({_names(avoided)}): no path"
            )
    crosses = not is_coincident(a, b) and checker.crosses(a, b)
    if not crosses and buffer_km == 0:
        return _result([a, b], direct, avoided, buffer_km, crosses)
    if direct > MAX_LEG_KM:
        raise NoPathError(
            f"a leg of {direct:,.0f} km is longer than {MAX_LEG_KM:,.0f} km, more than one planning view "
            "covers: add a stop"
        )
    clearance = CLEARANCE_KM + _STRAY_KM_AT_10000 * (direct / 10_000.0) ** 4
    for _ in range(ATTEMPTS):
        waypoints = _plan(a, b, land, buffer_km, clearance, avoided)
        if not any(checker.crosses(p, q) for p, q in itertools.pairwise(waypoints)):
            return _result(waypoints, direct, avoided, buffer_km, crosses)
        clearance *= 4.0
    raise NoPathError(f"no path avoiding {_names(avoided)} could be verified against the polygons")


def _names(avoided: tuple[str, ...]) -> str:
    return ", ".join(avoided) or "the obstacles"


def _geodesic_km(p: tuple[float, float], q: tuple[float, float]) -> float:
    return float(_WGS84.Inverse(p[0], p[1], q[0], q[1])["s12"]) / 1000.0


def _result(
    points: Sequence[LatLon], direct: float, avoided: tuple[str, ...], buffer_km: float, crosses: bool
) -> AvoidedPath:
    waypoints = tuple((p.lat, p.lon) for p in points)
    length = sum(_geodesic_km(p, q) for p, q in itertools.pairwise(waypoints))
    return AvoidedPath(waypoints, length, direct, avoided, float(buffer_km), crosses)


class _Land:
    """The avoided polygons in (lon, lat), with their copies 360° east and west, for exact checks."""

    def __init__(self, polygons: GeomArray) -> None:
        copies = [
            shapely.transform(polygons, lambda xy, s=s: xy + np.array([s, 0.0])) for s in (0.0, 360.0, -360.0)
        ]
        self.polygons = np.concatenate(copies) if polygons.size else polygons
        self.tree = shapely.STRtree(self.polygons)
        shapely.prepare(self.polygons)

    def contains(self, p: LatLon) -> bool:
        """Whether ``p`` lies on (or on the edge of) the land."""
        return bool(self.tree.query(shapely.points(p.lon, p.lat), predicate="intersects").size)

    def crosses(self, p: LatLon, q: LatLon) -> bool:
        """Whether the exact geodesic ``p``–``q``, densified every 10 km, meets the land."""
        if is_coincident(p, q):
            return self.contains(p)
        lats, lons = densify(p, q, _VERIFY_STEP_KM)
        return bool(self.tree.query(shapely.linestrings(lons, lats), predicate="intersects").size)


class _View:
    """PROJ's ellipsoidal gnomonic projection centred on a point; plane coordinates in km."""

    def __init__(self, centre: LatLon) -> None:
        self.centre = centre
        self.proj = Proj(f"+proj=gnom +ellps=WGS84 +lat_0={centre.lat!r} +lon_0={centre.lon!r} +units=m")
        self.radius_km = MEAN_RADIUS_KM * math.tan(math.radians(VIEW_RADIUS_DEG))
        c = _unit(np.array([centre.lat]), np.array([centre.lon]))[0]
        self._c = c

    def angle_deg(self, lons: FloatArray, lats: FloatArray) -> FloatArray:
        """Angular distance from the centre on a sphere, degrees (good to a fraction of a degree)."""
        cosines = np.clip(_unit(lats, lons) @ self._c, -1.0, 1.0)
        return np.asarray(np.degrees(np.arccos(cosines)), dtype=np.float64)

    def forward(self, lonlat: FloatArray) -> FloatArray:
        x, y = self.proj(lonlat[:, 0], lonlat[:, 1])
        return np.column_stack([x, y]) / 1000.0

    def inverse(self, xy: FloatArray) -> tuple[FloatArray, FloatArray]:
        lon, lat = self.proj(xy[:, 0] * 1000.0, xy[:, 1] * 1000.0, inverse=True)
        return np.asarray(lat, dtype=np.float64), (np.asarray(lon, dtype=np.float64) + 180.0) % 360.0 - 180.0


def _unit(lats: FloatArray, lons: FloatArray) -> FloatArray:
    la, lo = np.radians(lats), np.radians(lons)
    return np.column_stack([np.cos(la) * np.cos(lo), np.cos(la) * np.sin(lo), np.sin(la)])


def _pieces_in_view(land: GeomArray, view: _View) -> GeomArray:
    """The land as pieces whose every vertex projects (≤ 85° from the centre), densified."""
    if land.size == 0:
        return land
    land = shapely.segmentize(land, _SEGMENT_DEG)
    coords, owner = shapely.get_coordinates(land, return_index=True)
    angle = view.angle_deg(coords[:, 0], coords[:, 1])
    far = np.zeros(land.size, dtype=bool)
    near = np.zeros(land.size, dtype=bool)
    np.logical_or.at(far, owner, angle > _PROJECTED_MAX_DEG)
    np.logical_or.at(near, owner, angle <= _PROJECTED_MAX_DEG)
    whole = land[~far]
    straddling = land[far & near]
    if straddling.size == 0:
        return whole
    cells = _cut_into_cells(straddling)
    coords, owner = shapely.get_coordinates(cells, return_index=True)
    far_cell = np.zeros(cells.size, dtype=bool)
    np.logical_or.at(far_cell, owner, view.angle_deg(coords[:, 0], coords[:, 1]) > _PROJECTED_MAX_DEG)
    return np.concatenate([whole, cells[~far_cell]])


def _cut_into_cells(polygons: GeomArray) -> GeomArray:
    """The polygons cut along a 2° grid (pieces small enough to keep or drop whole)."""
    out: list[GeomArray] = []
    for poly, (x0, y0, x1, y1) in zip(polygons, shapely.bounds(polygons), strict=True):
        xs = np.arange(math.floor(x0 / _CELL_DEG) * _CELL_DEG, x1, _CELL_DEG)
        ys = np.arange(math.floor(y0 / _CELL_DEG) * _CELL_DEG, y1, _CELL_DEG)
        gx, gy = np.meshgrid(xs, ys)
        boxes = shapely.box(gx.ravel(), gy.ravel(), gx.ravel() + _CELL_DEG, gy.ravel() + _CELL_DEG)
        parts = shapely.get_parts(shapely.intersection(poly, boxes))
        parts = parts[np.isin(shapely.get_type_id(parts), (3, 6))]
        out.append(shapely.segmentize(shapely.get_parts(parts), _SEGMENT_DEG))
    return np.concatenate(out)


def _tolerance_km(pieces: GeomArray) -> float:
    """The smallest simplification tolerance that leaves at most :data:`VERTEX_BUDGET` vertices.

    Counted on the pieces simplified without topology checks (fast, a close estimate).
    """
    for tol in _TOLERANCES_KM:
        simple = shapely.simplify(pieces, tol, preserve_topology=False)
        if int(shapely.get_num_coordinates(simple).sum()) <= VERTEX_BUDGET:
            return tol
    return _TOLERANCES_KM[-1]


def _buffer_plane_km(pieces: GeomArray, buffer_km: float) -> FloatArray:
    """``buffer_km`` on the ground as km on the plane, per piece, at the piece's largest scale."""
    coords, owner = shapely.get_coordinates(pieces, return_index=True)
    rho = np.zeros(pieces.size)
    np.maximum.at(rho, owner, np.hypot(coords[:, 0], coords[:, 1]))
    scale = 1.01 * (1.0 + (rho / MEAN_RADIUS_KM) ** 2)  # gnomonic radial scale 1/cos²θ, plus 1 %
    return np.asarray(buffer_km * scale * _CHORD, dtype=np.float64)


def _obstacle(pieces: GeomArray, buffer_km: float, clearance_km: float) -> shapely.Geometry:
    """The planning obstacle on the plane: contains every piece with ``clearance + buffer`` to spare.

    Each piece is simplified by ``t`` (its edges move by at most ``t``), buffered by
    ``clearance + 2 t + buffer``, the whole merged and simplified by ``t`` again (module step 2).
    """
    if pieces.size == 0:
        return shapely.Polygon()
    tol = _tolerance_km(pieces)
    grow = (clearance_km + 2 * tol) * _CHORD + _buffer_plane_km(pieces, buffer_km)
    grown = shapely.buffer(shapely.simplify(pieces, tol), grow, quad_segs=_QUAD_SEGS)
    return shapely.simplify(shapely.union_all(grown), tol)


def _land_near(pieces: GeomArray, xy: FloatArray, reach_km: float, buffer_km: float) -> shapely.Geometry:
    """The land within ``reach_km`` of a point of the plane, widened by the buffer only."""
    near = pieces[shapely.dwithin(pieces, shapely.Point(xy), reach_km)]
    if near.size == 0:
        return shapely.Polygon()
    if buffer_km:
        near = shapely.buffer(near, _buffer_plane_km(near, buffer_km), quad_segs=_QUAD_SEGS)
    return shapely.union_all(near)


def _project(land: GeomArray, view: _View) -> GeomArray:
    pieces = _pieces_in_view(land, view)
    return shapely.transform(pieces, view.forward) if pieces.size else pieces


def _plan(
    a: LatLon, b: LatLon, land: GeomArray, buffer_km: float, clearance_km: float, avoided: tuple[str, ...]
) -> list[LatLon]:
    """Waypoints of the shortest path on the plane around the planning obstacle (module steps 1–3)."""
    view = _View(midpoint(a, b))
    pieces = _project(land, view)
    planning = _obstacle(pieces, buffer_km, clearance_km)
    ends = view.forward(np.array([[a.lon, a.lat], [b.lon, b.lat]]))
    for end, xy in zip((a, b), ends, strict=True):
        planning = _free_endpoint(
            planning, pieces, xy, buffer_km, clearance_km, f"({end.lat:g}, {end.lon:g})"
        )
    outside = shapely.difference(
        shapely.box(*(np.array([-1, -1, 1, 1]) * 4 * view.radius_km)),
        shapely.Point(0, 0).buffer(view.radius_km, quad_segs=_VIEW_SIDES // 4),
    )
    obstacle = shapely.orient_polygons(shapely.union(planning, outside))
    corners = _corners(obstacle)
    route = _search(corners, ends, obstacle, view, (a, b))
    if any(np.hypot(*corners.xy[i]) >= _EDGE_FRACTION * view.radius_km for i in route[1:-1]):
        raise NoPathError(
            f"the way around {_names(avoided)} leaves the {VIEW_RADIUS_DEG:g}° planning view around the "
            "leg's midpoint: add a stop"
        )
    lats, lons = view.inverse(corners.xy[route[1:-1]]) if len(route) > 2 else (np.empty(0), np.empty(0))
    middle = [LatLon(float(la), float(lo)) for la, lo in zip(lats, lons, strict=True)]
    return [a, *middle, b]


def _free_endpoint(
    planning: shapely.Geometry,
    pieces: GeomArray,
    xy: FloatArray,
    buffer_km: float,
    clearance_km: float,
    label: str,
) -> shapely.Geometry:
    """Refuse an endpoint within the buffer; let one in the planning margins out.

    Near such an endpoint (as far as the margins reach) the obstacle becomes the land itself
    widened by the buffer only, so a party close to an avoided border can still leave.
    """
    point = shapely.Point(xy)
    if not shapely.intersects(planning, point):
        return planning
    reach = shapely.distance(point, shapely.boundary(planning)) + clearance_km
    land = _land_near(pieces, xy, reach, buffer_km)
    if shapely.intersects(land, point):
        raise NoPathError(f"{label} is within {buffer_km:g} km of the avoided land: no path")
    disk = point.buffer(reach, quad_segs=16)
    return shapely.union(shapely.difference(planning, disk), shapely.intersection(land, disk))


@dataclass(frozen=True)
class _Corners:
    """Convex corners of the obstacle (candidate bends) with their ring neighbours, on the plane."""

    xy: FloatArray  # the corner moved 1 m outward, (n + 2, 2): the two endpoints are appended last
    prev: FloatArray  # the neighbour before, (n, 2)
    next: FloatArray  # the neighbour after, (n, 2)


def _cross(u: FloatArray, v: FloatArray) -> FloatArray:
    return np.asarray(u[..., 0] * v[..., 1] - u[..., 1] * v[..., 0], dtype=np.float64)


def _corners(obstacle: shapely.Geometry) -> _Corners:
    """Corners where the (oriented: obstacle on the left) boundary turns left, i.e. juts out."""
    rings = shapely.get_rings(shapely.get_parts(obstacle))
    xy, prev, nxt = [], [], []
    for ring in rings:
        c = shapely.get_coordinates(ring)[:-1]
        if len(c) < 3:
            continue
        xy.append(c)
        prev.append(np.roll(c, 1, axis=0))
        nxt.append(np.roll(c, -1, axis=0))
    v, p, n = (np.concatenate(x) if x else np.empty((0, 2)) for x in (xy, prev, nxt))
    convex = _cross(v - p, n - v) > 0
    v, p, n = v[convex], p[convex], n[convex]
    back = (p - v) / np.linalg.norm(p - v, axis=1)[:, None]
    ahead = (n - v) / np.linalg.norm(n - v, axis=1)[:, None]
    out = -(back + ahead)
    out /= np.maximum(np.linalg.norm(out, axis=1), 1e-12)[:, None]
    return _Corners(v + _OFFSET_KM * out, p, n)


def _tangent_at(corners: _Corners, towards: FloatArray) -> npt.NDArray[np.bool_]:
    """(m, n) mask: a line from each of ``m`` points through corner j leaves both neighbours on one side."""
    d = corners.xy[None, : len(corners.prev)] - towards[:, None]
    s_prev = _cross(d, corners.prev[None] - corners.xy[None, : len(corners.prev)])
    s_next = _cross(d, corners.next[None] - corners.xy[None, : len(corners.prev)])
    return np.asarray(s_prev * s_next >= 0)


def _candidate_legs(corners: _Corners, ends: FloatArray) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]]:
    """Pairs (i, j) of the reduced visibility graph before the obstacle test: tangent at both ends.

    Nodes ``0 … n-1`` are the corners, ``n`` and ``n + 1`` the endpoints (no tangency asked there).
    """
    n = len(corners.prev)
    tangent = _tangent_at(corners, corners.xy[:n])  # [i, j]: the line from i is tangent at j
    i, j = np.nonzero(np.triu(tangent & tangent.T, 1))
    from_ends = _tangent_at(corners, ends)
    pairs_i = [i, np.full(int(from_ends[0].sum()), n), np.full(int(from_ends[1].sum()), n + 1), np.array([n])]
    pairs_j = [j, np.flatnonzero(from_ends[0]), np.flatnonzero(from_ends[1]), np.array([n + 1])]
    return np.concatenate(pairs_i).astype(np.intp), np.concatenate(pairs_j).astype(np.intp)


def _core(obstacle: shapely.Geometry) -> shapely.Geometry:
    """A simpler polygon inside the obstacle (eroded 60 km, simplified 30 km): a fast first test."""
    return shapely.simplify(shapely.buffer(obstacle, -2 * _CORE_KM, quad_segs=1), _CORE_KM)


def _free_legs(obstacle: shapely.Geometry, segments: GeomArray) -> npt.NDArray[np.bool_]:
    """Which segments miss the obstacle: those through its core are out at once, the rest tested."""
    core = _core(obstacle)
    shapely.prepare(core)
    free = ~shapely.intersects(core, segments)
    shapely.prepare(obstacle)
    free[free] = ~shapely.intersects(obstacle, segments[free])
    return np.asarray(free)


def _search(
    corners: _Corners, ends: FloatArray, obstacle: shapely.Geometry, view: _View, ab: tuple[LatLon, LatLon]
) -> list[int]:
    """Node indices of the shortest path from ``a`` (node n) to ``b`` (node n + 1); networkx A*."""
    n = len(corners.prev)
    nodes = _Corners(np.concatenate([corners.xy, ends]), corners.prev, corners.next)
    i, j = _candidate_legs(nodes, ends)
    free = _free_legs(obstacle, shapely.linestrings(np.stack([nodes.xy[i], nodes.xy[j]], axis=1)))
    i, j = i[free], j[free]
    lats, lons = view.inverse(nodes.xy)
    lats[n:], lons[n:] = [ab[0].lat, ab[1].lat], [ab[0].lon, ab[1].lon]  # the endpoints themselves
    _, _, metres = _GEOD.inv(lons[i], lats[i], lons[j], lats[j])
    _, _, to_b = _GEOD.inv(lons, lats, np.full(lons.size, lons[n + 1]), np.full(lats.size, lats[n + 1]))
    graph = nx.Graph()
    graph.add_weighted_edges_from(
        zip(i.tolist(), j.tolist(), (np.asarray(metres) / 1000.0).tolist(), strict=True)
    )
    heuristic = (np.asarray(to_b) / 1000.0).tolist()
    try:
        route: list[int] = nx.astar_path(
            graph, n, n + 1, heuristic=lambda u, _: heuristic[u], weight="weight"
        )
    except (nx.NetworkXNoPath, nx.NodeNotFound):
        raise NoPathError(
            f"no path avoids the land within {VIEW_RADIUS_DEG:g}° of the leg's midpoint: an end is enclosed "
            "by it, or the way round needs more than one view (add a stop)"
        ) from None
    return route


MAX_DETOUR_LEGS = 40  # legs planned around avoided airspace per question (about 1 s each when blocked)


@dataclass(frozen=True)
class Detour:
    """One leg flown around avoided airspace, as reported: the path, or why there is none.

    Attributes
    ----------
    start, end : str
        Names of the leg's ends.
    avoided : tuple of str
        ISO codes avoided.
    direct_km : float
        The direct geodesic, km.
    length_km, extra_km, extra_hours : float or None
        The path around (sum of exact geodesic legs), its excess over the direct geodesic in km and
        in flight hours; ``None`` when there is no path.
    waypoints : tuple of (lat, lon)
        The path's turning points, ends included (empty when there is no path).
    crosses_direct : bool
        Whether the direct geodesic overflies the avoided land.
    nonstop : bool or None
        With an aircraft range: whether the path around is within it.
    no_path : str
        Why there is no path ("" when there is one).
    """

    start: str
    end: str
    avoided: tuple[str, ...]
    direct_km: float
    length_km: float | None
    extra_km: float | None
    extra_hours: float | None
    waypoints: tuple[tuple[float, float], ...]
    crosses_direct: bool
    nonstop: bool | None = None
    no_path: str = ""


def detour(
    start: str,
    a: LatLon,
    end: str,
    b: LatLon,
    avoid: Sequence[str],
    *,
    buffer_km: float = 0.0,
    range_km: float | None = None,
) -> Detour:
    """The leg ``start`` → ``end`` around the avoided countries, or why no path exists.

    Raises only for bad input (unknown code, bad buffer); "no path" is an answer.

    Examples
    --------
    >>> d = detour("Moscow", LatLon(55.7558, 37.6173), "Tokyo", LatLon(35.6762, 139.6503), ["RU"])
    >>> d.length_km, d.no_path[:40]
    (None, 'Moscow is on the avoided land (RU): no p')
    """
    codes = validate_codes(avoid)
    direct = float(_GEOD.inv(a.lon, a.lat, b.lon, b.lat)[2]) / 1000.0
    try:
        path = avoid_path(a, b, codes, buffer_km=buffer_km)
    except NoPathError as exc:
        text = str(exc)
        for name, p in ((start, a), (end, b)):
            text = text.replace(f"({p.lat:g}, {p.lon:g})", name)
        return Detour(
            start, end, codes, direct, None, None, None, (), True, None if range_km is None else False, text
        )
    nonstop = None if range_km is None else path.length_km <= range_km
    return Detour(
        start,
        end,
        codes,
        path.direct_km,
        path.length_km,
        path.extra_km,
        path.extra_hours,
        path.waypoints,
        path.crosses_direct,
        nonstop,
    )
