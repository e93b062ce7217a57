"""``python -m geo when``: the table, its JSON, the ICS file, and one-line errors with exit status 2."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest

from geo.cli.main import main

UTC = dt.UTC
SEED = ["when", "Anchorage", "--between", "Washington", "Beijing", "--date", "2021-03-18"]


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_seed_table_as_a_user_runs_it() -> None:
    proc = subprocess.run([sys.executable, "-m", "geo", *SEED], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    lines = proc.stdout.splitlines()
    assert lines[0] == "Meeting hours in Anchorage on Thursday 2021-03-18 (America/Anchorage), best first"
    assert "Home time = body clock" in proc.stdout
    best = next(line for line in lines if "★" in line)
    assert "17:00 UTC−08:00" in best and "21:00 evening" in best and "09:00 +1 work" in best


def test_json_is_one_object_whose_clocks_agree_with_zoneinfo(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(capsys, *SEED, "--json")
    assert code == 0 and err == ""
    data = json.loads(out)
    assert data["venue_timezone"] == "America/Anchorage" and data["date"] == "2021-03-18"
    assert data["work"] == {"start_hour": 9, "end_hour": 18}
    assert "body clock" in data["body_clock"]
    assert len(data["hours"]) == 24 and data["hours"][0]["rank"] == 1
    zones = [ZoneInfo(p["timezone"]) for p in data["parties"]]
    for hour in data["hours"]:
        instant = dt.datetime.fromisoformat(hour["start_utc"])
        venue = instant.astimezone(ZoneInfo("America/Anchorage"))
        assert venue.date() == dt.date(2021, 3, 18) and hour["venue_time"] == venue.strftime("%H:%M")
        for clock, tz in zip(hour["clocks"], zones, strict=True):
            assert clock["local_time"] == instant.astimezone(tz).strftime("%H:%M")


def test_work_hours_change_the_best_slot(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, *SEED, "--work", "7-22", "--json")
    assert code == 0
    best = json.loads(out)["hours"][0]
    assert best["in_work"] == 2 and best["venue_time"] == "15:00"


def test_ics_file_parses_back_with_the_best_start(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "meeting.ics"
    code, out, err = run_cli(capsys, *SEED, "--ics", str(target))
    assert code == 0, err
    assert f"wrote {target}" in out.splitlines()[-1]
    (event,) = icalendar.Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    intended = dt.datetime(2021, 3, 18, 17, tzinfo=ZoneInfo("America/Anchorage")).astimezone(UTC)
    assert event.decoded("DTSTART").astimezone(UTC) == intended
    assert event["DTSTART"].params["TZID"] == "America/Anchorage"
    assert "Washington, D.C." in str(event["DESCRIPTION"]) and "Beijing" in str(event["DESCRIPTION"])


def test_ics_with_json_keeps_stdout_one_object(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "meeting.ics"
    code, out, err = run_cli(capsys, *SEED, "--ics", str(target), "--json")
    assert code == 0 and json.loads(out)["venue"] == "Anchorage"
    assert target.exists() and f"wrote {target}" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--date", "2021-02-30"], "date '2021-02-30' does not exist"),
        (["--date", "18/03/2021"], "must be YYYY-MM-DD"),
        (["--date", "2021-03-18", "--work", "18-9"], "working hours '18-9' must end after they start"),
        (["--date", "2021-03-18", "--work", "25-3"], "an hour must be from 0 to 24"),
        (["--date", "2021-03-18", "--work", "nine"], "START-END in whole hours"),
        (
            ["--date", "2021-03-18", "--ics", "/nonexistent-dir/x.ics"],
            "cannot write '/nonexistent-dir/x.ics'",
        ),
        (["--date", "2021-03-18", "--ics", "meeting.txt"], "must name an .ics file"),
        (["--date", "2021-03-18", "--ics", "/etc/hostname/x.ics"], "Not a directory"),
        (["--date", "2021-03-18", "--ics", "a\x00.ics"], "cannot contain a NUL character"),
    ],
)
def test_bad_input_is_one_line_and_exit_status_2(
    capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code, out, err = run_cli(capsys, "when", "Anchorage", "--between", "Washington", "Beijing", *args)
    assert code == 2 and out == ""
    assert err.startswith("halfway when: error: ") and message in err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_an_unknown_place_is_one_line_and_exit_status_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(
        capsys, "when", "Ancorage", "--between", "Washington", "Beijing", "--date", "2021-03-18"
    )
    assert code == 2 and out == ""
    assert "unknown place 'Ancorage'; did you mean 'Anchorage, AK, United States'" in err
    assert err.count("\n") == 1


def test_a_directory_as_ics_is_refused_before_anything_is_written(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "x.ics"
    folder.mkdir()
    code, _, err = run_cli(capsys, *SEED, "--ics", str(folder))
    assert code == 2 and "is a directory, not a regular file" in err


def test_an_unusable_ics_name_is_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run_cli(capsys, *SEED, "--ics", str(tmp_path / ("m" * 300 + ".ics")))
    assert code == 2 and "File name too long" in err and err.count("\n") == 1


def test_a_missing_date_is_a_usage_error_with_status_2() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "geo", "when", "Anchorage", "--between", "Washington", "Beijing"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2 and "--date" in proc.stderr and proc.stderr.count("\n") == 1


def test_readme_documents_when_and_every_option() -> None:
    from geo.cli.main import build_parser

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    start = readme.index("## Meeting hours")
    section = readme[start : readme.index("\n## ", start + 3)]
    assert "### `when VENUE " in section
    sub = next(a for a in build_parser()._actions if a.dest == "command")
    for action in sub.choices["when"]._actions:  # type: ignore[attr-defined]
        for option in action.option_strings:
            if option not in ("-h", "--help", "--online"):
                assert option in section, option
