"""The `compare` and `best` commands: text, JSON and CSV output, and every error path."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from geographiclib.geodesic import Geodesic

from geo.analysis import optimize, scoring, suggest
from geo.cli import compare as compare_cli
from geo.cli.main import build_parser, main

G = Geodesic.WGS84
MM_KM = 1e-6


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def gl_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    return float(G.Inverse(lat1, lon1, lat2, lon2)["s12"] / 1000)


def test_cli_choices_are_the_librarys() -> None:
    assert compare_cli.RANKINGS == scoring.RANKINGS
    assert compare_cli.OBJECTIVES == optimize.OBJECTIVES
    assert compare_cli.AIRPORT_TYPES == suggest.AIRPORT_TYPES


def test_compare_text_table_is_ranked_and_readable(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(
        capsys,
        "compare",
        "--between",
        "Washington",
        "Moscow",
        "--venues",
        "Anchorage",
        "Reykjavik",
        "Helsinki",
        "Geneva",
    )
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0].startswith("Venues for Washington, D.C., Moscow, ranked by minimax")
    body = [line.split()[1] for line in lines[3:7]]
    assert body == ["Reykjavík", "Geneva", "Helsinki", "Anchorage"]
    assert "4,525 km (6.1 h)" in out and "+0.0 %" in out and "WGS84 geodesics" in out


def test_compare_json_has_every_documented_key_and_geographiclib_distances(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run_cli(
        capsys,
        "compare",
        "--between",
        "Washington",
        "Moscow",
        "--venues",
        "Reykjavik",
        "Anchorage",
        "--rank",
        "fair",
        "--json",
    )
    assert code == 0
    data = json.loads(out)
    assert {"parties", "rank_by", "venues", "rejected"} <= data.keys()
    assert data["rank_by"] == "fair" and data["rejected"] == []
    parties = data["parties"]
    for venue in data["venues"]:
        assert {
            "name",
            "lat",
            "lon",
            "distances_km",
            "max_km",
            "min_km",
            "sum_km",
            "spread_km",
            "fairness",
            "detour_pct",
            "rank",
        } <= venue.keys()
        ref = [gl_km(p["lat"], p["lon"], venue["lat"], venue["lon"]) for p in parties]
        assert venue["distances_km"] == pytest.approx(ref, abs=MM_KM)
        assert venue["max_km"] == pytest.approx(max(ref), abs=MM_KM)
        assert venue["spread_km"] == pytest.approx(max(ref) - min(ref), abs=MM_KM)
    assert [v["name"] for v in data["venues"]] == ["Reykjavík", "Anchorage"]


def test_compare_three_parties_detour_is_null(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(
        capsys,
        "compare",
        "--between",
        "Washington",
        "Moscow",
        "Beijing",
        "--venues",
        "Anchorage",
        "Helsinki",
        "--json",
    )
    assert code == 0
    assert all(v["detour_pct"] is None for v in json.loads(out)["venues"])


def test_compare_weights_change_the_total(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run_cli(
        capsys,
        "compare",
        "--between",
        "Washington",
        "Moscow",
        "--venues",
        "Helsinki",
        "--weights",
        "3",
        "1",
        "--json",
    )
    v = json.loads(out)["venues"][0]
    assert v["sum_km"] == pytest.approx(3 * v["distances_km"][0] + v["distances_km"][1], abs=MM_KM)
    _, text, _ = run_cli(
        capsys, "compare", "--between", "Washington", "Moscow", "--venues", "Helsinki", "--weights", "3", "1"
    )
    assert "Weights (travellers): Washington, D.C. ×3, Moscow ×1" in text


def write_venues(tmp_path: Path) -> Path:
    path = tmp_path / "candidates.csv"
    path.write_text(
        "\ufeffname,lat,lon,place\nHöfði,64.1475,-21.9091,\n"
        "Atlantis,,,Atlantis Xyzzy\nBad,91,0,\nGeneva,,,Geneva\n",
        encoding="utf-8",
    )
    return path


def test_compare_venues_file_reports_rejected_rows_and_scores_the_rest(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = run_cli(
        capsys,
        "compare",
        "--between",
        "Washington",
        "Moscow",
        "--venues-file",
        str(write_venues(tmp_path)),
        "--json",
    )
    assert code == 0
    data = json.loads(out)
    assert [v["name"] for v in data["venues"]] == ["Höfði", "Geneva"]
    assert [(r["row"], r["input"]) for r in data["rejected"]] == [
        (3, "Atlantis,,,Atlantis Xyzzy"),
        (4, "Bad,91,0,"),
    ]
    assert "unknown place" in data["rejected"][0]["error"] and "latitude 91" in data["rejected"][1]["error"]
    _, text, _ = run_cli(
        capsys, "compare", "--between", "Washington", "Moscow", "--venues-file", str(write_venues(tmp_path))
    )
    assert "Rejected rows (2):" in text and "row 3:" in text and "row 4:" in text


def test_compare_csv_output_loads_as_a_table(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run_cli(
        capsys,
        "compare",
        "--between",
        "Washington",
        "Moscow",
        "--venues-file",
        str(write_venues(tmp_path)),
        "--csv",
    )
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["name"] for r in rows] == ["Höfði", "Geneva"] and rows[0]["rank"] == "1"
    assert float(rows[0]["km_to_Moscow"]) == pytest.approx(
        gl_km(64.1475, -21.9091, 55.75204, 37.61781), abs=1e-3
    )
    assert rows[0]["row"] == "2"
    assert "rejected row 3" in err and "rejected row 4" in err


def test_compare_csv_carries_the_summit_facts_of_date_and_aircraft(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Reykjavík summit, 11 October 1986: Iceland UTC+0, Washington on daylight time (UTC−4),
    # Moscow UTC+3 (winter time from 28 September 1986); VC-25A 12,553 km, Il-62M 10,000 km
    code, out, _ = run_cli(
        capsys, "compare", "--between", "Washington", "Moscow", "--venues", "Reykjavik", "Anchorage",
        "--csv", "--date", "1986-10-11", "--aircraft", "vc-25a", "il-62m",
    )  # fmt: skip
    assert code == 0
    rows = {r["name"]: r for r in csv.DictReader(io.StringIO(out))}
    reykjavik, anchorage = rows["Reykjavík"], rows["Anchorage"]
    assert (
        reykjavik["date"] == "1986-10-11" and reykjavik["country"] == "IS" and reykjavik["neutral"] == "true"
    )
    assert reykjavik["clock_shift_hours_Washington, D.C."] == "4.00"
    assert reykjavik["clock_shift_hours_Moscow"] == "-3.00"
    assert (
        reykjavik["overflies_Moscow"].split()[0] == "RU" and reykjavik["overflies_Moscow"].split()[-1] == "IS"
    )
    assert anchorage["neutral"] == "false" and anchorage["nonstop_Moscow"] == "true"


def test_compare_top_limits_the_list(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run_cli(
        capsys,
        "compare",
        "--between",
        "Washington",
        "Moscow",
        "--venues",
        "Reykjavik",
        "Helsinki",
        "Geneva",
        "--top",
        "1",
    )
    assert "2 more venues scored, not shown" in out


def test_compare_with_twenty_parties_shows_the_farthest_party(capsys: pytest.CaptureFixture[str]) -> None:
    parties = [f"{lat},{lon}" for lat in (-40, -20, 0, 20, 40) for lon in (-90, 0, 90, 179)]
    code, out, _ = run_cli(capsys, "compare", "--between", *parties, "--venues", "Geneva", "Bali=-8.8,115.2")
    assert code == 0 and "farthest party" in out


def test_best_json_has_every_documented_key(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(
        capsys, "best", "Washington", "Moscow", "Beijing", "--suggest", "3", "--neutral", "--json"
    )
    assert code == 0
    data = json.loads(out)
    assert {"objective", "point", "max_km", "sum_km", "distances_km", "suggestions"} <= data.keys()
    assert data["objective"] == "minimax" and set(data["point"]) == {"lat", "lon"}
    assert len(data["suggestions"]) == 3
    for s in data["suggestions"]:
        assert {"name", "iata", "country", "lat", "lon", "max_km", "sum_km", "runway_m"} <= s.keys()
        assert s["country"] not in ("US", "RU", "CN") and s["runway_m"] >= 2500
        assert s["max_km"] >= data["max_km"] - MM_KM
    p = data["point"]
    ref = [gl_km(q["lat"], q["lon"], p["lat"], p["lon"]) for q in data["parties"]]
    assert data["distances_km"] == pytest.approx(ref, abs=MM_KM)
    assert data["max_km"] == pytest.approx(max(ref), abs=MM_KM)


def test_best_text_for_each_objective(capsys: pytest.CaptureFixture[str]) -> None:
    for objective in ("midpoint", "centroid", "minsum", "minimax"):
        code, out, err = run_cli(capsys, "best", "Washington", "Beijing", "--objective", objective)
        assert code == 0 and err == ""
        assert out.startswith(f"Best point for Washington, D.C., Beijing: {objective}")
        assert "Real venues" in out and "longest trip" in out
    _, out, _ = run_cli(capsys, "best", "Washington", "Beijing", "--objective", "centroid")
    assert "GeoMidpoint" in out


def test_best_filters_from_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run_cli(
        capsys,
        "best",
        "Washington",
        "Moscow",
        "--suggest",
        "4",
        "--min-runway-m",
        "3500",
        "--airport-type",
        "large_airport",
        "--json",
    )
    sugg = json.loads(out)["suggestions"]
    assert all(s["runway_m"] >= 3500 and s["type"] == "large_airport" for s in sugg)
    _, out, _ = run_cli(capsys, "best", "Washington", "Moscow", "--suggest-from", "cities", "--json")
    assert all(s["kind"] == "city" for s in json.loads(out)["suggestions"])


def test_best_weights_and_coordinates_with_a_leading_minus(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(
        capsys,
        "best",
        "-8.8,115.2",
        "-35.28,149.13",
        "--objective",
        "minsum",
        "--weights",
        "1",
        "2",
        "--json",
    )
    assert code == 0
    data = json.loads(out)
    assert (data["point"]["lat"], data["point"]["lon"]) == (-35.28, 149.13)  # the heavier party


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["compare", "--between", "Washington", "--venues", "Reykjavik"], "give between 2 and 20"),
        (
            ["compare", "--between", *[f"{i},0" for i in range(21)], "--venues", "Reykjavik"],
            "between 2 and 20",
        ),
        (["compare", "--between", "Washington", "Atlantis Xyzzy", "--venues", "Reykjavik"], "unknown place"),
        (
            ["compare", "--between", "Washington", "Moscow", "--venues", "Reykjavik", "Atlantis Xyzzy"],
            "unknown place",
        ),
        (["compare", "--between", "A=0,0", "B=0,10", "--venues", "0,5", "--weights", "1"], "got 1 weights"),
        (["compare", "--between", "A=0,0", "B=0,10", "--venues", "0,5", "--weights", "1", "-1"], "weight -1"),
        (
            ["compare", "--between", "A=0,0", "B=0,10", "--venues", "0,5", "--weights", "0", "0"],
            "every weight",
        ),
        (
            ["compare", "--between", "A=0,0", "B=0,10", "C=5,5", "--venues", "0,5", "--rank", "detour"],
            "exactly two parties",
        ),
        (["compare", "--between", "A=0,0", "B=0,0", "--venues", "0,5", "--rank", "detour"], "undefined"),
        (["compare", "--between", "A=0,0", "B=0,10", "--venues", "0,5", "--top", "0"], "at least 1"),
        (
            ["compare", "--between", "A=0,0", "B=0,10", "--venues-file", "/nonexistent/v.csv"],
            "does not exist",
        ),
        (["best", "Washington"], "between 2 and 20"),
        (["best", "A=0,0", "B=0,10", "C=5,5", "--objective", "midpoint"], "exactly two parties"),
        (["best", "A=45,0", "B=-45,179.572719", "--objective", "midpoint"], "antipodal"),
        (["best", "A=0,0", "B=0,180", "--objective", "centroid"], "centroid is undefined"),
        (["best", "A=0,0", "B=0,10", "--suggest", "101"], "between 0 and 100"),
        (["best", "A=0,0", "B=95,10"], "latitude 95"),
    ],
)
def test_errors_are_one_line_on_stderr_and_exit_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, out, err = run_cli(capsys, *argv)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and message in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"name,lat,lon\n", "no venue rows"),
        (b"\x00\x01\x02binary", "not a CSV text file"),
        (b"a,b,c\n1,2,3\n", "not a venue CSV file"),
        (b"name,lat,lon\nx,100,0\n", "no venue to compare (1 row rejected, first: row 2"),
    ],
)
def test_venue_file_errors_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "v.csv"
    path.write_bytes(content)
    code, out, err = run_cli(capsys, "compare", "--between", "A=0,0", "B=0,10", "--venues-file", str(path))
    assert code == 2 and out == "" and message in err and err.count("\n") == 1


@pytest.mark.parametrize(
    "argv",
    [
        ["compare", "--between", "A=0,0", "B=0,10"],  # no venues
        ["compare", "--between", "A=0,0", "B=0,10", "--venues", "x", "--venues-file", "f.csv"],
        ["compare", "--between", "A=0,0", "B=0,10", "--venues", "x", "--json", "--csv"],
        ["compare", "--between", "A=0,0", "B=0,10", "--venues", "x", "--rank", "nearest"],
        ["compare", "--between", "A=0,0", "B=0,10", "--venues", "x", "--weights", "one", "two"],
        ["best", "A=0,0", "B=0,10", "--objective", "centre"],
        ["best", "A=0,0", "B=0,10", "--min-runway-m", "-5"],
        ["best", "A=0,0", "B=0,10", "--airport-type", "spaceport"],
        ["best", "A=0,0", "B=0,10", "--suggest", "many"],
    ],
)
def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "error:" in err


def test_check_does_not_import_scoring_optimize_or_scipy() -> None:
    code = (
        "import sys, io, contextlib\n"
        "from geo.cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['check', 'Anchorage', '--between', 'Washington', 'Beijing'])\n"
        "heavy = ('geo.analysis.scoring', 'geo.analysis.optimize', 'geo.core.equidistant',"
        " 'geo.analysis.suggest', 'scipy', 'pandas', 'streamlit')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == "[]"


def test_compare_runs_as_a_module_without_traceback(tmp_path: Path) -> None:
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "geo",
            "compare",
            "--between",
            "Washington",
            "Moscow",
            "--venues-file",
            str(tmp_path / "missing.csv"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2 and "does not exist" in proc.stderr and "Traceback" not in proc.stderr


def test_readme_documents_compare_and_best_and_every_option() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    start = readme.index("## Compare venues and find the fairest point")
    section = readme[start : readme.index("\n## ", start + 3)]
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    for command in ("compare", "best"):
        assert f"### `{command} " in section
        for action in sub.choices[command]._actions:  # type: ignore[attr-defined]
            for option in action.option_strings:
                if option not in ("-h", "--help", "--online"):
                    assert option in section, (command, option)


def test_compare_json_venues_carry_the_summit_facts(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(
        capsys, "compare", "--between", "Washington", "Moscow", "--venues", "Reykjavik", "Anchorage",
        "--json", "--date", "1986-10-11", "--aircraft", "vc-25a", "il-62m",
    )  # fmt: skip
    assert code == 0
    data = json.loads(out)
    assert data["date"] == "1986-10-11"
    reykjavik, anchorage = data["venues"]
    for venue in (reykjavik, anchorage):
        assert {"country", "country_name", "timezone", "utc_offset_hours", "neutral"} <= venue["facts"][
            "venue"
        ].keys()
        assert not {"country", "timezone", "neutral", "parties"} & venue.keys()  # attached once, in "facts"
        for party in venue["facts"]["parties"]:
            assert {
                "country", "timezone", "utc_offset_hours", "clock_shift_hours", "flight_hours", "overflies",
                "nonstop",
            } <= party.keys()  # fmt: skip
    host = reykjavik["facts"]["venue"]
    assert (host["country"], host["timezone"], host["utc_offset_hours"]) == ("IS", "Atlantic/Reykjavik", 0.0)
    assert host["neutral"] is True and anchorage["facts"]["venue"]["neutral"] is False
    washington, moscow = reykjavik["facts"]["parties"]
    assert washington["clock_shift_hours"] == 4.0 and moscow["clock_shift_hours"] == -3.0  # EDT, MSK in 1986
    assert moscow["overflies"] == ["RU", "FI", "SE", "NO", "IS"]
    assert washington["nonstop"] is True and moscow["nonstop"] is True  # 4,525 and 3,317 km
    # Moscow-Anchorage, 7,016 km: within the Il-62M's 10,000 km
    assert anchorage["facts"]["parties"][1]["nonstop"] is True
    for venue in data["venues"]:
        for party, km in zip(venue["facts"]["parties"], venue["distances_km"], strict=True):
            assert party["distance_km"] == pytest.approx(km, abs=MM_KM)
            assert party["flight_hours"] == pytest.approx(km / 804.672 + 0.5, abs=1e-9)


def test_compare_text_lists_the_facts_of_each_venue(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(
        capsys, "compare", "--between", "Washington", "Moscow", "--venues", "Reykjavik", "Anchorage",
        "--date", "1986-10-11",
    )  # fmt: skip
    assert code == 0
    facts = out[out.index("Summit realities on 1986-10-11") :]
    assert "Reykjavík  IS, neutral, UTC+00:00; clock +4:00 / −3:00 h" in facts
    assert "Anchorage  US, not neutral" in facts


def test_compare_rejects_a_wrong_number_of_aircraft(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(
        capsys, "compare", "--between", "Washington", "Moscow", "Beijing", "--venues", "Geneva",
        "--aircraft", "vc-25a", "il-96-300pu",
    )  # fmt: skip
    assert code == 2 and out == ""
    assert "got 2 aircraft for 3 parties" in err and err.count("\n") == 1


def test_compare_csv_never_writes_a_spreadsheet_formula(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "hostile.csv"
    path.write_text('name,lat,lon\n"=HYPERLINK(""http://x"",""c"")",10,10\n+cmd,20,20\n', encoding="utf-8")
    code, out, _ = run_cli(
        capsys, "compare", "--between", "Washington", "Moscow", "--venues-file", str(path), "--csv"
    )
    assert code == 0
    names = {r["name"] for r in csv.DictReader(io.StringIO(out))}
    assert names == {'\'=HYPERLINK("http://x","c")', "'+cmd"}


def test_best_midpoint_with_weights_keeps_the_point_and_weights_the_total(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The core owns the weights rule; the CLI used to refuse what the dashboard accepted."""
    assert main(["best", "A=0,0", "B=0,10", "--objective", "midpoint", "--weights", "3", "1", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    one_way = Geodesic.WGS84.Inverse(0, 0, 0, 10)["s12"] / 2000  # km from each party to the midpoint
    assert document["point"]["lon"] == pytest.approx(5.0, abs=1e-9)
    assert document["sum_km"] == pytest.approx(4 * one_way, abs=1e-6)
    assert document["note"] == "weights do not move it"
