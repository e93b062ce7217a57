"""Candidate venues: read them from a CSV file, row by row, and report every bad row.

A venue file is CSV with a header row. Columns (case-insensitive, in any order):

* ``name`` – the venue's label (may be empty when ``place`` is given);
* ``lat`` and ``lon`` (also ``latitude``, ``longitude``, ``lng``) – WGS84 decimal degrees; or
* ``place`` – anything :func:`geo.places.resolve.resolve` accepts (a name, an airport code, ``lat,lon``).

When a file has both, a row uses ``lat,lon`` if they are filled and ``place`` otherwise. The
file is UTF-8 with or without a byte-order mark; the separator is a comma, or a semicolon or
tab if the header has no comma. The file is streamed: only the names and coordinates of the
good rows are kept, so a 100,000-row file needs a few megabytes.

Bad rows (unknown place, coordinates out of range or not numbers, missing fields, wrong
number of fields, bytes that are not UTF-8) do not stop the reading: each becomes a
:class:`RejectedRow` with its row number (the line number in the file; the header is line 1),
the row as it was written, and the reason. An empty file, a file with no data rows, or one
whose first line is not such a header raises :class:`~geo.errors.InvalidInputError`.
"""

from __future__ import annotations

import csv
from array import array
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from geo.core.geodesy import validate_lat_lon
from geo.errors import GeoError, InvalidInputError
from geo.places.gazetteer import Gazetteer, Place

MAX_FIELD_CHARS = 200  # longer fields are rejected before any parsing (same limit as place queries)
MAX_INPUT_ECHO_CHARS = 200  # a rejected row is echoed back at most this long
_PLACE_CACHE_LIMIT = 20_000  # distinct place strings remembered while reading one file
_MINUS_SIGNS = str.maketrans({"−": "-", "–": "-", "‐": "-"})
_HEADER_ALIASES = {
    "name": "name",
    "venue": "name",
    "lat": "lat",
    "latitude": "lat",
    "lon": "lon",
    "lng": "lon",
    "long": "lon",
    "longitude": "lon",
    "place": "place",
}

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True)
class RejectedRow:
    """A venue that could not be scored, and why.

    Attributes
    ----------
    row : int
        Line number in the venue file (the header is line 1), or the position of the
        venue among ``--venues`` arguments (from 1).
    input : str
        The row as written (fields joined by the separator), at most 200 characters.
    error : str
        One sentence: what is wrong and, where possible, the way out.
    """

    row: int
    input: str
    error: str


@dataclass(frozen=True, eq=False)
class VenueTable:
    """Venues as parallel arrays, ready for vectorized scoring.

    Attributes
    ----------
    names : tuple of str
    lats, lons : ndarray of float64
        WGS84 degrees, validated.
    rows : ndarray of int64
        Line number of each venue in its file (0 when the venue did not come from a file).
    rejected : tuple of RejectedRow
        Rows that could not be read, in file order.
    source : str
        The file name, or ``""``.
    """

    names: tuple[str, ...]
    lats: FloatArray
    lons: FloatArray
    rows: IntArray
    rejected: tuple[RejectedRow, ...] = ()
    source: str = ""

    def __len__(self) -> int:
        return len(self.names)

    @classmethod
    def of_places(cls, places: Iterable[Place]) -> VenueTable:
        """A table of already resolved places (names are the places' display names).

        Examples
        --------
        >>> t = VenueTable.of_places([Place("A", 1.0, 2.0, "custom")])
        >>> t.names, t.lats.tolist(), t.lons.tolist()
        (('A',), [1.0], [2.0])
        """
        items = list(places)
        return cls(
            tuple(p.name for p in items),
            np.array([p.lat for p in items], dtype=np.float64),
            np.array([p.lon for p in items], dtype=np.float64),
            np.zeros(len(items), dtype=np.int64),
        )


def _decoded_lines(handle: Iterable[bytes], bad_lines: dict[int, str]) -> Iterator[str]:
    """Decode a binary file line by line; lines that are not UTF-8 text are noted, not fatal.

    Lines end at LF, CRLF or a lone CR (old Mac files). A line with a NUL byte or invalid
    UTF-8 is noted in ``bad_lines`` (line number -> reason) and its row is rejected.
    """
    number = 0
    for chunk in handle:
        for raw in chunk.splitlines(keepends=True) if b"\r" in chunk.rstrip(b"\r\n") else (chunk,):
            number += 1
            if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            if b"\x00" in raw:
                bad_lines[number] = "the row contains a NUL byte (binary data)"
                raw = raw.replace(b"\x00", b"")
            try:
                yield raw.decode("utf-8")
            except UnicodeDecodeError:
                bad_lines.setdefault(number, "the row is not valid UTF-8 text")
                yield raw.decode("utf-8", errors="replace")


