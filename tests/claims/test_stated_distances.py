"""Reading rules learnt from tests/corpus/fresh4.jsonl: distances written as numbers, quoted
nicknames, a pronoun after a paragraph's opening subject, and function words of other languages.

Each test uses a sentence of that corpus (its record id in a comment); the distances are checked
against GeographicLib, independently of the product's geodesy.
"""

from __future__ import annotations

from reference import km

from geo.claims.article import check_article

KEARNEY, SAN_FRANCISCO, BOSTON = (40.6995, -99.0815), (37.7749, -122.4194), (42.3601, -71.0589)


def test_the_same_distance_from_both_places_is_an_equal_distance_claim_with_the_stated_figure() -> None:
    # sonoflibertywalk-1733-ranch-kearney (the venue is the town of the sentence before)
    text = (
        "Nearing Kearney I passed a historical sign about a very large ranch that had once been located "
        "there. It was named “1733 Ranch” because it was 1,733 miles from both San Francisco and Boston "
        "which means I’m now over halfway finished."
    )
    (claim,) = check_article(text).claims
    assert claim.venue == "Kearney" and set(claim.between) == {"San Francisco", "Boston"}
    assert claim.reading == "equal distance" and not claim.ambiguous
    assert "1,733 miles (2,789 km) to each" in claim.note  # 1,733 × 1.609344 = 2,788.9
    by_name = {p.name: p.distance_km for p in claim.result.parties}
    assert abs(by_name["San Francisco"] - km(KEARNEY, SAN_FRANCISCO)) < 5  # the gazetteer's points
    assert abs(by_name["Boston"] - km(KEARNEY, BOSTON)) < 5


def test_a_stated_distance_that_does_not_fit_the_place_read_makes_the_claim_unsure() -> None:
    # historynebraska-kearney-midway-city-1733: "Frisco" is San Francisco, not Frisco, Texas
    text = (
        "Back in the days of the Lincoln Highway (present day U.S. 30), a road sign boasted that Kearney was "
        "“1733 miles to Frisco, 1733 miles to Boston.”"
    )
    (claim,) = check_article(text).claims
    assert set(claim.between) == {"Frisco", "Boston"} and claim.ambiguous
    frisco_tx = next(p for p in claim.result.parties if p.name.startswith("Frisco"))
    assert km(KEARNEY, (frisco_tx.lat, frisco_tx.lon)) < 1000 < 2789 / 2  # far under the stated distance
    assert "does not fit the place read: Frisco, TX" in claim.note
    assert "Boston" not in claim.note.split("does not fit")[1]  # 2,392 km by geodesic: a road can wind so


def test_two_different_stated_distances_claim_nothing_and_nearly_equal_ones_do() -> None:
    # arikinz-taupo-middle-of-north-island ("3 1/2 hours’ drive from Auckland and 4 1/2 hours’ drive
    # from Wellington") states two different distances: no equal-distance claim
    assert check_article("Lyon is 30 km from Vienne and 50 km from Mâcon.").claims == ()
    # powerpictures-kearney-1733-1773-halfway-journey: 1733 and 1773 differ by 2 %
    (claim,) = check_article("Kearney is 1733 mi from San Francisco and 1773 from Boston.").claims
    assert claim.reading == "equal distance" and "1733 and 1773 mi" in claim.note


