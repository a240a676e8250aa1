"""Read a data folder into one validated :class:`~acupoints.models.AtlasData`.

This is the only module that reads YAML. It collects every problem in every
file before it raises, so one run shows everything that needs fixing, each
problem naming its file, point and field.

Folder layout::

    meridians.yaml   meridians and extraordinary vessels
    regions.yaml     the body-region tree
    sources.yaml     bibliography
    points/XX.yaml   one file per meridian or extra-point group
    complaints.yaml  (optional) complaint mappings
    combinations.yaml (optional) named combinations, and the pairings to derive
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from . import _pinyin
from ._body_loader import place_points, read_body
from ._clinical_checks import check_clinical
from ._clinical_models import Combination, DerivedCombinations
from ._combinations import derive, memberships
from ._integrity import check_atlas
from ._references import check_complaints, check_references
from ._yaml import read_yaml
from .codes import EXTRA_GROUP_COUNTS, EXTRA_GROUPS, MERIDIAN_CODES, split_code
from .errors import DataError, Problem, shorten
from .models import AtlasData, Complaint, Meridian, Point, Region, Source, Vessel

__all__ = [
    "compile_body",
    "compile_folder",
    "load_body",
    "load_folder",
]

M = TypeVar("M", bound=BaseModel)

_MAX_NAME_CHARS = 8
"""No point name has more characters than this (the longest standard one has 4)."""


class _Collector:
    """Gathers problems while the folder is read."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.problems: list[Problem] = []

    def add(self, file: Path | str, point: str | None, field: str | None, message: str) -> None:
        name = file if isinstance(file, str) else self._rel(file)
        self.problems.append(Problem(name, point, field, message))

    def _rel(self, path: Path) -> str:
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    def read(self, path: Path) -> Any:
        """Parse a YAML file safely; a problem (and None) if it cannot be used
        (see :func:`acupoints._yaml.read_yaml`: aliases, duplicate keys, empty
        files and files that are not regular files are all reported)."""
        return read_yaml(path, lambda record, field, message: self.add(path, record, field, message))

    def validate(
        self, model: type[M], data: Any, file: Path, point: str | None, prefix: str = ""
    ) -> M | None:
        try:
            return model.model_validate(data)
        except ValidationError as error:
            for item in error.errors(include_url=False):
                field = prefix + _field_path(item["loc"])
                self.add(file, point, field or None, _message(item))
            return None


def _field_path(loc: Iterable[int | str]) -> str:
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{part}" if path else str(part)
    return path


def _message(item: Mapping[str, Any]) -> str:
    kind = item["type"]
    if kind == "extra_forbidden":
        return "unknown field"
    if kind == "missing":
        return "missing field"
    if kind == "literal_error":
        return f"{item['msg'].lower()}, got {shorten(item.get('input'))}"
    return f"{item['msg']} (got {shorten(item.get('input'))})"


def _mapping_list(col: _Collector, data: Any, path: Path, key: str) -> list[Any] | None:
    if not isinstance(data, dict):
        col.add(path, None, None, f"expected a mapping with a {key!r} list")
        return None
    value = data.get(key)
    if not isinstance(value, list):
        col.add(path, None, key, "missing or not a list")
        return None
    return value


def _optional_list(col: _Collector, data: Any, path: Path, key: str) -> list[Any]:
    """``data[key]`` when it is a list; absent or null is empty; anything else a problem."""
    value = data.get(key) if isinstance(data, dict) else None
    if value is None:
        return []
    if not isinstance(value, list):
        col.add(path, None, key, f"expected a list, got {shorten(value)}")
        return []
    return value


def _label(ident: Any, fallback: str) -> str:
    if isinstance(ident, str | int) and not isinstance(ident, bool):
        return str(ident)[:40]
    return fallback


def _validate_list(
    col: _Collector, model: type[M], items: list[Any], path: Path, key: str, id_field: str
) -> list[M]:
    out: list[M] = []
    seen: set[str] = set()
    for index, item in enumerate(items):
        ident = item.get(id_field) if isinstance(item, dict) else None
        label = _label(ident, f"{key}[{index}]")
        record = col.validate(model, item, path, label)
        if record is None:
            continue
        if label in seen:
            col.add(path, label, id_field, f"duplicate {id_field} {label!r}")
            continue
        seen.add(label)
        out.append(record)
    return out


