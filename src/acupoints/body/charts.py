"""SVG charts of one point, drawn from the computed positions.

A point chart shows the close-up that faces the point best, the measuring
line from its anchor with the distances labelled, the anchor named and the
neighbouring points faint. Charts of several points (a meridian, a complaint's
candidates) are in :mod:`.panels`; what both draw with is in :mod:`.drawing`.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING

from ..placement import Measure, Position
from .drawing import (
    PAD,
    Screen,
    add_clip,
    best_view,
    cached_runs,
    crop_box,
    draw_figure,
    link_to,
    part_of,
    placed,
    point_title,
)
from .figure import level_guide, line_guide, polyline_data
from .geometry import Vec
from .svg import WIDTH, Box, Canvas, escape, marker
from .views import VIEWS, WHOLE_BODY, View, facing, project, view

if TYPE_CHECKING:
    from ..models import Point
    from . import BodyModel
    from .charted import Charted

__all__ = ["ROLE_CLASSES", "point_chart"]

ROLE_CLASSES = ("local", "adjacent", "segmental", "distal")
_REACH = {"head": 3.6, "hand": 4.5, "foot": 5.0}
"""Half the side of a point chart's crop, in model units, by kind of view (else 8)."""
_NEIGHBOURS = 14


def _guides(body: BodyModel, canvas: Canvas, screen: Screen, frame: str, near: Position) -> None:
    """Faint guides: the creases and folds of the point's frame, and the lines along it close by."""
    for lm in body.data.landmarks:
        if lm.frame != frame:
            continue
        v = screen.view
        if (
            (lm.kind == "crease" or (lm.kind == "fold" and frame != "face"))
            and lm.y is not None
            and lm.x is None
        ):
            y, slope = lm.y, lm.slope
            runs = cached_runs(
                body,
                ("level", frame, y, slope, v.name),
                partial(level_guide, body.geometry, frame, y, v, slope=slope),
            )
        elif (
            lm.kind in ("tendon", "line") and lm.x is not None and lm.y is None and abs(lm.x - near.x) <= 1.0
        ):
            x = lm.x
            runs = cached_runs(
                body, ("line", frame, x, v.name), partial(line_guide, body.geometry, frame, x, v)
            )
        else:
            continue
        if runs:
            canvas.add("guides", f'<path class="guide" d="{polyline_data(runs, screen)}"/>')


def _anchor(
    body: BodyModel, lookup: Callable[[str], Charted | None], frame: str, name: str
) -> tuple[float | None, float | None, float, str, str]:
    """(x, y, slope, label, kind) of a measure's anchor, a landmark or a point."""
    lm = body.landmarks.get((frame, name))
    if lm is not None:
        return lm.x, lm.y, lm.slope, lm.label, lm.kind
    point = lookup(name)
    if point is not None and point.location.position is not None:
        pos = point.location.position
        x, y = body.geometry.convert(pos.x, pos.y, pos.frame, frame)
        return x, y, 0.0, point.code, "point"
    return None, None, 0.0, name, "point"


def _unit(m: Measure, value: float) -> str:
    n = f"{abs(value):g}"
    return {"B-cun": f"{n} cun", "F-cun": f"{n} cun (finger)", "finger-breadth": f"{n} finger-breadth"}[
        m.unit
    ]


