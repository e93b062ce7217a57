"""Reading rules of stop 25, each from a tuning corpus sentence (record id in a comment): a text that
opens with a claim naming no venue is about the place it names most after it; "N hours to either";
"N km south of A and N km north of B"; a singular "mile"."""

from __future__ import annotations

import pytest
from reference import km

from geo.claims.article import Claim, check_article


def _distances_are_geodesic(claim: Claim) -> None:
    venue = claim.result.venue
    for party in claim.result.parties:
        reference = km((venue.lat, venue.lon), (party.lat, party.lon))
        assert party.distance_km == pytest.approx(reference, abs=1e-6)


def test_an_opening_claim_with_no_venue_is_about_the_place_named_most_after_it() -> None:
    # everything2-palmyra-atoll-halfway (fresh6, tuning part)
    text = (
        "North Pacific Ocean atoll, about halfway between Hawaii and American Samoa. A U.S Territory. "
        "Privately owned, but uninhabited.\n\nPalmyra has been called the most beautiful island in the "
        "Pacific. Palmyra is one of three U.S. Possessions in the Line Islands archipelago."
    )
    first = check_article(text).claims[0]
    assert first.sentence.startswith("North Pacific Ocean atoll")
    assert first.venue == "Palmyra" and first.read_as[0] == "Palmyra Atoll (UM-95)"
    assert "named 2 times after it" in first.note
    _distances_are_geodesic(first)


@pytest.mark.parametrize(
    "text",
    [
        # red team, stop 25: a place named after the opening that is not its subject
        "Remote outback roadhouse, halfway between Adelaide and Darwin. Fuel prices are high. "
        "The next town is Alice Springs.",
        "Tiny settlement roughly halfway between Perth and Darwin. The nearest fuel is at Port Hedland.",
        "A family-run farm about halfway between York and Leeds. We sell our produce at markets in "
        "Harrogate, and Harrogate's Thursday market is our favourite.",
        "Petit village à mi-chemin entre Lyon et Grenoble. Voiron est la ville la plus proche, et le marché "
        "de Voiron a lieu le samedi.",
        "Kleiner Ort auf halbem Weg zwischen München und Salzburg. Rosenheim ist die nächste Stadt; in "
        "Rosenheim gibt es einen Bahnhof.",
        # afar-berry-fields-cafe-centralia-halfway-portland-seattle (fresh8, tuning part): Centralia, named
        # once in "the town of Centralia's favorite breakfast spot", is not said to be the subject either
        "Halfway between Portland & Seattle—time for pie!\nIt's not a long drive from Seattle to "
        "Portland—around three hours. So, get off I-5 and drive a few minutes to the east: The Berry "
        "Fields Café is the town of Centralia's favorite breakfast and lunch spot.",
    ],
)
def test_a_place_only_mentioned_after_an_opening_claim_is_not_its_venue(text: str) -> None:
    report = check_article(text)
    assert not report.claims
    assert report.unresolved[0].reason == "no venue: the sentence names no place that is said to be halfway"


def test_the_subject_of_a_clause_after_an_opening_claim_is_its_venue() -> None:
    # powerpictures-kearney-1733-1773-halfway-journey (fresh4, tuning data)
    text = (
        "1733 mi from San Francisco and 1773 from Boston.  Interesting enough but that wasn’t my "
        "calculation. My route is approximately 4000 mi and Kearney was essentially halfway on my journey."
    )
    claim = check_article(text).claims[0]
    assert claim.read_as[0] == "Kearney, NE, United States"


def test_no_venue_is_taken_from_after_a_claim_deep_in_a_text_or_from_a_tie() -> None:
    # a claim in the third sentence is no opening; two places named as often are no subject
    deep = (
        "We set off early. The road was empty. Halfway between Portland and Seattle we stopped. "
        "Centralia has a café."
    )
    assert not check_article(deep).claims
    tie = "Halfway between Portland and Seattle. Olympia and Tacoma are near; Tacoma and Olympia are ports."
    report = check_article(tie)
    assert not report.claims and report.unresolved[0].reason.startswith("no venue")


def test_hours_to_either_of_two_places_named_before() -> None:
    # cuenca-brazoz (fresh9, tuning part)
    text = (
        "Cuenca, a lovely medieval town nestled in the mountains, lies right between Madrid and Valencia. "
        "It is incredibly accessible via the high-speed train, taking only one hour from either city."
    )
    first, second = check_article(text).claims
    assert first.kind == "halfway" and first.venue == "Cuenca"
    assert second.sentence.startswith("It is incredibly") and second.kind == "equidistant"
    assert second.read_as == ("Cuenca, Spain", "Madrid, Spain", "Valencia, Spain")
    assert second.holds in ("yes", "roughly")
    _distances_are_geodesic(second)


