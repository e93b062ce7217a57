"""Helpers shared by the AppTest suites of the dashboard (tests/test_app_*.py).

Reference distances come from GeographicLib, called here directly, never from geo/.
"""

from __future__ import annotations

from pathlib import Path

from geographiclib.geodesic import Geodesic
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[2] / "app.py")
G = Geodesic.WGS84
TIMEOUT_S = 120  # two shared cores: the first run loads the gazetteer and the map assets

LatLon = tuple[float, float]


def gl_km(p: LatLon, q: LatLon) -> float:
    """The WGS84 geodesic distance from ``p`` to ``q`` in km, by GeographicLib."""
    return float(G.Inverse(*p, *q)["s12"]) / 1000


def km_text(p: LatLon, q: LatLon) -> str:
    """The distance as the dashboard prints it ("5,421 km")."""
    return f"{gl_km(p, q):,.0f} km"


def page_text(at: AppTest) -> str:
    """Every Markdown block of the page, one after the other."""
    return "\n".join(m.value for m in at.markdown)


def open_view(view: str, **params: str | list[str]) -> AppTest:
    """Run app.py on ``view`` with these URL query parameters; fail on an exception."""
    at = AppTest.from_file(APP, default_timeout=TIMEOUT_S)
    at.query_params["view"] = view
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, at.exception
    return at
