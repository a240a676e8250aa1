"""The one pregnancy rule: which points must carry a pregnancy flag, and how strong.

The rule follows the WHO guidelines on basic training and safety in
acupuncture (1999, section 2.1, ``who-1999``):

* points on the **lower abdomen** and in the **lumbosacral region** are
  avoided from the first trimester on, so throughout the pregnancy;
* after the third month, points on the **upper abdomen** are also avoided
  (``from_month: 4``);
* points said to **induce labour** (:data:`LABOUR_POINTS`) are avoided; WHO
  names them for after the third month, the classical texts for the whole
  pregnancy, and the data keeps the stricter reading.

"Avoided" is the severity ``forbidden``. The lower abdomen is the region
``lower-abdomen`` (the navel and below); the lumbosacral region is
``lower-back`` and ``sacrum``, and any point whose vertebral level is lumbar,
sacral or coccygeal (BL53, BL54 on the buttock). WHO also names points that
give a strong sensation after the third month; which points those are is not
a matter of region, so they carry their own flags (GB21, BL31-BL34) and the
rule does not derive them.

A point may carry a stronger flag than the rule asks (earlier month, or
forbidden where the rule asks nothing), never a weaker one. The loader
refuses data that breaks the rule, and the tests re-check every complaint
answer given with ``pregnant=True`` against it.

>>> import acupoints
>>> need = requirement(acupoints.point("CV12"))
>>> (need.severity, need.from_month)
('forbidden', 4)
>>> satisfied(acupoints.point("CV12"))
True
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

from .models import Point, level_index

__all__ = [
    "LABOUR_POINTS",
    "LOWER_ABDOMEN",
    "LUMBOSACRAL",
    "RULE_SOURCE",
    "UPPER_ABDOMEN",
    "Requirement",
    "problems",
    "requirement",
    "satisfied",
]

RULE_SOURCE = "who-1999"
"""The source of the rule, a key in ``data/sources.yaml``."""

LOWER_ABDOMEN = frozenset({"lower-abdomen", "abdomen"})
UPPER_ABDOMEN = frozenset({"upper-abdomen"})
LUMBOSACRAL = frozenset({"lower-back", "sacrum"})
LABOUR_POINTS = frozenset({"LI4", "SP6", "BL60", "BL67", "GB21", "EX-LE11"})
"""Points traditionally said to bring on labour or move the fetus."""

_SEVERITY = {"caution": 1, "forbidden": 2}


@dataclass(frozen=True, slots=True)
class Requirement:
    """The least flag a point must carry: a severity from a month of pregnancy."""

    severity: Literal["forbidden", "caution"]
    from_month: int
    why: str


def _lumbosacral(point: Point) -> bool:
    loc = point.location
    if LUMBOSACRAL.intersection(loc.regions):
        return True
    lowest = loc.level_to or loc.level
    return lowest is not None and level_index(lowest) >= level_index("L1") and "buttock" in loc.regions


def requirement(point: Point) -> Requirement | None:
    """What the rule asks of this point, or None when it asks nothing."""
    regions = set(point.location.regions)
    if regions & LOWER_ABDOMEN:
        return Requirement("forbidden", 1, "lies on the lower abdomen, avoided from the first trimester")
    if _lumbosacral(point):
        return Requirement("forbidden", 1, "lies in the lumbosacral region, avoided from the first trimester")
    if point.code in LABOUR_POINTS:
        return Requirement("forbidden", 1, "is traditionally said to bring on labour")
    if regions & UPPER_ABDOMEN:
        return Requirement("forbidden", 4, "lies on the upper abdomen, avoided after the third month")
    return None


def satisfied(point: Point) -> bool:
    """Whether the point's pregnancy flag is at least what the rule asks."""
    need = requirement(point)
    if need is None:
        return True
    flag = point.pregnancy
    if flag is None:
        return False
    return _SEVERITY[flag.severity] >= _SEVERITY[need.severity] and (flag.from_month or 1) <= need.from_month


def problems(points: Iterable[Point]) -> Iterator[tuple[str, str]]:
    """``(code, message)`` for every point whose flag is weaker than the rule asks."""
    for point in points:
        if satisfied(point):
            continue
        need = requirement(point)
        assert need is not None
        flag = point.pregnancy
        has = "no pregnancy flag" if flag is None else f"{flag.severity} from month {flag.from_month or 1}"
        yield (
            point.code,
            f"{need.why} (WHO 1999, 2.1): needs {need.severity} from month "
            f"{need.from_month} at least, has {has}",
        )
