"""The site as a practitioner meets it (issue 10): safety first on point pages, candidates
that fit any width with every warning visible, the safety page, no placeholder hosts,
dark mode, and diagrams readable on a phone."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlparse

import pytest

import acupoints
from acupoints.diagrams import back_chart, back_chart_points, complaint_diagram
from conftest import ROOT
from sitefixtures import SCREENSHOTS

sys.path.insert(0, str(ROOT / "docs"))
from sitegen.griffe_rest import rest_to_markdown
from sitegen.search import point_terms

PLACEHOLDER_HOSTS = re.compile(
    r"(^|\.)(example\.(com|org|net)|[^.]+\.(invalid|example|test|localhost))$|^localhost$"
)
LINK = re.compile(r"""(?:href|src)=["']([^"']+)["']""")


def _html(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text(encoding="utf-8")


def _codes_between(html: str, start: str, end: str | None) -> set[str]:
    part = html[html.index(f'id="{start}"') :]
    if end is not None:
        part = part[: part.index(f'id="{end}"')]
    return set(re.findall(r'href="\.\./points/([A-Z0-9-]+)/"', part))


# -- built pages -------------------------------------------------------------------------------


def test_no_page_links_to_a_placeholder_host(site: Path) -> None:
    pages = list(site.rglob("*.html"))
    assert len(pages) > 500
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "example.invalid" not in html, page
        assert 'class="md-source"' not in html, f"{page}: repository link without a repository"
        for url in LINK.findall(html):
            host = urlparse(url).hostname
            assert host is None or not PLACEHOLDER_HOSTS.search(host), f"{page}: {url}"


def test_raw_html_links_reach_real_pages(site: Path) -> None:
    """The candidate cards and diagrams are raw HTML, which mkdocs does not check: every
    relative link in them must reach a page or file of the built site."""
    pages = [site / "complaints" / c.name / "index.html" for c in acupoints.complaints()]
    pages += [site / "diagrams" / "back" / "index.html", site / "safety" / "index.html"]
    for page in pages:
        for url in LINK.findall(page.read_text(encoding="utf-8")):
            parsed = urlparse(url)
            if parsed.scheme or url.startswith(("#", "data:")):
                continue
            target = (page.parent / parsed.path).resolve()
            assert target.is_file() or (target / "index.html").is_file(), f"{page}: {url}"


def test_no_summary_page_no_hostless_sitemap_and_a_clean_index(site: Path) -> None:
    assert not (site / "SUMMARY").exists() and not (site / "sitemap.xml").exists()
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = [doc["location"] for doc in index["docs"]]
    assert not [x for x in locations if x.startswith(("SUMMARY", "reference/"))]
    texts = " ".join(doc["text"] for doc in index["docs"])
    # the diagrams' SVG text stays out of the index
    assert "The back: points by vertebral level" not in texts and "red: yang, blue: yin" not in texts
    assert "points/LI4/" in locations and "safety/" in locations


def test_api_reference_renders_its_docstrings(site: Path) -> None:
    html = _html(site, "reference")
    for raw in (":func:`", ":class:`", ":meth:`", ":mod:`", "<blockquote>"):
        assert raw not in html, raw
    # doctests come out as highlighted sessions, not nested quotes
    assert "acupoints.resolve" in html and '<span class="gp">&gt;&gt;&gt; </span>' in html
    assert rest_to_markdown("See :class:`~acupoints.models.Point`.") == "See `Point`."
    assert (
        rest_to_markdown("Layout::\n\n    data/\n    points/\n")
        == "Layout:\n\n```text\ndata/\npoints/\n```\n"
    )


@pytest.mark.parametrize("code", ["LI4", "ST36", "SP6", "BL40"])
def test_point_page_shows_safety_then_location_then_needling(site: Path, code: str) -> None:
    point = acupoints.point(code)
    html = _html(site, f"points/{code}")
    body = html[html.index("<h1") :]
    where = [body.index('id="location"'), body.index('id="needling"'), body.index('id="names"')]
    assert where == sorted(where)
    if point.contraindications or point.needling.cautions:
        assert body.index("admonition") < where[0]
    names = re.search(r"<p class=.point-names.>(.*?)</p>", body)
    assert names is not None
    for name in (point.pinyin, point.hanzi, point.hanzi_traditional, point.english):
        assert name in names.group(1)
    assert "keywords" not in html and "Search: " not in html


def test_search_tags_hold_every_notation_and_name() -> None:
    atlas = acupoints.load()
    li4 = point_terms(atlas, atlas.point("LI4"))
    assert {"LI4", "LI 4", "Co4", "Union Valley", "合谷", "hegu"} <= set(li4)
    gv26 = point_terms(atlas, atlas.point("GV26"))
    assert {"Du26", "人中", "renzhong", "水溝"} <= set(gv26)
    assert {"UB23", "B23", "腎俞", "肾俞"} <= set(point_terms(atlas, atlas.point("BL23")))
    # ambiguous names tag every point they fit; nothing tags a point the resolver would not give
    assert "zhongdu" in point_terms(atlas, atlas.point("LR6")) and "zhongdu" in point_terms(
        atlas, atlas.point("GB32")
    )
    assert "LI 4" not in point_terms(atlas, atlas.point("LR4"))


def test_safety_page_lists_every_flag_in_the_data(site: Path) -> None:
    atlas = acupoints.load()
    html = _html(site, "safety")
    pregnancy = {p.code: p.pregnancy.severity for p in atlas.points() if p.pregnancy is not None}
    forbidden = {c for c, s in pregnancy.items() if s == "forbidden"}
    assert _codes_between(html, "pregnancy-forbidden", "pregnancy-caution") == forbidden
    assert _codes_between(html, "pregnancy-caution", "other-conditions") == set(pregnancy) - forbidden
    moxa = {p.code: p.moxibustion.status for p in atlas.points()}
    got = _codes_between(html, "moxibustion-forbidden", "moxibustion-caution")
    assert got == {c for c, s in moxa.items() if s == "forbidden"}
    for hazard in ("lung", "major-vessel", "eye", "spinal-cord"):
        wanted = {p.code for p in atlas.points() for c in p.needling.cautions if c.hazard == hazard}
        section = html[html.index(f'id="{hazard}"') :]
        section = section[: section.index("<h3", 10)] if "<h3" in section[10:] else section
        assert set(re.findall(r'href="\.\./points/([A-Z0-9-]+)/"', section)) == wanted, hazard
    for point in atlas.points():
        if point.pregnancy is not None:
            assert point.pregnancy.reason in html


def test_edit_links_follow_the_repository_setting(tmp_path: Path) -> None:
    env = {**os.environ, "ACUPOINTS_REPO_URL": "https://code.acupoints.test/acupoints"}
    subprocess.run([sys.executable, str(ROOT / "docs" / "gen_pages.py"), str(tmp_path)], env=env, check=True)
    page = (tmp_path / "points" / "SP6.md").read_text(encoding="utf-8")
    assert "[Edit this data](https://code.acupoints.test/acupoints/edit/main/data/points/SP.yaml)" in page


def test_back_chart_holds_every_back_point() -> None:
    atlas = acupoints.load()
    claimed = {p.code for p in back_chart_points(atlas)}
    drawn = set(re.findall(r'<g class="point" data-code="([^"]+)"', back_chart(atlas)))
    assert drawn == claimed
    assert {"BL31", "BL32", "BL33", "BL34", "GV1", "BL35", "EX-B9", "EX-B4", "EX-B7", "BL54"} <= drawn
    levels = ["C7", "T", "L", "S", "Co"]
    for point in atlas.points():
        level = point.location.level
        if point.group in ("GV", "BL", "EX-B") and level and any(level.startswith(x) for x in levels):
            assert point.code in drawn, point.code


def test_complaint_diagram_shows_every_candidate_or_says_how_many_it_leaves_out() -> None:
    atlas = acupoints.load()
    for complaint in atlas.complaints():
        answer = atlas.candidates(complaint.name)
        svg = complaint_diagram(atlas, answer)
        assert svg.count('<g class="point"') == len(answer.candidates), complaint.name
        if len(answer.candidates) > 5:
            short = complaint_diagram(atlas, answer, limit=5)
            assert short.count('<g class="point"') == 5
            assert f"+ {len(answer.candidates) - 5} more candidates" in short


# -- in the browser ----------------------------------------------------------------------------


@pytest.mark.parametrize("width", [390, 1280])
def test_every_warning_of_every_candidate_is_visible(browser: object, served: str, width: int) -> None:
    answer = acupoints.candidates("low back pain")
    page = browser.new_page(viewport={"width": width, "height": 900})  # type: ignore[attr-defined]
    try:
        page.goto(served + "complaints/low-back-pain/")
        for media in ("screen", "print"):
            page.emulate_media(media=media)
            cards = page.locator("li.candidate")
            assert cards.count() == len(answer.candidates)
            for i, candidate in enumerate(answer.candidates):
                card = cards.nth(i)
                assert card.get_attribute("data-point") == candidate.code
                box = card.locator("ul.candidate-warnings")
                assert box.is_visible()
                text = box.inner_text()
                for warning in candidate.warnings:
                    assert warning.split(":")[0] in text, (candidate.code, warning)
                for source in candidate.sources:
                    assert source in card.inner_text()
                edge = box.bounding_box()
                assert edge is not None and edge["x"] >= 0 and edge["x"] + edge["width"] <= width + 0.5
            if media == "screen":
                scroll = page.evaluate("document.documentElement.scrollWidth")
                assert scroll <= width, f"sideways scrolling at {width} px"
                SCREENSHOTS.mkdir(exist_ok=True)
                card = cards.first
                card.scroll_into_view_if_needed()
                page.screenshot(path=str(SCREENSHOTS / f"low-back-pain-cards-{width}.png"))
    finally:
        page.close()


def test_dark_mode_follows_the_system_and_switches(browser: object, served: str) -> None:
    for system, scheme in (("light", "default"), ("dark", "slate")):
        context = browser.new_context(color_scheme=system, viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
        page = context.new_page()
        page.goto(served + "diagrams/back/")
        assert page.evaluate("document.body.dataset.mdColorScheme") == scheme
        panel = page.evaluate("getComputedStyle(document.querySelector('#back-chart .panel')).fill")
        if system == "light":
            light_panel = panel
        else:
            assert panel != light_panel, "the diagram's panel should follow the dark scheme"
            page.screenshot(path=str(SCREENSHOTS / "back-chart-dark.png"))
        seen = set()
        for _ in range(3):  # the toggle cycles: system, light, dark
            page.locator("form[data-md-component=palette] label:visible").first.click()
            seen.add(page.evaluate("document.body.dataset.mdColorScheme"))
        assert seen == {"default", "slate"}
        context.close()


_MEASURE = """svg => {
  const out = {small: [], taps: []};
  for (const t of svg.querySelectorAll('text')) {
    const size = parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a;
    if (t.textContent.trim() && size < 10.99) out.small.push(t.textContent + ' ' + size.toFixed(1));
  }
  for (const a of svg.querySelectorAll('a')) {
    const box = a.getBoundingClientRect();
    if (box.width < 24 || box.height < 24)
      out.taps.push(a.textContent.trim() + ' ' + box.width.toFixed(0) + 'x' + box.height.toFixed(0));
  }
  return out;
}"""


@pytest.mark.parametrize(
    ("path", "diagram"),
    [("diagrams/back/", "svg#back-chart"), ("diagrams/clock/", "svg#organ-clock"),
     ("meridians/BL/", "svg#chain-BL")],
)  # fmt: skip  (a complaint page's one diagram is its body chart: see test_site_charts.py)
def test_diagram_labels_and_tap_targets_on_a_phone(
    browser: object, served: str, path: str, diagram: str
) -> None:
    page = browser.new_page(viewport={"width": 390, "height": 844})  # type: ignore[attr-defined]
    try:
        page.goto(served + path)
        found = page.locator(diagram).evaluate(_MEASURE)
        assert not found["small"], found["small"][:5]
        assert not found["taps"], found["taps"][:5]
        assert page.evaluate("document.documentElement.scrollWidth") <= 390  # only the diagram scrolls
    finally:
        page.close()


def test_back_chart_labels_sit_beside_their_own_dots(browser: object, served: str) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 1000})  # type: ignore[attr-defined]
    try:
        page.goto(served + "diagrams/back/")
        wrong = page.locator("svg#back-chart").evaluate(
            """svg => {
              const dots = [...svg.querySelectorAll('g.point circle.dot')].map(c => {
                const b = c.getBoundingClientRect();
                return {code: c.closest('g.point').dataset.code, x: b.x + b.width / 2, y: b.y + b.height / 2};
              });
              const wrong = [];
              for (const g of svg.querySelectorAll('g.point')) {
                const b = g.querySelector('text').getBoundingClientRect();
                const cx = b.x + b.width / 2, cy = b.y + b.height / 2;
                const gap = d => Math.max(0, Math.abs(d.x - cx) - b.width / 2) + Math.abs(d.y - cy);
                const near = dots.reduce((m, d) => gap(d) < gap(m) ? d : m);
                if (near.code !== g.dataset.code || gap(near) > 14)
                  wrong.push(g.dataset.code + '->' + near.code);
              }
              return wrong;
            }"""
        )
        assert not wrong, wrong
    finally:
        page.close()
