"""The ``acupoints`` console script: the stored answers first, then the full CLI.

``acupoints show CODE --json``, ``acupoints candidates COMPLAINT --json``
(optionally ``--pregnant``) and ``acupoints export`` are asked most by
scripts and apps, and an installed wheel stores their answers (see
:mod:`acupoints._stored`). For exactly those forms this prints the stored
JSON without importing click, pydantic or the models; anything else, and any
query the store cannot answer, goes to :func:`acupoints.cli.main` unchanged,
which prints the same bytes (a test checks both). ``acupoints chart CODE``
is drawn the same way without click, since it is the chart asked for most.
"""

from __future__ import annotations

import gc
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


def _chart_answer(args: list[str]) -> bytes | None:
    """``acupoints chart CODE``, the commonest chart, drawn without click; None for any other form.

    Anything that is not a clean answer (an unknown code, a point without a
    position) goes to the full CLI, which reports it.
    """
    if len(args) != 2 or args[0] != "chart" or args[1].startswith("-"):
        return None
    from ._default import default_atlas
    from .body.render import render_chart
    from .errors import AcupointsError

    try:
        svg = render_chart(default_atlas(), (args[1],))
    except (AcupointsError, ValueError):
        return None
    return (svg + "\n").encode("utf-8")


def _utf8_stdout() -> bool:
    encoding = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "").replace("_", "")
    return encoding in ("utf8", "utf8sig")


def run() -> None:
    """Entry point of the ``acupoints`` command."""
    utf8 = _utf8_stdout()
    answer = _stored_answer(sys.argv[1:]) if utf8 else None
    if answer is None and utf8:
        # a one-shot process whose imports (pydantic's, the models') make many
        # objects but no garbage: the cyclic collector would only slow them
        gc.disable()
        try:
            answer = _chart_answer(sys.argv[1:])
        finally:
            gc.enable()
    if answer is not None:
        try:
            sys.stdout.buffer.write(answer)
            sys.stdout.flush()
        except BrokenPipeError:  # a reader such as `head` that stopped early
            sys.exit(0)
        return
    from .cli import main

    main()
