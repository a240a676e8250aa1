"""Time the whole site build: ``mkdocs build --strict`` into a temporary folder.

    python benchmarks/site_build.py [--runs 3]

Prints the median build time, the number of pages and JSON files, and the
target (the whole site in <= 15 s on a 2-core machine). As a baseline from
the same run it also times ``python -c "import mkdocs, material"``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _time(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, cwd=ROOT, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    with tempfile.TemporaryDirectory() as out:
        build = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", out]
        baseline = [sys.executable, "-c", "import mkdocs, material"]
        builds, imports = [], []
        for _ in range(args.runs):
            builds.append(_time(build, env))
            imports.append(_time(baseline, env))
        pages = len(list(Path(out).rglob("*.html")))
        files = len(list((Path(out) / "data" / "v1").rglob("*.json")))
    median = statistics.median(builds)
    print(f"site build, median of {args.runs} runs")
    print(f"  mkdocs build --strict   {median:6.1f} s  target <= 15 s: {'ok' if median <= 15 else 'MISSED'}")
    print(f"  import mkdocs, material {statistics.median(imports):6.2f} s  (baseline)")
    print(f"  {pages} HTML pages, {files} JSON files in data/v1")


if __name__ == "__main__":
    main()
