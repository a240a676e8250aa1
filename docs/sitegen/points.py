"""Point pages."""

from __future__ import annotations

from typing import Any

from acupoints import Atlas, Complaint, Point
from acupoints.names import toneless_forms

from .charts import point_nearby, point_where
from .clinical import needling_extras, point_extras
from .common import EXTRA_GROUPS, category_text, cell, front_matter, source_list
from .readings import national_notations, reading_rows
from .search import notations, point_terms


def point_page(atlas: Atlas, point: Point, roles: dict[str, list[tuple[Complaint, Any]]], edit: str) -> str:
    """A point page: safety first, then where it is and how it is needled, then the rest.

    Each section is a function of its own so a new one slots in without touching the others.
    """
    sections = [
        title(atlas, point),
        safety(point),
        point_where(point),
        location(atlas, point),
        point_nearby(point),
        needling(point),
        needling_extras(point),
        names_table(atlas, point),
        categories(point),
        indications(point),
        point_extras(atlas, point),
        complaint_mappings(point, roles),
        footer(point, edit),
    ]
    return "\n".join(line for section in sections for line in section)


def title(atlas: Atlas, point: Point) -> list[str]:
    """Front matter (with the hidden search tags), the heading and every name in one line."""
    described = f"{point.english}: {point.location.text}"
    out = [front_matter(f"{point.code} {point.pinyin} {point.hanzi}", point_terms(atlas, point), described)]
    out.append(f"# {point.code} {point.pinyin} <span class='hanzi'>{point.hanzi}</span>\n")
    names = [point.pinyin, f"<span lang='zh-Hans'>{point.hanzi}</span>"]
    if point.hanzi_traditional != point.hanzi:
        names.append(f"<span lang='zh-Hant'>{point.hanzi_traditional}</span> (trad.)")
    names.append(point.english)
    if point.meridian is not None:
        names.append(atlas.meridian(point.meridian).english)
    else:
        names.append(EXTRA_GROUPS[point.group].replace("Extra points of the", "Extra point,"))
    out.append(f"<p class='point-names'>{' · '.join(names)}</p>\n")
    return out


def safety(point: Point) -> list[str]:
    """Every contraindication and caution as a box, the forbidden ones red."""
    out = []
    for contra in point.contraindications:
        kind = "danger" if contra.severity == "forbidden" else "warning"
        stage = f" from month {contra.from_month}" if contra.from_month else ""
        heading = f"{contra.condition.capitalize()}: {contra.severity}{stage}"
        sources = f" ({source_list(contra.sources)})" if contra.sources else ""
        out.append(f'!!! {kind} "{heading}"\n    {contra.reason}{sources}\n')
    if point.needling.forbidden:
        out.append(f'!!! danger "Needling forbidden"\n    {point.needling.note}\n')
    for caution in point.needling.cautions:
        out.append(f'!!! warning "Deep structure: {caution.hazard}"\n    {caution.text}\n')
    if point.moxibustion.status != "allowed":
        out.append(f'!!! note "Moxibustion: {point.moxibustion.status}"\n    {point.moxibustion.reason}\n')
    return out


def location(atlas: Atlas, point: Point) -> list[str]:
    loc = point.location
    out = ["## Location\n", f"{loc.text}\n"]
    facts = [
        "Regions: " + ", ".join(f"[{atlas.region(r).label}](../regions/{r}.md)" for r in loc.regions),
        f"Side: {loc.side}",
    ]
    if loc.level:
        level = loc.level + (f" to {loc.level_to}" if loc.level_to else "")
        facts.append(f"Vertebral level: {level} ([back chart](../diagrams/back.md))")
    if loc.from_midline_cun is not None:
        facts.append(f"From the midline: {loc.from_midline_cun:g} cun")
    out += [f"- {fact}" for fact in facts]
    out.append("")
    return out


