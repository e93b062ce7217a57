"""The "Show zones" switch of the dashboard's views with a map, run headless with Streamlit's AppTest.

The venue's distances to the zones' edges are checked against :func:`geo.analysis.zones.position`
computed here, and the edge point it names against GeographicLib (apptest.gl_km).
"""

from __future__ import annotations

import pytest
from apptest import gl_km, open_view, page_text
from streamlit.testing.v1 import AppTest

from geo.analysis.zones import halfway_zones, position
from geo.places.resolve import resolve

ZONE_NOTE = "Zones: where the rule holds"  # the map's note when it draws zones
ANCHORAGE = (61.21806, -149.90028)  # the gazetteer's Anchorage, as in test_app_robust


def map_html(at: AppTest) -> str:
    (frame,) = at.get("iframe")
    return str(frame.proto.srcdoc)


def zone_sentences(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown if m.value.startswith("Zones:")]


def link_notice(at: AppTest) -> list[str]:
    return [w.value for w in at.warning if "link" in w.value]


@pytest.fixture(scope="module")
def seed_positions() -> list[tuple[bool, float, float, float]]:
    """(inside, edge km, edge lat, edge lon) of Anchorage for each zone of Washington–Beijing."""
    zs = halfway_zones(resolve("Washington"), resolve("Beijing"))
    venue = resolve("Anchorage")
    assert (venue.lat, venue.lon) == pytest.approx(ANCHORAGE, abs=1e-4)
    out = []
    for zone in zs.zones:
        p = position(zone, venue.lat, venue.lon)
        out.append((p.inside, p.edge_km, p.edge_lat, p.edge_lon))
    return out


def test_zones_are_off_by_default_and_the_switch_turns_them_on() -> None:
    at = open_view("Check a claim")
    assert at.toggle(key="zones").value is False
    assert zone_sentences(at) == []
    assert ZONE_NOTE not in map_html(at)
    at.toggle(key="zones").set_value(True).run()
    assert not at.exception
    assert len(zone_sentences(at)) == 1
    html = map_html(at)
    assert ZONE_NOTE in html and "roughly-halfway zone" in html and "equal-distance band" in html
    at.toggle(key="zones").set_value(False).run()
    assert zone_sentences(at) == [] and ZONE_NOTE not in map_html(at)


def test_a_link_with_zones_true_gives_the_seed_card_sentence_with_the_exact_distances(
    seed_positions: list[tuple[bool, float, float, float]],
) -> None:
    at = open_view("Check a claim", zones="true")
    assert at.toggle(key="zones").value is True
    (halfway, roughly, band) = seed_positions
    assert (halfway[0], roughly[0], band[0]) == (False, True, False)  # outside, inside, outside
    # the edge point found is as far from Anchorage as said (an independent geodesic)
    for _, km, lat, lon in seed_positions:
        assert gl_km(ANCHORAGE, (lat, lon)) == pytest.approx(km, abs=0.01)
    expected = (
        f"Zones: Anchorage is {halfway[1]:,.0f} km outside the halfway zone; inside the "
        f"roughly-halfway zone, {roughly[1]:,.0f} km from its edge; {band[1]:,.0f} km outside the "
        "equal-distance band."
    )
    assert expected == (
        "Zones: Anchorage is 269 km outside the halfway zone; inside the roughly-halfway zone, "
        "720 km from its edge; 203 km outside the equal-distance band."
    )
    assert zone_sentences(at) == [expected]
    (card,) = [c.value for c in at.code if "Verdict: ROUGHLY HALFWAY" in c.value]
    assert card.endswith("\n" + expected)
    assert "Verdict: ROUGHLY HALFWAY" in page_text(at)
    assert ZONE_NOTE in map_html(at)
    assert not link_notice(at) and not at.error


