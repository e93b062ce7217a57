"""``check --robust``: the one line, the table, its JSON and its errors."""

from __future__ import annotations

import json

import pytest
from geographiclib.geodesic import Geodesic

from geo.cli.main import main

G = Geodesic.WGS84
MM_KM = 1e-6
SEED = ("check", "Anchorage", "--between", "Washington", "Beijing", "--robust")


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def gl_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    return float(G.Inverse(lat1, lon1, lat2, lon2)["s12"]) / 1000


def test_seed_robust_prints_the_card_then_the_line_the_points_and_30_rows(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run_cli(capsys, *SEED)
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0].endswith("Verdict: ROUGHLY HALFWAY")  # the usual card comes first
    line = "Robustness: ROUGHLY HALFWAY under all 90 combinations of points and thresholds (30 × 3)"
    assert line in lines
    assert "  A Washington, D.C.: city centre; DCA 6 km; ADW 18 km; IAD 37 km; BWI 44 km" in lines
    assert "  B Beijing: city centre; PEK 25 km; PKX 44 km" in lines
    table = lines[lines.index(line) :]
    rows = [r for r in table if r.endswith("roughly  roughly  roughly")]
    assert len(rows) == 30
    # the first row is the points as resolved: the card's own numbers
    assert rows[0].split()[:9] == [
        "city",
        "centre",
        "city",
        "centre",
        "city",
        "centre",
        "5,421",
        "6,402",
        "11,171",
    ]


def test_seed_robust_json_keeps_the_check_and_adds_the_robustness(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, *SEED, "--json")
    assert code == 0
    doc = json.loads(out)
    assert doc["verdict"] == "roughly halfway" and doc["facts"] is not None  # the plain check's keys stay
    robust = doc["robustness"]
    assert robust["summary"].startswith("ROUGHLY HALFWAY under all 90 combinations")
    assert robust["combinations"] == 90 and robust["robust"] is True
    assert [s["label"] for s in robust["steps"]] == ["×0.8", "stated", "×1.2"]
    iad = next(p for p in robust["parties"][0]["points"] if p["label"] == "IAD")
    pek = next(p for p in robust["parties"][1]["points"] if p["label"] == "PEK")
    anc = next(p for p in robust["venue"]["points"] if p["label"] == "ANC")
    row = next(r for r in robust["rows"] if r["points"] == ["ANC", "IAD", "PEK"])
    assert abs(row["party_km"][0] - gl_km(iad["lat"], iad["lon"], anc["lat"], anc["lon"])) < MM_KM
    assert abs(row["party_km"][1] - gl_km(pek["lat"], pek["lon"], anc["lat"], anc["lon"])) < MM_KM
    assert abs(row["direct_km"] - gl_km(iad["lat"], iad["lon"], pek["lat"], pek["lon"])) < MM_KM


def test_robust_follows_the_threshold_flags(capsys: pytest.CaptureFixture[str]) -> None:
    # limits 6 % / 5 points: halfway at the stated limits; ×0.8 gives 4.8 % / 4 points: roughly
    code, out, _ = run_cli(
        capsys, *SEED, "--halfway-detour-pct", "6", "--halfway-split-tolerance", "0.05", "--json"
    )
    assert code == 0
    robust = json.loads(out)["robustness"]
    assert robust["verdict"] == "halfway"
    assert robust["steps"][1]["thresholds"]["halfway_detour_pct"] == 6.0
    assert not robust["robust"]
    stated = [r for r in robust["rows"] if r["detour_pct"] <= 6 and abs(r["split"] - 0.5) <= 0.05]
    assert [r["verdicts"][1] for r in stated] == ["halfway"] * len(stated)
    assert robust["summary"] == (
        f"HALFWAY in {len(stated)} of 30 combinations of points, ROUGHLY HALFWAY in {30 - len(stated)} "
        "under the stated limits; the limits ×0.8 and ×1.2 change 30 of the 30"
    )


def test_robust_says_so_when_a_place_has_no_airport_within_60_km(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "check", "Bern", "London", "Rome", "--robust")
    assert code == 0
    assert "    (no large airport within 60 km of Bern)" in out.splitlines()
    assert (
        "Robustness: HALFWAY with London (city centre, LGW, STN), ROUGHLY HALFWAY with London (LHR, LTN) "
        "under the stated limits; the limits ×0.8 and ×1.2 change 5 of the 10"
    ) in out.splitlines()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("check", "Ancorage", "--between", "Washington", "Beijing", "--robust"), "unknown place 'Ancorage'"),
        (
            ("check", "Anchorage", "Washington", "Beijing", "--robust", "--halfway-detour-pct", "20"),
            "cannot exceed",
        ),
        (("check", "Anchorage", "Washington", "Beijing", "--robust", "--roughly-detour-pct", "nan"), "≥ 0"),
    ],
)
def test_bad_input_with_robust_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], message: str
) -> None:
    code, out, err = run_cli(capsys, *argv)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and message in err and "Traceback" not in err
