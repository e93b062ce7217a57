"""geo.analysis.hours: the meeting-hours table agrees hour by hour with zoneinfo called directly.

Reference clocks are computed here with ``zoneinfo`` and ``datetime`` only (aware datetimes in
the venue's zone converted to each home zone), never with geo's code.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from geo.analysis.hours import (
    MeetingHour,
    MeetingHours,
    WorkHours,
    meeting_hours,
    meeting_hours_in_zones,
    parse_work_hours,
)
from geo.errors import InvalidInputError
from geo.places.resolve import resolve

UTC = dt.UTC


def reference_day(venue_zone: str, day: dt.date) -> list[dt.datetime]:
    """Every UTC instant on the hour of the venue's local date, by stepping UTC hours from the
    first instant of the day and keeping those whose local date is ``day``."""
    tz = ZoneInfo(venue_zone)
    t = dt.datetime(day.year, day.month, day.day, tzinfo=UTC) - dt.timedelta(hours=40)
    out = []
    while t < dt.datetime(day.year, day.month, day.day, tzinfo=UTC) + dt.timedelta(hours=40):
        local = t.astimezone(tz)
        if local.date() == day and local.minute == 0:
            out.append(t)
        t += dt.timedelta(minutes=15)
    return out


def reference_band(hour: int) -> str:
    """Bands of a whole home hour for work 09:00–18:00, written out by hand."""
    if 9 <= hour < 18:
        return "work"
    if hour >= 23 or hour < 7:
        return "night"
    return "morning" if hour < 9 else "evening"


def assert_matches_zoneinfo(result: MeetingHours, venue_zone: str, day: dt.date) -> None:
    instants = reference_day(venue_zone, day)
    rows = result.in_time_order
    assert [h.start for h in rows] == instants
    for row, instant in zip(rows, instants, strict=True):
        venue = instant.astimezone(ZoneInfo(venue_zone))
        assert row.venue_time == venue.strftime("%H:%M")
        assert row.venue_utc_offset_hours == venue.utcoffset().total_seconds() / 3600  # type: ignore[union-attr]
        for party, clock in zip(result.parties, row.clocks, strict=True):
            home = instant.astimezone(ZoneInfo(party.timezone))
            assert clock.local_time == home.strftime("%H:%M"), (row.venue_time, party.name)
            assert clock.date == home.date().isoformat()
            assert clock.day_offset == (home.date() - day).days
            assert clock.utc_offset_hours == home.utcoffset().total_seconds() / 3600  # type: ignore[union-attr]


@pytest.fixture(scope="module")
def anchorage() -> MeetingHours:
    venue = resolve("Anchorage")
    return meeting_hours(venue, [resolve("Washington"), resolve("Beijing")], dt.date(2021, 3, 18))


def test_should_find_each_place_in_its_iana_zone(anchorage: MeetingHours) -> None:
    assert anchorage.venue_timezone == "America/Anchorage"
    assert [(p.name, p.timezone) for p in anchorage.parties] == [
        ("Washington, D.C.", "America/New_York"),
        ("Beijing", "Asia/Shanghai"),
    ]


def test_should_match_zoneinfo_hour_by_hour_for_anchorage_washington_beijing(anchorage: MeetingHours) -> None:
    assert len(anchorage.hours) == 24
    assert_matches_zoneinfo(anchorage, "America/Anchorage", dt.date(2021, 3, 18))
    # and spelled out for three hours: Anchorage was UTC−8 (daylight time since 14 March),
    # Washington UTC−4, Beijing UTC+8
    by_time = {h.venue_time: h for h in anchorage.hours}
    for venue_hour, washington, beijing in (("00:00", "04:00", "16:00"), ("17:00", "21:00", "09:00")):
        clocks = by_time[venue_hour].clocks
        assert (clocks[0].local_time, clocks[1].local_time) == (washington, beijing)
    assert by_time["17:00"].clocks[1].day_offset == 1 and by_time["07:00"].clocks[1].day_offset == 0
    assert by_time["20:00"].clocks[0].day_offset == 1  # midnight in Washington


def test_should_mark_each_cell_with_its_band_and_hours_off_work(anchorage: MeetingHours) -> None:
    for row in anchorage.hours:
        for clock in row.clocks:
            hour = int(clock.local_time[:2])
            assert clock.band == reference_band(hour)
            off = 0 if 9 <= hour <= 17 else min((9 - hour) % 24, (hour - 17) % 24)
            assert clock.hours_off_work == off
        assert row.in_work == sum(c.band == "work" for c in row.clocks)
        assert row.at_night == sum(c.band == "night" for c in row.clocks)
        assert row.worst_hours_off == max(c.hours_off_work for c in row.clocks)


def rank_key(h: MeetingHour) -> tuple[int, int, float, float, str]:
    return (-h.in_work, h.at_night, h.worst_hours_off, h.venue_hours_off_work, h.start_utc)


def test_should_rank_by_delegations_at_work_then_nights_then_the_worst_hour(anchorage: MeetingHours) -> None:
    assert [h.rank for h in anchorage.hours] == list(range(1, 25))
    keys = [rank_key(h) for h in anchorage.hours]
    assert keys == sorted(keys)
    # No hour finds both at work (their windows do not overlap); the best is 17:00 in Anchorage:
    # 21:00 in Washington (evening), 09:00 the next day in Beijing (work); nobody at night
    best = anchorage.best
    assert max(h.in_work for h in anchorage.hours) == 1
    assert best.venue_time == "17:00" and best.start == dt.datetime(2021, 3, 19, 1, tzinfo=UTC)
    assert [(c.local_time, c.band, c.day_offset) for c in best.clocks] == [
        ("21:00", "evening", 0),
        ("09:00", "work", 1),
    ]


def test_should_list_23_hours_on_a_spring_forward_day_at_the_venue() -> None:
    # Washington, 14 March 2021: 02:00 EST became 03:00 EDT
    day = dt.date(2021, 3, 14)
    r = meeting_hours_in_zones("Washington", "America/New_York", [("Beijing", "Asia/Shanghai")], day)
    assert len(r.hours) == 23
    assert_matches_zoneinfo(r, "America/New_York", day)
    times = [h.venue_time for h in r.in_time_order]
    assert "02:00" not in times and times[:4] == ["00:00", "01:00", "03:00", "04:00"]
    offsets = [h.venue_utc_offset_hours for h in r.in_time_order]
    assert offsets[:2] == [-5.0, -5.0] and set(offsets[2:]) == {-4.0}
    # Beijing's clock runs on without a gap: 13:00, 14:00, 15:00…
    assert [h.clocks[0].local_time for h in r.in_time_order][:3] == ["13:00", "14:00", "15:00"]


def test_should_list_25_hours_with_01_00_twice_on_a_fall_back_day() -> None:
    day = dt.date(2021, 11, 7)
    r = meeting_hours_in_zones("Washington", "America/New_York", [("London", "Europe/London")], day)
    assert len(r.hours) == 25
    assert_matches_zoneinfo(r, "America/New_York", day)
    ones = [h for h in r.in_time_order if h.venue_time == "01:00"]
    assert [h.venue_utc_offset_hours for h in ones] == [-4.0, -5.0]
    assert [h.clocks[0].local_time for h in ones] == ["05:00", "06:00"]


def test_should_follow_a_southern_hemisphere_party_leaving_daylight_time_mid_day() -> None:
    # Sydney left daylight time (UTC+11 → UTC+10) at 03:00 local on 4 April 2021 (16:00 UTC on the 3rd)
    day = dt.date(2021, 4, 3)
    r = meeting_hours_in_zones("Geneva", "Europe/Zurich", [("Sydney", "Australia/Sydney")], day)
    assert_matches_zoneinfo(r, "Europe/Zurich", day)
    rows = r.in_time_order
    by_time = {h.venue_time: h.clocks[0] for h in rows}
    assert (by_time["17:00"].local_time, by_time["17:00"].utc_offset_hours) == ("02:00", 11.0)
    assert (by_time["18:00"].local_time, by_time["18:00"].utc_offset_hours) == ("02:00", 10.0)
    assert by_time["18:00"].day_offset == 1


def test_should_use_historic_offsets_and_half_hours() -> None:
    # Pyongyang was UTC+8:30 until 4 May 2018: the half hour shows, and such an hour is not "work"
    day = dt.date(2018, 4, 27)
    r = meeting_hours_in_zones("Seoul", "Asia/Seoul", [("Pyongyang", "Asia/Pyongyang")], day)
    assert_matches_zoneinfo(r, "Asia/Seoul", day)
    at_ten = next(h for h in r.hours if h.venue_time == "10:00").clocks[0]
    assert (at_ten.local_time, at_ten.utc_offset_hours, at_ten.band, at_ten.hours_off_work) == (
        "09:30",
        8.5,
        "work",
        0.0,
    )
    at_nine = next(h for h in r.hours if h.venue_time == "09:00").clocks[0]
    assert (at_nine.local_time, at_nine.band, at_nine.hours_off_work) == ("08:30", "morning", 0.5)
    after = meeting_hours_in_zones(
        "Seoul", "Asia/Seoul", [("Pyongyang", "Asia/Pyongyang")], dt.date(2018, 5, 5)
    )
    assert {h.clocks[0].local_time == h.venue_time for h in after.hours} == {True}


def test_should_start_at_the_first_real_instant_when_midnight_is_skipped() -> None:
    # Santiago, 11 September 2022: clocks went from 24:00 (UTC−4) straight to 01:00 (UTC−3)
    day = dt.date(2022, 9, 11)
    r = meeting_hours_in_zones("Santiago", "America/Santiago", [("Washington", "America/New_York")], day)
    assert len(r.hours) == 23
    assert r.in_time_order[0].venue_time == "01:00"
    assert_matches_zoneinfo(r, "America/Santiago", day)


def test_should_refuse_a_date_the_venue_skipped() -> None:
    with pytest.raises(InvalidInputError, match="2011-12-30 did not exist in Pacific/Apia"):
        meeting_hours_in_zones(
            "Apia", "Pacific/Apia", [("Auckland", "Pacific/Auckland")], dt.date(2011, 12, 30)
        )


def test_should_count_a_custom_working_window() -> None:
    r = meeting_hours_in_zones(
        "Anchorage",
        "America/Anchorage",
        [("Washington", "America/New_York"), ("Beijing", "Asia/Shanghai")],
        dt.date(2021, 3, 18),
        WorkHours(7, 22),
    )
    # 07:00–22:00 at home: Washington works 03:00–17:00 in Anchorage, Beijing 15:00–05:00 (+1)
    assert r.best.in_work == 2 and r.best.venue_time == "15:00"
    assert [c.local_time for c in r.best.clocks] == ["19:00", "07:00"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("18-9", "must end after they start"),
        ("9-9", "must end after they start"),
        ("25-3", "an hour must be from 0 to 24"),
        ("9-25", "an hour must be from 0 to 24"),
        ("9:30-18", "START-END in whole hours"),
        ("", "START-END in whole hours"),
        ("9-18" + "0" * 100, "START-END in whole hours"),
    ],
)
def test_should_refuse_bad_working_hours_with_one_line(text: str, message: str) -> None:
    with pytest.raises(InvalidInputError, match=message) as info:
        parse_work_hours(text)
    assert "\n" not in str(info.value) and len(str(info.value)) < 120


def test_should_read_working_hours_in_the_usual_spellings() -> None:
    assert parse_work_hours(" 9-18 ") == WorkHours(9, 18)
    assert parse_work_hours("0-24") == WorkHours(0, 24)
    assert parse_work_hours("08:00–17:00") == WorkHours(8, 17)


def test_should_refuse_a_meeting_without_parties() -> None:
    with pytest.raises(InvalidInputError, match="at least one party"):
        meeting_hours_in_zones("Geneva", "Europe/Zurich", [], dt.date(2021, 6, 16))
