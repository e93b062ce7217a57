"""Areas in a verdict: a country or a continent measured from its nearest and farthest points.

"The Azores lie almost midway between North America and Europe": measured from the
continents' representative points the claim says one thing, from their nearest coasts
another. :func:`area_extremes` gives, for a point (the venue), the nearest and the farthest
point of an area's outline and the geodesic distance to each; :func:`check_from_nearest`
checks a claim again with every area party replaced by its point nearest the venue.

Outlines
    A **country** (named as a country: "Iceland", "Italy") is its Natural Earth 1:10m
    admin-0 polygons (``data/countries_10m.npz``, the polygons of the summit facts). A
    **continent** is the Natural Earth 1:110m polygons (``data/countries_110m.geojson``, the
    basemap: major landmasses only, no Madeira or Midway) of the countries GeoNames puts on it
    (``data/countries.csv``), keeping the pieces whose representative point lies within the
    continent's radius of its representative point (``data/regions.csv``): France's French
    Guiana is not Europe, Siberia beyond the Urals is not Europe. Continents are political:
    Hawaii, a US state, counts as North America. An **island** whose row of ``data/regions.csv``
    says ``outline=piece`` is the piece of land of the 1:10m countries that holds its
    representative point (:func:`island_piece`): the North Island is that piece of New Zealand's
    polygons, Borneo the Malaysian, Indonesian and Bruneian polygons that share its land, as
    their common borders dissolve. Other areas (US states, regions, archipelagos, islands without
    ``outline``) have no outline here: they are measured from their representative point only.

Exactness
    Distances are WGS84 geodesics (:func:`geo.core.geodesy.distance_km`) to the vertices of
    the outline, so the nearest and farthest points are outline vertices (1:10m: a few km
    apart on coasts); a point inside the area is at distance 0 from it.
"""

from __future__ import annotations

import csv
import functools
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from geo.analysis.check import (
    CheckResult,
    EquidistanceResult,
    Party,
    PlaceRef,
    Thresholds,
    check_equidistant,
    check_halfway,
)
from geo.core.geodesy import distance_km
from geo.core.units import format_km, format_lat_lon
from geo.errors import InvalidInputError
from geo.places.gazetteer import Place, data_dir

FloatArray = npt.NDArray[np.float64]

CONTINENTS = {
    "Africa": "AF",
    "Antarctica": "AN",
    "Asia": "AS",
    "Europe": "EU",
    "North America": "NA",
    "Oceania": "OC",
    "South America": "SA",
}


@dataclass(frozen=True)
class AreaPoint:
    """The nearest (or farthest) point of an area's outline to a point, and its distance in km."""

    area: str
    lat: float
    lon: float
    distance_km: float
    inside: bool  # the point lies inside the area (the nearest distance is then 0)


@dataclass(frozen=True)
class AreaExtremes:
    area: str
    nearest: AreaPoint
    farthest: AreaPoint


def outline_key(place: Place, named_as_country: bool) -> tuple[str, str] | None:
    """``("continent", "EU")``, ``("country", "IS")``, ``("island", "North Island")`` or None when
    the area has no outline here.

    >>> from geo.places.resolve import resolve
    >>> outline_key(resolve("North Island"), False), outline_key(resolve("Azores"), False)
    (('island', 'North Island'), None)
    """
    if place.kind == "island" and place.name in island_points():
        return "island", place.name
    if place.kind == "continent" and place.name in CONTINENTS:
        return "continent", CONTINENTS[place.name]
    if named_as_country and place.country:
        return "country", place.country
    return None


@functools.lru_cache(maxsize=1)
def island_points() -> dict[str, tuple[float, float]]:
    """The islands of ``data/regions.csv`` with ``outline=piece``: name → representative point."""
    from geo.places.gazetteer import read_rows

    return {
        row["name"]: (float(row["lat"]), float(row["lon"]))
        for row in read_rows("regions.csv", remedy="rebuild it with scripts/build_regions.py")
        if row["kind"] == "island" and row.get("outline") == "piece"
    }


