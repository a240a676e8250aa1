"""Generate the reference site's pages from the library.

A plain script: it uses only acupoints' public API and writes Markdown (and
the JSON of the static API). mkdocs-gen-files runs it during ``mkdocs build``;
``python docs/gen_pages.py OUT`` writes the same files into a folder, so the
site could move to another generator without rewriting this.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

import acupoints
from acupoints import Atlas, Candidates, Complaint, Meridian, Point
from acupoints.diagrams import back_chart, complaint_diagram, meridian_chain, organ_clock
from acupoints.export import SCHEMA_VERSION, static_api
from acupoints.names import notation_table

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


def front_matter(title: str, keywords: Iterable[str] = (), description: str = "") -> str:
    lines = ["---", f"title: {title!r}"]
    if description:
        lines.append(f"description: {description!r}")
    words = list(dict.fromkeys(k for k in keywords if k))
    if words:
        lines.append("search:")
        lines.append("  boost: 2")
        lines.append("tags:")
        lines += [f"  - {word!r}" for word in words]
    lines.append("---")
    return "\n".join(lines) + "\n\n"


def tone_free(pinyin: str) -> list[str]:
    """The ASCII spellings of a pinyin name: ü as u and as v, with and without spaces."""
    import unicodedata

    plain = "".join(
        ch
        for ch in unicodedata.normalize("NFD", pinyin)
        if unicodedata.category(ch) != "Mn" or ch == "\u0308"
    )
    plain = unicodedata.normalize("NFC", plain).lower().replace("'", "")
    return list(dict.fromkeys([plain.replace("ü", "u"), plain.replace("ü", "v")]))


# -- point pages ----------------------------------------------------------------


def category_text(category: Any) -> str:
    qualifier = category.qualifier
    link = f"[{category.kind}](../categories/{category.kind}.md)"
    return f"{link} ({qualifier})" if qualifier else link


def source_list(keys: Iterable[str]) -> str:
    return ", ".join(f"[{key}](../sources.md#{key})" for key in keys)


def point_page(atlas: Atlas, point: Point, roles: dict[str, list[tuple[Complaint, Any]]], edit: str) -> str:
    names = [point.code, point.pinyin, point.hanzi, point.hanzi_traditional, point.english]
    keywords = [
        point.code,
        point.code.replace("-", ""),
        *tone_free(point.pinyin),
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
    out.append(f"| Pinyin | {point.pinyin} ({', '.join(tone_free(point.pinyin))}) |")
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


# -- meridians, vessels, regions ------------------------------------------------------


def categories_short(point: Point) -> str:
    return ", ".join(c.kind for c in point.categories)


def meridian_page(atlas: Atlas, meridian: Meridian) -> str:
    points = atlas.points(meridian.code)
    out = [
        front_matter(
            f"{meridian.code} {meridian.english}",
            [meridian.code, meridian.hanzi, meridian.hanzi_traditional, *meridian.aliases],
        )
    ]
    out.append(f"# {meridian.english} ({meridian.code}) <span class='hanzi'>{meridian.hanzi}</span>\n")
    out.append("| | |\n|---|---|")
    out.append(f"| Chinese | {meridian.pinyin} · {meridian.hanzi} · {meridian.hanzi_traditional} |")
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
    out.append(meridian_chain(atlas, meridian.code, svg_href(1)) + "\n")
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


# -- complaints -------------------------------------------------------------------


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


# -- categories -----------------------------------------------------------------------


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
        details = []
        for category in point.categories:
            if category.kind != kind:
                continue
            detail = (
                category.organ
                or category.tissue
                or category.vessel
                or category.phase
                or ", ".join(category.regions or category.channels)
            )
            if detail:
                details.append(detail)
        out.append(
            f"| {point_link(point)} | {point.pinyin} | {point.hanzi} | {point.meridian or point.group} | {cell('; '.join(details))} |"
        )
    return "\n".join(out) + "\n"


# -- other pages ---------------------------------------------------------------------------


def home_page(atlas: Atlas) -> str:
    standard = sum(1 for p in atlas.points() if p.meridian)
    return f"""{front_matter("acupoints", ["acupuncture", "points"])}# acupoints

