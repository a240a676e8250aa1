"""Complaint pages."""

from __future__ import annotations

from acupoints import Atlas, Candidates, Complaint
from acupoints.diagrams import complaint_diagram

from .common import DISCLAIMER, cell, front_matter, point_link, source_list, svg_href


def candidate_table(answer: Candidates) -> list[str]:
    out = [
        "| # | Point | Pinyin | Hanzi | Role | Why | Sources | Warnings |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for c in answer.candidates:
        why = "<br>".join(cell(r.text) for r in c.reasons)
        warnings = "<br>".join(cell(w) for w in c.warnings) or "—"
        out.append(
            f"| {c.rank} | {point_link(c.point)} | {c.point.pinyin} | {c.point.hanzi} | {c.role} | {why} | "
            f"{source_list(c.sources)} | {warnings} |"
        )
    return out


def complaint_page(atlas: Atlas, complaint: Complaint) -> str:
    answer = atlas.candidates(complaint.name)
    pregnant = atlas.candidates(complaint.name, pregnant=True)
    out = [front_matter(complaint.label, [complaint.name, complaint.hanzi or "", *complaint.synonyms])]
    out.append(
        f"# {complaint.label}"
        + (f" <span class='hanzi'>{complaint.hanzi}</span>" if complaint.hanzi else "")
        + "\n"
    )
    out.append(f'!!! warning "A reference, not medical advice"\n    {DISCLAIMER}\n')
    if complaint.synonyms:
        out.append("Also: " + ", ".join(complaint.synonyms) + "\n")
    if complaint.parent:
        parent = atlas.complaint(complaint.parent)
        out.append(f"A kind of [{parent.label}]({parent.name}.md); its rules apply too.\n")
    children = [c for c in atlas.complaints() if c.parent == complaint.name]
    if children:
        out.append("More specific: " + ", ".join(f"[{c.label}]({c.name}.md)" for c in children) + "\n")
    if complaint.regions:
        out.append(
            "Regions: "
            + ", ".join(f"[{atlas.region(r).label}](../regions/{r}.md)" for r in complaint.regions)
            + "\n"
        )
    if complaint.note:
        out.append(f"{complaint.note}\n")
    out.append(complaint_diagram(atlas, answer, svg_href(1)) + "\n")
    out.append("## Candidate points\n")
    out.append(
        "Each point has its role (local, adjacent, segmental, distal), the rules that chose it with their sources, and its safety flags.\n"
    )
    out += candidate_table(answer)
    out.append("")
    out.append("## In pregnancy\n")
    if pregnant.excluded:
        out.append('!!! danger "Excluded in pregnancy"')
        for item in pregnant.excluded:
            out.append(f"    - {point_link(item.point)} {item.point.pinyin} {item.point.hanzi}: {item.why}")
        out.append("")
    else:
        out.append(
            "No candidate is traditionally forbidden in pregnancy; cautions are listed with each point.\n"
        )
    out += candidate_table(pregnant)
    out.append("")
    out.append("## Selection rules\n")
    out.append("| Rule | Parameters | Sources |\n|---|---|---|")
    for owner in [*([atlas.complaint(complaint.parent)] if complaint.parent else []), complaint]:
        for rule in owner.rules:
            params = []
            for name in ("regions", "groups", "points", "levels", "vessels", "role", "reason"):
                value = getattr(rule, name)
                if value:
                    params.append(f"{name}: {', '.join(value) if isinstance(value, tuple) else value}")
            if rule.main:
                params.append("main points")
            prefix = "" if owner is complaint else f"(from {owner.label}) "
            out.append(
                f"| {prefix}{rule.rule} | {cell('; '.join(params)) or '—'} | {source_list(rule.sources)} |"
            )
    out.append(f"\nAs data: [JSON](../data/v1/complaints/{complaint.name}.json)\n")
    return "\n".join(out) + "\n"
