"""Reading rules of stop 24, each from a tuning corpus sentence (record id in a comment): a bare "the
centre" read as the centre of the area a centre claim named just before, and a verb that places the
centre somewhere ("places the center at …", "plaçait le centre … à Ittre")."""

from __future__ import annotations

import pytest
from reference import km

from geo.claims.article import Claim, check_article


def _distance_is_geodesic(claim: Claim) -> None:
    venue, (centre,) = claim.result.venue, claim.result.parties
    assert centre.distance_km == pytest.approx(km((venue.lat, venue.lon), (centre.lat, centre.lon)), abs=1e-6)


def test_that_centre_lies_in_a_place_named_after_it() -> None:
    # lucesdelsiglo-tequisquiapan-centro-mexico (fresh6, tuning part)
    text = (
        "Tequisquiapan presume ser el centro geográfico de México desde hace más de 100 años. "
        "Y aunque ahora se sabe que ese centro se ubica en Zacatecas, este municipio también debe su "
        "popularidad a los monumentos que rodean su centro histórico."
    )
    claims = check_article(text).claims
    assert [c.venue for c in claims] == ["Tequisquiapan", "Zacatecas"]
    zacatecas = claims[1]
    assert zacatecas.between == ("México",) and zacatecas.read_as[1] == "centre of Mexico"
    assert zacatecas.holds == "yes"
    _distance_is_geodesic(zacatecas)
    # the claim is its clause: "su centro histórico" after the comma is a town's centre, no claim
    assert zacatecas.sentence.endswith("Zacatecas") and "histórico" not in zacatecas.sentence


def test_a_verb_that_places_the_centre_before_it() -> None:
    # walhain-centre-geographique-belgique-nil-saint-vincent (fresh5, tuning part)
    text = (
        "Pour rappel, la tradition plaçait le Centre géographique de la Belgique à Ittre avant 1919 "
        "(Traité de Versailles)."
    )
    (claim,) = check_article(text).claims
    assert claim.venue == "Ittre" and claim.read_as == ("Ittre, Belgium", "centre of Belgium")
    assert km((claim.result.venue.lat, claim.result.venue.lon), (50.644, 4.2648)) < 5  # GeoNames Ittre
    _distance_is_geodesic(claim)


def test_the_centre_placed_at_an_address_in_a_town() -> None:
    # courant-middletown-midway-center-of-connecticut (fresh6, tuning part): "places the geographical
    # center near the I-91 exit ramps on Gilbert Street in Rocky Hill"; Rocky Hill is not in the data,
    # so the same sentence with a town that is
    text = (
        "So, where is the geographic center of Connecticut? The U.S. Geological Survey places the "
        "geographical center near the exit ramps on Main Street in Middletown."
    )
    (claim,) = check_article(text).claims
    assert claim.venue == "Middletown" and claim.read_as == (
        "Middletown, CT, United States",
        "centre of Connecticut",
    )


@pytest.mark.parametrize(
    "second",
    [
        # a bearing and a distance: a point near the town, not the town
        "The survey places the center 20 km north of Middletown.",
        # the real sentence: a town the data lacks; not the place the text is about ("the state" before
        # the verb is no reference to it)
        "A senior planning analyst for the state Office of Policy Management reports the center at 12 "
        "Savage Hill Road in the East Berlin section of Berlin.",
    ],
)
def test_a_placed_centre_with_no_town_there_is_listed(second: str) -> None:
    text = f"Middletown is a city. So, where is the geographic center of Connecticut? {second}"
    report = check_article(text)
    assert [c for c in report.claims if c.sentence.startswith(second[:20])] == []
    assert any(u.sentence == second and u.reason.startswith("no venue") for u in report.unresolved)


@pytest.mark.parametrize(
    "text",
    [
        # "el centro" alone is mostly a town's centre
        "El centro geográfico de España está en Getafe. En Madrid nos alojamos en el centro.",
        # too far from the centre claim: five sentences on
        "El centro geográfico de México está en Zacatecas. Uno. Dos. Tres. Cuatro. "
        "Se sabe que ese centro se ubica en Querétaro.",
        # a centre of something else
        "The geographic centre of England lies near Meriden. The centre of the village lies in Leicester.",
    ],
)
def test_no_bare_centre_claim_without_context_or_structure(text: str) -> None:
    claims = check_article(text).claims
    assert len(claims) == 1 and claims[0].sentence.startswith(("El centro geográfico", "The geographic"))


