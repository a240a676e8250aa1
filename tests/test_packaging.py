"""The wheel: what it holds, and that it works from outside the checkout."""

from __future__ import annotations

import functools
import json
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

from conftest import DATA, ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (found,) = out.glob("acupoints-*.whl")
    return found


def test_wheel_holds_the_package_and_data_and_nothing_stray(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    package = {n for n in names if not n.startswith("acupoints-")}
    yaml_files = {f"acupoints/data/{p.relative_to(DATA).as_posix()}" for p in DATA.rglob("*.yaml")}
    package_dir = ROOT / "src" / "acupoints"
    modules = {f"acupoints/{p.relative_to(package_dir).as_posix()}" for p in package_dir.rglob("*.py")}
    stored = {"acupoints/atlas.jsonl", "acupoints/body.json", "acupoints/export.json"}
    expected = yaml_files | modules | {"acupoints/py.typed"} | stored
    assert package == expected
    assert len([n for n in yaml_files if "/points/" in n]) == 19
    assert {"acupoints/data/body/parts.yaml", "acupoints/data/body/frames.yaml"} <= yaml_files
    assert "acupoints/body/geometry.py" in modules


def _json_from_wheel(wheel: Path, tmp_path: Path, code: str) -> Any:
    """Run ``code`` in a fresh interpreter that imports the unpacked wheel, and read the JSON it prints."""
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    out = subprocess.run(
        [sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(site)!r}); {code}"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout)


def test_wheel_works_from_another_directory(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    code = (
        "import json, acupoints; from acupoints._default import default_atlas; "
        "p = acupoints.point('LI4'); "
        "print(json.dumps([acupoints.__file__, default_atlas().origin, p.pinyin, len(acupoints.points())]))"
    )
    module_file, origin, pinyin, count = _json_from_wheel(wheel, tmp_path, code)
    assert module_file.startswith(str(site))
    assert origin.endswith("atlas.jsonl")
    assert (pinyin, count) == ("Hégǔ", 409)


def test_compiled_atlas_equals_the_yaml(wheel: Path) -> None:
    """Building models from the compiled data without validation gives exactly
    what full validation of the YAML gives."""
    import acupoints
    from acupoints import Atlas

    compiled = Atlas.from_compiled(zipfile.ZipFile(wheel).read("acupoints/atlas.jsonl"))
    validated = acupoints.load(DATA)
    assert compiled.point("BL40") == validated.point("BL40")
    assert compiled.data == validated.data
    for a, b in zip(compiled.points(), validated.points(), strict=True):
        assert a.model_dump() == b.model_dump()
        assert type(a.aliases) is tuple and type(a.location.regions) is tuple
        assert type(a.needling.depth_cun) is tuple
        assert compiled.point_record(a.code) == a.model_dump(mode="json")
        assert validated.point_record(a.code) == a.model_dump(mode="json")


def test_compiled_places_equal_the_models_and_draw_the_same_charts(wheel: Path) -> None:
    """The stored places line (what a chart reads of every other point) is what the models say,
    and a chart drawn from it is the chart drawn from the models, byte for byte."""
    import acupoints
    from acupoints import Atlas
    from acupoints.body import default_body
    from acupoints.body.charted import charted_points
    from acupoints.body.charts import point_chart

    compiled = Atlas.from_compiled(zipfile.ZipFile(wheel).read("acupoints/atlas.jsonl"))
    validated = acupoints.load(DATA)
    assert compiled._extra_lines.keys() == {"places"}
    assert compiled.point_places() == validated.point_places()
    assert len(compiled._points) == 0, "reading the places built no point model"
    body = default_body()
    light = charted_points(body, compiled)
    assert charted_points(body, compiled) is light, "read once per atlas"
    for mark, point in zip(light, validated.points(), strict=True):
        loc = point.location
        assert (mark.code, mark.pinyin, mark.hanzi, mark.english) == (
            point.code, point.pinyin, point.hanzi, point.english,
        )  # fmt: skip
        assert (mark.location.side, mark.location.position, tuple(mark.location.positions)) == (
            loc.side, loc.position, loc.positions,
        )  # fmt: skip
    everything = validated.points()
    for code in ("LI4", "EX-B2", "GV20", "KI1"):
        point = validated.point(code)
        assert point_chart(body, point, light) == point_chart(body, point, everything)


def test_compiled_answers_equal_the_rules(wheel: Path) -> None:
    """The complaint answers stored at build time are what the rules give now."""
    import acupoints
    from acupoints import Atlas

    compiled = Atlas.from_compiled(zipfile.ZipFile(wheel).read("acupoints/atlas.jsonl"))
    validated = acupoints.load(DATA)
    assert compiled._answer_lines, "the wheel should carry the answers"
    for complaint in validated.complaints():
        for pregnant in (False, True):
            expected = validated.candidates(complaint.name, pregnant=pregnant).as_dict()
            assert compiled.candidates(complaint.name, pregnant=pregnant).as_dict() == expected
            assert compiled.candidates_record(complaint.name, pregnant=pregnant) == expected
    level = compiled.candidates("low back pain", level="L4").as_dict()
    assert level == validated.candidates("low back pain", level="L4").as_dict()


def test_lazy_points_are_built_once_across_threads(wheel: Path) -> None:
    import threading

    from acupoints import Atlas

    compiled = Atlas.from_compiled(zipfile.ZipFile(wheel).read("acupoints/atlas.jsonl"))
    found: list[object] = []
    barrier = threading.Barrier(8)

    def look() -> None:
        barrier.wait()
        found.append(compiled.point("ST36"))

    threads = [threading.Thread(target=look) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(point is found[0] for point in found)


def test_wheel_draws_charts_from_the_compiled_body_model(wheel: Path, tmp_path: Path) -> None:
    code = (
        "import json, sys, acupoints; "
        "acupoints.point('LI4'); cold = 'acupoints.body' in sys.modules; "
        "from acupoints.body import default_body; "
        "svg = acupoints.chart('PC6'); body = default_body(); "
        "print(json.dumps([cold, 'yaml' in sys.modules, 'data-point=\"PC6\"' in svg, "
        "body.data.model_dump(mode='json')]))"
    )
    cold, yaml_imported, has_marker, dumped = _json_from_wheel(wheel, tmp_path, code)
    assert not cold  # nothing on the cold lookup path imports the body model
    assert has_marker
    assert not yaml_imported  # the compiled model, not the YAML
    from acupoints.body import BodyModel

    assert dumped == BodyModel.from_folder(DATA).data.model_dump(mode="json")


_STORED = r"""
import io, json, sys
sys.path.insert(0, sys.argv[1])
from acupoints._entry import _stored_answer
entry = [(_stored_answer(args) or b"").decode("utf-8") for args in json.loads(sys.argv[2])]
light = sorted(m for m in sys.modules if m in ("click", "pydantic", "acupoints.models", "acupoints.atlas"))
from acupoints.cli import main
out = []
for args in json.loads(sys.argv[2]):
    buffer = io.BytesIO()
    sys.stdout = io.TextIOWrapper(buffer, encoding="utf-8", write_through=True)
    main(args, standalone_mode=False)
    sys.stdout.flush()
    out.append(buffer.getvalue().decode("utf-8"))
sys.stdout = sys.__stdout__
print(json.dumps({"pydantic": "pydantic" in sys.modules, "models": "acupoints.models" in sys.modules,
                  "out": out, "entry": entry, "light": light}))
"""


def test_stored_answers_print_without_pydantic_and_equal_the_models(wheel: Path, tmp_path: Path) -> None:
    """show --json, candidates --json and export from the wheel: the same text as the
    models give, without importing pydantic or building a model."""
    import acupoints
    from acupoints.export import export_json

    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    commands = [
        ["show", "LI4", "--json"], ["show", "ub-23", "--json"],
        ["candidates", "low back pain", "--json"], ["candidates", "lumbago", "--pregnant", "--json"],
        ["candidates", "neck pain", "--limit", "3", "--json"], ["export"],
    ]  # fmt: skip
    result = subprocess.run(
        [sys.executable, "-I", "-c", _STORED, str(site), json.dumps(commands)],
        cwd=tmp_path, capture_output=True, text=True, check=True,
    )  # fmt: skip
    found = json.loads(result.stdout.splitlines()[-1])
    assert found["pydantic"] is False and found["models"] is False
    atlas = acupoints.load(DATA)
    dumps = functools.partial(json.dumps, ensure_ascii=False, indent=2)
    expected = [
        dumps(atlas.point_record("LI4")) + "\n",
        dumps(atlas.point_record("BL23")) + "\n",
        dumps(atlas.candidates("low back pain").as_dict()) + "\n",
        dumps(atlas.candidates("lumbago", pregnant=True).as_dict()) + "\n",
        dumps(atlas.candidates("neck pain", limit=3).as_dict()) + "\n",
        export_json(atlas) + "\n",
    ]
    assert found["out"] == expected
    # the console script's own fast path: the same bytes, without even click
    assert found["light"] == []
    pairs = zip(commands, expected, strict=True)
    assert found["entry"] == [text if "--limit" not in args else "" for args, text in pairs]
