"""Claims that a place is the centre of an area, in the wordings real pages use (fresh2.jsonl)."""

from __future__ import annotations

import pytest
from geographiclib.geodesic import Geodesic

from geo.claims.article import check_article

G = Geodesic.WGS84


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    return G.Inverse(*a, *b)["s12"] / 1000


@pytest.mark.parametrize(
    ("text", "venue", "where"),
    [
        # archyworldys.com: "Bourges, the center of France, really?"
        ("Bourges, the center of France, really?", "Bourges", (47.0810, 2.3988)),
        # brandontourism.com: the Brandon of Manitoba, not the larger one in Florida
        (
            "Situated in the southwest corner of the province of Manitoba, Brandon is very close to the "
            "geographical centre of North America.",
            "Brandon",
            (49.8485, -99.9501),
        ),
        # beetravel.fr: Vesdun is a village of 600 people (a town of geo.places.towns)
        (
            "Ça n’a pas plu à Vesdun, une municipalité du Cher qui s’était autoproclamée centre de la "
            "France sans prendre en compte la Corse.",
            "Vesdun",
            (46.5400, 2.4300),
        ),
    ],
)
def test_a_centre_claim_reads_its_venue(text: str, venue: str, where: tuple[float, float]) -> None:
    (claim,) = check_article(text).claims
    place = claim.result.venue
    assert claim.venue == venue and km((place.lat, place.lon), where) < 15


def test_the_centre_of_a_city_is_not_a_claim_about_an_area() -> None:
    report = check_article("The hotel is in the center of Chicago, near the river.")
    assert not report.claims