SYDNEY, MELBOURNE, HOLBROOK = (-33.8678, 151.2073), (-37.814, 144.9633), (-35.721, 147.316)


def test_a_small_town_of_the_parties_country_before_a_larger_namesake_abroad() -> None:
    # thedeletions-holbrook-halfway-sydney-melbourne (fresh8, tuning part): the gazetteer's Holbrook is
    # in New York; the small towns hold the one on the Hume Highway
    text = (
        "We stayed one night in a town called Holbrook, on the Hume Highway, halfway between Sydney "
        "and Melbourne."
    )
    (claim,) = check_article(text).claims
    assert claim.read_as == ("Holbrook, Australia", "Sydney, Australia", "Melbourne, Australia")
    assert not claim.ambiguous and "usual reading is Holbrook, NY" in claim.note
    venue = claim.result.venue
    assert km((venue.lat, venue.lon), HOLBROOK) < 5
    direct = km(SYDNEY, MELBOURNE)
    detour = km(SYDNEY, HOLBROOK) + km(HOLBROOK, MELBOURNE) - direct
    assert claim.result.detour_km == pytest.approx(detour, abs=2)  # party points within ~1 km of these
    assert claim.holds in ("yes", "roughly")


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # noticiasmadrid-cerro-angeles-mentrida-centro-es (fresh3): not Cerro, Cuba
        ("En Getafe, el Cerro de los Ángeles se ha identificado como el centro.", ["Getafe"]),
        # a beach town, not Porto
        ("Porto de Galinhas fica a meio caminho entre Recife e Maceió.", ["Recife", "Maceió"]),
        # a country or an area after "de" says where the town is
        ("Vivo en San Juan de Puerto Rico y en Santiago de Chile.", ["San Juan", "Santiago"]),
    ],
)
def test_a_name_then_de_and_a_capital_is_a_longer_name(text: str, names: list[str]) -> None:
    assert [p.name for p in check_article(text).places] == names


def test_italian_a_meta_without_strada() -> None:
    # comuniitaliani-rovigo-cuore-polesine-a-meta-fra-it (fresh4), duepuntotre-a-meta-tra-emilia-e-romagna
    # (fresh5, tuning part): "a metà fra A e B" as "a metà strada fra"
    (claim,) = check_article("Rovigo è a metà fra Padova e Ferrara.").claims
    assert claim.read_as == ("Rovigo, Italy", "Padua, Italy", "Ferrara, Italy")
    venue, (a, b) = claim.result.venue, claim.result.parties
    v, pa, pb = (venue.lat, venue.lon), (a.lat, a.lon), (b.lat, b.lon)
    assert claim.result.detour_pct == pytest.approx(
        100 * (km(pa, v) + km(v, pb) - km(pa, pb)) / km(pa, pb), abs=1e-6
    )
    assert claim.holds in ("yes", "roughly")


def test_equidistantemente_a_is_a_claim() -> None:
    # enciclofurgo-farges-allichamps-nombela-equidistante (fresh5, tuning part): found nowhere before
    text = "Nombela se ubica equidistantemente a Madrid y Toledo."
    (claim,) = check_article(text).claims
    assert claim.reading == "equal distance" and claim.between == ("Madrid", "Toledo")


def test_a_reading_over_three_countries_is_tried_together() -> None:
    # read one by one: Toledo, Ohio and Córdoba, Argentina, a +46 % detour, answered "no" with confidence;
    # Madrid, a capital, says the claim is about Spain
    (claim,) = check_article("Toledo está a medio camino entre Madrid y Córdoba.").claims
    assert claim.read_as == ("Toledo, Spain", "Madrid, Spain", "Córdoba, Spain")
    # with no capital: Mérida and Salamanca as the Mexican cities (over a million people), Sevilla as
    # the Spanish one; all three fit in Spain, nothing in the text says so: in doubt
    (claim,) = check_article("Mérida está a medio camino entre Sevilla y Salamanca.").claims
    assert claim.ambiguous and "fit together in one country too" in claim.note
    # a capital keeps its reading and raises no doubt (Dublin, California; Belfast, Maine)
    (claim,) = check_article("Dundalk lies halfway between Belfast and Dublin.").claims
    assert claim.read_as == ("Dundalk, Ireland", "Belfast, United Kingdom", "Dublin, Ireland")
    assert not claim.ambiguous
    # three capitals are what they are: a false claim, not a misreading
    (claim,) = check_article("Paris is halfway between London and Berlin.").claims
    assert not claim.ambiguous and claim.holds == "no"