@functools.lru_cache(maxsize=128)
def island_piece(lat: float, lon: float) -> npt.NDArray[np.object_]:
    """The piece of land of the 1:10m country polygons that holds (lat, lon), as an array of one
    polygon (empty at sea).

    The tiles of every country that hold the point, then every tile touching those, and so on
    (tiles of one polygon touch along their cuts; countries on one island share their borders
    exactly, the polygons being snapped to one grid), are united; the piece is the part of the
    union that holds the point. So Borneo is Malaysia's, Indonesia's and Brunei's land there, and
    the island of Ireland the Republic's and Northern Ireland's.

    >>> from pyproj import Geod
    >>> piece = island_piece(-38.7, 176.0)  # near Taupō: the North Island of New Zealand
    >>> area, _ = Geod(ellps="WGS84").geometry_area_perimeter(piece[0])
    >>> len(piece), round(abs(area) / 1e6, -3)  # km²; Land Information New Zealand: 113,729
    (1, 114000.0)
    """
    import shapely

    from geo.facts.countries import load_countries

    index = load_countries()
    point = shapely.Point(lon, lat)
    found = set(index.tree.query(point, predicate="intersects").tolist())
    frontier = sorted(found)
    while frontier:
        hits = index.tree.query(index.tiles[frontier], predicate="intersects")[1]
        new = set(hits.tolist()) - found
        found |= new
        frontier = sorted(new)
    if not found:
        return np.array([], dtype=object)
    parts = shapely.get_parts(shapely.union_all(index.tiles[sorted(found)]))
    piece: npt.NDArray[np.object_] = parts[shapely.intersects(parts, point)]
    return piece


@functools.lru_cache(maxsize=32)
def _outline(
    kind: str, code: str, centre: tuple[float, float] | None, radius_km: float | None, without: str | None
) -> tuple[FloatArray, FloatArray, npt.NDArray[np.object_]]:
    """(lats, lons) of the outline's vertices and its polygons (cached: claims repeat areas)."""
    import shapely

    from geo.facts.countries import load_countries

    if kind == "island":
        tiles = island_piece(*island_points()[code])
    elif kind == "country":
        index = load_countries()
        rows = [i for i, c in enumerate(index.countries) if c.iso_a2 == code]
        tiles = index.tiles[np.isin(index.tile_row, rows)]
    else:
        with (data_dir() / "countries.csv").open(encoding="utf-8", newline="") as handle:
            codes = {row["iso2"] for row in csv.DictReader(handle) if row["continent"] == code} - {without}
        tiles = _continent_tiles(code, frozenset(codes))
    if centre is not None and radius_km is not None and len(tiles):
        points = shapely.point_on_surface(tiles)
        near = distance_km(centre[0], centre[1], shapely.get_y(points), shapely.get_x(points)) <= radius_km
        tiles = tiles[np.asarray(near)]
    coords = shapely.get_coordinates(tiles)
    return coords[:, 1].copy(), coords[:, 0].copy(), tiles


URALS_LON = 60.0  # Russia west of this meridian (the Ural Mountains, roughly) is Europe's, east of it Asia's


@functools.lru_cache(maxsize=16)
def _continent_tiles(code: str, codes: frozenset[str]) -> npt.NDArray[np.object_]:
    """The polygons of a continent's countries (Natural Earth 1:110m), Russia cut at the Urals:
    GeoNames files all of Russia under Europe, which would give Europe Siberia and Asia no Russia
    at all (Chukotka, the Asia nearest Anchorage, would be missing)."""
    import shapely

    features = json.loads((data_dir() / "countries_110m.geojson").read_text(encoding="utf-8"))["features"]
    shapes = {
        f["properties"]["iso_a2"]: shapely.make_valid(shapely.geometry.shape(f["geometry"]))
        for f in features
        if f["properties"]["iso_a2"] in codes | {"RU"}
    }
    russia = shapes.pop("RU", None)
    parts = [shape for iso2, shape in shapes.items() if iso2 in codes]
    if russia is not None and code == "EU":
        parts.append(shapely.intersection(russia, shapely.box(0, -90, URALS_LON, 90)))  # not Chukotka's tip
    elif russia is not None and code == "AS":
        parts.append(shapely.difference(russia, shapely.box(0, -90, URALS_LON, 90)))
        parts.append(shapely.intersection(russia, shapely.box(-180, -90, -150, 90)))  # Chukotka's far end
    tiles = shapely.get_parts(np.array(parts, dtype=object)) if parts else np.array([], dtype=object)
    kept: npt.NDArray[np.object_] = tiles[~shapely.is_empty(tiles)]
    return kept


