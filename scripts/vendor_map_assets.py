"""Vendor the Leaflet plugins and the d3-geo projection scripts the maps use into ``geo/vendor/``,
from pinned npm packages.

folium 0.20 loads its Fullscreen and MeasureControl plugins from CDNs, and no PyPI package
ships them, so the files are copied into the repository once, with their licences, and the
self-contained map export (``geo/maps/offline_html.py``) inlines them from there. Leaflet and
jQuery themselves come from the pinned PyPI packages ``xstatic-leaflet`` and
``xstatic-jquery``; they are not vendored.

| npm package | version | licence | files kept |
|---|---|---|---|
| ``leaflet.fullscreen`` | 3.0.0 | MIT (© 2013 Bruno Bergot) | Control.FullScreen.js/.css, icon |
| ``leaflet-measure`` | 2.1.7 | MIT (© 2017 LJA Engineering) | dist/leaflet-measure.min.js/.css, dist/images |
| ``d3-array`` | 3.2.4 | ISC (© 2010-2023 Mike Bostock) | dist/d3-array.min.js (d3-geo needs it) |
| ``d3-geo`` | 3.1.2 | ISC (© 2010-2026 Mike Bostock, 2008-2012 Charles Karney) | dist/d3-geo.min.js |
| ``geographiclib-geodesic`` | 2.2.0 | MIT (© 2011-2022 Charles Karney) | geographiclib-geodesic.min.js |

The Leaflet plugins are the versions folium 0.20 references; d3-geo and GeographicLib draw the
globe and azimuthal pages (``geo.maps.projected_html``). Run ``python scripts/vendor_map_assets.py``
on a machine with ``npm``: it runs ``npm pack NAME@VERSION`` in a temporary directory,
checks the tarball against the sha512 pinned below (the registry's ``dist.integrity``),
and writes the kept files. The output is byte-for-byte reproducible.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import shutil
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

DEFAULT_OUT = Path(__file__).resolve().parent.parent / "geo" / "vendor"


@dataclass(frozen=True)
class NpmPackage:
    name: str
    version: str
    integrity: str  # npm's dist.integrity (sha512, base64)
    files: dict[str, str]  # path inside the tarball's package/ -> path under the output folder

    @property
    def folder(self) -> str:
        return f"{self.name}-{self.version}"


_MEASURE_IMAGES = [
    f"{stem}{suffix}.png"
    for stem in ("cancel", "check", "focus", "rulers", "start", "trash")
    for suffix in ("", "_@2X")
]

PACKAGES = (
    NpmPackage(
        "leaflet.fullscreen",
        "3.0.0",
        "sha512-81wWSUXz1ZtdneR0v5eJDWXUSx+Zo5J50WXWeydG/UcILfIEAgz/iOjZSi3p00Z9MJ/FC/P5i3CgdYuEAos0yQ==",
        {
            "Control.FullScreen.js": "Control.FullScreen.js",
            "Control.FullScreen.css": "Control.FullScreen.css",
            "icon-fullscreen.svg": "icon-fullscreen.svg",
            "LICENSE": "LICENSE",
        },
    ),
    NpmPackage(
        "leaflet-measure",
        "2.1.7",
        "sha512-IvoHIoVTIQSXUgaNnAMF17qXFB+dF5ICdwmY8BHyq/Hh33/xeGqQUUYlz0pRMzFN9NUcjsT6JBhCr1ia0CG5ug==",
        {
            "dist/leaflet-measure.min.js": "leaflet-measure.min.js",
            "dist/leaflet-measure.css": "leaflet-measure.css",
            "LICENSE": "LICENSE",
            **{f"dist/images/{name}": f"images/{name}" for name in _MEASURE_IMAGES},
        },
    ),
    # The projected (non-Mercator) pages of geo/maps/projected_html.py.
    NpmPackage(
        "d3-array",
        "3.2.4",
        "sha512-tdQAmyA18i4J7wprpYq8ClcxZy3SC31QMeByyCFyRt7BVHdREQZ5lpzoe5mFEYZUWe+oq8HBvk9JjpibyEV4Jg==",
        {"dist/d3-array.min.js": "d3-array.min.js", "LICENSE": "LICENSE"},
    ),
    NpmPackage(
        "d3-geo",
        "3.1.2",
        "sha512-5R8ZgDQorIxmauv7R6gpE/ndz+Z0qAZssigq0aXFdvPHdY41RqtW02jrRUQAL724NdPABYXo1+gQEGBBr7uKNg==",
        {"dist/d3-geo.min.js": "d3-geo.min.js", "LICENSE": "LICENSE"},
    ),
    NpmPackage(
        "geographiclib-geodesic",
        "2.2.0",
        "sha512-cIedo9VTYb0DFufodgibDmVfsWe9EASqb/kUByl09xc6PZYvLvlc89BHCThtGTPf2OII/zWJGxsR3Uz6O7QOVw==",
        {"geographiclib-geodesic.min.js": "geographiclib-geodesic.min.js", "LICENSE.txt": "LICENSE.txt"},
    ),
)


def _integrity(data: bytes) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode("ascii")


def vendor(package: NpmPackage, out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            ["npm", "pack", "--silent", f"{package.name}@{package.version}"],
            cwd=tmp,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        (tarball,) = Path(tmp).glob("*.tgz")
        data = tarball.read_bytes()
        if _integrity(data) != package.integrity:
            sys.exit(f"{tarball.name}: integrity mismatch; refusing to vendor it")
        target = out / package.folder
        if target.exists():
            shutil.rmtree(target)
        with tarfile.open(tarball) as tar:
            for inner, dest in package.files.items():
                member = tar.extractfile(f"package/{inner}")
                if member is None:
                    sys.exit(f"{package.folder}: {inner} is missing from the tarball")
                path = target / dest
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(member.read())
    print(f"{package.folder}: {len(package.files)} files -> {target}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default geo/vendor)")
    args = parser.parse_args()
    for package in PACKAGES:
        vendor(package, args.out)


if __name__ == "__main__":
    main()
