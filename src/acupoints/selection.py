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
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .models import Complaint, Point, Role, Rule, level_index

if TYPE_CHECKING:
    from .atlas import Atlas

__all__ = [
    "DISCLAIMER",
    "RULE_WEIGHTS",
    "Candidate",
    "Candidates",
    "Excluded",
    "Reason",
    "from_record",
    "select",
]

DISCLAIMER = (
    "A reference, not medical advice: traditional point selections with their sources. "
    "See a qualified practitioner."
)

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


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a point was chosen: the rule, a sentence, and its sources."""

    rule: str
    text: str
    sources: tuple[str, ...]
    weight: int

    def as_dict(self) -> dict[str, Any]:
        return {"rule": self.rule, "text": self.text, "sources": list(self.sources), "weight": self.weight}


def _safety(point: Point) -> dict[str, Any]:
    pregnancy = point.pregnancy
    return {
        "pregnancy": None
        if pregnancy is None
        else {"severity": pregnancy.severity, "reason": pregnancy.reason, "sources": list(pregnancy.sources)},
        "moxibustion": {"status": point.moxibustion.status, "reason": point.moxibustion.reason},
        "needling_forbidden": point.needling.forbidden,
        "hazards": [{"hazard": c.hazard, "text": c.text} for c in point.needling.cautions],
        "other": [
            {"condition": c.condition, "severity": c.severity, "reason": c.reason}
            for c in point.contraindications
            if c.condition != "pregnancy"
        ],
    }


def _warnings(point: Point, pregnant: bool) -> tuple[str, ...]:
    out: list[str] = []
    pregnancy = point.pregnancy
    if pregnancy is not None:
        if pregnancy.severity == "forbidden":
            out.append(f"Traditionally forbidden in pregnancy: {pregnancy.reason}")
        elif pregnant:
            out.append(f"Pregnancy: use with caution. {pregnancy.reason}")
        else:
            out.append(f"Caution in pregnancy: {pregnancy.reason}")
    if point.needling.forbidden:
        out.append(f"Needling forbidden: {point.needling.note}")
    for caution in point.needling.cautions:
        out.append(f"Deep structure ({caution.hazard}): {caution.text}")
    if point.moxibustion.status != "allowed":
        out.append(f"Moxibustion {point.moxibustion.status}: {point.moxibustion.reason}")
    for contra in point.contraindications:
        if contra.condition != "pregnancy":
            out.append(f"{contra.condition.capitalize()}: {contra.severity}. {contra.reason}")
    return tuple(out)


def _point_summary(point: Point) -> dict[str, Any]:
    return {
        "code": point.code,
        "pinyin": point.pinyin,
        "hanzi": point.hanzi,
        "hanzi_traditional": point.hanzi_traditional,
        "english": point.english,
        "meridian": point.meridian,
    }


def _sources(reasons: tuple[Reason, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(key for reason in reasons for key in reason.sources))


@dataclass(frozen=True, slots=True)
class Candidate:
    """A candidate point for a complaint, with why, where from, and what to watch."""

    point: Point
    role: Role
    reasons: tuple[Reason, ...]
    warnings: tuple[str, ...]
    score: int
    rank: int
    rank_reason: str

    @property
    def code(self) -> str:
        return self.point.code

    @property
    def sources(self) -> tuple[str, ...]:
        """Bibliography keys behind the reasons, in order of first use."""
        return _sources(self.reasons)

    def __repr__(self) -> str:
        return f"Candidate({self.point.code!r}, role={self.role!r}, rank={self.rank})"

    def as_dict(self) -> dict[str, Any]:
        return {
            **_point_summary(self.point),
            "role": self.role,
            "rank": self.rank,
            "score": self.score,
            "rank_reason": self.rank_reason,
            "reasons": [reason.as_dict() for reason in self.reasons],
            "sources": list(self.sources),
            "warnings": list(self.warnings),
            "safety": _safety(self.point),
        }


@dataclass(frozen=True, slots=True)
class Excluded:
    """A point the rules chose but the query's condition rules out, and why."""

    point: Point
    role: Role
    reasons: tuple[Reason, ...]
    why: str

    @property
    def code(self) -> str:
        return self.point.code

    def __repr__(self) -> str:
        return f"Excluded({self.point.code!r}, why={self.why!r})"

    def as_dict(self) -> dict[str, Any]:
        return {
            **_point_summary(self.point),
            "role": self.role,
            "why": self.why,
            "reasons": [reason.as_dict() for reason in self.reasons],
            "sources": list(_sources(self.reasons)),
            "safety": _safety(self.point),
        }


