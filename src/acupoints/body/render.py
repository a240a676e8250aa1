"""What :func:`acupoints.chart` draws, chosen from an atlas: points, a meridian or a complaint."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from . import BodyModel, default_body
from .charted import charted_points
from .charts import point_chart
from .panels import panel_chart
from .views import WHOLE_BODY

if TYPE_CHECKING:
    from ..atlas import Atlas
    from ..models import Point

__all__ = ["body_of", "nearby_points", "render_chart"]


def render_chart(
    atlas: Atlas,
    codes: Sequence[str],
    *,
    meridian: str | None = None,
    complaint: str | None = None,
    vessel: str | None = None,
    pregnant: bool = False,
    view: str | None = None,
    link: str | None = "#{code}",
    overview: bool = False,
) -> str:
    """An SVG chart: see :func:`acupoints.chart`."""
    body = body_of(atlas)
    chosen = [v for v in (view,) if v]
    if vessel is not None:
        found = atlas.vessel(vessel)
        members = atlas.vessel_points(found.code)
        return panel_chart(
            body,
            members,
            chain=True,
            views=chosen or WHOLE_BODY,
            title=f"{found.english}: its trajectory",
            link=link,
            sequence=[p.code for p in members],
        )
    if meridian is not None:
        m = atlas.meridian(meridian)
        points = atlas.points(m.code)
        return panel_chart(
            body, points, chain=True, views=chosen or WHOLE_BODY, title=f"{m.code} {m.english}", link=link
        )
    if complaint is not None:
        answer = atlas.candidates(complaint, pregnant=pregnant)
        roles: dict[str, str] = {c.code: c.role for c in answer}
        points = [atlas.point(c.code) for c in answer]
        return panel_chart(
            body,
            points,
            roles=roles,
            views=chosen or WHOLE_BODY,
            title=f"{answer.complaint.label}: {len(points)} candidates by role",
            link=link,
        )
    if not codes and view in WHOLE_BODY:
        from .atlas import atlas_chart

        return atlas_chart(body, atlas.points(), view, link=link)
    if not codes:
        raise ValueError("chart() needs point codes, a meridian, a complaint, a vessel or a whole-body view")
    points = [atlas.point(c) for c in codes]
    if overview:
        if len(points) != 1:
            raise ValueError("an overview chart shows one point")
        from .overview import overview_chart

        return overview_chart(body, points[0], view_name=view, link=link)
    if len(points) == 1:
        return point_chart(body, points[0], charted_points(body, atlas), view_name=view, link=link)
    return panel_chart(
        body, points, views=chosen or WHOLE_BODY, title=", ".join(p.code for p in points), link=link
    )


def nearby_points(atlas: Atlas, code: str, limit: int = 8) -> list[Point]:
    """See :func:`acupoints.nearby`."""
    from .nearby import nearest_points

    point = atlas.point(code)
    return [p for p, _ in nearest_points(body_of(atlas), point, atlas.points(), limit)]


def body_of(atlas: Atlas) -> BodyModel:
    """The body model that goes with an atlas's data (the shipped one, read once)."""
    return default_body() if atlas.origin == _default_origin() else _body_of(atlas)


def _default_origin() -> str:
    from .._default import default_atlas

    return default_atlas().origin


def _body_of(atlas: Atlas) -> BodyModel:
    from pathlib import Path

    return BodyModel.from_folder(Path(atlas.origin))
