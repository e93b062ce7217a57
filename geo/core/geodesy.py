"""Geodesics on the WGS84 ellipsoid.

Every distance here is an ellipsoidal geodesic computed with Karney's algorithms
(GeographicLib for single pairs, PROJ's implementation of the same algorithms through
``pyproj.Geod`` for arrays). Both agree with GeographicLib to a few nanometres, far inside
the project's promise of 1 mm. Nothing here uses a spherical formula for a reported number.

Units: degrees for latitudes, longitudes and azimuths (azimuths clockwise from north),
kilometres for distances. Order is always (lat, lon); the (lon, lat) order that pyproj
wants is confined to :func:`_inv_m`.

Examples
--------
>>> round(distance_km(38.9072, -77.0369, 39.9042, 116.4074), 3)
11170.672
>>> m = midpoint(LatLon(38.9072, -77.0369), LatLon(39.9042, 116.4074))
>>> round(m.lat, 5), round(m.lon, 5)
(81.90483, -156.85262)
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Protocol, overload

import numpy as np
import numpy.typing as npt
from geographiclib.geodesic import Geodesic
from pyproj import Geod

from geo.errors import DegenerateGeodesicError, InvalidCoordinatesError

WGS84 = Geodesic.WGS84  # GeographicLib's WGS84: a = 6378137 m, f = 1/298.257223563
_GEOD = Geod(ellps="WGS84")  # same ellipsoid, PROJ's port of Karney's algorithms

MEAN_RADIUS_KM = 6371.0088  # IUGG mean radius R1 of WGS84; used only to seed iterations
COINCIDENT_TOLERANCE_KM = 1e-6  # 1 mm: closer than this, two points are the same point
NEAR_ANTIPODAL_MIN_KM = 15_000.0  # pairs shorter than this are never checked for antipodality
MIDPOINT_SENSITIVITY_LIMIT = 50.0  # km of midpoint movement per km of endpoint movement
_PROBE_KM = 1.0  # how far an endpoint is nudged to measure that sensitivity

FloatArray = npt.NDArray[np.float64]
ArrayLike = float | npt.ArrayLike


class Located(Protocol):
    """Anything with a name and a WGS84 position in degrees (Place, PlaceRef, VenueScore …)."""

    @property
    def name(self) -> str: ...
    @property
    def lat(self) -> float: ...
    @property
    def lon(self) -> float: ...


@dataclass(frozen=True)
class LatLon:
    """A point on the WGS84 ellipsoid, validated once at construction.

    Parameters
    ----------
    lat : float
        Geodetic latitude in degrees, in [-90, 90].
    lon : float
        Longitude in degrees, in [-180, 180]. (Values up to ±540 are accepted and
        reduced to [-180, 180) by :meth:`normalized`; the constructor does not "fix" them.)

    Raises
    ------
    InvalidCoordinatesError
        If either value is not a finite number or is out of range.

    Examples
    --------
    >>> LatLon(61.2181, -149.9003)
    LatLon(lat=61.2181, lon=-149.9003)
    >>> LatLon(91, 0)
    Traceback (most recent call last):
    ...
    geo.errors.InvalidCoordinatesError: latitude 91 is out of range; it must be within [-90, 90]
    """

    lat: float
    lon: float

    def __post_init__(self) -> None:
        lat, lon = validate_lat_lon(self.lat, self.lon)
        object.__setattr__(self, "lat", lat)
        object.__setattr__(self, "lon", lon)


def _fmt(value: object) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def validate_lat_lon(lat: object, lon: object) -> tuple[float, float]:
    """Return ``(lat, lon)`` as floats, or raise if they are not a valid position.

    Parameters
    ----------
    lat, lon : float
        Degrees; latitude within [-90, 90], longitude within [-180, 180].

    Raises
    ------
    InvalidCoordinatesError
        Not a number, NaN or infinite, or out of range. The message names the value.
    """
    out = []
    for label, value, limit in (("latitude", lat, 90.0), ("longitude", lon, 180.0)):
        if isinstance(value, bool):
            raise InvalidCoordinatesError(f"{label} {value!r} is not a number")
        try:
            number = float(value)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            raise InvalidCoordinatesError(f"{label} {value!r} is not a number") from None
        if not math.isfinite(number):
            raise InvalidCoordinatesError(f"{label} {_fmt(value)} is not a finite number")
        if abs(number) > limit:
            raise InvalidCoordinatesError(
                f"{label} {_fmt(value)} is out of range; it must be within [-{limit:g}, {limit:g}]"
            )
        out.append(number)
    return out[0], out[1]


def _validate_arrays(lat: FloatArray, lon: FloatArray) -> None:
    """Vectorized twin of :func:`validate_lat_lon` for the array path."""
    if not (np.isfinite(lat).all() and np.isfinite(lon).all()):
        raise InvalidCoordinatesError("coordinates contain NaN or infinite values")
    if (np.abs(lat) > 90).any():
        bad = lat[np.abs(lat) > 90].flat[0]
        raise InvalidCoordinatesError(f"latitude {bad:g} is out of range; it must be within [-90, 90]")
    if (np.abs(lon) > 540).any():
        bad = lon[np.abs(lon) > 540].flat[0]
        raise InvalidCoordinatesError(f"longitude {bad:g} is out of range")


def _inv_m(
    lat1: FloatArray, lon1: FloatArray, lat2: FloatArray, lon2: FloatArray
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """pyproj's inverse problem on arrays: (azimuth at 1, back azimuth at 2, metres)."""
    az12, az21, dist = _GEOD.inv(lon1, lat1, lon2, lat2)
    return np.asarray(az12), np.asarray(az21), np.asarray(dist)


