"""Charts drawn from the positions: markers that know their point, labels that never overlap."""

from __future__ import annotations

import itertools
import math
import re

import pytest
from click.testing import CliRunner

import acupoints
from acupoints.body.svg import MIN_FONT, WIDTH
from acupoints.cli import main

_BOX = re.compile(r'font-size="([0-9.]+)" data-box="([-0-9. ]+)"')


def boxes(svg: str) -> list[tuple[float, float, float, float, float]]:
    out = []
    for size, box in _BOX.findall(svg):
        x, y, w, h = map(float, box.split())
        out.append((float(size), x, y, w, h))
    return out


def check_labels(svg: str) -> None:
    height = float(re.search(r'viewBox="0 0 [0-9.]+ ([0-9.]+)"', svg).group(1))  # type: ignore[union-attr]
    found = boxes(svg)
    assert found, "no labels"
    for size, x, y, w, h in found:
        assert size >= MIN_FONT
        assert x >= 0 and x + w <= WIDTH and y >= 0 and y + h <= height
    eps = 0.1  # data-box is rounded to 0.1: boxes that touch may seem to overlap by that much
    for (_, ax, ay, aw, ah), (_, bx, by, bw, bh) in itertools.combinations(found, 2):
        overlap = ax < bx + bw - eps and bx < ax + aw - eps and ay < by + bh - eps and by < ay + ah - eps
        assert not overlap, ((ax, ay, aw, ah), (bx, by, bw, bh))


@pytest.fixture(scope="module")
def every_chart() -> dict[str, str]:
    return {p.code: acupoints.chart(p.code) for p in acupoints.points()}


def test_every_point_has_a_chart_with_its_marker_title_and_link(every_chart: dict[str, str]) -> None:
    assert len(every_chart) == 409
    for code, svg in every_chart.items():
        assert svg.startswith("<svg") and f'viewBox="0 0 {WIDTH}' in svg
        assert f'<a href="#{code}" data-point="{code}">' in svg, code
        point = acupoints.point(code)
        assert f"<title>{point.code} {point.pinyin}" in svg


def test_no_two_labels_overlap_and_none_is_small(every_chart: dict[str, str]) -> None:
    for code, svg in every_chart.items():
        try:
            check_labels(svg)
        except AssertionError as error:
            raise AssertionError(f"{code}: {error}") from None


def test_a_point_chart_labels_its_distances_and_names_its_landmark(every_chart: dict[str, str]) -> None:
    for code in ("PC6", "ST36", "SP6", "BL23", "GV20", "ST25"):
        svg = every_chart[code]
        m = acupoints.point(code).location.structure[0]
        for value in (m.along, m.across):
            if value:
                assert f">{abs(value):g} cun" in svg, (code, value)
        assert 'class="measure"' in svg and 'class="lbl-anchor' in svg
    assert "palmar wrist crease" in every_chart["PC6"]
    assert "anterior hairline" in every_chart["GV20"]


def test_a_chart_draws_the_alternative_location_beside_the_main_one(every_chart: dict[str, str]) -> None:
    for code in ("LI19", "LI20", "PC8", "PC9", "GB30", "GV26"):
        svg = every_chart[code]
        assert f'data-point="{code}" data-alternative="1"' in svg and f">{code} alt.<" in svg
    assert "data-alternative" not in every_chart["LI4"]


def test_a_chart_with_a_view_uses_it_and_an_unknown_view_is_refused() -> None:
    assert "view-arm-back" in acupoints.chart("PC6", view="arm-back")
    with pytest.raises(KeyError, match="unknown view"):
        acupoints.chart("PC6", view="upside-down")


def test_a_meridian_chart_has_every_point_in_order_joined() -> None:
    svg = acupoints.chart(meridian="LU")
    codes = re.findall(r'data-point="(LU\d+)"', svg)
    assert sorted(set(codes), key=lambda c: int(c[2:])) == [f"LU{i}" for i in range(1, 12)]
    assert svg.count('class="chain"') >= 10  # the whole channel faces the front: LU1 to LU11 joined
    check_labels(svg)


def test_a_complaint_chart_colours_every_candidate_by_role() -> None:
    answer = acupoints.candidates("low back pain")
    svg = acupoints.chart(complaint="low back pain")
    for candidate in answer:
        assert f'data-point="{candidate.code}"' in svg, candidate.code
        assert f"role-{candidate.role}" in svg
    check_labels(svg)


_MARKER = re.compile(
    r'data-point="([^"]+)"><circle class="pt[^"]*" cx="([-0-9.]+)" cy="([-0-9.]+)" r="([0-9.]+)"'
)

# Places that no view tells apart, with the reason; a test checks each is still needed.
NEVER_CLEAR = {
    ("meridian", "GV"): {"GV25", "GV27", "GV28"},
    ("vessel", "governor"): {"GV25", "GV27", "GV28"},
}
"""GV28 lies inside the upper lip just behind GV27, and GV25 at the tip of the nose just above:
from the front they are within a tenth of a cun of each other, and from the side the face's
midline is seen edge-on."""