@dataclass(frozen=True, slots=True)
class Candidates:
    """The answer to a complaint query: ranked candidates and what was excluded."""

    complaint: Complaint
    pregnant: bool
    level: str | None
    candidates: tuple[Candidate, ...]
    excluded: tuple[Excluded, ...]
    notes: tuple[str, ...] = field(default=())

    def __iter__(self) -> Iterator[Candidate]:
        return iter(self.candidates)

    def __len__(self) -> int:
        return len(self.candidates)

    def __getitem__(self, code: str) -> Candidate:
        """The candidate for a point code (KeyError if it is not a candidate)."""
        for candidate in self.candidates:
            if candidate.point.code == code:
                return candidate
        raise KeyError(code)

    @property
    def codes(self) -> list[str]:
        return [c.point.code for c in self.candidates]

    def limited(self, limit: int | None) -> Candidates:
        """The same answer with at most ``limit`` candidates (None or 0: all)."""
        if not limit or limit >= len(self.candidates):
            return self
        return Candidates(
            self.complaint, self.pregnant, self.level, self.candidates[:limit], self.excluded, self.notes
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "complaint": self.complaint.name,
            "label": self.complaint.label,
            "pregnant": self.pregnant,
            "level": self.level,
            "candidates": [c.as_dict() for c in self.candidates],
            "excluded": [e.as_dict() for e in self.excluded],
            "notes": list(self.notes),
            "disclaimer": DISCLAIMER,
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
            excluded.append(
                Excluded(point, role, picked, f"Traditionally forbidden in pregnancy: {pregnancy.reason}")
            )
            continue
        parts = " + ".join(f"{kind} {weight}" for kind, weight in by_kind.items())
        rank_reason = f"score {score} ({parts}); ties broken by role, then atlas order"
        candidates.append(
            Candidate(
                point, role, picked, _warnings(point, pregnant), score, len(candidates) + 1, rank_reason
            )
        )
    notes = tuple(n for n in (complaint.note,) if n)
    if pregnant:
        notes += (
            "Pregnancy: points traditionally forbidden are listed under 'excluded' with the reason; "
            "points needing caution stay, with a warning.",
        )
    return Candidates(complaint, pregnant, level, tuple(candidates), tuple(excluded), notes)


def _reasons(items: list[dict[str, Any]]) -> tuple[Reason, ...]:
    return tuple(Reason(r["rule"], r["text"], tuple(r["sources"]), r["weight"]) for r in items)


def from_record(atlas: Atlas, complaint: Complaint, record: dict[str, Any]) -> Candidates:
    """Rebuild an answer from its ``as_dict()`` form (as stored in the compiled data)."""
    candidates = tuple(
        Candidate(
            atlas.point(item["code"]),
            item["role"],
            _reasons(item["reasons"]),
            tuple(item["warnings"]),
            item["score"],
            item["rank"],
            item["rank_reason"],
        )
        for item in record["candidates"]
    )
    excluded = tuple(
        Excluded(atlas.point(item["code"]), item["role"], _reasons(item["reasons"]), item["why"])
        for item in record["excluded"]
    )
    return Candidates(
        complaint, record["pregnant"], record["level"], candidates, excluded, tuple(record["notes"])
    )