@overload
def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float: ...
@overload
def distance_km(
    lat1: npt.ArrayLike, lon1: npt.ArrayLike, lat2: npt.ArrayLike, lon2: npt.ArrayLike
) -> float | FloatArray: ...
def distance_km(
    lat1: npt.ArrayLike, lon1: npt.ArrayLike, lat2: npt.ArrayLike, lon2: npt.ArrayLike
) -> float | FloatArray:
    """Geodesic distance on WGS84 in kilometres, for scalars or numpy arrays.

    Arguments broadcast against each other like numpy ufuncs, so one party against
    10,000 venues, or a (venues × parties) matrix, is one vectorized call. The result
    agrees with GeographicLib's ``Geodesic.WGS84.Inverse`` to well under 1 mm
    (PROJ implements the same algorithm; the difference is round-off, ~1e-9 m).

    Parameters
    ----------
    lat1, lon1, lat2, lon2 : float or array_like
        Degrees. Latitudes within [-90, 90]; longitudes within [-540, 540].

    Returns
    -------
    float or ndarray
        Kilometres, ≥ 0; a float when every input is a scalar.

    Raises
    ------
    InvalidCoordinatesError
        NaN, infinities or out-of-range values anywhere in the input.

    Examples
    --------
    >>> round(distance_km(61.2181, -149.9003, 39.9042, 116.4074), 3)
    6402.0
    >>> distance_km(0, 0, [0, 0], [1, 2]).round(3).tolist()
    [111.319, 222.639]
    """
    arrays = np.broadcast_arrays(*(np.asarray(x, dtype=np.float64) for x in (lat1, lon1, lat2, lon2)))
    shape = arrays[0].shape
    la1, lo1, la2, lo2 = (np.ascontiguousarray(a) for a in arrays)  # 0-d becomes 1-d here
    _validate_arrays(la1, lo1)
    _validate_arrays(la2, lo2)
    _, _, metres = _inv_m(la1, lo1, la2, lo2)
    km = np.reshape(metres, shape) / 1000.0
    if km.ndim == 0:
        return float(km)
    return km


@dataclass(frozen=True)
class Inverse:
    """The solution of the inverse problem between two points.

    Attributes
    ----------
    distance_km : float
        Geodesic length, kilometres.
    azimuth1_deg : float
        Azimuth of the geodesic at the first point, degrees clockwise from north, (-180, 180].
    azimuth2_deg : float
        Azimuth at the second point in the direction of travel (GeographicLib's azi2).
    """

    distance_km: float
    azimuth1_deg: float
    azimuth2_deg: float


