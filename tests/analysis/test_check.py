"""The halfway verdict itself (geo.analysis.check), with references from GeographicLib."""

from __future__ import annotations

import math

import numpy as np
import pytest
from geographiclib.geodesic import Geodesic

from geo.analysis.check import (
    HALFWAY,
    NOT_HALFWAY,
    ROUGHLY,
    UNDEFINED,
    Thresholds,
    check_equidistant,
    check_halfway,
)
from geo.errors import InvalidInputError
from geo.places.resolve import resolve

G = Geodesic.WGS84
MM_KM = 1e-6


def point_along(lat1: float, lon1: float, lat2: float, lon2: float, fraction: float) -> str:
    """A custom place at ``fraction`` of the geodesic from point 1 to point 2 (GeographicLib)."""
    line = G.InverseLine(lat1, lon1, lat2, lon2)
    p = line.Position(fraction * line.s13)
    return f"P={p['lat2']:.9f},{p['lon2']:.9f}"


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    return float(G.Inverse(lat1, lon1, lat2, lon2)["s12"]) / 1000


A, B = (10.0, 20.0), (40.0, 80.0)


@pytest.mark.parametrize(
    ("fraction", "verdict"),
    [
        (0.5, HALFWAY),
        (0.48, HALFWAY),
        (0.46, ROUGHLY),
        (0.41, ROUGHLY),
        (0.35, NOT_HALFWAY),
        (0.0, NOT_HALFWAY),
    ],
)
def test_should_grade_a_venue_on_the_path_by_its_split_alone(fraction: float, verdict: str) -> None:
    result = check_halfway(
        resolve(point_along(*A, *B, fraction)), resolve(f"A={A[0]},{A[1]}"), resolve(f"B={B[0]},{B[1]}")
    )
    assert result.detour_pct == pytest.approx(0.0, abs=1e-6)  # on the geodesic: no detour
    assert result.split is not None and result.split[0] == pytest.approx(fraction, abs=1e-6)
    assert result.cross_track_km == pytest.approx(0.0, abs=1e-3)
    assert result.verdict == verdict


def test_should_measure_the_detour_of_a_venue_off_the_path_against_geographiclib() -> None:
    venue = (35.0, 40.0)
    result = check_halfway(
        resolve(f"V={venue[0]},{venue[1]}"), resolve(f"A={A[0]},{A[1]}"), resolve(f"B={B[0]},{B[1]}")
    )
    d_a, d_b, direct = km(*A, *venue), km(*B, *venue), km(*A, *B)
    assert result.direct_km == pytest.approx(direct, abs=MM_KM)
    assert [p.distance_km for p in result.parties] == [
        pytest.approx(d_a, abs=MM_KM),
        pytest.approx(d_b, abs=MM_KM),
    ]
    assert result.detour_km == pytest.approx(d_a + d_b - direct, abs=MM_KM)
    assert result.detour_pct == pytest.approx(100 * (d_a + d_b - direct) / direct, abs=1e-9)
    line = G.InverseLine(*A, *B)
    mid = line.Position(line.s13 / 2)
    assert result.venue_to_midpoint_km == pytest.approx(km(mid["lat2"], mid["lon2"], *venue), abs=MM_KM)


def test_should_need_both_readings_for_halfway() -> None:
    """A 50/50 split 3,000 km off a 6,756 km path is not halfway: the detour rules it out."""
    line = G.InverseLine(*A, *B)
    mid = line.Position(line.s13 / 2)
    off = G.Direct(mid["lat2"], mid["lon2"], mid["azi2"] + 90, 3_000_000)  # 3,000 km off, square to the path
    result = check_halfway(
        resolve(f"V={off['lat2']},{off['lon2']}"), resolve(f"A={A[0]},{A[1]}"), resolve(f"B={B[0]},{B[1]}")
    )
    assert result.split is not None and abs(result.split[0] - 0.5) < 0.01
    assert result.detour_pct is not None and result.detour_pct > 15
    assert result.verdict == NOT_HALFWAY
    holds = {c.name: c.holds for c in result.criteria}
    assert holds == {"equal distance": "yes", "on the way": "no", "at the midpoint": "no"}


def test_should_follow_the_thresholds_it_is_given() -> None:
    venue, a, b = resolve("Anchorage"), resolve("Washington"), resolve("Beijing")
    assert check_halfway(venue, a, b).verdict == ROUGHLY  # +5.8 %, 46/54
    loose = Thresholds(halfway_detour_pct=6.0, halfway_split_tolerance=0.05)
    assert check_halfway(venue, a, b, loose).verdict == HALFWAY
    strict = Thresholds(halfway_detour_pct=1.0, halfway_split_tolerance=0.01, roughly_detour_pct=5.0)
    assert check_halfway(venue, a, b, strict).verdict == NOT_HALFWAY


def test_should_call_the_same_place_twice_undefined() -> None:
    result = check_halfway(resolve("Oslo"), resolve("Paris"), resolve("Paris"))
    assert result.verdict == UNDEFINED and result.midpoint is None and result.detour_pct is None
    assert "same place" in result.criteria[0].detail


def test_should_call_nearly_antipodal_parties_undefined() -> None:
    result = check_halfway(resolve("V=0,90"), resolve("A=45,0"), resolve("B=-45,179.572719"))
    assert result.verdict == UNDEFINED and result.midpoint is None
    assert "nearly antipodal" in result.explanation
    assert result.split is not None  # the distances are still reported


