"""Complaints to candidate points: explained, sourced, pregnancy-aware."""

from __future__ import annotations

import json
from typing import Any

import pytest
from click.testing import CliRunner

import acupoints
from acupoints import UnknownComplaintError
from acupoints.cli import main
from conftest import FolderFactory

ALL = [c.name for c in acupoints.complaints()]
FORBIDDEN_IN_PREGNANCY = ("LI4", "SP6", "BL60", "BL67", "GB21")


def reason_rules(answer: acupoints.Candidates, code: str) -> set[str]:
    return {r.rule for r in answer[code].reasons}


def test_the_complaints_asked_for_exist() -> None:
    names = set(ALL)
    assert {
        "low-back-pain", "acute-low-back-pain", "chronic-low-back-pain", "sciatica", "upper-back-pain",
        "neck-pain", "shoulder-pain", "knee-pain", "knee-osteoarthritis", "headache", "frontal-headache",
        "temporal-headache", "occipital-headache", "vertex-headache", "menstrual-cramps",
        "post-operative-pain", "post-operative-nausea", "anxiety", "insomnia",
    } <= names  # fmt: skip


def test_low_back_pain_classical_points() -> None:
    answer = acupoints.candidates("low back pain")
    bl40 = answer["BL40"]
    assert bl40.role == "distal"
    assert any(r.rule == "command" and "Command point of the back" in r.text for r in bl40.reasons)
    assert answer["BL23"].role == "local" and answer["BL25"].role == "local"
    assert any("kidney" in r.text and "L2" in r.text for r in answer["BL23"].reasons)
    assert answer["EX-B2"].role == "segmental"
    assert any("Huatuojiaji" in r.text for r in answer["EX-B2"].reasons)
    assert "confluent" in reason_rules(answer, "SI3")
    assert {"BL60", "BL57"} <= set(answer.codes)
    assert answer.codes[:3] == ["BL23", "BL25", "BL40"]


def test_acute_low_back_pain_adds_the_empirical_points() -> None:
    answer = acupoints.candidates("acute lumbar sprain")
    assert answer.complaint.name == "acute-low-back-pain"
    for code in ("EX-UE7", "EX-B7", "EX-B8"):
        assert "empirical" in reason_rules(answer, code)
    assert "BL40" in answer.codes  # inherited from low back pain


@pytest.mark.parametrize(
    ("complaint", "code", "role"),
    [
        ("neck pain", "GB20", "local"), ("neck pain", "SI3", "distal"), ("neck pain", "LU7", "distal"),
        ("knee pain", "ST35", "local"), ("knee pain", "EX-LE5", "local"),
        ("knee osteoarthritis", "ST35", "local"),
        ("period pain", "SP6", "distal"), ("post-operative nausea", "PC6", "distal"),
        ("sciatica", "GB30", "local"), ("sciatica", "BL40", "distal"),
        ("shoulder pain", "LI15", "local"), ("upper back pain", "BL40", "distal"),
        ("occipital headache", "GB20", "local"), ("vertex headache", "GV20", "local"),
        ("temporal headache", "EX-HN5", "local"), ("frontal headache", "EX-HN3", "local"),
        ("insomnia", "HT7", "distal"), ("anxiety", "HT7", "distal"),
        ("post-operative pain", "LI4", "distal"),
    ],
)  # fmt: skip
def test_classical_points_with_role(complaint: str, code: str, role: str) -> None:
    candidate = acupoints.candidates(complaint)[code]
    assert candidate.role == role
    assert candidate.reasons and candidate.sources


def test_main_points_come_first() -> None:
    assert acupoints.candidates("period pain").codes[0] == "SP6"
    assert acupoints.candidates("ponv").codes[0] == "PC6"
    assert acupoints.candidates("knee pain").codes[:3] == ["ST35", "EX-LE4", "EX-LE5"]


@pytest.mark.parametrize("name", ALL)
def test_every_candidate_is_explained_and_sourced(name: str) -> None:
    keys = {s.key for s in acupoints.load().sources()}
    answer = acupoints.candidates(name)
    assert answer.candidates, name
    assert [c.rank for c in answer] == list(range(1, len(answer) + 1))
    scores = [c.score for c in answer]
    assert scores == sorted(scores, reverse=True)
    for candidate in answer:
        assert candidate.reasons and candidate.sources, candidate
        assert set(candidate.sources) <= keys
        assert candidate.rank_reason.startswith(f"score {candidate.score}")
        assert candidate.role in ("local", "adjacent", "segmental", "distal")


