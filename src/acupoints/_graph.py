"""The atlas as one networkx ``MultiDiGraph``.

networkx is imported only here, and only when a graph is asked for.

Nodes are keyed by their identifier and carry a ``kind``:

=========  ====================  ==========================================
kind       node id               attributes
=========  ====================  ==========================================
point      WHO code (``LI4``)    ``pinyin``, ``hanzi``, ``english``, ``group``
meridian   code (``LI``)         ``english``, ``organ``
vessel     slug (``governor``)   ``english``
region     slug (``lower-back``) ``label``
complaint  slug (``neck-pain``)  ``label``
=========  ====================  ==========================================

Every edge has a ``kind``, which is also its multigraph key, so
``G.has_edge("LI4", "LI5", "next")`` reads naturally:

===========  ===========================================  ================================
kind         from → to                                    meaning
===========  ===========================================  ================================
next         point → next point of the same meridian      order along the channel
flow         meridian → next meridian                     24-hour flow LU→LI→…→LR→LU
flow         last point of a meridian → first of the next the same flow, point to point
on           point → meridian                             the point lies on the meridian
partner      meridian → meridian (both ways)              interior-exterior pair
crossing     point → meridian or vessel                   other channels meeting there
luo          luo-connecting point → partner meridian      connecting vessel
confluent    point → vessel                               opening point of the vessel
cleft        point → vessel                               xi-cleft point of the vessel
along        point → vessel                               on the vessel's trajectory
in           point → region; region → parent region       anatomy
indicated-   point → complaint                            a candidate for the complaint;
for                                                       ``role``, ``reasons``, ``sources``
combined-    point → point (both ways)                    used together; ``combinations``
with                                                      holds the names (combinations.yaml)
===========  ===========================================  ================================
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, NoReturn

import networkx as nx

if TYPE_CHECKING:
    from .atlas import Atlas

__all__ = ["EDGE_KINDS", "NODE_KINDS", "ReadOnlyDict", "build_graph"]

NODE_KINDS = ("point", "meridian", "vessel", "region", "complaint")
EDGE_KINDS = (
    "next",
    "flow",
    "on",
    "partner",
    "crossing",
    "luo",
    "confluent",
    "cleft",
    "along",
    "in",
    "indicated-for",
    "combined-with",
)


def build_graph(atlas: Atlas) -> nx.MultiDiGraph[str]:
    """Build the frozen graph of an atlas (nodes first, then edges)."""
    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    for meridian in atlas.meridians():
        graph.add_node(meridian.code, kind="meridian", english=meridian.english, organ=meridian.organ)
    for vessel in atlas.vessels():
        graph.add_node(vessel.code, kind="vessel", english=vessel.english)
    for region in atlas.regions():
        graph.add_node(region.name, kind="region", label=region.label)
    for point in atlas.points():
        graph.add_node(
            point.code,
            kind="point",
            pinyin=point.pinyin,
            hanzi=point.hanzi,
            english=point.english,
            group=point.group,
        )

    def edge(source: str, target: str, kind: str, **attrs: object) -> None:
        graph.add_edge(source, target, key=kind, kind=kind, **attrs)

    for region in atlas.regions():
        if region.parent is not None:
            edge(region.name, region.parent, "in")

    flowing = sorted(
        (m for m in atlas.meridians() if m.flow_order is not None),
        key=lambda m: m.flow_order or 0,
    )
    for index, meridian in enumerate(flowing):
        following = flowing[(index + 1) % len(flowing)]
        edge(meridian.code, following.code, "flow")
        here, there = atlas.points(meridian.code), atlas.points(following.code)
        if here and there:
            edge(here[-1].code, there[0].code, "flow")
    for meridian in atlas.meridians():
        if meridian.partner is not None:
            edge(meridian.code, meridian.partner, "partner")
        members = atlas.points(meridian.code)
        for before, after in itertools.pairwise(members):
            edge(before.code, after.code, "next")

    for point in atlas.points():
        if point.meridian is not None:
            edge(point.code, point.meridian, "on")
        for name in point.location.regions:
            edge(point.code, name, "in")
        for category in point.categories:
            if category.kind == "crossing":
                for channel in category.channels:
                    edge(point.code, channel, "crossing")
            elif category.kind == "luo-connecting" and point.meridian is not None:
                partner = atlas.meridian(point.meridian).partner
                if partner is not None:
                    edge(point.code, partner, "luo")
            elif category.kind == "confluent" and category.vessel is not None:
                edge(point.code, category.vessel, "confluent")
            elif category.kind == "xi-cleft" and category.vessel is not None:
                edge(point.code, category.vessel, "cleft")

    for vessel in atlas.vessels():
        for point in atlas.vessel_points(vessel.code):
            edge(point.code, vessel.code, "along")

    for complaint in atlas.complaints():
        if complaint.name in graph:
            raise ValueError(f"complaint {complaint.name!r} has the same name as another node")
        graph.add_node(complaint.name, kind="complaint", label=complaint.label)
        for candidate in atlas.candidates(complaint.name):
            edge(
                candidate.code,
                complaint.name,
                "indicated-for",
                role=candidate.role,
                reasons=tuple(r.text for r in candidate.reasons),
                sources=candidate.sources,
            )
    pairs: dict[tuple[str, str], list[str]] = {}
    for combination in atlas.combinations():
        codes = list(dict.fromkeys(combination.members))
        for first, second in itertools.permutations(codes, 2):
            pairs.setdefault((first, second), []).append(combination.name)
    for (first, second), names in pairs.items():
        edge(first, second, "combined-with", combinations=tuple(names))
    frozen: nx.MultiDiGraph[str] = nx.freeze(graph)
    _read_only_attributes(frozen)
    return frozen


class ReadOnlyDict(dict[str, object]):
    """An attribute dict that refuses changes: the graph is shared by every caller.

    Still a ``dict`` (JSON, ``copy()``, networkx's readers all work); a copy is
    an ordinary dict that may be changed.
    """

    __slots__ = ()

    def _refuse(self, *args: object, **kwargs: object) -> NoReturn:
        raise TypeError("the atlas graph is read-only; copy it (graph.copy()) to change it")

    __setitem__ = __delitem__ = __ior__ = _refuse
    update = pop = popitem = clear = setdefault = _refuse

    def copy(self) -> dict[str, object]:
        return dict(self)


def _read_only_attributes(graph: nx.MultiDiGraph[str]) -> None:
    """Make node, edge and graph attribute dicts read-only, in place (the structure is frozen)."""
    nodes = graph._node  # type: ignore[attr-defined]
    for node, attributes in nodes.items():
        nodes[node] = ReadOnlyDict(attributes)
    successors, predecessors = graph._adj, graph._pred  # type: ignore[attr-defined]
    for source, targets in successors.items():
        for target, keyed in targets.items():
            for key, attributes in keyed.items():
                shared = ReadOnlyDict(attributes)
                keyed[key] = shared
                predecessors[target][source][key] = shared
    graph.graph = ReadOnlyDict(graph.graph)