def area_extremes(
    place: Place,
    named_as_country: bool,
    lat: float,
    lon: float,
    *,
    exclude_km: float | None = None,
    exclude_country: str | None = None,
) -> AreaExtremes | None:
    """The nearest and farthest points of ``place``'s outline to (lat, lon), or None without one.

    ``exclude_km`` leaves out the outline within that distance of (lat, lon): the venue's own
    area ("the Azores" are in Portugal, so in Europe; "between North America and Europe" means
    the rest of Europe); ``exclude_country`` leaves a country out of a continent ("Iceland is
    midway between North America and Europe": the rest of Europe).

    Examples
    --------
    >>> from geo.places.resolve import resolve
    >>> e = area_extremes(resolve("Iceland"), True, 64.1466, -21.9426)  # from Reykjavík
    >>> e.nearest.inside, e.nearest.distance_km, 400 < e.farthest.distance_km < 450
    (True, 0.0, True)
    """
    key = outline_key(place, named_as_country)
    if key is None:
        return None
    centre = (place.lat, place.lon) if key[0] == "continent" else None
    without = exclude_country if key[0] == "continent" else None
    lats, lons, tiles = _outline(key[0], key[1], centre, place.radius_km if centre else None, without)
    if not len(lats):
        return None
    import shapely

    km = np.asarray(distance_km(lat, lon, lats, lons))
    inside = bool(shapely.intersects(tiles, shapely.Point(lon, lat)).any())
    if exclude_km is not None:
        keep = km > exclude_km
        if not keep.any():
            return None
        inside = False
        lats, lons, km = lats[keep], lons[keep], km[keep]
    near, far = int(np.argmin(km)), int(np.argmax(km))
    name = place.country_name or place.name if key[0] == "country" else place.name
    nearest = AreaPoint(
        name, float(lats[near]), float(lons[near]), 0.0 if inside else float(km[near]), inside
    )
    farthest = AreaPoint(name, float(lats[far]), float(lons[far]), float(km[far]), inside)
    return AreaExtremes(name, nearest, farthest)


@dataclass(frozen=True)
class NearestReading:
    """A claim checked again from the nearest points of its area parties (:func:`check_from_nearest`)."""

    areas: tuple[AreaExtremes, ...]
    result: CheckResult | EquidistanceResult


def check_from_nearest(
    venue: Place,
    parties: Sequence[Place],
    as_country: Sequence[bool],
    thresholds: Thresholds | None = None,
    *,
    venue_as_country: bool = False,
) -> NearestReading | None:
    """The claim with each area party replaced by its outline point nearest the venue.

    None when no party is an area with an outline (see the module docstring), or when the
    venue lies inside one of them (every distance to it would be 0). A venue that is an area
    itself (an island group, a region), or a country named as the venue, is left out of the
    parties' outlines.

    Examples
    --------
    >>> from geo.places.resolve import resolve
    >>> continents = [resolve("North America"), resolve("Europe")]
    >>> r = check_from_nearest(resolve("Azores"), continents, [False, False])
    >>> [(a.area, round(a.nearest.distance_km, -1)) for a in r.areas], r.result.verdict
    ([('North America', 2230.0), ('Europe', 1610.0)], 'roughly halfway')
    """
    areas: list[AreaExtremes] = []
    points: list[Place] = []
    for party, country in zip(parties, as_country, strict=True):
        extremes = area_extremes(
            party,
            country,
            venue.lat,
            venue.lon,
            exclude_km=venue.radius_km,
            exclude_country=venue.country if venue_as_country else None,
        )
        if extremes is None:
            points.append(party)
            continue
        if extremes.nearest.inside:
            return None
        areas.append(extremes)
        n = extremes.nearest
        note = f"the point of {extremes.area} nearest {venue.name}"
        name = f"{extremes.area} (nearest point)"
        points.append(
            Place(name, n.lat, n.lon, "point", party.country, party.country_name, query=name, note=note)
        )
    if not areas:
        return None
    if len(points) == 2:
        return NearestReading(tuple(areas), check_halfway(venue, points[0], points[1], thresholds))
    return NearestReading(tuple(areas), check_equidistant(venue, points, thresholds))


MAX_PART_GAP_DEG = 5.0  # pieces of an area farther than this (about 500 km) from its largest do not count
CENTRE_YES, CENTRE_ROUGHLY = (
    0.10,
    0.25,
)  # share of the area's reach from its centre: "in the middle", "roughly"


