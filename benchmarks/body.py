"""Body model timings, against baselines measured in the same run.

    python benchmarks/body.py [--runs 7]

Targets (issue 9): every position computed, warm, under 50 ms; every point's
chart drawn under 5 s; cold ``acupoints chart LI4`` at most 3 x
``python -c "import pydantic"``. The cold figures mean most from an installed
wheel (which carries the body model compiled); an editable install reads YAML.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time

from cold_start import interleaved_medians  # the same interleaved timing

PY = sys.executable


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    cli = shutil.which("acupoints")
    base = [cli] if cli else [PY, "-m", "acupoints"]
    commands = {
        "import pydantic": [PY, "-c", "import pydantic"],
        "CLI chart LI4": [*base, "chart", "LI4"],
        "CLI show LI4 --json": [*base, "show", "LI4", "--json"],
    }
    medians = interleaved_medians(commands, args.runs)
    baseline = medians["import pydantic"]
    print(f"body model, median of {args.runs} runs (python {sys.version.split()[0]})")
    for name, value in medians.items():
        ratio = value / baseline
        verdict = f"  target <= 3x: {'ok' if ratio <= 3 else 'MISSED'}" if name == "CLI chart LI4" else ""
        print(f"  {name:<24} {value * 1000:7.1f} ms  {ratio:5.2f} x import pydantic{verdict}")

    import acupoints
    from acupoints.body import default_body
    from acupoints.body.positions import solve

    body = default_body()
    structures = {p.code: p.location.structure for p in acupoints.points()}
    solve(body.geometry, structures)  # warm: arc tables and validators built
    times = []
    for _ in range(args.runs):
        start = time.perf_counter()
        placed = solve(body.geometry, structures)
        times.append(time.perf_counter() - start)
    assert not placed.problems and len(placed.positions) == 409
    best = min(times)
    verdict = "ok" if best <= 0.05 else "MISSED"
    print(f"  every position (warm)    {best * 1000:7.1f} ms  target <= 50 ms: {verdict}")

    acupoints.chart("LI4")  # warm: outlines per view are built once
    start = time.perf_counter()
    for p in acupoints.points():
        acupoints.chart(p.code)
    every = time.perf_counter() - start
    print(f"  every point's chart      {every:7.2f} s   target <= 5 s: {'ok' if every <= 5 else 'MISSED'}")
    start = time.perf_counter()
    for m in acupoints.meridians():
        acupoints.chart(meridian=m.code)
    print(f"  every meridian's chart   {time.perf_counter() - start:7.2f} s")


if __name__ == "__main__":
    main()