def test_either_followed_by_or_is_the_list_after_it() -> None:
    # "120 km from either A or B" names its parties after "either": not the places named before
    text = "Cuenca lies between Madrid and Valencia. Teruel is 150 km from either Zaragoza or Valencia."
    second = check_article(text).claims[-1]
    assert second.venue == "Teruel" and second.between == ("Zaragoza", "Valencia")


def test_equal_distances_north_and_south_of_two_places() -> None:
    # molon-danang-centre-of-vietnam-600km (fresh6, tuning part)
    text = (
        "With over 1.3 million inhabitants, Danang (Đà Nẵng in Vietnamese) is the third largest city in "
        "Vietnam. It is located in "
        "the centre of Vietnam along the mouth of the Han river, 600km south of Hanoi and 600 km north of "
        "Ho-Chi-Minh city."
    )
    centre, equal = check_article(text).claims
    assert centre.read_as == ("Da Nang, Vietnam", "centre of Vietnam")
    assert equal.kind == "equidistant" and equal.read_as[:2] == ("Da Nang, Vietnam", "Hanoi, Vietnam")
    assert equal.note.endswith("the text gives 600 km to each")
    _distances_are_geodesic(equal)


def test_unequal_distances_north_and_south_claim_nothing() -> None:
    text = "Danang is 700 km south of Hanoi and 600 km north of Ho Chi Minh City."
    report = check_article(text)
    assert not report.claims and not report.unresolved


def test_a_singular_mile_is_a_unit() -> None:
    # appalachian-trail-midpoint-outskirts (fresh9, tuning part): the point has no name the data know,
    # so the claim is listed, not dropped
    text = (
        "That's right the point that is 1090.5 miles from the start in Springer Mountain , Georgia, 1090.5 "
        "mile from the end in Mt. Katahdin, Maine and 1.25 mile from the truck."
    )
    report = check_article(text)
    assert not report.claims
    (item,) = report.unresolved
    assert item.kind == "equidistant" and item.reason.startswith("no venue")


def test_a_short_name_is_the_city_of_the_parties_country_that_it_begins() -> None:
    # encantoviajero-talavera-mitad-camino-es (fresh2, tuning data): Talavera de la Reina, not the
    # larger Talavera in the Philippines
    text = "Situada a mitad de camino entre Madrid y Sevilla, Talavera nos recibe con sus cerámicas."
    (claim,) = check_article(text).claims
    assert claim.read_as == ("Talavera de la Reina, Spain", "Madrid, Spain", "Sevilla, Spain")
    assert "whose short name it is" in claim.note and not claim.ambiguous
    # GeoNames: Talavera de la Reina 39.96°N 4.83°W
    assert km((claim.result.venue.lat, claim.result.venue.lon), (39.9635, -4.8308)) < 5
    _distances_are_geodesic(claim)


def test_a_name_given_in_quotes_is_no_venue() -> None:
    # newsbreak-midland-lore-halfway-dallas-el-paso (fresh4, tuning data): Midland, not Midway Atoll
    text = (
        'It\'s my understanding, based on lore, that Midland was originally named "Midway" because it is '
        "the halfway point between Dallas and El Paso."
    )
    (claim,) = check_article(text).claims
    assert claim.read_as[0] == "Midland, TX, United States" and not claim.ambiguous


def test_the_same_time_to_travel_to_two_places() -> None:
    # whatsintedshead-red-deer-equidistance (fresh2, tuning data): the venue is the writer's home
    text = (
        "From my home, it takes exactly the same amount of time to travel to the airport in Calgary or "
        "Edmonton. Red Deer is the same time to drive to Calgary and Edmonton."
    )
    report = check_article(text)
    (listed,) = report.unresolved
    assert listed.kind == "equidistant" and "no place is named before it" in listed.reason
    (claim,) = report.claims
    assert claim.read_as == (
        "Red Deer, Canada",
        "Calgary, Canada",
        "Edmonton, Canada",
    )
    _distances_are_geodesic(claim)


def test_l_amerique_beside_europe_is_north_america() -> None:
    # destinationsdereve-islande-milieu-fr (fresh, tuning data)
    text = (
        "L’Islande est située au milieu de l’Atlantique sur la dorsale médio-océanique entre l’Europe et "
        "l’Amérique."
    )
    (claim,) = check_article(text).claims
    assert claim.read_as == ("Reykjavík, Iceland", "Europe", "North America")