A reference of acupuncture points: the **{standard} WHO standard points** on the 14 meridians and
the **{len(atlas) - standard} WHO extra points**, each with its names (pinyin, simplified and
traditional hanzi, English), its location in plain words, needling depth and cautions, categories,
safety flags and traditional indications with their sources, and **{len(atlas.complaints())}
complaints** mapped to candidate points with the reason for each.

!!! warning "A reference, not medical advice"
    {DISCLAIMER}

## Start here

- [Complaints](complaints/index.md): which points, why, and what to be careful of, for
  [low back pain](complaints/low-back-pain.md), [neck pain](complaints/neck-pain.md),
  [headache](complaints/headache.md), [period pain](complaints/menstrual-cramps.md) and more.
- [Meridians](meridians/index.md) and their points; [extra points](extra/index.md).
- [The back chart](diagrams/back.md): every back point by vertebral level.
- [The organ clock](diagrams/clock.md) and the 24-hour flow.
- [Categories](categories/index.md): five-shu, yuan, luo, xi-cleft, back-shu, front-mu ...
- [Body regions](regions/index.md).
- Search by code (`LI4`, `UB23`), pinyin with or without tones (`Hégǔ`, `hegu`) or hanzi in either
  script (`合谷`, `腎俞`).
- [For developers and apps](developers.md): the Python library, the CLI, the HTTP API and the
  static JSON API.

## How to read a point page

1. **Safety first.** Red boxes are things traditionally forbidden (in pregnancy, or needling at all);
   amber boxes are cautions, such as the lung beneath points of the chest and upper back.
2. **Names.** Pinyin with tones (and without), simplified and traditional hanzi, an English
   translation, other names and notations (UB, SJ, Du, M-BW ...).
3. **Location** in plain words, from landmarks and proportional cun, with the body regions and, on
   the back, the vertebral level and the distance from the midline.
4. **Needling**: usual depth and angle; **moxibustion**: allowed, caution or forbidden.
5. **Categories**, each linked to its table; **traditional indications** with sources.
6. **In complaint mappings**: the complaints in which the point is a candidate, its role and why.

Sources are cited by key; see [Sources](sources.md).
"""


def developers_page(atlas: Atlas) -> str:
    rows = "\n".join(f"| {r['code']} | {r['other notations']} |" for r in notation_table())
    return f"""{front_matter("For developers and apps", ["api", "json", "python", "cli"])}# For developers and apps

## Python

```sh
pip install acupoints        # or, from a checkout: pip install .
```

```python
import acupoints

acupoints.point("LI4")                       # Point('LI4', 'Hégǔ', '合谷')
acupoints.resolve("腎俞")                    # any code, notation, name or alias -> Point('BL23', ...)
acupoints.search("zusanly")[0].point.code    # 'ST36' (fuzzy)
acupoints.candidates("low back pain", pregnant=True, level="L4")
acupoints.graph()                            # networkx MultiDiGraph
```

See the [API reference](reference/index.md).

## Command line

```sh
acupoints show UB23 --json
acupoints candidates "back pain" --pregnant --json
acupoints search hegu
acupoints export > atlas.json
```

## HTTP API

```sh
pip install "acupoints[server]"
acupoints serve --port 8000
curl http://127.0.0.1:8000/points/UB23
curl "http://127.0.0.1:8000/candidates?complaint=low%20back%20pain&pregnant=true"
curl http://127.0.0.1:8000/openapi.json
```

Unknown points, meridians, regions or complaints get 404 with `suggestions`; a name that fits
several points gets 409 with `matches`; invalid parameters get 422.

## Static JSON API

This site publishes the data as JSON files under `data/v1/` (schema version {SCHEMA_VERSION}).
Nothing needs to run: fetch the files from any language.

