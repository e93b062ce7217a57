"""Golden outputs of the README examples: JSON, text and map HTML, written to a folder.

Run it before and after a change that should not alter what users see, then compare the
folders (``diff -r``). The commands are the README's; the date is fixed so that the summit
facts do not depend on the day of the run.

    python scripts/golden.py OUT_DIR
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

DATE = ["--date", "2021-03-18"]
COMMANDS: dict[str, list[str]] = {
    "check.json": ["check", "Anchorage", "--between", "Washington", "Beijing", "--json", *DATE],
    "check.txt": ["check", "Anchorage", "--between", "Washington", "Beijing", *DATE],
    "check-aircraft.json": [
        "check",
        "Singapore",
        "--between",
        "Pyongyang",
        "Washington",
        "--date",
        "2018-06-12",
        "--aircraft",
        "il-62m",
        "vc-25a",
        "--json",
    ],
    "resolve.json": ["resolve", "Moscow", "--json"],
    "distance.json": ["distance", "Washington", "Beijing", "--json"],
    "compare.json": [
        "compare",
        "--between",
        "Washington",
        "Moscow",
        "--venues",
        "Anchorage",
        "Reykjavik",
        "Helsinki",
        "Geneva",
        "Vienna",
        "--json",
        *DATE,
    ],
    "compare.txt": [
        "compare",
        "--between",
        "Washington",
        "Moscow",
        "--venues",
        "Anchorage",
        "Reykjavik",
        "Helsinki",
        "Geneva",
        "Vienna",
        *DATE,
    ],
    "best.json": [
        "best",
        "Washington",
        "Moscow",
        "Beijing",
        "--objective",
        "minsum",
        "--suggest",
        "1",
        "--json",
    ],
    "best.txt": ["best", "Washington", "Moscow", "Beijing", "--neutral"],
    "article.json": ["article", "seeds/000_0013ce6904f91e7b.txt", "--json"],
    "article.txt": ["article", "seeds/000_0013ce6904f91e7b.txt"],
}
MAPS: dict[str, list[str]] = {
    "check-map.html": [
        "map",
        "--between",
        "Washington",
        "Beijing",
        "--venues",
        "Anchorage",
        "Reykjavik",
        "Helsinki",
        "Geneva",
        "Honolulu",
        *DATE,
    ],
    "compare-map.html": [
        "map",
        "--between",
        "Washington",
        "Beijing",
        "Moscow",
        "--venues",
        "Anchorage",
        "Reykjavik",
        "Helsinki",
        "Geneva",
        *DATE,
    ],
    "best-map.html": [
        "map",
        "--between",
        "Washington",
        "Beijing",
        "--best",
        "minimax",
        "--equidistant",
        *DATE,
    ],
}


def main(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    root = Path(__file__).resolve().parents[1]
    for name, args in COMMANDS.items():
        proc = subprocess.run([sys.executable, "-m", "geo", *args], cwd=root, capture_output=True, text=True)
        (out / name).write_text(proc.stdout + f"[exit {proc.returncode}] {proc.stderr}", encoding="utf-8")
    for name, args in MAPS.items():
        proc = subprocess.run(
            [sys.executable, "-m", "geo", *args, "--out", str(out / name)],
            cwd=root,
            capture_output=True,
            text=True,
        )
        (out / f"{name}.log").write_text(f"[exit {proc.returncode}] {proc.stderr}", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
