"""Reading rules of stop 22 for halfway claims, each from a tuning corpus sentence (record id in a
comment): asides between the parties, a verb capitalised after a name, a list item that refines the
one before it, and a place that says where a party lies."""

from __future__ import annotations

from reference import km

from geo.claims.article import check_article

DAYTON, CINCINNATI, MIDDLETOWN_OH = (39.7589, -84.1916), (39.1271, -84.5144), (39.5151, -84.3983)


def test_an_aside_between_the_parties_does_not_end_them() -> None:
    # slovar-vocab-britannica-middletown-ny-ohio (fresh6, tuning part)
    text = (
        "Middletown, Ohio. Founded in 1802, it was named for its location midway between Dayton "
        "(35 mi north) and Cincinnati (25 mi south)."
    )
    (claim,) = check_article(text).claims
    assert claim.between == ("Dayton", "Cincinnati")
    venue = claim.result.venue
    assert km((venue.lat, venue.lon), MIDDLETOWN_OH) < 5
    # Middletown lies 2/5 of the way: the check's distances are GeographicLib's
    a, b = claim.result.parties
    assert abs(a.distance_km - km((venue.lat, venue.lon), (a.lat, a.lon))) < 1e-6
    assert km((a.lat, a.lon), DAYTON) < 5 and km((b.lat, b.lon), CINCINNATI) < 5


def test_a_long_parenthesis_still_ends_the_parties() -> None:
    # an aside of more than MAX_PARTY_ASIDE_CHARS (60) characters is a clause of its own
    text = (
        "Nhill is halfway between Adelaide (the capital of South Australia, which has a long and wild "
        "southern coast) and Perth."
    )
    report = check_article(text)
    assert all("Perth" not in claim.between for claim in report.claims)


def test_a_capitalised_verb_after_a_name_is_no_part_of_it() -> None:
    # skyscraperpage-cleveland-halfway-chicago-new-york (fresh6, tuning part)
    text = (
        "Every Convention & Visitor's Bureau in the Midwest makes this same claim. The position that "
        "Cleveland Enjoyed for about 100 years was that it was the halfway point between Chicago and New "
        "York City."
    )
    (claim,) = check_article(text).claims
    assert claim.venue == "Cleveland"


def test_a_refined_list_item_stands_for_the_one_before_and_a_setting_is_no_venue() -> None:
    # meioambiente-tristao-meio-pt (fresh): "o Brasil, precisamente o Rio de Janeiro" is one party, and
    # "a Cidade do Cabo na África" says where Cape Town lies: Africa is not the venue
    text = (
        "É uma ilha que fica no meio do Oceano Atlântico entre o Brasil, precisamente o Rio de Janeiro "
        "(3.340 quilômetros) e a Cidade do Cabo na África ( 2.800 quilômetros)."
    )
    report = check_article(text)
    assert all(claim.venue != "África" for claim in report.claims)
    assert all(len(claim.between) == 2 for claim in report.claims)
