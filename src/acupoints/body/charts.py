"""SVG charts of points, meridians and complaints, drawn from the computed positions.

A point chart shows the close-up that faces the point best, the measuring
line from its anchor with the distances labelled, the anchor named and the
neighbouring points faint. Charts of several points (a meridian, a complaint's
candidates) show each point on the whole-body view that faces it best, one
panel per view needed, cropped to the points.
"""

from __future__ import annotations

import itertools
import math
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from ..placement import Measure, Position
from .figure import Outline, feature_runs, level_guide, line_guide, outlines, path_data, polyline_data
from .geometry import Vec, mirror
from .svg import WIDTH, Box, Canvas, escape, marker
from .views import VIEWS, WHOLE_BODY, View, facing, project, view

if TYPE_CHECKING:
    from ..models import Point
    from . import BodyModel
    from .charted import Charted

__all__ = ["ROLE_CLASSES", "Placed", "panel_chart", "placed", "point_chart"]

ROLE_CLASSES = ("local", "adjacent", "segmental", "distal")
_MAX_HEIGHT = 520
_REACH = {"head": 3.6, "hand": 4.5, "foot": 5.0}
"""Half the side of a point chart's crop, in model units, by kind of view (else 8)."""
_NEIGHBOURS = 14
_BROWS = 69.9
"""Height (model units) above which the face's edge merges into the skull's."""
_PAD = 14


@dataclass(frozen=True)
class Placed:
    """A point's position in 3-D, both sides."""

    point: Charted
    position: Position
    where: Vec
    normal: Vec

    def sides(self) -> list[tuple[Vec, Vec, bool]]:
        out = [(self.where, self.normal, False)]
        if self.point.location.side == "bilateral":
            out.append((mirror(self.where), mirror(self.normal), True))
        return out


def placed(body: BodyModel, point: Charted) -> list[Placed]:
    """Every place of a point in 3-D (cached on the body model)."""
    cache = body.cache.setdefault("placed", {})
    key = (point.code, id(point))
    found = cache.get(key)
    if found is None:
        loc = point.location
        positions = loc.positions or ((loc.position,) if loc.position else ())
        found = []
        for pos in positions:
            where, normal = body.geometry.space(pos.frame, pos.x, pos.y)
            found.append(Placed(point, pos, where, normal))
        cache[key] = found
    return list(found)


def _features(body: BodyModel, v: View) -> list[list[tuple[float, float]]]:
    """The figure's features (eyes, lips, navel, spine) as the view sees them, once per view."""
    cache = body.cache.setdefault("features", {})
    if v.name not in cache:
        runs: list[list[tuple[float, float]]] = []
        for feature in body.data.features:
            if v.draws(body.frame(feature.frame).part):
                spots = {lm.name: (lm.x, lm.y) for lm in body.data.landmarks if lm.frame == feature.frame}
                runs += feature_runs(body.geometry, feature, spots, v)
        cache[v.name] = runs
    return list(cache[v.name])


def _cached_runs(
    body: BodyModel, key: tuple[object, ...], make: Callable[[], list[list[tuple[float, float]]]]
) -> list[list[tuple[float, float]]]:
    cache = body.cache.setdefault("runs", {})
    if key not in cache:
        cache[key] = make()
    return list(cache[key])


def _outlines(body: BodyModel, v: View) -> list[Outline]:
    cache = body.cache.setdefault("outlines", {})
    if v.name not in cache:
        cache[v.name] = outlines(body.geometry, v)
    return list(cache[v.name])


def _title(point: Charted) -> str:
    return f"{point.code} {point.pinyin} {point.hanzi} — {point.english}"


def _part(body: BodyModel, pos: Position) -> str:
    return body.frame(pos.frame).part


class _Screen:
    """The map from a view's model units to the canvas, fitted to a crop box."""

    def __init__(
        self,
        v: View,
        box: tuple[float, float, float, float],
        top: float = 0.0,
        max_height: float = _MAX_HEIGHT,
        canvas_width: float = WIDTH,
    ) -> None:
        u0, v0, u1, v1 = box
        self.view = v
        self.top = top
        width, height = max(u1 - u0, 1e-3), max(v1 - v0, 1e-3)
        self.k = min((canvas_width - 2 * _PAD) / width, (max_height - 2 * _PAD) / height)
        self.ox = (canvas_width - width * self.k) / 2 - u0 * self.k
        self.oy = top + _PAD + v1 * self.k
        self.height = height * self.k + 2 * _PAD

    def __call__(self, p: tuple[float, float]) -> tuple[float, float]:
        return self.ox + p[0] * self.k, self.oy - p[1] * self.k

    def of(self, where: Vec) -> tuple[float, float]:
        return self(project(self.view, where))


