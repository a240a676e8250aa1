"""The models of one point and its parts, re-exported by :mod:`acupoints.models`.

Kept apart from the collection models (meridians, vessels, regions, sources,
complaints and the whole document) so that each module stays readable.
"""

from typing import Literal, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ._clinical_models import Actions, NeedlingAlternative
from .placement import Measure, Position
from .vocabulary import (
    FIVE_SHU,
    CategoryKind,
    Hazard,
    Level,
    Organ,
    Phase,
    PointCode,
    Slug,
    SourceKey,
    Text,
    Tissue,
    VesselCode,
)

__all__ = [
    "Alias",
    "Alternative",
    "Category",
    "Caution",
    "Contraindication",
    "Indications",
    "Location",
    "Moxibustion",
    "Needling",
    "Point",
    "ReadingTag",
    "Xrefs",
]

MODEL_CONFIG = ConfigDict(frozen=True, extra="forbid", defer_build=True, allow_inf_nan=False)
"""The configuration every data model shares: frozen, no unknown fields, no inf or nan."""


class Alias(BaseModel):
    """Another name, reading or notation under which a point is known."""

    model_config = MODEL_CONFIG

    text: Text = Field(description="The alias as written: hanzi, pinyin or a code.")
    pinyin: Text | None = Field(default=None, description="Tone-marked pinyin, when the alias is in hanzi.")
    kind: Literal["other-name", "old-name", "variant", "reading", "notation"] = Field(
        description=(
            "other-name: another classical name; old-name: a name the standard "
            "replaced; variant: a variant or mistaken character form found in "
            "circulation; reading: another reading of the same characters; "
            "notation: another code system (e.g. M-BW-35)."
        )
    )
    note: Text | None = Field(default=None, description="Why the alias exists.")


class Caution(BaseModel):
    """A structure beneath the point and what to take care of."""

    model_config = MODEL_CONFIG

    hazard: Hazard
    text: Text


class Needling(BaseModel):
    """How the point is usually needled."""

    model_config = MODEL_CONFIG

    depth_cun: tuple[float, float] = Field(description="Usual depth range in cun, shallowest first.")
    angle: Literal["perpendicular", "oblique", "transverse"] | None = Field(
        default=None, description="Required unless needling is forbidden."
    )
    forbidden: bool = Field(default=False, description="Needling is traditionally forbidden (e.g. CV8).")
    cautions: tuple[Caution, ...] = ()
    note: Text | None = Field(default=None, description="Other technique notes.")
    sources: tuple[SourceKey, ...] = Field(
        min_length=1, description="Where the depth and angle (or the prohibition) come from."
    )
    alternatives: tuple[NeedlingAlternative, ...] = Field(
        default=(),
        description="Depths or angles other references give; the conservative one above is the default.",
    )

    @model_validator(mode="after")
    def _depth_in_order(self) -> Self:
        low, high = self.depth_cun
        if self.forbidden:
            if self.depth_cun != (0, 0) or self.angle is not None or not self.note:
                raise ValueError("forbidden needling needs depth_cun [0, 0], no angle, and a note why")
            return self
        if self.angle is None:
            raise ValueError("angle is required unless needling is forbidden")
        if not 0 < low <= high <= 5:
            raise ValueError(f"depth_cun must be 0 < shallow <= deep <= 5, got {list(self.depth_cun)}")
        return self


class Moxibustion(BaseModel):
    """Whether moxibustion is used on the point."""

    model_config = MODEL_CONFIG

    status: Literal["allowed", "caution", "forbidden"]
    reason: Text | None = None

    @model_validator(mode="after")
    def _reason_unless_allowed(self) -> Self:
        if self.status != "allowed" and not self.reason:
            raise ValueError(f"moxibustion {self.status!r} needs a reason")
        return self


class Contraindication(BaseModel):
    """A condition in which the point is avoided or used with care."""

    model_config = MODEL_CONFIG

    condition: Literal["pregnancy", "infants"]
    severity: Literal["forbidden", "caution"]
    reason: Text
    sources: tuple[SourceKey, ...] = ()
    from_month: int | None = Field(
        default=None,
        ge=2,
        le=9,
        description=(
            "Pregnancy only: the month of pregnancy from which this applies (4: after the "
            "third month, as in WHO 1999 section 2.1). None: throughout the pregnancy."
        ),
    )

    @model_validator(mode="after")
    def _month_for_pregnancy(self) -> Self:
        if self.from_month is not None and self.condition != "pregnancy":
            raise ValueError("from_month applies to pregnancy only")
        return self


