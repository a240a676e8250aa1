"""Every JSON document the project publishes validates against the published schema (issue 12).

The static API files (as the site writes them), the export and every HTTP
body are written to disk and checked with ``check-jsonschema`` against
``schema.json`` as it stands, and each against its own named definition.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from jsonschema import Draft202012Validator

import acupoints
from acupoints.export import SCHEMA_CHANGES, SCHEMA_REVISION, STATIC_DOCUMENTS, export_json, static_api
from acupoints.server import create_app
from conftest import ROOT

SCHEMA_FILE = ROOT / "schema" / "acupoints.schema.json"
SCHEMA: dict[str, Any] = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))

HTTP_DOCUMENTS = {
    "/": "ApiIndexDocument", "/points": "PointList", "/points?meridian=LU": "PointList",
    "/points/LI4": "Point", "/points/hegu": "Point", "/meridians": "MeridianList",
    "/meridians/LU": "MeridianWithPoints", "/vessels": "VesselList", "/vessels/governor": "VesselWithPoints",
    "/regions": "RegionList", "/regions/knee": "RegionWithPoints", "/complaints": "ComplaintList",
    "/complaints/neck-pain": "ComplaintDocument", "/sources": "SourceList",
    "/candidates?complaint=low%20back%20pain&pregnant=true&level=l4": "CandidatesDocument",
    "/candidates?complaint=neck%20pain&limit=3": "CandidatesDocument",
    "/search?q=hegu": "SearchResultList", "/points/LI99": "ErrorDocument",
    "/points/Zhongdu": "ErrorDocument", "/complaints/nothing": "ErrorDocument",
    "/points/" + "a" * 5000: "ErrorDocument",
}  # fmt: skip


def check_jsonschema(schema: Path, files: list[Path]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--schemafile", str(schema), *map(str, files)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]


def named(name: str) -> Draft202012Validator:
    return Draft202012Validator({"$ref": f"#/$defs/{name}", "$defs": SCHEMA["$defs"]})


def test_the_schema_is_valid_and_versioned(tmp_path: Path) -> None:
    Draft202012Validator.check_schema(SCHEMA)
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--check-metaschema", str(SCHEMA_FILE)],
        capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert SCHEMA["version"] == SCHEMA_REVISION == SCHEMA_CHANGES[-1][0]
    assert [c["version"] for c in SCHEMA["x-changes"]] == [v for v, _ in SCHEMA_CHANGES]
    for name in {*STATIC_DOCUMENTS.values(), *HTTP_DOCUMENTS.values(), "AtlasData"}:
        assert {"$ref": f"#/$defs/{name}"} in SCHEMA["anyOf"], name


def test_every_static_file_validates(tmp_path: Path) -> None:
    files = static_api(acupoints.load(), version="test")
    written: list[Path] = []
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        if name != "schema.json":
            written.append(path)
    assert json.loads(files["schema.json"]) == SCHEMA
    index = json.loads(files["index.json"])
    assert index["documents"] == STATIC_DOCUMENTS
    check_jsonschema(tmp_path / "schema.json", written)
    for name, definition in STATIC_DOCUMENTS.items():
        pattern = name.replace("{code}", "*").replace("{name}", "*")
        matched = sorted(tmp_path.glob(pattern))
        assert matched, name
        validator = named(definition)
        for path in matched:
            validator.validate(json.loads(path.read_text(encoding="utf-8")))
    assert len(list(tmp_path.glob("points/*.json"))) == 409


def test_the_bibliography_is_published() -> None:
    files = static_api(acupoints.load())
    keys = {s["key"] for s in json.loads(files["sources.json"])}
    cited = set()
    for point in json.loads(files["points.json"]):
        cited.update(point["sources"], point["indications"]["sources"])
        for item in point["contraindications"]:
            cited.update(item["sources"])
    for complaint in json.loads(files["complaints.json"]):
        for rule in complaint["rules"]:
            cited.update(rule["sources"])
    assert cited and cited <= keys
    http_keys = {s["key"] for s in TestClient(create_app()).get("/sources").json()}
    assert http_keys == keys


def test_the_export_validates(tmp_path: Path) -> None:
    path = tmp_path / "atlas.json"
    path.write_text(export_json(acupoints.load()), encoding="utf-8")
    check_jsonschema(SCHEMA_FILE, [path])
    named("AtlasData").validate(json.loads(path.read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def bodies(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    client = TestClient(create_app())
    out = tmp_path_factory.mktemp("http")
    paths: dict[str, Path] = {}
    for index, route in enumerate(HTTP_DOCUMENTS):
        response = client.get(route)
        assert response.headers["content-type"].startswith("application/json"), route
        path = out / f"{index:02d}.json"
        path.write_bytes(response.content)
        paths[route] = path
    return paths


def test_every_http_body_validates(bodies: dict[str, Path]) -> None:
    check_jsonschema(SCHEMA_FILE, list(bodies.values()))
    for route, definition in HTTP_DOCUMENTS.items():
        named(definition).validate(json.loads(bodies[route].read_text(encoding="utf-8")))


def test_named_definitions_tell_documents_apart(bodies: dict[str, Path]) -> None:
    point = json.loads(bodies["/points/LI4"].read_text(encoding="utf-8"))
    assert not named("PointList").is_valid(point)
    assert not named("Meridian").is_valid(point)
    assert named("PointList").is_valid([point])
