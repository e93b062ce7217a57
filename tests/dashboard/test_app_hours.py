"""Meeting hours in the "Check a claim" view's summit realities, run headless with AppTest.

Reference clocks come from zoneinfo called here directly. The .ics a download button offers is
not reachable in AppTest: the same function is checked here, and the real download in
test_app_browser.py.
"""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

import icalendar
import pandas as pd
from apptest import open_view, page_text
from streamlit.testing.v1 import AppTest

from geo.places.resolve import resolve
from geo.report.hours import meeting_ics
from geo_dashboard.hours import _hours

VIEW = "Check a claim"
SEED_DAY = "2021-03-18"


def hours_table(at: AppTest) -> pd.DataFrame:
    """The meeting-hours table (after the summit-realities table)."""
    (frame,) = [d.value for d in at.dataframe if "in work" in d.value.columns]
    return frame


def test_the_table_shows_every_hour_with_the_best_slot_marked_first() -> None:
    at = open_view(VIEW, cd=SEED_DAY)
    table = hours_table(at)
    assert len(table) == 24 and list(table["rank"]) == list(range(1, 25))
    assert list(table["best"]) == ["★"] + [""] * 23
    best = table.iloc[0]
    assert best["Anchorage (venue)"] == "17:00 UTC−08:00"
    assert (best["Washington, D.C."], best["Beijing"]) == ("21:00 evening", "09:00 +1 work")
    # every row agrees with zoneinfo: the venue's hour converted to each home zone
    for _, row in table.iterrows():
        hour, minute = map(int, str(row["Anchorage (venue)"])[:5].split(":"))
        venue = dt.datetime(2021, 3, 18, hour, minute, tzinfo=ZoneInfo("America/Anchorage"))
        for column, zone in (("Washington, D.C.", "America/New_York"), ("Beijing", "Asia/Shanghai")):
            assert str(row[column])[:5] == venue.astimezone(ZoneInfo(zone)).strftime("%H:%M")
    text = page_text(at)
    assert "Best slot: 17:00 in Anchorage (01:00 UTC on 2021-03-19)" in text
    assert any("body clock" in c.value for c in at.caption)
    assert not at.error and not at.exception


def test_the_best_row_is_highlighted() -> None:
    at = open_view(VIEW, cd=SEED_DAY)
    (element,) = [d for d in at.dataframe if "in work" in d.value.columns]
    styles = element.proto.arrow_data.styler.styles
    assert "background-color" in styles
    styled = set(re.findall(r"_row(\d+)_col(\d+)", styles))
    assert styled == {("0", str(col)) for col in range(len(hours_table(at).columns))}  # row 0 = the best


def test_the_working_hours_box_is_bound_to_the_url_and_restored_from_it() -> None:
    at = open_view(VIEW, cd=SEED_DAY, cw="7-22")
    box = at.text_input(key="cw")
    assert box.proto.query_param_key == "cw"  # the browser writes it into the URL (see test_app_browser)
    assert box.value == "7-22"
    best = hours_table(at).iloc[0]
    assert best["in work"] == 2 and best["Anchorage (venue)"] == "15:00 UTC−08:00"
    box.set_value("9-18").run()
    assert hours_table(at).iloc[0]["Anchorage (venue)"] == "17:00 UTC−08:00"


def test_bad_working_hours_are_an_inline_error_and_the_rest_of_the_page_works() -> None:
    at = open_view(VIEW, cd=SEED_DAY)
    for bad, message in (("18-9", "must end after they start"), ("25-3", "an hour must be from 0 to 24")):
        at.text_input(key="cw").set_value(bad).run()
        assert not at.exception
        assert len(at.error) == 1 and message in at.error[0].value
        assert "Verdict: ROUGHLY HALFWAY" in page_text(at)  # the verdict and the facts stay
        assert not [d for d in at.dataframe if "in work" in d.value.columns]
        assert any("clock shift" in d.value.columns for d in at.dataframe)
    at.text_input(key="cw").set_value("9-18").run()
    assert not at.error and len(hours_table(at)) == 24


def test_a_bad_link_value_is_an_inline_error_too() -> None:
    at = open_view(VIEW, cd=SEED_DAY, cw="nine to five")
    assert at.text_input(key="cw").value == "nine to five"
    assert len(at.error) == 1 and "START-END in whole hours" in at.error[0].value
    assert "Verdict:" in page_text(at)


def test_the_download_button_offers_the_best_slot_as_ics() -> None:
    at = open_view(VIEW, cd=SEED_DAY)
    assert any(b.proto.label == "Download .ics" for b in at.get("download_button"))
    # the button's data is meeting_ics of the cached result the table shows
    result = _hours(
        resolve("Anchorage"), (resolve("Washington"), resolve("Beijing")), dt.date(2021, 3, 18), "9-18"
    )
    (event,) = icalendar.Calendar.from_ical(meeting_ics(result)).walk("VEVENT")
    assert event.decoded("DTSTART").astimezone(dt.UTC) == dt.datetime(2021, 3, 19, 1, tzinfo=dt.UTC)
