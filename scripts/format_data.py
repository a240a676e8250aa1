"""Rewrite data files in their canonical form.

python scripts/format_data.py            # every file under data/
python scripts/format_data.py FILE ...   # just these
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from acupoints._canonical import canonicalize_file  # noqa: E402


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or sorted((ROOT / "data").rglob("*.yaml"))
    for path in paths:
        if canonicalize_file(path):
            print(f"reformatted {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
