"""Benchmark: Python time of a dashboard rerun after a widget change (target ≤ 300 ms).

Runs app.py headless with ``streamlit.testing.v1.AppTest`` (the script, the caches and the
element protobufs, as on the server; no browser, no network) and prints, per view in
``geo_dashboard.VIEWS``:

1. the first run (cold caches: gazetteer, map assets) for the first view, then the first render
   of each other view after switching to it in the sidebar;
2. ``REPEAT`` reruns, each after one widget change (the scenario of the view, below): median and
   max, split into reruns that had to build a new map (a combination of inputs not seen yet) and
   reruns whose map HTML came from ``st.cache_data``;
3. for a view without a scenario here, reruns with no change (the floor of every rerun).

The seed scenario ("Check a claim") alternates the venue between Anchorage and Reykjavik and
party B between Beijing and Moscow, so the first three changes build new maps and the rest hit
the cache, as a user going back and forth would.

Then, for the views in ``ZONES_ON``, the same with "Show zones" on: the run that switches them on
(it traces the zones, 0.3–1.5 s), then reruns after widget changes that leave the parties alone
(``ZONE_SCENARIOS``), whose zones come from the cache.

Run: ``.venv/bin/python benchmarks/bench_dashboard.py [--repeat N]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from streamlit.testing.v1 import AppTest

from geo_dashboard import VIEWS

APP = Path(__file__).resolve().parents[1] / "app.py"
TARGET_MS = 300.0


@dataclass(frozen=True)
class Change:
    """Set widget ``key`` (an ``AppTest`` accessor such as "text_input") to the next value."""

    widget: str
    key: str
    values: tuple[object, ...]


# A widget change per rerun, taken in turn: change i sets changes[i % len] to its next value.
SCENARIOS: dict[str, tuple[Change, ...]] = {
    "Check a claim": (
        Change("text_input", "venue", ("Reykjavik", "Anchorage")),
        Change("text_input", "b", ("Moscow", "Beijing")),
    ),
    "Compare venues": (
        Change("radio", "rank", ("fair", "minsum", "minimax")),
        Change("text_area", "parties", ("Washington\nBeijing", "Washington\nMoscow")),
    ),
    "Find the fairest venue": (
        Change("number_input", "rwy", (3000, 2500)),
        Change("text_area", "fp", ("Washington\nMoscow", "Washington\nBeijing")),
    ),
    "Historic summits": (
        Change("selectbox", "summit", ("reykjavik-1986", "singapore-2018", "anchorage-2021")),
    ),
    "Check an article": (
        Change(
            "text_area",
            "art",
            (
                "Leaders will meet in Reykjavik, midway between Washington and Moscow.",
                "The talks are in Geneva, which is equidistant from Washington and Moscow.",
                "Anchorage was picked because it represents a halfway point between Washington and Beijing.",
            ),
        ),
    ),
}


# The same views with "Show zones" on (the switch set first, its run timed apart): widget changes
# that leave the parties alone, so the zones come from st.cache_resource; a new venue still costs
# its exact distances to each zone's edge (cached per venue too).
ZONES_ON: dict[str, tuple[str, str, object]] = {  # view -> (widget, key, value) that turns zones on
    "Check a claim": ("toggle", "zones", True),
    "Compare venues": ("toggle", "czones", True),
    "Find the fairest venue": ("toggle", "fzones", True),
}
ZONE_SCENARIOS: dict[str, tuple[Change, ...]] = {
    "Check a claim": (
        Change("text_input", "venue", ("Reykjavik", "Anchorage")),
        Change("date_input", "cd", (dt.date(2021, 3, 18), dt.date(2021, 3, 19))),
    ),
    "Compare venues": (Change("radio", "rank", ("fair", "minsum", "minimax")),),
    "Find the fairest venue": (
        Change("number_input", "rwy", (3000, 2500)),
        Change("number_input", "k", (5, 10)),
    ),
}


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def check(at: AppTest, what: str) -> None:
    if at.exception:
        raise SystemExit(f"{what}: the app raised {at.exception[0].value}")


def summary(label: str, times_ms: list[float]) -> str:
    if not times_ms:
        return f"  {label:<44} -"
    verdict = "ok" if max(times_ms) <= TARGET_MS else f"OVER {TARGET_MS:.0f} ms"
    return (
        f"  {label:<44} median {statistics.median(times_ms):7.1f} ms   max {max(times_ms):7.1f} ms"
        f"   (n={len(times_ms)}, {verdict})"
    )


def bench_view(at: AppTest, label: str, repeat: int, scenarios: dict[str, tuple[Change, ...]]) -> list[str]:
    changes = scenarios.get(label)
    lines = []
    if not changes:
        plain = []
        for _ in range(repeat):
            plain.append(timed(at.run))
            check(at, label)
        lines.append(summary("rerun, no change", plain))
        lines.append("  (no widget-change scenario for this view in bench_dashboard.SCENARIOS)")
        return lines

    seen: set[tuple[object, ...]] = set()

    def state() -> tuple[object, ...]:
        return tuple(getattr(at, c.widget)(key=c.key).value for c in changes)

    seen.add(state())
    new_map: list[float] = []
    cached: list[float] = []
    for i in range(repeat):
        change = changes[i % len(changes)]
        turn = i // len(changes)
        widget = getattr(at, change.widget)(key=change.key)
        widget.set_value(change.values[turn % len(change.values)])
        elapsed = timed(at.run)
        check(at, f"{label}, change {i}")
        key = state()
        (cached if key in seen else new_map).append(elapsed)
        seen.add(key)
    lines.append(summary("rerun after a change, new map", new_map))
    lines.append(summary("rerun after a change, cached map", cached))
    lines.append(summary("rerun after a change, all", new_map + cached))
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="reruns per view (default 20)")
    args = parser.parse_args()

    # AppTest's "missing ScriptRunContext" warnings (harmless in bare mode)
    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").setLevel(logging.ERROR)
    labels = list(VIEWS)
    at = AppTest.from_file(str(APP), default_timeout=300)
    print(f"Dashboard reruns with AppTest ({APP.name}; target ≤ {TARGET_MS:.0f} ms of Python time)")
    print(f"views: {', '.join(labels)}")
    first = timed(at.run)
    check(at, "first run")
    print(f"first run (cold caches, view {labels[0]!r}): {first:.0f} ms")
    for n, label in enumerate(labels):
        print(f"\n{label}")
        if n:
            radio = at.sidebar.radio(key="view")
            radio.set_value(label)
            print(f"  first render after switching to it: {timed(at.run):.0f} ms")
            check(at, label)
        for line in bench_view(at, label, args.repeat, SCENARIOS):
            print(line)
        if label in ZONES_ON:
            widget, key, value = ZONES_ON[label]
            getattr(at, widget)(key=key).set_value(value)
            print(f"  zones on ({key}=true): first run, tracing the zones: {timed(at.run):.0f} ms")
            check(at, f"{label}, zones on")
            for line in bench_view(at, label, args.repeat, ZONE_SCENARIOS):
                print(line.replace("rerun after", "zones on, rerun after"))


if __name__ == "__main__":
    main()
