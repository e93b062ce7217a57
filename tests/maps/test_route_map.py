"""Routes on the map: legs end to end along their geodesics, stops on their paths, across ±180°."""

from __future__ import annotations

import numpy as np
import pytest
from geographiclib.geodesic import Geodesic
from map_html import circle_markers, polylines

from geo.maps.offline_html import export_html
from geo.maps.plan import MapPoint, RouteMark, plan_map
from geo.maps.results import map_for_journey
from geo.usecases import plan_journey

G = Geodesic.WGS84


def _on_geodesic_km(lat: float, lon: float, a: MapPoint, b: MapPoint) -> float:
    """Distance excess of going a → point → b over a → b (0 on the geodesic), km."""

    def km(p: tuple[float, float], q: tuple[float, float]) -> float:
        return G.Inverse(p[0], p[1], q[0], q[1])["s12"] / 1000

    return (
        km((a.lat, a.lon), (lat, lon)) + km((lat, lon), (b.lat, b.lon)) - km((a.lat, a.lon), (b.lat, b.lon))
    )


def test_route_legs_follow_their_geodesics_end_to_end_across_the_antimeridian() -> None:
    points = (
        MapPoint("Tokyo", 35.68, 139.69),
        MapPoint("Honolulu", 21.31, -157.86),
        MapPoint("LA", 34.05, -118.24),
    )
    plan = plan_map(points, routes=[RouteMark("Tokyo → Honolulu → LA", points, stops=(1,))])
    legs = [line for line in plan.lines if line.kind == "route"]
    assert len(legs) == 2
    for line, (a, b) in zip(legs, [(points[0], points[1]), (points[1], points[2])], strict=True):
        assert line.max_lon_step_deg <= 180
        # every drawn vertex lies on the true geodesic (display longitudes are shifted by 360°)
        excess = [
            _on_geodesic_km(lat, (lon + 180) % 360 - 180, a, b)
            for lat, lon in zip(line.lats, line.lons, strict=True)
        ]
        assert max(excess) < 0.01
    # the legs meet: the second starts where the first ends, in the same world copy
    assert legs[0].lons[-1] == pytest.approx(legs[1].lons[0], abs=1e-6)
    stop = [m for m in plan.markers if m.kind == "stop"]
    assert len(stop) == 1 and stop[0].lon == pytest.approx(legs[0].lons[-1], abs=1e-5)
    assert any(entry.label == "refuelling stop" for entry in plan.legend)


def test_journey_map_draws_the_best_stop_option_on_its_path() -> None:
    journey = plan_journey(["Pyongyang", "Washington"], aircraft="il-62m")
    page = export_html(map_for_journey(journey))
    kinds = [line.kind for line in polylines(page)]
    assert kinds.count("route") == 1 and kinds.count("stop-route") == 2
    stops = [m for m in circle_markers(page) if m.kind == "stop"]
    option = journey.route.legs[0].stops.options[0]
    assert [(m.lat, m.lon) for m in stops] == [
        (pytest.approx(s.lat, abs=1e-5), pytest.approx(s.lon, abs=1e-5)) for s in option.stops
    ]
    assert "Churchill (YYQ)" in page and "11,079 km" in page
    lats = np.array([lat for line in polylines(page) if line.kind == "stop-route" for lat, _ in line.coords])
    assert lats.max() > 60  # the stop route goes north over Canada, like the geodesic


def test_a_route_needs_two_points_and_a_colour() -> None:
    from geo.errors import InvalidInputError

    with pytest.raises(InvalidInputError, match="at least two points"):
        plan_map([MapPoint("A", 0, 0)], routes=[RouteMark("one", (MapPoint("A", 0, 0),))])
    with pytest.raises(InvalidInputError, match="#rrggbb"):
        plan_map(
            [MapPoint("A", 0, 0)], routes=[RouteMark("x", (MapPoint("A", 0, 0), MapPoint("B", 1, 1)), "red")]
        )
