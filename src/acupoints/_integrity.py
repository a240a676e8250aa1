"""Whole-atlas checks that no single record can make: cycles, orders, ranges, counts.

Run by the loader on a data folder and, with :func:`check_export`, on an
export read back by :func:`acupoints.load`, so both meet the same checks.
Each check reports through ``add(file, record, field, message)``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping

from ._references import check_complaints, check_references
from .codes import EXTRA_GROUP_COUNTS
from .models import AtlasData
from .vocabulary import level_index

__all__ = ["MAX_FROM_MIDLINE_CUN", "check_atlas", "check_export"]

Report = Callable[[str, str | None, str | None, str], None]

MAX_FROM_MIDLINE_CUN = 12.0
"""No point on the trunk lies further from the midline than this (the widest are 8 cun)."""


def check_atlas(add: Report, atlas: AtlasData, files: Mapping[str, str]) -> None:
    """Region cycles, vertebral level order, hour and distance ranges."""
    parents = {r.name: r.parent for r in atlas.regions}
    reported: set[str] = set()
    for name in parents:
        trail, current = [name], parents.get(name)
        while current is not None and current in parents:
            if current in trail:
                cycle = trail[trail.index(current) :]
                if not reported.intersection(cycle):
                    add("regions.yaml", name, "parent", f"parent cycle: {' -> '.join([*cycle, current])}")
                    reported.update(cycle)
                break
            trail.append(current)
            current = parents.get(current)
    for meridian in atlas.meridians:
        if meridian.hours is not None:
            for index, hour in enumerate(meridian.hours):
                if not 0 <= hour <= 23:
                    add("meridians.yaml", meridian.code, f"hours[{index}]", f"hour {hour} is not 0 to 23")
    for point in atlas.points:
        file = files.get(point.group, f"points/{point.group}.yaml")
        location = point.location
        if location.level_to is not None:
            if location.level is None:
                add(file, point.code, "location.level_to", "level_to needs a level (the highest of the row)")
            elif level_index(location.level_to) < level_index(location.level):
                add(
                    file,
                    point.code,
                    "location.level_to",
                    f"{location.level_to} lies above level {location.level}; give the highest level first",
                )
        distance = location.from_midline_cun
        if distance is not None and not (math.isfinite(distance) and distance <= MAX_FROM_MIDLINE_CUN):
            add(
                file,
                point.code,
                "location.from_midline_cun",
                f"{distance} cun is not a distance from the midline (0 to {MAX_FROM_MIDLINE_CUN:g})",
            )
    for complaint in atlas.complaints:
        for r, rule in enumerate(complaint.rules):
            if rule.levels is not None and level_index(rule.levels[1]) < level_index(rule.levels[0]):
                first, last = rule.levels
                add(
                    "complaints.yaml",
                    complaint.name,
                    f"rules[{r}].levels",
                    f"{first} to {last} runs upwards; give the levels from top to bottom",
                )


def _groups(add: Report, atlas: AtlasData) -> None:
    """Per group: codes in order, no gaps, the expected number (what each point file gets checked for)."""
    counts = {m.code: m.point_count for m in atlas.meridians} | EXTRA_GROUP_COUNTS
    numbers: dict[str, list[int]] = {}
    for point in atlas.points:
        numbers.setdefault(point.group, []).append(point.number)
        if not point.code.startswith(point.group) or point.code != f"{point.group}{point.number}":
            wrong = f"does not match group {point.group!r} and number {point.number}"
            add("points", point.code, "code", wrong)
    for group, found in numbers.items():
        if found != sorted(found):
            add("points", group, "points", "points are not in numerical order")
        missing = sorted(set(range(1, max(found) + 1)) - set(found))
        if missing:
            gap = ", ".join(f"{group}{n}" for n in missing)
            add("points", group, "points", f"numbering gap: missing {gap}")
        expected = counts.get(group)
        if expected is not None and len(found) != expected:
            add("points", group, "points", f"{len(found)} points, but {group} has {expected}")


def _duplicates(add: Report, atlas: AtlasData) -> None:
    for section, field, values in (
        ("meridians", "code", [m.code for m in atlas.meridians]),
        ("vessels", "code", [v.code for v in atlas.vessels]),
        ("points", "code", [p.code for p in atlas.points]),
        ("regions", "name", [r.name for r in atlas.regions]),
        ("sources", "key", [s.key for s in atlas.sources]),
        ("complaints", "name", [c.name for c in atlas.complaints]),
    ):
        seen: set[str] = set()
        for value in values:
            if value in seen:
                add(section, value, field, f"duplicate {field} {value!r}")
            seen.add(value)


def check_export(add: Report, atlas: AtlasData) -> None:
    """Every check a data folder gets, for an atlas read from one exported document.

    Problems name the export's section (``points``, ``regions`` ...) as their
    file; the caller prefixes the document's own name.
    """

    def section(file: str, record: str | None, field: str | None, message: str) -> None:
        name = file.removesuffix(".yaml")
        add("points" if name.startswith("points") else name, record, field, message)

    _duplicates(section, atlas)
    _groups(section, atlas)
    check_references(section, atlas, {})
    check_atlas(section, atlas, {})
    check_complaints(section, atlas)
