"""Shared links: values a widget cannot use are said above the view, not replaced silently."""

from __future__ import annotations

from apptest import open_view


def test_refused_link_values_are_said_once_and_the_page_works() -> None:
    at = open_view("Nonexistent", hd="nan", zz="1")
    (notice,) = [w.value for w in at.warning if "link" in w.value]
    assert notice == (
        "This page's link held values that cannot be used, so their defaults are shown: "
        "view='Nonexistent'; hd='nan'"
    )
    assert at.sidebar.radio(key="view").value == "Check a claim"
    assert at.number_input(key="hd").value == 5.0
    at.number_input(key="hd").set_value(4.0).run()
    assert not at.exception and not [w for w in at.warning if "link" in w.value]


def test_a_valid_link_gives_no_notice() -> None:
    at = open_view("Check a claim", hd="4")
    assert at.number_input(key="hd").value == 4.0
    assert not [w for w in at.warning if "link" in w.value]


def test_a_hostile_link_value_is_shown_as_text() -> None:
    at = open_view("Check a claim", hd="[x](https://evil.example) www.example.org")
    (notice,) = [w.value for w in at.warning if "link" in w.value]
    # the Markdown link and the autolink literals are broken (md_escape), so nothing is clickable
    assert notice.endswith("hd='\\[x\\](https:\u2060//evil.example) www\u2060.example.org'")
