"""Fuzzing every command of the CLI: whatever the arguments, exit 0 or 2, one stderr line on an
error, never a traceback (issue "Hostile input"). Hypothesis draws the arguments from hostile
pieces (controls, bidi overrides, NaN, huge numbers, quotes, '=' and '-' at odd places, HTML).
``--online`` is left out: the suite never reaches the network."""

from __future__ import annotations

import contextlib
import io
import sys
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo.cli.main import main

PIECES = [
    "Anchorage", "Washington", "Beijing", "ANC", "Moscow", "Alaska", "the Azores", "", " ", "-", "--", "=",
    "X=1,2", "-Home=1,2", "a=b=1,2", "91,0", "0,181", "nan,nan", "inf,0", "1e309,0", "-0,-0", "90,180",
    "61°13′N 149°54′W", "61,2 -149,9", "<img src=x onerror=alert(1)>=1,2", "\x1b[2J=1,2", "\u202eevil",
    "\x00", "'", '"', "Ancorage", "x" * 300, "Paris, France", "Georgia, US", "Midway Atoll", "1,2,3",
]  # fmt: skip
OPTIONS = [
    "--json", "--date", "2021-03-18", "1900-01-01", "2021-13-01", "--aircraft", "vc-25a", "il-62m",
    "Concorde", "--weights", "1", "0", "-1", "1e308", "nan", "--top", "0", "3", "--rank", "fair", "detour",
    "--objective", "midpoint", "centroid", "--suggest", "0", "--neutral", "--rings", "100", "25000",
    "--equidistant", "--best", "minimax", "--venues", "--between", "--csv", "--min-runway-m", "-5",
    "--work", "18-9", "7-22", "0-24",
]  # fmt: skip
COMMANDS = ["check", "resolve", "distance", "compare", "best", "map", "article", "when"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    command=st.sampled_from(COMMANDS),
    words=st.lists(st.sampled_from(PIECES + OPTIONS) | st.text(max_size=12), max_size=8),
)
def test_every_command_exits_0_or_2_with_one_line_and_no_traceback(
    command: str, words: list[str], tmp_path: Path
) -> None:
    argv = [command, *words]
    if command == "map":
        argv += ["--out", str(tmp_path / "m.html")]
    if command == "article":
        argv = ["article", str(tmp_path / "missing.txt"), *words]
    out, err = io.StringIO(), io.StringIO()
    empty_stdin = io.TextIOWrapper(io.BytesIO(b""))  # "article -" reads standard input
    with (
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
        mock.patch.object(sys, "stdin", empty_stdin),
    ):
        try:
            code = main(argv)
        except SystemExit as exc:  # argparse usage errors
            code = exc.code  # type: ignore[assignment]
    assert code in (0, 2), (argv, err.getvalue())
    if code == 2:
        assert err.getvalue().count("\n") == 1, (argv, err.getvalue())
    assert "Traceback" not in err.getvalue()


def test_a_file_name_with_a_nul_character_is_one_line_not_a_traceback(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # found by the fuzz test above: os.stat raised ValueError("embedded null byte")
    assert main(["article", "a\x00.txt"]) == 2
    assert "cannot contain a NUL character" in capsys.readouterr().err


@pytest.mark.parametrize(
    "text", ["<![9>", "<p " * 1000, "\x00 binary", "Oslo is halfway between" + " " * 5000]
)
def test_article_of_hostile_text_exits_0_or_2(text: str, tmp_path: Path) -> None:
    path = tmp_path / "a.html"
    path.write_text(text, encoding="utf-8")
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        code = main(["article", str(path)])
    assert code in (0, 2) and "Traceback" not in err.getvalue()
