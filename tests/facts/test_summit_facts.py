"""Summit facts: neutrality, clock shifts, flight times, range, overflights — hand-checked cases."""

from __future__ import annotations

import dataclasses
import datetime as dt
import math

import pytest
from geographiclib.geodesic import Geodesic

from geo.analysis.check import check_halfway, with_facts
from geo.analysis.scoring import BLOCK_SPEED_KMH, FLIGHT_OVERHEAD_HOURS
from geo.errors import InvalidInputError
from geo.facts.summit import aircraft_for_parties, facts_for_venues, summit_facts
from geo.maps.plan import MapPoint
from geo.places.resolve import resolve
from geo.report.facts import facts_lines, leg_text

G = Geodesic.WGS84
MEETING_2021 = dt.date(2021, 3, 18)  # Blinken and Sullivan met Yang and Wang in Anchorage


def gl_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    return float(G.Inverse(lat1, lon1, lat2, lon2)["s12"]) / 1000


def test_anchorage_2021_is_not_neutral_and_shifts_beijing_by_16_hours() -> None:
    f = summit_facts(resolve("Anchorage"), [resolve("Washington"), resolve("Beijing")], on_date=MEETING_2021)
    assert f.date == "2021-03-18"
    assert (f.venue.country, f.venue.timezone, f.venue.utc_offset_hours) == ("US", "America/Anchorage", -8.0)
    assert f.neutral is False
    washington, beijing = f.parties
    assert (washington.country, washington.timezone, washington.utc_offset_hours) == (
        "US",
        "America/New_York",
        -4.0,
    )
    assert (beijing.country, beijing.timezone, beijing.utc_offset_hours) == ("CN", "Asia/Shanghai", 8.0)
    assert washington.clock_shift_hours == -4.0 and beijing.clock_shift_hours == -16.0
    assert beijing.overflies == ("CN", "RU", "US")
    assert all(p.nonstop is None and p.aircraft is None for p in f.parties)


def test_flight_time_is_the_compare_model_on_the_geographiclib_distance() -> None:
    venue, parties = resolve("Anchorage"), [resolve("Washington"), resolve("Beijing")]
    f = summit_facts(venue, parties, on_date=MEETING_2021)
    for p, facts in zip(parties, f.parties, strict=True):
        km = gl_km(p.lat, p.lon, venue.lat, venue.lon)
        assert facts.distance_km == pytest.approx(km, abs=1e-6)
        assert facts.flight_hours == pytest.approx(km / BLOCK_SPEED_KMH + FLIGHT_OVERHEAD_HOURS, abs=1e-12)
    assert round(f.parties[0].flight_hours, 1) == 7.2 and round(f.parties[1].flight_hours, 1) == 8.5


def test_singapore_2018_is_neutral_and_the_il_62m_makes_it_non_stop() -> None:
    f = summit_facts(
        resolve("Singapore"),
        [resolve("Pyongyang"), resolve("Washington")],
        on_date=dt.date(2018, 6, 12),
        aircraft=["il-62m", "vc-25a"],
    )
    assert f.venue.country == "SG" and f.neutral is True
    kim, trump = f.parties
    assert kim.utc_offset_hours == 9.0 and kim.clock_shift_hours == -1.0  # Singapore is UTC+8
    assert kim.nonstop is True and kim.aircraft == "il-62m" and kim.aircraft_range_km == 10_000
    assert kim.overflies == ("KP", "CN", "VN", "MY", "SG")
    # Washington-Singapore is ~15,550 km: beyond the VC-25A's published 12,553 km (it refuelled)
    assert trump.distance_km > 15_000 and trump.nonstop is False
    assert trump.clock_shift_hours == 12.0  # EDT UTC-4 to UTC+8


def test_a_dependency_is_not_neutral_for_its_sovereign() -> None:
    # Hong Kong is HK, but its sovereign is China
    f = summit_facts(resolve("Hong Kong"), [resolve("Beijing"), resolve("Washington")], on_date=MEETING_2021)
    assert f.venue.country == "HK" and f.venue.sovereign == "CN" and f.neutral is False
    # ... and the other way round: Greenland for Denmark
    f = summit_facts(resolve("Nuuk"), [resolve("Copenhagen"), resolve("Moscow")], on_date=MEETING_2021)
    assert f.venue.country == "GL" and f.venue.sovereign == "DK" and f.neutral is False
    f = summit_facts(resolve("Reykjavik"), [resolve("Washington"), resolve("Moscow")], on_date=MEETING_2021)
    assert f.venue.country == "IS" and f.neutral is True


