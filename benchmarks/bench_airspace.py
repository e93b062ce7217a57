"""Benchmark: airspace avoidance (issue 13, item 3).

Prints, measured side by side in one run (best of 3 after one warm-up call, polygons loaded):

* transcontinental legs with three avoided countries (target ≤ 2 s each): London → Tokyo avoiding
  RU, CN and KZ, Washington → Beijing avoiding RU, CA and MN;
* Helsinki → Tokyo avoiding RU (the README's figures): direct and avoided km, extra km and hours;
* where the time goes for one of them: projecting the polygons, building the obstacle, the search.

Run: ``make bench`` or ``.venv/bin/python benchmarks/bench_airspace.py``.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from geo.analysis import airspace
from geo.analysis.airspace import AvoidedPath, avoid_path
from geo.core.geodesy import LatLon
from geo.facts.countries import load_countries

RUNS = 3
LONDON = LatLon(51.5074, -0.1278)
TOKYO = LatLon(35.6762, 139.6503)
WASHINGTON = LatLon(38.9072, -77.0369)
BEIJING = LatLon(39.9042, 116.4074)
HELSINKI = LatLon(60.1699, 24.9384)

LEGS = {
    "London → Tokyo, avoiding RU CN KZ": (LONDON, TOKYO, ["RU", "CN", "KZ"]),
    "Washington → Beijing, avoiding RU CA MN": (WASHINGTON, BEIJING, ["RU", "CA", "MN"]),
    "Helsinki → Tokyo, avoiding RU": (HELSINKI, TOKYO, ["RU"]),
}


def best_of(runs: int, fn: Callable[[], object]) -> float:
    fn()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def route(path: AvoidedPath) -> str:
    return " → ".join(f"({lat:.1f}, {lon:.1f})" for lat, lon in path.waypoints)


def stages(a: LatLon, b: LatLon, codes: list[str]) -> dict[str, float]:
    """Seconds spent in each step of one plan, by wrapping the module's private steps."""
    spent = {"project": 0.0, "obstacle": 0.0, "search": 0.0}
    originals = {name: getattr(airspace, f"_{name}") for name in spent}

    def timed(name: str) -> Callable[..., object]:
        def run(*args: object) -> object:
            start = time.perf_counter()
            out = originals[name](*args)
            spent[name] += time.perf_counter() - start
            return out

        return run

    for name in spent:
        setattr(airspace, f"_{name}", timed(name))
    try:
        avoid_path(a, b, codes)
    finally:
        for name, fn in originals.items():
            setattr(airspace, f"_{name}", fn)
    return spent


def main() -> None:
    start = time.perf_counter()
    load_countries()
    print(f"polygons loaded in {time.perf_counter() - start:.2f} s (once per process, not counted below)\n")
    print(f"{'leg':<42} {'time':>7} {'direct km':>10} {'avoided km':>11} {'extra km':>9} {'extra h':>8}")
    for name, (a, b, codes) in LEGS.items():
        seconds = best_of(RUNS, lambda a=a, b=b, codes=codes: avoid_path(a, b, codes))
        p = avoid_path(a, b, codes)
        print(
            f"{name:<42} {seconds:6.2f}s {p.direct_km:10,.1f} {p.length_km:11,.1f} "
            f"{p.extra_km:9,.1f} {p.extra_hours:8.2f}"
        )
        print(f"  {len(p.waypoints)} waypoints: {route(p)}")
    print("\ntarget: ≤ 2 s for a transcontinental leg with three avoided countries")
    spent = stages(LONDON, TOKYO, ["RU", "CN", "KZ"])
    print("London → Tokyo by step: " + ", ".join(f"{k} {v:.2f} s" for k, v in spent.items()))


if __name__ == "__main__":
    main()
