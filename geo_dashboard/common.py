"""Widgets and helpers shared by the dashboard's views.

Conventions for every view:

* Widget keys are short, unique across views, and bound to the URL query string
  (``bind="query-params"``), so a view can be shared and reopened as it was.
* A bad input shows an inline ``st.error`` next to its widget and the view keeps working;
  nothing raises to the top.
* Maps are shown as the same self-contained offline HTML that the download button offers
  (no CDN, no internet), inside ``st.iframe``. The HTML is deterministic, so a rerun with the
  same inputs sends the same page and the map does not remount in a loop.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import folium
import streamlit as st

from geo.analysis.scoring import validate_weights
from geo.errors import GeoError
from geo.maps.exports import MEDIA_TYPES, export_data
from geo.maps.offline_html import export_html
from geo.maps.plan import MapPlan
from geo.places.gazetteer import Gazetteer, Place, load_gazetteer
from geo.places.resolve import resolve
from geo.report.escape import md_escape

MAP_HEIGHT = 560
WEIGHT_SEPARATORS = re.compile(r"[\s,;]+")


@st.cache_resource(show_spinner=False)
def gazetteer() -> Gazetteer:
    """The embedded gazetteer, loaded once per server process."""
    return load_gazetteer()


@st.cache_data(show_spinner=False)
def place_choices() -> list[str]:
    """Capitals (by name) and large/medium airports (by IATA or ICAO code) for search lists."""
    gaz = gazetteer()
    names = sorted({p.name for p in gaz.capitals.values()})
    codes = sorted(
        f"{p.iata or p.icao} – {p.name}"
        for p in gaz.airports
        if (p.iata or p.icao) and (p.runway_m or 0) >= 2500
    )
    return names + codes


def choice_to_query(choice: str) -> str:
    """The ``resolve`` input of a search-list entry ("ANC – Ted Stevens…" -> "ANC")."""
    return choice.split(" – ", 1)[0].strip()


def show_error(message: str) -> None:
    """A one-line inline error whose text may echo user input (escaped, see :func:`md_escape`)."""
    st.error(md_escape(message), icon="⚠️")


@functools.lru_cache(maxsize=2048)
def _resolve_cached(query: str) -> Place:
    return resolve(query, gazetteer=gazetteer())


def try_resolve(query: str) -> tuple[Place | None, str | None]:
    """Resolve ``query`` as the CLI does; return (place, None) or (None, one-line error)."""
    text = query.strip()
    if not text:
        return None, "Enter a place: a name, an IATA/ICAO code, 'lat,lon' or 'Label=lat,lon'."
    try:
        return _resolve_cached(text), None
    except GeoError as exc:
        return None, str(exc)


def _take_pick(key: str) -> None:
    """Copy a search-list pick into the text box ``key`` and clear the pick (a widget callback)."""
    choice = st.session_state.get(f"{key}-pick")
    if choice:
        st.session_state[key] = choice_to_query(choice)
        st.session_state[f"{key}-pick"] = None


def place_input(
    label: str, key: str, default: str, *, help: str | None = None, search: bool = True
) -> Place | None:
    """A text box for one place (anything ``resolve`` accepts) with an inline error.

    With ``search``, a searchable list of capitals and airports below the box fills it in
    (the text box holds the value, so the URL keeps one parameter per place).
    Returns the resolved place, or None after showing the error under the box.
    """
    text = st.text_input(
        label,
        value=default,
        key=key,
        bind="query-params",
        help=help
        or "A name (Reykjavik, Peking, DC), an airport code (ANC, PANC), 'lat,lon', "
        "DMS (61°13′N 149°54′W) or 'Label=lat,lon'.",
    )
    if search:
        st.selectbox(
            f"Search capitals and airports for {label.lower()}",
            place_choices(),
            index=None,
            key=f"{key}-pick",
            placeholder="or search a capital or an airport…",
            label_visibility="collapsed",
            on_change=_take_pick,
            args=(key,),
        )
    place, error = try_resolve(text or "")
    if error:
        show_error(error)
    elif place is not None and place.note and "also matches" in place.note:
        st.caption(f"→ {md_escape(place.label)} ({md_escape(place.note)})")
    elif place is not None:
        st.caption(f"→ {md_escape(place.label)}")
    return place


def places_input(
    label: str, key: str, default: Sequence[str], *, height: int = 120
) -> list[tuple[int, str, Place | None, str | None]]:
    """A text area with one place per line. Returns (line number, text, place, error) per line.

    Errors are shown inline with their line numbers; blank lines are skipped.
    """
    text = st.text_area(label, value="\n".join(default), key=key, bind="query-params", height=height)
    rows: list[tuple[int, str, Place | None, str | None]] = []
    for number, line in enumerate((text or "").splitlines(), start=1):
        if not line.strip():
            continue
        place, error = try_resolve(line)
        rows.append((number, line.strip(), place, error))
    for number, line, _, error in rows:
        if error:
            show_error(f"line {number} ({line!r}): {error}")
    return rows


def _append_pick(key: str, target: str) -> None:
    """Add a search-list pick as the last line of the text area ``target`` (a widget callback)."""
    choice = st.session_state.get(key)
    if choice:
        lines = [line for line in str(st.session_state.get(target) or "").splitlines() if line.strip()]
        st.session_state[target] = "\n".join([*lines, choice_to_query(choice)])
        st.session_state[key] = None


def search_to_list(label: str, key: str, target: str, *, placeholder: str, help: str | None = None) -> None:
    """A searchable list of capitals and airports; each pick becomes a new line of the text area
    ``target`` (so the URL keeps one list, and Enter never picks every match at once)."""
    st.selectbox(
        label,
        place_choices(),
        index=None,
        key=key,
        placeholder=placeholder,
        help=help,
        on_change=_append_pick,
        args=(key, target),
    )


def parse_weights(text: str, n_parties: int) -> tuple[tuple[float, ...] | None, str | None]:
    """Weights typed as numbers separated by commas or spaces; empty means one each.

    Returns (weights, None) or (None, a one-line error). The rules are those of
    :func:`geo.analysis.scoring.validate_weights`.

    Examples
    --------
    >>> parse_weights("3, 1", 2)
    ((3.0, 1.0), None)
    >>> parse_weights("", 3)
    (None, None)
    >>> parse_weights("1 2", 3)[1]
    'got 2 weights for 3 parties; give one weight per party'
    >>> parse_weights("1 x", 2)[1]
    "weight 'x' is not a number"
    """
    tokens = [t for t in WEIGHT_SEPARATORS.split(text.strip()) if t]
    if not tokens:
        return None, None
    values: list[float] = []
    for token in tokens:
        try:
            values.append(float(token.replace("−", "-")))
        except ValueError:
            return None, f"weight {token[:20]!r} is not a number"
    try:
        return tuple(float(w) for w in validate_weights(values, n_parties)), None
    except GeoError as exc:
        return None, str(exc)


ZERO_WEIGHT_HELP = (
    "Weights are travellers per party: they multiply the total; a trip is as long for one "
    "traveller as for ten, so the longest and shortest trips ignore them. A party with weight 0 "
    "sends nobody: its distances are listed, but it counts in no longest, shortest, spread, "
    "fairness or total."
)


def zero_weight_note(names: Sequence[str], weights: Sequence[float] | None) -> None:
    """Say which parties send nobody (weight 0): listed, but left out of every figure."""
    idle = [n for n, w in zip(names, weights or (), strict=False) if w == 0]
    if idle:
        verb = "sends" if len(idle) == 1 else "send"
        st.info(
            md_escape(f"Weight 0: {', '.join(idle)} {verb} nobody.")
            + " Listed, but left out of the longest and shortest trip, spread, fairness and total.",
            icon="ℹ️",
        )


@dataclass(frozen=True)
class MapFiles:
    """A map as the dashboard shows and offers it: the offline page, and its plan, whose layers
    are exported as GeoJSON or KML only when asked for (a download click), not on every rerun."""

    html: str
    plan: MapPlan
    cache_key: str = ""

    @property
    def geojson(self) -> bytes:
        return _exported(self.cache_key, self.plan, ".geojson")

    @property
    def kml(self) -> bytes:
        return _exported(self.cache_key, self.plan, ".kml")


@st.cache_data(show_spinner=False, max_entries=32)
def _exported(cache_key: str, _plan: MapPlan, suffix: str) -> bytes:
    return export_data(_plan, suffix)


@st.cache_data(show_spinner=False, max_entries=64)
def _files_of(cache_key: str, _build: Callable[[], folium.Map]) -> MapFiles:
    from geo.maps.exports import plan_of

    m = _build()
    return MapFiles(export_html(m), plan_of(m), cache_key)


def map_files(cache_key: str, build: Callable[[], folium.Map]) -> MapFiles:
    """The self-contained offline page of a map and its GeoJSON and KML, cached by ``cache_key``
    (a string of the inputs)."""
    return _files_of(cache_key, build)


@st.cache_data(show_spinner=False, max_entries=64)
def _plan_of(cache_key: str, _build: Callable[[], MapPlan]) -> MapPlan:
    return _build()


def map_plan(cache_key: str, build: Callable[[], MapPlan]) -> MapPlan:
    """A map plan (what the HTML map and the print images draw), cached by ``cache_key``."""
    return _plan_of(cache_key, build)


def plan_files(cache_key: str, plan: MapPlan) -> MapFiles:
    """The offline page and the layers of a map plan, cached by ``cache_key``."""
    from geo.maps.render import render_plan

    return map_files(cache_key, lambda: render_plan(plan))


PROJECTIONS = {
    "mercator": "Web Mercator (the Leaflet map)",
    "globe": "Globe seen from above the midpoint",
    "north": "North polar (true distances from the pole)",
    "south": "South polar (true distances from the pole)",
    "aeqd": "Azimuthal equidistant on the venue (true distances)",
}
IMAGE_MIME = {"png": "image/png", "svg": "image/svg+xml", "pdf": "application/pdf"}


@st.cache_data(show_spinner=False, max_entries=32)
def _image(cache_key: str, _plan: MapPlan, projection: str, fmt: str) -> bytes:
    from geo.usecases import map_image

    return map_image(_plan, projection, fmt=fmt, dpi=200).data


def image_bytes(cache_key: str, plan: MapPlan, projection: str, fmt: str) -> bytes:
    """The print image of a plan (A4 landscape; PNG at 200 dpi), cached by key, projection, format."""
    return _image(cache_key, plan, projection, fmt)


MAX_CENTRES = 12  # places offered as centres of an azimuthal-equidistant map


def map_centres(plan: MapPlan) -> dict[str, str]:
    """The parties, venues and stops of a plan that an azimuthal-equidistant map can be centred on:
    name -> ``Name=lat,lon`` (a custom point, so the centre is exactly the marker)."""
    centres: dict[str, str] = {}
    for m in plan.markers:
        if m.kind in ("party", "venue", "stop") and not m.copy and m.name not in centres:
            centres[m.name] = f"{m.name.replace('=', ' ')}={m.lat:.6f},{m.lon_true:.6f}"
    return dict(list(centres.items())[:MAX_CENTRES])


def projection_select(key: str, centres: Sequence[str] = ()) -> str:
    """The projection selector of a view's map: it drives the interactive map and the image
    downloads alike, and is kept in the URL (``?KEY=north``, ``?KEY=aeqd:Anchorage``; the values
    are ``--projection``'s). ``centres`` are the places offered as ``aeqd:NAME``."""
    choice = st.selectbox(
        "Projection",
        [*PROJECTIONS, *(f"aeqd:{name}" for name in centres)],  # the option is the URL value
        key=key,
        bind="query-params",
        help="The projection of this map and of its images. Mercator is the Leaflet map; the "
        "others are drawn on a globe or an azimuthal disc (drag, wheel to zoom). "
        + "; ".join(f"{name}: {text}" for name, text in PROJECTIONS.items()),
    )
    return str(choice or "mercator")


@st.cache_data(show_spinner=False, max_entries=32)
def _projected(cache_key: str, _plan: MapPlan, projection: str) -> str:
    from geo.usecases import map_page

    return map_page(_plan, projection)[0]


def projected_html(cache_key: str, plan: MapPlan, projection: str) -> str:
    """The self-contained globe or azimuthal page of a plan, cached by key and projection."""
    return _projected(cache_key, plan, projection)


def show_map(
    files: MapFiles,
    *,
    file_name: str,
    height: int = MAP_HEIGHT,
    plan: MapPlan | None = None,
    cache_key: str = "",
    projection_key: str = "",
) -> None:
    """Show a self-contained map page; offer it as HTML and its layers as GeoJSON and KML; with its
    ``plan``, in the projection picked above it (``projection_key`` is that selector's widget key
    and URL parameter) and as an image for print (PNG, SVG, PDF) in the same projection."""
    stem = file_name.removesuffix(".html")
    centres = map_centres(plan) if plan is not None else {}
    choice = (
        projection_select(projection_key or f"proj-{stem}", list(centres)) if plan is not None else "mercator"
    )
    projection = f"aeqd:{centres[choice[5:]]}" if choice.startswith("aeqd:") else choice
    html, html_stem = files.html, stem
    if plan is not None and projection != "mercator":
        html, html_stem = projected_html(cache_key or stem, plan, projection), f"{stem}-{slug(choice)}"
    st.iframe(html, height=height)
    downloads: tuple[tuple[str, Any, str, str], ...] = (
        ("Download the map (HTML, works offline)", html.encode("utf-8"), ".html", "text/html"),
        ("Download the layers (GeoJSON)", lambda: files.geojson, ".geojson", MEDIA_TYPES[".geojson"]),
        ("Download the layers (KML, Google Earth)", lambda: files.kml, ".kml", MEDIA_TYPES[".kml"]),
    )
    for column, (label, data, suffix, mime) in zip(st.columns(len(downloads)), downloads, strict=True):
        with column:
            st.download_button(
                label,
                data=data,
                file_name=(html_stem if suffix == ".html" else stem) + suffix,
                mime=mime,
                key=f"download-{stem + suffix}",
                on_click="ignore",
            )
    if plan is None:
        return
    columns = st.columns(len(IMAGE_MIME))
    for column, (fmt, mime) in zip(columns, IMAGE_MIME.items(), strict=True):
        with column:
            st.download_button(
                f"Download image ({fmt.upper()})",
                data=functools.partial(image_bytes, cache_key, plan, projection, fmt),
                file_name=f"{stem}-{slug(choice)}.{fmt}",
                mime=mime,
                key=f"download-{stem}-{fmt}",
                on_click="ignore",
            )


def slug(text: str) -> str:
    """A file-name-safe form of ``text``."""
    out = "".join(c.lower() if c.isalnum() else "-" for c in text)
    return "-".join(part for part in out.split("-") if part)[:60] or "map"
