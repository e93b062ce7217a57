"""Where a claim would be true: halfway and fairness zones on the WGS84 ellipsoid.

A *zone* is every point of the globe where a rule holds:

``halfway`` / ``roughly halfway`` (two parties)
    The verdict rule of :func:`geo.analysis.check.check_halfway` with the current thresholds:
    detour at most 5 % (15 %) and split within 2.5 (10) points of 50/50.
``equal distance`` (two parties)
    The split alone within the "halfway" tolerance: a band along the equidistant line, all
    round the globe.
``minimax`` / ``minsum`` (2 to 20 weighted parties)
    The points whose longest trip (weighted total) is within ``p`` % of the optimum of
    :func:`geo.analysis.optimize.optimum`.

**Method.** Each zone is the set where a continuous function ``g`` of the point is ≤ 0
(``g = max(detour/limit, offset/tolerance) − 1``, ``max dᵢ / ((1 + p)·max*) − 1``, …), and each
such ``g`` changes by at most ``L`` per km moved (a geodesic distance changes by at most 1 km
per km). A zone is traced from a centre inside it (the geodesic midpoint, the optimum) along
geodesic rays. On each ray the crossings of ``g = 0`` are found by sampling that is *certified*
with ``L``: an interval whose two ends have the same sign and ``|g₀| + |g₁| > L·length``
cannot contain a crossing, and every other interval is split until it is settled. A ray with
more than one crossing means the zone is not star-shaped around its centre and is refused
rather than drawn wrong. Each crossing is solved to 1 m (Illinois regula falsi on exact
geodesics). Rays are added between neighbours until the boundary point on the middle ray lies
within :data:`CHORD_TOLERANCE_KM` of the straight longitude/latitude edge between them, so the
polygon's edges (straight in longitude/latitude, as GeoJSON draws them) stay within
:data:`EDGE_TOLERANCE_KM` of the true edge; the tests check that against brute force.

The equal-distance band is the globe minus two "lobes", the points markedly closer to one
party. Each lobe is traced from its party, around which it is provably star-shaped:
along any shortest path leaving A, ``dA − k·dB`` grows at a rate of at least ``1 − k > 0``.

**Polygons.** Rings go round the zone; the polygons (shapely, longitude/latitude in
[-180, 180]) are cut at ±180° and closed along the pole's parallel when a zone contains a
pole, as RFC 7946 asks. The area is GeographicLib's, of the traced ring (pole-enclosing rings
included). Membership of a point (a venue, an airport) is never read off the polygon: it is
``g`` at that point, exact. The distance from a venue to a zone's edge is minimised over the
true boundary, not the polygon's vertices.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
import numpy.typing as npt
import shapely
from pyproj import Geod

from geo.analysis.check import PlaceRef, Thresholds
from geo.analysis.check import _widest_detour_pct as widest_detour_pct
from geo.analysis.optimize import optimum
from geo.analysis.scoring import check_party_count, distance_matrix_km, validate_weights
from geo.core.geodesy import COINCIDENT_TOLERANCE_KM, LatLon, is_nearly_antipodal, midpoint
from geo.core.units import format_km
from geo.errors import InvalidInputError
from geo.places.gazetteer import Place

FloatArray = npt.NDArray[np.float64]

OBJECTIVES = ("halfway", "minimax", "minsum")
DEFAULT_WITHIN_PCT = 5.0
MAX_WITHIN_PCT = 50.0
EDGE_TOLERANCE_KM = 1.0  # promised: polygon edges within this of the true edge
CHORD_TOLERANCE_KM = 0.5  # the middle of every cut lies this close to the true edge
ROOT_TOLERANCE_KM = 0.001  # the edge's crossings of cell sides, to 1 m
LEVEL0_DEG = 4.0  # the quadtree's top cells
_ROWS0, _COLS0 = 45, 90
MAX_LEVEL = 14  # finest cells 4°/2¹⁴ ≈ 27 m of latitude
MAX_CELL_KM = 60.0  # cells along the edge are at most this tall; features narrower may be missed
MIN_CELL_KM = 0.05
EARTH_AREA_KM2 = 510_065_621.724  # WGS84 ellipsoid surface (GeographicLib), km²

_GEOD = Geod(ellps="WGS84")


class ZoneError(InvalidInputError):
    """A zone that cannot be traced as asked (too large, not star-shaped, degenerate)."""


# ---------------------------------------------------------------------------------------------
# The functions whose sub-level sets are the zones
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Field:
    """``g(point) ≤ 0`` inside the zone; ``g`` changes by at most ``lipschitz`` per km."""

    value: Callable[[FloatArray, FloatArray], FloatArray]
    lipschitz: float
    centre: LatLon

    def at(self, lat: float, lon: float) -> float:
        return float(self.value(np.array([lat], dtype=np.float64), np.array([lon], dtype=np.float64))[0])


def _distances(lats: FloatArray, lons: FloatArray, plats: FloatArray, plons: FloatArray) -> FloatArray:
    """(points × parties) geodesic km (threaded for large blocks: PROJ releases the GIL)."""
    return distance_matrix_km(lats, lons, plats, plons)


def _pair(a: LatLon, b: LatLon) -> tuple[float, FloatArray, FloatArray]:
    direct = _distances(np.array([a.lat]), np.array([a.lon]), np.array([b.lat]), np.array([b.lon]))[0, 0]
    return float(direct), np.array([a.lat, b.lat]), np.array([a.lon, b.lon])


def _split_term(d: FloatArray, k: float, direct: float) -> FloatArray:
    """≤ 0 exactly when ``|dA/(dA+dB) − ½| ≤ tolerance``, written as ``k·dB ≤ dA`` and
    ``k·dA ≤ dB`` with ``k = (½ − tolerance)/(½ + tolerance)``: the same points, but a value that
    keeps growing away from the band (the ratio form flattens out far from both parties, which
    would force tiny cells all over the globe). Scaled to −½ at the midpoint."""
    return np.asarray(np.maximum(k * d[:, 1] - d[:, 0], k * d[:, 0] - d[:, 1]) / ((1.0 - k) * direct))


def _k(split_tolerance: float) -> float:
    return (0.5 - split_tolerance) / (0.5 + split_tolerance)


def halfway_field(a: LatLon, b: LatLon, detour_pct: float, split_tolerance: float) -> Field:
    """The verdict rule's zone: detour ≤ ``detour_pct`` and ``|split − ½| ≤ split_tolerance``."""
    direct, plats, plons = _pair(a, b)
    k = _k(split_tolerance)

    def value(lats: FloatArray, lons: FloatArray) -> FloatArray:
        d = _distances(lats, lons, plats, plons)
        detour = (d[:, 0] + d[:, 1] - direct) * 100.0 / (direct * detour_pct) - 1.0
        return np.maximum(detour, _split_term(d, k, direct))

    lipschitz = max(200.0 / (direct * detour_pct), (1.0 + k) / ((1.0 - k) * direct))
    return Field(value, lipschitz, midpoint(a, b))


