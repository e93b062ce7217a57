"""Optional online geocoding with OpenStreetMap Nominatim, through geopy.

Off by default: only ``resolve(..., online=True)`` (``--online`` on the CLI) comes here.
Requests carry a user agent, time out after :data:`TIMEOUT_S` seconds and are spaced at
least one second apart (Nominatim's usage policy). Failures raise
:class:`~geo.errors.GeocodingError` with a one-line reason.
"""

from __future__ import annotations

import functools
from typing import Any

from geo.errors import GeocodingError
from geo.places.gazetteer import Place

USER_AGENT = "halfway-venue-checker/0.1 (geo-venue; offline-first meeting-venue analyst)"
TIMEOUT_S = 5.0
MIN_DELAY_S = 1.0


@functools.cache
def _geocoder() -> Any:
    from geopy.extra.rate_limiter import RateLimiter
    from geopy.geocoders import Nominatim

    nominatim = Nominatim(user_agent=USER_AGENT, timeout=TIMEOUT_S)
    return RateLimiter(
        nominatim.geocode, min_delay_seconds=MIN_DELAY_S, max_retries=0, swallow_exceptions=False
    )


def geocode(query: str) -> Place:
    """Look ``query`` up online; raise :class:`GeocodingError` on any failure."""
    from geopy.exc import GeopyError

    try:
        location = _geocoder()(query, exactly_one=True, language="en")
    except GeopyError as exc:
        raise GeocodingError(f"online geocoding of {query!r} failed: {exc or type(exc).__name__}") from None
    except OSError as exc:
        raise GeocodingError(f"online geocoding of {query!r} failed: no network ({exc})") from None
    if location is None:
        raise GeocodingError(f"online geocoding found nothing for {query!r}")
    return Place(
        location.address.split(",")[0],
        location.latitude,
        location.longitude,
        "geocoded",
        query=query,
        note=f"geocoded online by Nominatim: {location.address}",
    )
