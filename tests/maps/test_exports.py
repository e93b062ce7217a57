"""GeoJSON, KML and KMZ exports of a map: round trips through shapely and fastkml, the antimeridian
cut, every layer, escaping of hostile names, determinism."""

from __future__ import annotations

import io
import itertools
import json
import re
import zipfile
from typing import Any

import pytest
import shapely.geometry
from fastkml import KML, Placemark
from fastkml.utils import find_all
from map_html import HOSTILE_NAMES

from geo.core.equidistant import equidistant_line
from geo.core.geodesy import LatLon
from geo.maps.exports import cut_at_antimeridian, export_data, geojson_text, kml_text, kmz_bytes, plan_geojson
from geo.maps.plan import BestMark, DrawnLine, MapPlan, MapPoint, RouteMark, VenueMark, plan_map
from geo.maps.results import map_for_check
from geo.usecases import check_claim

WASHINGTON = MapPoint("Washington", 38.9072, -77.0369)
BEIJING = MapPoint("Beijing", 39.9042, 116.4074)
TOKYO = MapPoint("Tokyo", 35.6762, 139.6503)
HONOLULU = MapPoint("Honolulu", 21.3069, -157.8583)
ANCHORAGE = VenueMark(
    "Anchorage", 61.2181, -149.9003, "roughly halfway", properties=(("verdict", "roughly"),)
)


@pytest.fixture(scope="module")
def full_plan() -> MapPlan:
    """Every kind of layer: parties, venues, flights, direct path and midpoint, rings, the best
    point and its minimax circle, the equidistant line, a route with a stop, a detour."""
    stop = MapPoint("Churchill", 58.7392, -94.0667)
    return plan_map(
        [WASHINGTON, BEIJING],
        [ANCHORAGE, VenueMark("Reykjavik", 64.1466, -21.9426)],
        best=BestMark(70.0, -170.0, 6000.0, 11500.0, "minimax"),
        equidistant=equidistant_line(WASHINGTON.point, BEIJING.point),
        rings_km=(3000.0,),
        routes=(
            RouteMark("via Churchill", (BEIJING, stop, WASHINGTON), "#e66101", "6 4", (1,), "stop-route"),
            RouteMark(
                "around",
                (WASHINGTON, MapPoint("turn", 70.0, -100.0), BEIJING),
                "#1b9e77",
                "2 6",
                (),
                "detour",
            ),
            RouteMark("route", (TOKYO, HONOLULU)),
        ),
    )


def line_features(collection: dict[str, Any]) -> list[dict[str, Any]]:
    return [f for f in collection["features"] if f["geometry"]["type"] in ("LineString", "MultiLineString")]


def parts_of(geometry: dict[str, Any]) -> list[list[list[float]]]:
    return [geometry["coordinates"]] if geometry["type"] == "LineString" else geometry["coordinates"]


def drawn_lines(plan: MapPlan) -> list[DrawnLine]:
    """The plan's lines in export order (by layer)."""
    from geo.maps.plan import LINE_LAYERS

    return [line for kind in LINE_LAYERS for line in plan.lines if line.kind == kind]


# GeoJSON ---------------------------------------------------------------------------------------


def test_geojson_should_be_a_feature_collection_that_shapely_reads_feature_by_feature(
    full_plan: MapPlan,
) -> None:
    collection = json.loads(geojson_text(full_plan))
    assert collection["type"] == "FeatureCollection"
    for feature in collection["features"]:
        geometry = shapely.geometry.shape(feature["geometry"])
        assert geometry.is_valid and not geometry.is_empty
        json.dumps(feature["properties"], allow_nan=False)  # plain JSON


def test_geojson_lines_should_keep_the_html_vertices_plus_two_per_antimeridian_cut(
    full_plan: MapPlan,
) -> None:
    features = line_features(plan_geojson(full_plan))
    lines = drawn_lines(full_plan)
    assert len(features) == len(lines)
    for feature, line in zip(features, lines, strict=True):
        parts = parts_of(feature["geometry"])
        count = sum(len(part) for part in parts)
        assert count == len(line.lats) + 2 * (len(parts) - 1), line.label
        assert shapely.geometry.shape(feature["geometry"]).length > 0


