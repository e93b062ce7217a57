"""Every layer of a map as data: GeoJSON (RFC 7946), KML 2.2 and KMZ, from its :class:`MapPlan`.

The plan is the one source of truth: the exported lines have the vertices of the HTML map's
polylines, and the layers are its layers (:data:`geo.maps.plan.LINE_LAYERS`,
:data:`~geo.maps.plan.MARKER_LAYERS`): parties, venues (verdict, rank, split… as properties),
flight paths, the direct path and its midpoint, range rings, the best point and its minimax
circle, the equidistant line, routes, refuelling stops and detours. Markers repeated on another
world copy of the web map are exported once.

**GeoJSON** (RFC 7946): one ``FeatureCollection``, positions in (longitude, latitude) order with
longitudes in [-180, 180] and at most 6 decimals (about 0.1 m), properties plain JSON. A line
that crosses the antimeridian is cut there into a ``MultiLineString`` (§3.1.9): each crossing
adds a vertex at 180° and one at −180° (latitude interpolated linearly between the neighbours,
which lie at most :data:`geo.maps.plan.MAX_STEP_KM` apart). Rings and the minimax circle are
lines, not polygons, so a ring around a pole needs no special case. The same plan gives the same
bytes.

**KML** 2.2 for Google Earth: a ``Folder`` per layer, a ``Placemark`` per marker and line with
its name, an HTML description (every value HTML-escaped, as Google Earth renders descriptions as
HTML; the balloon shows the description only, never the raw name) and the export properties as
``ExtendedData``; lines are ``LineString`` with ``<tessellate>1</tessellate>`` (drawn along the
ground) with the plan's vertices and longitudes wrapped to [-180, 180] (Google Earth joins
vertices across the antimeridian the short way); one ``Style`` per colour and kind, in KML's
``aabbggrr`` colour order. Written with :mod:`xml.etree.ElementTree` from the standard library:
it escapes text and attributes, needs no dependency and its output is deterministic. **KMZ** is
the same document zipped as ``doc.kml`` with a fixed timestamp.

Examples
--------
>>> import json
>>> from geo.maps.plan import MapPoint, plan_map
>>> plan = plan_map([MapPoint("Tokyo", 35.6762, 139.6503), MapPoint("Honolulu", 21.3069, -157.8583)])
>>> direct = [f for f in json.loads(geojson_text(plan))["features"] if f["properties"]["kind"] == "direct"]
>>> direct[0]["geometry"]["type"], [part[-1][0] for part in direct[0]["geometry"]["coordinates"]][:1]
('MultiLineString', [180.0])
>>> kml_text(plan).count("<tessellate>1</tessellate>")
1
"""

from __future__ import annotations

import html
import io
import json
import math
import re
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from geo.errors import InvalidInputError
from geo.maps.plan import LINE_LAYERS, MARKER_LAYERS, ZONE_LAYER, DrawnLine, DrawnMarker, MapPlan, Property

if TYPE_CHECKING:
    import folium

DIGITS = 6  # decimals of exported coordinates (RFC 7946 §11.2: about 0.1 m)
KML_NAMESPACE = "http://www.opengis.net/kml/2.2"
FORMATS = {".geojson": "GeoJSON", ".kml": "KML", ".kmz": "KMZ"}
MEDIA_TYPES = {
    ".geojson": "application/geo+json",
    ".kml": "application/vnd.google-earth.kml+xml",
    ".kmz": "application/vnd.google-earth.kmz",
}
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # a fixed timestamp: the same plan gives the same KMZ
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

# ---------------------------------------------------------------------------------------------
# Geometry: wrapping and antimeridian cutting
# ---------------------------------------------------------------------------------------------


def wrap_lon(lon: float) -> float:
    """A longitude in [-180, 180] (180 stays 180), rounded to :data:`DIGITS` decimals.

    >>> wrap_lon(237.58), wrap_lon(-180.0), wrap_lon(180.0), wrap_lon(-540.5)
    (-122.42, -180.0, 180.0, 179.5)
    """
    wrapped = math.remainder(lon, 360.0)
    if wrapped == -180.0 and lon > 0:
        wrapped = 180.0
    return round(wrapped, DIGITS) + 0.0


