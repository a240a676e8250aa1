"""From a complaint to ranked, explained candidate points.

Each selection rule is implemented here once; ``data/complaints.yaml`` only
parameterises them (which regions, levels, vessels or listed points, and the
sources). Every candidate carries its role, the reasons that chose it (rule,
sentence, sources), a rank with the reason for it, and the point's safety
flags. With ``pregnant=True`` every point traditionally forbidden in
pregnancy moves to ``excluded`` with the reason; cautioned points stay, with
a warning. Nothing is dropped silently.

This is a reference, not medical advice: the reasons are traditional
selection rules with their sources, not claims that a point works.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from .models import Complaint, Point, Role, Rule, level_index
from .results import Candidate, Candidates, Excluded, Reason, pregnancy_stage, warnings_for

if TYPE_CHECKING:
    from .atlas import Atlas

__all__ = ["RULE_WEIGHTS", "atlas_levels", "select"]

RULE_WEIGHTS: dict[str, int] = {
    "empirical": 4,
    "command": 4,
    "segmental": 2,
    "confluent": 3,
    "local": 2,
    "distal": 2,
    "adjacent": 1,
    "indication": 1,
    "level": 2,
    "main": 2,
}
"""How much each kind of reason adds to a candidate's score."""

_ROLE_ORDER: dict[str, int] = {"local": 0, "segmental": 1, "adjacent": 2, "distal": 3}
_DEFAULT_ROLE: dict[str, Role] = {
    "local": "local",
    "adjacent": "adjacent",
    "segmental": "segmental",
    "distal": "distal",
    "command": "distal",
    "confluent": "distal",
}


# -- the rules ----------------------------------------------------------------


def _level_text(point: Point) -> str:
    loc = point.location
    if loc.level is None:
        return ""
    span = f"{loc.level}–{loc.level_to}" if loc.level_to else loc.level
    return f" at {span}"


def _region_label(atlas: Atlas, names: tuple[str, ...]) -> str:
    return " and ".join(atlas.region(n).label.split(" (")[0].lower() for n in names)


def _spans(point: Point, low: int, high: int) -> tuple[int, int] | None:
    """The part of ``low..high`` (level indexes) that the point covers."""
    loc = point.location
    if loc.level is None:
        return None
    start = level_index(loc.level)
    end = level_index(loc.level_to) if loc.level_to else start
    first, last = max(start, low), min(end, high)
    return (first, last) if first <= last else None


def _apply(
    atlas: Atlas, owner: Complaint, rule: Rule, level: str | None
) -> Iterator[tuple[Point, Role, Reason]]:
    weight = RULE_WEIGHTS[rule.rule] + (RULE_WEIGHTS["main"] if rule.main else 0)
    sources = rule.sources
    main = "Main point of the classical prescription. " if rule.main else ""
    regions = rule.regions or owner.regions
    kind = rule.rule
    if kind in ("local", "adjacent"):
        area = {name for region in regions for name in atlas.region_names_within(region)}
        for point in atlas.points():
            inside = tuple(r for r in point.location.regions if r in area)
            if not inside:
                continue
            if rule.groups and point.group not in rule.groups:
                continue
            if rule.points and point.code not in rule.points:
                continue
            where = "on" if kind == "local" else "next to the painful area, on"
            text = f"{main}Lies {where} the {_region_label(atlas, inside)}{_level_text(point)}"
            yield point, _DEFAULT_ROLE[kind], Reason(kind, text, sources, weight)
    elif kind == "segmental":
        assert rule.levels is not None
        low, high = (level_index(v) for v in rule.levels)
        if level is not None:
            wanted = level_index(level)
            if not low <= wanted <= high:
                return
            low = high = wanted
            weight += RULE_WEIGHTS["level"]
        for point in atlas.points():
            covered = _spans(point, low, high)
            if covered is None:
                continue
            loc = point.location
            span = atlas_levels(covered)
            if point.group == "EX-B" and loc.from_midline_cun == 0.5:
                text = f"Huatuojiaji, beside the spine at {span}"
            elif point.meridian == "BL" and loc.from_midline_cun == 1.5:
                shu = point.category("back-shu")
                text = (
                    f"Back-shu point of the {shu.organ.replace('-', ' ')} at {span}"
                    if shu is not None and shu.organ is not None
                    else f"Inner Bladder-line point at {span}, in the same segment"
                )
            else:
                continue
            yield point, "segmental", Reason(kind, text, sources, weight)
    elif kind == "distal":
        label = _region_label(atlas, regions)
        for code in rule.points:
            point = atlas.point(code)
            if rule.reason:
                text = main + rule.reason
            else:
                meridian = atlas.meridian(point.meridian or "")
                text = f"{main}Distal point on the {meridian.english}, which runs through the {label}"
            yield point, "distal", Reason(kind, text, sources, weight)
    elif kind == "command":
        names = {name for region in regions for name in atlas.region_ancestors(region)}
        for point in atlas.points(category="command"):
            for category in point.categories:
                if category.kind == "command" and names.intersection(category.regions):
                    commanded = " and ".join(category.regions)
                    text = f"Command point of the {commanded}, one of the classical command points"
                    yield point, "distal", Reason(kind, text, sources, weight)
    elif kind == "confluent":
        for vessel_code in rule.vessels:
            vessel = atlas.vessel(vessel_code)
            if vessel.confluent is None:
                continue
            point = atlas.point(vessel.confluent)
            text = f"Opening (confluent) point of the {vessel.english}"
            yield point, "distal", Reason(kind, text, sources, weight)
    elif kind == "empirical":
        assert rule.role is not None and rule.reason is not None
        for code in rule.points:
            yield atlas.point(code), rule.role, Reason(kind, main + rule.reason, sources, weight)


