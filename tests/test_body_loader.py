"""A broken body model or structured location is named: file, point and field, never a crash."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from acupoints import DataError, load
from acupoints.body import BodyModel
from conftest import DATA


def _edit_point(root: Path, group: str, code: str, change: Callable[[dict[str, Any]], None]) -> None:
    path = root / "points" / f"{group}.yaml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    for point in doc["points"]:
        if point["code"] == code:
            change(point)
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.fixture
def data(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(DATA, root)
    return root


def _problems(root: Path) -> list[str]:
    with pytest.raises(DataError) as info:
        load(root)
    return [str(p) for p in info.value.problems]


def _structure(**measure: Any) -> Callable[[dict[str, Any]], None]:
    def change(point: dict[str, Any]) -> None:
        point["location"]["structure"] = [measure]

    return change


def test_an_unknown_landmark_is_named_with_the_closest(data: Path) -> None:
    _edit_point(data, "PC", "PC6", _structure(frame="forearm-front", **{"from": "wrist-creas"}, along=2))
    (problem,) = _problems(data)
    assert problem.startswith("points/PC.yaml: PC6: location.structure[0]")
    assert "'wrist-creas'" in problem and "wrist-crease" in problem


def test_an_unknown_frame_is_named(data: Path) -> None:
    _edit_point(data, "PC", "PC6", _structure(frame="forearm", **{"from": "wrist-crease"}, along=2))
    (problem,) = _problems(data)
    assert "PC6: location.structure[0].frame" in problem and "forearm-front" in problem


def test_a_point_measured_from_itself_in_a_circle_is_refused(data: Path) -> None:
    _edit_point(data, "PC", "PC7", _structure(frame="forearm-front", **{"from": "PC6"}, along=-2))
    _edit_point(data, "PC", "PC6", _structure(frame="forearm-front", **{"from": "PC7"}, along=2))
    problems = _problems(data)
    assert any(
        "in a circle" in p and ("PC6 -> PC7 -> PC6" in p or "PC7 -> PC6 -> PC7" in p) for p in problems
    )


def test_a_typed_in_position_is_refused(data: Path) -> None:
    def change(point: dict[str, Any]) -> None:
        point["location"]["position"] = {"frame": "forearm-front", "x": 0, "y": 2}

    _edit_point(data, "PC", "PC6", change)
    assert any("PC6: location.position: computed from the structure" in p for p in _problems(data))


def test_a_position_off_its_part_is_refused(data: Path) -> None:
    _edit_point(data, "PC", "PC6", _structure(frame="forearm-front", **{"from": "wrist-crease"}, along=25))
    (problem,) = _problems(data)
    assert "PC6: location.structure[0]" in problem and "falls off the part" in problem


def test_a_second_fact_that_the_geometry_contradicts_is_reported(data: Path) -> None:
    measure = {
        "frame": "forearm-front",
        "from": "wrist-crease",
        "along": 2,
        "also": [{"from": "PC7", "along": 3}],
    }
    _edit_point(data, "PC", "PC6", _structure(**measure))
    (problem,) = _problems(data)
    assert "PC6: location.structure[0].also[0]" in problem and "not 3" in problem


def test_a_malformed_measure_names_its_field(data: Path) -> None:
    _edit_point(data, "PC", "PC6", _structure(frame="forearm-front", along=2, fraction=0.5))
    problems = _problems(data)
    assert any(p.startswith("points/PC.yaml: PC6: location.structure[0]") for p in problems)
    _edit_point(data, "PC", "PC6", _structure(frame="forearm-front", **{"from": "wrist-crease"}, along="far"))
    assert any("PC6: location.structure[0].along" in p for p in _problems(data))


def test_a_landmark_defined_twice_and_a_feature_on_nothing_are_named(data: Path) -> None:
    path = data / "body" / "landmarks" / "extra.yaml"
    twin = {
        "name": "umbilicus",
        "frame": "chest-abdomen",
        "x": 0,
        "y": 1,
        "label": "navel",
        "kind": "point",
        "source": "model",
    }
    path.write_text(yaml.safe_dump({"landmarks": [twin]}), encoding="utf-8")
    features = data / "body" / "features.yaml"
    doc = yaml.safe_load(features.read_text(encoding="utf-8"))
    doc["features"][0]["through"][0] = "no-such-brow"
    features.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    problems = _problems(data)
    assert any(
        p.startswith("body/landmarks/extra.yaml: umbilicus: name") and "also in" in p for p in problems
    )
    assert any("features.yaml: eyebrow: through[0]" in p and "no-such-brow" in p for p in problems)


def test_a_feature_drawn_through_a_level_or_a_line_is_named(data: Path) -> None:
    """A level has no x and a line no y: a feature line through one would run off to the midline."""
    features = data / "body" / "features.yaml"
    doc = yaml.safe_load(features.read_text(encoding="utf-8"))
    ear = next(f for f in doc["features"] if f["name"] == "ear")
    ear["through"][1] = "ear-root-top"  # a level
    ear["through"][2] = "ear-root-back"  # a line
    features.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    problems = _problems(data)
    assert any("features.yaml: ear: through[1]" in p and "'ear-root-top' has no x" in p for p in problems)
    assert any("features.yaml: ear: through[2]" in p and "'ear-root-back' has no y" in p for p in problems)


def test_a_frame_on_a_missing_part_and_a_missing_file_are_named(data: Path) -> None:
    frames = data / "body" / "frames.yaml"
    doc = yaml.safe_load(frames.read_text(encoding="utf-8"))
    doc["frames"][1]["part"] = "tail"
    frames.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    (data / "body" / "parts.yaml").rename(data / "body" / "parts.yml")
    with pytest.raises(DataError) as info:
        BodyModel.from_folder(data)
    text = str(info.value)
    assert "body/parts.yaml: missing file of the body model" in text
    assert "body/frames.yaml: face: part: unknown part 'tail'" in text
