"""The heat map: exact values at cell centres (GeographicLib), drawn offline in HTML and images."""

from __future__ import annotations

import numpy as np
import pytest
from geographiclib.geodesic import Geodesic

from geo.analysis.heat import heat_grid
from geo.maps.heat import add_heat, rgba_image
from geo.maps.render import render_plan
from geo.places.resolve import resolve
from geo.usecases import map_image, question_plan

G = Geodesic.WGS84


@pytest.mark.parametrize("kind", ["max", "total", "split"])
def test_heat_values_are_geodesics_at_cell_centres(kind: str) -> None:
    parties = [resolve("Washington"), resolve("Beijing")]
    heat = heat_grid(parties, kind)
    rng = np.random.default_rng(3)
    for _ in range(25):
        i, j = int(rng.integers(0, heat.lats.size)), int(rng.integers(0, heat.lons.size))
        d = [G.Inverse(heat.lats[i], heat.lons[j], p.point.lat, p.point.lon)["s12"] / 1000 for p in parties]
        expected = {"max": max(d), "total": sum(d), "split": d[0] / (d[0] + d[1])}[kind]
        assert heat.values[i, j] == pytest.approx(expected, abs=1e-6)


def test_twenty_parties_use_a_coarser_grid_and_split_needs_two() -> None:
    parties = [resolve(n) for n in ("Paris", "Rome", "Oslo", "Cairo", "Lima", "Tokyo")]
    assert heat_grid(parties, "max").step_deg == 2.0
    with pytest.raises(ValueError, match="exactly 2 parties"):
        heat_grid(parties, "split")


def test_heat_layer_draws_in_html_and_images() -> None:
    parties = [resolve("Washington"), resolve("Beijing")]
    plan = add_heat(question_plan(["Washington", "Beijing"], ["Anchorage"]), heat_grid(parties, "max"))
    image, west, east = rgba_image(plan.heat, plan.frame_east_deg)
    assert east - west == pytest.approx(360.0) and image.dtype == np.uint8 and image.shape[2] == 4
    # the darkest end of the scale (longest trips) is near the antipodes, the lightest near the midpoint
    assert plan.heat.vmin == pytest.approx(float(plan.heat.values.min()))
    html = render_plan(plan).get_root().render()
    assert "data:image/png;base64," in html and "Heat map" in html
    png = map_image(plan, "north", fmt="png", size="A5", dpi=72)
    assert png.data[:8] == b"\x89PNG\r\n\x1a\n" and len(png.data) > 20_000
