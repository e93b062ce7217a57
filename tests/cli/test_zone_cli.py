"""``zone``, ``check --zones``, ``best --zones`` and ``map --zones``: text, JSON, files, errors.

Distances in the output are checked against GeographicLib: the reported nearest edge point is
that far from the venue, and the rule (recomputed here) changes sign right at it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import shapely
from geographiclib.geodesic import Geodesic

from geo.cli.main import main
from geo.places.resolve import resolve

G = Geodesic.WGS84


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_zone_text_names_each_zone_and_where_the_venue_lies(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(capsys, "zone", "Washington", "Beijing", "--venue", "Anchorage")
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0] == "Zones between Washington, D.C. and Beijing (centre: the midpoint, 81.9°N, 156.9°W)"
    assert lines[1].startswith("- halfway zone (detour ≤ 5 % and split within 47.5–52.5 %): ")
    assert "Ted Stevens Anchorage International Airport (ANC)" in lines[2]
    assert lines[-1].startswith("Zones: Anchorage is ") and "outside the halfway zone" in lines[-1]
    assert "inside the roughly-halfway zone" in lines[-1]


def test_zone_json_distances_agree_with_geographiclib(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "zone", "Washington", "Beijing", "--venue", "Anchorage", "--json")
    assert code == 0
    doc = json.loads(out)
    assert [z["kind"] for z in doc["zones"]] == ["halfway", "roughly halfway", "equal distance"]
    for z in doc["zones"]:
        geom = shapely.geometry.shape(z["geometry"])
        assert geom.is_valid and z["area_km2"] > 0
    venue = doc["venues"][0]
    assert venue["name"] == "Anchorage"
    anc = resolve("Anchorage").point
    for pos in venue["zones"]:
        edge = pos["edge_point"]
        km = G.Inverse(anc.lat, anc.lon, edge["lat"], edge["lon"])["s12"] / 1000
        assert km == pytest.approx(pos["edge_km"], abs=1e-6)
    assert [p["inside"] for p in venue["zones"]] == [False, True, False]


def test_check_zones_adds_the_sentence_and_the_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "check", "Anchorage", "--between", "Washington", "Beijing", "--zones")
    assert code == 0
    assert out.splitlines()[-1].startswith("Zones: Anchorage is ")
    code, out, _ = run_cli(
        capsys, "check", "Anchorage", "--between", "Washington", "Beijing", "--zones", "--json"
    )
    doc = json.loads(out)
    assert doc["verdict"] == "roughly halfway"
    assert [p["inside"] for p in doc["zones"]["venues"][0]["zones"]] == [False, True, False]


def test_best_zones_gives_the_fairness_zone(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(
        capsys, "best", "Washington", "Beijing", "Moscow", "--zones", "10", "--suggest", "0"
    )
    assert code == 0
    assert "- 10 % minimax zone (longest trip ≤ " in out


def test_zone_and_map_write_every_format(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    for suffix in (".html", ".geojson", ".kml", ".svg"):
        out_file = tmp_path / f"z{suffix}"
        code, _, err = run_cli(capsys, "zone", "Paris", "London", "--out", str(out_file))
        assert code == 0 and err == "" and out_file.stat().st_size > 1000, suffix
    doc = json.loads((tmp_path / "z.geojson").read_text(encoding="utf-8"))
    zones = [f for f in doc["features"] if f["geometry"]["type"] in ("Polygon", "MultiPolygon")]
    assert sorted(f["properties"]["zone"] for f in zones) == ["equal distance", "halfway", "roughly halfway"]
    assert "<Polygon>" in (tmp_path / "z.kml").read_text(encoding="utf-8")
    page = tmp_path / "m.html"
    code, _, _ = run_cli(capsys, "map", "Washington", "Beijing", "--zones", "--out", str(page))
    assert code == 0 and "geo-zone-halfway" in page.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("zone", "Paris"), "party"),
        (("zone", "Paris", "Rome", "--objective", "minimax", "--within", "0"), "--within"),
        (("zone", "Paris", "Rome", "--objective", "minimax", "--within", "nan"), "--within"),
        (("zone", "Madrid", "Wellington"), "antipodal"),
        (("zone", "Paris", "Rome", "Oslo", "--objective", "halfway"), "exactly 2 parties"),
        (("zone", "Paris", "Rome", "--out", "zones.txt"), "must name"),
        (("zone", "Paris", "Paris"), "same place"),
    ],
)
def test_bad_zone_input_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], message: str
) -> None:
    code, out, err = run_cli(capsys, *argv)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and message in err


def test_zone_images_take_size_and_dpi_and_pages_say_what_they_leave_out(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from PIL import Image

    png = tmp_path / "z.png"
    code, _, err = run_cli(
        capsys, "zone", "Paris", "London", "--out", str(png), "--size", "A5", "--dpi", "100"
    )
    assert code == 0 and err == ""
    width, height = Image.open(png).size  # A5 landscape, 210 × 148 mm, at 100 dpi
    assert abs(width - 210 / 25.4 * 100) <= 1 and abs(height - 148 / 25.4 * 100) <= 1
    code, _, err = run_cli(
        capsys, "zone", "Paris", "London", "--out", str(tmp_path / "z.html"), "--dpi", "100"
    )
    assert code == 2 and "--dpi is for images" in err
    page = tmp_path / "globe.html"
    code, _, _ = run_cli(
        capsys, "zone", "Paris", "London", "--heat", "max", "--out", str(page), "--projection", "globe"
    )
    assert code == 0 and "The heat map is not drawn on this page" in page.read_text(encoding="utf-8")
