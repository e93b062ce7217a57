"""How many parties a question may have: one definition for the core, the CLI and the dashboard.

Light on purpose (no numpy): the CLI checks its arguments with it before anything heavy loads.
"""

from __future__ import annotations

from geo.errors import InvalidInputError

MIN_PARTIES, MAX_PARTIES = 2, 20


def check_party_count(n: int) -> None:
    """Refuse fewer than 2 or more than 20 parties.

    >>> check_party_count(21)
    Traceback (most recent call last):
    ...
    geo.errors.InvalidInputError: got 21 parties; give between 2 and 20
    """
    if not MIN_PARTIES <= n <= MAX_PARTIES:
        noun = "party" if n == 1 else "parties"
        raise InvalidInputError(f"got {n} {noun}; give between {MIN_PARTIES} and {MAX_PARTIES}")