def test_a_range_of_distances_to_a_list_is_an_equal_distance_claim_and_se_is_no_place() -> None:
    # hobbyocio-zaragoza-300-325-km-cuatro-ciudades-es: the venue is not named ("Se encuentra"), so the
    # claim is listed, not read with the Portuguese town Sé as its venue
    text = (
        "Se encuentra en una zona peninsular relativamente céntrica con respecto a las grandes ciudades "
        "españolas; lo que la sitúa entre los 300 y 325 kilómetros de Madrid, Barcelona, Valencia y Bilbao."
    )
    report = check_article(text)
    assert report.claims == () and len(report.unresolved) == 1
    assert all(p.name != "Sé" for p in report.places)
    (claim,) = check_article(text.replace("Se encuentra", "Zaragoza está")).claims
    assert claim.venue == "Zaragoza" and len(claim.between) == 4
    assert "300 to 325 kilómetros (300 to 325 km) to each" in claim.note
    zaragoza = (41.6488, -0.8891)
    references = {  # city centres; the straight lines are 245–275 km, under the road distances stated
        "Madrid": (40.4168, -3.7038),
        "Barcelona": (41.3874, 2.1686),
        "Valencia": (39.4699, -0.3763),
        "Bilbao": (43.2630, -2.9350),
    }
    for party in claim.result.parties:
        assert abs(party.distance_km - km(zaragoza, references[party.name])) < 5


def test_a_quoted_nickname_is_no_place() -> None:
    # nebraskaland-earney-midway-city-scan: "Midway City" is Kearney's slogan (also a town in California)
    text = (
        'earney has long promoted itself as the "Midway City" located halfway between the coasts, exactly '
        "1,733 miles from both Boston and San Francisco."
    )
    report = check_article(text)
    assert all(c.venue != "Midway City" for c in report.claims)
    assert all(p.name != "Midway City" for p in report.places)


def test_it_refers_to_the_subject_that_opens_an_earlier_sentence() -> None:
    # anewdaywithbetty-kettleman-halfway-la-sacramento: "it" is Kettleman City (a small town), not Fresno
    text = (
        "Kettleman City is about 225 miles or so south of Sacramento on I-5 and Highway 41.  41 goes from "
        "Yosemite, through Fresno in the Central California Valley and ends at Highway 1 in Morro Bay.  We "
        "kinda consider it the halfway point between Los Angeles and Sacramento."
    )
    (claim,) = check_article(text).claims
    assert claim.venue == "Kettleman City" and "subject of an earlier sentence" in claim.note
    venue = claim.result.venue
    assert km((venue.lat, venue.lon), (36.0083, -119.9618)) < 5  # GeoNames' Kettleman City


def test_the_pronoun_i_is_no_first_name() -> None:
    # sonoflibertywalk-1733-ranch-kearney: "Nearing Kearney I passed" names Kearney
    assert [p.name for p in check_article("Nearing Kearney I passed a sign.").places] == ["Kearney"]


def _reasons(text: str) -> list[str]:
    report = check_article(text)
    assert report.claims == ()
    return [u.reason for u in report.unresolved]


def test_halfway_along_a_route_named_before_is_checked_on_that_route() -> None:
    (claim,) = check_article(
        "We drove from Sydney to Melbourne in a day. Albury sits about halfway along the route."
    ).claims
    assert claim.venue == "Albury" and set(claim.between) == {"Sydney", "Melbourne"}
    assert "read as the route Sydney–Melbourne" in claim.note


def test_halfway_along_an_unnamed_or_named_route_and_one_ended_ways_are_listed_not_dropped() -> None:
    # odt-dessert-road-ferris-wheel-halfway: no route named before
    (reason,) = _reasons("There is also a rather incongruous abandoned Ferris wheel halfway along the route.")
    assert reason.startswith("no parties")
    # englandrover-swindon-midway-london-cardiff-gwr: a named route is not the route named before; since
    # stop 22 a route of data/routes.csv is read between its own ends, with no verdict
    text = (
        "Swindon is a large town around midway between London and Cardiff. Swindon’s location around midway "
        "along the Great Western main line made it the natural choice for Swindon Works."
    )
    first, second = check_article(text).claims
    assert first.sentence.startswith("Swindon is a large town") and not first.ambiguous
    assert second.read_as[1:] == ("London Paddington", "Bristol Temple Meads") and second.ambiguous
    (listed,) = _reasons("Swindon lies midway along the Old Roman Road.")
    assert "'midway along the Old Roman Road' names a route, not its two ends" in listed
    # bild-ingolstadt-auf-halbem-weg-nach-nuernberg-de: one end only
    (reason,) = _reasons("München – Ingolstadt ist viel mehr als nur der Ort auf halbem Weg nach Nürnberg.")
    assert "names one end of the way only" in reason
    # furthestsense-tucumcari-family-meeting-halfway: the idiom
    (reason,) = _reasons("Looking on the Road atlas maps, the family agreed on meeting halfway.")
    assert "figure of speech" in reason


