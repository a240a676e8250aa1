"""JSON for other apps: the export, the static JSON API and their JSON Schema.

``acupoints export`` prints :func:`export_json`; its shape is
:class:`~acupoints.models.AtlasData`, so :func:`acupoints.load` reads it back.
:func:`static_api` gives every file of the static API that the site
publishes under ``/data/v1/``; :func:`json_schema` describes all of them.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict

from .models import (
    AtlasData,
    Combination,
    Complaint,
    Evidence,
    Meridian,
    Point,
    RedFlags,
    Region,
    Role,
    Source,
    Vessel,
)

if TYPE_CHECKING:
    from .atlas import Atlas

__all__ = [
    "LIST_DOCUMENTS",
    "SCHEMA_CHANGES",
    "SCHEMA_REVISION",
    "SCHEMA_VERSION",
    "STATIC_DOCUMENTS",
    "ApiIndexDocument",
    "CandidatesDocument",
    "ComplaintDocument",
    "ErrorDocument",
    "IndexDocument",
    "MeridianWithPoints",
    "RegionWithPoints",
    "SearchResultDocument",
    "VesselWithPoints",
    "export_data",
    "export_json",
    "json_schema",
    "search_dictionary",
    "static_api",
]

SCHEMA_VERSION = 1
"""Bumped whenever a field is removed or changes meaning; additions keep it."""

SCHEMA_CHANGES: tuple[tuple[str, str], ...] = (
    ("1.0", "First published: AtlasData, Point, Meridian, Vessel, Region, Source, Complaint, "
            "CandidatesDocument, ComplaintDocument, IndexDocument."),
    ("1.1", "A named definition for every document, arrays included (PointList, MeridianList, "
            "VesselList, RegionList, ComplaintList, SourceList, SearchResultList), and for the HTTP "
            "API's own documents (MeridianWithPoints, VesselWithPoints, RegionWithPoints, "
            "ErrorDocument, ApiIndexDocument); the bibliography published as sources.json and "
            "/sources; IndexDocument.documents names each file's definition; text is trimmed, "
            "1 to 2000 characters, without control characters; hours are 0 to 23; no infinite "
            "or NaN numbers."),
    ("1.2", "Clinical layer (issue 11), additions only: Point.actions and Point.combinations, "
            "Needling.sources and alternatives, Contraindication.from_month, Source year, edition, "
            "doi and the kind guideline, Complaint red_flags, evidence and pregnancy_note, "
            "CandidatesDocument red_flags and evidence, AtlasData.combinations, Combination and "
            "combinations.json (CombinationList)."),
)  # fmt: skip
"""The schema's revisions (``schema_version`` ``.`` revision) and what each changed."""

SCHEMA_REVISION = SCHEMA_CHANGES[-1][0]

LIST_DOCUMENTS: dict[str, str] = {
    "PointList": "Point",
    "MeridianList": "Meridian",
    "VesselList": "Vessel",
    "RegionList": "Region",
    "ComplaintList": "Complaint",
    "SourceList": "Source",
    "CombinationList": "Combination",
    "SearchResultList": "SearchResultDocument",
}
"""The array documents and the definition of their items."""

STATIC_DOCUMENTS: dict[str, str] = {
    "index.json": "IndexDocument",
    "points.json": "PointList",
    "points/{code}.json": "Point",
    "meridians.json": "MeridianList",
    "vessels.json": "VesselList",
    "regions.json": "RegionList",
    "complaints.json": "ComplaintList",
    "complaints/{name}.json": "ComplaintDocument",
    "sources.json": "SourceList",
    "combinations.json": "CombinationList",
}
"""Each file of the static API and the ``$defs`` name of its document in the schema."""

_DOC = ConfigDict(extra="forbid", frozen=True, defer_build=True)


def export_data(atlas: Atlas) -> dict[str, Any]:
    """The whole atlas as JSON-ready data, every field present."""
    return atlas.data.model_dump(mode="json")


def export_json(atlas: Atlas, *, indent: int | None = 2) -> str:
    """The whole atlas as a JSON string (UTF-8 text, hanzi unescaped)."""
    return json.dumps(export_data(atlas), ensure_ascii=False, indent=indent)


# -- the documents of the static API, described as models for the JSON Schema ----


class ReasonDocument(BaseModel):
    """Why a point was chosen (``Reason.as_dict()``)."""

    model_config = _DOC
    rule: str
    text: str
    sources: list[str]
    weight: int


class PregnancyDocument(BaseModel):
    model_config = _DOC
    severity: Literal["forbidden", "caution"]
    from_month: int | None
    reason: str
    sources: list[str]


