"""The acupoints command."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from acupoints.cli import main


@pytest.fixture
def run() -> CliRunner:
    return CliRunner()


def test_show_human(run: CliRunner) -> None:
    result = run.invoke(main, ["show", "GV26"])
    assert result.exit_code == 0, result.output
    assert "水沟" in result.output and "Shuǐgōu" in result.output
    assert "人中" in result.output
    assert "not medical advice" in result.output


def test_show_json(run: CliRunner) -> None:
    result = run.invoke(main, ["show", "BL40", "--json"])
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["code"] == "BL40" and data["meridian"] == "BL" and data["number"] == 40
    assert "knee" in data["location"]["regions"]
    kinds = {c["kind"]: c for c in data["categories"]}
    assert kinds["he-sea"]["phase"] == "earth"
    assert kinds["lower-he-sea"]["organ"] == "bladder"
    assert kinds["command"]["regions"] == ["back"]
    assert any(c["hazard"] == "major-vessel" for c in data["needling"]["cautions"])


def test_show_sp6_pregnancy(run: CliRunner) -> None:
    data = json.loads(run.invoke(main, ["show", "SP6", "--json"]).output)
    pregnancy = [c for c in data["contraindications"] if c["condition"] == "pregnancy"]
    assert pregnancy and pregnancy[0]["severity"] == "forbidden" and pregnancy[0]["reason"]


def test_show_unknown(run: CliRunner) -> None:
    result = run.invoke(main, ["show", "LI99"])
    assert result.exit_code == 1
    assert "no point 'LI99'" in result.output
    assert "LI9" in result.output and "LI19" in result.output


def test_usage_error_exit_code(run: CliRunner) -> None:
    assert run.invoke(main, ["show"]).exit_code == 2
    assert run.invoke(main, ["no-such-command"]).exit_code == 2


def test_export(run: CliRunner) -> None:
    result = run.invoke(main, ["export"])
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["schema_version"] == 1
    assert len(data["meridians"]) == 14
    standard = [p for p in data["points"] if p["meridian"] is not None]
    assert len(standard) == 361 and len(data["points"]) == 409
    for point in data["points"]:
        for field in (
            "code",
            "meridian",
            "number",
            "pinyin",
            "hanzi",
            "hanzi_traditional",
            "english",
            "aliases",
        ):
            assert field in point


def test_meridian_command(run: CliRunner) -> None:
    result = run.invoke(main, ["meridian", "SJ", "--json"])
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["code"] == "TE" and len(data["points"]) == 23
    assert run.invoke(main, ["meridian", "XY"]).exit_code == 1


def test_python_dash_m() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "acupoints", "show", "li-4", "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(out.stdout)["code"] == "LI4"


def test_data_option_uses_another_folder(run: CliRunner, make_folder) -> None:  # type: ignore[no-untyped-def]
    folder = make_folder()
    result = run.invoke(main, ["--data", str(folder), "show", "LU2", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["english"] == "Test Name"
    bad = make_folder(lambda f: f["points/LU.yaml"]["points"][0].update(colour="red"))
    result = run.invoke(main, ["--data", str(bad), "show", "LU1"])
    assert result.exit_code == 2
    assert "points/LU.yaml: LU1: colour: unknown field" in result.output
