"""JSON for every result, produced in this one place.

Result objects are frozen dataclasses; :func:`to_jsonable` turns them (and tuples, lists,
dicts and floats inside them) into plain JSON values. Non-finite floats become ``null``;
floats keep full precision, so the numbers can be checked against GeographicLib.

:func:`dumps` returns one string; :func:`iter_json` yields the same text piece by piece, one
item of a long list at a time, so a comparison of a million venues is written with memory for
one venue, not for the whole document (and about five times faster: flat items such as a
venue's scores are formatted directly instead of through the standard library's pure-Python
indenting encoder).
"""

from __future__ import annotations

import dataclasses
import json
import math
from collections.abc import Callable, Iterator, Sequence
from typing import Any

INDENT = "  "
_FLAT_FIELDS: dict[type, tuple[str, ...]] = {}  # dataclass -> its field names (dataclasses.fields is slow)
_encode_str: Callable[[str], str] = json.encoder.encode_basestring


def to_jsonable(obj: Any) -> Any:
    """Convert a result to JSON-compatible values.

    Examples
    --------
    >>> from geo.analysis.check import Coordinates
    >>> to_jsonable({"midpoint": Coordinates(81.9, -156.9), "split": (0.46, 0.54), "x": float("nan")})
    {'midpoint': {'lat': 81.9, 'lon': -156.9}, 'split': [0.46, 0.54], 'x': None}
    """
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_jsonable(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, dict):
        return {str(k): to_jsonable(v) for k, v in obj.items()}
    if isinstance(obj, Sequence) and not isinstance(obj, str | bytes):  # lists, tuples, RankedVenues
        return [to_jsonable(v) for v in obj]
    if isinstance(obj, float):
        return obj if math.isfinite(obj) else None
    if hasattr(obj, "item") and callable(obj.item):  # numpy scalars
        return to_jsonable(obj.item())
    return obj


def dumps(obj: Any) -> str:
    """One JSON document, UTF-8 friendly (names keep their accents)."""
    return json.dumps(to_jsonable(obj), ensure_ascii=False, indent=2, allow_nan=False)


def iter_json(obj: Any) -> Iterator[str]:
    """The text of :func:`dumps`, piece by piece (``"".join(iter_json(x)) == dumps(x)``).

    Dataclasses, dicts, lists and tuples are walked one member at a time; anything else is
    encoded as :func:`dumps` would, indented to its depth. Strings never hold a raw newline in
    JSON, so every newline of an encoded member is structure and can take the indentation.

    Examples
    --------
    >>> from geo.analysis.check import Coordinates
    >>> doc = {"points": [Coordinates(1.5, 2.0)], "note": "Höfði", "empty": [], "x": float("inf")}
    >>> "".join(iter_json(doc)) == dumps(doc)
    True
    """
    yield from _chunks(obj, 0)


def _chunks(obj: Any, level: int) -> Iterator[str]:
    pad, inner = INDENT * level, INDENT * (level + 1)
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        flat = _flat(obj, level)
        if flat is not None:
            yield flat
            return
        items: Any = ((f.name, getattr(obj, f.name)) for f in dataclasses.fields(obj))
    elif isinstance(obj, dict):
        items = ((str(k), v) for k, v in obj.items())
    elif isinstance(obj, Sequence) and not isinstance(obj, str | bytes):
        if not obj:
            yield "[]"
            return
        for i, value in enumerate(obj):
            yield ("[\n" if i == 0 else ",\n") + inner
            yield from _chunks(value, level + 1)
        yield "\n" + pad + "]"
        return
    else:
        text = json.dumps(to_jsonable(obj), ensure_ascii=False, indent=2, allow_nan=False)
        yield text.replace("\n", "\n" + pad) if level and "\n" in text else text
        return
    first = True
    for key, value in items:
        yield ("{\n" if first else ",\n") + inner + _encode_str(key) + ": "
        yield from _chunks(value, level + 1)
        first = False
    yield "{}" if first else "\n" + pad + "}"


def _flat(obj: Any, level: int) -> str | None:
    """A dataclass whose fields are all numbers, strings, ``None``, booleans or tuples of floats,
    formatted exactly as :func:`dumps` would at this depth; ``None`` if it has other fields."""
    cls = type(obj)
    names = _FLAT_FIELDS.get(cls)
    if names is None:
        names = _FLAT_FIELDS[cls] = tuple(f.name for f in dataclasses.fields(obj))
    pad, inner, inner2 = INDENT * level, INDENT * (level + 1), INDENT * (level + 2)
    sep = ",\n" + inner2
    parts = []
    for name in names:
        value = getattr(obj, name)
        kind = type(value)
        if kind is float:
            text = repr(value) if math.isfinite(value) else "null"
        elif kind is str:
            text = _encode_str(value)
        elif value is None:
            text = "null"
        elif kind is bool:
            text = "true" if value else "false"
        elif kind is int:
            text = repr(value)
        elif kind is tuple:
            if not value:
                text = "[]"
            elif all(type(x) is float for x in value):
                cells = [repr(x) if math.isfinite(x) else "null" for x in value]
                text = "[\n" + inner2 + sep.join(cells) + "\n" + inner + "]"
            else:
                return None
        else:
            return None
        parts.append(inner + _encode_str(name) + ": " + text)
    return "{\n" + ",\n".join(parts) + "\n" + pad + "}" if parts else "{}"


def write_json(obj: Any, write: Callable[[str], object], *, buffer_chars: int = 1 << 20) -> None:
    """Write the text of :func:`dumps` with ``write``, in pieces of about ``buffer_chars`` characters."""
    pending: list[str] = []
    size = 0
    for chunk in iter_json(obj):
        pending.append(chunk)
        size += len(chunk)
        if size >= buffer_chars:
            write("".join(pending))
            pending, size = [], 0
    if pending:
        write("".join(pending))
