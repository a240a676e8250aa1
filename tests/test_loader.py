"""The loader refuses bad data with one error naming file, point and field."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import acupoints
from acupoints import DataError, Problem
from conftest import FolderFactory


def problems_of(folder: Path) -> list[Problem]:
    with pytest.raises(DataError) as caught:
        acupoints.load(folder)
    assert isinstance(caught.value, ValueError)
    assert isinstance(caught.value, acupoints.AcupointsError)
    return list(caught.value.problems)


def only(problems: list[Problem]) -> Problem:
    assert len(problems) == 1, problems
    return problems[0]


def lu(files: dict[str, Any]) -> list[dict[str, Any]]:
    points: list[dict[str, Any]] = files["points/LU.yaml"]["points"]
    return points


def test_minimal_folder_loads(make_folder: FolderFactory) -> None:
    atlas = acupoints.load(make_folder())
    assert [p.code for p in atlas.points()] == ["LU1", "LU2", "LI1"]
    assert atlas.point("LU2").meridian == "LU"
    assert atlas.point("LU2").number == 2


def test_unknown_field(make_folder: FolderFactory) -> None:
    problem = only(problems_of(make_folder(lambda f: lu(f)[1].update(colour="red"))))
    assert (problem.file, problem.point, problem.field) == ("points/LU.yaml", "LU2", "colour")
    assert "unknown field" in problem.message
    assert str(problem) == "points/LU.yaml: LU2: colour: unknown field"


def test_wrong_type(make_folder: FolderFactory) -> None:
    problem = only(problems_of(make_folder(lambda f: lu(f)[0]["needling"].update(depth_cun="deep"))))
    assert (problem.file, problem.point, problem.field) == ("points/LU.yaml", "LU1", "needling.depth_cun")


def test_nested_wrong_value_names_the_path(make_folder: FolderFactory) -> None:
    problem = only(problems_of(make_folder(lambda f: lu(f)[0]["location"].update(side="sideways"))))
    assert (problem.point, problem.field) == ("LU1", "location.side")
    assert "'sideways'" in problem.message


def test_missing_field(make_folder: FolderFactory) -> None:
    problem = only(problems_of(make_folder(lambda f: lu(f)[1].pop("english"))))
    assert (problem.point, problem.field, problem.message) == ("LU2", "english", "missing field")


def test_duplicate_code(make_folder: FolderFactory) -> None:
    def change(files: dict[str, Any]) -> None:
        lu(files)[1]["code"] = "LU1"

    problems = problems_of(make_folder(change))
    assert any(p.point == "LU1" and p.field == "code" and "duplicate" in p.message for p in problems)


def test_numbering_gap(make_folder: FolderFactory) -> None:
    def change(files: dict[str, Any]) -> None:
        lu(files)[1]["code"] = "LU3"

    problems = problems_of(make_folder(change))
    assert any(p.file == "points/LU.yaml" and "gap" in p.message and "LU2" in p.message for p in problems)


def test_points_out_of_order(make_folder: FolderFactory) -> None:
    problems = problems_of(make_folder(lambda f: lu(f).reverse()))
    assert any(p.field == "points" and "order" in p.message for p in problems)


def test_point_count_must_match_the_meridian(make_folder: FolderFactory) -> None:
    problem = only(problems_of(make_folder(lambda f: lu(f).pop())))
    assert (problem.file, problem.field) == ("points/LU.yaml", "points")
    assert "1 points, but LU has 2" in problem.message


def test_file_name_must_match_group(make_folder: FolderFactory) -> None:
    def change(files: dict[str, Any]) -> None:
        files["points/LUNG.yaml"] = files.pop("points/LU.yaml")

    problems = problems_of(make_folder(change))
    assert any(
        p.file == "points/LUNG.yaml" and p.field == "group" and "file name" in p.message for p in problems
    )


def test_unknown_meridian(make_folder: FolderFactory) -> None:
    def change(files: dict[str, Any]) -> None:
        files["points/XX.yaml"] = {"group": "XX", "points": []}

    problem = only(problems_of(make_folder(change)))
    assert (problem.file, problem.field) == ("points/XX.yaml", "group")
    assert "unknown meridian" in problem.message


def test_code_of_another_meridian(make_folder: FolderFactory) -> None:
    problems = problems_of(make_folder(lambda f: lu(f)[1].update(code="LI2")))
    assert any(p.point == "LI2" and p.field == "code" and "does not belong" in p.message for p in problems)


@pytest.mark.parametrize(
    ("pinyin", "expected"),
    [
        ("Yúnmen", None),  # no tone on one syllable is allowed (neutral tone)
        ("Yúnmxn", "cannot be read"),
        ("Yùnmén", None),
        ("Yúnmeń", "cannot be read"),  # not a pinyin tone mark at all
        ("yúnmén", "capital"),
        ("Yúnmén", None),
        ("Yúnméń", "cannot be read"),
        ("Yūnmén", None),
        ("Yúnmēn", None),
        ("Yíúnmén", "cannot be read"),
    ],
)
def test_malformed_pinyin(make_folder: FolderFactory, pinyin: str, expected: str | None) -> None:
    folder = make_folder(lambda f: lu(f)[1].update(pinyin=pinyin))
    if expected is None:
        acupoints.load(folder)
        return
    problem = only(problems_of(folder))
    assert (problem.file, problem.point, problem.field) == ("points/LU.yaml", "LU2", "pinyin")
    assert expected in problem.message


def test_misplaced_tone_mark(make_folder: FolderFactory) -> None:
    def change(files: dict[str, Any]) -> None:
        lu(files)[1].update(pinyin="Taìbái", hanzi="太白", hanzi_traditional="太白")

    problem = only(problems_of(make_folder(change)))
    assert (problem.point, problem.field) == ("LU2", "pinyin")
    assert "belongs on 'a'" in problem.message


def test_unknown_region_and_source(make_folder: FolderFactory) -> None:
    def change(files: dict[str, Any]) -> None:
        lu(files)[0]["location"]["regions"] = ["chest", "tail"]
        lu(files)[0]["sources"] = ["nobody-2099"]

    problems = problems_of(make_folder(change))
    fields = {(p.point, p.field) for p in problems}
    assert ("LU1", "location.regions[1]") in fields
    assert ("LU1", "sources[0]") in fields


def test_every_problem_is_reported_at_once(make_folder: FolderFactory) -> None:
    def change(files: dict[str, Any]) -> None:
        lu(files)[0]["colour"] = "red"
        lu(files)[1]["english"] = 5
        files["points/LI.yaml"]["points"][0]["pinyin"] = "Shangyangg"

    problems = problems_of(make_folder(change))
    assert {p.point for p in problems} >= {"LU1", "LU2", "LI1"}
    message = str(DataError(problems))
    assert "points/LU.yaml: LU1: colour" in message
    assert "points/LI.yaml: LI1: pinyin" in message


def test_invalid_yaml_names_the_line(make_folder: FolderFactory) -> None:
    def change(files: dict[str, Any]) -> None:
        files["regions.yaml"] = "regions:\n- name: chest\n  label: [unclosed\n"

    problems = problems_of(make_folder(change))
    assert any(p.file == "regions.yaml" and "not valid YAML" in p.message and p.field for p in problems)


def test_object_constructing_tags_are_refused(make_folder: FolderFactory, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"

    def change(files: dict[str, Any]) -> None:
        files["sources.yaml"] = f"sources: !!python/object/apply:os.system\n- touch {marker}\n"

    problems = problems_of(make_folder(change))
    assert any(p.file == "sources.yaml" and "not valid YAML" in p.message for p in problems)
    assert not marker.exists()


def test_missing_meridian_file(make_folder: FolderFactory) -> None:
    def change(files: dict[str, Any]) -> None:
        del files["points/LI.yaml"]

    problems = problems_of(make_folder(change))
    assert any(p.file == "points/LI.yaml" and "missing file" in p.message for p in problems)


def test_category_qualifiers_are_checked(make_folder: FolderFactory) -> None:
    def change(files: dict[str, Any]) -> None:
        lu(files)[0]["categories"] = [{"kind": "he-sea"}, {"kind": "crossing", "channels": ["XX"]}]

    problems = problems_of(make_folder(change))
    fields = {(p.point, p.field) for p in problems}
    assert ("LU1", "categories[0]") in fields

    # a category that fails validation stops the point; fix it to see the reference check
    def change2(files: dict[str, Any]) -> None:
        lu(files)[0]["categories"] = [{"kind": "crossing", "channels": ["XX"]}]

    problem = only(problems_of(make_folder(change2)))
    assert (problem.point, problem.field) == ("LU1", "categories[0].channels[0]")


def test_not_a_folder(tmp_path: Path) -> None:
    problem = only(problems_of(tmp_path / "nowhere"))
    assert "not a folder" in problem.message


def test_two_tone_marks_in_one_syllable(make_folder: FolderFactory) -> None:
    def change(files: dict[str, Any]) -> None:
        lu(files)[1].update(pinyin="Tàibáí", hanzi="太白", hanzi_traditional="太白")

    problem = only(problems_of(make_folder(change)))
    assert problem.field == "pinyin"
    assert "more than one tone mark" in problem.message
