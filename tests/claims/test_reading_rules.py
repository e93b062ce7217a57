"""Reading rules learnt from the failures of tests/corpus/fresh3.jsonl (its confident misreads).

Each test uses a sentence of that corpus (its id in a comment) and asserts the reading: the venue,
the parties and whether the claim is reported with confidence.
"""

from __future__ import annotations

from reference import km

from geo.claims.article import Claim, check_article


def near(claim: Claim, venue: tuple[float, float], *parties: tuple[float, float], radius: float = 40) -> bool:
    """The claim's venue and parties lie within ``radius`` km of the expected points (parties as a set)."""
    r = claim.result
    if km((r.venue.lat, r.venue.lon), venue) > radius:
        return False
    got = [(p.lat, p.lon) for p in r.parties]
    return len(got) == len(parties) and all(any(km(g, p) <= radius for g in got) for p in parties)


FORT_COLLINS, CHEYENNE = (40.585, -105.084), (41.140, -104.820)
LEXINGTON_KY, FRANKFORT_KY = (38.040, -84.503), (38.201, -84.873)
MIDWAY_KY = (38.151, -84.684)


def test_a_state_after_a_town_says_which_town_and_is_not_the_venue() -> None:
    # cyburbia-wellington-halfway-towns: "Colorado" qualifies Wellington (not NZ's capital), it is no venue
    text = (
        "For instance, there has been a great deal of growth recently in Wellington, Colorado, which is "
        "halfway between Fort Collins, Colorado and Cheyenne, Wyoming."
    )
    (claim,) = check_article(text).claims
    assert claim.venue == "Wellington, Colorado"
    assert near(claim, (40.704, -105.009), FORT_COLLINS, CHEYENNE)
    assert claim.holds == "no" and not claim.ambiguous  # 14 km from Fort Collins, 50 from Cheyenne


def test_a_town_in_a_state_where_no_such_town_is_known_is_not_read_as_its_namesake() -> None:
    # thegame730am-us20-newport-nebraska-halfway: Newport, Nebraska (97 people) is in no data set here;
    # it was read as Newport, Rhode Island with "Nebraska" as a third party and "US" as the venue
    text = (
        "The roadway is the longest US highway in the system. The halfway point is in the US.\n\n"
        "Halfway between Newport, Nebraska and Boston? You'll find it interestingly near the tripoint."
    )
    report = check_article(text)
    assert report.claims == ()
    assert any("Newport in Nebraska" in u.reason for u in report.unresolved)


def test_a_place_in_an_aside_is_not_the_venue() -> None:
    # outanabout-nhill-half-way-adelaide-melbourne: "(near Horsham)" only says where Nhill is
    text = "Nhill (near Horsham) is exactly half way between Adelaide and Melbourne on the Western Highway."
    (claim,) = check_article(text).claims
    assert claim.venue == "Nhill"
    assert near(claim, (-36.333, 141.650), (-34.929, 138.601), (-37.814, 144.963))
    assert claim.holds in ("yes", "roughly")


def test_two_claims_with_one_subject_share_the_venue_and_the_names_are_read_together() -> None:
    # woodfordsun-midway-halfway-lexington-frankfort: "It" is Midway, Kentucky (not the atoll), Frankfort
    # the one in Kentucky (not South Africa); the second claim's venue is not the first one's party
    text = (
        "Bill Penn began with the most oft answered question asked about Midway: "
        "“Why is it called ‘Midway?”\n\n"
        "1. It is both halfway between Lexington and Frankfort and halfway between a potential line from "
        "Georgetown and Versailles. Midway was the first town in Kentucky founded by a railroad."
    )
    first, second = check_article(text).claims
    assert near(first, MIDWAY_KY, LEXINGTON_KY, FRANKFORT_KY)
    assert near(second, MIDWAY_KY, (38.210, -84.559), (38.053, -84.730))  # Georgetown KY, Versailles KY
    assert not first.ambiguous and not second.ambiguous
    assert "read together" in first.note


