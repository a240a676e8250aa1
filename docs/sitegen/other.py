"""Home, developers, sources and index pages."""

from __future__ import annotations

from acupoints import Atlas
from acupoints.diagrams import back_chart_points
from acupoints.export import SCHEMA_VERSION
from acupoints.names import notation_table

from .common import DISCLAIMER, front_matter, point_link


def home_page(atlas: Atlas) -> str:
    standard = sum(1 for p in atlas.points() if p.meridian)
    return f"""{front_matter("acupoints", ["acupuncture", "points"])}# acupoints

A reference of acupuncture points: the **{standard} WHO standard points** on the 14 meridians and
the **{len(atlas) - standard} WHO extra points**, each with its names (pinyin, simplified and
traditional hanzi, English), its location in plain words, needling depth and cautions, categories,
safety flags and traditional indications with their sources, and **{len(atlas.complaints())}
complaints** mapped to candidate points with the reason for each.

!!! warning "A reference, not medical advice"
    {DISCLAIMER}

## Start here

- [Complaints](complaints/index.md): which points, why, and what to be careful of, for
  [low back pain](complaints/low-back-pain.md), [neck pain](complaints/neck-pain.md),
  [headache](complaints/headache.md), [period pain](complaints/menstrual-cramps.md) and more.
- [Safety](safety.md): the points forbidden or cautioned in pregnancy, where moxibustion is
  forbidden, and the points over the lung, major vessels, the eye and the spinal cord.
- [Meridians](meridians/index.md) and their points; [extra points](extra/index.md).
- [The back chart](diagrams/back.md): every back point by vertebral level.
- [The organ clock](diagrams/clock.md) and the 24-hour flow.
- [Categories](categories/index.md): five-shu, yuan, luo, xi-cleft, back-shu, front-mu ...
- [Body regions](regions/index.md).
- Search by code in any notation (`LI4`, `li-4`, `ST 36`, `UB23`, `Du20`), pinyin with or without
  tones (`Hégǔ`, `hegu`), hanzi in either script (`合谷`, `腎俞`), English names (`Union Valley`),
  old names (`renzhong`, `人中`) or complaints (`sciatica`, `period pain`).
- [For developers and apps](developers.md): the Python library, the CLI, the HTTP API and the
  static JSON API.

## How to read a point page

Under the title, the point's names in one line: pinyin, simplified and traditional hanzi, English.

1. **Safety first.** Red boxes are things traditionally forbidden (in pregnancy, or needling at all);
   amber boxes are cautions, such as the lung beneath points of the chest and upper back.
2. **Location** in plain words, from landmarks and proportional cun, with the body regions and, on
   the back, the vertebral level and the distance from the midline.
3. **Needling**: usual depth and angle; **moxibustion**: allowed, caution or forbidden.
4. **Names** in full: pinyin with tones (and without), both scripts, the English translation, the
   channel with the points before and after, other names and notations (UB, SJ, Du, M-BW ...).
5. **Categories**, each linked to its table; **traditional indications** with sources.
6. **In complaint mappings**: the complaints in which the point is a candidate, its role and why.

Sources are cited by key; see [Sources](sources.md).
"""


