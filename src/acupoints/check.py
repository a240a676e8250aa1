"""Dictionary checks of the names: readings (pypinyin) and scripts (OpenCC).

These need the ``check`` extra (``pip install "acupoints[check]"``) and are
slow to set up, so they never run at import or load time: the test suite and
``acupoints check`` call them.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from pathlib import Path

from ._loader import load_folder
from ._pinyin import split_syllables
from ._reading_exceptions import load_other_reading_exceptions, load_reading_exceptions
from .errors import Problem
from .models import AtlasData

__all__ = ["check_folder", "name_problems"]


def _names(atlas: AtlasData) -> Iterator[tuple[str, str, str, str, str | None]]:
    """(file, record, pinyin, hanzi, traditional) for every named record."""
    for meridian in atlas.meridians:
        yield (
            "meridians.yaml",
            meridian.code,
            meridian.pinyin,
            meridian.hanzi.replace(" ", ""),
            meridian.hanzi_traditional,
        )
    for vessel in atlas.vessels:
        yield "meridians.yaml", vessel.code, vessel.pinyin, vessel.hanzi, vessel.hanzi_traditional
    for point in atlas.points:
        file = f"points/{point.group}.yaml"
        yield file, point.code, point.pinyin, point.hanzi, point.hanzi_traditional
        for alias in point.aliases:
            if alias.pinyin:
                yield file, f"{point.code} alias {alias.text}", alias.pinyin, alias.text, None


def name_problems(
    atlas: AtlasData,
    readings: dict[str, set[str]] | None = None,
    forms: dict[str, str] | None = None,
) -> list[Problem]:
    """Every pinyin syllable that is not a known reading of its character, and
    every traditional form that OpenCC does not map to the simplified one.

    ``readings`` and ``forms`` are the exceptions from ``reading-exceptions.yaml``.
    """
    import opencc
    from pypinyin.pinyin_dict import pinyin_dict

    readings = readings or {}
    forms = forms or {}
    t2s = opencc.OpenCC("t2s")
    problems: list[Problem] = []
    for file, record, pinyin, hanzi, traditional in _names(atlas):
        syllables = split_syllables(pinyin, len(hanzi))
        if syllables is None:
            problems.append(Problem(file, record, "pinyin", f"{pinyin!r} is not {len(hanzi)} syllables"))
            continue
        for char, syllable in zip(hanzi, syllables, strict=True):
            known = set(pinyin_dict.get(ord(char), "").split(","))
            known |= readings.get(char, set())
            syllable = unicodedata.normalize("NFC", syllable)
            if syllable not in known:
                listed = ", ".join(sorted(k for k in known if k)) or "none"
                problems.append(
                    Problem(
                        file, record, "pinyin", f"{syllable!r} is not a reading of {char} (known: {listed})"
                    )
                )
        if traditional is None:
            continue
        converted = "".join(forms.get(ch) or t2s.convert(ch) for ch in traditional)
        if converted != hanzi:
            problems.append(
                Problem(
                    file,
                    record,
                    "hanzi_traditional",
                    f"OpenCC maps {traditional} to {converted}, not {hanzi}",
                )
            )
    return problems


def check_folder(root: Path) -> list[Problem]:
    """Load a data folder and run the dictionary checks; problems, if any.

    Raises :class:`~acupoints.errors.DataError` if the folder does not load.
    """
    from .check_readings import reading_problems

    atlas = load_folder(root)
    readings, forms = load_reading_exceptions(root)
    others, _ = load_other_reading_exceptions(root)
    return name_problems(atlas, readings, forms) + reading_problems(atlas, others)
