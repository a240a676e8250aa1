"""The answer to a complaint query: candidates, exclusions, reasons, safety.

Plain frozen dataclasses: they are built for every query, and their
``as_dict()`` is the JSON that ``--json``, the HTTP API and the static API
publish (described by :class:`acupoints.export.CandidatesDocument`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, overload

from ._disclaimer import DISCLAIMER
from .models import Complaint, Evidence, Point, RedFlags, Role

if TYPE_CHECKING:
    from .atlas import Atlas

__all__ = [
    "DISCLAIMER",
    "Candidate",
    "Candidates",
    "Excluded",
    "Reason",
    "from_record",
    "pregnancy_stage",
    "warnings_for",
]


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
        else {
            "severity": pregnancy.severity,
            "from_month": pregnancy.from_month,
            "reason": pregnancy.reason,
            "sources": list(pregnancy.sources),
        },
        "moxibustion": {"status": point.moxibustion.status, "reason": point.moxibustion.reason},
        "needling_forbidden": point.needling.forbidden,
        "hazards": [{"hazard": c.hazard, "text": c.text} for c in point.needling.cautions],
        "other": [
            {"condition": c.condition, "severity": c.severity, "reason": c.reason}
            for c in point.contraindications
            if c.condition != "pregnancy"
        ],
    }


def pregnancy_stage(month: int | None) -> str:
    """``" from the fourth month"`` for a flag that starts later in pregnancy, else ``""``."""
    ordinal = {2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth", 7: "seventh", 8: "eighth"}
    return f" from the {ordinal.get(month or 1, f'{month}th')} month" if month and month > 1 else ""


def warnings_for(point: Point, pregnant: bool) -> tuple[str, ...]:
    """The point's safety flags as sentences, pregnancy first."""
    out: list[str] = []
    pregnancy = point.pregnancy
    if pregnancy is not None:
        stage = pregnancy_stage(pregnancy.from_month)
        if pregnancy.severity == "forbidden":
            out.append(f"Traditionally forbidden in pregnancy{stage}: {pregnancy.reason}")
        elif pregnant:
            out.append(f"Pregnancy: use with caution{stage}. {pregnancy.reason}")
        else:
            out.append(f"Caution in pregnancy{stage}: {pregnancy.reason}")
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
class Candidates(Sequence[Candidate]):
    """The answer to a complaint query: ranked candidates and what was excluded.

    A read-only sequence of :class:`Candidate` in rank order that can also be
    indexed by point code; ``in``, ``len``, iteration and both kinds of index
    agree:

    >>> import acupoints
    >>> answer = acupoints.candidates("low back pain")
    >>> answer[0] is answer[answer[0].code], answer[0] in answer, "BL23" in answer
    (True, True, True)
    """

    complaint: Complaint
    pregnant: bool
    level: str | None
    candidates: tuple[Candidate, ...]
    excluded: tuple[Excluded, ...]
    notes: tuple[str, ...] = field(default=())
    red_flags: RedFlags | None = None
    """Warning signs that need medical assessment first (the complaint's, or its parent's)."""
    evidence: Evidence | None = None
    """What reviews and guidelines assessed or recommend (the complaint's, or its parent's)."""

    def __iter__(self) -> Iterator[Candidate]:
        return iter(self.candidates)

    def __len__(self) -> int:
        return len(self.candidates)

    @overload
    def __getitem__(self, key: int) -> Candidate: ...
    @overload
    def __getitem__(self, key: str) -> Candidate: ...
    @overload
    def __getitem__(self, key: slice) -> tuple[Candidate, ...]: ...
    def __getitem__(self, key: int | str | slice) -> Candidate | tuple[Candidate, ...]:
        """A candidate by rank position (``[0]``), or by point code in any
        notation (``["BL23"]``, ``["UB23"]``: a KeyError if it is not a candidate)."""
        if isinstance(key, str):
            code = _code_of(key)
            for candidate in self.candidates:
                if candidate.point.code == code:
                    return candidate
            raise KeyError(key)
        if isinstance(key, bool) or not isinstance(key, int | slice):
            raise TypeError(f"candidates are indexed by position or point code, not {type(key).__name__}")
        return self.candidates[key]

    def __contains__(self, item: object) -> bool:
        """A candidate, or a point code in any notation, among the candidates."""
        if isinstance(item, str):
            code = _code_of(item)
            return any(c.point.code == code for c in self.candidates)
        return item in self.candidates

    def get(self, code: str, default: Candidate | None = None) -> Candidate | None:
        """The candidate for a point code, or ``default``."""
        try:
            return self[code]
        except KeyError:
            return default

    def keys(self) -> list[str]:
        """The candidates' codes in rank order (as :attr:`codes`)."""
        return self.codes

    @property
    def codes(self) -> list[str]:
        return [c.point.code for c in self.candidates]

    def limited(self, limit: int | None) -> Candidates:
        """The same answer with at most ``limit`` candidates (None or 0: all)."""
        if not limit or limit >= len(self.candidates):
            return self
        return Candidates(
            self.complaint,
            self.pregnant,
            self.level,
            self.candidates[:limit],
            self.excluded,
            self.notes,
            self.red_flags,
            self.evidence,
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "complaint": self.complaint.name,
            "label": self.complaint.label,
            "pregnant": self.pregnant,
            "level": self.level,
            "red_flags": None if self.red_flags is None else self.red_flags.model_dump(mode="json"),
            "evidence": None if self.evidence is None else self.evidence.model_dump(mode="json"),
            "candidates": [c.as_dict() for c in self.candidates],
            "excluded": [e.as_dict() for e in self.excluded],
            "notes": list(self.notes),
            "disclaimer": DISCLAIMER,
        }


def _code_of(text: str) -> str:
    from .codes import normalize_code

    return normalize_code(text) or text


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
    from ._construct import construct

    flags, evidence = record.get("red_flags"), record.get("evidence")
    return Candidates(
        complaint,
        record["pregnant"],
        record["level"],
        candidates,
        excluded,
        tuple(record["notes"]),
        None if flags is None else construct(RedFlags, flags),
        None if evidence is None else construct(Evidence, evidence),
    )
