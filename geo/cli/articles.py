"""``halfway article FILE|DIR …``: one article, or a newsroom's archive read in parallel.

One file and no ``--jsonl`` prints the readable report (or ``--json``). Several files, a
directory (read recursively: ``.txt``, ``.text``, ``.md``, ``.html``, ``.htm``) or
``--jsonl`` print one line per article, in the order given: with ``--jsonl`` a JSON object
(``file`` and the report's ``claims``, ``places``, ``unresolved``, or ``file`` and
``error``), else a summary line. ``--jobs N`` reads N articles at a time in worker
processes. Progress goes to standard error (``--progress``; the default when it is a
terminal). A file that cannot be read does not stop the
batch: its line says why, and the command ends with exit status 2 and how many failed.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from geo.errors import GeoError, InvalidInputError

ARTICLE_SUFFIXES = frozenset({".txt", ".text", ".md", ".html", ".htm"})
MAX_JOBS = 64


def add_article_parser(sub: Any) -> None:
    """The ``article`` subcommand."""
    from geo.cli.options import add_json

    article = sub.add_parser(
        "article",
        help="find 'halfway' claims in articles (text or HTML) and check them",
        description=(
            "Find the claims of an article ('halfway between A and B', 'midway between', 'equidistant "
            "from', 'halfway around the world') and the places it names, and check each claim. FILE is "
            "UTF-8 text or HTML; '-' reads standard input. Claims that cannot be checked are listed "
            "with the reason. Several files or a directory (read recursively: .txt .text .md .html "
            ".htm) give one line per article; --jsonl one JSON object per article."
        ),
    )
    article.add_argument(
        "files", metavar="FILE", nargs="+", help="articles or directories of articles ('-' for stdin)"
    )
    add_json(article)
    article.add_argument(
        "--jsonl",
        action="store_true",
        help="one JSON object per article and line (a corpus, a newsroom's archive)",
    )
    article.add_argument(
        "--main-text",
        action="store_true",
        help="read a saved web page as its main text (trafilatura): no menus, sidebars, footers; claim words "
        "outside it are listed, not checked",
    )
    article.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="a line per article on standard error (default: when standard error is a terminal)",
    )
    article.add_argument(
        "--jobs",
        type=int,
        default=1,
        metavar="N",
        help=f"read N articles at a time (1 to {MAX_JOBS}; default 1)",
    )


def article_files(arguments: Sequence[str]) -> list[str]:
    """The files named, directories expanded (recursively, sorted, hidden entries skipped)."""
    files: list[str] = []
    for argument in arguments:
        if not argument.strip():
            raise InvalidInputError("an empty file name was given")  # Path("") would be the current folder
        path = Path(argument)
        if argument != "-" and _is_dir(path):
            inside = sorted(_articles_in(path))
            if not inside:
                raise InvalidInputError(
                    f"directory {argument!r} holds no article ({', '.join(sorted(ARTICLE_SUFFIXES))})"
                )
            files += inside
        else:
            files.append(argument)
    if files.count("-") > 1:
        raise InvalidInputError("standard input ('-') can be read only once")
    return files


def _is_dir(path: Path) -> bool:
    """Whether ``path`` is a directory; False for a name the system refuses (too long, say): reading
    it as a file then says why, in one line."""
    try:
        return path.is_dir()
    except OSError:
        return False


def _articles_in(folder: Path) -> Iterator[str]:
    """The article files under ``folder``; hidden folders (``.git``, ``.venv``) are not entered."""
    for root, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            file = Path(root) / name
            if not name.startswith(".") and file.suffix.lower() in ARTICLE_SUFFIXES and file.is_file():
                yield str(file)


def _read_one(file: str, main: bool = False) -> tuple[str, object]:
    """(file, report) or (file, error message); runs in a worker process with --jobs."""
    from geo.claims.article import check_article, read_article

    try:
        return file, check_article(read_article(file), main=main)
    except GeoError as exc:
        return file, " ".join(str(exc).split())


def _reports(files: list[str], jobs: int, main: bool) -> Iterator[tuple[str, object]]:
    mains = [main] * len(files)
    if jobs == 1 or len(files) == 1:
        yield from map(_read_one, files, mains)
        return
    from concurrent.futures import ProcessPoolExecutor  # not imported by the other commands (a faster start)

    with ProcessPoolExecutor(max_workers=min(jobs, len(files))) as pool:
        yield from pool.map(_read_one, files, mains, chunksize=4)


def summary_line(file: str, report: object) -> str:
    """One article in a batch: its claims and their verdicts, or the error."""
    from geo.claims.article import ArticleReport

    if not isinstance(report, ArticleReport):
        return f"{file}: error: {report}"
    verdicts = ", ".join(f"{c.venue} {c.reading} {c.holds}" for c in report.claims)
    n, m = len(report.claims), len(report.unresolved)
    text = f"{file}: {n} claim{'s' * (n != 1)} checked, {m} not checked, {len(report.places)} places"
    return text + (f" ({verdicts})" if verdicts else "")


def run_articles(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> str:
    """The ``article`` command. Returns the output of one article; a batch is streamed to ``out``
    (default: standard output) with progress on ``err`` (standard error)."""
    out, err = out or sys.stdout, err or sys.stderr
    from geo.claims.article import ArticleReport
    from geo.report.escape import terminal_text
    from geo.report.jsonout import dumps, to_jsonable

    if not 1 <= args.jobs <= MAX_JOBS:
        raise InvalidInputError(f"--jobs must be 1 to {MAX_JOBS}, not {args.jobs}")
    if args.json and args.jsonl:
        raise InvalidInputError("choose --json (one article) or --jsonl (one line per article), not both")
    files = article_files(args.files)
    if len(files) == 1 and not args.jsonl:
        (file,) = files
        _, report = _read_one(file, args.main_text)
        if not isinstance(report, ArticleReport):
            raise InvalidInputError(str(report))
        if args.json:
            return dumps(report)
        from geo.report.article import format_report

        return format_report(report)
    progress = args.progress if args.progress is not None else err.isatty()
    failed = 0
    for number, (file, report) in enumerate(_reports(files, args.jobs, args.main_text), 1):
        ok = isinstance(report, ArticleReport)
        failed += not ok
        if args.jsonl:
            record = {"file": file, **to_jsonable(report)} if ok else {"file": file, "error": report}
            out.write(json.dumps(record, ensure_ascii=False, allow_nan=False) + "\n")
        else:
            out.write(terminal_text(summary_line(file, report)) + "\n")
        out.flush()
        status = "error" if not isinstance(report, ArticleReport) else f"{len(report.claims)} checked"
        if progress:
            err.write(terminal_text(f"[{number}/{len(files)}] {file}: {status}") + "\n")
            err.flush()
    if failed:
        raise InvalidInputError(f"{failed} of {len(files)} articles could not be read (see their lines)")
    return ""
