"""The card, the dashboard's verdict Markdown and the JSON say how near a pole the direct path comes."""

from __future__ import annotations

import json

import pytest

from geo.analysis.check import CheckResult, check_halfway
from geo.places.resolve import resolve
from geo.report.jsonout import dumps
from geo.report.markdown import verdict_markdown
from geo.report.text import check_card


@pytest.fixture(scope="module")
def seed() -> CheckResult:
    return check_halfway(resolve("Anchorage"), resolve("Washington"), resolve("Beijing"))


def test_card_should_give_the_peak_latitude_and_the_distance_from_the_pole(seed: CheckResult) -> None:
    assert "  direct path's highest latitude      81.9°N  (at 160.4°W, 902 km from the North Pole)" in (
        check_card(seed).splitlines()
    )


def test_markdown_should_give_the_peak_sentence(seed: CheckResult) -> None:
    assert "The direct path peaks at 81.9°N (160.4°W), 902 km from the North Pole." in verdict_markdown(seed)


def test_json_should_carry_the_peak(seed: CheckResult) -> None:
    peak = json.loads(dumps(seed))["direct_peak"]
    assert peak["pole"] == "north" and peak["vertex"] is True
    assert peak["lat"] == pytest.approx(81.92043, abs=1e-5)


def test_undefined_verdict_should_have_no_peak() -> None:
    a, b = resolve("45,0"), resolve("-45,179.572719")
    result = check_halfway(resolve("Anchorage"), a, b)
    assert result.verdict == "undefined" and result.direct_peak is None
    assert "highest latitude" not in check_card(result)