@pytest.mark.parametrize(
    "kwargs",
    [
        {"halfway_detour_pct": -1.0},
        {"roughly_split_tolerance": math.nan},
        {"halfway_detour_pct": 20.0},  # above the roughly limit (15)
        {"halfway_split_tolerance": 0.2},  # above the roughly tolerance (0.10)
    ],
)
def test_should_refuse_thresholds_that_cannot_work(kwargs: dict[str, float]) -> None:
    with pytest.raises(InvalidInputError):
        Thresholds(**kwargs)


def test_should_call_a_pair_undefined_when_every_place_is_on_the_way() -> None:
    """Madrid–Wellington, 19,854 km: the long way round (via the antipode of the midpoint) is
    only 1.6 % longer, so every venue would pass "on the way"; Buenos Aires was called HALFWAY."""
    madrid, wellington = (40.4165, -3.70256), (-41.28664, 174.77557)
    result = check_halfway(resolve("Buenos Aires"), resolve("Madrid"), resolve("Wellington"))
    line = G.InverseLine(*madrid, *wellington)
    mid = line.Position(line.s13 / 2)
    far = (-mid["lat2"], mid["lon2"] - 180 if mid["lon2"] > 0 else mid["lon2"] + 180)
    widest = 100 * ((km(*madrid, *far) + km(*far, *wellington)) / (line.s13 / 1000) - 1)
    assert widest < 15  # the independent reference: every place is within the "roughly" detour
    assert result.verdict == UNDEFINED and result.midpoint is None
    assert f"within {widest:.1f} % of the way" in result.explanation


@pytest.mark.parametrize(("a", "b"), [("Washington", "Beijing"), ("Madrid", "Tokyo"), ("Lima", "Jakarta")])
def test_should_keep_the_verdict_for_pairs_far_from_antipodal(a: str, b: str) -> None:
    result = check_halfway(resolve("Anchorage"), resolve(a), resolve(b))
    assert result.verdict != UNDEFINED and result.midpoint is not None


def _geodesic_km(a: object, b: object) -> float:
    return float(Geodesic.WGS84.Inverse(a.lat, a.lon, b.lat, b.lon)["s12"]) / 1000  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("venue", "parties"),
    [
        ("Anchorage", ("New York", "Tokyo", "Frankfurt")),
        ("Dubai", ("London", "Singapore", "Nairobi", "Moscow")),
        ("Vienna", ("Washington", "Beijing")),
        ("Reykjavik", ("Washington", "Moscow")),
    ],
)
def test_should_grade_equal_distance_of_any_number_of_parties_by_the_spread(
    venue: str, parties: tuple[str, ...]
) -> None:
    v, ps = resolve(venue), [resolve(p) for p in parties]
    r = check_equidistant(v, ps)
    km = [_geodesic_km(v, p) for p in ps]  # GeographicLib, independently
    assert [p.distance_km for p in r.parties] == pytest.approx(km, abs=1e-6)
    assert r.spread_km == pytest.approx(max(km) - min(km), abs=1e-6)
    off = (max(km) - min(km)) / (2 * (max(km) + min(km)))
    assert r.imbalance == pytest.approx(off, abs=1e-12)
    t = Thresholds()
    expected = (
        "yes" if off <= t.halfway_split_tolerance else "roughly" if off <= t.roughly_split_tolerance else "no"
    )
    assert r.holds == expected
    if len(ps) == 2:  # two parties: the same answer as the halfway check's "equal distance"
        two = check_halfway(v, *ps)
        assert r.holds == next(c.holds for c in two.criteria if c.name == "equal distance")
        assert r.imbalance == pytest.approx(abs(two.split[0] - 0.5), abs=1e-12)  # type: ignore[index]


def test_should_need_two_parties_for_equal_distance() -> None:
    with pytest.raises(InvalidInputError, match="at least two"):
        check_equidistant(resolve("Paris"), [resolve("Rome")])


def test_quick_holds_agrees_with_the_full_check_on_random_triples() -> None:
    from geo.analysis.check import quick_holds
    from geo.places.gazetteer import Place

    rng = np.random.default_rng(7)
    levels = {HALFWAY: "yes", ROUGHLY: "roughly", NOT_HALFWAY: "no"}
    compared = 0
    for _ in range(600):
        lat = np.degrees(np.arcsin(rng.uniform(-1, 1, 3)))
        lon = rng.uniform(-180, 180, 3)
        if rng.random() < 0.5:  # many venues near the path, where the verdict changes
            lat[0], lon[0] = (
                (lat[1] + lat[2]) / 2 + rng.normal(0, 3),
                (lon[1] + lon[2]) / 2 + rng.normal(0, 3),
            )
            lat[0] = float(np.clip(lat[0], -89, 89))
        v, a, b = (Place(f"P{i}", float(lat[i]), float(lon[i]), "point") for i in range(3))
        full = check_halfway(v, a, b)
        quick = quick_holds("halfway", v, a, b)
        split = quick_holds("equal distance", v, a, b)
        if quick is None:
            continue
        compared += 1
        assert quick == levels[full.verdict]
        assert split == next(c.holds for c in full.criteria if c.name == "equal distance")
    assert compared > 500
