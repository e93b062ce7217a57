"""Reading rules learnt from the tuning two-thirds of tests/corpus/fresh5.jsonl (its held-out third
is not read). Each test uses a sentence of that corpus (its record id in a comment)."""

from __future__ import annotations

from reference import km

from geo.claims.article import check_article


def test_a_place_that_locates_the_subject_is_not_the_venue() -> None:
    # infogalactic-cocos-keeling-midway-australia-sri-lanka: "southwest of Christmas Island"
    text = (
        "The Territory of the Cocos (Keeling) Islands, also called Cocos Islands and Keeling Islands, is a "
        "territory of Australia, located in the Indian Ocean, southwest of Christmas Island and "
        "approximately midway between Australia and Sri Lanka."
    )
    (claim,) = check_article(text).claims
    venue = claim.result.venue
    assert claim.venue != "Christmas Island" and km((venue.lat, venue.lon), (-12.19, 96.83)) < 60


def test_a_city_in_a_state_keeps_the_city_as_the_venue() -> None:
    # budgettrucks-coffs-harbour-popular-half-way-point
    text = (
        "Coffs Harbour is a city in New South Wales located on the coast and is a popular half way point "
        "between Sydney and Brisbane."
    )
    (claim,) = check_article(text).claims
    assert claim.venue == "Coffs Harbour" and set(claim.between) == {"Sydney", "Brisbane"}


def test_a_halfway_point_with_its_route_later_in_the_clause_takes_that_route() -> None:
    # tonyandkim-coffs-harbour-half-way-pacific-highway: not the Sydney–Coffs Harbour trip named before
    text = (
        "The route from Sydney to Coffs Harbour is 532 km, 330 mi, 5:48 hrs. Coffs Harbour is the half way "
        "point on the Pacific Highway road trip between Sydney and Brisbane."
    )
    (claim,) = check_article(text).claims
    assert claim.venue == "Coffs Harbour" and set(claim.between) == {"Sydney", "Brisbane"}
    # Coffs Harbour is 1.4 times as far from Sydney as from Brisbane in a straight line: roughly halfway
    d_sydney = km((-30.296, 153.114), (-33.869, 151.209))
    d_brisbane = km((-30.296, 153.114), (-27.468, 153.028))
    assert 0.55 < d_sydney / (d_sydney + d_brisbane) < 0.6
    assert claim.holds == "roughly"


def test_a_comparison_names_no_venue() -> None:
    # barnstorming-tahiti-halfway-california-australia: "in the same time zone as Hawaii"
    text = (
        "Papeete is the capital. The islands are located south of the equator, in the same time zone as "
        "Hawaii, and halfway between California and Australia."
    )
    report = check_article(text)
    assert all(c.venue != "Hawaii" for c in report.claims)


def test_italian_and_portuguese_centre_wordings_are_claims() -> None:
    # lanazione-centro-ditalia-roma-torre-spaccata-narni: the venue named before "il centro geografico d’"
    text = "E’ a Roma, in via Marcio Rutilio di Torre Spaccata il centro geografico d’Italia nazionale."
    (claim,) = check_article(text).claims
    assert claim.venue == "Roma" and claim.reading == "at the midpoint"
    # the centre of Italy's land (with Sicily and Sardinia within 500 km of the peninsula): Rome lies
    # within a quarter of the reach; GeographicLib from Rome's centre to the reported centre
    centre = claim.result.parties[0]
    assert abs(centre.distance_km - km((41.8919, 12.5113), (centre.lat, centre.lon))) < 1
    assert claim.result.share < 0.25
    (claim,) = check_article("Cuiabá fica no centro geográfico da América do Sul.").claims
    assert claim.venue == "Cuiabá" and claim.between == ("América do Sul",)


