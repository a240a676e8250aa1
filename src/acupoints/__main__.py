"""``python -m acupoints`` runs the command-line interface."""

from ._entry import run

run()
