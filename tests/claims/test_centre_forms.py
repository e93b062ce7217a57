"""Claims that a place is the centre of an area, in the wordings real pages use (fresh2.jsonl)."""

from __future__ import annotations

import pytest
from reference import km

from geo.claims.article import check_article


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


# ---- longitudinal and latitudinal centres, coordinates as venues (fresh4.jsonl) ------------------
ATLAS_LON = -(96 + 48 / 60 + 35 / 3600)  # Atlas of Canada: the longitudinal centre, 96°48′35″W
ATLAS_LAT = 62.4  # and the latitudinal centre, 62°24′N


def test_winnipeg_at_the_longitudinal_centre_of_canada_is_judged_on_its_longitude() -> None:
    # saintarseny.ca: "It" is Winnipeg, named in the sentence before; Manitoba is only the complement
    text = (
        "The city of Winnipeg has a population of approximately 650,000 people. It is the capital city for "
        "the province of Manitoba and is situated at the longitudinal centre of Canada, i.e. right in the "
        "middle of the country (from East to West)."
    )
    (claim,) = check_article(text).claims
    assert claim.venue == "Winnipeg" and claim.holds == "yes"
    centre = claim.result.parties[0]
    assert centre.lon == pytest.approx(ATLAS_LON, abs=0.01)  # the middle meridian, at Winnipeg's foot point
    # the distance is the geodesic one to the nearest point of the meridian, not along the parallel
    assert centre.distance_km == pytest.approx(km((49.8844, -97.14704), (centre.lat, centre.lon)), abs=1e-3)
    assert 20 < centre.distance_km < 28


def test_a_meridian_written_in_the_text_is_the_venue_of_a_longitudinal_centre_claim() -> None:
    # a Wikipedia mirror of "Centre of Canada", with its citation marks
    text = (
        "The Rural Municipality of Taché, Manitoba, east of Winnipeg on the Trans-Canada Highway, has a "
        "sign at 96°48'35\"W that proclaims it the longitudinal centre of Canada.[1] The sign was upgraded "
        "with the opening of Centre of Canada Park in 2017.[2]"
    )
    (claim,) = check_article(text).claims
    assert claim.result.venue.lon == pytest.approx(ATLAS_LON, abs=1e-9)  # the sign's meridian
    assert claim.holds == "yes" and claim.result.parties[0].distance_km < 1  # Natural Earth: within 0.5 km
    assert claim.sentence.endswith("longitudinal centre of Canada.[1]")  # the next sentence is not its quote


def test_a_parallel_written_in_words_is_the_venue_of_a_latitudinal_centre_claim() -> None:
    text = (
        "[edit]The latitudinal centre of Canada (including islands, but excluding Canada's claim to the "
        "North Pole) is a line at 62 degrees 24 minutes North."
    )
    (claim,) = check_article(text).claims
    venue = claim.result.venue
    assert venue.lat == pytest.approx(ATLAS_LAT) and claim.holds == "yes"
    assert claim.result.parties[0].lat == pytest.approx(ATLAS_LAT, abs=0.01)
    # placed on the map at the point of the parallel nearest the centre of Canada's land
    assert -98 < venue.lon < -95


def test_this_spot_after_places_named_equally_often_is_no_venue() -> None:
    # mennotoba.com: "This spot" is the sign, described before the excerpt; not Vancouver
    text = (
        "I always felt like the drive to Vancouver would be a lot shorter, even as a crow flies, than a "
        "drive to St. John’s, Newfoundland. This spot is the longitudinal centre of Canada, NOT of the "
        "Trans-Canada Highway."
    )
    report = check_article(text)
    assert not report.claims
    assert any("This spot" in u.reason for u in report.unresolved)


@pytest.mark.parametrize(
    ("text", "lat", "lon"),
    [
        ("has a sign at 96°48'35\"W that", None, ATLAS_LON),
        ("Sitting at 96° 48’ 35” W, this spot", None, ATLAS_LON),
        ("The resulting location 62°24′N 096°28′W / 62.400°N 96.467°W is", 62.4, -(96 + 28 / 60)),
        ("is a line at 62 degrees 24 minutes North.", 62.4, None),
        ("at 33.87°S 151.21°E today", -33.87, 151.21),
    ],
)
def test_coordinates_are_read_from_text(text: str, lat: float | None, lon: float | None) -> None:
    from geo.claims.article import find_coordinates

    first = find_coordinates(text)[0]
    assert first.error == ""
    assert first.lat == (None if lat is None else pytest.approx(lat))
    assert first.lon == (None if lon is None else pytest.approx(lon))


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("at 95°N", "at most 90"),
        ("at 181°W", "at most 180"),
        ("at 62°75′N", "below 60"),
        ("a 90° turn", None),
    ],
)
def test_impossible_coordinates_are_refused_and_bare_degrees_are_none(text: str, why: str | None) -> None:
    from geo.claims.article import find_coordinates

    found = find_coordinates(text)
    if why is None:
        assert found == []
    else:
        assert why in found[0].error and found[0].lat is None and found[0].lon is None


def test_impossible_coordinates_leave_a_centre_claim_unchecked_with_the_reason() -> None:
    report = check_article("The sign at 196°48′W proclaims it the longitudinal centre of Canada.")
    assert not report.claims and "at most 180" in report.unresolved[0].reason
