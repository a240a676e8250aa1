"""Needling with sources, and the hazards beneath the needle: each check is a
function of the points, run on the data and on a copy broken on purpose."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import pytest

import acupoints
from acupoints import Atlas, Point
from conftest import DATA

TRUNK = {"chest", "flank", "upper-back"}  # over the lung: at most 0.5 cun, never perpendicular
ABOVE_DIAPHRAGM = {"chest", "upper-back"}  # off the midline: the lung lies beneath
OVER_BONE = {"SI11"}  # on the blade of the scapula: bone, not lung, lies beneath
BRAINSTEM = ("GB20", "GV15", "GV16", "EX-HN14", "BL10")
VESSELS = ("ST9", "ST10", "LI18", "SI17", "TE16", "HT1", "LU9", "SP11", "SP12", "ST30", "LR10", "LR11",
           "LR12", "BL40", "ST42")  # fmt: skip
EYE = ("BL1", "ST1", "EX-HN7")
FONTANELLE = ("GV20", "GV21", "GV22", "GV23", "GV24")
KIDNEY = ("BL22", "BL23", "BL24", "BL51", "BL52")
Check = Callable[[Iterable[Point]], list[str]]


@pytest.fixture(scope="module")
def atlas() -> Atlas:
    return acupoints.load(DATA)


def _hazards(point: Point) -> set[str]:
    return {c.hazard for c in point.needling.cautions}


def lung_problems(points: Iterable[Point]) -> list[str]:
    """Trunk points off the midline need a lung caution; those over the lung stay
    within 0.5 cun, oblique or transverse."""
    out = []
    for p in points:
        n = p.needling
        regions = set(p.location.regions)
        if n.forbidden or p.location.side == "midline" or not TRUNK & regions:
            continue
        if "lung" not in _hazards(p):
            if ABOVE_DIAPHRAGM & regions and p.code not in OVER_BONE:
                out.append(f"{p.code}: no lung caution")
        elif n.depth_cun[1] > 0.5 or n.angle == "perpendicular":
            out.append(f"{p.code}: {n.depth_cun[1]} cun {n.angle} over the lung")
    return out


def named_problems(points: Iterable[Point]) -> list[str]:
    """The named points over the brainstem, vessels, eye, spinal cord, kidney and fontanelles."""
    by_code = {p.code: p for p in points}
    out = []
    for code in BRAINSTEM:
        p = by_code[code]
        if "spinal-cord" not in _hazards(p) or p.needling.depth_cun[1] > 0.8:
            out.append(f"{code}: brainstem")
    for code in VESSELS:
        if "major-vessel" not in _hazards(by_code[code]):
            out.append(f"{code}: vessel")
    for code, limit in (("ST9", 0.5), ("LR10", 1.0), ("LR11", 1.0), ("TE16", 0.8), ("EX-HN15", 0.8)):
        if by_code[code].needling.depth_cun[1] > limit or not by_code[code].needling.cautions:
            out.append(f"{code}: deeper than {limit} cun or no caution")
    for code in EYE:
        if "eye" not in _hazards(by_code[code]):
            out.append(f"{code}: eye")
    for code in KIDNEY:
        if "viscera" not in _hazards(by_code[code]):
            out.append(f"{code}: kidney")
    for code in FONTANELLE:
        if not any(c.condition == "infants" for c in by_code[code].contraindications):
            out.append(f"{code}: fontanelle")
    lowest = acupoints.models.level_index("L1")
    for p in by_code.values():  # the cord runs down to about L1
        level = p.location.level
        on_cord = p.meridian == "GV" and level and acupoints.models.level_index(level) <= lowest
        if on_cord and "spinal-cord" not in _hazards(p):
            out.append(f"{p.code}: spinal cord")
    return out


def alternative_problems(points: Iterable[Point]) -> list[str]:
    """The conservative depth is the default: no recorded alternative is shallower."""
    return [
        f"{p.code}: alternative {a.depth_cun} is shallower than the default {p.needling.depth_cun}"
        for p in points
        for a in p.needling.alternatives
        if a.depth_cun[1] < p.needling.depth_cun[1]
    ]


CHECKS: list[Check] = [lung_problems, named_problems, alternative_problems]


@pytest.mark.parametrize("check", CHECKS)
def test_needling_hazards(atlas: Atlas, check: Check) -> None:
    assert check(atlas.points()) == []


def _changed(atlas: Atlas, code: str, change: Callable[[dict[str, Any]], None]) -> list[Point]:
    out = []
    for point in atlas.points():
        if point.code == code:
            data = point.model_dump()
            change(data)
            point = Point.model_validate(data)
        out.append(point)
    return out


def _needling(**values: Any) -> Callable[[dict[str, Any]], None]:
    return lambda data: data["needling"].update(values)


@pytest.mark.parametrize(
    ("check", "code", "change"),
    [
        (lung_problems, "BL13", _needling(depth_cun=(0.5, 0.8))),
        (lung_problems, "LU1", _needling(angle="perpendicular")),
        (lung_problems, "KI25", _needling(cautions=())),
        (named_problems, "GB20", _needling(depth_cun=(0.8, 1.2))),
        (named_problems, "ST9", _needling(depth_cun=(0.3, 0.8))),
        (named_problems, "TE16", _needling(cautions=())),
        (named_problems, "GV23", lambda d: d.update(contraindications=())),
        (named_problems, "BL24", _needling(cautions=())),
        (named_problems, "GV9", _needling(cautions=())),
        (alternative_problems, "BL13", _needling(depth_cun=(0.5, 1.0))),
    ],
)
def test_needling_checks_fail_on_wrong_data(
    atlas: Atlas, check: Check, code: str, change: Callable[[dict[str, Any]], None]
) -> None:
    found = check(_changed(atlas, code, change))
    assert found and all(item.startswith(code) for item in found), found


def test_every_depth_cites_its_source(atlas: Atlas) -> None:
    keys = {s.key for s in atlas.sources()}
    for point in atlas.points():
        assert point.needling.sources and set(point.needling.sources) <= keys, point.code
        for other in point.needling.alternatives:
            assert other.sources and set(other.sources) <= keys, point.code
    assert sum(1 for p in atlas.points() if p.needling.alternatives) >= 40
