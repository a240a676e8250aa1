"""Reading one YAML data file safely, naming every problem of its form.

The canonical form of the data (``scripts/format_data.py``) never uses
anchors, aliases or merge keys, so any of them is refused, which also keeps a
small file with nested aliases from expanding into gigabytes. A key given
twice in one mapping is reported with its line (YAML would keep the last one
silently); so is an empty or comment-only file, a file that is not a regular
file, and a file too large to be data.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from .errors import shorten

__all__ = ["MAX_FILE_BYTES", "read_yaml"]

MAX_FILE_BYTES = 8 << 20
"""The largest data file read (the biggest shipped one is about 100 KB)."""

Report = Callable[[str | None, str | None, str], None]
"""``report(record, field, message)`` for the file being read."""

_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_IDS = ("code", "name", "key")


def _record_of(node: yaml.MappingNode) -> str | None:
    for key, value in node.value:
        if isinstance(key, yaml.ScalarNode) and key.value in _IDS and isinstance(value, yaml.ScalarNode):
            return str(value.value)[:40]
    return None


def _check_nodes(root: yaml.Node, report: Report) -> bool:
    """Report aliases and duplicate keys; False if the document must not be built."""
    ok = True
    seen: set[int] = set()
    # (node, field path, record): iterative, so deep nesting cannot overflow the stack
    stack: list[tuple[yaml.Node, str, str | None]] = [(root, "", None)]
    while stack:
        node, path, record = stack.pop()
        if id(node) in seen:
            line = node.start_mark.line + 1
            report(
                record,
                path or None,
                f"an alias of the value on line {line}: YAML aliases are not used in the data; write it out",
            )
            return False
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            record = _record_of(node) or record
            first: dict[str, int] = {}
            children: list[tuple[yaml.Node, str, str | None]] = []
            for key, value in node.value:
                name = str(key.value) if isinstance(key, yaml.ScalarNode) else shorten(key.value, 30)
                field = f"{path}.{name}" if path else name
                line = key.start_mark.line + 1
                if key.tag == "tag:yaml.org,2002:merge":
                    report(record, field, f"line {line}: YAML merge keys are not used in the data")
                    ok = False
                elif name in first:
                    again = f"line {line}: duplicate key {name!r} (first on line {first[name]})"
                    report(record, field, again)
                    ok = False
                else:
                    first[name] = line
                children += [(key, field, record), (value, field, record)]
            stack.extend(reversed(children))  # in document order: an alias is met after its anchor
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, f"{path}[{i}]", record) for i, item in reversed(list(enumerate(node.value))))
    return ok


def read_yaml(path: Path, report: Report) -> Any:
    """The data of one YAML file, or None after reporting why it cannot be used."""
    try:
        info = os.stat(path)
    except OSError as error:
        report(None, None, f"cannot be read: {error.strerror}")
        return None
    if not stat.S_ISREG(info.st_mode):
        report(None, None, "not a regular file")
        return None
    if info.st_size > MAX_FILE_BYTES:
        report(None, None, f"too large for a data file ({info.st_size} bytes; at most {MAX_FILE_BYTES})")
        return None
    try:
        with path.open("rb") as handle:
            loader = _Loader(handle)
            try:
                node = loader.get_single_node()
                if node is None:
                    report(None, None, "empty file: no YAML document (only comments or blank lines)")
                    return None
                if not _check_nodes(node, report):
                    return None
                return loader.construct_document(node)
            finally:
                loader.dispose()
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else None
        problem = getattr(error, "problem", None) or str(error)
        report(None, where, f"not valid YAML: {shorten(problem, 200)}")
    except RecursionError:
        report(None, None, "nested too deeply to be data")
    except OSError as error:
        report(None, None, f"cannot be read: {error.strerror}")
    return None
