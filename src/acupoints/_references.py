"""Cross-reference checks run by the loader after every record is valid on its own.

Each check reports through ``add(file, record, field, message)`` so the
loader can list every problem at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from .codes import EXTRA_GROUPS, normalize_name
from .models import AtlasData

__all__ = ["check_complaints", "check_references"]

Report = Callable[[str, str | None, str | None, str], None]


def check_references(add: Report, atlas: AtlasData, files: Mapping[str, str]) -> None:
    """Every name a record uses (region, source, meridian, vessel, point) exists."""
    codes = {p.code for p in atlas.points}
    regions = {r.name for r in atlas.regions}
    sources = {s.key for s in atlas.sources}
    meridian_codes = {m.code for m in atlas.meridians}
    vessels = {v.code for v in atlas.vessels}
    for region in atlas.regions:
        if region.parent is not None and region.parent not in regions:
            add("regions.yaml", region.name, "parent", f"unknown region {region.parent!r}")
    for meridian in atlas.meridians:
        if meridian.partner is not None and meridian.partner not in meridian_codes:
            add("meridians.yaml", meridian.code, "partner", f"unknown meridian {meridian.partner!r}")
    for vessel in atlas.vessels:
        for field in ("confluent", "cleft"):
            code = getattr(vessel, field)
            if code is not None and code not in codes:
                add("meridians.yaml", vessel.code, field, f"unknown point {code!r}")
        for index, code in enumerate(vessel.trajectory):
            if code not in codes:
                add("meridians.yaml", vessel.code, f"trajectory[{index}]", f"unknown point {code!r}")
        if vessel.meridian is not None and vessel.meridian not in meridian_codes:
            add("meridians.yaml", vessel.code, "meridian", f"unknown meridian {vessel.meridian!r}")
    for point in atlas.points:
        file = files.get(point.group, f"points/{point.group}.yaml")
        for index, name in enumerate(point.location.regions):
            if name not in regions:
                add(file, point.code, f"location.regions[{index}]", f"unknown region {name!r}")
        cited = [("sources", point.sources), ("indications.sources", point.indications.sources)]
        cited += [
            (f"contraindications[{i}].sources", c.sources) for i, c in enumerate(point.contraindications)
        ]
        for field, keys in cited:
            for index, key in enumerate(keys):
                if key not in sources:
                    add(file, point.code, f"{field}[{index}]", f"unknown source {key!r}")
        for index, category in enumerate(point.categories):
            for i, channel in enumerate(category.channels):
                if channel not in meridian_codes and channel not in vessels:
                    add(
                        file,
                        point.code,
                        f"categories[{index}].channels[{i}]",
                        f"unknown meridian or vessel {channel!r}",
                    )
            for i, name in enumerate(category.regions):
                if name not in regions:
                    add(file, point.code, f"categories[{index}].regions[{i}]", f"unknown region {name!r}")


def check_complaints(add: Report, atlas: AtlasData) -> None:
    """Complaint rules name existing things, and points that fit the rule."""
    file = "complaints.yaml"
    codes = {p.code: p for p in atlas.points}
    regions = {r.name: r for r in atlas.regions}
    sources = {s.key for s in atlas.sources}
    groups = {m.code for m in atlas.meridians} | set(EXTRA_GROUPS)
    names = {c.name for c in atlas.complaints}
    children: dict[str, list[str]] = {}
    for region in atlas.regions:
        if region.parent:
            children.setdefault(region.parent, []).append(region.name)

    def within(names_: Iterable[str]) -> set[str]:
        out: set[str] = set()
        stack = list(names_)
        while stack:
            name = stack.pop()
            if name not in out:
                out.add(name)
                stack.extend(children.get(name, ()))
        return out

    seen: dict[str, str] = {}
    for complaint in atlas.complaints:
        for text in (complaint.name, complaint.label, complaint.hanzi or "", *complaint.synonyms):
            key = normalize_name(text)
            if not key:
                continue
            if seen.get(key, complaint.name) != complaint.name:
                add(file, complaint.name, "synonyms", f"{text!r} also names {seen[key]!r}")
            seen[key] = complaint.name
        if complaint.parent is not None and complaint.parent not in names:
            add(file, complaint.name, "parent", f"unknown complaint {complaint.parent!r}")
        for index, name in enumerate(complaint.regions):
            if name not in regions:
                add(file, complaint.name, f"regions[{index}]", f"unknown region {name!r}")
        for r, rule in enumerate(complaint.rules):
            where = f"rules[{r}]"
            for i, key in enumerate(rule.sources):
                if key not in sources:
                    add(file, complaint.name, f"{where}.sources[{i}]", f"unknown source {key!r}")
            for i, name in enumerate(rule.regions):
                if name not in regions:
                    add(file, complaint.name, f"{where}.regions[{i}]", f"unknown region {name!r}")
            for i, group in enumerate(rule.groups):
                if group not in groups:
                    add(file, complaint.name, f"{where}.groups[{i}]", f"unknown meridian or group {group!r}")
            area = within(rule.regions or complaint.regions)
            for i, code in enumerate(rule.points):
                point = codes.get(code)
                if point is None:
                    add(file, complaint.name, f"{where}.points[{i}]", f"unknown point {code!r}")
                elif rule.rule in ("local", "adjacent") and not area.intersection(point.location.regions):
                    add(
                        file, complaint.name, f"{where}.points[{i}]", f"{code} does not lie in {sorted(area)}"
                    )
                elif rule.rule == "distal" and not rule.reason:
                    channel = point.meridian
                    passes = any(
                        p.meridian == channel and area.intersection(p.location.regions) for p in atlas.points
                    )
                    if channel is None or not passes:
                        add(
                            file,
                            complaint.name,
                            f"{where}.points[{i}]",
                            f"{code} is not on a channel through {sorted(area)}; give the rule a reason",
                        )
            if rule.rule in ("local", "command", "distal") and not (rule.regions or complaint.regions):
                add(file, complaint.name, where, f"a {rule.rule} rule needs the complaint to have regions")
    # no cycles through parents
    parents = {c.name: c.parent for c in atlas.complaints}
    for name in parents:
        trail, current = [name], parents.get(name)
        while current is not None:
            if current in trail:
                add(file, name, "parent", f"parent cycle: {' -> '.join([*trail, current])}")
                break
            trail.append(current)
            current = parents.get(current)
