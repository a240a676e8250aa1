"""The clinical layer: the pregnancy rule, evidence notes, red flags, roles,
provenance of the extra points and combinations. Each check also runs on data
broken on purpose, to show that it can fail."""

from __future__ import annotations

import itertools
import json
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import acupoints
from acupoints import Atlas, Complaint, Point, pregnancy_rule
from acupoints._clinical_checks import check_clinical
from acupoints.cli import main
from acupoints.models import Rule
from conftest import DATA, ROOT

ALL = [c.name for c in acupoints.complaints()]


@pytest.fixture(scope="module")
def atlas() -> Atlas:
    return acupoints.load(DATA)


def changed(atlas: Atlas, code: str, change: Callable[[dict[str, Any]], None]) -> list[Point]:
    """The atlas's points with one changed through its JSON form."""
    out = []
    for point in atlas.points():
        if point.code == code:
            data = point.model_dump()
            change(data)
            point = Point.model_validate(data)
        out.append(point)
    return out


def clinical_problems(atlas: Atlas, **update: Any) -> list[str]:
    found: list[str] = []
    data = atlas.data.model_copy(update=update)
    check_clinical(lambda file, record, field, message: found.append(f"{record}: {message}"), data, {})
    return found


def lineage(atlas: Atlas, complaint: Complaint) -> Iterator[Complaint]:
    current: Complaint | None = complaint
    while current is not None:
        yield current
        current = atlas.complaint(current.parent) if current.parent else None


# -- the pregnancy rule -------------------------------------------------------


def test_every_point_satisfies_the_pregnancy_rule(atlas: Atlas) -> None:
    assert list(pregnancy_rule.problems(atlas.points())) == []
    required = [p.code for p in atlas.points() if pregnancy_rule.requirement(p) is not None]
    # the rule reaches the abdomen, the lumbosacral region and the labour points
    for code in ("CV9", "CV12", "CV13", "CV2", "CV3", "LR12", "SP15", "SP16", "GB26", "GB27", "GB28", "SP6"):
        assert code in required, code
    assert len(required) > 80


@pytest.mark.parametrize(
    ("code", "contraindications"),
    [
        ("CV12", []),
        ("CV3", [{"condition": "pregnancy", "severity": "caution", "reason": "x", "sources": []}]),
        ("CV12", [{"condition": "pregnancy", "severity": "forbidden", "reason": "x", "from_month": 6}]),
        ("BL23", []),
        ("LI4", []),
    ],
)
def test_pregnancy_rule_fails_on_weakened_flags(atlas: Atlas, code: str, contraindications: Any) -> None:
    points = changed(atlas, code, lambda d: d.update(contraindications=contraindications))
    assert [c for c, _ in pregnancy_rule.problems(points)] == [code]
    assert any(p.startswith(code) for p in clinical_problems(atlas, points=tuple(points)))


def test_pregnancy_severities_agree_between_neighbours(atlas: Atlas) -> None:
    for meridian in atlas.meridians():
        members = atlas.points(meridian.code)
        for before, after in itertools.pairwise(members):
            need_b, need_a = pregnancy_rule.requirement(before), pregnancy_rule.requirement(after)
            if need_b is None or need_a is None or need_b != need_a:
                continue
            flag_b, flag_a = before.pregnancy, after.pregnancy
            assert flag_b is not None and flag_a is not None
            assert (flag_b.severity, flag_b.from_month) == (flag_a.severity, flag_a.from_month), (
                before.code,
                after.code,
            )


def test_upper_abdomen_is_avoided_from_the_fourth_month(atlas: Atlas) -> None:
    for code in ("CV12", "ST21", "KI19", "SP16"):
        flag = atlas.point(code).pregnancy
        assert flag is not None and (flag.severity, flag.from_month) == ("forbidden", 4), code
    for code in ("CV4", "ST29", "BL32", "SP6"):
        flag = atlas.point(code).pregnancy
        assert flag is not None and (flag.severity, flag.from_month) == ("forbidden", None), code


