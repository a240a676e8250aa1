"""Generate the reference site's pages from the library.

A plain script: it uses only acupoints' public API and writes Markdown (and
the JSON of the static API). mkdocs-gen-files runs it during ``mkdocs build``;
``python docs/gen_pages.py OUT`` writes the same files into a folder, so the
site could move to another generator without rewriting this.
"""

from __future__ import annotations

import os
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sitegen.charts import atlas_pages
from sitegen.clinical import combination_page, combinations_index
from sitegen.common import (
    DISCLAIMER,
    EXTRA_GROUPS,
    KIND_TITLES,
    Opener,
    cell,
    front_matter,
    point_link,
    scrolling,
    svg_href,
)
from sitegen.complaints import complaint_page
from sitegen.groups import category_page, meridian_page, region_page, vessel_page
from sitegen.other import back_chart_page, developers_page, home_page, index_page, sources_page
from sitegen.points import point_page
from sitegen.safety import safety_page
from sitegen.search import NORMALISER, search_normaliser

import acupoints
from acupoints import Complaint
from acupoints.diagrams import back_chart, organ_clock
from acupoints.export import static_api


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
    write("safety.md", safety_page(atlas))
    write(NORMALISER, search_normaliser(atlas))
    write(
        "reference/index.md",
        front_matter("API reference", exclude=True) + "# API reference\n\n::: acupoints\n",
    )

    nav = ["* [Home](index.md)", "* [Safety](safety.md)"]
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

    # combinations
    write("combinations/index.md", combinations_index(atlas))
    nav.append("* [Combinations](combinations/index.md)")
    for combination in atlas.combinations():
        write(f"combinations/{combination.name}.md", combination_page(atlas, combination))
        nav.append(f"    * [{combination.label}](combinations/{combination.name}.md)")

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
    back = scrolling(back_chart(atlas, svg_href(1)))
    write("diagrams/back.md", back_chart_page(atlas, back))
    write(
        "diagrams/clock.md",
        front_matter("Organ clock", ["clock", "24 hours", "flow"])
        + "# Organ clock\n\nThe twelve meridians in the order of the 24-hour flow, two hours each.\n\n"
        + scrolling(organ_clock(atlas, svg_href(1)))
        + "\n\n| Meridian | Hours |\n|---|---|\n"
        + "\n".join(
            f"| [{m.english}](../meridians/{m.code}.md) | {m.hours[0]:02d}–{m.hours[1]:02d} |"
            for m in sorted((m for m in atlas.meridians() if m.hours), key=lambda m: m.flow_order or 0)
            if m.hours
        )
        + "\n",
    )
    nav += atlas_pages(write)
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


def edit_base(config: Any) -> str:
    """Where "Edit this data" links point: the repository (ACUPOINTS_REPO_URL, read by mkdocs.yml)
    and its edit path; empty, and no edit links at all, when no repository is configured."""
    repo = config.get("repo_url")
    if not repo:
        return ""
    return f"{repo.rstrip('/')}/{(config.get('edit_uri') or 'edit/main/').strip('/')}/data/"


def main(standalone: bool) -> None:
    if standalone:  # python docs/gen_pages.py OUT: write into a folder
        out = Path(sys.argv[1])

        def open_file(path: str) -> TextIO:
            target = out / path
            target.parent.mkdir(parents=True, exist_ok=True)
            return target.open("w", encoding="utf-8")

        from mkdocs.config import load_config

        generate(
            open_file, edit_base(load_config(str(Path(__file__).resolve().parent.parent / "mkdocs.yml")))
        )
        return
    import mkdocs_gen_files

    generate_open = mkdocs_gen_files.open
    edit = edit_base(mkdocs_gen_files.config)

    def gen_open(path: str) -> TextIO:
        handle: TextIO = generate_open(path, "w", encoding="utf-8")
        return handle

    generate(gen_open, edit)


main(standalone=__name__ == "__main__")
