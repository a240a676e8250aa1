"""SVG diagrams drawn from the data: plain SVG text, no drawing library.

Each diagram has a ``<title>`` and a ``<desc>`` (its text alternative) and is
``role="img"``; points are links when a ``href`` function is given, so the
site can inline the SVG and every point stays one click away.

>>> import acupoints
>>> svg = back_chart(acupoints.load())
>>> svg.startswith("<svg") and "BL23" in svg
True
"""

from __future__ import annotations

import math
from collections.abc import Callable
from html import escape
from typing import TYPE_CHECKING

from ._back_chart import back_chart_parts, back_chart_points
from .models import Point

if TYPE_CHECKING:
    from .atlas import Atlas
    from .results import Candidates

__all__ = ["back_chart", "back_chart_points", "complaint_diagram", "meridian_chain", "organ_clock"]

Href = Callable[[str], str]

_FONT = "font-family:system-ui,sans-serif"
_ROLE_COLOURS = {"local": "#c0392b", "segmental": "#8e44ad", "adjacent": "#d68910", "distal": "#1f618d"}
_MARKS: dict[str, tuple[str, str]] = {
    "jing-well": ("W", "#5d6d7e"),
    "ying-spring": ("Sp", "#5d6d7e"),
    "shu-stream": ("St", "#5d6d7e"),
    "jing-river": ("R", "#5d6d7e"),
    "he-sea": ("Se", "#5d6d7e"),
    "yuan-source": ("Y", "#b9770e"),
    "luo-connecting": ("L", "#117a65"),
    "xi-cleft": ("X", "#a93226"),
    "back-shu": ("BS", "#1f618d"),
    "front-mu": ("M", "#1f618d"),
    "confluent": ("C", "#7d3c98"),
    "influential": ("I", "#7d3c98"),
}


_MIN_LABEL_PX = 11
"""No label may be drawn smaller than this on screen; a diagram's minimum width follows from it."""


def _svg(
    width: float, height: float, ident: str, title: str, desc: str, body: list[str], min_font: float
) -> str:
    """The diagram's root: it scales down with its container, but never below the width at
    which its smallest text (``min_font`` in the drawing's units) would be under 11 px."""
    least = width * _MIN_LABEL_PX / min_font
    return "\n".join(
        [
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" '
            f'width="100%" style="max-width:{width:.0f}px;min-width:{min(width, least):.0f}px;{_FONT}" '
            f'role="img" aria-labelledby="{ident}-title {ident}-desc" class="acupoints-diagram" id="{ident}">',
            f'<title id="{ident}-title">{escape(title)}</title>',
            f'<desc id="{ident}-desc">{escape(desc)}</desc>',
            *body,
            "</svg>",
        ]
    )


def _link(href: Href | None, code: str, inner: str) -> str:
    if href is None:
        return inner
    return f'<a href="{escape(href(code))}">{inner}</a>'


def back_chart(atlas: Atlas, href: Href | None = None) -> str:
    """The back from C7 to the coccyx: the Governor Vessel on the midline, Huatuojiaji
    at 0.5 cun, the sacral foramina, the inner Bladder line at 1.5 cun, the outer at
    3 cun and the extra points at 3.5 cun, each point placed by its vertebral level,
    labelled beside its own dot and linked (see :func:`back_chart_points`)."""
    width, height, body, desc, smallest = back_chart_parts(atlas, href)
    return _svg(width, height, "back-chart", "Back chart by vertebral level", desc, body, smallest)