def test_a_list_of_parties_is_read_item_by_item_with_other_language_names() -> None:
    # infokontak-uruguaiana-equidistante-quatro-capitais: "Montevidéu" and "Assunção" are Portuguese
    # names; ".[6] A cidade" ends a sentence (a citation mark after "mar.", a word, not "Mar." for March)
    text = (
        "Uruguaiana\nUruguaiana é um município brasileiro situado na extremidade ocidental do estado do Rio "
        "Grande do Sul, junto à fronteira fluvial com a Argentina e Uruguai, a uma altitude de 66 metros "
        "acima do nível do mar.[6] A cidade tem grande importância estratégica comercial internacional, "
        "tendo em vista que está localizada equidistante de Porto Alegre, Montevidéu, Buenos Aires e "
        "Assunção; bem como devido à importância na produção agropecuária nacional."
    )
    (claim,) = check_article(text).claims
    assert claim.venue == "Uruguaiana" and claim.read_as[1:] == (
        "Porto Alegre, Brazil",
        "Montevideo, Uruguay",
        "Buenos Aires, Argentina",
        "Asunción, Paraguay",
    )
    uruguaiana = (-29.7547, -57.0883)
    references = [(-30.0331, -51.2300), (-34.9033, -56.1882), (-34.6037, -58.3816), (-25.2637, -57.5759)]
    got = sorted(p.distance_km for p in claim.result.parties)
    assert all(
        abs(a - b) < 5 for a, b in zip(got, sorted(km(uruguaiana, r) for r in references), strict=True)
    )


def test_a_state_in_a_list_says_where_the_place_before_it_is() -> None:
    (claim,) = check_article("Kingston lies halfway between Montreal, Quebec, and Toronto, Ontario.").claims
    assert claim.between == ("Montreal", "Toronto")


def test_a_centre_claim_read_with_a_namesake_outside_the_area_is_not_a_confident_no() -> None:
    # liquisearch-centre-points-uk-midland-oak-morton-haltwhistle: the gazetteer knows no Morton in England
    text = "Morton, Derbyshire also claims to be the centre of England."
    (claim,) = check_article(text).claims
    venue = claim.result.venue
    assert venue.country == "US" and claim.ambiguous  # Morton, Illinois: thousands of km away
    assert km((venue.lat, venue.lon), (52.56, -1.46)) > 5000  # the OS centre of England, Lindley Hall Farm
    assert "probably means another Morton" in claim.note
    (kassel,) = check_article("Kassel is in the middle of Germany.").claims
    assert not kassel.ambiguous


def test_headings_quoted_titles_and_german_superlatives_name_centres() -> None:
    # aguttersquick-meriden-half-way-london-chester: a heading "MERIDEN- Centre of England"
    (claim,) = check_article("MERIDEN- Centre of England\n\nThe village is small.").claims
    assert claim.between == ("England",) and claim.ambiguous  # only Meriden, Connecticut is known
    # liquisearch-centre-points-uk-midland-oak-morton-haltwhistle: "it is the 'Centre of Britain'"
    text = (
        "The town of Haltwhistle in Northumberland sports banners stating that it is the 'Centre of Britain'."
    )
    (claim,) = check_article(text).claims
    assert claim.venue == "Haltwhistle" and claim.between == ("Britain",)
    # smalleuropeancountry-brussels-centre-of-europe-capitals-median: a term in quotes claims nothing
    text = "I think that is not the same as the “Centre of Europe”."
    assert check_article(text).claims == ()
    (claim,) = check_article("Niederdorla ist der mittelste Punkt Deutschlands.").claims
    assert claim.venue == "Niederdorla" and claim.holds == "yes"


def test_a_halfway_refuelling_point_is_a_claim_that_needs_its_route() -> None:
    # miyake-san-wake-island-halfway-refueling-to-japan: listed, not dropped
    text = "After spending the previous night in Waikiki, Wake Island served as a halfway refueling point."
    report = check_article(text)
    assert report.claims == () and report.unresolved[0].reason.startswith("no parties")


def test_in_the_middle_of_a_sea_between_two_places_is_a_halfway_claim() -> None:
    (claim,) = check_article("Malta lies in the middle of the Mediterranean between Sicily and Libya.").claims
    assert claim.venue == "Malta" and claim.between == ("Sicily", "Libya") and claim.reading == "halfway"
    # jakami-middle-island-tristan-de: listed with its reason, not dropped
    text = "Ihr Name kommt von ihrer Lage „in der Mitte“ zwischen den Inseln Nightingale und Stoltenhoff."
    report = check_article(text)
    assert report.claims == () and "cannot be resolved" in report.unresolved[0].reason
