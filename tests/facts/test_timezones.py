"""Time zones and UTC offsets on a date: daylight saving, history, the sea, the POSIX sign trap."""

from __future__ import annotations

import datetime as dt

import pytest

from geo.errors import InvalidCoordinatesError, InvalidInputError
from geo.facts.timezones import format_offset, parse_date, timezone_at, utc_offset_hours


@pytest.mark.parametrize(
    ("place", "lat", "lon", "zone"),
    [
        ("Anchorage", 61.2181, -149.9003, "America/Anchorage"),
        ("Pyongyang", 39.0392, 125.7625, "Asia/Pyongyang"),
        ("Geneva", 46.2044, 6.1432, "Europe/Zurich"),
        ("Singapore", 1.2897, 103.8501, "Asia/Singapore"),
        ("Kathmandu", 27.7172, 85.3240, "Asia/Kathmandu"),
        ("Washington", 38.9072, -77.0369, "America/New_York"),
    ],
)
def test_timezone_of_a_city(place: str, lat: float, lon: float, zone: str) -> None:
    assert timezone_at(lat, lon) == zone, place


def test_anchorage_was_utc_minus_8_during_the_march_2021_meeting() -> None:
    # US daylight saving time began on 14 March 2021: AKDT is UTC-8, AKST UTC-9.
    assert utc_offset_hours("America/Anchorage", dt.date(2021, 3, 18)) == -8.0
    assert utc_offset_hours("America/Anchorage", dt.date(2021, 3, 13)) == -9.0
    assert utc_offset_hours("America/Anchorage", dt.date(2021, 3, 14)) == -8.0  # the switch is at 02:00


def test_pyongyang_moved_from_utc_plus_8_30_to_plus_9_on_5_may_2018() -> None:
    assert utc_offset_hours("Asia/Pyongyang", dt.date(2018, 5, 4)) == 8.5
    assert utc_offset_hours("Asia/Pyongyang", dt.date(2018, 5, 5)) == 9.0
    # ... and had moved the other way on 15 August 2015
    assert utc_offset_hours("Asia/Pyongyang", dt.date(2015, 8, 14)) == 9.0
    assert utc_offset_hours("Asia/Pyongyang", dt.date(2015, 8, 15)) == 8.5


@pytest.mark.parametrize(
    ("lat", "lon", "zone", "hours"),
    [
        (30.0, -40.0, "Etc/GMT+3", -3.0),  # mid-Atlantic: nautical zone, POSIX sign inverted
        (0.0, -170.0, "Etc/GMT+11", -11.0),
        (-40.0, 80.0, "Etc/GMT-5", 5.0),  # southern Indian Ocean
    ],
)
def test_open_sea_gets_the_nautical_zone_with_its_posix_sign(
    lat: float, lon: float, zone: str, hours: float
) -> None:
    assert timezone_at(lat, lon) == zone
    assert utc_offset_hours(zone, dt.date(2024, 7, 1)) == hours
    assert hours == -round(-lon / 15)  # nautical zones are 15° wide, centred on multiples of 15°


def test_half_and_three_quarter_hour_offsets_are_formatted_exactly() -> None:
    assert format_offset(utc_offset_hours("Asia/Kathmandu", dt.date(2024, 1, 1))) == "UTC+05:45"
    assert format_offset(utc_offset_hours("America/St_Johns", dt.date(2024, 1, 1))) == "UTC−03:30"
    assert format_offset(0.0) == "UTC+00:00"


@pytest.mark.parametrize(
    "text", ["2018/06/12", "12-06-2018", "2018-6-12", "", "tomorrow", "2018-06-12T10:00"]
)
def test_bad_dates_are_refused_with_the_format(text: str) -> None:
    with pytest.raises(InvalidInputError, match="YYYY-MM-DD"):
        parse_date(text)


def test_impossible_or_far_dates_are_refused() -> None:
    with pytest.raises(InvalidInputError, match="does not exist"):
        parse_date("2021-02-30")
    with pytest.raises(InvalidInputError, match="out of range"):
        parse_date("1066-10-14")
    assert parse_date(" 2021-03-18 ") == dt.date(2021, 3, 18)


def test_bad_coordinates_are_refused() -> None:
    with pytest.raises(InvalidCoordinatesError):
        timezone_at(0.0, 200.0)
