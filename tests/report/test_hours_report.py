"""geo.report.hours: the meeting-hours table as text and the best slot as an RFC 5545 event,
parsed back with icalendar (and its VTIMEZONE read on its own, without the tz database)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import icalendar
import pytest

from geo.analysis.hours import MeetingHours, meeting_hours_in_zones
from geo.report.hours import clock_text, hours_lines, meeting_ics

UTC = dt.UTC
PARTIES = [("Washington, D.C.", "America/New_York"), ("Beijing", "Asia/Shanghai")]


@pytest.fixture(scope="module")
def anchorage() -> MeetingHours:
    return meeting_hours_in_zones("Anchorage", "America/Anchorage", PARTIES, dt.date(2021, 3, 18))


def parse(ics: bytes) -> tuple[icalendar.Calendar, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(ics)
    (event,) = calendar.walk("VEVENT")
    return calendar, event


def test_should_parse_back_with_the_same_start_in_utc(anchorage: MeetingHours) -> None:
    calendar, event = parse(meeting_ics(anchorage))
    start = event.decoded("DTSTART")
    # the intended instant, computed here: 17:00 in Anchorage (UTC−8 on 18 March 2021) = 01:00 UTC
    intended = dt.datetime(2021, 3, 18, 17, tzinfo=ZoneInfo("America/Anchorage"))
    assert start.astimezone(UTC) == intended.astimezone(UTC) == dt.datetime(2021, 3, 19, 1, tzinfo=UTC)
    assert start.astimezone(UTC) == anchorage.best.start
    assert event["DTSTART"].params["TZID"] == "America/Anchorage"
    assert event.decoded("DURATION") == dt.timedelta(hours=1)
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]


def test_should_carry_a_vtimezone_that_gives_the_same_instant_on_its_own(anchorage: MeetingHours) -> None:
    calendar, event = parse(meeting_ics(anchorage))
    (vtimezone,) = calendar.walk("VTIMEZONE")
    assert vtimezone["TZID"] == "America/Anchorage"
    from_component = vtimezone.to_tz(lookup_tzid=False)  # built from the VTIMEZONE, not from tzdata
    naive = event.decoded("DTSTART").replace(tzinfo=None)
    assert naive == dt.datetime(2021, 3, 18, 17)
    assert naive.replace(tzinfo=from_component).astimezone(UTC) == anchorage.best.start


def test_should_name_the_parties_and_their_clocks_in_the_description(anchorage: MeetingHours) -> None:
    _, event = parse(meeting_ics(anchorage))
    text = str(event["DESCRIPTION"])
    assert text.startswith("Parties: Washington, D.C., Beijing.")
    assert "Washington, D.C. (America/New_York): 21:00 evening, 2021-03-18" in text
    assert "Beijing (Asia/Shanghai): 09:00 +1 work, 2021-03-19" in text
    assert "body clock" in text
    assert str(event["LOCATION"]) == "Anchorage"
    assert str(event["SUMMARY"]) == "Meeting in Anchorage: Washington, D.C., Beijing"


def test_should_be_the_same_event_when_written_twice(anchorage: MeetingHours) -> None:
    stamp = dt.datetime(2021, 3, 1, tzinfo=UTC)
    assert meeting_ics(anchorage, stamp=stamp) == meeting_ics(anchorage, stamp=stamp)


def test_should_write_the_second_pass_of_a_repeated_hour_in_utc() -> None:
    # 7 November 2021 in Washington: 01:00 EDT, then 01:00 EST. A TZID local time names the first
    # pass (RFC 5545 §3.3.5), so the second is written in UTC
    r = meeting_hours_in_zones(
        "Washington", "America/New_York", [("London", "Europe/London")], dt.date(2021, 11, 7)
    )
    first, second = (h for h in r.in_time_order if h.venue_time == "01:00")
    for hour in (first, second):
        _, event = parse(meeting_ics(r, hour))
        assert event.decoded("DTSTART").astimezone(UTC) == hour.start
    assert parse(meeting_ics(r, first))[1]["DTSTART"].params["TZID"] == "America/New_York"
    assert second.start == dt.datetime(2021, 11, 7, 6, tzinfo=UTC)


def test_should_escape_hostile_names_as_ical_text() -> None:
    r = meeting_hours_in_zones(
        "Venue;X-EVIL:1", "Europe/Zurich", [("A\nBEGIN:VEVENT", "Europe/Paris")], dt.date(2021, 6, 16)
    )
    calendar, event = parse(meeting_ics(r))
    assert len(calendar.walk("VEVENT")) == 1
    assert str(event["LOCATION"]) == "Venue;X-EVIL:1"


def test_should_mark_the_best_slot_first_in_the_text_table(anchorage: MeetingHours) -> None:
    lines = hours_lines(anchorage)
    assert lines[0] == "Meeting hours in Anchorage on Thursday 2021-03-18 (America/Anchorage), best first"
    assert any("Home time = body clock" in line for line in lines)
    header = next(i for i, line in enumerate(lines) if "rank" in line)
    assert lines[header].split() == [
        "rank", "Anchorage", "Washington,", "D.C.", "Beijing", "in", "work", "at", "night", "worst", "off"
    ]  # fmt: skip
    best = lines[header + 1].split()
    assert best[:2] == ["★", "1"] and "17:00" in best and "09:00 +1 work" in lines[header + 1]
    assert sum("★" in line for line in lines) == 1
    assert len([line for line in lines[header + 1 :] if line.strip()[:1].isdigit() or "★" in line]) == 24
    assert "Best slot: 17:00 in Anchorage (01:00 UTC on 2021-03-19)" in "\n".join(lines)


def test_should_write_day_marks_with_a_true_minus_sign() -> None:
    r = meeting_hours_in_zones(
        "Beijing", "Asia/Shanghai", [("Washington", "America/New_York")], dt.date(2021, 3, 18)
    )
    cells = {clock_text(h.clocks[0]) for h in r.hours}
    assert "20:00 −1 evening" in cells  # 08:00 in Beijing is 20:00 the day before in Washington
