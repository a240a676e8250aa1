"""The body charts on the site's pages, and the atlas and cun-guide pages.

Everything is drawn by the library (``acupoints.chart``, ``acupoints.nearby``,
``acupoints.body``); this module only puts the charts on pages. A chart is
shown at its natural width, never shrunk below it (so no label is under
11 px), in a box that scrolls sideways when the screen is narrower. Each chart
is drawn once per build and kept (``_drawn``), since a page may ask twice.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from html import escape

import acupoints
from acupoints import Point
from acupoints.body import default_body
from acupoints.body.atlas import cun_chart
from acupoints.body.charts import ROLE_CLASSES

__all__ = [
    "ATLAS_PAGES",
    "atlas_index_page",
    "atlas_page",
    "atlas_pages",
    "complaint_chart",
    "cun_guide_page",
    "meridian_chart",
    "point_nearby",
    "point_where",
    "vessel_chart",
]

ATLAS_PAGES = {"front": "Front", "back": "Back", "side": "Side"}
POINT_LINK = "../../points/{code}/"
"""Links from a chart on a page one folder down (meridians/LU/) to the point pages."""

_ROLE_TEXT = {
    "local": "local: in the region of the complaint",
    "adjacent": "adjacent: next to the region",
    "segmental": "segmental: at the spinal levels of the region",
    "distal": "distal: on a channel that runs through the region",
}


@cache
def _drawn(*args: str, **kwargs: str | bool) -> str:
    return acupoints.chart(*args, **kwargs)  # type: ignore[arg-type]


def box(svg: str, kind: str, caption: str = "") -> str:
    """A chart in a box of its own: kept out of the search index, scrolling sideways when narrow."""
    figcaption = f"<figcaption>{caption}</figcaption>" if caption else ""
    svg = "".join(svg.splitlines())  # one line: a blank line would end the HTML block in Markdown
    return (
        f'<figure class="ap-chart ap-chart-{kind}" data-search-exclude>\n'
        f'<div class="ap-scroll">{svg}</div>{figcaption}</figure>'
    )


def point_where(point: Point) -> list[str]:
    """Where the point is: its close-up with the measuring line, and a small whole-body figure."""
    close = _drawn(point.code, link="../{code}/")
    overview = _drawn(point.code, overview=True, link="")
    found = re.search(r"view-(front|back|side)", overview)
    side = found.group(1) if found else "front"
    caption = f'<a href="../../atlas/{side}/">every point, {side} view</a>'
    return [
        '<div class="ap-where" markdown="0">',
        box(close, "point"),
        box(overview, "overview", caption),
        "</div>\n",
    ]


def point_nearby(point: Point) -> list[str]:
    """The points closest in space on the same body part, whatever their channel."""
    near = acupoints.nearby(point.code, limit=8)
    if not near:
        return []
    links = " · ".join(f"[{p.code}]({p.code}.md) {p.pinyin}" for p in near)
    return [f"Nearby points (closest on the same body part, any channel): {links}\n"]


def meridian_chart(code: str) -> list[str]:
    """The channel on the body, its points joined in order, each a link to its page."""
    return [box(_drawn(meridian=code, link=POINT_LINK), "panels") + "\n"]


def vessel_chart(code: str) -> list[str]:
    """A vessel's trajectory on the body, joined in the order it runs."""
    return [box(_drawn(vessel=code, link=POINT_LINK), "panels") + "\n"]


def complaint_chart(name: str, count: int) -> list[str]:
    """The candidates on the body, coloured by role, with the legend of the roles."""
    svg = _drawn(complaint=name, link=POINT_LINK)
    legend = "".join(
        f'<li><svg width="14" height="14" aria-hidden="true"><circle class="role-{role}" cx="7" cy="7" r="6"/>'
        f"</svg> {escape(_ROLE_TEXT[role])}</li>"
        for role in ROLE_CLASSES
        if f"role-{role}" in svg
    )
    shown = len(set(re.findall(r'data-point="([^"]+)"', svg)))
    note = f"All {shown} candidates on the body" if shown == count else f"{shown} of the {count} candidates"
    caption = f'{note}, coloured by role:<ul class="ap-legend">{legend}</ul>'
    return [box(svg, "panels", caption) + "\n"]


