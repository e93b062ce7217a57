"""Robustness of a verdict (geo.analysis.robust), against pyproj/GeographicLib and a brute force.

References are computed here independently: distances with GeographicLib, airports within
60 km by a plain loop over data/airports.csv, and every verdict by calling check_halfway on
each combination of points and limits.
"""

from __future__ import annotations

import csv
import itertools
from pathlib import Path

import pytest
from geographiclib.geodesic import Geodesic

from geo.analysis.check import HALFWAY, ROUGHLY, Thresholds, check_halfway
from geo.analysis.robust import (
    AIRPORT_RADIUS_KM,
    MAX_POINTS_PER_PLACE,
    check_robust,
    named_as_country,
    reasonable_points,
    threshold_steps,
)
from geo.core.geodesy import LatLon
from geo.errors import InvalidInputError
from geo.places.gazetteer import Place
from geo.places.resolve import resolve

G = Geodesic.WGS84
MM_KM = 1e-6
AIRPORTS_CSV = Path(__file__).resolve().parents[2] / "data" / "airports.csv"


def gl_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    return float(G.Inverse(lat1, lon1, lat2, lon2)["s12"]) / 1000


def large_airports_within(lat: float, lon: float, km: float) -> dict[str, float]:
    """IATA → GeographicLib km of every large airport within ``km``, by a plain loop over the CSV."""
    with AIRPORTS_CSV.open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r["type"] == "large_airport"]
    found = {r["iata"]: gl_km(lat, lon, float(r["lat"]), float(r["lon"])) for r in rows}
    return {code: d for code, d in found.items() if d <= km}


@pytest.fixture(scope="module")
def seed():
    return check_robust(resolve("Anchorage"), resolve("Washington"), resolve("Beijing"))


def test_should_try_the_large_airports_of_the_seed_case_within_60_km(seed) -> None:
    venue, washington, beijing = seed.venue, *seed.parties
    assert [p.label for p in venue.points] == ["city centre", "ANC"]
    assert {"IAD", "DCA", "BWI"} <= {p.label for p in washington.points}
    assert [p.label for p in beijing.points] == ["city centre", "PEK", "PKX"]
    for places in (venue, washington, beijing):
        ref = places.place
        expected = large_airports_within(ref.lat, ref.lon, AIRPORT_RADIUS_KM)
        airports = {p.label: p for p in places.points if p.kind == "airport"}
        assert set(airports) == set(expected), ref.name
        for code, option in airports.items():
            assert abs(option.offset_km - expected[code]) < MM_KM
        offsets = [p.offset_km for p in airports.values()]
        assert offsets == sorted(offsets)  # nearest first


def test_should_give_the_seed_robustness_line(seed) -> None:
    assert seed.summary == "ROUGHLY HALFWAY under all 90 combinations of points and thresholds (30 × 3)"
    assert seed.combinations == 90 == 2 * 5 * 3 * 3
    assert seed.robust and seed.counts == ((ROUGHLY, 90),)


def test_every_distance_of_the_table_is_a_wgs84_geodesic(seed) -> None:
    points = [{p.label: p for p in places.points} for places in (seed.venue, *seed.parties)]
    for row in seed.rows:
        v, a, b = (points[i][label] for i, label in enumerate(row.points))
        assert abs(row.party_km[0] - gl_km(a.lat, a.lon, v.lat, v.lon)) < MM_KM
        assert abs(row.party_km[1] - gl_km(b.lat, b.lon, v.lat, v.lon)) < MM_KM
        assert abs(row.direct_km - gl_km(a.lat, a.lon, b.lat, b.lon)) < MM_KM
        assert row.detour_pct == pytest.approx(100 * (sum(row.party_km) / row.direct_km - 1), abs=1e-9)


def brute_force(venue: str, a: str, b: str) -> tuple[list[str], object]:
    """Every verdict by check_halfway on each combination of points and limits, in the table's order."""
    r = check_robust(resolve(venue), resolve(a), resolve(b))
    options = [
        [Place(o.name, o.lat, o.lon, "point") for o in places.points] for places in (r.venue, *r.parties)
    ]
    verdicts = [
        check_halfway(v, pa, pb, step.thresholds).verdict
        for v, pa, pb in itertools.product(*options)
        for step in r.steps
    ]
    return verdicts, r


@pytest.mark.parametrize(
    ("venue", "a", "b"),
    [("Anchorage", "Washington", "Beijing"), ("Bern", "London", "Rome"), ("Paris", "London", "Geneva")],
)
def test_every_verdict_is_check_halfways_on_that_combination(venue: str, a: str, b: str) -> None:
    expected, r = brute_force(venue, a, b)
    assert [v for row in r.rows for v in row.verdicts] == expected
    assert r.verdict == check_halfway(resolve(venue), resolve(a), resolve(b)).verdict


