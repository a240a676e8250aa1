"""Hatch build hook: compile data/ into one validated JSON file in the wheel.

The wheel then starts fast: ``acupoints`` reads ``acupoints/atlas.jsonl``
with pydantic's JSON validator instead of parsing YAML at every start. The
YAML loader runs here, so a wheel is never built from invalid data. Editable
installs skip this and read the checkout's data/ folder.

The compiled file is written to a temporary folder that is removed once the
wheel is built: the hook leaves nothing beside the wheel (``twine check
dist/*`` sees only distributions).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CompileDataHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        root = Path(self.root)
        sys.path.insert(0, str(root / "src"))
        try:
            from acupoints._loader import compile_body, compile_folder
            from acupoints._stored import render_export
        finally:
            sys.path.pop(0)
        self._scratch = Path(tempfile.mkdtemp(prefix="acupoints-build-"))
        out = self._scratch / "atlas.jsonl"
        compiled = compile_folder(root / "data")
        out.write_bytes(compiled)
        build_data["force_include"][str(out)] = "acupoints/atlas.jsonl"
        body = out.parent / "body.json"
        body.write_bytes(compile_body(root / "data"))
        build_data["force_include"][str(body)] = "acupoints/body.json"
        # the export as `acupoints export` prints it, so that command only copies bytes
        exported = self._scratch / "export.json"
        exported.write_bytes(render_export(compiled))
        build_data["force_include"][str(exported)] = "acupoints/export.json"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        scratch = getattr(self, "_scratch", None)
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)
            self._scratch = None