def band_field(a: LatLon, b: LatLon, split_tolerance: float) -> Field:
    """Points whose split is within ``split_tolerance`` of 50/50, whatever the detour."""
    direct, plats, plons = _pair(a, b)
    k = _k(split_tolerance)

    def value(lats: FloatArray, lons: FloatArray) -> FloatArray:
        return _split_term(_distances(lats, lons, plats, plons), k, direct)

    return Field(value, (1.0 + k) / ((1.0 - k) * direct), midpoint(a, b))


def minimax_field(
    plats: FloatArray, plons: FloatArray, w: FloatArray, best_km: float, pct: float, centre: LatLon
) -> Field:
    """Longest trip (parties with a positive weight) within ``pct`` % of ``best_km``."""
    keep = w > 0
    qlat, qlon = plats[keep], plons[keep]
    limit = best_km * (1.0 + pct / 100.0)

    def value(lats: FloatArray, lons: FloatArray) -> FloatArray:
        return np.asarray(_longest_km(lats, lons, qlat, qlon) / limit - 1.0)

    return Field(value, 1.0 / limit, centre)


SPHERE_MARGIN = 0.97  # parties this far below the spherical longest trip cannot be the longest


def _longest_km(lats: FloatArray, lons: FloatArray, plats: FloatArray, plons: FloatArray) -> FloatArray:
    """The exact longest geodesic from each point to the parties, computing only the candidates.

    A great circle on the mean sphere differs from the WGS84 geodesic by less than 0.6 % of the
    distance, so a party whose spherical distance is below 97 % of the point's spherical longest
    cannot be its longest (its geodesic is below 0.976 of that, the longest one's above 0.994):
    only the parties within 3 % of the spherical longest get an exact geodesic, usually one to
    three of twenty."""
    if plats.size <= 2:
        return np.asarray(_distances(lats, lons, plats, plons).max(axis=1))
    p1, p2 = np.radians(lats)[:, None], np.radians(plats)[None, :]
    dl = np.radians(lons[:, None] - plons[None, :])
    h = np.sin((p2 - p1) / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    sphere = 2 * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0)))
    rows, cols = np.nonzero(sphere >= SPHERE_MARGIN * sphere.max(axis=1, keepdims=True))
    _, _, metres = _GEOD.inv(lons[rows], lats[rows], plons[cols], plats[cols])
    out = np.full(lats.size, -np.inf)
    np.maximum.at(out, rows, np.asarray(metres) / 1000.0)
    return out


def minsum_field(
    plats: FloatArray, plons: FloatArray, w: FloatArray, best_km: float, pct: float, centre: LatLon
) -> Field:
    """Weighted total within ``pct`` % of ``best_km``."""
    limit = best_km * (1.0 + pct / 100.0)

    def value(lats: FloatArray, lons: FloatArray) -> FloatArray:
        return np.asarray(_distances(lats, lons, plats, plons) @ w / limit - 1.0)

    return Field(value, float(w.sum()) / limit, centre)


# ---------------------------------------------------------------------------------------------
# Tracing: an adaptive longitude/latitude quadtree certified with the Lipschitz bound
# ---------------------------------------------------------------------------------------------

_M_PER_DEG_LAT_MAX = 111.70  # km per degree of latitude, at most (at the poles: 111.694)
_KM_PER_DEG_LON_EQ = 111.33  # km per degree of longitude on the equator, at most (111.320)


@dataclass(frozen=True)
class Traced:
    """A zone as traced: polygons in lon/lat and the edge as lines.

    ``geometry`` is a shapely (Multi)Polygon cut at ±180°; ``edges`` a shapely MultiLineString of
    the true edge (no cut lines); ``cell_km`` the size of the finest cells along the edge.
    """

    geometry: object
    edges: object
    cell_km: float


def _evaluate(f: Field, ii: npt.NDArray[np.int64], jj: npt.NDArray[np.int64]) -> FloatArray:
    """g at grid nodes, each distinct node once."""
    keys = ii * (2 * (_COLS0 << MAX_LEVEL) + 1) + jj
    _, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
    return np.asarray(f.value(_lat_of(ii[first]), _lon_of(jj[first]))[inverse.reshape(-1)], dtype=np.float64)


def _lat_of(i: npt.NDArray[np.int64]) -> FloatArray:
    return np.asarray(-90.0 + i * (LEVEL0_DEG / (1 << MAX_LEVEL)), dtype=np.float64)


def _lon_of(j: npt.NDArray[np.int64]) -> FloatArray:
    return np.asarray(-180.0 + j * (LEVEL0_DEG / (1 << MAX_LEVEL)), dtype=np.float64)