def organ_clock(atlas: Atlas, href: Href | None = None) -> str:
    """The 24-hour organ clock: the twelve meridians in the order of the flow."""
    size = 540
    c = size / 2
    radius = 180
    body = [f'<rect class="panel" width="{size}" height="{size}" fill="#fbfcfc"/>']
    body.append(
        f'<circle cx="{c}" cy="{c}" r="{radius}" fill="none" class="rule" stroke="#d5dbdb" stroke-width="28"/>'
    )
    flowing = sorted((m for m in atlas.meridians() if m.hours), key=lambda m: m.flow_order or 0)
    positions = []
    for meridian in flowing:
        assert meridian.hours is not None
        start = meridian.hours[0]
        angle = (start + 1) / 24 * 2 * math.pi - math.pi / 2
        x, y = c + radius * math.cos(angle), c + radius * math.sin(angle)
        positions.append((x, y))
        colour = "#c0392b" if meridian.polarity == "yang" else "#1f618d"
        label = (
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="26" fill="{colour}"/>'
            f'<text x="{x:.1f}" y="{y + 6:.1f}" font-size="17" font-weight="700" fill="#fff" '
            f'text-anchor="middle">{meridian.code}</text>'
        )
        hours = f"{meridian.hours[0]:02d}–{meridian.hours[1]:02d}"
        tx, ty = c + (radius + 52) * math.cos(angle), c + (radius + 52) * math.sin(angle)
        label += (
            f'<text x="{tx:.1f}" y="{ty + 6:.1f}" font-size="17" text-anchor="middle" class="muted" '
            f'fill="#566573">{hours}</text>'
        )
        body.append(
            _link(href, meridian.code, f"<g><title>{escape(meridian.english)} {hours}</title>{label}</g>")
        )
    for (x1, y1), (x2, y2) in zip(positions, positions[1:] + positions[:1], strict=True):
        mx, my = (x1 + x2) / 2, (y1 + y2) / 2
        inward = 0.86
        body.append(
            f'<path d="M{x1:.1f},{y1:.1f} Q{c + (mx - c) * inward:.1f},{c + (my - c) * inward:.1f} {x2:.1f},{y2:.1f}" '
            'fill="none" stroke="#7f8c8d" stroke-width="1.2" marker-end="url(#clock-arrow)" opacity="0.7"/>'
        )
    body.insert(
        1,
        '<defs><marker id="clock-arrow" viewBox="0 0 10 10" refX="30" refY="5" markerWidth="6" markerHeight="6" '
        'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#7f8c8d"/></marker></defs>',
    )
    body.append(
        f'<text x="{c}" y="{c - 8}" text-anchor="middle" font-size="18" font-weight="600" '
        'fill="currentColor">Organ clock</text>'
        f'<text x="{c}" y="{c + 18}" text-anchor="middle" font-size="17" class="muted" fill="#566573">'
        "red: yang, blue: yin</text>"
    )
    order = " → ".join(m.code for m in flowing)
    desc = f"The 24-hour flow through the twelve meridians, two hours each: {order} → LU."
    return _svg(size, size, "organ-clock", "The 24-hour organ clock", desc, body, 17)


def _marks(point: Point) -> list[tuple[str, str, str]]:
    out: list[tuple[str, str, str]] = []
    for category in point.categories:
        mark = _MARKS.get(category.kind)
        if mark is not None:
            out.append((mark[0], mark[1], category.kind))
    return out


def meridian_chain(atlas: Atlas, code: str, href: Href | None = None) -> str:
    """A meridian's points in order, with their main categories marked."""
    meridian = atlas.meridian(code)
    points = atlas.points(meridian.code)
    per_row = 9  # 688 wide: the content column at 1280 px, so it scrolls only on narrower screens
    step = 72
    rows = math.ceil(len(points) / per_row)
    width = 40 + step * per_row
    height = 60 + rows * 96
    body = [f'<rect class="panel" width="{width}" height="{height}" fill="#fbfcfc"/>']
    body.append(
        f'<text x="20" y="26" font-size="16" font-weight="600" fill="currentColor">'
        f"{escape(meridian.english)} ({meridian.code}): "
        f"{len(points)} points in order</text>"
    )

    def slot(index: int) -> tuple[int, int]:
        # rows run left to right, then right to left, like a snake
        row, col = divmod(index, per_row)
        return 56 + (col if row % 2 == 0 else per_row - 1 - col) * step, 78 + row * 96

    for index in range(len(points) - 1):
        (x, y), (nx, ny) = slot(index), slot(index + 1)
        body.append(f'<line x1="{x}" y1="{y}" x2="{nx}" y2="{ny}" stroke="#aab7b8" stroke-width="2"/>')
    for index, point in enumerate(points):
        x, y = slot(index)
        marks = _marks(point)
        inner = (
            f"<title>{escape(point.code)} {escape(point.pinyin)} {escape(point.hanzi)}"
            + (f": {', '.join(kind for _, _, kind in marks)}" if marks else "")
            + "</title>"
            f'<circle cx="{x}" cy="{y}" r="15" fill="#fff" stroke="#1f618d" stroke-width="2"/>'
            f'<text x="{x}" y="{y + 5}" font-size="13" text-anchor="middle" fill="#17202a">{point.number}</text>'
            f'<text x="{x}" y="{y + 34}" font-size="13" text-anchor="middle" fill="currentColor">'
            f"{escape(point.hanzi)}</text>"
        )
        for m, (short, colour, _) in enumerate(marks[:3]):
            inner += (
                f'<rect x="{x - 33 + m * 22}" y="{y - 38}" width="21" height="15" rx="3" fill="{colour}"/>'
                f'<text x="{x - 22.5 + m * 22}" y="{y - 26.5}" font-size="11" fill="#fff" '
                f'text-anchor="middle">{short}</text>'
            )
        body.append(_link(href, point.code, f'<g class="point" data-code="{point.code}">{inner}</g>'))
    legend = ", ".join(f"{short} {kind}" for kind, (short, _) in _MARKS.items())
    marked = [f"{p.code} ({', '.join(k for _, _, k in _marks(p))})" for p in points if _marks(p)]
    desc = (
        f"The {len(points)} points of the {meridian.english} from {points[0].code} to {points[-1].code}. "
        f"Marked: {'; '.join(marked) or 'none'}. Key: {legend}."
    )
    return _svg(
        width, height, f"chain-{meridian.code}", f"{meridian.english}: points in order", desc, body, 11
    )


