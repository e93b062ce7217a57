"""Benchmark: print images (issue 11, item 2).

Renders the seed case (Anchorage between Washington and Beijing, with its equidistant line) as
an A4 PNG at 300 dpi in each projection, and as SVG and PDF, and prints the times: the first
(cold: country outlines cut and projected for that view) and the best of three (warm, the
cut outlines cached). The target is under 3 s for the A4 PNG at 300 dpi.

Run: ``make bench`` or ``.venv/bin/python benchmarks/bench_print.py``.
"""

from __future__ import annotations

import functools
import time

from geo.core.equidistant import equidistant_line
from geo.core.geodesy import LatLon
from geo.maps.image import render_image
from geo.maps.plan import MapPoint, VenueMark, plan_map
from geo.maps.projection import ProjectionSpec, basemap, view_for

RUNS = 3
TARGET_S = 3.0
WASHINGTON = MapPoint("Washington, D.C.", 38.9072, -77.0369)
BEIJING = MapPoint("Beijing", 39.9042, 116.4074)
ANCHORAGE = VenueMark("Anchorage", 61.2181, -149.9003, "roughly halfway", "#f39c12")
SPECS = (
    ProjectionSpec("mercator"),
    ProjectionSpec("globe"),
    ProjectionSpec("north"),
    ProjectionSpec("south"),
    ProjectionSpec("aeqd", LatLon(ANCHORAGE.lat, ANCHORAGE.lon), "Anchorage"),
)


def timed(fn: object) -> float:
    start = time.perf_counter()
    fn()  # type: ignore[operator]
    return time.perf_counter() - start


def main() -> None:
    start = time.perf_counter()
    import matplotlib.figure  # noqa: F401  (the import is paid once per process)

    print(f"import matplotlib: {time.perf_counter() - start:.2f} s")
    line = equidistant_line(WASHINGTON.point, BEIJING.point)
    plan = plan_map([WASHINGTON, BEIJING], [ANCHORAGE], equidistant=line, title="Is Anchorage halfway?")
    print(f"{'projection':<16}{'format':<8}{'cold s':>8}{'warm s':>8}  {'size':>8}")
    worst = 0.0
    for spec in SPECS:
        view = view_for(plan, spec)
        for fmt in ("png", "svg", "pdf"):
            if fmt == "png":
                basemap.cache_clear()
            draw = functools.partial(render_image, plan, view, fmt=fmt, dpi=300)
            cold = timed(draw)
            warm = min(timed(draw) for _ in range(RUNS))
            size = len(render_image(plan, view, fmt=fmt, dpi=300).data) / 1024
            worst = max(worst, cold) if fmt == "png" else worst
            label = spec.kind + (f":{spec.centre_name}" if spec.centre_name else "")
            print(f"{label:<16}{fmt:<8}{cold:>8.2f}{warm:>8.2f}  {size:>6.0f} kB")
    verdict = "OK" if worst < TARGET_S else "SLOWER THAN THE TARGET"
    print(f"slowest cold A4 PNG at 300 dpi: {worst:.2f} s (target {TARGET_S:.0f} s): {verdict}")


if __name__ == "__main__":
    main()