def _cell_reach_km(i0: npt.NDArray[np.int64], size: int) -> FloatArray:
    """An upper bound of the distance from any corner of a cell to any point of it, km: along
    the meridian, then along the parallel (never shorter than the geodesic)."""
    deg = size * (LEVEL0_DEG / (1 << MAX_LEVEL))
    lat0, lat1 = _lat_of(i0), _lat_of(i0 + size)
    equatorward = np.where(lat0 * lat1 <= 0, 0.0, np.minimum(np.abs(lat0), np.abs(lat1)))
    return np.asarray(deg * _M_PER_DEG_LAT_MAX + deg * _KM_PER_DEG_LON_EQ * np.cos(np.radians(equatorward)))


def _split(
    ci: npt.NDArray[np.int64], cj: npt.NDArray[np.int64], gs: FloatArray, f: Field, size: int
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], FloatArray]:
    """The four children of each cell, their corners' g (parents' corners reused, the five new
    nodes of each parent evaluated once)."""
    h = size // 2
    ii = np.concatenate([ci, ci + h, ci + size, ci + h, ci + h])
    jj = np.concatenate([cj + h, cj + size, cj + h, cj, cj + h])
    bottom, right, top, left, centre = np.split(_evaluate(f, ii, jj), 5)
    g00, g01, g11, g10 = gs.T
    children_i = np.concatenate([ci, ci, ci + h, ci + h])
    children_j = np.concatenate([cj, cj + h, cj + h, cj])
    corners = np.concatenate([
        np.stack([g00, bottom, centre, left], axis=1),
        np.stack([bottom, g01, right, centre], axis=1),
        np.stack([centre, right, g11, top], axis=1),
        np.stack([left, centre, top, g10], axis=1),
    ])  # fmt: skip
    return children_i, children_j, corners


def _illinois(
    g_at: Callable[[FloatArray, npt.NDArray[np.int64]], FloatArray],
    lo: FloatArray,
    hi: FloatArray,
    glo: FloatArray,
    ghi: FloatArray,
    tol: float,
    *,
    max_rounds: int,
    active: npt.NDArray[np.bool_] | None = None,
) -> None:
    """Narrow every bracket ``[lo, hi]`` (g of opposite signs at its ends) round its root, in
    place, by Illinois regula falsi on all brackets at once, until it is narrower than ``tol``.
    ``g_at(x, idx)`` evaluates g at ``x`` on the brackets ``idx``; only ``active`` ones move."""
    side = np.zeros(lo.size, dtype=np.int8)  # which end moved last: -1 lo, +1 hi
    for _ in range(max_rounds):
        idx = np.flatnonzero((hi - lo > tol) if active is None else active & (hi - lo > tol))
        if idx.size == 0:
            break
        denom = ghi[idx] - glo[idx]
        x = lo[idx] - glo[idx] * (hi[idx] - lo[idx]) / np.where(denom == 0, 1.0, denom)
        x = np.where(~np.isfinite(x) | (x <= lo[idx]) | (x >= hi[idx]), 0.5 * (lo[idx] + hi[idx]), x)
        gx = g_at(x, idx)
        same = (gx <= 0) == (glo[idx] <= 0)
        li, hi_i = idx[same], idx[~same]
        lo[li], glo[li] = x[same], gx[same]
        hi[hi_i], ghi[hi_i] = x[~same], gx[~same]
        ghi[li[side[li] == -1]] *= 0.5  # the same end moved twice: halve the stale end's value
        glo[hi_i[side[hi_i] == 1]] *= 0.5
        side[li], side[hi_i] = -1, 1


def _edge_roots(
    f: Field,
    lat0: FloatArray,
    lon0: FloatArray,
    lat1: FloatArray,
    lon1: FloatArray,
    g0: FloatArray,
    g1: FloatArray,
    length_km: float,
) -> tuple[FloatArray, FloatArray]:
    """Where g = 0 on straight lon/lat edges whose ends have opposite signs, to 1 m (Illinois)."""
    lo, hi = np.zeros(lat0.size), np.ones(lat0.size)
    glo, ghi = np.where(g0 <= 0, g0, g1), np.where(g0 <= 0, g1, g0)
    inside_first = g0 <= 0  # t=0 is the inside end
    tol = ROOT_TOLERANCE_KM / max(length_km, 1e-9)

    def at(t: FloatArray, idx: npt.NDArray[np.int64]) -> FloatArray:
        s = np.where(inside_first[idx], t, 1.0 - t)
        return f.value(lat0[idx] + s * (lat1[idx] - lat0[idx]), lon0[idx] + s * (lon1[idx] - lon0[idx]))

    _illinois(at, lo, hi, glo, ghi, tol, max_rounds=100)
    t = 0.5 * (lo + hi)
    s = np.where(inside_first, t, 1.0 - t)
    return lat0 + s * (lat1 - lat0), lon0 + s * (lon1 - lon0)


