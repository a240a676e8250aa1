"""Site parts of the clinical layer: red flags and evidence on complaint pages,
actions and combinations on point pages, and a page per combination."""

from __future__ import annotations

from acupoints import Atlas, Candidates, Combination, Point

from .common import cell, front_matter, point_link, source_list

KIND_LABELS = {
    "named": "Named combinations",
    "command-points": "Command points",
    "confluent-pair": "Confluent pairs (eight extraordinary vessels)",
    "yuan-luo": "Host and guest (source and connecting points)",
    "shu-mu": "Back-shu and front-mu of one organ",
    "pairing": "Common textbook pairings",
}


def complaint_first(answer: Candidates) -> list[str]:
    """Red flags, then the evidence note: the first thing on a complaint page."""
    out: list[str] = []
    flags = answer.red_flags
    if flags is not None:
        out.append('!!! danger "See a doctor first: red flags"')
        out.append("    Any of these needs medical assessment before any acupuncture:\n")
        out += [f"    - {item}" for item in flags.items]
        if flags.note:
            out.append(f"\n    {flags.note}")
        out.append(f"\n    Sources: {source_list(flags.sources)}\n")
    evidence = answer.evidence
    if evidence is not None:
        sources = f"Sources: {source_list(evidence.sources)}" if evidence.sources else "No source listed."
        out.append(f'!!! info "What reviews and guidelines say"\n    {evidence.text}\n\n    {sources}\n')
    return out


def needling_extras(point: Point) -> list[str]:
    """The needling sources, and the depths other references give."""
    needling = point.needling
    out = [f"Needling sources: {source_list(needling.sources)}\n"]
    for other in needling.alternatives:
        low, high = other.depth_cun
        angle = f"{other.angle}, " if other.angle else ""
        note = f" {other.note}" if other.note else ""
        out.append(f"- Also given: {angle}{low:g}–{high:g} cun ({source_list(other.sources)}).{note}")
    if needling.alternatives:
        out.append("")
    return out


def point_extras(atlas: Atlas, point: Point) -> list[str]:
    """The actions and the "combined with" list of a point page."""
    out = ["## Traditional actions\n"]
    out.append("; ".join(point.actions.items) + ".\n")
    out.append(f"Sources: {source_list(point.actions.sources)}\n")
    mine = atlas.combinations(point.code)
    if mine:
        out.append("## Combined with\n")
        out.append("| Combination | With | Kind |\n|---|---|---|")
        for combination in mine:
            others = ", ".join(
                f"[{code}]({code}.md)" for code in dict.fromkeys(combination.members) if code != point.code
            )
            out.append(
                f"| [{cell(combination.label)}](../combinations/{combination.name}.md) | {others} | "
                f"{combination.kind} |"
            )
        out.append("")
    return out


def combination_page(atlas: Atlas, combination: Combination) -> str:
    # no search tags or boost: a point page, not a combination naming it, should come first
    out = [front_matter(combination.label)]
    hanzi = f" <span class='hanzi'>{combination.hanzi}</span>" if combination.hanzi else ""
    out.append(f"# {combination.label}{hanzi}\n")
    out.append(f"One of the [{KIND_LABELS[combination.kind].lower()}](index.md).\n")
    out.append(f"{combination.purpose}\n")
    if combination.note:
        out.append(f"{combination.note}\n")
    out.append("| Point | Pinyin | Hanzi | English |\n|---|---|---|---|")
    for code in dict.fromkeys(combination.members):
        point = atlas.point(code)
        out.append(f"| {point_link(point)} | {point.pinyin} | {point.hanzi} | {cell(point.english)} |")
    out.append(f"\nSources: {source_list(combination.sources)}\n")
    return "\n".join(out) + "\n"


def combinations_index(atlas: Atlas) -> str:
    out = [front_matter("Combinations", ["combinations", "pairings", "four gates"]), "# Combinations\n"]
    out.append(
        "Points used together in the classical texts and textbooks, each with its purpose in our own "
        "words and its sources. The host-guest and back-shu/front-mu pairings are derived from the point "
        "categories.\n"
    )
    for kind, label in KIND_LABELS.items():
        members = [c for c in atlas.combinations() if c.kind == kind]
        if not members:
            continue
        out.append(f"## {label}\n")
        out.append("| Combination | Points |\n|---|---|")
        out += [f"| [{cell(c.label)}]({c.name}.md) | {', '.join(c.members)} |" for c in members]
        out.append("")
    return "\n".join(out) + "\n"