def never_clear(svg: str) -> set[str]:
    """The points none of whose markers is clear of every other point's marker.

    Markers at the same place (under half a unit apart) are one place on the body, as the
    standard has it (ST35 is EX-LE5's lateral point, EX-LE4 its medial one)."""
    marks = [(code, float(x), float(y), float(r)) for code, x, y, r in _MARKER.findall(svg)]
    clear, crowded = set(), set()
    for code, x, y, r in marks:
        hit = any(
            other != code and 0.5 <= math.dist((x, y), (ox, oy)) < r + orr
            for other, ox, oy, orr in marks
        )
        (crowded if hit else clear).add(code)
    return crowded - clear


def _panel_charts() -> list[tuple[tuple[str, str], str]]:
    atlas = acupoints.load()
    out = [(("meridian", m.code), acupoints.chart(meridian=m.code)) for m in atlas.meridians()]
    out += [(("vessel", v.code), acupoints.chart(vessel=v.code)) for v in atlas.vessels()]
    out += [(("complaint", c.name), acupoints.chart(complaint=c.name)) for c in atlas.complaints()]
    return out


def test_panel_charts_draw_every_point_clear_of_the_others_at_least_once() -> None:
    """Where markers crowd on a whole-body panel, a close-up draws them apart (and is framed)."""
    charts = _panel_charts()
    assert len(charts) == 14 + 8 + len(acupoints.complaints())
    for key, svg in charts:
        assert never_clear(svg) == NEVER_CLEAR.get(key, set()), key
        check_labels(svg)
    low_back = dict(charts)[("complaint", "low-back-pain")]
    assert 'class="closeup"' in low_back and "back of the body, close-up" in low_back
    # SP2-SP4 on the foot's inner edge, seen edge-on from the back: a close-up on a foot view
    assert re.search(r">(sole of the foot|foot from [a-z ]+)</text>", dict(charts)[("meridian", "SP")])


def test_the_cli_draws_a_chart() -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["chart", "PC6"])
    assert result.exit_code == 0 and result.output.startswith("<svg") and 'data-point="PC6"' in result.output
    result = runner.invoke(main, ["chart", "--meridian", "LU", "--view", "front"])
    assert result.exit_code == 0 and 'data-point="LU9"' in result.output
    result = runner.invoke(main, ["chart", "--complaint", "low back pain"])
    assert result.exit_code == 0 and "candidates by role" in result.output
    result = runner.invoke(main, ["chart", "PC6", "--view", "nowhere"])
    assert result.exit_code == 2
    result = runner.invoke(main, ["chart", "LI99"])
    assert result.exit_code == 1
    result = runner.invoke(main, ["chart"])
    assert result.exit_code == 2


@pytest.mark.parametrize("code", ["PC6", "li-4", "EX-B2", "Hegu"])
def test_the_console_script_draws_a_point_chart_as_the_cli_does(code: str) -> None:
    """``acupoints chart CODE`` is drawn without click; the bytes are the CLI's."""
    from acupoints._entry import _chart_answer

    result = CliRunner().invoke(main, ["chart", code])
    assert result.exit_code == 0
    assert _chart_answer(["chart", code]) == result.output.encode("utf-8")


def test_the_console_script_leaves_other_charts_and_errors_to_the_cli() -> None:
    from acupoints._entry import _chart_answer

    for args in (["chart", "LI99"], ["chart", "--meridian", "LU"], ["chart", "LI4", "LI11"], ["chart"]):
        assert _chart_answer(args) is None, args


def test_nearby_points_are_the_closest_on_the_same_part_whatever_their_channel() -> None:
    pc6 = [p.code for p in acupoints.nearby("PC6")]
    assert pc6[0] == "PC5" and "PC7" in pc6 and "LU7" in pc6  # the same channel and the next one
    near = [p.code for p in acupoints.nearby("BL23")]
    assert len(near) == 8 and "BL23" not in near
    assert {"GV4", "BL22", "BL24", "BL52"} <= set(near)  # above, below, on the midline, outer line
    assert {p.meridian or p.group for p in acupoints.nearby("CV12")} >= {"CV", "KI"}
    hand = {p.code for p in acupoints.nearby("LI4", limit=8)}
    assert "PC8" not in hand and "LI3" in hand  # the palm faces away from the back of the hand
    assert acupoints.nearby("li-4", limit=2) == acupoints.nearby("LI4", limit=2)
    assert len(acupoints.nearby("GV20", limit=3)) == 3


def test_overview_and_atlas_and_vessel_charts() -> None:
    svg = acupoints.chart("BL23", overview=True)
    assert "view-back" in svg and svg.count('data-point="BL23"') == 2  # both sides
    front = acupoints.chart(view="front")
    assert len(set(re.findall(r'data-point="([^"]+)"', front))) > 150
    every = set()
    for view in ("front", "back", "side"):
        every |= set(re.findall(r'data-point="([^"]+)"', acupoints.chart(view=view)))
    assert every == {p.code for p in acupoints.points()}
    chong = acupoints.chart(vessel="penetrating")
    assert 'class="chain"' in chong and 'data-point="KI11"' in chong
    with pytest.raises(ValueError, match="one point"):
        acupoints.chart("LI4", "ST36", overview=True)
