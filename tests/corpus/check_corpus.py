#!/usr/bin/env python3
"""Validate tests/corpus/claims.jsonl (standard library only).

Checks, for every line:
  * it is a JSON object with the required keys and value types;
  * enums (kind, lang, split, venue_kind, party_kinds, reading) are known values;
  * ids are unique; the split follows the deterministic rule
    (records sorted by id, index % 3 == 2 -> "heldout", else "tune");
  * every claim "quote" and every negative is a substring of "text";
  * len(parties) == len(party_kinds) and parties is non-empty;
  * coordinates: "venue_point" is [lat, lon] or null and "venue_radius_km" a
    number > 0 or null (both null or neither); "party_points" and
    "party_radius_km" are lists as long as "parties", each entry [lat, lon] +
    radius or null + null; lat in [-90, 90], lon in [-180, 180].
Then prints counts of pages / claims / negatives per split (and a few breakdowns).
Exit status 1 if any error was found.

A fresh (held-out only) file -- one named fresh.jsonl, fresh2.jsonl, fresh3.jsonl, fresh4.jsonl,
fresh5.jsonl, fresh6.jsonl, fresh7.jsonl, fresh8.jsonl, fresh9.jsonl, fresh10.jsonl, or any file with
--fresh --
replaces the split rule: every record must be "heldout", and no url may also occur in claims.jsonl or
in another fresh set next to it (fresh.jsonl, fresh2.jsonl, fresh3.jsonl, fresh4.jsonl, fresh5.jsonl,
fresh6.jsonl, fresh7.jsonl, fresh8.jsonl, fresh9.jsonl, fresh10.jsonl; a file is not compared with
itself).

Usage:  python3 tests/corpus/check_corpus.py [--fresh] [path/to/claims.jsonl]
"""

import collections
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT = os.path.join(HERE, "claims.jsonl")
FRESH_NAMES = (
    "fresh.jsonl",
    "fresh2.jsonl",
    "fresh3.jsonl",
    "fresh4.jsonl",
    "fresh5.jsonl",
    "fresh6.jsonl",
    "fresh7.jsonl",
    "fresh8.jsonl",
    "fresh9.jsonl",
    "fresh10.jsonl",
)

REC_KEYS = {
    "id": str,
    "url": str,
    "title": str,
    "kind": str,
    "lang": str,
    "split": str,
    "text": str,
    "claims": list,
    "negatives": list,
}
CLAIM_KEYS = {
    "quote": str,
    "phrase": str,
    "venue": str,
    "venue_kind": str,
    "parties": list,
    "party_kinds": list,
    "reading": str,
    "resolvable": bool,
    "note": str,
    "venue_point": (list, type(None)),
    "venue_radius_km": (int, float, type(None)),
    "party_points": list,
    "party_radius_km": list,
}
KINDS = {"news", "encyclopedia", "travel", "aviation", "logistics", "city", "other"}
LANGS = {"en", "fr", "es", "de", "pt", "it"}
SPLITS = {"tune", "heldout"}
PLACE_KINDS = {"city", "airport", "region", "country", "continent", "island", "landmark", "other"}
READINGS = {"halfway", "equidistant", "midpoint"}


def has_type(value, t) -> bool:
    """isinstance, except that a bool only counts as a bool (not as an int)."""
    types = t if isinstance(t, tuple) else (t,)
    if isinstance(value, bool):
        return bool in types
    return isinstance(value, types)


def type_name(t) -> str:
    if isinstance(t, tuple):
        return " or ".join("null" if x is type(None) else x.__name__ for x in t)
    return t.__name__


def check_point(point, radius, what: str, errors: list) -> None:
    """A place: [lat, lon] with a radius in km > 0, or null with a null radius."""
    if point is None or radius is None:
        if point is not None or radius is not None:
            errors.append(f"{what}: point and radius must be null together")
        return
    if (
        not isinstance(point, list)
        or len(point) != 2
        or not all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in point)
    ):
        errors.append(f"{what}: point should be [lat, lon] numbers, got {point!r}")
    else:
        lat, lon = point
        if not -90 <= lat <= 90:
            errors.append(f"{what}: latitude {lat} out of [-90, 90]")
        if not -180 <= lon <= 180:
            errors.append(f"{what}: longitude {lon} out of [-180, 180]")
    if not isinstance(radius, (int, float)) or isinstance(radius, bool) or not radius > 0:
        errors.append(f"{what}: radius should be a number > 0, got {radius!r}")


