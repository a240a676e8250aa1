"""Finding the shipped data and building the default atlas once.

An installed wheel carries ``acupoints/atlas.jsonl`` (the data folder compiled
and validated at build time) and ``acupoints/data/`` (the YAML itself). An
editable install or a plain checkout has neither inside the package, so the
checkout's ``data/`` folder (two levels above this file) is used instead.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import DataNotFoundError

if TYPE_CHECKING:
    from .atlas import Atlas

__all__ = ["COMPILED_NAME", "compiled_file", "data_folder", "default_atlas"]

COMPILED_NAME = "atlas.jsonl"
"""The compiled data inside an installed wheel (see ``hatch_build.py``)."""

_lock = threading.Lock()
_atlas: Atlas | None = None


def data_folder() -> Path:
    """The folder of YAML data this installation uses."""
    packaged = Path(__file__).resolve().parent / "data"
    if (packaged / "meridians.yaml").is_file():
        return packaged
    checkout = Path(__file__).resolve().parent.parent.parent / "data"
    if (checkout / "meridians.yaml").is_file():
        return checkout
    raise DataNotFoundError(
        f"no acupoints data found: looked in {packaged} and {checkout}; "
        "reinstall the package or pass a folder to acupoints.load(path)"
    )


def compiled_file() -> Path | None:
    """The compiled data of an installed wheel, or None (an editable install or a checkout)."""
    compiled = Path(__file__).resolve().parent / COMPILED_NAME
    return compiled if compiled.is_file() else None


def _build() -> Atlas:
    from .atlas import Atlas

    compiled = Path(__file__).resolve().parent / COMPILED_NAME
    if compiled.is_file():
        return Atlas.from_compiled(compiled.read_bytes(), origin=str(compiled))
    return Atlas.from_folder(data_folder())


def default_atlas() -> Atlas:
    """The atlas of the shipped data, built on first use (thread-safe)."""
    global _atlas
    atlas = _atlas
    if atlas is None:
        with _lock:
            if _atlas is None:
                _atlas = _build()
            atlas = _atlas
    return atlas
