"""Finding and checking "halfway" claims in articles (geo/claims/article.py and `python -m geo article`).

The articles in tests/claims/articles/ were written for these tests, one per concern; the seed article
is the news story the project began with. Distances are checked against GeographicLib called
directly, verdicts against check_halfway on places resolved independently.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from geographiclib.geodesic import Geodesic
from hypothesis import given, settings
from hypothesis import strategies as st

from geo.analysis.check import check_halfway
from geo.claims.article import (
    MAX_ARTICLE_BYTES,
    ArticleReport,
    check_article,
    decode_article,
    plain_text,
    read_article,
    split_sentences,
)
from geo.cli.main import main
from geo.errors import InvalidInputError
from geo.places.resolve import resolve
from geo.report.article import format_report
from geo.report.jsonout import to_jsonable

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = Path(__file__).resolve().parent / "articles"
SEED = ROOT / "seeds" / "000_0013ce6904f91e7b.txt"
G = Geodesic.WGS84
MM_KM = 1e-6


def gl_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    return float(G.Inverse(lat1, lon1, lat2, lon2)["s12"]) / 1000


def article(name: str) -> ArticleReport:
    return check_article((ARTICLES / name).read_text(encoding="utf-8"))


def summary(report: ArticleReport) -> list[tuple[str, str, str, str, str]]:
    return [(c.kind, c.venue, c.between[0], c.between[1], c.result.verdict) for c in report.claims]


def place_names(report: ArticleReport) -> set[str]:
    return {p.name for p in report.places}


def collapse(text: str) -> str:
    return " ".join(text.split())


def assert_offsets_point_at_sentences(source: str, report: ArticleReport) -> None:
    text = plain_text(source)
    for item in (*report.claims, *report.unresolved):
        assert 0 <= item.start < item.end <= len(text)
        assert collapse(text[item.start : item.end]) == item.sentence
    for place in report.places:
        for mention in place.mentions:
            assert text[mention.start : mention.end] == mention.text


# ---- the seed article -------------------------------------------------------------------------------
def test_seed_article_gives_exactly_one_claim_anchorage_between_washington_and_beijing() -> None:
    source = SEED.read_text(encoding="utf-8")
    report = check_article(source)
    assert len(report.claims) == 1
    assert report.unresolved == ()
    claim = report.claims[0]
    assert (claim.venue, claim.between, claim.result.verdict) == (
        "Anchorage",
        ("Washington", "Beijing"),
        "roughly halfway",
    )
    assert claim.sentence == (
        "The city was picked because it represents a halfway point between Washington and Beijing."
    )
    assert "'The city' read as Anchorage" in claim.note and "expected to be in Anchorage" in claim.note
    assert_offsets_point_at_sentences(source, report)


def test_seed_claim_numbers_agree_with_geographiclib() -> None:
    result = check_article(SEED.read_text(encoding="utf-8")).claims[0].result
    v, (a, b) = result.venue, result.parties
    assert (v.name, a.name, b.name) == ("Anchorage", "Washington, D.C.", "Beijing")
    assert a.distance_km == pytest.approx(gl_km(a.lat, a.lon, v.lat, v.lon), abs=MM_KM)
    assert b.distance_km == pytest.approx(gl_km(b.lat, b.lon, v.lat, v.lon), abs=MM_KM)
    assert result.direct_km == pytest.approx(gl_km(a.lat, a.lon, b.lat, b.lon), abs=MM_KM)
    assert result == check_halfway(resolve("Anchorage"), resolve("Washington"), resolve("Beijing"))


def test_seed_places_skip_person_names_papers_and_read_asia_as_the_continent_and_the_sea_as_a_sea() -> None:
    report = check_article(SEED.read_text(encoding="utf-8"))
    # Antony (France) in "Antony Blinken", Taipei in "Taiwan Strait" are not places; "in Asia" is the
    # continent (not the town in the Philippines), "Alaska" the state, "Anchorage, Alaska" one place;
    # "the South China Sea" is the sea (not China).
    assert place_names(report) == {
        "Washington, D.C.",
        "Beijing",
        "Anchorage",
        "Alaska",
        "Asia",
        "South China Sea",
    }
    kinds = {p.name: resolve(p.name).kind for p in report.places}
    assert (kinds["Asia"], kinds["Alaska"], kinds["South China Sea"]) == ("continent", "state", "sea")
    (anchorage,) = [p for p in report.places if p.name == "Anchorage"]
    assert [m.text for m in anchorage.mentions] == ["Anchorage"]  # ", Alaska" only said which Anchorage
    china = next(p for p in report.places if p.name == "Beijing")
    written = [m.text for m in china.mentions]
    assert "China" in written and "Beijing" in written
    # "The South China Morning Post" and "South China Sea" name no place.
    text = plain_text(SEED.read_text(encoding="utf-8"))
    spans = {(m.start, m.end) for m in china.mentions}
    for phrase in ("South China Morning Post", "South China Sea"):
        at = text.index(phrase) + len("South ")
        assert (at, at + len("China")) not in spans, phrase


# ---- each phrasing ----------------------------------------------------------------------------------
def test_each_phrasing_is_found_with_its_venue_and_parties() -> None:
    report = article("phrasings.txt")
    assert [(kind, venue, a, b) for kind, venue, a, b, _ in summary(report)] == [
        ("halfway", "Reykjavík", "Washington", "Moscow"),
        ("halfway", "Singapore", "Washington", "Pyongyang"),
        ("midway", "Helsinki", "Moscow", "Washington"),
        ("midpoint", "Vienna", "Paris", "Kyiv"),
        ("equidistant", "Istanbul", "London", "Tehran"),
        ("equidistant", "Ankara", "Berlin", "Baghdad"),
    ]
    assert_offsets_point_at_sentences((ARTICLES / "phrasings.txt").read_text(encoding="utf-8"), report)


def test_each_claims_verdict_is_the_halfway_check_of_the_places_it_names() -> None:
    for claim in article("phrasings.txt").claims:
        expected = check_halfway(resolve(claim.venue), resolve(claim.between[0]), resolve(claim.between[1]))
        assert claim.result.verdict == expected.verdict, claim.sentence
        assert claim.result.detour_pct == pytest.approx(expected.detour_pct, abs=1e-9)


def test_country_after_a_city_only_says_which_city() -> None:
    # "Reykjavík, Iceland, is about halfway …": the venue is the city, not the country's capital by chance;
    # "Geneva, Switzerland" must stay Geneva rather than become Bern.
    report = check_article("Geneva, Switzerland, is equidistant from Washington and Moscow.")
    (claim,) = report.claims
    assert claim.venue == "Geneva" and claim.result.venue.name == "Geneva"
    assert "Bern" not in place_names(report)


def test_halfway_around_the_world_is_reported_with_the_distance_as_a_share_of_the_antipode() -> None:
    report = article("phrasings.txt")
    (around,) = report.unresolved
    assert around.kind == "around the world"
    washington, jakarta = resolve("Washington"), resolve("Jakarta")
    km = gl_km(washington.lat, washington.lon, jakarta.lat, jakarta.lon)
    antipode_km = gl_km(90, 0, -90, 0)
    assert (
        f"Washington–Jakarta is {km:,.0f} km, {100 * km / antipode_km:.0f} % of the {antipode_km:,.0f} km"
        in (around.reason)
    )


# ---- several claims, references back and forth ------------------------------------------------------
def test_several_claims_in_one_text_each_checked_in_order() -> None:
    source = (ARTICLES / "several_claims.txt").read_text(encoding="utf-8")
    report = check_article(source)
    assert [(kind, venue, a, b) for kind, venue, a, b, _ in summary(report)] == [
        ("halfway", "Reykjavik", "Washington", "Moscow"),  # "… halfway between the two capitals"
        ("halfway", "Honolulu", "Tokyo", "Los Angeles"),  # venue named after the parties
        ("midway", "Bangkok", "New Delhi", "Tokyo"),  # "It lies …": the meeting place named before
        ("halfway", "Oslo", "Lisbon", "Santiago"),
    ]
    assert report.claims[2].note.startswith("'It' read as Bangkok")
    assert [c.start for c in report.claims] == sorted(c.start for c in report.claims)
    assert report.unresolved == ()
    assert_offsets_point_at_sentences(source, report)


def test_the_two_countries_means_the_two_countries_named_before_the_venue() -> None:
    (claim,) = check_article(
        "The US and China are meeting in Anchorage, halfway between the two countries."
    ).claims
    assert (claim.venue, claim.between) == ("Anchorage", ("US", "China"))
    assert [p.name for p in claim.result.parties] == ["Washington, D.C.", "Beijing"]


def test_halfway_from_a_to_b_and_abbreviations_with_dots() -> None:
    report = check_article(
        "Reagan met Gorbachev in Reykjavik, Iceland, roughly halfway between Washington, D.C., and Moscow. "
        "Officials say Bogotá is halfway from Mexico City to Buenos Aires."
    )
    assert [(venue, a, b) for _, venue, a, b, _ in summary(report)] == [
        ("Reykjavik", "Washington, D.C.", "Moscow"),
        ("Bogotá", "Mexico City", "Buenos Aires"),
    ]


# ---- claims that cannot be checked ------------------------------------------------------------------
def test_unresolvable_claims_are_reported_with_their_reason_never_dropped() -> None:
    source = (ARTICLES / "unresolved.txt").read_text(encoding="utf-8")
    report = check_article(source)
    assert report.claims == ()
    reasons = [(u.kind, u.reason) for u in report.unresolved]
    assert len(reasons) == 5
    assert (
        reasons[0][0] == "midway"
        and "'The city'" in reasons[0][1]
        and "no place is named before it" in reasons[0][1]
    )
    assert reasons[1][0] == "halfway" and "unknown place 'Gondor'" in reasons[1][1]
    assert "'halfway between the two sides'" in reasons[2][1] and "names 0 places" in reasons[2][1]
    assert reasons[3] == ("equidistant", "no venue: 'a site' is not a named place")
    assert reasons[4][0] == "around the world" and "no halfway check" in reasons[4][1]
    # Every claim phrase in the text is accounted for.
    phrases = re.findall(r"halfway|midway|equidistant", source)
    assert len(phrases) == len(report.claims) + len(report.unresolved)
    assert_offsets_point_at_sentences(source, report)


def test_a_party_written_as_a_description_is_unresolved_with_suggestions() -> None:
    (item,) = check_article(
        "The venue, Anchorage, is halfway between Washington and the Chinese capital."
    ).unresolved
    assert item.reason.startswith(
        "party 'Chinese capital' cannot be resolved: unknown place 'Chinese capital'"
    )


# ---- person names and common words ------------------------------------------------------------------
def test_person_names_that_look_like_places_are_not_places() -> None:
    report = article("people.txt")
    assert place_names(report) == {"Anchorage", "Washington, D.C.", "Beijing"}
    # Paris (Hilton), Tbilisi (Georgia O'Keeffe), Jackson, Antony (Blinken), Florence, Victoria, Sydney, Most
    assert summary(report) == [("halfway", "Anchorage", "Washington", "Beijing", "roughly halfway")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Paris Hilton arrived.", set()),
        ("They flew to Paris on Monday.", {"Paris"}),
        ("Georgia O'Keeffe painted.", set()),
        ("The painter left Georgia for good.", {"Tbilisi"}),
        ("President Andrew Jackson spoke.", set()),
        ("Jackson said no.", set()),
        ("The plant is in Jackson, Mississippi.", {"Jackson"}),
        ("Most people stayed home.", set()),
        ("The summit was held in Split.", {"Split"}),
        ("The Washington Post reported it.", set()),
        ("Foreign Minister Wang Yi and President Xi Jinping met Jen Psaki and Blinken.", set()),
        ("Talks in Mexico and Canada.", {"Mexico City", "Ottawa"}),
        ("The U.S. and the UK agreed.", {"Washington, D.C.", "London"}),
        ("We saw the nice view in the morning.", set()),
        ("The Geneva Summit of 1985 was short.", {"Geneva"}),
        ("It is in New York, not York.", {"New York City", "York"}),
    ],
)
def test_place_finding_rules(text: str, expected: set[str]) -> None:
    assert place_names(check_article(text)) == expected


# ---- HTML and plain text ----------------------------------------------------------------------------
def test_html_article_is_stripped_and_scripts_and_head_are_ignored() -> None:
    source = (ARTICLES / "article.html").read_text(encoding="utf-8")
    report = check_article(source)
    assert summary(report) == [("halfway", "Reykjavík", "Washington", "Moscow", "roughly halfway")]
    text = plain_text(source)
    assert "<" not in text and "&amp;" not in text and "Bern" not in text and "Geneva" not in text
    assert "Reykjavík is roughly halfway between Washington & Moscow." in text
    assert "“surprised”" in text
    assert (
        report.claims[0].sentence
        == "Officials said Reykjavík is roughly halfway between Washington & Moscow."
    )
    assert_offsets_point_at_sentences(source, report)


def test_plain_text_keeps_offsets_except_for_line_endings_and_bom() -> None:
    source = "\ufeffLine one.\r\nAnchorage is halfway between Washington and Beijing.\r\n"
    assert plain_text(source) == "Line one.\nAnchorage is halfway between Washington and Beijing.\n"
    assert plain_text("3 < 4 and 5 > 2") == "3 < 4 and 5 > 2"


def test_text_without_claims_gives_none_but_lists_its_places() -> None:
    report = article("no_claims.txt")
    assert report.claims == () and report.unresolved == ()
    assert place_names(report) == {"Tokyo", "London", "Berlin", "Paris", "Nairobi"}


def test_split_sentences_respects_abbreviations_and_initials() -> None:
    text = "Mr. Blinken met Dr. Wang in the U.S. capital. Gen. Smith agreed! Did George W. Bush? Yes.\n\nNew"
    assert [s.text for s in split_sentences(text)] == [
        "Mr. Blinken met Dr. Wang in the U.S. capital.",
        "Gen. Smith agreed!",
        "Did George W. Bush?",
        "Yes.",
        "New",
    ]
    for s in split_sentences(text):
        assert text[s.start : s.end] == s.text


# ---- JSON shape -------------------------------------------------------------------------------------
def test_json_has_claims_places_and_unresolved_with_the_documented_keys() -> None:
    data = to_jsonable(check_article(SEED.read_text(encoding="utf-8")))
    assert list(data) == ["claims", "places", "unresolved"]
    claim = data["claims"][0]
    assert list(claim)[:4] == ["sentence", "venue", "between", "result"]
    assert {"kind", "start", "end", "note"} <= claim.keys()
    assert claim["between"] == ["Washington", "Beijing"]
    assert claim["result"]["verdict"] == "roughly halfway"
    assert claim["result"]["venue"]["name"] == "Anchorage"
    place = data["places"][0]
    assert list(place) == ["name", "lat", "lon", "mentions"]
    assert list(place["mentions"][0]) == ["text", "start", "end"]
    unresolved = to_jsonable(article("unresolved.txt"))["unresolved"][0]
    assert list(unresolved) == ["sentence", "reason", "kind", "start", "end"]


# ---- robustness -------------------------------------------------------------------------------------
FRAGMENTS = ["Anchorage", "is", "halfway", "between", "Washington", "and", "Beijing", "the", "city", "It",
             "midway", "equidistant", "from", ".", ",", "\n\n", "Paris", "Hilton", "two", "capitals", "<p>",
             "around", "world", "Gondor", "U.S.", "in", "meeting", "Mr.", "é", "’s", "—"]  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=40).map(" ".join))
def test_any_text_gives_a_report_whose_offsets_point_at_its_sentences(source: str) -> None:
    report = check_article(source)
    assert_offsets_point_at_sentences(source, report)
    json.dumps(to_jsonable(report), allow_nan=False)


def test_decode_article_refuses_binary_non_utf8_empty_and_huge_input() -> None:
    assert decode_article("\ufeffAnchorage".encode()) == "Anchorage"
    with pytest.raises(InvalidInputError, match="looks binary"):
        decode_article(b"GIF89a\x00\x01")
    with pytest.raises(InvalidInputError, match=r"not UTF-8 text \(byte 5 is 0xe1\)"):
        decode_article("Bogotá".encode("latin-1"))
    with pytest.raises(InvalidInputError, match="empty"):
        decode_article(b" \n ")
    with pytest.raises(InvalidInputError, match="the limit is"):
        decode_article(b"a" * (MAX_ARTICLE_BYTES + 1))


def test_text_report_shows_each_claim_with_its_card_and_what_was_not_checked() -> None:
    text = format_report(check_article(SEED.read_text(encoding="utf-8")))
    assert text.startswith("1 claim checked, 0 not checked.")
    assert "Verdict: ROUGHLY HALFWAY" in text and "venue Anchorage, between Washington and Beijing" in text
    assert "Places named (6):" in text
    text = format_report(article("unresolved.txt"))
    assert "0 claims checked, 5 not checked." in text and "unknown place 'Gondor'" in text


# ---- CLI --------------------------------------------------------------------------------------------
def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_article_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(capsys, "article", str(SEED), "--json")
    assert code == 0 and err == ""
    data = json.loads(out)
    assert [(c["venue"], c["between"], c["result"]["verdict"]) for c in data["claims"]] == [
        ("Anchorage", ["Washington", "Beijing"], "roughly halfway")
    ]
    assert data["unresolved"] == []


def test_cli_article_text_report_for_html(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "article", str(ARTICLES / "article.html"))
    assert code == 0
    assert "Is Reykjavík halfway between Washington, D.C. and Moscow?  Verdict: ROUGHLY HALFWAY" in out


def test_cli_article_reads_standard_input() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "geo", "article", "-", "--json"],
        input=b"Talks will be held in Anchorage. The city is halfway between Washington and Beijing.",
        capture_output=True,
        check=False,
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr
    claim = json.loads(proc.stdout)["claims"][0]
    assert (claim["venue"], claim["result"]["verdict"]) == ("Anchorage", "roughly halfway")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "No such file or directory"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "looks binary"),
        ("Bogotá".encode("latin-1"), "is not UTF-8 text"),
        (b"", "is empty"),
        ("dir", "holds no article (.htm, .html, .md, .text, .txt)"),
    ],
)
def test_cli_article_bad_files_are_one_line_errors_with_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes | str | None, message: str
) -> None:
    path = tmp_path / "article.txt"
    if content == "dir":
        path.mkdir()
    elif isinstance(content, bytes):
        path.write_bytes(content)
    code, out, err = run_cli(capsys, "article", str(path))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("halfway article: error: ") and message in err


def test_cli_article_binary_standard_input_is_an_error_not_a_traceback() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "geo", "article", "-"],
        input=b"\x00\x01\x02",
        capture_output=True,
        check=False,
        cwd=ROOT,
    )
    assert proc.returncode == 2
    assert proc.stderr.decode() == (
        "halfway article: error: standard input looks binary (it contains NUL bytes); give a UTF-8 text "
        "or HTML file\n"
    )


def test_cli_article_without_file_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["article"])
    assert exc.value.code == 2
    assert "FILE" in capsys.readouterr().err


def test_a_claim_is_judged_by_the_reading_it_asserts() -> None:
    text = (
        "Vienna is equidistant from Washington and Beijing. "
        "Anchorage is halfway between Washington and Beijing. "
        "Vienna is the midpoint between Washington and Beijing."
    )
    equidistant, halfway, midpoint = check_article(text).claims
    # Vienna (GeoNames 48.20849, 16.37208): 7,142 vs 7,480 km from Washington and Beijing, a
    # 49/51 split (equal distance holds) but 3,451 km longer than the direct trip (not halfway)
    d_a = gl_km(38.9072, -77.0369, 48.20849, 16.37208)
    d_b = gl_km(39.9042, 116.4074, 48.20849, 16.37208)
    assert abs(d_a / (d_a + d_b) - 0.5) <= 0.025
    assert (equidistant.reading, equidistant.holds, equidistant.result.verdict) == (
        "equal distance",
        "yes",
        "not halfway",
    )
    assert (halfway.reading, halfway.holds, halfway.result.verdict) == (
        "halfway",
        "roughly",
        "roughly halfway",
    )
    assert (midpoint.reading, midpoint.holds) == ("at the midpoint", "no")  # 81.9°N is far from Vienna
    document = to_jsonable(equidistant)
    assert document["reading"] == "equal distance" and document["holds"] == "yes"
    assert "the sentence claims: equal distance — YES" in format_report(check_article(text))


def test_a_utf16_file_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    path = tmp_path / "windows.txt"
    path.write_bytes(SEED.read_text(encoding="utf-8").encode("utf-16"))  # BOM + UTF-16LE
    assert read_article(path) == SEED.read_text(encoding="utf-8")
    (claim,) = check_article(read_article(path)).claims
    assert (claim.venue, claim.result.verdict) == ("Anchorage", "roughly halfway")


def test_a_list_of_three_or_more_parties_is_judged_by_equal_distance_of_all_of_them() -> None:
    # reddit.com/r/todayilearned (tests/corpus: reddit-til-anchorage-equidistant)
    text = "TIL Anchorage, Alaska, is almost equidistant from New York City, Tokyo, and Frankfurt, Germany."
    (claim,) = check_article(text).claims
    assert claim.between == ("New York City", "Tokyo", "Frankfurt")
    assert claim.reading == "equal distance"
    km = [
        Geodesic.WGS84.Inverse(61.21806, -149.90028, lat, lon)["s12"] / 1000
        for lat, lon in ((40.71427, -74.00597), (35.6895, 139.69171), (50.11552, 8.68417))
    ]
    assert [p.distance_km for p in claim.result.parties] == pytest.approx(km, abs=1e-3)
    assert claim.holds == "roughly"  # 5,424 / 5,575 / 7,514 km: imbalance 8 %, within 10 points
    report = format_report(check_article(text))
    assert "Verdict: ROUGHLY EQUIDISTANT" in report and "spread (farthest − nearest)    2,090 km" in report
    assert json.loads(json.dumps(to_jsonable(check_article(text))))["claims"][0]["result"]["verdict"] == (
        "roughly equidistant"
    )


def test_a_halfway_point_with_no_parties_takes_the_route_named_before_it() -> None:
    # qantas.com travel insider (tests/corpus: qantas-singapore-halfway), shortened
    text = (
        "The new Sydney-Perth-London route is fantastic because it allows me to work efficiently.\n\n"
        "Kirsten Paisley\n\n"
        "“Singapore is a good halfway point so you can acclimatise gently into the Northern Hemisphere."
    )
    (claim,) = check_article(text).claims
    assert (claim.venue, claim.between) == ("Singapore", ("Sydney", "London"))
    assert "route Sydney–London" in claim.note
    expected = check_halfway(resolve("Singapore"), resolve("Sydney"), resolve("London"))
    assert claim.result.verdict == expected.verdict
    # With no route before it, the claim is listed with the reason, not dropped
    (item,) = check_article("Arrival at my journeys halfway point in Nadi, Fiji").unresolved
    assert item.reason.startswith("no parties: the sentence names none after 'halfway point'")
    # "the halfway point of the season" is no claim at all
    season = check_article("Paris led at the halfway point of the season.")
    assert season.claims == () and season.unresolved == ()


def test_bullets_regions_with_numbers_and_a_place_inside_the_referring_words() -> None:
    # reddit.com/r/anchorage (tests/corpus: reddit-anchorage-midway-hongkong)
    text = (
        "According to this article: https://www.adn.com/business-economy/ Here's the advantages:\n"
        "- Perched midway between Hong Kong and the Lower 48, the Anchorage airport is geographically "
        "blessed for cargo service\n"
        "- Jets can gas up at the airport, allowing them to carry less fuel."
    )
    report = check_article(text)
    (claim,) = report.claims
    assert claim.sentence.startswith("- Perched midway") and claim.sentence.endswith("cargo service")
    assert claim.venue == "Anchorage"
    assert [p.name for p in claim.result.parties] == ["Hong Kong", "Lower 48"]


def test_a_namesake_in_the_country_of_the_other_places_is_read_and_named() -> None:
    # pixelation (tests/corpus: pixelation-zaragoza): Valencia is the Spanish one, not Venezuela's
    text = (
        "Zaragoza is the capital of Aragon. It's located in the northeast, roughly 300 kilometers "
        "from Madrid, Barcelona, Bilbao, and Valencia."
    )
    (claim,) = check_article(text).claims
    assert claim.venue == "Zaragoza" and claim.reading == "equal distance"
    valencia = claim.result.parties[3]
    assert (valencia.country, round(valencia.lat), round(valencia.lon)) == ("ES", 39, 0)
    assert "'Valencia' read as Valencia, Spain" in claim.note and "Venezuela" in claim.note


def test_a_list_after_between_colon_gives_one_claim_per_line_and_the_state_placing_the_venue() -> None:
    # boards.straightdope.com (tests/corpus: straightdope-jamestown-middle), shortened
    text = (
        "I live in a small town in northwest Pennsylvania, Jamestown, and I like it.\n\n"
        "Jamestown really is in the middle of everywhere!\n\n"
        "We are in the middle between:\n\n"
        "Meadville and Sharon\nPittsburgh and Cleveland\nNew York and Chicago."
    )
    report = check_article(text)
    assert report.claims == ()  # the only Jamestown known here is in New York or on Saint Helena
    reasons = [(u.sentence, u.reason) for u in report.unresolved]
    assert reasons[0] == (
        "Meadville and Sharon",
        "a pair listed after 'We are in the middle between:', but the places known are none",
    )
    assert [s for s, _ in reasons[1:]] == ["Pittsburgh and Cleveland", "New York and Chicago."]
    assert all("the text places Jamestown in Pennsylvania" in r for _, r in reasons[1:])
    # With a place the gazetteer knows, each line is a claim of its own
    other = check_article(
        "Toledo is great. We are in the middle between:\nDetroit and Columbus\nChicago and Cleveland"
    )
    assert [(c.venue, c.between) for c in other.claims] == [
        ("Toledo", ("Detroit", "Columbus")),
        ("Toledo", ("Chicago", "Cleveland")),
    ]


@pytest.mark.parametrize(
    ("text", "venue", "parties", "reading"),
    [
        (
            "Vienna is as close to Moscow as to Washington.",
            "Vienna",
            ("Moscow", "Washington"),
            "equal distance",
        ),
        (
            "From Reno, the distance to Denver is the same as that to Seattle.",
            "Reno",
            ("Denver", "Seattle"),
            "equal distance",
        ),
    ],
)
def test_equal_distance_written_as_a_comparison(
    text: str, venue: str, parties: tuple[str, str], reading: str
) -> None:
    (claim,) = check_article(text).claims
    assert (claim.venue, claim.between, claim.reading) == (venue, parties, reading)
    expected = check_halfway(resolve(venue), resolve(parties[0]), resolve(parties[1]))
    split_holds = next(c.holds for c in expected.criteria if c.name == "equal distance")
    assert claim.holds == split_holds


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Both sides must meet halfway in Geneva.", "'meet halfway' is mostly a figure of speech"),
        ("Le Bourget is in the heart of Paris.", "'in the heart of Paris' is about one place, not an area"),
        ("Folks in California are as close as folks in New York.", "'as close as' compares two distances"),
    ],
)
def test_figures_of_speech_and_one_area_claims_are_listed_not_checked(text: str, reason: str) -> None:
    report = check_article(text)
    assert report.claims == ()
    (item,) = report.unresolved
    assert item.reason.startswith(reason)


def test_parallels_the_equator_and_the_poles_are_read_on_one_meridian() -> None:
    # en.wikipedia.org/wiki/45th_parallel_north (tests/corpus: wikipedia-45th-parallel)
    text = "The 45th parallel north is often called the halfway point between the equator and the North Pole."
    (claim,) = check_article(text).claims
    equator, pole = claim.result.parties
    assert (claim.result.venue.lat, equator.lat, equator.lon, pole.lat) == (45.0, 0.0, 0.0, 90.0)
    to_equator = Geodesic.WGS84.Inverse(45, 0, 0, 0)["s12"] / 1000  # the meridian arc, GeographicLib
    to_pole = Geodesic.WGS84.Inverse(45, 0, 90, 0)["s12"] / 1000
    assert (equator.distance_km, pole.distance_km) == (
        pytest.approx(to_equator, abs=1e-6),
        pytest.approx(to_pole, abs=1e-6),
    )
    assert claim.result.verdict == "halfway"
    # the true midpoint of the meridian arc lies 16.0 km north of the parallel, as the page says
    assert claim.result.venue_to_midpoint_km == pytest.approx(16.04, abs=0.01)
    # a city as venue: the equator is measured at the city's meridian, its nearest point
    (city,) = check_article("Bordeaux is halfway between the equator and the North Pole.").claims
    assert city.result.parties[0].lon == pytest.approx(city.result.venue.lon)


@pytest.mark.parametrize(
    ("text", "venue", "parties"),
    [
        # reservationcentre.com (tests/corpus/fresh.jsonl): provinces after their cities only say which
        (
            "Kingston is lovely. The city lies halfway between Montreal, Quebec, and Toronto, Ontario.",
            "Kingston, Canada",
            ("Montréal, Canada", "Toronto, Canada"),
        ),
        # ofator.com: "the mathematical midpoint lies near X", the parties a route before it
        (
            "For the iconic span between New York City and Los Angeles, the mathematical midpoint lies near "
            "Hays, Kansas.",
            "Hays, KS, United States",
            ("New York City, NY, United States", "Los Angeles, CA, United States"),
        ),
        # gruppenreise (de): "Mozarts Salzburg" is Salzburg; "dem geschichtsträchtigen Wien" is Vienna
        (
            "Linz liegt in der Mitte zwischen dem geschichtsträchtigen Wien und Mozarts Salzburg.",
            "Linz, Austria",
            ("Vienna, Austria", "Salzburg, Austria"),
        ),
        # motor24 (pt): exonyms of Cape Town
        (
            "Tristan da Cunha fica a meio caminho entre a Cidade do Cabo e o Rio de Janeiro.",
            None,
            ("Cape Town, South Africa", "Rio de Janeiro, Brazil"),
        ),
        # uncensoredwiki: "the two cities" named in the sentence before
        (
            "Kosygin was in New York City and Johnson in Washington. They agreed on Glassboro because it "
            "was equidistant between the two cities.",
            None,
            ("New York City, NY, United States", "Washington, D.C., United States"),
        ),
    ],
)
def test_context_forms_of_parties(text: str, venue: str | None, parties: tuple[str, str]) -> None:
    claims = check_article(text).claims
    assert claims, check_article(text).unresolved
    claim = claims[-1]
    if venue is not None:
        assert claim.read_as[0] == venue
    assert claim.read_as[1:] == parties


def test_the_only_point_halfway_between_the_two_is_no_claim_about_a_place() -> None:
    # princetoninfo.com (tests/corpus: princetoninfo-halfway-where)
    text = (
        "But just where is the halfway point between New York and Philadelphia, anyway? As any student of "
        "geometry knows, if you draw a line between two points, there is only one location that is exactly "
        "halfway between the two."
    )
    report = check_article(text)
    assert report.claims == ()
    # "the two" (no noun after it) is read as New York and Philadelphia, named before; the claim is
    # still declined, for its venue: "only one location" names no place
    assert report.unresolved[-1].reason == "no venue: 'only one location' is not a named place"
    (item,) = check_article("There is only one location exactly halfway between Oslo and Rome.").unresolved
    assert item.reason == "no venue: 'only one location' is not a named place"


def test_a_saved_web_page_read_as_its_main_text_lists_the_claims_outside_it() -> None:
    page = (ARTICLES / "saved_page.html").read_text(encoding="utf-8")
    whole = check_article(page)
    assert [c.venue for c in whole.claims] == ["Reykjavik", "Glassboro"]  # the menu's link is read too
    main = check_article(page, main=True)
    (claim,) = main.claims
    assert claim.read_as == (
        "Glassboro, NJ, United States",
        "New York City, NY, United States",
        "Washington, D.C., United States",
    )
    text = plain_text(page, main=True)
    assert text.startswith("Glassboro Summit Conference\n") and "Owls" not in text and "Wikipedia" not in text
    assert text[claim.start : claim.end] == claim.sentence  # offsets index into the main text
    (outside,) = main.unresolved
    assert outside.sentence == "Related: Why Reykjavik sits halfway between Washington and Moscow"
    assert outside.reason.startswith("outside the page's main text") and (outside.start, outside.end) == (
        -1,
        -1,
    )


def test_cli_main_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["article", "--main-text", str(ARTICLES / "saved_page.html")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("1 claim checked, 1 not checked.")
    assert (
        '  - "Related: Why Reykjavik sits halfway between Washington and Moscow" (outside the main text)'
        in out
    )


@pytest.mark.parametrize(
    ("country", "published", "tolerance_km"),
    [  # geographic centres published by national surveys and atlases (methods differ a little)
        ("Germany", (51.1634, 10.4477), 20),  # Niederdorla
        ("France", (46.5391, 2.4308), 20),  # Vesdun area, metropolitan France
        ("Spain", (40.3094, -3.6847), 25),  # Cerro de los Ángeles
        ("United States", (39.8283, -98.5795), 25),  # Lebanon, Kansas: the contiguous states
    ],
)
def test_the_centre_of_a_country_is_near_its_published_geographic_centre(
    country: str, published: tuple[float, float], tolerance_km: float
) -> None:
    from geo.analysis.areas import area_centre

    lat, lon, reach, _ = area_centre(resolve(country), True)
    assert Geodesic.WGS84.Inverse(lat, lon, *published)["s12"] / 1000 < tolerance_km
    assert reach > 300


def test_in_the_middle_of_a_country_is_the_distance_to_its_centre() -> None:
    # trainline.com (tests/corpus: trainline-kassel-mitte-de): "ziemlich genau in der Mitte Deutschlands
    # ... 70 Kilometer nordwestlich des geografischen Mittelpunkts"
    text = "Wer mit dem Zug nach Kassel fährt, findet sich ziemlich genau in der Mitte Deutschlands wieder."
    (claim,) = check_article(text).claims
    assert (claim.venue, claim.between, claim.reading, claim.holds) == (
        "Kassel",
        ("Deutschland",),
        "at the midpoint",
        "roughly",
    )
    (centre,) = claim.result.parties
    kassel = resolve("Kassel")
    assert centre.distance_km == pytest.approx(
        Geodesic.WGS84.Inverse(kassel.lat, kassel.lon, centre.lat, centre.lon)["s12"] / 1000, abs=1e-6
    )
    assert 60 < centre.distance_km < 80  # the page says 70 km
    report = format_report(check_article(text))
    assert "venue Kassel, in the middle of Deutschland" in report and "ROUGHLY IN THE MIDDLE" in report


def test_one_distance_to_two_or_more_places_is_an_equal_distance_claim_and_two_distances_are_not() -> None:
    (claim,) = check_article("Reno is about 700 km from Denver and Seattle.").claims
    assert (claim.venue, claim.between, claim.reading) == ("Reno", ("Denver", "Seattle"), "equal distance")
    expected = check_halfway(resolve("Reno"), resolve("Denver"), resolve("Seattle"))
    assert claim.holds == next(c.holds for c in expected.criteria if c.name == "equal distance")
    (pt,) = check_article("Pombal fica a cerca de 150 km de Lisboa e do Porto.").claims
    assert pt.read_as[1:] == ("Lisbon, Portugal", "Porto, Portugal")
    assert check_article("Lyon is 30 km from Vienne and 50 km from Grenoble.").claims == ()


def test_a_capital_or_a_much_larger_city_has_no_rival_reading() -> None:
    (claim,) = check_article("Vienna is as close to Moscow as to Washington.").claims
    assert claim.alternatives == () and not claim.ambiguous  # not Moscow, Idaho or Washington, UK
    (portland,) = check_article("Portland is halfway between Seattle and Springfield.").claims
    assert portland.ambiguous and all(a.place != "Portland, TX, United States" for a in portland.alternatives)


def test_central_before_a_country_is_the_middle_of_its_land() -> None:
    # openpolar.no (tests/corpus: fresh.jsonl, openpolar-malta-island-in-the-middle)
    text = "In the Western hemisphere Malta lies halfway between Central U.S.A. and Central Siberia."
    (claim,) = check_article(text).claims
    centre = claim.result.parties[0]
    assert claim.read_as[1] == "central United States"
    lebanon_kansas = (39.8283, -98.5795)  # the published centre of the contiguous states
    assert Geodesic.WGS84.Inverse(centre.lat, centre.lon, *lebanon_kansas)["s12"] / 1000 < 25