def _read_points(col: _Collector, path: Path, meridians: Mapping[str, Meridian]) -> list[Point]:
    data = col.read(path)
    if data is None:
        return []
    items = _mapping_list(col, data, path, "points")
    group = data.get("group") if isinstance(data, dict) else None
    if isinstance(data, dict):
        for key in data:
            if key not in ("group", "points"):
                col.add(path, None, shorten(key, 40) if not isinstance(key, str) else key, "unknown field")
    if group is None:
        col.add(path, None, "group", "missing field")
        return []
    if not isinstance(group, str) or (group not in meridians and group not in EXTRA_GROUPS):
        col.add(path, None, "group", f"unknown meridian or group {shorten(group)}")
        return []
    if path.stem != group:
        col.add(path, None, "group", f"file name does not match its group {group!r}")
    if items is None:
        return []
    points: list[Point] = []
    numbers: list[int] = []
    for index, raw in enumerate(items):
        code = raw.get("code") if isinstance(raw, dict) else None
        label = _label(code, f"points[{index}]")
        if not isinstance(raw, dict):
            col.add(path, label, None, f"expected a mapping, got {shorten(raw)}")
            continue
        parsed = split_code(code) if isinstance(code, str) else None
        if parsed is None:
            col.add(path, label, "code", f"not a WHO point code: {shorten(code)}")
            continue
        prefix, number = parsed
        if prefix != group:
            col.add(path, label, "code", f"code does not belong to group {group!r}")
            continue
        numbers.append(number)
        for injected in ("group", "meridian", "number", "combinations"):
            if injected in raw:
                col.add(path, label, injected, "set by the loader; remove it")
        location = raw.get("location")
        if isinstance(location, dict):
            for computed in ("position", "positions"):
                if computed in location:
                    col.add(path, label, f"location.{computed}", "computed from the structure; remove it")
            for index, alternative in enumerate(location.get("alternatives") or ()):
                if isinstance(alternative, dict) and "position" in alternative:
                    where = f"location.alternatives[{index}].position"
                    col.add(path, label, where, "computed from the structure; remove it")
        record = {
            **raw,
            "group": group,
            "meridian": group if group in meridians else None,
            "number": number,
        }
        point = col.validate(Point, record, path, label)
        if point is None:
            continue
        if len(point.hanzi) > _MAX_NAME_CHARS or len(point.pinyin) > 8 * _MAX_NAME_CHARS:
            too_long = f"too long for a point name (at most {_MAX_NAME_CHARS} characters)"
            col.add(path, label, "pinyin", too_long)
            continue
        for problem in _pinyin.pinyin_problems(point.pinyin, len(point.hanzi)):
            col.add(path, label, "pinyin", problem)
        if len(point.hanzi_traditional) != len(point.hanzi):
            col.add(path, label, "hanzi_traditional", "not as many characters as hanzi")
        points.append(point)
    if numbers and numbers == sorted(numbers):
        expected = list(range(1, len(numbers) + 1))
        if numbers != expected:
            missing = sorted(set(range(1, max(numbers) + 1)) - set(numbers))
            if missing:
                col.add(
                    path,
                    None,
                    "points",
                    f"numbering gap: missing {', '.join(f'{group}{n}' for n in missing)}",
                )
    elif numbers:
        col.add(path, None, "points", "points are not in numerical order")
    meridian = meridians.get(group)
    expected_count = meridian.point_count if meridian is not None else EXTRA_GROUP_COUNTS.get(group)
    if expected_count is not None and len(items) != expected_count:
        col.add(path, None, "points", f"{len(items)} points, but {group} has {expected_count}")
    return points


def load_folder(root: Path) -> AtlasData:
    """Read and validate a data folder; raise :class:`DataError` listing every problem."""
    col = _Collector(root)
    if not root.is_dir():
        col.add(root.as_posix(), None, None, "not a folder")
        raise DataError(col.problems)

    meridians: list[Meridian] = []
    vessels: list[Vessel] = []
    path = root / "meridians.yaml"
    data = col.read(path)
    if data is not None:
        items = _mapping_list(col, data, path, "meridians")
        if items is not None:
            meridians = _validate_list(col, Meridian, items, path, "meridians", "code")
        listed = _optional_list(col, data, path, "vessels")
        vessels = _validate_list(col, Vessel, listed, path, "vessels", "code")
    by_code: dict[str, Meridian] = {m.code: m for m in meridians}

    regions: list[Region] = []
    path = root / "regions.yaml"
    data = col.read(path)
    if data is not None and (items := _mapping_list(col, data, path, "regions")) is not None:
        regions = _validate_list(col, Region, items, path, "regions", "name")

    sources: list[Source] = []
    path = root / "sources.yaml"
    data = col.read(path)
    if data is not None and (items := _mapping_list(col, data, path, "sources")) is not None:
        sources = _validate_list(col, Source, items, path, "sources", "key")

    points: list[Point] = []
    files: dict[str, str] = {}
    seen: dict[str, str] = {}
    point_dir = root / "points"
    order = {code: i for i, code in enumerate([*MERIDIAN_CODES, *EXTRA_GROUPS])}
    paths = sorted(point_dir.glob("*.yaml"), key=lambda p: (order.get(p.stem, 99), p.stem))
    if not paths:
        col.add("points", None, None, "no point files found")
    for path in paths:
        file_points = _read_points(col, path, by_code)
        rel = col._rel(path)
        for point in file_points:
            if point.code in seen:
                col.add(rel, point.code, "code", f"duplicate code, also in {seen[point.code]}")
                continue
            seen[point.code] = rel
            files[point.group] = rel
            points.append(point)
    body = read_body(col, root)
    if body is not None and not col.problems:
        points = place_points(col.add, body, points, files)
    complaints: list[Complaint] = []
    path = root / "complaints.yaml"
    if path.exists() or path.is_symlink():
        data = col.read(path)
        if data is not None and (items := _mapping_list(col, data, path, "complaints")) is not None:
            complaints = _validate_list(col, Complaint, items, path, "complaints", "name")

    combinations = _read_combinations(col, root, points, by_code)
    named = memberships(combinations)
    points = [p.model_copy(update={"combinations": named[p.code]}) if p.code in named else p for p in points]

    present = {p.group for p in points}
    for meridian in meridians:
        if meridian.code not in present and not (point_dir / f"{meridian.code}.yaml").exists():
            col.add(f"points/{meridian.code}.yaml", None, None, "missing file for this meridian")

    atlas = AtlasData(
        meridians=tuple(meridians),
        vessels=tuple(vessels),
        points=tuple(points),
        regions=tuple(regions),
        sources=tuple(sources),
        complaints=tuple(complaints),
        combinations=tuple(combinations),
    )
    check_references(col.add, atlas, files)
    check_atlas(col.add, atlas, files)
    check_complaints(col.add, atlas)
    check_clinical(col.add, atlas, files)
    if col.problems:
        raise DataError(col.problems)
    return atlas


