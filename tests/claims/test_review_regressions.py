"""Regressions a reviewer found in the stop-20 reading rules (each input is theirs): the rules that
skip a place as the venue must not skip the real one, a town named like its region stays a town,
and long lists or coordinate runs stay cheap (checked by counting, not by timing)."""

from __future__ import annotations

import re

import pytest

from geo.claims import article
from geo.claims.article import check_article


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        (
            "Paris is far. The talks took place near Reykjavik, halfway between Washington and Moscow.",
            "Reykjavik",
        ),
        ("The summit was held near Geneva, halfway between Washington and Moscow.", "Geneva"),
        (
            "Tourists visiting Munich often forget that Bavaria lies halfway between Frankfurt and Vienna.",
            "Bavaria",
        ),
        (
            "While Sydney gets the attention, New South Wales is halfway between Brisbane and Melbourne.",
            "New South Wales",
        ),
        ("Nhill (near Horsham) is exactly half way between Adelaide and Melbourne.", "Nhill"),
    ],
)
def test_the_venue_is_not_skipped_as_a_place_that_only_locates_it(text: str, venue: str) -> None:
    (claim,) = check_article(text).claims
    assert claim.venue == venue


def test_a_town_named_like_its_region_stays_the_town_in_a_centre_claim() -> None:
    (claim,) = check_article("Krasnoyarsk is the geographic centre of Russia.").claims
    assert claim.read_as[0] == "Krasnoyarsk, Russia" and claim.result.venue.kind == "city"


def test_units_of_stated_figures() -> None:
    assert check_article("Kearney is 10 mi from Gibbon and 10 minutes from Elm Creek.").claims == ()
    (claim,) = check_article("Kearney is 1,733 miles (2,789 km) from Boston and San Francisco.").claims
    assert "the text gives 1,733 miles (2,789 km) to each" in claim.note


def test_a_list_is_read_item_by_item() -> None:
    (claim,) = check_article("Kearney is equidistant from Rome, Oslo, Lima and Cairo.").claims
    assert claim.between == ("Rome", "Oslo", "Lima", "Cairo")


def test_coordinates_are_looked_for_near_the_claim_words_only(monkeypatch: pytest.MonkeyPatch) -> None:
    spans: list[int] = []
    original = article.find_coordinates

    def counting(text: str, start: int = 0, end: int | None = None):  # type: ignore[no-untyped-def]
        spans.append((len(text) if end is None else end) - start)
        return original(text, start, end)

    monkeypatch.setattr(article, "find_coordinates", counting)
    text = "Winnipeg is the centre of Canada, " * 20 + "62°24′N 96°28′W, " * 3000 + "end."
    assert len(re.findall("centre", text)) == 20
    check_article(text)
    assert spans and max(spans) <= 2 * article.MAX_CLAUSE_CHARS + 200
