"""The fairest points on the WGS84 ellipsoid for 2 to 20 parties: global optima, not local ones.

Four objectives (:data:`OBJECTIVES`), each reported with the longest trip (``max_km``) and the
weighted total (``sum_km``) it leads to, all distances WGS84 geodesics:

``midpoint``
    The geodesic midpoint of two parties (GeographicLib's ``InverseLine(...).Position(s13/2)``).
``centroid``
    GeoMidpoint's "geographic midpoint" (centre of gravity): the weighted mean of the parties'
    unit vectors on a sphere, projected back to the surface. It is shown for comparison with
    that tool; it minimises nothing on the ellipsoid, and is undefined when the mean vector
    vanishes (e.g. two antipodal parties).
``minsum``
    The geometric median: the point with the smallest weighted total ``Σ wᵢ·dᵢ``.
``minimax``
    The 1-centre: the point whose longest trip is shortest.

Why global. On a globe these objectives have several local minima (a far party's distance is
concave beyond a quarter of the way round), so a descent from one start can stop in the wrong
basin. The methods here:

* minimax is solved *exactly* by enumeration. At a minimum of ``max dᵢ`` the zero vector lies
  in the convex hull of the gradients of the parties at the maximum distance (the gradient of
  a geodesic distance is minus the unit vector towards the party), so by Carathéodory's
  theorem in two dimensions the optimum is either the midpoint of two parties (gradients
  opposite) or a point equidistant from three. Every pair's geodesic midpoint and both
  equidistant points of every triple (found by Newton's method on the ellipsoid from the
  spherical circumcentres, to 0.1 mm) are candidates; the candidate with the smallest true
  maximum is the global optimum. 20 parties give 190 + 2,280 candidates.
* minsum starts from the 12 best local minima of a 3° global grid and from every party (the
  median often sits exactly on a party: it does when the pull of the others, ``|Σ wⱼ·uⱼ|``, is
  at most that party's weight), and refines each with Newton steps in the tangent plane
  (Hessian of the spherical model, Weiszfeld steps as a fallback, backtracking so that the
  total never increases) until a step is below 0.1 mm.

Weights are travellers per party (see :mod:`geo.analysis.scoring`): they scale the total; a party with
weight 0 takes no part in any objective, but its distance is reported.

Degenerate cases: parties all in one place give that place; two parties give their midpoint
for minimax (and for minsum with equal weights, where every point of the shortest path ties:
``unique`` is false) and the heavier party for minsum with unequal weights; coincident
parties count once with their weights added.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np
import numpy.typing as npt
from pyproj import Geod

from geo.analysis.check import Coordinates, PlaceRef
from geo.analysis.scoring import check_party_count, distance_matrix_km, flight_hours, validate_weights
from geo.analysis.suggest import Suggestion, SuggestionFilters, party_countries, suggest_venues
from geo.core.geodesy import (
    COINCIDENT_TOLERANCE_KM,
    MEAN_RADIUS_KM,
    WGS84,
    LatLon,
    distance_km,
    is_nearly_antipodal,
    validate_lat_lon,
)
from geo.errors import DegenerateGeodesicError, InvalidInputError
from geo.places.gazetteer import Place

OBJECTIVES = ("midpoint", "centroid", "minsum", "minimax")
GRID_STEP_DEG = 3.0  # spacing of the global grid that seeds the minsum search, degrees
MINSUM_STARTS = 12  # best local minima of that grid refined, besides every party
STEP_TOLERANCE_KM = 1e-7  # refinement stops when a step is shorter than 0.1 mm
NEWTON_TOLERANCE_KM = 1e-7  # equidistant points: |d_i - d_j| below 0.1 mm
MAX_ITERATIONS = 100

_GEOD = Geod(ellps="WGS84")
FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]


@dataclass(frozen=True)
class Optimum:
    """An optimal point and what it costs the parties.

    Attributes
    ----------
    objective : str
        One of :data:`OBJECTIVES`.
    lat, lon : float
        Degrees.
    max_km : float
        Longest trip among parties with a positive weight.
    sum_km : float
        Weighted total ``Σ wᵢ·dᵢ``.
    distances_km : tuple of float
        Each party's geodesic distance to the point, in the parties' order.
    method : str
        How the point was found, in a sentence.
    unique : bool
        False when other points score exactly as well (the point is then one of them).
    note : str
        Degenerate cases and caveats, or ``""``.
    """

    objective: str
    lat: float
    lon: float
    max_km: float
    sum_km: float
    distances_km: tuple[float, ...]
    method: str
    unique: bool = True
    note: str = ""


def _wrap(lon: FloatArray) -> FloatArray:
    return np.asarray((lon + 180.0) % 360.0 - 180.0, dtype=np.float64)


def _inv(
    lat1: FloatArray, lon1: FloatArray, lat2: FloatArray, lon2: FloatArray
) -> tuple[FloatArray, FloatArray]:
    """Azimuth at point 1 (degrees) and distance (km), broadcast."""
    arrays = np.broadcast_arrays(lat1, lon1, lat2, lon2)
    la1, lo1, la2, lo2 = (np.ascontiguousarray(a, dtype=np.float64) for a in arrays)
    az, _, metres = _GEOD.inv(lo1, la1, lo2, la2)
    return np.asarray(az, dtype=np.float64), np.asarray(metres, dtype=np.float64) / 1000.0


def _fwd(
    lat: FloatArray, lon: FloatArray, az_deg: FloatArray, s_km: FloatArray
) -> tuple[FloatArray, FloatArray]:
    arrays = np.broadcast_arrays(lat, lon, az_deg, s_km)
    la, lo, az, s = (np.ascontiguousarray(a, dtype=np.float64) for a in arrays)
    lon2, lat2, _ = _GEOD.fwd(lo, la, az, s * 1000.0)
    return np.clip(np.asarray(lat2, dtype=np.float64), -90.0, 90.0), _wrap(np.asarray(lon2, dtype=np.float64))


def _move(
    lat: FloatArray, lon: FloatArray, east_km: FloatArray, north_km: FloatArray
) -> tuple[FloatArray, FloatArray]:
    """Move along the geodesic that leaves each point in the direction (east, north)."""
    return _fwd(lat, lon, np.degrees(np.arctan2(east_km, north_km)), np.hypot(east_km, north_km))


def _midpoint_raw(a: LatLon, b: LatLon) -> tuple[float, float]:
    line = WGS84.InverseLine(a.lat, a.lon, b.lat, b.lon)
    pos = line.Position(0.5 * line.s13)
    lon = float(pos["lon2"])
    return float(pos["lat2"]), lon if -180.0 <= lon <= 180.0 else float(_wrap(np.array(lon)))


def _merge_coincident(
    lats: FloatArray, lons: FloatArray, w: FloatArray
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Positive-weight parties, coincident ones (within 1 mm) merged with their weights added."""
    keep = np.flatnonzero(w > 0)
    out_lat: list[float] = []
    out_lon: list[float] = []
    out_w: list[float] = []
    for i in keep:
        for j in range(len(out_lat)):
            if distance_km(lats[i], lons[i], out_lat[j], out_lon[j]) < COINCIDENT_TOLERANCE_KM:
                out_w[j] += float(w[i])
                break
        else:
            out_lat.append(float(lats[i]))
            out_lon.append(float(lons[i]))
            out_w.append(float(w[i]))
    return np.array(out_lat), np.array(out_lon), np.array(out_w)


