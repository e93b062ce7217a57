"""Plain-text output of the CLI: a verdict card a journalist can quote, and short lines."""

from __future__ import annotations

from typing import TYPE_CHECKING

from geo.analysis.check import CheckResult, EquidistanceResult, PlaceRef
from geo.core.geodesy import Inverse, PathPeak
from geo.core.units import format_km, format_lat_lon
from geo.places.gazetteer import Place

if TYPE_CHECKING:  # geo.analysis.areas loads only for the one card that needs it (a faster `check`)
    from geo.analysis.areas import CentreResult


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


def _reading_notes(places: tuple[PlaceRef, ...]) -> list[str]:
    """How names that needed reading were read ("New York → New York City: …"), for a card."""
    notes = [f"{p.query} → {p.name}: {p.note}" for p in places if p.note and p.query != p.name]
    return ["", "How the places were read:", *(f"  {n}" for n in notes)] if notes else []


def equidistance_card(result: EquidistanceResult) -> str:
    """The card of an equal-distance check of three or more parties: each distance and the spread.

    >>> from geo.analysis.check import check_equidistant
    >>> from geo.places.resolve import resolve
    >>> print(equidistance_card(check_equidistant(resolve("Anchorage"),
    ...                                           [resolve(p) for p in ("New York", "Tokyo", "Frankfurt")])))
    Is Anchorage equally far from New York City, Tokyo and Frankfurt am Main?  Verdict: ROUGHLY EQUIDISTANT
    <BLANKLINE>
      New York City → Anchorage      5,424 km
      Tokyo → Anchorage              5,575 km
      Frankfurt am Main → Anchorage  7,514 km
      spread (farthest − nearest)    2,090 km  (imbalance 8.1 %)
    <BLANKLINE>
    Anchorage is roughly equidistant from the 3 places: it is 5,424 km from New York City, ...
    """
    v = result.venue
    names = [p.name for p in result.parties]
    rows = [(f"{p.name} → {v.name}", format_km(p.distance_km)) for p in result.parties]
    spread = "spread (farthest − nearest)"
    label_w = max(len(spread), *(len(label) for label, _ in rows))
    lines = [
        f"Is {v.name} equally far from {', '.join(names[:-1])} and {names[-1]}?  "
        f"Verdict: {result.verdict.upper()}",
        "",
    ]
    lines += [f"  {label:<{label_w}}  {number:>8}" for label, number in rows]
    lines.append(
        f"  {spread:<{label_w}}  {format_km(result.spread_km):>8}  (imbalance {100 * result.imbalance:.1f} %)"
    )
    lines += ["", result.explanation]
    lines += _reading_notes((v, *result.parties))
    t = result.thresholds
    lines += [
        "",
        f"Verdict rule: imbalance (farthest − nearest) / (2 × (farthest + nearest)) ≤ "
        f"{100 * t.halfway_split_tolerance:g} % is equidistant, ≤ {100 * t.roughly_split_tolerance:g} % "
        "roughly (for two places: the split within that many points of 50/50). "
        "“Halfway” is defined for two places only. Distances: WGS84 geodesics.",
    ]
    return "\n".join(lines)


