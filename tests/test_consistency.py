"""One resolver, one way to validate, one error family; shared state read-only and built once (issue 12)."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

import acupoints
from acupoints import ArgumentTypeError, InvalidArgumentError, UnknownPointError
from acupoints.cli import main
from acupoints.server import create_app

client = TestClient(create_app())
runner = CliRunner()


@pytest.mark.parametrize(
    ("text", "code"),
    [("hegu", "LI4"), ("合谷", "LI4"), ("Yintang", "EX-HN3"), ("GV29", "EX-HN3"), ("腎俞", "BL23"),
     ("UB23", "BL23"), ("Huatuojiaji", "EX-B2"), ("人中", "GV26"), ("Union Valley", "LI4")],
)  # fmt: skip
def test_every_lookup_resolves_the_same(text: str, code: str) -> None:
    assert acupoints.resolve(text).code == code
    assert acupoints.point(text).code == code
    found = acupoints.find_point(text)
    assert found is not None and found.code == code
    assert text in acupoints.load()
    result = runner.invoke(main, ["show", text, "--json"])
    assert result.exit_code == 0 and json.loads(result.output)["code"] == code
    assert client.get(f"/points/{text}").json()["code"] == code


@pytest.mark.parametrize("text", ["LI99", "hegoo xx", "Zusanlix", "QQ3"])
def test_one_suggestion_list(text: str) -> None:
    with pytest.raises(UnknownPointError) as by_point:
        acupoints.point(text)
    with pytest.raises(UnknownPointError) as by_resolve:
        acupoints.resolve(text)
    assert by_point.value.suggestions == by_resolve.value.suggestions
    assert acupoints.find_point(text) is None
    response = client.get(f"/points/{text}")
    assert response.status_code == 404
    assert tuple(response.json()["suggestions"]) == by_point.value.suggestions
    result = runner.invoke(main, ["show", text])
    assert result.exit_code == 1
    if by_point.value.suggestions:
        assert f"did you mean: {', '.join(by_point.value.suggestions)}" in result.output


def test_ambiguous_names_agree() -> None:
    with pytest.raises(acupoints.AmbiguousPointError) as caught:
        acupoints.point("Zhongdu")
    assert caught.value.matches == ("GB32", "LR6")
    assert acupoints.find_point("Zhongdu") is None
    assert client.get("/points/Zhongdu").json()["matches"] == ["GB32", "LR6"]


def test_candidates_is_a_read_only_sequence_and_mapping() -> None:
    from collections.abc import Sequence

    answer = acupoints.candidates("low back pain")
    assert isinstance(answer, Sequence)
    items = list(answer)
    assert len(answer) == len(items) == len(answer.codes) > 3
    assert answer[0] is items[0] and answer[-1] is items[-1]
    assert answer[1:3] == tuple(items[1:3])
    for candidate in items:
        assert candidate in answer
        assert candidate.code in answer
        assert answer[candidate.code] is candidate
        assert answer.get(candidate.code) is candidate
    assert "BL23" in answer and answer["BL23"].code == "BL23"
    assert "UB23" in answer and answer["UB23"] is answer["BL23"]
    assert "LU1" not in answer and answer.get("LU1") is None
    with pytest.raises(KeyError):
        answer["LU1"]
    with pytest.raises(IndexError):
        answer[len(items)]
    assert answer.index(items[2]) == 2 and answer.count(items[2]) == 1
    assert answer.keys() == [c.code for c in items]
    with pytest.raises(AttributeError):
        answer.candidates = ()  # type: ignore[misc]


@pytest.mark.parametrize("limit", [-1, 1001, 2**63])
def test_limit_is_validated_alike(limit: int) -> None:
    with pytest.raises(InvalidArgumentError):
        acupoints.candidates("low back pain", limit=limit)
    with pytest.raises(InvalidArgumentError):
        acupoints.search("hegu", limit=limit)
    for args in (["candidates", "low back pain"], ["search", "hegu"]):
        result = runner.invoke(main, [*args, "--limit", str(limit)])
        assert result.exit_code == 2, result.output
        assert "limit must be from 0 to 1000" in result.output and "Traceback" not in result.output
    assert client.get("/candidates", params={"complaint": "back pain", "limit": limit}).status_code == 422
    assert client.get("/search", params={"q": "hegu", "limit": limit}).status_code == 422


def test_every_candidate_is_kept_without_a_limit() -> None:
    full = acupoints.candidates("low back pain")
    assert acupoints.candidates("low back pain", limit=0).codes == full.codes
    assert acupoints.candidates("low back pain", limit=1000).codes == full.codes


@pytest.mark.parametrize(("given", "level"), [("l4", "L4"), ("L4", "L4"), (" t12 ", "T12"), ("co", "Co")])
def test_level_is_accepted_alike(given: str, level: str) -> None:
    assert acupoints.candidates("low back pain", level=given).level == level
    result = runner.invoke(main, ["candidates", "low back pain", "--level", given, "--json"])
    assert result.exit_code == 0 and json.loads(result.output)["level"] == level
    if given == given.strip():
        response = client.get("/candidates", params={"complaint": "low back pain", "level": given})
        assert response.status_code == 200 and response.json()["level"] == level


@pytest.mark.parametrize("level", ["L9", "X1", "", "L4L4"])
def test_bad_level_is_refused_alike(level: str) -> None:
    with pytest.raises(InvalidArgumentError):
        acupoints.candidates("low back pain", level=level)
    result = runner.invoke(main, ["candidates", "low back pain", "--level", level])
    assert result.exit_code == 2 and "vertebral level" in result.output
    assert client.get("/candidates", params={"complaint": "back pain", "level": level}).status_code == 422


_CALLS: list[tuple[str, Any]] = [
    ("point", lambda v: acupoints.point(v)), ("find_point", lambda v: acupoints.find_point(v)),
    ("resolve", lambda v: acupoints.resolve(v)), ("search", lambda v: acupoints.search(v)),
    ("candidates", lambda v: acupoints.candidates(v)), ("complaint", lambda v: acupoints.complaint(v)),
    ("meridian", lambda v: acupoints.meridian(v)), ("region", lambda v: acupoints.region(v)),
    ("points", lambda v: acupoints.points(v)),
    ("level", lambda v: acupoints.candidates("neck pain", level=v)),
    ("limit", lambda v: acupoints.candidates("neck pain", limit=v)),
]  # fmt: skip


@pytest.mark.parametrize("value", [5, None, b"LI4", ["LI4"], 4.0, True])
@pytest.mark.parametrize(("name", "call"), _CALLS, ids=[n for n, _ in _CALLS])
def test_wrong_types_get_a_type_error_that_says_what_was_expected(name: str, call: Any, value: Any) -> None:
    if (value is None and name in ("level", "limit", "points")) or (name == "limit" and value == 5):
        call(value)  # None means "not given" for these; 5 is a limit
        return
    with pytest.raises(ArgumentTypeError) as caught:
        call(value)
    assert isinstance(caught.value, TypeError) and isinstance(caught.value, acupoints.AcupointsError)
    assert "expected" in str(caught.value) and type(value).__name__ in str(caught.value)


def test_every_error_is_an_acupoints_error() -> None:
    for call in (
        lambda: acupoints.load().source("nobody-2099"),
        lambda: acupoints.points(category="nonsense"),  # type: ignore[arg-type]
        lambda: acupoints.load().vessel("nothing"),
        lambda: acupoints.region("tail"),
        lambda: acupoints.meridian("QQ"),
        lambda: acupoints.complaint("lumbagoo"),
    ):
        with pytest.raises(acupoints.AcupointsError):
            call()


# -- shared state ----------------------------------------------------------------------


def test_graph_attributes_are_read_only() -> None:
    graph = acupoints.graph()
    with pytest.raises(TypeError):
        graph.nodes["LI4"]["kind"] = "changed"
    with pytest.raises(TypeError):
        graph.nodes["LI4"].update(kind="changed")
    with pytest.raises(TypeError):
        graph.edges["LI4", "LI5", "next"]["kind"] = "changed"
    with pytest.raises(TypeError):
        graph.pred["LI5"]["LI4"]["next"].pop("kind")
    with pytest.raises(TypeError):
        graph.graph["name"] = "changed"
    with pytest.raises(nx_error()):
        graph.add_node("X")
    assert graph.nodes["LI4"]["kind"] == "point"
    copy = graph.copy()
    copy.nodes["LI4"]["kind"] = "mine"
    assert graph.nodes["LI4"]["kind"] == "point"
    for _, _, data in graph.edges(data=True):
        assert all(not isinstance(value, list | dict | set) for value in data.values())


def nx_error() -> type[Exception]:
    import networkx as nx

    return nx.NetworkXError


_COLD_START = r"""
import sys, threading
sys.setswitchinterval(1e-6)  # switch threads as often as possible
import acupoints, acupoints._graph as graph_module, acupoints.names as names_module
builds = {"graph": 0, "names": 0}
real_graph, real_index = graph_module.build_graph, names_module.NameIndex.__init__
def count_graph(atlas):
    builds["graph"] += 1
    return real_graph(atlas)