def cut_at_antimeridian(lats: Sequence[float], lons: Sequence[float]) -> list[list[tuple[float, float]]]:
    """A line with unwrapped longitudes as parts in [-180, 180], cut where it crosses ±180°.

    Consecutive longitudes must differ by at most 180° (as in every :class:`DrawnLine`). Each
    crossing ends a part at ±180° and starts the next at ∓180°, at the latitude interpolated
    between the two vertices around it; a vertex exactly on ±180° is shared by both parts.

    Parameters
    ----------
    lats, lons : sequence of float
        Degrees, same length ≥ 1.

    Returns
    -------
    list of list of (lon, lat)
        Parts in order, each with at least two positions (one when the line is one point).

    Examples
    --------
    >>> cut_at_antimeridian([0.0, 10.0], [170.0, 190.0])
    [[(170.0, 0.0), (180.0, 5.0)], [(-180.0, 5.0), (-170.0, 10.0)]]
    >>> cut_at_antimeridian([1.0, 2.0], [-10.0, 10.0])
    [[(-10.0, 1.0), (10.0, 2.0)]]
    """
    shift = 360.0 * round(lons[0] / 360.0)
    parts: list[list[tuple[float, float]]] = [[(_r(lons[0] - shift), _r(lats[0]))]]
    for k in range(1, len(lons)):
        lon0, lat0, lon1, lat1 = lons[k - 1], lats[k - 1], lons[k], lats[k]
        local = lon1 - shift
        if -180.0 <= local <= 180.0:
            parts[-1].append((_r(local), _r(lat1)))
            continue
        side = 180.0 if local > 180.0 else -180.0
        edge = shift + side
        lat = lat0 + (lat1 - lat0) * (edge - lon0) / (lon1 - lon0)
        if parts[-1][-1] != (side, _r(lat)):
            parts[-1].append((side, _r(lat)))
        shift += 2.0 * side
        parts.append([(-side, _r(lat)), (_r(lon1 - shift), _r(lat1))])
    return [part for part in parts if len(part) >= 2] or parts[:1]


def _r(value: float) -> float:
    return round(float(value), DIGITS) + 0.0


# ---------------------------------------------------------------------------------------------
# Properties
# ---------------------------------------------------------------------------------------------


def _plain(value: Property) -> Property:
    """A JSON-safe value: NaN and infinities become None, floats get :data:`DIGITS` decimals."""
    if isinstance(value, float):
        return round(value, DIGITS) + 0.0 if math.isfinite(value) else None
    return value


def marker_properties(marker: DrawnMarker) -> dict[str, Any]:
    """The export properties of a marker: layer, kind, name, colour, description, its popup rows
    as ``details``, then its own properties (a venue's verdict, rank, split…).

    >>> from geo.maps.plan import MapPoint, plan_map
    >>> m = plan_map([MapPoint("Reykjavik", 64.1466, -21.9426)]).markers[0]
    >>> marker_properties(m)["layer"], marker_properties(m)["details"]["position"]
    ('Parties', '64.1466°N, 21.9426°W')
    """
    props: dict[str, Any] = {
        "layer": MARKER_LAYERS.get(marker.kind, marker.kind),
        "kind": marker.kind,
        "name": marker.name,
        "color": marker.color,
        "description": marker.tooltip,
        "details": {label: value for label, value in marker.popup},
    }
    props.update((key, _plain(value)) for key, value in marker.properties)
    return props


def line_properties(line: DrawnLine) -> dict[str, Any]:
    """The export properties of a line: layer, kind, name (its tooltip), colour, width, dash."""
    return {
        "layer": LINE_LAYERS.get(line.kind, line.kind),
        "kind": line.kind,
        "name": line.label,
        "color": line.color,
        "width": line.weight,
        "dash": line.dash,
    }


def _markers(plan: MapPlan) -> Iterator[DrawnMarker]:
    """The plan's markers in layer order, each place once (no world-copy duplicates)."""
    for kind in MARKER_LAYERS:
        yield from (m for m in plan.markers if m.kind == kind and not m.copy)


def _lines(plan: MapPlan) -> Iterator[DrawnLine]:
    for kind in LINE_LAYERS:
        yield from (line for line in plan.lines if line.kind == kind)


# ---------------------------------------------------------------------------------------------
# GeoJSON
# ---------------------------------------------------------------------------------------------


def line_geometry(line: DrawnLine) -> dict[str, Any]:
    """A ``LineString``, or a ``MultiLineString`` when the line crosses the antimeridian."""
    parts = cut_at_antimeridian(line.lats, line.lons)
    coords = [[list(p) for p in part] for part in parts]
    if len(coords) == 1:
        return {"type": "LineString", "coordinates": coords[0]}
    return {"type": "MultiLineString", "coordinates": coords}


def plan_geojson(plan: MapPlan) -> dict[str, Any]:
    """Every layer of the plan as a GeoJSON ``FeatureCollection`` (a dict; see :func:`geojson_text`)."""
    features: list[dict[str, Any]] = []
    for marker in _markers(plan):
        point = {"type": "Point", "coordinates": [wrap_lon(marker.lon_true), _r(marker.lat)]}
        features.append({"type": "Feature", "geometry": point, "properties": marker_properties(marker)})
    for line in _lines(plan):
        features.append(
            {"type": "Feature", "geometry": line_geometry(line), "properties": line_properties(line)}
        )
    for zone in plan.zones:
        props = {"layer": ZONE_LAYER, "kind": "zone", "name": zone.label, "color": zone.color,
                 **{k: _plain(v) for k, v in zone.properties}}  # fmt: skip
        features.append({"type": "Feature", "geometry": _rounded(zone.geometry), "properties": props})
    return {
        "type": "FeatureCollection",
        "name": plan.title,
        "notes": list(plan.notes),
        "features": features,
    }


