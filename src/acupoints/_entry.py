"""The ``acupoints`` console script: the stored answers first, then the full CLI.

``acupoints show CODE --json``, ``acupoints candidates COMPLAINT --json``
(optionally ``--pregnant``) and ``acupoints export`` are asked most by
scripts and apps, and an installed wheel stores their answers (see
:mod:`acupoints._stored`). For exactly those forms this prints the stored
JSON without importing click, pydantic or the models; anything else, and any
query the store cannot answer, goes to :func:`acupoints.cli.main` unchanged,
which prints the same bytes (a test checks both).
"""

from __future__ import annotations

import json
import sys

__all__ = ["run"]


def _stored_answer(args: list[str]) -> bytes | None:
    """The stored output for ``args``, or None when the full CLI must answer."""
    if args == ["export"]:
        from ._stored import shipped_export

        return shipped_export()
    if len(args) < 3 or "--json" not in args[1:]:
        return None
    command, rest = args[0], [a for a in args[1:] if a != "--json"]
    pregnant = command == "candidates" and "--pregnant" in rest
    rest = [a for a in rest if a != "--pregnant"] if pregnant else rest
    if len(rest) != 1 or rest[0].startswith("-") or len(args) != 3 + pregnant:
        return None
    from ._stored import shipped

    stored = shipped()
    if stored is None:
        return None
    if command == "show" and not pregnant:
        record = stored.point_record(rest[0])
    elif command == "candidates":
        record = stored.candidates_record(rest[0], pregnant=pregnant, level=None, limit=None)
    else:
        return None
    if record is None:
        return None
    return (json.dumps(record, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _utf8_stdout() -> bool:
    encoding = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "").replace("_", "")
    return encoding in ("utf8", "utf8sig")


def run() -> None:
    """Entry point of the ``acupoints`` command."""
    answer = _stored_answer(sys.argv[1:]) if _utf8_stdout() else None
    if answer is not None:
        try:
            sys.stdout.buffer.write(answer)
            sys.stdout.flush()
        except BrokenPipeError:  # a reader such as `head` that stopped early
            sys.exit(0)
        return
    from .cli import main

    main()