def test_reclaimed_land_venue_and_airport_codes() -> None:
    f = summit_facts(resolve("HKG"), [resolve("Beijing")], on_date=MEETING_2021)
    assert f.venue.country == "HK" and f.venue.timezone == "Asia/Hong_Kong"
    f = summit_facts(resolve("Sentosa=1.2494,103.8303"), [resolve("Washington")], on_date=MEETING_2021)
    assert f.venue.country == "SG" and 0 < (f.venue.country_distance_km or 0) < 5


def test_an_airport_off_the_polygons_keeps_its_gazetteer_country() -> None:
    # Matsu Nangan (LZN) is Taiwan's; the 1:10m layer lacks the islet and China's coast is nearer.
    f = summit_facts(resolve("LZN"), [resolve("Beijing")], on_date=MEETING_2021)
    assert f.venue.country == "TW" and f.venue.country_distance_km is None and f.neutral is True


def test_a_venue_at_sea_has_no_country_and_a_nautical_time_zone() -> None:
    f = summit_facts(resolve("Ship=30,-40"), [resolve("Washington"), resolve("Moscow")], on_date=MEETING_2021)
    assert f.venue.country is None and f.venue.country_name is None
    assert f.venue.timezone == "Etc/GMT+3" and f.venue.utc_offset_hours == -3.0
    assert f.neutral is True
    assert f.parties[0].overflies is not None and f.parties[0].overflies[0] == "US"


def test_a_party_at_the_venue_and_an_antipodal_party() -> None:
    f = summit_facts(resolve("Geneva"), [resolve("Geneva"), resolve("Wellington")], on_date=MEETING_2021)
    home, far = f.parties
    assert home.distance_km == 0.0 and home.flight_hours == 0.0 and home.overflies == ("CH",)
    assert home.clock_shift_hours == 0.0
    assert far.overflies is not None and far.overflies[0] == "NZ" and far.overflies[-1] == "CH"
    f = summit_facts(resolve("Antipode=-45,179.572719"), [resolve("Origin=45,0")], on_date=MEETING_2021)
    assert f.parties[0].overflies is None  # no unique path
    assert math.isfinite(f.parties[0].flight_hours)


def test_aircraft_count_must_fit_the_parties() -> None:
    assert len(aircraft_for_parties(None, 3)) == 3
    with pytest.raises(InvalidInputError, match="got 2 aircraft for 3 parties"):
        aircraft_for_parties(["vc-25a", "il-62m"], 3)
    with pytest.raises(InvalidInputError, match="unknown aircraft"):
        summit_facts(resolve("Geneva"), [resolve("Moscow")], aircraft="Concorde")


def test_overflight_paths_are_capped_per_call() -> None:
    venues = [MapPoint(f"V{i}", 10.0 + i, 20.0) for i in range(5)]
    parties = [MapPoint("A", 0.0, 0.0), MapPoint("B", 50.0, 30.0)]
    facts = facts_for_venues(venues, parties, on_date=MEETING_2021, max_overflight_legs=3)
    computed = [p.overflies is not None for f in facts for p in f.parties]
    assert computed == [True, True, True, False, False, False, False, False, False, False]


def test_with_facts_fills_the_check_result() -> None:
    r = check_halfway(resolve("Anchorage"), resolve("Washington"), resolve("Beijing"))
    assert r.facts is None  # nothing until asked
    checked = with_facts(r, on_date=MEETING_2021, aircraft="vc-25a")
    assert checked.facts is not None
    assert checked.facts.neutral is False and checked.facts.date == "2021-03-18"
    assert checked.facts.venue.timezone == "America/Anchorage"
    assert [p.nonstop for p in checked.facts.parties] == [True, True]
    assert [p.distance_km for p in checked.facts.parties] == [p.distance_km for p in r.parties]
    assert dataclasses.replace(checked, facts=None) == r  # the check itself is unchanged


def test_text_lines_and_leg_text() -> None:
    f = summit_facts(
        resolve("Anchorage"),
        [resolve("Washington"), resolve("Beijing")],
        on_date=MEETING_2021,
        aircraft="il-62m",
    )
    text = "\n".join(facts_lines(f))
    assert "Summit realities on 2021-03-18" in text
    assert "America/Anchorage, UTC−08:00; neutral: no (same country as Washington, D.C.)" in text
    assert "−16:00 h" in text and "CN → RU → US" in text and "yes (il-62m, 10,000 km)" in text
    assert leg_text(f.parties[1]).startswith("flight 8.5 h, clock −16:00 h, over CN → RU → US")
