"""Build models from data that was validated when the wheel was built.

The wheel ships the data compiled to JSON by the same loader and models
(``hatch_build.py``), so at start-up it need not be validated again: this
module turns that JSON into model instances with ``model_construct``, which
skips pydantic's validator (and the cost of compiling it). A test checks that
the result equals what full validation gives.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import BaseModel

__all__ = ["construct"]

M = TypeVar("M", bound=BaseModel)
_Convert = Callable[[Any], Any]
_plans: dict[type[BaseModel], dict[str, tuple[str, _Convert]]] = {}


def _identity(value: Any) -> Any:
    return value


def _converter(annotation: Any) -> _Convert:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _converter(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(options) == 1:
            inner = _converter(options[0])
            if inner is _identity:
                return _identity
            return lambda value: None if value is None else inner(value)
        return _identity
    if origin is tuple:
        args = typing.get_args(annotation)
        if len(args) == 2 and args[1] is Ellipsis:
            item = _converter(args[0])
            if item is not _identity:
                return lambda value: tuple(item(v) for v in value)
        return tuple
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        model = annotation
        return lambda value: construct(model, value)
    return _identity


def _plan(model: type[BaseModel]) -> dict[str, tuple[str, _Convert]]:
    """For each key of the JSON (a field's alias where it has one): the field and its converter."""
    plan = _plans.get(model)
    if plan is None:
        plan = {
            (field.alias or name): (name, _converter(field.annotation))
            for name, field in model.model_fields.items()
        }
        _plans[model] = plan
    return plan


def construct(model: type[M], data: dict[str, Any]) -> M:
    """An instance of ``model`` from already-validated JSON data, without validation."""
    plan = _plan(model)
    fields = {}
    for key, value in data.items():
        name, convert = plan[key]
        fields[name] = convert(value)
    return model.model_construct(**fields)
