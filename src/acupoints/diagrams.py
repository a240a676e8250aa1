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

from .models import VERTEBRAL_LEVELS, Point, level_index

if TYPE_CHECKING:
    from .atlas import Atlas
    from .results import Candidates

__all__ = ["back_chart", "complaint_diagram", "meridian_chain", "organ_clock"]

Href = Callable[[str], str]

_FONT = "font-family:system-ui,sans-serif"
_ROLE_COLOURS = {"local": "#c0392b", "segmental": "#8e44ad", "adjacent": "#d68910", "distal": "#1f618d"}
_LINE_COLOURS = {0.0: "#7d3c98", 0.5: "#117a65", 1.5: "#1f618d", 3.0: "#2e86c1"}
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


def _svg(width: float, height: float, ident: str, title: str, desc: str, body: list[str]) -> str:
    return "\n".join(
        [
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" '
            f'width="100%" style="max-width:{width:.0f}px;{_FONT}" role="img" '
            f'aria-labelledby="{ident}-title {ident}-desc" class="acupoints-diagram" id="{ident}">',
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
    """The back from C7 to S4: the Governor Vessel on the midline, Huatuojiaji
    at 0.5 cun, the inner Bladder line at 1.5 cun and the outer at 3 cun, each
    point placed by its vertebral level and linked."""
    levels = [lvl for lvl in VERTEBRAL_LEVELS if level_index("C7") <= level_index(lvl) <= level_index("S4")]
    row = 30
    top = 86
    centre = 420
    per_cun = 92
    height = top + row * len(levels) + 40
    width = 2 * centre
    body = [f'<rect width="{width}" height="{height}" fill="#fbfcfc"/>']
    body.append(
        f'<text x="{centre}" y="24" text-anchor="middle" font-size="16" font-weight="600">'
        "The back: points by vertebral level</text>"
    )
    headings = (
        (0.0, "Governor Vessel", -1),
        (0.5, "Huatuojiaji 0.5 cun", 1),
        (1.5, "Bladder inner 1.5", -1),
        (3.0, "Bladder outer 3", -1),
    )
    for cun, label, lift in headings:
        for side in (-1, 1) if cun else (1,):
            x = centre + side * cun * per_cun
            body.append(
                f'<line x1="{x:.0f}" y1="{top - 14}" x2="{x:.0f}" y2="{height - 30}" '
                f'stroke="{_LINE_COLOURS[cun]}" stroke-width="1" stroke-dasharray="3 4" opacity="0.6"/>'
            )
        body.append(
            f'<text x="{centre + cun * per_cun:.0f}" y="{top - 24 - (14 if lift > 0 else 0)}" font-size="11" '
            f'text-anchor="middle" fill="{_LINE_COLOURS[cun]}">{label}</text>'
        )
    for index, level in enumerate(levels):
        y = top + index * row
        body.append(
            f'<text x="16" y="{y + 4}" font-size="12" fill="#566573">{level}</text>'
            f'<line x1="44" y1="{y}" x2="{width - 16}" y2="{y}" stroke="#eaeded"/>'
        )
    where = {lvl: i for i, lvl in enumerate(levels)}
    placed: list[str] = []
    for point in atlas.points():
        loc = point.location
        if loc.level is None or loc.level not in where or loc.from_midline_cun not in _LINE_COLOURS:
            continue
        if point.group not in ("GV", "BL", "EX-B"):
            continue
        cun = float(loc.from_midline_cun)
        span = [loc.level]
        if loc.level_to:
            span = [
                lvl
                for lvl in levels
                if level_index(loc.level) <= level_index(lvl) <= level_index(loc.level_to)
            ]
        colour = _LINE_COLOURS[cun]
        for n, level in enumerate(span):
            y = top + where[level] * row
            for side in (-1, 1) if cun else (1,):
                x = centre + side * cun * per_cun
                dot = f'<circle cx="{x:.0f}" cy="{y}" r="{4 if len(span) > 1 else 6}" fill="{colour}"/>'
                label = ""
                if side == 1 and (n == 0 or len(span) == 1):
                    # GV labels go left of the midline, the others right of their dot
                    anchor, dx = ("end", -9) if cun == 0 else ("start", 9)
                    label = (
                        f'<text x="{x + dx:.0f}" y="{y + 4}" font-size="11" text-anchor="{anchor}" '
                        f'fill="#17202a">{escape(point.code)}</text>'
                    )
                title = f"<title>{escape(point.code)} {escape(point.pinyin)} {escape(point.hanzi)}</title>"
                placed.append(
                    _link(
                        href, point.code, f'<g class="point" data-code="{point.code}">{title}{dot}{label}</g>'
                    )
                )
    body += placed
    count = len({p.split('data-code="')[1].split('"')[0] for p in placed})
    desc = (
        f"Chart of the back from C7 to S4 with {count} points: the Governor Vessel on the midline, "
        "Huatuojiaji 0.5 cun, the inner Bladder line 1.5 cun and the outer Bladder line 3 cun from it, "
        "each point at the level of its vertebra."
    )
    return _svg(width, height, "back-chart", "Back chart by vertebral level", desc, body)


def organ_clock(atlas: Atlas, href: Href | None = None) -> str:
    """The 24-hour organ clock: the twelve meridians in the order of the flow."""
    size = 520
    c = size / 2
    radius = 190
    body = [f'<rect width="{size}" height="{size}" fill="#fbfcfc"/>']
    body.append(f'<circle cx="{c}" cy="{c}" r="{radius}" fill="none" stroke="#d5dbdb" stroke-width="28"/>')
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
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="24" fill="{colour}"/>'
            f'<text x="{x:.1f}" y="{y + 5:.1f}" font-size="14" font-weight="700" fill="#fff" '
            f'text-anchor="middle">{meridian.code}</text>'
        )
        hours = f"{meridian.hours[0]:02d}–{meridian.hours[1]:02d}"
        tx, ty = c + (radius + 52) * math.cos(angle), c + (radius + 52) * math.sin(angle)
        label += f'<text x="{tx:.1f}" y="{ty + 4:.1f}" font-size="11" text-anchor="middle" fill="#566573">{hours}</text>'
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
        f'<text x="{c}" y="{c - 6}" text-anchor="middle" font-size="15" font-weight="600">Organ clock</text>'
        f'<text x="{c}" y="{c + 14}" text-anchor="middle" font-size="11" fill="#566573">'
        "red: yang, blue: yin</text>"
    )
    order = " → ".join(m.code for m in flowing)
    desc = f"The 24-hour flow through the twelve meridians, two hours each: {order} → LU."
    return _svg(size, size, "organ-clock", "The 24-hour organ clock", desc, body)


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
    per_row = 12
    step = 64
    rows = math.ceil(len(points) / per_row)
    width = 40 + step * per_row
    height = 60 + rows * 92
    body = [f'<rect width="{width}" height="{height}" fill="#fbfcfc"/>']
    body.append(
        f'<text x="20" y="26" font-size="15" font-weight="600">{escape(meridian.english)} ({meridian.code}): '
        f"{len(points)} points in order</text>"
    )

    def slot(index: int) -> tuple[int, int]:
        # rows run left to right, then right to left, like a snake
        row, col = divmod(index, per_row)
        return 44 + (col if row % 2 == 0 else per_row - 1 - col) * step, 74 + row * 92

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
            f'<circle cx="{x}" cy="{y}" r="13" fill="#fff" stroke="#1f618d" stroke-width="2"/>'
            f'<text x="{x}" y="{y + 4}" font-size="11" text-anchor="middle">{point.number}</text>'
            f'<text x="{x}" y="{y + 30}" font-size="12" text-anchor="middle">{escape(point.hanzi)}</text>'
        )
        for m, (short, colour, _) in enumerate(marks[:3]):
            inner += (
                f'<rect x="{x - 26 + m * 18}" y="{y - 34}" width="17" height="13" rx="3" fill="{colour}"/>'
                f'<text x="{x - 17.5 + m * 18}" y="{y - 24}" font-size="8" fill="#fff" text-anchor="middle">{short}</text>'
            )
        body.append(_link(href, point.code, f'<g class="point" data-code="{point.code}">{inner}</g>'))
    legend = ", ".join(f"{short} {kind}" for kind, (short, _) in _MARKS.items())
    marked = [f"{p.code} ({', '.join(k for _, _, k in _marks(p))})" for p in points if _marks(p)]
    desc = (
        f"The {len(points)} points of the {meridian.english} from {points[0].code} to {points[-1].code}. "
        f"Marked: {'; '.join(marked) or 'none'}. Key: {legend}."
    )
    return _svg(width, height, f"chain-{meridian.code}", f"{meridian.english}: points in order", desc, body)


