"""Every command example in the README is run and compared with what it prints.

Text blocks: each ``$ python -m geo …`` line is run in a scratch folder (``$ cat FILE``
blocks create their file there first) and its stdout and stderr are compared line by line
with the lines below it. ``…`` stands for any text: a line that starts with it stands for
any number of lines, inside a line it stands for any characters. A ``json`` block right after
a block whose last command has ``--json`` is that command's output: every ``"key": value``
written in full in it must be in the real output with that value (a number ending in ``…``
must start with the digits shown; other numbers agree to 1e-9).
"""

from __future__ import annotations

import contextlib
import io
import json
import math
import re
import shlex
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from geo.cli.main import main

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
FENCE = re.compile(r"^```(\w*)\n(.*?)^```\n", re.M | re.S)
PAIR = re.compile(r'"(\w+)": ("(?:[^"\\…]|\\.)*"|-?\d[\d.eE+-]*…?|true|false|null)(?=\s*[,}\]\n])')


@dataclass
class Example:
    line: int
    command: str
    expected: list[str]
    files: dict[str, str]
    json_block: str | None = None
    id: str = field(default="")


def examples() -> Iterator[Example]:
    text = README.read_text(encoding="utf-8")
    blocks = [
        (m.group(1), m.group(2), text.count("\n", 0, m.start()) + 1, m.start(), m.end())
        for m in FENCE.finditer(text)
    ]
    files: dict[str, str] = {}
    for i, (lang, body, line, _, end) in enumerate(blocks):
        if lang or not body.startswith("$ "):
            continue
        lines = body.splitlines()
        current: Example | None = None
        out: list[Example] = []
        j = 0
        while j < len(lines):
            row = lines[j]
            if row.startswith("$ "):
                command = row[2:]
                while command.endswith("\\") and j + 1 < len(lines):
                    j += 1
                    command = command[:-1] + " " + lines[j].strip()
                current = Example(line + 1 + j, command, [], files)
                out.append(current)
            elif current is not None:
                current.expected.append(row)
            j += 1
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if (
            nxt is not None
            and nxt[0] == "json"
            and text[end : nxt[3]].strip() == ""
            and out
            and "--json" in out[-1].command
        ):
            out[-1].json_block = nxt[1]
        for ex in out:
            if ex.command.startswith("cat "):
                files[ex.command[4:].strip()] = "\n".join(ex.expected) + "\n"
                continue
            ex.id = f"README line {ex.line}: {ex.command[:60]}"
            yield ex


def run(command: str, cwd: Path) -> str:
    argv = shlex.split(command)
    assert argv[:3] == ["python", "-m", "geo"], command
    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.chdir(cwd), contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        main(argv[3:])
    return stdout.getvalue() + stderr.getvalue()


def matches(expected: list[str], actual: list[str]) -> bool:
    """Line-by-line match with ``…`` wildcards (see the module docstring)."""
    pattern = ""
    for line in expected:
        if line.strip().startswith("…"):  # any number of lines
            pattern += r"(?:[^\n]*\n)*?"
        else:
            pattern += ".*?".join(re.escape(part) for part in line.rstrip().split("…")) + r"\n"
    return re.fullmatch(pattern, "".join(f"{a.rstrip()}\n" for a in actual), re.S) is not None


def same(actual: object, expected: object) -> bool:
    """Equal, numbers to 1e-9 relative (the last digit of a float may differ between machines)."""
    numbers = (int, float)
    if isinstance(actual, numbers) and isinstance(expected, numbers) and not isinstance(actual, bool):
        return math.isclose(actual, expected, rel_tol=1e-9)
    return actual == expected


def flat_pairs(value: object, out: list[tuple[str, object]]) -> list[tuple[str, object]]:
    if isinstance(value, dict):
        for k, v in value.items():
            out.append((k, v))
            flat_pairs(v, out)
    elif isinstance(value, list):
        for v in value:
            flat_pairs(v, out)
    return out


EXAMPLES = list(examples())


def test_the_readme_has_examples_of_every_command() -> None:
    commands = {shlex.split(e.command)[3] for e in EXAMPLES}
    assert {"check", "resolve", "distance", "map", "compare", "best", "article", "when"} <= commands


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e.id)
def test_readme_example_prints_what_the_readme_says(example: Example, tmp_path: Path) -> None:
    (tmp_path / "seeds").symlink_to(ROOT / "seeds")
    for name, content in example.files.items():
        (tmp_path / name).write_text(content, encoding="utf-8")
    output = run(example.command, tmp_path)
    if example.expected:
        assert matches(example.expected, output.splitlines()), output
    if example.json_block is not None:
        document = json.loads(output)
        pairs = flat_pairs(document, [])
        missing = []
        for key, literal in PAIR.findall(example.json_block):
            if literal.endswith("…"):
                ok = any(
                    k == key and isinstance(v, int | float) and repr(v).startswith(literal[:-1])
                    for k, v in pairs
                )
            else:
                want = json.loads(literal)
                ok = any(k == key and same(v, want) for k, v in pairs)
            if not ok:
                missing.append(f"{key}: {literal}")
        assert missing == [], f"README JSON not in the output: {missing}"


def test_the_wildcard_matcher_can_fail() -> None:
    assert matches(["a … c", "…"], ["a b c", "d", "e"])
    assert not matches(["a … c"], ["a b d"])
    assert not matches(["x", "y"], ["x"])
    assert matches(["wrote x (1 kB)"], ["wrote x (1 kB)"])
    assert not matches(["wrote x (2 kB)"], ["wrote x (1 kB)"])
