"""Surface geometry of the body model: from a frame's cun to the figure's 3-D space.

Each part is a loft of elliptic cross-sections (or an ellipsoid for the skull).
A point on a loft is ``(s, theta)``: ``s`` the distance along the loft's axis,
``theta`` the angle round it (0 at the front, 90 at the lateral side). A frame
turns cun into ``(s, theta)``: ``y`` through the part's stations (piecewise
linear), ``x`` as arc length round the cross-section from the frame's
reference line. The chain is small and testable link by link, as in
matplotlib's transforms: frame (cun) -> part (s, theta) -> space (x, y, z).
"""

from __future__ import annotations

import bisect
import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from .model import Body, Frame, Part

__all__ = ["Geometry", "LoftPart", "Vec", "mirror"]

Vec = tuple[float, float, float]

_STEPS = 64


def _sub(a: Vec, b: Vec) -> Vec:
    return (a[0] - b[0], a[1] - b[1], a[2] - b[2])


def _dot(a: Vec, b: Vec) -> float:
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


def _scale(a: Vec, k: float) -> Vec:
    return (a[0] * k, a[1] * k, a[2] * k)


def _add(*vs: Vec) -> Vec:
    x = y = z = 0.0
    for v in vs:
        x += v[0]
        y += v[1]
        z += v[2]
    return (x, y, z)


def _unit(a: Vec) -> Vec:
    n = math.sqrt(_dot(a, a))
    return _scale(a, 1 / n) if n else a


def mirror(v: Vec) -> Vec:
    """The mirror image across the body's midline (the right side of a left point)."""
    return (-v[0], v[1], v[2])


@lru_cache(maxsize=512)
def _arc_table(ratio: float) -> tuple[float, ...]:
    """Arc length of the ellipse (sin t, ratio * cos t) from t = -pi to pi, in steps."""
    table = [0.0]
    step = 2 * math.pi / _STEPS
    total = 0.0
    for i in range(_STEPS):
        # Simpson's rule over each step
        a = -math.pi + i * step
        f = [math.hypot(math.cos(t), ratio * math.sin(t)) for t in (a, a + step / 2, a + step)]
        total += step / 6 * (f[0] + 4 * f[1] + f[2])
        table.append(total)
    return tuple(table)


def _arc_at(table: Sequence[float], theta: float) -> float:
    """Arc length from -pi to theta (radians in [-pi, pi])."""
    pos = (theta + math.pi) / (2 * math.pi) * _STEPS
    i = min(int(pos), _STEPS - 1)
    return table[i] + (table[i + 1] - table[i]) * (pos - i)


def _theta_at(table: Sequence[float], arc: float) -> float:
    """The angle whose arc length from -pi is ``arc`` (wrapped round the perimeter)."""
    perimeter = table[-1]
    arc %= perimeter
    i = min(max(bisect.bisect_right(table, arc) - 1, 0), _STEPS - 1)
    span = table[i + 1] - table[i]
    frac = (arc - table[i]) / span if span else 0.0
    return -math.pi + (i + frac) * 2 * math.pi / _STEPS


