"""Maps and results in Jupyter, with no network: the self-contained page in an ``<iframe srcdoc>``.

folium's own ``_repr_html_`` embeds a page that loads Leaflet, jQuery and the plugins from CDNs
and OpenStreetMap tiles: offline, the notebook shows a blank box. Here the page is the one
:func:`geo.maps.offline_html.export_html` writes (every script and style inline, the built-in
Natural Earth basemap), HTML-escaped into the ``srcdoc`` attribute of a sandboxed iframe
(scripts run; the page gets no access to the notebook's origin).

* Every map the package builds is a :class:`geo.maps.render.PlannedMap` whose ``_repr_html_``
  is :func:`map_iframe`: the last expression of a cell shows it.
* Results (a check, a comparison, a best point, a journey) live in lower layers that know
  nothing of maps, so they get their display here: :func:`show` wraps one in a
  :class:`ResultView` (the card as text, then the map), and ``%load_ext geo.maps.notebook``
  registers :func:`result_html` with IPython for those types, so ``check_claim(...)`` alone
  shows the card and the map.

Examples
--------
>>> from geo.maps.plan import MapPoint
>>> from geo.maps.render import build_map
>>> from geo.maps.offline_html import external_references
>>> frame = build_map([MapPoint("Anchorage", 61.2181, -149.9003)])._repr_html_()
>>> frame.startswith("<iframe srcdoc=") and external_references(frame) == []
True
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from geo.maps.offline_html import export_html

if TYPE_CHECKING:
    import folium

FRAME_HEIGHT_PX = 520


def iframe(page: str, *, height: int = FRAME_HEIGHT_PX) -> str:
    """``page`` as an ``<iframe srcdoc>``: escaped once, scripts allowed, no same-origin access.

    >>> iframe('<p title="a">x & y</p>', height=100)[:66]
    '<iframe srcdoc="&lt;p title=&quot;a&quot;&gt;x &amp; y&lt;/p&gt;" '
    """
    return (
        f'<iframe srcdoc="{html.escape(page, quote=True)}" '
        f'style="width: 100%; height: {int(height)}px; border: 1px solid #ccc" '
        'sandbox="allow-scripts allow-popups allow-downloads" allowfullscreen></iframe>'
    )


def map_iframe(m: folium.Map, *, height: int = FRAME_HEIGHT_PX) -> str:
    """The map's self-contained offline page, in an iframe (what a notebook shows)."""
    return iframe(export_html(m, offline=True), height=height)


@dataclass(frozen=True)
class ResultView:
    """A result's card (plain text) and its map, shown together in a notebook."""

    text: str
    map: folium.Map | None

    def _repr_html_(self) -> str:
        card = f'<pre style="white-space: pre-wrap">{html.escape(self.text)}</pre>'
        return card + (map_iframe(self.map) if self.map is not None else "")

    def __repr__(self) -> str:
        return self.text


def _views() -> dict[type, Callable[[Any], ResultView]]:
    """The text and the map of each kind of result."""
    from geo.analysis.areas import CentreResult
    from geo.analysis.check import CheckResult, EquidistanceResult
    from geo.analysis.optimize import BestResult
    from geo.analysis.route import Journey
    from geo.analysis.scoring import CompareResult
    from geo.maps import results
    from geo.report.compare import best_report, compare_table
    from geo.report.route import journey_report
    from geo.report.text import centre_card, check_card, equidistance_card

    return {
        CheckResult: lambda r: ResultView(check_card(r), results.map_for_check(r)),
        EquidistanceResult: lambda r: ResultView(equidistance_card(r), results.map_for_equidistance(r)),
        CentreResult: lambda r: ResultView(centre_card(r), results.map_for_centre(r)),
        CompareResult: lambda r: ResultView(compare_table(r), results.map_for_compare(r)),
        BestResult: lambda r: ResultView(best_report(r), results.map_for_best(r)),
        Journey: lambda r: ResultView(journey_report(r), results.map_for_journey(r)),
    }


def show(result: object) -> ResultView:
    """The card and the map of a result, for a notebook cell.

    Raises
    ------
    InvalidInputError
        Not a result this package draws.

    Examples
    --------
    >>> from geo.usecases import check_claim
    >>> view = show(check_claim("Anchorage", "Washington", "Beijing"))
    >>> view.text.splitlines()[0]
    'Is Anchorage halfway between Washington, D.C. and Beijing?  Verdict: ROUGHLY HALFWAY'
    >>> "<iframe srcdoc=" in view._repr_html_()
    True
    """
    for kind, view in _views().items():
        if isinstance(result, kind):
            return view(result)
    from geo.errors import InvalidInputError

    raise InvalidInputError(
        f"cannot show a {type(result).__name__}: not a result of check, compare, best or route"
    )


def result_html(result: object) -> str:
    """A result's notebook HTML (card and map): the formatter ``load_ipython_extension`` adds."""
    return show(result)._repr_html_()


def load_ipython_extension(ipython: Any) -> None:
    """``%load_ext geo.maps.notebook``: results display as their card and offline map."""
    formatter = ipython.display_formatter.formatters["text/html"]
    for kind in _views():
        formatter.for_type(kind, result_html)
