"""Print images (``geo.maps.image``, ``geo.maps.projection``): projected geometry checked in
pixels of the rendered image, colours sampled from the PNG, determinism, and the CLI."""

from __future__ import annotations

import io
import math
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from geo.cli.main import main
from geo.core.geodesy import LatLon, distance_km
from geo.maps.image import Rendered, render_brief, render_image
from geo.maps.plan import MapPlan, MapPoint, VenueMark, plan_map
from geo.maps.projection import (
    GLOBE_CAP_DEG,
    MERCATOR_MAX_LAT,
    ProjectionSpec,
    View,
    clip_line,
    marker_xy,
    project,
    view_for,
)

WASHINGTON = MapPoint("Washington", 38.9072, -77.0369)
BEIJING = MapPoint("Beijing", 39.9042, 116.4074)
ANCHORAGE = VenueMark("Anchorage", 61.2181, -149.9003, "roughly halfway", "#f39c12")
SPECS = (
    ProjectionSpec("mercator"),
    ProjectionSpec("globe"),
    ProjectionSpec("north"),
    ProjectionSpec("south"),
    ProjectionSpec("aeqd", LatLon(ANCHORAGE.lat, ANCHORAGE.lon), "Anchorage"),
)
A4 = (297.0, 210.0)


@pytest.fixture(scope="module")
def seed_plan() -> MapPlan:
    return plan_map([WASHINGTON, BEIJING], [ANCHORAGE], title="Is Anchorage halfway? Roughly halfway")


def rendered(plan: MapPlan, spec: ProjectionSpec, dpi: int = 300, fmt: str = "png") -> Rendered:
    return render_image(plan, view_for(plan, spec), fmt=fmt, size_mm=A4, dpi=dpi)


def pixel_pieces(image: Rendered, plan: MapPlan, kind: str) -> list[np.ndarray]:
    """The drawn pieces of the plan's lines of ``kind`` as (n, 2) arrays of pixel positions."""
    out = []
    for line in plan.lines:
        if line.kind == kind:
            for x, y in clip_line(image.view, line.lats, line.lons):
                col, row = image.to_pixels(x, y)
                out.append(np.column_stack([col, row]))
    return out


def distance_to_polyline(point: np.ndarray, vertices: np.ndarray) -> float:
    """Shortest distance in pixels from a point to a polyline."""
    a, b = vertices[:-1], vertices[1:]
    ab = b - a
    t = np.clip(np.einsum("ij,ij->i", point - a, ab) / np.maximum(np.einsum("ij,ij->i", ab, ab), 1e-12), 0, 1)
    nearest = a + t[:, None] * ab
    return float(np.min(np.hypot(*(nearest - point).T)))


def test_should_draw_the_path_over_the_pole_as_one_straight_line_through_the_pole_marker() -> None:
    plan = plan_map([MapPoint("A", 60.0, 0.0), MapPoint("B", 60.0, 180.0)])
    image = rendered(plan, ProjectionSpec("north"))
    (piece,) = pixel_pieces(image, plan, "direct")
    pole = np.array(image.to_pixels(*project(image.view, [90.0], [0.0]))).ravel()
    a = piece[0]
    direction = (pole - a) / np.hypot(*(pole - a))
    rel = piece - a
    offsets = np.abs(direction[0] * rel[:, 1] - direction[1] * rel[:, 0])  # from the line A–pole
    assert offsets.max() <= 1.0
    assert distance_to_polyline(pole, piece) <= 1.0  # the line passes through the pole marker
    assert np.hypot(*(piece[-1] - pole)) == pytest.approx(np.hypot(*(a - pole)), rel=1e-3)


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.kind)
def test_should_put_the_midpoint_marker_on_the_drawn_direct_path_in_every_projection(
    seed_plan: MapPlan, spec: ProjectionSpec
) -> None:
    image = rendered(seed_plan, spec)
    (mid,) = [m for m in seed_plan.markers if m.kind == "midpoint"]
    xy = marker_xy(image.view, mid)
    assert xy is not None
    point = np.array(image.to_pixels(*xy)).ravel()
    pieces = pixel_pieces(image, seed_plan, "direct")
    assert min(distance_to_polyline(point, p) for p in pieces) <= 1.0


def test_should_draw_every_ring_vertex_at_its_true_distance_in_azimuthal_equidistant() -> None:
    plan = plan_map([WASHINGTON, BEIJING], rings_km=[5000.0])
    view = view_for(plan, ProjectionSpec("aeqd", LatLon(WASHINGTON.lat, WASHINGTON.lon), "Washington"))
    (ring,) = [line for line in plan.lines if line.kind == "ring" and "from Washington" in line.label]
    pieces = clip_line(view, ring.lats, ring.lons)
    assert sum(len(x) for x, _ in pieces) >= len(ring.lats)
    for x, y in pieces:
        assert np.allclose(np.hypot(x, y), 5_000_000.0, rtol=1e-3)


