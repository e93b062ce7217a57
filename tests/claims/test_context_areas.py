"""Areas named by their kind ("the centre of the state", "the nation's middle"), read at stop 22, each
from a tuning corpus sentence (record id in a comment) or a variant of one; and the wordings of a
venue named after the centre that came with them ("to be in the community of", "estuvo marcado en",
"dell'Italia peninsulare si trova a")."""

from __future__ import annotations

from reference import km

from geo.claims.article import MIDPOINT, check_article

LEWISTOWN = (47.0625, -109.4282)  # Lewistown, Montana (GeoNames)


def test_the_state_is_the_state_named_before() -> None:
    # helenair-montana-center-not-where-folks-think-lewistown (fresh5, tuning part)
    text = (
        "Montana's center is not where folks think. Like many other Montanans, we believed the geographic "
        "center of the state to be in the community of Lewistown — first, under someone’s kitchen sink."
    )
    (claim,) = check_article(text).claims
    assert claim.venue == "Lewistown" and claim.between == ("Montana",)
    assert claim.reading == "at the midpoint"
    venue = claim.result.venue
    assert km((venue.lat, venue.lon), LEWISTOWN) < 1  # Montana's Lewistown, not Pennsylvania's
    centre = claim.result.parties[0]
    assert abs(centre.distance_km - km((venue.lat, venue.lon), (centre.lat, centre.lon))) < 1e-6


def test_a_town_named_with_its_state_names_the_state() -> None:
    text = "Lewistown, Montana. Many believe the geographic center of the state to be in Lewistown."
    (claim,) = check_article(text).claims
    assert claim.between == ("Montana",) and claim.venue == "Lewistown"


def test_the_state_of_x_is_x() -> None:
    (claim,) = check_article("Lewistown is the geographic center of the state of Montana.").claims
    assert claim.between == ("Montana",)
    assert claim.holds in ("yes", "roughly")


def test_the_state_with_no_state_named_is_listed_not_guessed() -> None:
    report = check_article("He says the geographic center of the state is in Lewistown.")
    assert not report.claims
    (unresolved,) = report.unresolved
    assert unresolved.kind == MIDPOINT and "state named before" in unresolved.reason


def test_the_nation_is_the_country_of_the_place_named_before() -> None:
    # visitbellefourche-center-of-the-nation (fresh3): the country of Belle Fourche, South Dakota
    text = "Belle Fourche, South Dakota holds the distinction of being “The Center of the Nation.”"
    (claim,) = check_article(text).claims
    assert claim.between == ("United States",)
    assert claim.venue.startswith("Belle Fourche")


def test_a_restated_centre_is_one_claim() -> None:
    text = "Winnipeg lies at the longitudinal centre of Canada, i.e. right in the middle of the country."
    assert len(check_article(text).claims) == 1


def test_the_town_of_x_names_a_place_and_refers_to_none() -> None:
    # texashillcountry-heart-of-texas-centers (fresh6, tuning part): "the town of Rochelle" is no
    # reference to the place named most (Eden); no venue is named, so the claim is listed
    text = (
        "The Texas Society of Professional Surveyors places the center of Texas 18.5 miles west-southwest "
        "of Eden. Eden is small. Adding to the confusion, the town of Rochelle boasts the Heart of Texas "
        "Park but a historical marker declaring the geographic center of the state is located in another "
        "spot entirely, between Brady and Brownwood."
    )
    report = check_article(text)
    assert all(claim.venue != "Eden" for claim in report.claims)


def test_a_longer_town_name_wins_over_the_city_inside_it() -> None:
    # "Broken Bow" is a town of Nebraska (GeoNames cities500); "Bow" alone is a town in England
    (claim,) = check_article("Welcome to Nebraska. Broken Bow is in the middle of the state.").claims
    assert claim.venue == "Broken Bow"
    venue = claim.result.venue
    assert km((venue.lat, venue.lon), (41.4019, -99.6393)) < 1


def test_a_qualified_area_and_spanish_marked_at() -> None:
    # lanazione-centro-ditalia-roma-torre-spaccata-narni (fresh5), tropter-piatek-centro-geometrico-polonia
    (narni,) = check_article(
        "Ma in realtà il vero centro geografico dell’Italia peninsulare si trova a Narni (escludendo le due "
        "isole maggiori)."
    ).claims
    assert narni.venue == "Narni"
    (piatek,) = check_article(
        "El centro geométrico de Polonia estuvo marcado en Piątek, un pueblo discreto que se encuentra "
        "entre Łódź y Kutno."
    ).claims
    assert piatek.venue == "Piątek" and piatek.holds in ("yes", "roughly")


def test_a_country_never_named_is_not_invented() -> None:
    report = check_article("He grew up in the middle of the country.")
    assert not report.claims
