"""Errors raised by acupoints.

Every error subclasses :class:`AcupointsError` and the builtin it stands for,
so callers can catch either: ``except KeyError`` works for an unknown code.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

__all__ = [
    "AcupointsError",
    "AmbiguousPointError",
    "ArgumentTypeError",
    "DataError",
    "DataNotFoundError",
    "InvalidArgumentError",
    "Problem",
    "UnknownCombinationError",
    "UnknownComplaintError",
    "UnknownMeridianError",
    "UnknownNotationError",
    "UnknownPointError",
    "UnknownRegionError",
    "UnknownSourceError",
    "shorten",
]


class AcupointsError(Exception):
    """Base class of every error this library raises."""


def shorten(text: object, width: int = 80) -> str:
    """``repr`` of a value, cut to about ``width`` characters (messages stay short)."""
    import reprlib

    limiter = reprlib.Repr()
    limiter.maxstring = width
    limiter.maxother = width
    limiter.maxlist = limiter.maxtuple = limiter.maxdict = limiter.maxset = 4
    limiter.maxlevel = 3
    shown = limiter.repr(text)
    return shown if len(shown) <= width + 10 else shown[:width] + "..."


class InvalidArgumentError(ValueError, AcupointsError):
    """An argument has the right type but a value the library does not accept
    (a negative ``limit``, an unknown vertebral ``level``)."""


class ArgumentTypeError(TypeError, AcupointsError):
    """An argument of the wrong type (a number where a name is expected)."""


class _UnknownError(KeyError, AcupointsError):
    """An identifier that names nothing, with the closest ones that exist."""

    what = "item"

    def __init__(self, query: str, suggestions: Sequence[str] = (), *, hint: str = "") -> None:
        self.query = query
        self.suggestions = tuple(suggestions)
        self.hint = hint
        super().__init__(query)

    def __str__(self) -> str:
        message = f"no {self.what} {shorten(self.query)}"
        if self.hint:
            message += f" ({self.hint})"
        if self.suggestions:
            message += f"; did you mean {', '.join(self.suggestions)}?"
        return message


class UnknownPointError(_UnknownError):
    """No point has this code or name. ``suggestions`` holds the closest codes."""

    what = "point"


class UnknownMeridianError(_UnknownError):
    """No meridian has this code."""

    what = "meridian"


class UnknownRegionError(_UnknownError):
    """No body region has this name."""

    what = "region"


class UnknownSourceError(_UnknownError):
    """No bibliography entry has this key."""

    what = "source"


class UnknownComplaintError(_UnknownError):
    """No complaint has this name or synonym."""

    what = "complaint"


class UnknownNotationError(ValueError, AcupointsError):
    """A code notation the resolver does not know; ``known`` lists those it does."""

    def __init__(self, notation: str, known: Sequence[str]) -> None:
        self.notation = notation
        self.known = tuple(known)
        super().__init__(f"unknown notation {notation!r}; known: {', '.join(self.known)}")


class UnknownCombinationError(_UnknownError):
    """No combination has this name."""

    what = "combination"


class AmbiguousPointError(LookupError, AcupointsError):
    """A name matches more than one point; ``matches`` lists their codes."""

    def __init__(self, query: str, matches: Sequence[str]) -> None:
        self.query = query
        self.matches = tuple(matches)
        super().__init__(query)

    def __str__(self) -> str:
        return f"{shorten(self.query)} matches several points: {', '.join(self.matches)}"


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem found in the data: where it is and what is wrong."""

    file: str
    point: str | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.point:
            where += f": {self.point}"
        if self.field:
            where += f": {self.field}"
        return f"{where}: {self.message}"


class DataError(ValueError, AcupointsError):
    """The data files are invalid. ``problems`` lists every problem found."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__(str(self))

    def __str__(self) -> str:
        count = len(self.problems)
        lines = [f"{count} problem{'s' if count != 1 else ''} in the data:"]
        lines += [f"  {problem}" for problem in self.problems]
        return "\n".join(lines)


class DataNotFoundError(FileNotFoundError, AcupointsError):
    """The data folder could not be found."""
