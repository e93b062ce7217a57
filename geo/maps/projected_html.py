"""The interactive map in a globe or azimuthal projection: one self-contained SVG page.

The Leaflet page (:mod:`geo.maps.render`) is Web Mercator and stays so. For the other
projections of :mod:`geo.maps.projection` (``globe``, ``north``, ``south``, ``aeqd``) this
module writes a page that draws the same :class:`~geo.maps.plan.MapPlan` — the Natural Earth
basemap, the graticule, every line with its colour, dash and tooltip, the markers with tooltips
and popups, the legend and a scale note — with d3-geo, in SVG, with no network.

**Why d3-geo.** folium cannot do it: Leaflet has no projection beyond its CRS list (folium's
request has been open since 2016). Proj4Leaflet could give Leaflet a polar CRS, but a tile-free
Leaflet still cuts lines at ±180° and knows nothing of horizons: an orthographic globe is not a
CRS it can pan, and paths that cross the far side would need our own clipping in JavaScript.
d3-geo is a small, well-kept library (ISC, no dependency but d3-array) that does exactly the
hard parts: ``clipAngle`` cuts every line and polygon at a small circle around the view's
centre (the horizon of the globe, the edge of an azimuthal cap) with the cut vertex interpolated
on the circle, ``rotate`` re-centres the sphere, and adaptive resampling keeps projected curves
smooth. The page is about 60 lines of JavaScript on top of it.

**Exactly the print geometry.** The globe is d3's orthographic projection on a sphere, as the
print image. The polar and ``aeqd`` views are azimuthal equidistant on the *ellipsoid*, as
PROJ computes them for the print image: d3's own azimuthal equidistant is spherical, up to
0.4 % off for a 5,000 km ring, so the page gives d3 a raw projection that undoes d3's rotation
and calls GeographicLib's ``Geodesic.WGS84.Inverse`` (the same algorithm as PROJ's ``aeqd``;
npm ``geographiclib-geodesic``, MIT): a point at geodesic distance *s* and azimuth *α* from the
centre is drawn at (*s* sin *α*, *s* cos *α*) / *a*, so distances from the centre are true to
the millimetre on screen, and rings are circles. d3 still clips at the cap (``clipAngle``).

**Coordinates.** Lines are emitted as true (lon, lat) — display longitudes outside ±180° are
normalised — with the plan's geodesic-densified vertices (at most 100 km apart), so d3's
great-circle interpolation between neighbours differs from the geodesic by metres.

**Interaction.** Wheel to zoom (about the pointer), drag to pan, or on the globe drag to turn it;
double-click resets. Markers on the far side of the globe or outside the cap are hidden. On a
small page (the dashboard's) the legend starts folded to its title, the verdict: click to unfold.

**Escaping.** Tooltips, popups, the legend and the title are built in Python with
:func:`geo.report.escape.html_text` (as the Leaflet page) and travel as JSON inside a
``<script type="application/json">`` element with ``<``, ``>`` and ``&`` written as ``\\u003c``…,
so no name can end the element or run as script.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

from geo.maps.legend import legend_html
from geo.maps.offline_html import Asset, inline_script
from geo.maps.outlines import basemap_text
from geo.maps.plan import MIDPOINT_COLOR, MapPlan
from geo.maps.projection import View
from geo.report.escape import html_text

D3_GEO_VERSION = "3.1.2"
D3_ARRAY_VERSION = "3.2.4"
GEOGRAPHICLIB_VERSION = "2.2.0"
SCRIPTS = (
    Asset("geo", f"vendor/d3-array-{D3_ARRAY_VERSION}/d3-array.min.js"),
    Asset("geo", f"vendor/d3-geo-{D3_GEO_VERSION}/d3-geo.min.js"),
    Asset("geo", f"vendor/geographiclib-geodesic-{GEOGRAPHICLIB_VERSION}/geographiclib-geodesic.min.js"),
)
CREDITS = (
    "Countries: Natural Earth (public domain). Places: GeoNames (CC BY 4.0), OurAirports. "
    f"Drawn with d3-geo {D3_GEO_VERSION} (ISC) and GeographicLib {GEOGRAPHICLIB_VERSION} (MIT)."
)
MARKER_RADII = {"midpoint": 5, "best": 8, "venue": 7, "stop": 6, "party": 8}  # px, as the Leaflet page
_COLOR = re.compile(r"#[0-9a-fA-F]{3,8}")
_DASH = re.compile(r"[0-9., ]{1,40}")


def _json_for_script(value: object) -> str:
    """JSON that cannot end its ``<script>`` element (``<``, ``>``, ``&`` as ``\\u`` escapes)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, escape)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