def test_the_middle_of_a_named_area_is_a_centre_claim() -> None:
    # everest-arusha-middle-of-africa-midway-cairo-cape-town (fresh7, tuning part)
    text = (
        "Arusha – Arrived after a 5 hour van ride south of Nairobi and through the Namanga border crossing. "
        "Today: tooling around the town that is supposed to be the Middle of Africa – exactly midway "
        "between Cairo and Cape Town."
    )
    centre, midway = check_article(text).claims
    assert centre.read_as == ("Arusha, Tanzania", "centre of Africa") and centre.kind == "midpoint"
    assert midway.read_as == ("Arusha, Tanzania", "Cairo, Egypt", "Cape Town, South Africa")
    _distances_are_geodesic(midway)


@pytest.mark.parametrize(
    "text",
    [
        "We met in the middle of May.",
        "It was the middle of Main Street when the parade stopped.",
        "They woke in the middle of the Night of the Long Knives.",
    ],
)
def test_the_middle_of_a_month_or_a_street_is_no_claim(text: str) -> None:
    report = check_article(text)
    assert not report.claims and not report.unresolved


def test_the_halfway_point_in_a_race_is_read_between_its_ends_with_no_verdict() -> None:
    # dawson-heart-of-klondike-wildalaskatravel (fresh9, tuning part): the Yukon Quest runs from
    # Fairbanks to Whitehorse (data/routes.csv); its course is not in the data
    (claim,) = check_article("Dawson City is the halfway point in the Yukon Quest.").claims
    assert claim.read_as[1:] == ("Fairbanks", "Whitehorse") and claim.ambiguous
    assert "the Yukon Quest runs from Fairbanks to Whitehorse" in claim.note
    _distances_are_geodesic(claim)
    (trail,) = check_article("Duncannon lies near the midpoint of the Appalachian Trail.").claims
    assert trail.read_as[1:] == ("Springer Mountain", "Mount Katahdin") and trail.ambiguous
    # Springer Mountain 34.6273°N 84.1935°W to Katahdin 45.9044°N 68.9213°W (Wikipedia, NGS)
    assert trail.result.direct_km == pytest.approx(km((34.6273, -84.1935), (45.9044, -68.9213)), abs=1e-6)


@pytest.mark.parametrize(
    ("text", "read"),
    [
        # meetways-edinburgh-felton-berwick (fresh2, tuning data): Berwick-upon-Tweed is a small town of
        # the towns' table; the scan knew only Berwick, Victoria (50,000 people)
        (
            "Driving from Edinburgh to Newcastle may not seem like a road trip worth taking. "
            "Berwick-upon-Tweed, NBL (Halfway Point)",
            "Berwick-Upon-Tweed, United Kingdom",
        ),
        # the gazetteer names it "Frankfurt (Oder)"; Frankfurt alone is Frankfurt am Main
        ("Frankfurt an der Oder is halfway between Berlin and Poznan.", "Frankfurt (Oder), Germany"),
    ],
)
def test_a_name_that_goes_on_is_the_longer_place(text: str, read: str) -> None:
    (claim,) = check_article(text).claims
    assert claim.read_as[0] == read


def test_a_weekday_after_on_is_no_part_of_a_name() -> None:
    (claim,) = check_article("Helsinki on Monday was halfway between Washington and Moscow.").claims
    assert claim.venue == "Helsinki" and claim.read_as[0] == "Helsinki, Finland"


