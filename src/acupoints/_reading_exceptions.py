"""The reading exceptions of a data folder (``reading-exceptions.yaml``).

Readings that the checks of ``acupoints check`` and the tests would otherwise
refuse, each with a reason: extra pinyin readings and hanzi forms, and the
Korean, Japanese and Vietnamese readings of characters and whole names.
"""

from __future__ import annotations

from pathlib import Path

from ._loader import _Collector
from .errors import DataError

__all__ = ["load_other_reading_exceptions", "load_reading_exceptions"]


def load_reading_exceptions(root: Path) -> tuple[dict[str, set[str]], dict[str, str]]:
    """Read ``reading-exceptions.yaml``: extra pinyin readings and hanzi forms.

    Returns ``(readings, forms)``: ``readings[char]`` is a set of tone-marked
    readings to accept for ``char``; ``forms[traditional] = simplified`` maps a
    traditional character to the simplified one we use where OpenCC differs.
    Every entry must give a reason.
    """
    col = _Collector(root)
    path = root / "reading-exceptions.yaml"
    data = col.read(path) if path.exists() else {}
    readings: dict[str, set[str]] = {}
    forms: dict[str, str] = {}
    if isinstance(data, dict):
        for index, entry in enumerate(data.get("pinyin") or []):
            if (
                not isinstance(entry, dict)
                or not entry.get("reason")
                or not entry.get("char")
                or not entry.get("reading")
            ):
                col.add(path, None, f"pinyin[{index}]", "needs char, reading and reason")
                continue
            readings.setdefault(str(entry["char"]), set()).add(str(entry["reading"]))
        for index, entry in enumerate(data.get("hanzi") or []):
            if (
                not isinstance(entry, dict)
                or not entry.get("reason")
                or not entry.get("traditional")
                or not entry.get("simplified")
            ):
                col.add(path, None, f"hanzi[{index}]", "needs traditional, simplified and reason")
                continue
            forms[str(entry["traditional"])] = str(entry["simplified"])
    elif data is not None:
        col.add(path, None, None, "expected a mapping with 'pinyin' and 'hanzi' lists")
    if col.problems:
        raise DataError(col.problems)
    return readings, forms


def load_other_reading_exceptions(
    root: Path,
) -> tuple[dict[str, dict[str, set[str]]], dict[tuple[str, str], str]]:
    """Read the Korean, Japanese and Vietnamese parts of ``reading-exceptions.yaml``.

    Returns ``(chars, names)``: ``chars[tag][char]`` is a set of readings to
    accept for ``char`` in the ``ko``, ``ja`` or ``vi`` reading;
    ``names[(code, tag)]`` is a whole name read against its characters'
    plain readings. Every entry must give a reason.
    """
    col = _Collector(root)
    path = root / "reading-exceptions.yaml"
    data = col.read(path) if path.exists() else {}
    chars: dict[str, dict[str, set[str]]] = {"ko": {}, "ja": {}, "vi": {}}
    names: dict[tuple[str, str], str] = {}
    if not isinstance(data, dict):
        data = {}
    for tag, table in chars.items():
        for index, entry in enumerate(data.get(tag) or []):
            if not isinstance(entry, dict) or not all(entry.get(k) for k in ("char", "reading", "reason")):
                col.add(path, None, f"{tag}[{index}]", "needs char, reading and reason")
                continue
            table.setdefault(str(entry["char"]), set()).add(str(entry["reading"]))
    for index, entry in enumerate(data.get("names") or []):
        needed = ("point", "tag", "reading", "reason")
        if not isinstance(entry, dict) or not all(entry.get(k) for k in needed):
            col.add(path, None, f"names[{index}]", "needs point, tag, reading and reason")
            continue
        names[(str(entry["point"]), str(entry["tag"]))] = str(entry["reading"])
    if col.problems:
        raise DataError(col.problems)
    return chars, names
