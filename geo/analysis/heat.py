"""A heat map of a meeting objective over the whole globe, for pictures.

``max`` is the longest trip of any party (the minimax objective), ``total`` the weighted total
of the trips (minsum), ``split`` the share of the trip from the first of two parties (0.5 is
equal distance). Each value is an exact WGS84 geodesic computation at the centre of a cell of
a regular longitude/latitude grid (1° for up to 5 parties, 2° for more); a picture colours the
cells between those points, which is the only approximation (the colours are a picture: the
numbers the product quotes come from the rules themselves).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from pyproj import Geod

from geo.analysis.check import PlaceRef
from geo.analysis.scoring import check_party_count, validate_weights
from geo.errors import InvalidInputError
from geo.places.gazetteer import Place

FloatArray = npt.NDArray[np.float64]
HEAT_KINDS = ("max", "total", "split")
UNITS = {"max": "km", "total": "km", "split": "share"}
_GEOD = Geod(ellps="WGS84")


@dataclass(frozen=True, eq=False)
class Heat:
    """Values of an objective at cell centres.

    Attributes
    ----------
    kind : str
        One of :data:`HEAT_KINDS`.
    label : str
        What the colours show, for a legend ("longest trip of any party, km").
    lats, lons : ndarray
        Cell centres, degrees: ``lats`` south to north, ``lons`` west to east from -180.
    values : ndarray
        Shape (len(lats), len(lons)): km for ``max`` and ``total``, a fraction for ``split``.
    step_deg : float
    """

    kind: str
    label: str
    lats: FloatArray
    lons: FloatArray
    values: FloatArray
    step_deg: float


def heat_grid(
    parties: Sequence[Place | PlaceRef], kind: str = "max", weights: Sequence[float] | None = None
) -> Heat:
    """The objective ``kind`` at the centre of every cell of a global grid.

    Examples
    --------
    >>> from geo.places.resolve import resolve
    >>> h = heat_grid([resolve("Washington"), resolve("Beijing")], "split")
    >>> h.values.shape, round(float(h.values.min()), 2) >= 0, h.step_deg
    ((180, 360), True, 1.0)
    """
    if kind not in HEAT_KINDS:
        raise InvalidInputError(f"unknown heat map {kind!r}; choose {', '.join(HEAT_KINDS)}")
    refs = [p if isinstance(p, PlaceRef) else PlaceRef.of(p) for p in parties]
    check_party_count(len(refs))
    if kind == "split" and len(refs) != 2:
        raise InvalidInputError(f"the split heat map is for exactly 2 parties, not {len(refs)}")
    w = validate_weights(weights, len(refs))
    step = 1.0 if len(refs) <= 5 else 2.0
    lats = np.arange(-90.0 + step / 2, 90.0, step)
    lons = np.arange(-180.0 + step / 2, 180.0, step)
    la, lo = np.meshgrid(lats, lons, indexing="ij")
    n = la.size
    d = np.empty((n, len(refs)))
    for k, p in enumerate(refs):
        _, _, metres = _GEOD.inv(lo.ravel(), la.ravel(), np.full(n, p.lon), np.full(n, p.lat))
        d[:, k] = np.asarray(metres) / 1000.0
    if kind == "max":
        values, label = d[:, w > 0].max(axis=1), "longest trip of any party, km"
    elif kind == "total":
        values, label = d @ w, "weighted total of the trips, km"
    else:
        values = d[:, 0] / (d[:, 0] + d[:, 1])
        label = f"share of the trip from {refs[0].name} (0.5 = equal distance)"
    return Heat(kind, label, lats, lons, values.reshape(la.shape), step)
