"""The "Show zones" switch of the views with a map: where would the claim be true?

For two parties the zones are the halfway, roughly-halfway and equal-distance zones of the
verdict rule; for more, the points within a few % of the minimax (or minsum) optimum
(:func:`geo.usecases.find_zones`). Tracing a zone set takes 0.3–1.5 s and locating a venue
against it about 0.5 s, so both are cached per server process with ``st.cache_resource`` (a
ZoneSet holds its rule as a closure and cannot be pickled for ``st.cache_data``), keyed on the
parties' names and coordinates, the objective, the percentage, the weights and the thresholds.
A rerun after a widget change that leaves these alone reuses them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import astuple, dataclass

import streamlit as st

from geo.analysis.check import PlaceRef, Thresholds
from geo.analysis.zones import DEFAULT_WITHIN_PCT, MAX_WITHIN_PCT, Position, ZoneSet, position
from geo.errors import GeoError
from geo.maps.plan import MapPlan
from geo.places.gazetteer import Place
from geo.report.escape import md_escape
from geo.report.zones import position_sentence, zone_lines
from geo_dashboard.common import map_plan, show_error

ZONES_HELP = (
    "Where would the claim be true? Two parties: the halfway, roughly-halfway and equal-distance "
    "zones of the verdict rule. More parties: the points whose longest trip (minimax) or total "
    "(minsum) is within a few % of the best. Kept in the URL (…=true)."
)


@dataclass(frozen=True)
class ShownZones:
    """A zone set as a view shows it, with the cache key of its inputs."""

    zones: ZoneSet
    key: str


def zones_switch(key: str, label: str = "Show zones") -> bool:
    """The switch of a view's zones, kept in the URL (``?KEY=true``)."""
    return bool(st.toggle(label, key=key, bind="query-params", help=ZONES_HELP))


def within_input(key: str) -> float:
    """The percentage of a fairness zone (above the optimum), kept in the URL (``?KEY=10``)."""
    value = st.number_input(
        "Zone: within % of the best",
        min_value=0.5,
        max_value=MAX_WITHIN_PCT,
        value=DEFAULT_WITHIN_PCT,
        step=0.5,
        key=key,
        bind="query-params",
        help="The zone holds the points whose score (longest trip or total) is at most this much "
        f"above the optimum; 0.5 to {MAX_WITHIN_PCT:g} %.",
    )
    return float(value if value is not None else DEFAULT_WITHIN_PCT)


@st.cache_resource(show_spinner=False, max_entries=32)
def _zone_set(
    key: str,
    _parties: tuple[PlaceRef, ...],
    objective: str | None,
    within_pct: float,
    weights: tuple[float, ...] | None,
    _thresholds: Thresholds | None,
) -> ZoneSet:
    from geo.usecases import find_zones

    return find_zones(_parties, objective, within_pct=within_pct, weights=weights, thresholds=_thresholds)


def zones_for(
    parties: Sequence[Place | PlaceRef],
    objective: str | None = None,
    *,
    within_pct: float = DEFAULT_WITHIN_PCT,
    weights: Sequence[float] | None = None,
    thresholds: Thresholds | None = None,
) -> ShownZones | None:
    """The zones of ``parties`` (see :func:`geo.usecases.find_zones`), cached by their inputs;
    None after a one-line inline error (coincident or nearly antipodal parties, a bad percentage)."""
    refs = tuple(p if isinstance(p, PlaceRef) else PlaceRef.of(p) for p in parties)
    halfway = objective == "halfway" or (objective is None and len(refs) == 2)
    w = None if weights is None or halfway else tuple(float(x) for x in weights)  # halfway: unweighted
    key = repr(
        (
            tuple((p.name, p.lat, p.lon) for p in refs),
            objective,
            float(within_pct),
            w,
            None if thresholds is None else astuple(thresholds),
        )
    )
    try:
        return ShownZones(_zone_set(key, refs, objective, float(within_pct), w, thresholds), key)
    except GeoError as exc:
        show_error(f"No zones: {exc}")
        return None


def fair_objective(n_parties: int, objective: str | None = None) -> str | None:
    """The zone objective of a view: halfway for two parties, else the view's own objective if it is
    minimax or minsum, else minimax (None lets :func:`geo.usecases.find_zones` pick)."""
    if n_parties == 2:
        return None
    return objective if objective in ("minimax", "minsum") else "minimax"


def with_zones(plan: MapPlan, cache_key: str, shown: ShownZones | None) -> tuple[MapPlan, str]:
    """``plan`` with the zones drawn (under everything else) and its cache key; as given without."""
    if shown is None:
        return plan, cache_key
    from geo.maps.zones import add_zones

    key = f"{cache_key}|zones:{shown.key}"
    return map_plan(key, lambda: add_zones(plan, shown.zones)), key


@st.cache_resource(show_spinner=False, max_entries=128)
def _positions(key: str, lat: float, lon: float, _zones: ZoneSet) -> tuple[Position, ...]:
    return tuple(position(z, lat, lon) for z in _zones.zones)


def positions_of(shown: ShownZones, lat: float, lon: float) -> tuple[Position, ...]:
    """Where (``lat``, ``lon``) lies relative to each zone (exact membership and distance to the
    edge, :func:`geo.analysis.zones.position`), cached by the zones' key and the point."""
    return _positions(shown.key, float(lat), float(lon), shown.zones)


def zones_sentence(name: str, lat: float, lon: float, shown: ShownZones) -> str:
    """``Zones: Anchorage is 269 km outside the halfway zone; inside …`` (plain text)."""
    return position_sentence(name, shown.zones, positions_of(shown, lat, lon))


def zone_details(shown: ShownZones) -> None:
    """Each zone's rule, area, countries and large airports, in an expander under the map."""
    with st.expander("The zones in numbers"):
        st.code("\n".join(zone_lines(shown.zones)), language=None)


def show_zones_sentence(name: str, lat: float, lon: float, shown: ShownZones) -> str:
    """Show where a venue lies relative to the zones (one Markdown line) and return the sentence."""
    text = zones_sentence(name, lat, lon, shown)
    st.markdown(md_escape(text))
    return text
