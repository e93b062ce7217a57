"""The self-contained HTML export: nothing loaded from the network, pinned assets inlined."""

from __future__ import annotations

import itertools
import re
from importlib import resources

import pytest
from map_html import SEED_PARTIES, SEED_VENUES, polylines

from geo.analysis.check import PlaceRef
from geo.errors import DataError
from geo.maps.offline_html import ASSETS, export_html, external_references, inline_assets
from geo.maps.plan import BestMark, MapPoint, VenueMark
from geo.maps.render import build_map
from geo.places.resolve import resolve

MAX_BYTES = 1_500_000
CDN_HOSTS = ("cdn.jsdelivr.net", "code.jquery.com", "cdnjs.cloudflare.com", "netdna.bootstrapcdn.com")


def seed_map(basemap: bool = True) -> object:
    parties = [PlaceRef.of(resolve(p)) for p in SEED_PARTIES]
    venues = [VenueMark(v.name, v.lat, v.lon) for v in map(resolve, SEED_VENUES)]
    best = BestMark(81.9, -156.9, 5585.3, 11170.7, "minimax")
    return build_map(parties, venues, best=best, rings_km=[2000, 5000], basemap=basemap)


@pytest.fixture(scope="module")
def offline_page() -> str:
    return export_html(seed_map())  # type: ignore[arg-type]


def test_default_export_references_no_cdn_and_no_remote_script_or_stylesheet(offline_page: str) -> None:
    assert external_references(offline_page) == []
    for tag in re.findall(r"<(?:script|link|img|iframe)\b[^>]*>", offline_page, re.IGNORECASE):
        assert "http" not in tag, tag
    for host in CDN_HOSTS:
        assert f'src="https://{host}' not in offline_page and f'href="https://{host}' not in offline_page
    styles = re.findall(r"<style>(.*?)</style>", offline_page, re.DOTALL)
    assert len(styles) >= 3
    for css in styles:
        assert not re.search(r"url\(\s*(?!['\"]?(?:data:|#))", css)  # every CSS url() is inline


def test_seed_scenario_with_five_venues_fits_in_one_and_a_half_megabytes(offline_page: str) -> None:
    size = len(offline_page.encode("utf-8"))
    assert size <= MAX_BYTES, size


def test_pinned_leaflet_and_jquery_are_inlined_verbatim(offline_page: str) -> None:
    for package, name in (("xstatic.pkg.leaflet", "leaflet.js"), ("xstatic.pkg.jquery", "jquery.min.js")):
        text = (resources.files(package) / "data" / name).read_text(encoding="utf-8")
        assert text in offline_page, name
    assert 'L.Icon.Default.mergeOptions({iconUrl: "data:image/png;base64,' in offline_page
    assert "leaflet-control-measure" in offline_page and "L.Control.Measure" in offline_page
    assert "leaflet-fullscreen" in offline_page.lower()


def test_every_known_asset_has_a_local_copy() -> None:
    for url, asset in ASSETS.items():
        assert asset.file().is_file(), url


def test_countries_basemap_is_embedded_and_osm_is_a_hidden_base_layer(offline_page: str) -> None:
    assert '"name":"France","iso_a2":"FR"' in offline_page
    assert "Countries (built in, works offline)" in offline_page
    assert "https://tile.openstreetmap.org/{z}/{x}/{y}.png" in offline_page  # selectable, not shown
    osm = re.search(r"var (tile_layer_\d+) = L\.tileLayer", offline_page)
    assert osm is not None and f"{osm.group(1)}.addTo(" not in offline_page


def test_every_drawn_line_of_the_export_is_continuous(offline_page: str) -> None:
    lines = polylines(offline_page)
    assert {line.kind for line in lines} >= {"flight", "direct", "ring", "minimax", "best-path"}
    for line in lines:
        lons = [c[1] for c in line.coords]
        assert max(abs(a - b) for a, b in itertools.pairwise(lons)) <= 180, line.kind


def test_cdn_variant_is_small_and_online_only() -> None:
    page = export_html(seed_map(basemap=False), offline=False)  # type: ignore[arg-type]
    assert len(page.encode("utf-8")) < 100_000
    assert '<script src="https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js"></script>' in page
    assert "iso_a2" not in page  # no embedded basemap
    assert re.search(r"var (tile_layer_\d+) = L\.tileLayer", page)
    # no Bootstrap or Font Awesome: circle markers need neither
    assert "bootstrap" not in page and "fontawesome" not in page


def test_unknown_assets_are_an_error_not_a_silent_cdn_link() -> None:
    with pytest.raises(DataError, match="no offline copy"):
        inline_assets('<script src="https://example.com/x.js"></script>')


def test_export_of_a_single_party_map() -> None:
    page = export_html(build_map([MapPoint("Anchorage", 61.2181, -149.9003)]))
    assert external_references(page) == []
    assert "Anchorage (party)" in page
