"""Benchmark: the robustness of a verdict (``check --robust``, issue 12 item 4).

Prints, side by side in one run, the time of :func:`geo.analysis.robust.check_robust` (first
call in the process, with the airport table loading, then warm) against one plain
:func:`geo.analysis.check.check_halfway` of the same places, for the seed case (90
combinations), a 10-combination case, a capped worst case of cities, and a country named as a
country (its land centre unites its polygons once per process).

Run: ``make bench`` or ``.venv/bin/python benchmarks/bench_robust.py``.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from geo.analysis.check import check_halfway
from geo.analysis.robust import check_robust
from geo.places.resolve import resolve

RUNS = 5
CASES = (
    ("Anchorage", "Washington", "Beijing"),
    ("Bern", "London", "Rome"),
    ("Paris", "London", "New York"),
    ("Iceland", "USA", "Russia"),
)


def best_of(fn: Callable[[], object], runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    seed = [resolve(p) for p in CASES[0]]
    start = time.perf_counter()
    check_robust(*seed)
    cold = time.perf_counter() - start
    print(f"first check_robust in the process (loads the airport table): {cold:.3f} s")
    print(f"{'case':<34} {'combinations':>12} {'first':>8} {'warm':>8} {'one check':>10} {'ratio':>6}")
    for case in CASES:
        places = [resolve(p) for p in case]
        start = time.perf_counter()
        result = check_robust(*places)
        first = time.perf_counter() - start
        warm = best_of(lambda places=places: check_robust(*places))
        one = best_of(lambda places=places: check_halfway(*places), runs=20)
        name = " / ".join(case)
        print(
            f"{name:<34} {result.combinations:>12} {first:>7.3f}s {warm:>7.3f}s {1000 * one:>8.2f}ms "
            f"{warm / one:>5.0f}×"
        )


if __name__ == "__main__":
    main()
