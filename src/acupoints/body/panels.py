"""Charts of several points (a meridian, a vessel, a complaint's candidates).

Each point is drawn on the whole-body view that faces it best, one panel per
view needed, cropped to the points; a channel's points are joined in order.
"""

from __future__ import annotations

import itertools
import zlib
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .drawing import (
    MAX_HEIGHT,
    PAD,
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
from .svg import WIDTH, Canvas, escape, marker
from .views import VIEWS, WHOLE_BODY, View, facing, project

if TYPE_CHECKING:
    from ..models import Point
    from . import BodyModel

__all__ = ["panel_chart"]


def panel_chart(
    body: BodyModel,
    points: Sequence[Point],
    *,
    roles: dict[str, str] | None = None,
    chain: bool = False,
    views: Sequence[str] | None = None,
    title: str = "",
    link: str | None = "#{code}",
    sequence: Sequence[str] | None = None,
) -> str:
    """Points on the whole-body views that face them best, one panel per view needed.

    ``chain`` joins the points of a channel in the order of their numbers, or
    in ``sequence`` (a vessel's trajectory) when it is given.
    """
    by_view: dict[str, list[Placed]] = {}
    for point in points:
        for spot in placed(body, point):
            best = best_view(body, spot, list(views or WHOLE_BODY))
            by_view.setdefault(best.name, []).append(spot)
    order = [n for n in (views or WHOLE_BODY) if n in by_view]
    if chain:
        # a channel: each panel also shows the channel's other points that face it, so it reads as a line
        for name in order:
            shown = {id(s) for s in by_view[name]}
            by_view[name] += [
                s
                for p in points
                for s in placed(body, p)
                if id(s) not in shown and facing(VIEWS[name], s.normal) > 0.2
            ]
    panels: list[tuple[View, list[Placed], Screen]] = []
    top = 22.0
    for name in order:
        v = VIEWS[name]
        spots = by_view[name]
        box = crop_box([project(v, s.where) for s in spots], 3.0, 9.0)
        screen = Screen(v, box, top=top, max_height=MAX_HEIGHT + 80)
        panels.append((v, spots, screen))
        top += screen.height + 18
    canvas = Canvas(height=top)
    canvas.add("labels", f'<text class="caption" x="{PAD}" y="16" font-size="13">{escape(title)}</text>')
    for index, (v, spots, screen) in enumerate(panels):
        clip = f"clip-{zlib.crc32(title.encode()):08x}-{index}"
        add_clip(canvas, clip, screen.top, screen.height)
        draw_figure(body, canvas, screen, clip)
        canvas.add(
            "labels",
            f'<text class="lbl-faint" x="{WIDTH - PAD}" y="{screen.top + PAD:.1f}" '
            f'font-size="11" text-anchor="end">{escape(v.label)}</text>',
        )
        if chain and sequence is not None:
            first: dict[str, Placed] = {}
            for spot in spots:
                first.setdefault(spot.point.code, spot)
            for ca, cb in itertools.pairwise(sequence):
                if ca in first and cb in first:
                    (x0, y0), (x1, y1) = screen.of(first[ca].where), screen.of(first[cb].where)
                    canvas.add("lines", f'<path class="chain" d="M{x0:.1f} {y0:.1f}L{x1:.1f} {y1:.1f}"/>')
        elif chain:
            number = {p.code: p.number for p in points}
            ordered = sorted(spots, key=lambda s: number[s.point.code])
            for a, b in itertools.pairwise(ordered):
                if number[b.point.code] - number[a.point.code] == 1:
                    (x0, y0), (x1, y1) = screen.of(a.where), screen.of(b.where)
                    canvas.add("lines", f'<path class="chain" d="M{x0:.1f} {y0:.1f}L{x1:.1f} {y1:.1f}"/>')
        for spot in spots:
            cls = f"pt role-{roles[spot.point.code]}" if roles and spot.point.code in roles else "pt"
            x, y = screen.of(spot.where)
            canvas.add(
                "marks",
                marker(
                    x,
                    y,
                    spot.point.code,
                    point_title(spot.point),
                    r=5.5,
                    cls=cls,
                    link=link_to(link, spot.point.code),
                ),
            )
            canvas.occupy(x, y, 6)
        named: set[str] = set()
        for spot in spots:  # a point with several places is named once per panel
            x, y = screen.of(spot.where)
            if spot.point.code not in named and canvas.label(spot.point.code, x, y, size=11, gap=6):
                named.add(spot.point.code)
    return canvas.svg(title, title, "chart-panels")
