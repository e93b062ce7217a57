"""One tree of errors for the whole package.

Every error the library raises on bad input derives from :class:`GeoError` and also from
the builtin that fits (``ValueError`` for malformed values, ``LookupError`` for names that
are not found), so callers can catch either. The CLI turns any :class:`GeoError` into one
line on stderr and exit status 2.
"""

from __future__ import annotations


class GeoError(Exception):
    """Base class of every error raised by ``geo`` on bad input or impossible requests."""


class InvalidCoordinatesError(GeoError, ValueError):
    """A latitude or longitude is not a finite number within its range."""


class InvalidInputError(GeoError, ValueError):
    """A string or argument is empty, too long, or has the wrong shape."""


class NoPathError(InvalidInputError):
    """No path meets the constraints (e.g. a party inside a country whose airspace is avoided)."""


class UnknownPlaceError(GeoError, LookupError):
    """A place name or code is not in the gazetteer.

    Parameters
    ----------
    query : str
        What the user typed.
    suggestions : sequence of str
        Up to three close names, best first.
    """

    def __init__(self, query: str, suggestions: tuple[str, ...] = ()) -> None:
        self.query = query
        self.suggestions = tuple(suggestions)
        message = f"unknown place {query!r}"
        if self.suggestions:
            quoted = [repr(s) for s in self.suggestions]  # quoted: each label has commas of its own
            choices = quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]
            message += f"; did you mean {choices}?"
        else:
            message += "; try a capital, a city, an IATA/ICAO code or 'lat,lon'"
        super().__init__(message)


class DegenerateGeodesicError(GeoError, ValueError):
    """Two points have no unique shortest path (they coincide or are nearly antipodal)."""


class GeocodingError(GeoError, RuntimeError):
    """Online geocoding was requested but failed (network, timeout or no result)."""


class DataError(GeoError, RuntimeError):
    """The embedded data files are missing or malformed."""
