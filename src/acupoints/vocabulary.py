"""The controlled vocabularies of the data: the values fields may take.

Kept apart from the models so that the words are easy to find and review.
Every name here is also importable from :mod:`acupoints.models`.
"""

import re
import unicodedata
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, StringConstraints

from .codes import VERTEBRAL_LEVELS as _VERTEBRAL_LEVELS

__all__ = [
    "FIVE_SHU",
    "MAX_TEXT",
    "VERTEBRAL_LEVELS",
    "CategoryKind",
    "Hazard",
    "Hour",
    "Level",
    "Organ",
    "Phase",
    "PointCode",
    "Role",
    "RuleKind",
    "Slug",
    "SourceKey",
    "Text",
    "Tissue",
    "VesselCode",
    "level_index",
]

Phase = Literal["wood", "fire", "earth", "metal", "water"]
"""The five phases (wuxing)."""

Organ = Literal[
    "lung",
    "large-intestine",
    "stomach",
    "spleen",
    "heart",
    "small-intestine",
    "bladder",
    "kidney",
    "pericardium",
    "triple-energizer",
    "gallbladder",
    "liver",
]
"""The twelve organs (zang-fu) of the regular meridians."""

Hazard = Literal[
    "lung",
    "heart",
    "spinal-cord",
    "major-vessel",
    "nerve",
    "eye",
    "viscera",
    "trachea",
    "joint-cavity",
]
"""Structures beneath a point that make deep or careless needling dangerous.

``lung``: pleura and lung (pneumothorax); ``heart``: the heart or pericardium;
``spinal-cord``: the spinal canal, medulla or brain through a foramen;
``major-vessel``: a large artery or vein; ``nerve``: a nerve trunk;
``eye``: the eyeball and orbit; ``viscera``: abdominal organs (a full bladder,
an enlarged liver or spleen, the intestines); ``trachea``: trachea and
thyroid; ``joint-cavity``: a joint capsule (risk of infection).
"""

CategoryKind = Literal[
    "jing-well",
    "ying-spring",
    "shu-stream",
    "jing-river",
    "he-sea",
    "yuan-source",
    "luo-connecting",
    "xi-cleft",
    "back-shu",
    "front-mu",
    "influential",
    "confluent",
    "lower-he-sea",
    "command",
    "crossing",
    "entry",
    "exit",
    "window-of-heaven",
    "ghost",
    "horary",
]
"""Traditional point categories. The names are stable: queries rely on them."""

FIVE_SHU: tuple[CategoryKind, ...] = (
    "jing-well",
    "ying-spring",
    "shu-stream",
    "jing-river",
    "he-sea",
)

Tissue = Literal["zang-organs", "fu-organs", "qi", "blood", "sinews", "vessels", "bone", "marrow"]

VesselCode = Literal[
    "governor",
    "conception",
    "penetrating",
    "girdle",
    "yin-linking",
    "yang-linking",
    "yin-heel",
    "yang-heel",
]
"""The eight extraordinary vessels, by slug."""

Slug = Annotated[str, Field(pattern=r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")]
PointCode = Annotated[
    str, Field(pattern=r"^(LU|LI|ST|SP|HT|SI|BL|KI|PC|TE|GB|LR|GV|CV|EX-(HN|CA|B|UE|LE))[1-9][0-9]?$")
]
SourceKey = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
MAX_TEXT = 2000
"""The longest text field (the longest in the data is under 400 characters)."""


def _plain_text(text: str) -> str:
    for ch in text:
        if unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co"):
            raise ValueError(f"control or invisible character U+{ord(ch):04X} in text")
    return text


Text = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_TEXT),
    AfterValidator(_plain_text),
]
"""Prose or a name: not blank once stripped, bounded, no control or invisible characters."""

Hour = Annotated[int, Field(ge=0, le=23)]
"""An hour of the 24-hour clock."""

# defined beside the codes, which need no pydantic (the CLI's fast path uses them)
VERTEBRAL_LEVELS = _VERTEBRAL_LEVELS

_LEVEL_RE = re.compile(r"^(C[1-7]|T(1[0-2]|[1-9])|L[1-5]|S[1-5]|Co)$")
Level = Annotated[str, Field(pattern=_LEVEL_RE.pattern)]


def level_index(level: str) -> int:
    """Position of a vertebral level from the top, for sorting.

    >>> level_index("C7") < level_index("T1") < level_index("L2")
    True
    """
    return VERTEBRAL_LEVELS.index(level)


Role = Literal["local", "adjacent", "segmental", "distal"]
"""How a candidate point relates to the complaint's region."""

RuleKind = Literal["local", "adjacent", "segmental", "distal", "command", "confluent", "empirical"]
"""The selection rules. Each is implemented once in :mod:`acupoints.selection`."""
