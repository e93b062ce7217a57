"""The embedded Natural Earth 1:110m country outlines (``data/countries_110m.geojson``), read
once for the HTML basemap (:mod:`geo.maps.render`) and the print images
(:mod:`geo.maps.projection`), without importing folium."""

from __future__ import annotations

from functools import lru_cache

BASEMAP_FILE = "countries_110m.geojson"


@lru_cache(maxsize=1)
def basemap_text() -> str:
    """The GeoJSON text of the country outlines (a FeatureCollection in lon, lat degrees).

    Raises DataError when the file is missing.
    """
    from geo.errors import DataError
    from geo.places.gazetteer import data_dir

    path = data_dir() / BASEMAP_FILE
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError(f"basemap {path} is missing; rebuild it with scripts/build_basemap.py") from None