| File | Holds |
|---|---|
| [`data/v1/index.json`](data/v1/index.json) | `schema_version`, `generated_at`, counts and the list of files |
| [`data/v1/points.json`](data/v1/points.json) | every point (the export's point records) |
| `data/v1/points/<CODE>.json` | one point, e.g. [`points/LI4.json`](data/v1/points/LI4.json) |
| [`data/v1/meridians.json`](data/v1/meridians.json) | the 14 meridians |
| [`data/v1/vessels.json`](data/v1/vessels.json) | the eight extraordinary vessels |
| [`data/v1/regions.json`](data/v1/regions.json) | the body-region tree |
| [`data/v1/complaints.json`](data/v1/complaints.json) | complaints with synonyms, regions and rules |
| `data/v1/complaints/<name>.json` | candidates and the pregnancy variant, e.g. [`complaints/low-back-pain.json`](data/v1/complaints/low-back-pain.json) |
| [`data/v1/schema.json`](data/v1/schema.json) | the JSON Schema of every document |

```sh
SITE=http://127.0.0.1:8000   # where the site is served (mkdocs serve, or any static host)
curl -s $SITE/data/v1/points/LI4.json | jq '.pinyin, .location.text'
curl -s $SITE/data/v1/complaints/low-back-pain.json | jq '.pregnant.excluded[].code'
curl -s $SITE/data/v1/index.json | jq .schema_version
```

The schema is generated from the library's models and also kept in the repository
(`schema/acupoints.schema.json`); a test checks the two are equal.

## Notations the resolver accepts

Codes in any case, spacing or hyphenation (`LI4`, `li-4`, `LI 4`, `LI04`), these other prefixes,
older extra-point numbers (`M-BW-35`), pinyin with or without tones, spaces, apostrophes or ü/v,
hanzi in either script, English names and aliases (`人中` → GV26, `Yintang` → EX-HN3).

| WHO code | Other prefixes |
|---|---|
{rows}
"""


def sources_page(atlas: Atlas) -> str:
    out = [front_matter("Sources", ["bibliography", "references"]), "# Sources\n"]
    out.append("Facts follow the standard references; every prose field is written in our own words.\n")
    for source in atlas.sources():
        out.append(f"## {source.key} {{ #{source.key} }}\n")
        out.append(f"{source.citation}\n")
        if source.note:
            out.append(f"*{source.note}*\n")
    return "\n".join(out) + "\n"


def index_page(title: str, intro: str, rows: list[str], header: str) -> str:
    return front_matter(title) + f"# {title}\n\n{intro}\n\n{header}\n" + "\n".join(rows) + "\n"


# -- the whole site -----------------------------------------------------------------------


def generate(open_file: Opener, edit_base: str) -> list[str]:
    """Write every page and JSON file; return the SUMMARY (navigation) lines."""
    # the checkout's data when there is one, so the site shows what is being edited
    checkout = Path(__file__).resolve().parent.parent / "data"
    atlas = acupoints.load(checkout) if (checkout / "meridians.yaml").is_file() else acupoints.load()
    roles: dict[str, list[tuple[Complaint, Any]]] = {}
    for complaint in atlas.complaints():
        for candidate in atlas.candidates(complaint.name):
            roles.setdefault(candidate.code, []).append((complaint, candidate))

    def write(path: str, text: str) -> None:
        with open_file(path) as handle:
            handle.write(text)

    write("index.md", home_page(atlas))
    write("developers.md", developers_page(atlas))
    write("sources.md", sources_page(atlas))
    write("reference/index.md", front_matter("API reference") + "# API reference\n\n::: acupoints\n")

    nav = ["* [Home](index.md)"]
    # complaints
    complaints = atlas.complaints()
    write(
        "complaints/index.md",
        index_page(
            "Complaints",
            "Complaints mapped to candidate points, each with its role, reasons, sources and safety flags. "
            + DISCLAIMER,
            [
                f"| [{c.label}]({c.name}.md) | {c.hanzi or ''} | {cell(', '.join(c.synonyms[:5]))} |"
                for c in complaints
            ],
            "| Complaint | 中文 | Also |\n|---|---|---|",
        ),
    )
    nav.append("* [Complaints](complaints/index.md)")
    for complaint in complaints:
        write(f"complaints/{complaint.name}.md", complaint_page(atlas, complaint))
        nav.append(f"    * [{complaint.label}](complaints/{complaint.name}.md)")

    # meridians and their points
    write(
        "meridians/index.md",
        index_page(
            "Meridians",
            "The 14 meridians that carry the 361 standard points, in the order of the 24-hour flow.",
            [
                f"| [{m.code}]({m.code}.md) | {m.english} | {m.hanzi} | {m.point_count} |"
                for m in atlas.meridians()
            ],
            "| Code | Meridian | 中文 | Points |\n|---|---|---|---|",
        ),
    )
    nav.append("* [Meridians](meridians/index.md)")
    for meridian in atlas.meridians():
        write(f"meridians/{meridian.code}.md", meridian_page(atlas, meridian))
        nav.append(f"    * [{meridian.code} {meridian.english}](meridians/{meridian.code}.md)")
        for point in atlas.points(meridian.code):
            nav.append(f"        * [{point.code} {point.pinyin}](points/{point.code}.md)")
    write(
        "extra/index.md",
        index_page(
            "Extra points",
            "The 48 WHO extra points, by region.",
            [f"| [{g}]({g}.md) | {label} | {len(atlas.points(g))} |" for g, label in EXTRA_GROUPS.items()],
            "| Group | Region | Points |\n|---|---|---|",
        ),
    )
    nav.append("* [Extra points](extra/index.md)")
    for group, label in EXTRA_GROUPS.items():
        rows = [
            f"| {point_link(p)} | {p.pinyin} | {p.hanzi} | {cell(p.english)} |" for p in atlas.points(group)
        ]
        write(
            f"extra/{group}.md",
            index_page(
                f"{group}: {label}", "", rows, "| Code | Pinyin | Hanzi | English |\n|---|---|---|---|"
            ),
        )
        nav.append(f"    * [{group}](extra/{group}.md)")
        for point in atlas.points(group):
            nav.append(f"        * [{point.code} {point.pinyin}](points/{point.code}.md)")
    for point in atlas.points():
        write(f"points/{point.code}.md", point_page(atlas, point, roles, edit_base))
    nav.append("* [All points](points/index.md)")
    write(
        "points/index.md",
        index_page(
            "All points",
            f"All {len(atlas)} points.",
            [
                f"| {point_link(p, '')} | {p.pinyin} | {p.hanzi} | {p.hanzi_traditional} | {cell(p.english)} |"
                for p in atlas.points()
            ],
            "| Code | Pinyin | Simplified | Traditional | English |\n|---|---|---|---|---|",
        ),
    )

    # vessels
    write(
        "vessels/index.md",
        index_page(
            "Extraordinary vessels",
            "The eight extraordinary vessels, their opening points and trajectories.",
            [f"| [{v.english}]({v.code}.md) | {v.hanzi} | {v.confluent or ''} |" for v in atlas.vessels()],
            "| Vessel | 中文 | Confluent point |\n|---|---|---|",
        ),
    )
    nav.append("* [Extraordinary vessels](vessels/index.md)")
    for vessel in atlas.vessels():
        write(f"vessels/{vessel.code}.md", vessel_page(atlas, vessel))
        nav.append(f"    * [{vessel.english}](vessels/{vessel.code}.md)")

    # regions
    write(
        "regions/index.md",
        index_page(
            "Body regions",
            "Regions of the body and the points in each.",
            [
                f"| [{r.label}]({r.name}.md) | {r.parent or ''} | {len(atlas.points(region=r.name))} |"
                for r in atlas.regions()
            ],
            "| Region | Part of | Points |\n|---|---|---|",
        ),
    )
    nav.append("* [Body regions](regions/index.md)")
    for region in atlas.regions():
        write(f"regions/{region.name}.md", region_page(atlas, region))
        nav.append(f"    * [{region.label}](regions/{region.name}.md)")

    # categories
    write(
        "categories/index.md",
        index_page(
            "Categories",
            "Traditional point categories.",
            [
                f"| [{title}]({kind}.md) | {len(atlas.points(category=kind))} |"
                for kind, title in KIND_TITLES.items()
            ],  # type: ignore[arg-type]
            "| Category | Points |\n|---|---|",
        ),
    )
    nav.append("* [Categories](categories/index.md)")
    for kind, title in KIND_TITLES.items():
        write(f"categories/{kind}.md", category_page(atlas, kind))
        nav.append(f"    * [{title}](categories/{kind}.md)")

    # diagrams
    back = back_chart(atlas, svg_href(1))
    back_rows = [
        f"| {point_link(p)} | {p.pinyin} | {p.hanzi} | {p.location.level}{'–' + p.location.level_to if p.location.level_to else ''} | {p.location.from_midline_cun:g} |"
        for p in atlas.points()
        if p.location.level and p.location.from_midline_cun is not None and p.group in ("GV", "BL", "EX-B")
    ]
    write(
        "diagrams/back.md",
        front_matter("Back chart", ["back", "spine", "vertebra", "huatuojiaji", "back-shu"])
        + "# Back chart\n\nEvery point of the Governor Vessel, Huatuojiaji and the two Bladder lines, placed by "
        "its vertebral level from C7 to S4 and by its distance from the midline. Each point is a link.\n\n"
        + back
        + "\n\n## The same as a table\n\n| Point | Pinyin | Hanzi | Level | Cun from midline |\n|---|---|---|---|---|\n"
        + "\n".join(back_rows)
        + "\n",
    )
    write(
        "diagrams/clock.md",
        front_matter("Organ clock", ["clock", "24 hours", "flow"])
        + "# Organ clock\n\nThe twelve meridians in the order of the 24-hour flow, two hours each.\n\n"
        + organ_clock(atlas, svg_href(1))
        + "\n\n| Meridian | Hours |\n|---|---|\n"
        + "\n".join(
            f"| [{m.english}](../meridians/{m.code}.md) | {m.hours[0]:02d}–{m.hours[1]:02d} |"
            for m in sorted((m for m in atlas.meridians() if m.hours), key=lambda m: m.flow_order or 0)
            if m.hours
        )
        + "\n",
    )
    nav.append("* Diagrams")
    nav.append("    * [Back chart](diagrams/back.md)")
    nav.append("    * [Organ clock](diagrams/clock.md)")
    nav.append("* [For developers and apps](developers.md)")
    nav.append("* [API reference](reference/index.md)")
    nav.append("* [Design](design.md)")
    nav.append("* [Sources](sources.md)")

    # the static JSON API
    stamp = os.environ.get("SOURCE_DATE_EPOCH")
    when = datetime.fromtimestamp(int(stamp), UTC) if stamp else None
    for path, text in static_api(atlas, generated_at=when, version=acupoints.__version__).items():
        write(f"data/v1/{path}", text)
    write("SUMMARY.md", "\n".join(nav) + "\n")
    return nav


def main(standalone: bool) -> None:
    if standalone:  # python docs/gen_pages.py OUT: write into a folder
        out = Path(sys.argv[1])

        def open_file(path: str) -> TextIO:
            target = out / path
            target.parent.mkdir(parents=True, exist_ok=True)
            return target.open("w", encoding="utf-8")

        generate(open_file, "")
        return
    import mkdocs_gen_files

    config = mkdocs_gen_files.config
    edit = (
        f"{config['repo_url'].rstrip('/')}/{config['edit_uri'].strip('/')}/data/"
        if config.get("repo_url")
        else ""
    )

    def gen_open(path: str) -> TextIO:
        handle: TextIO = mkdocs_gen_files.open(path, "w", encoding="utf-8")
        return handle

    generate(gen_open, edit)


main(standalone=__name__ == "__main__")