@dataclass(frozen=True)
class CentreResult:
    """Is a venue in the middle of one area? (:func:`check_centre`). Distances in km.

    Attributes
    ----------
    parties : tuple of Party
        One: the area's centre (its name is the area's), with the venue's distance to it.
    reach_km : float
        How far the area reaches from its centre: the farthest point of its outline, or the
        gazetteer's radius for an area without one.
    share : float
        ``distance / reach``; the claim holds ("yes") up to :data:`CENTRE_YES`, roughly up to
        :data:`CENTRE_ROUGHLY`.
    centre : str
        How the centre was found.
    """

    venue: PlaceRef
    parties: tuple[Party]
    reach_km: float
    share: float
    holds: str
    verdict: str
    centre: str
    explanation: str


def area_centre(place: Place, named_as_country: bool) -> tuple[float, float, float, str]:
    """(lat, lon, reach_km, how) of an area's centre.

    With an outline (a country, a continent): the centroid of its land in a Lambert azimuthal
    equal-area projection centred on it (a centre of mass), and the geodesic distance to its
    farthest outline vertex as its reach. The land is the largest piece and the pieces within
    :data:`MAX_PART_GAP_DEG` of it: the middle of France is metropolitan France's, the middle of
    the United States the contiguous states' (near Lebanon, Kansas). A continent's land is its
    countries' (Natural Earth 1:110m, Russia cut at :data:`URALS_LON`): Europe's centre comes out
    48 km from the IGN's (Purnuškės, 1989), North America's 76 km from the USGS's (Rugby, 1931).
    An area without an outline: the gazetteer's representative point and radius.

    >>> from geo.places.resolve import resolve
    >>> lat, lon, reach, how = area_centre(resolve("Germany"), True)
    >>> round(lat, 1), round(lon, 1), round(reach, -1)
    (51.1, 10.4, 470.0)
    """
    key = outline_key(place, named_as_country)
    if key is None:
        if place.radius_km is None:
            raise InvalidInputError(f"{place.name} is a place, not an area: it has no middle")
        return place.lat, place.lon, float(place.radius_km), "the gazetteer's representative point"
    centre = (place.lat, place.lon) if key[0] == "continent" else None
    found = _land_centre(key[0], key[1], centre, place.radius_km if centre else None)
    if found is None:
        raise InvalidInputError(f"{place.name} has no outline here")
    lat_c, lon_c, reach = found
    how = (
        "the centroid of its main land (its largest piece and the pieces near it: for the United States "
        "the contiguous states, for France the metropolitan land) in an equal-area projection, from the "
        "Natural Earth outline"
        if key[0] != "continent"
        else "the centroid of its countries' land in an equal-area projection, from the Natural Earth outline"
    )
    return lat_c, lon_c, reach, how


@functools.lru_cache(maxsize=32)
def _land_centre(
    kind: str, code: str, centre: tuple[float, float] | None, radius_km: float | None
) -> tuple[float, float, float] | None:
    """(lat, lon, reach_km) of the centroid of an outline's land, or None without an outline."""
    import pyproj
    import shapely

    lats, lons, tiles = _outline(kind, code, centre, radius_km, None)
    if not len(lats):
        return None
    land = shapely.union_all(tiles)
    parts = shapely.get_parts(land)
    main = parts[int(np.argmax(shapely.area(parts)))]
    # The land of the area: its largest piece and every piece within MAX_PART_GAP_DEG of it (Corsica
    # with France, Sicily with Italy; not French Guiana, Réunion, Alaska, Hawaii or Svalbard). The
    # largest piece is prepared: Canada has 1,236 pieces, and unprepared distances took 7 s.
    shapely.prepare(main)
    land = shapely.MultiPolygon(list(parts[shapely.dwithin(main, parts, MAX_PART_GAP_DEG)]))
    coords = shapely.get_coordinates(land)
    lats, lons = coords[:, 1], coords[:, 0]
    mean_lon = np.arctan2(np.sin(np.radians(lons)).mean(), np.cos(np.radians(lons)).mean())
    lat0, lon0 = float(np.mean(lats)), float(np.degrees(mean_lon))
    laea = pyproj.Proj(proj="laea", lat_0=lat0, lon_0=lon0, ellps="WGS84")
    middle = shapely.transform(land, lambda xy: np.column_stack(laea(xy[:, 0], xy[:, 1]))).centroid
    lon_c, lat_c = laea(middle.x, middle.y, inverse=True)
    reach = float(np.max(np.asarray(distance_km(lat_c, lon_c, lats, lons))))
    return float(lat_c), float(lon_c), reach


