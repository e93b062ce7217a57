"""The readable report of the claims in an article (``halfway article``)."""

from __future__ import annotations

from geo.analysis.check import CheckResult, EquidistanceResult
from geo.claims.article import ArticleReport, Claim
from geo.core.units import format_km, format_lat_lon
from geo.report.text import centre_card, check_card, equidistance_card


def format_report(report: ArticleReport) -> str:
    """The CLI's readable report: each claim with its verdict card, then what was not checked.

    >>> from geo.claims.article import check_article
    >>> print(format_report(check_article("No claims here, only Paris.")))
    No halfway claims found.
    <BLANKLINE>
    Places named (1):
      Paris  ...  1 mention: Paris
    """
    lines: list[str] = []
    n_claims, n_open = len(report.claims), len(report.unresolved)
    if not n_claims and not n_open:
        lines.append("No halfway claims found.")
    else:
        lines.append(f"{n_claims} claim{'s' * (n_claims != 1)} checked, {n_open} not checked.")
    for number, claim in enumerate(report.claims, 1):
        lines += [
            "",
            f"Claim {number} ({claim.kind}, characters {claim.start}–{claim.end}):",
            f'  "{claim.sentence}"',
        ]
        *others, last = claim.between
        where = f"between {', '.join(others)} and {last}" if others else f"in the middle of {last}"
        lines.append(f"  venue {claim.venue}, {where}")
        if claim.read_as:
            venue, *parties = claim.read_as
            lines.append(f"  read as {venue}; parties {'; '.join(parties)}")
        if claim.note:
            lines.append(f"  ({claim.note})")
        lines += alternatives_lines(claim)
        as_read = " as read (AMBIGUOUS, see above)" if claim.ambiguous else ""
        if claim.nearest is not None and claim.nearest_holds is not None:
            as_read += " from the areas' representative points"
        lines.append(f"  the sentence claims: {claim.reading} — {claim.holds.upper()}{as_read}")
        lines += nearest_lines(claim)
        lines.append("")
        r = claim.result
        card = (
            check_card(r)
            if isinstance(r, CheckResult)
            else equidistance_card(r)
            if isinstance(r, EquidistanceResult)
            else centre_card(r)
        )
        lines += [f"  {line}".rstrip() for line in card.splitlines()]
    if report.unresolved:
        lines += ["", "Not checked:"]
        for item in report.unresolved:
            where = (
                f" (characters {item.start}–{item.end})" if item.start >= 0 else " (outside the main text)"
            )
            lines += [f'  - "{item.sentence}"{where}', f"    {item.reason}"]
    lines += ["", f"Places named ({len(report.places)}):"]
    for place in report.places:
        counts: dict[str, int] = {}
        for mention in place.mentions:
            counts[mention.text] = counts.get(mention.text, 0) + 1
        written = ", ".join(f"{t} ×{c}" if c > 1 else t for t, c in counts.items())
        n = len(place.mentions)
        lines.append(
            f"  {place.name}  {place.lat:.4f}, {place.lon:.4f}  {n} mention{'s' * (n != 1)}: {written}"
        )
    if not report.places:
        lines.append("  (none)")
    return "\n".join(lines)


def alternatives_lines(claim: Claim) -> list[str]:
    """The rival readings of a claim's places; first, when one of them decides it, AMBIGUOUS.

    >>> from geo.claims.article import check_article
    >>> (claim,) = check_article("Portland is halfway between Seattle and Springfield.").claims
    >>> print("\\n".join(alternatives_lines(claim)))  # doctest: +ELLIPSIS
      AMBIGUOUS: as read, the claim does not hold, but with party 2 'Springfield' as Springfield, OR, ...
      other readings: ...
    """
    lines: list[str] = []
    if claim.ambiguous:
        fits = [a for a in claim.alternatives if a.holds in ("yes", "roughly")]
        which = "; ".join(f"{a.role} {a.written!r} as {a.place} ({a.holds})" for a in fits)
        if fits and claim.holds == "no":
            lines.append(
                f"  AMBIGUOUS: as read, the claim does not hold, but with {which} it does: which place the "
                "article means decides the verdict"
            )
        else:  # a doubtful reading, a stated distance that does not fit, a route's course: the note says
            lines.append("  AMBIGUOUS: no verdict is given with confidence (the note above says why)")
    if claim.alternatives:
        others = "; ".join(f"{a.role} {a.written!r} as {a.place}: {a.holds}" for a in claim.alternatives)
        lines.append(f"  other readings: {others}")
    return lines


def nearest_lines(claim: Claim) -> list[str]:
    """The claim measured from the nearest points of its area parties (countries, continents).

    >>> from geo.claims.article import check_article
    >>> (claim,) = check_article("The Azores lie almost midway between North America and Europe.").claims
    >>> print("\\n".join(nearest_lines(claim)))  # doctest: +NORMALIZE_WHITESPACE
      from the nearest points instead: North America 2,233 km (47.54°N, 52.65°W),
      Europe 1,606 km (38.74°N, 9.53°W): a 58/42 split, +6.9 % detour — ROUGHLY
    """
    n = claim.nearest
    if n is None or claim.nearest_holds is None:
        return []
    points = ", ".join(
        f"{a.area} {format_km(a.nearest.distance_km)} ({format_lat_lon(a.nearest.lat, a.nearest.lon, 2)})"
        for a in n.areas
    )
    r = n.result
    numbers = ""
    if isinstance(r, CheckResult) and r.split is not None and r.detour_pct is not None:
        numbers = f": a {100 * r.split[0]:.0f}/{100 * r.split[1]:.0f} split, {r.detour_pct:+.1f} % detour"
    elif not isinstance(r, CheckResult):
        numbers = f": spread {format_km(r.spread_km)}"
    return [f"  from the nearest points instead: {points}{numbers} — {claim.nearest_holds.upper()}"]
