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
    Hawaii, a US state, counts as North America. Other areas (US states, regions, islands) have
    no outline here: they are measured from their representative point only.

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
    """``("continent", "EU")``, ``("country", "IS")`` or None when the area has no outline here."""
    if place.kind == "continent" and place.name in CONTINENTS:
        return "continent", CONTINENTS[place.name]
    if named_as_country and place.country:
        return "country", place.country
    return None


@functools.lru_cache(maxsize=32)
def _outline(
    kind: str, code: str, centre: tuple[float, float] | None, radius_km: float | None, without: str | None
) -> tuple[FloatArray, FloatArray, npt.NDArray[np.object_]]:
    """(lats, lons) of the outline's vertices and its polygons (cached: claims repeat areas)."""
    import shapely

    from geo.facts.countries import load_countries

    if kind == "country":
        index = load_countries()
        rows = [i for i, c in enumerate(index.countries) if c.iso_a2 == code]
        tiles = index.tiles[np.isin(index.tile_row, rows)]
    else:
        with (data_dir() / "countries.csv").open(encoding="utf-8", newline="") as handle:
            codes = {row["iso2"] for row in csv.DictReader(handle) if row["continent"] == code} - {without}
        features = json.loads((data_dir() / "countries_110m.geojson").read_text(encoding="utf-8"))["features"]
        shapes = [
            shapely.geometry.shape(f["geometry"]) for f in features if f["properties"]["iso_a2"] in codes
        ]
        tiles = shapely.get_parts(np.array(shapes, dtype=object)) if shapes else np.array([], dtype=object)
    if centre is not None and radius_km is not None and len(tiles):
        points = shapely.point_on_surface(tiles)
        near = distance_km(centre[0], centre[1], shapely.get_y(points), shapely.get_x(points)) <= radius_km
        tiles = tiles[np.asarray(near)]
    coords = shapely.get_coordinates(tiles)
    return coords[:, 1].copy(), coords[:, 0].copy(), tiles


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
    name = place.name if key[0] == "continent" else (place.country_name or place.name)
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
    the United States the contiguous states' (near Lebanon, Kansas). A continent, or an area
    without an outline: the gazetteer's representative point and radius.

    >>> from geo.places.resolve import resolve
    >>> lat, lon, reach, how = area_centre(resolve("Germany"), True)
    >>> round(lat, 1), round(lon, 1), round(reach, -1)
    (51.1, 10.4, 470.0)
    """
    key = outline_key(place, named_as_country)
    if key is not None and key[0] == "continent":
        key = None  # a continent's outline is its countries', which cut across continents (Russia, Turkey)
    if key is None:
        if place.radius_km is None:
            raise InvalidInputError(f"{place.name} is a place, not an area: it has no middle")
        return place.lat, place.lon, float(place.radius_km), "the gazetteer's representative point"
    centre = (place.lat, place.lon) if key[0] == "continent" else None
    found = _land_centre(key[0], key[1], centre, place.radius_km if centre else None)
    if found is None:
        raise InvalidInputError(f"{place.name} has no outline here")
    lat_c, lon_c, reach = found
    how = "the centroid of its land in an equal-area projection, from the Natural Earth outline"
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


def check_centre(venue: Place, area: Place, named_as_country: bool) -> CentreResult:
    """How close ``venue`` is to the middle of ``area`` ("Kassel is in the middle of Germany").

    Examples
    --------
    >>> from geo.places.resolve import resolve
    >>> r = check_centre(resolve("Kassel"), resolve("Germany"), True)
    >>> r.holds, round(r.parties[0].distance_km, -1)
    ('roughly', 70.0)
    """
    lat, lon, reach, how = area_centre(area, named_as_country)
    d = float(distance_km(venue.lat, venue.lon, lat, lon))
    share = d / reach if reach > 0 else math.inf
    holds = "yes" if share <= CENTRE_YES else "roughly" if share <= CENTRE_ROUGHLY else "no"
    verdict = {"yes": "in the middle", "roughly": "roughly in the middle", "no": "not in the middle"}[holds]
    name = area.country_name if named_as_country and area.country_name else area.name
    centre = Place(
        f"centre of {name}", lat, lon, "point", area.country, area.country_name, query=name, note=how
    )
    party = Party(**PlaceRef.of(centre).__dict__, distance_km=d)
    explanation = (
        f"{venue.name} is {verdict} of {name}: {format_km(d)} from its centre ({format_lat_lon(lat, lon)}, "
        f"{how}), which is {100 * share:.0f} % of the {format_km(reach)} the area reaches from its centre "
        f"(in the middle: ≤ {100 * CENTRE_YES:g} %, roughly: ≤ {100 * CENTRE_ROUGHLY:g} %)."
    )
    return CentreResult(PlaceRef.of(venue), (party,), reach, share, holds, verdict, how, explanation)
