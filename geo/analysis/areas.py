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
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from geo.analysis.check import CheckResult, EquidistanceResult, Thresholds, check_equidistant, check_halfway
from geo.core.geodesy import distance_km
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
