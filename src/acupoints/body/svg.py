"""A small SVG canvas that knows where its labels are, so that none overlap.

Every label is placed at the first of several spots around what it names that
is free and inside the picture; its box is kept, and a test reads the same
boxes back (``data-box``) to check that no two overlap. Labels are never
smaller than :data:`MIN_FONT` when the picture is shown :data:`WIDTH` wide.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

_TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_ATTRIBUTE = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"})
# (as html.escape, whose module imports the whole table of named entities on a cold start)


def escape(text: str) -> str:
    """Text content made safe for SVG (quotes are fine there)."""
    return text.translate(_TEXT)


def quoteattr(value: str) -> str:
    return f'"{value.translate(_ATTRIBUTE)}"'


__all__ = ["MIN_FONT", "WIDTH", "Box", "Canvas", "escape", "marker", "quoteattr", "text_width"]

WIDTH = 360
"""Every chart is this many user units wide (and shown at least this many px wide)."""

MIN_FONT = 11

_LONGEST = 38
"""Characters in a label at the most; a longer one ends in an ellipsis."""

STYLE = """
.fig-edge{fill:none;stroke:#5b6470;stroke-width:2.6;stroke-linejoin:round}
.fig-fill{fill:#f6efe6;stroke:none}
.feature{fill:none;stroke:#7a8490;stroke-width:1.3;stroke-linecap:round;stroke-linejoin:round}
.guide{fill:none;stroke:#9aa6b2;stroke-width:1;stroke-dasharray:3 3}
.guide-key{fill:none;stroke:#3d7a9e;stroke-width:1.4;stroke-dasharray:5 3}
.measure{fill:none;stroke:#b3261e;stroke-width:1.8}
.chain{fill:none;stroke:#b3261e;stroke-width:1.6;opacity:.75}
.closeup{fill:none;stroke:#3d7a9e;stroke-width:1.2;stroke-dasharray:4 3}
.pt{fill:#b3261e;stroke:#fff;stroke-width:1.5}
.pt-alt{fill:#fff;stroke:#b3261e;stroke-width:2;stroke-dasharray:3 2}
.lbl-alt{fill:#8c1d18;font-style:italic}
.pt-faint{fill:#8a96a3;stroke:#fff;stroke-width:1}
.anchor{fill:#3d7a9e;stroke:#fff;stroke-width:1}
.role-local{fill:#b3261e}.role-adjacent{fill:#d9822b}.role-segmental{fill:#6b4fa3}.role-distal{fill:#2e7d4f}
text{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans CJK SC",sans-serif}
.lbl{fill:#1d2630;font-weight:600}
.lbl-faint{fill:#5e6a76}
.lbl-anchor{fill:#2b5f7d}
.lbl-measure{fill:#8c1d18;font-weight:600}
.halo{stroke:#fff;stroke-width:3.5;stroke-linejoin:round;paint-order:stroke}
.caption{fill:#1d2630;font-weight:700}
"""


def text_width(text: str, size: float) -> float:
    """A safe estimate of a label's width in user units (wide characters count double)."""
    units = sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.62 for c in text)
    return units * size


@dataclass(frozen=True)
class Box:
    x0: float
    y0: float
    x1: float
    y1: float

    def overlaps(self, other: Box) -> bool:
        return self.x0 < other.x1 and other.x0 < self.x1 and self.y0 < other.y1 and other.y0 < self.y1


@dataclass
class Canvas:
    """Layers of SVG elements and the boxes taken by markers and labels."""

    height: float
    width: float = WIDTH
    layers: dict[str, list[str]] = field(
        default_factory=lambda: {k: [] for k in ("figure", "guides", "lines", "faint", "marks", "labels")}
    )
    boxes: list[Box] = field(default_factory=list)
    clip: str | None = None
    _required: dict[Box, int] = field(default_factory=dict)
    _optional: dict[Box, int] = field(default_factory=dict)
    """The clip path that guides and lines added from now on are drawn in."""

    def add(self, layer: str, element: str) -> None:
        if self.clip and layer in ("guides", "lines"):
            element = f'<g clip-path="url(#{self.clip})">{element}</g>'
        self.layers[layer].append(element)

    def occupy(self, x: float, y: float, r: float) -> None:
        self.boxes.append(Box(x - r, y - r, x + r, y + r))

    def label(
        self,
        text: str,
        x: float,
        y: float,
        *,
        size: float = 12,
        cls: str = "lbl",
        gap: float = 6,
        required: bool = False,
    ) -> bool:
        """Place a label next to (x, y); False if no free spot was found (and it was not required)."""
        size = max(size, MIN_FONT)
        if len(text) > _LONGEST:  # the whole text stays in the chart's description
            text = text[: _LONGEST - 1].rstrip(" ,;") + "…"
        w, h = text_width(text, size), size * 1.2
        spots = []
        for reach in (1.0, 1.8, 2.8) if required else (1.0, 1.8):
            g = gap * reach
            spots += [
                (x + g, y - h / 2),
                (x - g - w, y - h / 2),
                (x - w / 2, y - g - h),
                (x - w / 2, y + g),
                (x + g * 0.8, y - g * 0.8 - h),
                (x - g * 0.8 - w, y - g * 0.8 - h),
                (x + g * 0.8, y + g * 0.8),
                (x - g * 0.8 - w, y + g * 0.8),
            ]
        inside = [
            Box(left, top, left + w, top + h)
            for left, top in spots
            if left >= 1 and top >= 1 and left + w <= self.width - 1 and top + h <= self.height - 1
        ]
        for box in inside:
            if not any(box.overlaps(b) for b in self.boxes):
                self._text(text, box, size, cls, required, x)
                return True
        if not required:
            return False
        # a label that must be there takes a spot from optional labels (never from markers or
        # other required labels), or failing that the first spot that clears the required ones
        keep = [b for b in self.boxes if b not in self._optional]
        for box in inside:
            if not any(box.overlaps(b) for b in keep):
                self._drop_optional(box)
                self._text(text, box, size, cls, required, x)
                return True
        required_boxes = [b for b in self.boxes if b in self._required]
        for step in range(1, 40):
            for sign in (1, -1):
                top = min(max(y - h / 2 + sign * step * h * 0.6, 1.0), self.height - h - 1)
                left = min(max(x + gap, 1.0), self.width - w - 1)
                box = Box(left, top, left + w, top + h)
                if not any(box.overlaps(b) for b in required_boxes):
                    self._drop_optional(box)
                    self._text(text, box, size, cls, required, x)
                    return True
        return False

    def _drop_optional(self, box: Box) -> None:
        for other in [b for b in self._optional if b.overlaps(box)]:
            index = self._optional.pop(other)
            self.layers["labels"][index] = ""
            self.boxes.remove(other)

    def _text(self, text: str, box: Box, size: float, cls: str, required: bool, x: float) -> None:
        """The label in its box, anchored on the side towards the place it names (``x``), so that
        a font wider than :func:`text_width` estimates grows away from the marker, not over it."""
        self.boxes.append(box)
        (self._required if required else self._optional)[box] = len(self.layers["labels"])
        baseline = box.y0 + size * 0.95
        if box.x1 <= x + 0.05:
            at, anchor = box.x1, ' text-anchor="end"'
        elif box.x0 >= x - 0.05:
            at, anchor = box.x0, ""
        else:
            at, anchor = (box.x0 + box.x1) / 2, ' text-anchor="middle"'
        self.add(
            "labels",
            f'<text class="{cls} halo" x="{at:.1f}" y="{baseline:.1f}"{anchor} font-size="{size:g}" '
            f'data-box="{box.x0:.1f} {box.y0:.1f} {box.x1 - box.x0:.1f} {box.y1 - box.y0:.1f}">{escape(text)}</text>',
        )

    def svg(self, title: str, desc: str, extra_class: str = "") -> str:
        body = "\n".join(e for layer in self.layers.values() for e in layer)
        cls = f"acupoints-chart {extra_class}".strip()
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" class={quoteattr(cls)} viewBox="0 0 {self.width:g} '
            f'{self.height:.0f}" width="{self.width:g}" height="{self.height:.0f}" role="img">'
            f"<title>{escape(title)}</title><desc>{escape(desc)}</desc><style>{STYLE}</style>\n{body}\n</svg>"
        )


def marker(
    x: float, y: float, code: str, title: str, *, r: float = 6.5, cls: str = "pt", link: str | None = None
) -> str:
    """A point's marker: a circle in a link, carrying ``data-point`` and a title."""
    href = f" href={quoteattr(link)}" if link else ""
    return (
        f'<a{href} data-point={quoteattr(code)}><circle class="{cls}" cx="{x:.1f}" cy="{y:.1f}" r="{r:g}"/>'
        f'<circle cx="{x:.1f}" cy="{y:.1f}" r="12" fill="transparent"/><title>{escape(title)}</title></a>'
    )
