"""Benchmark: zones and heat maps (issue 12).

Prints the time of :func:`geo.analysis.zones.halfway_zones` (the halfway, roughly-halfway and
equal-distance zones of two parties, with their areas, countries and large airports) for the
seed pair and other pairs, of :func:`geo.analysis.zones.fairness_zone` (5 % minimax and minsum)
for 3 and 20 parties, of :func:`geo.analysis.zones.position` (a venue and one zone), and of
:func:`geo.analysis.heat.heat_grid`, each the best of 3 after a warm-up call. Issue 12 asks
≤ 0.5 s for the halfway zones of two parties and ≤ 1 s for the 5 % minimax zone of 20.

Run: ``make bench`` or ``.venv/bin/python benchmarks/bench_zones.py``.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from geo.analysis.heat import heat_grid
from geo.analysis.zones import fairness_zone, halfway_zones, position
from geo.places.resolve import resolve

RUNS = 3
TWENTY = (
    "London", "Paris", "Berlin", "Moscow", "Beijing", "Tokyo", "Sydney", "Singapore", "New Delhi", "Cairo",
    "Nairobi", "Cape Town", "Lagos", "New York", "Washington", "Mexico City", "Sao Paulo", "Buenos Aires",
    "Vancouver", "Reykjavik",
)  # fmt: skip


def best_of(fn: Callable[[], object]) -> float:
    fn()
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    places = {n: resolve(n) for n in (*TWENTY, "Anchorage", "Santiago", "Perth")}
    print("halfway zones of two parties (3 zones, with areas, countries, airports), best of 3:")
    for a, b in (("Washington", "Beijing"), ("Paris", "London"), ("London", "Sydney"), ("Santiago", "Perth")):
        seconds = best_of(lambda a=a, b=b: halfway_zones(places[a], places[b]))
        print(f"  {a}–{b}: {seconds:.3f} s")
    for n in (3, 20):
        parties = [places[name] for name in (("Washington", "Beijing", "Moscow") if n == 3 else TWENTY)]
        for objective in ("minimax", "minsum"):
            seconds = best_of(lambda p=parties, o=objective: fairness_zone(p, o, 5.0))
            print(f"5 % {objective} zone of {n} parties: {seconds:.3f} s")
    zs = halfway_zones(places["Washington"], places["Beijing"])
    anc = places["Anchorage"].point
    seconds = best_of(lambda: position(zs.zones[0], anc.lat, anc.lon))
    print(f"where Anchorage lies relative to the halfway zone (exact edge distance): {seconds:.3f} s")
    for n, kind in ((2, "split"), (2, "max"), (20, "max")):
        parties = [places[name] for name in (("Washington", "Beijing") if n == 2 else TWENTY)]
        seconds = best_of(lambda p=parties, k=kind: heat_grid(p, k))
        print(f"heat map '{kind}' of {n} parties: {seconds:.3f} s")


if __name__ == "__main__":
    main()