def _measure(
    body: BodyModel, canvas: Canvas, screen: Screen, m: Measure, lookup: Callable[[str], Charted | None]
) -> None:
    """The measuring line from the anchor, its distances, and the anchor named."""
    g = body.geometry
    frame = m.frame
    base = _anchor(body, lookup, frame, m.from_) if m.from_ else None
    if m.towards is not None and base is not None:
        far = _anchor(body, lookup, frame, m.towards)
        a, b = (base[0] or 0.0, base[1] or 0.0), (far[0] or 0.0, far[1] or 0.0)
        d = polyline_data([[project(screen.view, w) for w in g.surface_path(frame, a, b)]], screen)
        canvas.add("lines", f'<path class="measure" d="{d}"/>')
        for (ax, ay), info in ((a, base), (b, far)):
            sx, sy = screen.of(g.space(frame, ax, ay)[0])
            _anchor_mark(canvas, sx, sy)
            canvas.label(info[3], sx, sy, size=11, cls="lbl-anchor")
        frac = m.fraction or 0.5
        halfway = g.space(frame, a[0] + (b[0] - a[0]) * frac / 2, a[1] + (b[1] - a[1]) * frac / 2)[0]
        canvas.label(
            "half-way" if abs(frac - 0.5) < 1e-3 else f"{frac:.2g} of the way",
            *screen.of(halfway),
            size=11,
            cls="lbl-measure",
        )
        return
    line = _anchor(body, lookup, frame, m.line) if m.line else base
    level = _anchor(body, lookup, frame, m.level) if m.level else base
    assert level is not None
    xb = line[0] if line and line[0] is not None else 0.0
    yb = (level[1] or 0.0) + level[2] * xb
    x2 = xb + m.across * _scale(m)
    y2 = (level[1] or 0.0) + level[2] * x2 + m.along * _scale(m)
    p0, p1, p2 = (xb, yb), (xb, y2), (x2, y2)
    for start, end, value in ((p0, p1, m.along), (p1, p2, m.across)):
        if not value:
            continue
        pts = [project(screen.view, w) for w in g.surface_path(frame, start, end)]
        canvas.add("lines", f'<path class="measure" d="{polyline_data([pts], screen)}"/>')
        for p in pts[1:-1]:
            canvas.occupy(*screen(p), 2.5)
        mid = screen(pts[len(pts) // 2])
        canvas.label(_unit(m, value), *mid, size=12, cls="lbl-measure", required=True)
    shown: set[str] = set()
    named: list[tuple[float | None, float | None, float, str, str] | None] = [level, line]
    for anchor_info in named:
        kind_xy = p0
        if anchor_info is None or anchor_info[3] in shown:
            continue
        info = anchor_info
        shown.add(info[3])
        x, y, slope, label, _kind = info
        if x is not None and y is not None:
            sx, sy = screen.of(g.space(frame, x, y)[0])
            _anchor_mark(canvas, sx, sy)
            canvas.label(label, sx, sy, size=11, cls="lbl-anchor", required=True)
            break
        if y is not None:
            runs = level_guide(g, frame, y, screen.view, slope=slope)
        else:
            runs = line_guide(g, frame, x or 0.0, screen.view)
        if runs:
            canvas.add("guides", f'<path class="guide-key" d="{polyline_data(runs, screen)}"/>')
        sx, sy = screen.of(g.space(frame, *kind_xy)[0])
        canvas.label(label, sx, sy, size=11, cls="lbl-anchor", required=True)


def _anchor_mark(canvas: Canvas, sx: float, sy: float) -> None:
    """The diamond that marks the landmark or point a measure starts from."""
    canvas.add(
        "marks",
        f'<rect class="anchor" x="{sx - 4:.1f}" y="{sy - 4:.1f}" width="8" height="8" '
        f'transform="rotate(45 {sx:.1f} {sy:.1f})"/>',
    )
    canvas.occupy(sx, sy, 5)


def _scale(m: Measure) -> float:
    from .positions import FINGER_BREADTH_CUN

    return FINGER_BREADTH_CUN if m.unit == "finger-breadth" else 1.0


def point_chart(
    body: BodyModel,
    point: Point,
    everything: Sequence[Charted],
    *,
    view_name: str | None = None,
    link: str | None = "#{code}",
) -> str:
    """The close-up chart of one point (see the module's docstring)."""
    spots = placed(body, point)
    if not spots:
        raise ValueError(f"{point.code} has no computed position")
    first = spots[0]
    close_ups = [n for n in VIEWS if n not in WHOLE_BODY]
    v = view(view_name) if view_name else best_view(body, first, close_ups)
    part = part_of(body, first.position)
    loft = body.geometry.lofts.get(part)
    ring = [project(v, first.where)]
    if loft is not None:
        for s in (0.0, loft.length / 2, loft.length):
            ring += [project(v, loft.point(s, a * math.pi / 4)[0]) for a in range(8)]
    elif part in body.geometry.parts:
        ring += [project(v, w) for w in _ellipsoid_samples(body, part)]
    box = crop_box(ring, 1.0, 4.0)
    centre = project(v, first.where)
    every = [project(v, spot.where) for spot in spots]
    lookup = {p.code: p for p in everything}.get
    m = point.location.structure[0]
    for name in (m.from_, m.level, m.line, m.towards):
        if name is None:
            continue
        ax, ay, _, _, _ = _anchor(body, lookup, m.frame, name)
        if ay is not None:  # the anchor belongs in the picture too (a crease at its point's x)
            fx = ax if ax is not None else first.position.x
            every.append(project(v, body.geometry.space(m.frame, fx, ay)[0]))
    # a large part (the trunk, the thigh): only the neighbourhood of the point
    reach = _REACH.get(v.name.split("-")[0], 8.0)
    # the point's part near the point, and whatever the chart must show (every place, the anchors)
    near = (
        max(box[0], centre[0] - reach),
        max(box[1], centre[1] - reach),
        min(box[2], centre[0] + reach),
        min(box[3], centre[1] + reach),
    )
    box = (
        min(near[0], min(u for u, _ in every) - 1.5),
        min(near[1], min(w for _, w in every) - 1.5),
        max(near[2], max(u for u, _ in every) + 1.5),
        max(near[3], max(w for _, w in every) + 1.5),
    )
    screen = Screen(v, box, top=22)
    canvas = Canvas(height=screen.height + 22)
    canvas.boxes.append(Box(0, 0, WIDTH, 22))  # the caption's line
    add_clip(canvas, f"clip-{point.code}", 22, screen.height)
    draw_figure(body, canvas, screen, f"clip-{point.code}")
    _guides(body, canvas, screen, first.position.frame, first.position)
    for index, spot in enumerate(spots):
        for where, normal, mirrored in spot.sides():
            # the chart's own point is always drawn; its other places and its pair when they face the viewer
            if (index or mirrored) and (facing(v, normal) < 0.05 or (mirrored and not v.both_sides)):
                continue
            x, y = screen.of(where)
            canvas.add(
                "marks", marker(x, y, point.code, point_title(point), r=7, link=link_to(link, point.code))
            )
            canvas.occupy(x, y, 8)
    for index, alt in enumerate(point.location.alternatives, start=1):
        if alt.position is None:
            continue
        where, _ = body.geometry.space(alt.position.frame, alt.position.x, alt.position.y)
        x, y = screen.of(where)
        canvas.add(
            "marks",
            f'<a data-point="{point.code}" data-alternative="{index}"><circle class="pt-alt" cx="{x:.1f}" '
            f'cy="{y:.1f}" r="6"/><title>{escape(point.code)} alternative: {escape(alt.text)}</title></a>',
        )
        canvas.occupy(x, y, 7)
        canvas.label(f"{point.code} alt.", x, y, size=11, cls="lbl-alt", required=True)
    _measure(body, canvas, screen, point.location.structure[0], lookup)
    x, y = screen.of(first.where)
    canvas.label(point.code, x, y, size=14, cls="lbl", gap=9, required=True)
    canvas.add("labels", f'<text class="caption" x="{PAD}" y="16" font-size="13">{_caption(point, v)}</text>')
    _neighbours(body, canvas, screen, point, everything, link)
    return canvas.svg(
        point_title(point), f"{point.code}: {point.location.text}", f"chart-point view-{v.name}"
    )


def _caption(point: Point, v: View) -> str:
    return escape(f"{point.code} {point.pinyin} · {v.label}")


def _ellipsoid_samples(body: BodyModel, part: str) -> list[Vec]:
    p = body.geometry.parts[part]
    assert p.center is not None and p.radii is not None
    (cx, cy, cz), (rx, ry, rz) = p.center, p.radii
    return [
        (cx + dx * rx, cy + dy * ry, cz + dz * rz)
        for dx, dy, dz in ((1, 0, 0), (-1, 0, 0), (0, 1, 0), (0, -1, 0), (0, 0, 1), (0, 0, -1))
    ]


def _neighbours(
    body: BodyModel,
    canvas: Canvas,
    screen: Screen,
    point: Point,
    everything: Sequence[Charted],
    link: str | None,
) -> None:
    """The points nearest to this one on the parts the view is about, faint, whatever their channel."""
    v = screen.view
    here = placed(body, point)[0].where
    near: list[tuple[float, Charted, Vec]] = []
    for other in everything:
        pos = other.location.position
        if other.code == point.code or pos is None or not v.shows(part_of(body, pos)):
            continue
        for spot in placed(body, other):
            for where, normal, mirrored in spot.sides():
                if facing(v, normal) < 0.15 or (mirrored and not v.both_sides):
                    continue
                x, y = screen.of(where)
                if 4 < x < WIDTH - 4 and 26 < y < canvas.height - 4:
                    near.append((math.dist(here, where), spot.point, where))
    near.sort(key=lambda item: item[0])
    labelled: set[str] = set()
    for _, other, where in near[:_NEIGHBOURS]:
        x, y = screen.of(where)
        canvas.add(
            "faint",
            marker(x, y, other.code, point_title(other), r=4, cls="pt-faint", link=link_to(link, other.code)),
        )
        canvas.occupy(x, y, 4)
    for _, other, where in near[:_NEIGHBOURS]:
        if other.code not in labelled:
            x, y = screen.of(where)
            if canvas.label(other.code, x, y, size=11, cls="lbl-faint", gap=5):
                labelled.add(other.code)
