"""From structured locations to positions: every point's place in cun on its frame.

A measure names anchors (landmarks of its frame, or other points); the
positions are computed in dependency order, so a point may be measured from a
point that is itself measured from a landmark, and a circle is reported rather
than followed. Every problem names the point and the field.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ..placement import Measure, Position
from .geometry import Geometry
from .model import Landmark

__all__ = ["FINGER_BREADTH_CUN", "Placed", "Solver", "solve"]

FINGER_BREADTH_CUN = 0.75
"""One finger-breadth in cun: the four fingers together are 3 F-cun."""

_TOLERANCE = 0.05


@dataclass
class Placed:
    """The result: positions by code, and the problems as (code, field, message)."""

    positions: dict[str, list[Position]] = field(default_factory=dict)
    problems: list[tuple[str, str, str]] = field(default_factory=list)


class Solver:
    """Computes positions for a set of points on one body model."""

    def __init__(self, geometry: Geometry) -> None:
        self.geometry = geometry
        self.landmarks: dict[tuple[str, str], Landmark] = {
            (lm.frame, lm.name): lm for lm in geometry.body.landmarks
        }
        self._names: dict[str, list[str]] = {}
        for frame, name in self.landmarks:
            self._names.setdefault(frame, []).append(name)

    def solve(self, structures: Mapping[str, Sequence[Measure]]) -> Placed:
        out = Placed()
        state: dict[str, str] = {}  # code -> "busy" | "done" | "failed"

        def visit(code: str, trail: tuple[str, ...]) -> bool:
            status = state.get(code)
            if status == "done":
                return True
            if status == "failed":
                return False
            if status == "busy":
                loop = " -> ".join((*trail[trail.index(code) :], code))
                out.problems.append((code, "location.structure", f"measured from itself in a circle: {loop}"))
                return False
            state[code] = "busy"
            ok = True
            positions: list[Position] = []
            for index, measure in enumerate(structures[code]):
                where = f"location.structure[{index}]"
                for anchor in measure.anchors():
                    if anchor in structures and not visit(anchor, (*trail, code)):
                        ok = False
                if not ok:
                    break
                position = self._place(code, measure, where, out)
                if position is None:
                    ok = False
                    break
                positions.append(position)
            state[code] = "done" if ok else "failed"
            if ok:
                out.positions[code] = positions
            return ok

        for code in structures:
            visit(code, ())
        return out

    # -- one measure ------------------------------------------------------------

    def _anchor(
        self, code: str, frame: str, name: str, where: str, out: Placed
    ) -> tuple[float | None, float | None, float] | None:
        """(x, y, slope) of an anchor in a frame, or None after reporting a problem."""
        landmark = self.landmarks.get((frame, name))
        if landmark is not None:
            return landmark.x, landmark.y, landmark.slope
        placed = out.positions.get(name)
        if placed is not None:
            first = placed[0]
            try:
                x, y = self.geometry.convert(first.x, first.y, first.frame, frame)
            except ValueError:
                out.problems.append(
                    (code, where, f"{name} lies on frame {first.frame}, not on the part of {frame}")
                )
                return None
            return x, y, 0.0
        close = difflib.get_close_matches(name, self._names.get(frame, []), n=3, cutoff=0.6)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        out.problems.append((code, where, f"unknown landmark or point {name!r} on frame {frame}{hint}"))
        return None

    def _place(self, code: str, m: Measure, where: str, out: Placed) -> Position | None:
        if m.frame not in self.geometry.frames:
            close = difflib.get_close_matches(m.frame, list(self.geometry.frames), n=3)
            hint = f"; did you mean {', '.join(close)}?" if close else ""
            out.problems.append((code, f"{where}.frame", f"unknown frame {m.frame!r}{hint}"))
            return None
        scale = FINGER_BREADTH_CUN if m.unit == "finger-breadth" else 1.0
        anchors = {}
        for name in m.anchors():
            found = self._anchor(code, m.frame, name, where, out)
            if found is None:
                return None
            anchors[name] = found
        base = anchors[m.from_] if m.from_ else None
        if m.towards is not None and base is not None and m.fraction is not None:
            far = anchors[m.towards]
            x0, x1 = base[0] or 0.0, far[0] or 0.0
            if base[1] is None or far[1] is None:
                out.problems.append((code, where, "from and towards both need a y for a fraction"))
                return None
            x = x0 + (x1 - x0) * m.fraction
            y = base[1] + (far[1] - base[1]) * m.fraction
        else:
            line = anchors[m.line] if m.line else base
            x = line[0] if line and line[0] is not None else 0.0
            level = anchors[m.level] if m.level else base
            assert level is not None
            if level[1] is None:
                out.problems.append((code, where, f"{m.level or m.from_} has no y: name a level"))
                return None
            x += m.across * scale
            # a sloping level (an intercostal space) is taken at the point's own x
            y = level[1] + level[2] * x
        if m.towards is not None:
            x += m.across * scale
        y += m.along * scale
        for index, also in enumerate(m.also):
            ax, ay, aslope = anchors[also.from_]
            if also.across is not None:
                got = abs(x - (ax or 0.0))
                if abs(got - also.across * scale) > _TOLERANCE:
                    out.problems.append(
                        (
                            code,
                            f"{where}.also[{index}]",
                            f"{got:.2f} cun across from {also.from_}, not {also.across}",
                        )
                    )
            if also.along is not None and ay is not None:
                got = abs(y - (ay + aslope * x))
                if abs(got - also.along * scale) > _TOLERANCE:
                    out.problems.append(
                        (
                            code,
                            f"{where}.also[{index}]",
                            f"{got:.2f} cun along from {also.from_}, not {also.along}",
                        )
                    )
        if not self.geometry.on_part(m.frame, x, y):
            out.problems.append((code, where, f"({x:.2f}, {y:.2f}) falls off the part of frame {m.frame}"))
            return None
        return Position(frame=m.frame, x=round(x, 4), y=round(y, 4))


def solve(geometry: Geometry, structures: Mapping[str, Sequence[Measure]]) -> Placed:
    """Positions of every point with a structure (see :class:`Solver`)."""
    return Solver(geometry).solve(structures)