class Category(BaseModel):
    """A traditional category the point belongs to, with its qualifier."""

    model_config = MODEL_CONFIG

    kind: CategoryKind
    phase: Phase | None = Field(default=None, description="For the five shu points.")
    organ: Organ | None = Field(default=None, description="For back-shu, front-mu and lower-he-sea points.")
    tissue: Tissue | None = Field(default=None, description="For influential points.")
    vessel: VesselCode | None = Field(
        default=None,
        description="For confluent points, and xi-cleft points of a vessel.",
    )
    regions: tuple[Slug, ...] = Field(default=(), description="For command points: the regions they command.")
    channels: tuple[str, ...] = Field(
        default=(),
        description=("For crossing points: the other meridians (codes) or vessels (slugs) that meet here."),
    )

    @property
    def qualifier(self) -> str | None:
        """The qualifier as text (phase, organ, tissue, vessel, regions or channels).

        >>> Category(kind="command", regions=("head", "neck")).qualifier
        'head, neck'
        """
        return (
            self.phase
            or self.organ
            or self.tissue
            or self.vessel
            or ", ".join(self.regions or self.channels)
            or None
        )

    @model_validator(mode="after")
    def _qualifiers(self) -> Self:
        needs: dict[str, str] = {
            "back-shu": "organ",
            "front-mu": "organ",
            "lower-he-sea": "organ",
            "influential": "tissue",
            "confluent": "vessel",
            "command": "regions",
            "crossing": "channels",
        }
        needs.update(dict.fromkeys(FIVE_SHU, "phase"))
        wanted = needs.get(self.kind)
        for name in ("phase", "organ", "tissue", "vessel", "regions", "channels"):
            value = getattr(self, name)
            if name == wanted and not value:
                raise ValueError(f"a {self.kind} category needs {name!r}")
            if value and name != wanted and not (name == "vessel" and self.kind == "xi-cleft"):
                raise ValueError(f"{name!r} does not apply to a {self.kind} category")
        return self


class Alternative(BaseModel):
    """Another place the point is found, which a standard records beside the main one."""

    model_config = MODEL_CONFIG

    text: Text = Field(description="Where, in our own words.")
    structure: tuple[Measure, ...] = Field(min_length=1, description="The place as data.")
    position: Position | None = Field(default=None, description="Computed, never typed in.")
    sources: tuple[SourceKey, ...] = Field(min_length=1)
    note: str | None = Field(default=None, description="Who uses it, and why it differs.")


class Location(BaseModel):
    """Where the point is, in our own words, and where it sits in the body."""

    model_config = MODEL_CONFIG

    text: Text = Field(description="How to find the point: landmarks and cun.")
    regions: tuple[Slug, ...] = Field(min_length=1, description="Body regions (slugs from regions.yaml).")
    side: Literal["bilateral", "midline", "left", "right"] = Field(
        description="bilateral (a pair), midline (single), or left/right for the "
        "rare points found on one side only (EX-HN12, EX-HN13)."
    )
    level: Level | None = Field(
        default=None,
        description="Vertebral level for points on the back and neck (e.g. L2).",
    )
    level_to: Level | None = Field(
        default=None,
        description="For a row of points along the spine (EX-B2): the lowest level.",
    )
    from_midline_cun: float | None = Field(
        default=None,
        ge=0,
        description="Distance from the anterior or posterior midline in cun, for points on the trunk.",
    )
    structure: tuple[Measure, ...] = Field(
        default=(),
        description="The location as data: one measure per position (the left one of a pair).",
    )
    position: Position | None = Field(
        default=None,
        description="Computed from the structure by the body model (never typed in): the first position.",
    )
    positions: tuple[Position, ...] = Field(
        default=(),
        description="Computed: every position, for a point that has several (EX-B2 ...).",
    )
    alternatives: tuple[Alternative, ...] = Field(
        default=(),
        description="Other places a standard records beside the main one "
        "(WHO 2008: LI19, LI20, PC8, PC9, GB30, GV26).",
    )


ReadingTag = Literal["ko", "ko-Latn", "ja", "ja-Latn", "vi"]
"""Language tags of a point's readings: Korean in hangul and Revised
Romanization, Japanese in kana and Hepburn, Sino-Vietnamese in quốc ngữ."""