def centre_card(result: CentreResult) -> str:
    """The card of a claim about the middle of one area ("Kassel is in the middle of Germany").

    >>> from geo.analysis.areas import check_centre
    >>> from geo.places.resolve import resolve
    >>> print(centre_card(check_centre(resolve("Kassel"), resolve("Germany"), True)))  # doctest: +ELLIPSIS
    Is Kassel in the middle of Germany?  Verdict: ROUGHLY IN THE MIDDLE
    <BLANKLINE>
      Kassel → centre of Germany        67 km  (51.05°N, 10.36°E)
      how far Germany reaches from it  465 km  (its farthest point)
      share of the reach                 14 %
    ...
    """
    from geo.analysis.areas import CENTRE_ROUGHLY, CENTRE_YES

    v, (centre,) = result.venue, result.parties
    area = centre.query
    rows = [
        (
            f"{v.name} → {centre.name}",
            format_km(centre.distance_km),
            f"({format_lat_lon(centre.lat, centre.lon, 2)})",
        ),
        (f"how far {area} reaches from it", format_km(result.reach_km), "(its farthest point)"),
        ("share of the reach", f"{100 * result.share:.0f} %", ""),
    ]
    label_w = max(len(r[0]) for r in rows)
    number_w = max(len(r[1]) for r in rows)
    lines = [f"Is {v.name} in the middle of {area}?  Verdict: {result.verdict.upper()}", ""]
    lines += [f"  {a:<{label_w}}  {b:>{number_w}}  {c}".rstrip() for a, b, c in rows]
    lines += [
        "",
        result.explanation,
        "",
        f"Verdict rule: in the middle = within {100 * CENTRE_YES:g} % of the area's reach from its centre; "
        f"roughly = within {100 * CENTRE_ROUGHLY:g} %. Distances: WGS84 geodesics.",
    ]
    return "\n".join(lines)


def _peak_parts(peak: PathPeak, name_a: str, name_b: str) -> tuple[str, str, str]:
    """The latitude, where it is (a longitude or an end's name), and how far from the pole."""
    lat = f"{abs(peak.lat):.1f}°{'N' if peak.lat >= 0 else 'S'}"
    if peak.vertex:
        where = f"{abs(peak.lon):.1f}°{'E' if peak.lon >= 0 else 'W'}"
    else:
        where = name_a if peak.fraction == 0.0 else name_b
    return lat, where, f"{format_km(peak.pole_km)} from the {peak.pole.capitalize()} Pole"


def peak_texts(peak: PathPeak, name_a: str, name_b: str) -> tuple[str, str]:
    """The latitude where a path comes nearest a pole, and (in brackets) where and how near.

    >>> from geo.core.geodesy import LatLon, path_peak
    >>> peak_texts(path_peak(LatLon(38.9072, -77.0369), LatLon(39.9042, 116.4074)), "A", "B")
    ('81.9°N', '(at 160.4°W, 902 km from the North Pole)')
    >>> peak_texts(path_peak(LatLon(38.9, -77.0), LatLon(-34.6, -58.4)), "Washington", "Buenos Aires")
    ('38.9°N', '(at Washington, 5,695 km from the North Pole)')
    """
    lat, where, pole = _peak_parts(peak, name_a, name_b)
    return lat, f"(at {where}, {pole})"


def peak_sentence(peak: PathPeak, name_a: str, name_b: str) -> str:
    """One sentence on how near a pole the direct path comes.

    >>> from geo.core.geodesy import LatLon, path_peak
    >>> peak_sentence(path_peak(LatLon(38.9072, -77.0369), LatLon(39.9042, 116.4074)), "A", "B")
    'The direct path peaks at 81.9°N (160.4°W), 902 km from the North Pole.'
    >>> peak_sentence(path_peak(LatLon(38.9, -77.0), LatLon(-34.6, -58.4)), "Washington", "Buenos Aires")
    'The direct path comes nearest a pole at Washington (38.9°N), 5,695 km from the North Pole.'
    """
    lat, where, pole = _peak_parts(peak, name_a, name_b)
    if peak.vertex:
        return f"The direct path peaks at {lat} ({where}), {pole}."
    return f"The direct path comes nearest a pole at {where} ({lat}), {pole}."


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
    if result.direct_peak is not None:
        rows.append(("direct path's highest latitude", *peak_texts(result.direct_peak, a.name, b.name)))
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
    lines += _reading_notes((v, a, b))
    t = result.thresholds
    lines += [
        "",
        f"Verdict rule: halfway = detour ≤ {t.halfway_detour_pct:g} % and split within "
        f"{100 * t.halfway_split_tolerance:g} points of 50/50; roughly = ≤ {t.roughly_detour_pct:g} % and "
        f"within {100 * t.roughly_split_tolerance:g} points. Distances: WGS84 geodesics.",
    ]
    return "\n".join(lines)
