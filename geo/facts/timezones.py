"""The time zone of a point and its UTC offset on a given date, offline.

* :func:`timezone_at` – the IANA zone of a point from ``tzfpy`` (timezone-boundary-builder
  polygons, ODbL; a Rust wheel, no network). Zones that have agreed since 1970 are merged by
  that data, so Hanoi reports ``Asia/Bangkok``; at sea it reports the nautical zone
  ``Etc/GMT±N``, whose sign is POSIX-inverted: ``Etc/GMT+3`` is UTC−3.
* :func:`utc_offset_hours` – the offset of a zone on a date from the ``zoneinfo`` module and
  the ``tzdata`` package (IANA tz database): daylight saving time and history count
  (Anchorage was UTC−8 on 2021-03-18, daylight time; Pyongyang moved from UTC+8:30 to UTC+9
  on 2018-05-05). The offset is taken at 12:00 local time, away from the night-time hours
  at which clocks change. Dates after the database's last known rule use the current rules.

Examples
--------
>>> timezone_at(61.2181, -149.9003)
'America/Anchorage'
>>> import datetime as dt
>>> utc_offset_hours("America/Anchorage", dt.date(2021, 3, 18))
-8.0
>>> format_offset(utc_offset_hours("Asia/Pyongyang", dt.date(2018, 5, 4)))
'UTC+08:30'
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import zoneinfo

from geo.core.geodesy import validate_lat_lon
from geo.errors import DataError, InvalidInputError

__all__ = ["format_offset", "parse_date", "timezone_at", "utc_offset_hours", "zone"]

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MIN_YEAR, MAX_YEAR = 1900, 2200  # dates outside are refused (the tz database starts in the 1970s)


def parse_date(text: str) -> dt.date:
    """A ``YYYY-MM-DD`` date, or :class:`InvalidInputError` naming the bad value.

    Examples
    --------
    >>> parse_date("2018-06-12")
    datetime.date(2018, 6, 12)
    >>> parse_date("12/06/2018")
    Traceback (most recent call last):
    ...
    geo.errors.InvalidInputError: date '12/06/2018' must be YYYY-MM-DD, e.g. 2018-06-12
    """
    value = text.strip()[:40] if isinstance(text, str) else text
    if not isinstance(value, str) or not _DATE.match(value):
        raise InvalidInputError(f"date {value!r} must be YYYY-MM-DD, e.g. 2018-06-12")
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise InvalidInputError(f"date {value!r} does not exist") from None
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise InvalidInputError(f"date {value!r} is out of range; give a year from {MIN_YEAR} to {MAX_YEAR}")
    return day


def timezone_at(lat: float, lon: float) -> str:
    """The IANA time zone at a point (``Etc/GMT±N`` at sea).

    Parameters
    ----------
    lat, lon : float
        Degrees WGS84, latitude in [-90, 90], longitude in [-180, 180].

    Examples
    --------
    >>> timezone_at(46.2044, 6.1432), timezone_at(30.0, -40.0)
    ('Europe/Zurich', 'Etc/GMT+3')
    """
    lat, lon = validate_lat_lon(lat, lon)
    import tzfpy  # ~1 ms; loads its index on first call

    name = tzfpy.get_tz(lon, lat)
    if not name:
        raise DataError(f"tzfpy found no time zone at ({lat:g}, {lon:g})")
    return str(name)


@functools.lru_cache(maxsize=1024)
def zone(name: str) -> zoneinfo.ZoneInfo:
    """The :class:`zoneinfo.ZoneInfo` of an IANA name, or :class:`DataError` when unknown.

    Examples
    --------
    >>> zone("America/Anchorage").key
    'America/Anchorage'
    """
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise DataError(f"time zone {name!r} is not in the tz database; install tzdata") from None


def utc_offset_hours(timezone: str, on: dt.date) -> float:
    """Hours ahead of UTC in ``timezone`` at 12:00 local time on ``on`` (negative: behind).

    Examples
    --------
    >>> import datetime as dt
    >>> utc_offset_hours("Asia/Pyongyang", dt.date(2018, 5, 5))
    9.0
    >>> utc_offset_hours("Etc/GMT+3", dt.date(2024, 1, 1))  # POSIX sign: Etc/GMT+3 is UTC-3
    -3.0
    """
    offset = dt.datetime(on.year, on.month, on.day, 12, tzinfo=zone(timezone)).utcoffset()
    if offset is None:  # pragma: no cover - ZoneInfo always answers
        raise DataError(f"time zone {timezone!r} has no UTC offset on {on.isoformat()}")
    return offset.total_seconds() / 3600.0


def format_offset(hours: float) -> str:
    """``UTC+05:45`` style (a true minus sign for negative offsets).

    Examples
    --------
    >>> format_offset(-8.0), format_offset(5.75), format_offset(0.0)
    ('UTC−08:00', 'UTC+05:45', 'UTC+00:00')
    """
    minutes = round(hours * 60)
    sign = "−" if minutes < 0 else "+"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
