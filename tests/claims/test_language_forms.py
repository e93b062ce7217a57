"""Equal-distance and centre wordings of French, Spanish, Portuguese, Italian and German, and German
place nouns before a name ("der Wirtschaftsraum Ulm"). Distances are checked against GeographicLib."""

from __future__ import annotations

import pytest
from reference import km

from geo.claims.article import check_article


@pytest.mark.parametrize(
    ("text", "venue", "parties"),
    [
        # catalunyadiari-madrid-equidistaba-puertos-es (fresh3), with two named ports
        (
            "Parecía que la humilde villa de Madrid equidistaba de Barcelona y Lisboa.",
            "Madrid",
            ("Barcelona", "Lisbon"),
        ),
        (
            "Bourges est à égale distance de Paris et de Clermont-Ferrand.",
            "Bourges",
            ("Paris", "Clermont-Ferrand"),
        ),
        ("Arezzo è alla stessa distanza da Firenze e Perugia.", "Arezzo", ("Florence", "Perugia")),
        ("Kassel liegt gleich weit von Hamburg und München entfernt.", "Kassel", ("Hamburg", "Munich")),
        ("Ciudad Real está a igual distancia de Madrid y Córdoba.", "Ciudad Real", ("Madrid", "Córdoba")),
    ],
)
def test_equal_distance_wordings(text: str, venue: str, parties: tuple[str, str]) -> None:
    (claim,) = check_article(text).claims
    assert claim.reading == "equal distance" and claim.venue == venue
    assert tuple(name.split(",")[0] for name in claim.read_as[1:]) == parties
    v = claim.result.venue
    for p in claim.result.parties:  # each distance is the geodesic one, within 1 mm
        assert abs(p.distance_km - km((v.lat, v.lon), (p.lat, p.lon))) < 1e-6


def test_a_german_place_noun_before_a_name_is_no_first_name() -> None:
    # pegulm-halbem-weg-stuttgart-muenchen-de (fresh3): "liegt der Wirtschaftsraum Ulm/ Neu-Ulm im Zentrum
    # Europas"; before, "Wirtschaftsraum" was read as a first name and Ulm was not a place
    text = "Durch die Ausdehnung Richtung Osteuropa liegt der Wirtschaftsraum Ulm im Zentrum Europas."
    (claim,) = check_article(text).claims
    assert claim.venue == "Ulm" and claim.read_as == ("Ulm, Germany", "centre of Europe")
    (claim,) = check_article("Die Landeshauptstadt Erfurt liegt in der Mitte Deutschlands.").claims
    assert claim.read_as == ("Erfurt, Germany", "centre of Germany")
    # a first name is still no place: "Paris Hilton" is no Paris, "Andrew Jackson" no Jackson
    assert [p.name for p in check_article("Andrew Jackson met Paris Hilton.").places] == []
