"""Refuelling stops and multi-leg routes against brute force over the real airports."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from geographiclib.geodesic import Geodesic

from geo.analysis.route import MAX_STOPS, one_stop, plan_route, refuelling_stops
from geo.core.geodesy import LatLon
from geo.errors import InvalidInputError
from geo.places.tables import airport_table

PYONGYANG = LatLon(39.0392, 125.7625)
WASHINGTON = LatLon(38.9072, -77.0369)
SINGAPORE = LatLon(1.3644, 103.9915)
SAO_PAULO = LatLon(-23.4356, -46.4731)
IL62M_KM = 10_000.0


def _km(a: LatLon, b: LatLon) -> float:
    return Geodesic.WGS84.Inverse(a.lat, a.lon, b.lat, b.lon)["s12"] / 1000.0


def _pool(min_runway_m: int = 2500, excluded: tuple[str, ...] = ()) -> np.ndarray:
    t = airport_table()
    keep = np.isin(t.type, ["large_airport", "medium_airport"]) & (t.runway_m >= min_runway_m)
    keep &= ~np.isin(t.country, list(excluded))
    return np.flatnonzero(keep)


def _geod_row(lat: float, lon: float, lats: np.ndarray, lons: np.ndarray) -> np.ndarray:
    """Distances with geographiclib itself (independent of the product's pyproj path)."""
    return np.array(
        [Geodesic.WGS84.Inverse(lat, lon, a, b)["s12"] / 1000.0 for a, b in zip(lats, lons, strict=False)]
    )


def _brute_one_stop(a: LatLon, b: LatLon, range_km: float, pool: np.ndarray) -> tuple[float, int]:
    t = airport_table()
    d1 = _geod_row(a.lat, a.lon, t.lat[pool], t.lon[pool])
    d2 = _geod_row(b.lat, b.lon, t.lat[pool], t.lon[pool])
    total = np.where((d1 <= range_km) & (d2 <= range_km), d1 + d2, np.inf)
    j = int(np.argmin(total))
    return float(total[j]), int(pool[j])


def test_pyongyang_washington_il62m_needs_one_stop_and_brute_force_agrees() -> None:
    plan = refuelling_stops(PYONGYANG, WASHINGTON, IL62M_KM, k=5)
    assert plan.needed and plan.fewest_stops == 1 and plan.complete
    assert _km(PYONGYANG, WASHINGTON) > IL62M_KM  # 11,066 km: why a stop is needed
    for option in plan.options:
        points = [PYONGYANG, *(LatLon(s.lat, s.lon) for s in option.stops), WASHINGTON]
        legs = [_km(p, q) for p, q in itertools.pairwise(points)]
        assert max(legs) <= IL62M_KM  # every leg within range, by geographiclib
        assert option.legs_km == pytest.approx(legs, abs=1e-6)
        assert option.total_km == pytest.approx(sum(legs), abs=1e-6)
    totals = [o.total_km for o in plan.options]
    assert totals == sorted(totals)
    best, row = _brute_one_stop(PYONGYANG, WASHINGTON, IL62M_KM, _pool())
    assert plan.options[0].total_km == pytest.approx(best, abs=1e-6)
    assert plan.options[0].stops[0].name == airport_table().name[row]
    # one_stop, the compare table's quick answer, agrees too
    assert (
        one_stop([PYONGYANG.lat], [PYONGYANG.lon], [WASHINGTON.lat], [WASHINGTON.lon], IL62M_KM)[0]
        == (plan.options[0].stops[0])
    )


def test_pyongyang_singapore_needs_no_stop() -> None:
    plan = refuelling_stops(PYONGYANG, SINGAPORE, IL62M_KM)
    assert not plan.needed and plan.options == () and plan.fewest_stops == 0
    assert plan.direct_km == pytest.approx(_km(PYONGYANG, SINGAPORE), abs=1e-6)


def test_two_stops_match_a_brute_force_over_every_pair_of_airports() -> None:
    # Pyongyang → São Paulo, 18,300 km, with 6,000 km legs: at least ceil(18,300 / 6,000) = 4 legs
    plan = refuelling_stops(PYONGYANG, SAO_PAULO, 6_000.0, max_stops=3, k=3)
    assert plan.fewest_stops == 3
    for option in plan.options:
        points = [PYONGYANG, *(LatLon(s.lat, s.lon) for s in option.stops), SAO_PAULO]
        assert max(_km(p, q) for p, q in itertools.pairwise(points)) <= 6_000.0
    # exactly two stops, checked against every pair: Washington → Singapore with 7,000 km legs
    plan = refuelling_stops(WASHINGTON, SINGAPORE, 7_000.0, max_stops=2, k=3)
    assert plan.fewest_stops == 2
    t = airport_table()
    pool = _pool()
    lat, lon = t.lat[pool], t.lon[pool]
    from geo.core.geodesy import distance_km  # pyproj (GeographicLib's C port); checked below

    d_a = distance_km(WASHINGTON.lat, WASHINGTON.lon, lat, lon)
    d_b = distance_km(SINGAPORE.lat, SINGAPORE.lon, lat, lon)
    first, last = np.flatnonzero(d_a <= 7_000.0), np.flatnonzero(d_b <= 7_000.0)
    middle = distance_km(lat[first][:, None], lon[first][:, None], lat[last][None, :], lon[last][None, :])
    total = np.where(middle <= 7_000.0, d_a[first][:, None] + middle + d_b[last][None, :], np.inf)
    i, j = np.unravel_index(int(np.argmin(total)), total.shape)
    assert np.isfinite(total[i, j])
    assert plan.options[0].total_km == pytest.approx(float(total[i, j]), abs=1e-6)
    names = [s.name for s in plan.options[0].stops]
    assert names == [t.name[pool[first[i]]], t.name[pool[last[j]]]]
    # and no single stop suffices (brute force)
    assert np.isinf(_brute_one_stop(WASHINGTON, SINGAPORE, 7_000.0, pool)[0])
    legs = plan.options[0].legs_km
    stops = [LatLon(s.lat, s.lon) for s in plan.options[0].stops]
    assert legs == pytest.approx([_km(WASHINGTON, stops[0]), _km(*stops), _km(stops[1], SINGAPORE)], abs=1e-6)


def test_neutral_and_runway_filters_are_obeyed() -> None:
    plan = refuelling_stops(PYONGYANG, WASHINGTON, IL62M_KM, excluded_countries=("KP", "US", "RU", "CA"))
    assert plan.options and all(
        s.country not in ("KP", "US", "RU", "CA") for o in plan.options for s in o.stops
    )
    best, _ = _brute_one_stop(PYONGYANG, WASHINGTON, IL62M_KM, _pool(excluded=("KP", "US", "RU", "CA")))
    assert plan.options[0].total_km == pytest.approx(best, abs=1e-6)
    long = refuelling_stops(PYONGYANG, WASHINGTON, IL62M_KM, min_runway_m=3500)
    assert all((s.runway_m or 0) >= 3500 for o in long.options for s in o.stops)


def test_options_are_distinct_cities() -> None:
    plan = refuelling_stops(PYONGYANG, WASHINGTON, IL62M_KM, k=8)
    keys = [tuple((s.city, s.country) for s in o.stops) for o in plan.options]
    assert len(keys) == len(set(keys)) == 8


def test_no_route_within_the_stop_limit_is_said() -> None:
    plan = refuelling_stops(PYONGYANG, SAO_PAULO, 3_000.0, max_stops=2)
    assert plan.needed and plan.fewest_stops is None and plan.options == ()


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"range_km": 100.0}, "range must be at least"),
        ({"range_km": float("nan")}, "range must be at least"),
        ({"max_stops": 0}, "number of stops"),
        ({"max_stops": MAX_STOPS + 1}, "number of stops"),
        ({"k": 0}, "number of options"),
        ({"min_runway_m": -1}, "minimum runway"),
        ({"airport_types": ("spaceport",)}, "unknown airport type"),
    ],
)
def test_bad_parameters_are_refused(kwargs: dict, message: str) -> None:
    args = {"range_km": IL62M_KM, **kwargs}
    with pytest.raises(InvalidInputError, match=message):
        refuelling_stops(PYONGYANG, WASHINGTON, **args)