def count_index(self, atlas):
    builds["names"] += 1
    real_index(self, atlas)
graph_module.build_graph = count_graph
names_module.NameIndex.__init__ = count_index
barrier = threading.Barrier(32)
seen = {"graph": set(), "names": set(), "answer": set(), "point": set(), "atlas": set()}
lock = threading.Lock()
def work(n):
    barrier.wait()
    atlas = acupoints.load()
    found = {"atlas": atlas, "graph": acupoints.graph(), "names": atlas.names,
             "answer": acupoints.candidates("neck pain", level="C5"), "point": acupoints.point("ST36")}
    if n % 2:
        acupoints.search("hegu")
    with lock:
        for key, value in found.items():
            seen[key].add(id(value))
threads = [threading.Thread(target=work, args=(n,)) for n in range(32)]
for t in threads: t.start()
for t in threads: t.join()
print({**builds, **{k: len(v) for k, v in seen.items()}})
"""


@pytest.mark.parametrize("run", range(2))
def test_a_threaded_cold_start_builds_everything_once(run: int) -> None:
    out = subprocess.run([sys.executable, "-c", _COLD_START], capture_output=True, text=True, check=True)
    counts = eval(out.stdout)
    assert counts == {
        "graph": 1, "names": 1, "answer": 1, "point": 1, "atlas": 1,
    }  # fmt: skip