def _prepare(
    lats: npt.ArrayLike, lons: npt.ArrayLike, weights: Sequence[float] | npt.ArrayLike | None
) -> tuple[FloatArray, FloatArray, FloatArray]:
    la = np.asarray(lats, dtype=np.float64).reshape(-1)
    lo = np.asarray(lons, dtype=np.float64).reshape(-1)
    if la.shape != lo.shape:
        raise InvalidInputError("party latitudes and longitudes must have the same length")
    check_party_count(la.size)
    for lat, lon in zip(la, lo, strict=True):
        validate_lat_lon(lat, lon)
    return la, lo, validate_weights(weights, la.size)


def evaluate(
    lat: float, lon: float, lats: FloatArray, lons: FloatArray, w: FloatArray
) -> tuple[float, float, tuple[float, ...]]:
    """``(max_km, sum_km, distances_km)`` of a point; max over positive weights only."""
    d = np.asarray(distance_km(lat, lon, lats, lons), dtype=np.float64).reshape(-1)
    return float(d[w > 0].max()), float(d @ w), tuple(d.tolist())


# --- midpoint and centroid ------------------------------------------------------------------


def midpoint_point(lats: FloatArray, lons: FloatArray) -> tuple[float, float, str]:
    """The geodesic midpoint of exactly two parties; refuses nearly antipodal ones."""
    if lats.size != 2:
        raise InvalidInputError(
            f"the midpoint needs exactly two parties, not {lats.size}; use minimax, minsum or centroid"
        )
    from geo.core.geodesy import midpoint

    m = midpoint(LatLon(lats[0], lons[0]), LatLon(lats[1], lons[1]))
    return m.lat, m.lon, "geodesic midpoint (GeographicLib InverseLine, half the length)"


