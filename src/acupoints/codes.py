"""Point-code notations and their normalisation.

WHO codes are canonical (``LI4``, ``BL23``, ``EX-B2``). People also write
``li-4``, ``UB 23``, ``SJ5``, ``Du20``, ``Ren6``, ``P6``, ``Liv3``, ``HE7``:
:func:`normalize_code` turns any of them into the WHO code, without checking
that the point exists.
"""

from __future__ import annotations

import re

__all__ = [
    "EXTRA_GROUPS",
    "EXTRA_GROUP_COUNTS",
    "MAX_CODE_LENGTH",
    "MERIDIAN_CODES",
    "NATIONAL_PREFIXES",
    "NOTATIONS",
    "PREFIX_ALIASES",
    "VERTEBRAL_LEVELS",
    "national_codes",
    "normalize_code",
    "normalize_name",
    "split_code",
]

MERIDIAN_CODES: tuple[str, ...] = (
    "LU", "LI", "ST", "SP", "HT", "SI", "BL", "KI", "PC", "TE", "GB", "LR", "GV", "CV",
)  # fmt: skip
"""The 14 meridians in the order of the 24-hour flow, GV and CV last."""

EXTRA_GROUPS: dict[str, str] = {
    "EX-HN": "Extra points of the head and neck",
    "EX-CA": "Extra points of the chest and abdomen",
    "EX-B": "Extra points of the back",
    "EX-UE": "Extra points of the upper extremities",
    "EX-LE": "Extra points of the lower extremities",
}
"""The WHO extra-point groups and what they cover."""

VERTEBRAL_LEVELS: tuple[str, ...] = (
    *(f"C{i}" for i in range(1, 8)),
    *(f"T{i}" for i in range(1, 13)),
    *(f"L{i}" for i in range(1, 6)),
    *(f"S{i}" for i in range(1, 6)),
    "Co",
)
"""Vertebral levels from the atlas down to the coccyx, in order."""

EXTRA_GROUP_COUNTS: dict[str, int] = {"EX-HN": 15, "EX-CA": 1, "EX-B": 9, "EX-UE": 11, "EX-LE": 12}
"""How many points each group has in the WHO standard (48 in all)."""

PREFIX_ALIASES: dict[str, str] = {
    "UB": "BL", "B": "BL",
    "SJ": "TE", "TW": "TE", "TB": "TE",
    "DU": "GV",
    "REN": "CV", "RN": "CV",
    "CO": "LI",
    "P": "PC", "HC": "PC", "PE": "PC",
    "LIV": "LR", "LV": "LR",
    "HE": "HT", "H": "HT",
    "K": "KI", "KD": "KI",
}  # fmt: skip
"""Other prefixes in use, upper-cased, mapped to the WHO meridian code.

Single letters that different traditions use for different channels (L, S,
G, T, D) are left out on purpose: a wrong guess is worse than none."""

NOTATIONS: dict[str, str] = {
    "en": "English (WHO codes and the English prefixes above)",
    "fr": "French (AFERA charts: P, GI, E, RP, C, IG, V, R, MC, TR, VB, F, VG, VC)",
    "de": "German (Lu, Di, Ma, MP, He, Dü, Bl, Ni, KS, 3E, Gb, Le, LG, KG)",
}
"""The code notations :func:`national_codes` and ``resolve(..., notation=)`` know."""

NATIONAL_PREFIXES: dict[str, dict[str, str]] = {
    "fr": {
        "P": "LU", "GI": "LI", "E": "ST", "RP": "SP", "C": "HT", "IG": "SI", "V": "BL",
        "R": "KI", "MC": "PC", "TR": "TE", "VB": "GB", "F": "LR", "VG": "GV", "VC": "CV",
    },
    "de": {
        "Lu": "LU", "Di": "LI", "Ma": "ST", "MP": "SP", "He": "HT", "Dü": "SI", "Due": "SI",
        "Bl": "BL", "Ni": "KI", "KS": "PC", "3E": "TE", "Gb": "GB", "Le": "LR", "LG": "GV",
        "KG": "CV",
    },
}  # fmt: skip
"""Prefixes of the French and German code notations, as charts write them, to the
WHO code (compared without regard to case; ``Due`` is ``Dü`` without the umlaut).

French: Poumon, Gros Intestin, Estomac, Rate-Pancréas, Cœur, Intestin Grêle,
Vessie, Rein, Maître du Cœur, Triple Réchauffeur, Vésicule Biliaire, Foie,
Vaisseau Gouverneur, Vaisseau Conception. German: Lunge, Dickdarm, Magen,
Milz-Pankreas, Herz, Dünndarm, Blase, Niere, Kreislauf-Sexualität, Dreifacher
Erwärmer, Gallenblase, Leber, Lenkergefäß, Konzeptionsgefäß.

Two French prefixes collide with other readings: ``P`` is PC in the English
notation (``P6``), which keeps its meaning unless ``notation="fr"`` is asked
for; ``C`` also names the cervical vertebrae (``C7``), so a French ``C`` code
is only read as a Heart point with ``notation="fr"``."""