def main(path, fresh=False):
    fresh = fresh or os.path.basename(path) in FRESH_NAMES
    errors = []
    recs = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                errors.append(f"line {n}: blank line")
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                errors.append(f"line {n}: bad JSON: {exc}")
                continue
            if not isinstance(rec, dict):
                errors.append(f"line {n}: not an object")
                continue
            recs.append((n, rec))

    seen = set()
    for n, rec in recs:
        where = f"line {n} ({rec.get('id', '?')})"
        for k, t in REC_KEYS.items():
            if k not in rec:
                errors.append(f"{where}: missing key {k!r}")
            elif not isinstance(rec[k], t):
                errors.append(f"{where}: {k!r} should be {t.__name__}")
        extra = set(rec) - set(REC_KEYS)
        if extra:
            errors.append(f"{where}: unexpected keys {sorted(extra)}")
        if any(k not in rec or not isinstance(rec[k], REC_KEYS[k]) for k in REC_KEYS):
            continue
        if rec["id"] in seen:
            errors.append(f"{where}: duplicate id")
        seen.add(rec["id"])
        if not rec["url"].startswith(("http://", "https://")):
            errors.append(f"{where}: url is not http(s)")
        if rec["kind"] not in KINDS:
            errors.append(f"{where}: unknown kind {rec['kind']!r}")
        if rec["lang"] not in LANGS:
            errors.append(f"{where}: unknown lang {rec['lang']!r}")
        if rec["split"] not in SPLITS:
            errors.append(f"{where}: unknown split {rec['split']!r}")
        if not rec["text"].strip():
            errors.append(f"{where}: empty text")
        if not rec["claims"] and not rec["negatives"]:
            errors.append(f"{where}: neither claims nor negatives")
        text = rec["text"]
        for i, c in enumerate(rec["claims"]):
            cw = f"{where} claim {i}"
            if not isinstance(c, dict):
                errors.append(f"{cw}: not an object")
                continue
            for k, t in CLAIM_KEYS.items():
                if k not in c:
                    errors.append(f"{cw}: missing key {k!r}")
                elif not has_type(c[k], t):
                    errors.append(f"{cw}: {k!r} should be {type_name(t)}")
            if any(k not in c or not has_type(c[k], CLAIM_KEYS[k]) for k in CLAIM_KEYS):
                continue
            if not c["quote"] or c["quote"] not in text:
                errors.append(f"{cw}: quote is not a substring of text: {c['quote'][:60]!r}")
            if c["venue_kind"] not in PLACE_KINDS:
                errors.append(f"{cw}: unknown venue_kind {c['venue_kind']!r}")
            if c["reading"] not in READINGS:
                errors.append(f"{cw}: unknown reading {c['reading']!r}")
            if not c["parties"]:
                errors.append(f"{cw}: empty parties")
            if len(c["parties"]) != len(c["party_kinds"]):
                errors.append(f"{cw}: parties/party_kinds length mismatch")
            for pk in c["party_kinds"]:
                if pk not in PLACE_KINDS:
                    errors.append(f"{cw}: unknown party kind {pk!r}")
            if not c["resolvable"] and not c["note"].strip():
                errors.append(f"{cw}: unresolvable claim needs a note")
            check_point(c["venue_point"], c["venue_radius_km"], f"{cw} venue", errors)
            if len(c["party_points"]) != len(c["parties"]):
                errors.append(f"{cw}: party_points/parties length mismatch")
            if len(c["party_radius_km"]) != len(c["parties"]):
                errors.append(f"{cw}: party_radius_km/parties length mismatch")
            for j, (pp, pr) in enumerate(zip(c["party_points"], c["party_radius_km"], strict=False)):
                check_point(pp, pr, f"{cw} party {j}", errors)
        for i, neg in enumerate(rec["negatives"]):
            if not isinstance(neg, str) or not neg or neg not in text:
                errors.append(f"{where} negative {i}: not a substring of text: {str(neg)[:60]!r}")

    # deterministic split rule (fresh files: everything held out, urls not in claims.jsonl)
    good = [rec for _, rec in recs if isinstance(rec.get("id"), str)]
    if fresh:
        other_urls = {}  # url -> name of the other file that already uses it
        others = [DEFAULT] + [os.path.join(HERE, name) for name in FRESH_NAMES]
        for other in others:
            if not os.path.exists(other) or os.path.abspath(other) == os.path.abspath(path):
                continue
            with open(other, encoding="utf-8") as fh:
                for line in fh:
                    if line.strip():
                        other_urls.setdefault(json.loads(line).get("url"), os.path.basename(other))
        for rec in good:
            if rec.get("split") != "heldout":
                errors.append(
                    f"{rec['id']}: split is {rec.get('split')!r}, a fresh file must be all 'heldout'"
                )
            if rec.get("url") in other_urls:
                errors.append(f"{rec['id']}: url also occurs in {other_urls[rec.get('url')]}")
    else:
        for i, rec in enumerate(sorted(good, key=lambda r: r["id"])):
            want = "heldout" if i % 3 == 2 else "tune"
            if rec.get("split") != want:
                errors.append(f"{rec['id']}: split is {rec.get('split')!r}, rule says {want!r}")

    # counts
    stats = collections.defaultdict(collections.Counter)
    for _, rec in recs:
        s = rec.get("split", "?")
        stats[s]["pages"] += 1
        stats[s]["claims"] += len(rec.get("claims", []))
        stats[s]["negatives"] += len(rec.get("negatives", []))
        stats[s]["pages_with_claims"] += bool(rec.get("claims"))
        stats[s]["unresolvable_claims"] += sum(
            1 for c in rec.get("claims", []) if isinstance(c, dict) and c.get("resolvable") is False
        )
    total = collections.Counter()
    print(f"{'split':8} {'pages':>6} {'claims':>7} {'negatives':>10} {'unresolvable':>13}")
    for s in sorted(stats):
        st = stats[s]
        total.update(st)
        print(
            f"{s:8} {st['pages']:6d} {st['claims']:7d} {st['negatives']:10d} {st['unresolvable_claims']:13d}"
        )
    t = total
    print(f"{'total':8} {t['pages']:6d} {t['claims']:7d} {t['negatives']:10d} {t['unresolvable_claims']:13d}")
    print("distinct urls:", len({rec.get("url") for _, rec in recs}))

    def by(key: str) -> dict[object, int]:
        return dict(sorted(collections.Counter(rec.get(key) for _, rec in recs).items()))

    print("kind:", by("kind"))
    print("lang:", by("lang"))
    readings = collections.Counter(
        c.get("reading") for _, rec in recs for c in rec.get("claims", []) if isinstance(c, dict)
    )
    print("reading:", dict(sorted(readings.items())))
    vk = collections.Counter(
        c.get("venue_kind") for _, rec in recs for c in rec.get("claims", []) if isinstance(c, dict)
    )
    print("venue_kind:", dict(sorted(vk.items())))
    places = [
        (c.get("venue_point"), c.get("venue_radius_km"))
        for _, rec in recs
        for c in rec.get("claims", [])
        if isinstance(c, dict)
    ] + [
        pr
        for _, rec in recs
        for c in rec.get("claims", [])
        if isinstance(c, dict)
        for pr in zip(c.get("party_points") or [], c.get("party_radius_km") or [], strict=False)
    ]
    n_null = sum(1 for p, _ in places if p is None)
    print(f"places with coordinates: {len(places) - n_null} of {len(places)} (null: {n_null})")

    if errors:
        print(f"\n{len(errors)} error(s):")
        for e in errors:
            print("  -", e)
        return 1
    print("\nOK: no errors")
    return 0


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--fresh"]
    sys.exit(main(args[0] if args else DEFAULT, fresh="--fresh" in sys.argv[1:]))
