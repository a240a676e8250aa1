"""One resolver for every notation and name; fuzzy search; robustness."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import acupoints
from acupoints import AmbiguousPointError, UnknownComplaintError, UnknownPointError
from acupoints.export import export_json


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("LI4", "LI4"), ("li-4", "LI4"), ("UB23", "BL23"), ("SJ5", "TE5"), ("TB5", "TE5"), ("Du20", "GV20"),
        ("DU20", "GV20"), ("Ren6", "CV6"), ("RN6", "CV6"), ("P6", "PC6"), ("HC6", "PC6"), ("Liv3", "LR3"),
        ("LV3", "LR3"), ("HE7", "HT7"), ("H7", "HT7"), ("K3", "KI3"), ("KD3", "KI3"), ("Co4", "LI4"),
        ("M-BW-35", "EX-B2"), ("Hegu", "LI4"), ("hegu", "LI4"), ("hégǔ", "LI4"), ("HÉGǓ", "LI4"),
        ("合谷", "LI4"), ("肾俞", "BL23"), ("腎俞", "BL23"), ("Shen Shu", "BL23"), ("zusanli", "ST36"),
        ("zu san li", "ST36"), ("Zu-San-Li", "ST36"), ("Union Valley", "LI4"), ("人中", "GV26"),
        ("Yintang", "EX-HN3"), ("印堂", "EX-HN3"), ("GV29", "EX-HN3"), ("Huatuojiaji", "EX-B2"),
        ("Jiaji", "EX-B2"), ("Fu'ai", "SP16"), ("fuai", "SP16"), ("Dànzhōng", "CV17"), ("Tanzhong", "CV17"),
        ("飞扬", "BL58"), ("飛揚", "BL58"), ("偏歴", "LI6"), ("契脈", "TE18"), ("Qinglengyuan", "TE11"),
        ("ｈｅｇｕ", "LI4"), ("  hegu\\t", "LI4"),
    ],
)  # fmt: skip
def test_resolve(text: str, code: str) -> None:
    assert acupoints.resolve(text.replace("\\t", "\t")).code == code


def test_ambiguous_names_list_every_match() -> None:
    with pytest.raises(AmbiguousPointError) as caught:
        acupoints.resolve("Zhongdu")
    assert caught.value.matches == ("GB32", "LR6")
    assert isinstance(caught.value, LookupError)
    # tones or hanzi decide
    assert acupoints.resolve("Zhōngdū").code == "LR6"
    assert acupoints.resolve("中渎").code == "GB32"
    with pytest.raises(AmbiguousPointError):
        acupoints.resolve("Zigong")  # CV19 紫宫 and EX-CA1 子宫
    assert acupoints.resolve("子宫").code == "EX-CA1"


def test_unknown_names_suggest() -> None:
    with pytest.raises(UnknownPointError) as caught:
        acupoints.resolve("hegoo")
    assert caught.value.suggestions[0] == "LI4"
    with pytest.raises(UnknownPointError) as caught:
        acupoints.resolve("LI99")
    assert {"LI9", "LI19"} <= set(caught.value.suggestions)


@pytest.mark.parametrize(
    ("query", "code"),
    [("zu san li", "ST36"), ("zusanly", "ST36"), ("hegoo", "LI4"), ("合谷", "LI4"), ("shenshu", "BL23")],
)
def test_search_ranks_the_right_point_first(query: str, code: str) -> None:
    results = acupoints.search(query)
    assert results[0].point.code == code
    assert results[0].field and results[0].text
    assert results == sorted(results, key=lambda m: -m.score)


def test_search_says_what_matched() -> None:
    (first,) = acupoints.search("Yintang", limit=1)
    assert first.as_dict()["matched"]["field"] in ("exact", "pinyin")
    assert acupoints.search("", limit=5) == []
    assert acupoints.search("hegu", limit=0) == []


_text = st.text(alphabet=st.characters(codec="utf-8"), max_size=300) | st.text(max_size=5000)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_text)
def test_resolve_raises_only_documented_errors(text: str) -> None:
    try:
        point = acupoints.resolve(text)
    except (UnknownPointError, AmbiguousPointError) as error:
        message = str(error)
        assert message
    else:
        assert isinstance(point, acupoints.Point)


@settings(max_examples=200, deadline=None)
@given(_text, st.integers(min_value=-5, max_value=50))
def test_search_never_fails(text: str, limit: int) -> None:
    if limit < 0:  # a negative limit is refused, as everywhere (issue 12)
        with pytest.raises(acupoints.InvalidArgumentError):
            acupoints.search(text, limit=limit)
        return
    results = acupoints.search(text, limit=limit)
    assert len(results) <= limit


@settings(max_examples=200, deadline=None)
@given(_text, st.booleans(), st.sampled_from([None, "L4", "C7", "T1"]))
def test_candidates_raise_only_documented_errors(text: str, pregnant: bool, level: str | None) -> None:
    try:
        answer = acupoints.candidates(text, pregnant=pregnant, level=level)
    except UnknownComplaintError:
        return
    assert answer.candidates


def test_export_load_round_trip(tmp_path: Path) -> None:
    atlas = acupoints.load()
    path = tmp_path / "atlas.json"
    path.write_text(export_json(atlas), encoding="utf-8")
    again = acupoints.load(path)
    assert again.data == atlas.data
    assert again.candidates("low back pain").as_dict() == atlas.candidates("low back pain").as_dict()


def test_a_broken_export_is_a_clear_data_error(tmp_path: Path) -> None:
    data = json.loads(export_json(acupoints.load()))
    data["points"][0]["colour"] = "red"
    path = tmp_path / "atlas.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(acupoints.DataError) as caught:
        acupoints.load(path)
    assert any(p.field == "points.0.colour" for p in caught.value.problems)


def test_cli_never_shows_a_traceback() -> None:
    from click.testing import CliRunner

    from acupoints.cli import main

    runner = CliRunner()
    for args in (["show", "\x00\x01"], ["show", "x" * 10000], ["search", "\u200b"], ["candidates", "\x07"]):
        result = runner.invoke(main, args)
        assert result.exit_code in (1, 2), (args, result.output)
        assert "Traceback" not in result.output
    result = runner.invoke(main, ["show", "Zhongdu"])
    assert result.exit_code == 1 and "GB32" in result.output and "LR6" in result.output
    result = runner.invoke(main, ["search", "zusanly", "--json"])
    assert result.exit_code == 0 and json.loads(result.output)[0]["code"] == "ST36"
