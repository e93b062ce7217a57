"""Scoring candidate venues: distances, flight times, aggregates, rankings and weights."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from geographiclib.geodesic import Geodesic

from geo.analysis.check import check_halfway
from geo.analysis.scoring import (
    BLOCK_SPEED_KMH,
    RANKINGS,
    compare,
    distance_matrix_km,
    flight_hours,
    rank_order,
    score_venues,
    validate_weights,
)
from geo.errors import GeoError, InvalidInputError
from geo.places.gazetteer import Place
from geo.places.resolve import resolve
from geo.places.venues import VenueTable

G = Geodesic.WGS84
MM_KM = 1e-6


def gl_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    return float(G.Inverse(lat1, lon1, lat2, lon2)["s12"] / 1000)


def pt(name: str, lat: float, lon: float, country: str | None = None) -> Place:
    return Place(name, lat, lon, "custom", country=country)


# Parties and venues on the equator: distances are multiples of one degree of longitude,
# so every ranking below can be checked by hand. One equatorial degree = 111.319491 km.
DEG = gl_km(0, 0, 0, 1)
A, B = pt("A", 0, 0), pt("B", 0, 10)


def test_flight_time_model_is_block_speed_plus_fixed_overhead() -> None:
    assert pytest.approx(500 * 1.609344) == BLOCK_SPEED_KMH
    hours = flight_hours([0.0, 804.672, 8046.72])
    assert hours.tolist() == pytest.approx([0.0, 1.5, 10.5])
    # Washington–Beijing: 11,171 km → about 14.4 h, close to the scheduled 13.5–14.5 h
    assert float(flight_hours(11170.672)) == pytest.approx(14.38, abs=0.01)


@pytest.mark.parametrize("bad", [-1.0, float("nan"), float("inf")])
def test_flight_time_refuses_negative_or_non_finite_distances(bad: float) -> None:
    with pytest.raises(InvalidInputError):
        flight_hours([bad])


def test_every_distance_matches_geographiclib_pair_by_pair() -> None:
    rng = np.random.default_rng(3)
    plat, plon = rng.uniform(-90, 90, 7), rng.uniform(-180, 180, 7)
    vlat, vlon = rng.uniform(-90, 90, 40), rng.uniform(-180, 180, 40)
    s = score_venues(plat, plon, vlat, vlon)
    ref = np.array(
        [
            [gl_km(a, b, c, d) for c, d in zip(plat, plon, strict=True)]
            for a, b in zip(vlat, vlon, strict=True)
        ]
    )
    assert np.abs(s.distances_km - ref).max() < MM_KM
    assert np.allclose(s.max_km, ref.max(axis=1), atol=MM_KM)
    assert np.allclose(s.min_km, ref.min(axis=1), atol=MM_KM)
    assert np.allclose(s.sum_km, ref.sum(axis=1), atol=MM_KM)
    assert np.allclose(s.spread_km, ref.max(axis=1) - ref.min(axis=1), atol=MM_KM)
    assert np.allclose(s.fairness, ref.min(axis=1) / ref.max(axis=1))
    assert s.detour_pct is None and s.split is None


def test_threaded_blocks_give_the_same_matrix_as_one_call() -> None:
    rng = np.random.default_rng(4)
    vlat, vlon = rng.uniform(-90, 90, 20_000), rng.uniform(-180, 180, 20_000)
    plat, plon = rng.uniform(-90, 90, 3), rng.uniform(-180, 180, 3)
    big = distance_matrix_km(vlat, vlon, plat, plon)  # 60,000 pairs: threads and blocks
    for j in range(3):
        direct = Geodesic.WGS84  # spot-check against GeographicLib, and the block edges exactly
        for i in (0, 8191, 8192, 9999, 10000, 19_999):
            assert big[i, j] == pytest.approx(
                direct.Inverse(vlat[i], vlon[i], plat[j], plon[j])["s12"] / 1000, abs=MM_KM
            )


def test_two_party_detour_and_split_are_the_checks_numbers() -> None:
    w, b, v = resolve("Washington"), resolve("Beijing"), resolve("Anchorage")
    s = score_venues([w.lat, b.lat], [w.lon, b.lon], [v.lat], [v.lon])
    card = check_halfway(v, w, b)
    assert s.detour_pct is not None and s.split is not None
    assert card.detour_pct is not None and card.split is not None
    assert float(s.detour_pct[0]) == pytest.approx(card.detour_pct, abs=1e-9)
    assert tuple(s.split[0]) == pytest.approx(card.split, abs=1e-12)
    assert float(s.detour_pct[0]) == pytest.approx(5.84, abs=0.01)


def test_detour_is_undefined_for_parties_in_one_place() -> None:
    s = score_venues([10, 10], [20, 20], [0], [0])
    assert s.detour_pct is not None and np.isnan(s.detour_pct).all()
    with pytest.raises(InvalidInputError, match="undefined"):
        rank_order(s, "detour")


def test_minimax_ranking_by_hand_on_the_equator() -> None:
    # venues at lon 5 (max 5°), 2 (max 8°), 12 (max 12°), -1 (max 11°)
    r = compare([A, B], [pt("v5", 0, 5), pt("v2", 0, 2), pt("v12", 0, 12), pt("vm1", 0, -1)])
    assert [v.name for v in r.venues] == ["v5", "v2", "vm1", "v12"]
    assert [v.rank for v in r.venues] == [1, 2, 3, 4]
    top = r.venues[0]
    assert top.max_km == pytest.approx(5 * DEG, abs=1e-6) and top.spread_km == pytest.approx(0, abs=1e-6)
    assert top.detour_pct == pytest.approx(0, abs=1e-9) and top.split == pytest.approx((0.5, 0.5))
    assert r.venues[3].detour_pct == pytest.approx(100 * (12 + 2 - 10) / 10, abs=1e-6)


def test_minsum_ties_share_a_rank_and_fall_back_to_the_second_key() -> None:
    # every venue between A and B has total 10°; v5 wins on max, v2 and v8 tie exactly (max 8°)
    r = compare([A, B], [pt("v2", 0, 2), pt("v5", 0, 5), pt("v8", 0, 8), pt("v11", 0, 11)], rank_by="minsum")
    assert [(v.name, v.rank) for v in r.venues] == [("v5", 1), ("v2", 2), ("v8", 2), ("v11", 4)]


def test_fair_ranking_prefers_the_smallest_spread_then_the_total() -> None:
    # v5 spread 0; (0, 15) spread 5° total 25°; (5°N, 5) spread 0 but a longer total than v5
    north = pt("north", 5, 5)
    r = compare([A, B], [pt("v15", 0, 15), north, pt("v5", 0, 5)], rank_by="fair")
    assert [v.name for v in r.venues] == ["v5", "north", "v15"]
    assert r.venues[1].spread_km == pytest.approx(0, abs=1e-6)


def test_detour_ranking_and_its_tie_break() -> None:
    r = compare([A, B], [pt("v2", 0, 2), pt("v5", 0, 5), pt("off", 3, 5)], rank_by="detour")
    assert [v.name for v in r.venues] == ["v5", "v2", "off"]  # both on the path: spread decides


@pytest.mark.parametrize("rank_by", RANKINGS)
def test_every_ranking_is_sorted_by_its_key(rank_by: str) -> None:
    rng = np.random.default_rng(11)
    venues = [pt(f"v{i}", float(a), float(b)) for i, (a, b) in enumerate(rng.uniform(-60, 60, (50, 2)))]
    r = compare([resolve("Washington"), resolve("Moscow")], venues, rank_by=rank_by)
    key = {"minimax": "max_km", "minsum": "sum_km", "fair": "spread_km", "detour": "detour_pct"}[rank_by]
    values = [getattr(v, key) for v in r.venues]
    assert values == sorted(values)
    assert [v.rank for v in r.venues] == list(range(1, 51))


def test_weights_scale_the_total_and_can_change_the_minsum_winner() -> None:
    venues = [pt("v2", 0, 2), pt("v8", 0, 8)]
    plain = compare([A, B], venues, rank_by="minsum")
    assert plain.venues[0].sum_km == pytest.approx(plain.venues[1].sum_km)
    heavy_a = compare([A, B], venues, rank_by="minsum", weights=[3, 1])
    assert heavy_a.venues[0].name == "v2"
    assert heavy_a.venues[0].sum_km == pytest.approx((3 * 2 + 8) * DEG, abs=1e-6)
    assert heavy_a.weights == (3.0, 1.0)


def test_zero_weight_party_is_reported_but_left_out_of_max_min_and_total() -> None:
    far = pt("far", 0, 90)
    r = compare([A, B, far], [pt("v5", 0, 5)], weights=[1, 1, 0])
    v = r.venues[0]
    assert v.distances_km[2] == pytest.approx(85 * DEG, abs=1e-6)
    assert v.max_km == pytest.approx(5 * DEG, abs=1e-6)
    assert v.min_km == pytest.approx(5 * DEG, abs=1e-6)
    assert v.sum_km == pytest.approx(10 * DEG, abs=1e-6)
    assert v.fairness == pytest.approx(1.0)


def test_venue_on_every_party_has_fairness_one() -> None:
    r = compare([A, pt("A2", 0, 0)], [pt("here", 0, 0)])
    assert r.venues[0].max_km == 0 and r.venues[0].fairness == 1.0
    assert r.venues[0].split is None and r.venues[0].detour_pct is None


def test_more_than_two_parties_have_no_detour_or_split() -> None:
    r = compare([A, B, pt("C", 10, 5)], [pt("v", 2, 5)])
    assert r.venues[0].detour_pct is None and r.venues[0].split is None and r.direct_km is None
    with pytest.raises(InvalidInputError, match="exactly two parties"):
        compare([A, B, pt("C", 10, 5)], [pt("v", 2, 5)], rank_by="detour")


def test_top_keeps_the_best_and_counts_the_rest() -> None:
    venues = [pt(f"v{i}", 0, i) for i in range(12)]
    r = compare([A, B], venues, top=3)
    assert len(r.venues) == 3 and r.venues_scored == 12
    assert [v.name for v in r.venues] == ["v5", "v4", "v6"]


def test_result_field_names_are_the_documented_json_keys() -> None:
    fields = {f.name for f in dataclasses.fields(compare([A, B], [pt("v", 0, 1)]).venues[0])}
    assert {
        "name",
        "lat",
        "lon",
        "distances_km",
        "flight_hours",
        "max_km",
        "min_km",
        "sum_km",
        "spread_km",
        "fairness",
        "detour_pct",
        "split",
        "rank",
    } <= fields


def test_twenty_parties_are_accepted_and_twenty_one_refused() -> None:
    parties = [pt(f"p{i}", 0, i) for i in range(21)]
    assert len(compare(parties[:20], [pt("v", 0, 0)]).parties) == 20
    with pytest.raises(InvalidInputError, match="between 2 and 20"):
        compare(parties, [pt("v", 0, 0)])
    with pytest.raises(InvalidInputError, match="between 2 and 20"):
        compare(parties[:1], [pt("v", 0, 0)])


@pytest.mark.parametrize(
    ("weights", "message"),
    [
        ([1.0], "got 1 weights for 2 parties"),
        ([1.0, -1.0], "weight -1"),
        ([1.0, float("nan")], "weight nan"),
        ([0.0, 0.0], "every weight is zero"),
    ],
)
def test_bad_weights_are_refused(weights: list[float], message: str) -> None:
    with pytest.raises(InvalidInputError, match=message):
        validate_weights(weights, 2)
    with pytest.raises(GeoError):
        compare([A, B], [pt("v", 0, 1)], weights=weights)


def test_other_errors() -> None:
    with pytest.raises(InvalidInputError, match="unknown ranking"):
        compare([A, B], [pt("v", 0, 1)], rank_by="nearest")
    with pytest.raises(InvalidInputError, match="top must be at least 1"):
        compare([A, B], [pt("v", 0, 1)], top=0)
    with pytest.raises(InvalidInputError, match="no venue"):
        compare([A, B], [])
    empty = VenueTable((), np.zeros(0), np.zeros(0), np.zeros(0, dtype=np.int64))
    with pytest.raises(InvalidInputError, match="no venue"):
        compare([A, B], empty)
    with pytest.raises(InvalidInputError, match="same length"):
        distance_matrix_km([0, 1], [0], [0], [0])


def test_weights_beyond_any_delegation_are_refused_before_they_overflow() -> None:
    with pytest.raises(InvalidInputError, match="weight 1e\\+308 is too large"):
        validate_weights([1e308, 1e308], 2)
    assert validate_weights([1e9, 1], 2).tolist() == [1e9, 1.0]
