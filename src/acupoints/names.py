"""Names and notations: resolve any way of writing a point, and fuzzy search.

:func:`resolve` is the one resolver every face uses (API, CLI, HTTP, site).
It accepts, in this order of trust:

1. a code in any notation: ``LI4``, ``li-4``, ``UB23``, ``SJ5``, ``Du20``,
   ``Ren6``, ``P6``, ``Liv3``, ``HE7``, ``EX-B2``;
2. a standard name: hanzi in either script (``合谷``, ``腎俞``), pinyin with
   tones (``Hégǔ``), English (``Union Valley``);
3. a standard name's pinyin without tones, spaces, apostrophes, with ü as u
   or v (``hegu``, ``zu san li``, ``Fu'ai``, ``nvxi``);
4. an alias: another name, an old name (``人中`` for GV26), a reading, or
   another notation (``M-BW-35``, ``GV29`` for Yintang), or the point's TARA
   identifier (``TARA_0913913``);
5. a Korean, Japanese or Vietnamese reading: hangul (``합곡``), kana in
   either script (``ごうこく``, ``ゴウコク``), the romanizations with or without
   long-vowel marks (``hapgok``, ``gōkoku``, ``gokoku``, ``goukoku``), and
   quốc ngữ with or without diacritics (``Hợp cốc``, ``hop coc``).

The first step that matches decides; if it matches more than one point the
answer is :class:`~acupoints.AmbiguousPointError` listing them all (``Zhongdu``
is LR6 Zhōngdū and GB32 Zhōngdú). Nothing found raises
:class:`~acupoints.UnknownPointError` with the closest codes and names.

:func:`search` ranks fuzzy matches (rapidfuzz) over the same names.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ._arguments import MAX_QUERY, query_text
from ._once import once
from ._pinyin import strip_tones, toneless_forms
from .codes import (
    MERIDIAN_CODES,
    NATIONAL_PREFIXES,
    PREFIX_ALIASES,
    national_codes,
    normalize_code,
    normalize_name,
)
from .errors import AmbiguousPointError, UnknownPointError
from .models import Point

if TYPE_CHECKING:
    from .atlas import Atlas

__all__ = ["Match", "NameIndex", "notation_table", "reading_keys", "toneless_forms"]

_HAN = re.compile(r"[\u3400-\u9fff\U00020000-\U0002ffff]")
_NATIVE = re.compile(r"[\u3040-\u30ff\uac00-\ud7a3]")  # kana and hangul syllables
_KATAKANA = {code: code - 0x60 for code in range(0x30A1, 0x30F7)}


def _clean(text: str) -> str:
    """Remove control and format characters, fold width (ｈｅｇｕ), trim."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in text if unicodedata.category(ch)[0] != "C").strip()


def _plain(text: str) -> str:
    """Lower-case letters and digits only: how toneless pinyin and codes compare."""
    return re.sub(r"[^0-9a-zü]", "", strip_tones(text).casefold())


def _folded(text: str) -> str:
    """Readings compared: kana as hiragana, Latin letters without marks (đ as d), no spaces."""
    text = unicodedata.normalize("NFKC", text).translate(_KATAKANA).casefold()
    if _NATIVE.search(text):
        return "".join(text.split())
    text = unicodedata.normalize("NFD", text.replace("đ", "d"))
    return re.sub(r"[^0-9a-z]", "", "".join(ch for ch in text if not unicodedata.combining(ch)))


def reading_keys(tag: str, reading: str) -> set[str]:
    """The keys under which a reading is found: ``gōkoku`` also as gokoku and goukoku.

    >>> sorted(reading_keys("ja-Latn", "Gōkoku")), sorted(reading_keys("vi", "Hợp cốc"))
    (['gokoku', 'goukoku'], ['hopcoc'])
    """
    keys = {_folded(reading)}
    if tag == "ja-Latn":
        spelled = unicodedata.normalize("NFC", reading.casefold())
        keys.add(_folded(spelled.replace("ō", "ou").replace("ū", "uu").replace("ā", "aa").replace("ē", "ee")))
    return keys