def needling(point: Point) -> list[str]:
    out = ["## Needling\n"]
    needle = point.needling
    if needle.forbidden:
        out.append(f"Needling is traditionally forbidden. {needle.note or ''}\n")
        return out
    low, high = needle.depth_cun
    depth = f"{low:g} cun" if low == high else f"{low:g}–{high:g} cun"
    out.append(f"- Depth: {depth}, {needle.angle}")
    if needle.note:
        out.append(f"- {needle.note}")
    out.append(
        f"- Moxibustion: {point.moxibustion.status}"
        + (f" ({point.moxibustion.reason})" if point.moxibustion.reason else "")
    )
    out.append("")
    return out


def _neighbours(members: list[Point], point: Point) -> str:
    index = members.index(point)
    before = f"← [{members[index - 1].code}]({members[index - 1].code}.md)" if index > 0 else ""
    after = f"[{members[index + 1].code}]({members[index + 1].code}.md) →" if index + 1 < len(members) else ""
    return f"{before} {after}".strip()


def names_table(atlas: Atlas, point: Point) -> list[str]:
    """The full names: every script, the channel with the points before and after, notations, aliases."""
    out = ["## Names\n", "| Kind | Name |\n|---|---|"]
    out.append(f"| Pinyin | {point.pinyin} ({', '.join(toneless_forms(point.pinyin))}) |")
    out.append(f"| Hanzi | {point.hanzi} (simplified) · {point.hanzi_traditional} (traditional) |")
    out.append(f"| English | {cell(point.english)} |")
    if point.meridian is not None:
        meridian = atlas.meridian(point.meridian)
        out.append(
            f"| Meridian | [{meridian.english}](../meridians/{meridian.code}.md) "
            f"{_neighbours(atlas.points(point.meridian), point)} |"
        )
    else:
        out.append(
            f"| Group | [{EXTRA_GROUPS[point.group]}](../extra/{point.group}.md) "
            f"{_neighbours(atlas.points(point.group), point)} |"
        )
    shown = notations(point)
    if point.group.startswith("EX-"):
        shown.append(point.code.replace("-", ""))
    if point.meridian is not None:
        shown += national_notations(point.meridian, point.number)
    shown += [a.text for a in point.aliases if a.kind == "notation"]
    out.append(f"| Other notations | {cell(', '.join(dict.fromkeys(shown)))} |")
    for alias in point.aliases:
        if alias.kind == "notation":
            continue
        reading = f" {alias.pinyin}" if alias.pinyin else ""
        note = f": {alias.note}" if alias.note else ""
        out.append(f"| Also ({alias.kind}) | {cell(alias.text + reading + note)} |")
    out += reading_rows(point)
    out.append("")
    return out


def categories(point: Point) -> list[str]:
    if not point.categories:
        return []
    return ["## Categories\n", *(f"- {category_text(c)}" for c in point.categories), ""]


def indications(point: Point) -> list[str]:
    return [
        "## Traditional indications\n",
        "; ".join(point.indications.items) + ".\n",
        f"Sources: {source_list(point.indications.sources)}\n",
    ]


def complaint_mappings(point: Point, roles: dict[str, list[tuple[Complaint, Any]]]) -> list[str]:
    mine = roles.get(point.code, [])
    if not mine:
        return []
    out = ["## In complaint mappings\n", "| Complaint | Role | Why |\n|---|---|---|"]
    for complaint, candidate in mine:
        why = "; ".join(r.text for r in candidate.reasons)
        out.append(
            f"| [{complaint.label}](../complaints/{complaint.name}.md) | {candidate.role} | {cell(why)} |"
        )
    out.append("")
    return out


def footer(point: Point, edit: str) -> list[str]:
    """Notes, sources, the JSON, and an edit link when the repository is configured."""
    out = [f'!!! info "Note"\n    {note}\n' for note in point.notes]
    out.append(f"Sources for the name and location: {source_list(point.sources)}.\n")
    links = [f"[JSON](../data/v1/points/{point.code}.json)"]
    if edit:
        links.insert(0, f"[Edit this data]({edit}points/{point.group}.yaml)")
    out.append(" · ".join(links) + "\n")
    return out
