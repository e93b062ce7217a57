"""The equidistant line of two parties: every point exactly as far from A as from B.

On a sphere it is a great circle (the perpendicular bisector of A–B, all the way round the
globe). On the WGS84 ellipsoid it is a nearby closed curve, computed here point by point:
each vertex starts on the spherical bisector and is moved by Newton's method along the
gradient of ``F = d(P, A) − d(P, B)`` (the gradient of a geodesic distance is minus the unit
vector towards the party) until ``|F| < 1 mm``. Every vertex is therefore equidistant to
1 mm on the ellipsoid (the tests check this with GeographicLib), and the vertices are in
order along the curve, starting at the geodesic midpoint of A–B.

``to_geojson()`` gives a GeoJSON ``MultiLineString`` in (lon, lat) order, cut where the curve
crosses the antimeridian; the crossing points are computed on the curve itself (longitude
exactly ±180°, equidistant to 1 mm). The ring is closed, so the piece after the last crossing
is joined to the piece before the first: a curve that crosses once (the usual case: a ring
round the globe meets the ±180° meridian once unless it passes over a pole) is one line from
−180° to +180°.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
from pyproj import Geod

from geo.core.geodesy import COINCIDENT_TOLERANCE_KM, MEAN_RADIUS_KM, WGS84, LatLon, distance_km
from geo.errors import DegenerateGeodesicError, InvalidInputError

EQUIDISTANT_TOLERANCE_KM = 1e-6  # |d(P, A) - d(P, B)| below 1 mm at every vertex
DEFAULT_STEP_KM = 50.0

_GEOD = Geod(ellps="WGS84")
FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True, eq=False)
class EquidistantLine:
    """An ordered closed curve of points equally far from ``a`` and ``b``.

    Attributes
    ----------
    a, b : LatLon
        The two parties.
    lats, lons : ndarray
        Vertices in order along the curve, degrees, longitudes in [-180, 180). The first
        vertex is the geodesic midpoint of ``a``–``b``; the last vertex repeats the first, so
        the ring is closed.
    distances_km : ndarray
        At each vertex, the (common) geodesic distance to ``a`` and ``b``, km.
    max_error_km : float
        Largest ``|d(P, a) − d(P, b)|`` over the vertices, km (below 1e-6, 1 mm).
    """

    a: LatLon
    b: LatLon
    lats: FloatArray
    lons: FloatArray
    distances_km: FloatArray
    max_error_km: float

    def to_geojson(self, properties: dict[str, Any] | None = None) -> dict[str, Any]:
        """A GeoJSON Feature: a MultiLineString split at the antimeridian, (lon, lat) order.

        Parameters
        ----------
        properties : dict, optional
            Feature properties; defaults to the parties' coordinates.

        Examples
        --------
        >>> line = equidistant_line(LatLon(60, 0), LatLon(-30, 100), max_step_km=500)
        >>> parts = line.to_geojson()["geometry"]["coordinates"]
        >>> len(parts), parts[0][0][0], parts[0][-1][0]  # one crossing: the ring is cut there
        (1, -180.0, 180.0)
        """
        parts = _split_at_antimeridian(self)
        props = (
            properties
            if properties is not None
            else {
                "kind": "equidistant line",
                "a": [self.a.lat, self.a.lon],
                "b": [self.b.lat, self.b.lon],
            }
        )
        return {
            "type": "Feature",
            "geometry": {
                "type": "MultiLineString",
                "coordinates": [[[float(lon), float(lat)] for lat, lon in part] for part in parts],
            },
            "properties": props,
        }


def _unit(lat: float, lon: float) -> FloatArray:
    phi, lam = math.radians(lat), math.radians(lon)
    return np.array([math.cos(phi) * math.cos(lam), math.cos(phi) * math.sin(lam), math.sin(phi)])


def _residual(
    lat: FloatArray, lon: FloatArray, a: LatLon, b: LatLon
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """``F = d_A − d_B`` (km) and its gradient (east, north) at each point."""
    n = lat.size
    az_a, _, m_a = _GEOD.inv(lon, lat, np.full(n, a.lon), np.full(n, a.lat))
    az_b, _, m_b = _GEOD.inv(lon, lat, np.full(n, b.lon), np.full(n, b.lat))
    az_a, az_b = np.radians(np.asarray(az_a)), np.radians(np.asarray(az_b))
    f = (np.asarray(m_a) - np.asarray(m_b)) / 1000.0
    grad_e = -np.sin(az_a) + np.sin(az_b)
    grad_n = -np.cos(az_a) + np.cos(az_b)
    return f, grad_e, grad_n


def _project(
    lat: FloatArray, lon: FloatArray, a: LatLon, b: LatLon
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Newton steps along the gradient of F until every |F| < 1 mm. Returns lat, lon, |F|."""
    lat, lon = lat.copy(), lon.copy()
    f = np.full(lat.size, np.inf)
    for _ in range(50):
        f, ge, gn = _residual(lat, lon, a, b)
        todo = np.abs(f) >= EQUIDISTANT_TOLERANCE_KM * 0.1
        if not todo.any():
            break
        g2 = ge * ge + gn * gn
        g2 = np.where(g2 > 1e-24, g2, 1e-24)
        step_e, step_n = -f * ge / g2, -f * gn / g2
        length = np.hypot(step_e, step_n)
        scale = np.where(length > 1000.0, 1000.0 / np.maximum(length, 1e-300), 1.0)  # trust region
        az = np.degrees(np.arctan2(step_e, step_n))
        t = np.flatnonzero(todo)
        lon2, lat2, _ = _GEOD.fwd(lon[t], lat[t], az[t], length[t] * scale[t] * 1000.0)
        lat[t] = np.clip(np.asarray(lat2), -90.0, 90.0)
        lon[t] = (np.asarray(lon2) + 180.0) % 360.0 - 180.0
    return lat, lon, np.abs(f)


