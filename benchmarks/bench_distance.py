"""Benchmark: score every airport in data/ against 2 and against 20 capitals.

Compares, side by side in one run:

* ``geo.core.geodesy.distance_km`` on numpy arrays (pyproj, WGS84 geodesics);
* a ``geopy.distance.geodesic`` loop (the usual way, also WGS84 geodesics);
* numpy haversine (a spherical shortcut the project never reports, shown for its error).

Prints time per pair, the speed-up over the geopy loop, and the largest error of each
against GeographicLib. Target: ≥ 100× faster than geopy with ≤ 1 mm error.
Also times ``python -m geo check`` cold start (target < 1 s).

Run: ``make bench`` or ``.venv/bin/python benchmarks/bench_distance.py``.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable

import numpy as np
from geographiclib.geodesic import Geodesic
from geopy.distance import geodesic

from geo.core.geodesy import distance_km
from geo.places.gazetteer import load_gazetteer

EARTH_RADIUS_KM = 6371.0088
GEOPY_SAMPLE = 20_000  # pairs timed in the geopy loop (the full matrix would take minutes)


def haversine_km(lat1: np.ndarray, lon1: np.ndarray, lat2: np.ndarray, lon2: np.ndarray) -> np.ndarray:
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dp, dl = p2 - p1, np.radians(lon2 - lon1)
    h = np.sin(dp / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(h))


def best_of(fn: Callable[[], object], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def run(n_parties: int) -> None:
    gaz = load_gazetteer()
    air_lat = np.array([a.lat for a in gaz.airports])
    air_lon = np.array([a.lon for a in gaz.airports])
    capitals = sorted(gaz.capitals.values(), key=lambda c: -(c.population or 0))[:n_parties]
    cap_lat = np.array([c.lat for c in capitals])
    cap_lon = np.array([c.lon for c in capitals])
    pairs = air_lat.size * n_parties

    t_vec = best_of(lambda: distance_km(air_lat[:, None], air_lon[:, None], cap_lat, cap_lon))
    t_hav = best_of(lambda: haversine_km(air_lat[:, None], air_lon[:, None], cap_lat, cap_lon))

    rng = np.random.default_rng(1)
    idx = rng.integers(0, air_lat.size, GEOPY_SAMPLE)
    jdx = rng.integers(0, n_parties, GEOPY_SAMPLE)
    sample = list(zip(air_lat[idx], air_lon[idx], cap_lat[jdx], cap_lon[jdx], strict=True))
    t_geopy = best_of(lambda: [geodesic((a, b), (c, d)).km for a, b, c, d in sample], repeat=1)
    per_geopy = t_geopy / GEOPY_SAMPLE

    ref = np.array([Geodesic.WGS84.Inverse(a, b, c, d)["s12"] / 1000 for a, b, c, d in sample])
    ours = distance_km(air_lat[idx], air_lon[idx], cap_lat[jdx], cap_lon[jdx])
    geopy_km = np.array([geodesic((a, b), (c, d)).km for a, b, c, d in sample[:2000]])
    hav = haversine_km(air_lat[idx], air_lon[idx], cap_lat[jdx], cap_lon[jdx])

    print(f"\n{air_lat.size:,} airports × {n_parties} capitals = {pairs:,} pairs")
    print(f"{'method':<34}{'per pair':>12}{'whole matrix':>14}{'vs geopy':>10}{'max error':>14}")
    rows = [
        ("geo.distance_km (pyproj, array)", t_vec / pairs, t_vec, np.max(np.abs(ours - ref))),
        ("geopy.distance.geodesic loop", per_geopy, per_geopy * pairs, np.max(np.abs(geopy_km - ref[:2000]))),
        ("numpy haversine (spherical)", t_hav / pairs, t_hav, np.max(np.abs(hav - ref))),
    ]
    for name, per, whole, err in rows:
        err_text = f"{err * 1e6:.2e} mm" if err < 1e-3 else f"{err:,.1f} km"
        print(f"{name:<34}{per * 1e6:>9.3f} µs{whole:>12.3f} s{per_geopy / per:>9.0f}×{err_text:>14}")


def cold_start() -> None:
    cmd = [sys.executable, "-m", "geo", "check", "Anchorage", "--between", "Washington", "Beijing", "--json"]
    times = []
    for _ in range(5):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    median = statistics.median(times)
    print(f"\ncold start of `python -m geo check …`: median {median:.2f} s, min {min(times):.2f} s")
    probe = (
        "import sys, contextlib, io; from geo.cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['check', 'Anchorage', '--between', 'Washington', 'Beijing'])\n"
        "print(sorted(m for m in ('folium', 'streamlit', 'pandas', 'scipy') if m in sys.modules))"
    )
    heavy = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True)
    heavy = heavy.stdout.strip()
    print(f"heavy modules imported on that path: {heavy}")


if __name__ == "__main__":
    for n in (2, 20):
        run(n)
    cold_start()