def centroid_point(lats: FloatArray, lons: FloatArray, w: FloatArray) -> tuple[float, float, str]:
    """GeoMidpoint's centre of gravity: the weighted mean of unit vectors on a sphere.

    Latitudes are used as spherical ones, as GeoMidpoint does; the mean vector is projected
    back to the surface.

    Raises
    ------
    DegenerateGeodesicError
        The weighted mean vector is (nearly) zero, e.g. two antipodal parties.
    """
    phi, lam = np.radians(lats), np.radians(lons)
    xyz = np.stack([np.cos(phi) * np.cos(lam), np.cos(phi) * np.sin(lam), np.sin(phi)], axis=1)
    mean = (w[:, None] * xyz).sum(axis=0) / w.sum()
    norm = float(np.linalg.norm(mean))
    if norm < 1e-9:
        raise DegenerateGeodesicError(
            "the parties' weighted mean vector is at the Earth's centre, so the centroid is undefined; "
            "use minimax or minsum"
        )
    lat = math.degrees(math.atan2(mean[2], math.hypot(mean[0], mean[1])))
    lon = math.degrees(math.atan2(mean[1], mean[0]))
    return lat, lon, "centre of gravity (GeoMidpoint's method: weighted mean of unit vectors on a sphere)"


# --- minimax: exact enumeration ---------------------------------------------------------------


def _equidistant_points(plat: FloatArray, plon: FloatArray, triples: npt.NDArray[np.int64]) -> FloatArray:
    """Points equidistant from each triple of parties (two per triple), by Newton's method.

    Returns an array (k, 2) of (lat, lon) for the triples that converged.
    """
    if triples.size == 0:
        return np.zeros((0, 2))
    phi, lam = np.radians(plat), np.radians(plon)
    xyz = np.stack([np.cos(phi) * np.cos(lam), np.cos(phi) * np.sin(lam), np.sin(phi)], axis=1)
    a, b, c = xyz[triples[:, 0]], xyz[triples[:, 1]], xyz[triples[:, 2]]
    normal = np.cross(b - a, c - a)
    length = np.linalg.norm(normal, axis=1)
    ok = length > 1e-12
    normal, tri = normal[ok] / length[ok, None], triples[ok]
    normal = np.concatenate([normal, -normal])
    tri = np.concatenate([tri, tri])
    lat = np.degrees(np.arctan2(normal[:, 2], np.hypot(normal[:, 0], normal[:, 1])))
    lon = np.degrees(np.arctan2(normal[:, 1], normal[:, 0]))
    qlat, qlon = plat[tri], plon[tri]  # (k, 3)
    done = np.zeros(lat.size, dtype=bool)
    failed = np.zeros(lat.size, dtype=bool)
    for _ in range(30):
        az, d = _inv(lat[:, None], lon[:, None], qlat, qlon)
        ue, un = np.sin(np.radians(az)), np.cos(np.radians(az))
        f1, f2 = d[:, 0] - d[:, 1], d[:, 0] - d[:, 2]
        done |= (np.abs(f1) < NEWTON_TOLERANCE_KM) & (np.abs(f2) < NEWTON_TOLERANCE_KM)
        if done.all():
            break
        # gradient of d_k at the point is -u_k (unit vector towards party k, east/north)
        j11, j12 = -(ue[:, 0] - ue[:, 1]), -(un[:, 0] - un[:, 1])
        j21, j22 = -(ue[:, 0] - ue[:, 2]), -(un[:, 0] - un[:, 2])
        det = j11 * j22 - j12 * j21
        failed |= np.abs(det) < 1e-12
        safe = np.where(failed | done, 1.0, det)
        he = np.where(failed | done, 0.0, -(j22 * f1 - j12 * f2) / safe)
        hn = np.where(failed | done, 0.0, -(-j21 * f1 + j11 * f2) / safe)
        step = np.hypot(he, hn)
        scale = np.where(step > 2000.0, 2000.0 / np.maximum(step, 1e-300), 1.0)  # trust region, km
        lat, lon = _move(lat, lon, he * scale, hn * scale)
    return np.stack([lat[done & ~failed], lon[done & ~failed]], axis=1)


