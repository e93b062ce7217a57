"""Regressions found by a helper that attacked the stop-22 rules (review of 366969b..783fe09): each
input gave a confident wrong answer, lost a right one, or took minutes before the fix."""

from __future__ import annotations

import pytest

from geo.claims.article import check_article


@pytest.mark.parametrize(
    "text",
    [
        "Nashville is the heart of the country music industry.",
        "Ohio is often said to represent the nation's middle class.",
        "Texas officials said Houston has the state's center-right voters.",
        "Austin, Texas, is the center of the state government.",
        "Unser Büro in Hamburg liegt mitten zwischen Alster und Elbe.",
        "Fans of Leeds United chose a pub halfway between Manchester and York.",
        "How Denver Needed a Venue Halfway Between Chicago and San Francisco",
        "Der Spitzberg liegt auf halbem Weg zwischen Tübingen und Rottenburg.",
    ],
)
def test_no_claim_is_checked(text: str) -> None:
    assert check_article(text).claims == ()


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        ("The talks were halfway between Madrid and Paris, in Bordeaux.", "Bordeaux"),
        ("Le sommet a eu lieu à mi-chemin entre Paris et Berlin, à Luxembourg.", "Luxembourg"),
        ("The conference was held halfway between Paris and Lyon, près de Dijon.", "Dijon"),
        (
            "Das Treffen fand auf halbem Weg zwischen Berlin und München statt, in der Nähe von Nürnberg.",
            "Nürnberg",
        ),
        ("Halfway between Paris and Lyon, near the lovely town of Auxerre, the delegates met.", "Auxerre"),
    ],
)
def test_the_venue_after_the_parties_is_kept(text: str, venue: str) -> None:
    (claim,) = check_article(text).claims
    assert claim.venue == venue


@pytest.mark.parametrize(
    ("text", "area"),
    [
        (
            "After leaving Oklahoma, the tour reached Austin, Texas, which lies near the center of the "
            "state.",
            "Texas",
        ),
        (
            "Flights from Ohio landed in Columbus, Georgia. Columbus is not in the center of the state.",
            "Georgia",
        ),
        ("Utica is near the center of the state of New York.", "New York"),
        ("Athlone lies at the heart of the Republic of Ireland.", "Republic of Ireland"),
    ],
)
def test_the_area_is_the_venues(text: str, area: str) -> None:
    (claim,) = check_article(text).claims
    assert claim.between == (area,)


@pytest.mark.parametrize(
    "text",
    [
        "Chile and Argentina share the Andes. Santiago lies in the centre of the country.",
        "Brussels hosted the EU summit. Delegates from Asia flew in. Brussels lies at the heart of the "
        "continent.",
        "Lebanon, Kansas is in the middle of the country.",
    ],
)
def test_an_area_named_before_that_does_not_hold_the_venue_gives_no_verdict(text: str) -> None:
    assert check_article(text).claims == ()


def test_a_town_named_before_in_its_state_names_the_state() -> None:
    text = (
        "The company was founded in California. Years later it moved to Utica, New York. Utica lies near "
        "the center of the state."
    )
    (claim,) = check_article(text).claims
    assert claim.between == ("New York",)


def test_a_different_claim_in_the_same_sentence_is_not_a_restatement() -> None:
    text = "Enna is the navel of Sicily, and Caltanissetta is also in the middle of the island."
    assert [c.venue for c in check_article(text).claims] == ["Enna", "Caltanissetta"]


def test_du_cap_is_cape_town_not_an_airport_code() -> None:
    (claim,) = check_article("Dakar se trouve à mi-chemin du Cap et de Lisbonne.").claims
    assert claim.read_as[1] == "Cape Town, South Africa"


def test_the_state_named_before_is_looked_for_in_bounded_time() -> None:
    # 3,000 "the centre of the state" with no state named: each looked back over every place (69 s)
    text = "".join(
        f"Paris, Lyon and Berlin met {i}. Lyon is the centre of the state {i}. " for i in range(3000)
    )
    report = check_article(text)
    assert report.claims == () and len(report.unresolved) == 3000


def test_the_last_item_of_a_list_keeps_its_whole_name() -> None:
    # "… and the Netherlands" was cut to "Netherl" (the span kept the length of the article-less name)
    text = "Utrecht is equidistant from London, Paris and the Netherlands."
    (claim,) = check_article(text).claims
    assert claim.between == ("London", "Paris", "Netherlands")


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (
            "Dakar est à mi-chemin entre le Brésil, plus précisément Recife, et Lisbonne.",
            ("Recife", "Lisbonne"),
        ),
    ],
)
def test_a_list_read_as_two_parties(text: str, parties: tuple[str, str]) -> None:
    (claim,) = check_article(text).claims
    assert claim.between == parties
