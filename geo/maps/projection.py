"""Projections for printed maps: which one, what it shows, and geometry cut to it.

A print image draws a :class:`~geo.maps.plan.MapPlan` (the same plan as the HTML map) in one
of five projections, all PROJ coordinate systems built with pyproj:

=============  ==========================================================================
``mercator``   Web Mercator (EPSG:3857 with ``+over``), as the HTML map; latitudes cut at
               ±85.05°. Familiar, but sizes and distances near the poles are inflated.
``globe``      Orthographic view of a sphere of radius 6,371,008.8 m centred on a point
               (default: the midpoint of two parties, else the best point, else the
               centroid of the places), so the seed case is seen from above the Arctic.
               The far hemisphere is hidden; markers behind the globe are listed in a note.
``north``      Polar azimuthal equidistant on WGS84 centred on the North (South) Pole:
``south``      meridians are straight lines through the pole, distances from the pole are
               true (parallels equally spaced), the whole world but the other pole fits.
               Chosen over polar stereographic, which stretches the map without bound
               away from the pole and shows no true distance.
``aeqd``       Azimuthal equidistant on WGS84 centred on a place (``aeqd:PLACE``): straight
               lines from the centre are geodesics and circles around it are true
               distances (PROJ computes it with Karney's geodesics).
=============  ==========================================================================

**Clipping.** Each azimuthal view shows a spherical cap: every point within ``cap_deg`` of
arc from its centre (90° less a hair for the globe; for the others, the farthest thing
drawn plus a margin, at most 179°, as the antipode of an azimuthal projection is a whole
circle). Geometry is cut to the cap *before* it is projected, so nothing from the far side of
the globe is folded onto the near side and no line jumps across the disc:

* lines (paths, rings, the equidistant line, the graticule) are cut where they leave the cap,
  with a vertex interpolated on its edge (:func:`clip_runs`); for Mercator they are cut at
  ±85.05° and at the edges of the 360° window and each piece is shifted into it;
* country polygons are intersected with the cap expressed as a polygon in longitude and
  latitude (:func:`cap_polygon`; a cap around a pole closes along that pole's line, a cap
  holding both poles is the world less the antipodal cap), with shapely, after densifying
  their edges to 1°.

Why pyproj + shapely and not cartopy: cartopy would do the same clipping, but its wheel
brings pyshp and its own projection classes and downloads Natural Earth on first use of its
features; with our own outlines the only hand-written parts are :func:`cap_polygon` and
:func:`clip_runs` (about 60 lines), the rest is pyproj and shapely, already dependencies.

Order is (lat, lon) in every signature here; (lon, lat) only at the pyproj and shapely calls.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from geo.core.geodesy import LatLon
from geo.errors import InvalidInputError
from geo.maps.plan import DrawnMarker, MapPlan

FloatArray = npt.NDArray[np.float64]
Piece = tuple[FloatArray, FloatArray]  # (lats, lons) of one polyline piece, degrees

KINDS = ("mercator", "globe", "north", "south", "aeqd")
MERCATOR_MAX_LAT = 85.0511287798  # where Web Mercator is square: arctan(sinh(pi)), degrees
SPHERE_RADIUS_M = 6_371_008.8  # IUGG mean radius R1 of WGS84, for the orthographic globe
GLOBE_CAP_DEG = 89.9  # the globe shows everything within this arc of its centre (horizon 90°)
MAX_CAP_DEG = 179.0  # an azimuthal view never reaches the antipode of its centre
CAP_MARGIN_DEG = 8.0  # arc added around the farthest thing drawn
MIN_CAP_DEG = 30.0  # the smallest cap an azimuthal view shows
DENSIFY_DEG = 1.0  # longest edge of a country outline before it is projected
MAX_SPEC_CHARS = 200  # longest --projection value accepted


@dataclass(frozen=True)
class ProjectionSpec:
    """A projection as asked for: its kind and, for ``globe`` and ``aeqd``, an optional centre.

    Attributes
    ----------
    kind : str
        One of :data:`KINDS`.
    centre : LatLon or None
        The centre; ``None`` picks the default (see :func:`view_for`).
    centre_name : str
        How the centre is called in the image ("Anchorage"); empty for a default centre.
    """

    kind: str = "mercator"
    centre: LatLon | None = None
    centre_name: str = ""


def parse_projection(text: str) -> tuple[str, str | None]:
    """Split a ``--projection`` value into its kind and the place after the colon.

    The place is left as typed, to be resolved like any place (a name, a code or
    ``LAT,LON``); only ``globe`` and ``aeqd`` take one.

    Examples
    --------
    >>> parse_projection("north"), parse_projection("globe:60,-150"), parse_projection("AEQD:Anchorage")
    (('north', None), ('globe', '60,-150'), ('aeqd', 'Anchorage'))
    >>> parse_projection("polar")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    geo.errors.InvalidInputError: unknown projection 'polar'; use mercator, globe[:LAT,LON], ...
    """
    value = str(text).strip()
    if len(value) > MAX_SPEC_CHARS:
        raise InvalidInputError(
            f"--projection is too long ({len(value)} characters; at most {MAX_SPEC_CHARS})"
        )
    kind, colon, place = value.partition(":")
    kind = kind.strip().lower()
    usage = "use mercator, globe[:LAT,LON], north, south or aeqd[:PLACE]"
    if kind not in KINDS:
        raise InvalidInputError(f"unknown projection {value[:40]!r}; {usage}")
    if colon and kind not in ("globe", "aeqd"):
        raise InvalidInputError(f"projection {kind!r} takes no centre ({value[:40]!r}); {usage}")
    if colon and not place.strip():
        raise InvalidInputError(f"projection {value[:40]!r} names no centre after the colon; {usage}")
    return kind, (place.strip() if colon else None)


# ---------------------------------------------------------------------------------------------
# Spherical helpers (the cap is a picture's edge, so a sphere is exact enough)
# ---------------------------------------------------------------------------------------------


def unit_vectors(lats: npt.ArrayLike, lons: npt.ArrayLike) -> FloatArray:
    """Unit vectors (n × 3) of points given in degrees, on the sphere."""
    phi, lam = np.radians(np.asarray(lats, dtype=float)), np.radians(np.asarray(lons, dtype=float))
    return np.stack([np.cos(phi) * np.cos(lam), np.cos(phi) * np.sin(lam), np.sin(phi)], axis=-1)


def arc_deg(lats: npt.ArrayLike, lons: npt.ArrayLike, centre: LatLon) -> FloatArray:
    """Angle at the Earth's centre between each point and ``centre``, degrees (sphere).

    Examples
    --------
    >>> arc_deg([90.0, 0.0], [0.0, 90.0], LatLon(0, 0)).round(6).tolist()
    [90.0, 90.0]
    """
    cos = unit_vectors(lats, lons) @ unit_vectors(centre.lat, centre.lon)
    return np.degrees(np.arccos(np.clip(cos, -1.0, 1.0)))


def cap_boundary(centre: LatLon, cap_deg: float, step_deg: float = 1.0) -> Piece:
    """The edge of the cap of ``cap_deg`` around ``centre`` (sphere), longitudes unwrapped.

    Azimuths 0°, ``step_deg``, …, 360°: the last vertex is the first one again.

    Examples
    --------
    >>> lats, lons = cap_boundary(LatLon(90, 0), 30)
    >>> float(lats.min().round(9)), float(lats.max().round(9)), round(float(lons[-1] - lons[0]))
    (60.0, 60.0, -360)
    """
    az = np.radians(np.arange(0.0, 360.0 + step_deg / 2, step_deg))
    if abs(centre.lat) > 89.9999:  # at a pole the azimuth formula below is 0/0
        sign = 1.0 if centre.lat > 0 else -1.0
        lons = centre.lon + sign * (180.0 - np.degrees(az))
        return np.full_like(az, sign * (90.0 - cap_deg)), lons
    phi1, lam1, delta = math.radians(centre.lat), math.radians(centre.lon), math.radians(cap_deg)
    sin_phi2 = math.sin(phi1) * math.cos(delta) + math.cos(phi1) * math.sin(delta) * np.cos(az)
    phi2 = np.arcsin(np.clip(sin_phi2, -1.0, 1.0))
    lam2 = lam1 + np.arctan2(
        np.sin(az) * math.sin(delta) * math.cos(phi1), math.cos(delta) - math.sin(phi1) * sin_phi2
    )
    return np.degrees(phi2), np.unwrap(np.degrees(lam2), period=360.0)


def cap_polygon(centre: LatLon, cap_deg: float) -> object:
    """The cap of ``cap_deg`` around ``centre`` as a shapely geometry in (lon, lat) degrees,
    within [-180, 180] × [-90, 90].

    A cap that winds round a pole is closed along that pole's line; a cap wider than a
    hemisphere is the world less the cap around the antipode.

    Examples
    --------
    >>> round(cap_polygon(LatLon(90, 0), 30).area)  # lon-lat area of the band above 60°N
    10800
    >>> cap_polygon(LatLon(0, 0), 120).covers(cap_polygon(LatLon(0, 0), 60))
    True
    """
    import shapely

    world = shapely.box(-180.0, -90.0, 180.0, 90.0)
    if cap_deg > 90.0:
        antipode = LatLon(-centre.lat, centre.lon - 180.0 if centre.lon > 0 else centre.lon + 180.0)
        return shapely.difference(world, cap_polygon(antipode, 180.0 - cap_deg))
    lats, lons = cap_boundary(centre, cap_deg)
    if abs(lons[-1] - lons[0]) > 180.0:  # winds round the pole it contains
        pole = 90.0 if 90.0 - centre.lat < cap_deg else -90.0
        lons = np.concatenate([lons, [lons[-1], lons[0]]])
        lats = np.concatenate([lats, [pole, pole]])
    ring = shapely.make_valid(shapely.Polygon(np.column_stack([lons, lats])))
    copies = [shapely.affinity.translate(ring, 360.0 * k) for k in range(-2, 3)]
    return shapely.intersection(shapely.union_all(copies), world)


# ---------------------------------------------------------------------------------------------
# Cutting lines
# ---------------------------------------------------------------------------------------------


def clip_runs(lats: FloatArray, lons: FloatArray, field: FloatArray, low: float, high: float) -> list[Piece]:
    """The pieces of a polyline where ``low <= field <= high``, each end interpolated onto the
    bound it crosses (linearly in latitude and longitude, between two vertices).

    Parameters
    ----------
    lats, lons : ndarray
        Degrees, longitudes unwrapped (consecutive vertices less than 180° apart).
    field : ndarray
        A value per vertex (latitude, longitude, arc from a centre …).
    low, high : float
        The bounds of ``field`` kept.

    Examples
    --------
    >>> lat = np.array([0.0, 0.0, 0.0]); lon = np.array([0.0, 10.0, 20.0])
    >>> [p[1].tolist() for p in clip_runs(lat, lon, lon, 5.0, 100.0)]
    [[5.0, 10.0, 20.0]]
    """
    inside = (field >= low) & (field <= high)
    pieces: list[Piece] = []
    n = len(field)
    i = 0
    while i < n:
        if not inside[i]:
            i += 1
            continue
        j = i
        while j + 1 < n and inside[j + 1]:
            j += 1
        idx_lats, idx_lons = list(lats[i : j + 1]), list(lons[i : j + 1])
        if i > 0:
            lat, lon = _crossing(lats, lons, field, i - 1, i, low, high)
            if (lat, lon) != (idx_lats[0], idx_lons[0]):  # not already on the bound
                idx_lats.insert(0, lat)
                idx_lons.insert(0, lon)
        if j + 1 < n:
            lat, lon = _crossing(lats, lons, field, j, j + 1, low, high)
            if (lat, lon) != (idx_lats[-1], idx_lons[-1]):
                idx_lats.append(lat)
                idx_lons.append(lon)
        if len(idx_lats) >= 2:
            pieces.append((np.array(idx_lats), np.array(idx_lons)))
        i = j + 1
    return pieces


def _crossing(
    lats: FloatArray, lons: FloatArray, field: FloatArray, a: int, b: int, low: float, high: float
) -> tuple[float, float]:
    """Where the segment a–b meets the bound of ``field`` that lies between its ends."""
    bound = low if min(field[a], field[b]) < low else high
    t = (bound - field[a]) / (field[b] - field[a])
    return float(lats[a] + t * (lats[b] - lats[a])), float(lons[a] + t * (lons[b] - lons[a]))


def clip_to_window(lats: FloatArray, lons: FloatArray, west: float) -> list[Piece]:
    """Mercator: a polyline cut at ±85.05° and at the meridians ``west + 360 k``, each piece
    shifted by a multiple of 360° into the window [west, west + 360].

    Examples
    --------
    >>> pieces = clip_to_window(np.zeros(3), np.array([170.0, 180.0, 190.0]), -180.0)
    >>> [p[1].tolist() for p in pieces]
    [[170.0, 180.0], [-180.0, -170.0]]
    """
    pieces: list[Piece] = []
    for la, lo in clip_runs(lats, lons, lats, -MERCATOR_MAX_LAT, MERCATOR_MAX_LAT):
        copies = np.floor((lo - west) / 360.0)
        for k in range(int(copies.min()), int(copies.max()) + 1):
            left = west + 360.0 * k
            for pla, plo in clip_runs(la, lo, lo, left, left + 360.0):
                pieces.append((pla, plo - 360.0 * k))
    return pieces


# ---------------------------------------------------------------------------------------------
# Views
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class View:
    """A projection chosen for one plan: the PROJ string and what it shows.

    Attributes
    ----------
    kind : str
        One of :data:`KINDS`.
    proj : str
        PROJ string of the projected system (metres).
    centre : LatLon or None
        Centre of an azimuthal view (``None`` for Mercator).
    centre_name : str
        What the centre is ("the geodesic midpoint", "Anchorage", "the North Pole").
    cap_deg : float
        Azimuthal views: the arc from the centre that is shown. Mercator: 0.
    west : float
        Mercator: the western edge of the 360° window, degrees (the plan's frame).
    """

    kind: str
    proj: str
    centre: LatLon | None
    centre_name: str
    cap_deg: float = 0.0
    west: float = -180.0

    @property
    def azimuthal(self) -> bool:
        return self.kind != "mercator"

    def description(self) -> str:
        """One sentence on what the projection is and what it is good for."""
        if self.kind == "mercator":
            return "Web Mercator: angles true, sizes and distances inflated towards the poles."
        if self.kind == "globe":
            return f"Orthographic globe seen from above {self.centre_name}; the far side is hidden."
        if self.kind in ("north", "south"):
            return (
                f"Azimuthal equidistant centred on {self.centre_name}: meridians are straight, "
                "distances from the pole are true."
            )
        return (
            f"Azimuthal equidistant centred on {self.centre_name}: straight lines from the centre are "
            "geodesics, circles around it are true distances."
        )


def _centroid(points: Sequence[tuple[float, float]]) -> LatLon:
    """The normalised 3-D mean of (lat, lon) points (sphere), for a default view centre."""
    v = unit_vectors([p[0] for p in points], [p[1] for p in points]).reshape(-1, 3).mean(axis=0)
    if float(np.linalg.norm(v)) < 1e-9:
        return LatLon(points[0][0], points[0][1])
    lat = math.degrees(math.atan2(v[2], math.hypot(v[0], v[1])))
    return LatLon(lat, math.degrees(math.atan2(v[1], v[0])))


def default_centre(plan: MapPlan) -> tuple[LatLon, str]:
    """The midpoint of two parties, else the best point, else the centroid of the places."""
    for kind, name in (("midpoint", "the geodesic midpoint"), ("best", "the best meeting point")):
        found = [m for m in plan.markers if m.kind == kind and not m.copy]
        if found:
            return LatLon(found[0].lat, found[0].lon_true), name
    places = [(m.lat, m.lon_true) for m in plan.markers if not m.copy]
    return _centroid(places), "the centroid of the places"


def _farthest_deg(plan: MapPlan, centre: LatLon) -> float:
    """The largest arc from ``centre`` to a marker or a vertex of a line, degrees. The
    equidistant line is left out: it goes round the world, and is drawn as far as the view goes."""
    lines = [line for line in plan.lines if line.kind != "equidistant"]
    lats = [m.lat for m in plan.markers] + [lat for line in lines for lat in line.lats]
    lons = [m.lon_true for m in plan.markers] + [lon for line in lines for lon in line.lons]
    return float(arc_deg(lats, lons, centre).max()) if lats else 0.0


def _cap_for(plan: MapPlan, centre: LatLon) -> float:
    """The cap an azimuthal view shows: everything drawn plus a margin, rounded up to 5°."""
    want = _farthest_deg(plan, centre) + CAP_MARGIN_DEG
    return float(min(MAX_CAP_DEG, max(MIN_CAP_DEG, 5.0 * math.ceil(want / 5.0))))


def _polar_lon0(plan: MapPlan, pole: float) -> float:
    """Meridian drawn straight down from the North Pole (up from the South Pole): the one of
    the places' centroid, so the drawing sits in the lower (upper) half."""
    places = [(m.lat, m.lon_true) for m in plan.markers if not m.copy]
    if not places:
        return 0.0
    c = _centroid(places)
    return round(c.lon, 1) + 0.0 if abs(c.lat) < 89.99 else 0.0


def view_for(plan: MapPlan, spec: ProjectionSpec) -> View:
    """The :class:`View` that shows ``plan`` in the projection ``spec`` asks for.

    Examples
    --------
    >>> from geo.maps.plan import MapPoint, plan_map
    >>> plan = plan_map([MapPoint("A", 60, 0), MapPoint("B", 60, 180)])
    >>> v = view_for(plan, ProjectionSpec("globe"))
    >>> (round(v.centre.lat, 9), v.centre_name, v.cap_deg)
    (90.0, 'the geodesic midpoint', 89.9)
    >>> view_for(plan, ProjectionSpec("north")).proj
    '+proj=aeqd +lat_0=90 +lon_0=0 +ellps=WGS84 +units=m +no_defs'
    """
    if spec.kind not in KINDS:
        raise InvalidInputError(f"unknown projection {spec.kind!r}")
    if spec.kind == "mercator":
        proj = (
            "+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +k=1 +units=m +nadgrids=@null +over +no_defs"
        )
        return View("mercator", proj, None, "", 0.0, plan.frame_east_deg - 360.0)
    if spec.kind in ("north", "south"):
        pole = 90.0 if spec.kind == "north" else -90.0
        centre = LatLon(pole, _polar_lon0(plan, pole))
        proj = f"+proj=aeqd +lat_0={pole:g} +lon_0={centre.lon:g} +ellps=WGS84 +units=m +no_defs"
        name = "the North Pole" if pole > 0 else "the South Pole"
        return View(spec.kind, proj, centre, name, _cap_for(plan, centre))
    venues = [m for m in plan.markers if m.kind == "venue" and not m.copy]
    if spec.centre is not None:
        centre, name = spec.centre, spec.centre_name
    elif spec.kind == "aeqd" and len(venues) == 1:  # the picture that answers "is it halfway"
        centre, name = LatLon(venues[0].lat, venues[0].lon_true), venues[0].name
    else:
        centre, name = default_centre(plan)
    if spec.kind == "globe":
        at = f"+lat_0={centre.lat:.6f} +lon_0={centre.lon:.6f}"
        proj = f"+proj=ortho {at} +R={SPHERE_RADIUS_M} +units=m +no_defs"
        return View("globe", proj, centre, name or "the chosen point", GLOBE_CAP_DEG)
    proj = f"+proj=aeqd +lat_0={centre.lat:.6f} +lon_0={centre.lon:.6f} +ellps=WGS84 +units=m +no_defs"
    return View("aeqd", proj, centre, name or "the chosen point", _cap_for(plan, centre))


# ---------------------------------------------------------------------------------------------
# Projecting
# ---------------------------------------------------------------------------------------------


@lru_cache(maxsize=32)
def transformer(proj: str) -> object:
    """A cached ``pyproj.Proj`` for ``proj``: the projection alone, applied to WGS84 (lon, lat)
    degrees as they are (no datum shift, as for Web Mercator and the globe's sphere)."""
    from pyproj import Proj

    return Proj(proj)


def project(view: View, lats: npt.ArrayLike, lons: npt.ArrayLike) -> tuple[FloatArray, FloatArray]:
    """Projected x, y in metres of points in degrees (no clipping: see :func:`clip_line`)."""
    tr = transformer(view.proj)
    x, y = tr(np.asarray(lons, dtype=float), np.asarray(lats, dtype=float))  # type: ignore[operator]
    return np.asarray(x, dtype=float), np.asarray(y, dtype=float)


def clip_line(view: View, lats: npt.ArrayLike, lons: npt.ArrayLike) -> list[tuple[FloatArray, FloatArray]]:
    """A polyline cut to what the view shows and projected: a list of (x, y) pieces in metres.

    Examples
    --------
    >>> from geo.maps.plan import MapPoint, plan_map
    >>> plan = plan_map([MapPoint("A", 60, 0), MapPoint("B", 60, 180)])
    >>> view = view_for(plan, ProjectionSpec("globe", LatLon(0, 0), "0°, 0°"))
    >>> pieces = clip_line(view, [0, 0, 0, 0], [-100, -60, 60, 100])  # the equator, half hidden
    >>> [(round(float(x[0])), round(float(x[-1]))) for x, _ in pieces]
    [(-6370999, 6370999)]
    """
    la, lo = np.asarray(lats, dtype=float).ravel(), np.asarray(lons, dtype=float).ravel()
    finite = np.isfinite(la) & np.isfinite(lo)
    if not finite.all():  # a NaN splits the line
        out: list[tuple[FloatArray, FloatArray]] = []
        for run in np.split(np.arange(len(la)), np.flatnonzero(~finite)):
            run = run[finite[run]]
            if len(run) >= 2:
                out += clip_line(view, la[run], lo[run])
        return out
    if view.kind == "mercator":
        pieces = clip_to_window(la, lo, view.west)
    else:
        assert view.centre is not None
        pieces = clip_runs(la, lo, arc_deg(la, lo, view.centre), 0.0, view.cap_deg)
    projected = [project(view, pla, plo) for pla, plo in pieces]
    return [(x, y) for x, y in projected if np.isfinite(x).all() and np.isfinite(y).all()]


def visible(view: View, lat: float, lon: float) -> bool:
    """Whether a point is inside what the view shows."""
    if view.kind == "mercator":
        return abs(lat) <= MERCATOR_MAX_LAT
    assert view.centre is not None
    return float(arc_deg(lat, lon, view.centre)) <= view.cap_deg


def window_lon(view: View, lon: float) -> float:
    """Mercator: ``lon`` shifted by a multiple of 360° into the window [west, west + 360)."""
    return lon - 360.0 * math.floor((lon - view.west) / 360.0)


def marker_xy(view: View, marker: DrawnMarker) -> tuple[float, float] | None:
    """Projected position of a marker, or ``None`` when the view does not show it."""
    lon = window_lon(view, marker.lon) if view.kind == "mercator" else marker.lon_true
    if not visible(view, marker.lat, lon):
        return None
    x, y = project(view, [marker.lat], [lon])
    return (float(x[0]), float(y[0])) if np.isfinite(x[0]) and np.isfinite(y[0]) else None


def outline(view: View) -> tuple[FloatArray, FloatArray]:
    """The edge of the drawable area in projected metres: the cap's circle (closed), or for
    Mercator the window between ±85.05°."""
    if view.kind == "mercator":
        lons = np.array([view.west, view.west + 360.0, view.west + 360.0, view.west, view.west])
        lats = np.array([-1, -1, 1, 1, -1]) * MERCATOR_MAX_LAT
        return project(view, lats, lons)
    assert view.centre is not None
    lats, lons = cap_boundary(view.centre, view.cap_deg, 0.5)
    return project(view, lats, lons)


# ---------------------------------------------------------------------------------------------
# The basemap
# ---------------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _countries() -> tuple[object, ...]:
    """The embedded Natural Earth 1:110m country outlines, densified to 1° edges (shapely)."""
    import shapely

    from geo.maps.outlines import basemap_text

    geoms = shapely.from_geojson(basemap_text())
    parts = shapely.get_parts(geoms)  # one GeometryCollection/FeatureCollection -> polygons
    polygons = [p for p in parts if p.geom_type in ("Polygon", "MultiPolygon")]
    return tuple(shapely.segmentize(np.array(polygons, dtype=object), DENSIFY_DEG))


@lru_cache(maxsize=16)
def basemap(view: View) -> tuple[object, ...]:
    """The country outlines cut to the view and projected (shapely polygons in metres)."""
    return project_polygons(view, _countries())


def project_polygons(view: View, geoms: Sequence[object]) -> tuple[object, ...]:
    """Lon/lat polygons (edges at most 1° long) cut to the view and projected, in metres."""
    import shapely

    polygons = np.array(shapely.segmentize(np.array(list(geoms), dtype=object), DENSIFY_DEG), dtype=object)
    if view.kind == "mercator":
        band = shapely.box(view.west, -MERCATOR_MAX_LAT, view.west + 360.0, MERCATOR_MAX_LAT)
        shifted = [
            shapely.transform(polygons, lambda c, k=k: c + np.array([360.0 * k, 0.0])) for k in (-1, 0, 1, 2)
        ]
        clipped = np.concatenate([shapely.intersection(s, band) for s in shifted])
    else:
        assert view.centre is not None
        clipped = shapely.intersection(polygons, cap_polygon(view.centre, view.cap_deg))
    clipped = clipped[~shapely.is_empty(clipped)]
    tr = transformer(view.proj)

    def to_metres(lon: FloatArray, lat: FloatArray) -> tuple[FloatArray, FloatArray]:
        return tr(lon, lat)  # type: ignore[operator, no-any-return]

    projected = shapely.transform(clipped, to_metres, interleaved=False)
    return tuple(g for g in projected if not shapely.is_empty(g) and np.isfinite(shapely.bounds(g)).all())
