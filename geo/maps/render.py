"""Draw a :class:`geo.maps.plan.MapPlan` with folium: markers, paths, tooltips and popups,
legend, scale, layers, fullscreen and measure controls, and the embedded Natural Earth
basemap (no tile server). Element ids are made sequential, so the same plan gives
byte-for-byte the same HTML; every string goes through :func:`geo.report.escape.html_text`.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import folium
import folium.plugins
from branca.element import Element, Figure, Html
from folium.map import Layer
from folium.template import Template

from geo.core.geodesy import Located
from geo.maps.legend import legend_html
from geo.maps.outlines import BASEMAP_FILE, basemap_text
from geo.maps.plan import (
    LINE_LAYERS,
    MARKER_LAYERS,
    MIDPOINT_COLOR,
    ZONE_LAYER,
    BestMark,
    LineLike,
    MapPlan,
    RouteMark,
    plan_map,
)
from geo.report.escape import html_text, js_string

OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
OSM_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
NATURAL_EARTH_ATTRIBUTION = "Countries: Natural Earth (public domain)"

# ---------------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _basemap_geojson() -> str:
    from geo.errors import DataError

    text = basemap_text()
    if any(token in text for token in ("{{", "{%", "{#")):  # folium renders it again as Jinja
        raise DataError(f"basemap {BASEMAP_FILE} contains Jinja delimiters; rebuild it")
    return text.replace("</", "<\\/")


class CountriesBasemap(Layer):
    """Natural Earth 1:110m countries as a Leaflet GeoJSON layer, in its own pane below the paths.

    The GeoJSON is embedded once and drawn at every 360° offset the map needs, so countries
    also appear behind paths and markers that lie outside [-180, 180].
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            {{ this._parent.get_name() }}.createPane("geoBasemap");
            {{ this._parent.get_name() }}.getPane("geoBasemap").style.zIndex = 250;
            var {{ this.get_name() }} = L.layerGroup([], {attribution: {{ this.attribution_js }}});
            (function (group) {
                var data = {{ this.data }};
                {{ this.offsets_js }}.forEach(function (offset) {
                    L.geoJSON(data, {
                        pane: "geoBasemap",
                        interactive: false,
                        style: {{ this.style_js }},
                        coordsToLatLng: function (c) { return L.latLng(c[1], c[0] + offset); }
                    }).addTo(group);
                });
            })({{ this.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, offsets: Sequence[int], name: str, show: bool = True) -> None:
        super().__init__(name=name, overlay=False, control=True, show=show)
        self._name = "CountriesBasemap"
        self.data = _basemap_geojson()
        self.offsets_js = json.dumps([int(o) for o in offsets])
        self.attribution_js = js_string(NATURAL_EARTH_ATTRIBUTION)
        self.style_js = json.dumps(
            {"color": "#9e9e9e", "weight": 0.6, "fillColor": "#f4f1ea", "fillOpacity": 1.0}
        )


class Legend(folium.MacroElement):
    """A Leaflet control showing prebuilt (already escaped) HTML; stays visible in fullscreen."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = L.control({position: "bottomleft"});
            {{ this.get_name() }}.onAdd = function () {
                var div = L.DomUtil.create("div", "geo-legend");
                div.innerHTML = {{ this.html_js }};
                L.DomEvent.disableClickPropagation(div);
                L.DomEvent.disableScrollPropagation(div);
                return div;
            };
            {{ this.get_name() }}.addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, html_content: str) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self._name = "Legend"
        self.html_js = js_string(html_content)


class FitBounds(folium.MacroElement):
    """Fit the map to the drawing, keeping it clear of the legend (bottom left) as drawn and of
    the zoom, fullscreen and ruler buttons (a 60 px column at the top left).

    The legend's height depends on the page width (its text wraps), so the bottom padding is
    measured in the browser: the distance from the legend's top to the map's bottom, at most
    60 % of the map's height; 170 px if nothing can be measured (a map not yet laid out).
    Clicking the legend's title folds it away, for small maps.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            (function (map) {
                var pad = 170;
                var legend = map.getContainer().querySelector(".geo-legend");
                var height = map.getSize().y;
                if (legend && height > 0) {
                    var box = map.getContainer().getBoundingClientRect();
                    var top = legend.getBoundingClientRect().top - box.top;
                    if (top > 0) { pad = Math.min(Math.max(height - top + 10, 40), 0.6 * height); }
                    var title = legend.querySelector(".geo-title");
                    if (title) {
                        title.title = "Click to fold or unfold the legend";
                        title.style.cursor = "pointer";
                        L.DomEvent.on(title, "click", function () { legend.classList.toggle("geo-folded"); });
                    }
                }
                map.fitBounds(
                    {{ this.bounds_js }}, {paddingTopLeft: [60, 40], paddingBottomRight: [30, pad]}
                );
            })({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, south: float, west: float, north: float, east: float) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self._name = "FitBounds"
        self.bounds_js = json.dumps([[south, west], [north, east]])


_PAGE_CSS = """<style>
div.folium-map.leaflet-container { background: #cfe2ee; }
.geo-legend { background: rgba(255,255,255,0.92); padding: 6px 9px; font: 12px/1.45 sans-serif;
  border-radius: 4px; box-shadow: 0 1px 4px rgba(0,0,0,0.3); max-width: 340px; }
.geo-legend .geo-title { font-weight: bold; margin-bottom: 3px; }
.geo-legend .geo-note { color: #7a2b00; margin-top: 3px; }
.geo-legend.geo-folded > :not(.geo-title) { display: none; }
.geo-legend.geo-folded .geo-title::after { content: " ▸"; }
.geo-swatch { display: inline-block; width: 18px; height: 10px; margin-right: 6px; vertical-align: middle; }
.geo-swatch.circle { width: 10px; border-radius: 50%; margin: 0 10px 0 4px; }
.geo-popup table { border-collapse: collapse; font: 12px sans-serif; }
.geo-popup th { text-align: left; font-weight: normal; color: #555; padding: 1px 8px 1px 0; }
.geo-popup td { text-align: right; padding: 1px 0; }
</style>"""


# The Leaflet measure plugin computes on a sphere; the map says so next to its own numbers.
MEASURE_NOTE = "Numbers in tooltips: WGS84 geodesics. Ruler tool: spherical estimate, up to 0.6 % off."


def _legend_html(plan: MapPlan) -> str:
    return legend_html(plan) + f'<div class="geo-note geo-measure-note">{html_text(MEASURE_NOTE)}</div>'


def _popup(title: str, rows: Sequence[tuple[str, str]]) -> folium.Popup:
    body = "".join(f"<tr><th>{html_text(k)}</th><td>{html_text(v)}</td></tr>" for k, v in rows)
    content = f'<div class="geo-popup"><b>{html_text(title)}</b><table>{body}</table></div>'
    # An Element (not a str) so that folium does not re-escape backticks; html_text did it all.
    return folium.Popup(Html(content, script=True), max_width=360)


def _tooltip(text: str) -> folium.Tooltip:
    return folium.Tooltip(html_text(text), sticky=True)


def _offsets(lon_range: tuple[float, float]) -> list[int]:
    lo, hi = lon_range
    first = math.floor((lo - 30.0 + 180.0) / 360.0)
    last = math.floor((hi + 30.0 + 180.0) / 360.0)
    return [360 * k for k in range(first, last + 1)]


class PlannedMap(folium.Map):
    """A folium map that keeps the :class:`MapPlan` it draws, and shows itself offline in Jupyter.

    Every map builder of the package returns one (:func:`render_plan`, :func:`build_map`,
    :mod:`geo.maps.results`, :func:`geo.usecases.map_question`). ``plan`` is the one source of
    the data exports (:mod:`geo.maps.exports`); in a notebook, ``_repr_html_`` shows the
    self-contained page of :func:`geo.maps.offline_html.export_html` in an ``<iframe srcdoc>``
    (:mod:`geo.maps.notebook`) instead of folium's page, which loads scripts from CDNs.
    """

    def __init__(self, plan: MapPlan, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.plan = plan

    def _repr_html_(self, **kwargs: object) -> str:
        from geo.maps.notebook import map_iframe

        return map_iframe(self)


def render_plan(plan: MapPlan, *, basemap: bool = True) -> PlannedMap:
    """Draw a :class:`MapPlan` as a folium map with deterministic element ids.

    Parameters
    ----------
    plan : MapPlan
    basemap : bool
        Embed the Natural Earth countries basemap (about 170 kB) as the default base layer,
        with OpenStreetMap tiles as a second, hidden base layer. Without it, OpenStreetMap is
        the only base layer (online use).
    """
    (south, west), (north, east) = plan.bounds
    m = PlannedMap(
        plan,
        location=[(south + north) / 2, (west + east) / 2],
        zoom_start=2,
        tiles=None,
        control_scale=True,
        world_copy_jump=False,
        zoom_snap=0.25,
    )
    # Only Leaflet and jQuery (folium's popups call $()); no Bootstrap or Font Awesome, as
    # circle markers need neither. Instance attributes: the class lists are shared.
    m.default_js = [(name, url) for name, url in m.default_js if name in ("leaflet", "jquery")]
    m.default_css = [(name, url) for name, url in m.default_css if name == "leaflet_css"]
    root = m.get_root()
    assert isinstance(root, Figure)
    root.header.add_child(Element(_PAGE_CSS), name="geo_css")

    if basemap:
        CountriesBasemap(_offsets(plan.lon_range), "Countries (built in, works offline)").add_to(m)
    folium.TileLayer(
        OSM_TILES, attr=OSM_ATTRIBUTION, name="OpenStreetMap (online)", max_zoom=19, show=not basemap
    ).add_to(m)

    groups: dict[str, folium.FeatureGroup] = {}

    def group(name: str) -> folium.FeatureGroup:
        if name not in groups:
            groups[name] = folium.FeatureGroup(name=name, overlay=True, control=True, show=True)
        return groups[name]

    if plan.heat is not None:  # the heat map at the bottom, one embedded PNG
        from geo.maps.heat import MERCATOR_MAX_LAT, rgba_image

        image, west, east = rgba_image(plan.heat, plan.frame_east_deg)
        folium.raster_layers.ImageOverlay(
            image,
            bounds=[[-MERCATOR_MAX_LAT, west], [MERCATOR_MAX_LAT, east]],
            mercator_project=True,
            opacity=0.55,
            name="Heat map",
            pixelated=False,
            class_name="geo-heat",
        ).add_to(m)
    for zone in plan.zones:  # filled areas first, under every line and marker
        for polygon in zone.polygons:
            folium.Polygon(
                [list(ring) for ring in polygon],
                stroke=False,
                fill=True,
                fill_color=zone.color,
                fill_opacity=0.22,
                class_name=f"geo-zone geo-zone-{zone.kind.replace(' ', '-')}",
                tooltip=_tooltip(zone.label),
            ).add_to(group(ZONE_LAYER))
    for kind, layer in LINE_LAYERS.items():
        for line in plan.lines:
            if line.kind != kind:
                continue
            folium.PolyLine(  # type: ignore[no-untyped-call]
                list(zip(line.lats, line.lons, strict=True)),
                color=line.color,
                weight=line.weight,
                opacity=0.9,
                dash_array=line.dash,
                class_name=f"geo-line geo-{line.kind}",
                tooltip=_tooltip(line.label),
            ).add_to(group(layer))
    radii = {"midpoint": 5, "best": 8, "venue": 7, "stop": 6, "party": 8}
    for kind, layer in MARKER_LAYERS.items():
        radius = radii[kind]
        for marker in plan.markers:
            if marker.kind != kind:
                continue
            folium.CircleMarker(
                [marker.lat, marker.lon],
                radius=radius,
                color="#ffffff" if kind != "midpoint" else MIDPOINT_COLOR,
                weight=2,
                fill=True,
                fill_color=marker.color,
                fill_opacity=0.95,
                class_name=f"geo-marker geo-{kind}",
                tooltip=_tooltip(marker.tooltip),
                popup=_popup(marker.name, marker.popup),
            ).add_to(group(layer))
    for fg in groups.values():
        fg.add_to(m)

    Legend(_legend_html(plan)).add_to(m)
    folium.plugins.Fullscreen(position="topleft").add_to(m)  # type: ignore[no-untyped-call]
    folium.plugins.MeasureControl(  # type: ignore[no-untyped-call]
        position="topleft",
        primary_length_unit="kilometers",
        secondary_length_unit="miles",
        primary_area_unit="sqkilometers",
        secondary_area_unit="acres",
    ).add_to(m)
    folium.LayerControl(collapsed=True, position="topright").add_to(m)
    FitBounds(south, west, north, east).add_to(m)  # clear of the legend and the scale bar
    freeze_ids(m)
    return m


def freeze_ids(m: folium.Map) -> None:
    """Replace folium's random element ids with sequential ones, in tree order.

    folium names each element ``<kind>_<32 random hex digits>`` and keys children by that
    name; both the ids and the keys are rewritten, so rendering is deterministic. Call it
    after the last element is added and before rendering.
    """
    root = m.get_root()
    seen: set[int] = set()
    order: list[Element] = []

    def walk(element: Element) -> None:
        if id(element) in seen:
            return
        seen.add(id(element))
        order.append(element)
        for child in list(element._children.values()):
            walk(child)
        for attr in ("header", "html", "script"):
            extra = getattr(element, attr, None)
            if isinstance(extra, Element):
                walk(extra)

    walk(root)
    old_names = {id(el): el.get_name() for el in order}
    for number, element in enumerate(order):
        element._id = f"{number:04d}"
    for element in order:
        element._children = type(element._children)(
            (child.get_name() if key == old_names.get(id(child)) else key, child)
            for key, child in element._children.items()
        )


def build_map(
    parties: Sequence[Located],
    venues: Sequence[Located] = (),
    *,
    best: BestMark | None = None,
    equidistant: LineLike | None = None,
    rings_km: Sequence[float] = (),
    title: str | None = None,
    basemap: bool = True,
    routes: Sequence[RouteMark] = (),
) -> PlannedMap:
    """A deterministic folium map of parties, venues, geodesic flight paths and the rest.

    Parameters are those of :func:`plan_map`, plus ``basemap`` (see :func:`render_plan`).
    Write it out with :func:`geo.maps.offline_html.export_html`.

    Examples
    --------
    >>> from geo.maps.plan import MapPoint
    >>> from geo.maps.render import build_map
    >>> m = build_map([MapPoint("Washington", 38.9072, -77.0369), MapPoint("Beijing", 39.9042, 116.4074)])
    >>> html = m.get_root().render()
    >>> "L.polyline" in html and "Geodesic midpoint" in html
    True
    """
    plan = plan_map(
        parties, venues, best=best, equidistant=equidistant, rings_km=rings_km, title=title, routes=routes
    )
    return render_plan(plan, basemap=basemap)


# ---------------------------------------------------------------------------------------------