def trace(f: Field) -> Traced:
    """Polygons of the zone ``g ≤ 0`` of ``f`` over the whole globe.

    Cells of a longitude/latitude quadtree (4° at the top) are split while their corners
    cannot prove them wholly inside or outside (same sign and ``|g| > L·reach``), down to cells
    of at most :data:`MAX_CELL_KM` (smaller for small zones: a quarter of the radius of the disc
    round the centre that ``g``'s bound proves inside). A cell whose corners differ is cut by
    the edge's exact crossings of its sides (marching squares) and split again until the chord
    lies within :data:`CHORD_TOLERANCE_KM` of the true edge at its quarter points. The chords,
    closed by the ±180° meridians, are polygonised, and each face is kept when ``g`` at a point
    inside it says so.
    """
    g_centre = f.at(f.centre.lat, f.centre.lon)
    inner = max(-g_centre, 0.0) / f.lipschitz
    # cells whose corners differ are cut (and kept when the cut is true) from MAX_CELL_KM down;
    # cells whose corners agree but cannot be proven whole are split down to target_km, a size
    # at which some node falls inside the disc round the centre that g's bound proves inside
    target_km = min(MAX_CELL_KM, max(inner / 1.5, MIN_CELL_KM))
    level = _level_for(target_km)
    cut_size = (1 << MAX_LEVEL) >> _level_for(MAX_CELL_KM)
    roots = _Roots()
    full = 1 << MAX_LEVEL
    ci, cj = np.meshgrid(np.arange(_ROWS0) * full, np.arange(_COLS0) * full, indexing="ij")
    cells_i, cells_j, size = ci.ravel(), cj.ravel(), full
    corners = [(cells_i + di, cells_j + dj) for di, dj in ((0, 0), (0, size), (size, size), (size, 0))]
    gs = _evaluate(f, np.concatenate([c[0] for c in corners]), np.concatenate([c[1] for c in corners]))
    gs = gs.reshape(4, -1).T
    chords: list[FloatArray] = []
    pieces: list[list[tuple[float, float]]] = []
    boxes: list[tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], int]] = []
    finest = size
    while cells_i.size:
        same = (gs <= 0).all(axis=1) | (gs > 0).all(axis=1)
        # every point of a cell lies within half its reach of some corner
        settled = same & (np.abs(gs).min(axis=1) > f.lipschitz * _cell_reach_km(cells_i, size) / 2.0)
        if size <= full >> level:
            # the corners decide (see MAX_CELL_KM) if the sides' middles and the centre agree: a
            # feature crossing one side twice (a thin tip) is found when it is half a cell thick
            maybe = np.flatnonzero(same & ~settled)
            if maybe.size and size > 1:
                _, _, kids = _split(cells_i[maybe], cells_j[maybe], gs[maybe], f, size)
                inside = (kids <= 0).reshape(4, maybe.size, 4).transpose(1, 0, 2).reshape(maybe.size, 16)
                settled[maybe] = inside.all(axis=1) | ~inside.any(axis=1)
            else:
                settled |= same
        boxes.append((cells_i[settled & (gs[:, 0] <= 0)], cells_j[settled & (gs[:, 0] <= 0)], size))
        cells_i, cells_j, gs = cells_i[~settled], cells_j[~settled], gs[~settled]
        cut = np.flatnonzero(~((gs <= 0).all(axis=1) | (gs > 0).all(axis=1)))
        if size <= cut_size and cut.size:
            finest = min(finest, size)
            cell_chords, cell_pieces, ok = _cut_cells(f, roots, cells_i[cut], cells_j[cut], size, gs[cut])
            ok = _with_neighbours_split(cells_i[cut], cells_j[cut], size, ok)
            if size == 1:
                ok[:] = True
            chords += [chord for cc, good in zip(cell_chords, ok, strict=True) if good for chord in cc]
            pieces += [piece for pp, good in zip(cell_pieces, ok, strict=True) if good for piece in pp]
            keep = np.ones(cells_i.size, dtype=bool)
            keep[cut[ok]] = False
            cells_i, cells_j, gs = cells_i[keep], cells_j[keep], gs[keep]
        if cells_i.size == 0:
            break
        cells_i, cells_j, gs = _split(cells_i, cells_j, gs, f, size)
        size //= 2
    geometry, edges = _assemble(f, boxes, pieces, chords)
    return Traced(geometry, edges, float(finest * LEVEL0_DEG / full * _M_PER_DEG_LAT_MAX))


def _level_for(km: float) -> int:
    """The first quadtree level whose cells are at most ``km`` tall."""
    level = 0
    while level < MAX_LEVEL and LEVEL0_DEG / (1 << level) * _M_PER_DEG_LAT_MAX > km:
        level += 1
    return level


def _with_neighbours_split(
    ci: npt.NDArray[np.int64], cj: npt.NDArray[np.int64], size: int, ok: npt.NDArray[np.bool_]
) -> npt.NDArray[np.bool_]:
    """Cut cells next to a cell that is split are split too, so that a cell kept at this size
    never shares a side with one split for a corner, a saddle or a narrow feature (where the
    side's crossings seen from the two sides could differ)."""
    if ok.all():
        return ok
    index = {(int(i), int(j)): n for n, (i, j) in enumerate(zip(ci.tolist(), cj.tolist(), strict=True))}
    out = ok.copy()
    for n in np.flatnonzero(~ok):
        i, j = int(ci[n]), int(cj[n])
        for key in ((i - size, j), (i + size, j), (i, j - size), (i, j + size)):
            m = index.get(key)
            if m is not None:
                out[m] = False
    return out


def _boxes(ci: npt.NDArray[np.int64], cj: npt.NDArray[np.int64], size: int) -> list[object]:
    """Cells wholly inside, merged: one coverage union per call (same-size cells share corners)."""

    if ci.size == 0:
        return []
    cells = shapely.box(_lon_of(cj), _lat_of(ci), _lon_of(cj + size), _lat_of(ci + size))
    return [shapely.coverage_union_all(cells)]


