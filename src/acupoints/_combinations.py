"""Combinations: the named ones from ``combinations.yaml``, and the derived pairings.

The yuan-luo (host-guest) and back-shu-front-mu pairings follow from the
point categories and the meridian partners, so they are derived here rather
than typed into the data file; ``combinations.yaml`` gives them only their
purpose and sources (its ``derived`` list).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

from ._clinical_models import Combination, CombinationKind
from .models import Meridian, Point

__all__ = ["derive", "memberships"]

Report = Callable[[str, str | None, str | None, str], None]


def _find(points: Iterable[Point], kind: str, **qualifier: str) -> list[Point]:
    return [
        p
        for p in points
        for c in p.categories
        if c.kind == kind and all(getattr(c, k) == v for k, v in qualifier.items())
    ]


def derive(
    kind: CombinationKind,
    purpose: str,
    sources: Sequence[str],
    points: Sequence[Point],
    meridians: Mapping[str, Meridian],
    add: Report,
) -> list[Combination]:
    """The pairings of one derived kind, built from the categories."""
    out: list[Combination] = []
    file = "combinations.yaml"
    if kind == "yuan-luo":
        for meridian in meridians.values():
            if meridian.partner is None:
                continue
            host = [p for p in _find(points, "yuan-source") if p.meridian == meridian.code]
            # the spleen has a second, great luo point (SP21); the pairing uses the limb one (SP4)
            guest = sorted(
                (p for p in _find(points, "luo-connecting") if p.meridian == meridian.partner),
                key=lambda p: p.number,
            )[:1]
            if len(host) != 1 or len(guest) != 1:
                name = f"host-guest-{meridian.code.lower()}"
                add(file, name, "derived", "needs one source and one luo point")
                continue
            partner = meridians[meridian.partner]
            out.append(
                Combination(
                    name=f"host-guest-{meridian.code.lower()}",
                    label=f"Host and guest: {host[0].code} with {guest[0].code}",
                    kind=kind,
                    members=(host[0].code, guest[0].code),
                    purpose=purpose,
                    sources=tuple(sources),
                    note=(
                        f"Source point of the {meridian.english} (host) with the connecting point "
                        f"of its partner, the {partner.english} (guest)."
                    ),
                )
            )
    elif kind == "shu-mu":
        organs = dict.fromkeys(m.organ for m in meridians.values() if m.organ)
        for organ in organs:
            assert organ is not None
            shu, mu = _find(points, "back-shu", organ=organ), _find(points, "front-mu", organ=organ)
            name = f"shu-mu-{organ}"
            if len(shu) != 1 or len(mu) != 1:
                add(file, name, "derived", "needs one back-shu and one front-mu point")
                continue
            words = organ.replace("-", " ")
            out.append(
                Combination(
                    name=name,
                    label=f"Back-shu and front-mu of the {words}: {shu[0].code} with {mu[0].code}",
                    kind=kind,
                    members=(shu[0].code, mu[0].code),
                    purpose=purpose,
                    sources=tuple(sources),
                )
            )
    else:
        add(file, None, "derived", f"{kind!r} pairings are not derived; list them under 'combinations'")
    return out


def memberships(combinations: Iterable[Combination]) -> dict[str, tuple[str, ...]]:
    """Point code -> names of the combinations it belongs to, in data order."""
    found: dict[str, list[str]] = {}
    for combination in combinations:
        for code in dict.fromkeys(combination.members):
            found.setdefault(code, []).append(combination.name)
    return {code: tuple(names) for code, names in found.items()}