class MoxibustionDocument(BaseModel):
    model_config = _DOC
    status: Literal["allowed", "caution", "forbidden"]
    reason: str | None


class HazardDocument(BaseModel):
    model_config = _DOC
    hazard: str
    text: str


class OtherContraindicationDocument(BaseModel):
    model_config = _DOC
    condition: str
    severity: Literal["forbidden", "caution"]
    reason: str


class SafetyDocument(BaseModel):
    """The safety flags that travel with every point a query returns."""

    model_config = _DOC
    pregnancy: PregnancyDocument | None
    moxibustion: MoxibustionDocument
    needling_forbidden: bool
    hazards: list[HazardDocument]
    other: list[OtherContraindicationDocument]


class _PointSummary(BaseModel):
    """The names every candidate and excluded point carries."""

    model_config = _DOC
    code: str
    pinyin: str
    hanzi: str
    hanzi_traditional: str
    english: str
    meridian: str | None


class CandidateDocument(_PointSummary):
    """A candidate point (``Candidate.as_dict()``)."""

    role: Role
    rank: int
    score: int
    rank_reason: str
    reasons: list[ReasonDocument]
    sources: list[str]
    warnings: list[str]
    safety: SafetyDocument


class ExcludedDocument(_PointSummary):
    """A point left out because of the query's condition, and why."""

    role: Role
    why: str
    reasons: list[ReasonDocument]
    sources: list[str]
    safety: SafetyDocument


class CandidatesDocument(BaseModel):
    """The answer to a complaint query (``Candidates.as_dict()``, ``--json``)."""

    model_config = _DOC
    complaint: str
    label: str
    pregnant: bool
    level: str | None
    red_flags: RedFlags | None
    evidence: Evidence | None
    candidates: list[CandidateDocument]
    excluded: list[ExcludedDocument]
    notes: list[str]
    disclaimer: str


class ComplaintDocument(BaseModel):
    """``complaints/<name>.json``: the complaint, its answer, and the pregnancy variant."""

    model_config = _DOC
    complaint: Complaint
    candidates: CandidatesDocument
    pregnant: CandidatesDocument


class MatchedDocument(BaseModel):
    model_config = _DOC
    field: str
    text: str


class SearchResultDocument(_PointSummary):
    """One search result (``Match.as_dict()``)."""

    meridian: str | None = None
    score: float
    matched: MatchedDocument


class IndexDocument(BaseModel):
    """``index.json``: what the static API holds."""

    model_config = _DOC
    schema_version: int
    generated_at: str
    acupoints_version: str
    counts: dict[str, int]
    files: dict[str, str]
    documents: dict[str, str] = {}
    disclaimer: str


class MeridianWithPoints(Meridian):
    """A meridian and the codes of its points, in order (``/meridians/{code}``)."""

    points: list[str]


class VesselWithPoints(Vessel):
    """An extraordinary vessel and the codes of the points it passes through (``/vessels/{code}``)."""

    points: list[str]


class RegionWithPoints(Region):
    """A region and the codes of the points in it and its sub-regions (``/regions/{name}``)."""

    points: list[str]


class ErrorDocument(BaseModel):
    """What every 404, 409 and 414 answer of the HTTP API carries."""

    model_config = _DOC
    detail: str
    suggestions: list[str] = []
    matches: list[str] = []


class ApiIndexDocument(BaseModel):
    """``/`` of the HTTP API: what it offers."""

    model_config = _DOC
    name: str
    schema_version: int
    points: int
    routes: list[str]
    disclaimer: str


def json_schema() -> dict[str, Any]:
    """The JSON Schema of every document: the export and each static API file.

    ``$defs`` holds every model; the top level accepts any of the documents.
    """
    from pydantic.json_schema import models_json_schema

    documents: list[type[BaseModel]] = [
        AtlasData, Point, Meridian, Vessel, Region, Source, Complaint, Combination,
        CandidatesDocument, ComplaintDocument, IndexDocument, SearchResultDocument,
        MeridianWithPoints, VesselWithPoints, RegionWithPoints, ErrorDocument, ApiIndexDocument,
    ]  # fmt: skip
    _, schema = models_json_schema(
        [(model, "validation") for model in documents], ref_template="#/$defs/{model}"
    )
    defs: dict[str, Any] = schema["$defs"]
    for name, item in LIST_DOCUMENTS.items():
        defs[name] = {
            "title": name,
            "description": f"An array of {item}.",
            "type": "array",
            "items": {"$ref": f"#/$defs/{item}"},
        }
    names = [model.__name__ for model in documents] + list(LIST_DOCUMENTS)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"acupoints/schema/v{SCHEMA_VERSION}.json",
        "title": "acupoints data",
        "description": (
            "JSON documents published by acupoints: the export (AtlasData), each file of the static "
            "API and each body of the HTTP API; $defs names one definition per document "
            "(IndexDocument.documents says which file is which)."
        ),
        "version": SCHEMA_REVISION,
        "x-changes": [{"version": version, "changes": text} for version, text in SCHEMA_CHANGES],
        "anyOf": [{"$ref": f"#/$defs/{name}"} for name in names],
        "$defs": dict(sorted(defs.items())),
    }