@pytest.mark.parametrize("name", ALL)
def test_every_pregnant_answer_is_rechecked_by_the_rule(name: str) -> None:
    plain = acupoints.candidates(name)
    answer = acupoints.candidates(name, pregnant=True)
    excluded = {e.code for e in answer.excluded}
    for candidate in answer:
        need = pregnancy_rule.requirement(candidate.point)
        assert need is None or need.severity != "forbidden", candidate
        if candidate.point.pregnancy is not None:
            assert any("pregnancy" in w.lower() for w in candidate.warnings), candidate
    for candidate in plain:
        need = pregnancy_rule.requirement(candidate.point)
        if need is not None and need.severity == "forbidden":
            assert candidate.code in excluded, candidate


def test_postoperative_nausea_when_pregnant_keeps_no_unflagged_abdominal_point() -> None:
    answer = acupoints.candidates("postoperative nausea", pregnant=True)
    for candidate in answer:
        if {"abdomen", "upper-abdomen", "lower-abdomen"} & set(candidate.point.location.regions):
            assert candidate.point.pregnancy is not None, candidate
    (cv12,) = [e for e in answer.excluded if e.code == "CV12"]
    assert "fourth month" in cv12.why


def test_show_cv12_shows_its_pregnancy_flag() -> None:
    result = CliRunner().invoke(main, ["show", "CV12"])
    assert result.exit_code == 0
    assert "pregnancy: forbidden" in result.output and "third month" in result.output


def test_low_back_pain_pregnancy_note_speaks_of_the_stages() -> None:
    notes = " ".join(acupoints.candidates("acute low back pain", pregnant=True).notes)
    assert "first trimester" in notes and "third month" in notes


# -- roles fit where the point lies ------------------------------------------


def _with_complaint(atlas: Atlas, complaint: Complaint) -> list[str]:
    return clinical_problems(atlas, complaints=(*atlas.data.complaints, complaint))


def test_a_chest_point_is_not_distal_for_a_chest_complaint(atlas: Atlas) -> None:
    rule = Rule(rule="empirical", points=("CV17",), role="distal", reason="test", sources=("deadman-1998",))
    chest = Complaint(name="test-chest", label="Test", regions=("chest",), rules=(rule,))
    assert any("CV17" in p and "not distal" in p for p in _with_complaint(atlas, chest))
    mind = Complaint(name="test-mind", label="Test", rules=(rule,))
    assert any("CV17" in p and "not on a limb" in p for p in _with_complaint(atlas, mind))
    local = rule.model_copy(update={"role": "local", "points": ("LI4",)})
    knee = Complaint(name="test-knee", label="Test", regions=("knee",), rules=(local,))
    assert any("LI4" in p and "not local" in p for p in _with_complaint(atlas, knee))
    assert clinical_problems(atlas) == []


def test_knee_pain_has_bl40_and_anxiety_keeps_cv17_local() -> None:
    assert "BL40" in acupoints.candidates("knee pain").codes
    assert acupoints.candidates("anxiety")["CV17"].role == "local"


# -- provenance of the extra points --------------------------------------------


def test_no_extra_point_cites_who_2008(atlas: Atlas) -> None:
    for point in atlas.points():
        if point.meridian is None:
            assert "who-2008" not in point.sources, point.code
            assert "who-1991" in point.sources, point.code
            prose = [*point.notes, *(a.note or "" for a in point.aliases)]
            assert not any("WHO 2008" in text for text in prose), point.code
    broken = changed(atlas, "EX-HN3", lambda d: d.update(sources=["who-2008", "gb-12346"]))
    assert any(p.startswith("EX-HN3") for p in clinical_problems(atlas, points=tuple(broken)))


def test_every_source_gives_year_and_edition(atlas: Atlas) -> None:
    for source in atlas.sources():
        assert source.edition, source.key
        assert source.year or "undated" in source.edition, source.key
    keys = {s.key for s in atlas.sources()}
    assert {"who-1999", "gb-40997", "nice-ng59", "mu-2020"} <= keys


# -- evidence notes and red flags -----------------------------------------------


def _first_name(citation: str) -> str:
    return citation.split()[0].rstrip(",")


