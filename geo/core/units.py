"""How numbers are written for people: one formatter per unit, used by every writer.

Distances are kept in km internally (WGS84 geodesics to the millimetre); these functions only
round them for display.
"""

from __future__ import annotations


def format_km(value: float) -> str:
    """A distance in whole kilometres with thousands separators.

    >>> format_km(11170.5749), format_km(0.4)
    ('11,171 km', '0 km')
    """
    return f"{value:,.0f} km"


def format_lat_lon(lat: float, lon: float, digits: int = 1) -> str:
    """``81.9°N, 156.9°W`` style, ``digits`` decimals of a degree.

    >>> format_lat_lon(81.90483, -156.85262)
    '81.9°N, 156.9°W'
    >>> format_lat_lon(-33.9, 151.2, digits=0)
    '34°S, 151°E'
    """
    return (
        f"{abs(lat):.{digits}f}°{'N' if lat >= 0 else 'S'}, {abs(lon):.{digits}f}°{'E' if lon >= 0 else 'W'}"
    )
