"""Charts of several points (a meridian, a vessel, a complaint's candidates).

Each point is drawn on the whole-body view that faces it best, one panel per
view needed, cropped to the points; a channel's points are joined in order.
"""

from __future__ import annotations

import itertools
import math
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
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
    part_of,
    placed,
    point_title,
)
from .svg import WIDTH, Canvas, escape, marker
from .views import VIEWS, WHOLE_BODY, View, facing, project

if TYPE_CHECKING:
    from ..models import Point
    from . import BodyModel

__all__ = ["panel_chart"]


_MARK = 5.5
"""A panel's marker radius, in canvas units."""
_CLEAR = 2 * _MARK + 1
"""Two markers closer than this (centre to centre, canvas units) are crowded."""
_SAME = 0.05
"""Places this close (model units) are one place on the body, e.g. ST35 and EX-LE5's lateral point."""
_NEAR = 5.0
"""Crowded places this close (model units) share a close-up."""
_MAX_ZOOM = 40.0
"""The most canvas units per model unit a close-up is drawn at (about five times the whole body)."""
_CLOSEUP_HEIGHT = MAX_HEIGHT + 80
_MARGIN = 1.2
"""Model units round the crowded places in a close-up."""


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
    in ``sequence`` (a vessel's trajectory) when it is given. Where markers
    would crowd each other on a whole-body panel, a close-up of that part of
    the same view follows it, drawn large enough to tell them apart (the
    whole-body panel frames the part and leaves those points unlabelled).
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
    panels: list[_Panel] = []
    clear: set[str] = set()  # the points already drawn clear of the others on an earlier panel
    top = 22.0
    for name in order:
        v = VIEWS[name]
        spots = by_view[name]
        box = crop_box([project(v, s.where) for s in spots], 3.0, 9.0)
        whole = _Panel(v, spots, Screen(v, box, top=top, max_height=_CLOSEUP_HEIGHT), v.label)
        panels.append(whole)
        top += whole.screen.height + 18
        closeups = _closeups(body, whole, clear)
        crowded_here = {id(s) for c in closeups for s in c[3]}
        clear.update(s.point.code for s in spots if id(s) not in crowded_here)
        for close, crop, inside, crowded, frame in closeups:
            clear.update(s.point.code for s in inside)
            screen = Screen(close, crop, top=top, max_height=_CLOSEUP_HEIGHT)
            whole.frames.append(frame)
            whole.unlabelled.update(id(s) for s in crowded)
            caption = f"{v.label}, close-up" if close is v else close.label
            panels.append(_Panel(close, inside, screen, caption))
            top += screen.height + 18
    canvas = Canvas(height=top)
    canvas.add("labels", f'<text class="caption" x="{PAD}" y="16" font-size="13">{escape(title)}</text>')
    number = {p.code: p.number for p in points}
    for index, panel in enumerate(panels):
        clip = f"clip-{zlib.crc32(title.encode()):08x}-{index}"
        add_clip(canvas, clip, panel.screen.top, panel.screen.height)
        draw_figure(body, canvas, panel.screen, clip)
        _draw_panel(canvas, panel, roles=roles, chain=chain, sequence=sequence, number=number, link=link)
    return canvas.svg(title, title, "chart-panels")


@dataclass
class _Panel:
    view: View
    spots: list[Placed]
    screen: Screen
    caption: str
    frames: list[Box4] = field(default_factory=list)
    """The parts of the view drawn again as close-ups, framed on this panel."""
    unlabelled: set[int] = field(default_factory=set)
    """``id()`` of the spots left unlabelled here because a close-up names them."""


Box4 = tuple[float, float, float, float]


def _closeups(
    body: BodyModel, whole: _Panel, clear: set[str]
) -> list[tuple[View, Box4, list[Placed], list[Placed], Box4]]:
    """(view, crop box, spots inside it, crowded spots, frame on the whole-body panel) of each
    close-up a whole-body panel needs.

    A close-up is drawn on whichever view tells its crowded places furthest apart: the panel's
    own view, or a close-up view of their parts (the foot from the inside for the inner edge of
    the foot, which every whole-body view sees edge-on).
    """
    v, spots, k = whole.view, whole.spots, whole.screen.k
    uv = [project(v, s.where) for s in spots]
    crowded: dict[int, float] = {}  # index -> the distance to its nearest crowding neighbour
    for i, j in itertools.combinations(range(len(spots)), 2):
        if spots[i].point.code == spots[j].point.code:
            continue  # one point's own places (EX-B2's row) read as one point, whatever their spacing
        d = math.dist(uv[i], uv[j])
        if d > _SAME and d * k < _CLEAR:
            for index in (i, j):
                if spots[index].point.code not in clear:  # else an earlier panel showed it clear
                    crowded[index] = min(crowded.get(index, d), d)
    out = []
    for group in _groups(sorted(crowded), uv):
        zoom = min(_MAX_ZOOM, max(_CLEAR / min(crowded[i] for i in group), 1.5 * k))
        if zoom <= k:
            continue
        for part in _bands(group, uv, zoom):
            band = [spots[i] for i in part]
            # the band's neighbours count too: a point shown clear elsewhere still crowds it here
            in_band = {id(s) for s in band}
            pool = band + [
                s
                for s, p in zip(spots, uv, strict=True)
                if any(math.dist(p, uv[i]) * k < _CLEAR for i in part) and id(s) not in in_band
            ]
            close, gap = _clearest_view(body, v, band, pool)
            zoom = min(_MAX_ZOOM, max(_CLEAR / gap, 1.5 * k)) if gap > 0 else _MAX_ZOOM
            puv = [project(close, s.where) for s in band]
            us, vs = [p[0] for p in puv], [p[1] for p in puv]
            cu, half = (min(us) + max(us)) / 2, (WIDTH - 2 * PAD) / zoom / 2
            half = max(half, (max(us) - min(us)) / 2 + _MARGIN)
            crop = (cu - half, min(vs) - _MARGIN, cu + half, max(vs) + _MARGIN)
            inside = []
            for spot in spots:
                pu, pv = project(close, spot.where)
                seen = close is v or (
                    facing(close, spot.normal) > 0 and close.shows(part_of(body, spot.position))
                )
                if seen and crop[0] <= pu <= crop[2] and crop[1] <= pv <= crop[3]:
                    inside.append(spot)
            fu, fv = [uv[i][0] for i in part], [uv[i][1] for i in part]
            frame = (min(fu) - _MARGIN, min(fv) - _MARGIN, max(fu) + _MARGIN, max(fv) + _MARGIN)
            out.append((close, crop, inside, band, frame))
    return out


def _clearest_view(
    body: BodyModel, own: View, band: Sequence[Placed], pool: Sequence[Placed]
) -> tuple[View, float]:
    """The view that draws a band of crowded places furthest apart from each other and from
    the places that crowd them (``pool``, the band included), and that least distance."""

    def gap(view: View) -> float:
        pts = [(s.point.code, project(view, s.where)) for s in pool]
        found = [
            math.dist(a, b)
            for index, (ca, a) in enumerate(pts[: len(band)])
            for cb, b in pts[index + 1 :]
            if ca != cb and math.dist(a, b) > _SAME
        ]
        return min(found, default=0.0)

    own_gap = gap(own)
    best, widest, score = own, own_gap, 0.0
    parts = {part_of(body, s.position) for s in band}
    for view in VIEWS.values():
        if view.name in WHOLE_BODY or not all(view.shows(p) and view.draws(p) for p in parts):
            continue
        faces = [facing(view, s.normal) for s in band]
        if min(faces) < 0.15:
            continue
        found = gap(view)
        # another view only when it parts them clearly better; among those, the one that
        # faces them best for the distance it gives
        if found > own_gap * 1.5 and found * sum(faces) / len(faces) > score:
            best, widest, score = view, found, found * sum(faces) / len(faces)
    return best, widest


def _groups(indices: list[int], uv: Sequence[tuple[float, float]]) -> list[list[int]]:
    """Crowded places joined into groups: any two within :data:`_NEAR` share one."""
    parent = {i: i for i in indices}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in itertools.combinations(indices, 2):
        if math.dist(uv[i], uv[j]) <= _NEAR:
            parent[root(i)] = root(j)
    groups: dict[int, list[int]] = {}
    for i in indices:
        groups.setdefault(root(i), []).append(i)
    return sorted(groups.values(), key=lambda g: -max(uv[i][1] for i in g))


def _bands(group: list[int], uv: Sequence[tuple[float, float]], zoom: float) -> list[list[int]]:
    """A group cut into bands from the top, each short enough to draw at ``zoom``."""
    tallest = (_CLOSEUP_HEIGHT - 2 * PAD) / zoom - 2 * _MARGIN
    bands: list[list[int]] = []
    for i in sorted(group, key=lambda i: -uv[i][1]):
        if bands and uv[bands[-1][0]][1] - uv[i][1] <= tallest:
            bands[-1].append(i)
        else:
            bands.append([i])
    return bands


def _draw_panel(
    canvas: Canvas,
    panel: _Panel,
    *,
    roles: dict[str, str] | None,
    chain: bool,
    sequence: Sequence[str] | None,
    number: dict[str, int],
    link: str | None,
) -> None:
    """A panel's caption, channel lines, close-up frames, markers and labels."""
    screen, spots = panel.screen, panel.spots
    canvas.add(
        "labels",
        f'<text class="lbl-faint halo" x="{WIDTH - PAD}" y="{screen.top + PAD:.1f}" '
        f'font-size="11" text-anchor="end">{escape(panel.caption)}</text>',
    )
    for u0, v0, u1, v1 in panel.frames:
        (x0, y0), (x1, y1) = screen((u0, v1)), screen((u1, v0))
        canvas.add(
            "lines",
            f'<rect class="closeup" x="{x0:.1f}" y="{y0:.1f}" width="{x1 - x0:.1f}" height="{y1 - y0:.1f}"/>',
        )
    if chain and sequence is not None:
        first: dict[str, Placed] = {}
        for spot in spots:
            first.setdefault(spot.point.code, spot)
        pairs = [(first[a], first[b]) for a, b in itertools.pairwise(sequence) if a in first and b in first]
    elif chain:
        ordered = sorted(spots, key=lambda s: number.get(s.point.code, 0))
        pairs = [
            (a, b)
            for a, b in itertools.pairwise(ordered)
            if number.get(b.point.code, 0) - number.get(a.point.code, 0) == 1
        ]
    else:
        pairs = []
    for a, b in pairs:
        (x0, y0), (x1, y1) = screen.of(a.where), screen.of(b.where)
        canvas.add("lines", f'<path class="chain" d="M{x0:.1f} {y0:.1f}L{x1:.1f} {y1:.1f}"/>')
    for spot in spots:
        cls = f"pt role-{roles[spot.point.code]}" if roles and spot.point.code in roles else "pt"
        x, y = screen.of(spot.where)
        title = point_title(spot.point)
        canvas.add(
            "marks",
            marker(x, y, spot.point.code, title, r=_MARK, cls=cls, link=link_to(link, spot.point.code)),
        )
        canvas.occupy(x, y, 6)
    named: set[str] = set()
    for spot in spots:  # a point with several places is named once per panel
        if id(spot) in panel.unlabelled:
            continue
        x, y = screen.of(spot.where)
        if spot.point.code not in named and canvas.label(spot.point.code, x, y, size=11, gap=6):
            named.add(spot.point.code)
