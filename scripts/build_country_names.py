"""Build data/country_names.csv: the names of every country in English, German, French, Spanish,
Portuguese and Italian ("Ungarn", "Hongrie", "Hungría", "Hungria", "Ungheria"), so that a claim
about "der geographische Mittelpunkt Ungarns" or "el centro geométrico de Polonia" finds the country.

Source (licence in data/README.md): the npm package ``i18n-iso-countries`` 7.14.0 (MIT), whose
``langs/<lang>.json`` give each ISO 3166-1 code its official and usual names per language (from
the Unicode CLDR). Left out, so that no name takes a place from another:

* names the gazetteer already gives the same country (``countries.csv``, ``country_aliases.csv``);
* names with a comma, a parenthesis or a double space ("Korea, Republik", "Bolivien
  (Plurinationaler Staat)"),
  which running text never writes;
* a name two countries share ("Congo");
* a name of another language, of one word, that is a common English word (``wordfreq`` Zipf
  frequency of 3 or more: "Island" is Iceland in German, "Chili" Chile, "Grenade" Grenada,
  "Argentine" Argentina and "Dominique" Dominica in French, "Maurice" Mauritius in French and a
  first name), except "Brasil" and "Macau", frequent in English as the places themselves; and
  :data:`FIRST_NAMES`, everyday words or first names of the languages read ("Irão", "Gana");
* the Portuguese names of the two Congos, which the 7.14.0 table gives the wrong way round;
* a name that is a city of 50,000 people or more, a capital, a region or a first-level division
  of another country ("Granada" is Grenada in Spanish and Portuguese, and a Spanish city of
  230,000): the place keeps its name. Smaller towns yield ("Polonia", Wisconsin, 1,800 people).

    npm pack i18n-iso-countries@7.14.0 && tar xzf i18n-iso-countries-7.14.0.tgz
    python scripts/build_country_names.py --langs package/langs     (or: make country-names)
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # geo.places.gazetteer.normalize_name, the gazetteer's own folding

from geo.places.gazetteer import normalize_name  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pins import check_versions  # noqa: E402

LANGS = ("en", "de", "fr", "es", "pt", "it")
PINNED = {"wordfreq": "3.1.1"}
MAX_ENGLISH_ZIPF = 3.0  # a foreign name this common as an English word ("Island") is left out
WRONG = {("pt", "CD"), ("pt", "CG")}  # swapped in i18n-iso-countries 7.14.0's pt.json
# names that are also everyday words or first names of the languages read: "Mauricio" (Mauritius in
# Spanish; "Mauricio Macri"), "Irão" (Iran in Portuguese; "they will go"), "Gana" (Ghana in Portuguese;
# Spanish "wins"), "Catar" (Qatar in Spanish; "to taste")
FIRST_NAMES = {"mauricio", "irao", "gana", "catar"}
NOT_WORDS = {"brasil", "macau"}  # frequent in English text as the place itself, not as a word
MIN_CITY_POPULATION = 50_000  # a city this large keeps its name against a country's other name
OUT = ROOT / "data" / "country_names.csv"


def _rows(name: str) -> list[dict[str, str]]:
    with (ROOT / "data" / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def taken_names() -> dict[str, set[str]]:
    """Normalized name → the countries whose places (not the country itself) have it."""
    taken: dict[str, set[str]] = defaultdict(set)
    for row in _rows("cities.csv"):
        if int(row["population"] or 0) >= MIN_CITY_POPULATION:
            taken[normalize_name(row["name"])].add(row["country_code"])
    for row in _rows("capitals.csv"):
        taken[normalize_name(row["capital"])].add(row["iso2"])
    for row in _rows("regions.csv"):
        for name in [row["name"], *filter(None, row["aliases"].split(";"))]:
            taken[normalize_name(name)].add(row["country"] or "*")
    for row in _rows("admin1.csv"):
        for key in row["keys"].split(";"):
            taken[key].add(row["country"])
    return taken


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--langs", type=Path, required=True, help="i18n-iso-countries' langs/ folder")
    args = parser.parse_args(argv)
    check_versions(PINNED)
    from wordfreq import zipf_frequency

    version = json.loads((args.langs.parent / "package.json").read_text(encoding="utf-8"))["version"]
    if version != "7.14.0":
        sys.exit(f"i18n-iso-countries {version} found; this script is pinned to 7.14.0")
    capitals = {row["iso2"] for row in _rows("capitals.csv")}  # a country stands for its capital
    countries = {row["iso2"]: row["name"] for row in _rows("countries.csv") if row["iso2"] in capitals}
    known = {normalize_name(name): iso2 for iso2, name in countries.items()}
    known |= {normalize_name(row["alias"]): row["iso2"] for row in _rows("country_aliases.csv")}
    taken = taken_names()
    names: dict[str, dict[str, tuple[str, str]]] = defaultdict(dict)  # key → iso2 → (name, lang)
    for lang in LANGS:
        table = json.loads((args.langs / f"{lang}.json").read_text(encoding="utf-8"))["countries"]
        for iso2, written in sorted(table.items()):
            if iso2 not in countries or (lang, iso2) in WRONG:
                continue
            for name in [written] if isinstance(written, str) else written:
                key = normalize_name(name)
                if "," in name or "(" in name or "  " in name or not key or known.get(key) == iso2:
                    continue
                word = lang != "en" and " " not in name and key not in NOT_WORDS
                if (word and zipf_frequency(name, "en") >= MAX_ENGLISH_ZIPF) or key in FIRST_NAMES:
                    continue
                names[key].setdefault(iso2, (name, lang))
    rows = []
    for key, owners in sorted(names.items()):
        if len(owners) > 1 or key in known:
            continue  # two countries' name ("Kongo"), or another country's name already
        ((iso2, (name, lang)),) = owners.items()
        if taken.get(key, set()) - {iso2}:
            continue  # "Granada": the Spanish city keeps its name
        rows.append({"alias": name, "iso2": iso2, "lang": lang})
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["alias", "iso2", "lang"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {OUT} ({len(rows)} names of {len({r['iso2'] for r in rows})} countries)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
