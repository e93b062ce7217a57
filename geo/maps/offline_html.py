"""Write a folium map as one self-contained HTML file that works with no network.

A plain ``folium.Map.save()`` loads Leaflet, jQuery and the plugins from CDNs: offline the
page is blank. :func:`export_html` renders the map and replaces every ``<script src>`` and
stylesheet ``<link>`` by the file's content, read from pinned packages:

| asset | from |
|---|---|
| Leaflet 1.9.3 (JS, CSS, marker and layer images) | PyPI ``xstatic-leaflet==1.9.3.0`` (BSD-2-Clause) |
| jQuery 3.7.1 (folium's popups call ``$()``) | PyPI ``xstatic-jquery==3.7.1.1`` (MIT) |
| leaflet.fullscreen 3.0.0 | npm package, vendored in ``geo/vendor/`` (MIT) |
| leaflet-measure 2.1.7 | npm package, vendored in ``geo/vendor/`` (MIT) |

These are exactly the versions folium 0.20 references. Images referenced by the stylesheets
become ``data:`` URIs, and so do Leaflet's default marker images (``L.Icon.Default``). An
asset this module does not know is an error, never a silent CDN link. Tiles still need a
network; :mod:`geo.maps.plan` embeds a Natural Earth countries layer so the map reads without
them, and keeps OpenStreetMap as a selectable layer that fails quietly offline.

Examples
--------
>>> from geo.maps.plan import MapPoint
>>> from geo.maps.render import build_map
>>> page = export_html(build_map([MapPoint("Anchorage", 61.2181, -149.9003)]))
>>> external_references(page)
[]
"""

from __future__ import annotations

import base64
import importlib
import re
import weakref
from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from geo.errors import DataError

if TYPE_CHECKING:
    import folium

LEAFLET_VERSION = "1.9.3"
JQUERY_VERSION = "3.7.1"

_PAGES: weakref.WeakKeyDictionary[folium.Map, dict[bool, str]] = weakref.WeakKeyDictionary()
_MIME = {".png": "image/png", ".svg": "image/svg+xml", ".gif": "image/gif", ".jpg": "image/jpeg"}


@dataclass(frozen=True)
class Asset:
    """A script or stylesheet with a local copy: ``package`` resource folder and file path."""

    package: str
    path: str

    def file(self) -> Traversable:
        folder = resources.files(self.package)
        for part in PurePosixPath(self.path).parts:
            folder = folder / part
        return folder


# Every CDN URL that folium 0.20 (Map, Fullscreen, MeasureControl) emits, and its local copy.
ASSETS: dict[str, Asset] = {
    "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js": Asset(
        "xstatic.pkg.leaflet", "data/leaflet.js"
    ),
    "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.css": Asset(
        "xstatic.pkg.leaflet", "data/leaflet.css"
    ),
    "https://code.jquery.com/jquery-3.7.1.min.js": Asset("xstatic.pkg.jquery", "data/jquery.min.js"),
    "https://cdn.jsdelivr.net/npm/leaflet.fullscreen@3.0.0/Control.FullScreen.min.js": Asset(
        "geo", "vendor/leaflet.fullscreen-3.0.0/Control.FullScreen.js"
    ),
    "https://cdn.jsdelivr.net/npm/leaflet.fullscreen@3.0.0/Control.FullScreen.css": Asset(
        "geo", "vendor/leaflet.fullscreen-3.0.0/Control.FullScreen.css"
    ),
    "https://cdn.jsdelivr.net/gh/ljagis/leaflet-measure@2.1.7/dist/leaflet-measure.min.js": Asset(
        "geo", "vendor/leaflet-measure-2.1.7/leaflet-measure.min.js"
    ),
    "https://cdn.jsdelivr.net/gh/ljagis/leaflet-measure@2.1.7/dist/leaflet-measure.min.css": Asset(
        "geo", "vendor/leaflet-measure-2.1.7/leaflet-measure.css"
    ),
}
LEAFLET_JS_URL = "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js"

# The tags branca writes for JavascriptLink and CssLink.
_TAG = re.compile(r'<script src="(?P<js>[^"]+)"></script>|<link rel="stylesheet" href="(?P<css>[^"]+)"\s*/?>')
_CSS_URL = re.compile(r"url\(\s*(?P<q>['\"]?)(?P<url>[^'\")]+)(?P=q)\s*\)")
_EXTERNAL = re.compile(
    r"<script\b[^>]*\bsrc\s*=|<link\b[^>]*\bhref\s*=\s*[\"']?(?:https?:)?//|@import|url\(\s*['\"]?(?:https?:)?//",
    re.IGNORECASE,
)


def _check_versions() -> None:
    found = {
        "xstatic-leaflet": str(importlib.import_module("xstatic.pkg.leaflet").VERSION),
        "xstatic-jquery": str(importlib.import_module("xstatic.pkg.jquery").VERSION),
    }
    wanted = {"xstatic-leaflet": LEAFLET_VERSION, "xstatic-jquery": JQUERY_VERSION}
    for name, version in wanted.items():
        if found[name] != version:
            raise DataError(
                f"{name} ships {found[name]}, but folium 0.20 needs {version}: pip install the pin"
            )


