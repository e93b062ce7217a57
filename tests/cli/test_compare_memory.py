"""Memory of `compare --json` on a large venue file grows with the file, by a bounded amount per row
(issue "Hostile input and load": a million rows once took 6.4 GB). Measured with tracemalloc, never
with a clock: speed is for benchmarks/bench_memory.py."""

from __future__ import annotations

import json
import tracemalloc
from pathlib import Path

import numpy as np
import pytest

from geo.analysis.scoring import compare
from geo.cli.main import main
from geo.places.resolve import resolve
from geo.places.venues import read_venue_file
from geo.report.jsonout import write_json

SMALL, BIG = 2_000, 20_000  # rows
PARTIES = [resolve(p) for p in ("Washington", "Moscow", "Beijing")]
# Python memory per venue row at the peak of reading, scoring and writing the JSON, beyond the fixed
# part (measured as the growth from SMALL to BIG rows). The arrays of a row take about 150 bytes, its
# name about 60; building every venue as an object and the JSON as one text took about 5,200 bytes a
# row (400 now).
MAX_BYTES_PER_ROW = 1_000


class CountingSink:
    """A stand-in for stdout that keeps only the size and the last piece of what is written."""

    def __init__(self) -> None:
        self.chars = 0
        self.pieces: list[str] = []

    def write(self, text: str) -> int:
        self.chars += len(text)
        self.pieces = [*self.pieces[-1:], text]
        return len(text)

    def flush(self) -> None:
        pass


def venue_file(path: Path, rows: int) -> Path:
    rng = np.random.default_rng(3)
    lats = np.degrees(np.arcsin(rng.uniform(-1, 1, rows)))
    lons = rng.uniform(-180, 180, rows)
    lines = ["name,lat,lon"] + [f"Venue number {i},{lats[i]:.5f},{lons[i]:.5f}" for i in range(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def peak_bytes(path: Path) -> tuple[int, CountingSink]:
    """Peak Python memory of what ``compare --venues-file PATH --json`` does: read, score, write."""
    sink = CountingSink()
    tracemalloc.start()
    try:
        result = compare(PARTIES, read_venue_file(path))
        write_json(result, sink.write)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak, sink


def test_compare_json_memory_grows_by_a_bounded_amount_per_venue_row(tmp_path: Path) -> None:
    small, _ = peak_bytes(venue_file(tmp_path / "small.csv", SMALL))
    big, sink = peak_bytes(venue_file(tmp_path / "big.csv", BIG))
    assert sink.chars > 400 * BIG  # every venue was written (about 600 characters each)
    assert sink.pieces[-1].endswith('"date": null\n}')
    per_row = (big - small) / (BIG - SMALL)
    print(f"{per_row:,.0f} bytes per row (peaks {small / 1e6:.1f}, {big / 1e6:.1f} MB)")
    assert per_row <= MAX_BYTES_PER_ROW, (
        f"{per_row:,.0f} bytes per row (peaks {small / 1e6:.1f}, {big / 1e6:.1f} MB)"
    )


def test_compare_json_streamed_is_one_json_document_with_every_venue(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = venue_file(tmp_path / "v.csv", 3_000)
    assert main(["compare", "--between", "Oslo", "Lima", "--json", "--venues-file", str(path)]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["venues_scored"] == 3_000 and len(doc["venues"]) == 3_000
    assert [v["rank"] for v in doc["venues"]] == sorted(v["rank"] for v in doc["venues"])
    assert sorted(v["row"] for v in doc["venues"]) == list(range(2, 3_002))