def _assemble(
    f: Field,
    boxes: list[tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], int]],
    pieces: list[list[tuple[float, float]]],
    chords: list[FloatArray],
) -> tuple[object, object]:
    """The zone's polygons and the edge's lines.

    When the chords close into rings (every end shared by two chords, or on ±180°) they are
    polygonised with the frame and each face is kept if ``g`` at a point inside it says so; when
    a narrow feature left a ring open (a side whose crossings two neighbouring cells of
    different sizes see differently), the union of the inside cells and cut-cell parts is used.
    """
    edges = shapely.line_merge(shapely.MultiLineString(chords)) if chords else shapely.MultiLineString()
    ends = np.concatenate(chords).reshape(-1, 2) if chords else np.empty((0, 2))
    inner = ends[np.abs(ends[:, 0]) != 180.0]
    _, counts = np.unique(inner, axis=0, return_counts=True)
    if (counts % 2 == 0).all():
        frame: list[FloatArray] = []
        for side in (-180.0, 180.0):
            lats = np.unique(np.concatenate([[-90.0, 90.0], ends[ends[:, 0] == side, 1]]))
            frame += [np.array([[side, a], [side, b]]) for a, b in itertools.pairwise(lats)]
        frame += [np.array([[-180.0, 90.0], [180.0, 90.0]]), np.array([[-180.0, -90.0], [180.0, -90.0]])]
        lines = [*(shapely.linestrings(np.stack(chords)).tolist() if chords else []),
                 *(shapely.LineString(fr) for fr in frame)]  # fmt: skip
        faces = np.array(shapely.get_parts(shapely.polygonize(lines)), dtype=object)
        if faces.size and abs(float(shapely.area(faces).sum()) - 360.0 * 180.0) < 1e-6:
            xy = shapely.get_coordinates(shapely.point_on_surface(faces))
            kept = list(faces[f.value(xy[:, 1], xy[:, 0]) <= 0])
            geometry = kept[0] if len(kept) == 1 else shapely.MultiPolygon(kept)
            return shapely.normalize(geometry), edges
    cells = [shapely.Polygon(ring) for ring in pieces]
    parts = np.array([*(b for i, j, size in boxes for b in _boxes(i, j, size)), *cells], dtype=object)
    geometry = shapely.union_all(parts) if parts.size else shapely.MultiPolygon()
    return shapely.normalize(geometry), edges


class _Roots:
    """The edge's crossing of each cell side, computed once and shared by the cells on both
    sides, also when one side was split finer (the finer cell reuses its parent side's root)."""

    def __init__(self) -> None:
        self.found: dict[tuple[int, int, int, int], tuple[float, float]] = {}

    def lookup(self, key: tuple[int, int, int, int]) -> tuple[float, float] | None:
        if key in self.found:
            return self.found[key]
        orient, fixed, start, size = key
        m = size * 2
        while m <= 1 << MAX_LEVEL:
            parent = (orient, fixed, start - start % m, m)
            if parent in self.found:
                lon, lat = self.found[parent]
                pos = lat if orient == 1 else lon
                ends = np.array([start, start + size])
                lo, hi = (_lat_of(ends) if orient == 1 else _lon_of(ends)).tolist()
                if lo <= pos <= hi:
                    self.found[key] = (lon, lat)
                    return lon, lat
                return None
            m *= 2
        return None


def _side_key(i0: int, j0: int, i1: int, j1: int) -> tuple[int, int, int, int]:
    """(orientation, fixed index, start index, length): 0 = along a parallel, 1 = along a meridian."""
    if i0 == i1:
        return (0, i0, min(j0, j1), abs(j1 - j0))
    return (1, j0, min(i0, i1), abs(i1 - i0))


