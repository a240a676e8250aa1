"""The README's promises agree with the project."""

from __future__ import annotations

import re

import acupoints
from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_starts_with_the_two_setup_commands() -> None:
    block = re.search(r"```sh\n(.*?)```", README, re.S)
    assert block is not None
    commands = [line.split("  #")[0].strip() for line in block.group(1).splitlines() if line.strip()]
    assert commands[0].startswith("pip install . && acupoints ")
    assert commands[1] == 'pip install ".[dev]" && pytest'
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1] in ci, ".ci/run must run the README's test command"


def test_readme_lists_every_complaint_family() -> None:
    for complaint in acupoints.complaints():
        if complaint.parent is None:
            assert complaint.label.lower() in README.lower(), complaint.label


def test_readme_category_kinds_match_the_model() -> None:
    from typing import get_args

    from acupoints.models import CategoryKind

    for kind in get_args(CategoryKind):
        assert f"`{kind}`" in README, kind


def test_readme_has_no_relative_links() -> None:
    """The README is also the PyPI page, where relative links do not resolve."""
    for target in re.findall(r"\]\(([^)]+)\)", README):
        assert target.startswith(("https://", "http://", "#")), target
    assert not re.findall(r"<(?:a|img)\s[^>]*(?:href|src)=\"(?!https?://)", README)


def test_readme_gives_the_pypi_install_right_after_the_setup_commands() -> None:
    first_block_end = README.index("```", README.index("```sh") + 5)
    after = README[first_block_end : first_block_end + 300]
    assert "`pip install acupoints`" in after