@pytest.mark.parametrize("name", ALL)
def test_every_complaint_has_red_flags_and_an_evidence_note(atlas: Atlas, name: str) -> None:
    complaint = atlas.complaint(name)
    flags = next((c.red_flags for c in lineage(atlas, complaint) if c.red_flags), None)
    evidence = next((c.evidence for c in lineage(atlas, complaint) if c.evidence), None)
    assert flags is not None and evidence is not None
    assert all(atlas.source(key).kind == "guideline" for key in flags.sources)
    assert all(atlas.source(key).kind in ("review", "guideline") for key in evidence.sources)
    if not evidence.sources:
        assert "listed" in evidence.text
    for key in evidence.sources:  # each source is named in the text
        source = atlas.source(key)
        code = re.search(r"\b(NG\d+|CG\d+)\b", source.citation)
        named = code.group(1) if key.startswith("nice-") and code else _first_name(source.citation)
        assert named in evidence.text, (name, key)
    answer = acupoints.candidates(name)
    assert answer.red_flags == flags and answer.evidence == evidence
    record = answer.as_dict()
    assert record["red_flags"]["items"] and record["evidence"]["text"]


def test_low_back_pain_starts_with_red_flags_and_evidence() -> None:
    result = CliRunner().invoke(main, ["candidates", "low back pain"])
    assert result.exit_code == 0
    text = result.output
    assert text.lstrip().startswith("See a doctor first")
    table = re.search(r"^Low back pain\s*$", text, re.MULTILINE)
    assert table is not None and text.index("bladder") < text.index("Evidence:") < table.start()
    assert "NG59" in text and "Mu J" in text
    data = json.loads(CliRunner().invoke(main, ["candidates", "low back pain", "--json"]).output)
    assert "nice-ng59" in data["red_flags"]["sources"] and "mu-2020" in data["evidence"]["sources"]


EFFICACY = re.compile(
    r"\b(effective|effectively|effectiveness|efficacious|cures?|cured|curing|proven|relieves?|relieving)\b",
    re.IGNORECASE,
)


def _prose(atlas: Atlas) -> Iterator[tuple[str, str]]:
    for p in atlas.points():
        texts = [p.location.text, p.needling.note or "", p.moxibustion.reason or "", *p.notes]
        texts += [c.text for c in p.needling.cautions] + [c.reason for c in p.contraindications]
        texts += [a.note or "" for a in p.aliases] + list(p.indications.items)
        texts += list(p.actions.items)
        texts += [a.note or "" for a in p.needling.alternatives]
        yield from ((p.code, t) for t in texts)
    for c in atlas.complaints():
        texts = [c.note or "", c.pregnancy_note or "", *(r.reason or "" for r in c.rules)]
        if c.red_flags:
            texts += [*c.red_flags.items, c.red_flags.note or ""]
        yield from ((c.name, t) for t in texts)  # the evidence text reports sources: checked below
    for m in atlas.combinations():
        yield m.name, m.purpose
        yield m.name, m.note or ""


def test_no_efficacy_words_in_our_voice(atlas: Atlas) -> None:
    found = [(where, text) for where, text in _prose(atlas) if EFFICACY.search(text)]
    assert found == []
    for complaint in atlas.complaints():
        if complaint.evidence:  # reported speech only: the sentence names its source
            for sentence in re.split(r"(?<=\.) ", complaint.evidence.text):
                if EFFICACY.search(sentence):
                    assert re.search(r"NICE|Cochrane|guideline|review", sentence), sentence


def test_the_efficacy_check_can_fail(atlas: Atlas) -> None:
    broken = changed(atlas, "LI4", lambda d: d["indications"].update(items=["relieves pain"]))
    data = Atlas(atlas.data.model_copy(update={"points": tuple(broken)}))
    assert any(EFFICACY.search(t) for _, t in _prose(data))


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pages")
    subprocess.run([sys.executable, str(ROOT / "docs" / "gen_pages.py"), str(out)], check=True, timeout=600)
    return out


def test_generated_pages_use_no_efficacy_words(pages: Path) -> None:
    for page in pages.rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        for line in text.splitlines():
            if EFFICACY.search(line):
                # only in reported speech: a line that names the review or guideline it reports
                assert re.search(r"NICE|Cochrane|guideline|review", line), (page, line)


def test_complaint_page_starts_with_red_flags(pages: Path) -> None:
    text = (pages / "complaints" / "low-back-pain.md").read_text(encoding="utf-8")
    assert (
        text.index("red flags") < text.index("What reviews and guidelines say") < text.index("## Candidate")
    )
    assert "nice-ng59" in text


