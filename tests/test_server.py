"""The read-only HTTP API: routes, errors, and schemathesis against its own OpenAPI spec."""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings

from acupoints.server import create_app

app = create_app()
client = TestClient(app)


def get(path: str, **params: Any) -> Any:
    return client.get(path, params=params)


@pytest.mark.parametrize(
    ("path", "code"),
    [("/points/LI4", "LI4"), ("/points/UB23", "BL23"), ("/points/腎俞", "BL23"), ("/points/hegu", "LI4"),
     ("/points/SJ5", "TE5"), ("/points/Du20", "GV20"), ("/points/人中", "GV26"),
     ("/points/Yintang", "EX-HN3")],
)  # fmt: skip
def test_points_resolve_every_notation(path: str, code: str) -> None:
    response = get(path)
    assert response.status_code == 200
    assert response.json()["code"] == code


def test_point_shape_is_the_export_shape() -> None:
    import acupoints

    assert get("/points/BL40").json() == acupoints.load().point_record("BL40")
    assert len(get("/points").json()) == 409
    assert {p["code"] for p in get("/points", meridian="LU").json()} == {f"LU{n}" for n in range(1, 12)}
    assert len(get("/points", category="back-shu").json()) == 12


def test_unknown_and_ambiguous() -> None:
    response = get("/points/LI99")
    assert response.status_code == 404
    assert {"LI9", "LI19"} <= set(response.json()["suggestions"])
    response = get("/points/Zhongdu")
    assert response.status_code == 409
    assert response.json()["matches"] == ["GB32", "LR6"]
    assert get("/meridians/XX").status_code == 404
    assert get("/regions/tail").status_code == 404
    assert get("/candidates", complaint="lumbagoo").json()["suggestions"] == ["low-back-pain"]
    assert get("/points", meridian="QQ").status_code == 404


def test_invalid_parameters_are_422() -> None:
    assert get("/candidates", complaint="back pain", level="L9").status_code == 422
    assert get("/candidates", complaint="back pain", pregnant="perhaps").status_code == 422
    assert get("/candidates").status_code == 422
    assert get("/search").status_code == 422
    assert get("/search", q="x" * 500).status_code == 422
    assert get("/points", category="nonsense").status_code == 422


def test_candidates_and_search() -> None:
    data = get("/candidates", complaint="back pain", pregnant="true").json()
    assert data["complaint"] == "low-back-pain" and data["pregnant"] is True
    assert "BL60" in {e["code"] for e in data["excluded"]}
    assert "BL60" not in {c["code"] for c in data["candidates"]}
    data = get("/candidates", complaint="low back pain", level="L4", limit=3).json()
    assert len(data["candidates"]) == 3 and data["level"] == "L4"
    assert get("/search", q="zusanly").json()[0]["code"] == "ST36"
    assert get("/meridians/SJ").json()["code"] == "TE"
    assert "BL23" in get("/regions/lower-back").json()["points"]
    assert len(get("/complaints").json()) >= 15
    assert get("/openapi.json").json()["paths"]["/candidates"]


schema = schemathesis.openapi.from_asgi("/openapi.json", app)


@schema.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_server_errors(case: schemathesis.Case) -> None:
    from schemathesis.specs.openapi.checks import content_type_conformance, status_code_conformance

    response = case.call()
    assert response.status_code < 500, (case.path, case.query, response.text[:200])
    # Bodies are checked against the models by FastAPI itself (response_model: a mismatch
    # would be a 500 above). schemathesis's own body check is left out: it rewrites
    # prefixItems (pydantic's fixed-length tuples) into a form its 2020-12 validator refuses.
    case.validate_response(response, checks=[status_code_conformance, content_type_conformance])
