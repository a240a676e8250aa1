"""A plain plot of one frame in cun, for the people who author the data."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .svg import escape

if TYPE_CHECKING:
    from . import BodyModel

__all__ = ["frame_plot"]


def frame_plot(body: BodyModel, points: list[Any], frame: str) -> str:
    """SVG: x across (cun) to the right, y along (cun) upwards; landmarks grey, points red."""
    body.frame(frame)
    marks = [lm for lm in body.data.landmarks if lm.frame == frame]
    placed = []
    for p in points:
        for pos in p.location.positions or ((p.location.position,) if p.location.position else ()):
            if pos.frame == frame:
                placed.append((p.code, pos.x, pos.y))
    xs: list[float] = [x for _, x, _ in placed] + [lm.x for lm in marks if lm.x is not None] + [0.0]
    ys: list[float] = [y for _, _, y in placed] + [lm.y for lm in marks if lm.y is not None] + [0.0]
    x0: float = min(xs) - 1.5
    x1: float = max(xs) + 1.5
    y0: float = min(ys) - 1
    y1: float = max(ys) + 1
    scale: float = min(60.0, 900 / max(x1 - x0, 1), 1100 / max(y1 - y0, 1))
    width, height = (x1 - x0) * scale + 220, (y1 - y0) * scale + 60

    def px(x: float) -> float:
        return 200 + (x - x0) * scale

    def py(y: float) -> float:
        return 30 + (y1 - y) * scale

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height:.0f}" '
        f'font-family="sans-serif" font-size="12"><rect width="100%" height="100%" fill="#fff"/>',
        f'<text x="8" y="18" font-size="14" font-weight="bold">{escape(frame)} (cun; x right, y up)</text>',
    ]
    for gx in range(int(x0), int(x1) + 1):
        out.append(
            f'<line x1="{px(gx):.1f}" y1="30" x2="{px(gx):.1f}" y2="{height - 30:.1f}" stroke="#eee"/>'
        )
        out.append(
            f'<text x="{px(gx):.1f}" y="{height - 12:.1f}" fill="#999" text-anchor="middle">{gx}</text>'
        )
    for gy in range(int(y0), int(y1) + 1):
        out.append(
            f'<line x1="200" y1="{py(gy):.1f}" x2="{width - 20:.1f}" y2="{py(gy):.1f}" stroke="#eee"/>'
        )
        out.append(f'<text x="190" y="{py(gy) + 4:.1f}" fill="#999" text-anchor="end">{gy}</text>')
    for lm in marks:
        name = escape(lm.name)
        if lm.x is None and lm.y is not None:
            ya, yb = lm.y + lm.slope * x0, lm.y + lm.slope * x1
            out.append(
                f'<line x1="{px(x0):.1f}" y1="{py(ya):.1f}" x2="{px(x1):.1f}" y2="{py(yb):.1f}" '
                'stroke="#6a8" stroke-dasharray="5 4"/>'
            )
            out.append(f'<text x="6" y="{py(ya) + 4:.1f}" fill="#384">{name}</text>')
        elif lm.y is None and lm.x is not None:
            out.append(
                f'<line x1="{px(lm.x):.1f}" y1="30" x2="{px(lm.x):.1f}" y2="{height - 30:.1f}" '
                'stroke="#68a" stroke-dasharray="2 4"/>'
            )
            out.append(
                f'<text x="{px(lm.x) + 3:.1f}" y="42" fill="#357" transform="rotate(-20 {px(lm.x):.1f} 42)">'
                f"{name}</text>"
            )
        elif lm.x is not None and lm.y is not None:
            cx, cy = px(lm.x), py(lm.y)
            out.append(
                f'<rect x="{cx - 4:.1f}" y="{cy - 4:.1f}" width="8" height="8" fill="#888" '
                f'transform="rotate(45 {cx:.1f} {cy:.1f})"/>'
            )
            out.append(f'<text x="{cx + 7:.1f}" y="{cy + 13:.1f}" fill="#555" font-size="11">{name}</text>')
    for code, x, y in placed:
        out.append(f'<circle cx="{px(x):.1f}" cy="{py(y):.1f}" r="5" fill="#c22"/>')
        out.append(
            f'<text x="{px(x) + 7:.1f}" y="{py(y) - 4:.1f}" fill="#a00" font-weight="bold">{escape(code)}</text>'
        )
    out.append("</svg>")
    return "\n".join(out)