@lru_cache(maxsize=1)
def _basemap_json() -> str:
    return _json_for_script(json.loads(basemap_text()))


def _lon(lon: float) -> float:
    """A longitude in [-180, 180)."""
    return round((lon + 180.0) % 360.0 - 180.0, 6)


def _color(value: str, default: str = "#333333") -> str:
    return value if _COLOR.fullmatch(value or "") else default


def scale_note(view: View) -> str:
    """What distances on the page mean, for the legend (after :meth:`View.description`)."""
    if view.kind == "globe":
        return "No single scale on a globe: drag to turn it; markers on the far side are hidden."
    return f"The scale bar measures distances from {view.centre_name} only."


def _not_drawn(plan: MapPlan) -> list[str]:
    """What this page leaves out, said in its legend (nothing is dropped silently)."""
    if plan.heat is None:
        return []
    return ["The heat map is not drawn on this page: see the Mercator map or the images (PNG, SVG, PDF)."]


def page_data(plan: MapPlan, view: View) -> dict[str, object]:
    """What the page draws, as JSON-ready data: the view, lines and markers in true (lon, lat),
    their escaped tooltips and popups, and the legend's HTML."""
    if view.centre is None:
        raise ValueError("the projected page is for the globe and azimuthal views, not Mercator")
    lines = [
        {
            "kind": line.kind,
            "tip": html_text(line.label),
            "color": _color(line.color),
            "weight": float(line.weight),
            "dash": line.dash if line.dash and _DASH.fullmatch(line.dash) else None,
            "coords": [[_lon(lon), round(lat, 6)] for lat, lon in zip(line.lats, line.lons, strict=True)],
        }
        for line in plan.lines
        if len(line.lats) >= 2
    ]
    markers = []
    for marker in plan.markers:
        if marker.copy:  # the same place one world copy over: one sphere has no copies
            continue
        rows = "".join(f"<tr><th>{html_text(k)}</th><td>{html_text(v)}</td></tr>" for k, v in marker.popup)
        markers.append(
            {
                "kind": marker.kind,
                "lon": _lon(marker.lon_true),
                "lat": round(marker.lat, 6),
                "fill": _color(marker.color),
                "stroke": MIDPOINT_COLOR if marker.kind == "midpoint" else "#ffffff",
                "r": MARKER_RADII.get(marker.kind, 6),
                "tip": html_text(marker.tooltip),
                "popup": f'<div class="geo-popup"><b>{html_text(marker.name)}</b><table>{rows}</table></div>',
            }
        )
    kinds = {"mercator": "", "globe": "globe", "north": "north", "south": "south", "aeqd": "aeqd"}
    return {
        "view": {
            "kind": kinds[view.kind],
            "centre": [_lon(view.centre.lon), round(view.centre.lat, 6)],
            "cap": 90.0 if view.kind == "globe" else float(view.cap_deg),
            "name": html_text(view.centre_name),
        },
        "zones": [
            {"kind": z.kind, "tip": html_text(z.label), "color": _color(z.color), "geometry": z.geometry}
            for z in plan.zones
        ],
        "lines": lines,
        "markers": markers,
        "legend": legend_html(plan, [view.description(), scale_note(view), *_not_drawn(plan)]),
        "credits": html_text(CREDITS),
    }