def test_the_sentence_follows_the_venue_and_the_zones_follow_the_thresholds() -> None:
    at = open_view("Check a claim", zones="true")
    at.text_input(key="venue").set_value("Reykjavik").run()
    assert not at.exception
    (sentence,) = zone_sentences(at)
    assert sentence.startswith("Zones: Reykjavík is ") and "Anchorage" not in sentence
    at.number_input(key="rd").set_value(30.0).run()  # a wider roughly-halfway zone
    at.number_input(key="rs").set_value(20.0).run()
    (wider,) = zone_sentences(at)
    assert wider != sentence and "Reykjavík" in wider
    details = [c.value for c in at.code if c.value.startswith("Zones between")]
    assert len(details) == 1 and "roughly-halfway zone (detour ≤ 30 % and split within 30–70 %)" in details[0]


@pytest.mark.parametrize("value", ["maybe", "2"])
def test_an_invalid_zones_value_in_the_link_is_reported_and_the_view_works(value: str) -> None:
    at = open_view("Check a claim", zones=value)
    assert link_notice(at) == [
        f"This page's link held values that cannot be used, so their defaults are shown: zones='{value}'"
    ]
    assert at.toggle(key="zones").value is False
    assert zone_sentences(at) == [] and ZONE_NOTE not in map_html(at)
    assert "Verdict: ROUGHLY HALFWAY" in page_text(at)


def test_nearly_antipodal_parties_give_one_inline_error_and_the_verdict_and_map_stay() -> None:
    at = open_view("Check a claim", zones="true", venue="0,90", a="0,0", b="0.5,179.8")
    errors = [e.value for e in at.error]
    assert len(errors) == 1 and errors[0].startswith("No zones: ") and "nearly antipodal" in errors[0]
    assert "\n" not in errors[0]
    assert "Verdict:" in page_text(at)
    assert zone_sentences(at) == []
    html = map_html(at)
    assert "L.map(" in html and ZONE_NOTE not in html


def test_compare_shows_the_minimax_zone_of_three_parties_and_the_halfway_zones_of_two() -> None:
    at = open_view("Compare venues", czones="true", parties="Washington\nBeijing\nMoscow")
    (details,) = [c.value for c in at.code if c.value.startswith("Zones between")]
    assert "5 % minimax zone (longest trip ≤" in details
    assert ZONE_NOTE in map_html(at) and not at.error
    at.radio(key="rank").set_value("minsum").run()
    (details,) = [c.value for c in at.code if c.value.startswith("Zones between")]
    assert "5 % minsum zone (weighted total distance ≤" in details
    at.text_area(key="parties").set_value("Washington\nBeijing").run()
    (details,) = [c.value for c in at.code if c.value.startswith("Zones between")]
    assert "- halfway zone (detour ≤ 5 %" in details


def test_fairest_has_a_within_percentage_in_the_link_and_refuses_one_out_of_range() -> None:
    at = open_view("Find the fairest venue", fzones="true", fwithin="10")
    assert at.number_input(key="fwithin").value == 10.0
    (details,) = [c.value for c in at.code if c.value.startswith("Zones between")]
    assert "10 % minimax zone" in details and "+ 10 %)" in details
    assert ZONE_NOTE in map_html(at) and not link_notice(at)
    at.number_input(key="fwithin").set_value(20.0).run()
    (details,) = [c.value for c in at.code if c.value.startswith("Zones between")]
    assert "20 % minimax zone" in details

    at = open_view("Find the fairest venue", fzones="true", fwithin="99")
    assert link_notice(at) == [
        "This page's link held values that cannot be used, so their defaults are shown: fwithin='99'"
    ]
    (details,) = [c.value for c in at.code if c.value.startswith("Zones between")]
    assert "5 % minimax zone" in details


def test_summits_and_article_views_say_where_the_venue_lies() -> None:
    expected = (
        "Zones: Anchorage is 269 km outside the halfway zone; inside the roughly-halfway zone, "
        "720 km from its edge; 203 km outside the equal-distance band."
    )
    for view, key in (("Historic summits", "szones"), ("Check an article", "azones")):
        at = open_view(view, **{key: "true"})
        assert zone_sentences(at) == [expected], view
        assert ZONE_NOTE in map_html(at), view
        assert not at.error, view


def test_the_journey_view_has_no_zones_switch() -> None:
    at = open_view("Plan the journey")
    assert [t for t in at.toggle if t.key and "zones" in t.key] == []
