"""The figure: outlines of the body parts and faint guides, projected onto a view.

Each loft segment's outline is the convex hull of its two end sections as the
view sees them; the parts of a limb (or of the head and trunk) are drawn as
one shape by stroking all their hulls first and filling them after, so only
the outer edge of the union shows. Groups are drawn from the farthest to the
nearest, so an arm in front of the trunk keeps its own edge.
"""

from __future__ import annotations

import functools
import itertools
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .geometry import Geometry, LoftPart, Vec, mirror
from .model import Feature
from .views import View, facing, project

__all__ = ["GROUPS", "Outline", "feature_runs", "hull", "level_guide", "line_guide", "outlines"]

GROUPS: dict[str, tuple[str, ...]] = {
    "core": ("cranium", "neck", "trunk"),
    "face": ("face",),
    "arm": ("upper-arm", "forearm", "hand"),
    "thumb": ("thumb",),
    "leg": ("thigh", "leg", "foot"),
}

Point2 = tuple[float, float]


@dataclass(frozen=True)
class Outline:
    """One group's hull polygons in model units of the view, and its depth."""

    group: str
    side: str
    polygons: tuple[tuple[Point2, ...], ...]
    depth: float


def hull(points: Iterable[Point2]) -> list[Point2]:
    """Convex hull, counter-clockwise (Andrew's monotone chain)."""
    pts = sorted(set(points))
    if len(pts) < 3:
        return pts

    def cross(o: Point2, a: Point2, b: Point2) -> float:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[Point2] = []
    for p in pts:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    upper: list[Point2] = []
    for p in reversed(pts):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


def _ring(loft: LoftPart, s: float, flip: bool, v: View, n: int = 20) -> list[Point2]:
    return [project(v, mirror(where) if flip else where) for where in loft.ring(s, n)]


def _loft_polygons(loft: LoftPart, flip: bool, v: View) -> list[tuple[Point2, ...]]:
    cuts: list[float] = []
    for a, b in zip(loft.s, loft.s[1:], strict=False):
        cuts.extend([a, (a + b) / 2])
    cuts.append(loft.s[-1])
    rings = [_ring(loft, s, flip, v) for s in cuts]
    return [tuple(hull(r1 + r2)) for r1, r2 in itertools.pairwise(rings)]


def _ellipsoid_polygon(geometry: Geometry, name: str, v: View) -> tuple[Point2, ...]:
    part = geometry.parts[name]
    assert part.center is not None and part.radii is not None
    (cx, cy, cz), (rx, ry, rz) = part.center, part.radii
    pts = []
    for i in range(24):
        for j in range(1, 12):
            a, b = 2 * math.pi * i / 24, math.pi * j / 12
            where = (
                cx + rx * math.sin(b) * math.cos(a),
                cy + ry * math.cos(b),
                cz + rz * math.sin(b) * math.sin(a),
            )
            pts.append(project(v, where))
    return tuple(hull(pts))


def outlines(geometry: Geometry, v: View) -> list[Outline]:
    """The view's outline groups, farthest first."""
    out = []
    for group, names in GROUPS.items():
        sides = ("left", "right") if group in ("arm", "thumb", "leg") and v.both_sides else ("left",)
        for side in sides:
            polygons: list[tuple[Point2, ...]] = []
            depth: list[float] = []
            for name in names:
                if not v.draws(name) or name not in geometry.parts:
                    continue
                part = geometry.parts[name]
                if part.shape == "ellipsoid":
                    polygons.append(_ellipsoid_polygon(geometry, name, v))
                    assert part.center is not None
                    depth.append(sum(a * b for a, b in zip(part.center, v.toward, strict=True)))
                    continue
                loft = geometry.lofts[name]
                flip = side == "right"
                polygons.extend(_loft_polygons(loft, flip, v))
                for c in loft.centers:
                    c3 = mirror(c) if flip else c
                    depth.append(sum(a * b for a, b in zip(c3, v.toward, strict=True)))
            if polygons:
                out.append(Outline(group, side, tuple(polygons), sum(depth) / len(depth)))
    return sorted(out, key=lambda o: o.depth)


def _visible_runs(samples: list[tuple[Vec, Vec]], v: View, flip: bool) -> list[list[Point2]]:
    runs: list[list[Point2]] = [[]]
    for where, normal in samples:
        if flip:
            where, normal = mirror(where), mirror(normal)
        if facing(v, normal) > 0.02:
            runs[-1].append(project(v, where))
        elif runs[-1]:
            runs.append([])
    return [r for r in runs if len(r) >= 2]


def level_guide(
    geometry: Geometry,
    frame: str,
    y: float,
    v: View,
    flip: bool = False,
    slope: float = 0.0,
    span: float | None = None,
) -> list[list[Point2]]:
    """The visible stretch of a level (crease, level line) all round its part, or ``span`` cun either side."""
    f = geometry.frames[frame]
    if f.chart == "sagittal":
        xs = [x * 0.25 for x in range(-40, 41)]
        return _visible_runs([geometry.space(frame, x, y + slope * abs(x)) for x in xs], v, flip)
    loft = geometry.lofts[f.part]
    s = geometry.s_of_y(f, y)
    if span is not None:
        xs = [span * (i / 20 - 1) for i in range(41)]
        return _visible_runs([geometry.space(frame, x, y + slope * x) for x in xs], v, flip)
    return _visible_runs([loft.point(s, 2 * math.pi * i / 72 - math.pi) for i in range(73)], v, flip)


