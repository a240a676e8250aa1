"""Cold-start and warm-lookup timings, against baselines measured in the same run.

    python benchmarks/cold_start.py [--runs 9]

Each command runs --runs times, interleaved so machine noise hits all of them
alike; the figure is the median wall time. Targets (issue 12): cold API
lookup <= 2 x `import pydantic` (the "pydantic BaseModel" line shows the floor of
any answer that is a pydantic model: importing the model machinery alone, about
2 x on these machines); the stored JSON answers (`show --json`,
`candidates --json`, `export`), printed without pydantic, <= 1.2 x each;
warm lookup <= 1 us. Run it against an installed wheel (the compiled data):
an editable install reads and validates the YAML instead, and says so.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
import timeit

PY = sys.executable


def _commands() -> dict[str, list[str]]:
    cli = shutil.which("acupoints")
    base = [cli] if cli else [PY, "-m", "acupoints"]
    commands = {
        "python -c pass": [PY, "-c", "pass"],
        "import pydantic": [PY, "-c", "import pydantic"],
        # the floor of anything that returns a pydantic model: the model machinery alone
        "pydantic BaseModel": [
            PY,
            "-c",
            "from pydantic import BaseModel, ConfigDict, Field, model_validator",
        ],
        "API cold lookup": [PY, "-c", "import acupoints; acupoints.point('LI4')"],
        "CLI show LI4 --json": [*base, "show", "LI4", "--json"],
        "CLI candidates --json": [*base, "candidates", "low back pain", "--json"],
        "CLI export": [*base, "export"],
    }
    return commands


def _time(argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def interleaved_medians(commands: dict[str, list[str]], runs: int) -> dict[str, float]:
    """Median wall time of each command, the commands run in turn so noise hits them alike."""
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for argv in commands.values():  # warm the OS file cache once
        _time(argv)
    for _ in range(runs):
        for name, argv in commands.items():
            samples[name].append(_time(argv))
    return {name: statistics.median(values) for name, values in samples.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    commands = _commands()
    medians = interleaved_medians(commands, args.runs)
    baseline = medians["import pydantic"]
    targets = {
        "API cold lookup": 2.0,
        "CLI show LI4 --json": 1.2,
        "CLI candidates --json": 1.2,
        "CLI export": 1.2,
    }
    from acupoints._default import compiled_file

    source = "compiled data" if compiled_file() else "the YAML (editable install: not what users get)"
    print(f"cold start, median of {args.runs} runs (python {sys.version.split()[0]}, {source})")
    for name, value in medians.items():
        ratio = value / baseline
        target = targets.get(name)
        verdict = (
            "" if target is None else f"  target <= {target:g}x: {'ok' if ratio <= target else 'MISSED'}"
        )
        print(f"  {name:<24} {value * 1000:7.1f} ms  {ratio:5.2f} x import pydantic{verdict}")

    import acupoints

    acupoints.point("LI4")
    number = 200_000
    per_call = min(timeit.repeat(lambda: acupoints.point("LI4"), number=number, repeat=5)) / number
    verdict = "ok" if per_call <= 1e-6 else "MISSED"
    print(f"  warm point('LI4')        {per_call * 1e6:7.3f} us  target <= 1 us: {verdict}")
    per_call = min(timeit.repeat(lambda: acupoints.point("ub-23"), number=20_000, repeat=5)) / 20_000
    print(f"  warm point('ub-23')      {per_call * 1e6:7.3f} us  (other notation)")

    start = time.perf_counter()
    acupoints.candidates("low back pain")
    first = time.perf_counter() - start
    per_call = (
        min(timeit.repeat(lambda: acupoints.candidates("low back pain"), number=20_000, repeat=5)) / 20_000
    )
    verdict = "ok" if per_call <= 100e-6 else "MISSED"
    print(f"  first candidates(...)    {first * 1e3:7.3f} ms  (rules applied, then cached)")
    print(f"  warm candidates(...)     {per_call * 1e6:7.3f} us  target <= 100 us: {verdict}")


if __name__ == "__main__":
    main()
