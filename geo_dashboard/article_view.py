"""Dashboard view "Check an article": find the halfway claims in a text and verify each one."""

from __future__ import annotations

import html
from pathlib import Path

import streamlit as st

from geo.analysis.check import CheckResult, EquidistanceResult, PlaceRef
from geo.claims.article import ArticleReport, Claim, check_article, decode_article, plain_text, reread
from geo.errors import GeoError
from geo.maps.results import plan_for_centre, plan_for_check, plan_for_equidistance
from geo.report.article import nearest_lines
from geo.report.escape import md_escape
from geo.report.jsonout import dumps
from geo.report.markdown import centre_markdown, equidistance_markdown, verdict_markdown
from geo_dashboard.common import (
    map_plan,
    plan_files,
    show_error,
    show_map,
    slug,
)
from geo_dashboard.zones import (
    fair_objective,
    show_zones_sentence,
    with_zones,
    zone_details,
    zones_for,
    zones_switch,
)

PASTE, UPLOAD = "Paste text", "Upload a file"
LONG_TEXT_CHARS = 20_000  # a pasted text longer than this makes the page's link too long to reopen
SEEDS = Path(__file__).resolve().parents[1] / "seeds"
# Used when the checkout's seeds/ folder is not there (an installed wheel): the seed claim in brief.
SAMPLE = (
    "If confirmed, the meeting place is expected to be in Anchorage, Alaska. The city was picked "
    "because it represents a halfway point between Washington and Beijing."
)
_MARKS = {  # does the claim hold? -> highlight colour of the claim sentence
    "yes": "#c8e6c9",
    "roughly": "#fff3b0",
    "no": "#ffcdd2",
    "undefined": "#e0e0e0",
}
_HOLDS = {"yes": "holds", "roughly": "roughly holds", "no": "does not hold", "undefined": "undefined"}
_UNCHECKED = "#e0e0e0"
_AMBIGUOUS = "#e1bee7"  # a rival reading of a place would change the outcome


def example_article() -> str:
    """The seed article of the checkout (seeds/*.txt), or a two-sentence sample without it."""
    files = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    for file in files:
        try:
            return file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
    return SAMPLE


def highlighted_html(text: str, report: ArticleReport) -> str:
    """The plain text as HTML with each claim sentence marked in its verdict's colour.

    Every character of the article is escaped; only ``<mark>`` and ``<p>`` come from here.

    >>> text = "Talks in Anchorage. The city is halfway between Washington and Beijing. 3 < 4"
    >>> print(highlighted_html(text, check_article(text)))  # doctest: +NORMALIZE_WHITESPACE
    <div style="line-height:1.6"><p>Talks in Anchorage. <mark style="background:#fff3b0"
    title="claim 1: roughly halfway">The city is halfway between Washington and Beijing.</mark>
    3 &lt; 4</p></div>
    """
    spans: list[tuple[int, int, str, str]] = [
        (
            c.start,
            c.end,
            _AMBIGUOUS if c.ambiguous else _MARKS.get(c.holds, _UNCHECKED),
            f"claim {i}: {outcome(c)}",
        )
        for i, c in enumerate(report.claims, 1)
    ]
    spans += [
        (u.start, u.end, _UNCHECKED, f"not checked: {u.reason}") for u in report.unresolved if u.start >= 0
    ]
    out: list[str] = []
    pos = 0
    for start, end, colour, title in sorted(spans):
        if start < pos:  # overlapping spans (several claims in one sentence): mark once
            continue
        out.append(html.escape(text[pos:start]))
        marked = html.escape(text[start:end])
        out.append(f'<mark style="background:{colour}" title="{html.escape(title)}">{marked}</mark>')
        pos = end
    out.append(html.escape(text[pos:]))
    paragraphs = "".join(out).split("\n\n")
    body = "".join(f"<p>{p.strip().replace(chr(10), '<br>')}</p>" for p in paragraphs if p.strip())
    return f'<div style="line-height:1.6">{body}</div>'


def claim_markdown(claim: Claim) -> str:
    """What the sentence claims and whether it holds, before the full verdict card.

    >>> from geo.claims.article import check_article
    >>> print(claim_markdown(check_article("Vienna is equidistant from Washington and Beijing.").claims[0]))
    The sentence claims **equal distance**: it **holds** (yes). The full check below says *not halfway*: ...
    """
    text = f"The sentence claims **{claim.reading}**: it **{_HOLDS[claim.holds]}** ({claim.holds})."
    if claim.reading != "halfway" and isinstance(claim.result, CheckResult):
        text += (
            f" The full check below says *{claim.result.verdict}*: “halfway” also asks that the venue "
            "be on the way."
        )
    return text


