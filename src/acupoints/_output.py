"""Writing the CLI's output on any terminal: escaped where the encoding cannot show it."""

from __future__ import annotations

import contextlib
import json
import sys
from pathlib import Path
from typing import Any

import click

__all__ = ["ascii_only", "echo_json", "escape_unencodable", "write_bytes"]


def escape_unencodable() -> None:
    """Let stdout and stderr escape what their encoding cannot show, instead of failing."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):  # a stream that cannot change
                reconfigure(errors="backslashreplace")


def ascii_only() -> bool:
    """Whether stdout cannot encode hanzi and tone marks (JSON then escapes them)."""
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    try:
        "合ǔ".encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return True
    return False


def write_bytes(data: bytes, output: Path | None) -> None:
    """Bytes to a file, or to stdout as they are (already UTF-8 text)."""
    try:
        if output is not None:
            output.write_bytes(data)
            return
        sys.stdout.flush()
        stdout = sys.stdout.buffer
        stdout.write(data)
        stdout.flush()
    except OSError as error:
        click.echo(f"acupoints: cannot write {output or 'stdout'}: {error.strerror}", err=True)
        sys.exit(2)


def echo_json(data: Any, indent: int | None = 2) -> None:
    """JSON on stdout: hanzi as they are, or ``\\u`` escapes where stdout cannot show them."""
    click.echo(json.dumps(data, ensure_ascii=ascii_only(), indent=indent))
