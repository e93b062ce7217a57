"""Helpers for the map tests: read what a rendered page draws, and hostile names to draw."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

# Names that broke or could break a folium page: HTML injection, template-literal
# injection, a backslash escape that is a syntax error in a template literal, script end tags.
HOSTILE_NAMES = (
    "<img src=x onerror=alert(1)>",
    "${alert(2)}",
    "`;alert(3);`",
    "\\u12 \\x \\",
    "</script><script>alert(4)</script>",
    "\"'><svg onload=alert(5)>",
    "${`${alert(6)}`}",
    "\\`${alert(7)}",
    "&amp; &lt;b&gt; {{ 7*7 }}",
    "line\u2028sep\u2029para",
    "{{ 7*7 }} {{ self.__init__.__globals__ }}",  # folium renders its output again as Jinja
    "{% for x in range(3) %}loop{% endfor %} {# open comment",
)

# The seed scenario (the 2021 Anchorage meeting) with five candidate venues.
SEED_PARTIES = ("Washington", "Beijing")
SEED_VENUES = ("Anchorage", "Reykjavik", "Helsinki", "Geneva", "Honolulu")


@dataclass(frozen=True)
class Polyline:
    coords: list[list[float]]
    options: str

    @property
    def kind(self) -> str:
        match = re.search(r'"className": "geo-line geo-([a-z-]+)"', self.options)
        return match.group(1) if match else ""


@dataclass(frozen=True)
class CircleMarker:
    lat: float
    lon: float
    options: str

    @property
    def kind(self) -> str:
        match = re.search(r'"className": "geo-marker geo-([a-z-]+)"', self.options)
        return match.group(1) if match else ""


_POLYLINE = re.compile(r"L\.polyline\(\s*(\[\[.*?\]\])\s*,\s*(\{.*?\})\s*\)\.addTo", re.DOTALL)
_CIRCLE = re.compile(r"L\.circleMarker\(\s*(\[[^\]]*\])\s*,\s*(\{.*?\})\s*\)\.addTo", re.DOTALL)


def polylines(page: str) -> list[Polyline]:
    """Every ``L.polyline`` folium wrote into the page, with its coordinates and options."""
    return [Polyline(json.loads(m.group(1)), m.group(2)) for m in _POLYLINE.finditer(page)]


def circle_markers(page: str) -> list[CircleMarker]:
    out = []
    for m in _CIRCLE.finditer(page):
        lat, lon = json.loads(m.group(1))
        out.append(CircleMarker(lat, lon, m.group(2)))
    return out
