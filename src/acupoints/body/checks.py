"""Checks that hold a point's words, structure and position to each other.

Used by the tests and by ``scripts/body_staging.py``; each returns plain
messages so that a failing test says what disagrees.
"""

from __future__ import annotations

import re

from ..models import Point
from .text import cun_numbers, finger_breadths

__all__ = ["alternative_problems", "level_problems", "text_problems"]

_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
}
_SPACE = r" (?:intercostal space|gap between the ribs)"
_ICS = re.compile(
    r"\b(?P<n>\d{1,2})(?:st|nd|rd|th)?" + _SPACE + r"|\b(?P<w>" + "|".join(_ORDINALS) + r")" + _SPACE,
    re.IGNORECASE,
)


def text_problems(point: Point, text: str | None = None) -> list[str]:
    """Where the cun in the text and the numbers of the structure differ.

    Every distance in cun the text names must be an ``along``, ``across`` or
    ``also`` number of the structure, and every nonzero number of the
    structure must be named in the text (finger-breadths likewise).
    """
    words = point.location.text if text is None else text
    measures = point.location.structure
    if not measures:
        return ["no structured location"]
    said_cun = cun_numbers(words)
    said_fingers = finger_breadths(words)
    carried_cun: set[float] = set()
    carried_fingers: set[float] = set()
    for m in measures:
        (carried_fingers if m.unit == "finger-breadth" else carried_cun).update(m.numbers())
    problems = []
    if said_cun - carried_cun:
        problems.append(f"the text says {_fmt(said_cun - carried_cun)} cun, the structure does not")
    if carried_cun - said_cun:
        problems.append(f"the structure carries {_fmt(carried_cun - said_cun)} cun, the text does not say it")
    if said_fingers != carried_fingers:
        problems.append(
            f"finger-breadths: the text says {_fmt(said_fingers) or 'none'}, "
            f"the structure {_fmt(carried_fingers) or 'none'}"
        )
    return problems


def alternative_problems(point: Point) -> list[str]:
    """``text_problems`` for each alternative place of a point, and a place of its own for each."""
    problems = []
    for index, alt in enumerate(point.location.alternatives):
        location = point.location.model_copy(update={"text": alt.text, "structure": alt.structure})
        twin = point.model_copy(update={"location": location})
        problems += [f"alternative {index}: {m}" for m in text_problems(twin)]
        if alt.position is None:
            problems.append(f"alternative {index}: no computed position")
        elif alt.position == point.location.position:
            problems.append(f"alternative {index}: the same place as the main location")
    return problems


def level_problems(point: Point, text: str | None = None) -> list[str]:
    """Where the vertebral level or intercostal space of the words and the structure differ."""
    words = point.location.text if text is None else text
    measures = point.location.structure
    problems = []
    anchors = {a for m in measures for a in (m.level, m.from_, m.towards) if a}
    level = point.location.level
    if level is not None and measures and measures[0].frame in ("back", "neck"):
        first = measures[0]
        # "C2-top" is the upper border of the same vertebra's spinous process
        named_levels = {a.removesuffix("-top") for a in (first.level, first.from_) if a}
        if level not in named_levels:
            problems.append(
                f"location.level is {level}, the structure measures from {first.level or first.from_}"
            )
    spaces = set()
    for m in _ICS.finditer(words[:2000]):
        spaces.add(int(m.group("n")) if m.group("n") else _ORDINALS[m.group("w").lower()])
    named = {int(a.split("-")[1]) for a in anchors if re.fullmatch(r"ics-\d{1,2}", a)}
    if spaces != named:
        problems.append(
            f"intercostal spaces: the text names {sorted(spaces) or 'none'}, "
            f"the structure {sorted(named) or 'none'}"
        )
    return problems


def _fmt(values: set[float]) -> str:
    return ", ".join(f"{v:g}" for v in sorted(values))