# bounded runs, and text longer than a code is refused first, so matching stays linear
_NATIONAL_CODE = re.compile(r"(3E|[^\W\d_]{1,3})[\s._\-]{0,3}0{0,3}(\d{1,3})")
_AMBIGUOUS_WITHOUT_NOTATION = {("fr", "P"), ("fr", "C")}
_NATIONAL_UPPER = {
    name: {prefix.upper(): code for prefix, code in table.items()}
    for name, table in NATIONAL_PREFIXES.items()
}


def national_codes(text: str, notation: str | None = None) -> list[tuple[str, str]]:
    """``(notation, WHO code)`` for each reading of a French or German code.

    Without ``notation`` the forms that collide with the English notation or
    with vertebral levels (French ``P`` and ``C``) are left out; the point may
    not exist (the resolver checks).

    >>> national_codes("V23"), national_codes("Dü3"), national_codes("P6", "fr"), national_codes("P6")
    ([('fr', 'BL23')], [('de', 'SI3')], [('fr', 'LU6')], [])
    """
    if not isinstance(text, str) or len(text) > 4 * MAX_CODE_LENGTH:
        return []
    text = text.strip()
    if len(text) > MAX_CODE_LENGTH:
        return []
    match = _NATIONAL_CODE.fullmatch(text)
    if match is None:
        return []
    prefix, number = match.group(1).upper(), int(match.group(2))
    if number == 0:
        return []
    found = []
    for name, table in _NATIONAL_UPPER.items():
        if notation not in (None, name) or prefix not in table:
            continue
        if notation is None and (name, prefix) in _AMBIGUOUS_WITHOUT_NOTATION:
            continue
        found.append((name, f"{table[prefix]}{number}"))
    return found


# No two adjacent runs can match the same characters (letters, then an optional
# separator-led sub-group, then separators, then digits), so matching is
# linear; over-long text is refused before the pattern runs anyway.
_CODE = re.compile(r"([A-Za-z]{1,5})(?:[\s._\-]{1,3}([A-Za-z]{1,2}))?[\s._\-]{0,3}0{0,3}(\d{1,3})")
_WHO = re.compile(r"(EX-(?:HN|CA|B|UE|LE)|[A-Z]{2})(\d{1,3})")
MAX_CODE_LENGTH = 16
"""The longest text that can be a code (``EX-HN 03`` is 8); longer is never one."""


def split_code(code: str) -> tuple[str, int] | None:
    """Split a WHO code into group and number: ``("EX-B", 2)``; None if not a code."""
    if len(code) > MAX_CODE_LENGTH:
        return None
    match = _WHO.fullmatch(code)
    if match is None:
        return None
    return match.group(1), int(match.group(2))


def normalize_code(text: str) -> str | None:
    """The WHO code for a code in any common notation, or None.

    >>> [normalize_code(t) for t in ("li-4", "UB 23", "SJ5", "Du20", "ex-b 2", "Hegu")]
    ['LI4', 'BL23', 'TE5', 'GV20', 'EX-B2', None]
    """
    if not isinstance(text, str) or len(text) > 4 * MAX_CODE_LENGTH:
        return None
    text = text.strip()
    if len(text) > MAX_CODE_LENGTH:
        return None
    match = _CODE.fullmatch(text)
    if match is None:
        return None
    prefix, sub, number = match.groups()
    prefix = prefix.upper()
    if int(number) == 0:
        return None
    if prefix == "EX" or (prefix.startswith("EX") and sub is None):
        group = (sub or prefix[2:]).upper()
        if f"EX-{group}" in EXTRA_GROUPS:
            return f"EX-{group}{int(number)}"
        return None
    if sub is not None:
        return None
    prefix = PREFIX_ALIASES.get(prefix, prefix)
    if prefix not in MERIDIAN_CODES:
        return None
    return f"{prefix}{int(number)}"


def normalize_name(text: str) -> str:
    """How names and synonyms are compared: case, spaces, dashes and underscores folded.

    >>> normalize_name("  Low-Back_pain ")
    'low back pain'
    """
    return " ".join(text.casefold().replace("-", " ").replace("_", " ").split())
