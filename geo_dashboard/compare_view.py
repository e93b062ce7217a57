"""Dashboard view "Compare venues": rank candidate venues for 2 to 20 parties.

The parties are typed one per line (or picked from the capitals and airports); the candidate
venues come from a preset list, typed lines and an uploaded CSV file, combined. Every number
comes from :func:`geo.analysis.scoring.compare` and :func:`geo.analysis.scoring.with_facts`; this module only
gathers the inputs and lays the result out as a table, a chart, a map and downloads.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import math
import re
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import streamlit as st

from geo.analysis.scoring import (
    BLOCK_SPEED_KMH,
    FLIGHT_OVERHEAD_HOURS,
    MAX_PARTIES,
    RANKINGS,
    CompareResult,
    RejectedRow,
    VenueScore,
    check_party_count,
)
from geo.errors import GeoError, InvalidInputError
from geo.facts.summit import MAX_FACT_VENUES
from geo.facts.timezones import format_offset
from geo.maps.results import plan_for_compare
from geo.places.gazetteer import Place
from geo.places.venues import VenueTable, read_venue_file
from geo.report.compare import RANK_LABELS, compare_csv
from geo.report.escape import md_escape
from geo.report.facts import nonstop_word, shift_text
from geo.report.jsonout import iter_json
from geo.usecases import compare_venues
from geo_dashboard.common import (
    ZERO_WEIGHT_HELP,
    map_plan,
    parse_weights,
    places_input,
    plan_files,
    search_to_list,
    show_error,
    show_map,
    slug,
    try_resolve,
    zero_weight_note,
)
from geo_dashboard.facts import DISPUTED_NOTE, aircraft_inputs, avoid_input, date_input, show_detours
from geo_dashboard.zones import fair_objective, with_zones, zone_details, zones_for, zones_switch

DEFAULT_PARTIES = ("Washington", "Moscow")
DEFAULT_VENUES = ("Anchorage", "Reykjavik", "Helsinki", "Geneva")
NO_PRESET = "none"
PRESETS: dict[str, tuple[str, ...]] = {
    NO_PRESET: (),
    "Cold-war summit cities": ("Anchorage", "Reykjavik", "Helsinki", "Geneva", "Vienna", "Valletta"),
    "Asia-Pacific": ("Singapore", "Hanoi", "Denpasar", "Ulaanbaatar", "Bangkok"),
    "Neutral capitals": ("Bern", "Vienna", "Helsinki", "Stockholm", "Dublin"),
}
MAX_UPLOAD_MB = 20
# Venue rows of an uploaded file: a larger one is refused with this limit stated (the CLI has
# none). A 700,000-row upload took 2.4 GB of server memory; 100,000 rows take about 300 MB more.
MAX_UPLOAD_ROWS = 100_000
TABLE_MAX_VENUES = 10_000  # the table shows the best venues only; the downloads hold all
BIG_RESULT_VENUES = 1_000  # comparisons of more venues than this: only the last two are kept in memory
SEARCH_PLACEHOLDER = "Search a capital or an airport code"
CHART_MAX_VENUES = 50  # the chart shows the best venues only; the table lists all
CHART_MAX_BARS = 400  # and fewer venues with many parties (one bar per party and venue)
MAP_MAX_VENUES = 50  # each venue draws one geodesic per party: more would make the page heavy
DEFER_DOWNLOADS_ABOVE = 500  # venues; larger CSV and JSON downloads are built on click
_SAFE_FILE_NAME = re.compile(r"[^\w.\- ]")

# 20 distinct colours, one per party (up to MAX_PARTIES), in party order: Sasha Trubetskoy's
# "20 simple, distinct colours"; the first ten differ most.
PARTY_COLORS = (
    "#4363d8", "#e6194b", "#3cb44b", "#f58231", "#911eb4", "#42d4f4", "#f032e6", "#bfef45",
    "#9a6324", "#469990", "#800000", "#000075", "#808000", "#ffe119", "#fabed4", "#ffd8b1",
    "#aaffc3", "#dcbeff", "#a9a9a9", "#000000",
)  # fmt: skip
CHART_DISTANCE, CHART_HOURS = "Distance (km)", "Flight time (h)"


@dataclass(frozen=True)
class VenueSet:
    """Candidate venues as hashable tuples (the cache key of a comparison).

    ``rows`` are line numbers in the uploaded file (0 for typed and preset venues); ``rejected``
    are the file's rows that could not be read.
    """

    names: tuple[str, ...]
    lats: tuple[float, ...]
    lons: tuple[float, ...]
    rows: tuple[int, ...]
    rejected: tuple[RejectedRow, ...] = ()

    def __len__(self) -> int:
        return len(self.names)

    def table(self) -> VenueTable:
        """The venues as the :class:`geo.places.venues.VenueTable` that
        :func:`geo.analysis.scoring.compare` scores."""
        return VenueTable(
            self.names,
            np.array(self.lats, dtype=np.float64),
            np.array(self.lons, dtype=np.float64),
            np.array(self.rows, dtype=np.int64),
            self.rejected,
        )


def json_text(result: CompareResult) -> str:
    """The JSON of a comparison, as the CLI's ``compare --json`` writes it (streamed, so a large
    result costs its text only, not a tree of dictionaries besides it)."""
    return "".join(iter_json(result))


def _count(n: int, noun: str) -> str:
    """``1 row``, ``2 rows``, ``1,000 rows``."""
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def combine_venues(places: Sequence[Place], table: VenueTable | None) -> tuple[VenueSet, list[str]]:
    """Typed/preset places, then the file's venues, with exact repeats merged.

    A venue repeats another when its name and position (to 1e-6°) are the same. Returns the
    venues and the names of the merged repeats (to tell the user: nothing is dropped silently).

    Examples
    --------
    >>> a, b = Place("A", 1.0, 2.0, "custom"), Place("B", 3.0, 4.0, "custom")
    >>> venues, merged = combine_venues([a, b, a], None)
    >>> venues.names, merged
    (('A', 'B'), ['A'])
    """
    names: list[str] = []
    lats: list[float] = []
    lons: list[float] = []
    rows: list[int] = []
    seen: set[tuple[str, float, float]] = set()
    merged: list[str] = []

    def add(name: str, lat: float, lon: float, row: int) -> None:
        key = (name, round(lat, 6), round(lon, 6))
        if key in seen:
            merged.append(name)
            return
        seen.add(key)
        names.append(name)
        lats.append(lat)
        lons.append(lon)
        rows.append(row)

    for p in places:
        add(p.name, p.lat, p.lon, 0)
    rejected: tuple[RejectedRow, ...] = ()
    if table is not None:
        for name, lat, lon, row in zip(
            table.names, table.lats.tolist(), table.lons.tolist(), table.rows.tolist(), strict=True
        ):
            add(name, lat, lon, row)
        rejected = table.rejected
    return VenueSet(tuple(names), tuple(lats), tuple(lons), tuple(rows), rejected), merged


def _safe_file_name(name: str) -> str:
    base = Path(name.replace("\\", "/")).name.strip()
    if not base or _SAFE_FILE_NAME.search(base) or base.startswith("."):
        return "uploaded.csv"
    return base[:100]


@functools.lru_cache(maxsize=2)
def read_uploaded_venues(data: bytes, file_name: str) -> tuple[VenueTable | None, str | None]:
    """Read an uploaded venue CSV (:func:`geo.places.venues.read_venue_file`) from its bytes.

    Returns (table, None), or (None, a one-line error) when the file is not a venue CSV at all
    or has more than :data:`MAX_UPLOAD_ROWS` rows.
    Bad rows do not stop the reading: they are in ``table.rejected`` with their line numbers.

    Examples
    --------
    >>> data = "name,lat,lon\\nHöfði,64.1475,-21.9091\\nX,95,0\\n".encode("utf-8")
    >>> table, error = read_uploaded_venues(data, "v.csv")
    >>> table.names, [(r.row, r.input) for r in table.rejected], error
    (('Höfði',), [(3, 'X,95,0')], None)
    >>> read_uploaded_venues(b"", "v.csv")
    (None, 'venue file v.csv is empty')
    """
    safe = _safe_file_name(file_name)
    with tempfile.TemporaryDirectory(prefix="halfway-venues-") as folder:
        path = Path(folder) / safe
        path.write_bytes(data)
        try:
            return read_venue_file(path, max_rows=MAX_UPLOAD_ROWS), None
        except GeoError as exc:
            return None, " ".join(str(exc).split())


def compared(
    parties: tuple[Place, ...],
    venues: VenueSet,
    rank_by: str,
    weights: tuple[float, ...] | None,
    day: dt.date,
    aircraft: tuple[str | None, ...] | None,
    avoid: tuple[str, ...] = (),
) -> CompareResult:
    """The ranked comparison with the summit facts of the listed venues (cached by its inputs).

    :func:`geo.usecases.compare_venues`, as the CLI's ``compare``: facts for at most
    :data:`geo.facts.summit.MAX_FACT_VENUES` venues (best first), paths around ``avoid`` for the
    first venues. The last 16 small comparisons are kept, but only the last two of more than
    :data:`BIG_RESULT_VENUES` venues (each holds its venues' scores), so the server's memory
    stays bounded whatever the sessions upload.
    """
    cached = _compared_big if len(venues) > BIG_RESULT_VENUES else _compared_small
    return cached(parties, venues, rank_by, weights, day, aircraft, avoid)


def _compare_venue_set(
    parties: tuple[Place, ...],
    venues: VenueSet,
    rank_by: str,
    weights: tuple[float, ...] | None,
    day: dt.date,
    aircraft: tuple[str | None, ...] | None,
    avoid: tuple[str, ...],
) -> CompareResult:
    return compare_venues(
        parties, venues.table(), rank_by=rank_by, weights=weights, on_date=day, aircraft=aircraft, avoid=avoid
    )


_compared_small = functools.lru_cache(maxsize=16)(_compare_venue_set)
_compared_big = functools.lru_cache(maxsize=2)(_compare_venue_set)


def party_labels(names: Sequence[str]) -> list[str]:
    """Column labels of the parties: their names, numbered where a name repeats.

    >>> party_labels(["Moscow", "Oslo", "Moscow"])
    ['Moscow', 'Oslo', 'Moscow (3)']
    """
    out: list[str] = []
    for i, name in enumerate(names, start=1):
        out.append(name if name not in out else f"{name} ({i})")
    return out


def table_rows(result: CompareResult, *, from_file: bool = False) -> list[dict[str, Any]]:
    """One row per listed venue, best first: the numbers of :class:`VenueScore`, unrounded.

    Columns: rank, venue, per party distance (km) and flight time (h), max, min, total, spread,
    fairness, for two parties detour % and split, the host country, neutral, the UTC offset
    and, per party, the clock shift and (with aircraft) non-stop; ``file row`` with a file.
    """
    labels = party_labels([p.name for p in result.parties])
    two = len(labels) == 2
    with_aircraft = any(
        p.aircraft is not None for v in result.venues[:1] if v.facts is not None for p in v.facts.parties
    )
    rows: list[dict[str, Any]] = []
    for v in result.venues:
        row: dict[str, Any] = {"rank": v.rank, "venue": v.name}
        for label, km in zip(labels, v.distances_km, strict=True):
            row[f"{label} km"] = km
        for label, hours in zip(labels, v.flight_hours, strict=True):
            row[f"{label} h"] = hours if math.isfinite(hours) else None
        row |= {
            "max km": v.max_km,
            "min km": v.min_km,
            "total km": v.sum_km,
            "spread km": v.spread_km,
            "fairness": v.fairness,
        }
        if two:
            row["detour %"] = v.detour_pct
            row["split"] = None if v.split is None else f"{100 * v.split[0]:.0f}/{100 * v.split[1]:.0f}"
        row["host"] = _host(v)
        row["neutral"] = None if v.facts is None else v.facts.neutral
        row["UTC offset"] = None if v.facts is None else format_offset(v.facts.venue.utc_offset_hours)
        facts = v.facts.parties if v.facts is not None else ()
        for i, label in enumerate(labels):
            row[f"{label} clock shift"] = shift_text(facts[i].clock_shift_hours) if facts else None
        if with_aircraft:
            for i, label in enumerate(labels):
                row[f"{label} non-stop"] = (
                    nonstop_word(facts[i]) if facts and facts[i].nonstop is not None else None
                )
        if from_file:
            row["file row"] = v.row
        rows.append(row)
    return rows


def _host(v: VenueScore) -> str | None:
    if v.facts is None:
        return None  # no facts computed (beyond the first MAX_FACT_VENUES venues)
    host = v.facts.venue
    if not host.country:
        return "at sea"
    return f"{host.country_name} ({host.country})" if host.country_name else host.country


def chart_rows(result: CompareResult, limit: int = CHART_MAX_VENUES) -> list[dict[str, Any]]:
    """Long-form rows for the grouped bar chart: one per (venue, party), best venues first.

    >>> from geo.analysis.scoring import compare
    >>> from geo.places.resolve import resolve
    >>> r = compare([resolve("Washington"), resolve("Moscow")], [resolve("Reykjavik")])
    >>> [(row["venue"], row["party"], round(row["km"])) for row in chart_rows(r)]
    [('1. Reykjavík', 'Washington, D.C.', 4525), ('1. Reykjavík', 'Moscow', 3317)]
    """
    labels = party_labels([p.name for p in result.parties])
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for order, v in enumerate(result.venues[:limit]):
        label = f"{v.rank}. {v.name}"
        if label in seen:  # two venues of the same name and rank: keep both bars apart
            label = f"{label} ({order + 1})"
        seen.add(label)
        for party, km, hours in zip(labels, v.distances_km, v.flight_hours, strict=True):
            out.append(
                {"venue": label, "order": order, "party": party, "km": km, "hours": hours, "rank": v.rank}
            )
    return out


def _parties_section() -> tuple[list[Place] | None, tuple[float, ...] | None]:
    """The parties (one per line; the search list adds lines) and their weights.

    Returns (None, None) after an inline error: a party that does not resolve, fewer than 2 or
    more than 20 parties, or weights that do not fit them.
    """
    rows = places_input(f"Parties, one per line (2 to {MAX_PARTIES})", "parties", DEFAULT_PARTIES, height=110)
    search_to_list(
        "Add a party from the capitals and airports",
        "pick",
        "parties",
        placeholder="Search a capital or an airport code",
    )
    weights_text = st.text_input(
        "Weights (travellers per party, optional)",
        value="",
        key="w",
        bind="query-params",
        placeholder="e.g. 3, 1 — one number per party; empty = 1 each",
        help=ZERO_WEIGHT_HELP,
    )
    if any(error for *_, error in rows):
        return None, None
    parties = [place for *_, place, _ in rows if place is not None]
    try:
        check_party_count(len(parties))
    except InvalidInputError as exc:
        show_error(str(exc))
        return None, None
    weights, weights_error = parse_weights(weights_text or "", len(parties))
    if weights_error:
        show_error(f"Weights: {weights_error}")
        return None, None
    names = [p.label for p in parties]
    if weights is not None:
        names = [f"{n} ×{w:g}" for n, w in zip(names, weights, strict=True)]
    st.caption("→ " + md_escape(" · ".join(names)))
    zero_weight_note([p.name for p in parties], weights)
    return parties, weights


def _venues_section() -> tuple[VenueSet, bool]:
    """Venues from the preset, the typed lines (the search list adds lines) and the uploaded file."""
    preset = st.selectbox(
        "Preset venues",
        list(PRESETS),
        index=0,
        key="preset",
        bind="query-params",
        help="A ready list of candidates, added to the ones below.",
    )
    rows = places_input("Venues, one per line", "venues", DEFAULT_VENUES, height=130)
    search_to_list(
        "Add a venue from the capitals and airports",
        "vpick",
        "venues",
        placeholder="Search a capital or an airport code",
    )
    uploaded = st.file_uploader(
        f"Or upload a CSV of venues: name + lat,lon or name + place (at most {MAX_UPLOAD_ROWS:,} rows; "
        "not kept in the page's link)",
        type=["csv", "txt"],
        key="cfile",
        max_upload_size=MAX_UPLOAD_MB,
    )
    places: list[Place] = []
    for query in PRESETS.get(preset or NO_PRESET, ()):
        place, error = try_resolve(query)
        if place is not None:
            places.append(place)
        else:  # the presets are fixed names; say so rather than hide a venue
            show_error(f"preset venue {query!r}: {error}")
    places += [place for *_, place, _ in rows if place is not None]
    table: VenueTable | None = None
    if uploaded is not None:
        table, error = read_uploaded_venues(uploaded.getvalue(), uploaded.name)
        if error:
            show_error(error)
    venues, merged = combine_venues(places, table)
    if merged:
        shown = ", ".join(dict.fromkeys(merged))
        st.caption(f"Listed twice, compared once: {md_escape(shown[:300])}")
    if table is not None:
        st.caption(
            f"{md_escape(_safe_file_name(uploaded.name if uploaded else ''))}: "
            f"{_count(len(table), 'venue')} read, {_count(len(table.rejected), 'row')} rejected."
        )
    return venues, table is not None


def _options_section() -> tuple[str, dt.date, bool]:
    """The ranking, the date of the summit facts and the neutral filter."""
    cols = st.columns([3, 1, 1])
    with cols[0]:
        rank_by = st.radio(
            "Rank by",
            RANKINGS,
            key="rank",
            bind="query-params",
            horizontal=True,
            help="; ".join(f"{r}: {label}" for r, label in RANK_LABELS.items()),
        )
    with cols[1]:
        day = date_input("date")
    with cols[2]:
        neutral_only = st.checkbox(
            "Neutral venues only",
            key="neutral",
            bind="query-params",
            help="Hide venues in a party's country (or its sovereign state's).",
        )
    return rank_by or RANKINGS[0], day, neutral_only


def explanation(rank_by: str, n_parties: int) -> str:
    """What the ranking and the columns mean, in one Markdown line."""
    line = (
        f"Ranked by **{rank_by}**: {RANK_LABELS[rank_by]}. "
        "max = longest trip, min = shortest, total = sum of trips (weighted), "
        "spread = longest − shortest, fairness = shortest / longest (1 = everyone travels as far)"
    )
    if n_parties == 2:
        line += ", detour = extra distance of A → venue → B over A → B, split = each party's share"
    return (
        line + f". Distances: WGS84 geodesics. Flight time = distance / {BLOCK_SPEED_KMH:g} km/h "
        f"(500 mph) + {60 * FLIGHT_OVERHEAD_HOURS:.0f} min, non-stop."
    )


def _column_config(columns: Sequence[str]) -> dict[str, Any]:
    config: dict[str, Any] = {"rank": st.column_config.NumberColumn("rank", format="%d")}
    for column in columns:
        if column.endswith(" km"):
            config[column] = st.column_config.NumberColumn(column, format="%.0f")
        elif column.endswith(" h"):
            config[column] = st.column_config.NumberColumn(column, format="%.1f")
    config["fairness"] = st.column_config.NumberColumn(
        "fairness", format="%.2f", help="shortest / longest trip"
    )
    config["detour %"] = st.column_config.NumberColumn(
        "detour %", format="%+.1f", help="extra distance of stopping at the venue, % of the direct trip"
    )
    config["neutral"] = st.column_config.CheckboxColumn("neutral", help="in no party's country")
    config["file row"] = st.column_config.NumberColumn("file row", format="%d")
    return config


def _chart(result: CompareResult) -> None:
    import altair as alt

    limit = min(CHART_MAX_VENUES, max(5, CHART_MAX_BARS // len(result.parties)))
    rows = chart_rows(result, limit)
    if not rows:
        return
    metric = st.radio(
        "Chart", [CHART_DISTANCE, CHART_HOURS], key="cchart", bind="query-params", horizontal=True
    )
    field, title = ("hours", "flight time, h") if metric == CHART_HOURS else ("km", "distance, km")
    order = list(dict.fromkeys(r["venue"] for r in rows))
    # horizontal grouped bars: one band per venue (best at the top), one bar per party in it;
    # the height grows with the bars (a step of 9 px per bar, less with many parties)
    step = max(3, min(9, 600 // max(1, len(rows))))
    chart = (
        alt.Chart(alt.InlineData(values=rows))
        .mark_bar()
        .encode(
            y=alt.Y("venue:N", sort=order, title=None, axis=alt.Axis(labelLimit=160)),
            yOffset=alt.YOffset("party:N"),
            x=alt.X(f"{field}:Q", title=title),
            color=alt.Color(
                "party:N",
                title="party",
                sort=list(dict.fromkeys(r["party"] for r in rows)),
                scale=alt.Scale(range=list(PARTY_COLORS)),
                legend=alt.Legend(orient="bottom", columns=2),
            ),
            tooltip=[
                alt.Tooltip("venue:N"),
                alt.Tooltip("party:N"),
                alt.Tooltip("km:Q", format=",.0f", title="km"),
                alt.Tooltip("hours:Q", format=".1f", title="flight h"),
            ],
        )
        .properties(height=alt.Step(step))
    )
    st.altair_chart(chart, width="stretch")
    if len(result.venues) > limit:
        st.caption(f"The chart shows the best {limit} venues; {_table_lists(len(result.venues))}.")


def _table_lists(n: int) -> str:
    """What the table lists of ``n`` venues, for the captions of the chart and the map."""
    return "the table lists all" if n <= TABLE_MAX_VENUES else "the downloads hold all"


def _rejected_table(rejected: Sequence[RejectedRow]) -> None:
    if not rejected:
        return
    st.warning(
        f"{_count(len(rejected), 'row')} of the uploaded file could not be compared; each is listed with "
        "its line number (the header is line 1).",
        icon="⚠️",
    )
    st.dataframe(
        [{"row": r.row, "input": r.input, "error": r.error} for r in rejected],
        hide_index=True,
        width="stretch",
        column_config={"row": st.column_config.NumberColumn("row", format="%d")},
    )


def _map_key(result: CompareResult, aircraft: tuple[str | None, ...] | None) -> str:
    parts = [
        result.rank_by,
        repr(result.weights),
        str(result.date),
        repr(aircraft),
        repr(next((v.detours[0].avoided for v in result.venues if v.detours), ())),  # paths around airspace
        *(f"{p.name}@{p.lat!r},{p.lon!r}" for p in result.parties),
        *(f"{v.rank}:{v.name}@{v.lat!r},{v.lon!r}" for v in result.venues),
    ]
    return "compare:" + hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


def render() -> None:
    """Draw the view."""
    st.subheader("Compare venues")
    st.caption(
        "Which candidate venue is fairest for 2 to 20 parties? Every distance is a WGS84 geodesic; "
        "the table sorts by any column (click its header)."
    )
    left, right = st.columns(2)
    with left:
        parties, weights = _parties_section()
    with right:
        venues, from_file = _venues_section()
    rank_by, day, neutral_only = _options_section()
    if parties is None:
        st.info("Fix the parties or their weights above to see the ranking.")
        return
    with st.expander("Aircraft (non-stop check) and airspace to avoid"):
        aircraft = aircraft_inputs([p.name for p in parties], "ac")
        avoid, _ = avoid_input("cmav")
    _rejected_table(venues.rejected)
    if len(venues) == 0:
        st.info("Add at least one venue: a preset, a line above or a CSV file.")
        return
    if rank_by == "detour" and len(parties) != 2:
        st.error(
            f"Ranking by detour needs exactly two parties, not {len(parties)}: ranked by minimax instead.",
            icon="⚠️",
        )
        rank_by = "minimax"
    try:
        result = compared(tuple(parties), venues, rank_by, weights, day, aircraft, avoid)
    except GeoError as exc:  # e.g. the detour is undefined for two antipodal parties
        show_error(f"{str(exc).removesuffix('.')}. The table below is ranked by minimax.")
        rank_by = "minimax"
        result = compared(tuple(parties), venues, rank_by, weights, day, aircraft, avoid)

    shown = result
    if neutral_only:
        kept = tuple(v for v in result.venues if v.facts is not None and v.facts.neutral)
        shown = dataclasses.replace(result, venues=kept)
        not_neutral = sum(1 for v in result.venues if v.facts is not None and not v.facts.neutral)
        note = f"Neutral venues only: {not_neutral:,} in a party's country hidden"
        unknown = sum(1 for v in result.venues if v.facts is None)
        if unknown:
            note += (
                f", and {unknown:,} more hidden because summit facts are computed for the best "
                f"{MAX_FACT_VENUES:,} venues only"
            )
        st.caption(md_escape(note) + ".")
    st.markdown(explanation(rank_by, len(parties)))
    if not shown.venues:
        st.info("No neutral venue among the candidates: untick “Neutral venues only” to see them all.")
        return
    listed = shown
    if len(shown.venues) > TABLE_MAX_VENUES:  # a table of 100,000 rows would take the server's memory
        listed = dataclasses.replace(shown, venues=shown.venues[:TABLE_MAX_VENUES])
    rows = table_rows(listed, from_file=from_file)
    st.dataframe(rows, hide_index=True, width="stretch", column_config=_column_config(list(rows[0])))
    del rows
    if len(listed.venues) < len(shown.venues):
        st.caption(
            f"The table lists the best {len(listed.venues):,} of {len(shown.venues):,} venues; "
            "the downloads below hold all of them."
        )
    st.caption(f"Summit facts on {result.date}. " + DISPUTED_NOTE)
    planned = [d for v in shown.venues for d in v.detours]
    if planned:
        show_detours(planned)
        n = sum(1 for v in shown.venues if v.detours)
        if n < len(shown.venues):
            st.caption(f"Paths around the airspace are planned for the first {n} venues.")

    chart_col, map_col = st.columns([2, 3])
    with chart_col:
        _chart(shown)
    with map_col:
        on_map = dataclasses.replace(shown, venues=shown.venues[:MAP_MAX_VENUES])
        key = _map_key(on_map, aircraft)
        plan = map_plan(key, lambda: plan_for_compare(on_map, range_rings=aircraft is not None))
        zones = None
        if zones_switch("czones"):  # two parties: the halfway zones; more: the ranking's 5 % zone
            zones = zones_for(parties, fair_objective(len(parties), rank_by), weights=weights)
        plan, key = with_zones(plan, key, zones)
        stem = "compare-" + slug("-".join(p.name for p in parties))
        show_map(
            plan_files(key, plan), file_name=f"{stem}.html", plan=plan, cache_key=key, projection_key="cproj"
        )
        if zones is not None:
            zone_details(zones)
        if len(shown.venues) > MAP_MAX_VENUES:
            st.caption(f"The map shows the best {MAP_MAX_VENUES} venues; {_table_lists(len(shown.venues))}.")
    # A large result is turned into CSV and JSON only when its button is clicked (JSON of 10,000
    # venues with their facts is 9 MB and takes half a second): small ones are ready at once.
    deferred = len(shown.venues) > DEFER_DOWNLOADS_ABOVE
    cols = st.columns(2)
    cols[0].download_button(
        "Download the table (CSV)",
        data=(lambda: compare_csv(shown)) if deferred else compare_csv(shown).encode("utf-8"),
        file_name=f"{stem}.csv",
        mime="text/csv",
        key="download-compare-csv",
        on_click="ignore",
    )
    cols[1].download_button(
        "Download the result (JSON)",
        data=(lambda: json_text(shown)) if deferred else json_text(shown).encode("utf-8"),
        file_name=f"{stem}.json",
        mime="application/json",
        key="download-compare-json",
        on_click="ignore",
    )