@dataclass(frozen=True)
class LoftPart:
    """A loft: stations along a polyline axis, each an ellipse across it."""

    name: str
    side: str
    s: tuple[float, ...]
    centers: tuple[Vec, ...]
    rx: tuple[float, ...]
    rz: tuple[float, ...]
    anterior: Vec
    lateral: Vec
    axis: Vec | None = None

    @classmethod
    def of(cls, part: Part) -> LoftPart:
        centers: tuple[Vec, ...] = tuple(st.center for st in part.stations)
        axis = _unit(part.axis) if part.axis is not None else None
        s = [0.0]
        for a, b in itertools.pairwise(centers):
            step = _dot(_sub(b, a), axis) if axis else math.sqrt(_dot(_sub(b, a), _sub(b, a)))
            s.append(s[-1] + step)
        assert part.anterior is not None and part.lateral is not None
        return cls(
            name=part.name,
            side=part.side,
            s=tuple(s),
            centers=centers,
            rx=tuple(st.rx for st in part.stations),
            rz=tuple(st.rz for st in part.stations),
            anterior=_unit(tuple(part.anterior)),  # type: ignore[arg-type]
            lateral=_unit(tuple(part.lateral)),  # type: ignore[arg-type]
        )

    @property
    def length(self) -> float:
        return self.s[-1]

    def _segment(self, s: float) -> tuple[int, float]:
        i = min(max(bisect.bisect_right(self.s, s) - 1, 0), len(self.s) - 2)
        span = self.s[i + 1] - self.s[i]
        return i, (s - self.s[i]) / span if span else 0.0

    def section(self, s: float) -> tuple[Vec, float, float, Vec, Vec]:
        """Centre, half-widths and the (lateral, anterior) unit axes of the cross-section at s."""
        i, f = self._segment(s)
        f_clamped = min(max(f, 0.0), 1.0)
        a, b = self.centers[i], self.centers[i + 1]
        center = _add(a, _scale(_sub(b, a), f))
        rx = self.rx[i] + (self.rx[i + 1] - self.rx[i]) * f_clamped
        rz = self.rz[i] + (self.rz[i + 1] - self.rz[i]) * f_clamped
        tangent = self.axis or _unit(_sub(b, a))
        ant = _unit(_sub(self.anterior, _scale(tangent, _dot(self.anterior, tangent))))
        lat = _sub(self.lateral, _scale(tangent, _dot(self.lateral, tangent)))
        lat = _unit(_sub(lat, _scale(ant, _dot(lat, ant))))
        return center, rx, rz, lat, ant

    def point(self, s: float, theta: float) -> tuple[Vec, Vec]:
        """The surface point and its outward normal at (s, theta radians)."""
        center, rx, rz, lat, ant = self.section(s)
        sin, cos = math.sin(theta), math.cos(theta)
        where = _add(center, _scale(lat, rx * sin), _scale(ant, rz * cos))
        normal = _unit(_add(_scale(lat, sin / rx), _scale(ant, cos / rz)))
        return where, normal

    def ring(self, s: float, n: int) -> list[Vec]:
        """The surface points at n equal angles round the section at s (as :meth:`point`, no normals)."""
        center, rx, rz, lat, ant = self.section(s)
        out = []
        for i in range(n):
            theta = 2 * math.pi * i / n
            out.append(_add(center, _scale(lat, rx * math.sin(theta)), _scale(ant, rz * math.cos(theta))))
        return out

    def locate(self, where: Vec) -> tuple[float, float]:
        """(s, theta) of the section through a point in space, and its angle round it."""
        best: tuple[float, float, float] | None = None
        for i in range(len(self.s) - 1):
            a, b = self.centers[i], self.centers[i + 1]
            axis = self.axis or _unit(_sub(b, a))
            span = self.s[i + 1] - self.s[i]
            t = _dot(_sub(where, a), axis) / span if span else 0.0
            t = min(max(t, 0.0), 1.0) if 0 < i < len(self.s) - 2 else t
            s = self.s[i] + t * span
            center, rx, rz, lat, ant = self.section(s)
            d = _sub(where, center)
            off = _dot(d, axis)
            if best is None or abs(off) < abs(best[2]):
                best = (s, math.atan2(_dot(d, lat) / rx, _dot(d, ant) / rz), off)
        assert best is not None
        return best[0], best[1]

    def arc(self, s: float) -> tuple[tuple[float, ...], float]:
        """The arc table of the cross-section at s, and the scale that turns it into units."""
        _, rx, rz, _, _ = self.section(s)
        return _arc_table(round(rz / rx, 2)), rx


