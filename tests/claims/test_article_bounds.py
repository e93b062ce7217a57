"""Hostile article text: each case used to take from seconds to hours (issue "Hostile input and
load"); now each is read in linear time, and these sizes, which were catastrophic, run in well
under a second each. Speed itself is measured by benchmarks/bench_article.py, not here."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geo.claims import article
from geo.claims.article import MAX_CLAUSE_CHARS, check_article, plain_text, split_sentences


def test_a_run_of_spaces_before_the_parties_is_not_a_cubic_backtrack() -> None:
    # 2.4 kB took 40 s (the "A and B" pattern backtracked on whitespace).
    report = check_article("Oslo is halfway between" + " " * 2400 + "Paris and London.")
    (item,) = report.unresolved
    assert report.claims == () and f"within {MAX_CLAUSE_CHARS} characters" in item.reason
    report = check_article("Oslo is halfway between   Paris   ,  and   London.")
    assert [(c.venue, c.between) for c in report.claims] == [("Oslo", ("Paris", "London"))]


def test_runs_of_dots_and_abbreviations_split_in_linear_time() -> None:
    assert len(split_sentences("." * 200_000)) == 1  # one "sentence", found in one pass
    sentences = split_sentences("A. " * 50_000 + "Oslo is halfway between Paris and London.")
    assert sentences[-1].text.endswith("Oslo is halfway between Paris and London.")


def test_thousands_of_claims_in_one_sentence_are_reported_and_the_rest_counted_once() -> None:
    text = "Oslo is halfway between Paris and London, " * 3000
    report = check_article(text)
    assert len(report.claims) == 100  # MAX_SENTENCE_CLAIMS; the one distinct check is made once
    assert len({id(c.result) for c in report.claims}) == 1
    # nothing dropped: the rest is one entry with its count (an entry each, each repeating the whole
    # sentence, made the output grow with the square of the sentence: 338 MB for 60 kB)
    (rest,) = report.unresolved
    assert rest.reason == "not checked: 2,900 more claims in a sentence of more than 100 (a list, not prose)"
    many = check_article("Oslo is halfway between Paris and London. " * 3000)  # one per sentence
    assert len(many.claims) == 3000


def test_claims_beyond_the_article_limit_are_listed_as_not_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    # 24,000 claims in 1 MB took 7 s; at most MAX_ARTICLE_CLAIMS (10,000) are read, 50 here.
    monkeypatch.setattr(article, "MAX_ARTICLE_CLAIMS", 50)
    text = "Oslo is halfway between Paris and London. Rome is halfway between Oslo and Lisbon. " * 40
    report = check_article(text)
    assert len(report.claims) == 50
    assert [c.venue for c in report.claims[:2]] == ["Oslo", "Rome"]
    assert len(report.unresolved) == 30  # nothing dropped: each claim beyond the limit is listed
    assert {u.reason for u in report.unresolved} == {"not checked: the article has more than 50 claims"}
    assert [u.sentence for u in report.unresolved[:2]] == [
        "Oslo is halfway between Paris and London.",
        "Rome is halfway between Oslo and Lisbon.",
    ]


def test_a_repeated_claim_is_read_in_context_once_with_the_same_reading() -> None:
    # "Princeton" between New York and Philadelphia is the one in New Jersey, every time it is read.
    report = check_article("Princeton is halfway between New York and Philadelphia. " * 3)
    assert len(report.claims) == 3
    assert {c.read_as[0] for c in report.claims} == {"Princeton, NJ, United States"}
    notes = {c.note for c in report.claims}
    assert len(notes) == 1 and "Princeton, FL" in notes.pop()


def test_a_long_run_of_place_names_is_read_without_rescanning() -> None:
    report = check_article("Paris " * 30_000)
    (paris,) = report.places
    assert len(paris.mentions) == 30_000


@pytest.mark.parametrize("unit", ["<a", "<p ", "</", "<!", "<![", "&"])
def test_runs_of_tag_openings_are_text_not_a_quadratic_parse(unit: str) -> None:
    text = plain_text("<html><body><p>Oslo</p>" + unit * 50_000)
    assert text.startswith("Oslo")


@pytest.mark.parametrize("bad", ["<![9>", "<![foo[ bar>", "<![<![>", "<![if !IE]>"])
def test_bogus_marked_sections_are_skipped_not_a_traceback(bad: str) -> None:
    report = check_article(f"<p>x</p>{bad}<p>Oslo is halfway between Paris and London.</p>")
    assert [c.venue for c in report.claims] == ["Oslo"]


# Runs of the units that made the reader super-linear, mixed, each repeated up to 400 times, with a
# claim somewhere: whatever the mixture, the report comes back whole (a regression to a cubic
# backtrack makes this test hang on 4 kB, not pass). Time per byte is measured by the benchmark.
PATHOLOGICAL_UNITS = [" ", ".", "A. ", "<", "<a", "<p ", "<![", "&", "&amp", "Paris ", "Xy ", ",", ", ,",
                      "halfway between ", " and ", "Mr. ", "\n", "\r", "\u2028", "U.S. ", "—"]  # fmt: skip
CLAIM = "Oslo is halfway between Paris and London. "


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(PATHOLOGICAL_UNITS), st.integers(1, 400)), min_size=1, max_size=6),
    st.integers(0, 6),
)
def test_mixtures_of_pathological_runs_give_a_whole_report(runs: list[tuple[str, int]], at: int) -> None:
    parts = [unit * count for unit, count in runs]
    parts.insert(min(at, len(parts)), CLAIM)
    report = check_article("".join(parts))
    text = plain_text("".join(parts))
    for item in (*report.claims, *report.unresolved):
        assert 0 <= item.start <= item.end <= len(text)
    assert report.claims or report.unresolved  # the claim is read, or listed with the reason


def _widest_lookbehind(items: object) -> int:
    """Characters before its position that a parsed pattern may read (a lookbehind's width, and one
    more for a word boundary at its start)."""
    from re import _constants as sre  # type: ignore[attr-defined]
    from re import _parser  # type: ignore[attr-defined]

    widest = 0
    if isinstance(items, _parser.SubPattern):
        for op, av in items:
            if op in (sre.ASSERT, sre.ASSERT_NOT) and av[0] == -1:
                widest = max(widest, av[1].getwidth()[1] + 1)
            if op is sre.AT:
                widest = max(widest, 1)
            widest = max(widest, _widest_lookbehind(av))
    elif isinstance(items, (tuple, list)):
        widest = max((_widest_lookbehind(item) for item in items), default=0)
    return widest


def test_the_claim_words_of_a_sentence_are_remembered_with_all_the_text_they_depend_on() -> None:
    from re import _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(article._TRIGGER.pattern, article._TRIGGER.flags)
    assert _widest_lookbehind(parsed) <= article.TRIGGER_LOOKBEHIND
    # The same sentence after other characters: "(?<=[-–—:]\s)Centre of" reads them.
    text = "MERIDEN –\nCentre of England lies here.\n\nCentre of England lies here. " * 3
    sentences = split_sentences(text)
    seen: dict[tuple[int, str], list[int]] = {}
    for sentence in sentences:
        expected = [m.span() for m in article._TRIGGER.finditer(text, sentence.start, sentence.end)]
        assert [m.span() for m in article._claim_words(text, sentence, seen)] == expected
    assert any(article._TRIGGER.search(text, s.start, s.end) for s in sentences)
    assert len(seen) < len(sentences)