@pytest.mark.parametrize("name", ALL)
def test_safety_flags_always_travel_with_candidates(name: str) -> None:
    for candidate in acupoints.candidates(name):
        point = candidate.point
        if point.pregnancy is not None:
            assert any("pregnancy" in w.lower() for w in candidate.warnings), candidate
        for caution in point.needling.cautions:
            assert any(caution.text in w for w in candidate.warnings)
        if point.moxibustion.status != "allowed":
            assert any(w.startswith("Moxibustion") for w in candidate.warnings)
        safety = candidate.as_dict()["safety"]
        assert set(safety) == {"pregnancy", "moxibustion", "needling_forbidden", "hazards", "other"}


@pytest.mark.parametrize("name", ALL)
def test_pregnant_never_returns_forbidden_points(name: str) -> None:
    answer = acupoints.candidates(name, pregnant=True)
    plain = acupoints.candidates(name)
    excluded = {e.code for e in answer.excluded}
    for candidate in answer:
        pregnancy = candidate.point.pregnancy
        assert pregnancy is None or pregnancy.severity != "forbidden", candidate
        if pregnancy is not None:
            assert any("pregnancy" in w.lower() for w in candidate.warnings)
    for code in FORBIDDEN_IN_PREGNANCY:
        if code in plain.codes:
            assert code in excluded
            assert code not in answer.codes
    # nothing is dropped silently: every plain candidate is kept or excluded
    assert set(plain.codes) == set(answer.codes) | excluded
    for item in answer.excluded:
        assert "pregnancy" in item.why.lower() and item.reasons


def test_back_pain_when_pregnant_excludes_bl60_with_reason() -> None:
    answer = acupoints.candidates("back pain", pregnant=True)
    (bl60,) = [e for e in answer.excluded if e.code == "BL60"]
    assert bl60.why.startswith("Traditionally forbidden in pregnancy")
    # the lumbosacral region is avoided throughout pregnancy (WHO 1999, 2.1)
    (bl23,) = [e for e in answer.excluded if e.code == "BL23"]
    assert "lumbosacral" in bl23.why and "BL23" not in answer.codes


def test_level_narrows_segmental_points() -> None:
    answer = acupoints.candidates("low back pain", level="L4")
    segmental = [r.text for c in answer for r in c.reasons if r.rule == "segmental"]
    assert segmental and all("L4" in text for text in segmental)
    assert answer.codes[0] == "BL25"
    assert "BL24" not in [c.code for c in answer if "segmental" in {r.rule for r in c.reasons}]
    with pytest.raises(ValueError, match="vertebral level"):
        acupoints.candidates("low back pain", level="L9")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("lumbago", "low-back-pain"), ("Lower back", "low-back-pain"), ("backache", "low-back-pain"),
        ("腰痛", "low-back-pain"), ("period pain", "menstrual-cramps"), ("dysmenorrhea", "menstrual-cramps"),
        ("痛经", "menstrual-cramps"), ("stiff neck", "neck-pain"), ("PONV", "post-operative-nausea"),
        ("frozen shoulder", "shoulder-pain"), ("migraine", "temporal-headache"), ("Low-Back-Pain", "low-back-pain"),
    ],
)  # fmt: skip
def test_synonyms_resolve(text: str, name: str) -> None:
    assert acupoints.complaint(text).name == name
    assert acupoints.candidates(text).complaint.name == name


def test_unknown_complaint_suggests() -> None:
    with pytest.raises(UnknownComplaintError) as caught:
        acupoints.candidates("lumbagoo")
    assert isinstance(caught.value, KeyError)
    assert "low-back-pain" in caught.value.suggestions
    with pytest.raises(UnknownComplaintError):
        acupoints.complaint("toothache of the elbow")


def test_answers_are_deterministic_and_limited() -> None:
    first = acupoints.candidates("sciatica")
    assert first.as_dict() == acupoints.candidates("sciatica").as_dict()
    limited = acupoints.candidates("sciatica", limit=3)
    assert limited.codes == first.codes[:3]
    assert limited.excluded == first.excluded


def test_graph_has_indicated_for_edges() -> None:
    graph = acupoints.graph()
    assert graph.nodes["low-back-pain"]["kind"] == "complaint"
    data = graph.get_edge_data("BL40", "low-back-pain", "indicated-for")
    assert data["role"] == "distal" and data["sources"]
    assert graph.has_edge("PC6", "post-operative-nausea", "indicated-for")


def test_region_points() -> None:
    codes = [p.code for p in acupoints.region_points("lower-back")]
    assert {"BL23", "BL25", "GV4"} <= set(codes)


# -- CLI ------------------------------------------------------------------------