def equidistant_line(a: LatLon, b: LatLon, *, max_step_km: float = DEFAULT_STEP_KM) -> EquidistantLine:
    """The closed curve of points equidistant from ``a`` and ``b`` on the WGS84 ellipsoid.

    Parameters
    ----------
    a, b : LatLon
        The two parties; they must be more than 1 mm apart.
    max_step_km : float
        Approximate spacing of the vertices, km, in (0, 5000]. The default 50 km gives
        about 800 vertices.

    Returns
    -------
    EquidistantLine

    Raises
    ------
    DegenerateGeodesicError
        ``a`` and ``b`` coincide (then every point is equidistant).
    InvalidInputError
        ``max_step_km`` is not a number in (0, 5000].

    Examples
    --------
    >>> line = equidistant_line(LatLon(38.9072, -77.0369), LatLon(39.9042, 116.4074))
    >>> round(float(line.lats[0]), 5), round(float(line.lons[0]), 5)
    (81.90483, -156.85262)
    >>> line.max_error_km < 1e-6, bool(line.lats[0] == line.lats[-1])
    (True, True)
    """
    if not (isinstance(max_step_km, int | float) and math.isfinite(max_step_km) and 0 < max_step_km <= 5000):
        raise InvalidInputError(f"max_step_km must be a number in (0, 5000], not {max_step_km!r}")
    if distance_km(a.lat, a.lon, b.lat, b.lon) < COINCIDENT_TOLERANCE_KM:
        raise DegenerateGeodesicError(
            "the two parties are in one place, so every point is equally far from both"
        )
    ua, ub = _unit(a.lat, a.lon), _unit(b.lat, b.lon)
    normal = ua - ub
    normal /= np.linalg.norm(normal)
    line = WGS84.InverseLine(a.lat, a.lon, b.lat, b.lon)
    mid = line.Position(0.5 * line.s13)
    start = _unit(mid["lat2"], mid["lon2"])
    start -= normal * float(start @ normal)  # onto the spherical bisector plane
    if np.linalg.norm(start) < 1e-9:  # antipodal parties: any direction in the plane
        start = np.cross(normal, [0.0, 0.0, 1.0] if abs(normal[2]) < 0.9 else [1.0, 0.0, 0.0])
    start /= np.linalg.norm(start)
    other = np.cross(normal, start)
    n = max(8, math.ceil(2 * math.pi * MEAN_RADIUS_KM / max_step_km))
    t = np.linspace(0.0, 2 * math.pi, n, endpoint=False)
    xyz = np.cos(t)[:, None] * start + np.sin(t)[:, None] * other
    lat0 = np.degrees(np.arctan2(xyz[:, 2], np.hypot(xyz[:, 0], xyz[:, 1])))
    lon0 = np.degrees(np.arctan2(xyz[:, 1], xyz[:, 0]))
    lat0[0], lon0[0] = mid["lat2"], mid["lon2"]
    lat, lon, err = _project(lat0, lon0, a, b)
    if not (err < EQUIDISTANT_TOLERANCE_KM).all():  # pragma: no cover - Newton converges in a few steps
        raise DegenerateGeodesicError("the equidistant line did not converge for these parties")
    lon = (lon + 180.0) % 360.0 - 180.0
    lat, lon = np.append(lat, lat[0]), np.append(lon, lon[0])
    dist = np.asarray(distance_km(lat, lon, a.lat, a.lon), dtype=np.float64)
    return EquidistantLine(a, b, lat, lon, dist, float(err.max()))


