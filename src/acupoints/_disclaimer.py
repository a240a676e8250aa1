"""The one sentence every face shows with an answer (kept apart so the CLI imports little)."""

__all__ = ["DISCLAIMER"]

DISCLAIMER = (
    "A reference, not medical advice: traditional point selections with their sources. "
    "See a qualified practitioner."
)
