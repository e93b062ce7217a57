"""Benchmark: country polygons, time zones and summit facts (issue 6).

Prints, measured side by side in one run:

* loading the 1:10m polygons (NPZ → shapely tiles → STRtree), in a fresh process;
* the country of every airport in data/airports.csv (~9.8k points): vectorized
  (:func:`geo.facts.countries.countries_at`, STRtree + prepared point-in-polygon, nearest country
  within 25 km for the points outside every polygon) against one :func:`country_at` call per
  point; target ≤ 1 s for all airports;
* the time zone of every airport (tzfpy) and the UTC offsets of its zones (zoneinfo);
* overflown countries of a few long legs (densify, split at ±180°, intersect);
* cold start of ``python -m geo check Anchorage --between Washington Beijing`` (which now
  reports the summit facts), against the same process doing only the halfway check.

Run: ``make bench`` or ``.venv/bin/python benchmarks/bench_countries.py``.
"""

from __future__ import annotations

import datetime as dt
import statistics
import subprocess
import sys
import time

import numpy as np

from geo.core.geodesy import LatLon
from geo.places.gazetteer import read_rows

RUNS = 5


def best_of(runs: int, fn: object) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return min(times)


def fresh_process_seconds(code: str, runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    load = fresh_process_seconds("import geo.facts.countries as c; c.load_countries()")
    probe = subprocess.run(
        [
            sys.executable,
            "-c",
            "import time; t = time.perf_counter(); import geo.facts.countries as c; "
            "t1 = time.perf_counter(); "
            "c.load_countries(); print(t1 - t, time.perf_counter() - t1)",
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    import_ms, load_ms = (1000 * float(x) for x in probe)
    print(f"polygons: import geo.facts.countries {import_ms:.0f} ms, load {load_ms:.0f} ms")
    print(f"  (a whole fresh process importing and loading: median {load:.2f} s)")

    from geo.facts.countries import countries_at, country_at, load_countries, overflown
    from geo.facts.timezones import timezone_at, utc_offset_hours

    index = load_countries()
    print(f"  {len(index.countries)} countries, {len(index.tiles):,} tiles")
    rows = list(read_rows("airports.csv"))
    lats = np.array([float(r["lat"]) for r in rows])
    lons = np.array([float(r["lon"]) for r in rows])
    n = lats.size

    vectorized = best_of(RUNS, lambda: countries_at(lats, lons))
    inside_only = best_of(RUNS, lambda: countries_at(lats, lons, max_km=0))
    sample = 500
    loop = best_of(
        1, lambda: [country_at(float(a), float(b)) for a, b in zip(lats[:sample], lons[:sample], strict=True)]
    )
    found, km = countries_at(lats, lons)
    outside = int(np.sum(km > 0))
    none = sum(c is None for c in found)
    agree = sum(c is not None and c.iso_a2 == r["country_code"] for c, r in zip(found, rows, strict=True))
    print(f"\ncountry of all {n:,} airports (target ≤ 1 s):")
    print(
        f"  vectorized, with 25 km fallback  {vectorized:8.3f} s  ({vectorized / n * 1e6:.1f} µs per point)"
    )
    print(f"  vectorized, polygons only        {inside_only:8.3f} s")
    per_loop = loop / sample
    print(
        f"  country_at() in a Python loop    {per_loop * n:8.3f} s  (extrapolated from {sample}; "
        f"{per_loop / (vectorized / n):.0f}× slower)"
    )
    print(
        f"  {outside} airports outside every polygon took the nearest country, {none} have none "
        f"within 25 km; {agree / n:.1%} agree with OurAirports' country"
    )

    on = dt.date(2021, 3, 18)

    def zones() -> None:
        names = [timezone_at(float(a), float(b)) for a, b in zip(lats, lons, strict=True)]
        for name in set(names):
            utc_offset_hours(name, on)

    tz = best_of(RUNS, zones)
    print(f"\ntime zone and UTC offset of all {n:,} airports: {tz:.3f} s ({tz / n * 1e6:.1f} µs per point)")

    legs = {
        "Anchorage → Beijing": (LatLon(61.2181, -149.9003), LatLon(39.9042, 116.4074)),
        "Washington → Moscow": (LatLon(38.9072, -77.0369), LatLon(55.7520, 37.6178)),
        "Washington → Beijing": (LatLon(38.9072, -77.0369), LatLon(39.9042, 116.4074)),
        "Suva → Apia (across ±180°)": (LatLon(-18.1416, 178.4419), LatLon(-13.8333, -171.7667)),
    }
    print("\noverflown countries (best of 5):")
    for name, (a, b) in legs.items():
        t = best_of(RUNS, lambda a=a, b=b: overflown(a, b))
        print(f"  {name:<28} {t * 1000:6.1f} ms  {' → '.join(overflown(a, b))}")

    check = fresh_process_seconds(
        "import io, contextlib; from geo.cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['check', 'Anchorage', '--between', 'Washington', 'Beijing'])"
    )
    bare = fresh_process_seconds(
        "from geo.analysis.check import check_halfway; from geo.places.resolve import resolve\n"
        "check_halfway(resolve('Anchorage'), resolve('Washington'), resolve('Beijing'))"
    )
    print(
        f"\ncold start of `python -m geo check Anchorage --between Washington Beijing` (median of {RUNS}): "
        f"{check:.2f} s with the summit facts; {bare:.2f} s for the halfway check alone (target < 1 s)"
    )


if __name__ == "__main__":
    main()