def resolved_text(claim: Claim) -> str:
    """Which places the article's words were read as, with their countries.

    >>> from geo.claims.article import check_article
    >>> print(resolved_text(check_article("Atlantis is halfway between Oslo and Lima.").claims[0]))
    Read as: Atlantis (city, South Africa) between Oslo (capital, Norway) and Lima (capital, Peru).
    """

    def label(p: PlaceRef) -> str:
        where = ", ".join(x for x in (p.kind, p.country_name) if x)
        return f"{p.name} ({where})" if where else p.name

    *others, last = [label(p) for p in claim.result.parties]
    return f"Read as: {label(claim.result.venue)} between {', '.join(others)} and {last}."


def claim_label(number: int, claim: Claim) -> str:
    """The claim's entry in the list (and its value in the URL)."""
    return f"{number}. {claim.venue} between {_and(claim.between)}: {outcome(claim)}"


def _and(names: tuple[str, ...]) -> str:
    *others, last = names
    return f"{', '.join(others)} and {last}"


def outcome(claim: Claim) -> str:
    """The verdict for a "halfway" claim; else the claimed reading and whether it holds."""
    if claim.ambiguous:
        return "ambiguous: depends on which place is meant"
    if claim.reading == "halfway":
        return claim.result.verdict
    return f"{claim.reading} {_HOLDS[claim.holds]}"


def _source_text() -> tuple[str | None, str]:
    """The article text (None after an inline message) and a name for downloads."""
    source = st.radio("Article", [PASTE, UPLOAD], key="artsrc", bind="query-params", horizontal=True)
    if source == UPLOAD:
        uploaded = st.file_uploader(
            "A .txt or .html file, UTF-8 (uploads are not kept in the page's link)",
            type=["txt", "html", "htm"],
            key="artfile",
            max_upload_size=5,
        )
        if uploaded is None:
            st.info("Choose a file to check, or switch to “Paste text”.")
            return None, "article"
        try:
            return decode_article(uploaded.getvalue(), repr(uploaded.name)), uploaded.name
        except GeoError as exc:
            show_error(str(exc))
            return None, uploaded.name
    text = st.text_area(
        "Article (plain text or HTML)",
        value=example_article(),
        key="art",
        bind="query-params",
        height=220,
        help="Opens on the seed article. Paste any news text; HTML tags are stripped.",
    )
    text = text or ""
    if not text.strip():
        show_error("The text is empty: paste an article, or upload a .txt or .html file.")
        return None, "article"
    if len(text) > LONG_TEXT_CHARS:
        st.info(
            f"This text is {len(text):,} characters long: the page's link holds it and may be too "
            "long to reopen. Upload it as a file to share the result as JSON instead."
        )
    return text, "article"


def reading_label(index: int, claim: Claim) -> str:
    """An entry of the reading picker: 0 is the reading taken, then each rival reading."""
    if index == 0:
        return "As read: " + "; ".join(claim.read_as)
    a = claim.alternatives[index - 1]
    return f"{a.role} “{a.written}” as {a.place} (the claim: {a.holds})"


def _reading(claim: Claim) -> Claim:
    """The claim as the user reads it: the reading taken, or a rival one picked in the list."""
    if not claim.alternatives:
        return claim
    if claim.ambiguous:
        st.warning(
            "Ambiguous: as read, the claim does not hold, but with another place of the same name it "
            "does. Pick the place the article means:",
            icon="⚠️",
        )
    options = list(range(len(claim.alternatives) + 1))
    picked = st.selectbox(
        "Reading of the places",
        options,
        format_func=lambda i: reading_label(i, claim),
        key="artread",
        bind="query-params",
        help="Other places with the same names, and whether the claim would hold with each.",
    )
    if not picked or picked > len(claim.alternatives):
        return claim
    return reread(claim, claim.alternatives[picked - 1])


def _claims_table(report: ArticleReport) -> None:
    rows = []
    for i, c in enumerate(report.claims, 1):
        r = c.result
        two = r if isinstance(r, CheckResult) else None
        rows.append(
            {
                "#": i,
                "venue": c.venue,
                "between": _and(c.between),
                "claims": c.reading,
                "claim holds": c.holds,
                "verdict": r.verdict,
                "split": ""
                if two is None or two.split is None
                else f"{100 * two.split[0]:.0f}/{100 * two.split[1]:.0f}",
                "detour %": None if two is None or two.detour_pct is None else round(two.detour_pct, 1),
                "sentence": c.sentence,
            }
        )
    st.dataframe(rows, hide_index=True, width="stretch")


