"""Shared fixtures: the checkout's data folder and small fixture folders."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from sitefixtures import browser, served, site  # noqa: F401  (the site tests' fixtures)

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"

FolderFactory = Callable[..., Path]


def _point(code: str, pinyin: str, hanzi: str, **extra: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "code": code,
        "pinyin": pinyin,
        "hanzi": hanzi,
        "hanzi_traditional": hanzi,
        "english": "Test Name",
        "location": {"text": "A test location.", "regions": ["chest"], "side": "bilateral"},
        "needling": {"depth_cun": [0.3, 0.5], "angle": "perpendicular", "sources": ["test-source"]},
        "moxibustion": {"status": "allowed"},
        "indications": {"items": ["cough"], "sources": ["test-source"]},
        "actions": {"items": ["descends lung qi"], "sources": ["test-source"]},
        "sources": ["test-source"],
    }
    base.update(extra)
    return base


def minimal_data() -> dict[str, Any]:
    """A tiny valid data set: two meridians (LU with 2 points, LI with 1)."""
    meridian = {
        "english": "Lung Meridian",
        "pinyin": "Fèijīng",
        "hanzi": "肺经",
        "hanzi_traditional": "肺經",
        "organ": "lung",
        "polarity": "yin",
        "limb": "hand",
        "phase": "metal",
        "partner": "LI",
        "hours": [3, 5],
        "flow_order": 1,
    }
    return {
        "meridians.yaml": {
            "meridians": [
                {"code": "LU", **meridian, "point_count": 2},
                {
                    "code": "LI",
                    **meridian,
                    "english": "Large Intestine Meridian",
                    "organ": "large-intestine",
                    "polarity": "yang",
                    "partner": "LU",
                    "hours": [5, 7],
                    "flow_order": 2,
                    "point_count": 1,
                },
            ]
        },
        "regions.yaml": {
            "regions": [
                {"name": "chest", "label": "Chest"},
                {"name": "axilla", "label": "Armpit", "parent": "chest"},
            ]
        },
        "sources.yaml": {
            "sources": [
                {
                    "key": "test-source",
                    "kind": "textbook",
                    "citation": "A test book.",
                    "year": 2000,
                    "edition": "1st",
                }
            ]
        },
        "points/LU.yaml": {
            "group": "LU",
            "points": [
                _point("LU1", "Zhōngfǔ", "中府"),
                _point("LU2", "Yúnmén", "云门", hanzi_traditional="雲門"),
            ],
        },
        "points/LI.yaml": {
            "group": "LI",
            "points": [_point("LI1", "Shāngyáng", "商阳", hanzi_traditional="商陽")],
        },
    }


def write_folder(root: Path, files: dict[str, Any]) -> Path:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_text(yaml.safe_dump(content, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return root


@pytest.fixture
def make_folder(tmp_path: Path) -> FolderFactory:
    """Write the minimal data set, changed by a callback, and return its folder."""

    def make(change: Callable[[dict[str, Any]], None] | None = None) -> Path:
        files = copy.deepcopy(minimal_data())
        if change is not None:
            change(files)
        return write_folder(tmp_path / "data", files)

    return make
