"""Markdown for the dashboard: the verdict card. User-supplied text goes through
:func:`geo.report.escape.md_escape`."""

from __future__ import annotations

from geo.analysis.areas import CENTRE_ROUGHLY, CENTRE_YES, CentreResult
from geo.analysis.check import CheckResult, EquidistanceResult
from geo.core.units import format_km
from geo.report.escape import md_escape
from geo.report.text import peak_sentence

_ICONS = {"yes": "✅", "roughly": "🟡", "no": "❌", "undefined": "⚪"}


def verdict_markdown(result: CheckResult) -> str:
    """The verdict card as Markdown: the verdict, the explanation, and each reading of halfway."""
    lines = [f"### Verdict: {result.verdict.upper()}", "", md_escape(result.explanation), ""]
    if result.direct_peak is not None:
        a, b = result.parties
        lines += [md_escape(peak_sentence(result.direct_peak, a.name, b.name)), ""]
    for criterion in result.criteria:
        icon = _ICONS.get(criterion.holds, "")
        lines.append(f"- {icon} **{criterion.name}** ({criterion.holds}): {md_escape(criterion.detail)}")
    t = result.thresholds
    lines += [
        "",
        f"*Halfway* = detour ≤ {t.halfway_detour_pct:g} % and split within "
        f"{100 * t.halfway_split_tolerance:g} points of 50/50; "
        f"*roughly* = ≤ {t.roughly_detour_pct:g} % and within "
        f"{100 * t.roughly_split_tolerance:g} points. All distances are WGS84 geodesics.",
    ]
    return "\n".join(lines)


def equidistance_markdown(result: EquidistanceResult) -> str:
    """The card of an equal-distance check of three or more parties, as Markdown."""
    lines = [f"### Verdict: {result.verdict.upper()}", "", md_escape(result.explanation), ""]
    for p in result.parties:
        lines.append(f"- {md_escape(p.name)}: {format_km(p.distance_km)}")
    t = result.thresholds
    lines += [
        f"- spread (farthest − nearest): {format_km(result.spread_km)}, "
        f"imbalance {100 * result.imbalance:.1f} %",
        "",
        f"*Equidistant* = imbalance (farthest − nearest) / (2 × (farthest + nearest)) ≤ "
        f"{100 * t.halfway_split_tolerance:g} %; *roughly* ≤ {100 * t.roughly_split_tolerance:g} %. "
        "“Halfway” is defined for two places only. All distances are WGS84 geodesics.",
    ]
    return "\n".join(lines)


def centre_markdown(result: CentreResult) -> str:
    """The card of a claim about the middle of one area, as Markdown."""
    centre = result.parties[0]
    return "\n".join(
        [
            f"### Verdict: {result.verdict.upper()}",
            "",
            md_escape(result.explanation),
            "",
            f"*In the middle* = within {100 * CENTRE_YES:g} % of the area's reach from its centre; "
            f"*roughly* = within {100 * CENTRE_ROUGHLY:g} %. The centre: {md_escape(centre.note)}. "
            "All distances are WGS84 geodesics.",
        ]
    )
