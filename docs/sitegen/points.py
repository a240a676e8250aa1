"""Point pages."""

from __future__ import annotations

from typing import Any

from acupoints import Atlas, Complaint, Point
from acupoints.names import toneless_forms

from .common import EXTRA_GROUPS, category_text, cell, front_matter, source_list


def point_page(atlas: Atlas, point: Point, roles: dict[str, list[tuple[Complaint, Any]]], edit: str) -> str:
    names = [point.code, point.pinyin, point.hanzi, point.hanzi_traditional, point.english]
    keywords = [
        point.code,
        point.code.replace("-", ""),
        *toneless_forms(point.pinyin),
        point.hanzi,
        point.hanzi_traditional,
        *(a.text for a in point.aliases),
    ]
    out = [
        front_matter(
            f"{point.code} {point.pinyin} {point.hanzi}", keywords, f"{point.english}: {point.location.text}"
        )
    ]
    out.append(f"# {point.code} {point.pinyin} <span class='hanzi'>{point.hanzi}</span>\n")
    # safety first: impossible to miss
    for contra in point.contraindications:
        kind = "danger" if contra.severity == "forbidden" else "warning"
        title = f"{contra.condition.capitalize()}: {contra.severity}"
        sources = f" ({source_list(contra.sources)})" if contra.sources else ""
        out.append(f'!!! {kind} "{title}"\n    {contra.reason}{sources}\n')
    if point.needling.forbidden:
        out.append(f'!!! danger "Needling forbidden"\n    {point.needling.note}\n')
    for caution in point.needling.cautions:
        out.append(f'!!! warning "Deep structure: {caution.hazard}"\n    {caution.text}\n')
    if point.moxibustion.status != "allowed":
        out.append(f'!!! note "Moxibustion: {point.moxibustion.status}"\n    {point.moxibustion.reason}\n')

    out.append("| Names | |\n|---|---|")
    out.append(f"| Pinyin | {point.pinyin} ({', '.join(toneless_forms(point.pinyin))}) |")
    out.append(f"| Hanzi | {point.hanzi} (simplified) · {point.hanzi_traditional} (traditional) |")
    out.append(f"| English | {cell(point.english)} |")
    if point.meridian is not None:
        meridian = atlas.meridian(point.meridian)
        siblings = atlas.points(point.meridian)
        index = siblings.index(point)
        before = f"← [{siblings[index - 1].code}]({siblings[index - 1].code}.md)" if index > 0 else ""
        after = (
            f"[{siblings[index + 1].code}]({siblings[index + 1].code}.md) →"
            if index + 1 < len(siblings)
            else ""
        )
        out.append(f"| Meridian | [{meridian.english}](../meridians/{meridian.code}.md) {before} {after} |")
    else:
        members = atlas.points(point.group)
        index = members.index(point)
        before = f"← [{members[index - 1].code}]({members[index - 1].code}.md)" if index > 0 else ""
        after = (
            f"[{members[index + 1].code}]({members[index + 1].code}.md) →" if index + 1 < len(members) else ""
        )
        out.append(f"| Group | [{EXTRA_GROUPS[point.group]}](../extra/{point.group}.md) {before} {after} |")
    notations = [point.code.replace("-", "")]
    if point.meridian:
        from acupoints.codes import PREFIX_ALIASES

        shown = {"DU": "Du", "REN": "Ren", "CO": "Co", "LIV": "Liv"}
        notations += [
            f"{shown.get(p, p)}{point.number}" for p, c in PREFIX_ALIASES.items() if c == point.meridian
        ]
    notations += [a.text for a in point.aliases if a.kind == "notation"]
    out.append(f"| Other notations | {cell(', '.join(dict.fromkeys(notations)))} |")
    for alias in point.aliases:
        if alias.kind == "notation":
            continue
        reading = f" {alias.pinyin}" if alias.pinyin else ""
        note = f": {alias.note}" if alias.note else ""
        out.append(f"| Also ({alias.kind}) | {cell(alias.text + reading + note)} |")
    out.append("")

    loc = point.location
    out.append("## Location\n")
    out.append(f"{loc.text}\n")
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

    out.append("## Needling\n")
    needling = point.needling
    if needling.forbidden:
        out.append(f"Needling is traditionally forbidden. {needling.note or ''}\n")
    else:
        low, high = needling.depth_cun
        depth = f"{low:g} cun" if low == high else f"{low:g}–{high:g} cun"
        out.append(f"- Depth: {depth}, {needling.angle}")
        if needling.note:
            out.append(f"- {needling.note}")
        out.append(
            f"- Moxibustion: {point.moxibustion.status}"
            + (f" ({point.moxibustion.reason})" if point.moxibustion.reason else "")
        )
        out.append("")

    if point.categories:
        out.append("## Categories\n")
        out += [f"- {category_text(c)}" for c in point.categories]
        out.append("")

    out.append("## Traditional indications\n")
    out.append("; ".join(point.indications.items) + ".\n")
    out.append(f"Sources: {source_list(point.indications.sources)}\n")

    mine = roles.get(point.code, [])
    if mine:
        out.append("## In complaint mappings\n")
        out.append("| Complaint | Role | Why |\n|---|---|---|")
        for complaint, candidate in mine:
            why = "; ".join(r.text for r in candidate.reasons)
            out.append(
                f"| [{complaint.label}](../complaints/{complaint.name}.md) | {candidate.role} | {cell(why)} |"
            )
        out.append("")

    for note in point.notes:
        out.append(f'!!! info "Note"\n    {note}\n')
    out.append(f"Sources for the name and location: {source_list(point.sources)}.\n")
    out.append(
        f"[Edit this data]({edit}{'points/' + point.group}.yaml) · "
        f"[JSON](../data/v1/points/{point.code}.json){{: .keywords }}\n"
    )
    out.append(f"<p class='keywords'>Search: {' · '.join(dict.fromkeys([*names, *keywords]))}</p>\n")
    return "\n".join(out)
