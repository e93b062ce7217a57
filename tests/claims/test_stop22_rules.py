"""Reading rules of stop 22 for halfway claims, each from a tuning corpus sentence (record id in a
comment): asides between the parties, a verb capitalised after a name, a list item that refines the
one before it, and a place that says where a party lies."""

from __future__ import annotations

from reference import km

from geo.claims.article import check_article

DAYTON, CINCINNATI, MIDDLETOWN_OH = (39.7589, -84.1916), (39.1271, -84.5144), (39.5151, -84.3983)


def test_an_aside_between_the_parties_does_not_end_them() -> None:
    # slovar-vocab-britannica-middletown-ny-ohio (fresh6, tuning part)
    text = (
        "Middletown, Ohio. Founded in 1802, it was named for its location midway between Dayton "
        "(35 mi north) and Cincinnati (25 mi south)."
    )
    (claim,) = check_article(text).claims
    assert claim.between == ("Dayton", "Cincinnati")
    venue = claim.result.venue
    assert km((venue.lat, venue.lon), MIDDLETOWN_OH) < 5
    # Middletown lies 2/5 of the way: the check's distances are GeographicLib's
    a, b = claim.result.parties
    assert abs(a.distance_km - km((venue.lat, venue.lon), (a.lat, a.lon))) < 1e-6
    assert km((a.lat, a.lon), DAYTON) < 5 and km((b.lat, b.lon), CINCINNATI) < 5


def test_a_long_parenthesis_still_ends_the_parties() -> None:
    # an aside of more than MAX_PARTY_ASIDE_CHARS (60) characters is a clause of its own
    text = (
        "Nhill is halfway between Adelaide (the capital of South Australia, which has a long and wild "
        "southern coast) and Perth."
    )
    report = check_article(text)
    assert all("Perth" not in claim.between for claim in report.claims)


def test_a_capitalised_verb_after_a_name_is_no_part_of_it() -> None:
    # skyscraperpage-cleveland-halfway-chicago-new-york (fresh6, tuning part)
    text = (
        "Every Convention & Visitor's Bureau in the Midwest makes this same claim. The position that "
        "Cleveland Enjoyed for about 100 years was that it was the halfway point between Chicago and New "
        "York City."
    )
    (claim,) = check_article(text).claims
    assert claim.venue == "Cleveland"


def test_a_refined_list_item_stands_for_the_one_before_and_a_setting_is_no_venue() -> None:
    # meioambiente-tristao-meio-pt (fresh): "o Brasil, precisamente o Rio de Janeiro" is one party, and
    # "a Cidade do Cabo na África" says where Cape Town lies: Africa is not the venue
    text = (
        "É uma ilha que fica no meio do Oceano Atlântico entre o Brasil, precisamente o Rio de Janeiro "
        "(3.340 quilômetros) e a Cidade do Cabo na África ( 2.800 quilômetros)."
    )
    report = check_article(text)
    assert all(claim.venue != "África" for claim in report.claims)
    assert all(len(claim.between) == 2 for claim in report.claims)


def test_a_mi_chemin_du_and_an_island_the_gazetteer_lacks() -> None:
    # cosmovisions-ile-amsterdam-a-mi-chemin-cap-de-bonne-esperance-tasmanie-fr (fresh7, tuning part):
    # "à mi-chemin du cap … et la Tasmanie" is a claim; "l'île Amsterdam" is no city of the Netherlands
    text = (
        "L'île Amsterdam est une île de l'Océan Indien, située à peu près à mi-chemin du cap de "
        "Bonne-Espérance et la Tasmanie par 37°80' de latitude Sud et 78° de longitude Est."
    )
    (claim,) = check_article(text).claims
    assert claim.ambiguous and claim.holds == "no"  # read as the Dutch capital, which does not fit
    assert "names an island Amsterdam" in claim.note
    # a city on its namesake island that fits is checked as usual
    (montreal,) = check_article("The island of Montreal is halfway between Quebec City and Ottawa.").claims
    assert not montreal.ambiguous and montreal.holds in ("yes", "roughly")


