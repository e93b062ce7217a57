"""The dashboard's "Check an article" view, run headless with Streamlit's AppTest."""

from __future__ import annotations

from pathlib import Path

import pytest
from apptest import km_text, page_text
from apptest import open_view as open_app_view
from streamlit.testing.v1 import AppTest

from geo.maps.offline_html import external_references

ROOT = Path(__file__).resolve().parents[2]
VIEW = "Check an article"
SEED = next((ROOT / "seeds").glob("*.txt")).read_text(encoding="utf-8")
ARTICLES = ROOT / "tests" / "claims" / "articles"
WASHINGTON = (38.9072, -77.0369)
BEIJING = (39.9042, 116.4074)
ANCHORAGE = (61.21806, -149.90028)
TOKYO = (35.6895, 139.69171)
HONOLULU = (21.30694, -157.85833)


def open_view(**params: str | list[str]) -> AppTest:
    """Run app.py on this view with these URL query parameters."""
    return open_app_view(VIEW, **params)


@pytest.fixture
def app() -> AppTest:
    return open_view()


def test_opens_on_the_seed_article_with_its_one_claim_checked(app: AppTest) -> None:
    assert app.text_area(key="art").value == SEED
    text = page_text(app)
    assert "**1 claim checked**, 0 not checked" in text
    assert "Verdict: ROUGHLY HALFWAY" in text
    assert km_text(WASHINGTON, ANCHORAGE) in text and km_text(BEIJING, ANCHORAGE) in text
    assert app.selectbox(key="artclaim").options == [
        "1. Anchorage between Washington and Beijing: roughly halfway"
    ]
    (highlighted,) = app.html
    assert (
        '<mark style="background:#fff3b0" title="claim 1: roughly halfway">The city was picked because '
        "it represents a halfway point between Washington and Beijing.</mark>"
    ) in highlighted.value
    (frame,) = app.get("iframe")
    assert "Anchorage" in frame.proto.srcdoc and external_references(frame.proto.srcdoc) == []
    assert not app.error


def test_pasting_the_seed_article_finds_the_anchorage_claim(app: AppTest) -> None:
    app.text_area(key="art").set_value((ARTICLES / "no_claims.txt").read_text(encoding="utf-8")).run()
    assert "No halfway claim was found" in app.info[0].value and not app.get("iframe")
    app.text_area(key="art").set_value(SEED).run()
    assert not app.exception
    text = page_text(app)
    assert "Verdict: ROUGHLY HALFWAY" in text and "Anchorage is roughly halfway" in text
    claims = app.dataframe[0].value
    assert list(claims["venue"]) == ["Anchorage"] and list(claims["between"]) == ["Washington and Beijing"]


def test_choosing_another_claim_changes_the_card_and_the_map(app: AppTest) -> None:
    app.text_area(key="art").set_value((ARTICLES / "several_claims.txt").read_text(encoding="utf-8")).run()
    options = app.selectbox(key="artclaim").options
    assert len(options) == 4 and options[1].startswith("2. Honolulu between Tokyo and Los Angeles")
    first = app.get("iframe")[0].proto.srcdoc
    app.selectbox(key="artclaim").set_value(1).run()
    assert not app.exception
    text = page_text(app)
    assert "Verdict: NOT HALFWAY" in text and km_text(TOKYO, HONOLULU) in text
    second = app.get("iframe")[0].proto.srcdoc
    assert second != first and "Honolulu" in second


def test_unresolved_claims_are_listed_with_the_reason_and_suggestions(app: AppTest) -> None:
    app.text_area(key="art").set_value((ARTICLES / "unresolved.txt").read_text(encoding="utf-8")).run()
    assert not app.exception
    assert "No halfway claim was found" in app.info[0].value
    reasons = [w.value for w in app.warning]
    assert len(reasons) == 5
    assert any("Gondor" in r and "did you mean 'Gondomar, Portugal'" in r for r in reasons)
    assert 'title="not checked: ' in app.html[0].value


def test_empty_text_is_an_inline_error_and_the_page_keeps_working(app: AppTest) -> None:
    app.text_area(key="art").set_value("   ").run()
    assert not app.exception
    assert "The text is empty" in app.error[0].value
    assert app.sidebar.radio(key="view").value == VIEW
    app.text_area(key="art").set_value("Anchorage is halfway between Washington and Beijing.").run()
    assert not app.error and "Verdict: ROUGHLY HALFWAY" in page_text(app)


def test_article_text_is_shown_literally_never_as_markup(app: AppTest) -> None:
    hostile = (
        "Anchorage [click](https://evil.example) is halfway between Washington and Beijing, "
        "said <img src=x onerror=alert(1)> :red[officials]."
    )
    app.text_area(key="art").set_value(hostile).run()
    assert not app.exception
    highlighted = app.html[0].value
    assert "<img" not in highlighted and "&lt;img src=x onerror=alert(1)&gt;" in highlighted
    quote = next(m.value for m in app.markdown if m.value.startswith("> "))
    shown = quote.replace("\u2060", "")  # word joiners break the link and the colour code
    assert "\\[click\\](https://" in shown and ":red\\[officials\\]" in shown  # [ ] escaped: no link
    assert "https:\u2060//" in quote and ":\u2060red" in quote  # no autolink, no colour


