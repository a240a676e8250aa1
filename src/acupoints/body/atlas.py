"""Large charts for reading the whole body: atlas views and the cun guide.

An atlas view draws every point that faces one whole-body view, each a link,
on a figure drawn large (:data:`ATLAS_HEIGHT` units tall) so that labels of
11 units fit between the points; it is meant for a scrolling box, not to be
shrunk. The cun guide draws the standard's proportional bone measurements
(``data/body/measurements.yaml``) as labelled lines between their landmarks,
each on the whole-body view that faces it best.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from .drawing import (
    Placed,
    Screen,
    add_clip,
    best_view,
    crop_box,
    draw_figure,
    link_to,
    placed,
    point_title,
)
from .figure import polyline_data
from .svg import WIDTH, Canvas, marker
from .views import VIEWS, WHOLE_BODY, View, facing, project

if TYPE_CHECKING:
    from ..models import Point
    from . import BodyModel, Measurement

__all__ = ["ATLAS_HEIGHT", "atlas_chart", "cun_chart", "measurement_ends"]

ATLAS_HEIGHT = 2200
_FACING = 0.3
"""How squarely a point must face a view to be drawn on its atlas view."""


def _whole(body: BodyModel, v: View) -> tuple[float, float, float, float]:
    from .overview import _figure_box

    return _figure_box(body, v.name)


def atlas_chart(
    body: BodyModel, points: Sequence[Point], view_name: str, *, link: str | None = "#{code}"
) -> str:
    """Every point that faces a whole-body view, on the whole figure drawn large, each a link."""
    v = VIEWS[view_name]
    box = _whole(body, v)
    k = (ATLAS_HEIGHT - 28) / (box[3] - box[1])
    width = round((box[2] - box[0]) * k + 2 * 14 + 60)
    screen = Screen(v, box, top=24, max_height=ATLAS_HEIGHT, canvas_width=width)
    canvas = Canvas(height=screen.height + 24, width=width)
    clip = f"atlas-{v.name}"
    add_clip(canvas, clip, 24, screen.height)
    draw_figure(body, canvas, screen, clip)
    canvas.clip = None
    shown: list[tuple[Placed, float, float]] = []
    for point in points:
        for spot in placed(body, point):
            # every point is on the view that faces it best, and on any other that sees it squarely
            best = best_view(body, spot, WHOLE_BODY).name == v.name
            for where, normal, mirrored in spot.sides():
                if (mirrored and not v.both_sides) or (facing(v, normal) < _FACING and not best):
                    continue
                x, y = screen.of(where)
                shown.append((spot, x, y))
    for spot, x, y in shown:
        canvas.add(
            "marks",
            marker(
                x, y, spot.point.code, point_title(spot.point), r=4.5, link=link_to(link, spot.point.code)
            ),
        )
        canvas.occupy(x, y, 5)
    for spot, x, y in shown:
        canvas.label(spot.point.code, x, y, size=11, gap=5)
    canvas.add(
        "labels",
        f'<text class="caption" x="14" y="17" font-size="14">Every point seen from the {escape(v.name)}: '
        f"{len({s.point.code for s, _, _ in shown})} points</text>",
    )
    return canvas.svg(
        f"Atlas: {v.label}", f"Every point that faces the {v.label}", f"chart-atlas view-{v.name}"
    )


def measurement_ends(
    body: BodyModel, m: Measurement, lookup: Callable[[str], Point | None]
) -> tuple[tuple[float, float], tuple[float, float]]:
    """The two ends of a measurement on its frame, in cun: along a line, or across at a level."""
    ends = [_spot(body, m.frame, name, lookup) for name in (m.start, m.end)]
    (xa, ya), (xb, yb) = ends
    if m.axis == "along":
        x = next((v for v in (xa, xb) if v is not None), 0.0)
        return (x, ya or 0.0), (x, yb or 0.0)
    y = next((v for v in (ya, yb) if v is not None), 0.0)
    return (xa or 0.0, y), (xb or 0.0, y)


def _spot(
    body: BodyModel, frame: str, name: str, lookup: Callable[[str], Point | None]
) -> tuple[float | None, float | None]:
    flip = name.startswith("~")
    name = name.lstrip("~")
    lm = body.landmarks.get((frame, name))
    if lm is not None:
        x, y = lm.x, lm.y
    else:
        point = lookup(name)
        if point is None or point.location.position is None:
            raise KeyError(f"measurement end {name!r} is neither a landmark of {frame} nor a point")
        pos = point.location.position
        x, y = body.geometry.convert(pos.x, pos.y, pos.frame, frame)
    return (-x if flip and x is not None else x), y


def cun_chart(body: BodyModel, lookup: Callable[[str], Point | None]) -> str:
    """The proportional bone measurements as labelled lines, numbered as in ``body.data.measurements``."""
    g = body.geometry
    by_view: dict[str, list[tuple[int, Measurement, list[tuple[float, float, float]]]]] = {}
    for number, m in enumerate(body.data.measurements, 1):
        a, b = measurement_ends(body, m, lookup)
        path = g.surface_path(m.frame, a, b, steps=16)
        mid = g.space(m.frame, (a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
        normal = mid[1]
        best = max((VIEWS[n] for n in WHOLE_BODY), key=lambda v: facing(v, normal))
        by_view.setdefault(best.name, []).append((number, m, path))
    panels = []
    top = 22.0
    for name in WHOLE_BODY:
        if name not in by_view:
            continue
        v = VIEWS[name]
        screen = Screen(v, crop_box(list(_corners(_whole(body, v))), 0.5, 9.0), top=top, max_height=620)
        panels.append((v, screen))
        top += screen.height + 16
    canvas = Canvas(height=top)
    canvas.add(
        "labels",
        '<text class="caption" x="14" y="16" font-size="13">The proportional bone measurements (cun)</text>',
    )
    for v, screen in panels:
        clip = f"cun-{v.name}"
        add_clip(canvas, clip, screen.top, screen.height)
        draw_figure(body, canvas, screen, clip)
        canvas.clip = None
        canvas.add(
            "labels",
            f'<text class="lbl-faint" x="{WIDTH - 14}" y="{screen.top + 14:.1f}" font-size="11" '
            f'text-anchor="end">{escape(v.label)}</text>',
        )
        for _number, m, path in by_view[v.name]:
            pts = [project(v, w) for w in path]
            canvas.add(
                "lines",
                f'<path class="measure" d="{polyline_data([pts], screen)}"><title>{escape(m.label)}: '
                f"{m.cun:g} cun</title></path>",
            )
            for end in (pts[0], pts[-1]):
                x, y = screen(end)
                canvas.add("marks", f'<circle class="anchor" cx="{x:.1f}" cy="{y:.1f}" r="3"/>')
                canvas.occupy(x, y, 3.5)
        for number, m, path in by_view[v.name]:
            x, y = screen(project(v, path[len(path) // 2]))
            canvas.label(f"{number}: {m.cun:g} cun", x, y, size=11, cls="lbl-measure", required=True)
    return canvas.svg(
        "The proportional bone measurements", "Each measurement as a line between its landmarks", "chart-cun"
    )


def _corners(box: tuple[float, float, float, float]) -> list[tuple[float, float]]:
    return [(box[0], box[1]), (box[2], box[3])]
