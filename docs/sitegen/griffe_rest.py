"""A griffe extension for the API reference: the docstrings' reST markup as Markdown.

The library's docstrings use reST roles (``:func:`load```, ``:class:`~acupoints.Point```),
literal blocks (``Folder layout::``) and doctests, which Markdown would show as
raw text or nested quotes. mkdocstrings loads this file (``extensions:`` in
mkdocs.yml) and rewrites each docstring before it is rendered:

>>> rest_to_markdown("Like :func:`point`; see :class:`~acupoints.models.AtlasData`.")
'Like `point`; see `AtlasData`.'
"""

from __future__ import annotations

import re
from typing import Any

import griffe

__all__ = ["RestToMarkdown", "rest_to_markdown"]

_ROLE = re.compile(r":(?:func|class|meth|attr|mod|data|exc|obj):`(~?)([^`]+)`")


def _role(match: re.Match[str]) -> str:
    short, target = match.groups()
    return f"`{target.rsplit('.', 1)[-1] if short else target}`"


def rest_to_markdown(text: str) -> str:
    """reST roles to code spans, ``::`` blocks and doctests to fenced code."""
    text = _ROLE.sub(_role, text)
    out: list[str] = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.lstrip()
        if stripped.startswith(">>>"):
            indent = line[: len(line) - len(stripped)]
            block = []
            while i < len(lines) and lines[i].strip():
                block.append(lines[i][len(indent) :] if lines[i].startswith(indent) else lines[i].strip())
                i += 1
            out += [f"{indent}```pycon", *(indent + b for b in block), f"{indent}```"]
            continue
        if line.rstrip().endswith("::") and not stripped.startswith((">>>", "...")):
            head = line.rstrip()[:-2].rstrip()
            out.append(head + ":" if head.strip() else "")
            i += 1
            block = []
            while i < len(lines) and not lines[i].strip():
                i += 1
            base = None
            while i < len(lines) and (not lines[i].strip() or len(lines[i]) - len(lines[i].lstrip()) > 0):
                if base is None and lines[i].strip():
                    base = len(lines[i]) - len(lines[i].lstrip())
                block.append(lines[i])
                i += 1
            while block and not block[-1].strip():
                block.pop()
            cut = base or 0
            out += ["", "```text", *(b[cut:] for b in block), "```", ""]
            continue
        out.append(line)
        i += 1
    return "\n".join(out)


class RestToMarkdown(griffe.Extension):
    """Rewrite every docstring as it is loaded."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = rest_to_markdown(obj.docstring.value)
