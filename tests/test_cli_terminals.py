"""The CLI on any terminal: unencodable output escaped, bounded export, errors as one line (issue 12)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import acupoints
from acupoints.cli import main
from acupoints.export import export_json

runner = CliRunner()

COMMANDS = [
    ["show", "LI4"], ["show", "合谷", "--json"], ["candidates", "back pain"], ["candidates", "腰痛", "--json"],
    ["search", "zusanli"], ["meridian", "LU"], ["region", "knee"], ["complaints"], ["export", "--indent", "0"],
]  # fmt: skip

# each command in a fresh stdout of the given encoding, strict, as a redirect on Windows would be
_RUN = r"""
import io, json, sys
from acupoints.cli import main
results = []
for args in json.loads(sys.argv[2]):
    buffer = io.BytesIO()
    sys.stdout = io.TextIOWrapper(buffer, encoding=sys.argv[1], errors="strict", write_through=True)
    sys.stderr = io.TextIOWrapper(io.BytesIO(), encoding=sys.argv[1], errors="strict")
    try:
        main(args, standalone_mode=False)
        code = 0
    except SystemExit as exit:
        code = exit.code
    except BaseException as error:
        code = repr(error)
    sys.stdout.flush()
    # click writes UTF-8 where a stream claims plain ASCII (a misconfigured locale); others as they are
    results.append([code, buffer.getvalue().decode("utf-8" if sys.argv[1] == "ascii" else sys.argv[1])])
sys.__stdout__.write(json.dumps(results))
"""


@pytest.mark.parametrize("encoding", ["ascii", "cp1252"])
def test_every_command_works_on_a_terminal_that_cannot_show_hanzi(encoding: str) -> None:
    out = subprocess.run(
        [sys.executable, "-c", _RUN, encoding, json.dumps(COMMANDS)], capture_output=True, text=True, check=True
    )
    results = json.loads(out.stdout)
    for args, (code, text) in zip(COMMANDS, results, strict=True):
        assert code in (0, None), (args, code)
        assert text.strip(), args
        if "--json" in args or args[0] == "export":
            assert text.isascii()
            expected = runner.invoke(main, args).output
            assert json.loads(text) == json.loads(expected), args
        elif args[0] == "show":
            assert "LI4" in text and ("\\u5408" in text or "合" in text)


def test_export_to_a_file(tmp_path: Path) -> None:
    path = tmp_path / "atlas.json"
    result = runner.invoke(main, ["export", "-o", str(path)])
    assert result.exit_code == 0 and result.output == ""
    assert path.read_text(encoding="utf-8") == export_json(acupoints.load()) + "\n"
    assert acupoints.load(path).data == acupoints.load().data
    result = runner.invoke(main, ["export", "--output", str(tmp_path / "missing" / "x.json")])
    assert result.exit_code == 2 and "Traceback" not in result.output


@pytest.mark.parametrize("indent", ["100000", "-1", "9"])
def test_indent_is_bounded(indent: str) -> None:
    result = runner.invoke(main, ["export", "--indent", indent])
    assert result.exit_code == 2 and len(result.output) < 1000


def test_data_errors_exit_2_with_one_clear_message(tmp_path: Path) -> None:
    (tmp_path / "meridians.yaml").write_text("meridians: [\n", encoding="utf-8")
    result = runner.invoke(main, ["--data", str(tmp_path), "show", "LI4"])
    assert result.exit_code == 2
    assert result.output.startswith("acupoints: ") and "Traceback" not in result.output
    assert "meridians.yaml" in result.output


@pytest.mark.parametrize(
    "args",
    [["candidates", "back pain", "--level", "L9"], ["candidates", "back pain", "--limit", "-3"],
     ["search", "hegu", "--limit", "5000"], ["candidates", "back pain", "--level", "x" * 10_000, "--json"]],
)  # fmt: skip
def test_argument_errors_exit_2_with_one_line(args: list[str]) -> None:
    result = runner.invoke(main, args)
    assert result.exit_code == 2, result.output
    assert result.output.count("\n") == 1 and result.output.startswith("acupoints: ")
    assert len(result.output) < 300