def test_geojson_should_use_lon_lat_order_within_180_degrees_and_six_decimals(full_plan: MapPlan) -> None:
    text = geojson_text(full_plan)
    for feature in json.loads(text)["features"]:
        geometry = feature["geometry"]
        positions = (
            [geometry["coordinates"]]
            if geometry["type"] == "Point"
            else [p for part in parts_of(geometry) for p in part]
        )
        for lon, lat in positions:
            assert -180.0 <= lon <= 180.0 and -90.0 <= lat <= 90.0
    assert not re.search(r"\d\.\d{7,}", text)
    party = next(f for f in json.loads(text)["features"] if f["properties"]["name"] == "Washington")
    assert party["geometry"]["coordinates"] == [-77.0369, 38.9072]


def test_should_cut_the_anchorage_leg_of_washington_beijing_at_the_antimeridian() -> None:
    plan = plan_map([WASHINGTON, BEIJING], [ANCHORAGE])
    features = line_features(plan_geojson(plan))
    leg = next(f for f in features if f["properties"]["name"].startswith("Beijing → Anchorage"))
    assert leg["geometry"]["type"] == "MultiLineString"
    first, second = leg["geometry"]["coordinates"]
    assert abs(first[-1][0]) == 180.0 and second[0][0] == -first[-1][0] and second[0][1] == first[-1][1]
    for feature in features:
        for part in parts_of(feature["geometry"]):
            steps = [abs(b[0] - a[0]) for a, b in itertools.pairwise(part)]
            assert max(steps, default=0.0) <= 180.0  # no segment goes the long way round


def test_should_cut_tokyo_honolulu_at_180_east_then_resume_at_180_west() -> None:
    feature = line_features(plan_geojson(plan_map([TOKYO, HONOLULU])))[0]
    first, second = feature["geometry"]["coordinates"]
    assert first[0] == [139.6503, 35.6762] and second[-1] == [-157.8583, 21.3069]
    assert first[-1][0] == 180.0 and second[0][0] == -180.0 and first[-1][1] == second[0][1]
    assert 30.0 < first[-1][1] < 45.0
    shape = shapely.geometry.shape(feature["geometry"])
    assert shape.bounds[0] == -180.0 and shape.bounds[2] == 180.0


def test_cut_should_share_a_vertex_that_lies_exactly_on_the_antimeridian() -> None:
    assert cut_at_antimeridian([0.0, 1.0, 2.0], [170.0, 180.0, 190.0]) == [
        [(170.0, 0.0), (180.0, 1.0)],
        [(-180.0, 1.0), (-170.0, 2.0)],
    ]
    assert cut_at_antimeridian([0.0, 1.0], [-170.0, -190.0]) == [
        [(-170.0, 0.0), (-180.0, 0.5)],
        [(180.0, 0.5), (170.0, 1.0)],
    ]
    # unwrapped twice round (a ring around the pole drawn from far east): still within ±180
    parts = cut_at_antimeridian([80.0] * 5, [400.0, 500.0, 600.0, 700.0, 760.0])
    assert all(-180.0 <= lon <= 180.0 for part in parts for lon, _ in part)


def test_geojson_should_carry_every_layer_with_the_venue_numbers() -> None:
    result = check_claim("Anchorage", "Washington", "Beijing")
    collection = plan_geojson(
        map_for_check(
            result,
            equidistant=equidistant_line(result.parties[0].point, result.parties[1].point),
            rings_km=(2000,),
        ).plan
    )
    kinds = {f["properties"]["kind"] for f in collection["features"]}
    assert {"party", "venue", "midpoint", "direct", "flight", "ring", "equidistant"} <= kinds
    venue = next(f["properties"] for f in collection["features"] if f["properties"]["kind"] == "venue")
    assert venue["verdict"] == "roughly halfway" and venue["layer"] == "Venues"
    assert venue["split_a"] == pytest.approx(0.4585, abs=1e-3) and venue["detour_pct"] == pytest.approx(
        5.84, abs=0.01
    )
    midpoint = next(f for f in collection["features"] if f["properties"]["kind"] == "midpoint")
    assert midpoint["geometry"]["coordinates"] == pytest.approx([-156.85262, 81.90483], abs=1e-5)


def test_geojson_should_carry_routes_stops_detours_and_the_best_point(full_plan: MapPlan) -> None:
    kinds = [f["properties"]["kind"] for f in plan_geojson(full_plan)["features"]]
    assert {"best", "minimax", "best-path", "stop", "stop-route", "detour", "route"} <= set(kinds)
    assert kinds.count("party") == 2  # world-copy duplicates of a marker are exported once


