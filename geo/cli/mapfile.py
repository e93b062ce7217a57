"""Write a map to the file ``--out`` names: the offline HTML page, or its layers as data.

Shared by ``map --out`` and ``route --out``. The suffix chooses the format: ``.html``/``.htm``
(the self-contained page, :func:`geo.maps.offline_html.export_html`), ``.geojson``, ``.kml`` or
``.kmz`` (every layer, :mod:`geo.maps.exports`). Anything else is refused with one line before
any work is done.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from geo.errors import InvalidInputError

if TYPE_CHECKING:
    import folium

HTML_SUFFIXES = (".html", ".htm")
DATA_SUFFIXES = {".geojson": "GeoJSON", ".kml": "KML", ".kmz": "KMZ"}


@dataclass(frozen=True)
class Written:
    """What was written: the path, its size in bytes, and its format (``html``, ``geojson``…)."""

    path: Path
    bytes: int
    format: str

    @property
    def is_html(self) -> bool:
        return self.format == "html"


def map_out_path(out: str, *, cdn: bool = False) -> Path:
    """The path ``--out`` names, checked: a known suffix, and a regular file or nothing yet.

    >>> map_out_path("seed.kml").suffix
    '.kml'
    >>> map_out_path("seed.png")
    Traceback (most recent call last):
    ...
    geo.errors.InvalidInputError: --out 'seed.png' must name an .html, .geojson, .kml or .kmz file
    """
    from geo.core.files import check_regular_file

    path = Path(out)
    suffix = path.suffix.lower()
    if suffix not in HTML_SUFFIXES and suffix not in DATA_SUFFIXES:
        raise InvalidInputError(f"--out {out!r} must name an .html, .geojson, .kml or .kmz file")
    if cdn and suffix not in HTML_SUFFIXES:
        raise InvalidInputError(f"--cdn applies to an .html page, not to {out!r}")
    return check_regular_file(path, writing=True)  # a FIFO would block the write forever


def write_map(m: folium.Map, path: Path, *, cdn: bool = False) -> Written:
    """Write ``m`` to ``path`` in the format of its suffix (checked by :func:`map_out_path`)."""
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        from geo.maps.offline_html import export_html

        data = export_html(m, offline=not cdn).encode("utf-8")
        kind = "html"
    else:
        from geo.maps.exports import export_data

        data = export_data(m, suffix)
        kind = suffix[1:]
    write_out(path, data, str(path))
    return Written(path, len(data), kind)


def written_line(written: Written, *, cdn: bool = False) -> str:
    """The line a command prints after writing a map.

    >>> written_line(Written(Path("seed.kml"), 20480, "kml"))
    'wrote seed.kml (20 kB, KML: every layer of the map, for Google Earth and GIS)'
    """
    size = f"{written.bytes / 1024:,.0f} kB"
    if written.is_html:
        kind = "online only: loads scripts and tiles from the web" if cdn else "self-contained, works offline"
    else:
        kind = f"{DATA_SUFFIXES['.' + written.format]}: every layer of the map, for Google Earth and GIS"
    return f"wrote {written.path} ({size}, {kind})"


IMAGE_SUFFIXES = (".png", ".svg", ".pdf")


def write_out(path: Path, data: bytes, shown: str) -> None:
    """Write ``data`` to ``path`` or fail with one line naming ``shown`` (the path as typed)."""
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise InvalidInputError(f"cannot write {shown!r}: {exc.strerror or exc}") from None


def write_plan(
    out: str,
    plan: object,
    projection: str | None = None,
    *,
    size: str | None = None,
    dpi: int | None = None,
    online: bool = False,
) -> str:
    """Write a map plan in the format ``out``'s suffix names (HTML page, GeoJSON/KML/KMZ, or a
    PNG/SVG/PDF image) and return the line to print."""
    from geo.core.files import check_regular_file
    from geo.maps.plan import MapPlan

    assert isinstance(plan, MapPlan)
    path = Path(out)
    suffix = path.suffix.lower()
    if suffix in IMAGE_SUFFIXES:
        from geo.maps.image import check_dpi, image_format, parse_size
        from geo.usecases import map_image

        size_mm = parse_size(size) if size is not None else None
        if dpi is not None:
            check_dpi(dpi, *(() if size_mm is None else (size_mm,)))
        check_regular_file(path, writing=True)
        rendered = map_image(
            plan,
            projection or "mercator",
            fmt=image_format(path.name),
            size=size or "A4",
            dpi=dpi,
            online=online,
        )
        write_out(path, rendered.data, out)
        size = f"{len(rendered.data) / 1024:,.0f} kB"
        return f"wrote {path} ({size}, {rendered.fmt.upper()}, {rendered.view.kind})"
    if suffix not in HTML_SUFFIXES and suffix not in DATA_SUFFIXES:
        raise InvalidInputError(
            f"--out {out!r} must name an .html, .geojson, .kml, .kmz, .png, .svg or .pdf file"
        )
    for option, value in (("size", size), ("dpi", dpi)):
        if value is not None:
            raise InvalidInputError(f"--{option} is for images (--out FILE.png, .svg or .pdf), not {suffix}")
    checked = map_out_path(out)
    if projection is not None and suffix in HTML_SUFFIXES:
        from geo.maps.projection import parse_projection

        if parse_projection(projection)[0] != "mercator":
            from geo.usecases import map_page

            page, view = map_page(plan, projection, online=online)
            data = page.encode("utf-8")
            write_out(checked, data, out)
            return f"wrote {checked} ({len(data) / 1024:,.0f} kB, self-contained, works offline, {view.kind})"
    elif projection is not None:
        raise InvalidInputError(f"--projection is for HTML maps and images, not {suffix}")
    from geo.maps.render import render_plan

    return written_line(write_map(render_plan(plan), checked))
