"""``python -m acupoints`` runs the command-line interface."""

from .cli import main

main()
