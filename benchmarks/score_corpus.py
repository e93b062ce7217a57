"""Score `article` on the real-text corpus (tests/corpus/claims.jsonl), tune and held-out apart.

For every hand-labelled claim the excerpt is read by :func:`geo.claims.article.check_article`
and the outcome is one of:

* **read right** – a checked claim covers the quote, its venue lies within ``venue_radius_km``
  of the expected point, its parties match the expected ones (each within its radius, as a
  set, same number; for a country or continent the point of it nearest the venue, which the
  claim also reports, counts too: "1,600 km from the coast of Africa"), and it claims the
  expected reading (halfway / equidistant / midpoint);
* **misread** – a checked claim covers the quote but names another venue, other parties or
  another reading: a confident wrong answer, the worst outcome;
* **unsure** – the quote is listed as not checked (unresolved) with a reason, or checked but
  marked ambiguous (a rival reading of one of its places would change the outcome): the
  tool says it cannot tell. For a claim labelled ``resolvable: false`` (a careful reader cannot
  tell either) that is the right answer and counts as **read right**;
* **found nowhere** – nothing covers the quote.

A reading answers one claim: when a sentence holds two claims and the tool reads one, right, the
other is not counted as misread by that same reading (it is unsure or found nowhere).

Negatives (sentences that use the words but claim nothing) count as **false positives** when a
checked claim covers them, and as listed when they are only listed as not checked.

    python benchmarks/score_corpus.py [--corpus FILE] [--thirds] [--details [tune|heldout|all]]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from geographiclib.geodesic import Geodesic

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from geo.claims.article import ArticleReport, Claim, check_article  # noqa: E402

CORPUS = ROOT / "tests" / "corpus" / "claims.jsonl"
OUTCOMES = ("read right", "misread", "unsure", "found nowhere")
READING_OF_KIND = {"equal distance": "equidistant", "at the midpoint": "midpoint", "halfway": "halfway"}


def km(a: Sequence[float], b: Sequence[float]) -> float:
    return float(Geodesic.WGS84.Inverse(a[0], a[1], b[0], b[1])["s12"]) / 1000


@dataclass
class Tally:
    outcomes: Counter[str] = field(default_factory=Counter)
    unresolvable: Counter[str] = field(
        default_factory=Counter
    )  # outcomes of claims labelled resolvable: false
    negatives: int = 0
    false_positives: int = 0
    negatives_listed: int = 0
    details: list[str] = field(default_factory=list)

    @property
    def claims(self) -> int:
        return sum(self.outcomes.values())


def covering(report: ArticleReport, text: str, quote: str) -> tuple[list[Claim], list[Any]]:
    """The checked claims and the unchecked items whose sentence overlaps ``quote`` in ``text``."""
    from geo.claims.article import plain_text

    plain = plain_text(text)
    start = plain.find(quote)
    if start < 0:  # whitespace differs after extraction: match on the quote's middle
        core = " ".join(quote.split())
        start = " ".join(plain.split()).find(core)
    end = start + len(quote)
    claims = [c for c in report.claims if c.start < end and start < c.end]
    unsure = [u for u in report.unresolved if u.start < end and start < u.end]
    return claims, unsure


def same_places(points: Sequence[tuple[float, float]], expected: Sequence[Any], radii: Sequence[Any]) -> bool:
    """Each expected place matched by one distinct point within its radius (as a set)."""
    if len(points) != len(expected) or any(e is None for e in expected):
        return False
    left = list(points)
    for want, radius in zip(expected, radii, strict=True):
        hit = next((p for p in left if km(p, want) <= radius), None)
        if hit is None:
            return False
        left.remove(hit)
    return True


def judge(claim: Claim, expected: dict[str, Any]) -> tuple[bool, str]:
    """Whether a checked claim is the expected reading; the reason when it is not."""
    venue = (claim.result.venue.lat, claim.result.venue.lon)
    if (
        expected.get("venue_point") is None
        or km(venue, expected["venue_point"]) > expected["venue_radius_km"]
    ):
        return False, f"venue {claim.result.venue.name!r}"
    parties = [(p.lat, p.lon) for p in claim.result.parties]
    nearest = [] if claim.nearest is None else [(p.lat, p.lon) for p in claim.nearest.result.parties]
    points, radii = expected.get("party_points") or [], expected.get("party_radius_km") or []
    if not same_places(parties, points, radii) and not (nearest and same_places(nearest, points, radii)):
        return False, "parties " + " / ".join(repr(p.name) for p in claim.result.parties)
    reading = READING_OF_KIND.get(claim.reading, claim.reading)
    if reading != expected["reading"]:
        return False, f"reading {claim.reading!r}"
    return True, ""


def _reason(item: Any) -> str:
    return "ambiguous claim" if isinstance(item, Claim) else str(item.reason)


def thirds(records: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The records split as claims.jsonl is: sorted by id, every third (index % 3 == 2) held out,
    the rest for tuning. For a fresh set once its first read is recorded: its tuning part may be
    read, its held-out third stays untouched until the end."""
    ordered = sorted(records, key=lambda r: r["id"])
    return [{**r, "split": "heldout" if i % 3 == 2 else "tune"} for i, r in enumerate(ordered)]


