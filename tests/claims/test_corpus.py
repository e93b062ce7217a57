"""`article` on real published text (tests/corpus/claims.jsonl): the floor of benchmarks/score_corpus.py.

The floor is today's figure; raise it as the reading improves (the issue's goal is 90 % read
right, no claim found nowhere, no confident misread, at most 1 false positive per 20 negatives,
on the tune and the held-out split alike). The held-out third is never used to tune the rules.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

from score_corpus import load, score, thirds  # noqa: E402

FLOOR = {  # split: (read right at least, misread at most, false positives at most)
    "tune": (36, 0, 0),  # before regions, context and lists: 3 read right, 5 misread
    "heldout": (9, 1, 0),  # before: 1 read right, 1 misread, 0 false positives (stop 25: 8 → 9)
}
# stop 22: a venue only referred to ("it") that lies absurdly off the way (> 50 % detour) is no longer
# checked: it turned 2 confident misreads of fresh6's tuning part into "unsure", and one held-out claim
# here from read right into unsure (seen in the totals only, not read)
# stop 21: country names in six languages cost one claim in each split. In the tuning split the claim
# had been read right by luck (Höfði counted as the Soviet Union, inside its 6,500 km radius); the
# held-out one was not read. Continents' land with Russia cut at the Urals turned one more held-out
# claim from read right into misread (not read either: the totals moved when Asia gained Siberia).
FRESH_FLOOR = (20, 1, 0)  # tests/corpus/fresh.jsonl: first read (before it was looked at) 6 right, 6 misread
FRESH2_FLOOR = (18, 0, 0)  # tests/corpus/fresh2.jsonl: 5 on first read; failures read at stop 18
# tests/corpus/fresh3.jsonl: first read 4 right, 6 misread; 6 / 6 when its failures were first read (now
# tuning data, like fresh and fresh2)
FRESH3_FLOOR = (22, 0, 0)
# tests/corpus/fresh4.jsonl: first read (untouched) 9 right, 5 misread; its failures read at stop 20 (now
# tuning data)
FRESH4_FLOOR = (26, 0, 0)
# tests/corpus/fresh5.jsonl (91 claims, collected at stop 20 by helpers that never read the code), split
# into thirds by id (score_corpus.thirds): its first read, before any of it was looked at; the tuning
# two-thirds may be read from now on, the held-out third stays untouched until the end
# (stop 21: a reading answers one claim, so a sentence's second claim is no longer "misread" by the
# reading of its first: the held-out third's 7 misread became 2, its other 5 claims found nowhere)
FRESH5_FLOOR = {"tune": (24, 0, 0), "heldout": (7, 2, 0)}
# tests/corpus/fresh6.jsonl (160 claims, 106 of them centres, collected at stop 21 by a helper that never
# read the code), split into thirds by id: its first read, untouched, 10 of 160 right (6 %), 17 misread,
# 97 found nowhere; the tuning two-thirds may be read from now on, the held-out third stays untouched
# stop 22: the island's German name "Tasmanien" (with "Tasmanie") turned two held-out claims from unsure
# into misread; seen in the totals only, not read, and the alias was kept (it is right)
# stop 24 (seen in the totals only): small towns' and the parties' namesakes turned 4 held-out misreads
# into unsure and one into read right; a centre's venue that only describes another ("a capital de
# Goiás") turned one read right back into unsure
FRESH6_FLOOR = {"tune": (26, 1, 0), "heldout": (8, 0, 0)}  # stop 21 end: held-out 3 → 6; stop 22: 8
# tests/corpus/fresh7.jsonl (82 claims, 29 of them centres, collected at stop 22 by a helper that never
# read the code), split into thirds by id: first read, untouched, with the stop-21 code 13 of 82 right
# (9 + 4), 1 misread, 39 found nowhere, 0 false positives in 33 negatives; with the stop-22 code of that
# moment 14 (9 + 5). The tuning two-thirds may be read from now on, the held-out third stays untouched.
# (the French "le Spitzberg" was dropped again after a review: "der Spitzberg" is a German hill)
# stop 23: seas as areas first turned one held-out claim into read right (seen in the totals only); it
# went back to unsure when a sea's centre got no verdict (a hand-placed point)
FRESH7_FLOOR = {"tune": (18, 1, 0), "heldout": (5, 0, 0)}
# tests/corpus/fresh8.jsonl (70 claims, 22 of them centres, collected at stop 23 by a helper that never
# read the code), split into thirds by id: first read, untouched, with the stop-23 code of that moment
# 17 of 70 right (14 + 3), 6 misread (3 + 3), 25 found nowhere, 0 false positives in 25 negatives. The
# tuning two-thirds may be read from now on, the held-out third stays untouched.
# (stop 23 end: tune 14 → 21 right, 3 → 0 misread; held-out 3 → 4, still 3 misread, never read)
FRESH8_FLOOR = {"tune": (22, 0, 0), "heldout": (4, 3, 0)}
# tests/corpus/fresh9.jsonl (64 claims, 18 of them centres, 22 landmark venues, collected at stop 24 by a
# helper that never read the code), split into thirds by id: first read, untouched, with the stop-24
# code of that moment (be6a975) 5 of 64 right (3 + 2), 4 misread (4 + 0), 34 found nowhere, 0 false
# positives in 25 negatives. The tuning two-thirds may be read from now on, the held-out third stays
# untouched.
# (stop 24 end: tune 3 → 5 right, 4 → 0 misread; held-out 2 → 3, seen in the totals only)
FRESH9_FLOOR = {"tune": (6, 0, 0), "heldout": (3, 0, 0)}
# tests/corpus/fresh10.jsonl (55 claims, 39 of them centres, collected at stop 25 by a helper that never
# read the code), split into thirds by id: first read, untouched, with the stop-25 code of that moment
# (01edecb) 4 of 55 right (4 + 0, all four declined as labelled unresolvable: none of the 49 resolvable
# claims read right), 0 misread, 33 found nowhere, 0 false positives in 16 negatives. The tuning
# two-thirds may be read from now on, the held-out third stays untouched.
# (stop 25 end: tune 4 → 10 right, 0 misread; held-out 0 → 0, seen in the totals only)
FRESH10_FLOOR = {"tune": (10, 0, 0), "heldout": (0, 0, 0)}
MIN_NEGATIVES = {"fresh10 heldout": 2}  # its held-out third holds 2 of its 16 negatives


def test_the_corpus_score_does_not_fall_below_its_floor() -> None:
    tallies = score(load())
    fresh = {
        name: score(load(ROOT / "tests" / "corpus" / f"{name}.jsonl"))["heldout"]
        for name in ("fresh", "fresh2", "fresh3", "fresh4")
    }
    floors = [
        *FLOOR.items(),
        ("fresh", FRESH_FLOOR),
        ("fresh2", FRESH2_FLOOR),
        ("fresh3", FRESH3_FLOOR),
        ("fresh4", FRESH4_FLOOR),
    ]
    fresh5 = score(thirds(load(ROOT / "tests" / "corpus" / "fresh5.jsonl")))
    for split, floor in FRESH5_FLOOR.items():
        fresh[f"fresh5 {split}"] = fresh5[split]
        floors.append((f"fresh5 {split}", floor))
    fresh6 = score(thirds(load(ROOT / "tests" / "corpus" / "fresh6.jsonl")))
    for split, floor in FRESH6_FLOOR.items():
        fresh[f"fresh6 {split}"] = fresh6[split]
        floors.append((f"fresh6 {split}", floor))
    fresh7 = score(thirds(load(ROOT / "tests" / "corpus" / "fresh7.jsonl")))
    for split, floor in FRESH7_FLOOR.items():
        fresh[f"fresh7 {split}"] = fresh7[split]
        floors.append((f"fresh7 {split}", floor))
    fresh8 = score(thirds(load(ROOT / "tests" / "corpus" / "fresh8.jsonl")))
    for split, floor in FRESH8_FLOOR.items():
        fresh[f"fresh8 {split}"] = fresh8[split]
        floors.append((f"fresh8 {split}", floor))
    for name, name_floor in (("fresh9", FRESH9_FLOOR), ("fresh10", FRESH10_FLOOR)):
        tally = score(thirds(load(ROOT / "tests" / "corpus" / f"{name}.jsonl")))
        for split, floor in name_floor.items():
            fresh[f"{name} {split}"] = tally[split]
            floors.append((f"{name} {split}", floor))
    for split, (right, misread, false_positives) in floors:
        t = fresh[split] if split in fresh else tallies[split]
        thirds_split = split.startswith(("fresh5", "fresh6", "fresh7", "fresh8", "fresh9", "fresh10"))
        least = MIN_NEGATIVES.get(split, 5 if thirds_split else 10)
        assert t.claims >= 15 and t.negatives >= least, split  # still there
        assert t.outcomes["read right"] >= right, (split, dict(t.outcomes))
        assert t.outcomes["misread"] <= misread, (split, dict(t.outcomes))
        assert t.false_positives <= false_positives, (split, t.false_positives)


def test_one_reading_answers_one_claim() -> None:
    # a sentence with two claims, read once: the second is missed, not misread by the first's reading
    quote = "Lyon is halfway between Paris and Marseille."
    lyon, paris, marseille = [45.76, 4.84], [48.86, 2.35], [43.30, 5.37]

    def claim(parties: list[list[float]]) -> dict[str, object]:
        return {
            "quote": quote,
            "venue_point": lyon,
            "venue_radius_km": 40,
            "party_points": parties,
            "party_radius_km": [40, 40],
            "reading": "halfway",
        }

    record = {"id": "x", "split": "tune", "text": quote, "negatives": []}
    record["claims"] = [claim([paris, marseille]), claim([[46.20, 6.14], [44.84, -0.58]])]  # Geneva, Bordeaux
    outcomes = score([record])["tune"].outcomes
    assert outcomes == {"read right": 1, "found nowhere": 1}
    record["claims"] = [claim([[46.20, 6.14], [44.84, -0.58]])]
    assert score([record])["tune"].outcomes == {"misread": 1}
