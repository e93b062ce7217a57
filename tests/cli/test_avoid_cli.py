"""``--avoid CC …`` on check, compare, route and map: paths around airspace, judged independently."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import numpy as np
import pytest
from geographiclib.geodesic import Geodesic
from map_html import polylines

from geo.cli.main import main
from geo.facts.countries import countries_at

G = Geodesic.WGS84


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def path_km(waypoints: list[list[float]]) -> float:
    return sum(G.Inverse(*p, *q)["s12"] for p, q in itertools.pairwise(waypoints)) / 1000


def over_land(lats: np.ndarray, lons: np.ndarray, code: str) -> int:
    """How many points lie inside ``code``'s polygons (no nearest-country fallback)."""
    found, _ = countries_at(lats, (np.asarray(lons) + 180) % 360 - 180, max_km=0)
    return sum(1 for c in found if c is not None and c.iso_a2 == code)


def densified(waypoints: list[list[float]], step_km: float = 10.0) -> tuple[np.ndarray, np.ndarray]:
    lats, lons = [], []
    for (lat1, lon1), (lat2, lon2) in itertools.pairwise(waypoints):
        line = G.InverseLine(lat1, lon1, lat2, lon2)
        n = max(2, int(np.ceil(line.s13 / 1000 / step_km)) + 1)
        for s in np.linspace(0, line.s13, n):
            pos = line.Position(s)
            lats.append(pos["lat2"])
            lons.append(pos["lon2"])
    return np.array(lats), np.array(lons)


def test_check_avoid_flies_each_party_around_russia(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(
        capsys, "check", "Anchorage", "--between", "Washington", "Beijing", "--avoid", "RU", "--json"
    )
    assert code == 0, err
    washington, beijing = json.loads(out)["detours"]
    assert not washington["crosses_direct"] and washington["extra_km"] == 0  # Washington → Anchorage is clear
    assert beijing["crosses_direct"] and beijing["extra_km"] > 100
    assert beijing["length_km"] == pytest.approx(path_km(beijing["waypoints"]), abs=1e-6)
    assert beijing["length_km"] - beijing["direct_km"] == pytest.approx(beijing["extra_km"], abs=1e-9)
    assert over_land(*densified(beijing["waypoints"]), "RU") == 0
    code, out, _ = run_cli(
        capsys, "check", "Anchorage", "--between", "Washington", "Beijing", "--avoid", "RU"
    )
    assert code == 0 and "Avoiding the airspace of RU" in out
    assert f"Beijing → Anchorage: {beijing['length_km']:,.0f} km around RU" in out


def test_route_avoid_judges_range_on_the_detour(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(
        capsys, "route", "Helsinki", "Tokyo", "--avoid", "RU", "--aircraft", "il-62m", "--json"
    )
    assert code == 0, err
    leg = json.loads(out)["route"]["legs"][0]
    assert leg["distance_km"] < 10_000 < leg["detour"]["length_km"]  # direct fits, the detour does not
    assert leg["nonstop"] is False and leg["detour"]["nonstop"] is False
    assert over_land(*densified(leg["detour"]["waypoints"]), "RU") == 0
    lats, lons = densified([[60.1699, 24.9384], [35.6762, 139.6503]])
    assert over_land(lats, lons, "RU") > 0  # without avoiding it, the path crosses Russia


def test_no_path_is_an_answer_not_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "route", "Moscow", "Tokyo", "--avoid", "RU", "--aircraft", "il-62m")
    assert code == 0
    assert (
        "NO: no path around RU" in out
        and "Moscow → Tokyo: Moscow is on the avoided land (RU): no path" in out
    )


def test_compare_avoid_lists_the_legs_of_the_first_venues(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["compare", "Washington", "Beijing", "--venues", "Helsinki", "Reykjavik", "--avoid", "RU", "CA"]
    code, out, err = run_cli(capsys, *argv, "--json")
    assert code == 0, err
    venues = json.loads(out)["venues"]
    for v in venues:
        assert [d["end"] for d in v["detours"]] == [v["name"]] * 2
        for d in v["detours"]:
            assert d["length_km"] == pytest.approx(path_km(d["waypoints"]), abs=1e-6)


def test_map_avoid_draws_the_paths_around(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "avoid.html"
    argv = ["map", "--between", "Washington", "Beijing", "--venues", "Anchorage", "--avoid", "RU"]
    code, _, err = run_cli(capsys, *argv, "--out", str(out))
    assert code == 0, err
    lines = [line for line in polylines(out.read_text(encoding="utf-8")) if line.kind == "detour"]
    assert lines  # one polyline per turn of the path
    page = out.read_text(encoding="utf-8")
    assert "Beijing → Anchorage: 6,881 km around RU" in page  # Washington's leg is clear: no detour
    assert "Washington, D.C. → Anchorage: 5,421 km, the direct path" not in page
    lats = np.array([c[0] for line in lines for c in line.coords])
    lons = np.array([c[1] for line in lines for c in line.coords])
    assert over_land(lats, lons, "RU") == 0


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["check", "Anchorage", "--between", "Washington", "Beijing", "--avoid", "XX"],
            "unknown country code 'XX'",
        ),
        (["route", "JFK", "LHR", "--avoid", "Russia"], "did you mean RU"),
        (
            ["compare", "Washington", "Beijing", "--venues", "Oslo", "--avoid", "ZZ"],
            "unknown country code 'ZZ'",
        ),
    ],
)
def test_bad_codes_get_one_line_and_status_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, out, err = run_cli(capsys, *argv)
    assert code == 2 and out == "" and message in err and err.count("\n") == 1


def test_a_negative_buffer_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["route", "JFK", "LHR", "--avoid", "RU", "--buffer-km", "-1"])
    assert exit_info.value.code == 2 and "between 0 and 2000 km" in capsys.readouterr().err
