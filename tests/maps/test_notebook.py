"""Maps and results in Jupyter: the self-contained page in an iframe, never folium's CDN page."""

from __future__ import annotations

import html
import re
from typing import Any

import pytest
from map_html import HOSTILE_NAMES

from geo.maps.notebook import ResultView, load_ipython_extension, result_html, show
from geo.maps.offline_html import export_html, external_references
from geo.maps.plan import MapPoint
from geo.maps.render import PlannedMap, build_map
from geo.usecases import check_claim, map_question

SRCDOC = re.compile(r'<iframe srcdoc="([^"]*)"')


def srcdoc(frame: str) -> str:
    match = SRCDOC.search(frame)
    assert match is not None
    return html.unescape(match.group(1))


def test_map_repr_should_embed_the_offline_page_not_folium_cdn_page() -> None:
    m = map_question(["Washington", "Beijing"], ["Anchorage"])
    assert isinstance(m, PlannedMap)
    frame = m._repr_html_()
    assert frame.startswith("<iframe srcdoc=") and frame.count("<iframe") == 1
    assert external_references(frame) == [] and external_references(srcdoc(frame)) == []
    assert srcdoc(frame) == export_html(m)  # the page itself, escaped once
    for host in ("cdn.jsdelivr.net", "code.jquery.com", "cdnjs.cloudflare.com"):
        assert host not in frame
    # tiles: the built-in basemap is the base layer shown; OpenStreetMap is only a hidden option
    assert "geoBasemap" in srcdoc(frame)


def test_repr_should_be_stable_and_not_render_the_map_twice() -> None:
    m = build_map([MapPoint("Anchorage", 61.2181, -149.9003)])
    assert m._repr_html_() == m._repr_html_() and srcdoc(m._repr_html_()) == export_html(m)


@pytest.mark.parametrize("name", HOSTILE_NAMES[:6])
def test_hostile_names_should_stay_inside_the_srcdoc(name: str) -> None:
    frame = build_map([MapPoint(name, 1.0, 2.0)])._repr_html_()
    outside = SRCDOC.sub("", frame)
    assert "<script" not in outside and "<img" not in outside
    assert '"' not in frame[len('<iframe srcdoc="') : frame.index('" style=')]  # no raw double quote inside


def test_show_should_give_the_card_and_the_map_of_a_check() -> None:
    view = show(check_claim("Anchorage", "Washington", "Beijing"))
    assert isinstance(view, ResultView) and "direct path's highest latitude" in view.text
    page = view._repr_html_()
    assert page.startswith("<pre") and "Verdict: ROUGHLY HALFWAY" in page and "<iframe srcdoc=" in page
    assert external_references(page) == []


def test_show_should_refuse_what_it_cannot_draw() -> None:
    from geo.errors import InvalidInputError

    with pytest.raises(InvalidInputError, match="cannot show a int"):
        show(3)


def test_load_ext_should_register_the_result_formatter() -> None:
    registered: dict[type, Any] = {}

    class Formatter:
        def for_type(self, kind: type, func: Any) -> None:
            registered[kind] = func

    class Display:
        def __init__(self) -> None:
            self.formatters = {"text/html": Formatter()}

    class IPython:
        def __init__(self) -> None:
            self.display_formatter = Display()

    load_ipython_extension(IPython())
    from geo.analysis.check import CheckResult
    from geo.analysis.route import Journey

    assert registered[CheckResult] is result_html and Journey in registered