def test_an_uploaded_html_file_is_checked(app: AppTest) -> None:
    app.radio(key="artsrc").set_value("Upload a file").run()
    assert "Choose a file" in app.info[0].value
    data = (ARTICLES / "article.html").read_bytes()
    app.file_uploader(key="artfile").set_value(("article.html", data, "text/html")).run()
    assert not app.exception and not app.error
    assert "Verdict: ROUGHLY HALFWAY" in page_text(app) and "Reykjavík" in page_text(app)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"Anchorage\x00\x01\x02", "looks binary"),
        ("Reykjavík is halfway".encode("latin-1"), "is not UTF-8 text"),
        (b"  \n ", "is empty"),
    ],
)
def test_a_bad_upload_is_an_inline_error(app: AppTest, content: bytes, message: str) -> None:
    app.radio(key="artsrc").set_value("Upload a file").run()
    app.file_uploader(key="artfile").set_value(("notes.txt", content, "text/plain")).run()
    assert not app.exception
    assert message in app.error[0].value and "'notes.txt'" in app.error[0].value


def test_query_string_restores_the_text_and_the_chosen_claim() -> None:
    text = (ARTICLES / "several_claims.txt").read_text(encoding="utf-8")
    at = open_view(art=text, artclaim=open_view(art=text).selectbox(key="artclaim").options[1])
    assert at.text_area(key="art").value == text
    assert at.selectbox(key="artclaim").value == 1
    assert "Verdict: NOT HALFWAY" in page_text(at) and km_text(TOKYO, HONOLULU) in page_text(at)


def test_an_equidistant_claim_that_holds_is_green_with_the_full_verdict_beside_it(app: AppTest) -> None:
    app.text_area(key="art").set_value("Vienna is equidistant from Washington and Beijing.").run()
    assert not app.exception
    assert '<mark style="background:#c8e6c9" title="claim 1: equal distance holds">' in app.html[0].value
    text = page_text(app)
    assert "The sentence claims **equal distance**: it **holds** (yes)" in text
    assert "Verdict: NOT HALFWAY" in text


def test_each_claim_says_which_places_its_words_were_read_as(app: AppTest) -> None:
    app.text_area(key="art").set_value("The meeting in Atlantis is halfway between Oslo and Lima.").run()
    assert not app.exception
    assert any("Read as: Atlantis (city, South Africa)" in c.value.replace("\\", "") for c in app.caption)


def test_a_claim_about_three_places_shows_each_distance_and_the_spread_on_a_map(app: AppTest) -> None:
    text = "The truth is, Anchorage, Alaska is almost equidistant from New York, Tokyo, and Frankfurt."
    app.text_area(key="art").set_value(text).run()
    assert not app.exception and not app.error
    page = page_text(app)
    assert "Verdict: ROUGHLY EQUIDISTANT" in page and km_text(TOKYO, ANCHORAGE) in page
    assert list(app.dataframe[0].value["between"]) == ["New York, Tokyo and Frankfurt"]
    assert app.selectbox(key="artclaim").options == [
        "1. Anchorage between New York, Tokyo and Frankfurt: equal distance roughly holds"
    ]
    (frame,) = app.get("iframe")
    srcdoc = frame.proto.srcdoc
    assert all(name in srcdoc for name in ("Frankfurt am Main", "Tokyo", "New York City", "Anchorage"))
    assert external_references(srcdoc) == []


def test_an_ambiguous_claim_says_so_and_picking_another_reading_updates_the_verdict(app: AppTest) -> None:
    app.text_area(key="art").set_value("Portland is halfway between Seattle and Springfield.").run()
    assert not app.exception and not app.error
    assert "Ambiguous: as read, the claim does not hold" in app.warning[0].value
    assert app.selectbox(key="artclaim").options == [
        "1. Portland between Seattle and Springfield: ambiguous: depends on which place is meant"
    ]
    picker = app.selectbox(key="artread")
    assert picker.options[0] == (
        "As read: Portland, OR, United States; Seattle, WA, United States; Springfield, MO, United States"
    )
    oregon = next(o for o in picker.options if "Springfield, OR" in o)
    assert "Verdict: NOT HALFWAY" in page_text(app)
    picker.set_value(picker.options.index(oregon)).run()
    assert not app.exception
    text = page_text(app)
    springfield_or = (44.04624, -123.02203)
    portland = (45.52345, -122.67621)
    assert "Verdict: ROUGHLY HALFWAY" in text and km_text(springfield_or, portland) in text


def test_a_claim_about_continents_is_also_measured_from_their_nearest_coasts(app: AppTest) -> None:
    # kids.britannica.com (tests/corpus: britannica-kids-azores)
    app.text_area(key="art").set_value(
        "The Portuguese islands called the Azores lie almost midway between North America and Europe."
    ).run()
    assert not app.exception and not app.error
    (note,) = [i.value for i in app.info if "nearest points" in i.value]
    assert "North America 2,233 km" in note and "a 58/42 split" in note and note.endswith("ROUGHLY")


def test_a_claim_about_the_middle_of_a_country_shows_the_distance_to_its_centre(app: AppTest) -> None:
    # trainline.com (tests/corpus: trainline-kassel-mitte-de)
    text = "Wer mit dem Zug nach Kassel fährt, findet sich ziemlich genau in der Mitte Deutschlands wieder."
    app.text_area(key="art").set_value(text).run()
    assert not app.exception and not app.error
    assert "Verdict: ROUGHLY IN THE MIDDLE" in page_text(app)
    (frame,) = app.get("iframe")
    assert "centre of Germany" in frame.proto.srcdoc and external_references(frame.proto.srcdoc) == []