def test_halfway_through_a_season_is_neither_a_claim_nor_listed() -> None:
    report = check_article("We drove from Sydney to Melbourne. Halfway through the season, Albury won.")
    assert report.claims == () and report.unresolved == ()


def test_abbreviated_fort_mount_and_saint_are_spelled_out() -> None:
    # foxsports1510-midland-named-halfway: "Ft. Worth" is Fort Worth, Texas
    (claim,) = check_article("Midland is named because it is halfway between El Paso and Ft. Worth.").claims
    assert claim.read_as == (
        "Midland, TX, United States",
        "El Paso, TX, United States",
        "Fort Worth, TX, United States",
    )
    (claim,) = check_article("Ft. Worth is about halfway between Austin and Oklahoma City.").claims
    assert claim.read_as[0] == "Fort Worth, TX, United States"


def test_either_or_and_equal_travel_times_and_a_state_after_the_town() -> None:
    # uniwuerzburg-120-km-frankfurt-nuremberg: Bavaria only says where Würzburg is
    text = (
        "Würzburg is a city of approximately 130,000 inhabitants, located in the northern part of Bavaria, "
        "approximately 120 kilometers distant from either Frankfurt or Nuremberg."
    )
    (claim,) = check_article(text).claims
    assert claim.venue == "Würzburg" and claim.between == ("Frankfurt", "Nuremberg")
    assert "120 kilometers (120 km) to each" in claim.note
    d = {p.name: p.distance_km for p in claim.result.parties}
    assert abs(d["Frankfurt am Main"] - km((49.7913, 9.9534), (50.1109, 8.6821))) < 5
    # saulieu-coeur-bourgogne-deux-heures-fr: "à deux heures de Paris et de Lyon"
    (claim,) = check_article("Saulieu est située à deux heures de Paris et de Lyon.").claims
    assert claim.between == ("Paris", "Lyon") and claim.reading == "equal distance"
    # arikinz-taupo-middle-of-north-island: two different travel times are no equal-distance claim
    text = "Taupō is approximately 3 1/2 hours’ drive from Auckland and 4 1/2 hours’ drive from Wellington."
    assert check_article(text).claims == ()


def test_french_travel_times_and_a_list_followed_by_other_figures() -> None:
    # chambredhote-montelimar-1h30-fr
    (claim,) = check_article(
        "À 1h30 de Lyon et Marseille, Montélimar est la deuxième ville de la Drôme."
    ).claims
    assert claim.venue == "Montélimar" and claim.between == ("Lyon", "Marseille")
    # ecultura-pombal-150km-pt: "a 33km de Coimbra" after the list is another figure, not the list's
    text = (
        "A cidade de Pombal (sede do concelho) encontra-se a cerca de 150km das cidades de Lisboa e Porto, "
        "a 33km de Coimbra, a 26km de Leiria e a 30km da Figueira da Foz."
    )
    (claim,) = check_article(text).claims
    assert claim.venue == "Pombal" and claim.read_as[1:] == ("Lisbon, Portugal", "Porto, Portugal")
    pombal = (39.9162, -8.6279)
    d = {p.name: p.distance_km for p in claim.result.parties}
    assert (
        abs(d["Lisbon"] - km(pombal, (38.7223, -9.1393))) < 5
        and abs(d["Porto"] - km(pombal, (41.1579, -8.6291))) < 5
    )
    for text in (
        "Lyon is 30 km from Vienne and 50 km from Mâcon.",
        "Lyon is 30 km from Vienne, 50 km from Mâcon.",
    ):
        assert check_article(text).claims == ()