_SURFACE_URLS = {
    "UBERON": "http://purl.obolibrary.org/obo/UBERON_{}",
    "ILX": "http://uri.interlex.org/base/ilx_{}",
}


class Xrefs(BaseModel):
    """Identifiers of the point in research ontologies.

    >>> x = Xrefs(tara="TARA_0913913", surface="UBERON:0016416")
    >>> x.tara_url, x.surface_url
    ('http://www.acupunctureresearch.org/tara/ontology/TARA_0913913', 'http://purl.obolibrary.org/obo/UBERON_0016416')
    """

    model_config = MODEL_CONFIG

    tara: str = Field(pattern=r"^TARA_\d{7}$", description="The point in the TARA Acupoints Ontology.")
    surface: str | None = Field(
        default=None,
        pattern=r"^(UBERON|ILX):\d{7}$",
        description="The UBERON or InterLex term of the body surface TARA places the point on, if any.",
    )

    @property
    def tara_url(self) -> str:
        """The TARA term's IRI."""
        return f"http://www.acupunctureresearch.org/tara/ontology/{self.tara}"

    @property
    def surface_url(self) -> str | None:
        """The surface term's IRI (OBO PURL for UBERON, InterLex for ILX)."""
        if self.surface is None:
            return None
        prefix, number = self.surface.split(":")
        return _SURFACE_URLS[prefix].format(number)


class Indications(BaseModel):
    """Traditional indications, short phrases, with their sources."""

    model_config = MODEL_CONFIG

    items: tuple[Text, ...] = Field(min_length=1)
    sources: tuple[SourceKey, ...] = Field(min_length=1)


class Point(BaseModel):
    """One acupuncture point.

    ``meridian`` is the meridian code for the 361 standard points and
    ``None`` for extra points; ``group`` is the file the point lives in
    (``BL``, ``EX-B`` ...).
    """

    model_config = MODEL_CONFIG

    code: PointCode = Field(description="WHO alphanumeric code, e.g. LI4 or EX-B2.")
    group: str = Field(description="Meridian code or extra-point group, e.g. BL, EX-HN.")
    meridian: str | None = Field(description="Meridian code; None for extra points.")
    number: int = Field(ge=1, description="Number along the meridian or in the group.")
    pinyin: Text = Field(description="Tone-marked Hanyu Pinyin, e.g. Hégǔ.")
    hanzi: Text = Field(description="Simplified Chinese characters.")
    hanzi_traditional: Text = Field(description="Traditional Chinese characters.")
    english: Text = Field(description="An English translation of the name.")
    aliases: tuple[Alias, ...] = ()
    readings: dict[ReadingTag, Text] = Field(
        default_factory=dict,
        description=(
            "The name read in other languages, by language tag: ko (hangul), ko-Latn "
            "(Revised Romanization), ja (kana), ja-Latn (Hepburn), vi (Sino-Vietnamese)."
        ),
    )
    xrefs: Xrefs | None = Field(default=None, description="Ontology identifiers; standard points only.")
    location: Location
    needling: Needling
    moxibustion: Moxibustion
    contraindications: tuple[Contraindication, ...] = ()
    categories: tuple[Category, ...] = ()
    indications: Indications
    actions: Actions = Field(description="Traditional actions (functions), short phrases, with sources.")
    sources: tuple[SourceKey, ...] = Field(min_length=1, description="References for the name and location.")
    notes: tuple[Text, ...] = ()
    combinations: tuple[Slug, ...] = Field(
        default=(),
        description="Names of the combinations (combinations.yaml) the point belongs to; set by the loader.",
    )

    def __repr__(self) -> str:
        return f"Point({self.code!r}, {self.pinyin!r}, {self.hanzi!r})"

    def __str__(self) -> str:
        return f"{self.code} {self.pinyin} {self.hanzi}"

    def category(self, kind: CategoryKind) -> Category | None:
        """The first category of this kind, or None.

        >>> import acupoints
        >>> acupoints.point("BL40").category("he-sea").phase
        'earth'
        """
        return next((c for c in self.categories if c.kind == kind), None)

    def has_category(self, kind: CategoryKind) -> bool:
        """Whether the point belongs to a category kind."""
        return any(c.kind == kind for c in self.categories)

    @property
    def pregnancy(self) -> Contraindication | None:
        """The pregnancy contraindication, if any."""
        return next((c for c in self.contraindications if c.condition == "pregnancy"), None)