def _box(
    points: Sequence[tuple[float, float]], margin: float, minimum: float
) -> tuple[float, float, float, float]:
    us, vs = [p[0] for p in points], [p[1] for p in points]
    u0, u1, v0, v1 = min(us) - margin, max(us) + margin, min(vs) - margin, max(vs) + margin
    if u1 - u0 < minimum:
        c = (u0 + u1) / 2
        u0, u1 = c - minimum / 2, c + minimum / 2
    if v1 - v0 < minimum:
        c = (v0 + v1) / 2
        v0, v1 = c - minimum / 2, c + minimum / 2
    return u0, v0, u1, v1


def _figure(body: BodyModel, canvas: Canvas, screen: _Screen, clip: str, per_unit: int = 10) -> None:
    canvas.add("figure", f'<g clip-path="url(#{clip})">')
    seen = (-4.0, screen.top - 4, canvas.width + 4, screen.top + screen.height + 4)
    for index, outline in enumerate(_outlines(body, screen.view)):
        # each outline once, stroked and then filled by reference (half the bytes); only what is seen
        d = path_data(outline.polygons, screen, per_unit, within=seen)
        if not d:
            continue
        shape = f"{clip}-o{index}"
        canvas.add("figure", f'<defs><path id="{shape}" d="{d}"/></defs>')
        edge = f'<use class="fig-edge" href="#{shape}"/>'
        if outline.group == "face" and screen.view.up == (0.0, 1.0, 0.0):
            # the face meets the skull without a seam: its edge is drawn below the brows only
            top = screen((0.0, _BROWS))[1]
            canvas.add(
                "figure",
                f'<clipPath id="{clip}-face"><rect x="0" y="{top:.1f}" width="{canvas.width:g}" height="{canvas.height:.0f}"/></clipPath>',
            )
            edge = f'<g clip-path="url(#{clip}-face)">{edge}</g>'
        canvas.add("figure", f'{edge}<use class="fig-fill" href="#{shape}"/>')
    runs = _features(body, screen.view)
    if runs:
        canvas.add("figure", f'<path class="feature" d="{polyline_data(runs, screen)}"/>')
    canvas.add("figure", "</g>")
    canvas.clip = clip


def _clip(canvas: Canvas, name: str, top: float, height: float) -> None:
    canvas.add(
        "figure",
        f'<clipPath id="{name}"><rect x="0" y="{top:.1f}" width="{canvas.width:g}" height="{height:.1f}"/></clipPath>',
    )


def _guides(body: BodyModel, canvas: Canvas, screen: _Screen, frame: str, near: Position) -> None:
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
            runs = _cached_runs(
                body,
                ("level", frame, y, slope, v.name),
                partial(level_guide, body.geometry, frame, y, v, slope=slope),
            )
        elif (
            lm.kind in ("tendon", "line") and lm.x is not None and lm.y is None and abs(lm.x - near.x) <= 1.0
        ):
            x = lm.x
            runs = _cached_runs(
                body, ("line", frame, x, v.name), partial(line_guide, body.geometry, frame, x, v)
            )
        else:
            continue
        if runs:
            canvas.add("guides", f'<path class="guide" d="{polyline_data(runs, screen)}"/>')


