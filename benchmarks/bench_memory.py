"""Benchmark: memory and time of very large venue files, in the CLI and in the dashboard.

Prints, measured one after the other (never in parallel: each may take a few hundred MB):

1. ``compare --venues-file F --json`` and ``--csv`` on a generated 1,000,000-row venue file,
   three parties: wall time, the process's peak resident memory (VmHWM) and the size of the
   output;
2. the dashboard's "Compare venues" view (Streamlit's AppTest, in a fresh process that plays
   the server) with an uploaded file of 100,000 rows (the upload limit) and of 700,000 rows
   (refused above the limit): time of the run, the peak resident memory, and the resident
   memory after the session is closed and the caches are cleared.

The venue files look real: names and positions of GeoNames towns (``data/towns.csv.gz``, moved
by up to 0.01° so repeats differ), 2 % of the rows given by place name instead of lat,lon, and
0.5 % bad rows.

Run: ``.venv/bin/python benchmarks/bench_memory.py`` (``--rows N`` for another CLI file size).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
CLI_ROWS = 1_000_000
UPLOAD_ROWS = (100_000, 700_000)
PARTIES = ["Washington", "Moscow", "Beijing"]
_PLACES = ["Reykjavik", "Geneva", "Helsinki", "Anchorage", "Vienna", "ANC", "KEF", "Singapore"]


def write_venue_csv(path: Path, rows: int, seed: int = 7) -> None:
    """A venue file of ``rows`` data rows: GeoNames towns, some by place name, a few bad rows."""
    with gzip.open(ROOT / "data" / "towns.csv.gz", "rt", encoding="utf-8") as f:
        towns = [(r["name"], float(r["lat"]), float(r["lon"]), r["country_code"]) for r in csv.DictReader(f)]
    rng = np.random.default_rng(seed)
    pick = rng.integers(0, len(towns), rows)
    jitter = rng.uniform(-0.01, 0.01, (rows, 2))
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["name", "lat", "lon", "place"])
        for i in range(rows):
            name, lat, lon, cc = towns[pick[i]]
            if i % 200 == 0:
                writer.writerow([f"{name} ({cc})", f"{lat + 91:.5f}", f"{lon:.5f}", ""])  # bad latitude
            elif i % 50 == 0:
                writer.writerow([f"{name} ({cc})", "", "", _PLACES[i % len(_PLACES)]])
            else:
                lat = min(90.0, max(-90.0, lat + jitter[i, 0]))
                lon = (lon + jitter[i, 1] + 180.0) % 360.0 - 180.0
                writer.writerow([f"{name} ({cc})", f"{lat:.5f}", f"{lon:.5f}", ""])


# The child reports its own peak resident memory, VmHWM of /proc/self/status (getrusage's ru_maxrss
# survives exec on Linux, so a child started by a big parent would report the parent's).
_CLI_CHILD = (
    "import sys\n"
    "from geo.cli.main import main\n"
    "code = main(sys.argv[1:])\n"
    "hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM')][0].split()[1]\n"
    "print(hwm, file=sys.stderr)\n"
    "sys.exit(code)\n"
)

# The dashboard: AppTest runs the script in this process, which plays the server. After the
# session it clears what a server would drop (the session, Streamlit's caches) and collects.
_APP_CHILD = """
import gc, sys, time
from streamlit.testing.v1 import AppTest

def status(key):
    return int([l for l in open('/proc/self/status') if l.startswith(key)][0].split()[1]) / 1024

path = sys.argv[1]
at = AppTest.from_file(sys.argv[2], default_timeout=600)
at.query_params["view"] = "Compare venues"
at.run()
before = status("VmRSS")
data = open(path, "rb").read()
start = time.perf_counter()
at.file_uploader(key="cfile").set_value(("venues.csv", data, "text/csv")).run()
seconds = time.perf_counter() - start
assert not at.exception, at.exception
errors = [e.value for e in at.error]
tables = [len(d.value) for d in at.dataframe if "venue" in d.value.columns]
del at, data
import streamlit as st
st.cache_data.clear()
st.cache_resource.clear()
gc.collect()
print(before, seconds, status("VmHWM"), status("VmRSS"), tables[0] if tables else 0, repr(errors[:1]))
"""


def run_cli(argv: list[str]) -> tuple[float, float, float]:
    """Run the CLI in a fresh process: wall time (s), its own peak RSS (MB), output size (MB)."""
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", _CLI_CHILD, *argv], capture_output=True, check=True, cwd=ROOT
    )
    seconds = time.perf_counter() - start
    rss_kb = int(proc.stderr.decode().strip().splitlines()[-1])
    return seconds, rss_kb / 1024, len(proc.stdout) / 1e6


def bench_cli(rows: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "venues.csv"
        write_venue_csv(path, rows)
        size_mb = path.stat().st_size / 1e6
        base = ["compare", "--between", *PARTIES, "--venues-file", str(path)]
        print(f"\n1. CLI compare, {rows:,}-row venue file ({size_mb:.0f} MB), {len(PARTIES)} parties")
        for extra in (["--json"], ["--csv"], ["--json", "--top", "10"]):
            seconds, rss_mb, out_mb = run_cli([*base, *extra])
            label = " ".join(extra)
            print(f"   {label:<16}{seconds:>7.1f} s   peak RSS {rss_mb:>6,.0f} MB   output {out_mb:,.0f} MB")


def bench_dashboard() -> None:
    print("\n2. Dashboard, Compare venues with an uploaded venue file (AppTest; this process is the server)")
    for rows in UPLOAD_ROWS:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "venues.csv"
            write_venue_csv(path, rows)
            size_mb = path.stat().st_size / 1e6
            proc = subprocess.run(
                [sys.executable, "-c", _APP_CHILD, str(path), str(ROOT / "app.py")],
                capture_output=True,
                check=True,
                cwd=ROOT,
            )
        before, seconds, hwm, after, listed, error = proc.stdout.decode().split(maxsplit=5)
        print(
            f"   {rows:>7,} rows ({size_mb:4.1f} MB): run {float(seconds):5.1f} s, "
            f"RSS {float(before):,.0f} MB before, peak {float(hwm):,.0f} MB, "
            f"{float(after):,.0f} MB after the session; "
            f"{int(listed):,} venues listed; error: {error.strip()}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=CLI_ROWS, help="rows of the CLI's venue file")
    parser.add_argument("--only", choices=("cli", "dashboard"), help="run one part only")
    args = parser.parse_args()
    if args.only != "dashboard":
        bench_cli(args.rows)
    if args.only != "cli":
        bench_dashboard()


if __name__ == "__main__":
    main()
