"""The flight-time model shared by ``compare``, ``best`` and the summit facts.

Kept in its own small module (numpy only) so that ``python -m geo check``, which reports
each party's flight time, does not import the scoring machinery; :mod:`geo.analysis.scoring`
re-exports everything here.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from geo.core.geodesy import COINCIDENT_TOLERANCE_KM
from geo.errors import InvalidInputError

__all__ = ["BLOCK_SPEED_KMH", "FLIGHT_OVERHEAD_HOURS", "flight_hours"]

# Flight-time model: Travelmath's rule for flight-time estimates, an average speed of 500 mph
# (804.672 km/h) plus 30 minutes for take-off and landing (described in reference.com's
# "How do you calculate flight time between cities?"). It is the simplest published model and
# it reproduces scheduled block times within about 10 %: London–New York (5,540 km) gives 7.4 h
# against 7 h east- and 8 h westbound; Washington–Beijing (11,171 km) 14.4 h against 13.5–14.5 h.
BLOCK_SPEED_KMH = 804.672  # 500 statute miles per hour, average gate-to-gate speed, km/h
FLIGHT_OVERHEAD_HOURS = 0.5  # fixed time for taxi, take-off, climb, descent and landing, hours

FloatArray = npt.NDArray[np.float64]


def flight_hours(distance_km: npt.ArrayLike) -> FloatArray:
    """Estimated flight time for a geodesic distance: block speed plus a fixed overhead.

    ``hours = distance_km / 804.672 + 0.5`` for a trip, ``0`` for a distance under 1 mm (no
    flight). 804.672 km/h is 500 mph, Travelmath's average gate-to-gate speed; the 0.5 h
    covers taxi, take-off and landing (see :data:`BLOCK_SPEED_KMH`). Winds, routing and
    connections are ignored: the estimate is within about 10 % of scheduled non-stop block
    times (more against the jet stream) and meant for comparing venues, not for timetables.

    Parameters
    ----------
    distance_km : float or array_like
        Kilometres, ≥ 0.

    Returns
    -------
    ndarray
        Hours, same shape as the input.

    Raises
    ------
    InvalidInputError
        A distance is negative or not finite.

    Examples
    --------
    >>> flight_hours([0.0, 804.672, 11170.672]).round(2).tolist()
    [0.0, 1.5, 14.38]
    """
    d = np.asarray(distance_km, dtype=np.float64)
    if not np.isfinite(d).all() or (d < 0).any():
        raise InvalidInputError("flight_hours needs finite distances ≥ 0 km")
    return np.where(d >= COINCIDENT_TOLERANCE_KM, d / BLOCK_SPEED_KMH + FLIGHT_OVERHEAD_HOURS, 0.0)
