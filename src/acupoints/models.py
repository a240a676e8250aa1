"""The data model: frozen pydantic models, one per kind of record.

Every model forbids unknown fields, so a typo in a data file is an error
rather than a silently dropped value. Field names are the names used in the
YAML files, in ``acupoints export`` and in the JSON Schema, so they are part
of the public, stable interface.

Models are built lazily (``defer_build``): defining them costs little at
import time, and the validator is only compiled when data is validated. The
models of a point and its parts live in ``_point_models.py`` and those of the
clinical layer in ``_clinical_models.py``; this module re-exports them all.

>>> from acupoints import load
>>> lung = load().meridian("LU")
>>> lung.english, lung.phase
('Lung Meridian', 'metal')
>>> lung.english = "Lung Channel"  # frozen: a shared record cannot be changed
Traceback (most recent call last):
...
pydantic_core._pydantic_core.ValidationError: 1 validation error for Meridian
...
"""

from typing import Literal, Self

from pydantic import BaseModel, Field, model_validator

from ._clinical_models import Actions, Combination, Evidence, NeedlingAlternative, RedFlags
from ._point_models import (
    MODEL_CONFIG,
    Alias,
    Alternative,
    Category,
    Caution,
    Contraindication,
    Indications,
    Location,
    Moxibustion,
    Needling,
    Point,
    ReadingTag,
    Xrefs,
)
from .placement import Measure, Position
from .vocabulary import (
    FIVE_SHU,
    VERTEBRAL_LEVELS,
    CategoryKind,
    Hazard,
    Hour,
    Level,
    Organ,
    Phase,
    PointCode,
    Role,
    RuleKind,
    Slug,
    SourceKey,
    Text,
    VesselCode,
    level_index,
)

__all__ = [
    "FIVE_SHU",
    "VERTEBRAL_LEVELS",
    "Actions",
    "Alias",
    "Alternative",
    "AtlasData",
    "Category",
    "CategoryKind",
    "Caution",
    "Combination",
    "Complaint",
    "Contraindication",
    "Evidence",
    "Hazard",
    "Indications",
    "Location",
    "Measure",
    "Meridian",
    "Moxibustion",
    "Needling",
    "NeedlingAlternative",
    "Organ",
    "Phase",
    "Point",
    "Position",
    "ReadingTag",
    "RedFlags",
    "Region",
    "Role",
    "Rule",
    "RuleKind",
    "Source",
    "Vessel",
    "VesselCode",
    "Xrefs",
    "level_index",
]


class Meridian(BaseModel):
    """One of the 14 meridians that carry the standard points."""

    model_config = MODEL_CONFIG

    code: Literal["LU", "LI", "ST", "SP", "HT", "SI", "BL", "KI", "PC", "TE", "GB", "LR", "GV", "CV"]
    english: Text = Field(description="English name, e.g. Lung Meridian.")
    pinyin: Text = Field(description="Pinyin of the channel's Chinese name.")
    hanzi: Text = Field(description="Chinese name of the channel, simplified.")
    hanzi_traditional: Text
    readings: dict[ReadingTag, Text] = Field(
        default_factory=dict,
        description="The channel's name read in Korean, Japanese and Vietnamese, as for points.",
    )
    organ: Organ | None = Field(description="Its organ; None for GV and CV.")
    polarity: Literal["yin", "yang"]
    limb: Literal["hand", "foot"] | None = Field(description="None for GV and CV.")
    phase: Phase | None = Field(description="None for GV and CV.")
    partner: str | None = Field(description="Interior-exterior partner meridian; None for GV and CV.")
    hours: tuple[Hour, Hour] | None = Field(
        description="Organ-clock hours (start, end), 24-hour clock; None for GV, CV."
    )
    flow_order: int | None = Field(
        ge=1, le=12, description="Position in the 24-hour flow from LU (1) to LR (12)."
    )
    point_count: int = Field(ge=1, description="Number of points on the meridian.")
    aliases: tuple[str, ...] = Field(default=(), description="Other codes in use, e.g. UB and B for BL.")

    def __repr__(self) -> str:
        return f"Meridian({self.code!r}, {self.english!r})"


class Vessel(BaseModel):
    """One of the eight extraordinary vessels."""

    model_config = MODEL_CONFIG

    code: VesselCode
    english: Text
    pinyin: Text
    hanzi: Text
    hanzi_traditional: Text
    meridian: str | None = Field(
        default=None, description="GV or CV for the two vessels with their own points."
    )
    confluent: PointCode | None = Field(default=None, description="Its opening point.")
    cleft: PointCode | None = Field(default=None, description="Its xi-cleft point.")
    trajectory: tuple[PointCode, ...] = Field(default=(), description="Points it passes through, in order.")

    def __repr__(self) -> str:
        return f"Vessel({self.code!r}, {self.english!r})"