def render() -> None:
    """Draw the view."""
    st.subheader("Check an article")
    st.caption(
        "Paste a news article or upload it: every “halfway”, “midway”, “midpoint” or “equidistant” claim "
        "is found, its places resolved offline and the claim checked on the WGS84 ellipsoid."
    )
    text, name = _source_text()
    if text is None:
        return
    main = st.checkbox(
        "Main text only (a saved web page: no menus, sidebars or footers)",
        key="artmain",
        bind="query-params",
        help="Extracted with trafilatura. Claim words outside the main text are listed, not checked.",
    )
    try:
        report = check_article(text, main=main)
    except GeoError as exc:
        show_error(str(exc))
        return
    n_claims, n_open, n_places = len(report.claims), len(report.unresolved), len(report.places)
    st.markdown(
        f"**{n_claims} claim{'s' * (n_claims != 1)} checked**, {n_open} not checked, "
        f"{n_places} place{'s' * (n_places != 1)} named."
    )
    st.caption(
        "The text as read, each claim coloured by whether it holds (grey: not checked; hover for why):"
    )
    with st.container(height=240, border=True):
        st.html(highlighted_html(plain_text(text, main=main), report))

    if n_claims:
        _claims_table(report)
        indices = list(range(n_claims))
        chosen = st.selectbox(
            "Claim",
            indices,
            format_func=lambda i: claim_label(i + 1, report.claims[i]),
            key="artclaim",
            bind="query-params",
        )
        claim = _reading(report.claims[chosen or 0])
        left, right = st.columns([2, 3])
        with left:
            st.markdown(f"> {md_escape(claim.sentence)}")
            if claim.note:
                st.caption(md_escape(claim.note))
            st.caption(md_escape(resolved_text(claim)))
            st.markdown(claim_markdown(claim))
            if nearest := nearest_lines(claim):
                line = " ".join(nearest[0].split())
                st.info(md_escape(line[:1].upper() + line[1:]), icon="📏")
            r = claim.result
            if isinstance(r, CheckResult):
                st.markdown(verdict_markdown(r))
            elif isinstance(r, EquidistanceResult):
                st.markdown(equidistance_markdown(r))
            else:
                st.markdown(centre_markdown(r))
        with right:
            result = claim.result
            places = (result.venue, *result.parties)
            key = "article:" + ";".join(f"{p.name}@{p.lat:.6f},{p.lon:.6f}" for p in places)
            zones = None  # a claim about one area's middle has no zones: no switch then
            if len(result.parties) >= 2 and zones_switch("azones"):  # 2: halfway zones; more: 5 % minimax
                zones = zones_for(result.parties, fair_objective(len(result.parties)))
            if zones is not None:
                with left:
                    show_zones_sentence(result.venue.name, result.venue.lat, result.venue.lon, zones)
            base = map_plan(
                key,
                lambda: (
                    plan_for_check(result)
                    if isinstance(result, CheckResult)
                    else plan_for_equidistance(result)
                    if isinstance(result, EquidistanceResult)
                    else plan_for_centre(result)
                ),
            )
            plan, key = with_zones(base, key, zones)
            show_map(
                plan_files(key, plan),
                file_name=f"claim-{slug(result.venue.name)}.html",
                plan=plan,
                cache_key=key,
                projection_key="artproj",
            )
            if zones is not None:
                zone_details(zones)
    else:
        st.info("No halfway claim was found in this text.")

    if report.unresolved:
        st.markdown("#### Claims that could not be checked")
        for item in report.unresolved:
            st.warning(f"“{md_escape(item.sentence)}”  \n{md_escape(item.reason)}", icon="❔")

    if report.places:
        with st.expander(f"Places named ({n_places})"):
            st.dataframe(
                [
                    {
                        "place": p.name,
                        "lat": round(p.lat, 5),
                        "lon": round(p.lon, 5),
                        "mentions": len(p.mentions),
                        "as written": ", ".join(dict.fromkeys(m.text for m in p.mentions)),
                    }
                    for p in report.places
                ],
                hide_index=True,
                width="stretch",
            )
    st.download_button(
        "Download the result (JSON)",
        data=dumps(report).encode("utf-8"),
        file_name=f"article-{slug(Path(name).stem)}.json",
        mime="application/json",
        key="download-article-json",
        on_click="ignore",
    )
