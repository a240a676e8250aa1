"""The reference site: built with mkdocs --strict, complete, valid JSON, and
working in a real headless Chromium (search in three scripts, the back chart)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

import acupoints
from acupoints.export import json_schema, search_dictionary
from conftest import ROOT
from sitefixtures import SCREENSHOTS, search


def test_every_page_exists(site: Path) -> None:
    atlas = acupoints.load()
    for point in atlas.points():
        assert (site / "points" / point.code / "index.html").is_file(), point.code
    for meridian in atlas.meridians():
        assert (site / "meridians" / meridian.code / "index.html").is_file()
    for vessel in atlas.vessels():
        assert (site / "vessels" / vessel.code / "index.html").is_file()
    for region in atlas.regions():
        assert (site / "regions" / region.name / "index.html").is_file()
    for complaint in atlas.complaints():
        assert (site / "complaints" / complaint.name / "index.html").is_file()
    for combination in atlas.combinations():
        assert (site / "combinations" / combination.name / "index.html").is_file()
    from typing import get_args

    from acupoints.models import CategoryKind

    for kind in get_args(CategoryKind):
        assert (site / "categories" / kind / "index.html").is_file()
    for page in ("developers", "sources", "reference", "diagrams/back", "diagrams/clock", "safety"):
        assert (site / page / "index.html").is_file()


def test_point_page_content(site: Path) -> None:
    html = (site / "points" / "BL40" / "index.html").read_text(encoding="utf-8")
    for text in (
        "Wěizhōng",
        "委中",
        "weizhong",
        "Deep structure",
        "popliteal",
        "he-sea",
        "command",
        "Low back pain",
    ):
        assert text in html, text
    html = (site / "points" / "SP6" / "index.html").read_text(encoding="utf-8")
    assert "Pregnancy: forbidden" in html and "admonition danger" in html
    # no repository configured for this build: no edit link, no keyword line
    assert "Edit this data" not in html and "Search: " not in html


def test_point_and_meridian_pages_show_readings_and_ontology_links(site: Path) -> None:
    html = (site / "points" / "LI4" / "index.html").read_text(encoding="utf-8")
    for text in ("합곡", "Hapgok", "ごうこく", "Gōkoku", "Hợp cốc", "GI4 (fr)", "Di4 (de)"):
        assert text in html, text
    assert 'href="http://www.acupunctureresearch.org/tara/ontology/TARA_0859695"' in html
    assert 'href="http://uri.interlex.org/base/ilx_0794954"' in html
    html = (site / "meridians" / "LU" / "index.html").read_text(encoding="utf-8")
    for text in ("수태음폐경", "てのたいいんはいけい", "Thủ thái âm phế kinh", "P (fr)", "Lu (de)"):
        assert text in html, text
    html = (site / "developers" / "index.html").read_text(encoding="utf-8")
    assert "<td>V</td>" in html and "<td>Bl</td>" in html  # the notation table, from the resolver


def test_complaint_page_shows_pregnancy_variant(site: Path) -> None:
    html = (site / "complaints" / "low-back-pain" / "index.html").read_text(encoding="utf-8")
    assert "Left out in pregnancy" in html and "BL60" in html
    assert "not medical advice" in html
    # one diagram: the candidates on the body chart, every one of them (the ranked schematic is gone)
    chart = html[html.index("chart-panels") : html.index("ap-legend")]
    assert {c.code for c in acupoints.candidates("low back pain")} <= set(re.findall(r'data-point="([A-Z0-9-]+)"', chart))
    assert 'id="complaint-low-back-pain"' not in html


def test_static_api_validates_against_the_schema(site: Path) -> None:
    api = site / "data" / "v1"
    schema = json.loads((api / "schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)

    def validator(name: str) -> Draft202012Validator:
        return Draft202012Validator({"$ref": f"#/$defs/{name}", "$defs": schema["$defs"]})

    def array(name: str) -> Draft202012Validator:
        return Draft202012Validator(
            {"type": "array", "items": {"$ref": f"#/$defs/{name}"}, "$defs": schema["$defs"]}
        )

    index = json.loads((api / "index.json").read_text(encoding="utf-8"))
    validator("IndexDocument").validate(index)
    assert index["schema_version"] == 1 and index["generated_at"]
    array("Point").validate(json.loads((api / "points.json").read_text(encoding="utf-8")))
    files = sorted((api / "points").glob("*.json"))
    assert len(files) == 409
    point = validator("Point")
    for path in files:
        point.validate(json.loads(path.read_text(encoding="utf-8")))
    array("Meridian").validate(json.loads((api / "meridians.json").read_text(encoding="utf-8")))
    array("Region").validate(json.loads((api / "regions.json").read_text(encoding="utf-8")))
    array("Complaint").validate(json.loads((api / "complaints.json").read_text(encoding="utf-8")))
    combinations = json.loads((api / "combinations.json").read_text(encoding="utf-8"))
    array("Combination").validate(combinations)
    assert "four-gates" in {c["name"] for c in combinations}
    document = validator("ComplaintDocument")
    for path in (api / "complaints").glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        document.validate(data)
    lbp = json.loads((api / "complaints" / "low-back-pain.json").read_text(encoding="utf-8"))
    assert "BL60" in {e["code"] for e in lbp["pregnant"]["excluded"]}
    assert json.loads((api / "points" / "LI4.json").read_text(encoding="utf-8"))["hanzi"] == "合谷"


def test_committed_schema_equals_the_models() -> None:
    committed = json.loads((ROOT / "schema" / "acupoints.schema.json").read_text(encoding="utf-8"))
    assert committed == json_schema(), "regenerate: python scripts/write_schema.py"


def test_committed_search_dictionary_is_current() -> None:
    committed = (ROOT / "docs" / "jieba_user_dict.txt").read_text(encoding="utf-8")
    assert committed == search_dictionary(acupoints.load())
    assert "足三里 100000 n" in committed and "腎俞 100000 n" in committed


def test_site_makes_no_requests_to_other_hosts(site: Path) -> None:
    html = (site / "points" / "LI4" / "index.html").read_text(encoding="utf-8")
    assert "fonts.googleapis" not in html and "fonts.gstatic" not in html


# -- in a real browser ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "page"),
    [("合谷", "points/LI4/"), ("hegu", "points/LI4/"), ("Hégǔ", "points/LI4/"), ("腎俞", "points/BL23/"),
     ("肾俞", "points/BL23/"), ("zusanli", "points/ST36/"), ("UB23", "points/BL23/"),
     # English names and aliases index their point first
     ("Union Valley", "points/LI4/"), ("Three Yin Intersection", "points/SP6/"), ("足三里", "points/ST36/"),
     # codes in any spacing or notation
     ("LI 4", "points/LI4/"), ("li-4", "points/LI4/"), ("ST-36", "points/ST36/"), ("st 36", "points/ST36/"),
     ("Du20", "points/GV20/"), ("LI1", "points/LI1/"), ("EX-B2", "points/EX-B2/"),
     # old names and their pinyin
     ("renzhong", "points/GV26/"), ("人中", "points/GV26/"),
     # complaint synonyms, and the safety page for pregnancy
     ("sciatica", "complaints/sciatica/"), ("period pain", "complaints/menstrual-cramps/"),
     ("lumbago", "complaints/low-back-pain/"), ("pregnancy", "safety/"),
     # French and German codes; Korean, Japanese and Vietnamese readings
     ("V23", "points/BL23/"), ("KS6", "points/PC6/"),
     ("합곡", "points/LI4/"), ("ごうこく", "points/LI4/"), ("hapgok", "points/LI4/"), ("hop coc", "points/LI4/"),
     ("Hợp cốc", "points/LI4/"), ("족삼리", "points/ST36/"), ("あしさんり", "points/ST36/")],
)  # fmt: skip
def test_search_finds_the_right_page_first(browser: object, served: str, query: str, page: str) -> None:
    href = search(browser, served, query)
    assert href.split("#")[0].split("?")[0].endswith(page), href


def test_back_chart_renders_with_its_points(browser: object, served: str) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 1400})  # type: ignore[attr-defined]
    try:
        page.goto(served + "diagrams/back/")
        chart = page.locator("svg#back-chart")
        chart.wait_for()
        box = chart.bounding_box()
        assert box is not None and box["width"] > 300 and box["height"] > 400
        codes = set(
            page.locator("svg#back-chart g.point").evaluate_all("els => els.map(e => e.dataset.code)")
        )
        assert {"GV14", "GV4", "BL23", "BL25", "EX-B2", "BL52"} <= codes
        assert len(codes) >= 50
        visible = page.locator("svg#back-chart g.point[data-code='BL23'] circle").first.bounding_box()
        assert visible is not None and visible["width"] > 0
        SCREENSHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "back-chart.png"), full_page=True)
        page.locator("svg#back-chart g.point[data-code='BL23']").first.click()
        page.wait_for_url("**/points/BL23/")
    finally:
        page.close()


def test_pages_look_right(browser: object, served: str) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 1000})  # type: ignore[attr-defined]
    try:
        for path, name in (("points/BL40/", "bl40"), ("complaints/low-back-pain/", "low-back-pain")):
            response = page.goto(served + path)
            assert response is not None and response.ok
            assert page.locator("h1").first.inner_text()
            page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=False)
    finally:
        page.close()