def score(records: Iterable[dict[str, Any]]) -> dict[str, Tally]:
    tallies: dict[str, Tally] = {"tune": Tally(), "heldout": Tally()}
    for record in records:
        tally = tallies[record["split"]]
        report = check_article(record["text"])
        covered = [covering(report, record["text"], e["quote"]) for e in record["claims"]]
        # One reading answers one claim: a sentence with two claims ("equidistant from A and B, and
        # halfway between C and D") and one reading, right for the first, misses the second; it does
        # not misread it. The readings that are right for a claim are taken first, in order.
        used: set[int] = set()
        rights: list[Claim | None] = []
        for expected, (claims, _) in zip(record["claims"], covered, strict=True):
            right = next(
                (c for c in claims if not c.ambiguous and id(c) not in used and judge(c, expected)[0]), None
            )
            if right is not None:
                used.add(id(right))
            rights.append(right)
        for expected, (claims, unsure), right in zip(record["claims"], covered, rights, strict=True):
            unsure = unsure + [c for c in claims if c.ambiguous]  # readings the tool cannot tell apart
            claims = [c for c in claims if not c.ambiguous and id(c) not in used]
            if right is not None:
                outcome, why = "read right", ""
            elif claims:
                outcome, why = "misread", judge(claims[0], expected)[1]
            elif unsure and not expected.get("resolvable", True):
                outcome, why = "read right", "declined, as labelled: " + _reason(unsure[0])
            elif unsure:
                outcome, why = "unsure", _reason(unsure[0])
            else:
                outcome, why = "found nowhere", ""
            tally.outcomes[outcome] += 1
            if not expected.get("resolvable", True):
                tally.unresolvable[outcome] += 1
            tally.details.append(
                f"{record['id']}: {outcome}{': ' + why if why else ''} | {expected['quote'][:90]}"
            )
        for negative in record.get("negatives", []):
            claims, unsure = covering(report, record["text"], negative)
            tally.negatives += 1
            tally.false_positives += bool(claims)
            tally.negatives_listed += bool(unsure) and not claims
            if claims:
                tally.details.append(f"{record['id']}: FALSE POSITIVE | {negative[:90]}")
    return tallies


def load(path: Path = CORPUS) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def table(tallies: dict[str, Tally]) -> str:
    rows = ["split     claims  read right  misread  unsure  found nowhere  negatives  false pos.  listed"]
    for split, t in tallies.items():
        o = t.outcomes
        share = 100 * o["read right"] / max(t.claims, 1)
        rows.append(
            f"{split:<8} {t.claims:7d} {o['read right']:6d} ({share:3.0f} %) {o['misread']:8d}"
            f" {o['unsure']:7d} {o['found nowhere']:14d} {t.negatives:10d} {t.false_positives:11d}"
            f" {t.negatives_listed:7d}"
        )
    for split, t in tallies.items():
        if t.unresolvable:
            n = sum(t.unresolvable.values())
            rows.append(f"{split}: of {n} claims labelled unresolvable: {dict(t.unresolvable)}")
    return "\n".join(rows)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument(
        "--thirds",
        action="store_true",
        help="split a fresh (all held-out) set into a tuning two-thirds and a held-out third by id",
    )
    parser.add_argument(
        "--details",
        nargs="?",
        const="tune",
        choices=("tune", "heldout", "all"),
        help="one line per claim and false positive (default: the tune split only)",
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    records = load(args.corpus)
    if args.thirds:
        records = thirds(records)
    tallies = score(records)
    print(f"article on the real-text corpus ({len(records)} pages, {time.perf_counter() - started:.1f} s)")
    print(table(tallies))
    if args.details is not None:
        for split, t in tallies.items():
            if args.details not in (split, "all"):
                continue
            print(f"\n[{split}]")
            print("\n".join(t.details))
    return 0


if __name__ == "__main__":
    sys.exit(main())
