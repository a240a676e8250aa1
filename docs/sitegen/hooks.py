"""MkDocs hooks of the reference site (listed under ``hooks:`` in mkdocs.yml).

- The navigation file (SUMMARY.md) feeds literate-nav but is not published.
- The search worker first loads the query normaliser the generator writes
  (``sitegen/search.py``: codes in any notation, Chinese names whole).
- Without ``site_url`` (ACUPOINTS_SITE_URL unset) there is no sitemap: its
  entries would have no host.
- The inline SVG charts skip Markdown and the search indexer: each is set
  aside before Markdown runs (``on_page_markdown``) and put back into the
  finished page (``on_post_page``). Parsing them was about a third of the
  build, and they are kept out of the index anyway.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files, InclusionLevel

NAV_FILE = "SUMMARY.md"

_SVG = re.compile(r'<svg xmlns="http://www.w3.org/2000/svg".*?</svg>', re.S)
_SLOT = re.compile(r"<!--ap-svg-(\d+)-->")
_SET_ASIDE: dict[str, list[str]] = {}
"""The SVG of each page being built, by source path, until it is put back."""


def on_page_markdown(markdown: str, page: Any, **_: Any) -> str:
    svgs: list[str] = []

    def aside(found: re.Match[str]) -> str:
        svgs.append(found.group(0))
        return f"<!--ap-svg-{len(svgs) - 1}-->"

    text = _SVG.sub(aside, markdown)
    if svgs:
        _SET_ASIDE[page.file.src_uri] = svgs
    return text


def on_post_page(output: str, page: Any, **_: Any) -> str:
    svgs = _SET_ASIDE.pop(page.file.src_uri, None)
    if svgs is None:
        return output
    html = _SLOT.sub(lambda found: svgs[int(found.group(1))], output)
    if html.count("<!--ap-svg-") or sum(html.count(svg) == 0 for svg in svgs):
        raise ValueError(f"{page.file.src_uri}: an inline chart was not put back where it was")
    return html


@event_priority(-200)  # after literate-nav (-100) has read the navigation
def on_files(files: Files, config: Any) -> Files:
    nav = files.get_file_from_path(NAV_FILE)
    if nav is not None:
        nav.inclusion = InclusionLevel.EXCLUDED
    return files


NORMALISER = "assets/search-normalise.js"  # sitegen.search.NORMALISER


def on_post_build(config: Any) -> None:
    site = Path(config["site_dir"])
    if (site / NORMALISER).is_file():
        for worker in (site / "assets" / "javascripts" / "workers").glob("search.*.min.js"):
            code = worker.read_text(encoding="utf-8")
            load = f'importScripts("../../{NORMALISER.removeprefix("assets/")}");\n'
            if not code.startswith(load):
                worker.write_text(load + code, encoding="utf-8")
    if config.get("site_url"):
        return
    for name in ("sitemap.xml", "sitemap.xml.gz"):
        (site / name).unlink(missing_ok=True)
