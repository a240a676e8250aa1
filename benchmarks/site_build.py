"""Time the whole site build: ``mkdocs build --strict`` into a temporary folder.

    python benchmarks/site_build.py [--runs 3]

Prints the median build time, the number of pages and JSON files, the
weight of the point pages' HTML, and the targets (the whole site in <= 15 s on
a 2-core machine; a point page, inline SVG included, <= 150 KB). As a baseline
from the same run it also times importing what the build runs (mkdocs's
builder, Material's search plugin, Markdown), a figure of the machine's speed.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _time(argv: list[str], env: dict[str, str], cpu: list[float] | None = None) -> float:
    """Wall time of one run; its CPU time (user + system) is appended to ``cpu``: on a
    machine shared with other work the CPU time says more than the wall time."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, cwd=ROOT, env=env, check=True, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if cpu is not None:
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    with tempfile.TemporaryDirectory() as out:
        build = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", out]
        baseline = [
            sys.executable,
            "-c",
            "import mkdocs.commands.build, material.plugins.search.plugin, markdown, pymdownx.superfences",
        ]
        builds, imports, cpu = [], [], []
        for _ in range(args.runs):
            builds.append(_time(build, env, cpu))
            imports.append(_time(baseline, env))
        pages = len(list(Path(out).rglob("*.html")))
        files = len(list((Path(out) / "data" / "v1").rglob("*.json")))
        weights = {p.parent.name: p.stat().st_size for p in (Path(out) / "points").glob("*/index.html")}
        others = {
            name: (Path(out) / name / "index.html").stat().st_size
            for name in ("complaints/low-back-pain", "safety", "diagrams/back")
        }
    median = statistics.median(builds)
    print(f"site build, median of {args.runs} runs")
    print(f"  mkdocs build --strict   {median:6.1f} s  target <= 15 s: {'ok' if median <= 15 else 'MISSED'}")
    print(f"  the same, CPU time      {statistics.median(cpu):6.1f} s  (user + system; load-independent)")
    print(f"  import the builder      {statistics.median(imports):6.2f} s  (baseline: the machine's speed)")
    print(f"  load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"  {pages} HTML pages, {files} JSON files in data/v1")
    heaviest = max(weights, key=weights.__getitem__)
    kb = weights[heaviest] / 1024
    print(
        f"  point pages: median {statistics.median(weights.values()) / 1024:.0f} KB, heaviest {heaviest} "
        f"{kb:.0f} KB  target <= 150 KB: {'ok' if kb <= 150 else 'MISSED'}"
    )
    for name, size in others.items():
        print(f"  {name}: {size / 1024:.0f} KB")


if __name__ == "__main__":
    main()
