"""The country of a point, and the countries a geodesic crosses, from Natural Earth polygons.

The polygons are Natural Earth's 1:10m admin-0 countries (version 5.1.1, German point of
view), snapped to a 1e-4° grid (about 11 m) and cut into small tiles by
``scripts/build_countries.py``; ``data/README.md`` documents them, their ISO codes and the
data's point of view on disputed areas. (The 1:110m layer drawn under maps is too coarse:
it puts Geneva in France and Singapore in Malaysia.)

* :func:`country_at` / :func:`countries_at` – the country whose polygon contains a point,
  vectorized over arrays (an STRtree of the tiles, then prepared point-in-polygon tests).
  Coastal points and reclaimed land outside the polygons (Sentosa, Changi, Hong Kong's
  airport) take the **nearest country within 25 km** (geodesic distance, reported as
  ``distance_km``); farther out at sea there is no country.
* :func:`overflown` – the countries under the geodesic from A to B, in path order: the path
  is densified (vertices at most 10 km apart), split at the antimeridian, and intersected
  with the polygons. Land territory only: territorial waters (12 nautical miles) and flight
  information regions are not modelled.

Codes are ISO 3166-1 alpha-2 from Natural Earth's ``ISO_A2_EH`` (plain ``ISO_A2`` is -99 for
France, Norway and Kosovo): ``XK`` for Kosovo. Six small features have no code (e.g. the
Spratly Islands); :attr:`Country.code` then falls back to the sovereign's code or the name.

Loading takes about 50 ms and happens once per process (:func:`load_countries` is cached).

Examples
--------
>>> country_at(46.2044, 6.1432).country.iso_a2          # Geneva (1:110m says France)
'CH'
>>> m = country_at(22.3080, 113.9185)                   # Hong Kong airport, reclaimed land
>>> m.country.iso_a2, m.inside
('HK', False)
>>> country_at(30.0, -40.0).country is None             # mid-Atlantic
True
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import shapely

from geo.core.geodesy import LatLon, densify, distance_km, is_coincident
from geo.errors import DataError, InvalidCoordinatesError, InvalidInputError
from geo.places.gazetteer import data_dir, read_rows

__all__ = [
    "NEAREST_MAX_KM",
    "PATH_STEP_KM",
    "Country",
    "CountryIndex",
    "CountryMatch",
    "countries_at",
    "country_at",
    "load_countries",
    "overflown",
]

NEAREST_MAX_KM = 25.0  # a point outside every polygon takes the nearest country this close, km
PATH_STEP_KM = 10.0  # vertex spacing of a path intersected with the polygons, km
_CHUNK_SEGMENTS = 16  # path segments per chunk queried in the STRtree
COUNTRIES_CSV = "countries_10m.csv"
POLYGONS_NPZ = "countries_10m.npz"
_GRID_SCALE = 10_000  # the NPZ stores coordinates in units of 1e-4 degree
_KM_PER_DEG_LAT_MIN = 110.5  # shortest meridian degree on WGS84 is 110.574 km (equator)
_KM_PER_DEG_EQUATOR = 111.32  # a degree of longitude on the equator, km

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True)
class Country:
    """One Natural Earth admin-0 feature.

    Attributes
    ----------
    iso_a2, iso_a3 : str or None
        ISO 3166-1 codes (``XK``/``XKX`` for Kosovo); ``None`` for the six features without
        one (Akrotiri, Dhekelia, Guantanamo Bay naval base, Bir Tawil, Spratly Islands,
        Scarborough Reef).
    name : str
        Natural Earth ``ADMIN`` name ("United States of America", "Hong Kong S.A.R.").
    sovereign : str or None
        ISO code of the sovereign state (``CN`` for Hong Kong, ``DK`` for Greenland; the
        feature's own code for a sovereign state).
    ne_type : str
        Natural Earth ``TYPE`` ("Sovereign country", "Dependency", "Disputed", …).
    """

    iso_a2: str | None
    iso_a3: str | None
    name: str
    sovereign: str | None
    ne_type: str

    @property
    def code(self) -> str:
        """The ISO code, else the sovereign's code, else the name (for lists of countries)."""
        return self.iso_a2 or self.sovereign or self.name

    @property
    def states(self) -> frozenset[str]:
        """The codes this territory answers to: its own and its sovereign's."""
        return frozenset(c for c in (self.iso_a2, self.sovereign) if c)


@dataclass(frozen=True)
class CountryMatch:
    """Where a point is.

    Attributes
    ----------
    country : Country or None
        ``None`` when no polygon lies within the search radius (open sea, Antarctica's ice
        shelves beyond the coastline, …).
    distance_km : float
        0 when a polygon contains the point; else the geodesic distance to the nearest
        polygon, km (≤ the search radius); NaN when ``country`` is ``None``.
    """

    country: Country | None
    distance_km: float

    @property
    def inside(self) -> bool:
        """Whether a polygon contains the point (rather than lying nearby)."""
        return self.country is not None and self.distance_km == 0.0


class CountryIndex:
    """The tiles of every country in an STRtree, with vectorized lookups.

    Build it with :func:`load_countries` (cached); the constructor takes the decoded arrays.
    """

    def __init__(
        self, countries: Sequence[Country], tiles: npt.NDArray[np.object_], tile_row: IntArray
    ) -> None:
        if len(tiles) != len(tile_row) or (len(tile_row) and int(tile_row.max()) >= len(countries)):
            raise DataError(f"{POLYGONS_NPZ} does not match {COUNTRIES_CSV}; rebuild both")
        self.countries = tuple(countries)
        self.tiles = tiles
        self.tile_row = tile_row
        self.tree = shapely.STRtree(tiles)
        shapely.prepare(tiles)
        self._by_code: dict[str, Country] = {}
        for c in self.countries:
            if c.iso_a2:
                self._by_code.setdefault(c.iso_a2, c)

    def by_code(self, iso_a2: str) -> Country | None:
        """The feature with this ISO alpha-2 code, if any."""
        return self._by_code.get(iso_a2)

    def locate(
        self, lats: npt.ArrayLike, lons: npt.ArrayLike, *, max_km: float = NEAREST_MAX_KM
    ) -> tuple[IntArray, FloatArray]:
        """Rows of :attr:`countries` for many points, vectorized.

        Parameters
        ----------
        lats, lons : array_like
            Degrees, same shape, latitude in [-90, 90], longitude in [-180, 180].
        max_km : float
            Radius of the nearest-country fallback, km, ≥ 0 (0 turns it off).

        Returns
        -------
        rows : ndarray of int
            Index into :attr:`countries`, -1 where no country is within ``max_km``.
        distance_km : ndarray of float
            0 inside a polygon, the geodesic distance to the nearest one for the fallback,
            NaN where there is none.
        """
        lat = np.asarray(lats, dtype=np.float64).reshape(-1)
        lon = np.asarray(lons, dtype=np.float64).reshape(-1)
        if lat.shape != lon.shape:
            raise InvalidInputError("latitudes and longitudes must have the same length")
        if not (np.isfinite(lat).all() and np.isfinite(lon).all()):
            raise InvalidCoordinatesError("coordinates contain NaN or infinite values")
        if (np.abs(lat) > 90).any() or (np.abs(lon) > 180).any():
            raise InvalidCoordinatesError("a latitude or longitude is out of range ([-90, 90], [-180, 180])")
        if not (math.isfinite(max_km) and max_km >= 0):
            raise InvalidInputError(f"max_km must be a number ≥ 0, not {max_km!r}")
        rows = np.full(lat.size, -1, dtype=np.int64)
        dist = np.full(lat.size, np.nan)
        if lat.size == 0:
            return rows, dist
        points = shapely.points(lon, lat)
        point_i, tile_i = self.tree.query(points)
        hit = shapely.intersects(self.tiles[tile_i], points[point_i])
        found_rows = self.tile_row[tile_i[hit]]
        # a point on a border between two countries takes the lower row (deterministic)
        best = np.full(lat.size, np.iinfo(np.int64).max, dtype=np.int64)
        np.minimum.at(best, point_i[hit], found_rows)
        inside = best != np.iinfo(np.int64).max
        rows[inside] = best[inside]
        dist[inside] = 0.0
        missing = np.flatnonzero(~inside)
        if missing.size and max_km > 0:
            near_rows, near_km = self._nearest(lat[missing], lon[missing], max_km)
            ok = near_rows >= 0
            rows[missing[ok]] = near_rows[ok]
            dist[missing[ok]] = near_km[ok]
        return rows, dist

    def _nearest(self, lat: FloatArray, lon: FloatArray, max_km: float) -> tuple[IntArray, FloatArray]:
        """Nearest country within ``max_km`` (geodesic) of points outside every polygon."""
        # Search radius in degrees, generous in both directions (longitude degrees shrink with cos φ).
        cos_lat = np.cos(np.radians(np.minimum(np.abs(lat), 89.9)))
        radius_deg = 1.01 * np.maximum(max_km / _KM_PER_DEG_LAT_MIN, max_km / (_KM_PER_DEG_EQUATOR * cos_lat))
        radius_deg = np.minimum(radius_deg, 360.0)
        # Points near ±180° also search the other side of the antimeridian (shifted by 360°).
        query_lon = [lon]
        owner = [np.arange(lat.size)]
        for shift, near in ((-360.0, lon + radius_deg > 180.0), (360.0, lon - radius_deg < -180.0)):
            query_lon.append(lon[near] + shift)
            owner.append(np.flatnonzero(near))
        q_lon = np.concatenate(query_lon)
        q_owner = np.concatenate(owner)
        q_lat = lat[q_owner]
        q_radius = radius_deg[q_owner]
        pair_q, pair_tile = self.tree.query(
            shapely.points(q_lon, q_lat), predicate="dwithin", distance=q_radius
        )
        rows = np.full(lat.size, -1, dtype=np.int64)
        best_km = np.full(lat.size, np.inf)
        if pair_q.size == 0:
            return rows, np.full(lat.size, np.nan)
        # Nearest point of each candidate tile in a local equirectangular frame centred on the point
        # (x scaled by cos φ), then the exact geodesic distance to that point.
        lat0, lon0 = q_lat[pair_q], q_lon[pair_q]
        scale = np.cos(np.radians(np.minimum(np.abs(lat0), 89.9)))
        candidates = self.tiles[pair_tile]
        _, coord_pair = shapely.get_coordinates(candidates, return_index=True)

        def to_local(xy: FloatArray) -> FloatArray:
            return np.column_stack(
                [(xy[:, 0] - lon0[coord_pair]) * scale[coord_pair], xy[:, 1] - lat0[coord_pair]]
            )

        local = shapely.transform(candidates, to_local)
        ends = shapely.get_coordinates(shapely.shortest_line(local, shapely.points(np.zeros((1, 2)))[0]))
        near_x, near_y = ends[0::2, 0], ends[0::2, 1]
        near_lat = np.clip(near_y + lat0, -90.0, 90.0)
        near_lon = near_x / scale + lon0
        near_lon = (near_lon + 180.0) % 360.0 - 180.0
        km = np.asarray(
            distance_km(lat0, (lon0 + 180.0) % 360.0 - 180.0, near_lat, near_lon), dtype=np.float64
        )
        point = q_owner[pair_q]
        order = np.lexsort((self.tile_row[pair_tile], km, point))  # per point: nearest first, then lower row
        first = np.ones(order.size, dtype=bool)
        first[1:] = point[order][1:] != point[order][:-1]
        chosen = order[first]
        close = km[chosen] <= max_km
        rows[point[chosen[close]]] = self.tile_row[pair_tile[chosen[close]]]
        best_km[point[chosen[close]]] = km[chosen[close]]
        return rows, np.where(rows >= 0, best_km, np.nan)

    def match(self, lat: float, lon: float, *, max_km: float = NEAREST_MAX_KM) -> CountryMatch:
        """The :class:`CountryMatch` of one point."""
        rows, km = self.locate([lat], [lon], max_km=max_km)
        row = int(rows[0])
        return CountryMatch(self.countries[row] if row >= 0 else None, float(km[0]))

    def crossed(self, a: LatLon, b: LatLon, *, step_km: float = PATH_STEP_KM) -> tuple[Country, ...]:
        """Countries whose polygons the geodesic from ``a`` to ``b`` passes through, in path order.

        A country entered twice appears twice (``US, CA, US``); consecutive repeats are
        merged. Only the polygons count: the endpoints' own countries are included only if
        the path crosses their land (see :func:`overflown` for the full list).

        Raises
        ------
        DegenerateGeodesicError
            ``a`` and ``b`` are nearly antipodal (no unique path).
        """
        if is_coincident(a, b):
            return ()
        lats, lons = densify(a, b, step_km)
        # Short chunks of the path (each a few hundred km) keep the STRtree's bounding-box
        # candidates few; their offsets along the path order the crossings.
        chunks: list[FloatArray] = []
        offsets: list[float] = []
        offset = 0.0
        for piece in _split_at_antimeridian(lats, lons):
            steps = np.hypot(*np.diff(piece, axis=0).T)
            cumulative = np.concatenate([[0.0], np.cumsum(steps)])
            for i in range(0, len(piece) - 1, _CHUNK_SEGMENTS):
                chunks.append(piece[i : i + _CHUNK_SEGMENTS + 1])
                offsets.append(offset + float(cumulative[i]))
            offset += float(cumulative[-1])
        sizes = np.array([len(c) for c in chunks], dtype=np.int64)
        lines = shapely.from_ragged_array(
            shapely.GeometryType.LINESTRING,
            np.concatenate(chunks),
            (np.concatenate([[0], np.cumsum(sizes)]),),
        )
        line_i, tile_i = self.tree.query(lines)
        entries: list[tuple[float, float, int]] = []
        if line_i.size:
            pieces = shapely.intersection(self.tiles[tile_i], lines[line_i])
            parts, owner = shapely.get_parts(pieces, return_index=True)
            keep = (shapely.get_type_id(parts) == 1) & (shapely.length(parts) > 0)  # LineStrings
            parts, owner = parts[keep], owner[keep]
            if parts.size:
                on = lines[line_i[owner]]
                s0 = shapely.line_locate_point(on, shapely.get_point(parts, 0))
                s1 = shapely.line_locate_point(on, shapely.get_point(parts, -1))
                base = np.asarray(offsets)[line_i[owner]]
                rows = self.tile_row[tile_i[owner]]
                entries = sorted(
                    zip((base + np.minimum(s0, s1)).tolist(), (base + np.maximum(s0, s1)).tolist(),
                        rows.tolist(), strict=True)
                )  # fmt: skip
        out: list[int] = []
        for _, _, row in entries:
            if not out or out[-1] != row:
                out.append(row)
        return tuple(self.countries[r] for r in out)


def _split_at_antimeridian(lats: FloatArray, lons: FloatArray) -> list[FloatArray]:
    """Cut an unwrapped polyline where it crosses ±180°; pieces as (lon, lat) in [-180, 180].

    ``lons`` may leave [-180, 180] (see :func:`geo.core.geodesy.densify`); consecutive vertices
    differ by less than 180°, so a segment crosses at most one antimeridian. The crossing
    latitude is interpolated linearly along the segment (vertices are at most 10 km apart).
    """
    copy = np.floor((lons + 180.0) / 360.0)  # which 360° "world copy" each vertex lies in
    pieces: list[FloatArray] = []
    piece_lon, piece_lat = [lons[0] - 360.0 * copy[0]], [lats[0]]
    for i in range(1, lons.size):
        if copy[i] != copy[i - 1]:
            boundary = -180.0 + 360.0 * max(copy[i], copy[i - 1])
            t = (boundary - lons[i - 1]) / (lons[i] - lons[i - 1])
            lat_c = lats[i - 1] + t * (lats[i] - lats[i - 1])
            piece_lon.append(boundary - 360.0 * copy[i - 1])
            piece_lat.append(lat_c)
            pieces.append(np.column_stack([piece_lon, piece_lat]))
            piece_lon, piece_lat = [boundary - 360.0 * copy[i]], [lat_c]
        piece_lon.append(lons[i] - 360.0 * copy[i])
        piece_lat.append(lats[i])
    pieces.append(np.column_stack([piece_lon, piece_lat]))
    return [p for p in pieces if len(p) >= 2 and np.ptp(p, axis=0).any()]


def _read_countries() -> list[Country]:
    rows = read_rows(COUNTRIES_CSV, remedy="rebuild it with scripts/build_countries.py")
    return [
        Country(r["iso_a2"] or None, r["iso_a3"] or None, r["name"], r["sovereign"] or None, r["ne_type"])
        for r in rows
    ]


# Parts of a state that OurAirports and GeoNames code separately but Natural Earth draws inside
# their state's polygon (so they have no row of their own in countries_10m.csv).
INTEGRAL_PARTS: dict[str, str] = {
    "GF": "FR",  # French Guiana
    "GP": "FR",  # Guadeloupe
    "MQ": "FR",  # Martinique
    "RE": "FR",  # Réunion
    "YT": "FR",  # Mayotte
    "BQ": "NL",  # Bonaire, Sint Eustatius and Saba
    "SJ": "NO",  # Svalbard and Jan Mayen
    "BV": "NO",  # Bouvet Island
    "CX": "AU",  # Christmas Island
    "CC": "AU",  # Cocos (Keeling) Islands
    "TK": "NZ",  # Tokelau
}


@functools.cache
def sovereigns() -> dict[str, str]:
    """The sovereign state of every ISO alpha-2 code of the data (``HK`` → ``CN``, ``FR`` → ``FR``).

    From ``countries_10m.csv`` (no polygons loaded) plus :data:`INTEGRAL_PARTS`.

    Examples
    --------
    >>> s = sovereigns()
    >>> s["HK"], s["PR"], s["RE"], s["TW"], s["FR"]
    ('CN', 'US', 'FR', 'TW', 'FR')
    """
    out = {c.iso_a2: c.sovereign or c.iso_a2 for c in _read_countries() if c.iso_a2}
    return {**INTEGRAL_PARTS, **out}


def same_state_codes(codes: Sequence[str | None]) -> tuple[str, ...]:
    """The given codes, then every other code under the same sovereign states, for neutrality.

    A venue is neutral when neither its country nor its sovereign is a party's country or
    sovereign (as in :mod:`geo.facts.summit`): Beijing as a party rules out Hong Kong and Macao,
    Washington rules out Puerto Rico and Guam, Paris rules out Réunion.

    Examples
    --------
    >>> same_state_codes(["CN"])
    ('CN', 'HK', 'MO')
    >>> same_state_codes(["HK", None])
    ('HK', 'CN', 'MO')
    """
    given = [c for c in dict.fromkeys(codes) if c]
    sov = sovereigns()
    states = {sov.get(c, c) for c in given} | set(given)
    more = sorted(c for c, s in sov.items() if (c in states or s in states) and c not in given)
    return (*given, *more)


@functools.cache
def load_countries() -> CountryIndex:
    """Load the polygons once per process (about 50 ms) and index them."""
    path = data_dir() / POLYGONS_NPZ
    try:
        with np.load(path, allow_pickle=False) as z:
            delta = z["lonlat_delta"]
            ring_offsets = z["ring_offsets"].astype(np.int64)
            polygon_offsets = z["polygon_offsets"].astype(np.int64)
            tile_row = z["tile_row"].astype(np.int64)
    except FileNotFoundError:
        raise DataError(f"data file {path} is missing; rebuild it with scripts/build_countries.py") from None
    coords = np.cumsum(delta.astype(np.int64), axis=0) / _GRID_SCALE
    tiles = shapely.from_ragged_array(shapely.GeometryType.POLYGON, coords, (ring_offsets, polygon_offsets))
    return CountryIndex(_read_countries(), tiles, tile_row)


def country_at(lat: float, lon: float, *, max_km: float = NEAREST_MAX_KM) -> CountryMatch:
    """The country of a point: the polygon that contains it, else the nearest within ``max_km``.

    Parameters
    ----------
    lat, lon : float
        Degrees WGS84, latitude in [-90, 90], longitude in [-180, 180].
    max_km : float
        Radius of the nearest-country fallback, km (default 25; 0 turns it off).

    Examples
    --------
    >>> country_at(1.2897, 103.8501).country.iso_a2      # Singapore (1:110m says Malaysia)
    'SG'
    >>> m = country_at(1.2494, 103.8303)                 # Sentosa: outside the 1:10m polygons
    >>> m.country.iso_a2, m.inside, round(m.distance_km, 1) <= 2
    ('SG', False, True)
    """
    return load_countries().match(lat, lon, max_km=max_km)


def countries_at(
    lats: npt.ArrayLike, lons: npt.ArrayLike, *, max_km: float = NEAREST_MAX_KM
) -> tuple[list[Country | None], FloatArray]:
    """:func:`country_at` for many points at once (vectorized; ~10k points in about 30 ms).

    Returns
    -------
    countries : list of Country or None
    distance_km : ndarray
        0 inside a polygon, > 0 for the nearest-country fallback, NaN for none.

    Examples
    --------
    >>> found, km = countries_at([48.8566, 59.9139, 42.6629], [2.3522, 10.7522, 21.1655])
    >>> [c.iso_a2 for c in found]                        # plain ISO_A2 is -99 for all three
    ['FR', 'NO', 'XK']
    """
    index = load_countries()
    rows, km = index.locate(lats, lons, max_km=max_km)
    return [index.countries[r] if r >= 0 else None for r in rows.tolist()], km


def overflown(a: LatLon, b: LatLon, *, max_km: float = NEAREST_MAX_KM) -> tuple[str, ...]:
    """Codes of the countries under the geodesic from ``a`` to ``b``, in path order.

    The list starts with the country of ``a`` and ends with the country of ``b`` (found as in
    :func:`country_at`, so an airport on reclaimed land counts for its country), with every
    country whose land the path crosses in between; consecutive repeats are merged, a country
    entered again later appears again. Codes as :attr:`Country.code`.

    Raises
    ------
    DegenerateGeodesicError
        ``a`` and ``b`` are nearly antipodal: there is no unique path.

    Examples
    --------
    >>> overflown(LatLon(61.2181, -149.9003), LatLon(39.9042, 116.4074))  # Anchorage → Beijing
    ('US', 'RU', 'CN')
    """
    index = load_countries()
    codes: list[str] = []
    start = index.match(a.lat, a.lon, max_km=max_km).country
    end = index.match(b.lat, b.lon, max_km=max_km).country
    for country in (start, *index.crossed(a, b), end):
        if country is not None and (not codes or codes[-1] != country.code):
            codes.append(country.code)
    return tuple(codes)