def complaint_diagram(atlas: Atlas, answer: Candidates, href: Href | None = None, limit: int = 16) -> str:
    """Complaint → regions → candidate points, grouped by role."""
    complaint = answer.complaint
    shown = answer.candidates[:limit]
    regions = complaint.regions or ("(whole body)",)
    width = 760
    height = max(160, 50 + 30 * max(len(shown), len(regions)))
    body = [f'<rect width="{width}" height="{height}" fill="#fbfcfc"/>']
    cy = height / 2
    body.append(
        f'<rect x="16" y="{cy - 22}" width="180" height="44" rx="8" fill="#1f618d"/>'
        f'<text x="106" y="{cy + 5}" font-size="14" fill="#fff" text-anchor="middle">{escape(complaint.label)}</text>'
    )
    region_y = {}
    for i, name in enumerate(regions):
        y = 40 + i * (height - 60) / max(1, len(regions) - 1) if len(regions) > 1 else cy
        region_y[name] = y
        label = atlas.region(name).label.split(" (")[0] if name in {r.name for r in atlas.regions()} else name
        body.append(
            f'<line x1="196" y1="{cy}" x2="300" y2="{y}" stroke="#aab7b8"/>'
            f'<rect x="300" y="{y - 15}" width="150" height="30" rx="6" fill="#eaf2f8" stroke="#1f618d"/>'
            f'<text x="375" y="{y + 5}" font-size="12" text-anchor="middle">{escape(label)}</text>'
        )
    for i, candidate in enumerate(shown):
        y = 30 + i * 30
        colour = _ROLE_COLOURS[candidate.role]
        point = candidate.point
        anchor = next((region_y[r] for r in point.location.regions if r in region_y), cy)
        body.append(f'<line x1="450" y1="{anchor}" x2="520" y2="{y}" stroke="{colour}" opacity="0.5"/>')
        inner = (
            f"<title>{escape(point.code)} {escape(point.pinyin)}: {candidate.role}</title>"
            f'<rect x="520" y="{y - 12}" width="224" height="24" rx="5" fill="{colour}"/>'
            f'<text x="530" y="{y + 4}" font-size="12" fill="#fff">{candidate.rank}. {escape(point.code)} '
            f"{escape(point.hanzi)} · {candidate.role}</text>"
        )
        body.append(_link(href, point.code, f'<g class="point" data-code="{point.code}">{inner}</g>'))
    listed = "; ".join(f"{c.point.code} ({c.role})" for c in shown)
    desc = f"{complaint.label}: regions {', '.join(regions)}; the first {len(shown)} candidate points by rank: {listed}."
    return _svg(
        width,
        height,
        f"complaint-{complaint.name}",
        f"{complaint.label}: regions and candidate points",
        desc,
        body,
    )