def test_a_country_named_in_another_language_backs_the_reading() -> None:
    text = "Toledo es una ciudad de España. Está a medio camino entre Madrid y Córdoba."
    (claim,) = check_article(text).claims
    assert claim.read_as == ("Toledo, Spain", "Madrid, Spain", "Córdoba, Spain") and not claim.ambiguous
    venue, (a, b) = claim.result.venue, claim.result.parties
    v, pa, pb = (venue.lat, venue.lon), (a.lat, a.lon), (b.lat, b.lon)
    assert claim.result.detour_pct == pytest.approx(
        100 * (km(pa, v) + km(v, pb) - km(pa, pb)) / km(pa, pb), abs=1e-6
    )
    # on the way (+2 %) but not halfway: 70 km from Madrid, 240 km from Córdoba
    assert km(pa, v) / (km(pa, v) + km(v, pb)) < 0.3 and claim.holds == "no"


ZURICH, BASEL, LUCERNE, OLTEN = (47.3667, 8.55), (47.5584, 7.5733), (47.0505, 8.3064), (47.35, 7.9033)


def test_each_the_same_time_from_the_text_subject() -> None:
    # stefangrahl-olten-nach-zuerich-basel-luzern-jeweils-halbe-stunde-de (fresh7, tuning part);
    # trainline-ulm-jeweils-anderthalb-stunden-de (fresh3): found nowhere before
    text = (
        "Olten liegt im Kanton Solothurn. Nach Zürich, Basel und Luzern dauert die Reise jeweils eine "
        "halbe Stunde."
    )
    (claim,) = check_article(text).claims
    assert claim.venue == "Olten" and claim.between == ("Zürich", "Basel", "Luzern")
    assert claim.reading == "equal distance" and "the place the text is about" in claim.note
    distances = sorted(p.distance_km for p in claim.result.parties)
    reference = sorted(km(OLTEN, p) for p in (ZURICH, BASEL, LUCERNE))
    assert distances == pytest.approx(reference, abs=2)  # GeoNames points within ~1 km of these


def test_each_from_a_place_named_after() -> None:
    (claim,) = check_article("Boston and Albany are each 150 miles from Hartford.").claims
    assert claim.read_as == (
        "Hartford, CT, United States",
        "Boston, MA, United States",
        "Albany, NY, United States",
    )


@pytest.mark.parametrize(
    "text",
    [
        "The players each scored two goals in 90 minutes.",
        "Hartford is a city. The two teams each ran 5 miles.",  # fewer than two places before
    ],
)
def test_each_without_two_places_is_no_claim(text: str) -> None:
    assert check_article(text).claims == ()


def test_also_halfway_takes_the_venue_of_the_claim_before() -> None:
    # havemorefun-hanover-halfway (fresh2): "(And also halfway between Durban and Cape Town …)"
    text = (
        "Hanover is a small town in the Karoo. That's the main attraction of this town almost halfway "
        "between Johannesburg and Cape Town on the N1. (And also halfway between Durban and Cape Town on "
        "the interior route which some people take.)"
    )
    first, second = check_article(text).claims
    assert first.venue == second.venue == "Hanover" and second.between == ("Durban", "Cape Town")
    assert second.read_as[0] == first.read_as[0] == "Hanover, South Africa"
    assert "the venue of the claim before" in second.note
    # with no claim before, "also" names nothing
    report = check_article("And also halfway between Durban and Cape Town.")
    assert report.claims == () and report.unresolved[0].reason.startswith("no venue")


def test_the_middle_of_a_city_that_is_also_a_state() -> None:
    # berlinerzeitung-mitte-berlins-nordneukoelln-de (fresh3): Berlin is a point as a city, an outline
    # as a Land
    (claim,) = check_article("Der geografische Mittelpunkt Berlins liegt in Neukölln.").claims
    assert claim.read_as == ("Neukölln, Germany", "centre of Berlin")
    (centre,) = claim.result.parties
    assert km((centre.lat, centre.lon), (52.52, 13.405)) < 15  # the Land's centre, near the city's


def test_a_heading_names_the_venue_after_a_dash_and_the_nation_after_it() -> None:
    # virtualrobin-brandon-nations-middle (fresh2): no nation named before; Manitoba says which
    (claim,) = check_article("A visit to the nation's middle – Brandon Manitoba").claims
    assert claim.read_as == ("Brandon, Canada", "centre of Canada")
    _distance_is_geodesic(claim)
    # a place far from the area's centre after the dash is not said to be there
    assert check_article("The centre of Europe – Sydney").claims == ()