def test_exports_should_be_deterministic(full_plan: MapPlan) -> None:
    assert geojson_text(full_plan) == geojson_text(full_plan)
    assert kml_text(full_plan) == kml_text(full_plan)
    assert kmz_bytes(full_plan) == kmz_bytes(full_plan)


# KML -------------------------------------------------------------------------------------------


def placemarks(text: str | bytes) -> list[Placemark]:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return list(find_all(KML.from_string(data), of_type=Placemark))


def test_kml_should_parse_back_with_fastkml_with_the_same_vertices_per_line(full_plan: MapPlan) -> None:
    marks = placemarks(kml_text(full_plan))
    lines = [p for p in marks if p.geometry is not None and p.geometry.geom_type == "LineString"]
    expected = drawn_lines(full_plan)
    # folders group the placemarks by layer, so compare as (name, vertex count) pairs
    parsed = sorted((p.name, len(list(p.geometry.coords))) for p in lines)
    assert parsed == sorted((line.label, len(line.lats)) for line in expected)
    for mark in lines:
        assert all(-180.0 <= lon <= 180.0 for lon, *_ in mark.geometry.coords)
        assert mark.kml_geometry.tessellate is True


def test_kml_should_have_a_folder_per_layer_and_styles_in_aabbggrr(full_plan: MapPlan) -> None:
    text = kml_text(full_plan)
    folders = re.findall(r"<Folder>\s*<name>([^<]+)</name>", text)
    assert len(folders) == len(set(folders))
    assert {
        "Parties",
        "Venues",
        "Flight paths",
        "Range rings",
        "Equidistant line",
        "Direct path and midpoint",
        "Best point and minimax circle",
        "Refuelling stops",
        "Detours around avoided airspace",
        "Route",
    } <= set(folders)
    # the party colour #1f4e9c as KML's aabbggrr
    assert '<Style id="party-1f4e9c">' in text and "<color>ff9c4e1f</color>" in text
    assert not re.search(r"https?://(?!www\.opengis\.net/kml/2\.2)", text)  # no icon or other fetch


def test_kmz_should_be_a_zip_with_doc_kml() -> None:
    data = export_data(plan_map([TOKYO, HONOLULU]), ".kmz")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.namelist() == ["doc.kml"]
        assert len(placemarks(archive.read("doc.kml"))) == 4  # two parties, midpoint, direct path


# Hostile names ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_hostile_names_should_come_out_inert_and_the_files_still_parse(name: str) -> None:
    plan = plan_map(
        [MapPoint(name, 10.0, 170.0), MapPoint("B", 20.0, -170.0)],
        [VenueMark(name + " venue", 15.0, 179.0)],
        title=name,
    )
    collection = json.loads(geojson_text(plan))
    assert name in {f["properties"]["name"] for f in collection["features"]}
    marks = placemarks(kml_text(plan))
    assert name in {p.name for p in marks}
    for mark in marks:
        description = mark.description or ""
        assert "<img" not in description and "<script" not in description and "<svg" not in description
    with zipfile.ZipFile(io.BytesIO(kmz_bytes(plan))) as archive:
        assert name in {p.name for p in placemarks(archive.read("doc.kml"))}


def test_control_characters_should_not_break_the_kml() -> None:
    plan = plan_map([MapPoint("bell\x07 and nul\x00", 0.0, 0.0)])
    assert [p.name for p in placemarks(kml_text(plan))][-1] == "bell\ufffd and nul\ufffd"


def test_should_refuse_an_unknown_format() -> None:
    from geo.errors import InvalidInputError

    with pytest.raises(InvalidInputError, match=r"use \.geojson, \.kml or \.kmz"):
        export_data(plan_map([TOKYO]), ".png")


def test_vertex_of_the_direct_path_matches_the_geodesic(full_plan: MapPlan) -> None:
    """The exported direct path is the plan's: its northernmost vertex is near the geodesic's peak."""
    from geo.core.geodesy import path_peak

    direct = next(f for f in line_features(plan_geojson(full_plan)) if f["properties"]["kind"] == "direct")
    top = max(lat for part in parts_of(direct["geometry"]) for _, lat in part)
    assert (
        abs(top - path_peak(LatLon(WASHINGTON.lat, WASHINGTON.lon), LatLon(BEIJING.lat, BEIJING.lon)).lat)
        < 0.01
    )
