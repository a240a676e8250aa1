"""Merge staged action texts into the point files.

python scripts/merge_actions.py [STAGING_DIR]   # default: ../staging/actions beside the checkout

A staging file ``<GROUP>.yaml`` holds ``points: {CODE: {items: [...], sources: [...]}}``
and is merged only when its last line is ``# complete``. Each entry is
validated as :class:`acupoints.models.Actions`; codes must exist in the group's
point file. The point files are then rewritten in their canonical form.
Prints the groups merged and the groups skipped.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from acupoints._canonical import canonicalize_file  # noqa: E402
from acupoints.models import Actions  # noqa: E402


def complete(path: Path) -> bool:
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return bool(lines) and lines[-1] == "# complete"


def merge(staging: Path, points_dir: Path) -> tuple[list[str], list[str], int]:
    merged: list[str] = []
    skipped: list[str] = []
    count = 0
    for path in sorted(staging.glob("*.yaml")):
        group = path.stem
        target = points_dir / f"{group}.yaml"
        if not complete(path) or not target.exists():
            skipped.append(group)
            continue
        staged = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        entries = staged.get("points") or {}
        data = yaml.safe_load(target.read_text(encoding="utf-8"))
        by_code = {raw["code"]: raw for raw in data["points"]}
        unknown = sorted(set(entries) - set(by_code))
        if unknown:
            raise SystemExit(f"{path}: codes not in {target.name}: {', '.join(unknown)}")
        for code, entry in entries.items():
            actions = Actions.model_validate(entry)
            by_code[code]["actions"] = actions.model_dump(mode="json")
            count += 1
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
        target.write_text(text, encoding="utf-8")
        canonicalize_file(target)
        merged.append(group)
    return merged, skipped, count


def main(argv: list[str]) -> int:
    staging = Path(argv[0]) if argv else ROOT.parent / "staging" / "actions"
    merged, skipped, count = merge(staging, ROOT / "data" / "points")
    print(f"merged {count} points from {len(merged)} groups: {', '.join(merged) or '-'}")
    if skipped:
        print(f"skipped (not complete or no point file): {', '.join(skipped)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
