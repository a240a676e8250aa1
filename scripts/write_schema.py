"""Regenerate the committed JSON Schema and the site's search dictionary.

    python scripts/write_schema.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import acupoints  # noqa: E402
from acupoints.export import json_schema, search_dictionary  # noqa: E402


def main() -> None:
    schema = ROOT / "schema" / "acupoints.schema.json"
    schema.write_text(json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    dictionary = ROOT / "docs" / "jieba_user_dict.txt"
    dictionary.write_text(search_dictionary(acupoints.load(ROOT / "data")), encoding="utf-8")
    print(f"wrote {schema.relative_to(ROOT)} and {dictionary.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