def test_a_reading_scattered_over_countries_with_no_backing_is_doubtful_not_confident() -> None:
    # fresh2 encantoviajero-talavera-mitad-camino-es with a town no Spanish place is named after (Talavera
    # is now read as Talavera de la Reina, whose short name it is: test_stop25_rules): Cartago read as the
    # one in Colombia, a +4,024 % detour between Madrid and Seville; the names fit together elsewhere
    # (Madrid, Sevilla and Cartago in Colombia), but the text names no region that tells
    text = "Situada a mitad de camino entre Madrid y Sevilla, Cartago nos recibe con sus cerámicas."
    (claim,) = check_article(text).claims
    assert claim.ambiguous
    assert "doubtful reading" in claim.note


def test_a_false_claim_within_one_country_stays_false() -> None:
    # fresh friendemic-halfway-mark-two-cities: Redding is not halfway between Los Angeles and San
    # Francisco; no namesake elsewhere excuses a reading whose places all lie in one country
    text = "For example, Redding, California is halfway between Los Angeles and San Francisco."
    (claim,) = check_article(text).claims
    assert claim.holds == "no" and not claim.ambiguous


def test_the_equally_distant_town_named_for_it_is_read_in_its_state() -> None:
    # owiki-midway-ky-equally-distant: "Frankfort, Kentucky" named before; "It" is Midway
    text = (
        "Midway was the first town built by a railroad company in Kentucky, established by the Lexington "
        "and Ohio Railroad. The L&O were building a line between Frankfort, Kentucky and Lexington, starting "
        "in 1831. It was named Midway due to being equally distant from Frankfort and Lexington."
    )
    claims = [c for c in check_article(text).claims if c.kind == "equidistant"]
    (claim,) = claims
    assert near(claim, MIDWAY_KY, FRANKFORT_KY, LEXINGTON_KY)
    assert not claim.ambiguous


def test_midway_by_road_between_is_a_claim() -> None:
    # pocketoz-tennant-creek-midway-by-road: "by road" between the claim words and "between"
    text = (
        "Midway by road between Alice Springs and Darwin, Tennant Creek is known as the Territory s heart "
        "of gold."
    )
    (claim,) = check_article(text).claims
    assert claim.kind == "midway" and claim.venue == "Tennant Creek"
    assert near(claim, (-19.650, 134.192), (-23.698, 133.881), (-12.463, 130.842))
    assert claim.holds == "no"  # 995 km from Darwin, 503 km from Alice Springs, as the page itself says


def test_equal_distance_between_the_two_reads_the_two_places_named_before() -> None:
    # straightdope-fredericksburg-equal-distance: "the two" with no noun = the two capitals named before
    text = (
        "During the American Civil War, the capital of the Confederate States of America was located in "
        "Richmond, VA. The capital of the United States was located in Washington, DC. The distance between "
        "the two is only about 100 miles. Unfortunately, Fredericksburg, VA (my home town) was about equal "
        "distance between the two and so got the living hell kicked out of it, but that’s another story."
    )
    (claim,) = check_article(text).claims
    assert claim.kind == "equidistant" and claim.venue == "Fredericksburg"
    assert near(claim, (38.303, -77.461), (37.541, -77.436), (38.895, -77.036))
    assert claim.holds in ("yes", "roughly")


def test_mittelpunkt_zwischen_is_a_midpoint_claim() -> None:
    # pegulm-halbem-weg-stuttgart-muenchen-de: "als Mittelpunkt zwischen München und Stuttgart"
    text = "Ulm liegt als Mittelpunkt zwischen München und Stuttgart an der Donau."
    (claim,) = check_article(text).claims
    assert claim.kind == "midpoint" and claim.venue == "Ulm"
    assert near(claim, (48.398, 9.992), (48.137, 11.575), (48.776, 9.183))
