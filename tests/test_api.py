"""The public Python API."""

from __future__ import annotations

import threading

import networkx as nx
import pytest

import acupoints
from acupoints import UnknownMeridianError, UnknownPointError


def test_public_names_are_exported() -> None:
    for name in acupoints.__all__:
        assert hasattr(acupoints, name), name
    assert acupoints.__version__[0].isdigit()


def test_point_and_repr() -> None:
    point = acupoints.point("LI4")
    assert repr(point) == "Point('LI4', 'Hégǔ', '合谷')"
    assert str(point) == "LI4 Hégǔ 合谷"
    assert point.meridian == "LI" and point.number == 4


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("LI4", "LI4"), ("li4", "LI4"), ("li-4", "LI4"), ("LI 4", "LI4"), ("LI04", "LI4"),
        ("UB23", "BL23"), ("B23", "BL23"), ("SJ5", "TE5"), ("TW5", "TE5"), ("Du20", "GV20"),
        ("Ren6", "CV6"), ("P6", "PC6"), ("Liv3", "LR3"), ("HE7", "HT7"), ("K1", "KI1"),
        ("ex-b2", "EX-B2"), ("EX-HN 3", "EX-HN3"),
    ],
)  # fmt: skip
def test_notations(text: str, code: str) -> None:
    assert acupoints.point(text).code == code


def test_unknown_point_suggests_closest_codes() -> None:
    with pytest.raises(UnknownPointError) as caught:
        acupoints.point("LI99")
    error = caught.value
    assert isinstance(error, KeyError) and isinstance(error, acupoints.AcupointsError)
    assert error.suggestions[:2] == ("LI9", "LI19")
    assert "LI9" in str(error) and "LI99" in str(error)


def test_find_point() -> None:
    assert acupoints.find_point("LI99") is None
    assert acupoints.find_point("nonsense") is None
    point = acupoints.find_point("st36")
    assert point is not None and point.code == "ST36"


def test_points_filters() -> None:
    assert len(acupoints.points()) == 409
    assert [p.code for p in acupoints.points("lu")] == [f"LU{n}" for n in range(1, 12)]
    assert len(acupoints.points("UB")) == 67
    assert len(acupoints.points("EX-B")) == 9
    knee = {p.code for p in acupoints.points(region="knee")}
    assert {"BL40", "ST35", "EX-LE5"} <= knee
    lower_limb = {p.code for p in acupoints.points(region="lower-limb")}
    assert knee <= lower_limb and "KI1" in lower_limb
    assert {p.code for p in acupoints.points(category="lower-he-sea")} == {
        "ST36", "ST37", "ST39", "BL39", "BL40", "GB34",
    }  # fmt: skip
    with pytest.raises(UnknownMeridianError):
        acupoints.points("XX")


def test_meridians() -> None:
    codes = [m.code for m in acupoints.meridians()]
    assert codes == ["LU", "LI", "ST", "SP", "HT", "SI", "BL", "KI", "PC", "TE", "GB", "LR", "GV", "CV"]
    bl = acupoints.meridian("UB")
    assert bl.code == "BL" and bl.partner == "KI" and bl.hours == (15, 17)
    assert repr(bl) == "Meridian('BL', 'Bladder Meridian')"
    with pytest.raises(UnknownMeridianError) as caught:
        acupoints.meridian("BX")
    assert isinstance(caught.value, KeyError)


def test_regions() -> None:
    names = [r.name for r in acupoints.regions()]
    assert {"lower-back", "knee", "head", "neck"} <= set(names)
    assert acupoints.region("Lower back").parent == "back"
    with pytest.raises(acupoints.UnknownRegionError) as caught:
        acupoints.region("lowerback")
    assert "lower-back" in caught.value.suggestions


def test_models_are_frozen() -> None:
    point = acupoints.point("LI4")
    with pytest.raises(ValueError, match="frozen"):
        point.english = "changed"  # type: ignore[misc]


def test_load_is_cached_and_thread_safe() -> None:
    results: list[acupoints.Atlas] = []
    threads = [threading.Thread(target=lambda: results.append(acupoints.load())) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(atlas is acupoints.load() for atlas in results)


def test_graph_kinds_and_edges() -> None:
    graph = acupoints.graph()
    assert nx.is_frozen(graph)
    assert graph.nodes["LI4"]["kind"] == "point"
    assert graph.nodes["LI"]["kind"] == "meridian"
    assert graph.has_edge("LI4", "LI5", "next")
    assert graph.has_edge("LI4", "LI", "on")
    assert graph.has_edge("LU11", "LI1", "flow")
    assert graph.has_edge("LR14", "LU1", "flow")
    assert graph.has_edge("LU", "LI", "partner") and graph.has_edge("LI", "LU", "partner")
    assert graph.has_edge("LU7", "LI", "luo")
    assert graph.has_edge("SI3", "governor", "confluent")
    assert graph.has_edge("GB20", "yang-linking", "crossing")
    assert graph.has_edge("BL40", "knee", "in")
    assert graph.has_edge("knee", "lower-limb", "in")
    assert graph.has_edge("KI8", "yin-heel", "cleft")
    flow = list(nx.dfs_preorder_nodes(nx.subgraph_view(graph, filter_edge=lambda u, v, k: k == "flow"), "LU"))
    assert flow[:12] == ["LU", "LI", "ST", "SP", "HT", "SI", "BL", "KI", "PC", "TE", "GB", "LR"]
    kinds = {k for _, _, k in graph.edges(keys=True)}
    assert kinds == {
        "next", "flow", "on", "partner", "crossing", "luo", "confluent", "cleft", "along", "in",
        "indicated-for", "combined-with",
    }  # fmt: skip
    assert "four-gates" in graph.get_edge_data("LI4", "LR3", "combined-with")["combinations"]
    with pytest.raises(nx.NetworkXError):
        graph.add_node("mine")  # type: ignore[attr-defined]


def test_networkx_is_imported_only_for_the_graph() -> None:
    import subprocess
    import sys

    code = "import sys, acupoints; acupoints.point('LI4'); print('networkx' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
