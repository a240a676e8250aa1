"""Shared helpers and vocabulary of the page generator."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TextIO

import acupoints
from acupoints import Point

Opener = Callable[[str], TextIO]

DISCLAIMER = (
    "This is a reference, not medical advice. It shows what the standard references and "
    "traditional sources say, with those sources; it makes no claim that any point treats "
    "anything. Acupuncture should be given only by a qualified practitioner."
)
FIVE_SHU = ("jing-well", "ying-spring", "shu-stream", "jing-river", "he-sea")
KIND_TITLES = {
    "jing-well": "Jing-well points",
    "ying-spring": "Ying-spring points",
    "shu-stream": "Shu-stream points",
    "jing-river": "Jing-river points",
    "he-sea": "He-sea points",
    "yuan-source": "Yuan-source points",
    "luo-connecting": "Luo-connecting points",
    "xi-cleft": "Xi-cleft points",
    "back-shu": "Back-shu points",
    "front-mu": "Front-mu points",
    "influential": "Influential (hui-meeting) points",
    "confluent": "Confluent (opening) points",
    "lower-he-sea": "Lower he-sea points",
    "command": "Command points",
    "crossing": "Crossing (meeting) points",
    "entry": "Entry points",
    "exit": "Exit points",
    "window-of-heaven": "Window of Heaven points",
    "ghost": "Ghost points (Sun Simiao)",
    "horary": "Horary points",
}
EXTRA_GROUPS = {
    "EX-HN": "Extra points of the head and neck",
    "EX-CA": "Extra points of the chest and abdomen",
    "EX-B": "Extra points of the back",
    "EX-UE": "Extra points of the upper limbs",
    "EX-LE": "Extra points of the lower limbs",
}


def cell(text: object) -> str:
    """Text safe inside a Markdown table cell."""
    return str(text).replace("|", "\\|").replace("\n", " ")


def point_link(point: Point, base: str = "../points/") -> str:
    return f"[{point.code}]({base}{point.code}.md)"


def svg_href(depth: int) -> Callable[[str], str]:
    """Links from inline SVG to point pages (directory URLs, ``depth`` folders down)."""
    up = "../" * (depth + 1)

    def href(code: str) -> str:
        if code in MERIDIAN_CODES:
            return f"{up}meridians/{code}/"
        return f"{up}points/{code}/"

    return href


MERIDIAN_CODES = {m.code for m in acupoints.meridians()}


def front_matter(
    title: str, keywords: Iterable[str] = (), description: str = "", boost: float = 2, exclude: bool = False
) -> str:
    """YAML front matter: the title, hidden search tags (``keywords``) and the search boost.

    ``exclude`` keeps the page out of the search index (the API reference, for one).
    """
    lines = ["---", f"title: {title!r}"]
    if description:
        lines.append(f"description: {description!r}")
    words = list(dict.fromkeys(k for k in keywords if k))
    if exclude:
        lines += ["search:", "  exclude: true"]
    elif words:
        lines += ["search:", f"  boost: {boost:g}"]
    if words:
        lines.append("tags:")
        lines += [f"  - {word!r}" for word in words]
    lines.append("---")
    return "\n".join(lines) + "\n\n"


def scrolling(svg: str) -> str:
    """A diagram in a box that scrolls sideways on a narrow screen instead of shrinking its
    labels below 11 px; kept out of the search index (its labels would match every query)."""
    return f'<div class="diagram-scroll" data-search-exclude>\n{svg}\n</div>'


def category_text(category: Any) -> str:
    qualifier = category.qualifier
    link = f"[{category.kind}](../categories/{category.kind}.md)"
    return f"{link} ({qualifier})" if qualifier else link


def source_list(keys: Iterable[str], base: str = "../") -> str:
    return ", ".join(f"[{key}]({base}sources.md#{key})" for key in keys)
