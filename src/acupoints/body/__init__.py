"""The body model and the charts drawn from it.

The body model (``data/body/``) is a figure of our own, lofts of elliptic
cross-sections in the standard anatomical position, with frames that measure
its surface in the standard's proportional cun and the landmarks locations are
measured from. The loader uses it to compute every point's position from its
structured location; this package also projects those positions onto views
and draws SVG charts of points, meridians and complaints.

Nothing on the cold lookup path imports this package: a point's computed
position is stored with the point itself.

>>> from acupoints.body import default_body
>>> body = default_body()
>>> body.frame("forearm-front").label
'forearm, front (flexor side)'
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from .geometry import Geometry
from .model import Body, Frame, Landmark, Measurement, Part

__all__ = ["Body", "BodyModel", "Frame", "Landmark", "Measurement", "Part", "chart_frame", "default_body"]


class BodyModel:
    """A validated body model, ready for geometry: frames, landmarks, parts."""

    def __init__(self, data: Body) -> None:
        self.data = data
        self.geometry = Geometry(data)
        self.landmarks: dict[tuple[str, str], Landmark] = {(lm.frame, lm.name): lm for lm in data.landmarks}
        self.cache: dict[str, dict[Any, Any]] = {}
        """What the charts compute once per model: outlines by view, points in space."""

    @classmethod
    def from_folder(cls, folder: str | Path) -> BodyModel:
        """The body model of a data folder (raises ``DataError`` listing every problem)."""
        from .._loader import load_body

        return cls(load_body(Path(folder)))

    def frame(self, name: str) -> Frame:
        """A frame by name (``KeyError`` naming the frames when there is none)."""
        try:
            return self.geometry.frames[name]
        except KeyError:
            raise KeyError(f"unknown frame {name!r}; frames: {', '.join(self.geometry.frames)}") from None

    def landmark(self, frame: str, name: str) -> Landmark:
        return self.landmarks[(frame, name)]

    def __repr__(self) -> str:
        return f"<BodyModel {len(self.data.parts)} parts, {len(self.data.frames)} frames>"


COMPILED_BODY = "body.json"
"""The body model inside an installed wheel, compiled at build time (see ``hatch_build.py``)."""

_lock = threading.Lock()
_default: BodyModel | None = None


def default_body() -> BodyModel:
    """The body model of the shipped data, read on first use (thread-safe)."""
    global _default
    with _lock:
        if _default is None:
            compiled = Path(__file__).resolve().parent.parent / COMPILED_BODY
            if compiled.is_file():
                # validated when the wheel was built: built without validating again
                import json

                from .._construct import construct

                _default = BodyModel(construct(Body, json.loads(compiled.read_bytes())))
            else:
                from .._default import data_folder

                _default = BodyModel.from_folder(data_folder())
        return _default


def chart_frame(body: BodyModel, points: Any, frame: str) -> str:
    """A plain plot of one frame in cun: its landmarks and the points placed on it (for authors)."""
    from .preview import frame_plot

    return frame_plot(body, list(points), frame)