@dataclass(frozen=True, slots=True)
class Match:
    """One search result: the point, how well it matched, and what matched."""

    point: Point
    score: float
    field: str
    text: str

    def __repr__(self) -> str:
        return f"Match({self.point.code!r}, {self.score:.0f}, {self.field}={self.text!r})"

    def as_dict(self) -> dict[str, Any]:
        p = self.point
        return {
            "code": p.code,
            "pinyin": p.pinyin,
            "hanzi": p.hanzi,
            "hanzi_traditional": p.hanzi_traditional,
            "english": p.english,
            "meridian": p.meridian,
            "score": round(self.score, 1),
            "matched": {"field": self.field, "text": self.text},
        }


class NameIndex:
    """Every name of every point, indexed for :meth:`resolve` and :meth:`search`."""

    def __init__(self, atlas: Atlas) -> None:
        self.atlas = atlas
        # tier -> key -> codes
        self._exact: dict[str, list[str]] = {}
        self._toneless: dict[str, list[str]] = {}
        self._alias: dict[str, list[str]] = {}
        self._reading: dict[str, list[str]] = {}
        # (field, display text, comparable key, code) for fuzzy search
        self._entries: list[tuple[str, str, str, str]] = []
        for point in atlas.points():
            self._add_point(point)

    @staticmethod
    def _put(index: dict[str, list[str]], key: str, code: str) -> None:
        if key:
            codes = index.setdefault(key, [])
            if code not in codes:
                codes.append(code)

    def _add_point(self, point: Point) -> None:
        code = point.code
        self._entries.append(("code", code, _plain(code), code))
        for hanzi in (point.hanzi, point.hanzi_traditional):
            self._put(self._exact, hanzi, code)
            self._entries.append(("hanzi", hanzi, hanzi, code))
        self._put(self._exact, normalize_name(point.pinyin), code)
        self._put(self._exact, normalize_name(point.english), code)
        self._entries.append(("english", point.english, normalize_name(point.english), code))
        for key in toneless_forms(point.pinyin):
            self._put(self._toneless, key, code)
        self._entries.append(("pinyin", point.pinyin, toneless_forms(point.pinyin)[0], code))
        for alias in point.aliases:
            text = alias.text
            if alias.kind == "notation":
                self._put(self._alias, _plain(text), code)
            elif _HAN.search(text):
                self._put(self._alias, text, code)
            self._put(self._alias, normalize_name(text), code)
            for key in toneless_forms(text):
                self._put(self._alias, key, code)
            if alias.pinyin:
                self._put(self._alias, normalize_name(alias.pinyin), code)
                for key in toneless_forms(alias.pinyin):
                    self._put(self._alias, key, code)
            field = "alias"
            key = text if _HAN.search(text) else _plain(text)
            self._entries.append((field, text, key, code))
            if alias.pinyin:
                self._entries.append((field, alias.pinyin, toneless_forms(alias.pinyin)[0], code))
        if point.xrefs is not None:
            self._put(self._alias, _plain(point.xrefs.tara), code)
        self._add_readings(point)

    def _add_readings(self, point: Point) -> None:
        for tag, reading in point.readings.items():
            keys = reading_keys(tag, reading)
            for key in keys:
                self._put(self._reading, key, point.code)
            self._entries.append((f"reading:{tag}", reading, _folded(reading), point.code))

    # -- resolve ---------------------------------------------------------------

    def _candidates(self, text: str) -> list[str]:
        code = normalize_code(text)
        if code is not None and self.atlas._find_code(code) is not None:
            return [code]
        national = [c for _, c in national_codes(text) if self.atlas._find_code(c) is not None]
        if national:
            return list(dict.fromkeys(national))
        lowered = normalize_name(text)
        for index, keys in (
            (self._exact, (text, lowered)),
            (self._toneless, toneless_forms(text) if not _HAN.search(text) else ()),
            (
                self._alias,
                (text, lowered, _plain(text), *(toneless_forms(text) if not _HAN.search(text) else ())),
            ),
            (self._reading, (_folded(text),)),
        ):
            found: list[str] = []
            for key in keys:
                for match in index.get(key, ()):
                    if match not in found:
                        found.append(match)
            if found:
                return found
        return []

    def resolve(self, text: str) -> Point:
        """The one point ``text`` names (see the module docstring for what is accepted)."""
        text = query_text(text)
        cleaned = _clean(text)[:MAX_QUERY]
        if not cleaned:
            raise UnknownPointError(text, [])
        found = self._candidates(cleaned)
        if len(found) == 1:
            return self.atlas.point(found[0])
        if found:
            raise AmbiguousPointError(text, sorted(found, key=self._order.__getitem__))
        raise UnknownPointError(text, self.suggestions(cleaned))

    def suggestions(self, text: str, limit: int = 3) -> list[str]:
        """The codes to suggest for text that names no point: the closest codes
        when it looks like a code (``LI99`` -> LI9, LI19), else the best search hits."""
        if normalize_code(text) is not None:
            close = self.atlas.closest_codes(text, limit=limit)
            if close:
                return close
        return [m.point.code for m in self.search(text, limit=limit)]

    # -- search ----------------------------------------------------------------

    @once
    def _order(self) -> dict[str, int]:
        return {p.code: i for i, p in enumerate(self.atlas.points())}

    @once
    def _choices(self) -> list[str]:
        return [key for _, _, key, _ in self._entries]

    def search(self, text: str, limit: int = 10) -> list[Match]:
        """Points whose code or names resemble ``text``, best first, each saying what matched.

        Exact matches of the resolver come first with score 100.
        """
        from rapidfuzz import fuzz, process

        cleaned = _clean(query_text(text, "search text"))[:MAX_QUERY]
        if not cleaned or limit <= 0:
            return []
        best: dict[str, Match] = {}
        for code in self._candidates(cleaned):
            point = self.atlas.point(code)
            best[code] = Match(point, 100.0, "exact", cleaned)
        han = bool(_HAN.search(cleaned))
        if han:
            queries = {cleaned}
        elif _NATIVE.search(cleaned):
            queries = {_folded(cleaned)}
        else:
            queries = {_plain(cleaned), normalize_name(cleaned), *toneless_forms(cleaned), _folded(cleaned)}
        for query in (q for q in queries if q):
            hits = process.extract(
                query, self._choices, scorer=fuzz.WRatio, limit=max(limit * 3, 10), score_cutoff=60
            )
            for _key, score, position in hits:
                field, shown, key, code = self._entries[position]
                # prefer whole-word similarity over partial matches of long names
                score = min(score, fuzz.ratio(query, key) + 15)
                if field.startswith("reading:") and not _NATIVE.search(query):
                    # short romanizations resemble many names: the Chinese names win a tie
                    score -= 8
                current = best.get(code)
                if current is None or score > current.score:
                    best[code] = Match(self.atlas.point(code), float(score), field, shown)
        ranked = sorted(best.values(), key=lambda m: (-m.score, self._order[m.point.code]))
        return ranked[:limit]


def notation_table() -> list[dict[str, str]]:
    """The code notations the resolver accepts, for documentation.

    One row per meridian: the WHO code, every other English prefix in use, and
    the French and German prefixes (``NATIONAL_PREFIXES``).
    """
    others: dict[str, list[str]] = {code: [] for code in MERIDIAN_CODES}
    for prefix, code in PREFIX_ALIASES.items():
        others[code].append(prefix)
    national: dict[str, dict[str, list[str]]] = {
        name: {code: [p for p, c in table.items() if c == code] for code in MERIDIAN_CODES}
        for name, table in NATIONAL_PREFIXES.items()
    }
    return [
        {
            "code": code,
            "other notations": ", ".join(sorted(others[code])),
            "french": ", ".join(national["fr"][code]),
            "german": ", ".join(national["de"][code]),
            "example": f"{code}4",
        }
        for code in MERIDIAN_CODES
    ]