def inverse(a: LatLon, b: LatLon) -> Inverse:
    """Solve the inverse problem from ``a`` to ``b`` with GeographicLib.

    Examples
    --------
    >>> r = inverse(LatLon(38.9072, -77.0369), LatLon(39.9042, 116.4074))
    >>> round(r.distance_km, 3), round(r.azimuth1_deg, 2)
    (11170.672, -10.43)
    """
    g = WGS84.Inverse(a.lat, a.lon, b.lat, b.lon)
    return Inverse(g["s12"] / 1000.0, g["azi1"], g["azi2"])


def direct(start: LatLon, azimuth_deg: float, distance_km: float) -> LatLon:
    """Solve the direct problem: the point ``distance_km`` from ``start`` along ``azimuth_deg``.

    Parameters
    ----------
    start : LatLon
    azimuth_deg : float
        Degrees clockwise from north, any finite value.
    distance_km : float
        Kilometres along the geodesic; negative goes backwards.

    Examples
    --------
    >>> p = direct(LatLon(0, 0), 90, 111.3195)
    >>> round(p.lat, 6), round(p.lon, 4)
    (0.0, 1.0)
    """
    if not (math.isfinite(azimuth_deg) and math.isfinite(distance_km)):
        raise InvalidCoordinatesError("azimuth and distance must be finite numbers")
    g = WGS84.Direct(start.lat, start.lon, azimuth_deg, distance_km * 1000.0)
    return LatLon(g["lat2"], _wrap180(g["lon2"]))


def _wrap180(lon: float) -> float:
    """Reduce a longitude to [-180, 180]."""
    wrapped = math.remainder(lon, 360.0)
    return 180.0 if wrapped == -180.0 and lon > 0 else wrapped


def is_coincident(a: LatLon, b: LatLon) -> bool:
    """True when ``a`` and ``b`` are within :data:`COINCIDENT_TOLERANCE_KM` (1 mm)."""
    return distance_km(a.lat, a.lon, b.lat, b.lon) < COINCIDENT_TOLERANCE_KM


def _midpoint_raw(a: LatLon, b: LatLon) -> tuple[float, float]:
    line = WGS84.InverseLine(a.lat, a.lon, b.lat, b.lon)
    pos = line.Position(0.5 * line.s13)
    return pos["lat2"], pos["lon2"]


def is_nearly_antipodal(a: LatLon, b: LatLon) -> bool:
    """True when the shortest path from ``a`` to ``b`` is not unique or not stable.

    Exactly antipodal points (and, on the ellipsoid, points near the antipode: the
    "cut locus" reaches 0.6° from it at the equator) have several shortest geodesics.
    Close to that, the path exists but is meaningless: a 1 km change of either point
    swings the midpoint by hundreds of kilometres. The test is that sensitivity itself:
    ``b`` is nudged by 1 km north and east and the pair is flagged when the midpoint moves
    more than :data:`MIDPOINT_SENSITIVITY_LIMIT` km per km. Pairs shorter than 15,000 km
    (a third of the way round) are never flagged.

    Examples
    --------
    >>> is_nearly_antipodal(LatLon(45, 0), LatLon(-45, 179.572719))
    True
    >>> is_nearly_antipodal(LatLon(38.9072, -77.0369), LatLon(39.9042, 116.4074))
    False
    """
    if distance_km(a.lat, a.lon, b.lat, b.lon) < NEAR_ANTIPODAL_MIN_KM:
        return False
    mid = _midpoint_raw(a, b)
    for azimuth in (0.0, 90.0):
        g = WGS84.Direct(b.lat, b.lon, azimuth, _PROBE_KM * 1000.0)
        nudged = _midpoint_raw(a, LatLon(g["lat2"], _wrap180(g["lon2"])))
        moved_km = WGS84.Inverse(mid[0], mid[1], nudged[0], nudged[1])["s12"] / 1000.0
        if moved_km > MIDPOINT_SENSITIVITY_LIMIT * _PROBE_KM:
            return True
    return False


