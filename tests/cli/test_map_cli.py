"""``python -m geo map``: writes the file, prints one line, and every error path exits 2."""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
from pathlib import Path

import pytest
from map_html import SEED_PARTIES, SEED_VENUES, circle_markers, polylines

from geo.cli.main import main
from geo.maps.offline_html import external_references


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_seed_scenario_map_as_a_user_runs_it(tmp_path: Path) -> None:
    out = tmp_path / "anchorage.html"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "geo",
            "map",
            "--between",
            *SEED_PARTIES,
            "--venues",
            *SEED_VENUES,
            "--rings",
            "2000",
            "5000",
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    assert proc.stdout.startswith(f"wrote {out} (") and "self-contained, works offline" in proc.stdout
    page = out.read_text(encoding="utf-8")
    assert external_references(page) == []
    assert len(page.encode("utf-8")) <= 1_500_000
    kinds = [line.kind for line in polylines(page)]
    assert kinds.count("flight") == 10 and kinds.count("direct") == 1 and kinds.count("ring") == 4
    # two parties: venues coloured by their halfway verdict
    venues = [m for m in circle_markers(page) if m.kind == "venue"]
    assert any('"fillColor": "#f39c12"' in m.options for m in venues)  # Anchorage: roughly halfway
    assert "Anchorage: roughly halfway" in page


