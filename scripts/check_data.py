"""Check data files while authoring them: loader problems and name readings.

    python scripts/check_data.py data/points/BL.yaml [more files]

Prints every problem that concerns the given files (all files if none given)
and exits 1 if there is any. The test suite runs the same checks on the
whole folder.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from acupoints import _loader, _reading_exceptions  # noqa: E402
from acupoints.check import name_problems  # noqa: E402
from acupoints.errors import DataError  # noqa: E402
from acupoints.models import AtlasData  # noqa: E402


def main(argv: list[str]) -> int:
    data = ROOT / "data"
    wanted = {Path(a).resolve().relative_to(data).as_posix() for a in argv}
    problems = []
    try:
        _loader.load_folder(data)
    except DataError as error:
        problems += [p for p in error.problems if not wanted or p.file in wanted]
    col = _loader._Collector(data)
    meridians_raw = col.read(data / "meridians.yaml")
    meridians = {m["code"]: _loader.Meridian.model_validate(m) for m in meridians_raw["meridians"]}
    files = [data / w for w in wanted] if wanted else sorted((data / "points").glob("*.yaml"))
    points = []
    for path in files:
        points += _loader._read_points(col, path, meridians)
    readings, forms = _reading_exceptions.load_reading_exceptions(data)
    partial = AtlasData(meridians=tuple(meridians.values()), points=tuple(points))
    problems += name_problems(partial, readings, forms)
    seen = set()
    for problem in problems:
        if str(problem) not in seen:
            seen.add(str(problem))
            print(problem)
    print(f"{len(seen)} problem(s) in {len(points)} points")
    return 1 if seen else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