def _require_unique_path(a: LatLon, b: LatLon) -> None:
    if is_nearly_antipodal(a, b):
        raise DegenerateGeodesicError(
            f"({a.lat:g}, {a.lon:g}) and ({b.lat:g}, {b.lon:g}) are nearly antipodal: "
            "there is no single shortest path between them"
        )


def point_at_fraction(a: LatLon, b: LatLon, fraction: float) -> LatLon:
    """The point a given fraction of the way along the shortest geodesic from ``a`` to ``b``.

    Parameters
    ----------
    a, b : LatLon
    fraction : float
        0 gives ``a``, 1 gives ``b``, 0.5 the midpoint. Values outside [0, 1] extend the
        geodesic beyond its ends.

    Raises
    ------
    DegenerateGeodesicError
        ``a`` and ``b`` are nearly antipodal, so the path (and the point) is not unique.

    Examples
    --------
    >>> p = point_at_fraction(LatLon(0, 0), LatLon(0, 10), 0.25)
    >>> round(p.lat, 9), round(p.lon, 9)
    (0.0, 2.5)
    """
    if not math.isfinite(fraction):
        raise InvalidCoordinatesError(f"fraction {fraction!r} is not a finite number")
    if is_coincident(a, b):
        return a
    _require_unique_path(a, b)
    line = WGS84.InverseLine(a.lat, a.lon, b.lat, b.lon)
    pos = line.Position(fraction * line.s13)
    return LatLon(pos["lat2"], _wrap180(pos["lon2"]))


def midpoint(a: LatLon, b: LatLon) -> LatLon:
    """The geodesic midpoint: the point on the shortest path equally far from both ends.

    This is GeographicLib's recipe ``InverseLine(...).Position(0.5 * s13)``; it is not the
    mean of the coordinates (which puts the Washington–Beijing midpoint in the
    Mediterranean instead of the Arctic Ocean). Coincident points return the point itself.

    Raises
    ------
    DegenerateGeodesicError
        The points are nearly antipodal (see :func:`is_nearly_antipodal`).

    Examples
    --------
    >>> m = midpoint(LatLon(0, 179), LatLon(0, -179))
    >>> round(m.lat, 9), abs(round(m.lon, 9))
    (0.0, 180.0)
    """
    return point_at_fraction(a, b, 0.5)


def densify(a: LatLon, b: LatLon, max_step_km: float = 100.0) -> tuple[FloatArray, FloatArray]:
    """Vertices along the shortest geodesic from ``a`` to ``b``, for drawing.

    Endpoints are included. Longitudes are unwrapped (they may leave [-180, 180]) so that
    consecutive vertices never differ by more than 180°: a path across the antimeridian
    stays continuous on a web map. The first longitude equals ``a.lon``.

    Parameters
    ----------
    a, b : LatLon
    max_step_km : float
        Largest geodesic spacing between consecutive vertices, km, > 0.

    Returns
    -------
    lats, lons : ndarray
        Degrees, same length ≥ 2.

    Raises
    ------
    DegenerateGeodesicError
        The points are nearly antipodal.

    Examples
    --------
    >>> lats, lons = densify(LatLon(35.68, 139.69), LatLon(37.77, -122.42), 500)
    >>> len(lats), float(lons[0]), round(float(lons[-1]), 2)
    (18, 139.69, 237.58)
    """
    if not (math.isfinite(max_step_km) and max_step_km > 0):
        raise InvalidCoordinatesError(f"max_step_km must be a positive number, not {max_step_km!r}")
    if is_coincident(a, b):
        return np.array([a.lat, b.lat]), np.array([a.lon, a.lon])
    _require_unique_path(a, b)
    total_km = distance_km(a.lat, a.lon, b.lat, b.lon)
    segments = max(1, math.ceil(total_km / max_step_km))
    pts = _GEOD.npts(a.lon, a.lat, b.lon, b.lat, segments + 1, initial_idx=0, terminus_idx=0)
    lons = np.array([p[0] for p in pts], dtype=np.float64)
    lats = np.array([p[1] for p in pts], dtype=np.float64)
    lons[0], lats[0], lons[-1], lats[-1] = a.lon, a.lat, b.lon, b.lat
    lons = np.unwrap(lons, period=360.0)
    lons[0] = a.lon
    return lats, lons


