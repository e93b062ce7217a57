"""The legend of a map page as HTML: title (the verdict), one entry per kind drawn, the notes.

Shared by the Leaflet page (:mod:`geo.maps.render`) and the projected page
(:mod:`geo.maps.projected_html`); every string goes through :func:`geo.report.escape.html_text`.
"""

from __future__ import annotations

from collections.abc import Sequence

from geo.maps.plan import MapPlan
from geo.report.escape import html_text


def legend_html(plan: MapPlan, extra_notes: Sequence[str] = ()) -> str:
    """The legend's inner HTML (already escaped), with ``extra_notes`` after the plan's notes.

    Examples
    --------
    >>> from geo.maps.plan import MapPoint, plan_map
    >>> html = legend_html(plan_map([MapPoint("<b>", 0, 0)]), ["${x}"])
    >>> "<b>" in html, "&#36;&#123;x&#125;" in html
    (False, True)
    """
    parts = [f'<div class="geo-title">{html_text(plan.title)}</div>']
    for entry in plan.legend:
        if entry.shape == "circle":
            swatch = f'<span class="geo-swatch circle" style="background:{html_text(entry.color)}"></span>'
        elif entry.shape == "heat":
            stops = ",".join(html_text(c) for c in entry.color.split(","))
            gradient = f"linear-gradient(90deg,{stops})"
            swatch = f'<span class="geo-swatch" style="width:40px;background:{gradient}"></span>'
        elif entry.shape == "area":
            swatch = (
                f'<span class="geo-swatch" style="background:{html_text(entry.color)};opacity:0.45;'
                f'border:1px dashed {html_text(entry.color)}"></span>'
            )
        else:
            style = "dashed" if entry.shape == "dashed" else "solid"
            swatch = (
                f'<span class="geo-swatch" style="height:0;border-top:3px {style} '
                f'{html_text(entry.color)}"></span>'
            )
        parts.append(f"<div>{swatch}{html_text(entry.label)}</div>")
    parts += [f'<div class="geo-note">{html_text(note)}</div>' for note in plan.notes]
    parts += [f'<div class="geo-note geo-extra-note">{html_text(note)}</div>' for note in extra_notes]
    return "".join(parts)