def _rounded(geometry: dict[str, Any]) -> dict[str, Any]:
    """A (Multi)Polygon's coordinates rounded like every other coordinate (about 1 m)."""

    def walk(c: Any) -> Any:
        if isinstance(c, list | tuple) and c and isinstance(c[0], int | float):
            return [_r(v) for v in c]
        return [walk(x) for x in c]

    return {"type": geometry["type"], "coordinates": walk(geometry["coordinates"])}


def geojson_text(plan: MapPlan) -> str:
    """The plan as GeoJSON text (RFC 7946), deterministic, UTF-8 characters kept, one final newline."""
    return json.dumps(plan_geojson(plan), ensure_ascii=False, allow_nan=False, separators=(",", ":")) + "\n"


# ---------------------------------------------------------------------------------------------
# KML and KMZ
# ---------------------------------------------------------------------------------------------


def kml_color(css: str, alpha: int = 255) -> str:
    """A ``#rrggbb`` CSS colour as KML's ``aabbggrr``.

    >>> kml_color("#1a9641"), kml_color("#c51b7d", 0x80)
    ('ff41961a', '807d1bc5')
    """
    if not re.fullmatch(r"#[0-9a-fA-F]{6}", css):
        raise InvalidInputError(f"colour {css!r} must be #rrggbb")
    r, g, b = css[1:3], css[3:5], css[5:7]
    return f"{alpha:02x}{b}{g}{r}".lower()


def _xml_text(value: object) -> str:
    """Text XML 1.0 can hold: characters it forbids (control characters) become U+FFFD."""
    return _NOT_XML.sub("\ufffd", str(value))


def _sub(parent: ET.Element, tag: str, text: object | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, {k: _xml_text(v) for k, v in attrs.items()})
    if text is not None:
        element.text = _xml_text(text)
    return element


def _description(title: str, rows: Sequence[tuple[str, object]]) -> str:
    """An HTML balloon: the title and a table of rows, every value HTML-escaped."""
    body = "".join(
        f"<tr><th align='left'>{html.escape(str(k))}</th><td>{html.escape(str(v))}</td></tr>"
        for k, v in rows
        if v is not None
    )
    return f"<b>{html.escape(title)}</b><table>{body}</table>"


def _style_id(kind: str, color: str, dash: str | None = None) -> str:
    return f"{kind}-{color[1:].lower()}" + ("-dashed" if dash else "")


def _add_styles(document: ET.Element, plan: MapPlan) -> None:
    seen: set[str] = set()
    for marker in _markers(plan):
        sid = _style_id(marker.kind, marker.color)
        if sid not in seen:
            seen.add(sid)
            style = _sub(document, "Style", id=sid)
            icon = _sub(style, "IconStyle")
            _sub(icon, "color", kml_color(marker.color))
            _sub(icon, "scale", "1.1" if marker.kind in ("party", "best") else "0.9")
            _sub(_sub(style, "BalloonStyle"), "text", "$[description]")
    for line in _lines(plan):
        sid = _style_id(line.kind, line.color, line.dash)
        if sid not in seen:
            seen.add(sid)
            style = _sub(document, "Style", id=sid)
            line_style = _sub(style, "LineStyle")
            _sub(line_style, "color", kml_color(line.color, 0xE6))
            _sub(line_style, "width", f"{line.weight:g}")
            _sub(_sub(style, "BalloonStyle"), "text", "$[description]")


def _extended_data(placemark: ET.Element, props: dict[str, Any]) -> None:
    data = _sub(placemark, "ExtendedData")
    for key, value in props.items():
        if key in ("name", "description", "details") or value is None:
            continue
        _sub(_sub(data, "Data", name=key), "value", value)


def _kml_coordinates(lats: Sequence[float], lons: Sequence[float]) -> str:
    return " ".join(
        f"{wrap_lon(lon):.{DIGITS}f},{_r(lat):.{DIGITS}f}" for lat, lon in zip(lats, lons, strict=True)
    )


def _folder(document: ET.Element, folders: dict[str, ET.Element], layer: str) -> ET.Element:
    if layer not in folders:
        folders[layer] = _sub(document, "Folder")
        _sub(folders[layer], "name", layer)
    return folders[layer]


