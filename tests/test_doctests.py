"""The examples in the docstrings are true."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "acupoints",
    "acupoints.atlas",
    "acupoints.codes",
    "acupoints._pinyin",
    "acupoints.models",
    "acupoints._point_models",
    "acupoints._atlas_records",
    "acupoints.vocabulary",
    "acupoints.diagrams",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    import acupoints

    module = importlib.import_module(name)
    extras = {"acupoints": acupoints, "load": acupoints.load}
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS, extraglobs=extras)
    assert result.attempted > 0, f"{name} has no examples"
    assert result.failed == 0


def test_diagrams_are_well_formed_svg_with_text_alternatives() -> None:
    import xml.etree.ElementTree as ET

    import acupoints
    from acupoints.diagrams import back_chart, complaint_diagram, meridian_chain, organ_clock

    atlas = acupoints.load()
    svgs = [back_chart(atlas), organ_clock(atlas), complaint_diagram(atlas, atlas.candidates("neck pain"))]
    svgs += [meridian_chain(atlas, m.code) for m in atlas.meridians()]
    ns = "{http://www.w3.org/2000/svg}"
    for svg in svgs:
        root = ET.fromstring(svg)
        assert root.get("role") == "img"
        assert root.find(f"{ns}title") is not None and (root.find(f"{ns}title").text or "").strip()  # type: ignore[union-attr]
        desc = root.find(f"{ns}desc")
        assert desc is not None and len(desc.text or "") > 40
    chain = ET.fromstring(meridian_chain(atlas, "BL"))
    assert len([g for g in chain.iter(f"{ns}g") if g.get("class") == "point"]) == 67
