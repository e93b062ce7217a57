"""Independent references for tests: distances straight from GeographicLib, never from the product."""

from __future__ import annotations

from geographiclib.geodesic import Geodesic

G = Geodesic.WGS84


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """The WGS84 geodesic distance between two (lat, lon) points, in km (GeographicLib)."""
    return float(G.Inverse(*a, *b)["s12"]) / 1000