def test_a_side_of_two_places_named_by_its_direction() -> None:
    # courant-middletown-midway-center-of-connecticut (fresh6, tuning part): "Hartford and Windsor to the
    # north and Saybrook to the south" is two sides, not Hartford and Windsor (read as Windsor, Canada)
    text = "Middletown lies midway between Hartford and Windsor to the north and Saybrook to the south."
    (claim,) = check_article(text).claims
    assert claim.between == ("Hartford", "Saybrook") and "is one side" in claim.note
    # Saybrook, Illinois is the only Saybrook the data holds, 1,300 km from Hartford: in doubt
    assert claim.read_as[2] == "Saybrook, IL, United States"
    assert claim.ambiguous and "may mean another Saybrook" in claim.note
    # "A in the north and B in the south" was already two sides
    (claim,) = check_article(
        "Lyon lies halfway between Paris in the north and Marseille in the south."
    ).claims
    assert claim.between == ("Paris", "Marseille")


def test_a_small_town_on_a_long_way_is_not_in_doubt() -> None:
    (claim,) = check_article("Tucumcari is roughly halfway between Chicago and Los Angeles.").claims
    assert claim.read_as[0] == "Tucumcari, NM, United States" and not claim.ambiguous


@pytest.mark.parametrize(
    ("text", "read_as"),
    [
        # red-team inputs (stop 24): read one by one, Mérida and Salamanca were the Mexican cities
        (
            "Mérida, capital de Extremadura, está a medio camino entre Sevilla y Salamanca.",
            ("Mérida, Spain", "Sevilla, Spain", "Salamanca, Spain"),
        ),
        # a country's name among two towns of one other country names a town there
        (
            "San José está a medio camino entre Liberia y Limón.",
            ("San José, Costa Rica", "Liberia, Costa Rica", "Limón, Costa Rica"),
        ),
        (
            "Peru is roughly halfway between Kokomo and Fort Wayne.",
            ("Peru, IN, United States", "Kokomo, IN, United States", "Fort Wayne, IN, United States"),
        ),
        # "the US and China" are countries: not China, Maine
        (
            "The US and China are meeting in Anchorage, halfway between the two countries.",
            ("Anchorage, AK, United States", "Washington, D.C., United States", "Beijing, China"),
        ),
        # Moscow, a capital, is not replaced by Moscow, Idaho in a country the text does not name
        (
            "Iceland is halfway between New York and Moscow.",
            ("Reykjavík, Iceland", "New York City, NY, United States", "Moscow, Russia"),
        ),
    ],
)
def test_a_claim_read_in_one_country(text: str, read_as: tuple[str, str, str]) -> None:
    (claim,) = check_article(text).claims
    assert claim.read_as == read_as
    if claim.read_as[0].endswith(("Spain", "Costa Rica")) or claim.read_as[0].startswith("Peru"):
        assert "read together in one country" in claim.note


def test_a_country_after_a_town_it_does_not_hold_is_a_place_of_its_own() -> None:
    # the issue's own example: "Moscow, Iceland" is no town in Iceland
    (claim,) = check_article("Nearly equidistant from Washington and Moscow, Iceland is a natural.").claims
    assert claim.read_as == ("Reykjavík, Iceland", "Washington, D.C., United States", "Moscow, Russia")
    assert claim.reading == "equal distance"
    # a country that has a town of that name says which: Córdoba in Argentina
    (claim,) = check_article("Córdoba, Argentina is halfway between Buenos Aires and Salta.").claims
    assert claim.read_as[0] == "Córdoba, Argentina"


@pytest.mark.parametrize(
    ("text", "read_as"),
    [
        # red-team inputs (stop 24): the state, not Washington, D.C., says which Aberdeen
        (
            "Aberdeen, Washington, is halfway between Seattle and Portland.",
            ("Aberdeen, WA, United States", "Seattle, WA, United States", "Portland, OR, United States"),
        ),
        # a town named like a country, then its state; Columbia in the state of the other places
        (
            "Mexico, Missouri, is about halfway between Columbia and Hannibal.",
            ("Mexico, MO, United States", "Columbia, MO, United States", "Hannibal, MO, United States"),
        ),
    ],
)
def test_a_state_after_a_town_says_which(text: str, read_as: tuple[str, str, str]) -> None:
    (claim,) = check_article(text).claims
    assert claim.read_as == read_as


