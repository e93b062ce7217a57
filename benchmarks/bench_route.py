"""Benchmark: refuelling stops (issue 13).

Prints the time of :func:`geo.analysis.route.refuelling_stops` (A* over the 2,111 airports that
pass the default filters: large and medium, runway ≥ 2,500 m) for legs that need one, two and
three stops, with the airports it expanded, and of :func:`geo.analysis.route.one_stop` for
the 200 legs the compare table searches at most; the brute force of the tests for comparison.

Run: ``make bench`` or ``.venv/bin/python benchmarks/bench_route.py``.
"""

from __future__ import annotations

import time

import numpy as np

from geo.analysis.route import _candidates, _Search, one_stop, refuelling_stops
from geo.core.geodesy import LatLon, distance_km

RUNS = 3
PYONGYANG = LatLon(39.0392, 125.7625)
WASHINGTON = LatLon(38.9072, -77.0369)
SINGAPORE = LatLon(1.3644, 103.9915)
SAO_PAULO = LatLon(-23.4356, -46.4731)
CASES = (
    ("Pyongyang → Washington, Il-62M 10,000 km (1 stop)", PYONGYANG, WASHINGTON, 10_000.0, 2),
    ("Washington → Singapore, 7,000 km (2 stops)", WASHINGTON, SINGAPORE, 7_000.0, 2),
    ("Pyongyang → São Paulo, 6,000 km (3 stops)", PYONGYANG, SAO_PAULO, 6_000.0, 3),
    ("Pyongyang → São Paulo, 3,000 km, ≤ 4 stops (none exists)", PYONGYANG, SAO_PAULO, 3_000.0, 4),
)


def best_of(fn: object) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    refuelling_stops(PYONGYANG, WASHINGTON, 10_000.0)  # load the airport table
    print("refuelling_stops, 5 options, best of 3:")
    for label, a, b, range_km, stops in CASES:
        seconds = best_of(lambda a=a, b=b, r=range_km, s=stops: refuelling_stops(a, b, r, max_stops=s))
        search = _Search(a, b, _candidates(2500, ("large_airport", "medium_airport"), ()), range_km, stops)
        _, complete = search.run(15)
        plan = refuelling_stops(a, b, range_km, max_stops=stops)
        print(
            f"  {label}: {seconds:.3f} s, {search.expanded} airports expanded"
            f"{'' if complete else ' (cut short)'}, fewest stops {plan.fewest_stops}"
        )
    air = _candidates(2500, ("large_airport", "medium_airport"), ())
    rng = np.random.default_rng(1)
    pick = rng.choice(air.lat.size, size=(2, 200))
    legs = (air.lat[pick[0]], air.lon[pick[0]], air.lat[pick[1]], air.lon[pick[1]])
    seconds = best_of(lambda: one_stop(*legs, 10_000.0))
    print(
        f"one_stop for 200 random legs (10,000 km): {seconds:.3f} s ({1000 * seconds / 200:.1f} ms per leg)"
    )
    start = time.perf_counter()
    lat, lon = air.lat, air.lon
    d_a = distance_km(WASHINGTON.lat, WASHINGTON.lon, lat, lon)
    d_b = distance_km(SINGAPORE.lat, SINGAPORE.lon, lat, lon)
    first, last = np.flatnonzero(d_a <= 7_000.0), np.flatnonzero(d_b <= 7_000.0)
    middle = distance_km(lat[first][:, None], lon[first][:, None], lat[last][None, :], lon[last][None, :])
    print(
        f"brute force, every pair, Washington → Singapore (2 stops): {time.perf_counter() - start:.2f} s "
        f"({first.size:,} × {last.size:,} pairs, {np.isfinite(middle).sum():,} geodesics)"
    )


if __name__ == "__main__":
    main()
