"""The order in which :meth:`Atlas.resolve` tries codes, national notations and names."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from .codes import NOTATIONS, national_codes
from .errors import UnknownNotationError, UnknownPointError

if TYPE_CHECKING:
    from .atlas import Atlas
    from .models import Point

__all__ = ["resolve_point"]

_NOTATION_NAMES = {"fr": "French", "de": "German"}


def _first_point(atlas: Atlas, codes: Iterable[str]) -> Point | None:
    for code in codes:
        found = atlas._find_code(code)
        if found is not None:
            return found
    return None


def resolve_point(atlas: Atlas, text: str, notation: str | None = None) -> Point:
    """With ``notation`` ("fr", "de"), that notation's reading of a code first; then
    WHO and English codes, then French and German codes that clash with nothing,
    then the name index. A French or German code that needs its notation (French
    ``C7``, also a vertebra) is named in the error."""
    if notation is not None and notation not in NOTATIONS:
        raise UnknownNotationError(notation, list(NOTATIONS))
    national = [] if notation == "en" else national_codes(text, notation)
    if notation is not None:
        found = _first_point(atlas, (code for _, code in national))
        if found is not None:
            return found
    # codes first: they need no name index (which builds every point)
    found = atlas._find_code(text) or _first_point(atlas, (code for _, code in national))
    if found is not None:
        return found
    try:
        return atlas.names.resolve(text)
    except UnknownPointError as error:
        others = [
            (n, c)
            for n, c in national_codes(text, "fr") + national_codes(text, "de")
            if atlas._find_code(c) is not None
        ]
        if notation is None and others:
            name, code = others[0]
            suggestions = list(dict.fromkeys([code, *error.suggestions]))
            hint = f"in the {_NOTATION_NAMES[name]} notation {text} is {code}: ask with notation={name!r}"
            raise UnknownPointError(text, suggestions, hint=hint) from None
        raise
