"""The readable report of the claims in an article (``halfway article``)."""

from __future__ import annotations

from geo.analysis.check import CheckResult
from geo.claims.article import ArticleReport, Claim
from geo.report.text import check_card, equidistance_card


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
        lines.append(f"  venue {claim.venue}, between {', '.join(others)} and {last}")
        if claim.read_as:
            venue, *parties = claim.read_as
            lines.append(f"  read as {venue}; parties {'; '.join(parties)}")
        if claim.note:
            lines.append(f"  ({claim.note})")
        lines += alternatives_lines(claim)
        as_read = " as read (AMBIGUOUS, see above)" if claim.ambiguous else ""
        lines.append(f"  the sentence claims: {claim.reading} — {claim.holds.upper()}{as_read}")
        lines.append("")
        r = claim.result
        card = check_card(r) if isinstance(r, CheckResult) else equidistance_card(r)
        lines += [f"  {line}".rstrip() for line in card.splitlines()]
    if report.unresolved:
        lines += ["", "Not checked:"]
        for item in report.unresolved:
            lines += [f'  - "{item.sentence}" (characters {item.start}–{item.end})', f"    {item.reason}"]
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
        lines.append(
            f"  AMBIGUOUS: as read, the claim does not hold, but with {which} it does: which place the "
            "article means decides the verdict"
        )
    if claim.alternatives:
        others = "; ".join(f"{a.role} {a.written!r} as {a.place}: {a.holds}" for a in claim.alternatives)
        lines.append(f"  other readings: {others}")
    return lines
