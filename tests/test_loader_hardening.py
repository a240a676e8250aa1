"""Broken data folders the loader must name, never crash on, and never accept (issue 12).

Each case is a small fixture folder; each asserts the problem's file, record
and field, and that the whole load is quick and raises only ``DataError``.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

import pytest
import yaml

import acupoints
from acupoints import DataError, Problem
from acupoints.export import export_json
from conftest import FolderFactory, minimal_data, write_folder


def problems_of(folder: Path) -> list[Problem]:
    start = time.perf_counter()
    with pytest.raises(DataError) as caught:
        acupoints.load(folder)
    assert time.perf_counter() - start < 5
    assert len(str(caught.value)) < 5000
    return list(caught.value.problems)


def find(problems: list[Problem], file: str, record: str | None, field: str | None, text: str) -> Problem:
    for problem in problems:
        if (problem.file, problem.point, problem.field) == (file, record, field) and text in problem.message:
            return problem
    raise AssertionError(f"no {file}: {record}: {field}: ...{text}... in {problems}")


def lu(files: dict[str, Any]) -> list[dict[str, Any]]:
    points: list[dict[str, Any]] = files["points/LU.yaml"]["points"]
    return points


def dump(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


# -- the form of a YAML file -------------------------------------------------------


def test_aliases_are_refused(make_folder: FolderFactory) -> None:
    text = (
        "regions:\n- name: chest\n  label: &label Chest\n"
        "- name: axilla\n  label: *label\n  parent: chest\n"
    )
    problems = problems_of(make_folder(lambda f: f.update({"regions.yaml": text})))
    problem = find(problems, "regions.yaml", "axilla", "regions[1].label", "alias")
    assert "line 3" in problem.message


def test_an_alias_bomb_is_refused_quickly(make_folder: FolderFactory) -> None:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for n in range(1, 10):
        lines.append(f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 9) + "]")
    lines.append("regions: *a9")
    text = "\n".join(lines) + "\n"
    assert len(text) < 1024
    problems = problems_of(make_folder(lambda f: f.update({"regions.yaml": text})))
    assert any(p.file == "regions.yaml" and "alias" in p.message for p in problems)


def test_merge_keys_are_refused(make_folder: FolderFactory) -> None:
    text = "regions:\n- name: chest\n  label: Chest\n- <<: {label: Armpit}\n  name: axilla\n  parent: chest\n"
    problems = problems_of(make_folder(lambda f: f.update({"regions.yaml": text})))
    assert any(p.file == "regions.yaml" and "merge" in p.message for p in problems)


def test_duplicate_key_in_a_record_names_its_line(make_folder: FolderFactory) -> None:
    def change(files: dict[str, Any]) -> None:
        text = dump(files["points/LU.yaml"])
        files["points/LU.yaml"] = text.replace("  english: Test Name\n", "  english: Test Name\n  english: Other\n", 2)

    problems = problems_of(make_folder(change))
    problem = find(problems, "points/LU.yaml", "LU2", "points[1].english", "duplicate key 'english'")
    assert "line" in problem.message and "first on line" in problem.message


def test_a_second_points_key_is_not_silently_dropped(make_folder: FolderFactory) -> None:
    def change(files: dict[str, Any]) -> None:
        files["points/LU.yaml"] = dump(files["points/LU.yaml"]) + "points: []\n"

    find(problems_of(make_folder(change)), "points/LU.yaml", None, "points", "duplicate key 'points'")


@pytest.mark.parametrize("text", ["", "# nothing here yet\n\n# still nothing\n", "\n\n"])
def test_empty_and_comment_only_files_are_named(make_folder: FolderFactory, text: str) -> None:
    def change(files: dict[str, Any]) -> None:
        files["complaints.yaml"] = text

    find(problems_of(make_folder(change)), "complaints.yaml", None, None, "empty file")


def test_an_empty_point_file_is_named(make_folder: FolderFactory) -> None:
    find(problems_of(make_folder(lambda f: f.update({"points/LI.yaml": ""}))), "points/LI.yaml", None, None, "empty")


def test_a_folder_in_place_of_a_file_is_refused(make_folder: FolderFactory) -> None:
    folder = make_folder()
    (folder / "regions.yaml").unlink()
    (folder / "regions.yaml").mkdir()
    find(problems_of(folder), "regions.yaml", None, None, "not a regular file")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_a_named_pipe_is_refused_without_blocking(make_folder: FolderFactory) -> None:
    folder = make_folder()
    (folder / "sources.yaml").unlink()
    os.mkfifo(folder / "sources.yaml")
    find(problems_of(folder), "sources.yaml", None, None, "not a regular file")


def test_deep_nesting_is_a_problem_not_a_crash(make_folder: FolderFactory) -> None:
    text = "regions: " + "[" * 5000 + "]" * 5000 + "\n"
    problems = problems_of(make_folder(lambda f: f.update({"regions.yaml": text})))
    assert any(p.file == "regions.yaml" for p in problems)


# -- malformed shapes ------------------------------------------------------------------


def test_group_that_is_a_list(make_folder: FolderFactory) -> None:
    problems = problems_of(make_folder(lambda f: f["points/LU.yaml"].update(group=["LU"])))
    find(problems, "points/LU.yaml", None, "group", "unknown meridian or group ['LU']")


def test_vessels_that_is_a_number(make_folder: FolderFactory) -> None:
    problems = problems_of(make_folder(lambda f: f["meridians.yaml"].update(vessels=5)))
    find(problems, "meridians.yaml", None, "vessels", "expected a list, got 5")


def test_code_that_is_a_mapping(make_folder: FolderFactory) -> None:
    problems = problems_of(make_folder(lambda f: lu(f)[1].update(code={"a": 1})))
    find(problems, "points/LU.yaml", "points[1]", "code", "not a WHO point code")


def test_pinyin_of_751_syllables(make_folder: FolderFactory) -> None:
    problems = problems_of(make_folder(lambda f: lu(f)[1].update(pinyin="Zhōng" * 751, hanzi="中" * 751)))
    assert {(p.file, p.point) for p in problems} == {("points/LU.yaml", "LU2")}
    assert {p.field for p in problems} <= {"pinyin", "hanzi", "hanzi_traditional"}


def test_a_long_name_within_the_text_limit(make_folder: FolderFactory) -> None:
    problems = problems_of(make_folder(lambda f: lu(f)[1].update(pinyin="Zhōng" * 300, hanzi="中" * 300)))
    find(problems, "points/LU.yaml", "LU2", "pinyin", "too long for a point name")


def test_messages_quote_huge_values_shortly(make_folder: FolderFactory) -> None:
    problems = problems_of(make_folder(lambda f: lu(f)[0].update(english=["x" * 20_000] * 10)))
    problem = find(problems, "points/LU.yaml", "LU1", "english", "")
    assert len(problem.message) < 300


# -- values ----------------------------------------------------------------------------


def test_region_parent_cycle(make_folder: FolderFactory) -> None:
    def change(files: dict[str, Any]) -> None:
        files["regions.yaml"]["regions"][0]["parent"] = "axilla"

    problem = find(problems_of(make_folder(change)), "regions.yaml", "chest", "parent", "parent cycle")
    assert "chest -> axilla -> chest" in problem.message


def test_level_to_above_level(make_folder: FolderFactory) -> None:
    problems = problems_of(make_folder(lambda f: lu(f)[0]["location"].update(level="L5", level_to="L1")))
    find(problems, "points/LU.yaml", "LU1", "location.level_to", "L1 lies above level L5")


def test_level_to_without_level(make_folder: FolderFactory) -> None:
    problems = problems_of(make_folder(lambda f: lu(f)[0]["location"].update(level_to="L1")))
    find(problems, "points/LU.yaml", "LU1", "location.level_to", "needs a level")


def test_rule_levels_must_run_downwards(make_folder: FolderFactory) -> None:
    complaint = {
        "name": "chest-pain",
        "label": "Chest pain",
        "regions": ["chest"],
        "rules": [{"rule": "segmental", "levels": ["L5", "L1"], "sources": ["test-source"]}],
    }
    problems = problems_of(make_folder(lambda f: f.update({"complaints.yaml": {"complaints": [complaint]}})))
    find(problems, "complaints.yaml", "chest-pain", "rules[0].levels", "runs upwards")


@pytest.mark.parametrize("value", [".inf", "-.inf", ".nan"])
def test_no_infinite_or_nan_distances(make_folder: FolderFactory, value: str) -> None:
    def change(files: dict[str, Any]) -> None:
        lu(files)[0]["location"]["from_midline_cun"] = 1.5
        files["points/LU.yaml"] = dump(files["points/LU.yaml"]).replace("1.5", value)

    find(problems_of(make_folder(change)), "points/LU.yaml", "LU1", "location.from_midline_cun", "")


def test_distance_from_the_midline_is_bounded(make_folder: FolderFactory) -> None:
    problems = problems_of(make_folder(lambda f: lu(f)[0]["location"].update(from_midline_cun=50)))
    find(problems, "points/LU.yaml", "LU1", "location.from_midline_cun", "not a distance from the midline")


def test_infinite_needling_depth(make_folder: FolderFactory) -> None:
    def change(files: dict[str, Any]) -> None:
        lu(files)[0]["needling"]["depth_cun"] = [0.3, 7.25]
        files["points/LU.yaml"] = dump(files["points/LU.yaml"]).replace("7.25", ".inf")

    find(problems_of(make_folder(change)), "points/LU.yaml", "LU1", "needling.depth_cun[1]", "")


def test_hours_are_hours(make_folder: FolderFactory) -> None:
    problems = problems_of(make_folder(lambda f: f["meridians.yaml"]["meridians"][0].update(hours=[25, -3])))
    find(problems, "meridians.yaml", "LU", "hours[0]", "")
    find(problems, "meridians.yaml", "LU", "hours[1]", "")


@pytest.mark.parametrize(("field", "value"), [("english", "   "), ("english", "\t\n"), ("location", "  ")])
def test_whitespace_only_text(make_folder: FolderFactory, field: str, value: str) -> None:
    def change(files: dict[str, Any]) -> None:
        if field == "location":
            lu(files)[1]["location"]["text"] = value
        else:
            lu(files)[1][field] = value

    expected = "location.text" if field == "location" else field
    find(problems_of(make_folder(change)), "points/LU.yaml", "LU2", expected, "at least 1 character")


@pytest.mark.parametrize("char", ["\x07", "\x1b", "\u200b", "\u202e"])
def test_control_characters_in_text(make_folder: FolderFactory, char: str) -> None:
    problems = problems_of(make_folder(lambda f: lu(f)[1].update(english=f"Test{char}Name")))
    find(problems, "points/LU.yaml", "LU2", "english", f"U+{ord(char):04X}")


def test_extra_point_groups_have_their_standard_counts(make_folder: FolderFactory) -> None:
    def change(files: dict[str, Any]) -> None:
        point = dict(lu(files)[0], code="EX-UE1")
        files["points/EX-UE.yaml"] = {"group": "EX-UE", "points": [point]}

    find(problems_of(make_folder(change)), "points/EX-UE.yaml", None, "points", "1 points, but EX-UE has 11")


# -- an export read back gets the same checks ---------------------------------------------


@pytest.fixture
def export(tmp_path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(export_json(acupoints.load(write_folder(tmp_path / "d", minimal_data()))))
    return data


def export_problems(tmp_path: Path, data: dict[str, Any]) -> list[Problem]:
    path = tmp_path / "atlas.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return problems_of(path)


def test_export_round_trip_of_the_fixture(tmp_path: Path, export: dict[str, Any]) -> None:
    path = tmp_path / "atlas.json"
    path.write_text(json.dumps(export), encoding="utf-8")
    assert [p.code for p in acupoints.load(path).points()] == ["LU1", "LU2", "LI1"]


def test_export_duplicate_code(tmp_path: Path, export: dict[str, Any]) -> None:
    export["points"].append(export["points"][0])
    find(export_problems(tmp_path, export), "atlas.json: points", "LU1", "code", "duplicate code")


def test_export_dangling_reference(tmp_path: Path, export: dict[str, Any]) -> None:
    export["points"][1]["location"]["regions"] = ["tail"]
    find(export_problems(tmp_path, export), "atlas.json: points", "LU2", "location.regions[0]", "unknown region")


def test_export_numbering_gap_and_count(tmp_path: Path, export: dict[str, Any]) -> None:
    del export["points"][0]
    problems = export_problems(tmp_path, export)
    find(problems, "atlas.json: points", "LU", "points", "missing LU1")
    find(problems, "atlas.json: points", "LU", "points", "1 points, but LU has 2")


def test_export_region_cycle(tmp_path: Path, export: dict[str, Any]) -> None:
    export["regions"][0]["parent"] = "axilla"
    find(export_problems(tmp_path, export), "atlas.json: regions", "chest", "parent", "parent cycle")


def test_export_infinity_is_refused(tmp_path: Path, export: dict[str, Any]) -> None:
    path = tmp_path / "atlas.json"
    export["points"][0]["location"]["from_midline_cun"] = 1.5
    path.write_text(json.dumps(export).replace("1.5", "Infinity"), encoding="utf-8")
    problems = problems_of(path)
    assert any(p.file == "atlas.json" and "from_midline_cun" in (p.field or "") for p in problems)
