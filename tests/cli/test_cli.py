"""The command line: every command, its JSON, and every error path."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from geographiclib.geodesic import Geodesic

from geo.cli.main import main

G = Geodesic.WGS84
MM_KM = 1e-6


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def gl_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    return G.Inverse(lat1, lon1, lat2, lon2)["s12"] / 1000


def test_seed_scenario_end_to_end_as_a_user_runs_it() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "geo", "check", "Anchorage", "--between", "Washington", "Beijing"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "ROUGHLY HALFWAY" in proc.stdout
    for number in (
        "5,421 km",
        "6,402 km",
        "11,171 km",
        "2,317 km",
        "2,255 km",
        "+652 km",
        "+5.8 %",
        "81.9°N, 156.9°W",
    ):
        assert number in proc.stdout, number
    assert proc.stderr == ""


def test_check_json_has_every_documented_key_and_agrees_with_geographiclib(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run_cli(capsys, "check", "Anchorage", "--between", "Washington", "Beijing", "--json")
    assert code == 0
    data = json.loads(out)
    for key in (
        "venue", "parties", "direct_km", "midpoint", "venue_to_midpoint_km", "cross_track_km",
        "along_track_fraction", "detour_pct", "split", "verdict", "explanation",
    ):  # fmt: skip
        assert key in data, key
    venue, (a, b) = data["venue"], data["parties"]
    assert {"name", "lat", "lon"} <= venue.keys()
    assert {"name", "lat", "lon", "distance_km"} <= a.keys()
    assert data["verdict"] == "roughly halfway"
    assert a["name"] == "Washington, D.C." and b["name"] == "Beijing"
    assert a["distance_km"] == pytest.approx(gl_km(a["lat"], a["lon"], venue["lat"], venue["lon"]), abs=MM_KM)
    assert b["distance_km"] == pytest.approx(gl_km(b["lat"], b["lon"], venue["lat"], venue["lon"]), abs=MM_KM)
    direct = gl_km(a["lat"], a["lon"], b["lat"], b["lon"])
    assert data["direct_km"] == pytest.approx(direct, abs=MM_KM)
    line = G.InverseLine(a["lat"], a["lon"], b["lat"], b["lon"])
    mid = line.Position(0.5 * line.s13)
    assert (data["midpoint"]["lat"], data["midpoint"]["lon"]) == pytest.approx(
        (mid["lat2"], mid["lon2"]), abs=1e-9
    )
    to_mid = gl_km(venue["lat"], venue["lon"], mid["lat2"], mid["lon2"])
    assert data["venue_to_midpoint_km"] == pytest.approx(to_mid, abs=MM_KM)
    d_a, d_b = a["distance_km"], b["distance_km"]
    assert data["split"] == pytest.approx([d_a / (d_a + d_b), d_b / (d_a + d_b)])
    assert data["detour_pct"] == pytest.approx(100 * ((d_a + d_b) / direct - 1))
    assert 0 <= data["along_track_fraction"] <= 1
    # rounded figures of the issue
    assert round(data["direct_km"]) == 11171
    assert round(data["venue_to_midpoint_km"]) == 2317
    assert round(data["cross_track_km"]) == 2255
    assert [round(x, 2) for x in data["split"]] == [0.46, 0.54]


def test_reykjavik_is_halfway_on_the_way_from_washington_to_moscow(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run_cli(capsys, "check", "Reykjavik", "--between", "Washington", "Moscow", "--json")
    data = json.loads(out)
    assert code == 0
    assert data["detour_pct"] < 0.1
    assert data["verdict"] == "roughly halfway"  # right on the way, but a 58/42 split
    holds = {c["name"]: c["holds"] for c in data["criteria"]}
    assert holds == {"equal distance": "roughly", "on the way": "yes", "at the midpoint": "roughly"}


def test_verdict_halfway_for_the_true_midpoint(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(
        capsys, "check", "Mid=81.90483,-156.85262", "--between", "Washington", "Beijing", "--json"
    )
    assert code == 0
    assert json.loads(out)["verdict"] == "halfway"


def test_thresholds_flags_change_the_verdict(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(
        capsys, "check", "Anchorage", "--between", "Washington", "Beijing", "--json",
        "--halfway-detour-pct", "6", "--halfway-split-tolerance", "0.05",
    )  # fmt: skip
    assert code == 0
    assert json.loads(out)["verdict"] == "halfway"


def test_leading_minus_places_are_places_not_options() -> None:
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "geo",
            "check",
            "-8.8,115.2",
            "--between",
            "-35.28,149.13",
            "Beijing",
            "--json",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert (data["venue"]["lat"], data["venue"]["lon"]) == (-8.8, 115.2)
    assert (data["parties"][0]["lat"], data["parties"][0]["lon"]) == (-35.28, 149.13)


def test_undefined_verdict_for_coincident_parties(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "check", "Anchorage", "--between", "Beijing", "Peking", "--json")
    data = json.loads(out)
    assert code == 0
    assert data["verdict"] == "undefined"
    assert data["midpoint"] is None
    assert "same place" in data["explanation"]


def test_undefined_verdict_for_nearly_antipodal_parties(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "check", "0,90", "--between", "45,0", "-45,179.572719", "--json")
    data = json.loads(out)
    assert code == 0
    assert data["verdict"] == "undefined"
    assert data["midpoint"] is None
    assert "antipodal" in data["explanation"]


def test_resolve_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "resolve", "Moscow", "--json")
    data = json.loads(out)
    assert code == 0
    assert {"name", "lat", "lon", "kind", "country"} <= data.keys()
    assert (data["name"], data["kind"], data["country"]) == ("Moscow", "capital", "RU")
    assert "also matches" in data["note"]


def test_resolve_text_says_what_was_chosen(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "resolve", "Moscow")
    assert code == 0
    assert "Moscow, Russia" in out and "Idaho" not in out and "ID, United States" in out


def test_distance_json_matches_geographiclib(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "distance", "Tokyo", "SFO", "--json")
    data = json.loads(out)
    assert code == 0
    ref = gl_km(data["from"]["lat"], data["from"]["lon"], data["to"]["lat"], data["to"]["lon"])
    assert data["distance_km"] == pytest.approx(ref, abs=MM_KM)
    assert {"azimuth1_deg", "azimuth2_deg"} <= data.keys()


def test_distance_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "distance", "Washington", "Beijing")
    assert code == 0
    assert "11,170.672 km" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["check", "Ancorage", "--between", "Washington", "Beijing"],
            "unknown place 'Ancorage'; did you mean 'Anchorage, AK, United States'",
        ),
        (["check", "95,0", "--between", "Washington", "Beijing"], "latitude 95 is out of range"),
        (["check", "0,200", "--between", "Washington", "Beijing"], "longitude 200 is out of range"),
        (["check", "nan,0", "--between", "Washington", "Beijing"], "not a finite number"),
        (["check", "", "--between", "Washington", "Beijing"], "empty place"),
        (["check", "A" * 10_000, "--between", "Washington", "Beijing"], "limit is 200"),
        (
            ["check", "Anchorage", "--between", "Washington", "Beijing", "--halfway-detour-pct", "nan"],
            "threshold",
        ),
        (["resolve", "Xyzzyville"], "unknown place 'Xyzzyville'"),
        (["distance", "Washington", "91,0"], "latitude 91"),
        (["check", "Anchorage", "--between", "Washington", "Beijing", "--date", "18/03/2021"], "YYYY-MM-DD"),
        (
            ["check", "Anchorage", "--between", "Washington", "Beijing", "--date", "2021-02-30"],
            "does not exist",
        ),
        (
            ["check", "Anchorage", "--between", "Washington", "Beijing", "--aircraft", "Concorde"],
            "unknown aircraft",
        ),
        (
            [
                "check",
                "Anchorage",
                "--between",
                "Washington",
                "Beijing",
                "--aircraft",
                "vc-25a",
                "il-62m",
                "a340-300",
            ],
            "got 3 aircraft for 2 parties",
        ),
    ],
)
def test_bad_input_is_one_line_on_stderr_and_exit_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, out, err = run_cli(capsys, *argv)
    assert code == 2
    assert out == ""
    assert message in err
    assert err.count("\n") == 1 and "Traceback" not in err


@pytest.mark.parametrize(
    "argv",
    [
        ["check", "Anchorage", "--between", "Washington"],  # a missing party
        ["check", "--between", "Washington", "Beijing"],
        ["frobnicate"],
        [],
    ],
)
def test_usage_errors_are_one_line_and_exit_2(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(argv)
    _, err = capsys.readouterr()
    assert info.value.code == 2
    assert err.count("\n") == 1 and "error:" in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["check", "Anchorage"], "give exactly 2 parties (--between A B), not 0"),
        (["check", "Anchorage", "Washington", "--between", "Washington", "Beijing"], "not both"),
        (["best", "Washington"], "got 1 party; give between 2 and 20"),
        (["compare", "--venues", "Reykjavik"], "got 0 parties"),
    ],
)
def test_missing_or_doubled_parties_are_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    assert main(argv) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and message in err


@pytest.mark.parametrize(
    "argv",
    [
        ["check", "Anchorage", "Washington", "Beijing", "--json"],
        ["check", "Anchorage", "--between", "Washington", "Beijing", "--json"],
    ],
)
def test_check_takes_the_parties_positionally_or_after_between(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    assert main(argv) == 0
    document = json.loads(capsys.readouterr().out)
    assert [p["name"] for p in document["parties"]] == ["Washington, D.C.", "Beijing"]


def test_best_compare_and_map_take_between_as_well_as_positional_parties(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    for argv in (["best", "--between", "Washington", "Beijing", "--suggest", "0", "--json"],
                 ["best", "Washington", "Beijing", "--suggest", "0", "--json"]):  # fmt: skip
        assert main(argv) == 0
        assert round(json.loads(capsys.readouterr().out)["max_km"]) == 5585
    assert main(["compare", "Washington", "Moscow", "--venues", "Reykjavik", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["venues"][0]["name"] == "Reykjavík"
    assert main(["map", "Washington", "Beijing", "--out", str(tmp_path / "m.html")]) == 0
    assert (tmp_path / "m.html").stat().st_size > 100_000


def test_a_label_may_contain_an_equals_sign(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["resolve", "<img src=x onerror=alert(1)>=64.1475,-21.9091", "--json"]) == 0
    place = json.loads(capsys.readouterr().out)
    assert (place["name"], place["lat"], place["lon"]) == ("<img src=x onerror=alert(1)>", 64.1475, -21.9091)


def test_console_script_and_module_report_errors_without_traceback() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "geo", "check", "Ancorage", "--between", "Washington", "Beijing"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr


FACT_KEYS_VENUE = {"country", "country_name", "timezone", "utc_offset_hours"}
FACT_KEYS_PARTY = {
    "country", "timezone", "utc_offset_hours", "clock_shift_hours", "flight_hours", "overflies", "nonstop",
}  # fmt: skip


def test_check_json_carries_the_summit_facts_of_issue_6(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(
        capsys, "check", "Anchorage", "--between", "Washington", "Beijing", "--json", "--date", "2021-03-18"
    )
    assert code == 0
    data = json.loads(out)
    facts = data["facts"]  # attached once: not copied into the venue and the parties
    venue, (a, b) = facts["venue"], facts["parties"]
    assert not FACT_KEYS_PARTY - {"country"} & data["parties"][0].keys() and "timezone" not in data["venue"]
    assert venue.keys() >= FACT_KEYS_VENUE and a.keys() >= FACT_KEYS_PARTY and b.keys() >= FACT_KEYS_PARTY
    assert (venue["country"], venue["country_name"], venue["timezone"]) == (
        "US",
        "United States",
        "America/Anchorage",
    )
    assert venue["utc_offset_hours"] == -8.0 and venue["neutral"] is False and facts["date"] == "2021-03-18"
    assert (a["country"], a["timezone"], a["utc_offset_hours"], a["clock_shift_hours"]) == (
        "US", "America/New_York", -4.0, -4.0,
    )  # fmt: skip
    assert (b["country"], b["timezone"], b["utc_offset_hours"], b["clock_shift_hours"]) == (
        "CN", "Asia/Shanghai", 8.0, -16.0,
    )  # fmt: skip
    assert b["overflies"] == ["CN", "RU", "US"]
    for p, where in zip((a, b), data["parties"], strict=True):
        km = gl_km(where["lat"], where["lon"], data["venue"]["lat"], data["venue"]["lon"])
        assert p["distance_km"] == pytest.approx(km, abs=1e-6) == where["distance_km"]
        assert p["flight_hours"] == pytest.approx(km / 804.672 + 0.5, abs=1e-9)
        assert p["nonstop"] is None  # no --aircraft


def test_check_aircraft_marks_each_leg_non_stop(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(
        capsys, "check", "Singapore", "--between", "Pyongyang", "Washington", "--json",
        "--date", "2018-06-12", "--aircraft", "il-62m", "vc-25a",
    )  # fmt: skip
    assert code == 0
    data = json.loads(out)
    kim, trump = data["facts"]["parties"]
    assert data["facts"]["venue"]["neutral"] is True and data["facts"]["venue"]["country"] == "SG"
    assert (kim["aircraft"], kim["aircraft_range_km"], kim["nonstop"]) == ("il-62m", 10000.0, True)
    assert (trump["aircraft"], trump["nonstop"]) == ("vc-25a", False)  # ~15,550 km > 12,553 km
    assert kim["clock_shift_hours"] == -1.0 and trump["clock_shift_hours"] == 12.0


def test_check_text_shows_the_facts_briefly(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(
        capsys, "check", "Anchorage", "--between", "Washington", "Beijing", "--date", "2021-03-18",
        "--aircraft", "vc-25a",
    )  # fmt: skip
    assert code == 0
    assert "ROUGHLY HALFWAY" in out
    facts = out[out.index("Summit realities on 2021-03-18") :]
    for text in (
        "United States (US)",
        "UTC−08:00",
        "neutral: no",
        "−16:00 h",
        "CN → RU → US",
        "vc-25a, 12,553 km",
    ):
        assert text in facts, text


def test_check_date_defaults_to_today(capsys: pytest.CaptureFixture[str]) -> None:
    import datetime as dt

    code, out, _ = run_cli(capsys, "check", "Geneva", "--between", "Washington", "Moscow", "--json")
    assert code == 0
    assert json.loads(out)["facts"]["date"] in {
        dt.date.today().isoformat(),
        (dt.date.today() - dt.timedelta(1)).isoformat(),
    }


@pytest.mark.parametrize(
    "command", [["article"], ["compare", "--between", "Washington", "Moscow", "--venues-file"]]
)
def test_a_fifo_is_refused_not_waited_on(
    command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import os

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)  # reading it would block forever: no writer ever comes
    assert main([*command, str(fifo)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(fifo) in err


def test_map_out_to_a_fifo_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import os

    fifo = tmp_path / "map.html"
    os.mkfifo(fifo)
    assert main(["map", "Washington", "Beijing", "--out", str(fifo)]) == 2
    assert "FIFO (named pipe), not a regular file" in capsys.readouterr().err


def test_control_and_bidi_characters_are_escaped_in_terminal_output(
    capsys: pytest.CaptureFixture[str],
) -> None:
    name = "Evil\x1b]0;title\x07\x1b[2J\u202eemaN"
    assert main(["resolve", f"{name}=1,2"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert "Evil\\u001b]0;title\\u0007\\u001b[2J\\u202eemaN" in out
    assert main(["resolve", f"{name}=1,2", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["name"] == name  # in JSON the escape is the same character


def test_a_label_may_start_with_a_minus_sign(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["resolve", "-Home=1,2", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["name"] == "-Home"


@pytest.mark.parametrize(
    "argv",
    [
        ("article", "x" * 300),  # found by the fuzz test: Path.is_dir raised "File name too long"
        ("compare", "--venues-file", "y" * 300, "Paris", "Rome"),
    ],
)
def test_a_file_name_the_system_refuses_is_one_line_and_status_2(
    capsys: pytest.CaptureFixture[str], argv: tuple[str, ...]
) -> None:
    code, out, err = run_cli(capsys, *argv)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "File name too long" in err and "Traceback" not in err