_CSS = """<style>
html, body { margin: 0; height: 100%; overflow: hidden; background: #ffffff; }
#geo-svg { display: block; width: 100%; height: 100%; cursor: grab; touch-action: none;
  user-select: none; }
#geo-svg.geo-dragging { cursor: grabbing; }
.geo-sphere { fill: #cfe2ee; stroke: #7a8c99; stroke-width: 1; }
.geo-graticule { fill: none; stroke: #ffffff; stroke-width: 0.6; stroke-opacity: 0.8; }
.geo-country { fill: #f4f1ea; stroke: #9e9e9e; stroke-width: 0.6; }
.geo-line { fill: none; stroke-linecap: round; stroke-linejoin: round; stroke-opacity: 0.9; }
.geo-line:hover { stroke-opacity: 1; }
.geo-marker { stroke-width: 2; fill-opacity: 0.95; cursor: pointer; }
path, circle { vector-effect: non-scaling-stroke; }
.geo-legend { position: absolute; left: 10px; bottom: 24px; background: rgba(255,255,255,0.92);
  padding: 6px 9px; font: 12px/1.45 sans-serif; border-radius: 4px;
  box-shadow: 0 1px 4px rgba(0,0,0,0.3); max-width: 340px; }
.geo-legend .geo-title { font-weight: bold; margin-bottom: 3px; cursor: pointer; }
.geo-legend .geo-note { color: #7a2b00; margin-top: 3px; }
.geo-legend.geo-folded > :not(.geo-title) { display: none; }
.geo-legend.geo-folded .geo-title::after { content: " ▸"; }
.geo-swatch { display: inline-block; width: 18px; height: 10px; margin-right: 6px; vertical-align: middle; }
.geo-swatch.circle { width: 10px; border-radius: 50%; margin: 0 10px 0 4px; }
.geo-tip, .geo-popup-box { position: absolute; background: #ffffff; font: 12px sans-serif;
  border-radius: 4px; box-shadow: 0 1px 4px rgba(0,0,0,0.4); padding: 4px 7px; display: none; }
.geo-tip { pointer-events: none; white-space: nowrap; }
.geo-popup-box { max-width: 360px; }
.geo-popup-box .geo-close { float: right; border: 0; background: none; cursor: pointer; font-size: 14px; }
.geo-popup table { border-collapse: collapse; font: 12px sans-serif; }
.geo-popup th { text-align: left; font-weight: normal; color: #555; padding: 1px 8px 1px 0; }
.geo-popup td { text-align: right; padding: 1px 0; }
.geo-credits { position: absolute; right: 6px; bottom: 3px; font: 10px sans-serif; color: #555;
  background: rgba(255,255,255,0.8); padding: 1px 4px; }
.geo-scale { position: absolute; right: 10px; top: 10px; font: 11px sans-serif;
  background: rgba(255,255,255,0.85); padding: 2px 6px; border-radius: 3px; }
.geo-scale-bar { height: 4px; border: 1px solid #333; border-top: 0; margin-top: 2px; }
.geo-help { position: absolute; left: 10px; top: 8px; font: 11px sans-serif; color: #444;
  background: rgba(255,255,255,0.8); padding: 1px 5px; border-radius: 3px; }
</style>"""

