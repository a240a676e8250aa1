"""A release that publishes: clean distributions, twine-valid metadata, an sdist whose tests run (issue 12)."""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest

from conftest import ROOT


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``python -m build``: the sdist, then the wheel built from the unpacked sdist."""
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    return out


def test_the_build_leaves_only_the_distributions(dist: Path) -> None:
    names = sorted(p.name for p in dist.iterdir())
    assert len(names) == 2, names
    assert sorted(name.rsplit(".", 1)[-1] for name in names) == ["gz", "whl"], names


def test_twine_check_passes(dist: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "twine", "check", "--strict", *map(str, sorted(dist.iterdir()))],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("PASSED") == 2


def test_metadata_a_pypi_user_expects(dist: Path) -> None:
    (wheel,) = dist.glob("*.whl")
    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        metadata = Parser().parsestr(archive.read(name).decode("utf-8"))
    classifiers = metadata.get_all("Classifier") or []
    for version in ("3.11", "3.12", "3.13"):
        assert f"Programming Language :: Python :: {version}" in classifiers
    assert metadata["Requires-Python"] == ">=3.11"
    assert metadata["License-Expression"] == "MIT"
    for url in metadata.get_all("Project-URL") or []:
        assert "example" not in url and "invalid" not in url, url
    description = metadata.get_payload()
    assert "pip install acupoints" in description
    assert metadata["Description-Content-Type"].startswith("text/markdown")


def test_the_sdist_carries_what_its_tests_need_and_they_run(dist: Path, tmp_path: Path) -> None:
    (sdist,) = dist.glob("*.tar.gz")
    with tarfile.open(sdist) as archive:
        archive.extractall(tmp_path, filter="data")
    (root,) = tmp_path.iterdir()
    for needed in ("tests/conftest.py", "data/meridians.yaml", "schema/acupoints.schema.json",
                   "docs/gen_pages.py", "mkdocs.yml", "hatch_build.py", ".ci/run", "README.md",
                   "LICENSE", "CHANGELOG.md", "CONTRIBUTING.md", "CITATION.cff", "scripts/format_data.py",
                   "benchmarks/cold_start.py"):  # fmt: skip
        assert (root / needed).is_file(), needed
    env = {**os.environ, "PYTHONPATH": str(root / "src")}
    base = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-x"]
    # every test module collects from the sdist alone ...
    collected = subprocess.run([*base, "--collect-only"], cwd=root, env=env, capture_output=True, text=True)
    assert collected.returncode == 0, collected.stdout[-3000:] + collected.stderr[-2000:]
    # ... and a quick, broad part of the suite passes there, on the sdist's own code and data
    code = "import acupoints, sys; print(acupoints.__file__)"
    where = subprocess.run([sys.executable, "-c", code], cwd=root, env=env, capture_output=True, text=True)
    assert where.stdout.strip().startswith(str(root)), where.stdout
    quick = ["tests/test_api.py", "tests/test_loader.py", "tests/test_readme.py", "tests/test_data_checks_fail.py"]
    ran = subprocess.run([*base, *quick], cwd=root, env=env, capture_output=True, text=True)
    assert ran.returncode == 0, ran.stdout[-3000:] + ran.stderr[-2000:]
    assert " passed" in ran.stdout and "failed" not in ran.stdout
