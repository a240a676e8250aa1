"""The safety page: every contraindication, moxibustion rule and deep-structure caution
in the data, gathered from the public API (nothing here is typed in by hand)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import get_args

from acupoints import Atlas, Point
from acupoints.vocabulary import Hazard

from .common import DISCLAIMER, front_matter, point_link, source_list

__all__ = ["safety_page"]

# the hazards a practitioner asks about first, then the rest in the vocabulary's order
FIRST_HAZARDS: tuple[str, ...] = ("lung", "major-vessel", "eye", "spinal-cord")
HAZARD_TITLES = {
    "lung": "Over the lung and pleura",
    "heart": "Over the heart",
    "spinal-cord": "Over the spinal cord and brain stem",
    "major-vessel": "Over a major blood vessel",
    "nerve": "Over a nerve trunk",
    "eye": "At the eye and orbit",
    "viscera": "Over abdominal organs",
    "trachea": "Over the trachea and thyroid",
    "joint-cavity": "Into a joint cavity",
}
KEYWORDS = (
    "pregnancy", "pregnant", "safety", "contraindication", "contraindicated", "forbidden", "caution",
    "moxibustion", "moxa", "pneumothorax", "lung", "major vessel", "artery", "eye", "spinal cord", "danger",
)  # fmt: skip


def _item(point: Point, text: str, sources: Iterable[str] = ()) -> str:
    keys = list(sources)
    cited = f" ({source_list(keys, base='')})" if keys else ""
    return f"- **{point_link(point, 'points/')}** {point.pinyin} {point.hanzi}: {text}{cited}"


def _by_region(atlas: Atlas, points: list[Point], line: Callable[[Point], str]) -> list[str]:
    """Points grouped under the top-level body region of their first region."""
    groups: dict[str, list[Point]] = {}
    for point in points:
        top = atlas.region_ancestors(point.location.regions[0])[-1]
        groups.setdefault(top, []).append(point)
    out: list[str] = []
    for region in atlas.regions():
        if region.name in groups:
            out.append(f"#### {region.label}\n")
            out += [line(p) for p in groups[region.name]]
            out.append("")
    return out


def pregnancy_section(atlas: Atlas) -> list[str]:
    points = [p for p in atlas.points() if p.pregnancy is not None]
    forbidden = [p for p in points if p.pregnancy and p.pregnancy.severity == "forbidden"]
    cautioned = [p for p in points if p.pregnancy and p.pregnancy.severity != "forbidden"]

    def line(point: Point) -> str:
        assert point.pregnancy is not None
        return _item(point, point.pregnancy.reason, point.pregnancy.sources)

    out = ["## In pregnancy\n"]
    out.append(
        f"{len(forbidden)} points are traditionally forbidden in pregnancy and {len(cautioned)} are "
        "used with caution. With `pregnant=True` (or `--pregnant`) the complaint queries leave the "
        "forbidden points out and keep the cautioned ones with their warning.\n"
    )
    out.append(f"### Forbidden in pregnancy ({len(forbidden)}) {{ #pregnancy-forbidden }}\n")
    out += _by_region(atlas, forbidden, line)
    out.append(f"### With caution in pregnancy ({len(cautioned)}) {{ #pregnancy-caution }}\n")
    out += _by_region(atlas, cautioned, line)
    return out


def other_conditions_section(atlas: Atlas) -> list[str]:
    rows = [
        _item(p, f"{c.condition}, {c.severity}. {c.reason}", c.sources)
        for p in atlas.points()
        for c in p.contraindications
        if c.condition != "pregnancy"
    ]
    return ["## Other conditions { #other-conditions }\n", *rows, ""] if rows else []


def needling_section(atlas: Atlas) -> list[str]:
    rows = [_item(p, p.needling.note or "needling forbidden") for p in atlas.points() if p.needling.forbidden]
    return [f"## Needling forbidden ({len(rows)}) {{ #needling-forbidden }}\n", *rows, ""] if rows else []


def moxibustion_section(atlas: Atlas) -> list[str]:
    out = ["## Moxibustion\n"]
    for status, heading in (("forbidden", "Moxibustion forbidden"), ("caution", "Moxibustion with caution")):
        points = [p for p in atlas.points() if p.moxibustion.status == status]
        out.append(f"### {heading} ({len(points)}) {{ #moxibustion-{status} }}\n")
        out += [_item(p, p.moxibustion.reason or status) for p in points]
        out.append("")
    return out


def hazards_section(atlas: Atlas) -> list[str]:
    """Points whose needling cautions name a structure beneath, by structure."""
    order = [*FIRST_HAZARDS, *(h for h in get_args(Hazard) if h not in FIRST_HAZARDS)]
    out = ["## Structures beneath the needle\n"]
    out.append(
        "From each point's needling cautions: what lies beneath and why deep or careless needling "
        "is dangerous there.\n"
    )
    for hazard in order:
        rows = [_item(p, c.text) for p in atlas.points() for c in p.needling.cautions if c.hazard == hazard]
        if rows:
            out.append(f"### {HAZARD_TITLES.get(hazard, hazard)} ({len(rows)}) {{ #{hazard} }}\n")
            out += [*rows, ""]
    return out


def safety_page(atlas: Atlas) -> str:
    """Every safety flag in the data on one page: pregnancy, other conditions, needling,
    moxibustion, and the structures beneath the needle."""
    sections = [
        [
            front_matter("Safety: pregnancy, moxibustion, deep structures", KEYWORDS, boost=20),
            "# Safety\n",
            f'!!! warning "A reference, not medical advice"\n    {DISCLAIMER}\n',
            "Every point the data marks as forbidden or cautioned, with the reason and its sources. "
            "Each point's own page shows the same boxes first.\n",
        ],
        pregnancy_section(atlas),
        other_conditions_section(atlas),
        needling_section(atlas),
        moxibustion_section(atlas),
        hazards_section(atlas),
    ]
    return "\n".join(line for section in sections for line in section) + "\n"
