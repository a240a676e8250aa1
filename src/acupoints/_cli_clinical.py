"""Text for the clinical parts of the CLI: red flags, evidence, actions, combinations.

Kept apart from :mod:`acupoints.cli` so that module stays small; the CLI
prints these lines before the candidates and in ``acupoints show``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .atlas import Atlas
    from .models import Point
    from .results import Candidates

__all__ = ["answer_preamble", "point_lines"]


def _cite(atlas: Atlas, keys: tuple[str, ...]) -> list[str]:
    return [f"    {key}: {atlas.source(key).citation}" for key in keys]


def answer_preamble(atlas: Atlas, answer: Candidates) -> list[str]:
    """Red flags, then the evidence note, each with its sources: printed before the table."""
    lines: list[str] = []
    flags = answer.red_flags
    if flags is not None:
        lines.append("See a doctor first if any of these are present (red flags):")
        lines += [f"  - {item}" for item in flags.items]
        if flags.note:
            lines.append(f"  ({flags.note})")
        lines += ["  Sources:", *_cite(atlas, flags.sources)]
    evidence = answer.evidence
    if evidence is not None:
        lines.append(f"Evidence: {evidence.text}")
        cited = _cite(atlas, evidence.sources)
        lines += ["  Sources:", *cited] if cited else ["  No source listed."]
    return lines


def point_lines(atlas: Atlas, point: Point) -> list[str]:
    """The point's actions and the combinations it belongs to, for ``acupoints show``."""
    lines: list[str] = [f"Needling sources: {', '.join(point.needling.sources)}"]
    for other in point.needling.alternatives:
        low, high = other.depth_cun
        angle = f"{other.angle}, " if other.angle else ""
        note = f". {other.note}" if other.note else ""
        lines.append(f"  Also given: {angle}{low:g}-{high:g} cun ({', '.join(other.sources)}){note}")
    lines.append("Actions: " + "; ".join(point.actions.items))
    lines.append("  Sources: " + ", ".join(point.actions.sources))
    for combination in atlas.combinations(point.code):
        others = ", ".join(code for code in combination.members if code != point.code)
        lines.append(f"Combined with {others}: {combination.label} ({combination.kind})")
    return lines