class Region(BaseModel):
    """A body region in the region tree."""

    model_config = MODEL_CONFIG

    name: Slug
    label: Text
    parent: Slug | None = None
    hanzi: Text | None = None

    def __repr__(self) -> str:
        return f"Region({self.name!r})"


class Source(BaseModel):
    """A bibliographic reference, cited by key."""

    model_config = MODEL_CONFIG

    key: SourceKey
    citation: Text
    kind: Literal["standard", "textbook", "classic", "dictionary", "review", "guideline", "trial"]
    year: int | None = Field(
        default=None,
        ge=1000,
        le=2100,
        description="Year of the edition cited; None only for an undated online work.",
    )
    edition: Text = Field(description="Which edition, issue or version is cited.")
    doi: str | None = Field(default=None, pattern=r"^10\.\d{4,9}/\S+$", description="Checked DOI, if any.")
    note: Text | None = None


class Rule(BaseModel):
    """One selection rule of a complaint, with its parameters and sources.

    ``local`` and ``adjacent``: points lying in ``regions`` (default: the
    complaint's regions), optionally only those of ``groups`` or ``points``.
    ``segmental``: Huatuojiaji and the inner Bladder-line points at the
    vertebral ``levels`` (a range). ``distal``: the listed ``points``, far
    from the region on a channel that runs through it (or with a ``reason``).
    ``command``: the command points of the complaint's regions.
    ``confluent``: the opening points of ``vessels``. ``empirical``: the listed
    ``points`` with their ``role`` and ``reason``.
    """

    model_config = MODEL_CONFIG

    rule: RuleKind
    regions: tuple[Slug, ...] = ()
    groups: tuple[str, ...] = ()
    points: tuple[PointCode, ...] = ()
    levels: tuple[Level, Level] | None = None
    vessels: tuple[VesselCode, ...] = ()
    role: Role | None = Field(default=None, description="For empirical rules.")
    reason: Text | None = Field(default=None, description="Why, in a sentence; required for empirical.")
    main: bool = Field(
        default=False, description="The points are main points of the classical prescription (ranked higher)."
    )
    sources: tuple[SourceKey, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _parameters(self) -> Self:
        wanted: dict[str, set[str]] = {
            "local": {"regions", "groups", "points"},
            "adjacent": {"regions", "groups", "points"},
            "segmental": {"levels"},
            "distal": {"points", "reason"},
            "command": set(),
            "confluent": {"vessels"},
            "empirical": {"points", "role", "reason"},
        }
        allowed = wanted[self.rule]
        for name in ("regions", "groups", "points", "levels", "vessels", "role", "reason"):
            if getattr(self, name) and name not in allowed:
                raise ValueError(f"{name!r} does not apply to a {self.rule} rule")
        required = {
            "segmental": ("levels",),
            "distal": ("points",),
            "confluent": ("vessels",),
            "empirical": ("points", "role", "reason"),
            "adjacent": ("regions",),
        }.get(self.rule, ())
        for name in required:
            if not getattr(self, name):
                raise ValueError(f"a {self.rule} rule needs {name!r}")
        return self


class Complaint(BaseModel):
    """A complaint and the rules that select candidate points for it."""

    model_config = MODEL_CONFIG

    name: Slug = Field(description="Stable identifier, e.g. low-back-pain.")
    label: Text = Field(description="Display name, e.g. Low back pain.")
    hanzi: Text | None = None
    parent: Slug | None = Field(
        default=None, description="A broader complaint whose rules also apply (e.g. headache)."
    )
    synonyms: tuple[Text, ...] = ()
    regions: tuple[Slug, ...] = Field(default=(), description="Body regions the complaint involves.")
    indication_terms: tuple[Text, ...] = Field(
        default=(),
        description="Words looked for in the points' indications (besides the label and synonyms).",
    )
    note: Text | None = None
    pregnancy_note: str | None = Field(
        default=None, description="What pregnancy, and its stage, changes for this complaint."
    )
    red_flags: RedFlags | None = Field(
        default=None,
        description="Warning signs that need medical assessment first; a subtype may use its parent's.",
    )
    evidence: Evidence | None = Field(
        default=None,
        description="What reviews and guidelines assessed, neutrally; a subtype may use its parent's.",
    )
    rules: tuple[Rule, ...] = ()

    def __repr__(self) -> str:
        return f"Complaint({self.name!r})"


class AtlasData(BaseModel):
    """Everything the loader reads, as one validated document.

    This is also the shape of ``acupoints export`` and of the compiled JSON
    shipped inside the wheel.
    """

    model_config = MODEL_CONFIG

    schema_version: int = Field(default=1, description="Version of this document's shape.")
    meridians: tuple[Meridian, ...]
    vessels: tuple[Vessel, ...] = ()
    points: tuple[Point, ...]
    regions: tuple[Region, ...] = ()
    sources: tuple[Source, ...] = ()
    complaints: tuple[Complaint, ...] = ()
    combinations: tuple[Combination, ...] = ()
