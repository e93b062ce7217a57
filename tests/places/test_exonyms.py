"""Other names of well-known cities (data/exonyms_geonames.csv.gz, scripts/build_exonyms.py): read by
``resolve`` as a last resort, never in place of a name the gazetteer or the town table knows."""

from __future__ import annotations

import csv
import gzip

from geographiclib.geodesic import Geodesic

from geo.places.gazetteer import data_dir, load_gazetteer, normalize_name
from geo.places.resolve import resolve

REFERENCES = {  # city centres (Wikipedia), to check the city reached, by GeographicLib
    "Venise": (45.4375, 12.3358),
    "Mailand": (45.4642, 9.1900),
    "Venedig": (45.4375, 12.3358),
    "Neapel": (40.8518, 14.2681),
}


def _rows() -> list[dict[str, str]]:
    with gzip.open(data_dir() / "exonyms_geonames.csv.gz", "rt", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_other_language_names_of_cities_resolve_to_the_city_with_a_note() -> None:
    for name, (lat, lon) in REFERENCES.items():
        place = resolve(name)
        km = Geodesic.WGS84.Inverse(place.lat, place.lon, lat, lon)["s12"] / 1000
        assert km < 5, (name, place.label, km)
        assert "a name GeoNames gives it" in place.note


def test_the_list_never_shadows_a_known_name_and_drops_common_words() -> None:
    rows = _rows()
    assert len(rows) > 20_000
    gaz = load_gazetteer()
    keys = [normalize_name(r["alias"]) for r in rows]
    assert len(set(keys)) == len(keys)  # one city per name: a shared name is ambiguous and left out
    known = set(gaz.names())
    assert not [r["alias"] for r in rows[:5000] if normalize_name(r["alias"]) in known]
    assert not {"name", "rest", "human", "thai", "kann", "vine"} & set(keys)
    assert resolve("Paris").country == "FR" and resolve("Florence").country == "IT"  # unchanged


def test_a_name_a_village_shares_is_read_only_as_a_venue_near_the_way() -> None:
    # myatlas-bologne-mi-chemin-florence-venise-fr (fresh4): "Bologne" is Bologna and a village in the
    # Haute-Marne; resolve keeps the village, the article reader takes Bologna between Florence and Venice
    from geo.claims.article import check_article
    from geo.places.resolve import resolve

    assert resolve("Bologne").country == "FR"
    (claim,) = check_article(
        "À mi-chemin de Florence et Venise, Bologne est moins courue que ses consœurs."
    ).claims
    assert claim.read_as[0] == "Bologna, Italy"
    # between two French cities, Bologna is far off the way: no reading of the village's name as it
    report = check_article("À mi-chemin de Paris et Dijon, Bologne est moins courue.")
    assert all(c.read_as[0] != "Bologna, Italy" for c in report.claims)