def minimax_point(lats: FloatArray, lons: FloatArray, w: FloatArray) -> tuple[float, float, str, bool, str]:
    """The 1-centre of the positive-weight parties, by exact enumeration (module docstring)."""
    qlat, qlon, _ = _merge_coincident(lats, lons, w)
    if qlat.size == 1:
        return float(qlat[0]), float(qlon[0]), "all parties are in one place", True, ""
    if qlat.size == 2:
        a, b = LatLon(qlat[0], qlon[0]), LatLon(qlat[1], qlon[1])
        lat, lon = _midpoint_raw(a, b)
        if is_nearly_antipodal(a, b):
            note = "the two parties are nearly antipodal: many points have the same longest trip"
            return lat, lon, "geodesic midpoint of the two parties", False, note
        return lat, lon, "geodesic midpoint of the two parties (max ≥ half their distance)", True, ""
    candidates: list[tuple[float, float]] = []
    for i, j in itertools.combinations(range(qlat.size), 2):
        candidates.append(_midpoint_raw(LatLon(qlat[i], qlon[i]), LatLon(qlat[j], qlon[j])))
    triples = np.array(list(itertools.combinations(range(qlat.size), 3)), dtype=np.int64).reshape(-1, 3)
    points = np.concatenate([np.array(candidates), _equidistant_points(qlat, qlon, triples)])
    worst = distance_matrix_km(points[:, 0], points[:, 1], qlat, qlon).max(axis=1)
    best = int(np.argmin(worst))
    method = (
        f"exact: best of {len(candidates)} pair midpoints and {len(points) - len(candidates)} "
        "points equidistant from three parties"
    )
    return float(points[best, 0]), float(points[best, 1]), method, True, ""


# --- minsum: grid + Newton refinement ---------------------------------------------------------


def _grid(step_deg: float) -> tuple[FloatArray, FloatArray, int, int]:
    lat_c = np.arange(-90.0 + step_deg / 2, 90.0, step_deg)
    lon_c = np.arange(-180.0, 180.0, step_deg)
    glat, glon = np.meshgrid(lat_c, lon_c, indexing="ij")
    return glat.ravel(), glon.ravel(), lat_c.size, lon_c.size


def _grid_local_minima(values: FloatArray, rows: int, cols: int) -> npt.NDArray[np.int64]:
    f = values.reshape(rows, cols)
    padded = np.pad(f, ((1, 1), (0, 0)), constant_values=np.inf)
    is_min = np.ones_like(f, dtype=bool)
    for dr in (-1, 0, 1):
        for dc in (-1, 0, 1):
            if dr == 0 and dc == 0:
                continue
            neighbour = np.roll(padded, (-dr, -dc), axis=(0, 1))[1:-1]
            is_min &= f <= neighbour
    return np.flatnonzero(is_min.ravel()).astype(np.int64)


