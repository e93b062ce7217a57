"""Reading rules learnt from the tuning two-thirds of tests/corpus/fresh6.jsonl (its held-out third
is not read). Each test uses a sentence of that corpus (its record id in a comment)."""

from __future__ import annotations

from reference import km

from geo.claims.article import check_article


def test_a_misspelt_item_stops_a_list_rather_than_being_dropped() -> None:
    # studyoverseaschina-wuhan-equal-distance: before, two of four cities were dropped silently
    text = (
        "Wuhan city is located in Central China with equal distance from Beijing,Shunghai, Chongquing, "
        "and Guangzhou."
    )
    report = check_article(text)
    assert not report.claims
    (unresolved,) = report.unresolved
    assert "'Shunghai'" in unresolved.reason and "Shanghai, China" in unresolved.reason


def test_a_part_of_the_towns_country_after_in_only_says_where_it_is() -> None:
    text = "Wuhan is in Central China with equal distance from Beijing, Shanghai, Chongqing, and Guangzhou."
    (claim,) = check_article(text).claims
    assert claim.venue == "Wuhan" and len(claim.read_as) == 5
    wuhan, *cities = (claim.result.venue, *claim.result.parties)
    spread = [km((wuhan.lat, wuhan.lon), (c.lat, c.lon)) for c in cities]
    assert abs(claim.result.spread_km - (max(spread) - min(spread))) < 1e-6


def test_what_the_parties_are_comes_before_them() -> None:
    # go-canadatravel-red-deer-halfway-edmonton-calgary: Alberta is no third party
    text = (
        "Located halfway between the important Alberta urban centers of Edmonton and Calgary, Red Deer is "
        "a moderately sized city surrounded by wide fields."
    )
    (claim,) = check_article(text).claims
    assert claim.read_as == ("Red Deer, Canada", "Edmonton, Canada", "Calgary, Canada")
    # ... but "Las Vegas and the cities of Southern California" names Las Vegas first
    text = "Barstow is located about halfway between Las Vegas and the cities of Southern California."
    assert [c.read_as[1] for c in check_article(text).claims] in ([], ["Las Vegas, NV, United States"])


def test_a_country_holding_both_parties_is_not_between_them() -> None:
    # dieweltenbummler-mittelpunkt-der-niederlande: the subject of the page is the country, but the
    # point halfway between Amersfoort and Arnhem is not the Netherlands (read before as Amsterdam)
    text = (
        "Der geografische Mittelpunkt der Niederlande ist recht schnell erreicht und erklärt. Er befindet "
        "sich auf einem kleinen, sandigen Hügel inmitten eines Waldes nördlcih von Ede. Man könnte auch "
        "sagen, auf halber Strecke zwischen Amersfoort und Arnhem."
    )
    report = check_article(text)
    assert all(
        c.read_as[1:] != ("Amersfoort, The Netherlands", "Arnhem, The Netherlands") for c in report.claims
    )
    # stop 24: "Niederlande" is read as the country (not as Amsterdam), which no text subject can be
    # when it holds both parties: the sentence names no venue
    assert any(
        u.sentence.startswith("Man könnte") and u.reason.startswith("no venue") for u in report.unresolved
    )


def test_the_country_of_a_region_is_not_the_centre_of_the_region() -> None:
    # gpmetropole-centres-geographiques-regions-ign
    text = (
        "Où l’on découvre que la France est bien celle des villages : le centre de la Bretagne est ainsi "
        "situé à Saint-Caradec (Côtes d’Armor, 1 181 habitants)."
    )
    (claim,) = check_article(text).claims
    assert claim.venue == "Saint-Caradec" and claim.read_as[1] == "centre of Brittany"


def test_there_is_no_place_in_there_was() -> None:
    # rossrambles-kaikoura-earthquake-epicentre-half-way: "there was an earthquake" is no reference to a
    # place; "there" as a place still is ("Located halfway between A and B, there you find …" is rare)
    text = (
        "We drove on to Blenheim. In 2016 there was a magnitude 7.8 earthquake with an epicentre about "
        "half-way between Kaikoura and Christchurch."
    )
    report = check_article(text)
    assert all("'there' read as" not in c.note for c in report.claims)