def test_a_town_named_like_a_country_in_a_state_the_data_lacks() -> None:
    # Lebanon, Kansas (218 people) is in neither the gazetteer nor the small towns: neither Beirut nor
    # the state of Kansas is the venue
    report = check_article("Lebanon, Kansas, lies about halfway between Denver and Kansas City.")
    assert report.claims == ()
    assert "the text places Lebanon in Kansas" in report.unresolved[0].reason
    # two countries in a row stay two countries
    assert [p.name for p in check_article("Georgia, Armenia and Azerbaijan met.").places] == [
        "Tbilisi",
        "Yerevan",
        "Baku",
    ]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        # red-team inputs (stop 24): a speaker, a company's seat, a chef's city, a league table, feasts
        ("Jackson said the new plant will be built halfway between Memphis and Nashville.", "no venue"),
        (
            "La compañía, con sede en Madrid, abrirá una planta a medio camino entre Valencia y Zaragoza.",
            "no venue",
        ),
        ("Lisbon-based chef Ana Ros cooks a menu midway between Lima and Tokyo.", "no venue"),
        ("In der Tabelle liegt Freiburg genau in der Mitte zwischen Leipzig und Stuttgart.", "'in der Mitte"),
        (
            "Au classement, Nantes se situe à mi-chemin entre Lens et Rennes.",
            "'à mi-chemin entre' in a ranking",
        ),
        ("The wedding date falls halfway between Christmas and Easter, the couple from Cork said.", "party"),
    ],
)
def test_no_venue_or_no_place_is_no_claim(text: str, reason: str) -> None:
    report = check_article(text)
    assert report.claims == ()
    (unresolved,) = report.unresolved
    assert unresolved.reason.startswith(reason)


def test_a_speaker_named_like_a_capital_is_still_the_place() -> None:
    # "Beijing said": a government by its capital's name, which the text still names as a place
    report = check_article("Beijing said the talks would be held in Anchorage.")
    assert [p.name for p in report.places] == ["Beijing", "Anchorage"]


def test_the_area_of_an_earlier_centre_is_no_venue_of_the_next() -> None:
    # augsburg-mittelpunkt-augsburger-allgemeine (fresh9, tuning part): "Europa" was the venue of the
    # centres of Germany and Bavaria
    text = (
        "Der Mittelpunkt von Europa ist im litauischen Purnuškės, der Mittelpunkt von Deutschland im "
        "thüringischen Niederdorla und der Mittelpunkt von Bayern im oberbayerischen Kipfenberg."
    )
    assert all(claim.venue != "Europa" for claim in check_article(text).claims)


def test_a_place_that_describes_another_is_no_venue_of_a_centre() -> None:
    # anapolis-anapolisglobal (fresh9, tuning part): "Goiânia, a capital de Goiás": not Goiás
    text = (
        "Estas três cidades – Anápolis, a “Capital Industrial de Goiás”; Brasília, a capital do país; "
        "Goiânia, a capital de Goiás – formam a protometrópoles do centro geográfico do Brasil."
    )
    assert all(claim.venue != "Goiás" for claim in check_article(text).claims)


@pytest.mark.parametrize(
    ("text", "read_as"),
    [
        # red-team inputs (stop 24): "the two capitals" are capitals, not the venue named with them, and
        # a delegation's seat ("based in Seoul") is no meeting place
        (
            "The delegations, based in Seoul and Tokyo, met on Jeju. The island lies roughly halfway between "
            "the two capitals.",
            ("Jeju (KR-49)", "Seoul, South Korea", "Tokyo, Japan"),
        ),
        (
            "Officials from Madrid and Lisbon met in Badajoz. The border town is roughly halfway between the "
            "two capitals.",
            ("Badajoz, Spain", "Madrid, Spain", "Lisbon, Portugal"),
        ),
    ],
)
def test_the_two_capitals_are_capitals(text: str, read_as: tuple[str, str, str]) -> None:
    (claim,) = check_article(text).claims
    assert claim.read_as == read_as


def test_a_world_capital_is_not_read_as_a_namesake_in_the_parties_country() -> None:
    # red-team (stop 24): Moscow was read as Moscow, Idaho because Anchorage and Washington are in the US
    (claim,) = check_article("Anchorage is halfway between Washington and Moscow.").claims
    assert claim.read_as[2] == "Moscow, Russia"
    # a small capital still yields to the namesake among the other places (Kingston, Ontario)
    (claim,) = check_article("Kingston is halfway between Toronto and Ottawa.").claims
    assert claim.read_as[0] == "Kingston, Canada"
