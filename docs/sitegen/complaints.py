"""Complaint pages."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from acupoints import Atlas, Candidates, Complaint, Point

from .charts import complaint_chart
from .clinical import complaint_first
from .common import DISCLAIMER, cell, front_matter, point_link, source_list


def _source_links(keys: Iterable[str]) -> str:
    return ", ".join(f'<a href="../../sources/#{escape(k)}">{escape(k)}</a>' for k in keys)


def _names(point: Point) -> str:
    return f"{escape(point.pinyin)} · <span lang='zh-Hans'>{escape(point.hanzi)}</span> · {escape(point.english)}"


def candidate_cards(answer: Candidates) -> list[str]:
    """The candidates as cards that fit any width: code, names and role on the first line;
    each reason with its sources, then every warning, below. Nothing is hidden or cut."""
    out = ['<ol class="candidates">']
    for c in answer.candidates:
        point = c.point
        reasons = "".join(
            f"<li>{escape(r.text)} <span class='candidate-sources'>({_source_links(r.sources)})</span></li>"
            for r in c.reasons
        )
        warnings = (
            "".join(f"<li>{escape(w)}</li>" for w in c.warnings)
            if c.warnings
            else "<li class='none'>No safety flags recorded.</li>"
        )
        out.append(
            f'<li class="candidate role-{c.role}" data-point="{escape(point.code)}">'
            f'<p class="candidate-head"><span class="candidate-rank">{c.rank}</span> '
            f'<a class="candidate-code" href="../../points/{escape(point.code)}/">{escape(point.code)}</a> '
            f'<span class="candidate-names">{_names(point)}</span> '
            f'<span class="candidate-role">{c.role}</span></p>'
            f'<ul class="candidate-why">{reasons}</ul>'
            f'<ul class="candidate-warnings" aria-label="Warnings">{warnings}</ul>'
            "</li>"
        )
    out.append("</ol>\n")
    return out


def pregnancy_changes(normal: Candidates, pregnant: Candidates) -> list[str]:
    """What changes in pregnancy: the points left out (with the reason) and the cautions that stay."""
    out = ["## In pregnancy\n"]
    if pregnant.excluded:
        out.append('!!! danger "Left out in pregnancy"')
        for item in pregnant.excluded:
            sources = item.point.pregnancy.sources if item.point.pregnancy else ()
            cited = f" ({source_list(sources)})" if sources else ""
            out.append(
                f"    - {point_link(item.point)} {item.point.pinyin} {item.point.hanzi}: {item.why}{cited}"
            )
        out.append("")
    cautioned = [
        c
        for c in pregnant.candidates
        if c.point.pregnancy is not None and c.point.pregnancy.severity != "forbidden"
    ]
    if cautioned:
        out.append('!!! warning "Kept, with a caution in pregnancy"')
        for c in cautioned:
            assert c.point.pregnancy is not None
            sources = c.point.pregnancy.sources
            cited = f" ({source_list(sources)})" if sources else ""
            out.append(
                f"    - {point_link(c.point)} {c.point.pinyin} {c.point.hanzi}: {c.point.pregnancy.reason}{cited}"
            )
        out.append("")
    if not pregnant.excluded and not cautioned:
        out.append("No candidate is traditionally forbidden or cautioned in pregnancy.\n")
    out += [f"{note}\n" for note in pregnant.notes if note not in normal.notes]
    left = {e.code for e in pregnant.excluded}
    kept = [c.code for c in normal.candidates if c.code not in left]
    if kept == pregnant.codes:
        out.append(
            f"The other {len(kept)} candidates stay as above, in the same order "
            f"([pregnancy and safety lists](../safety.md)).\n"
        )
    else:
        out.append("In pregnancy the candidates are ranked:\n")
        out += candidate_cards(pregnant)
    return out


def complaint_page(atlas: Atlas, complaint: Complaint) -> str:
    """A complaint page; each section is a function of its own."""
    answer = atlas.candidates(complaint.name)
    pregnant = atlas.candidates(complaint.name, pregnant=True)
    sections = [
        heading(atlas, complaint),
        complaint_first(answer),
        complaint_chart(complaint.name, len(answer.candidates)),
        candidates_section(answer),
        pregnancy_changes(answer, pregnant),
        selection_rules(atlas, complaint),
        [f"As data: [JSON](../data/v1/complaints/{complaint.name}.json)\n"],
    ]
    return "\n".join(line for section in sections for line in section) + "\n"


def heading(atlas: Atlas, complaint: Complaint) -> list[str]:
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
    return out


def candidates_section(answer: Candidates) -> list[str]:
    out = ["## Candidate points\n"]
    out.append(
        f"{len(answer.candidates)} points, each with its role (local, adjacent, segmental, distal), "
        "the rules that chose it with their sources, and its safety flags.\n"
    )
    return out + candidate_cards(answer)


def selection_rules(atlas: Atlas, complaint: Complaint) -> list[str]:
    out = ["## Selection rules\n", "| Rule | Parameters | Sources |\n|---|---|---|"]
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
    out.append("")
    return out
