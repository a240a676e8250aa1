"""Values built once, on first use, even when many threads ask at the same time.

``functools.cached_property`` lost its lock in Python 3.12, so on a cold start
several threads could each build the same index or graph. :class:`once` is a
cached property that builds under one re-entrant lock on every supported
Python; once built, reading it is a plain attribute lookup.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar, overload

__all__ = ["BUILD_LOCK", "once"]

T = TypeVar("T")

BUILD_LOCK = threading.RLock()
"""Held while a lazily built value is made (re-entrant: one value may need another)."""


class once(Generic[T]):
    """A cached property built at most once, under :data:`BUILD_LOCK`."""

    def __init__(self, func: Callable[[Any], T]) -> None:
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> once[T]: ...
    @overload
    def __get__(self, instance: object, owner: type | None = None) -> T: ...
    def __get__(self, instance: object | None, owner: type | None = None) -> T | once[T]:
        if instance is None:
            return self
        cache = instance.__dict__
        with BUILD_LOCK:
            if self.name in cache:
                value: T = cache[self.name]
                return value
            value = self.func(instance)
            cache[self.name] = value
        return value
