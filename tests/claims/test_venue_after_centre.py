"""Forms read at stop 21, each from a tuning corpus sentence (record id in a comment): a venue named
after "the centre of X lies at …", routes named as "between the two … centres of A and B", halfway
stops "for flights between A and B", and the everyday abbreviations LA / SF / Vegas."""

from __future__ import annotations

from reference import km

from geo.claims.article import MIDPOINT, check_article


def test_a_town_named_after_the_centre_is_the_venue() -> None:
    # lanazione-centro-ditalia-roma-torre-spaccata-narni
    (claim,) = check_article("Ma in realtà il vero centro geografico dell'Italia si trova a Narni.").claims
    assert claim.read_as[0].startswith("Narni")
    assert claim.reading == "at the midpoint"
    # Narni is the traditional centre of Italy; it lies near the centre of the land
    assert claim.holds in ("yes", "roughly")


def test_a_small_town_named_after_the_centre_is_the_venue() -> None:
    (claim,) = check_article("Le centre géographique de la France se situe à Bruère-Allichamps.").claims
    assert claim.venue == "Bruère-Allichamps"
    assert claim.read_as[0].startswith("Bruère-Allichamps")


def test_a_name_further_on_is_not_the_venue() -> None:
    # beetravel-centre-de-la-france-fr: "se situe à peu près sur… l’île de Sainte-Hélène" names the
    # island, which a French commune called Sainte-Hélène must not stand for
    text = (
        "Notez que tout est relatif : si on compte les territoires et les départements d’outre-mer, "
        "le centre de la France se situe à peu près sur… l’île de Sainte-Hélène."
    )
    report = check_article(text)
    assert not report.claims
    (unresolved,) = report.unresolved
    assert unresolved.kind == MIDPOINT and "no venue" in unresolved.reason


def test_an_area_after_the_centre_is_no_venue() -> None:
    report = check_article("The centre of Scotland is in Perthshire.")
    assert not report.claims and "no venue" in report.unresolved[0].reason


def test_a_route_named_as_the_two_centres_of_a_and_b() -> None:
    # southafrica-net-colesberg-historic-halfway-point
    text = (
        "When next you’re driving between the two major South African centres of Cape Town and "
        "Johannesburg, visit the historic halfway point: Colesberg."
    )
    (claim,) = check_article(text).claims
    assert claim.venue == "Colesberg"
    assert claim.read_as[1:] == ("Cape Town, South Africa", "Johannesburg, South Africa")


def test_a_halfway_stop_for_flights_between_a_and_b() -> None:
    text = "Gander was a halfway refuelling point for flights between New York and London."
    (claim,) = check_article(text).claims
    venue = claim.result.venue
    # Gander, Newfoundland (48.95 N, 54.61 W), not another Gander
    assert claim.venue == "Gander" and km((venue.lat, venue.lon), (48.95, -54.61)) < 20
    assert claim.read_as[1:] == ("New York City, NY, United States", "London, United Kingdom")
    assert not check_article("It was the halfway point for the season.").claims


def test_la_is_los_angeles_but_not_in_town_state() -> None:
    # taroona-paso-robles-half-way-la-sf
    text = "Next is Paso Robles - the Pass of the Oaks - half way between LA and San Francisco."
    (claim,) = check_article(text).claims
    assert claim.read_as[1:] == ("Los Angeles, CA, United States", "San Francisco, CA, United States")
    (claim,) = check_article("Lafayette, LA is halfway between Houston and New Orleans.").claims
    assert claim.read_as[0] == "Lafayette, LA, United States"