# The page's own script: draws ``geo-data`` with d3-geo and handles zoom, pan and rotation.
_SCRIPT = r"""<script>
(function () {
  "use strict";
  var NS = "http://www.w3.org/2000/svg", A = 6378137, RAD = Math.PI / 180;
  var data = JSON.parse(document.getElementById("geo-data").textContent);
  var world = JSON.parse(document.getElementById("geo-basemap").textContent);
  var view = data.view, svg = document.getElementById("geo-svg");
  var W = Math.max(window.innerWidth || 0, 320), H = Math.max(window.innerHeight || 0, 240);
  if (!window.innerWidth || !window.innerHeight) { W = 1000; H = 650; }
  svg.setAttribute("viewBox", "0 0 " + W + " " + H);
  var rot = [-view.centre[0], -view.centre[1], 0];

  function makeProjection() {
    if (view.kind === "globe") {
      return d3.geoOrthographic().rotate(rot).clipAngle(90).precision(0.2);
    }
    // Azimuthal equidistant on the WGS84 ellipsoid (as PROJ's aeqd): d3 hands the raw function
    // rotated coordinates; undo the rotation, then measure from the centre with GeographicLib.
    var geod = geodesic.Geodesic.WGS84, unrotate = d3.geoRotation(rot);
    var lon0 = view.centre[0], lat0 = view.centre[1];
    var raw = function (lam, phi) {
      var p = unrotate.invert([lam / RAD, phi / RAD]);
      var g = geod.Inverse(lat0, lon0, p[1], p[0]);
      var az = g.azi1 * RAD;
      return [g.s12 / A * Math.sin(az), g.s12 / A * Math.cos(az)];
    };
    return d3.geoProjection(raw).rotate(rot).clipAngle(view.cap).precision(0.2);
  }
  var projection = makeProjection();
  var pad = 12;
  projection.fitExtent([[pad, pad], [W - pad, H - pad]], {type: "Sphere"});
  var path = d3.geoPath(projection);
  var zoom = {k: 1, x: 0, y: 0};

  function el(name, parent, attrs) {
    var e = document.createElementNS(NS, name);
    for (var key in attrs) {
      if (attrs[key] !== null && attrs[key] !== undefined) { e.setAttribute(key, attrs[key]); }
    }
    parent.appendChild(e);
    return e;
  }
  var tip = document.getElementById("geo-tip"), popup = document.getElementById("geo-popup");
  function showTip(html) {
    return function (ev) {
      tip.innerHTML = html; tip.style.display = "block";
      tip.style.left = (ev.clientX + 12) + "px"; tip.style.top = (ev.clientY + 12) + "px";
    };
  }
  function hideTip() { tip.style.display = "none"; }

  var group = el("g", svg, {id: "geo-zoom"});
  var drawn = [];  // [element, GeoJSON] pairs redrawn on rotation
  function addPath(parent, geometry, attrs) {
    var e = el("path", parent, attrs);
    drawn.push([e, geometry]);
    return e;
  }
  addPath(group, {type: "Sphere"}, {"class": "geo-sphere"});
  addPath(group, d3.geoGraticule10(), {"class": "geo-graticule"});
  var countries = el("g", group, {"class": "geo-countries"});
  world.features.forEach(function (f) { addPath(countries, f, {"class": "geo-country"}); });
  var zoneGroup = el("g", group, {"class": "geo-zones"});
  data.zones.forEach(function (z) {  // shells clockwise, as d3 wants (shapely's normalised order)
    var e = addPath(zoneGroup, z.geometry, {"class": "geo-zone", "fill": z.color, "fill-opacity": 0.25,
                                            "stroke": "none"});
    e.addEventListener("mousemove", showTip(z.tip));
    e.addEventListener("mouseout", hideTip);
  });
  var lineGroup = el("g", group, {"class": "geo-lines"});
  data.lines.forEach(function (line, i) {
    var e = addPath(lineGroup, {type: "LineString", coordinates: line.coords}, {
      "class": "geo-line geo-" + line.kind, "data-line": i, "stroke": line.color,
      "stroke-width": line.weight, "stroke-dasharray": line.dash
    });
    e.addEventListener("mousemove", showTip(line.tip));
    e.addEventListener("mouseout", hideTip);
  });
  var markerGroup = el("g", group, {"class": "geo-markers"});
  var markers = data.markers.map(function (m, i) {
    var c = el("circle", markerGroup, {
      "class": "geo-marker geo-" + m.kind, "data-marker": i, "fill": m.fill, "stroke": m.stroke, "r": m.r
    });
    c.addEventListener("mousemove", showTip(m.tip));
    c.addEventListener("mouseout", hideTip);
    c.addEventListener("click", function (ev) {
      popup.querySelector(".geo-popup-body").innerHTML = m.popup;
      popup.style.display = "block";
      popup.style.left = (ev.clientX + 8) + "px"; popup.style.top = (ev.clientY + 8) + "px";
      ev.stopPropagation();
    });
    return [c, m];
  });
  popup.querySelector(".geo-close").addEventListener("click", function () { popup.style.display = "none"; });

  function redraw() {
    drawn.forEach(function (pair) { pair[0].setAttribute("d", path(pair[1]) || ""); });
    var r = projection.rotate(), centre = [-r[0], -r[1]], cap = projection.clipAngle() * RAD;
    markers.forEach(function (pair) {
      var m = pair[1], c = pair[0], at = [m.lon, m.lat];
      var p = d3.geoDistance(at, centre) <= cap + 1e-9 ? projection(at) : null;
      if (!p) { c.setAttribute("display", "none"); return; }
      c.removeAttribute("display");
      c.setAttribute("cx", p[0].toFixed(2)); c.setAttribute("cy", p[1].toFixed(2));
      c.setAttribute("r", m.r / zoom.k);
    });
    group.setAttribute("transform", "translate(" + zoom.x + "," + zoom.y + ") scale(" + zoom.k + ")");
    scaleBar();
  }
  function scaleBar() {
    var box = document.getElementById("geo-scale");
    if (view.kind === "globe") { box.style.display = "none"; return; }
    var pxPerKm = projection.scale() * zoom.k * (svg.clientWidth / W || 1) / (A / 1000);
    var steps = [100, 200, 500, 1000, 2000, 5000, 10000], km = steps[0];
    steps.forEach(function (s) { if (s * pxPerKm <= 140) km = s; });
    box.querySelector(".geo-scale-text").textContent = km.toLocaleString("en") + " km from the centre";
    box.querySelector(".geo-scale-bar").style.width = Math.round(km * pxPerKm) + "px";
  }
  function toSvg(ev) {
    var m = svg.getScreenCTM(), pt = svg.createSVGPoint();
    pt.x = ev.clientX; pt.y = ev.clientY;
    return m ? pt.matrixTransform(m.inverse()) : pt;
  }
  svg.addEventListener("wheel", function (ev) {
    ev.preventDefault();
    var p = toSvg(ev), k = Math.min(Math.max(zoom.k * Math.exp(-ev.deltaY * 0.002), 0.5), 40);
    zoom.x = p.x - (p.x - zoom.x) * k / zoom.k; zoom.y = p.y - (p.y - zoom.y) * k / zoom.k; zoom.k = k;
    redraw();
  }, {passive: false});
  var drag = null;
  svg.addEventListener("pointerdown", function (ev) {
    drag = {p: toSvg(ev), zoom: {k: zoom.k, x: zoom.x, y: zoom.y}, rot: projection.rotate()};
    svg.classList.add("geo-dragging");
    svg.setPointerCapture(ev.pointerId);
  });
  svg.addEventListener("pointermove", function (ev) {
    if (!drag) { return; }
    var p = toSvg(ev), dx = p.x - drag.p.x, dy = p.y - drag.p.y;
    if (view.kind === "globe") {
      var deg = 90 / (projection.scale() * zoom.k);  // a drag across the radius turns 90°
      var phi = Math.max(-90, Math.min(90, drag.rot[1] - dy * deg));
      projection.rotate([drag.rot[0] + dx * deg, phi, drag.rot[2]]);
    } else {
      zoom.x = drag.zoom.x + dx; zoom.y = drag.zoom.y + dy;
    }
    redraw();
  });
  function endDrag() { drag = null; svg.classList.remove("geo-dragging"); }
  svg.addEventListener("pointerup", endDrag);
  svg.addEventListener("pointercancel", endDrag);
  svg.addEventListener("dblclick", function () {
    zoom = {k: 1, x: 0, y: 0}; projection.rotate(rot); redraw();
  });
  var legend = document.getElementById("geo-legend");
  legend.querySelector(".geo-title").title = "Click to fold or unfold the legend";
  if (W < 800 || H < 560) { legend.classList.add("geo-folded"); }  // a small page: the map first
  legend.querySelector(".geo-title").addEventListener("click", function () {
    legend.classList.toggle("geo-folded");
  });
  redraw();
  window.geoMap = {
    projection: projection,
    // Projected metres from the centre (x east, y north): the scale of the raw projection is A.
    metres: function (lonlat) {
      var p = projection(lonlat), c = projection(view.centre);
      return [(p[0] - c[0]) / projection.scale() * A, (c[1] - p[1]) / projection.scale() * A];
    },
    kind: view.kind
  };
  svg.setAttribute("data-ready", "1");
})();
</script>"""


