"""Pages for meridians, vessels, regions and categories."""

from __future__ import annotations

from typing import Any

from acupoints import Atlas, Meridian, Point
from acupoints.diagrams import meridian_chain

from .charts import meridian_chart, vessel_chart
from .common import FIVE_SHU, KIND_TITLES, cell, front_matter, point_link, scrolling, svg_href
from .readings import national_notations, reading_rows


def categories_short(point: Point) -> str:
    return ", ".join(c.kind for c in point.categories)


def meridian_page(atlas: Atlas, meridian: Meridian) -> str:
    points = atlas.points(meridian.code)
    out = [
        front_matter(
            f"{meridian.code} {meridian.english}",
            [meridian.code, meridian.hanzi, meridian.hanzi_traditional, *meridian.aliases, *meridian.readings.values()],
        )
    ]
    out.append(f"# {meridian.english} ({meridian.code}) <span class='hanzi'>{meridian.hanzi}</span>\n")
    out.append("| | |\n|---|---|")
    out.append(f"| Chinese | {meridian.pinyin} · {meridian.hanzi} · {meridian.hanzi_traditional} |")
    out += reading_rows(meridian)
    out.append(f"| French and German prefixes | {', '.join(national_notations(meridian.code, ''))} |")
    if meridian.organ:
        out.append(f"| Organ | {meridian.organ} |")
    out.append(f"| Yin/yang | {meridian.polarity}" + (f", {meridian.limb}" if meridian.limb else "") + " |")
    if meridian.phase:
        out.append(f"| Phase | {meridian.phase} |")
    if meridian.partner:
        partner = atlas.meridian(meridian.partner)
        out.append(f"| Interior-exterior partner | [{partner.english}]({partner.code}.md) |")
    if meridian.hours:
        out.append(
            f"| Organ-clock hours | {meridian.hours[0]:02d}:00–{meridian.hours[1]:02d}:00 ([clock](../diagrams/clock.md)) |"
        )
    if meridian.flow_order:
        flowing = sorted((m for m in atlas.meridians() if m.flow_order), key=lambda m: m.flow_order or 0)
        i = flowing.index(meridian)
        before, after = flowing[i - 1], flowing[(i + 1) % len(flowing)]
        out.append(
            f"| 24-hour flow | from [{before.code}]({before.code}.md) to [{after.code}]({after.code}.md) |"
        )
    if meridian.aliases:
        out.append(f"| Other notations | {', '.join(meridian.aliases)} |")
    out.append(f"| Points | {len(points)} |\n")
    out += meridian_chart(meridian.code)
    out.append(scrolling(meridian_chain(atlas, meridian.code, svg_href(1))) + "\n")
    out.append("| Code | Pinyin | Hanzi | English | Categories |\n|---|---|---|---|---|")
    for point in points:
        out.append(
            f"| {point_link(point)} | {point.pinyin} | {point.hanzi} | {cell(point.english)} | {categories_short(point)} |"
        )
    return "\n".join(out) + "\n"


def vessel_page(atlas: Atlas, vessel: Any) -> str:
    out = [front_matter(vessel.english, [vessel.hanzi, vessel.hanzi_traditional, vessel.pinyin])]
    out.append(f"# {vessel.english} <span class='hanzi'>{vessel.hanzi}</span>\n")
    out.append(f"{vessel.pinyin} · {vessel.hanzi} · {vessel.hanzi_traditional}\n")
    if vessel.confluent:
        point = atlas.point(vessel.confluent)
        out.append(f"- Confluent (opening) point: {point_link(point)} {point.pinyin} {point.hanzi}")
    if vessel.cleft:
        point = atlas.point(vessel.cleft)
        out.append(f"- Xi-cleft point: {point_link(point)} {point.pinyin} {point.hanzi}")
    if vessel.meridian:
        out.append(f"- Its own points: the [{vessel.english}](../meridians/{vessel.meridian}.md) meridian")
    out.append("")
    members = atlas.vessel_points(vessel.code)
    out.append("## Trajectory\n")
    out += vessel_chart(vessel.code)
    out.append("| # | Code | Pinyin | Hanzi |\n|---|---|---|---|")
    for i, point in enumerate(members, 1):
        out.append(f"| {i} | {point_link(point)} | {point.pinyin} | {point.hanzi} |")
    return "\n".join(out) + "\n"