def _best_view(body: BodyModel, spot: Placed, names: Sequence[str]) -> View:
    part = _part(body, spot.position)
    choices = [VIEWS[n] for n in names if VIEWS[n].shows(part) and VIEWS[n].draws(part)]
    return max(choices, key=lambda v: facing(v, spot.normal))


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
    body: BodyModel, canvas: Canvas, screen: _Screen, m: Measure, lookup: Callable[[str], Charted | None]
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
    v = view(view_name) if view_name else _best_view(body, first, close_ups)
    part = _part(body, first.position)
    loft = body.geometry.lofts.get(part)
    ring = [project(v, first.where)]
    if loft is not None:
        for s in (0.0, loft.length / 2, loft.length):
            ring += [project(v, loft.point(s, a * math.pi / 4)[0]) for a in range(8)]
    elif part in body.geometry.parts:
        ring += [project(v, w) for w in _ellipsoid_samples(body, part)]
    box = _box(ring, 1.0, 4.0)
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
    screen = _Screen(v, box, top=22)
    canvas = Canvas(height=screen.height + 22)
    canvas.boxes.append(Box(0, 0, WIDTH, 22))  # the caption's line
    _clip(canvas, f"clip-{point.code}", 22, screen.height)
    _figure(body, canvas, screen, f"clip-{point.code}")
    _guides(body, canvas, screen, first.position.frame, first.position)
    for index, spot in enumerate(spots):
        for where, normal, mirrored in spot.sides():
            # the chart's own point is always drawn; its other places and its pair when they face the viewer
            if (index or mirrored) and (facing(v, normal) < 0.05 or (mirrored and not v.both_sides)):
                continue
            x, y = screen.of(where)
            canvas.add("marks", marker(x, y, point.code, _title(point), r=7, link=_link(link, point.code)))
            canvas.occupy(x, y, 8)
    for index, alt in enumerate(point.location.alternatives, start=1):
        if alt.position is None:
            continue
        where, _ = body.geometry.space(alt.position.frame, alt.position.x, alt.position.y)
        x, y = screen.of(where)
        canvas.add(
            "marks",
            f'<a data-point="{point.code}" data-alternative="{index}"><circle class="pt-alt" cx="{x:.1f}" '
            f'cy="{y:.1f}" r="6"/><title>{_esc(point.code)} alternative: {_esc(alt.text)}</title></a>',
        )
        canvas.occupy(x, y, 7)
        canvas.label(f"{point.code} alt.", x, y, size=11, cls="lbl-alt", required=True)
    _measure(body, canvas, screen, point.location.structure[0], lookup)
    x, y = screen.of(first.where)
    canvas.label(point.code, x, y, size=14, cls="lbl", gap=9, required=True)
    canvas.add(
        "labels", f'<text class="caption" x="{_PAD}" y="16" font-size="13">{_caption(point, v)}</text>'
    )
    _neighbours(body, canvas, screen, point, everything, link)
    return canvas.svg(_title(point), f"{point.code}: {point.location.text}", f"chart-point view-{v.name}")


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


def _link(pattern: str | None, code: str) -> str | None:
    return pattern.format(code=code) if pattern else None


def _neighbours(
    body: BodyModel,
    canvas: Canvas,
    screen: _Screen,
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
        if other.code == point.code or pos is None or not v.shows(_part(body, pos)):
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
            marker(x, y, other.code, _title(other), r=4, cls="pt-faint", link=_link(link, other.code)),
        )
        canvas.occupy(x, y, 4)
    for _, other, where in near[:_NEIGHBOURS]:
        if other.code not in labelled:
            x, y = screen.of(where)
            if canvas.label(other.code, x, y, size=11, cls="lbl-faint", gap=5):
                labelled.add(other.code)


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
            best = _best_view(body, spot, list(views or WHOLE_BODY))
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
    panels: list[tuple[View, list[Placed], _Screen]] = []
    top = 22.0
    for name in order:
        v = VIEWS[name]
        spots = by_view[name]
        box = _box([project(v, s.where) for s in spots], 3.0, 9.0)
        screen = _Screen(v, box, top=top, max_height=_MAX_HEIGHT + 80)
        panels.append((v, spots, screen))
        top += screen.height + 18
    canvas = Canvas(height=top)
    canvas.add("labels", f'<text class="caption" x="{_PAD}" y="16" font-size="13">{_esc(title)}</text>')
    for index, (v, spots, screen) in enumerate(panels):
        clip = f"clip-{zlib.crc32(title.encode()):08x}-{index}"
        _clip(canvas, clip, screen.top, screen.height)
        _figure(body, canvas, screen, clip)
        canvas.add(
            "labels",
            f'<text class="lbl-faint" x="{WIDTH - _PAD}" y="{screen.top + _PAD:.1f}" '
            f'font-size="11" text-anchor="end">{_esc(v.label)}</text>',
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
                    _title(spot.point),
                    r=5.5,
                    cls=cls,
                    link=_link(link, spot.point.code),
                ),
            )
            canvas.occupy(x, y, 6)
        named: set[str] = set()
        for spot in spots:  # a point with several places is named once per panel
            x, y = screen.of(spot.where)
            if spot.point.code not in named and canvas.label(spot.point.code, x, y, size=11, gap=6):
                named.add(spot.point.code)
    return canvas.svg(title, title, "chart-panels")


def _esc(text: str) -> str:
    return escape(text)