def check_centre(venue: Place, area: Place, named_as_country: bool, axis: str | None = None) -> CentreResult:
    """How close ``venue`` is to the middle of ``area`` ("Kassel is in the middle of Germany").

    With ``axis`` (:data:`LONGITUDINAL` or :data:`LATITUDINAL`) the venue is judged on one
    coordinate, against the area's middle meridian or parallel (:func:`line_centre`): "Winnipeg is
    at the longitudinal centre of Canada". The party is then the nearest point of that line.

    Examples
    --------
    >>> from geo.places.resolve import resolve
    >>> r = check_centre(resolve("Kassel"), resolve("Germany"), True)
    >>> r.holds, round(r.parties[0].distance_km, -1)
    ('roughly', 70.0)
    >>> r = check_centre(resolve("Winnipeg"), resolve("Canada"), True, LONGITUDINAL)
    >>> r.holds, round(r.parties[0].distance_km), round(r.reach_km, -1)
    ('yes', 24, 2980.0)
    """
    name = area.country_name if named_as_country and area.country_name else area.name
    if axis is None:
        lat, lon, reach, how = area_centre(area, named_as_country)
        d = float(distance_km(venue.lat, venue.lon, lat, lon))
        label, line, measured = f"centre of {name}", "its centre", "the area reaches from its centre"
    else:
        lat, lon, d, reach, how = line_centre(area, named_as_country, axis, venue.lat, venue.lon)
        label = f"{axis} centre of {name}"
        line = f"its {axis} centre"
        measured = (
            "the area reaches from that point of the line (half its east–west extent)"
            if axis == LONGITUDINAL
            else "the area reaches from that line to its extreme parallel on that side"
        )
    share = d / reach if reach > 0 else math.inf
    holds = "yes" if share <= CENTRE_YES else "roughly" if share <= CENTRE_ROUGHLY else "no"
    verdict = {"yes": "in the middle", "roughly": "roughly in the middle", "no": "not in the middle"}[holds]
    if axis is not None:
        verdict = {"yes": "at", "roughly": "roughly at", "no": "not at"}[holds] + f" the {axis} centre"
    centre = Place(label, lat, lon, "point", area.country, area.country_name, query=name, note=how)
    party = Party(**PlaceRef.of(centre).__dict__, distance_km=d)
    where = (
        f"({format_lat_lon(lat, lon)}, {how})"
        if axis is None
        else f"({how}; nearest point {format_lat_lon(lat, lon)})"
    )
    explanation = (
        f"{venue.name} is {verdict} of {name}: {format_km(d)} from {line} {where}, which is "
        f"{100 * share:.0f} % of the {format_km(reach)} {measured} "
        f"(in the middle: ≤ {100 * CENTRE_YES:g} %, roughly: ≤ {100 * CENTRE_ROUGHLY:g} %)."
    )
    return CentreResult(PlaceRef.of(venue), (party,), reach, share, holds, verdict, how, explanation)


# ---- longitudinal and latitudinal centres ---------------------------------------------------------
LONGITUDINAL, LATITUDINAL = "longitudinal", "latitudinal"
_FOOT_TOLERANCE_DEG = 1e-10  # the nearest point of a meridian is found to this latitude


@dataclass(frozen=True)
class AreaSpan:
    """The extreme meridians and parallels of an area's land (:func:`area_span`), in degrees.

    ``west`` and ``east`` are longitudes in [-180, 180]: the ends of the smallest interval of
    longitude that covers the land, going east from ``west``; it may cross ±180° (Russia: west
    19.6, east -169.0). ``width`` is its length in degrees.
    """

    area: str
    west: float
    east: float
    south: float
    north: float
    width: float

    @property
    def middle_lon(self) -> float:
        """The longitudinal (east–west) centre: the meridian midway between ``west`` and ``east``."""
        return _wrap180(self.west + self.width / 2)

    @property
    def middle_lat(self) -> float:
        """The latitudinal (north–south) centre: the parallel midway between ``south`` and ``north``."""
        return (self.south + self.north) / 2


def _wrap180(lon: float) -> float:
    return float((lon + 180.0) % 360.0 - 180.0)


