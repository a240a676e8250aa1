"""Reading ``data/body/`` and computing every point's position (part of the loader).

The body model is optional for a data folder (a clinic's own folder may leave
it out); when it is there, every point with a structured location gets its
``location.position`` (and ``positions``) computed here, never typed in.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from .models import Point

__all__ = ["BODY_FOLDER", "place_points", "read_body"]

BODY_FOLDER = "body"

_Add = Callable[[Path | str, str | None, str | None, str], None]


def read_body(col: Any, root: Path) -> Any:
    """The validated :class:`~acupoints.body.model.Body` of a folder, or None.

    ``col`` is the loader's problem collector (``read``, ``validate``, ``add``).
    """
    from .body.model import Body, Feature, Frame, Landmark, Measurement, Part

    folder = root / BODY_FOLDER
    if not folder.is_dir():
        return None
    lists: dict[str, list[Any]] = {}
    files = [("parts.yaml", "parts", Part, "name"), ("frames.yaml", "frames", Frame, "name")]
    files.append(("measurements.yaml", "measurements", Measurement, "label"))
    files.append(("features.yaml", "features", Feature, "name"))
    landmark_files = sorted((folder / "landmarks").glob("*.yaml"))
    for name, key, model, ident in files:
        path = folder / name
        if not path.exists():
            if key not in ("measurements", "features"):
                col.add(path, None, None, "missing file of the body model")
            lists[key] = []
            continue
        lists[key] = _records(col, path, key, model, ident)
    lists["landmarks"] = []
    seen: dict[tuple[str, str], str] = {}
    for path in landmark_files:
        for lm in _records(col, path, "landmarks", Landmark, "name"):
            where = seen.get((lm.frame, lm.name))
            if where is not None:
                col.add(path, lm.name, "name", f"landmark {lm.name!r} on frame {lm.frame} is also in {where}")
                continue
            seen[(lm.frame, lm.name)] = path.name
            lists["landmarks"].append(lm)
    body = Body(**{k: tuple(v) for k, v in lists.items()})
    _check_body(col.add, folder, body)
    return body


def _records(col: Any, path: Path, key: str, model: Any, ident: str) -> list[Any]:
    data = col.read(path)
    if data is None:
        return []
    items = data.get(key) if isinstance(data, dict) else None
    if not isinstance(items, list):
        col.add(path, None, key, "missing or not a list")
        return []
    out = []
    for index, item in enumerate(items):
        label = str(item.get(ident)) if isinstance(item, dict) and item.get(ident) else f"{key}[{index}]"
        record = col.validate(model, item, path, label)
        if record is not None:
            out.append(record)
    return out


def _check_body(add: _Add, folder: Path, body: Any) -> None:
    parts = {p.name: p for p in body.parts}
    frames = {f.name for f in body.frames}
    for frame in body.frames:
        part = parts.get(frame.part)
        where = folder / "frames.yaml"
        if part is None:
            add(where, frame.name, "part", f"unknown part {frame.part!r}")
            continue
        if (frame.chart == "sagittal") != (part.shape == "ellipsoid"):
            add(where, frame.name, "chart", f"a {frame.chart} frame cannot lie on a {part.shape}")
        for st in frame.y:
            if st.station >= len(part.stations):
                add(where, frame.name, "y", f"part {part.name} has no station {st.station}")
    for lm in body.landmarks:
        if lm.frame not in frames:
            add(folder / "landmarks", lm.name, "frame", f"unknown frame {lm.frame!r}")
    spots = {(lm.frame, lm.name): lm for lm in body.landmarks}
    for feature in body.features:
        for index, name in enumerate(feature.through):
            lm = spots.get((feature.frame, name.lstrip("~")))
            if lm is None:
                add(
                    folder / "features.yaml",
                    feature.name,
                    f"through[{index}]",
                    f"unknown landmark {name.lstrip('~')!r} on frame {feature.frame}",
                )
                continue
            # a level has no x and a line no y: drawn through one, a line would run off to the
            # midline; only ticks (a mark at each level, on the midline) do without an x
            missing = "y" if lm.y is None else "x" if lm.x is None and feature.shape != "ticks" else None
            if missing is not None:
                add(
                    folder / "features.yaml",
                    feature.name,
                    f"through[{index}]",
                    f"landmark {lm.name!r} has no {missing}: a {feature.shape} is drawn through places",
                )


def place_points(add: _Add, body: Any, points: Sequence[Point], files: dict[str, str]) -> list[Point]:
    """The points with their computed positions; problems for what cannot be placed."""
    from .body.geometry import Geometry
    from .body.positions import solve

    try:
        geometry = Geometry(body)
    except (KeyError, IndexError, ValueError) as error:
        add(f"{BODY_FOLDER}/parts.yaml", None, None, f"the body model cannot be built: {error}")
        return list(points)
    structures = {p.code: p.location.structure for p in points if p.location.structure}
    # an alternative place is solved like a point of its own ("GV26~1"), after the points it names
    for p in points:
        for index, alternative in enumerate(p.location.alternatives, start=1):
            structures[f"{p.code}~{index}"] = alternative.structure
    placed = solve(geometry, structures)
    groups = {p.code: p.group for p in points}
    for code, where, message in placed.problems:
        base, _, alt = code.partition("~")
        if alt:
            where = f"location.alternatives[{int(alt) - 1}].{where.removeprefix('location.')}"
        group = groups.get(base, "")
        add(files.get(group, f"points/{group}.yaml"), base, where, message)
    out = []
    for point in points:
        found = placed.positions.get(point.code)
        if not found:
            out.append(point)
            continue
        alternatives = tuple(
            alt.model_copy(update={"position": _first(placed.positions.get(f"{point.code}~{i}"))})
            for i, alt in enumerate(point.location.alternatives, start=1)
        )
        location = point.location.model_copy(
            update={
                "position": found[0],
                "positions": tuple(found) if len(found) > 1 else (),
                "alternatives": alternatives,
            }
        )
        out.append(point.model_copy(update={"location": location}))
    return out


def _first(found: list[Any] | None) -> Any:
    return found[0] if found else None