def projected_page(plan: MapPlan, view: View) -> str:
    """The self-contained HTML page that draws ``plan`` in ``view`` (not Mercator).

    Examples
    --------
    >>> from geo.maps.plan import MapPoint, plan_map
    >>> from geo.maps.projection import ProjectionSpec, view_for
    >>> plan = plan_map([MapPoint("A", 60, 0), MapPoint("B", 60, 180)])
    >>> page = projected_page(plan, view_for(plan, ProjectionSpec("north")))
    >>> page.startswith("<!DOCTYPE html>"), "http://" in page.replace("http://www.w3.org", "")
    (True, False)
    """
    data = page_data(plan, view)
    scripts = "\n".join(inline_script(asset) for asset in SCRIPTS)
    legend = str(data.pop("legend"))
    credits = str(data.pop("credits"))
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html_text(plan.title)}</title>
{_CSS}
</head>
<body>
<svg id="geo-svg" class="geo-map geo-{view.kind}" xmlns="http://www.w3.org/2000/svg" role="img"
  aria-label="{html_text(plan.title)}"></svg>
<div id="geo-legend" class="geo-legend">{legend}</div>
<div class="geo-help">Wheel: zoom · drag: {"turn the globe" if view.kind == "globe" else "pan"} · \
double-click: reset</div>
<div id="geo-scale" class="geo-scale"><div class="geo-scale-text"></div>\
<div class="geo-scale-bar"></div></div>
<div class="geo-credits">{credits}</div>
<div id="geo-tip" class="geo-tip"></div>
<div id="geo-popup" class="geo-popup-box"><button class="geo-close" title="Close">×</button>\
<div class="geo-popup-body"></div></div>
<script type="application/json" id="geo-data">{_json_for_script(data)}</script>
<script type="application/json" id="geo-basemap">{_basemap_json()}</script>
{scripts}
{_SCRIPT}
</body>
</html>
"""