def test_the_seed_article_is_read_without_the_small_towns_table() -> None:
    # the towns' table costs a second to load: the seed (Anchorage … between Washington and Beijing)
    # must not need it; a fresh interpreter, as other tests load it
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    code = (
        "import sys; from pathlib import Path; import geo.places.towns as t; "
        "from geo.claims.article import check_article; "
        "r = check_article(next(Path('seeds').glob('*.txt')).read_text(encoding='utf-8')); "
        "print(len(r.claims), t._lines.cache_info().currsize)"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["1", "0"]


def test_either_refers_to_the_parties_of_the_claim_before() -> None:
    # the venue last in the sentence before: the last two places named would be Valencia and Cuenca
    text = "Halfway between Madrid and Valencia lies Cuenca. It is an hour from either city."
    first, second = check_article(text).claims
    assert second.read_as == first.read_as == ("Cuenca, Spain", "Madrid, Spain", "Valencia, Spain")
    assert "the parties of the claim before" in second.note


@pytest.mark.parametrize(
    "text",
    [
        "Boston and New York are big. The road runs for 5 km to either side of the river.",
        "Visit Paris and Lyon. You can walk 10 minutes to either end of the beach.",
        "Halfway between Madrid and Valencia lies Cuenca. Hotels are 2 km from either station.",
    ],
)
def test_either_side_of_a_thing_is_no_claim(text: str) -> None:
    report = check_article(text)
    assert not [c for c in report.claims if "either" in c.sentence]
    assert not [u for u in report.unresolved if "either" in u.sentence]


# ---- from the tuning part of fresh10.jsonl (collected at stop 25, first read untouched) ----------------


def test_le_point_central_in_a_village_named_just_before() -> None:
    # nombril-france-blogue (fresh10, tuning part): Bruère-Allichamps is a small town of the towns' table
    text = (
        "Parmi ces villages, il y a d’abord Bruère-Allichamps, un site historique parfaitement placé le long "
        "du Cher. Au milieu de ce village on trouve le point central de la France, qui est représenté par "
        "une borne milliaire."
    )
    (claim,) = check_article(text).claims
    assert claim.read_as == ("Bruère-Allichamps, France", "centre of France") and claim.kind == "midpoint"
    # GeoNames: Bruère-Allichamps 46.77°N 2.43°E
    assert km((claim.result.venue.lat, claim.result.venue.lon), (46.7685, 2.4326)) < 2


def test_a_heading_names_the_centre_in_a_town() -> None:
    # krebeck-leuchtfeuer (fresh10, tuning part)
    (claim,) = check_article("Mittelpunkt von Deutschland in Krebeck\n\nFoto: August 2019").claims
    assert claim.read_as == ("Krebeck, Germany", "centre of Germany")


def test_a_centre_with_no_article_after_as() -> None:
    # cerro-angeles-frommers (fresh10, tuning part)
    text = (
        "Located 10km (6 miles) south of Madrid on the outskirts of Getafe, this 670m rise (2,200-ft.) "
        "surrounded by pines rivals the town of Pinto as official geographical center of Spain."
    )
    (claim,) = check_article(text).claims
    assert claim.read_as == ("Pinto, Spain", "centre of Spain")


def test_precisamente_fra_and_a_small_town_before_it() -> None:
    # centuripe-everyeye (fresh10, tuning part): Centuripe is a small town; Garibaldi, named before, a person
    text = (
        "A quanto pare, alcuni libri affermano che grazie alla sua posizione fu definita da Garibaldi "
        '"il balcone di Sicilia". Centuripe infatti è situata a circa 730 metri sopra il livello del mare, '
        "precisamente fra le città di Catania e Enna e come abbiamo già visto, fra mare e monti."
    )
    (claim,) = check_article(text).claims
    assert claim.read_as == ("Centuripe, Italy", "Catania, Italy", "Enna, Italy") and claim.kind == "halfway"
    _distances_are_geodesic(claim)


def test_a_small_town_that_is_a_party_is_no_venue() -> None:
    # rossrambles-kaikoura-earthquake-epicentre-half-way (fresh6, tuning part): "Kaikoura" is a party
    text = (
        "We stayed in Blenheim for a week. However, in November, 2016, there was a magnitude 7.8 earthquake "
        "with an epicentre about half way between Kaikoura and Christchurch."
    )
    report = check_article(text)
    assert not report.claims and report.unresolved[0].reason.startswith("no venue")


def test_the_iberian_peninsula_in_spanish() -> None:
    from geo.places.resolve import resolve

    assert resolve("península ibérica").name == "Iberian Peninsula"


def test_this_town_with_no_town_named_before_is_listed() -> None:
    report = check_article("We stayed a night with friends. This town is the heart of Texas.")
    assert not report.claims and "refers to a town" in report.unresolved[0].reason


def test_an_island_group_named_with_its_kind_is_found() -> None:
    # tristan-mapoftheday (fresh10, tuning part): "the Tristan da Cunha Archipelago"
    text = (
        "Our Series on Remote Islands takes us to the Tristan da Cunha Archipelago, a group of 4 islands "
        "located in the Southern Atlantic Ocean. These windswept islands host one of the most isolated human "
        "communities in the World. While its location, about half way between South America and the "
        "Southern tip of Africa, long made it a useful refueling station for British ships."
    )
    (claim,) = check_article(text).claims
    assert claim.read_as == ("Tristan da Cunha", "South America", "Africa")
    assert "'its location' read as Tristan da Cunha" in claim.note


def test_somewhere_after_it_says_where_it_is() -> None:
    # tristan-maps-com (fresh10, tuning part)
    text = (
        "The farthest of all these is considered to be the little island of Tristan da Cunha. It sits in the "
        "South Atlantic Ocean, somewhere around midway between the southern end of Africa, and the east "
        "coast of South America."
    )
    (claim,) = check_article(text).claims
    assert claim.venue == "Tristan da Cunha" and claim.kind == "midway"
    # "There is somewhere halfway between …" names no place: still listed
    report = check_article("There is somewhere halfway between Boston and New York that we like.")
    assert not report.claims and "'somewhere' is not a named place" in report.unresolved[0].reason


# ---- red team, stop 25 ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "India has kept an equal distance from Moscow and Washington throughout the war.",
        "Turkey tries to keep an equal distance from Moscow and Kyiv.",
        "Vietnam remains equidistant from Beijing and Washington, analysts say.",
    ],
)
def test_a_policy_of_equal_distance_is_no_place_between(text: str) -> None:
    report = check_article(text)
    assert not report.claims and "is a stance" in report.unresolved[0].reason


