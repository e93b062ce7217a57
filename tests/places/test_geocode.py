"""``--online`` geocoding through geopy's Nominatim, tested offline.

geopy's own request method is replaced by one that hands back a response in the format of
Nominatim's ``/search?format=json`` API (documented at nominatim.org, "Search queries",
JSON output), so everything of ours and geopy's parsing runs; no request leaves the machine.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from geopy.exc import GeocoderServiceError, GeocoderTimedOut
from geopy.geocoders import Nominatim

from geo.errors import GeocodingError
from geo.places import geocode as geocode_module
from geo.places.geocode import MIN_DELAY_S, TIMEOUT_S, USER_AGENT, geocode

HOFDI = [  # Nominatim /search?format=json, one result
    {
        "place_id": 1,
        "licence": "Data © OpenStreetMap contributors, ODbL 1.0. http://osm.org/copyright",
        "osm_type": "way",
        "osm_id": 1,
        "lat": "64.1475030",
        "lon": "-21.9090786",
        "class": "historic",
        "type": "building",
        "place_rank": 30,
        "importance": 0.3,
        "addresstype": "historic",
        "name": "Höfði",
        "display_name": "Höfði, Borgartún, Túnin, Reykjavík, Reykjavíkurborg, Capital Region, 105, Iceland",
        "boundingbox": ["64.1473", "64.1477", "-21.9095", "-21.9087"],
    }
]


class Nominatim_:
    """Stands in for the network: records each request geopy builds and answers it."""

    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []
        self.answer: Any = HOFDI  # the JSON to return, or an exception to raise

    def __call__(self, geocoder: Nominatim, url: str, callback: Any, *, timeout: float | None = None) -> Any:
        self.requests.append({"url": url, "timeout": timeout, "headers": dict(geocoder.headers)})
        if isinstance(self.answer, Exception):
            raise self.answer
        return callback(self.answer)


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[Nominatim_]:
    fake = Nominatim_()
    geocode_module._geocoder.cache_clear()
    monkeypatch.setattr("geopy.extra.rate_limiter.RateLimiter._sleep", lambda self, seconds: None)
    monkeypatch.setattr(
        Nominatim, "_call_geocoder", lambda self, url, callback, **kw: fake(self, url, callback, **kw)
    )
    yield fake
    geocode_module._geocoder.cache_clear()


def test_should_return_the_first_result_as_a_geocoded_place(server: Nominatim_) -> None:
    place = geocode("Höfði House, Reykjavik")
    assert (place.name, place.lat, place.lon, place.kind) == ("Höfði", 64.147503, -21.9090786, "geocoded")
    assert place.note.startswith("geocoded online by Nominatim: Höfði, Borgartún")
    (request,) = server.requests
    assert request["headers"]["User-Agent"] == USER_AGENT
    assert Nominatim is type(geocode_module._geocoder().func.__self__)
    assert geocode_module._geocoder().func.__self__.timeout == TIMEOUT_S  # no request waits longer
    assert "q=H%C3%B6f%C3%B0i+House%2C+Reykjavik" in request["url"] and "limit=1" in request["url"]
    assert MIN_DELAY_S >= 1.0  # Nominatim's usage policy: at most one request per second


def test_should_say_when_nothing_was_found(server: Nominatim_) -> None:
    server.answer = []
    with pytest.raises(GeocodingError, match="online geocoding found nothing for 'Atlantis'"):
        geocode("Atlantis")


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (GeocoderTimedOut("Service timed out"), "failed: Service timed out"),
        (GeocoderServiceError("HTTP Error 503"), "failed: HTTP Error 503"),
        (ConnectionRefusedError(111, "Connection refused"), "failed: no network"),
    ],
)
def test_should_turn_every_failure_into_one_geocoding_error(
    server: Nominatim_, error: Exception, message: str
) -> None:
    server.answer = error
    with pytest.raises(GeocodingError, match=message):
        geocode("Reykjavik")