def line_guide(
    geometry: Geometry,
    frame: str,
    x: float,
    v: View,
    flip: bool = False,
    y_range: tuple[float, float] | None = None,
) -> list[list[Point2]]:
    """The visible stretch of a line along the part (a tendon, a border, a midline)."""
    f = geometry.frames[frame]
    if y_range is None:
        if f.chart == "sagittal":
            y_range = (-3.0, 12.0)
        else:
            loft = geometry.lofts[f.part]
            ends = sorted((geometry.y_of_s(f, 0.0), geometry.y_of_s(f, loft.length)))
            y_range = (ends[0], ends[1])
    y0, y1 = y_range
    return _visible_runs([geometry.space(frame, x, y0 + (y1 - y0) * i / 40) for i in range(41)], v, flip)


def _compact(pts: list[Point2], per_unit: int = 10) -> str:
    """Absolute first point, then relative steps, rounded to 0.1 without drift (about a third shorter)."""
    scale = 10 // per_unit
    grid = [(round(x * per_unit) * scale, round(y * per_unit) * scale) for x, y in pts]
    x0, y0 = grid[0]
    steps = []
    for x1, y1 in grid[1:]:
        if x1 != x0 or y1 != y0:
            dy = _num(y1 - y0)
            steps.append(_num(x1 - x0) + (dy if y1 < y0 else " " + dy))
            x0, y0 = x1, y1
    head = f"M{_num(grid[0][0])} {_num(grid[0][1])}l"
    return head + " ".join(steps) if steps else head + "0 0"


@functools.cache
def _num(tenths: int) -> str:
    whole, rest = divmod(abs(tenths), 10)
    text = f"{whole}.{rest}" if rest else f"{whole}"
    return f"-{text}" if tenths < 0 else text


def path_data(
    polygons: Iterable[Iterable[Point2]],
    to_screen: Callable[[Point2], Point2],
    per_unit: int = 10,
    within: tuple[float, float, float, float] | None = None,
) -> str:
    """SVG path data for closed polygons, in screen coordinates (``per_unit``: 10 or 1, the grid).

    ``within`` (x0, y0, x1, y1): polygons wholly outside this box are left out.
    """
    parts = []
    for poly in polygons:
        pts = [to_screen(p) for p in poly]
        if len(pts) < 3:
            continue
        if within is not None:
            xs, ys = [p[0] for p in pts], [p[1] for p in pts]
            if max(xs) < within[0] or min(xs) > within[2] or max(ys) < within[1] or min(ys) > within[3]:
                continue
        parts.append(_compact(pts, per_unit) + "z")
    return "".join(parts)


def polyline_data(runs: Iterable[Iterable[Point2]], to_screen: Callable[[Point2], Point2]) -> str:
    """SVG path data for open polylines, in screen coordinates."""
    parts = []
    for run in runs:
        pts = [to_screen(p) for p in run]
        if len(pts) >= 2:
            parts.append(_compact(pts))
    return "".join(parts)


def feature_runs(
    geometry: Geometry, feature: Feature, spots: dict[str, tuple[float | None, float | None]], v: View
) -> list[list[Point2]]:
    """The visible lines of a feature of the figure, in the view's model units."""

    def spot(name: str) -> tuple[float, float]:
        flip = name.startswith("~")
        x, y = spots[name.lstrip("~")]
        return (-(x or 0.0) if flip else (x or 0.0)), (y or 0.0)

    shapes: list[list[tuple[float, float]]] = []
    pts = [spot(n) for n in feature.through]
    r = feature.size
    if feature.shape in ("line", "closed"):
        shapes.append(pts + ([pts[0]] if feature.shape == "closed" else []))
    elif feature.shape == "lens" and len(pts) >= 2:
        (x0, y0), (x1, y1) = pts[0], pts[1]
        upper = [
            (x0 + (x1 - x0) * t / 12, y0 + (y1 - y0) * t / 12 + r * math.sin(math.pi * t / 12))
            for t in range(13)
        ]
        lower = [
            (x0 + (x1 - x0) * t / 12, y0 + (y1 - y0) * t / 12 - 0.6 * r * math.sin(math.pi * t / 12))
            for t in range(13)
        ]
        shapes += [upper, lower]
    elif feature.shape == "circle":
        for cx, cy in pts:
            shapes.append(
                [(cx + r * math.cos(a * math.pi / 8), cy + r * math.sin(a * math.pi / 8)) for a in range(17)]
            )
    elif feature.shape == "ticks":
        for cx, cy in pts:
            shapes.append([(cx - r, cy), (cx + r, cy)])
    sides = (False, True) if feature.mirrored else (False,)
    runs: list[list[Point2]] = []
    for mirrored in sides:
        for shape in shapes:
            dense: list[tuple[float, float]] = []
            for (ax, ay), (bx, by) in itertools.pairwise(shape):
                dense += [(ax + (bx - ax) * i / 4, ay + (by - ay) * i / 4) for i in range(4)]
            dense.append(shape[-1])
            samples = [geometry.space(feature.frame, -x if mirrored else x, y) for x, y in dense]
            runs += _visible_runs(samples, v, False)
    return runs