def test_an_island_country_named_as_an_island_is_the_country() -> None:
    (claim,) = check_article("L'île de Malte est à mi-chemin entre la Sicile et la Libye.").claims
    assert claim.read_as == ("Valletta, Malta", "Sicily", "Tripoli, Libya")


def test_genau_zwischen_is_halfway() -> None:
    # wo-kommen-wir-hin-arusha-ziemlich-genau-zwischen-kairo-kapstadt-de (fresh7, tuning part)
    (claim,) = check_article("Arusha liegt also ziemlich genau zwischen Kairo und Kapstadt.").claims
    assert claim.read_as == ("Arusha, Tanzania", "Cairo, Egypt", "Cape Town, South Africa")
    venue, (a, b) = claim.result.venue, claim.result.parties
    assert abs(a.distance_km - km((venue.lat, venue.lon), (a.lat, a.lon))) < 1e-6
    assert abs(b.distance_km - km((venue.lat, venue.lon), (b.lat, b.lon))) < 1e-6


def test_centrally_located_between() -> None:
    text = "Centrally located between Launceston and Hobart, Campbell Town was a stop for coaches."
    (claim,) = check_article(text).claims
    assert claim.between == ("Launceston", "Hobart") and claim.reading == "halfway"


def test_a_distance_in_italian_kilometres() -> None:
    # terredamare-novara-cuore-del-piemonte-a-meta-strada-torino-milano-it (fresh7, tuning part)
    text = "Novara si trova a circa 50 chilometri da Milano e Torino e a pochi chilometri dai laghi."
    (claim,) = check_article(text).claims
    assert claim.venue == "Novara" and claim.between == ("Milano", "Torino")
    assert claim.reading == "equal distance"


def test_a_small_town_before_an_indefinite_noun_is_the_venue() -> None:
    # wetouraustralia-coober-pedy-about-halfway-adelaide-alice-springs (fresh7, tuning part)
    text = "Coober Pedy is a small town about halfway between Adelaide and Alice Springs."
    (claim,) = check_article(text).claims
    assert claim.venue == "Coober Pedy"
    venue = claim.result.venue
    assert km((venue.lat, venue.lon), (-29.0142, 134.7550)) < 1  # GeoNames' Coober Pedy
    # "There is a small town …" names none: still not a venue
    assert not check_article("There is a small town halfway between Adelaide and Alice Springs.").claims


def test_in_the_middle_of_a_triangle_formed_by_three_cities() -> None:
    # everything2-erie-in-the-middle-of-a-triangle-pittsburgh-cleveland-buffalo (fresh7, tuning part)
    text = "Erie is in the middle of a triangle formed by the large cities Pittsburgh, Cleveland and Buffalo."
    (claim,) = check_article(text).claims
    assert claim.between == ("Pittsburgh", "Cleveland", "Buffalo")
    assert claim.reading == "equal distance"


def test_nel_cuore_del_and_a_fronted_centre_in_french() -> None:
    # terredamare-novara-cuore-del-piemonte-a-meta-strada-torino-milano-it, 911nwo-dijon-mi-chemin-paris-lyon
    text = (
        "Oggi vi parlerò di Novara, una città situata nel cuore del Piemonte, a metà strada tra Torino e "
        "Milano."
    )
    centre, halfway = check_article(text).claims
    assert centre.venue == "Novara" and centre.read_as[1] == "centre of Piedmont"
    assert halfway.between == ("Torino", "Milano")
    (dijon,) = check_article(
        "Située au cœur de la région Bourgogne-Franche-Comté, Dijon est un carrefour."
    ).claims
    assert dijon.venue == "Dijon" and dijon.between == ("Bourgogne-Franche-Comté",)