def _refine_minsum(
    lat: FloatArray, lon: FloatArray, qlat: FloatArray, qlon: FloatArray, w: FloatArray
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Newton / Weiszfeld descent of ``Σ w·d`` from many starts at once. Returns lat, lon, total."""
    radius = MEAN_RADIUS_KM
    active = np.ones(lat.size, dtype=bool)
    total = np.full(lat.size, np.inf)
    for _ in range(MAX_ITERATIONS):
        idx = np.flatnonzero(active)
        if idx.size == 0:
            break
        az, d = _inv(lat[idx, None], lon[idx, None], qlat[None, :], qlon[None, :])
        f = d @ w
        total[idx] = f
        at = d < 1e-9
        ue = np.where(at, 0.0, np.sin(np.radians(az)))
        un = np.where(at, 0.0, np.cos(np.radians(az)))
        pull_e, pull_n = ue @ w, un @ w  # minus the gradient of the total
        pull = np.hypot(pull_e, pull_n)
        w_at = (at * w).sum(axis=1)
        optimal_at_party = (w_at > 0) & (pull <= w_at)
        safe_d = np.where(at, 1.0, d)
        # Hessian of the spherical model: Σ w cot(d/R)/R (I − u uᵀ)
        k = np.where(at, 0.0, w / (radius * np.tan(np.minimum(safe_d / radius, math.pi / 2 - 1e-9))))
        k = np.where(safe_d / radius >= math.pi / 2, 0.0, k)
        h11, h12, h22 = (k * (1 - ue * ue)).sum(1), -(k * ue * un).sum(1), (k * (1 - un * un)).sum(1)
        det = h11 * h22 - h12 * h12
        pd = (det > 1e-18) & (h11 > 0) & (w_at == 0)
        safe_det = np.where(pd, det, 1.0)
        newton_e = (h22 * pull_e - h12 * pull_n) / safe_det
        newton_n = (-h12 * pull_e + h11 * pull_n) / safe_det
        inv_sum = np.where(at, 0.0, w / safe_d).sum(axis=1)
        weisz = np.where(inv_sum > 0, 1.0 / np.maximum(inv_sum, 1e-300), 0.0)
        shrink = np.where(w_at > 0, 1.0 - w_at / np.maximum(pull, 1e-300), 1.0)  # Vardi–Zhang at a party
        step_e = np.where(pd, newton_e, pull_e * weisz * shrink)
        step_n = np.where(pd, newton_n, pull_n * weisz * shrink)
        accepted = np.zeros(idx.size, dtype=bool)
        for attempt in range(60):
            todo = ~accepted & ~optimal_at_party
            if not todo.any():
                break
            t = np.flatnonzero(todo)
            tlat, tlon = _move(lat[idx[t]], lon[idx[t]], step_e[t], step_n[t])
            ft = distance_matrix_km(tlat, tlon, qlat, qlon) @ w
            better = ft <= f[t]
            good = t[better]
            lat[idx[good]], lon[idx[good]], total[idx[good]] = tlat[better], tlon[better], ft[better]
            accepted[good] = True
            bad = t[~better]
            if attempt == 0:  # a failed Newton step falls back to the Weiszfeld step
                step_e[bad] = np.where(pd[bad], pull_e[bad] * weisz[bad] * shrink[bad], step_e[bad] / 2)
                step_n[bad] = np.where(pd[bad], pull_n[bad] * weisz[bad] * shrink[bad], step_n[bad] / 2)
            else:
                step_e[bad] /= 2
                step_n[bad] /= 2
        step = np.hypot(step_e, step_n)
        still = accepted & (step > STEP_TOLERANCE_KM) & ~optimal_at_party
        active[idx] = still
    return lat, lon, total


def minsum_point(lats: FloatArray, lons: FloatArray, w: FloatArray) -> tuple[float, float, str, bool, str]:
    """The weighted geometric median, global over the ellipsoid (see the module docstring)."""
    qlat, qlon, qw = _merge_coincident(lats, lons, w)
    if qlat.size == 1:
        return float(qlat[0]), float(qlon[0]), "all parties are in one place", True, ""
    if qlat.size == 2:
        a, b = LatLon(qlat[0], qlon[0]), LatLon(qlat[1], qlon[1])
        if qw[0] != qw[1]:
            heavy = int(np.argmax(qw))
            return (
                float(qlat[heavy]),
                float(qlon[heavy]),
                "the heavier of two parties (moving towards the other saves less than it costs)",
                True,
                "",
            )
        lat, lon = _midpoint_raw(a, b)
        note = (
            "every point on the shortest path between the two parties has the same total; "
            "this is its midpoint"
        )
        return lat, lon, "geodesic midpoint of the two equally weighted parties", False, note
    glat, glon, rows, cols = _grid(GRID_STEP_DEG)
    values = distance_matrix_km(glat, glon, qlat, qlon) @ qw
    minima = _grid_local_minima(values, rows, cols)
    starts = minima[np.argsort(values[minima], kind="stable")][:MINSUM_STARTS]
    slat = np.concatenate([glat[starts], qlat])
    slon = np.concatenate([glon[starts], qlon])
    rlat, rlon, totals = _refine_minsum(slat.copy(), slon.copy(), qlat, qlon, qw)
    best = int(np.argmin(totals))
    near = np.asarray(distance_km(rlat[best], rlon[best], qlat, qlon)) < COINCIDENT_TOLERANCE_KM
    if near.any():  # on a party (to 1 mm): report the party's own coordinates
        rlat[best], rlon[best] = qlat[np.argmax(near)], qlon[np.argmax(near)]
    method = (
        f"global: Newton refinement from the {starts.size} best local minima of a {GRID_STEP_DEG:g}° grid "
        f"and from each of the {qlat.size} distinct parties"
    )
    return float(rlat[best]), float(rlon[best]), method, True, ""


def optimum(
    lats: npt.ArrayLike,
    lons: npt.ArrayLike,
    objective: str = "minimax",
    weights: Sequence[float] | npt.ArrayLike | None = None,
) -> Optimum:
    """The optimal point of ``objective`` for 2 to 20 parties.

    Parameters
    ----------
    lats, lons : array_like, shape (n,)
        The parties, degrees.
    objective : str
        One of :data:`OBJECTIVES`.
    weights : array_like, optional
        Travellers per party, ≥ 0, one positive at least. Weights do not move the ``midpoint``
        (it is halfway along the shortest path whatever the delegations' sizes); its totals
        are weighted like every other objective's and its ``note`` says so.

    Raises
    ------
    InvalidInputError
        Unknown objective, wrong party count, bad weights, ``midpoint`` with other than two
        parties.
    DegenerateGeodesicError
        ``midpoint`` of nearly antipodal parties; ``centroid`` whose mean vector vanishes.

    Examples
    --------
    >>> o = optimum([38.9072, 39.9042], [-77.0369, 116.4074], "minimax")
    >>> round(o.lat, 5), round(o.lon, 5), round(o.max_km, 3)
    (81.90483, -156.85262, 5585.336)
    >>> o = optimum([0, 0, 0], [0, 10, 20], "minsum")
    >>> round(o.lat, 6), round(o.lon, 6), round(o.sum_km, 3)
    (0.0, 10.0, 2226.39)
    >>> o = optimum([0, 0], [0, 10], "midpoint", weights=[3, 1])
    >>> round(o.lon, 6), round(o.sum_km, 3), o.note
    (5.0, 2226.39, 'weights do not move it')
    """
    if objective not in OBJECTIVES:
        raise InvalidInputError(f"unknown objective {objective!r}; choose one of {', '.join(OBJECTIVES)}")
    la, lo, w = _prepare(lats, lons, weights)
    unique, note = True, ""
    if objective == "midpoint":
        lat, lon, method = midpoint_point(la, lo)
        note = "" if weights is None else "weights do not move it"
    elif objective == "centroid":
        lat, lon, method = centroid_point(la, lo, w)
    elif objective == "minsum":
        lat, lon, method, unique, note = minsum_point(la, lo, w)
    else:
        lat, lon, method, unique, note = minimax_point(la, lo, w)
    if not -180.0 <= lon <= 180.0:
        lon = float(_wrap(np.array(lon)))
    lat, lon = validate_lat_lon(lat, lon)
    max_km, sum_km, dists = evaluate(lat, lon, la, lo, w)
    return Optimum(objective, lat, lon, max_km, sum_km, dists, method, unique, note)


# --- best: the optimum, described for people, with real venues nearby -------------------------


@dataclass(frozen=True)
class BestResult:
    """The answer of ``best``: an optimal point and real venues near it.

    Attributes
    ----------
    objective : str
        One of :data:`OBJECTIVES`.
    point : Coordinates
        The optimal point, degrees.
    max_km, sum_km : float
        Longest trip (positive-weight parties) and weighted total, km.
    distances_km : tuple of float
        Each party's geodesic distance to the point.
    parties : tuple of PlaceRef
    suggestions : tuple of Suggestion
        The best real venues for the objective, best first.
    weights : tuple of float
    flight_hours : tuple of float
        Estimated flight time of each party to the point (:func:`geo.analysis.scoring.flight_hours`).
    method : str
        How the point was found.
    unique : bool
        False when other points score exactly as well.
    note : str
        Degenerate cases and caveats, or ``""``.
    filters : SuggestionFilters
        The filters the suggestions passed.
    """

    objective: str
    point: Coordinates
    max_km: float
    sum_km: float
    distances_km: tuple[float, ...]
    parties: tuple[PlaceRef, ...]
    suggestions: tuple[Suggestion, ...]
    weights: tuple[float, ...]
    flight_hours: tuple[float, ...]
    method: str
    unique: bool
    note: str
    filters: SuggestionFilters


def best(
    parties: Sequence[Place | PlaceRef],
    objective: str = "minimax",
    *,
    weights: Sequence[float] | None = None,
    suggest: int = 5,
    filters: SuggestionFilters | None = None,
) -> BestResult:
    """The optimal point for ``objective`` and the ``suggest`` best real venues.

    Parameters
    ----------
    parties : sequence of Place or PlaceRef
        2 to 20 resolved parties.
    objective : str
        One of :data:`OBJECTIVES`; default ``minimax`` (the smallest worst-case trip).
    weights : sequence of float, optional
        Travellers per party.
    suggest : int
        How many real venues to suggest, 0 to 100.
    filters : SuggestionFilters, optional
        Venue filters; with ``neutral`` the parties' countries are excluded.

    Examples
    --------
    >>> from geo.places.resolve import resolve
    >>> r = best([resolve("Washington"), resolve("Moscow")], "minimax", suggest=1,
    ...          filters=SuggestionFilters(neutral=True))
    >>> round(r.max_km), r.suggestions[0].iata, round(r.suggestions[0].max_km)
    (3921, 'SFJ', 4451)
    """
    refs = tuple(p if isinstance(p, PlaceRef) else PlaceRef.of(p) for p in parties)
    lats = np.array([p.lat for p in refs])
    lons = np.array([p.lon for p in refs])
    opt = optimum(lats, lons, objective, weights)
    w = validate_weights(weights, len(refs))
    f = filters or SuggestionFilters()
    notes = [opt.note] if opt.note else []
    if f.neutral:
        f = replace(f, excluded_countries=party_countries([p.country for p in refs]))
        unknown = [p.name for p in refs if not p.country]
        if unknown:
            notes.append(
                f"the neutral filter cannot exclude a country for {', '.join(unknown)} (no country known)"
            )
    suggestions = suggest_venues(lats, lons, w, objective, (opt.lat, opt.lon), suggest, f)
    if suggest and not suggestions:
        what = "minimum population" if f.source == "cities" else "minimum runway, airport types"
        notes.append(f"no venue passes the filters ({what}, neutrality): relax them")
    return BestResult(
        objective,
        Coordinates(opt.lat, opt.lon),
        opt.max_km,
        opt.sum_km,
        opt.distances_km,
        refs,
        suggestions,
        tuple(float(x) for x in w),
        tuple(flight_hours(np.array(opt.distances_km)).tolist()),
        opt.method,
        opt.unique,
        "; ".join(notes),
        f,
    )
