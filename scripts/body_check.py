"""Check or merge structured locations and landmarks written as staging files.

Data authors write ``landmarks-<region>.yaml`` and ``structure-<region>.yaml``
into a staging folder (see docs/design.md, "The body model"); this script
checks them against the data (as the loader and the tests would), draws a
preview of a frame, and merges them into data/.

python scripts/body_check.py STAGING                      # check everything staged
python scripts/body_check.py STAGING --region arm         # only one region's points
python scripts/body_check.py STAGING --preview forearm-front --out /tmp/f.png
python scripts/body_check.py STAGING --merge              # write into data/
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from acupoints._canonical import canonical_text  # noqa: E402
from acupoints._loader import load_folder  # noqa: E402
from acupoints.body.checks import level_problems, text_problems  # noqa: E402
from acupoints.errors import DataError  # noqa: E402


def _staged(staging: Path, kind: str, region: str | None) -> list[Path]:
    pattern = f"{kind}-{region}.yaml" if region else f"{kind}-*.yaml"
    return sorted(staging.glob(pattern))


def merge(staging: Path, data: Path, region: str | None = None) -> list[str]:
    """Merge staged files into a data folder; the codes that got a structure."""
    landmarks = data / "body" / "landmarks"
    for path in _staged(staging, "landmarks", region):
        target = landmarks / (path.stem.removeprefix("landmarks-") + ".yaml")
        text = path.read_text(encoding="utf-8")
        target.write_text(canonical_text(text, target.name), encoding="utf-8")
    staged: dict[str, dict[str, Any]] = {}
    for path in _staged(staging, "structure", region):
        loaded = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for code, entry in (loaded.get("points") or {}).items():
            staged[str(code)] = entry
    done = []
    for path in sorted((data / "points").glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        doc = yaml.safe_load(text)
        changed = False
        for point in doc.get("points", []):
            entry = staged.get(point.get("code"))
            if not entry:
                continue
            location = point.setdefault("location", {})
            if entry.get("structure"):
                location["structure"] = entry["structure"]
            if entry.get("text"):
                location["text"] = entry["text"]
            changed = True
            done.append(point["code"])
        if changed:
            header = "".join(line + "\n" for line in text.splitlines() if line.startswith("#"))
            body = yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=10**6)
            path.write_text(canonical_text(header + body, path.name), encoding="utf-8")
    return done


def check(staging: Path, region: str | None) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        shutil.copytree(ROOT / "data", data)
        # a region is checked alone (with the shipped data), so that another
        # region's unfinished files cannot hide its problems
        mine = set(merge(staging, data, region))
        try:
            atlas = load_folder(data)
        except DataError as error:
            problems = [p for p in error.problems if not region or p.point in mine or p.point is None]
            print(f"{len(problems)} problems from the loader:")
            for p in problems:
                print(f"  {p}")
            return 1
    count = 0
    placed = 0
    for point in atlas.points:
        if point.code not in mine:
            continue
        placed += point.location.position is not None
        for problem in text_problems(point) + level_problems(point):
            print(f"  {point.code}: {problem}   [{point.location.text}]")
            count += 1
    print(f"{len(mine)} staged points, {placed} placed, {count} text/structure problems")
    return 1 if count else 0


def preview(staging: Path, frame: str, out: Path) -> None:
    from acupoints.body import BodyModel, chart_frame

    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        shutil.copytree(ROOT / "data", data)
        merge(staging, data)
        atlas = load_folder(data)
        body = BodyModel.from_folder(data)
    svg = chart_frame(body, atlas.points, frame)
    svg_path = out.with_suffix(".svg")
    svg_path.write_text(svg, encoding="utf-8")
    subprocess.run(["convert", "-density", "110", str(svg_path), str(out)], check=True)
    print(f"wrote {out}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("staging", type=Path)
    parser.add_argument("--region")
    parser.add_argument("--preview", metavar="FRAME")
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "preview.png")
    parser.add_argument("--merge", action="store_true")
    args = parser.parse_args(argv)
    if args.merge:
        done = merge(args.staging, ROOT / "data", args.region)
        print(f"merged {len(done)} points")
        return 0
    if args.preview:
        preview(args.staging, args.preview, args.out)
        return 0
    return check(args.staging, args.region)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