def _cut_cells(
    f: Field, roots: _Roots, ci: npt.NDArray[np.int64], cj: npt.NDArray[np.int64], size: int, gs: FloatArray
) -> tuple[list[list[FloatArray]], list[list[list[tuple[float, float]]]], npt.NDArray[np.bool_]]:
    """Marching squares on cut cells: each cell's chords (lon/lat end points) and whether they are
    true to the edge (middle and quarters within tolerance, no saddle above the finest level)."""
    n = ci.size
    # corners counter-clockwise in (lon, lat): (i, j), (i, j+s), (i+s, j+s), (i+s, j)
    ri = np.stack([ci, ci, ci + size, ci + size], axis=1)
    rj = np.stack([cj, cj + size, cj + size, cj], axis=1)
    inside = gs <= 0
    nxt = np.array([1, 2, 3, 0])
    cross = inside != inside[:, nxt]
    c_idx, k_idx = np.nonzero(cross)
    keys = [_side_key(int(ri[c, k]), int(rj[c, k]), int(ri[c, nxt[k]]), int(rj[c, nxt[k]]))
            for c, k in zip(c_idx.tolist(), k_idx.tolist(), strict=True)]  # fmt: skip
    known = [roots.lookup(key) for key in keys]
    todo = [x for x, r in enumerate(known) if r is None]
    if todo:
        t = np.array(todo)
        c, k = c_idx[t], k_idx[t]
        k2 = nxt[k]
        length = size * LEVEL0_DEG / (1 << MAX_LEVEL) * _M_PER_DEG_LAT_MAX
        ends = _lat_of(ri[c, k]), _lon_of(rj[c, k]), _lat_of(ri[c, k2]), _lon_of(rj[c, k2])
        rlat, rlon = _edge_roots(f, *ends, gs[c, k], gs[c, k2], length)
        for x, la, lo in zip(todo, rlat.tolist(), rlon.tolist(), strict=True):
            roots.found.setdefault(keys[x], (lo, la))
            known[x] = roots.found[keys[x]]
    point: dict[tuple[int, int], tuple[float, float]] = {}
    for x, (c, k) in enumerate(zip(c_idx.tolist(), k_idx.tolist(), strict=True)):
        found = known[x]
        assert found is not None  # every crossing was solved above
        point[(c, k)] = found
    chords: list[list[FloatArray]] = []
    pieces: list[list[list[tuple[float, float]]]] = []
    ok = np.ones(n, dtype=bool)
    clat, clon = _lat_of(ri), _lon_of(rj)
    saddle_cells = []
    for c in range(n):
        ks = [k for k in range(4) if cross[c, k]]
        pts = [point[(c, k)] for k in ks]
        ring: list[tuple[float, float]] = []
        for k in range(4):
            if inside[c, k]:
                ring.append((float(clon[c, k]), float(clat[c, k])))
            if cross[c, k]:
                ring.append(point[(c, k)])
        pieces.append([ring])  # made a polygon only if the fallback union needs it
        if len(pts) == 2:
            chords.append([np.array(pts)])
        else:
            chords.append([])
            saddle_cells.append(c)
            ok[c] = False
    if saddle_cells:  # kept only at the finest level: pair the crossings by the centre's sign
        sc = np.array(saddle_cells)
        mid_lat = _lat_of(ci[sc] + size // 2) if size > 1 else (_lat_of(ci[sc]) + _lat_of(ci[sc] + 1)) / 2
        mid_lon = _lon_of(cj[sc] + size // 2) if size > 1 else (_lon_of(cj[sc]) + _lon_of(cj[sc] + 1)) / 2
        centre_in = f.value(np.asarray(mid_lat), np.asarray(mid_lon)) <= 0
        for c, cin in zip(saddle_cells, centre_in.tolist(), strict=True):
            p = [point[(c, k)] for k in range(4)]
            # corner 0 inside: a centre inside joins corners 0 and 2, so the cuts go round 1 and 3
            first_in = bool(inside[c, 0])
            pairs = ((0, 1), (2, 3)) if cin == first_in else ((3, 0), (1, 2))
            chords[c] = [np.array([p[a], p[b]]) for a, b in pairs]
            if not cin:  # the centre is outside: the inside corners are cut off from each other
                corner = [(float(clon[c, k]), float(clat[c, k])) for k in range(4)]
                tri = [(3, 0, 0), (1, 2, 2)] if first_in else [(0, 1, 1), (2, 3, 3)]
                pieces[c] = [[p[a], corner[k], p[b]] for a, k, b in tri]
    two = [c for c in range(n) if ok[c]]
    if two:
        ok[np.array(two)] = _chords_true(f, np.stack([chords[c][0] for c in two]))
    return chords, pieces, ok


def _chords_true(f: Field, ends: FloatArray) -> npt.NDArray[np.bool_]:
    """Whether the true edge passes within CHORD_TOLERANCE_KM of each chord at a quarter, half
    and three quarters of its length: g takes both signs at the points that far either side."""
    fwd_az, _, _ = _GEOD.inv(ends[:, 0, 0], ends[:, 0, 1], ends[:, 1, 0], ends[:, 1, 1])
    good = np.ones(ends.shape[0], dtype=bool)
    for t in (0.25, 0.5, 0.75):
        mid = ends[:, 0] + t * (ends[:, 1] - ends[:, 0])
        signs = []
        for turn in (90.0, -90.0):
            lo, la, _ = _GEOD.fwd(mid[:, 0], mid[:, 1], np.asarray(fwd_az) + turn,
                                  np.full(mid.shape[0], CHORD_TOLERANCE_KM * 1000.0))  # fmt: skip
            signs.append(f.value(np.asarray(la), np.asarray(lo)) <= 0)
        good &= signs[0] != signs[1]
    return good


# ---------------------------------------------------------------------------------------------
# Zones
# ---------------------------------------------------------------------------------------------

KINDS = ("halfway", "roughly halfway", "equal distance", "minimax", "minsum")


@dataclass(frozen=True)
class Zone:
    """One zone: where a rule holds.

    Attributes
    ----------
    kind : str
        One of :data:`KINDS`.
    rule : str
        The rule in words ("detour ≤ 5 % and split within 47.5–52.5 %").
    geometry : shapely geometry
        (Multi)Polygon in lon/lat, cut at ±180° (RFC 7946).
    edges : shapely geometry
        The zone's true edge as a MultiLineString in lon/lat (without the cuts at ±180°).
    area_km2 : float
        GeographicLib's area of ``geometry``.
    countries : tuple of str
        Names of the countries whose outlines the zone overlaps (Natural Earth 1:10m).
    airports : tuple of str
        "Name (IATA)" of the large airports inside (exact test), longest runway first.
    airport_count : int
        How many large airports lie inside.
    cell_km : float
        The size of the finest cells along the edge (how finely it was traced).
    """

    kind: str
    rule: str
    geometry: object
    edges: object
    area_km2: float
    countries: tuple[str, ...]
    airports: tuple[str, ...]
    airport_count: int
    cell_km: float
    rule_field: Field = field(repr=False, compare=False)

    def contains(self, lat: float, lon: float) -> bool:
        """Exact membership of a point (from the rule, not the polygon)."""
        return self.rule_field.at(lat, lon) <= 0


@dataclass(frozen=True)
class ZoneSet:
    """The zones of one question.

    Attributes
    ----------
    objective : str
        ``halfway`` (two parties), ``minimax`` or ``minsum``.
    parties : tuple of PlaceRef
    zones : tuple of Zone
    thresholds : Thresholds or None
        The verdict limits of halfway zones.
    within_pct : float or None
        ``p`` of minimax and minsum zones.
    centre : tuple of float
        The geodesic midpoint (halfway) or the optimum, (lat, lon).
    notes : tuple of str
    """

    objective: str
    parties: tuple[PlaceRef, ...]
    zones: tuple[Zone, ...]
    thresholds: Thresholds | None
    within_pct: float | None
    centre: tuple[float, float]
    notes: tuple[str, ...] = ()

    @cached_property
    def by_kind(self) -> dict[str, Zone]:
        return {z.kind: z for z in self.zones}


def _countries_in(geometry: object) -> tuple[str, ...]:
    from geo.facts.countries import load_countries

    index = load_countries()
    hits = index.tree.query(geometry, predicate="intersects")
    rows = sorted(set(index.tile_row[hits].tolist()))
    return tuple(sorted({index.countries[r].name for r in rows}))


def _airports_in(f: Field) -> tuple[tuple[str, ...], int]:
    from geo.places.tables import airport_table

    t = airport_table()
    big = np.flatnonzero(t.type == "large_airport")
    chosen = big[f.value(t.lat[big], t.lon[big]) <= 0]
    chosen = chosen[np.argsort(-t.runway_m[chosen], kind="stable")]
    names = tuple(f"{t.name[i]} ({t.iata[i]})" if t.iata[i] else t.name[i] for i in chosen)
    return names, int(chosen.size)


def geometry_area_km2(geometry: object) -> float:
    """Area of a lon/lat (Multi)Polygon on the WGS84 ellipsoid, km².

    Measured in the ellipsoidal cylindrical equal-area projection (``+proj=cea``, authalic: a
    planar area there is the area on the ellipsoid), after densifying every edge to 0.05°. Unlike
    a ring-by-ring geodesic area this needs no care for rings round a pole or the whole frame.
    """
    from pyproj import Transformer

    cea = Transformer.from_crs(
        "+proj=lonlat +ellps=WGS84", "+proj=cea +ellps=WGS84 +lat_ts=0", always_xy=True
    )
    dense = shapely.segmentize(geometry, 0.05)
    flat = shapely.transform(dense, lambda xy: np.column_stack(cea.transform(xy[:, 0], xy[:, 1])))
    return float(min(shapely.area(flat) / 1e6, EARTH_AREA_KM2))


def _zone(kind: str, rule: str, f: Field) -> Zone:
    traced = trace(f)
    names, count = _airports_in(f)
    geometry = traced.geometry
    return Zone(kind, rule, geometry, traced.edges, geometry_area_km2(geometry), _countries_in(geometry),
                names, count, traced.cell_km, f)  # fmt: skip


def _pct(x: float) -> str:
    return f"{x:g}"


def halfway_zones(a: Place | PlaceRef, b: Place | PlaceRef, thresholds: Thresholds | None = None) -> ZoneSet:
    """The halfway, roughly-halfway and equal-distance zones of two parties.

    Raises
    ------
    ZoneError
        The parties coincide or are nearly antipodal (the verdict is undefined there), or a
        threshold is 0 (the zone would have no area).

    Examples
    --------
    >>> from geo.places.resolve import resolve
    >>> zs = halfway_zones(resolve("Washington"), resolve("Beijing"))
    >>> [z.kind for z in zs.zones]
    ['halfway', 'roughly halfway', 'equal distance']
    >>> [zs.by_kind[k].contains(61.2181, -149.9003) for k in ("halfway", "roughly halfway")]
    [False, True]
    """
    t = thresholds or Thresholds()
    pa, pb = (p if isinstance(p, PlaceRef) else PlaceRef.of(p) for p in (a, b))
    A, B = pa.point, pb.point
    direct = float(
        _distances(np.array([A.lat]), np.array([A.lon]), np.array([B.lat]), np.array([B.lon]))[0, 0]
    )
    if direct < COINCIDENT_TOLERANCE_KM:
        raise ZoneError(f"{pa.name} and {pb.name} are the same place: no point lies between them")
    if is_nearly_antipodal(A, B):
        raise ZoneError(
            f"{pa.name} and {pb.name} are nearly antipodal ({format_km(direct)}): 'halfway' has no unique "
            "meaning, so it has no zone"
        )
    mid = midpoint(A, B)
    widest = widest_detour_pct(A, B, mid)
    if widest <= t.roughly_detour_pct:
        raise ZoneError(
            f"{pa.name} and {pb.name} are {format_km(direct)} apart, close to antipodal: every place on "
            f"Earth is within {widest:.1f} % of the way between them, so the verdict is undefined: no zone"
        )
    if min(t.halfway_detour_pct, t.halfway_split_tolerance) <= 0:
        raise ZoneError("a threshold of 0 makes a zone with no area; zones need thresholds above 0")
    h_split = 100 * t.halfway_split_tolerance
    r_split = 100 * t.roughly_split_tolerance
    specs = (
        ("halfway", f"detour ≤ {_pct(t.halfway_detour_pct)} % and split within "
         f"{_pct(50 - h_split)}–{_pct(50 + h_split)} %",
         halfway_field(A, B, t.halfway_detour_pct, t.halfway_split_tolerance)),
        ("roughly halfway", f"detour ≤ {_pct(t.roughly_detour_pct)} % and split within "
         f"{_pct(50 - r_split)}–{_pct(50 + r_split)} %",
         halfway_field(A, B, t.roughly_detour_pct, t.roughly_split_tolerance)),
        ("equal distance", f"split within {_pct(50 - h_split)}–{_pct(50 + h_split)} %, any detour",
         band_field(A, B, t.halfway_split_tolerance)),
    )  # fmt: skip
    # three independent traces: threads overlap their geodesics (PROJ releases the GIL)
    with ThreadPoolExecutor(max_workers=3) as pool:
        zones = tuple(pool.map(lambda spec: _zone(*spec), specs))
    return ZoneSet("halfway", (pa, pb), zones, t, None, (mid.lat, mid.lon))


def fairness_zone(
    parties: Sequence[Place | PlaceRef],
    objective: str = "minimax",
    within_pct: float = DEFAULT_WITHIN_PCT,
    weights: Sequence[float] | None = None,
) -> ZoneSet:
    """The points within ``within_pct`` % of the ``minimax`` or ``minsum`` optimum.

    Examples
    --------
    >>> from geo.places.resolve import resolve
    >>> zs = fairness_zone([resolve(n) for n in ("Washington", "Beijing", "Moscow")], "minimax", 5)
    >>> z = zs.zones[0]
    >>> z.kind, z.contains(*zs.centre)
    ('minimax', True)
    """
    if objective not in ("minimax", "minsum"):
        raise InvalidInputError(f"unknown objective {objective!r}; choose halfway, minimax or minsum")
    if not (isinstance(within_pct, int | float) and math.isfinite(within_pct)
            and 0 < within_pct <= MAX_WITHIN_PCT):  # fmt: skip
        raise InvalidInputError(
            f"--within must be a percentage above 0 and at most {MAX_WITHIN_PCT:g}, not {within_pct!r}"
        )
    refs = tuple(p if isinstance(p, PlaceRef) else PlaceRef.of(p) for p in parties)
    check_party_count(len(refs))
    plats = np.array([p.lat for p in refs], dtype=np.float64)
    plons = np.array([p.lon for p in refs], dtype=np.float64)
    w = validate_weights(weights, len(refs))
    opt = optimum(plats, plons, objective, weights)
    best_km = opt.max_km if objective == "minimax" else opt.sum_km
    if best_km < COINCIDENT_TOLERANCE_KM:
        raise ZoneError("the parties are all in one place: the zone is that point")
    make = minimax_field if objective == "minimax" else minsum_field
    f = make(plats, plons, w, best_km, within_pct, LatLon(opt.lat, opt.lon))
    what = "longest trip" if objective == "minimax" else "weighted total distance"
    limit = format_km(best_km * (1 + within_pct / 100))
    rule = f"{what} ≤ {limit} (the optimum, {format_km(best_km)}, + {_pct(within_pct)} %)"
    notes = () if opt.unique else ("other points score as well as the optimum",)
    return ZoneSet(
        objective, refs, (_zone(objective, rule, f),), None, float(within_pct), (opt.lat, opt.lon), notes
    )


# ---------------------------------------------------------------------------------------------
# Where a point lies
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Position:
    """Where a point lies relative to a zone.

    Attributes
    ----------
    kind : str
        The zone's kind.
    inside : bool
        Exact: the zone's rule at the point.
    edge_km : float
        Geodesic distance to the zone's true edge, km (the nearest point of the edge is found on
        the edge itself, solved to 1 mm, not on the polygon).
    edge_lat, edge_lon : float
        That nearest point of the edge.
    """

    kind: str
    inside: bool
    edge_km: float
    edge_lat: float
    edge_lon: float


def _onto_edge(f: Field, lat: float, lon: float, qlat: FloatArray, qlon: FloatArray) -> FloatArray:
    """Points of the true edge: each polygon point ``q`` moved along the geodesic from the
    venue through it to where g changes sign (the edge is within 1 km of ``q``), solved by
    Illinois regula falsi to 0.1 mm; (n, 3) lat, lon, km (km inf where no sign change)."""
    az, _, dist = _GEOD.inv(np.full(qlat.size, lon), np.full(qlat.size, lat), qlon, qlat)
    az, r = np.asarray(az), np.asarray(dist) / 1000.0
    lo, hi = np.maximum(r - 2.0 * EDGE_TOLERANCE_KM, 0.0), r + 2.0 * EDGE_TOLERANCE_KM

    def g_at(s: FloatArray, idx: npt.NDArray[np.int64]) -> FloatArray:
        x, y, _ = _GEOD.fwd(np.full(idx.size, lon), np.full(idx.size, lat), az[idx], s * 1000.0)
        return f.value(np.asarray(y), np.asarray(x))

    every = np.arange(r.size)
    glo, ghi = g_at(lo, every), g_at(hi, every)
    valid = (glo <= 0) != (ghi <= 0)
    _illinois(g_at, lo, hi, glo, ghi, 1e-7, max_rounds=60, active=valid)
    s = 0.5 * (lo + hi)
    x, y, _ = _GEOD.fwd(np.full(s.size, lon), np.full(s.size, lat), az, s * 1000.0)
    out = np.column_stack([np.asarray(y), np.asarray(x), s])
    out[~valid, 2] = np.inf
    return out


def position(zone: Zone, lat: float, lon: float) -> Position:
    """Whether (lat, lon) lies in ``zone`` and how far from its edge.

    Points along the drawn edge next to its three nearest vertices are moved onto the true
    edge (along the geodesic from the point), and the nearest is searched again on a finer and
    finer stretch round the best one: five rounds of 48 narrow it to millimetres.
    """
    f = zone.rule_field
    inside = f.at(lat, lon) <= 0
    lines = [np.asarray(line.coords) for line in shapely.get_parts(np.array([zone.edges], dtype=object))]
    if not lines:
        return Position(zone.kind, inside, math.inf, math.nan, math.nan)
    xy = np.concatenate(lines)
    line_of = np.concatenate([np.full(len(line), n) for n, line in enumerate(lines)])
    _, _, metres = _GEOD.inv(np.full(len(xy), lon), np.full(len(xy), lat), xy[:, 0], xy[:, 1])
    paths = []
    for v in np.argsort(np.asarray(metres))[:3].tolist():
        same = np.flatnonzero(line_of == line_of[v])
        a, b = max(v - 1, int(same[0])), min(v + 1, int(same[-1]))
        paths.append(xy[a : b + 1])  # the vertex and its neighbours on the same line
    lo_t = np.zeros(len(paths))
    hi_t = np.array([len(p) - 1.0 for p in paths])
    best = (math.inf, math.nan, math.nan)
    samples = 48
    for _ in range(5):
        pts, owner, ts = [], [], []
        for n, path in enumerate(paths):
            t = np.linspace(lo_t[n], hi_t[n], samples)
            i0 = np.minimum(t.astype(int), len(path) - 2) if len(path) > 1 else np.zeros(t.size, dtype=int)
            w = (t - i0)[:, None]
            pts.append(path[i0] * (1 - w) + path[np.minimum(i0 + 1, len(path) - 1)] * w)
            owner.append(np.full(samples, n))
            ts.append(t)
        p = np.concatenate(pts)
        q = _onto_edge(f, lat, lon, p[:, 1], (p[:, 0] + 180.0) % 360.0 - 180.0)
        k = int(np.argmin(q[:, 2]))
        if q[k, 2] < best[0]:
            best = (float(q[k, 2]), float(q[k, 0]), float(q[k, 1]))
        for n in range(len(paths)):  # each stretch narrows round its own best sample
            mine = np.flatnonzero(np.concatenate(owner) == n)
            kn = mine[int(np.argmin(q[mine, 2]))]
            t_all = np.concatenate(ts)
            step = (hi_t[n] - lo_t[n]) / (samples - 1)
            lo_t[n] = max(float(t_all[kn]) - step, 0.0)
            hi_t[n] = min(float(t_all[kn]) + step, len(paths[n]) - 1.0)
    return Position(zone.kind, inside, best[0], best[1], best[2])