def atlas_page(view: str) -> str:
    """One whole-body atlas view: every point that faces it, each a link."""
    title = f"Atlas: {ATLAS_PAGES[view].lower()} view"
    others = " · ".join(f"[{label}]({v}.md)" for v, label in ATLAS_PAGES.items() if v != view)
    svg = _drawn(view=view, link=POINT_LINK)
    count = len(set(re.findall(r'data-point="([^"]+)"', svg)))
    return (
        f"---\ntitle: {title!r}\nsearch:\n  exclude: true\n---\n\n# {title}\n\n"
        f"{count} points as seen from the {view}, every one a link to its page; a point on the side "
        f"of a limb or of the head is on the view that faces it best. Other views: {others}. On a phone, "
        "scroll the chart sideways; the labels keep their size.\n\n" + box(svg, "atlas") + "\n"
    )


def atlas_index_page() -> str:
    views = "\n".join(f"- [{label} view]({v}.md)" for v, label in ATLAS_PAGES.items())
    return (
        "---\ntitle: Atlas\n---\n\n# Atlas of the points\n\n"
        "Every point on the whole body, on three views; each point is a link to its page. "
        "The positions are computed from each point's location (what it is measured from and by how "
        "many cun), on a body model of the project's own: see the [cun guide](cun.md).\n\n"
        f"{views}\n- [Cun guide: the proportional measurements](cun.md)\n"
    )


def cun_guide_page() -> str:
    """The proportional bone measurements drawn on the figure, and the finger cun."""
    body = default_body()
    svg = cun_chart(body, acupoints.find_point)
    rows = [
        f"| {i} | {escape(m.label)} | {m.cun:g} | {m.axis} | {', '.join(m.sources)} |"
        for i, m in enumerate(body.data.measurements, 1)
    ]
    return (
        "---\ntitle: Cun guide\ntags:\n  - 'cun'\n  - 'proportional bone measurement'\n---\n\n"
        "# Cun guide\n\n"
        "Locations are measured in **cun**, a unit that scales with the person: it is not a fixed "
        "length. The **proportional (bone) cun**, B-cun, divides the distance between two landmarks "
        "into a set number of equal parts, whatever the person's size; from the elbow crease to the "
        "wrist crease is always 12 cun, so a point 2 cun above the wrist lies a sixth of the way up "
        "the forearm. Each line below is one of the standard's measurements, numbered as in the "
        "table; the body model is built to hold every one of them, and the tests check it does.\n\n"
        + box(svg, "cun")
        + "\n\n| # | Between | Cun | Measured | Sources |\n|---|---|---|---|---|\n"
        + "\n".join(rows)
        + "\n\n## Finger cun\n\n"
        "Where no two landmarks are close, the standard also allows the **finger cun** (F-cun), "
        "taken from the hand of the person being treated, not the practitioner's:\n\n"
        "- **Thumb cun**: the width of the thumb at its joint is 1 cun.\n"
        "- **Four fingers**: index to little finger held together, measured across at the middle "
        "finger's middle joint, span 3 cun.\n"
        "- **Middle finger cun**: with the middle finger bent, the distance between the ends of the "
        "creases at either end of its middle bone is 1 cun.\n\n"
        "A few locations use one **finger-breadth**; the charts take it as a quarter of the four "
        "fingers, 0.75 cun.\n\n"
        "Finger cun are an approximation for short distances; where the standard gives a "
        "proportional measurement, that is the one to use. Sources: "
        "[who-2008](../sources.md#who-2008).\n"
    )


def atlas_pages(write: Callable[[str, str], None]) -> list[str]:
    """Write the atlas views and the cun guide; return their navigation lines."""
    write("atlas/index.md", atlas_index_page())
    nav = ["* [Atlas](atlas/index.md)"]
    for view, label in ATLAS_PAGES.items():
        write(f"atlas/{view}.md", atlas_page(view))
        nav.append(f"    * [{label} view](atlas/{view}.md)")
    write("atlas/cun.md", cun_guide_page())
    nav.append("    * [Cun guide](atlas/cun.md)")
    return nav