def region_page(atlas: Atlas, region: Any) -> str:
    out = [front_matter(region.label, [region.name, region.hanzi or ""])]
    out.append(f"# {region.label}\n")
    if region.parent:
        parent = atlas.region(region.parent)
        out.append(f"Part of: [{parent.label}]({parent.name}.md)\n")
    children = [r for r in atlas.regions() if r.parent == region.name]
    if children:
        out.append("Contains: " + ", ".join(f"[{c.label}]({c.name}.md)" for c in children) + "\n")
    complaints = [c for c in atlas.complaints() if region.name in c.regions]
    if complaints:
        out.append(
            "Complaints: " + ", ".join(f"[{c.label}](../complaints/{c.name}.md)" for c in complaints) + "\n"
        )
    points = atlas.points(region=region.name)
    out.append(f"{len(points)} points lie here (with its sub-regions).\n")
    if points:
        out.append("| Code | Pinyin | Hanzi | English | Level |\n|---|---|---|---|---|")
        for point in points:
            level = point.location.level or ""
            out.append(
                f"| {point_link(point)} | {point.pinyin} | {point.hanzi} | {cell(point.english)} | {level} |"
            )
    return "\n".join(out) + "\n"


def category_page(atlas: Atlas, kind: str) -> str:
    title = KIND_TITLES[kind]
    out = [front_matter(title, [kind])]
    out.append(f"# {title}\n")
    points = atlas.points(category=kind)  # type: ignore[arg-type]
    if kind in FIVE_SHU:
        out.append(
            "The five transport (shu) points of the twelve regular meridians, by meridian and phase.\n"
        )
        out.append(
            "| Meridian | Jing-well | Ying-spring | Shu-stream | Jing-river | He-sea |\n|---|---|---|---|---|---|"
        )
        for meridian in atlas.meridians():
            if meridian.code in ("GV", "CV"):
                continue
            cells = []
            for shu in FIVE_SHU:
                for point in atlas.points(meridian.code):
                    category = point.category(shu)  # type: ignore[arg-type]
                    if category is not None:
                        text = f"{point_link(point)} {point.hanzi} ({category.phase})"
                        cells.append(f"**{text}**" if shu == kind else text)
            out.append(f"| [{meridian.code}](../meridians/{meridian.code}.md) | " + " | ".join(cells) + " |")
        return "\n".join(out) + "\n"
    if kind in ("back-shu", "front-mu"):
        out.append("| Organ | Back-shu | Front-mu |\n|---|---|---|")
        shu = {p.category("back-shu").organ: p for p in atlas.points(category="back-shu")}  # type: ignore[union-attr]
        mu = {p.category("front-mu").organ: p for p in atlas.points(category="front-mu")}  # type: ignore[union-attr]
        for organ in [m.organ for m in atlas.meridians() if m.organ]:
            b, f = shu.get(organ), mu.get(organ)
            level = f" ({b.location.level})" if b and b.location.level else ""
            out.append(
                f"| {organ} | {point_link(b) + ' ' + b.hanzi + level if b else '—'} | {point_link(f) + ' ' + f.hanzi if f else '—'} |"
            )
        return "\n".join(out) + "\n"
    out.append(f"{len(points)} points.\n")
    out.append("| Point | Pinyin | Hanzi | Meridian | Detail |\n|---|---|---|---|---|")
    for point in points:
        details = [c.qualifier for c in point.categories if c.kind == kind and c.qualifier]
        out.append(
            f"| {point_link(point)} | {point.pinyin} | {point.hanzi} | {point.meridian or point.group} | {cell('; '.join(details))} |"
        )
    return "\n".join(out) + "\n"
