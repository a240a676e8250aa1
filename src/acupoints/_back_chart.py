"""The back chart: every back point by vertebral level and distance from the midline.

One side is drawn (the points beside the midline are bilateral), so the chart
fits a desktop column at full size and a phone with little sideways scrolling.

Labels are placed beside their own dot: to the right unless another dot or
label is in the way, then to the left (the Governor Vessel's to the left first,
keeping the midline clear). Every point is a link with a tap target of at
least 24 px at the chart's smallest size.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import TYPE_CHECKING

from .models import VERTEBRAL_LEVELS, Point, level_index

if TYPE_CHECKING:
    from .atlas import Atlas

__all__ = ["back_chart_parts", "back_chart_points"]

Href = Callable[[str], str]

_GROUPS = ("GV", "BL", "EX-B")
_FIRST, _LAST = "C7", "Co"
FORAMINA = 1.0
"""Where the sacral-foramen points (BL31-BL34) are drawn: their data gives the foramen, not a distance."""

COLUMNS: dict[float, tuple[str, str]] = {
    0.0: ("#7d3c98", "Midline (GV)"),
    0.5: ("#117a65", "0.5 cun (Huatuojiaji)"),
    FORAMINA: ("#a04000", "Sacral foramina (BL31–BL34)"),
    1.5: ("#1f618d", "1.5 cun (inner Bladder line)"),
    3.0: ("#2874a6", "3 cun (outer Bladder line)"),
    3.5: ("#148f77", "3.5 cun (extra points)"),
}
_ROW = 30
_PER_CUN = 90
_CENTRE = 95  # the midline; the level labels and the Governor Vessel's labels to its left
_LABEL_FONT = 13
_SMALL_FONT = 12
_HIT = 14  # tap-target radius: 28 px across, >= 24 px at the smallest size (12 -> 11 px)


def _column(point: Point) -> float | None:
    loc = point.location
    if loc.from_midline_cun is not None:
        return float(loc.from_midline_cun) if float(loc.from_midline_cun) in COLUMNS else None
    if loc.level is not None and loc.level.startswith("S"):
        return FORAMINA
    return None


def back_chart_points(atlas: Atlas) -> list[Point]:
    """The points the back chart holds: every Governor Vessel, Bladder and back extra point
    with a vertebral level from C7 to the coccyx (and a column to stand in)."""
    low, high = level_index(_FIRST), level_index(_LAST)
    return [
        p
        for p in atlas.points()
        if p.group in _GROUPS
        and p.location.level is not None
        and low <= level_index(p.location.level) <= high
        and _column(p) is not None
    ]


def _text_width(text: str, size: float) -> float:
    return 0.64 * size * len(text)


def back_chart_parts(atlas: Atlas, href: Href | None) -> tuple[float, float, list[str], str, float]:
    """Width, height, SVG body, description and smallest font of the back chart."""
    levels = [
        lvl for lvl in VERTEBRAL_LEVELS if level_index(_FIRST) <= level_index(lvl) <= level_index(_LAST)
    ]
    top = 124
    height = top + _ROW * (len(levels) - 1) + 40
    width = _CENTRE + 3.5 * _PER_CUN + 62
    row_y = {lvl: top + i * _ROW for i, lvl in enumerate(levels)}
    body = [f'<rect class="panel" width="{width:.0f}" height="{height}" fill="#fbfcfc"/>']
    body.append(
        f'<text x="{width / 2:.0f}" y="24" text-anchor="middle" font-size="16" font-weight="600" '
        'fill="currentColor">The back: points by vertebral level</text>'
    )
    # key, three rows of two
    for n, (colour, label) in enumerate(COLUMNS.values()):
        kx, ky = 16 + (n % 2) * 226, 48 + (n // 2) * 19
        body.append(
            f'<circle cx="{kx}" cy="{ky - 4}" r="5" fill="{colour}" class="dot"/>'
            f'<text x="{kx + 10}" y="{ky}" font-size="{_SMALL_FONT}" fill="currentColor">'
            f"{escape(label)}</text>"
        )
    for cun, (colour, _) in COLUMNS.items():
        x = _CENTRE + cun * _PER_CUN
        body.append(
            f'<line x1="{x:.0f}" y1="{top - 14}" x2="{x:.0f}" y2="{height - 28}" stroke="{colour}" '
            'stroke-width="1" stroke-dasharray="3 4" opacity="0.6"/>'
        )
        if cun != FORAMINA:
            body.append(
                f'<text x="{_CENTRE + cun * _PER_CUN:.0f}" y="{top - 18}" font-size="{_SMALL_FONT}" '
                f'text-anchor="middle" class="muted" fill="#566573">{cun:g}</text>'
            )
    body.append(
        f'<text x="{_CENTRE + 3.5 * _PER_CUN + 18:.0f}" y="{top - 18}" font-size="{_SMALL_FONT}" '
        'class="muted" fill="#566573">cun</text>'
    )
    for level, y in row_y.items():
        body.append(
            f'<text x="12" y="{y + 4}" font-size="{_SMALL_FONT}" class="muted" fill="#566573">{level}</text>'
            f'<line x1="40" y1="{y}" x2="{width - 12:.0f}" y2="{y}" class="rule" stroke="#e5e8e8"/>'
        )

    # every dot first, so labels can avoid all of them
    dots: dict[str, list[tuple[float, float, float]]] = {}  # code -> (x, y, r)
    points = back_chart_points(atlas)
    for point in points:
        loc = point.location
        assert loc.level is not None
        column = _column(point)
        assert column is not None
        span = [loc.level]
        if loc.level_to:
            span = [
                lvl
                for lvl in levels
                if level_index(loc.level) <= level_index(lvl) <= level_index(loc.level_to)
            ]
        radius = 4.0 if len(span) > 1 else 6.0
        dots[point.code] = [(_CENTRE + column * _PER_CUN, float(row_y[lvl]), radius) for lvl in span]
    taken: dict[float, list[tuple[float, float]]] = {}  # row y -> occupied x intervals
    for spots in dots.values():
        for sx, sy, sr in spots:
            taken.setdefault(sy, []).append((sx - sr - 1, sx + sr + 1))

    def free(y: float, a: float, b: float) -> bool:
        return all(b <= lo or a >= hi for lo, hi in taken.get(y, []))

    for point in points:
        spots = dots[point.code]
        dx, dy, dr = min(spots, key=lambda s: s[1])  # at its first level
        w = _text_width(point.code, _LABEL_FONT)
        right = (dx + dr + 4, dx + dr + 4 + w)
        left = (dx - dr - 4 - w, dx - dr - 4)
        options = [left, right] if point.group == "GV" or _column(point) == 0.0 else [right, left]
        a, b = next((o for o in options if free(dy, *o)), options[0])
        taken.setdefault(dy, []).append((a, b))
        # anchored at the dot's side, so the label hugs its dot whatever the font's real width
        at, anchor = (b, "end") if (a, b) == left else (a, "start")
        label = (
            f'<text x="{at:.0f}" y="{dy + 4.5:.0f}" font-size="{_LABEL_FONT}" text-anchor="{anchor}" '
            'fill="currentColor">'
            f"{escape(point.code)}</text>"
        )
        colour = COLUMNS[_column(point) or 0.0][0]
        marks = "".join(
            f'<circle cx="{sx:.0f}" cy="{sy}" r="{_HIT}" fill="#000" fill-opacity="0" class="hit"/>'
            f'<circle cx="{sx:.0f}" cy="{sy}" r="{sr:g}" fill="{colour}" class="dot"/>'
            for sx, sy, sr in spots
        )
        title = f"<title>{escape(point.code)} {escape(point.pinyin)} {escape(point.hanzi)}</title>"
        inner = (
            f'<g class="point" data-code="{point.code}" data-point="{point.code}">{title}{marks}{label}</g>'
        )
        body.append(inner if href is None else f'<a href="{escape(href(point.code))}">{inner}</a>')
    desc = (
        f"Chart of the back from {_FIRST} to the coccyx with {len(points)} points, one side shown (the "
        "points beside the midline are bilateral): the Governor Vessel "
        "on the midline, Huatuojiaji 0.5 cun, the sacral foramina, the inner Bladder line 1.5 cun and the "
        "outer line 3 cun from it, and the extra points at 3.5 cun, each at the level of its vertebra."
    )
    return width, height, body, desc, _SMALL_FONT