def _read_combinations(
    col: _Collector, root: Path, points: list[Point], meridians: Mapping[str, Meridian]
) -> list[Combination]:
    """The named combinations, then the pairings derived from the categories."""
    path = root / "combinations.yaml"
    if not path.exists():
        return []
    data = col.read(path)
    if data is None:
        return []
    items = _mapping_list(col, data, path, "combinations") or []
    out = _validate_list(col, Combination, items, path, "combinations", "name")
    if isinstance(data, dict):
        for key in data:
            if key not in ("combinations", "derived"):
                col.add(path, None, str(key), "unknown field")
        specs = _validate_list(col, DerivedCombinations, data.get("derived") or [], path, "derived", "kind")
        for spec in specs:
            out += derive(spec.kind, spec.purpose, spec.sources, points, meridians, col.add)
    seen: set[str] = set()
    for combination in out:
        if combination.name in seen:
            col.add(path, combination.name, "name", "duplicate name")
        seen.add(combination.name)
    return out


def compile_folder(root: Path) -> bytes:
    """Load a data folder and serialise it as the compiled atlas the wheel ships.

    JSON lines: the first line holds everything but the points (meridians,
    vessels, regions, sources, complaints, the point codes in order and the
    keys of the stored answers); then one line per point; then one line per
    stored complaint answer; then the lines the header names under ``extra``
    (``places``: every point's code, names, side and computed places, which a
    chart reads for its neighbours). A lookup parses only the line it needs.
    """
    from .atlas import Atlas

    data = load_folder(root)
    # every field, defaults included: a point's line is then exactly its
    # ``model_dump(mode="json")`` and can be served without pydantic's serializer
    dump = data.model_dump(mode="json")
    fields = list(dump)  # the export's field order, for printing it without the models
    points = dump.pop("points")
    dump["fields"] = fields
    dump["codes"] = [point["code"] for point in points]
    # the answers to every complaint query without a level, computed by the
    # same rules, so a cold start need not apply them
    atlas = Atlas(data)
    answers = []
    dump["answers"] = []
    for complaint in data.complaints:
        for pregnant in (False, True):
            dump["answers"].append([complaint.name, pregnant])
            answers.append(atlas.candidates(complaint.name, pregnant=pregnant).as_dict())
    dump["extra"] = ["places"]
    lines = [dump, *points, *answers, atlas.point_places()]
    return b"\n".join(json.dumps(line, ensure_ascii=False, separators=(",", ":")).encode() for line in lines)


def load_body(root: Path) -> Any:
    """Read and validate the body model of a data folder (``body/``).

    Returns a :class:`~acupoints.body.model.Body`; raises :class:`DataError`
    listing every problem, or when the folder has no body model.
    """
    col = _Collector(root)
    body = read_body(col, root)
    if body is None:
        col.add(f"{root.as_posix()}/body", None, None, "no body model in this data folder")
    if col.problems:
        raise DataError(col.problems)
    return body


def compile_body(root: Path) -> bytes:
    """The validated body model of a data folder as JSON, for the wheel (see ``hatch_build.py``)."""
    body = load_body(root)
    return json.dumps(body.model_dump(mode="json"), ensure_ascii=False, separators=(",", ":")).encode()
