"""A small whole-body figure that shows where on the body a point is.

It is drawn narrow (:data:`OVERVIEW_WIDTH` units) to sit beside a point's
close-up: the whole figure on the view that faces the point best, the point
(and its pair) marked with a ring, and the view named. Its only text is the
caption, at least 11 units high.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from .drawing import Placed, Screen, add_clip, best_view, draw_figure, placed, point_title, view_outlines
from .svg import Canvas, marker
from .views import WHOLE_BODY, facing, view

if TYPE_CHECKING:
    from ..models import Point
    from . import BodyModel

__all__ = ["OVERVIEW_WIDTH", "overview_chart"]

OVERVIEW_WIDTH = 150
_HEIGHT = 330


def _figure_box(body: BodyModel, name: str) -> tuple[float, float, float, float]:
    cache = body.cache.setdefault("figure-box", {})
    if name not in cache:
        pts = [p for o in view_outlines(body, view(name)) for poly in o.polygons for p in poly]
        cache[name] = (
            min(u for u, _ in pts),
            min(w for _, w in pts),
            max(u for u, _ in pts),
            max(w for _, w in pts),
        )
    box: tuple[float, float, float, float] = cache[name]
    return box


def overview_chart(
    body: BodyModel, point: Point, *, view_name: str | None = None, link: str | None = None
) -> str:
    """The whole body on one view (``view_name``, else the one facing the point best), the point ringed."""
    spots: list[Placed] = placed(body, point)
    if not spots:
        raise ValueError(f"{point.code} has no computed position")
    v = view(view_name) if view_name else best_view(body, spots[0], WHOLE_BODY)
    screen = Screen(v, _figure_box(body, v.name), top=18, max_height=_HEIGHT, canvas_width=OVERVIEW_WIDTH)
    canvas = Canvas(height=screen.height + 18, width=OVERVIEW_WIDTH)
    # the figure is the same for every point on this view: drawn once per body model
    figures = body.cache.setdefault("overview-figure", {})
    if v.name not in figures:
        drawn = Canvas(height=canvas.height, width=OVERVIEW_WIDTH)
        clip = f"overview-{v.name}"
        add_clip(drawn, clip, 18, screen.height)
        draw_figure(body, drawn, screen, clip, per_unit=1)
        figures[v.name] = list(drawn.layers["figure"])
    canvas.layers["figure"] = list(figures[v.name])
    for index, spot in enumerate(spots):
        for where, normal, mirrored in spot.sides():
            if (index or mirrored) and (facing(v, normal) < 0.05 or (mirrored and not v.both_sides)):
                continue
            x, y = screen.of(where)
            canvas.add(
                "marks",
                f'<circle class="ring" cx="{x:.1f}" cy="{y:.1f}" r="7" fill="none" '
                'stroke="#b3261e" stroke-width="1.6"/>',
            )
            canvas.add(
                "marks",
                marker(
                    x,
                    y,
                    point.code,
                    point_title(point),
                    r=3.2,
                    link=link.format(code=point.code) if link else None,
                ),
            )
    canvas.add("labels", f'<text class="caption" x="4" y="13" font-size="11">{escape(v.name)} view</text>')
    return canvas.svg(
        f"Where {point.code} is: {v.label}",
        f"{point.code} marked on the {v.label}",
        f"chart-overview view-{v.name}",
    )