def complaint_diagram(
    atlas: Atlas, answer: Candidates, href: Href | None = None, limit: int | None = None
) -> str:
    """Complaint → regions → candidate points by rank, coloured by role; narrow enough for a
    phone. Every candidate is drawn, or the first ``limit`` with a line saying how many are left out."""
    complaint = answer.complaint
    shown = answer.candidates[:limit] if limit is not None else answer.candidates
    hidden = len(answer.candidates) - len(shown)
    regions = complaint.regions or ("(whole body)",)
    known = {r.name for r in atlas.regions()}
    width, pad, gap = 360, 10, 8
    body: list[str] = []
    body.append(
        f'<rect x="{pad}" y="8" width="{width - 2 * pad}" height="36" rx="8" fill="#1f618d"/>'
        f'<text x="{width / 2:.0f}" y="31" font-size="14" font-weight="600" fill="#fff" '
        f'text-anchor="middle">{escape(complaint.label)}</text>'
    )
    per_row = 3 if len(regions) != 4 else 2
    y = 58
    for start in range(0, len(regions), per_row):
        row = regions[start : start + per_row]
        box = (width - 2 * pad - gap * (len(row) - 1)) / len(row)
        for n, name in enumerate(row):
            x = pad + n * (box + gap)
            label = atlas.region(name).label.split(" (")[0] if name in known else name
            body.append(
                f'<line x1="{x + box / 2:.0f}" y1="44" x2="{x + box / 2:.0f}" y2="{y}" stroke="#aab7b8"/>'
                f'<rect x="{x:.0f}" y="{y}" width="{box:.0f}" height="28" rx="6" fill="#eaf2f8" stroke="#1f618d"/>'
                f'<text x="{x + box / 2:.0f}" y="{y + 18.5}" font-size="12" text-anchor="middle" '
                f'fill="#17202a">{escape(label)}</text>'
            )
        y += 36
    y += 6
    for n, (role, colour) in enumerate(_ROLE_COLOURS.items()):
        x = pad + n * 86
        body.append(
            f'<rect x="{x}" y="{y}" width="12" height="12" rx="2" fill="{colour}"/>'
            f'<text x="{x + 17}" y="{y + 10.5}" font-size="12" fill="currentColor">{role}</text>'
        )
    y += 26
    column = (width - 2 * pad - gap) / 2
    for i, candidate in enumerate(shown):
        x = pad + (i % 2) * (column + gap)
        top = y + (i // 2) * 34
        point = candidate.point
        inner = (
            f"<title>{candidate.rank}. {escape(point.code)} {escape(point.pinyin)} {escape(point.hanzi)}: "
            f"{candidate.role}</title>"
            f'<rect x="{x:.0f}" y="{top}" width="{column:.0f}" height="28" rx="5" '
            f'fill="{_ROLE_COLOURS[candidate.role]}"/>'
            f'<text x="{x + 9:.0f}" y="{top + 18.5}" font-size="13" fill="#fff">{candidate.rank}. '
            f"{escape(point.code)} {escape(point.hanzi)}</text>"
        )
        body.append(
            _link(
                href,
                point.code,
                f'<g class="point" data-code="{point.code}" data-point="{point.code}">{inner}</g>',
            )
        )
    y += ((len(shown) + 1) // 2) * 34
    if hidden:
        body.append(
            f'<text x="{pad}" y="{y + 14}" font-size="13" fill="currentColor">'
            f"+ {hidden} more candidates, listed below</text>"
        )
        y += 24
    height = y + 4
    body.insert(0, f'<rect class="panel" width="{width}" height="{height}" fill="#fbfcfc"/>')
    listed = "; ".join(f"{c.point.code} ({c.role})" for c in shown)
    more = f" {hidden} more are left out of the drawing." if hidden else ""
    desc = (
        f"{complaint.label}: regions {', '.join(regions)}; {len(shown)} of {len(answer.candidates)} "
        f"candidate points by rank: {listed}.{more}"
    )
    return _svg(
        width,
        height,
        f"complaint-{complaint.name}",
        f"{complaint.label}: regions and candidate points",
        desc,
        body,
        12,
    )
