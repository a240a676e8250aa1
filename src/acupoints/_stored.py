"""The answers stored in an installed wheel's compiled data, read without models.

``acupoints show X --json``, ``acupoints candidates X --json`` and
``acupoints export`` print JSON the build already made (see
``hatch_build.py`` and :func:`acupoints._loader.compile_folder`): this module
finds it with the code rules and the complaint names alone, without pydantic
or the atlas, so those commands start about as fast as Python itself. When a
query needs more (a name rather than a code, a vertebral level), it answers
None and the caller asks the atlas as usual. A test checks that both paths
print the same bytes.
"""

from __future__ import annotations

import json
from typing import Any

from ._arguments import MAX_QUERY
from ._default import compiled_file
from .codes import normalize_code, normalize_name

__all__ = ["EXPORT_INDENT", "Stored", "render_export", "shipped", "shipped_export"]

EXPORT_INDENT = 2
"""The indentation of the export stored in the wheel (``acupoints export``'s default)."""


class Stored:
    """The compiled data: a header line, a line per point, a line per stored answer, extra lines."""

    def __init__(self, raw: bytes) -> None:
        header_line, _, rest = raw.partition(b"\n")
        self.header: dict[str, Any] = json.loads(header_line)
        codes: list[str] = self.header["codes"]
        keys = [(str(name), bool(pregnant)) for name, pregnant in self.header.get("answers", ())]
        lines = rest.split(b"\n") if rest else []
        if len(lines) != len(codes) + len(keys) + len(self.header.get("extra", ())):
            raise ValueError("compiled data: the number of lines does not match its header")
        self.points = dict(zip(codes, lines[: len(codes)], strict=True))
        self.answers = dict(zip(keys, lines[len(codes) : len(codes) + len(keys)], strict=True))

    def point_record(self, text: str) -> dict[str, Any] | None:
        """The stored record of the point a code in any notation names, or None."""
        text = text[:MAX_QUERY]
        line = self.points.get(text) or self.points.get(normalize_code(text) or "")
        if line is None:
            return None
        record: dict[str, Any] = json.loads(line)
        return record

    def _complaint(self, text: str) -> str | None:
        complaints: list[dict[str, Any]] = self.header.get("complaints", [])
        text = text[:MAX_QUERY]
        for complaint in complaints:
            if complaint["name"] == text:
                return str(complaint["name"])
        key = normalize_name(text)
        for complaint in complaints:
            hanzi = complaint.get("hanzi") or ""
            names = (complaint["name"], complaint["label"], hanzi, *complaint["synonyms"])
            if any(normalize_name(name) == key for name in names if name):
                return str(complaint["name"])
        return None

    def candidates_record(
        self, complaint: str, *, pregnant: bool, level: str | None, limit: int | None
    ) -> dict[str, Any] | None:
        """A stored answer (``Candidates.as_dict()``), or None when it is not stored."""
        if level is not None:
            return None
        name = self._complaint(complaint)
        line = self.answers.get((name, bool(pregnant))) if name is not None else None
        if line is None:
            return None
        record: dict[str, Any] = json.loads(line)
        if limit:
            record["candidates"] = record["candidates"][:limit]
        return record

    def export_data(self) -> dict[str, Any]:
        """The export document (``AtlasData``), fields in the models' order."""
        fields: list[str] = self.header.get("fields") or [
            "schema_version", "meridians", "vessels", "points", "regions", "sources", "complaints",
        ]  # fmt: skip
        points = [json.loads(line) for line in self.points.values()]
        return {name: points if name == "points" else self.header[name] for name in fields}


def render_export(compiled: bytes) -> bytes:
    """The export document as ``acupoints export`` prints it (UTF-8, a final newline)."""
    text = json.dumps(Stored(compiled).export_data(), ensure_ascii=False, indent=EXPORT_INDENT)
    return (text + "\n").encode("utf-8")


def shipped_export() -> bytes | None:
    """The export stored in this installation's wheel, or None (a checkout)."""
    path = compiled_file()
    export = path.with_name("export.json") if path is not None else None
    return export.read_bytes() if export is not None and export.is_file() else None


_shipped: list[Stored | None] = []


def shipped() -> Stored | None:
    """The compiled data of this installation, or None when it has none (a checkout)."""
    if not _shipped:
        path = compiled_file()
        _shipped.append(Stored(path.read_bytes()) if path is not None else None)
    return _shipped[0]
