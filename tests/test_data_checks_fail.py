"""The data checks are real: each fails on a copy of the data broken on purpose."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

import acupoints
import test_data as checks
from acupoints import Atlas, Point
from acupoints.check import name_problems
from conftest import DATA


@pytest.fixture(scope="module")
def atlas() -> Atlas:
    return acupoints.load(DATA)


def broken(atlas: Atlas, code: str, change: Callable[[dict[str, Any]], None]) -> Atlas:
    """A copy of the atlas with one point changed (through its JSON form)."""
    points = []
    for point in atlas.points():
        if point.code == code:
            data = point.model_dump()
            change(data)
            point = Point.model_validate(data)
        points.append(point)
    return Atlas(atlas.data.model_copy(update={"points": tuple(points)}))


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        for part in parents:
            data = data[part]
        data[last] = value

    return change


def _drop_category(kind: str) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        data["categories"] = [c for c in data["categories"] if c["kind"] != kind]

    return change


CASES = [
    ("level out of order", checks.test_vertebral_levels_run_down_the_back, "BL23", _set("location.level", "L3")),
    ("GV level swapped", checks.test_vertebral_levels_run_down_the_back, "GV9", _set("location.level", "T3")),
    ("back-shu at the wrong level", checks.test_back_shu_points_lie_on_bl_at_their_organs_level, "BL20", _set("location.level", "T12")),
    ("missing he-sea", lambda a: checks.test_each_regular_meridian_has_one_of_each_kind(a, "ST"), "ST36", _drop_category("he-sea")),
    ("wrong five-shu phase", lambda a: checks.test_five_shu_phases_follow_the_sequence(a, "LU"), "LU5", _set("categories", [{"kind": "he-sea", "phase": "earth"}])),
    ("a luo point lost", checks.test_category_totals, "GB37", _drop_category("luo-connecting")),
    ("BL40 without its command", checks.test_bl40_detail, "BL40", _drop_category("command")),
    ("SP6 pregnancy softened", lambda a: checks.test_forbidden_in_pregnancy(a, "SP6"), "SP6", _set("contraindications", [])),
    ("eye caution dropped", checks.test_eye_and_lung_cautions, "BL1", _set("needling.cautions", [])),
    ("crossing its own meridian", checks.test_crossings_name_existing_channels, "GB20", _set("categories", [{"kind": "crossing", "channels": ["GB"]}])),
    ("a standard name misspelt", lambda a: checks.test_standard_names(a, "SP3", "Tàibái", "太白", "太白"), "SP3", _set("pinyin", "Tàibó")),
    ("an alias lost", lambda a: checks.test_circulating_forms_are_kept_as_aliases(a, "GV26", "人中"), "GV26", _set("aliases", [])),
    ("midline point made bilateral", checks.test_midline_points_have_no_side, "CV12", _set("location.side", "bilateral")),
    ("unknown region", checks.test_regions_exist_in_the_tree, "LI4", _set("location.regions", ["paw"])),
    ("unknown source", checks.test_source_keys_exist, "LI4", _set("sources", ["nobody-2099"])),
]  # fmt: skip


@pytest.mark.parametrize(("check", "code", "change"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_check_fails_on_broken_data(
    atlas: Atlas, check: Callable[[Atlas], None], code: str, change: Callable[[dict[str, Any]], None]
) -> None:
    check(atlas)  # passes on the real data
    with pytest.raises(AssertionError):
        check(broken(atlas, code, change))


@pytest.mark.parametrize(
    ("code", "field", "value", "message"),
    [
        ("SP3", "pinyin", "Tàibēi", "not a reading of 白"),
        ("BL23", "pinyin", "Shènshì", "not a reading of 俞"),
        ("CV17", "pinyin", "Shānzhōng", None),  # 膻 shān is a real reading: allowed by the dictionary check
        ("BL58", "hanzi_traditional", "飛陽", "OpenCC maps 飛陽 to 飞阳"),
        ("LI6", "hanzi_traditional", "偏歴", "OpenCC maps"),
    ],
)
def test_dictionary_checks_fail_on_wrong_names(
    atlas: Atlas, code: str, field: str, value: str, message: str | None
) -> None:
    from acupoints._reading_exceptions import load_reading_exceptions

    readings, forms = load_reading_exceptions(DATA)
    problems = name_problems(broken(atlas, code, _set(field, value)).data, readings, forms)
    if message is None:
        assert not problems
    else:
        assert any(p.point == code and message in p.message for p in problems), problems