class Geometry:
    """Frames and parts of a :class:`~acupoints.body.model.Body`, ready to compute with."""

    def __init__(self, body: Body) -> None:
        self.body = body
        self.parts = {p.name: p for p in body.parts}
        self.lofts = {p.name: LoftPart.of(p) for p in body.parts if p.shape == "loft"}
        self.frames = {f.name: f for f in body.frames}

    # -- frame <-> part -----------------------------------------------------

    def _y_stations(self, frame: Frame) -> list[tuple[float, float]]:
        loft = self.lofts[frame.part]
        return [(st.cun, loft.s[st.station]) for st in frame.y]

    def s_of_y(self, frame: Frame, y: float) -> float:
        """Distance along the part's axis of a frame's y (cun)."""
        pairs = self._y_stations(frame)
        if len(pairs) == 1:
            assert frame.unit is not None
            return pairs[0][1] + frame.sense * y * frame.unit
        i = min(max(bisect.bisect_right([c for c, _ in pairs], y) - 1, 0), len(pairs) - 2)
        (c0, s0), (c1, s1) = pairs[i], pairs[i + 1]
        return s0 + (y - c0) * (s1 - s0) / (c1 - c0)

    def y_of_s(self, frame: Frame, s: float) -> float:
        pairs = self._y_stations(frame)
        if len(pairs) == 1:
            assert frame.unit is not None
            return (s - pairs[0][1]) / (frame.sense * frame.unit)
        i = min(max(bisect.bisect_right([p for _, p in pairs], s) - 1, 0), len(pairs) - 2)
        (c0, s0), (c1, s1) = pairs[i], pairs[i + 1]
        return c0 + (s - s0) * (c1 - c0) / (s1 - s0)

    def theta_of_x(self, frame: Frame, s: float, x: float) -> float:
        """Angle (radians) round the part of a frame's x (cun) at s."""
        assert frame.unit is not None
        table, scale = self.lofts[frame.part].arc(s)
        start = _arc_at(table, math.radians(_wrap(frame.theta0)))
        return _theta_at(table, start + frame.direction * x * frame.unit / scale)

    def x_of_theta(self, frame: Frame, s: float, theta: float) -> float:
        assert frame.unit is not None
        table, scale = self.lofts[frame.part].arc(s)
        perimeter = table[-1]
        start = _arc_at(table, math.radians(_wrap(frame.theta0)))
        arc = (_arc_at(table, _wrap_rad(theta)) - start) * frame.direction
        arc = (arc + perimeter / 2) % perimeter - perimeter / 2
        return arc * scale / frame.unit

    def to_part(self, frame_name: str, x: float, y: float) -> tuple[float, float]:
        """(s, theta) on the part of a position in cun on a loft frame."""
        frame = self.frames[frame_name]
        s = self.s_of_y(frame, y)
        return s, self.theta_of_x(frame, s, x)

    def from_part(self, frame_name: str, s: float, theta: float) -> tuple[float, float]:
        frame = self.frames[frame_name]
        return self.x_of_theta(frame, s, theta), self.y_of_s(frame, s)

    def convert(self, x: float, y: float, source: str, target: str) -> tuple[float, float]:
        """A position on one frame in the cun of another frame.

        On the same part this is exact; onto another part the spot is carried
        through space to the nearest place round the target part's axis.
        """
        if source == target:
            return x, y
        a, b = self.frames[source], self.frames[target]
        if b.chart != "loft":
            raise ValueError(f"frame {target} takes no positions from other frames")
        if a.part == b.part and a.chart == "loft":
            s, theta = self.to_part(source, x, y)
            return self.from_part(target, s, theta)
        where, _ = self.space(source, x, y)
        s, theta = self.lofts[b.part].locate(where)
        return self.from_part(target, s, theta)

    # -- frame -> space -------------------------------------------------------

    def on_part(self, frame_name: str, x: float, y: float) -> bool:
        """Whether the position falls on its part (not beyond the ends of the loft)."""
        frame = self.frames[frame_name]
        if frame.chart == "sagittal":
            return -70 <= frame.hairline_elevation + y * frame.degrees_per_cun <= 260  # type: ignore[operator]
        s = self.s_of_y(frame, y)
        return -1e-6 <= s <= self.lofts[frame.part].length + 1e-6

    def space(self, frame_name: str, x: float, y: float) -> tuple[Vec, Vec]:
        """The 3-D point and outward normal of a position (left side of the body)."""
        frame = self.frames[frame_name]
        if frame.chart == "sagittal":
            return self._sagittal(frame, x, y)
        s = self.s_of_y(frame, y)
        return self.lofts[frame.part].point(s, self.theta_of_x(frame, s, x))

    def _sagittal(self, frame: Frame, x: float, y: float) -> tuple[Vec, Vec]:
        part = self.parts[frame.part]
        assert part.center is not None and part.radii is not None
        assert frame.hairline_elevation is not None and frame.degrees_per_cun is not None
        phi = math.radians(frame.hairline_elevation + y * frame.degrees_per_cun)
        assert frame.x_degrees_per_cun is not None
        psi = math.radians(x * frame.x_degrees_per_cun)
        d = (math.sin(psi), math.cos(psi) * math.sin(phi), math.cos(psi) * math.cos(phi))
        rx, ry, rz = part.radii
        cx, cy, cz = part.center
        where = (cx + rx * d[0], cy + ry * d[1], cz + rz * d[2])
        normal = _unit((d[0] / rx, d[1] / ry, d[2] / rz))
        return where, normal

    def surface_path(
        self, frame_name: str, start: tuple[float, float], end: tuple[float, float], steps: int = 12
    ) -> list[Vec]:
        """Points along the straight line between two positions of a frame, on the surface."""
        (x0, y0), (x1, y1) = start, end
        return [
            self.space(frame_name, x0 + (x1 - x0) * i / steps, y0 + (y1 - y0) * i / steps)[0]
            for i in range(steps + 1)
        ]


def _wrap(degrees: float) -> float:
    return (degrees + 180) % 360 - 180


def _wrap_rad(theta: float) -> float:
    return (theta + math.pi) % (2 * math.pi) - math.pi