def test_route_legs_total_and_detour_match_geographiclib() -> None:
    jfk, lhr, sin = LatLon(40.6398, -73.7789), LatLon(51.4706, -0.4619), LatLon(1.3502, 103.9944)
    route = plan_route([("JFK", jfk), ("LHR", lhr), ("SIN", sin)], range_km=IL62M_KM)
    legs = [_km(jfk, lhr), _km(lhr, sin)]
    assert [leg.distance_km for leg in route.legs] == pytest.approx(legs, abs=1e-6)
    assert route.total_km == pytest.approx(sum(legs), abs=1e-6)
    assert route.detour_pct == pytest.approx(100 * (sum(legs) / _km(jfk, sin) - 1), abs=1e-9)
    assert [leg.nonstop for leg in route.legs] == [True, False]
    stops = route.legs[1].stops
    assert stops is not None and stops.fewest_stops == 1 and route.legs[0].stops is None
    assert route.legs[1].overflies is not None and route.legs[1].overflies[0] == "GB"


def test_route_refuses_degenerate_input() -> None:
    with pytest.raises(InvalidInputError, match="2 to 20 places"):
        plan_route([("A", PYONGYANG)])
    with pytest.raises(InvalidInputError, match="no length"):
        plan_route([("A", PYONGYANG), ("B", PYONGYANG)])


def test_one_stop_says_none_when_no_single_stop_suffices_and_the_search_limit_is_kept() -> None:
    assert one_stop([PYONGYANG.lat], [PYONGYANG.lon], [SAO_PAULO.lat], [SAO_PAULO.lon], 6_000.0) == [None]
    assert np.isinf(_brute_one_stop(PYONGYANG, SAO_PAULO, 6_000.0, _pool())[0])
    from geo.analysis.route import add_stop_examples
    from geo.facts.summit import summit_facts
    from geo.places.resolve import resolve

    venue, parties = resolve("Washington"), [resolve("Pyongyang"), resolve("Singapore")]
    facts = summit_facts(venue, parties, aircraft="il-62m")
    assert [p.one_stop for p in add_stop_examples([facts], [venue], parties, limit=1)[0].parties] == [
        "Churchill (YYQ)",
        None,  # beyond the limit: not searched, and the cell says only "NO"
    ]