def covering_lon_interval(lons: npt.ArrayLike) -> tuple[float, float]:
    """(west, width): the smallest interval of longitude, going east from ``west``, that holds
    every longitude given. Longitudes wrap: Fiji's islands on both sides of ±180° span 3.6°,
    not 360°.

    >>> covering_lon_interval([178.0, -179.0, 177.5])
    (177.5, 3.5)
    >>> covering_lon_interval([-10.0, 20.0])
    (-10.0, 30.0)
    """
    values = np.unique(np.mod(np.asarray(lons, dtype=np.float64) + 180.0, 360.0) - 180.0)
    if not len(values):
        raise InvalidInputError("no longitudes given")
    gaps = np.diff(np.append(values, values[0] + 360.0))  # the gap after each longitude, eastwards
    largest = int(np.argmax(gaps))
    west = float(values[(largest + 1) % len(values)])
    return west, float(360.0 - gaps[largest])


def _chained_land(tiles: npt.NDArray[np.object_]) -> npt.NDArray[np.object_]:
    """The pieces of land linked to the largest by gaps of at most :data:`MAX_PART_GAP_DEG`, one
    piece to the next (Canada's Arctic islands, Ellesmere too; not Alaska and Hawaii for the
    United States, not French Guiana for France). Gaps are measured across ±180° too (Russia's
    Chukotka, Fiji's Lau Islands)."""
    import shapely

    parts = shapely.get_parts(shapely.union_all(tiles))
    n = len(parts)
    shifted = [
        shapely.transform(parts, lambda xy, dx=dx: xy + np.array([dx, 0.0])) for dx in (0.0, 360.0, -360.0)
    ]
    tree = shapely.STRtree(np.concatenate(shifted))
    main = int(np.argmax(shapely.area(parts)))
    keep, frontier = {main}, [main]
    while frontier:
        hits = tree.query(parts[frontier], predicate="dwithin", distance=MAX_PART_GAP_DEG)[1] % n
        new = set(hits.tolist()) - keep
        keep |= new
        frontier = sorted(new)
    chained: npt.NDArray[np.object_] = parts[sorted(keep)]
    return chained


@functools.lru_cache(maxsize=32)
def _span(kind: str, code: str) -> tuple[float, float, float, float, float] | None:
    import shapely

    _, _, tiles = _outline(kind, code, None, None, None)
    if not len(tiles):
        return None
    coords = shapely.get_coordinates(_chained_land(tiles))
    west, width = covering_lon_interval(coords[:, 0])
    return west, _wrap180(west + width), float(coords[:, 1].min()), float(coords[:, 1].max()), width


def area_span(place: Place, named_as_country: bool) -> AreaSpan:
    """The extreme meridians and parallels of an area's land: its westernmost, easternmost,
    southernmost and northernmost points, and the lines midway between them.

    The land is the area's Natural Earth 1:10m outline (a country named as such, or an island
    with an outline, see :func:`outline_key`): its largest piece and every piece linked to it by
    gaps of at most :data:`MAX_PART_GAP_DEG` (about 500 km), one island to the next. So islands
    count (Canada's Arctic islands, Newfoundland), overseas parts do not (Alaska and Hawaii for
    the United States, French Guiana for France). The extremes are outline vertices: 1:10m puts
    them within about a kilometre of the true points.

    The **longitudinal centre** is the meridian midway between the extreme meridians, measured
    the short way round (across ±180° for Russia and Fiji); the **latitudinal centre** is the
    parallel midway between the extreme parallels (means of degrees, as the Atlas of Canada
    defines them).

    Raises
    ------
    InvalidInputError
        The area has no outline here (a continent, a region or a state: only a point and a radius).

    Examples
    --------
    >>> from geo.places.resolve import resolve
    >>> s = area_span(resolve("Canada"), True)
    >>> round(s.west, 2), round(s.east, 2), round(s.middle_lon, 2), round(s.middle_lat, 2)
    (-141.01, -52.62, -96.81, 62.39)
    """
    key = outline_key(place, named_as_country)
    found = None if key is None or key[0] == "continent" else _span(key[0], key[1])
    if found is None:
        raise InvalidInputError(
            f"{place.name} has no outline here, so it has no extreme points to take the middle of"
        )
    name = (
        place.country_name if key is not None and key[0] == "country" and place.country_name else place.name
    )
    return AreaSpan(name, *found)