@dataclass(frozen=True)
class PathPeak:
    """The point of a geodesic segment nearest a pole: its highest (or lowest) latitude.

    Attributes
    ----------
    lat, lon : float
        Degrees; ``lon`` in [-180, 180].
    fraction : float
        Where it lies along the segment, 0 (start) to 1 (end).
    pole : str
        ``north`` or ``south``: the pole it is nearest.
    pole_km : float
        Geodesic distance from the point to that pole, km.
    vertex : bool
        True when the point is the geodesic's vertex (azimuth ±90° there, so the path turns
        back towards the equator); False when the extreme latitude is an endpoint.
    """

    lat: float
    lon: float
    fraction: float
    pole: str
    pole_km: float
    vertex: bool


def path_peak(a: LatLon, b: LatLon) -> PathPeak:
    """The highest latitude (north or south) that the shortest geodesic from ``a`` to ``b`` reaches.

    Exact, not sampled. On the auxiliary sphere of GeographicLib a geodesic reaches its
    vertex (azimuth ±90°, Clairaut's extreme latitude) at spherical arc σ = ±90° from its
    northward equator crossing, where tan σ₁ = tan β₁ / cos α₁ at the start (β₁ the reduced
    latitude, α₁ the azimuth). The vertex counts when its arc lies within the segment; otherwise
    the extreme latitude is at an end. The point with the largest absolute latitude wins;
    its distance to the pole is a WGS84 geodesic.

    Raises
    ------
    DegenerateGeodesicError
        ``a`` and ``b`` are nearly antipodal (no unique path).

    Examples
    --------
    >>> p = path_peak(LatLon(38.9072, -77.0369), LatLon(39.9042, 116.4074))
    >>> round(p.lat, 4), round(p.lon, 4), p.pole, round(p.pole_km, 1), p.vertex
    (81.9204, -160.4339, 'north', 902.4, True)
    >>> path_peak(LatLon(-33.9, 18.4), LatLon(-33.9, 151.2)).pole
    'south'
    """
    if is_coincident(a, b):
        return _peak_at(a.lat, a.lon, 0.0, vertex=False)
    _require_unique_path(a, b)
    line = WGS84.InverseLine(a.lat, a.lon, b.lat, b.lon)
    f = WGS84.f
    beta1 = math.atan2((1.0 - f) * math.sin(math.radians(a.lat)), math.cos(math.radians(a.lat)))
    alpha1 = math.radians(line.azi1)
    sigma1 = math.degrees(math.atan2(math.sin(beta1), math.cos(alpha1) * math.cos(beta1)))
    candidates = [_peak_at(a.lat, a.lon, 0.0, vertex=False), _peak_at(b.lat, b.lon, 1.0, vertex=False)]
    for target in (90.0, -90.0):
        arc = (target - sigma1) % 360.0
        if 0.0 < arc < line.a13:
            pos = line.ArcPosition(arc)
            candidates.append(
                _peak_at(pos["lat2"], _wrap180(pos["lon2"]), pos["s12"] / line.s13, vertex=True)
            )
    return max(candidates, key=lambda p: (abs(p.lat), p.vertex))


def _peak_at(lat: float, lon: float, fraction: float, *, vertex: bool) -> PathPeak:
    pole_lat = 90.0 if lat >= 0 else -90.0
    pole_km = WGS84.Inverse(lat, lon, pole_lat, 0.0)["s12"] / 1000.0
    return PathPeak(lat, lon, fraction, "north" if lat >= 0 else "south", pole_km, vertex)


