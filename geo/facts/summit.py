"""Summit realities: host country and neutrality, body clocks, flight times, range, airspace.

Distance is only the start of choosing a summit venue. For a venue and its parties this
module gathers, offline:

* the **host country** of each place (:mod:`geo.facts.countries`: Natural Earth 1:10m polygons,
  with the nearest country within 25 km for coastal points and reclaimed land), and whether
  the venue is **neutral**: its country and that country's sovereign are none of the parties'
  (so Hong Kong is not neutral for Beijing, nor Greenland for Copenhagen);
* the **time zone** of each place and its UTC offset on a date (:mod:`geo.facts.timezones`), and
  each delegation's **clock shift** ``venue offset − party offset`` in hours (positive: the
  venue's clocks are ahead, the delegation flies "east" in body-clock terms);
* each party's **flight time** with the compare model (:func:`geo.core.flight.flight_hours`:
  500 mph block speed plus 30 min) and, given an aircraft (:mod:`geo.facts.aircraft`), whether the
  leg is within its published range (**non-stop**);
* the countries each party's geodesic to the venue **overflies**, in path order
  (:func:`geo.facts.countries.overflown`; land territory only).

Results are frozen dataclasses (:class:`SummitFacts`, :class:`VenueFacts`,
:class:`PartyFacts`); :func:`geo.analysis.check.with_facts` and :func:`geo.analysis.scoring.with_facts` put
them into the check and compare results, whose JSON then carries them.

Examples
--------
>>> import datetime as dt
>>> from geo.places.resolve import resolve
>>> f = summit_facts(resolve("Anchorage"), [resolve("Washington"), resolve("Beijing")],
...                  on_date=dt.date(2021, 3, 18))
>>> f.venue.country, f.venue.utc_offset_hours, f.neutral
('US', -8.0, False)
>>> [(p.country, p.clock_shift_hours, round(p.flight_hours, 1), p.overflies) for p in f.parties]
[('US', -4.0, 7.2, ('US', 'CA', 'US', 'CA', 'US')), ('CN', -16.0, 8.5, ('CN', 'RU', 'US'))]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from geo.core.geodesy import LatLon, Located
from geo.errors import DegenerateGeodesicError, InvalidInputError
from geo.facts.aircraft import Aircraft, find_aircraft

__all__ = [
    "MAX_FACT_VENUES",
    "MAX_OVERFLIGHT_LEGS",
    "PartyFacts",
    "SummitFacts",
    "VenueFacts",
    "aircraft_for_parties",
    "facts_for_venues",
    "summit_facts",
]

MAX_OVERFLIGHT_LEGS = 400  # party→venue paths intersected per call (about 4 ms each); later ones: None
MAX_FACT_VENUES = 1000  # compared venues that get summit facts (best first; ~0.1 ms each without paths)


@dataclass(frozen=True)
class VenueFacts:
    """Where the venue is, politically and on the clock.

    Attributes
    ----------
    name : str
    country, country_name : str or None
        ISO 3166-1 alpha-2 code and name of the host country; ``None`` at sea.
    sovereign : str or None
        ISO code of the host's sovereign state (``CN`` for Hong Kong).
    country_distance_km : float or None
        0 when a country polygon contains the venue; the distance to the nearest one (≤ 25 km)
        for coastal points and reclaimed land; ``None`` when the country came from the
        gazetteer or is unknown.
    timezone : str
        IANA zone (``Etc/GMT±N`` at sea).
    utc_offset_hours : float
        Hours ahead of UTC on the date of the facts.
    neutral : bool
        True when neither the country nor its sovereign is any party's country or sovereign.
    """

    name: str
    country: str | None
    country_name: str | None
    sovereign: str | None
    country_distance_km: float | None
    timezone: str
    utc_offset_hours: float
    neutral: bool


@dataclass(frozen=True)
class PartyFacts:
    """One delegation's trip to the venue.

    Attributes
    ----------
    name : str
    country, country_name, sovereign : str or None
        As for :class:`VenueFacts`.
    timezone : str
    utc_offset_hours : float
        The party's offset on the date of the facts.
    clock_shift_hours : float
        Venue offset minus party offset: how far the delegation's clocks move.
    distance_km : float
        WGS84 geodesic to the venue.
    flight_hours : float
        Estimated flight time (:func:`geo.core.flight.flight_hours`, the compare model).
    overflies : tuple of str or None
        Countries under the geodesic, departure first and the host last (ISO codes, in path
        order); ``None`` when the path is undefined (nearly antipodal places) or was not
        computed (more than :data:`MAX_OVERFLIGHT_LEGS` paths in one call).
    aircraft : str or None
        Id of the aircraft checked (see :mod:`geo.facts.aircraft`).
    aircraft_range_km : float or None
    nonstop : bool or None
        Whether ``distance_km`` is within the aircraft's range; ``None`` without an aircraft.
    one_stop : str or None
        For a leg beyond range: the airport of the best single refuelling stop ("Churchill
        (YYQ)"), or ``""`` when no single stop suffices; ``None`` when not searched (see
        :func:`geo.analysis.route.add_stop_examples`).
    """

    name: str
    country: str | None
    country_name: str | None
    sovereign: str | None
    timezone: str
    utc_offset_hours: float
    clock_shift_hours: float
    distance_km: float
    flight_hours: float
    overflies: tuple[str, ...] | None
    aircraft: str | None
    aircraft_range_km: float | None
    nonstop: bool | None
    one_stop: str | None = None


@dataclass(frozen=True)
class SummitFacts:
    """The facts of one venue for its parties, on one date."""

    date: str
    venue: VenueFacts
    parties: tuple[PartyFacts, ...]

    @property
    def neutral(self) -> bool:
        return self.venue.neutral


@dataclass(frozen=True)
class _Where:
    country: str | None
    country_name: str | None
    sovereign: str | None
    distance_km: float | None
    timezone: str

    @property
    def states(self) -> frozenset[str]:
        return frozenset(c for c in (self.country, self.sovereign) if c)


def aircraft_for_parties(
    aircraft: Aircraft | str | Sequence[Aircraft | str | None] | None, n_parties: int
) -> tuple[Aircraft | None, ...]:
    """One aircraft per party: ``None``, one aircraft for everyone, or one per party.

    In a list of one per party, ``None`` leaves that party without a range check.

    Raises
    ------
    InvalidInputError
        Unknown aircraft, or a count other than 1 or ``n_parties``.

    Examples
    --------
    >>> [a.id for a in aircraft_for_parties(["vc-25a", "747-400"], 2)]
    ['vc-25a', '747-400']
    >>> [a.id for a in aircraft_for_parties("il-62m", 3)]
    ['il-62m', 'il-62m', 'il-62m']
    >>> [a and a.id for a in aircraft_for_parties([None, "vc-25a"], 2)]
    [None, 'vc-25a']
    """
    if aircraft is None:
        return (None,) * n_parties
    items = [aircraft] if isinstance(aircraft, Aircraft | str) else list(aircraft)
    fleet = [a if isinstance(a, Aircraft) or a is None else find_aircraft(a) for a in items]
    if len(fleet) == 1:
        return (fleet[0],) * n_parties
    if len(fleet) != n_parties:
        raise InvalidInputError(
            f"got {len(fleet)} aircraft for {n_parties} parties; give one for all or one per party"
        )
    return tuple(fleet)


def _where_many(places: Sequence[Located]) -> list[_Where]:
    from geo.facts.countries import countries_at
    from geo.facts.timezones import timezone_at
    from geo.places.gazetteer import load_gazetteer

    names = load_gazetteer().countries
    found, km = countries_at([p.lat for p in places], [p.lon for p in places])
    out = []
    for place, country, distance in zip(places, found, km.tolist(), strict=True):
        code: str | None
        name: str | None
        dist: float | None
        listed = getattr(place, "country", None) or None  # the gazetteer's country, if any
        if country is not None and (distance == 0.0 or not listed):
            # inside a polygon, or near one (≤ 25 km) and the place has no country of its own
            code, sovereign, dist = country.iso_a2, country.sovereign, float(distance)
            name = names.get(code, country.name) if code else country.name
        else:  # outside every polygon, a gazetteer place keeps its own country (the Matsu airports
            # are Taiwan's although China's coast is nearer); else there is none (at sea)
            code, sovereign, dist = listed, _sovereign_of(listed), None
            name = names.get(code, code) if code else None
        out.append(_Where(code, name, sovereign, dist, timezone_at(place.lat, place.lon)))
    return out


def _sovereign_of(code: str | None) -> str | None:
    if not code:
        return None
    from geo.facts.countries import load_countries

    country = load_countries().by_code(code)
    return country.sovereign if country is not None else code


def _offset(timezone: str, on: dt.date, cache: dict[str, float]) -> float:
    from geo.facts.timezones import utc_offset_hours

    if timezone not in cache:
        cache[timezone] = utc_offset_hours(timezone, on)
    return cache[timezone]


def facts_for_venues(
    venues: Sequence[Located],
    parties: Sequence[Located],
    *,
    on_date: dt.date | None = None,
    aircraft: Aircraft | str | Sequence[Aircraft | str | None] | None = None,
    max_overflight_legs: int = MAX_OVERFLIGHT_LEGS,
) -> list[SummitFacts]:
    """:class:`SummitFacts` of many venues for the same parties (countries found vectorized).

    Parameters
    ----------
    venues, parties : sequences of objects with ``name``, ``lat``, ``lon``
        Degrees WGS84. At least one party.
    on_date : datetime.date, optional
        Date of the UTC offsets; default today (local date of this machine).
    aircraft : Aircraft, str or sequence of them, optional
        One aircraft for every party or one per party (ids or names, see
        :func:`geo.facts.aircraft.find_aircraft`); without it ``nonstop`` is ``None``.
    max_overflight_legs : int
        Paths intersected with the polygons at most (venues in the given order); later legs
        get ``overflies = None``.

    Raises
    ------
    InvalidInputError
        No party, an unknown aircraft or a wrong number of aircraft.
    """
    from geo.core.flight import flight_hours
    from geo.core.geodesy import distance_km
    from geo.facts.countries import overflown

    if not parties:
        raise InvalidInputError("summit facts need at least one party")
    day = on_date or dt.date.today()
    fleet = aircraft_for_parties(aircraft, len(parties))
    where = _where_many([*parties, *venues])
    party_where, venue_where = where[: len(parties)], where[len(parties) :]
    party_states = frozenset().union(*(w.states for w in party_where))
    offsets: dict[str, float] = {}
    party_offsets = [_offset(w.timezone, day, offsets) for w in party_where]
    if not venues:
        return []
    d = np.atleast_2d(  # venues × parties, WGS84 geodesics
        distance_km(
            np.array([v.lat for v in venues])[:, None],
            np.array([v.lon for v in venues])[:, None],
            np.array([p.lat for p in parties])[None, :],
            np.array([p.lon for p in parties])[None, :],
        )
    )
    hours = flight_hours(d)
    legs_left = max_overflight_legs
    out = []
    for j, (venue, vw) in enumerate(zip(venues, venue_where, strict=True)):
        venue_offset = _offset(vw.timezone, day, offsets)
        neutral = not (vw.states & party_states)
        vf = VenueFacts(
            venue.name,
            vw.country,
            vw.country_name,
            vw.sovereign,
            vw.distance_km,
            vw.timezone,
            venue_offset,
            neutral,
        )
        party_facts = []
        for i, (party, pw) in enumerate(zip(parties, party_where, strict=True)):
            overflies: tuple[str, ...] | None = None
            if legs_left > 0:
                legs_left -= 1
                try:
                    overflies = overflown(LatLon(party.lat, party.lon), LatLon(venue.lat, venue.lon))
                except DegenerateGeodesicError:
                    overflies = None
            plane = fleet[i]
            distance = float(d[j, i])
            party_facts.append(
                PartyFacts(
                    party.name,
                    pw.country,
                    pw.country_name,
                    pw.sovereign,
                    pw.timezone,
                    party_offsets[i],
                    venue_offset - party_offsets[i],
                    distance,
                    float(hours[j, i]),
                    overflies,
                    plane.id if plane else None,
                    plane.range_km if plane else None,
                    plane.can_fly(distance) if plane else None,
                )
            )
        out.append(SummitFacts(day.isoformat(), vf, tuple(party_facts)))
    return out


def summit_facts(
    venue: Located,
    parties: Sequence[Located],
    *,
    on_date: dt.date | None = None,
    aircraft: Aircraft | str | Sequence[Aircraft | str | None] | None = None,
) -> SummitFacts:
    """Host country, neutrality, time zones, flight times, range and overflown countries.

    Parameters are those of :func:`facts_for_venues` for a single venue.

    Examples
    --------
    >>> import datetime as dt
    >>> from geo.places.resolve import resolve
    >>> f = summit_facts(resolve("Singapore"), [resolve("Pyongyang"), resolve("Washington")],
    ...                  on_date=dt.date(2018, 6, 12), aircraft=["il-62m", "vc-25a"])
    >>> f.venue.country, f.neutral, [(p.nonstop, round(p.distance_km)) for p in f.parties]
    ('SG', True, [(True, 4737), (False, 15552)])
    """
    return facts_for_venues([venue], parties, on_date=on_date, aircraft=aircraft)[0]


def same_country_parties(facts: SummitFacts) -> list[str]:
    """Names of the parties whose country or sovereign is the venue's (once each, in order)."""
    v = facts.venue
    host = {v.country, v.sovereign} - {None}
    return list(dict.fromkeys(p.name for p in facts.parties if {p.country, p.sovereign} & host))