def nearest_on_meridian(lat: float, lon: float, meridian: float) -> tuple[float, float]:
    """(latitude, km): the point of the meridian ``meridian`` (a half ellipse from pole to pole)
    nearest to (lat, lon), and the WGS84 geodesic distance to it.

    A meridian is a geodesic, but the distance to it is not measured along the venue's parallel
    (a parallel is no geodesic) nor at the venue's latitude: the shortest geodesic meets the
    meridian at a right angle, at the vertex of that geodesic, poleward of the venue (on a sphere
    ``tan φ_foot = tan φ / cos Δλ`` and ``sin d = cos φ sin Δλ``). Beyond 90° of longitude the
    nearest point is a pole. Found by minimising the geodesic distance (PROJ's implementation of
    Karney's algorithm) over the latitude of the meridian's points: a 1° grid, then brackets
    narrowed twentyfold each round to 1e-10°.

    >>> foot, km = nearest_on_meridian(49.8844, -97.147, -96.8111)  # Winnipeg
    >>> round(foot, 4), round(km, 2)
    (49.8849, 24.14)
    """
    grid = np.linspace(-90.0, 90.0, 181)
    while True:
        km = np.asarray(distance_km(lat, lon, grid, meridian))
        i = int(np.argmin(km))
        lo, hi = grid[max(i - 1, 0)], grid[min(i + 1, len(grid) - 1)]
        if hi - lo < _FOOT_TOLERANCE_DEG:
            return float(grid[i]), float(km[i])
        grid = np.linspace(lo, hi, 41)


def distance_to_parallel_km(lat: float, lon: float, parallel: float) -> float:
    """The geodesic distance in km from (lat, lon) to the parallel ``parallel``: the meridian arc
    between the two latitudes. (Every path from one latitude to another is at least that long,
    since the north–south part of the metric alone integrates to it.)

    >>> round(distance_to_parallel_km(62.0, -96.0, 62.4), 2)
    44.58
    """
    return float(distance_km(lat, lon, parallel, lon))


def line_centre(
    place: Place, named_as_country: bool, axis: str, lat: float, lon: float
) -> tuple[float, float, float, float, str]:
    """(foot lat, foot lon, distance km, reach km, how) for a venue at (lat, lon) judged on one
    coordinate against an area's longitudinal or latitudinal centre (``axis``).

    The distance is the geodesic distance from the venue to the nearest point (the foot) of the
    middle meridian (:func:`nearest_on_meridian`) or of the middle parallel
    (:func:`distance_to_parallel_km`). The reach is the area's half-extent measured from the foot
    the same way: to the extreme meridian (the same either side: the two are mirror images about
    the middle meridian), or along the meridian to the extreme parallel on the venue's side.
    """
    span = area_span(place, named_as_country)
    if axis == LONGITUDINAL:
        if span.width >= 360.0 - 1e-9:
            raise InvalidInputError(f"{span.area} goes all the way round: it has no longitudinal centre")
        middle = span.middle_lon
        foot_lat, d = nearest_on_meridian(lat, lon, middle)
        _, reach = nearest_on_meridian(foot_lat, middle, span.west)
        how = (
            f"the meridian midway between its extreme points west ({format_lon(span.west)}) and east "
            f"({format_lon(span.east)}), {format_lon(middle)}, from the Natural Earth outline"
        )
        return foot_lat, middle, d, reach, how
    if axis == LATITUDINAL:
        middle = span.middle_lat
        d = distance_to_parallel_km(lat, lon, middle)
        reach = distance_to_parallel_km(middle, lon, span.north if lat >= middle else span.south)
        how = (
            f"the parallel midway between its extreme points south ({format_lat(span.south)}) and north "
            f"({format_lat(span.north)}), {format_lat(middle)}, from the Natural Earth outline"
        )
        return middle, _wrap180(lon), d, reach, how
    raise InvalidInputError(f"unknown axis {axis!r}: give {LONGITUDINAL!r} or {LATITUDINAL!r}")


def format_lon(lon: float) -> str:
    """ "96.81°W" """
    return f"{abs(lon):.2f}°{'W' if lon < 0 else 'E'}"


def format_lat(lat: float) -> str:
    """ "62.39°N" """
    return f"{abs(lat):.2f}°{'S' if lat < 0 else 'N'}"
