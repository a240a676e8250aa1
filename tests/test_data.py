"""The shipped data: complete, consistent and right by the standard references.

These tests load the checkout's data/ folder directly, so they test what is
committed, whatever is installed.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

import acupoints
from acupoints import Atlas, Point
from acupoints._canonical import canonical_text
from acupoints._reading_exceptions import load_reading_exceptions
from acupoints.check import name_problems
from acupoints.codes import EXTRA_GROUPS, MERIDIAN_CODES
from acupoints.models import FIVE_SHU, level_index
from conftest import DATA

COUNTS = {
    "LU": 11, "LI": 20, "ST": 45, "SP": 21, "HT": 9, "SI": 19, "BL": 67,
    "KI": 27, "PC": 9, "TE": 23, "GB": 44, "LR": 14, "GV": 28, "CV": 24,
}  # fmt: skip
EXTRA_COUNTS = {"EX-HN": 15, "EX-CA": 1, "EX-B": 9, "EX-UE": 11, "EX-LE": 12}
REGULAR = [code for code in MERIDIAN_CODES if code not in ("GV", "CV")]


@pytest.fixture(scope="module")
def atlas() -> Atlas:
    return acupoints.load(DATA)


def test_counts_per_meridian(atlas: Atlas) -> None:
    assert {m: len(atlas.points(m)) for m in MERIDIAN_CODES} == COUNTS
    assert sum(COUNTS.values()) == 361
    assert {m.code: m.point_count for m in atlas.meridians()} == COUNTS


def test_counts_of_extra_points(atlas: Atlas) -> None:
    assert {g: len(atlas.points(g)) for g in EXTRA_GROUPS} == EXTRA_COUNTS
    assert len(atlas) == 361 + 48


def test_codes_unique_and_numbered_without_gaps(atlas: Atlas) -> None:
    codes = [p.code for p in atlas.points()]
    assert len(codes) == len(set(codes))
    for group in [*MERIDIAN_CODES, *EXTRA_GROUPS]:
        members = atlas.points(group)
        assert [p.number for p in members] == list(range(1, len(members) + 1))
        assert all(p.code == f"{group}{p.number}" for p in members)


def test_installed_data_matches_the_checkout(atlas: Atlas) -> None:
    """The default atlas (compiled into the wheel) is the committed data.

    If this fails after editing data/, reinstall: pip install ".[dev]".
    """
    assert acupoints.load().data == atlas.data


def test_names_are_readings_pypinyin_and_opencc_know(atlas: Atlas) -> None:
    readings, forms = load_reading_exceptions(DATA)
    problems = name_problems(atlas.data, readings, forms)
    assert not problems, "\n".join(map(str, problems))


def test_reading_exceptions_are_all_needed(atlas: Atlas) -> None:
    """An exception that no name needs is stale and must go."""
    readings, forms = load_reading_exceptions(DATA)
    for char, extra in readings.items():
        for reading in extra:
            trimmed = {c: r - {reading} if c == char else r for c, r in readings.items()}
            assert name_problems(atlas.data, trimmed, forms), f"{char} {reading} is not needed"
    for traditional in forms:
        trimmed_forms = {t: s for t, s in forms.items() if t != traditional}
        assert name_problems(atlas.data, readings, trimmed_forms), f"{traditional} is not needed"


@pytest.mark.parametrize("path", sorted(DATA.rglob("*.yaml")), ids=lambda p: p.relative_to(DATA).as_posix())
def test_files_are_in_canonical_form(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert canonical_text(text, path.name) == text, f"run: python scripts/format_data.py {path}"


@pytest.mark.parametrize(
    ("code", "pinyin", "hanzi", "traditional"),
    [
        ("GV26", "Shuǐgōu", "水沟", "水溝"),
        ("CV17", "Dànzhōng", "膻中", "膻中"),
        ("TE18", "Chìmài", "瘈脉", "瘈脈"),
        ("BL58", "Fēiyáng", "飞扬", "飛揚"),
        ("LI6", "Piānlì", "偏历", "偏歷"),
        ("TE11", "Qīnglíngyuān", "清泠渊", "清泠淵"),
        ("SP3", "Tàibái", "太白", "太白"),
        ("SP9", "Yīnlíngquán", "阴陵泉", "陰陵泉"),
        ("BL23", "Shènshū", "肾俞", "腎俞"),
        ("ST36", "Zúsānlǐ", "足三里", "足三里"),
        ("LI4", "Hégǔ", "合谷", "合谷"),
        ("BL40", "Wěizhōng", "委中", "委中"),
    ],
)
def test_standard_names(atlas: Atlas, code: str, pinyin: str, hanzi: str, traditional: str) -> None:
    point = atlas.point(code)
    assert (point.pinyin, point.hanzi, point.hanzi_traditional) == (pinyin, hanzi, traditional)


@pytest.mark.parametrize(
    ("code", "alias"),
    [
        ("GV26", "人中"),
        ("CV17", "Tánzhōng"),
        ("TE18", "契脈"),
        ("BL58", "飛陽"),
        ("LI6", "偏歴"),
        ("TE11", "清冷渊"),
    ],
)
def test_circulating_forms_are_kept_as_aliases(atlas: Atlas, code: str, alias: str) -> None:
    point = atlas.point(code)
    found = [a for a in point.aliases if a.text == alias]
    assert found, f"{code} should list {alias} as an alias"
    assert found[0].note, "an alias that differs from the standard needs a note"


# -- point detail ------------------------------------------------------------


def test_every_point_is_complete(atlas: Atlas) -> None:
    for point in atlas.points():
        assert point.location.text.strip()
        assert point.location.regions
        assert point.indications.items and point.indications.sources
        assert point.sources
        if not point.needling.forbidden:
            assert point.needling.angle is not None
            assert point.needling.depth_cun[1] > 0


def test_regions_exist_in_the_tree(atlas: Atlas) -> None:
    names = {r.name for r in atlas.regions()}
    for point in atlas.points():
        assert set(point.location.regions) <= names, point.code


def test_source_keys_exist(atlas: Atlas) -> None:
    keys = {s.key for s in atlas.sources()}
    for point in atlas.points():
        assert set(point.sources) <= keys
        assert set(point.indications.sources) <= keys
        for contra in point.contraindications:
            assert set(contra.sources) <= keys


def test_midline_points_have_no_side(atlas: Atlas) -> None:
    for code in ("GV", "CV"):
        for point in atlas.points(code):
            assert point.location.side == "midline", point.code


def _levels(points: list[Point]) -> list[int]:
    return [level_index(p.location.level) for p in points if p.location.level is not None]


def test_vertebral_levels_run_down_the_back(atlas: Atlas) -> None:
    inner = [atlas.point(f"BL{n}") for n in range(11, 27)]
    assert [p.location.level for p in inner] == [
        "T1", "T2", "T3", "T4", "T5", "T6", "T7", "T9", "T10", "T11", "T12", "L1", "L2", "L3", "L4", "L5",
    ]  # fmt: skip
    assert all(p.location.from_midline_cun == 1.5 for p in inner)
    governor = [atlas.point(f"GV{n}") for n in range(14, 2, -1)]
    levels = _levels(governor)
    assert len(levels) == len(governor)
    assert levels == sorted(levels) and len(set(levels)) == len(levels)
    assert atlas.point("GV14").location.level == "C7"
    assert atlas.point("GV4").location.level == "L2"
    assert atlas.point("GV3").location.level == "L4"
    outer = [atlas.point(f"BL{n}") for n in range(41, 53)]
    assert _levels(outer) == sorted(_levels(outer))
    assert all(p.location.from_midline_cun == 3 for p in outer)


def test_back_points_carry_level_and_distance(atlas: Atlas) -> None:
    for point in atlas.points(region="back"):
        if point.code.startswith(("BL", "GV", "EX-B")) and point.location.from_midline_cun is not None:
            assert point.location.level is not None, point.code


def _kinds(atlas: Atlas, meridian: str) -> Counter[str]:
    return Counter(
        c.kind
        for p in atlas.points(meridian)
        for c in p.categories
        if not (c.kind == "xi-cleft" and c.vessel)
    )


@pytest.mark.parametrize("meridian", REGULAR)
def test_each_regular_meridian_has_one_of_each_kind(atlas: Atlas, meridian: str) -> None:
    kinds = _kinds(atlas, meridian)
    for kind in (*FIVE_SHU, "yuan-source", "luo-connecting", "xi-cleft", "entry", "exit", "horary"):
        expected = 2 if (meridian, kind) == ("SP", "luo-connecting") else 1
        assert kinds[kind] == expected, f"{meridian} has {kinds[kind]} {kind}"


@pytest.mark.parametrize("meridian", REGULAR)
def test_five_shu_phases_follow_the_sequence(atlas: Atlas, meridian: str) -> None:
    yin = ["wood", "fire", "earth", "metal", "water"]
    yang = ["metal", "water", "wood", "fire", "earth"]
    polarity = atlas.meridian(meridian).polarity
    phases = {}
    for point in atlas.points(meridian):
        for category in point.categories:
            if category.kind in FIVE_SHU:
                phases[category.kind] = category.phase
    assert [phases[k] for k in FIVE_SHU] == (yin if polarity == "yin" else yang)
    horary = next(p for p in atlas.points(meridian) if p.has_category("horary"))
    own = atlas.meridian(meridian).phase
    assert any(c.kind in FIVE_SHU and c.phase == own for c in horary.categories), meridian


def test_category_totals(atlas: Atlas) -> None:
    totals = Counter(c.kind for p in atlas.points() for c in p.categories)
    assert totals["luo-connecting"] == 15
    assert totals["xi-cleft"] == 16
    assert totals["yuan-source"] == 12
    assert totals["back-shu"] == 12
    assert totals["front-mu"] == 12
    assert totals["influential"] == 8
    assert totals["confluent"] == 8
    assert totals["lower-he-sea"] == 6
    assert totals["window-of-heaven"] == 10


def test_back_shu_points_lie_on_bl_at_their_organs_level(atlas: Atlas) -> None:
    expected = {
        "lung": ("BL13", "T3"), "pericardium": ("BL14", "T4"), "heart": ("BL15", "T5"),
        "liver": ("BL18", "T9"), "gallbladder": ("BL19", "T10"), "spleen": ("BL20", "T11"),
        "stomach": ("BL21", "T12"), "triple-energizer": ("BL22", "L1"), "kidney": ("BL23", "L2"),
        "large-intestine": ("BL25", "L4"), "small-intestine": ("BL27", "S1"), "bladder": ("BL28", "S2"),
    }  # fmt: skip
    found = {}
    for point in atlas.points(category="back-shu"):
        category = point.category("back-shu")
        assert category is not None and category.organ is not None
        found[category.organ] = (point.code, point.location.level)
    assert found == expected


def test_front_mu_and_influential(atlas: Atlas) -> None:
    mu = {p.category("front-mu").organ: p.code for p in atlas.points(category="front-mu")}  # type: ignore[union-attr]
    assert mu == {
        "lung": "LU1", "pericardium": "CV17", "heart": "CV14", "liver": "LR14", "gallbladder": "GB24",
        "spleen": "LR13", "stomach": "CV12", "triple-energizer": "CV5", "kidney": "GB25",
        "large-intestine": "ST25", "small-intestine": "CV4", "bladder": "CV3",
    }  # fmt: skip
    influential = {p.category("influential").tissue: p.code for p in atlas.points(category="influential")}  # type: ignore[union-attr]
    assert influential == {
        "zang-organs": "LR13", "fu-organs": "CV12", "qi": "CV17", "blood": "BL17",
        "sinews": "GB34", "vessels": "LU9", "bone": "BL11", "marrow": "GB39",
    }  # fmt: skip


def test_confluent_points_match_the_vessels(atlas: Atlas) -> None:
    for vessel in atlas.vessels():
        assert vessel.confluent is not None
        category = atlas.point(vessel.confluent).category("confluent")
        assert category is not None and category.vessel == vessel.code
        if vessel.cleft is not None:
            clefts = [c for c in atlas.point(vessel.cleft).categories if c.kind == "xi-cleft"]
            assert any(c.vessel == vessel.code for c in clefts), vessel.code


def test_crossings_name_existing_channels(atlas: Atlas) -> None:
    channels = {m.code for m in atlas.meridians()} | {v.code for v in atlas.vessels()}
    crossings = 0
    for point in atlas.points(category="crossing"):
        for category in point.categories:
            if category.kind == "crossing":
                crossings += 1
                assert set(category.channels) <= channels, point.code
                assert point.meridian not in category.channels, f"{point.code} crosses its own meridian"
    assert crossings >= 60


def test_bl40_detail(atlas: Atlas) -> None:
    point = atlas.point("BL40")
    assert "knee" in point.location.regions
    assert any(c.hazard == "major-vessel" for c in point.needling.cautions)
    he_sea, lower, command = (point.category(k) for k in ("he-sea", "lower-he-sea", "command"))
    assert he_sea is not None and he_sea.phase == "earth"
    assert lower is not None and lower.organ == "bladder"
    assert command is not None and command.regions == ("back",)


@pytest.mark.parametrize("code", ["LI4", "SP6", "BL60", "BL67", "GB21", "BL31", "BL32"])
def test_forbidden_in_pregnancy(atlas: Atlas, code: str) -> None:
    pregnancy = atlas.point(code).pregnancy
    assert pregnancy is not None and pregnancy.severity == "forbidden"
    assert pregnancy.reason


def test_lower_abdomen_and_lumbosacral_points_flagged_in_pregnancy(atlas: Atlas) -> None:
    for code in ("CV3", "CV4", "CV5", "CV6", "CV7", "BL23", "BL25", "BL27", "BL28", "GV4"):
        assert atlas.point(code).pregnancy is not None, code


def test_eye_and_lung_cautions(atlas: Atlas) -> None:
    for code in ("BL1", "ST1", "EX-HN7"):
        assert any(c.hazard == "eye" for c in atlas.point(code).needling.cautions), code
    for code in ("LU1", "GB21", "BL13", "BL43"):
        assert any(c.hazard == "lung" for c in atlas.point(code).needling.cautions), code
    for code in ("GV15", "GV16"):
        assert any(c.hazard == "spinal-cord" for c in atlas.point(code).needling.cautions), code
    assert any(c.hazard == "major-vessel" for c in atlas.point("ST9").needling.cautions)


def test_yintang_is_an_extra_point_with_its_gv_placement_noted(atlas: Atlas) -> None:
    yintang = atlas.point("EX-HN3")
    assert yintang.hanzi == "印堂"
    assert any(a.text == "GV29" and a.kind == "notation" for a in yintang.aliases)
    assert yintang.notes
    assert len(atlas.points("GV")) == 28


def test_huatuojiaji_spans_the_back(atlas: Atlas) -> None:
    jiaji = atlas.point("EX-B2")
    assert (jiaji.location.level, jiaji.location.level_to, jiaji.location.from_midline_cun) == (
        "T1",
        "L5",
        0.5,
    )


def test_vessel_trajectories_resolve(atlas: Atlas) -> None:
    for vessel in atlas.vessels():
        assert atlas.vessel_points(vessel.code), vessel.code


@pytest.mark.parametrize(
    ("kind", "codes"),
    [
        ("entry", "LU1 LI4 ST1 SP1 HT1 SI1 BL1 KI1 PC1 TE1 GB1 LR1"),
        ("exit", "LU7 LI20 ST42 SP21 HT9 SI19 BL67 KI22 PC8 TE22 GB41 LR14"),
        ("window-of-heaven", "LU3 LI18 ST9 SI16 SI17 BL10 PC1 TE16 GV16 CV22"),
        ("ghost", "LU11 LI11 ST6 SP1 BL62 PC7 PC8 GV16 GV23 GV26 CV1 CV24 EX-HN11"),
        ("command", "LU7 LI4 ST36 BL40 PC6"),
        ("confluent", "LU7 SP4 SI3 BL62 KI6 PC6 TE5 GB41"),
        ("horary", "LU8 LI1 ST36 SP3 HT8 SI5 BL66 KI10 PC8 TE6 GB41 LR1"),
        ("yuan-source", "LU9 LI4 ST42 SP3 HT7 SI4 BL64 KI3 PC7 TE4 GB40 LR3"),
        ("luo-connecting", "LU7 LI6 ST40 SP4 SP21 HT5 SI7 BL58 KI4 PC6 TE5 GB37 LR5 GV1 CV15"),
    ],
)
def test_category_members(atlas: Atlas, kind: str, codes: str) -> None:
    assert {p.code for p in atlas.points(category=kind)} == set(codes.split())  # type: ignore[arg-type]
