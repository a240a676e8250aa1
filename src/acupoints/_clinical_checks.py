"""Checks of the clinical layer, run by the loader after the cross-references.

* every source key the clinical fields cite exists, and evidence notes cite
  only reviews and guidelines, red flags only guidelines;
* the pregnancy rule (:mod:`acupoints.pregnancy_rule`) holds for every point;
* a role fits where the point lies: a point named ``distal`` for a complaint
  does not lie in the complaint's regions (a chest point is not distal for a
  chest complaint), and for a complaint without regions a distal point lies
  on a limb; a point named ``local`` lies in the complaint's regions;
* extra points cite the WHO 1991 nomenclature, never the WHO 2008 locations,
  which cover the 361 meridian points only;
* combination members exist.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from . import pregnancy_rule
from .models import AtlasData, Complaint

__all__ = ["check_clinical"]

Report = Callable[[str, str | None, str | None, str], None]

LIMBS = ("upper-limb", "lower-limb")


def _subtree(atlas: AtlasData, names: Iterable[str]) -> set[str]:
    children: dict[str, list[str]] = {}
    for region in atlas.regions:
        if region.parent:
            children.setdefault(region.parent, []).append(region.name)
    out: set[str] = set()
    stack = list(names)
    while stack:
        name = stack.pop()
        if name not in out:
            out.add(name)
            stack.extend(children.get(name, ()))
    return out


def _lineage_regions(complaint: Complaint, by_name: Mapping[str, Complaint]) -> tuple[str, ...]:
    current: Complaint | None = complaint
    while current is not None:
        if current.regions:
            return current.regions
        current = by_name.get(current.parent) if current.parent else None
    return ()


def _check_sources(add: Report, atlas: AtlasData, files: Mapping[str, str]) -> None:
    kinds = {s.key: s.kind for s in atlas.sources}

    def cite(file: str, record: str, field: str, keys: Iterable[str], allowed: tuple[str, ...] = ()) -> None:
        for index, key in enumerate(keys):
            if key not in kinds:
                add(file, record, f"{field}[{index}]", f"unknown source {key!r}")
            elif allowed and kinds[key] not in allowed:
                wanted = " or ".join(allowed)
                add(file, record, f"{field}[{index}]", f"{key!r} is a {kinds[key]}, not a {wanted}")

    for point in atlas.points:
        file = files.get(point.group, f"points/{point.group}.yaml")
        cite(file, point.code, "needling.sources", point.needling.sources)
        for i, other in enumerate(point.needling.alternatives):
            cite(file, point.code, f"needling.alternatives[{i}].sources", other.sources)
        cite(file, point.code, "actions.sources", point.actions.sources)
        if point.meridian is None and "who-2008" in point.sources:
            add(file, point.code, "sources", "an extra point: WHO 2008 covers the 361 meridian points only")
        if point.meridian is None and "who-1991" not in point.sources:
            add(file, point.code, "sources", "an extra point's code and name come from who-1991; cite it")
    for complaint in atlas.complaints:
        if complaint.evidence is not None:
            cite("complaints.yaml", complaint.name, "evidence.sources", complaint.evidence.sources,
                 ("review", "guideline"))  # fmt: skip
        if complaint.red_flags is not None:
            cite("complaints.yaml", complaint.name, "red_flags.sources", complaint.red_flags.sources,
                 ("guideline",))  # fmt: skip
    for combination in atlas.combinations:
        cite("combinations.yaml", combination.name, "sources", combination.sources)


def _check_roles(add: Report, atlas: AtlasData) -> None:
    places = {p.code: set(p.location.regions) for p in atlas.points}
    limbs = _subtree(atlas, LIMBS)
    by_name = {c.name: c for c in atlas.complaints}
    for complaint in atlas.complaints:
        own = _lineage_regions(complaint, by_name)
        area = _subtree(atlas, own)
        for r, rule in enumerate(complaint.rules):
            role = rule.role if rule.rule == "empirical" else ("distal" if rule.rule == "distal" else None)
            for i, code in enumerate(rule.points):
                where = places.get(code)
                if where is None or role is None:
                    continue
                field = f"rules[{r}].points[{i}]"
                message = None
                if role == "distal" and area and where & area:
                    message = f"{code} lies in {sorted(where & area)}, so it is not distal for this complaint"
                elif role == "distal" and not area and not where & limbs:
                    message = f"{code} is not on a limb; for a complaint without regions, distal points are"
                elif role == "local" and area and not where & area:
                    message = f"{code} does not lie in {sorted(own)}, so it is not local for this complaint"
                if message:
                    add("complaints.yaml", complaint.name, field, message)


def check_clinical(add: Report, atlas: AtlasData, files: Mapping[str, str]) -> None:
    """Run every check of the clinical layer, reporting through ``add``."""
    _check_sources(add, atlas, files)
    for code, message in pregnancy_rule.problems(atlas.points):
        group = next(p.group for p in atlas.points if p.code == code)
        add(files.get(group, f"points/{group}.yaml"), code, "contraindications", message)
    _check_roles(add, atlas)
    codes = {p.code for p in atlas.points}
    for combination in atlas.combinations:
        for index, code in enumerate(combination.members):
            if code not in codes:
                add("combinations.yaml", combination.name, f"members[{index}]", f"unknown point {code!r}")
