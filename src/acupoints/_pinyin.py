"""Pinyin spelling rules, checked without any dictionary.

The loader uses these to catch malformed syllables and misplaced tone marks
(``Taìbái`` for ``Tàibái``). Whether a syllable is a *reading of its
character* needs a dictionary (pypinyin) and is checked in the tests only.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["pinyin_problems", "split_syllables", "strip_tones", "toneless_forms"]

_SYLLABLE_TEXT = """
a ai an ang ao ba bai ban bang bao bei ben beng bi bian biang biao bie bin bing bo bong bu ca cai
can cang cao ce cei cen ceng cha chai chan chang chao che chen cheng chi chong chou chu chua chuai
chuan chuang chui chun chuo ci cong cou cu cuan cui cun cuo da dai dan dang dao de dei den deng di
dia dian diao die din ding diu dong dou du duan dui dun duo e ei en eng er fa fan fang fei fen feng
fiao fo fou fu ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang gui gun guo ha
hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo ji jia jian jiang jiao
jie jin jing jiong jiu ju juan jue jun ka kai kan kang kao ke kei ken keng kong kou ku kua kuai kuan
kuang kui kun kuo la lai lan lang lao le lei len leng li lia lian liang liao lie lin ling liu lo
long lou lu luan lun luo lü lüe ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo
mou mu na nai nan nang nao ne nei nen neng ni nia nian niang niao nie nin ning niu nong nou nu nuan
nun nuo nü nüe o ou pa pai pan pang pao pei pen peng pi pian piao pie pin ping po pou pu qi qia qian
qiang qiao qie qin qing qiong qiu qu quan que qun ran rang rao re ren reng ri rong rou ru rua ruan
rui run ruo sa sai san sang sao se sen seng sha shai shan shang shao she shei shen sheng shi shou
shu shua shuai shuan shuang shui shun shuo si song sou su suan sui sun suo ta tai tan tang tao te
tei teng ti tian tiao tie ting tong tou tu tuan tui tun tuo wa wai wan wang wei wen weng wo wong wu
xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun ya yan yang yao ye yi yin ying yo yong
you yu yuan yue yun za zai zan zang zao ze zei zen zeng zha zhai zhan zhang zhao zhe zhei zhen zheng
zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo zi zong zou zu zuan zui zun zuo
"""
SYLLABLES = frozenset(_SYLLABLE_TEXT.split())
"""Every toneless pinyin syllable (ü written as ü)."""

_TONED = {
    "ā": "a1", "á": "a2", "ǎ": "a3", "à": "a4",
    "ē": "e1", "é": "e2", "ě": "e3", "è": "e4",
    "ī": "i1", "í": "i2", "ǐ": "i3", "ì": "i4",
    "ō": "o1", "ó": "o2", "ǒ": "o3", "ò": "o4",
    "ū": "u1", "ú": "u2", "ǔ": "u3", "ù": "u4",
    "ǖ": "ü1", "ǘ": "ü2", "ǚ": "ü3", "ǜ": "ü4",
}  # fmt: skip
_VOWELS = "aeiouü"
_SEPARATORS = re.compile(r"[\s'’\-]+")


def strip_tones(text: str) -> str:
    """Remove tone marks but keep ü: ``strip_tones("Lǚ") == "Lü"``."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        base = _TONED.get(ch.lower())
        if base is None:
            out.append(ch)
        else:
            out.append(base[0].upper() if ch.isupper() else base[0])
    return "".join(out)


def toneless_forms(text: str) -> tuple[str, ...]:
    """The ASCII spellings people type: ü as u and as v, lower case, no separators.

    >>> toneless_forms("Nǚxī")
    ('nuxi', 'nvxi')
    """
    plain = _SEPARATORS.sub("", strip_tones(text).lower())
    forms = dict.fromkeys((plain.replace("ü", "u"), plain.replace("ü", "v")))
    return tuple(forms)


