"""``python -m geo route``: legs, totals, stops, JSON and every error path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from geographiclib.geodesic import Geodesic

from geo.cli.main import main
from geo.places.resolve import resolve, split_route


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def gl_km(a: str, b: str) -> float:
    p, q = resolve(a), resolve(b)
    return Geodesic.WGS84.Inverse(p.lat, p.lon, q.lat, q.lon)["s12"] / 1000


@pytest.mark.parametrize("argv", [["JFK", "LHR", "SIN"], ["JFK-LHR-SIN"], ["JFK → LHR", "SIN"]])
def test_route_legs_and_total_match_geographiclib(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    code, out, err = run_cli(capsys, "route", *argv, "--json")
    assert code == 0, err
    doc = json.loads(out)
    legs = [gl_km("JFK", "LHR"), gl_km("LHR", "SIN")]
    assert [leg["distance_km"] for leg in doc["route"]["legs"]] == pytest.approx(legs, abs=1e-6)
    assert doc["route"]["total_km"] == pytest.approx(sum(legs), abs=1e-6)
    assert doc["route"]["detour_pct"] == pytest.approx(100 * (sum(legs) / gl_km("JFK", "SIN") - 1), abs=1e-9)


def test_route_card_reads_as_a_planner_expects(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "route", "Pyongyang", "Washington", "--aircraft", "il-62m")
    assert code == 0
    assert "NO: 1 stop (e.g. Churchill (YYQ))" in out
    assert f"{gl_km('Pyongyang', 'Washington'):,.0f} km" in out
    assert "1 stop needed" in out and "1. via Churchill (YYQ), CA:" in out
    code, out, _ = run_cli(capsys, "route", "Pyongyang", "Singapore", "--aircraft", "il-62m")
    assert code == 0 and "yes" in out and "stop needed" not in out


def test_hyphenated_names_stay_whole() -> None:
    assert split_route("Baden-Baden") == ["Baden-Baden"]
    assert split_route("Winston-Salem") == ["Winston-Salem"]
    assert split_route("Paris-London") == ["Paris", "London"]
    assert split_route("Washington–Beijing") == ["Washington", "Beijing"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["JFK"], "a route needs 2 to 20 places, not 1"),
        (["JFK-XXQQ"], "unknown place 'XXQQ'"),
        (["JFK", "JFK"], "has no length"),
        (["JFK", "LHR", "--aircraft", "foo"], "unknown aircraft 'foo'"),
        (["JFK", "SYD", "--aircraft", "il-62m", "--stops", "9"], "between 1 and 4"),
        (["JFK", "SYD", "--aircraft", "il-62m", "--options", "0"], "between 1 and 20"),
        (["-".join(["JFK", "LHR"] * 11)], "a route needs 2 to 20 places, not 22"),
    ],
)
def test_bad_routes_get_one_line_and_status_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, out, err = run_cli(capsys, "route", *argv)
    assert code == 2 and out == "" and message in err and err.count("\n") == 1


def test_a_negative_runway_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["route", "JFK", "SYD", "--min-runway-m", "-5"])
    assert exit_info.value.code == 2 and "must be ≥ 0" in capsys.readouterr().err


def test_route_map_in_a_polar_projection(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from geo.maps.offline_html import external_references

    out = tmp_path / "route.html"
    code, stdout, err = run_cli(capsys, "route", "Pyongyang", "Washington", "--aircraft", "il-62m",
                                "--out", str(out), "--projection", "north")  # fmt: skip
    assert code == 0, err
    page = out.read_text(encoding="utf-8")
    assert "north centred on the North Pole" in stdout and "d3-geo" in page and "Churchill" in page
    assert external_references(page) == []
    code, _, err = run_cli(capsys, "route", "JFK", "LHR", "--projection", "north")
    assert code == 2 and "give --out FILE.html" in err
