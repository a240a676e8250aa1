"""The points closest to a point in space, on the same body part, whatever their channel."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .drawing import Placed, placed

if TYPE_CHECKING:
    from ..models import Point
    from . import BodyModel

__all__ = ["nearest_points"]


def _spots(body: BodyModel, point: Point) -> list[tuple[Placed, str]]:
    return [(s, body.frame(s.position.frame).part) for s in placed(body, point)]


def nearest_points(
    body: BodyModel, point: Point, everything: Sequence[Point], limit: int = 8
) -> list[tuple[Point, float]]:
    """(point, distance) of the ``limit`` points nearest to ``point`` on the same body part.

    Distances are straight lines in the model's space between the closest places
    of the two points (either side of a pair, any level of a point that is
    several); points on a surface turned away (the palm from the back of the
    hand, the front of the trunk from the back) do not count as near.
    """
    mine = _spots(body, point)
    parts = {part for _, part in mine}
    found: list[tuple[float, Point]] = []
    for other in everything:
        if other.code == point.code:
            continue
        best = math.inf
        for spot, part in _spots(body, other):
            if part not in parts:
                continue
            for where, normal, _ in spot.sides():
                for here, own_part in mine:
                    if own_part != part or sum(a * b for a, b in zip(normal, here.normal, strict=True)) < 0:
                        continue
                    best = min(best, math.dist(here.where, where))
        if best < math.inf:
            found.append((best, other))
    found.sort(key=lambda item: (item[0], item[1].code))
    return [(p, d) for d, p in found[:limit]]
