"""The models of the clinical layer: actions, combinations, evidence notes, red flags.

Kept apart from :mod:`acupoints.models` (which re-exports every name) so the
core point model stays small. Same rules: frozen, unknown fields forbidden,
built lazily.
"""

from typing import Literal, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .vocabulary import PointCode, Slug, SourceKey, Text

__all__ = [
    "Actions",
    "Combination",
    "CombinationKind",
    "DerivedCombinations",
    "Evidence",
    "NeedlingAlternative",
    "RedFlags",
]

_CONFIG = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class Actions(BaseModel):
    """Traditional actions (functions) of a point, short phrases, with their sources."""

    model_config = _CONFIG

    items: tuple[Text, ...] = Field(min_length=1)
    sources: tuple[SourceKey, ...] = Field(min_length=1)


class NeedlingAlternative(BaseModel):
    """A depth or angle another reference gives, recorded beside the conservative default."""

    model_config = _CONFIG

    depth_cun: tuple[float, float] = Field(description="The other depth range in cun, shallowest first.")
    angle: Literal["perpendicular", "oblique", "transverse"] | None = None
    sources: tuple[SourceKey, ...] = Field(min_length=1)
    note: str | None = None

    @model_validator(mode="after")
    def _depth_in_order(self) -> Self:
        low, high = self.depth_cun
        if not 0 < low <= high <= 5:
            raise ValueError(f"depth_cun must be 0 < shallow <= deep <= 5, got {list(self.depth_cun)}")
        return self


CombinationKind = Literal["named", "command-points", "confluent-pair", "yuan-luo", "shu-mu", "pairing"]
"""named: a classical named group (Four Gates, Heavenly Star points, ...);
command-points: the four or six command points; confluent-pair: two opening
points of the extraordinary vessels used together; yuan-luo: the host-guest
pairing of a source point with the connecting point of the partner channel;
shu-mu: the back-shu and front-mu points of one organ; pairing: a common
textbook pairing."""


class Combination(BaseModel):
    """Points used together, with the purpose in our own words and the sources."""

    model_config = _CONFIG

    name: Slug = Field(description="Stable identifier, e.g. four-gates.")
    label: Text
    hanzi: str | None = None
    kind: CombinationKind
    members: tuple[PointCode, ...] = Field(min_length=2, description="The points, in the classical order.")
    purpose: Text = Field(description="What the combination is traditionally used for, in our own words.")
    sources: tuple[SourceKey, ...] = Field(min_length=1)
    note: str | None = None

    def __repr__(self) -> str:
        return f"Combination({self.name!r})"


class DerivedCombinations(BaseModel):
    """A kind of pairing the loader derives from the categories, with its purpose and sources."""

    model_config = _CONFIG

    kind: Literal["yuan-luo", "shu-mu"]
    purpose: Text
    sources: tuple[SourceKey, ...] = Field(min_length=1)


class RedFlags(BaseModel):
    """Warning signs that need medical assessment before any acupuncture."""

    model_config = _CONFIG

    items: tuple[Text, ...] = Field(min_length=1)
    sources: tuple[SourceKey, ...] = Field(min_length=1)
    note: str | None = Field(
        default=None, description="How the sources apply, e.g. when no guideline covers the complaint."
    )


class Evidence(BaseModel):
    """What systematic reviews and guidelines assessed or recommend, stated neutrally."""

    model_config = _CONFIG

    text: Text = Field(description="A neutral summary that names each source it reports.")
    sources: tuple[SourceKey, ...] = Field(
        default=(), description="The reviews and guidelines summarised; empty when none is listed."
    )
