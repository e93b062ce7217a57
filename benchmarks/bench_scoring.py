"""Benchmark: score every airport in data/ against 20 parties, and a 100,000-row venue file.

Prints, measured side by side in one run:

1. ``geo.analysis.scoring.score_venues`` over all ~9,800 airports × 20 capitals (one vectorized pass:
   distance matrix, flight times, max/min/sum/spread/fairness) and ranking them — target
   ≤ 0.2 s on the 2-core development machine — against a ``geopy.distance.geodesic`` loop
   (timed on a sample, extrapolated to the whole matrix), with the largest error of each
   against GeographicLib;
2. the optimizer for the same 20 parties (minimax, minsum);
3. a generated 100,000-row venue CSV (lat,lon rows, place rows and 1 % bad rows): reading +
   scoring + ranking in the library (time, and peak memory with tracemalloc), and the whole
   CLI ``compare --venues-file … --json`` (wall time, peak RSS of the process).

Run: ``.venv/bin/python benchmarks/bench_scoring.py``.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import numpy as np
from geographiclib.geodesic import Geodesic
from geopy.distance import geodesic

from geo.analysis import scoring
from geo.analysis.optimize import optimum
from geo.analysis.scoring import compare, rank_order, score_venues
from geo.places.gazetteer import load_gazetteer
from geo.places.tables import airport_table
from geo.places.venues import read_venue_file

GEOPY_SAMPLE = 20_000
FILE_ROWS = 100_000
N_PARTIES = 20


def best_of(fn: Callable[[], object], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def parties() -> tuple[list[str], np.ndarray, np.ndarray]:
    capitals = sorted(load_gazetteer().capitals.values(), key=lambda c: -(c.population or 0))[:N_PARTIES]
    return (
        [c.name for c in capitals],
        np.array([c.lat for c in capitals]),
        np.array([c.lon for c in capitals]),
    )


def bench_airports() -> None:
    table = airport_table()
    names, plat, plon = parties()
    m, n = table.lat.size, plat.size
    pairs = m * n

    def score_and_rank() -> None:
        rank_order(score_venues(plat, plon, table.lat, table.lon), "minimax")

    t_vec = best_of(score_and_rank)
    workers = scoring._workers
    scoring._workers = lambda: 1  # type: ignore[assignment]
    try:
        t_one = best_of(score_and_rank)
    finally:
        scoring._workers = workers

    rng = np.random.default_rng(1)
    idx, jdx = rng.integers(0, m, GEOPY_SAMPLE), rng.integers(0, n, GEOPY_SAMPLE)
    sample = list(zip(table.lat[idx], table.lon[idx], plat[jdx], plon[jdx], strict=True))
    start = time.perf_counter()
    geopy_km = np.array([geodesic((a, b), (c, d)).km for a, b, c, d in sample])
    per_geopy = (time.perf_counter() - start) / GEOPY_SAMPLE
    ref = np.array([Geodesic.WGS84.Inverse(a, b, c, d)["s12"] / 1000 for a, b, c, d in sample])
    ours = score_venues(plat, plon, table.lat, table.lon).distances_km[idx, jdx]

    print(f"\n1. Scoring {m:,} airports × {n} parties ({pairs:,} geodesics), score + minimax ranking")
    print(f"   parties: {', '.join(names)}")
    print(f"   {'method':<44}{'whole pass':>12}{'per pair':>11}{'vs geopy':>10}{'max error':>12}")
    rows = [
        ("geo.analysis.scoring.score_venues (threads)", t_vec, float(np.abs(ours - ref).max())),
        ("geo.analysis.scoring.score_venues (one thread)", t_one, float(np.abs(ours - ref).max())),
        (
            "geopy.distance.geodesic loop (extrapolated)",
            per_geopy * pairs,
            float(np.abs(geopy_km - ref).max()),
        ),
    ]
    for label, seconds, err_km in rows:
        ratio = per_geopy * pairs / seconds
        per_pair_us, err_mm = seconds / pairs * 1e6, err_km * 1e6
        print(f"   {label:<44}{seconds:>10.3f} s{per_pair_us:>8.2f} µs{ratio:>9.0f}×{err_mm:>9.1e} mm")
    verdict = "met" if t_vec <= 0.2 else "NOT met"
    print(f"   target ≤ 0.2 s for the vectorized pass: {verdict} ({t_vec:.3f} s)")


def bench_optimizer() -> None:
    _, plat, plon = parties()
    print(f"\n2. Optimizer, {plat.size} capitals (global optimum)")
    for objective in ("minimax", "minsum", "centroid"):
        seconds = best_of(lambda objective=objective: optimum(plat, plon, objective), repeat=3)  # type: ignore[misc]
        o = optimum(plat, plon, objective)
        print(f"   {objective:<9}{seconds:>7.3f} s   max {o.max_km:>9,.1f} km   total {o.sum_km:>11,.1f} km")


def write_big_file(path: Path) -> None:
    rng = np.random.default_rng(7)
    lats = np.degrees(np.arcsin(rng.uniform(-1, 1, FILE_ROWS)))
    lons = rng.uniform(-180, 180, FILE_ROWS)
    places = ["Reykjavik", "Geneva", "Helsinki", "Anchorage", "Vienna", "ANC", "KEF", "Singapore"]
    with path.open("w", encoding="utf-8") as f:
        f.write("name,lat,lon,place\n")
        for i in range(FILE_ROWS):
            if i % 100 == 0:
                f.write(f"bad {i},{abs(lats[i]) + 90.5:.5f},{lons[i]:.5f},\n")  # 1 % rejected rows
            elif i % 10 == 0:
                f.write(f"venue {i},,,{places[i % len(places)]}\n")  # 9 % resolved by name
            else:
                f.write(f"venue {i},{lats[i]:.5f},{lons[i]:.5f},\n")


# The child reports its own peak resident memory, VmHWM of /proc/self/status. (getrusage's
# ru_maxrss survives exec on Linux, so a child started by a big parent would report the parent's.)
_CHILD = (
    "import sys\n"
    "from geo.cli.main import main\n"
    "code = main(sys.argv[1:])\n"
    "hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM')][0].split()[1]\n"
    "print(hwm, file=sys.stderr)\n"
    "sys.exit(code)\n"
)


def run_cli(argv: list[str]) -> tuple[float, float, float]:
    """Run the CLI in a fresh process: wall time (s), its own peak RSS (MB), output size (MB)."""
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", _CHILD, *argv], capture_output=True, check=True)
    seconds = time.perf_counter() - start
    rss_kb = int(proc.stderr.decode().strip().splitlines()[-1])
    return seconds, rss_kb / 1024, len(proc.stdout) / 1e6


def bench_file() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "venues_100k.csv"
        write_big_file(path)
        size_mb = path.stat().st_size / 1e6
        load_gazetteer()
        party_places = [load_gazetteer().capitals[c] for c in ("US", "RU", "CN")]

        def read() -> object:
            return read_venue_file(path)

        def library() -> object:
            return compare(party_places, read_venue_file(path), rank_by="minimax", top=10)

        t_read = best_of(read, repeat=2)
        t_lib = best_of(library, repeat=2)
        tracemalloc.start()
        result = library()
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        assert hasattr(result, "rejected")
        rejected = len(result.rejected)  # type: ignore[attr-defined]

        base = ["compare", "--between", "Washington", "Moscow", "Beijing", "--venues-file", str(path)]
        t_cli, rss_mb, out_mb = run_cli([*base, "--json"])
        t_cli_top, rss_top_mb, _ = run_cli([*base, "--json", "--top", "10"])
        t_csv, rss_csv_mb, csv_mb = run_cli([*base, "--csv"])

    print(f"\n3. Venue file: {FILE_ROWS:,} rows ({size_mb:.1f} MB; 90 % lat,lon, 9 % place names, 1 % bad)")
    lines = [
        ("read_venue_file", t_read, ""),
        ("read + score + rank (library, top 10)", t_lib, f"peak Python memory {peak / 1e6:,.0f} MB"),
        ("CLI compare --json, all venues", t_cli, f"peak RSS {rss_mb:,.0f} MB, {out_mb:,.0f} MB of JSON"),
        ("CLI compare --json --top 10", t_cli_top, f"peak RSS {rss_top_mb:,.0f} MB"),
        ("CLI compare --csv, all venues", t_csv, f"peak RSS {rss_csv_mb:,.0f} MB, {csv_mb:,.0f} MB of CSV"),
    ]
    for label, seconds, extra in lines:
        print(f"   {label:<40} {seconds:>6.2f} s   {extra}".rstrip())
    print(f"   rejected rows reported: {rejected:,}")


def main() -> None:
    bench_airports()
    bench_optimizer()
    bench_file()


if __name__ == "__main__":
    main()