def atlas_levels(span: tuple[int, int]) -> str:
    """``(index, index)`` of vertebral levels as text: ``L4`` or ``L1–L5``."""
    from .models import VERTEBRAL_LEVELS

    first, last = (VERTEBRAL_LEVELS[i] for i in span)
    return first if first == last else f"{first}–{last}"


def _lineage(atlas: Atlas, complaint: Complaint) -> list[Complaint]:
    chain = [complaint]
    while chain[-1].parent is not None:
        chain.append(atlas.complaint(chain[-1].parent))
    return list(reversed(chain))


def _indication(point: Point, terms: tuple[str, ...]) -> Reason | None:
    for item in point.indications.items:
        low = item.casefold()
        if any(term in low for term in terms):
            return Reason(
                "indication",
                f"Its traditional indications include {item!r}",
                point.indications.sources,
                RULE_WEIGHTS["indication"],
            )
    return None


def select(
    atlas: Atlas, complaint: Complaint, *, pregnant: bool = False, level: str | None = None
) -> Candidates:
    """Apply a complaint's rules (and its parents') and rank the result."""
    chosen: dict[str, tuple[Point, Role, list[Reason]]] = {}
    for owner in _lineage(atlas, complaint):
        for rule in owner.rules:
            for point, role, reason in _apply(atlas, owner, rule, level):
                entry = chosen.get(point.code)
                if entry is None:
                    chosen[point.code] = (point, role, [reason])
                    continue
                best = role if _ROLE_ORDER[role] < _ROLE_ORDER[entry[1]] else entry[1]
                reasons = entry[2]
                # one reason per kind of rule: the strongest (a main point over a plain one)
                same = next((i for i, r in enumerate(reasons) if r.rule == reason.rule), None)
                if same is None:
                    reasons.append(reason)
                elif reason.weight > reasons[same].weight:
                    reasons[same] = reason
                chosen[point.code] = (point, best, reasons)

    terms = tuple(
        t.casefold()
        for c in _lineage(atlas, complaint)
        for t in (c.label, *c.synonyms, *c.indication_terms)
        if len(t) > 3 and t.isascii()
    )
    order = {p.code: i for i, p in enumerate(atlas.points())}
    scored: list[tuple[Point, Role, tuple[Reason, ...], dict[str, int]]] = []
    for point, role, reason_list in chosen.values():
        found = _indication(point, terms)
        if found is not None:
            reason_list.append(found)
        if level is not None and point.location.level == level and role != "segmental":
            reason_list.append(Reason("level", f"At the level given, {level}", (), RULE_WEIGHTS["level"]))
        # a kind of rule counts once, at its strongest, however often it chose the point
        by_kind: dict[str, int] = {}
        for r in reason_list:
            by_kind[r.rule] = max(by_kind.get(r.rule, 0), r.weight)
        scored.append((point, role, tuple(reason_list), by_kind))
    scored.sort(key=lambda item: (-sum(item[3].values()), _ROLE_ORDER[item[1]], order[item[0].code]))

    candidates: list[Candidate] = []
    excluded: list[Excluded] = []
    for point, role, picked, by_kind in scored:
        score = sum(by_kind.values())
        pregnancy = point.pregnancy
        if pregnant and pregnancy is not None and pregnancy.severity == "forbidden":
            # the stage of pregnancy is not asked, so a flag from a later month also excludes
            stage = pregnancy_stage(pregnancy.from_month)
            why = f"Traditionally forbidden in pregnancy{stage}: {pregnancy.reason}"
            excluded.append(Excluded(point, role, picked, why))
            continue
        parts = " + ".join(f"{kind} {weight}" for kind, weight in by_kind.items())
        rank_reason = f"score {score} ({parts}); ties broken by role, then atlas order"
        candidates.append(
            Candidate(
                point, role, picked, warnings_for(point, pregnant), score, len(candidates) + 1, rank_reason
            )
        )
    notes = tuple(n for n in (complaint.note,) if n)
    if pregnant:
        notes += (
            "Pregnancy: points traditionally forbidden are listed under 'excluded' with the reason, "
            "also those forbidden only from a later month, since the stage is not given; "
            "points needing caution stay, with a warning.",
        )
        notes += tuple(c.pregnancy_note for c in _lineage(atlas, complaint) if c.pregnancy_note)
    lineage = list(reversed(_lineage(atlas, complaint)))  # the complaint first, then its parents
    red_flags = next((c.red_flags for c in lineage if c.red_flags is not None), None)
    evidence = next((c.evidence for c in lineage if c.evidence is not None), None)
    return Candidates(
        complaint, pregnant, level, tuple(candidates), tuple(excluded), notes, red_flags, evidence
    )