def test_should_show_the_seed_case_from_above_the_arctic_on_the_globe_by_default(seed_plan: MapPlan) -> None:
    view = view_for(seed_plan, ProjectionSpec("globe"))
    assert view.centre is not None and view.centre.lat == pytest.approx(81.90483, abs=1e-4)
    assert view.cap_deg == GLOBE_CAP_DEG


def test_should_cut_the_globe_at_the_horizon_before_projecting() -> None:
    plan = plan_map([MapPoint("A", 0.0, 0.0)])
    view = view_for(plan, ProjectionSpec("globe", LatLon(0.0, 0.0), "0°, 0°"))
    lons = np.arange(-180.0, 180.5, 1.0)
    (piece,) = clip_line(view, np.zeros_like(lons), lons)  # the equator: only the near half
    radius = np.hypot(*piece)
    assert radius.max() <= 6_371_008.8 * 1.000001 and np.all(np.isfinite(radius))
    assert piece[0][0] < -6.37e6 and piece[0][-1] > 6.37e6  # from horizon to horizon


def test_should_never_let_a_mercator_line_jump_across_the_image() -> None:
    plan = plan_map([MapPoint("Tokyo", 35.68, 139.69), MapPoint("Honolulu", 21.31, -157.86)])
    view = view_for(plan, ProjectionSpec("mercator"))
    lons = np.arange(100.0, 300.0, 1.0)
    pieces = clip_line(view, np.full_like(lons, 10.0), lons)
    half_world = math.pi * 6_378_137.0
    for x, _ in pieces:
        assert np.all(np.abs(np.diff(x)) < 0.1 * half_world)
    lats = np.linspace(80.0, 89.9, 20)
    (piece,) = clip_line(view, lats, np.zeros_like(lats))
    assert len(piece[0]) == 11  # 10 vertices up to 85°N, then one where it is cut at 85.05°N
    assert project(view, [MERCATOR_MAX_LAT], [0.0])[1][0] == pytest.approx(piece[1][-1])


def colour_near(pixels: np.ndarray, col: float, row: float, rgb: tuple[int, int, int], tol: int = 40) -> bool:
    r0, c0 = round(row), round(col)
    patch = pixels[max(r0 - 2, 0) : r0 + 3, max(c0 - 2, 0) : c0 + 3, :3].astype(int)
    return bool(np.any(np.all(np.abs(patch - np.array(rgb)) <= tol, axis=-1)))


@pytest.mark.parametrize("spec", SPECS[:3], ids=lambda s: s.kind)
def test_should_paint_the_paths_in_their_colours_where_they_are_projected(
    seed_plan: MapPlan, spec: ProjectionSpec
) -> None:
    image = rendered(seed_plan, spec, dpi=150)
    pixels = np.asarray(Image.open(io.BytesIO(image.data)).convert("RGB"))
    assert pixels.shape[:2] == (image.size_px[1], image.size_px[0])
    flight = [p for p in pixel_pieces(image, seed_plan, "flight")]
    samples = [v for p in flight for v in p[5:-5:3]]  # away from the markers at the ends
    assert len(samples) > 20
    hits = [colour_near(pixels, c, r, (0xF3, 0x9C, 0x12)) for c, r in samples]
    assert sum(hits) >= 0.95 * len(hits)
    # away from any path, the page is not orange: a corner of the title band
    assert not colour_near(pixels, 5, 5, (0xF3, 0x9C, 0x12))


def test_should_hide_markers_behind_the_globe_and_say_so() -> None:
    plan = plan_map([MapPoint("Near", 0.0, 0.0), MapPoint("Far", 0.0, 170.0)], title="far side")
    view = view_for(plan, ProjectionSpec("globe", LatLon(0.0, 0.0), "0°, 0°"))
    far = next(m for m in plan.markers if m.name == "Far")
    assert marker_xy(view, far) is None
    svg = render_image(plan, view, fmt="svg", size_mm=(200, 150)).data.decode()
    assert "Not visible (behind the globe): Far." in svg


def test_svg_and_pdf_are_byte_identical_across_runs(seed_plan: MapPlan) -> None:
    for fmt in ("svg", "pdf"):
        first = rendered(seed_plan, SPECS[2], fmt=fmt).data
        second = rendered(seed_plan, SPECS[2], fmt=fmt).data
        assert first == second, fmt
    svg = rendered(seed_plan, SPECS[1], fmt="svg").data.decode()
    for credit in ("Natural Earth", "GeoNames", "OurAirports", "Is Anchorage halfway? Roughly halfway"):
        assert credit in svg
    assert "<dc:date>" not in svg


