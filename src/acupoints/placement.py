"""The structured location of a point: what it is measured from, and how far.

A point's ``location.structure`` holds one :class:`Measure` per position (a
bilateral point is given for the left side; the right is its mirror image).
The loader computes each measure's :class:`Position` with the body model
(:mod:`acupoints.body`) and stores it as ``location.position`` (and
``location.positions`` for a point with several), so a position is never typed
in, and the words, the structure and the chart cannot disagree.

These are plain data shapes; the geometry lives in :mod:`acupoints.body`.
"""

import math
from typing import Annotated, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .vocabulary import Text

__all__ = ["Also", "Anchor", "FrameName", "Measure", "Position", "Unit"]

_CONFIG = ConfigDict(
    frozen=True,
    extra="forbid",
    defer_build=True,
    validate_by_name=True,
    validate_by_alias=True,
    serialize_by_alias=True,
)

Anchor = Annotated[str, Field(min_length=1, max_length=60, pattern=r"^[A-Za-z0-9][A-Za-z0-9-]*$")]
"""A landmark of the frame (``wrist-crease``, ``L2``) or a point code (``CV8``)."""

FrameName = Annotated[str, Field(min_length=1, max_length=40, pattern=r"^[a-z][a-z-]*$")]
"""The name of a frame of the body model (``forearm-front``, ``back`` ...)."""

Unit = Literal["B-cun", "F-cun", "finger-breadth"]
"""B-cun: proportional bone cun; F-cun: finger cun; finger-breadth: one finger's width."""

_Cun = Annotated[float, Field(ge=-30, le=30, allow_inf_nan=False)]


class Also(BaseModel):
    """A second fact the text states about the same position, checked by the geometry.

    ``|y - y(from)|`` must be ``along`` and ``|x - x(from)|`` must be ``across``
    (each when given), so a text that says "5 cun from the midline, about 1 cun
    outside the nipple" is held to both.
    """

    model_config = _CONFIG

    from_: Anchor = Field(alias="from")
    along: _Cun | None = None
    across: _Cun | None = None

    @model_validator(mode="after")
    def _something(self) -> Self:
        if self.along is None and self.across is None:
            raise ValueError("an 'also' needs along or across")
        return self


class Measure(BaseModel):
    """One position, as the standard describes it: from an anchor, so far along and across.

    ``y = y(level or from) + along`` (or, with ``towards`` and ``fraction``,
    that fraction of the way from ``from`` to ``towards``, then ``along``);
    ``x = x(line or from) + across``, where an anchor without an x stands on the
    frame's reference line (x = 0). Signs follow the frame: + along is towards
    the head or the proximal joint, + across as the frame's ``x_positive`` says.
    """

    model_config = _CONFIG

    frame: FrameName
    from_: Anchor | None = Field(default=None, alias="from", description="The anchor of both axes.")
    level: Anchor | None = Field(default=None, description="The anchor of y, when it is not `from`.")
    line: Anchor | None = Field(default=None, description="The anchor of x, when it is not `from`.")
    towards: Anchor | None = Field(default=None, description="With `fraction`: the far end.")
    fraction: float | None = Field(default=None, gt=0, lt=1, description="How far from `from` to `towards`.")
    along: _Cun = Field(default=0, description="Cun along the part (y), + towards the head/proximal joint.")
    across: _Cun = Field(default=0, description="Cun across the part (x), + as the frame says.")
    unit: Unit = "B-cun"
    qualifiers: tuple[Text, ...] = Field(default=(), description="Words that do not move the point.")
    also: tuple[Also, ...] = ()

    @model_validator(mode="after")
    def _anchors(self) -> Self:
        if (self.towards is None) != (self.fraction is None):
            raise ValueError("towards and fraction go together")
        if self.towards is not None and self.from_ is None:
            raise ValueError("towards needs from")
        if self.from_ is None and self.level is None:
            raise ValueError("a measure needs from or level (where y comes from)")
        return self

    def anchors(self) -> tuple[str, ...]:
        """Every anchor this measure names, ``also`` included."""
        named = (self.from_, self.level, self.line, self.towards, *(a.from_ for a in self.also))
        return tuple(dict.fromkeys(a for a in named if a is not None))

    def numbers(self) -> set[float]:
        """The distances in cun it carries (absolute, nonzero), for the text check."""
        values = [self.along, self.across, *(v for a in self.also for v in (a.along, a.across) if v)]
        return {round(abs(v), 3) for v in values if v}


class Position(BaseModel):
    """A computed position in cun on a frame of the body model (left side for a pair)."""

    model_config = _CONFIG

    frame: FrameName
    x: float = Field(allow_inf_nan=False, description="Cun across the frame from its reference line.")
    y: float = Field(allow_inf_nan=False, description="Cun along the frame.")

    def distance(self, other: "Position") -> float:
        """Distance in cun on the frame (both positions must be on the same frame)."""
        if other.frame != self.frame:
            raise ValueError(f"positions on different frames: {self.frame} and {other.frame}")
        return math.hypot(self.x - other.x, self.y - other.y)
