"""The Korean, Japanese and Vietnamese readings, the French and German codes and the
ontology links on point and meridian pages, and the search terms they add."""

from __future__ import annotations

import unicodedata

from acupoints import Meridian, Point
from acupoints.names import reading_keys

__all__ = ["national_notations", "reading_keywords", "reading_rows"]

_LANGUAGES = {"ko": "Korean", "ja": "Japanese", "vi": "Vietnamese"}


def reading_rows(point: Point | Meridian) -> list[str]:
    """The Korean, Japanese and Vietnamese readings, and the ontology links, as table rows."""
    r = point.readings
    rows = []
    for tag, language in _LANGUAGES.items():
        if tag in r:
            latin = r.get(f"{tag}-Latn")
            shown = f"<span lang='{tag}'>{r[tag]}</span>" + (f" ({latin})" if latin else "")
            rows.append(f"| {language} | {shown} |")
    xrefs = getattr(point, "xrefs", None)
    if xrefs is not None:
        links = [f"TARA [{xrefs.tara}]({xrefs.tara_url})"]
        if xrefs.surface is not None:
            links.append(f"body surface [{xrefs.surface}]({xrefs.surface_url})")
        links.append("([tara-ontology](../sources.md#tara-ontology))")
        rows.append(f"| Ontologies | {' · '.join(links)} |")
    return rows


def reading_keywords(point: Point) -> list[str]:
    """What site search should find the point by: each reading as written, in katakana,
    and without marks (``hop coc``, ``gokoku``, ``goukoku``)."""
    words: list[str] = []
    for tag, reading in point.readings.items():
        words.append(reading)
        if tag == "ja":
            words.append("".join(chr(ord(c) + 0x60) if "ぁ" <= c <= "ゖ" else c for c in reading))
        if tag == "vi":
            plain = reading_keys(tag, reading)
            words += sorted(plain)
            words.append(_unmarked(reading))
        elif tag.endswith("-Latn"):
            words += sorted(reading_keys(tag, reading))
    unique: dict[str, str] = {}
    for word in words:
        unique.setdefault(word.casefold(), word)
    return list(unique.values())


def _unmarked(text: str) -> str:
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()


def national_notations(meridian: str, number: int | str) -> list[str]:
    """The point's code in the French and German notations (``V23``, ``Bl23``), from the resolver's table."""
    from acupoints.codes import NATIONAL_PREFIXES

    return [
        f"{prefix}{number} ({name})"
        for name, table in NATIONAL_PREFIXES.items()
        for prefix, code in table.items()
        if code == meridian and prefix != "Due"
    ]
