"""The body charts on the site: point pages, meridians, vessels, complaints, the atlas and
the cun guide, in the built pages and in Chromium at a phone's and a desktop's width."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import acupoints
from sitefixtures import SCREENSHOTS

_MEASURE = """svg => {
  const out = {small: [], taps: [], width: svg.getBoundingClientRect().width};
  for (const t of svg.querySelectorAll('text')) {
    const size = parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a;
    if (t.textContent.trim() && size < 10.99) out.small.push(t.textContent + ' ' + size.toFixed(1));
  }
  for (const a of svg.querySelectorAll('a[href]')) {
    const box = a.getBoundingClientRect();
    if (box.width < 23.9 || box.height < 23.9)
      out.taps.push(a.dataset.point + ' ' + box.width.toFixed(0) + 'x' + box.height.toFixed(0));
  }
  return out;
}"""


def _html(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text(encoding="utf-8")


def test_every_point_page_holds_its_chart_before_the_location(site: Path) -> None:
    for point in acupoints.points():
        html = _html(site, f"points/{point.code}")
        body = html[html.index("<h1") :]
        chart = body.index('class="acupoints-chart chart-point')
        assert chart < body.index('id="location"'), point.code
        own = re.search(
            rf'<a href="\.\./{re.escape(point.code)}/" data-point="{re.escape(point.code)}">', body
        )
        assert own is not None and own.start() > chart, point.code
        assert 'class="acupoints-chart chart-overview' in body, point.code
        if point.contraindications or point.needling.cautions:
            assert body.index("admonition") < chart, point.code
        assert len(html.encode()) <= 150_000, (point.code, len(html.encode()))


def test_point_pages_list_the_nearest_points_on_the_same_part(site: Path) -> None:
    html = _html(site, "points/BL23")
    line = re.search(r"Nearby points.*?</p>", html, re.S)
    assert line is not None
    codes = re.findall(r'href="\.\./([A-Z0-9-]+)/"', line.group(0))
    assert codes == [p.code for p in acupoints.nearby("BL23")]
    assert "GV4" in codes and "BL22" in codes and "BL24" in codes


def test_channel_vessel_and_complaint_pages_draw_their_points_on_the_body(site: Path) -> None:
    lu = _html(site, "meridians/LU")
    assert set(re.findall(r'href="\.\./\.\./points/(LU\d+)/" data-point', lu)) == {
        f"LU{i}" for i in range(1, 12)
    }
    for vessel in acupoints.vessels():
        html = _html(site, f"vessels/{vessel.code}")
        drawn = set(re.findall(r'data-point="([A-Z0-9-]+)"', html[html.index("chart-panels") :]))
        assert {p.code for p in acupoints.load().vessel_points(vessel.code)} <= drawn, vessel.code
    html = _html(site, "complaints/low-back-pain")
    answer = acupoints.candidates("low back pain")
    part = html[html.index("chart-panels") : html.index("ap-legend")]
    assert {c.code for c in answer} <= set(re.findall(r'data-point="([A-Z0-9-]+)"', part))
    legend = html[html.index("ap-legend") :]
    for role in {c.role for c in answer}:
        assert f"role-{role}" in legend[:3000], role


def test_cun_guide_draws_every_measurement(site: Path) -> None:
    from acupoints.body import default_body

    html = _html(site, "atlas/cun")
    for number, m in enumerate(default_body().data.measurements, 1):
        assert f">{number}: {m.cun:g} cun<" in html, m.label
    assert "Finger cun" in html and "Thumb cun" in html


def test_clicking_a_point_on_a_point_chart_opens_its_page(browser: object, served: str) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    try:
        page.goto(served + "points/LI4/")
        other = page.locator(
            "svg.chart-point a.pt-faint, svg.chart-point a:not([data-point=LI4])[href]"
        ).first
        target = other.get_attribute("data-point")
        page.locator(f'svg.chart-point a[data-point="{target}"]').first.click()
        page.wait_for_url(f"**/points/{target}/")
        assert page.locator("h1").inner_text().startswith(f"{target} ")
    finally:
        page.close()


@pytest.mark.parametrize("view", ["front", "back", "side"])
def test_atlas_views_are_clickable_and_readable_on_a_phone(browser: object, served: str, view: str) -> None:
    page = browser.new_page(viewport={"width": 390, "height": 844})  # type: ignore[attr-defined]
    try:
        page.goto(served + f"atlas/{view}/")
        svg = page.locator("svg.chart-atlas")
        markers = svg.locator("a[href][data-point]").count()
        assert markers >= (300 if view != "side" else 170), markers
        found = svg.evaluate(_MEASURE)
        assert not found["small"], found["small"][:5]
        assert not found["taps"], found["taps"][:5]
        assert page.evaluate("document.documentElement.scrollWidth") <= 390  # only the chart scrolls
        first = svg.locator("a[href][data-point]").first
        code = first.get_attribute("data-point")
        first.scroll_into_view_if_needed()
        first.click()
        page.wait_for_url(f"**/points/{code}/")
    finally:
        page.close()


@pytest.mark.parametrize(
    "path", ["points/LI4/", "points/EX-B2/", "meridians/LU/", "complaints/low-back-pain/", "atlas/cun/"]
)
def test_charts_keep_their_labels_and_tap_targets_on_a_phone(browser: object, served: str, path: str) -> None:
    page = browser.new_page(viewport={"width": 390, "height": 844})  # type: ignore[attr-defined]
    try:
        page.goto(served + path)
        for svg in page.locator("svg.acupoints-chart").all():
            found = svg.evaluate(_MEASURE)
            assert not found["small"], (path, found["small"][:5])
            assert not found["taps"], (path, found["taps"][:5])
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        SCREENSHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"charts-390-{path.strip('/').replace('/', '-')}.png"))
    finally:
        page.close()
