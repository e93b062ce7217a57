"""Small towns (GeoNames 500+): the resolver's last resort and the venue of a claim about a route."""

from __future__ import annotations

import pytest
from reference import km

from geo.claims.article import check_article
from geo.core.geodesy import LatLon
from geo.places.resolve import resolve
from geo.places.towns import nearest_town, towns_named

# Published coordinates (Wikipedia infoboxes), independent of the embedded file.
GUNDAGAI = (-35.0653, 148.1056)
MEDINACELI = (41.1706, -2.4342)
SYDNEY, MELBOURNE = (-33.8688, 151.2093), (-37.8136, 144.9631)


@pytest.mark.parametrize(("name", "where"), [("Gundagai", GUNDAGAI), ("Medinaceli", MEDINACELI)])
def test_a_town_the_gazetteer_lacks_resolves_as_a_town(name: str, where: tuple[float, float]) -> None:
    place = resolve(name)
    assert place.kind == "town" and "GeoNames" in place.note
    assert km((place.lat, place.lon), where) < 3


def test_towns_never_shadow_the_gazetteer() -> None:
    assert resolve("Paris").kind == "capital" and resolve("Halifax").kind == "city"
    assert resolve("Hanover").kind == "city"  # Hannover, Germany, 500,000 people, not a town
    with pytest.raises(Exception, match="unknown place"):
        resolve("Qzxqzx")


def test_a_qualified_town_keeps_to_its_country() -> None:
    assert resolve("Hanover, South Africa").country == "ZA"
    assert resolve("Hanover, ZA").country == "ZA"
    assert {t.country for t in towns_named("Hanover", "ZA")} == {"ZA"}


def test_the_namesake_nearest_the_route_is_chosen_and_a_far_one_refused() -> None:
    johannesburg, cape_town = LatLon(-26.2041, 28.0473), LatLon(-33.9249, 18.4241)
    town = nearest_town("Hanover", johannesburg, cape_town)
    assert town is not None and town.country == "ZA"
    sydney, melbourne = LatLon(*SYDNEY), LatLon(*MELBOURNE)
    assert nearest_town("Hanover", sydney, melbourne, max_detour=0.5) is None  # none in Australia


def test_a_claim_about_a_small_town_is_checked_with_true_distances() -> None:
    text = "On the Murrumbidgee River, Gundagai is around halfway between Sydney and Melbourne."
    report = check_article(text)
    (claim,) = report.claims
    venue = claim.result.venue
    assert venue.name == "Gundagai" and km((venue.lat, venue.lon), GUNDAGAI) < 3
    for party in claim.result.parties:
        reference = km((party.lat, party.lon), (venue.lat, venue.lon))
        assert party.distance_km == pytest.approx(reference, abs=1e-6)


def test_a_capitalised_word_far_from_the_route_is_not_taken_for_a_town() -> None:
    report = check_article("Gundagai is halfway between Madrid and Zaragoza.")
    assert not report.claims  # the only Gundagai is in Australia: said, not guessed
    assert report.unresolved and "no venue" in report.unresolved[0].reason