def test_point_pages_list_their_combinations(pages: Path, atlas: Atlas) -> None:
    text = (pages / "points" / "LI4.md").read_text(encoding="utf-8")
    assert "## Combined with" in text and "combinations/four-gates.md" in text
    for combination in atlas.combinations():
        page = (pages / "combinations" / f"{combination.name}.md").read_text(encoding="utf-8")
        assert combination.purpose in page


# -- combinations --------------------------------------------------------------


def test_the_named_combinations(atlas: Atlas) -> None:
    by_name = {c.name: c for c in atlas.combinations()}
    assert by_name["four-gates"].members == ("LI4", "LR3")
    assert set(by_name["four-command-points"].members) < {p.code for p in atlas.points(category="command")}
    assert set(by_name["four-command-points"].members) < set(by_name["six-command-points"].members)
    assert len(set(by_name["heavenly-star-points"].members)) == 12
    assert len(set(by_name["nine-needles-returning-yang"].members)) == 9
    confluent = {frozenset(c.members) for c in atlas.combinations() if c.kind == "confluent-pair"}
    assert confluent == {frozenset(p.split("+")) for p in ("SI3+BL62", "PC6+SP4", "TE5+GB41", "LU7+KI6")}
    opening = {v.confluent for v in atlas.vessels()}
    assert set().union(*confluent) == opening


def test_derived_pairings_follow_the_categories(atlas: Atlas) -> None:
    shu_mu = [c for c in atlas.combinations() if c.kind == "shu-mu"]
    host_guest = [c for c in atlas.combinations() if c.kind == "yuan-luo"]
    assert len(shu_mu) == 12 and len(host_guest) == 12
    for combination in shu_mu:
        shu, mu = (atlas.point(code) for code in combination.members)
        assert (shu_cat := shu.category("back-shu")) is not None and (mu_cat := mu.category("front-mu"))
        assert shu_cat.organ == mu_cat.organ
    for combination in host_guest:
        host, guest = (atlas.point(code) for code in combination.members)
        assert host.has_category("yuan-source") and guest.has_category("luo-connecting")
        assert atlas.meridian(host.meridian or "").partner == guest.meridian
    assert ("LU9", "LI6") in {c.members for c in host_guest}


def test_combinations_in_the_api_the_json_and_the_cli() -> None:
    assert "four-gates" in [c.name for c in acupoints.combinations("LI4")]
    assert acupoints.combination("four-gates").members == ("LI4", "LR3")
    with pytest.raises(KeyError):
        acupoints.combination("five-gates")
    assert acupoints.point("LR3").combinations[0] == "four-gates"
    data = json.loads(CliRunner().invoke(main, ["show", "LI4", "--json"]).output)
    assert "four-gates" in data["combinations"] and "actions" in data
    text = CliRunner().invoke(main, ["show", "LI4"]).output
    assert "Combined with LR3: Four Gates" in text


def test_every_point_has_actions_with_sources(atlas: Atlas) -> None:
    keys = {s.key for s in atlas.sources()}
    for point in atlas.points():
        assert point.actions.items and point.actions.sources, point.code
        assert set(point.actions.sources) <= keys, point.code
    broken = changed(atlas, "LI4", lambda d: d["actions"].update(sources=["no-such-book"]))
    assert any("no-such-book" in p for p in clinical_problems(atlas, points=tuple(broken)))
    text = CliRunner().invoke(main, ["show", "LI4"]).output
    assert "Actions: " in text


def test_the_pairings_are_the_ones_the_complaint_rules_use(atlas: Atlas) -> None:
    chosen = [set(acupoints.candidates(c.name).codes) for c in atlas.complaints()]
    for combination in atlas.combinations():
        if combination.kind == "pairing":
            assert any(set(combination.members) <= codes for codes in chosen), combination.name


def test_combination_members_are_checked(atlas: Atlas) -> None:
    bad = atlas.combination("four-gates").model_copy(update={"members": ("LI4", "LR99")})
    assert any("LR99" in p for p in clinical_problems(atlas, combinations=(bad,)))