def _echo(fields: list[str], delimiter: str) -> str:
    text = delimiter.join(fields)
    return text if len(text) <= MAX_INPUT_ECHO_CHARS else text[: MAX_INPUT_ECHO_CHARS - 1] + "…"


def _parse_degrees(label: str, text: str) -> float:
    cleaned = text.strip().translate(_MINUS_SIGNS)
    try:
        return float(cleaned)
    except ValueError:
        raise InvalidInputError(f"{label} {text.strip()!r} is not a number in decimal degrees") from None


def _header_columns(header: list[str], path: Path) -> dict[str, int]:
    columns: dict[str, int] = {}
    for index, raw in enumerate(header):
        key = _HEADER_ALIASES.get(raw.strip().casefold())
        if key is not None:
            if key in columns:
                raise InvalidInputError(f"{path.name}: the header names column '{key}' twice")
            columns[key] = index
    has_coordinates = "lat" in columns and "lon" in columns
    if "name" not in columns or not (has_coordinates or "place" in columns):
        shown = _echo(header, ",")
        raise InvalidInputError(
            f"{path.name} is not a venue CSV file: its first line must be a header with 'name' and "
            f"either 'lat,lon' or 'place' (found {shown!r})"
        )
    if ("lat" in columns) != ("lon" in columns):
        raise InvalidInputError(f"{path.name}: the header has one of 'lat' and 'lon' but not the other")
    return columns


