"""The one canonical form of the data files, so that every change is a small diff.

Keys follow the order of the model's fields, lists of plain values are
written inline when they fit on a line, and a leading comment block is kept.
``scripts/format_data.py`` rewrites the files; a test checks them.
"""

from __future__ import annotations

import types
import typing
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from ._clinical_models import Combination, DerivedCombinations
from .body.model import Feature, Frame, Landmark, Measurement, Part
from .models import Complaint, Meridian, Point, Region, Source, Vessel

__all__ = ["canonical_text", "canonicalize_file"]

_TOP_LEVEL: dict[str, dict[str, type[BaseModel]]] = {
    "meridians.yaml": {"meridians": Meridian, "vessels": Vessel},
    "regions.yaml": {"regions": Region},
    "sources.yaml": {"sources": Source},
    "complaints.yaml": {"complaints": Complaint},
    "combinations.yaml": {"combinations": Combination, "derived": DerivedCombinations},
}
# files named otherwise (points/*.yaml, body/landmarks/*.yaml): by their top-level key
_BY_KEY: dict[str, type[BaseModel]] = {
    "points": Point,
    "parts": Part,
    "frames": Frame,
    "landmarks": Landmark,
    "measurements": Measurement,
    "features": Feature,
}
_INLINE_WIDTH = 90


def _nested_model(annotation: Any) -> type[BaseModel] | None:
    """The model inside an annotation such as ``tuple[Alias, ...] | None``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (tuple, list, typing.Union, types.UnionType, typing.Annotated):
        for arg in typing.get_args(annotation):
            found = _nested_model(arg)
            if found is not None:
                return found
    return None


def _order(value: Any, model: type[BaseModel] | None) -> Any:
    if isinstance(value, list):
        return [_order(item, model) for item in value]
    if not isinstance(value, dict) or model is None:
        return value
    fields = list(model.model_fields)
    rank = {name: i for i, name in enumerate(fields)}
    by_alias = {info.alias: name for name, info in model.model_fields.items() if info.alias}
    rank.update({alias: rank[name] for alias, name in by_alias.items()})
    out = {}
    for key in sorted(value, key=lambda k: (rank.get(k, len(fields)), str(k))):
        info = model.model_fields.get(by_alias.get(key, key))
        out[key] = _order(value[key], _nested_model(info.annotation) if info else None)
    return out


class _Dumper(yaml.SafeDumper):
    pass


def _represent_list(dumper: yaml.SafeDumper, data: list[Any]) -> yaml.Node:
    plain = all(isinstance(item, (str, int, float)) and not isinstance(item, bool) for item in data)
    inline = plain and len(", ".join(map(str, data))) <= _INLINE_WIDTH
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=inline)


_Dumper.add_representer(list, _represent_list)


def canonical_text(text: str, file_name: str) -> str:
    """The canonical form of a data file's text."""
    header = []
    for line in text.splitlines():
        if line.startswith("#"):
            header.append(line)
        else:
            break
    data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506
    if isinstance(data, dict):
        models = _TOP_LEVEL.get(file_name, _BY_KEY)
        data = {key: _order(value, models.get(key)) for key, value in data.items()}
    body = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=10**6, indent=2)
    return "\n".join([*header, body.rstrip("\n")]) + "\n"


def canonicalize_file(path: Path) -> bool:
    """Rewrite a file in canonical form; True if it changed."""
    text = path.read_text(encoding="utf-8")
    new = canonical_text(text, path.name)
    if new != text:
        path.write_text(new, encoding="utf-8")
        return True
    return False
