"""Copy the TARA crosswalk into the point files as ``xrefs``.

python scripts/make_xrefs.py [PATH-TO-tara-crosswalk.tsv]

The crosswalk (``shared/reference/tara-crosswalk.tsv`` beside the repository)
gives each of the 361 standard points its identifier in the TARA Acupoints
Ontology and the UBERON or InterLex term of the body surface TARA places it
on. The facts are copied into the data, so nothing reads the crosswalk at
run time; re-run this script when the crosswalk changes.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from acupoints._canonical import canonical_text  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "reference" / "tara-crosswalk.tsv"


def crosswalk(path: Path) -> dict[str, dict[str, str]]:
    """``{code: {"tara": "TARA_...", "surface": "UBERON:..."}}`` from the TSV."""
    rows = (line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#"))
    table = {}
    for row in csv.DictReader(rows, delimiter="\t"):
        entry = {"tara": row["tara_iri"].rsplit("/", 1)[1]}
        if row["surface_term"]:
            entry["surface"] = row["surface_term"]
        table[row["code"]] = entry
    return table


def main(argv: list[str]) -> int:
    table = crosswalk(Path(argv[0]) if argv else DEFAULT)
    for path in sorted((ROOT / "data" / "points").glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        data = yaml.safe_load(text)
        for record in data["points"]:
            if record["code"] in table:
                record["xrefs"] = table[record["code"]]
        header = "".join(line + "\n" for line in text.splitlines() if line.startswith("#"))
        out = canonical_text(header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False), path.name)
        if out != text:
            path.write_text(out, encoding="utf-8")
    print(f"{len(table)} points in the crosswalk")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
