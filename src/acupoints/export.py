"""JSON export of an atlas: the document other apps read.

``acupoints export`` prints :func:`export_json`. Its shape is the
:class:`~acupoints.models.AtlasData` model, so the JSON Schema of that model
describes it and :func:`acupoints.load` can read it back.
"""

from __future__ import annotations

import json
from typing import Any

from .atlas import Atlas
from .models import Point

__all__ = ["SCHEMA_VERSION", "export_data", "export_json", "point_data"]

SCHEMA_VERSION = 1
"""Bumped whenever a field is removed or changes meaning; additions keep it."""


def point_data(point: Point) -> dict[str, Any]:
    """One point as JSON-ready data, every field present."""
    return point.model_dump(mode="json")


def export_data(atlas: Atlas) -> dict[str, Any]:
    """The whole atlas as JSON-ready data, every field present."""
    return {
        "schema_version": SCHEMA_VERSION,
        **atlas.data.model_dump(mode="json", exclude={"schema_version"}),
    }


def export_json(atlas: Atlas, *, indent: int | None = 2) -> str:
    """The whole atlas as a JSON string (UTF-8 text, hanzi unescaped)."""
    return json.dumps(export_data(atlas), ensure_ascii=False, indent=indent)