def developers_page(atlas: Atlas) -> str:
    rows = "\n".join(
        f"| {r['code']} | {r['other notations']} | {r['french']} | {r['german']} |" for r in notation_table()
    )
    return f"""{front_matter("For developers and apps", ["api", "json", "python", "cli"])}# For developers and apps

## Python

```sh
pip install acupoints        # or, from a checkout: pip install .
```

```python
import acupoints

acupoints.point("LI4")                       # Point('LI4', 'Hégǔ', '合谷')
acupoints.resolve("腎俞")                    # any code, notation, name or alias -> Point('BL23', ...)
acupoints.search("zusanly")[0].point.code    # 'ST36' (fuzzy)
acupoints.candidates("low back pain", pregnant=True, level="L4")
acupoints.graph()                            # networkx MultiDiGraph
```

See the [API reference](reference/index.md).

## Command line

```sh
acupoints show UB23 --json
acupoints candidates "back pain" --pregnant --json
acupoints search hegu
acupoints export > atlas.json
```

## HTTP API

```sh
pip install "acupoints[server]"
acupoints serve --port 8000
curl http://127.0.0.1:8000/points/UB23
curl "http://127.0.0.1:8000/candidates?complaint=low%20back%20pain&pregnant=true"
curl http://127.0.0.1:8000/openapi.json
```

Unknown points, meridians, regions or complaints get 404 with `suggestions`; a name that fits
several points gets 409 with `matches`; invalid parameters get 422.

## Static JSON API

This site publishes the data as JSON files under `data/v1/` (schema version {SCHEMA_VERSION}).
Nothing needs to run: fetch the files from any language.

| File | Holds |
|---|---|
| [`data/v1/index.json`](data/v1/index.json) | `schema_version`, `generated_at`, counts and the list of files |
| [`data/v1/points.json`](data/v1/points.json) | every point (the export's point records) |
| `data/v1/points/<CODE>.json` | one point, e.g. [`points/LI4.json`](data/v1/points/LI4.json) |
| [`data/v1/meridians.json`](data/v1/meridians.json) | the 14 meridians |
| [`data/v1/vessels.json`](data/v1/vessels.json) | the eight extraordinary vessels |
| [`data/v1/regions.json`](data/v1/regions.json) | the body-region tree |
| [`data/v1/complaints.json`](data/v1/complaints.json) | complaints with synonyms, regions and rules |
| `data/v1/complaints/<name>.json` | candidates and the pregnancy variant, e.g. [`complaints/low-back-pain.json`](data/v1/complaints/low-back-pain.json) |
| [`data/v1/combinations.json`](data/v1/combinations.json) | named combinations and the derived pairings |
| [`data/v1/schema.json`](data/v1/schema.json) | the JSON Schema of every document |

```sh
SITE=http://127.0.0.1:8000   # where the site is served (mkdocs serve, or any static host)
curl -s $SITE/data/v1/points/LI4.json | jq '.pinyin, .location.text'
curl -s $SITE/data/v1/complaints/low-back-pain.json | jq '.pregnant.excluded[].code'
curl -s $SITE/data/v1/index.json | jq .schema_version
```

The schema is generated from the library's models and also kept in the repository
(`schema/acupoints.schema.json`); a test checks the two are equal.

## Notations the resolver accepts

Codes in any case, spacing or hyphenation (`LI4`, `li-4`, `LI 4`, `LI04`), these other prefixes,
older extra-point numbers (`M-BW-35`), pinyin with or without tones, spaces, apostrophes or ü/v,
hanzi in either script, English names and aliases (`人中` → GV26, `Yintang` → EX-HN3), the
Korean, Japanese and Vietnamese readings with or without marks (`합곡`, `hapgok`, `ごうこく`,
`gokoku`, `Hợp cốc`, `hop coc`) and TARA identifiers (`TARA_0913913` → LU1).

| WHO code | Other prefixes | French | German |
|---|---|---|---|
{rows}

French and German codes are read when they clash with nothing (`V23`, `E36`, `MP6`, `KS6`,
`Dü3` or `Due3`). Two French prefixes do clash: `P6` stays PC6 (the English notation) unless
`notation="fr"` is given (`resolve("P6", notation="fr")` is LU6, `acupoints show P6 --notation fr`),
and `C7` is the seventh cervical vertebra as well as the French HT7, so it is read only with
`notation="fr"`; without it the error names HT7 as the French reading.
"""


def sources_page(atlas: Atlas) -> str:
    out = [front_matter("Sources", ["bibliography", "references"]), "# Sources\n"]
    out.append("Facts follow the standard references; every prose field is written in our own words.\n")
    for source in atlas.sources():
        out.append(f"## {source.key} {{ #{source.key} }}\n")
        out.append(f"{source.citation}\n")
        doi = f" · doi:[{source.doi}](https://doi.org/{source.doi})" if source.doi else ""
        out.append(f"{source.kind.capitalize()} · {source.year} · {source.edition}{doi}\n")
        if source.note:
            out.append(f"*{source.note}*\n")
    return "\n".join(out) + "\n"


def index_page(title: str, intro: str, rows: list[str], header: str) -> str:
    return front_matter(title) + f"# {title}\n\n{intro}\n\n{header}\n" + "\n".join(rows) + "\n"


def back_chart_page(atlas: Atlas, chart: str) -> str:
    """The back chart and, below it, the same points as a table."""
    rows = []
    for p in back_chart_points(atlas):
        loc = p.location
        level = f"{loc.level}{'–' + loc.level_to if loc.level_to else ''}"
        cun = f"{loc.from_midline_cun:g}" if loc.from_midline_cun is not None else "sacral foramen"
        rows.append(f"| {point_link(p)} | {p.pinyin} | {p.hanzi} | {level} | {cun} |")
    return (
        front_matter("Back chart", ["back", "spine", "vertebra", "huatuojiaji", "back-shu"], boost=1)
        + "# Back chart\n\n"
        + f"All {len(rows)} points of the Governor Vessel, the Bladder meridian and the back extra points "
        "that lie between C7 and the coccyx, placed by vertebral level and by distance from the midline "
        "(BL31–BL34 in the sacral foramina). One side is drawn: the points beside the midline lie on both "
        "sides. Each point is a link.\n\n"
        + chart
        + "\n\n## The same as a table\n\n| Point | Pinyin | Hanzi | Level | Cun from midline |\n"
        "|---|---|---|---|---|\n" + "\n".join(rows) + "\n"
    )