def test_json_output_and_the_cdn_variant(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "cdn.html"
    code, stdout, err = run_cli(
        capsys,
        "map",
        "--between",
        "Washington",
        "Beijing",
        "--venues",
        "Anchorage",
        "--cdn",
        "--json",
        "--out",
        str(out),
    )
    assert code == 0, err
    report = json.loads(stdout)
    assert report == {"out": str(out), "bytes": out.stat().st_size, "format": "html", "self_contained": False}
    assert report["bytes"] < 100_000
    assert '<script src="https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js">' in out.read_text()


def test_three_parties_colour_venues_by_rank(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "three.html"
    code, _, err = run_cli(
        capsys,
        "map",
        "--between",
        "Washington",
        "Beijing",
        "Moscow",
        "--venues",
        *SEED_VENUES,
        "--out",
        str(out),
    )
    assert code == 0, err
    page = out.read_text(encoding="utf-8")
    assert "rank 1 of 5" in page and "rank 5 of 5" in page
    assert [line.kind for line in polylines(page)].count("flight") == 15
    assert "Direct path and midpoint" not in page  # only for two parties


def test_negative_coordinates_and_custom_hostile_labels(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "hostile.html"
    code, _, err = run_cli(
        capsys,
        "map",
        "--between",
        "-8.8,115.2",
        "<script>alert(1)</script>=10,20",
        "--venues",
        "${alert(2)}`\\u12=30,40",
        "{{ 7*7 }}=-5,-60",
        "--out",
        str(out),
    )
    assert code == 0, err
    page = out.read_text(encoding="utf-8")
    assert "<script>alert(1)" not in page and "${alert(2)}" not in page and "\\u12" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&#36;&#123;alert(2)&#125;&#96;&#92;u12" in page
    assert "&#123;&#123; 7*7 &#125;&#125;" in page and " 49 " not in page


def test_equidistant_line_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "eq.html"
    code, _, err = run_cli(
        capsys, "map", "--between", "Washington", "Moscow", "--equidistant", "--out", str(out)
    )
    assert code == 0, err
    lines = [line for line in polylines(out.read_text(encoding="utf-8")) if line.kind == "equidistant"]
    assert lines
    for line in lines:
        lons = [c[1] for c in line.coords]
        assert max(abs(a - b) for a, b in itertools.pairwise(lons)) <= 180


def test_best_option_draws_the_minimax_circle(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "best.html"
    code, _, err = run_cli(
        capsys, "map", "--between", "Washington", "Beijing", "Moscow", "--best", "minimax", "--out", str(out)
    )
    assert code == 0, err
    kinds = [line.kind for line in polylines(out.read_text(encoding="utf-8"))]
    assert kinds.count("minimax") == 1 and kinds.count("best-path") == 3


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--between", "Washington"], "got 1 party; give between 2 and 20"),
        (["--between", "Washington", "Beijing", "Moscow", "--equidistant"], "exactly two parties"),
        (["--between", "Washington", "Beijing", "--rings", "0"], "ring radius"),
        (["--between", "Washington", "Beijing", "--rings", "25000"], "ring radius"),
        (["--between", "Washington", "Ancorage"], "unknown place 'Ancorage'"),
        (["--between", "Washington", "Beijing", "--venues", "91,0"], "latitude 91"),
        (["--between", "Washington", "Beijing", "--best", "cheapest"], "unknown objective 'cheapest'"),
        (["--between", "Washington", "Beijing", "--date", "2021-13-01"], "does not exist"),
        (["--between", "Washington", "Beijing", "--aircraft", "Concorde"], "unknown aircraft"),
    ],
)
def test_bad_input_is_one_line_on_stderr_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    out = tmp_path / "x.html"
    code, stdout, err = run_cli(capsys, "map", *argv, "--out", str(out))
    assert code == 2
    assert stdout == ""
    assert message in err and err.count("\n") == 1 and err.startswith("halfway map: error:")
    assert not out.exists()


def test_output_file_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(
        capsys, "map", "--between", "Washington", "Beijing", "--out", str(tmp_path / "m.gif")
    )
    assert code == 2 and ".html" in err
    missing = tmp_path / "no" / "such" / "dir" / "m.html"
    code, _, err = run_cli(capsys, "map", "--between", "Washington", "Beijing", "--out", str(missing))
    assert code == 2 and "cannot write" in err and err.count("\n") == 1


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["map", "--between", "Washington", "Beijing"])  # no --out
    assert exc.value.code == 2
    assert "--out" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        main(["map", "--between", "Washington", "Beijing", "--rings", "far", "--out", "x.html"])
    assert exc.value.code == 2
    assert "'far'" in capsys.readouterr().err


def test_map_command_does_not_slow_down_check() -> None:
    probe = (
        "import sys, geo.cli.main; geo.cli.main.build_parser(); "
        "print('folium' in sys.modules, 'geo.maps.plan' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


def test_aircraft_draws_each_partys_range_ring_and_tooltips_show_the_facts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "singapore.html"
    code, _, err = run_cli(
        capsys, "map", "--between", "Pyongyang", "Washington", "--venues", "Singapore",
        "--aircraft", "il-62m", "vc-25a", "--date", "2018-06-12", "--out", str(out),
    )  # fmt: skip
    assert code == 0, err
    page = out.read_text(encoding="utf-8")
    kinds = [line.kind for line in polylines(page)]
    assert kinds.count("ring") == 2
    assert "il-62m range: 10,000 km from Pyongyang" in page
    assert "vc-25a range: 12,553 km from Washington, D.C." in page
    assert "Singapore (SG), UTC+08:00 Asia/Singapore, neutral" in page
    assert "non-stop: 1 stop (e.g. Chengdu (Jianyang) (TFU))" in page  # beyond the VC-25A's range
    assert "non-stop: yes (il-62m, 10,000 km)" in page
    # without venues the rings are still drawn
    code, _, err = run_cli(
        capsys, "map", "--between", "Pyongyang", "Washington", "--aircraft", "il-62m", "--out", str(out)
    )
    assert code == 0, err
    assert [line.kind for line in polylines(out.read_text(encoding="utf-8"))].count("ring") == 2


def test_three_party_map_tooltips_show_the_facts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "three.html"
    code, _, err = run_cli(
        capsys, "map", "--between", "Washington", "Moscow", "Beijing", "--venues", "Geneva", "Anchorage",
        "--date", "2021-03-18", "--out", str(out),
    )  # fmt: skip
    assert code == 0, err
    page = out.read_text(encoding="utf-8")
    assert "Switzerland (CH), UTC+01:00 Europe/Zurich, neutral" in page
    assert "United States (US), UTC−08:00 America/Anchorage, not neutral" in page
    assert "Moscow (party) — RU, UTC+03:00 Europe/Moscow" in page