def plan_kml(plan: MapPlan) -> ET.Element:
    """Every layer of the plan as a KML 2.2 ``<kml>`` element (see :func:`kml_text`)."""
    root = ET.Element("kml", {"xmlns": KML_NAMESPACE})
    document = _sub(root, "Document")
    _sub(document, "name", plan.title)
    _sub(document, "description", _description(plan.title, [("note", n) for n in plan.notes]))
    _add_styles(document, plan)
    folders: dict[str, ET.Element] = {}
    for marker in _markers(plan):
        props = marker_properties(marker)
        placemark = _sub(_folder(document, folders, props["layer"]), "Placemark")
        _sub(placemark, "name", marker.name)
        _sub(placemark, "description", _description(marker.tooltip, marker.popup))
        _sub(placemark, "styleUrl", "#" + _style_id(marker.kind, marker.color))
        _extended_data(placemark, props)
        _sub(_sub(placemark, "Point"), "coordinates", _kml_coordinates([marker.lat], [marker.lon_true]))
    for zone in plan.zones:
        placemark = _sub(_folder(document, folders, ZONE_LAYER), "Placemark")
        _sub(placemark, "name", zone.label)
        _sub(placemark, "description", _description(zone.label, list(zone.properties)))
        _sub(_sub(_sub(placemark, "Style"), "PolyStyle"), "color", kml_color(zone.color, 90))
        _extended_data(placemark, {k: _plain(v) for k, v in zone.properties})
        multi = _sub(placemark, "MultiGeometry")
        polys = (
            zone.geometry["coordinates"]
            if zone.geometry["type"] == "MultiPolygon"
            else [zone.geometry["coordinates"]]
        )
        for rings in polys:
            polygon = _sub(multi, "Polygon")
            for n, ring in enumerate(rings):
                boundary = _sub(polygon, "outerBoundaryIs" if n == 0 else "innerBoundaryIs")
                lats = [c[1] for c in ring]
                lons = [c[0] for c in ring]
                _sub(_sub(boundary, "LinearRing"), "coordinates", _kml_coordinates(lats, lons))
    for line in _lines(plan):
        props = line_properties(line)
        placemark = _sub(_folder(document, folders, props["layer"]), "Placemark")
        _sub(placemark, "name", line.label)
        _sub(placemark, "description", _description(line.label, [("kind", line.kind)]))
        _sub(placemark, "styleUrl", "#" + _style_id(line.kind, line.color, line.dash))
        _extended_data(placemark, props)
        geometry = _sub(placemark, "LineString")
        _sub(geometry, "tessellate", "1")
        _sub(geometry, "coordinates", _kml_coordinates(line.lats, line.lons))
    return root


def kml_text(plan: MapPlan) -> str:
    """The plan as a KML 2.2 document (UTF-8 text with an XML declaration), deterministic."""
    root = plan_kml(plan)
    ET.indent(root, space=" ")
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def kmz_bytes(plan: MapPlan) -> bytes:
    """The plan as KMZ: a zip holding ``doc.kml``, with a fixed timestamp (deterministic)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        info = zipfile.ZipInfo("doc.kml", date_time=_ZIP_TIME)
        info.compress_type = zipfile.ZIP_DEFLATED
        archive.writestr(info, kml_text(plan).encode("utf-8"))
    return buffer.getvalue()


# ---------------------------------------------------------------------------------------------
# One entry point for the shells
# ---------------------------------------------------------------------------------------------


def plan_of(m: folium.Map | MapPlan) -> MapPlan:
    """The plan a map was drawn from (maps built by this package keep it), or the plan itself."""
    if isinstance(m, MapPlan):
        return m
    plan = getattr(m, "plan", None)
    if not isinstance(plan, MapPlan):
        raise InvalidInputError("this map was not drawn from a MapPlan: build it with geo.maps.render")
    return plan


def export_data(m: folium.Map | MapPlan, suffix: str) -> bytes:
    """The map's layers in the format of a file suffix (``.geojson``, ``.kml`` or ``.kmz``).

    >>> from geo.maps.plan import MapPoint, plan_map
    >>> export_data(plan_map([MapPoint("Anchorage", 61.2181, -149.9003)]), ".kmz")[:2]
    b'PK'
    >>> export_data(plan_map([MapPoint("Anchorage", 61.2181, -149.9003)]), ".shp")
    Traceback (most recent call last):
    ...
    geo.errors.InvalidInputError: cannot export a map as '.shp': use .geojson, .kml or .kmz
    """
    plan = plan_of(m)
    kind = suffix.lower()
    if kind == ".geojson":
        return geojson_text(plan).encode("utf-8")
    if kind == ".kml":
        return kml_text(plan).encode("utf-8")
    if kind == ".kmz":
        return kmz_bytes(plan)
    raise InvalidInputError(f"cannot export a map as {suffix!r}: use .geojson, .kml or .kmz")
