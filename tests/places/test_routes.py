"""Named routes (data/routes.csv) and claims about their middle ("the halfway point of the Lincoln
Highway"): the route's two ends are the parties; the straight-line figures are shown with no verdict,
since halfway along a road is not halfway on the line between its ends."""

from __future__ import annotations

import csv

import pytest
from reference import km

from geo.claims.article import check_article
from geo.places.gazetteer import data_dir
from geo.places.routes import find_route, routes


def test_every_route_has_two_distinct_ends_and_a_source() -> None:
    with (data_dir() / "routes.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == len(routes()) >= 15
    for route in routes():
        a, b = route.ends
        assert km((a.lat, a.lon), (b.lat, b.lon)) > 100, route.name
        assert route.source.startswith("Wikipedia"), route.name


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("the Trans Canada Highway", "Trans-Canada Highway"),
        ("I-5", "Interstate 5"),
        ("US-101", "U.S. Route 101"),
    ],
)
def test_a_route_by_any_of_its_names(name: str, expected: str) -> None:
    route = find_route(name)
    assert route is not None and route.name == expected


def test_the_halfway_point_of_a_named_route_is_checked_between_its_ends_with_no_verdict() -> None:
    text = "Kearney, Nebraska, is the halfway point of the Lincoln Highway."
    (claim,) = check_article(text).claims
    assert claim.venue.startswith("Kearney") and claim.between == ("New York City", "San Francisco")
    assert claim.ambiguous  # the road's course is not known: no verdict with confidence
    a, b = claim.result.parties
    venue = claim.result.venue
    assert abs(a.distance_km - km((venue.lat, venue.lon), (40.7143, -74.0060))) < 1e-6
    assert abs(b.distance_km - km((venue.lat, venue.lon), (37.7749, -122.4194))) < 1e-6


def test_a_part_of_a_route_is_not_the_route() -> None:
    # mdk10outside-halfway-points-i5-us101-california (fresh6, tuning part)
    text = "As a bonus, the halfway point for I-5 in CA is Los Banos or Firebaugh by mileage."
    report = check_article(text)
    assert not report.claims
    assert "a part of the route" in report.unresolved[0].reason


def test_a_route_claim_names_its_venue_in_the_sentence() -> None:
    # transcanadahighway-midpoint-at-batchwana-bay-mile-one-centre (fresh7, tuning part): Batchawana Bay
    # is not known; neither Sault Ste Marie (a reference point) nor Ontario (its province) is the venue
    text = "The midpoint of Trans-CanadaHighway is at Batchwana Bay, north of Sault Ste Marie, Ontario."
    assert not check_article(text).claims