@dataclass(frozen=True)
class CrossTrack:
    """Where a point lies relative to the geodesic segment from ``a`` to ``b``.

    Attributes
    ----------
    distance_km : float
        Shortest geodesic distance from the point to the segment (not to the whole
        great ellipse), km.
    along_track_fraction : float
        Position of the segment's closest point, 0 at ``a`` and 1 at ``b``; in [0, 1].
    closest : LatLon
        That closest point.
    """

    distance_km: float
    along_track_fraction: float
    closest: LatLon


def cross_track(point: LatLon, a: LatLon, b: LatLon) -> CrossTrack:
    """Distance from ``point`` to the geodesic segment ``a``–``b``, on the ellipsoid.

    The foot of the perpendicular is found by iterating on the ellipsoid (Baselga and
    Martínez-Llario 2018): from a point on the line, solve the inverse problem to
    ``point``, take the along-track offset of the foot that a sphere would give, move
    there along the true geodesic, and repeat until the step is below 0.1 mm. Each step
    uses exact ellipsoidal geodesics, so the converged foot is the ellipsoidal one
    (the spherical cross-track formula is 10.7 km off for Anchorage). If the foot falls
    outside the segment the nearer endpoint is the answer. Distances agree with
    GeographicLib to well under 1 mm.

    Raises
    ------
    DegenerateGeodesicError
        ``a`` and ``b`` are nearly antipodal, so the segment is not unique.

    Examples
    --------
    >>> xt = cross_track(LatLon(61.2181, -149.9003), LatLon(38.9072, -77.0369),
    ...                  LatLon(39.9042, 116.4074))
    >>> round(xt.distance_km, 3), round(xt.along_track_fraction, 3)
    (2254.967, 0.451)
    """
    if is_coincident(a, b):
        return CrossTrack(distance_km(point.lat, point.lon, a.lat, a.lon), 0.0, a)
    _require_unique_path(a, b)
    line = WGS84.InverseLine(a.lat, a.lon, b.lat, b.lon)
    s13 = line.s13
    radius_m = MEAN_RADIUS_KM * 1000.0
    s = 0.5 * s13
    for _ in range(100):
        pos = line.Position(s)
        inv = WGS84.Inverse(pos["lat2"], pos["lon2"], point.lat, point.lon)
        angle = math.radians(inv["azi1"] - pos["azi2"])
        arc = inv["s12"] / radius_m
        step = radius_m * math.atan2(math.sin(arc) * math.cos(angle), math.cos(arc))
        s += step
        if abs(step) < 1e-4:
            break
    candidates = [min(max(s, 0.0), s13), 0.0, s13]
    best_s, best_m = 0.0, math.inf
    for cand in candidates:
        pos = line.Position(cand)
        metres = WGS84.Inverse(pos["lat2"], pos["lon2"], point.lat, point.lon)["s12"]
        if metres < best_m:
            best_s, best_m = cand, metres
    pos = line.Position(best_s)
    return CrossTrack(best_m / 1000.0, best_s / s13, LatLon(pos["lat2"], _wrap180(pos["lon2"])))


def detour_pct(a: LatLon, via: LatLon, b: LatLon) -> float:
    """Extra distance of going ``a`` → ``via`` → ``b`` instead of ``a`` → ``b``, in percent.

    ``100 * ((d(a, via) + d(via, b)) / d(a, b) - 1)``; 0 for a point on the shortest path.

    Raises
    ------
    DegenerateGeodesicError
        ``a`` and ``b`` coincide, so the ratio is undefined.

    Examples
    --------
    >>> round(detour_pct(LatLon(38.9072, -77.0369), LatLon(61.2181, -149.9003),
    ...                  LatLon(39.9042, 116.4074)), 2)
    5.84
    """
    direct_km = distance_km(a.lat, a.lon, b.lat, b.lon)
    if direct_km < COINCIDENT_TOLERANCE_KM:
        raise DegenerateGeodesicError("the two endpoints coincide, so a detour is undefined")
    leg_km = distance_km(a.lat, a.lon, via.lat, via.lon) + distance_km(via.lat, via.lon, b.lat, b.lon)
    return 100.0 * (leg_km / direct_km - 1.0)