def test_cli_candidates_table() -> None:
    result = CliRunner().invoke(main, ["candidates", "low back pain"])
    assert result.exit_code == 0, result.output
    for text in (
        "BL23",
        "肾俞",
        "Shènshū",
        "BL40",
        "委中",
        "Command point",
        "not medical advice",
        "deadman-1998: Deadman",
    ):
        assert text in result.output


def test_cli_candidates_json() -> None:
    result = CliRunner().invoke(main, ["candidates", "back pain", "--pregnant", "--json"])
    assert result.exit_code == 0
    data: dict[str, Any] = json.loads(result.output)
    assert data["complaint"] == "low-back-pain" and data["pregnant"] is True
    first = data["candidates"][0]
    for key in (
        "code",
        "pinyin",
        "hanzi",
        "role",
        "reasons",
        "sources",
        "warnings",
        "rank",
        "rank_reason",
        "safety",
    ):
        assert key in first
    assert {e["code"] for e in data["excluded"]} >= {"BL60"}
    assert "disclaimer" in data


def test_cli_candidates_errors() -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["candidates", "lumbagoo"])
    assert result.exit_code == 1 and "low-back-pain" in result.output
    assert runner.invoke(main, ["candidates", "low back pain", "--level", "Q9"]).exit_code == 2
    result = runner.invoke(main, ["candidates", "low back pain", "--level", "l4", "--json"])
    assert result.exit_code == 0 and json.loads(result.output)["level"] == "L4"


def test_cli_complaints_and_region() -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["complaints", "--json"])
    assert {c["name"] for c in json.loads(result.output)} == set(ALL)
    result = runner.invoke(main, ["region", "lower back", "--json"])
    assert result.exit_code == 0 and "BL23" in json.loads(result.output)["points"]
    assert runner.invoke(main, ["region", "tail"]).exit_code == 1


# -- loader checks of complaints ---------------------------------------------------


def _complaint(**extra: Any) -> dict[str, Any]:
    base: dict[str, Any] = {"name": "chest-pain", "label": "Chest pain", "regions": ["axilla"], "rules": []}
    base.update(extra)
    return base


@pytest.mark.parametrize(
    ("complaint", "field", "message"),
    [
        (_complaint(rules=[{"rule": "empirical", "points": ["LU99"], "role": "distal", "reason": "x", "sources": ["test-source"]}]), "rules[0].points[0]", "unknown point"),
        (_complaint(rules=[{"rule": "local", "points": ["LI1"], "sources": ["test-source"]}]), "rules[0].points[0]", "does not lie in"),
        (_complaint(rules=[{"rule": "distal", "points": ["LI1"], "sources": ["test-source"]}]), "rules[0].points[0]", "not on a channel"),
        (_complaint(rules=[{"rule": "command", "sources": ["nobody"]}]), "rules[0].sources[0]", "unknown source"),
        (_complaint(parent="nothing"), "parent", "unknown complaint"),
        (_complaint(regions=["tail"]), "regions[0]", "unknown region"),
    ],
)  # fmt: skip
def test_complaint_references_are_checked(
    make_folder: FolderFactory, complaint: dict[str, Any], field: str, message: str
) -> None:
    def change(files: dict[str, Any]) -> None:
        files["complaints.yaml"] = {"complaints": [complaint]}

    with pytest.raises(acupoints.DataError) as caught:
        acupoints.load(make_folder(change))
    problems = caught.value.problems
    assert any(
        p.file == "complaints.yaml" and p.point == "chest-pain" and p.field == field and message in p.message
        for p in problems
    ), problems


def test_rule_parameters_are_checked(make_folder: FolderFactory) -> None:
    def change(files: dict[str, Any]) -> None:
        files["complaints.yaml"] = {
            "complaints": [_complaint(rules=[{"rule": "segmental", "sources": ["test-source"]}])]
        }

    with pytest.raises(acupoints.DataError) as caught:
        acupoints.load(make_folder(change))
    assert any("needs 'levels'" in p.message for p in caught.value.problems)


def test_synonym_clash_is_refused(make_folder: FolderFactory) -> None:
    def change(files: dict[str, Any]) -> None:
        files["complaints.yaml"] = {
            "complaints": [
                _complaint(synonyms=["sore chest"]),
                _complaint(name="thorax-pain", label="Thorax pain", synonyms=["Sore  Chest"]),
            ]
        }

    with pytest.raises(acupoints.DataError) as caught:
        acupoints.load(make_folder(change))
    assert any(p.field == "synonyms" and "also names" in p.message for p in caught.value.problems)