@pytest.mark.parametrize(
    "text",
    ["Hay-on-Wye sits midway between Hereford and Brecon.", "Puerto is halfway between Cádiz and Jerez."],
)
def test_a_venue_read_as_one_of_the_parties_is_no_verdict(text: str) -> None:
    report = check_article(text)
    assert not report.claims and "which is also one of the parties" in report.unresolved[0].reason


def test_este_pueblo_is_this_town_not_este_in_italy() -> None:
    report = check_article("Visitamos Cuenca. Este pueblo está a medio camino entre Madrid y Valencia.")
    (claim,) = report.claims
    assert claim.read_as[0] == "Cuenca, Spain"
    (este,) = check_article("Este is a town in Italy, halfway between Padua and Rovigo.").claims
    assert este.read_as[0] == "Este, Italy"


def test_a_namesake_named_after_is_no_venue() -> None:
    (claim,) = check_article(
        "Lincoln, named after Lincoln in England, lies equidistant from Omaha and Kansas City."
    ).claims
    assert claim.read_as[0] == "Lincoln, NE, United States"


def test_either_reads_the_last_two_places_and_checks_the_stated_distance() -> None:
    (claim,) = check_article(
        "Cuenca lies between Madrid and Valencia, and is two hours from either of them."
    ).claims
    assert claim.read_as == ("Cuenca, Spain", "Madrid, Spain", "Valencia, Spain")
    text = "Kingston is roughly halfway between Toronto and Montreal. It is about 100 km to either."
    second = check_article(text).claims[1]
    assert second.ambiguous and "the text gives 100 km" in second.note  # 241 and 269 km in fact


def test_n_miles_to_either_a_or_b() -> None:
    (claim,) = check_article("Dayton is 50 miles to either Cincinnati or Columbus.").claims
    assert claim.read_as[1:] == ("Cincinnati, OH, United States", "Columbus, OH, United States")


@pytest.mark.parametrize(
    ("text", "read"),
    [
        (
            "Hué est à 600 km au sud de Hanoï et à 600 km au nord de Hô Chi Minh-Ville.",
            ("Huế, Vietnam", "Hanoi, Vietnam"),
        ),
        (
            "Zaragoza está a 300 km al oeste de Barcelona y a 300 km al noreste de Madrid.",
            ("Zaragoza, Spain", "Barcelona, Spain"),
        ),
        (
            "Kassel liegt 150 km nördlich von Frankfurt und 150 km südlich von Hannover.",
            ("Kassel, Germany", "Frankfurt am Main, Germany"),
        ),
    ],
)
def test_equal_distances_with_compass_words_in_other_languages(text: str, read: tuple[str, str]) -> None:
    (claim,) = check_article(text).claims
    assert claim.kind == "equidistant" and claim.read_as[:2] == read
    _distances_are_geodesic(claim)


def test_newcastle_between_edinburgh_and_leeds_is_newcastle_upon_tyne() -> None:
    # red team, stop 25: read as the small Newcastle in County Down, a confident "no"; now the city of the
    # parties' country whose name it begins, in doubt with Newcastle-under-Lyme
    (claim,) = check_article("Newcastle is roughly halfway between Edinburgh and Leeds.").claims
    assert claim.read_as[0] == "Newcastle upon Tyne, United Kingdom"
    assert claim.ambiguous and "Newcastle under" in claim.note
