"""``halfway article`` on many files: a directory, --jsonl, --jobs, errors that do not stop the batch."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from geo.claims.article import check_article, read_article
from geo.cli.main import main
from geo.report.jsonout import to_jsonable

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = ROOT / "tests" / "claims" / "articles"


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """A newsroom folder: the test articles, the seed in a subfolder, a hidden file and an image."""
    for file in ARTICLES.glob("*.txt"):
        (tmp_path / file.name).write_bytes(file.read_bytes())
    (tmp_path / "2021").mkdir()
    seed = next((ROOT / "seeds").glob("*.txt"))
    (tmp_path / "2021" / "seed.html").write_text(
        f"<p>{seed.read_text(encoding='utf-8')}</p>", encoding="utf-8"
    )
    (tmp_path / ".draft.txt").write_text("Oslo is halfway between Paris and Rome.", encoding="utf-8")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    return tmp_path


def _expected_files(archive: Path) -> list[str]:
    return sorted(
        str(p) for p in archive.rglob("*") if p.suffix in (".txt", ".html") and not p.name.startswith(".")
    )


def test_jsonl_of_a_directory_is_one_line_per_article_equal_to_the_single_article_report(
    archive: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["article", str(archive), "--jsonl", "--progress"]) == 0
    out, err = capsys.readouterr()
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["file"] for line in lines] == _expected_files(archive)  # hidden file and image skipped
    for line in lines:
        expected = to_jsonable(check_article(read_article(line["file"])))
        assert {k: v for k, v in line.items() if k != "file"} == json.loads(json.dumps(expected))
    seed = next(line for line in lines if line["file"].endswith("seed.html"))
    assert [c["venue"] for c in seed["claims"]] == ["Anchorage"]
    assert err.splitlines()[-1].startswith(f"[{len(lines)}/{len(lines)}] ")  # progress on stderr


def test_jobs_give_the_same_lines_in_the_same_order(archive: Path) -> None:
    def run(*extra: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "geo", "article", str(archive), *extra],
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=300,
            check=True,
        )
        return done.stdout

    assert run("--jsonl", "--jobs", "3") == run("--jsonl")
    summary = run("--jobs", "2").splitlines()
    assert len(summary) == len(_expected_files(archive))
    assert any("phrasings.txt: 6 claims checked" in line for line in summary)


def test_an_unreadable_article_is_reported_on_its_line_and_the_batch_goes_on(
    archive: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = archive / "broken.txt"
    bad.write_bytes(b"Paris \xc3\x28 Rome")
    assert main(["article", str(bad), str(archive / "people.txt"), "--jsonl"]) == 2
    out, err = capsys.readouterr()
    first, second = (json.loads(line) for line in out.splitlines())
    assert first == {
        "file": str(bad),
        "error": f"{str(bad)!r} is not UTF-8 text (byte 6 is 0xc3); save it as UTF-8",
    }
    assert [c["venue"] for c in second["claims"]] == ["Anchorage"]
    assert (
        err.splitlines()[-1] == "halfway article: error: 1 of 2 articles could not be read (see their lines)"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--jobs", "0"], "--jobs must be 1 to 64, not 0"),
        (["--json", "--jsonl"], "choose --json (one article) or --jsonl (one line per article), not both"),
        (["-", "-"], "standard input ('-') can be read only once"),
    ],
)
def test_bad_batch_options_are_one_line_errors(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    files = [] if "-" in args else [str(ARTICLES / "people.txt")]
    assert main(["article", *files, *args]) == 2
    assert capsys.readouterr().err.strip() == f"halfway article: error: {message}"


def test_a_directory_without_articles_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8")
    assert main(["article", str(tmp_path)]) == 2
    assert "holds no article" in capsys.readouterr().err


def test_an_empty_file_name_is_an_error_not_the_current_folder(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["article", str(ARTICLES / "people.txt"), ""]) == 2
    assert capsys.readouterr().err.strip() == "halfway article: error: an empty file name was given"
