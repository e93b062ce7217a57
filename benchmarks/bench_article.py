"""Worst-case inputs for `article`: time and peak memory from 10 kB to 1 MB (linear is the goal).

Each pattern used to be super-linear (regex backtracking, rescans, the standard library's HTML
parser): a 2.4 kB run of spaces took 40 s, 40 kB of dots 20 s. Printed: seconds at each size,
the worst µs per byte, and the peak traced Python memory of a 100 kB run. The last row is the
seed article repeated, the reference for a large real text: at 5 MB it must take under 10 s
(``--max-bytes 5000000 --only seed``).

    python benchmarks/bench_article.py [--max-bytes N] [--only TEXT]
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from geo.claims.article import check_article

SEED = next((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))  # the reference article
CITIES = ["Paris", "London", "Berlin", "Rome", "Madrid", "Vienna", "Oslo", "Moscow", "Beijing", "Tokyo"]
DISTINCT = "".join(f"{a} is halfway between {b} and {c}. " for a, b, c in itertools.permutations(CITIES, 3))
PATTERNS = {
    "spaces before the parties": "Oslo is halfway between" + " " * 2400 + "Paris and London. ",
    "dots": ".",
    "abbreviations 'A. '": "A. ",
    "place names": "Paris ",
    "capitalised words": "Xy ",
    "one claim repeated in one sentence": "Oslo is halfway between Paris and London, ",
    "distinct claims (720)": DISTINCT,
    "HTML '<a' run": "<a",
    "HTML '<p ' run": "<p ",
    "HTML '<![' run": "<![",
    "real-looking news text": (
        "US and Chinese officials met in Anchorage, Alaska, on Thursday. The city was picked because it "
        "represents a halfway point between Washington and Beijing. Mr. Blinken and Wang Yi spoke for "
        "an hour; the U.S. side said the talks were tough. "
    ),
    "seed article repeated": SEED.read_text(encoding="utf-8") + "\n\n",
}


def text_of(pattern: str, unit: str, size: int) -> str:
    text = (unit * (size // len(unit) + 1))[:size]
    return "<html><body><p>x</p>" + text if pattern.startswith("HTML") else text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-bytes", type=int, default=1_000_000)
    parser.add_argument("--only", default="", metavar="TEXT", help="only the patterns whose name holds TEXT")
    args = parser.parse_args()
    sizes = [s for s in (10_000, 100_000, 1_000_000, 5_000_000) if s <= args.max_bytes]
    check_article("Paris")  # load the gazetteer first
    print(f"{'pattern':36s}" + "".join(f"{s // 1000:>10,} kB" for s in sizes) + "   peak MB at 100 kB")
    worst = (0.0, "")
    for name, unit in PATTERNS.items():
        if args.only not in name:
            continue
        cells = []
        for size in sizes:
            text = text_of(name, unit, size)
            started = time.perf_counter()
            check_article(text)
            seconds = time.perf_counter() - started
            cells.append(f"{seconds:8.2f} s ")
            worst = max(worst, (seconds / size * 1e6, name))
        tracemalloc.start()  # memory on a separate run: tracing slows the code several times
        check_article(text_of(name, unit, 100_000))
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        print(f"{name:36s}" + "".join(cells) + f"{peak / 1e6:12.0f}", flush=True)
    print(f"worst: {worst[0]:.1f} µs per byte ({worst[1]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
