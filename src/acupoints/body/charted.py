"""What a chart needs of a point, and the light records that carry just that.

A chart draws its own point in full (the measuring line needs its structured
location), but of every other point it needs only the code, the names of the
marker's title and the computed places. :class:`Charted` says so as a
protocol that :class:`~acupoints.models.Point` meets; :class:`Marked` meets it
too, read from the JSON records of compiled data, so a cold ``acupoints chart
LI4`` need not build 409 point models to draw LI4's faint neighbours.

As on the models, ``position`` is the first place and ``positions`` lists
every place only for a point that is several.
"""

from __future__ import annotations

import weakref
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from ..placement import Position

if TYPE_CHECKING:
    from ..atlas import Atlas
    from . import BodyModel

__all__ = ["Charted", "ChartedLocation", "Marked", "MarkedLocation", "charted_points", "marked"]


class ChartedLocation(Protocol):
    """The part of a location a chart of other points reads."""

    @property
    def side(self) -> str: ...

    @property
    def position(self) -> Position | None: ...

    @property
    def positions(self) -> Sequence[Position]: ...


class Charted(Protocol):
    """A point as a chart's marker sees it: code, names (the title) and places."""

    @property
    def code(self) -> str: ...

    @property
    def pinyin(self) -> str: ...

    @property
    def hanzi(self) -> str: ...

    @property
    def english(self) -> str: ...

    @property
    def location(self) -> ChartedLocation: ...


@dataclass(frozen=True, slots=True)
class MarkedLocation:
    side: str
    position: Position | None
    positions: tuple[Position, ...]


@dataclass(frozen=True, slots=True)
class Marked:
    """A point's code, names and computed places, read from its JSON record."""

    code: str
    pinyin: str
    hanzi: str
    english: str
    location: MarkedLocation


def _position(raw: dict[str, Any]) -> Position:
    return Position.model_construct(frame=raw["frame"], x=float(raw["x"]), y=float(raw["y"]))


def marked(place: dict[str, Any]) -> Marked:
    """The light record of one entry of :meth:`Atlas.point_places <acupoints.atlas.Atlas.point_places>`."""
    positions = tuple(map(_position, place["positions"]))
    first = positions[0] if positions else None
    location = MarkedLocation(place["side"], first, positions if len(positions) > 1 else ())
    return Marked(place["code"], place["pinyin"], place["hanzi"], place["english"], location)


def charted_points(body: BodyModel, atlas: Atlas) -> Sequence[Charted]:
    """Every point of an atlas as a chart's neighbours need them, in atlas order.

    Read once per atlas (from one stored line when the data is compiled) and
    kept on the body model for as long as the atlas lives.
    """
    cache = body.cache.setdefault("marked", {})
    marks: weakref.WeakKeyDictionary[Atlas, tuple[Marked, ...]] = cache.setdefault(
        "by-atlas", weakref.WeakKeyDictionary()
    )
    found = marks.get(atlas)
    if found is None:
        found = marks[atlas] = tuple(map(marked, atlas.point_places()))
    return found
