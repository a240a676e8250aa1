"""The body model's data shapes: parts, frames, landmarks and measurements.

``data/body/`` holds them: ``parts.yaml`` (the figure: lofts of elliptic
cross-sections in model units, the body 75 units tall), ``frames.yaml`` (the
coordinate systems in cun on the parts), ``landmarks.yaml`` (what locations are
measured from, in cun on a frame) and ``measurements.yaml`` (the standard's
proportional bone measurements, each with its source, checked against the
frames by the tests).
"""

from typing import Annotated, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..placement import FrameName
from ..vocabulary import Slug, SourceKey, Text

__all__ = ["Body", "Feature", "Frame", "FrameY", "Landmark", "LandmarkKind", "Measurement", "Part", "Station"]

_CONFIG = ConfigDict(frozen=True, extra="forbid", defer_build=True)

_Finite = Annotated[float, Field(allow_inf_nan=False, ge=-200, le=200)]
_Positive = Annotated[float, Field(allow_inf_nan=False, gt=0, le=50)]
_Vector = tuple[_Finite, _Finite, _Finite]

LandmarkKind = Literal["point", "level", "line", "crease", "bone", "tendon", "fold", "hairline"]


class Station(BaseModel):
    """A cross-section of a loft: its centre and its half-widths across and front to back."""

    model_config = _CONFIG

    center: _Vector
    rx: _Positive = Field(description="Half-width towards the part's lateral axis.")
    rz: _Positive = Field(description="Half-depth towards the part's anterior axis.")


class Part(BaseModel):
    """A part of the figure: an ellipsoid, or a loft through stations."""

    model_config = _CONFIG

    name: Slug
    label: Text
    side: Literal["left", "midline"] = Field(description="left: drawn on both sides, mirrored.")
    shape: Literal["loft", "ellipsoid"] = "loft"
    center: _Vector | None = None
    radii: tuple[_Positive, _Positive, _Positive] | None = None
    anterior: _Vector | None = Field(default=None, description="The direction of angle 0 round a loft.")
    lateral: _Vector | None = Field(default=None, description="The direction of angle 90 round a loft.")
    axis: _Vector | None = Field(
        default=None,
        description="A fixed axis the sections stay square to (the face); else they follow the centres.",
    )
    stations: tuple[Station, ...] = ()

    @model_validator(mode="after")
    def _shape(self) -> Self:
        if self.shape == "ellipsoid":
            if self.center is None or self.radii is None or self.stations:
                raise ValueError("an ellipsoid needs center and radii, and no stations")
        elif len(self.stations) < 2 or self.anterior is None or self.lateral is None:
            raise ValueError("a loft needs anterior, lateral and at least two stations")
        return self


class FrameY(BaseModel):
    """Ties a cun count along a frame to a station of its part."""

    model_config = _CONFIG

    cun: _Finite
    station: int = Field(ge=0, le=50)


class Frame(BaseModel):
    """A coordinate system in cun on the surface of a part."""

    model_config = _CONFIG

    name: FrameName
    label: Text
    part: Slug
    chart: Literal["loft", "sagittal"] = "loft"
    theta0: _Finite = Field(default=0, description="Angle of the reference line round the part, degrees.")
    direction: Literal[-1, 1] = 1
    unit: _Positive | None = Field(default=None, description="Model units per cun.")
    y: tuple[FrameY, ...] = ()
    sense: Literal[-1, 1] = Field(default=1, description="-1: y grows towards the first station.")
    hairline_elevation: _Finite | None = Field(default=None, description="sagittal: degrees above the front.")
    degrees_per_cun: _Positive | None = Field(default=None, description="sagittal: arc per cun along y.")
    x_degrees_per_cun: _Positive | None = Field(default=None, description="sagittal: arc per cun across.")
    x_positive: Text
    y_positive: Text
    sources: tuple[SourceKey, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _chart(self) -> Self:
        if self.chart == "sagittal":
            if (
                self.hairline_elevation is None
                or self.degrees_per_cun is None
                or self.x_degrees_per_cun is None
            ):
                raise ValueError(
                    "a sagittal frame needs hairline_elevation, degrees_per_cun and x_degrees_per_cun"
                )
        else:
            if self.unit is None or not self.y:
                raise ValueError("a loft frame needs unit and y")
            cuns = [s.cun for s in self.y]
            stations = [s.station for s in self.y]
            if cuns != sorted(cuns) or stations != sorted(stations) or len(set(stations)) != len(stations):
                raise ValueError("y must list stations and cun counts in increasing order")
        return self


class Landmark(BaseModel):
    """Something locations are measured from, in cun on a frame.

    A landmark with both ``x`` and ``y`` is a place; with only ``y`` a level
    (a crease, a level line), whose y may change across the part by ``slope``
    cun per cun of x; with only ``x`` a line along the part (a tendon, a
    border). ``source: model`` marks a coordinate that is our model's own.
    """

    model_config = _CONFIG

    name: Annotated[str, Field(min_length=1, max_length=60, pattern=r"^[A-Za-z0-9][A-Za-z0-9-]*$")]
    frame: FrameName
    x: _Finite | None = None
    y: _Finite | None = None
    slope: _Finite = 0
    label: Text
    kind: LandmarkKind
    source: SourceKey | Literal["model"]

    @model_validator(mode="after")
    def _coordinates(self) -> Self:
        if self.x is None and self.y is None:
            raise ValueError("a landmark needs x, y or both")
        if self.slope and (self.y is None or self.x is not None):
            raise ValueError("slope applies to a level (y without x)")
        return self


class Measurement(BaseModel):
    """A proportional bone measurement of the standard: so many cun between two landmarks."""

    model_config = _CONFIG

    frame: FrameName
    start: str
    end: str
    cun: _Positive
    axis: Literal["along", "across"]
    label: Text
    sources: tuple[SourceKey, ...] = Field(min_length=1)


class Feature(BaseModel):
    """A line of the figure drawn through landmarks: an eyebrow, the lips, the navel, the spine.

    ``through`` names landmarks of the frame in order (``~name`` is the
    landmark's mirror image across the midline); ``line`` joins them, ``lens``
    draws an eye between two of them, ``circle`` a ring round one, ``ticks`` a
    short mark at each level. ``mirrored`` draws the other side's copy too.
    """

    model_config = _CONFIG

    name: Slug
    frame: FrameName
    shape: Literal["line", "closed", "lens", "circle", "ticks"]
    through: tuple[Annotated[str, Field(pattern=r"^~?[A-Za-z0-9][A-Za-z0-9-]*$")], ...] = Field(min_length=1)
    size: _Positive = Field(
        default=0.3, description="Cun: the lens's half-height, the ring's radius, the tick's half-width."
    )
    mirrored: bool = False


class Body(BaseModel):
    """The whole body model."""

    model_config = _CONFIG

    parts: tuple[Part, ...]
    frames: tuple[Frame, ...]
    landmarks: tuple[Landmark, ...] = ()
    measurements: tuple[Measurement, ...] = ()
    features: tuple[Feature, ...] = ()
