"""What ``acupoints show`` and ``acupoints meridian`` print of the readings, codes and xrefs."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .models import Point

__all__ = ["name_lines", "only_langs", "reading_lines"]

_LANGUAGES = {"ko": "Korean", "ja": "Japanese", "vi": "Vietnamese"}


def name_lines(readings: Mapping[Any, str], langs: tuple[str, ...] = ()) -> list[str]:
    """``Korean: 합곡 (Hapgok)`` ... for the languages asked for (all by default)."""
    named = {str(k): v for k, v in readings.items()}
    lines = []
    for tag, language in _LANGUAGES.items():
        if tag in named and (not langs or tag in langs):
            latin = named.get(f"{tag}-Latn")
            lines.append(f"{language}: {named[tag]}" + (f" ({latin})" if latin else ""))
    return lines


def reading_lines(point: Point, langs: tuple[str, ...] = ()) -> list[str]:
    """The name in Korean, Japanese and Vietnamese, the national codes, the TARA identifier."""
    lines = name_lines(point.readings, langs)
    if point.meridian is not None:
        from .codes import NATIONAL_PREFIXES

        codes = [
            f"{prefix}{point.number} ({name})"
            for name, table in NATIONAL_PREFIXES.items()
            for prefix, code in table.items()
            if code == point.meridian and prefix != "Due"
        ]
        lines.append("French and German codes: " + ", ".join(codes))
    if point.xrefs is not None:
        surface = f"; surface {point.xrefs.surface}" if point.xrefs.surface else ""
        lines.append(f"TARA: {point.xrefs.tara} {point.xrefs.tara_url}{surface}")
    return lines


def only_langs(record: dict[str, Any], langs: tuple[str, ...]) -> dict[str, Any]:
    """A point's JSON with only the readings of ``langs`` (all when empty)."""
    if langs:
        kept = {k: v for k, v in record["readings"].items() if k.split("-")[0] in langs}
        record = {**record, "readings": kept}
    return record
