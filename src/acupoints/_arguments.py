"""Checks of what callers pass in, shared by the API, the CLI and the HTTP API.

Text is checked for its type and cut to a bounded length before any pattern
or fuzzy matcher sees it, so no input can make a lookup slow; ``limit`` and
``level`` are validated the same way everywhere.
"""

from __future__ import annotations

from .codes import VERTEBRAL_LEVELS
from .errors import ArgumentTypeError, InvalidArgumentError, shorten

__all__ = ["MAX_LIMIT", "MAX_QUERY", "check_level", "check_limit", "query_text"]

MAX_QUERY = 200
"""The longest query that is looked at; longer text is cut to this length."""

MAX_LIMIT = 1000
"""The largest ``limit`` accepted by ``candidates`` and ``search``."""

_LEVELS = {level.upper(): level for level in VERTEBRAL_LEVELS}


def query_text(value: object, what: str = "a point code or name") -> str:
    """``value`` cut to :data:`MAX_QUERY` characters; a TypeError unless it is a str.

    >>> len(query_text("x" * 10_000))
    200
    """
    if not isinstance(value, str):
        raise ArgumentTypeError(f"expected {what} as a str, got {type(value).__name__} {shorten(value, 40)}")
    return value[:MAX_QUERY]


def check_limit(value: object, *, low: int = 0, high: int = MAX_LIMIT) -> int | None:
    """``limit`` as given, if it is None or an int from ``low`` to ``high``.

    >>> check_limit(None), check_limit(3)
    (None, 3)
    """
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ArgumentTypeError(f"expected limit as an int, got {type(value).__name__} {shorten(value, 40)}")
    if not low <= value <= high:
        raise InvalidArgumentError(f"limit must be from {low} to {high}, got {value}")
    return value


def check_level(value: object) -> str | None:
    """A vertebral level in its standard spelling (``l4`` -> ``L4``, `` co`` -> ``Co``).

    >>> check_level("l4"), check_level("CO"), check_level(None)
    ('L4', 'Co', None)
    """
    if value is None:
        return None
    if not isinstance(value, str):
        raise ArgumentTypeError(f"expected level as a str, got {type(value).__name__} {shorten(value, 40)}")
    found = _LEVELS.get(value[:8].strip().upper())
    if found is None:
        raise InvalidArgumentError(
            f"unknown vertebral level {shorten(value, 20)}; use one of C1..C7, T1..T12, L1..L5, S1..S5, Co"
        )
    return found
