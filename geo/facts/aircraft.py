"""Long-range government aircraft and their published ranges (``data/aircraft.csv``).

A handful of aircraft that heads of state and government fly to summits, each with a
published maximum range and its source (``data/README.md``). :func:`find_aircraft` accepts an
id (``vc-25a``), a name (``"Boeing VC-25A"``) or an unambiguous part of one (``"VC-25A"``,
``"Chammae"``), ignoring case and punctuation.

A leg is flown **non-stop** when its geodesic distance is at most the aircraft's range.
Published ranges assume a typical payload, still air and the reserves of the manufacturer's
mission rules; real routes are a few percent longer than the geodesic and winds change the
picture, so a leg within a few hundred kilometres of the range is marginal.

Examples
--------
>>> a = find_aircraft("VC-25A")
>>> a.id, a.range_km, a.can_fly(11170.672)
('vc-25a', 12553.0, True)
>>> find_aircraft("Il-62M").can_fly(11170.672)
False
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from geo.errors import DataError, InvalidInputError
from geo.places.gazetteer import normalize_name, read_rows

__all__ = ["AIRCRAFT_FILE", "Aircraft", "find_aircraft", "load_aircraft"]

AIRCRAFT_FILE = "aircraft.csv"
MAX_QUERY_CHARS = 100


@dataclass(frozen=True)
class Aircraft:
    """A row of ``aircraft.csv``.

    Attributes
    ----------
    id : str
        Short key (``vc-25a``).
    name : str
        Type and, where it matters, whose aircraft it is.
    operators : str
    range_km : float
        Published maximum range converted to km (statute miles × 1.609344, nautical miles × 1.852).
    range_published : str
        The figure as the source gives it.
    source_url : str
    note : str
    """

    id: str
    name: str
    operators: str
    range_km: float
    range_published: str
    source_url: str
    note: str

    def can_fly(self, distance_km: float) -> bool:
        """Whether a leg of ``distance_km`` (geodesic, km) is within the published range."""
        return distance_km <= self.range_km


@functools.cache
def load_aircraft() -> tuple[Aircraft, ...]:
    """Every aircraft of ``aircraft.csv``, in file order (read once per process)."""
    rows = list(read_rows(AIRCRAFT_FILE, remedy=None))  # hand-curated: nothing to rebuild it with
    out = []
    for line, row in enumerate(rows, start=2):
        try:
            range_km = float(row["range_km"])
        except (TypeError, ValueError):
            raise DataError(
                f"{AIRCRAFT_FILE} line {line}: range_km {row.get('range_km')!r} is not a number"
            ) from None
        if not 0 < range_km < 25_000:
            raise DataError(f"{AIRCRAFT_FILE} line {line}: range_km {range_km:g} is implausible")
        out.append(
            Aircraft(
                row["id"],
                row["name"],
                row["operators"],
                range_km,
                row["range_published"],
                row["source_url"],
                row["note"],
            )
        )
    return tuple(out)


def find_aircraft(query: str) -> Aircraft:
    """The aircraft an id, a name or an unambiguous part of a name designates.

    Raises
    ------
    InvalidInputError
        Nothing matches, or several aircraft do; the message lists the ids to choose from.

    Examples
    --------
    >>> find_aircraft("il-96-300PU").name
    'Ilyushin Il-96-300PU'
    >>> find_aircraft("Tupolev")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    geo.errors.InvalidInputError: unknown aircraft 'Tupolev'; choose one of vc-25a, 747-8i, ..., il-62m
    """
    text = query.strip()[:MAX_QUERY_CHARS] if isinstance(query, str) else ""
    fleet = load_aircraft()
    choices = ", ".join(a.id for a in fleet)
    key = normalize_name(text)
    if not key:
        raise InvalidInputError(f"aircraft {query!r} is empty; choose one of {choices}")
    for a in fleet:
        if key in (normalize_name(a.id), normalize_name(a.name)):
            return a
    partial = [a for a in fleet if key in normalize_name(f"{a.id} {a.name} {a.operators}")]
    if len(partial) == 1:
        return partial[0]
    if partial:
        names = ", ".join(a.id for a in partial)
        raise InvalidInputError(f"aircraft {text!r} is ambiguous: {names}; give the id")
    raise InvalidInputError(f"unknown aircraft {text!r}; choose one of {choices}")
