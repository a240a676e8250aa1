"""Views of the body model: orthographic projections of the figure's 3-D space.

A view is a direction to look from (``toward`` points at the viewer) and the
screen's right and up directions; a close-up also names the parts it is about
(``focus``), which decide which points it can show and how it is cropped.
"""

from __future__ import annotations

from dataclasses import dataclass

from .geometry import Vec

__all__ = ["VIEWS", "WHOLE_BODY", "View", "facing", "project", "view"]

_X, _Y, _Z = (1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.0, 0.0, 1.0)


def _neg(v: Vec) -> Vec:
    return (-v[0], -v[1], -v[2])


@dataclass(frozen=True)
class View:
    """One way of looking at the figure."""

    name: str
    label: str
    right: Vec
    up: Vec
    toward: Vec
    parts: tuple[str, ...] = ()
    """Parts drawn (empty: every part)."""
    focus: tuple[str, ...] = ()
    """Parts the view is about (empty: every part); they crop a close-up."""
    both_sides: bool = True
    """Draw the right side's mirror image of the left-side parts too."""

    def shows(self, part: str) -> bool:
        return not self.focus or part in self.focus

    def draws(self, part: str) -> bool:
        return not self.parts or part in self.parts


_HEAD = ("cranium", "face", "neck", "trunk")
_ARM = ("upper-arm", "forearm", "hand", "thumb")
_HAND = ("forearm", "hand", "thumb")
_LEG = ("thigh", "leg", "foot")


def _views() -> dict[str, View]:
    front = (_X, _Y, _Z)
    back = (_neg(_X), _Y, _neg(_Z))
    outer = (_neg(_Z), _Y, _X)
    inner = (_Z, _Y, _neg(_X))
    top = (_neg(_X), _Z, _Y)
    below = (_X, _Z, _neg(_Y))
    Axes = tuple[Vec, Vec, Vec]
    spec: list[tuple[str, str, Axes, tuple[str, ...], tuple[str, ...], bool]] = [
        ("front", "front of the body", front, (), (), True),
        ("back", "back of the body", back, (), (), True),
        ("side", "left side of the body", outer, (), (), False),
        ("head-front", "face and head from the front", front, _HEAD, ("cranium", "face", "neck"), True),
        ("head-side", "head from the left side", outer, _HEAD, ("cranium", "face", "neck"), False),
        ("head-top", "head from above", top, ("cranium", "face"), ("cranium",), True),
        ("head-back", "head and neck from behind", back, _HEAD, ("cranium", "neck"), True),
        ("trunk-front", "chest and abdomen", front, (*_HEAD, "upper-arm", "thigh"), ("trunk",), True),
        ("trunk-back", "back", back, (*_HEAD, "upper-arm", "thigh"), ("trunk",), True),
        ("trunk-side", "trunk from the left side", outer, (*_HEAD, "thigh"), ("trunk",), False),
        ("arm-front", "arm from the front", front, _ARM, ("upper-arm", "forearm"), False),
        ("arm-back", "arm from behind", back, _ARM, ("upper-arm", "forearm"), False),
        ("arm-outer", "arm from the outer side", outer, _ARM, ("upper-arm", "forearm", "hand"), False),
        ("arm-inner", "arm from the inner side", inner, _ARM, ("upper-arm", "forearm", "hand"), False),
        ("hand-palm", "palm", front, _HAND, ("hand", "thumb"), False),
        ("hand-back", "back of the hand", back, _HAND, ("hand", "thumb"), False),
        ("leg-front", "leg from the front", front, _LEG, ("thigh", "leg"), False),
        ("leg-back", "leg from behind", back, _LEG, ("thigh", "leg"), False),
        ("leg-outer", "leg from the outer side", outer, _LEG, ("thigh", "leg"), False),
        ("leg-inner", "leg from the inner side", inner, _LEG, ("thigh", "leg"), False),
        ("foot-top", "foot from above", top, ("leg", "foot"), ("foot",), False),
        ("foot-inner", "foot from the inner side", inner, ("leg", "foot"), ("foot", "leg"), False),
        ("foot-outer", "foot from the outer side", outer, ("leg", "foot"), ("foot", "leg"), False),
        ("foot-sole", "sole of the foot", below, ("foot",), ("foot",), False),
    ]
    return {
        name: View(name, label, right, up, toward, parts=parts, focus=focus, both_sides=both)
        for name, label, (right, up, toward), parts, focus, both in spec
    }


VIEWS: dict[str, View] = _views()
"""Every view by name: the whole body (front, back, side) and the close-ups."""

WHOLE_BODY = ("front", "back", "side")


def view(name: str) -> View:
    """A view by name (``KeyError`` listing the views when there is none)."""
    try:
        return VIEWS[name]
    except KeyError:
        raise KeyError(f"unknown view {name!r}; views: {', '.join(VIEWS)}") from None


def project(v: View, where: Vec) -> tuple[float, float]:
    """Screen coordinates (right, up) in model units of a 3-D point."""
    return (
        where[0] * v.right[0] + where[1] * v.right[1] + where[2] * v.right[2],
        where[0] * v.up[0] + where[1] * v.up[1] + where[2] * v.up[2],
    )


def facing(v: View, normal: Vec) -> float:
    """How squarely a surface faces the viewer (1: straight at it, below 0: turned away)."""
    return normal[0] * v.toward[0] + normal[1] * v.toward[1] + normal[2] * v.toward[2]