@lru_cache(maxsize=4096)
def _segment(word: str, count: int | None, strict: bool = True) -> tuple[str, ...] | None:
    """Split a toneless word into valid syllables (exactly ``count`` if given).

    Longest syllables are tried first. ``strict`` follows the spelling rule that
    a syllable inside a word never starts with a, o or e (that needs an
    apostrophe), so ``binao`` is bi-nao, not bin-ao.
    """
    if not word:
        return () if count in (None, 0) else None
    if count == 0:
        return None
    for size in range(min(6, len(word)), 0, -1):
        head, rest = word[:size], word[size:]
        if head not in SYLLABLES or (strict and rest[:1] in ("a", "e", "o")):
            continue
        tail = _segment(rest, None if count is None else count - 1, strict)
        if tail is not None:
            return (head, *tail)
    return None


def split_syllables(pinyin: str, count: int | None = None) -> list[str] | None:
    """Split tone-marked pinyin into its syllables, keeping the tone marks.

    Returns None when the text cannot be read as ``count`` valid syllables.

    >>> split_syllables("Zúsānlǐ", 3)
    ['zú', 'sān', 'lǐ']
    """
    text = unicodedata.normalize("NFC", pinyin).lower()
    words = [w for w in _SEPARATORS.split(text) if w]
    plain_words = [strip_tones(w) for w in words]
    # distribute the syllable count over the words: try every split
    result: list[str] = []
    remaining = count
    for index, (word, plain) in enumerate(zip(words, plain_words, strict=True)):
        last = index == len(words) - 1
        parts = None
        for strict in (True, False):
            if remaining is None or last:
                parts = _segment(plain, remaining, strict)
            else:
                for take in range(1, remaining + 1):
                    parts = _segment(plain, take, strict)
                    if parts is not None:
                        break
            if parts is not None:
                break
        if parts is None:
            return None
        pos = 0
        for part in parts:
            result.append(word[pos : pos + len(part)])
            pos += len(part)
        if remaining is not None:
            remaining -= len(parts)
    if count is not None and len(result) != count:
        return None
    return result


def _tone_position(plain: str) -> int | None:
    """Index of the vowel that carries the tone mark, by the pinyin rules."""
    for vowel in ("a", "e"):
        if vowel in plain:
            return plain.index(vowel)
    if "ou" in plain:
        return plain.index("ou")
    positions = [i for i, ch in enumerate(plain) if ch in _VOWELS]
    return positions[-1] if positions else None


def pinyin_problems(pinyin: str, syllable_count: int) -> list[str]:
    """Spelling problems in a tone-marked pinyin name of ``syllable_count`` syllables.

    Checks that it splits into valid syllables, one per character, that each
    syllable has at most one tone mark and that it stands on the vowel the
    rules require, that a syllable starting with a, o or e inside a word is
    preceded by an apostrophe, and that each word is capitalised.

    >>> pinyin_problems("Taìbái", 2)
    ["tone mark of 'taì' belongs on 'a'"]
    """
    text = unicodedata.normalize("NFC", pinyin)
    if text != text.strip() or "  " in text:
        return ["stray spaces"]
    problems = []
    for word in re.split(r"[\s\-]+", text):
        if word and not word[0].isupper():
            problems.append(f"word {word!r} should start with a capital letter")
        if any(ch.isupper() for ch in word[1:]):
            problems.append(f"word {word!r} has a capital letter inside it")
    syllables = split_syllables(text, syllable_count)
    if syllables is None:
        return [
            *problems,
            f"cannot be read as {syllable_count} pinyin syllable(s), one per character",
        ]
    for syllable in syllables:
        marks = [i for i, ch in enumerate(syllable) if ch in _TONED]
        plain = strip_tones(syllable)
        if len(marks) > 1:
            problems.append(f"syllable {syllable!r} has more than one tone mark")
        elif marks:
            want = _tone_position(plain)
            if want != marks[0]:
                assert want is not None
                problems.append(f"tone mark of {syllable!r} belongs on {plain[want]!r}")
    # apostrophes: a syllable starting with a vowel other than at word start
    lowered = text.lower()
    pos = 0
    for syllable in syllables:
        pos = lowered.index(syllable, pos)
        if pos > 0 and syllable[0] in "aeoāáǎàēéěèōóǒò" and lowered[pos - 1].isalpha():
            problems.append(f"syllable {syllable!r} needs an apostrophe before it")
        pos += len(syllable)
    return problems