def test_brief_is_one_pdf_page_with_the_card_and_the_map(seed_plan: MapPlan) -> None:
    brief = render_brief(
        seed_plan, view_for(seed_plan, SPECS[4]), heading="Anchorage 2021", card="Verdict: ROUGHLY HALFWAY"
    )
    assert (
        brief.data.startswith(b"%PDF-")
        and brief.data.count(b"/Type /Page\n") + brief.data.count(b"/Type /Page ") <= 1
    )


# ---------------------------------------------------------------------------------------------
# CLI
# ---------------------------------------------------------------------------------------------

MAGIC = {"png": b"\x89PNG\r\n\x1a\n", "svg": b"<?xml", "pdf": b"%PDF-"}


@pytest.mark.parametrize(
    ("fmt", "options"),
    [
        ("png", ["--projection", "north", "--dpi", "80", "--size", "A5"]),
        ("svg", ["--projection", "globe:60,-150"]),
        ("pdf", ["--projection", "aeqd:Anchorage", "--rings", "5000"]),
    ],
)
def test_cli_writes_images(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str, options: list[str]
) -> None:
    out = tmp_path / f"map.{fmt}"
    code = main(["map", "--between", "A=60,0", "B=60,180", *options, "--out", str(out)])
    stdout, err = capsys.readouterr()
    assert code == 0, err
    assert stdout.startswith(f"wrote {out} (") and fmt.upper() in stdout
    assert out.read_bytes().startswith(MAGIC[fmt])


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--projection", "polar"], "unknown projection 'polar'"),
        (["--projection", "north:60,0"], "takes no centre"),
        (["--projection", "aeqd:"], "names no centre"),
        (["--projection", "aeqd:Atlantisville"], "unknown place"),
        (["--size", "A3"], "--size 'A3' must be A4, A5 or WxH"),
        (["--size", "10x10"], "each side must be"),
        (["--dpi", "0"], "--dpi 0 must be a whole number"),
        (["--dpi", "1200"], "at most 120 million"),
    ],
)
def test_bad_image_options_are_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], options: list[str], message: str
) -> None:
    out = tmp_path / "map.png"
    code = main(["map", "--between", "A=60,0", "B=60,180", *options, "--out", str(out)])
    stdout, err = capsys.readouterr()
    assert code == 2 and stdout == ""
    assert message in err and err.count("\n") == 1 and err.startswith("halfway map: error:")
    assert not out.exists()


def test_image_options_are_refused_for_html(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["map", "--between", "A=60,0", "B=60,180", "--dpi", "100", "--out", str(tmp_path / "m.html")])
    assert code == 2 and "--dpi is for images" in capsys.readouterr().err


def test_distance_of_ring_vertices_is_the_geodesic_distance() -> None:  # the projection agrees with geodesy
    view = View("aeqd", "+proj=aeqd +lat_0=38.9072 +lon_0=-77.0369 +ellps=WGS84 +units=m +no_defs",
                LatLon(38.9072, -77.0369), "Washington", 120.0)  # fmt: skip
    x, y = project(view, [39.9042], [116.4074])
    assert math.hypot(float(x[0]), float(y[0])) / 1000 == pytest.approx(
        distance_km(38.9072, -77.0369, 39.9042, 116.4074), rel=1e-9
    )


def test_hostile_labels_are_text_in_the_svg() -> None:
    """Names that are HTML, template or TeX (matplotlib would read ``$…$`` as mathtext) make a
    well-formed SVG with no script and no event attribute; the title shows the parties' names as
    the same characters (labels beside markers are drawn as glyph outlines, not text)."""
    import xml.etree.ElementTree as ET

    from map_html import HOSTILE_NAMES

    names = [*HOSTILE_NAMES[:6], "$x^2$ \\frac{1}{2}", "_ ^ % # &"]
    parties = [MapPoint(name, 10.0 + 7 * k, -60.0 + 15 * k) for k, name in enumerate(names[:2])]
    venues = [VenueMark(name, -20.0 + 6 * k, 10.0 + 12 * k) for k, name in enumerate(names[2:])]
    svg = rendered(plan_map(parties, venues=venues), ProjectionSpec("mercator"), fmt="svg").data.decode()
    root = ET.fromstring(svg)  # well-formed: a raw "<" or "&" from a name would break it
    ns = "{http://www.w3.org/2000/svg}"
    assert root.find(f".//{ns}script") is None
    assert not any(k.lower().startswith("on") for e in root.iter() for k in e.attrib)
    texts = "".join("".join(t.itertext()) for t in root.iter(f"{ns}text"))
    flat = "".join(texts.split())
    for name in names[:2]:
        assert "".join(name.split()) in flat, name