def _dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def static_api(atlas: Atlas, *, generated_at: datetime | None = None, version: str = "") -> dict[str, str]:
    """Every file of the static JSON API, path (under ``data/v1/``) → JSON text.

    ``points.json``, ``points/<CODE>.json``, ``meridians.json``,
    ``regions.json``, ``complaints.json``, ``complaints/<name>.json``,
    ``sources.json``, ``index.json`` and ``schema.json``; ``STATIC_DOCUMENTS``
    names the schema's definition of each.
    """
    when = (generated_at or datetime.now(UTC)).isoformat(timespec="seconds")
    files: dict[str, str] = {}
    points = [atlas.point_record(p.code) for p in atlas.points()]
    files["points.json"] = _dumps(points)
    for record in points:
        files[f"points/{record['code']}.json"] = _dumps(record)
    files["meridians.json"] = _dumps([m.model_dump(mode="json") for m in atlas.meridians()])
    files["vessels.json"] = _dumps([v.model_dump(mode="json") for v in atlas.vessels()])
    files["regions.json"] = _dumps([r.model_dump(mode="json") for r in atlas.regions()])
    files["complaints.json"] = _dumps([c.model_dump(mode="json") for c in atlas.complaints()])
    files["sources.json"] = _dumps([s.model_dump(mode="json") for s in atlas.sources()])
    files["combinations.json"] = _dumps([c.model_dump(mode="json") for c in atlas.combinations()])
    for complaint in atlas.complaints():
        files[f"complaints/{complaint.name}.json"] = _dumps(
            {
                "complaint": complaint.model_dump(mode="json"),
                "candidates": atlas.candidates_record(complaint.name),
                "pregnant": atlas.candidates_record(complaint.name, pregnant=True),
            }
        )
    files["schema.json"] = _dumps(json_schema())
    described = {
        "points.json": "Point[]: every point",
        "points/{code}.json": "Point: one point by WHO code",
        "meridians.json": "Meridian[]",
        "vessels.json": "Vessel[]: the eight extraordinary vessels",
        "regions.json": "Region[]: the body-region tree",
        "complaints.json": "Complaint[]: complaints with synonyms, regions and rules",
        "complaints/{name}.json": "ComplaintDocument: candidates, and the pregnancy variant",
        "sources.json": "Source[]: the bibliography, cited by key",
        "combinations.json": "Combination[]: named combinations and the derived pairings",
        "schema.json": "JSON Schema of every document",
    }
    files["index.json"] = _dumps(
        {
            "schema_version": SCHEMA_VERSION,
            "generated_at": when,
            "acupoints_version": version,
            "counts": {
                "points": len(points),
                "standard_points": sum(1 for p in points if p["meridian"]),
                "meridians": len(atlas.meridians()),
                "complaints": len(atlas.complaints()),
                "combinations": len(atlas.combinations()),
                "regions": len(atlas.regions()),
            },
            "files": described,
            "documents": STATIC_DOCUMENTS,
            "disclaimer": "A reference, not medical advice.",
        }
    )
    return files


def search_dictionary(atlas: Atlas) -> str:
    """A jieba user dictionary of every name in hanzi (both scripts), so that
    site search keeps ``足三里`` or ``腎俞`` whole instead of splitting them.

    One ``word frequency tag`` line per name, sorted.
    """
    words: set[str] = set()
    for point in atlas.points():
        words.update((point.hanzi, point.hanzi_traditional))
        words.update(a.text for a in point.aliases if a.pinyin and len(a.text) > 1)
        words.update(v for k, v in point.readings.items() if k in ("ko", "ja"))
    for meridian in atlas.meridians():
        words.update((meridian.hanzi, meridian.hanzi_traditional))
    for vessel in atlas.vessels():
        words.update((vessel.hanzi, vessel.hanzi_traditional))
    for complaint in atlas.complaints():
        words.update(w for w in (complaint.hanzi, *complaint.synonyms) if w and not w.isascii())
    return "".join(f"{word} 100000 n\n" for word in sorted(w for w in words if len(w) > 1))
