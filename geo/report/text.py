"""Plain-text output of the CLI: a verdict card a journalist can quote, and short lines."""

from __future__ import annotations

from geo.analysis.check import CheckResult
from geo.core.geodesy import Inverse
from geo.core.units import format_km, format_lat_lon
from geo.places.gazetteer import Place


def place_line(place: Place) -> str:
    """One line: what a query resolved to, and why.

    >>> from geo.places.resolve import resolve
    >>> print(place_line(resolve("PANC")))  # doctest: +NORMALIZE_WHITESPACE
    PANC → Ted Stevens Anchorage International Airport (ANC) — airport, US,
    61.1790, -149.9926; longest runway 3,780 m
    """
    parts = [f"{place.query or place.name} → {place.label} — {place.kind}"]
    if place.country:
        parts.append(place.country)
    parts.append(f"{place.lat:.4f}, {place.lon:.4f}")
    text = ", ".join(parts)
    if place.runway_m:
        text += f"; longest runway {place.runway_m:,} m"
    if place.note:
        text += f"\n  ({place.note})"
    return text


def distance_line(a: Place, b: Place, inv: Inverse) -> str:
    """The geodesic distance between two places with its initial azimuth."""
    return (
        f"{a.label} → {b.label}: {inv.distance_km:,.3f} km on the WGS84 ellipsoid "
        f"(initial azimuth {inv.azimuth1_deg % 360:.1f}°, {inv.distance_km / 1.852:,.0f} nautical miles)"
    )


def check_card(result: CheckResult) -> str:
    """The verdict card: the verdict, every number, and what each meaning of 'halfway' says."""
    v, (a, b) = result.venue, result.parties
    rows: list[tuple[str, str, str]] = []  # label, number, comment
    for i, party in enumerate((a, b)):
        share = f"({100 * result.split[i]:.0f} % of the trip total)" if result.split else ""
        rows.append((f"{party.name} → {v.name}", format_km(party.distance_km), share))
    rows.append((f"{a.name}–{b.name} direct", format_km(result.direct_km), "WGS84 geodesic"))
    if result.midpoint is not None and result.venue_to_midpoint_km is not None:
        mid = format_lat_lon(result.midpoint.lat, result.midpoint.lon)
        rows.append(
            ("true midpoint to venue", format_km(result.venue_to_midpoint_km), f"(midpoint at {mid})")
        )
    if result.cross_track_km is not None and result.along_track_fraction is not None:
        where = f"(nearest point {100 * result.along_track_fraction:.0f} % of the way from {a.name})"
        rows.append(("off the direct path", format_km(result.cross_track_km), where))
    if result.detour_km is not None and result.detour_pct is not None:
        rows.append(
            (f"detour via {v.name}", "+" + format_km(result.detour_km), f"({result.detour_pct:+.1f} %)")
        )
    label_w = max(len(r[0]) for r in rows)
    number_w = max(len(r[1]) for r in rows)
    lines = [f"Is {v.name} halfway between {a.name} and {b.name}?  Verdict: {result.verdict.upper()}", ""]
    lines += [
        f"  {label:<{label_w}}  {number:>{number_w}}  {comment}".rstrip() for label, number, comment in rows
    ]
    lines += ["", 'What each meaning of "halfway" says:']
    for c in result.criteria:
        lines.append(f"  {c.name:<16} {c.holds:<9} {c.detail}")
    lines += ["", result.explanation]
    notes = [f"{p.query} → {p.name}: {p.note}" for p in (v, a, b) if p.note and p.query != p.name]
    if notes:
        lines += ["", "How the places were read:"] + [f"  {n}" for n in notes]
    t = result.thresholds
    lines += [
        "",
        f"Verdict rule: halfway = detour ≤ {t.halfway_detour_pct:g} % and split within "
        f"{100 * t.halfway_split_tolerance:g} points of 50/50; roughly = ≤ {t.roughly_detour_pct:g} % and "
        f"within {100 * t.roughly_split_tolerance:g} points. Distances: WGS84 geodesics.",
    ]
    return "\n".join(lines)
