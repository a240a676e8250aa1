"""What :func:`acupoints.chart` draws, chosen from an atlas: points, a meridian or a complaint."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from . import BodyModel, default_body
from .charts import panel_chart, point_chart
from .views import WHOLE_BODY

if TYPE_CHECKING:
    from ..atlas import Atlas

__all__ = ["render_chart"]


def render_chart(
    atlas: Atlas,
    codes: Sequence[str],
    *,
    meridian: str | None = None,
    complaint: str | None = None,
    pregnant: bool = False,
    view: str | None = None,
    link: str | None = "#{code}",
) -> str:
    """An SVG chart: see :func:`acupoints.chart`."""
    body = default_body() if atlas.origin == _default_origin() else _body_of(atlas)
    chosen = [v for v in (view,) if v]
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
    if not codes:
        raise ValueError("chart() needs point codes, a meridian or a complaint")
    points = [atlas.point(c) for c in codes]
    if len(points) == 1:
        return point_chart(body, points[0], atlas.points(), view_name=view, link=link)
    return panel_chart(
        body, points, views=chosen or WHOLE_BODY, title=", ".join(p.code for p in points), link=link
    )


def _default_origin() -> str:
    from .._default import default_atlas

    return default_atlas().origin


def _body_of(atlas: Atlas) -> BodyModel:
    from pathlib import Path

    return BodyModel.from_folder(Path(atlas.origin))
