"""``map --out`` and ``route --out`` with .geojson, .kml and .kmz: written, reported, and refused
with one line and exit status 2 for an unknown suffix."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
import shapely.geometry
from fastkml import KML, Placemark
from fastkml.utils import find_all

from geo.cli.main import main


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_map_should_write_geojson_and_say_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "seed.geojson"
    code, stdout, err = run_cli(
        capsys,
        "map",
        "--between",
        "Washington",
        "Beijing",
        "--venues",
        "Anchorage",
        "--equidistant",
        "--out",
        str(out),
    )
    assert (code, err) == (0, "")
    assert stdout.startswith(f"wrote {out} (") and "GeoJSON" in stdout
    collection = json.loads(out.read_text(encoding="utf-8"))
    kinds = {f["properties"]["kind"] for f in collection["features"]}
    assert {"party", "venue", "midpoint", "direct", "flight", "equidistant"} <= kinds
    assert all(shapely.geometry.shape(f["geometry"]).is_valid for f in collection["features"])


@pytest.mark.parametrize("suffix", [".kml", ".KMZ"])
def test_map_should_write_kml_and_kmz(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    out = tmp_path / f"seed{suffix}"
    code, stdout, err = run_cli(capsys, "map", "--between", "Tokyo", "Honolulu", "--out", str(out), "--json")
    assert (code, err) == (0, "")
    report = json.loads(stdout)
    assert report == {
        "out": str(out),
        "bytes": out.stat().st_size,
        "format": suffix[1:].lower(),
        "self_contained": False,
    }
    data = out.read_bytes()
    if suffix.lower() == ".kmz":
        with zipfile.ZipFile(out) as archive:
            data = archive.read("doc.kml")
    names = {p.name for p in find_all(KML.from_string(data), of_type=Placemark)}
    assert {"Tokyo", "Honolulu", "Geodesic midpoint"} <= names


@pytest.mark.parametrize("out", ["seed.gif", "seed.json", "seed", "seed.kml.txt"])
def test_map_should_refuse_an_unknown_suffix_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], out: str
) -> None:
    code, stdout, err = run_cli(capsys, "map", "--between", "Tokyo", "Honolulu", "--out", str(tmp_path / out))
    assert code == 2 and stdout == ""
    assert len(err.strip().splitlines()) == 1
    assert "must name an .html, .geojson, .kml, .kmz, .png, .svg or .pdf file" in err
    assert not (tmp_path / out).exists()


def test_map_should_refuse_cdn_for_data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(
        capsys, "map", "--between", "Tokyo", "Honolulu", "--cdn", "--out", str(tmp_path / "a.kml")
    )
    assert code == 2 and "--cdn applies to an .html page" in err and len(err.strip().splitlines()) == 1


def test_route_should_write_kml_of_its_legs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "route.kml"
    code, stdout, err = run_cli(capsys, "route", "JFK", "LHR", "SIN", "--out", str(out))
    assert (code, err) == (0, "")
    assert stdout.rstrip().splitlines()[-1].startswith(f"wrote {out} (")
    marks = list(find_all(KML.from_string(out.read_bytes()), of_type=Placemark))
    assert sum(1 for p in marks if p.geometry is not None and p.geometry.geom_type == "LineString") == 2


def test_route_should_refuse_an_unknown_suffix_before_planning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, stdout, err = run_cli(capsys, "route", "JFK", "LHR", "--out", str(tmp_path / "r.pdf"))
    assert code == 2 and stdout == "" and len(err.strip().splitlines()) == 1
