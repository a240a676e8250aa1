"""What every body chart draws with: points placed in 3-D, the screen map, the figure.

The point charts (:mod:`.charts`), the panels of several points
(:mod:`.panels`), the whole-body overview and the atlas views all place points
with :func:`placed`, fit a crop box to the canvas with :class:`Screen` and draw
the figure's outlines and features with :func:`draw_figure`; outlines and
features are computed once per view and cached on the body model.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..placement import Position
from .figure import Outline, feature_runs, outlines, path_data, polyline_data
from .geometry import Vec, mirror
from .svg import WIDTH, Canvas
from .views import VIEWS, View, facing, project

if TYPE_CHECKING:
    from . import BodyModel
    from .charted import Charted

__all__ = [
    "MAX_HEIGHT",
    "PAD",
    "Placed",
    "Screen",
    "add_clip",
    "best_view",
    "cached_runs",
    "crop_box",
    "draw_figure",
    "link_to",
    "part_of",
    "placed",
    "point_title",
    "view_features",
    "view_outlines",
]

MAX_HEIGHT = 520
"""The tallest a chart's view is drawn, in canvas units."""
PAD = 14
"""The margin round a view on the canvas, in canvas units."""
_BROWS = 69.9
"""Height (model units) above which the face's edge merges into the skull's."""


@dataclass(frozen=True)
class Placed:
    """A point's position in 3-D, both sides."""

    point: Charted
    position: Position
    where: Vec
    normal: Vec

    def sides(self) -> list[tuple[Vec, Vec, bool]]:
        out = [(self.where, self.normal, False)]
        if self.point.location.side == "bilateral":
            out.append((mirror(self.where), mirror(self.normal), True))
        return out


def placed(body: BodyModel, point: Charted) -> list[Placed]:
    """Every place of a point in 3-D (cached on the body model)."""
    cache = body.cache.setdefault("placed", {})
    key = (point.code, id(point))
    found = cache.get(key)
    if found is None:
        loc = point.location
        positions = loc.positions or ((loc.position,) if loc.position else ())
        found = []
        for pos in positions:
            where, normal = body.geometry.space(pos.frame, pos.x, pos.y)
            found.append(Placed(point, pos, where, normal))
        cache[key] = found
    return list(found)


def view_features(body: BodyModel, v: View) -> list[list[tuple[float, float]]]:
    """The figure's features (eyes, lips, navel, spine) as the view sees them, once per view."""
    cache = body.cache.setdefault("features", {})
    if v.name not in cache:
        runs: list[list[tuple[float, float]]] = []
        for feature in body.data.features:
            if v.draws(body.frame(feature.frame).part):
                spots = {lm.name: (lm.x, lm.y) for lm in body.data.landmarks if lm.frame == feature.frame}
                runs += feature_runs(body.geometry, feature, spots, v)
        cache[v.name] = runs
    return list(cache[v.name])


def cached_runs(
    body: BodyModel, key: tuple[object, ...], make: Callable[[], list[list[tuple[float, float]]]]
) -> list[list[tuple[float, float]]]:
    cache = body.cache.setdefault("runs", {})
    if key not in cache:
        cache[key] = make()
    return list(cache[key])


def view_outlines(body: BodyModel, v: View) -> list[Outline]:
    cache = body.cache.setdefault("outlines", {})
    if v.name not in cache:
        cache[v.name] = outlines(body.geometry, v)
    return list(cache[v.name])


def point_title(point: Charted) -> str:
    return f"{point.code} {point.pinyin} {point.hanzi} — {point.english}"


def part_of(body: BodyModel, pos: Position) -> str:
    return body.frame(pos.frame).part


class Screen:
    """The map from a view's model units to the canvas, fitted to a crop box."""

    def __init__(
        self,
        v: View,
        box: tuple[float, float, float, float],
        top: float = 0.0,
        max_height: float = MAX_HEIGHT,
        canvas_width: float = WIDTH,
    ) -> None:
        u0, v0, u1, v1 = box
        self.view = v
        self.top = top
        width, height = max(u1 - u0, 1e-3), max(v1 - v0, 1e-3)
        self.k = min((canvas_width - 2 * PAD) / width, (max_height - 2 * PAD) / height)
        self.ox = (canvas_width - width * self.k) / 2 - u0 * self.k
        self.oy = top + PAD + v1 * self.k
        self.height = height * self.k + 2 * PAD

    def __call__(self, p: tuple[float, float]) -> tuple[float, float]:
        return self.ox + p[0] * self.k, self.oy - p[1] * self.k

    def of(self, where: Vec) -> tuple[float, float]:
        return self(project(self.view, where))


def crop_box(
    points: Sequence[tuple[float, float]], margin: float, minimum: float
) -> tuple[float, float, float, float]:
    us, vs = [p[0] for p in points], [p[1] for p in points]
    u0, u1, v0, v1 = min(us) - margin, max(us) + margin, min(vs) - margin, max(vs) + margin
    if u1 - u0 < minimum:
        c = (u0 + u1) / 2
        u0, u1 = c - minimum / 2, c + minimum / 2
    if v1 - v0 < minimum:
        c = (v0 + v1) / 2
        v0, v1 = c - minimum / 2, c + minimum / 2
    return u0, v0, u1, v1


def draw_figure(body: BodyModel, canvas: Canvas, screen: Screen, clip: str, per_unit: int = 10) -> None:
    canvas.add("figure", f'<g clip-path="url(#{clip})">')
    seen = (-4.0, screen.top - 4, canvas.width + 4, screen.top + screen.height + 4)
    for index, outline in enumerate(view_outlines(body, screen.view)):
        # each outline once, stroked and then filled by reference (half the bytes); only what is seen
        d = path_data(outline.polygons, screen, per_unit, within=seen)
        if not d:
            continue
        shape = f"{clip}-o{index}"
        canvas.add("figure", f'<defs><path id="{shape}" d="{d}"/></defs>')
        edge = f'<use class="fig-edge" href="#{shape}"/>'
        if outline.group == "face" and screen.view.up == (0.0, 1.0, 0.0):
            # the face meets the skull without a seam: its edge is drawn below the brows only
            top = screen((0.0, _BROWS))[1]
            canvas.add(
                "figure",
                f'<clipPath id="{clip}-face"><rect x="0" y="{top:.1f}" width="{canvas.width:g}" height="{canvas.height:.0f}"/></clipPath>',
            )
            edge = f'<g clip-path="url(#{clip}-face)">{edge}</g>'
        canvas.add("figure", f'{edge}<use class="fig-fill" href="#{shape}"/>')
    runs = view_features(body, screen.view)
    if runs:
        canvas.add("figure", f'<path class="feature" d="{polyline_data(runs, screen)}"/>')
    canvas.add("figure", "</g>")
    canvas.clip = clip


def add_clip(canvas: Canvas, name: str, top: float, height: float) -> None:
    canvas.add(
        "figure",
        f'<clipPath id="{name}"><rect x="0" y="{top:.1f}" width="{canvas.width:g}" height="{height:.1f}"/></clipPath>',
    )


def best_view(body: BodyModel, spot: Placed, names: Sequence[str]) -> View:
    part = part_of(body, spot.position)
    choices = [VIEWS[n] for n in names if VIEWS[n].shows(part) and VIEWS[n].draws(part)]
    return max(choices, key=lambda v: facing(v, spot.normal))


def link_to(pattern: str | None, code: str) -> str | None:
    return pattern.format(code=code) if pattern else None