def _crossing(line: EquidistantLine, lat1: float, lat2: float, lon_edge: float) -> float:
    """Latitude where the curve meets the meridian ``lon_edge`` between two vertices (secant on F)."""

    def f(lat: float) -> float:
        return float(
            distance_km(lat, lon_edge, line.a.lat, line.a.lon)
            - distance_km(lat, lon_edge, line.b.lat, line.b.lon)
        )

    x0, x1 = lat1, lat2
    f0, f1 = f(x0), f(x1)
    if f0 == f1:
        return 0.5 * (lat1 + lat2)
    lo, hi = min(lat1, lat2), max(lat1, lat2)
    for _ in range(60):
        x2 = x1 - f1 * (x1 - x0) / (f1 - f0) if f1 != f0 else 0.5 * (x0 + x1)
        if not lo - 1.0 <= x2 <= hi + 1.0:
            x2 = 0.5 * (x0 + x1)
        x2 = min(90.0, max(-90.0, x2))
        x0, f0, x1, f1 = x1, f1, x2, f(x2)
        if abs(f1) < EQUIDISTANT_TOLERANCE_KM * 0.1:
            break
    return x1


def _split_at_antimeridian(line: EquidistantLine) -> list[list[tuple[float, float]]]:
    lats, lons = line.lats, line.lons
    unwrapped = np.unwrap(lons, period=360.0)
    parts: list[list[tuple[float, float]]] = [[(float(lats[0]), float(lons[0]))]]
    for i in range(1, lats.size):
        k0 = math.floor((unwrapped[i - 1] + 180.0) / 360.0)
        k1 = math.floor((unwrapped[i] + 180.0) / 360.0)
        if k0 != k1:
            lat_x = _crossing(line, float(lats[i - 1]), float(lats[i]), 180.0)
            # going east the line leaves the map at +180 and comes back at -180; west, the reverse
            leave, enter = (180.0, -180.0) if unwrapped[i] > unwrapped[i - 1] else (-180.0, 180.0)
            parts[-1].append((lat_x, leave))
            parts.append([(lat_x, enter)])
        parts[-1].append((float(lats[i]), float(lons[i])))
    if len(parts) > 1:  # the ring is closed: the last piece continues into the first
        parts[0] = parts.pop() + parts[0][1:]
    return [p for p in parts if len(p) >= 2]
