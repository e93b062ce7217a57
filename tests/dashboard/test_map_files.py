"""The dashboard's map downloads: the page, and the same map's layers as GeoJSON and KML."""

from __future__ import annotations

import json

from fastkml import KML, Placemark
from fastkml.utils import find_all

from geo.maps.results import map_for_check
from geo.usecases import check_claim
from geo_dashboard.common import map_files


def test_map_files_should_hold_the_page_and_the_layers_of_the_same_map() -> None:
    result = check_claim("Anchorage", "Washington", "Beijing")
    files = map_files("test:files", lambda: map_for_check(result))
    assert "L.polyline" in files.html
    collection = json.loads(files.geojson)
    assert {f["properties"]["name"] for f in collection["features"]} >= {"Anchorage", "Beijing"}
    names = {p.name for p in find_all(KML.from_string(files.kml), of_type=Placemark)}
    assert {"Anchorage", "Beijing", "Washington, D.C.", "Geodesic midpoint"} <= names