def read_venue_file(
    path: str | Path,
    *,
    online: bool = False,
    gazetteer: Gazetteer | None = None,
    max_rows: int | None = None,
) -> VenueTable:
    """Read a venue CSV file (see the module docstring), streaming it row by row.

    Parameters
    ----------
    path : str or Path
        The file.
    online : bool
        Let ``place`` values that the offline gazetteer lacks be geocoded online.
    gazetteer : Gazetteer, optional
        Defaults to the embedded data.
    max_rows : int, optional
        Refuse a file with more data rows than this (good and rejected ones; blank lines do not
        count), reading no further than the first row beyond it. ``None``: no limit.

    Returns
    -------
    VenueTable
        The good rows, in file order, and the rejected ones.

    Raises
    ------
    InvalidInputError
        The file is missing, empty, not CSV with the required header, has no data rows, or has
        more than ``max_rows``.

    Examples
    --------
    >>> import tempfile, os
    >>> with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False, encoding="utf-8") as f:
    ...     _ = f.write("name,lat,lon\\nHöfði,64.1475,-21.9091\\nNowhere,95,0\\n")
    >>> t = read_venue_file(f.name); os.unlink(f.name)
    >>> t.names, t.rows.tolist()
    (('Höfði',), [2])
    >>> t.rejected[0]
    RejectedRow(row=3, input='Nowhere,95,0', error='latitude 95 is out of range; it must be within [-90, 90]')
    """
    from geo.places.resolve import resolve

    path = Path(path)
    try:
        exists, is_file = path.exists(), path.is_file()
    except OSError as exc:  # a name the system refuses: "File name too long"
        raise InvalidInputError(f"cannot use venue file {str(path)!r}: {exc.strerror}") from None
    if not exists:
        raise InvalidInputError(f"venue file {str(path)!r} does not exist")
    if not is_file:
        raise InvalidInputError(f"venue file {str(path)!r} is not a file")
    names: list[str] = []
    lats, lons, rows = array("d"), array("d"), array("q")
    rejected: list[RejectedRow] = []
    place_cache: dict[str, Place | str] = {}

    def place_of(query: str) -> Place:
        cached = place_cache.get(query)
        if cached is None:
            try:
                cached = resolve(query, online=online, gazetteer=gazetteer)
            except GeoError as exc:
                cached = str(exc)
            if len(place_cache) < _PLACE_CACHE_LIMIT:
                place_cache[query] = cached
        if isinstance(cached, str):
            raise InvalidInputError(cached)
        return cached

    bad_lines: dict[int, str] = {}
    try:
        with path.open("rb") as handle:
            if b"\x00" in handle.read(4096):
                raise InvalidInputError(f"{path.name} is not a CSV text file (it contains binary data)")
            handle.seek(0)
            lines = _decoded_lines(handle, bad_lines)
            header_line, skipped = None, 0
            for candidate in lines:
                if bad_lines:
                    raise InvalidInputError(f"{path.name} is not UTF-8 text; save it as 'CSV UTF-8'")
                if candidate.strip():
                    header_line = candidate
                    break
                skipped += 1
            if header_line is None:
                raise InvalidInputError(f"venue file {path.name} is empty")
            if header_line.count('"') % 2:
                raise InvalidInputError(
                    f"the header of {path.name} has an unbalanced quote ({header_line.strip()[:80]!r}): "
                    "every row after it would be read as part of it; fix the quote"
                )
            delimiter = "," if "," in header_line else ";" if ";" in header_line else "\t"
            header = next(csv.reader([header_line], delimiter=delimiter), [])
            columns = _header_columns(header, path)
            reader = csv.reader(_chain_first(header_line, lines), delimiter=delimiter)
            next(reader)
            while True:
                first_line = reader.line_num + 1 + skipped  # a record is numbered by its first line
                try:
                    fields = next(reader)
                except StopIteration:
                    break
                except csv.Error as exc:
                    rejected.append(RejectedRow(first_line, "", f"not readable as CSV: {exc}"))
                    continue
                row, last_line = first_line, reader.line_num + skipped
                if not fields or (len(fields) == 1 and not fields[0].strip()):
                    continue  # a blank line
                if max_rows is not None and len(names) + len(rejected) >= max_rows:
                    raise InvalidInputError(
                        f"{path.name} has more than {max_rows:,} venue rows, the limit here; "
                        "split the file, or compare it with the command line (no limit)"
                    )
                if last_line > row and any("\n" in f for f in fields) and len(fields) != len(header):
                    rejected.append(RejectedRow(row, _echo(fields, delimiter)[:80], (
                        f"a quote opened on line {row} is not closed: lines {row} to {last_line} were read "
                        "as one record; fix the quote"
                    )))  # fmt: skip
                    continue
                if all(not f.strip() for f in fields):
                    rejected.append(
                        RejectedRow(row, _echo(fields, delimiter), "the row has only separators, no values")
                    )
                    continue
                try:
                    name, lat, lon = _venue_of_row(fields, header, columns, row, bad_lines, place_of)
                except GeoError as exc:
                    rejected.append(RejectedRow(row, _echo(fields, delimiter), " ".join(str(exc).split())))
                    continue
                names.append(name)
                lats.append(lat)
                lons.append(lon)
                rows.append(row)
    except OSError as exc:
        raise InvalidInputError(f"cannot read venue file {path.name}: {exc.strerror or exc}") from None
    if not names and not rejected:
        raise InvalidInputError(f"venue file {path.name} has a header but no venue rows")
    return VenueTable(
        tuple(names),
        np.frombuffer(lats, dtype=np.float64).copy(),
        np.frombuffer(lons, dtype=np.float64).copy(),
        np.frombuffer(rows, dtype=np.int64).copy(),
        tuple(rejected),
        path.name,
    )


def _chain_first(first: str, rest: Iterator[str]) -> Iterator[str]:
    yield first
    yield from rest


def _venue_of_row(
    fields: list[str],
    header: list[str],
    columns: dict[str, int],
    row: int,
    bad_lines: dict[int, str],
    place_of: Callable[[str], Place],
) -> tuple[str, float, float]:
    if row in bad_lines:
        raise InvalidInputError(bad_lines[row])
    if len(fields) != len(header):
        raise InvalidInputError(f"expected {len(header)} fields as in the header, found {len(fields)}")
    if any(len(f) > MAX_FIELD_CHARS for f in fields):
        raise InvalidInputError(f"a field is longer than {MAX_FIELD_CHARS} characters")

    def get(key: str) -> str:
        index = columns.get(key)
        return fields[index].strip() if index is not None else ""

    name, lat_text, lon_text, place = get("name"), get("lat"), get("lon"), get("place")
    if lat_text or lon_text:
        if not lat_text:
            raise InvalidInputError("missing lat")
        if not lon_text:
            raise InvalidInputError("missing lon")
        lat, lon = validate_lat_lon(_parse_degrees("lat", lat_text), _parse_degrees("lon", lon_text))
        if not name:
            name = place or f"row {row}"
        return name, lat, lon
    if place:
        resolved = place_of(place)
        return name or resolved.name, resolved.lat, resolved.lon
    if "place" in columns and "lat" in columns:
        raise InvalidInputError("missing lat,lon or place")
    raise InvalidInputError("missing place" if "place" in columns else "missing lat and lon")
