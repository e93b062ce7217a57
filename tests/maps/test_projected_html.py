"""The globe and azimuthal HTML page (geo.maps.projected_html) and `map --projection … --out F.html`,
without a browser (tests/maps/test_projected_browser.py opens the pages in chromium)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from map_html import HOSTILE_NAMES

from geo.cli.main import main
from geo.errors import InvalidInputError
from geo.maps.offline_html import external_references
from geo.maps.plan import MapPoint, VenueMark, plan_map
from geo.maps.projected_html import page_data, projected_page
from geo.maps.projection import ProjectionSpec, view_for
from geo.usecases import map_page

POLE_PLAN = plan_map([MapPoint("A", 60.0, 0.0), MapPoint("B", 60.0, 180.0)])


def data_of(page: str) -> dict[str, object]:
    match = re.search(r'<script type="application/json" id="geo-data">(.*?)</script>', page, re.DOTALL)
    assert match is not None
    return dict(json.loads(match.group(1)))


@pytest.mark.parametrize("kind", ["globe", "north", "south", "aeqd"])
def test_page_is_self_contained_and_carries_the_plan(kind: str) -> None:
    page, _ = map_page(POLE_PLAN, kind)
    assert external_references(page) == []
    assert "d3-geo" in page and "geographiclib" in page.lower()
    assert not re.search(r"""(src|href)\s*=\s*["']?https?:""", page)
    data = data_of(page)
    assert data["view"]["kind"] == kind  # type: ignore[index]
    assert len(data["lines"]) == len(POLE_PLAN.lines)  # type: ignore[arg-type]


def test_lines_are_true_lon_lat_within_plus_minus_180() -> None:
    plan = plan_map([MapPoint("Tokyo", 35.7, 139.7), MapPoint("Honolulu", 21.3, -157.9)])
    assert max(max(abs(x) for x in line.lons) for line in plan.lines) > 180  # display longitudes
    data = page_data(plan, view_for(plan, ProjectionSpec("globe")))
    for line in data["lines"]:  # type: ignore[attr-defined]
        assert all(-180.0 <= lon < 180.0 and -90.0 <= lat <= 90.0 for lon, lat in line["coords"])
    for marker in data["markers"]:  # type: ignore[attr-defined]
        assert -180.0 <= marker["lon"] < 180.0


def test_hostile_names_cannot_end_the_script_or_reach_html_unescaped() -> None:
    parties = [MapPoint(HOSTILE_NAMES[0], 38.9, -77.0), MapPoint(HOSTILE_NAMES[4], 39.9, 116.4)]
    venues = [
        VenueMark(name, 10.0 + i, -170.0 + 25.0 * i, details=((name, name),))
        for i, name in enumerate(HOSTILE_NAMES)
    ]
    plan = plan_map(parties, venues, title=HOSTILE_NAMES[4])
    page = projected_page(plan, view_for(plan, ProjectionSpec("north")))
    data_part = re.search(r'id="geo-data">(.*?)</script>', page, re.DOTALL)
    assert data_part is not None and "<" not in data_part.group(1)
    assert page.count("</script>") == page.count("<script")
    assert "<img src=x" not in page and "<svg onload" not in page
    tips = " ".join(m["tip"] + m["popup"] for m in data_of(page)["markers"])  # type: ignore[attr-defined]
    assert "&lt;img src=x onerror=alert(1)&gt;" in tips and "&#36;&#123;alert(2)&#125;" in tips


def test_mercator_is_not_a_projected_page() -> None:
    with pytest.raises(InvalidInputError):
        map_page(POLE_PLAN, "mercator")


def test_cli_writes_the_projected_page_and_keeps_mercator_as_leaflet(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    between = ["map", "--between", "A=60,0", "B=60,180"]
    assert main([*between, "--projection", "aeqd:Anchorage", "--out", str(tmp_path / "a.html")]) == 0
    assert "aeqd centred on Anchorage" in capsys.readouterr().out
    assert (
        "geoAzimuthal" in (tmp_path / "a.html").read_text()
        or "d3.geoProjection" in (tmp_path / "a.html").read_text()
    )
    assert main([*between, "--projection", "mercator", "--out", str(tmp_path / "m.html")]) == 0
    assert main([*between, "--out", str(tmp_path / "plain.html")]) == 0
    capsys.readouterr()
    assert (tmp_path / "m.html").read_bytes() == (tmp_path / "plain.html").read_bytes()
    assert "L.polyline" in (tmp_path / "m.html").read_text()
    assert main([*between, "--projection", "globe", "--json", "--out", str(tmp_path / "g.html")]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["projection"] == "globe" and out["self_contained"] and out["centre"][0] == pytest.approx(90.0)


@pytest.mark.parametrize(
    ("options", "out", "message"),
    [
        (["--projection", "north"], "m.kml", "--projection is for HTML maps and images"),
        (["--projection", "north", "--cdn"], "m.html", "--cdn is for the Mercator"),
        (["--projection", "polar"], "m.html", "unknown projection 'polar'"),
        (["--projection", "aeqd:Nowhere-at-all-xyz"], "m.html", "unknown place"),
        (["--projection", "north:Paris"], "m.html", "takes no centre"),
    ],
)
def test_bad_projection_for_html_is_one_line_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], options: list[str], out: str, message: str
) -> None:
    code = main(["map", "--between", "A=60,0", "B=60,180", *options, "--out", str(tmp_path / out)])
    stdout, err = capsys.readouterr()
    assert code == 2 and stdout == ""
    assert message in err and err.count("\n") == 1
    assert not (tmp_path / out).exists()


def test_same_plan_same_page_and_the_legend_says_what_is_true() -> None:
    first, view = map_page(POLE_PLAN, "aeqd:61.2181,-149.9003")
    assert first == map_page(POLE_PLAN, "aeqd:61.2181,-149.9003")[0]  # deterministic
    legend = data_of(first) and re.search(r'id="geo-legend" class="geo-legend">(.*?)</div>\n', first)
    assert legend is not None
    assert "circles around it are true distances" in legend.group(1)
    assert "scale bar measures distances from" in legend.group(1)
    assert view.kind == "aeqd" and abs(view.centre.lat - 61.2181) < 1e-9  # type: ignore[union-attr]
