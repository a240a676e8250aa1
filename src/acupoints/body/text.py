"""Reading the distances a location's words give, to hold them to its structure."""

from __future__ import annotations

import re

__all__ = ["cun_numbers", "finger_breadths"]

_WORDS = {
    "half a": 0.5,
    "half": 0.5,
    "a half": 0.5,
    "one and a half": 1.5,
    "a": 1.0,
    "one": 1.0,
    "two": 2.0,
    "three": 3.0,
    "four": 4.0,
    "five": 5.0,
    "six": 6.0,
    "seven": 7.0,
    "eight": 8.0,
    "nine": 9.0,
    "ten": 10.0,
}
_NUMBER = (
    r"(?P<n>\d{1,2}(?:\.\d{1,3})?|"
    + "|".join(re.escape(w) for w in sorted(_WORDS, key=len, reverse=True))
    + r")"
)
# "2 cun", "1.5 B-cun", "0.5-cun", "half a cun", "3 F-cun"; the text is cut before matching
_CUN = re.compile(r"(?<![\w.])" + _NUMBER + r"[ -](?:[BF]-)?cun\b", re.IGNORECASE)
_FINGER = re.compile(r"(?<![\w.])" + _NUMBER + r" finger-?breadths?\b", re.IGNORECASE)
_MAX = 2000


def _value(raw: str) -> float:
    word = raw.lower()
    return _WORDS[word] if word in _WORDS else float(word)


def cun_numbers(text: str) -> set[float]:
    """The distances in cun a text names, rounded to 3 places.

    >>> sorted(cun_numbers("2 cun above the wrist crease, half a cun from the tendon"))
    [0.5, 2.0]
    """
    return {round(_value(m.group("n")), 3) for m in _CUN.finditer(text[:_MAX])}


def finger_breadths(text: str) -> set[float]:
    """The distances in finger-breadths a text names.

    >>> finger_breadths("one finger-breadth lateral to the crest of the tibia")
    {1.0}
    """
    return {round(_value(m.group("n")), 3) for m in _FINGER.finditer(text[:_MAX])}