def test_a_venue_referred_to_that_lies_absurdly_off_the_way_is_not_checked() -> None:
    # after slovar-vocab-britannica-middletown-ny-ohio (fresh6, tuning part), where "it" would have
    # been New York, named three times, 900 km off the way from Dayton to Cincinnati
    text = "Denver is lovely. Denver has a zoo. Denver is big. It lies halfway between Boston and New York."
    report = check_article(text)
    assert not report.claims
    (unresolved,) = report.unresolved
    assert "far off the way between Boston and New York City" in unresolved.reason
    # a venue named in the sentence is checked, however false the claim: "no" is the answer then
    (claim,) = check_article("Denver lies halfway between Boston and New York.").claims
    assert claim.holds == "no"


def test_a_division_after_a_comma_locates_the_place_before_it() -> None:
    # mediotejo-centro-geodesico-vs-geometrico-portugal (fresh6, tuning part)
    text = (
        "Vila de Rei, no distrito de Castelo Branco, orgulha-se há duzentos anos de ter no concelho a "
        "referência que confirma ser ali o Centro Geodésico de Portugal."
    )
    (claim,) = check_article(text).claims
    assert claim.venue == "Vila de Rei"
    # without the comma, "the municipality of X" names the place itself
    (claim,) = check_article("The municipality of Tequisquiapan is the geographic centre of Mexico.").claims
    assert claim.venue == "Tequisquiapan"


def test_a_venue_no_data_hold_is_named_in_the_reason() -> None:
    # abc-tarcutta-the-halfway-point-melbourne-sydney (fresh7, tuning part): Tarcutta has 229 people
    text = "Tarcutta is the halfway point between Melbourne and Sydney and has always been significant."
    report = check_article(text)
    assert not report.claims
    assert "'Tarcutta', said to be halfway, is no place known here" in report.unresolved[0].reason


def test_in_der_mitte_after_a_way_between_two_places() -> None:
    # hier-war-ich-wittenberge-ungefaehr-in-der-mitte-hamburg-berlin-de (fresh7, tuning part)
    text = "Auf dem Weg zwischen Hamburg und Berlin liegt Wittenberge an der Elbe ungefähr in der Mitte."
    (claim,) = check_article(text).claims
    assert claim.read_as == ("Wittenberge, Germany", "Hamburg, Germany", "Berlin, Germany")
    # no way named: a photo caption is no claim, and not listed either
    report = check_article("Das Foto zeigt die Familie, in der Mitte.")
    assert report.claims == () and report.unresolved == ()
    # "in der Mitte Deutschlands" stays a centre claim
    (centre,) = check_article("Kassel liegt ziemlich genau in der Mitte Deutschlands.").claims
    assert centre.read_as[1] == "centre of Germany"


def test_alternatives_for_a_party_are_two_claims() -> None:
    # donaureisen-gyor-auf-halber-strecke-wien-bratislava-budapest (fresh5, tuning part)
    text = (
        "Die Barock-Stadt Györ trägt auch den Beinamen „Stadt des Wassers“. Die Stadt liegt in Westungarn in "
        "der kleinen Ungarischen Tiefebene, auf halber Strecke zwischen Wien bzw. Bratislava und Budapest."
    )
    vienna, bratislava = check_article(text).claims
    assert vienna.read_as == ("Győr, Hungary", "Vienna, Austria", "Budapest, Hungary")
    assert bratislava.read_as == ("Győr, Hungary", "Bratislava, Slovakia", "Budapest, Hungary")
    assert "alternatives" in vienna.note
    venue, (a, _) = vienna.result.venue, vienna.result.parties
    assert abs(a.distance_km - km((venue.lat, venue.lon), (a.lat, a.lon))) < 1e-6


def test_bzw_and_ca_do_not_end_a_sentence() -> None:
    from geo.claims.article import split_sentences

    assert len(split_sentences("Wir fahren bzw. laufen ca. 50 km bis Wien. Dann Pause.")) == 2