def _data_uri(file: Traversable) -> str:
    mime = _MIME.get(PurePosixPath(file.name).suffix.lower())
    if mime is None:
        raise DataError(f"cannot inline {file.name}: unknown image type")
    return f"data:{mime};base64," + base64.b64encode(file.read_bytes()).decode("ascii")


def _sibling(file: Traversable, asset: Asset, relative: str) -> Traversable:
    return Asset(asset.package, str(PurePosixPath(asset.path).parent / relative)).file()


def _inline_css(asset: Asset) -> str:
    css = asset.file().read_text(encoding="utf-8")
    out, pos = [], 0
    for match in _CSS_URL.finditer(css):
        url = match.group("url").strip()
        if url.startswith(("#", "data:")):
            continue  # IE's VML behaviour, or already inline
        if "//" in url:
            raise DataError(f"{asset.path} references a remote resource {url!r}")
        out += [css[pos : match.start()], f'url("{_data_uri(_sibling(asset.file(), asset, url))}")']
        pos = match.end()
    out.append(css[pos:])
    text = "".join(out)
    return "<style>\n" + re.sub(r"</(style)", r"<\\/\1", text, flags=re.IGNORECASE) + "\n</style>"


def _icon_default_script() -> str:
    """Point ``L.Icon.Default`` at data URIs (Leaflet would otherwise fetch images/…png)."""
    images = Asset("xstatic.pkg.leaflet", "data/images/marker-icon.png")
    uris = {
        key: _data_uri(_sibling(images.file(), images, name))
        for key, name in (
            ("iconUrl", "marker-icon.png"),
            ("iconRetinaUrl", "marker-icon-2x.png"),
            ("shadowUrl", "marker-shadow.png"),
        )
    }
    options = ", ".join(f'{key}: "{uri}"' for key, uri in uris.items())
    return f"<script>\nL.Icon.Default.imagePath = '';\nL.Icon.Default.mergeOptions({{{options}}});\n</script>"


def _inline_js(asset: Asset) -> str:
    js = asset.file().read_text(encoding="utf-8")
    # "</script" would end the element early; "<\/" means the same inside JS strings and regexes.
    js = re.sub(r"</(script)", r"<\\/\1", js, flags=re.IGNORECASE)
    return "<script>\n" + js + "\n</script>"


@cache
def inline_script(asset: Asset) -> str:
    """The inline ``<script>`` element of a packaged script (``</script`` inside it defused)."""
    return _inline_js(asset)


@cache
def inline_asset(url: str) -> str:
    """The inline ``<script>``/``<style>`` element that replaces the CDN link to ``url``.

    Raises
    ------
    DataError
        No local copy of ``url`` is known.
    """
    asset = ASSETS.get(url)
    if asset is None:
        raise DataError(f"no offline copy of {url}; add it to geo.maps.offline_html.ASSETS")
    if asset.package.startswith("xstatic."):
        _check_versions()
    if asset.path.endswith(".css"):
        return _inline_css(asset)
    element = _inline_js(asset)
    if url == LEAFLET_JS_URL:
        element += "\n" + _icon_default_script()
    return element


def inline_assets(page: str) -> str:
    """Replace every CDN ``<script src>`` and stylesheet ``<link>`` in ``page`` by inline content.

    Plain string slicing, not ``re.sub`` with the content as replacement (which would
    interpret the backslashes in the JavaScript).
    """
    out, pos = [], 0
    for match in _TAG.finditer(page):
        url = match.group("js") or match.group("css")
        out += [page[pos : match.start()], inline_asset(url)]
        pos = match.end()
    out.append(page[pos:])
    result = "".join(out)
    remaining = external_references(result)
    if remaining:
        raise DataError(f"the page still references external resources: {remaining[:3]}")
    return result


def external_references(page: str) -> list[str]:
    """Script, stylesheet, @import and CSS url() references to other files or hosts.

    Examples
    --------
    >>> external_references('<script src="https://x/a.js"></script><p>ok</p>')
    ['<script src=']
    >>> external_references('<script>var tiles = "https://tile.openstreetmap.org";</script>')
    []
    """
    return [m.group(0) for m in _EXTERNAL.finditer(page)]


def export_html(m: folium.Map, *, offline: bool = True) -> str:
    """Render ``m`` as a complete HTML page.

    Parameters
    ----------
    m : folium.Map
        Complete: folium adds elements while rendering, so each map is rendered once and its
        page remembered (a second call returns the same page; later changes to ``m`` are not seen).
    offline : bool
        True (default): every script and stylesheet inline, no http(s) script or stylesheet
        reference (about 0.6 MB with the built-in basemap). False: folium's CDN links, a
        small page that needs a network.

    Raises
    ------
    DataError
        A script or stylesheet has no local copy, or a pinned package has another version.
    """
    pages = _PAGES.setdefault(m, {})
    if offline not in pages:
        page: str = m.get_root().render()
        pages[offline] = inline_assets(page) if offline else page
    return pages[offline]
