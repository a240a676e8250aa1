"""MkDocs hooks of the reference site (listed under ``hooks:`` in mkdocs.yml).

- The navigation file (SUMMARY.md) feeds literate-nav but is not published.
- The search worker first loads the query normaliser the generator writes
  (``sitegen/search.py``: codes in any notation, Chinese names whole).
- Without ``site_url`` (ACUPOINTS_SITE_URL unset) there is no sitemap: its
  entries would have no host.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files, InclusionLevel

NAV_FILE = "SUMMARY.md"


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
