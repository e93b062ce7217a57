"""JSON for every result, produced in this one place.

Result objects are frozen dataclasses; :func:`to_jsonable` turns them (and tuples, lists,
dicts and floats inside them) into plain JSON values. Non-finite floats become ``null``;
floats keep full precision, so the numbers can be checked against GeographicLib.
"""

from __future__ import annotations

import dataclasses
import json
import math
from typing import Any


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
    if isinstance(obj, list | tuple):
        return [to_jsonable(v) for v in obj]
    if isinstance(obj, float):
        return obj if math.isfinite(obj) else None
    if hasattr(obj, "item") and callable(obj.item):  # numpy scalars
        return to_jsonable(obj.item())
    return obj


def dumps(obj: Any) -> str:
    """One JSON document, UTF-8 friendly (names keep their accents)."""
    return json.dumps(to_jsonable(obj), ensure_ascii=False, indent=2, allow_nan=False)