def test_should_name_the_place_whose_point_decides_when_the_verdict_changes_between_points() -> None:
    # Bern–London 749 km from the city centre, 764 km from Heathrow: split 52.0/48.0 (halfway, ≤ 2.5
    # points off) against 52.5/47.5 (roughly); Luton 53.3/46.7. Rome's FCO never changes it.
    r = check_robust(resolve("Bern"), resolve("London"), resolve("Rome"))
    assert r.summary == (
        "HALFWAY with London (city centre, LGW, STN), ROUGHLY HALFWAY with London (LHR, LTN) under the "
        "stated limits; the limits ×0.8 and ×1.2 change 5 of the 10"
    )
    assert not r.robust and {v for v, _ in r.counts} == {HALFWAY, ROUGHLY}
    lhr = next(row for row in r.rows if row.points == ("city centre", "LHR", "city centre"))
    assert lhr.split == pytest.approx(764 / (764 + 691), abs=1e-3)
    assert lhr.verdicts[1] == ROUGHLY


def test_should_say_so_when_a_place_has_no_large_airport_within_60_km() -> None:
    bern = reasonable_points(resolve("Bern"), None)
    assert [p.label for p in bern.points] == ["city centre"]
    assert bern.notes == ("no large airport within 60 km of Bern",)
    assert large_airports_within(bern.place.lat, bern.place.lon, 60) == {}  # Zurich is ~95 km away


def test_should_add_the_seat_of_government_where_it_differs_from_the_capital() -> None:
    netherlands = reasonable_points(resolve("Netherlands"), LatLon(51.5074, -0.1278), toward_name="London")
    labels = [p.label for p in netherlands.points]
    assert labels[:2] == ["capital", "seat: The Hague"]
    assert {"centre of land", "nearest point", "AMS"} <= set(labels)
    seat = netherlands.points[1]
    assert abs(seat.offset_km - gl_km(52.37403, 4.88969, 52.07667, 4.29861)) < MM_KM
    assert "seat: The Hague" in [p.label for p in reasonable_points(resolve("Amsterdam"), None).points]
    assert all(p.kind != "seat" for p in reasonable_points(resolve("Washington"), None).points)


def test_a_country_named_as_a_country_is_an_area_with_its_nearest_point() -> None:
    assert named_as_country(resolve("China")) and named_as_country(resolve("USA"))
    assert not named_as_country(resolve("Beijing")) and not named_as_country(resolve("Washington"))
    china = reasonable_points(resolve("China"), LatLon(61.21806, -149.90028), toward_name="Anchorage")
    nearest = next(p for p in china.points if p.kind == "nearest")
    capital = china.points[0]
    assert abs(nearest.offset_km - gl_km(capital.lat, capital.lon, nearest.lat, nearest.lon)) < MM_KM
    # the nearest point of China to Anchorage is on its north-east border, nearer than Beijing
    assert gl_km(nearest.lat, nearest.lon, 61.21806, -149.90028) < gl_km(
        39.9042, 116.4074, 61.21806, -149.90028
    )


def test_a_venue_inside_a_party_country_leaves_its_nearest_point_out_and_says_so() -> None:
    usa = reasonable_points(resolve("USA"), LatLon(61.21806, -149.90028), toward_name="Anchorage")
    assert all(p.kind != "nearest" for p in usa.points)
    assert any("Anchorage lies inside United States" in n for n in usa.notes)


def test_an_area_without_an_outline_keeps_its_representative_point_and_says_so() -> None:
    r = check_robust(resolve("Azores"), resolve("North America"), resolve("Europe"))
    assert [p.label for p in r.venue.points] == ["representative point"]
    assert r.venue.notes == ("Azores is an island with no outline here: its representative point only",)
    for party in r.parties:
        assert [p.label for p in party.points] == ["representative point", "nearest point"]


def test_coordinates_and_airports_are_exact_points() -> None:
    assert [p.label for p in reasonable_points(resolve("61.2,-149.9"), None).points] == ["as given"]
    anc = reasonable_points(resolve("ANC"), None)
    assert [p.label for p in anc.points] == ["ANC"] and anc.notes == (
        "Ted Stevens Anchorage International Airport is an airport: the point only",
    )


def test_should_cap_the_points_of_a_place_and_name_what_it_left_out() -> None:
    # a country named as one: capital, centre of land, nearest point and its capital's airports
    usa = reasonable_points(resolve("USA"), LatLon(64.13548, -21.89541), toward_name="Reykjavík")
    assert len(usa.points) == MAX_POINTS_PER_PLACE
    assert any(
        n.startswith(f"at most {MAX_POINTS_PER_PLACE} points per place: left out BWI") for n in usa.notes
    )


def test_threshold_steps_scale_every_limit_and_refuse_a_bad_step() -> None:
    low, stated, high = threshold_steps(Thresholds(4.0, 0.02, 10.0, 0.05), 0.25)
    assert (low.label, stated.label, high.label) == ("×0.75", "stated", "×1.25")
    assert high.thresholds.roughly_detour_pct == pytest.approx(12.5)
    assert low.thresholds.halfway_split_tolerance == pytest.approx(0.015)
    for bad in (0, -0.1, 1.0, float("nan")):
        with pytest.raises(InvalidInputError, match="threshold step"):
            threshold_steps(None, bad)
