"""acupoints: a reference library of acupuncture points.

>>> import acupoints
>>> acupoints.point("LI4")
Point('LI4', 'Hégǔ', '合谷')
>>> acupoints.point("UB40").english
'Bend Middle'
>>> acupoints.points("LU")[-1].code
'LU11'

The module-level functions query the default atlas, built from the shipped
data on first use; :func:`load` with a path builds another from any data
folder, validated the same way.

This is a reference, not medical advice.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._default import default_atlas
from .errors import (
    AcupointsError,
    AmbiguousPointError,
    ArgumentTypeError,
    DataError,
    DataNotFoundError,
    InvalidArgumentError,
    Problem,
    UnknownCombinationError,
    UnknownComplaintError,
    UnknownMeridianError,
    UnknownNotationError,
    UnknownPointError,
    UnknownRegionError,
    UnknownSourceError,
)

if TYPE_CHECKING:
    import networkx as nx

    from .atlas import Atlas
    from .models import (
        Actions,
        Alias,
        Category,
        CategoryKind,
        Combination,
        Complaint,
        Contraindication,
        Location,
        Meridian,
        Moxibustion,
        Needling,
        Point,
        Region,
        Source,
        Vessel,
    )
    from .names import Match
    from .results import Candidate, Candidates, Excluded, Reason


_MODELS = (
    "Actions", "Alias", "Category", "Combination", "Complaint", "Contraindication", "Location", "Meridian",
    "Moxibustion", "Needling", "Point", "Region", "Source", "Vessel",
)  # fmt: skip

_LAZY = {
    **dict.fromkeys(_MODELS, "models"),
    "Atlas": "atlas",
    "Candidate": "results",
    "Candidates": "results",
    "Excluded": "results",
    "Reason": "results",
    "Match": "names",
}


def __getattr__(name: str) -> Any:
    # Imported on first use, to keep ``import acupoints`` fast and free of
    # pydantic (the CLI prints stored JSON without it): the models, the Atlas,
    # the result types of complaint queries, and the version
    # (importlib.metadata costs more than the rest of the import).
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("acupoints")
        except PackageNotFoundError:  # pragma: no cover - a bare checkout
            return "0+unknown"
    raise AttributeError(f"module 'acupoints' has no attribute {name!r}")


__all__ = [
    "Actions",
    "AcupointsError",
    "Alias",
    "AmbiguousPointError",
    "ArgumentTypeError",
    "Atlas",
    "Candidate",
    "Candidates",
    "Category",
    "Combination",
    "Complaint",
    "Contraindication",
    "DataError",
    "DataNotFoundError",
    "Excluded",
    "InvalidArgumentError",
    "Location",
    "Match",
    "Meridian",
    "Moxibustion",
    "Needling",
    "Point",
    "Problem",
    "Reason",
    "Region",
    "Source",
    "UnknownCombinationError",
    "UnknownComplaintError",
    "UnknownMeridianError",
    "UnknownNotationError",
    "UnknownPointError",
    "UnknownRegionError",
    "UnknownSourceError",
    "Vessel",
    "__version__",
    "candidates",
    "chart",
    "combination",
    "combinations",
    "complaint",
    "complaints",
    "find_point",
    "graph",
    "load",
    "meridian",
    "meridians",
    "nearby",
    "point",
    "points",
    "region",
    "region_points",
    "regions",
    "resolve",
    "search",
    "vessels",
]


def load(path: str | Path | None = None) -> Atlas:
    """The default atlas (cached), or a new one from ``path``: a data folder
    (validated like the shipped data) or a JSON file written by
    ``acupoints export``.

    Raises :class:`DataError` listing every problem if the data is invalid.

    >>> load() is load()
    True
    """
    if path is None:
        return default_atlas()
    from .atlas import Atlas

    if Path(path).is_file():
        return Atlas.from_export(path)
    return Atlas.from_folder(path)


def point(code: str) -> Point:
    """The point with this code in any notation (``LI4``, ``li-4``, ``UB23``).

    Raises :class:`UnknownPointError` (a ``KeyError``) with the closest codes.

    >>> point("SJ5")
    Point('TE5', 'Wàiguān', '外关')
    """
    return default_atlas().point(code)


def find_point(code: str) -> Point | None:
    """Like :func:`point` but returns None when there is no such point.

    >>> find_point("LI99") is None
    True
    """
    return default_atlas().find_point(code)


def points(
    meridian: str | None = None,
    *,
    region: str | None = None,
    category: CategoryKind | None = None,
) -> list[Point]:
    """Points in order, optionally filtered by meridian (or extra group),
    region (with its sub-regions) or category kind.

    >>> points(category="influential")[0].code
    'LU9'
    """
    return default_atlas().points(meridian, region=region, category=category)


def meridian(code: str) -> Meridian:
    """A meridian by code (``BL``; also ``UB``, ``SJ``, ``Du``, ``Ren`` ...).

    >>> meridian("SJ").english
    'Triple Energizer Meridian'
    """
    return default_atlas().meridian(code)


def meridians() -> list[Meridian]:
    """The 14 meridians: the 12 in the order of the 24-hour flow, then GV and CV."""
    return default_atlas().meridians()


def vessels() -> list[Vessel]:
    """The eight extraordinary vessels."""
    return default_atlas().vessels()


def region(name: str) -> Region:
    """A body region by name (``lower-back``, ``knee`` ...)."""
    return default_atlas().region(name)


def regions() -> list[Region]:
    """Every body region, parents before children."""
    return default_atlas().regions()


def graph() -> nx.MultiDiGraph[str]:
    """The frozen networkx graph of the default atlas (see :mod:`acupoints._graph`)."""
    return default_atlas().graph()


def candidates(
    complaint: str, *, pregnant: bool = False, level: str | None = None, limit: int | None = None
) -> Candidates:
    """Ranked candidate points for a complaint, each explained and with its safety flags.

    ``complaint`` is a name, label or synonym (``"low back pain"``, ``"lumbago"``,
    ``"腰痛"``). ``pregnant=True`` moves points traditionally forbidden in
    pregnancy to ``.excluded`` with the reason; ``level="L4"`` narrows the
    segmental rules to that vertebra; ``limit`` keeps the first N.

    >>> answer = candidates("low back pain")
    >>> answer["BL40"].role, answer["BL40"].reasons[0].rule
    ('distal', 'command')
    >>> "SP6" in [e.code for e in candidates("back pain", pregnant=True).excluded]
    False
    """
    return default_atlas().candidates(complaint, pregnant=pregnant, level=level, limit=limit)


def complaint(name: str) -> Complaint:
    """A complaint by name, label or synonym; :class:`UnknownComplaintError` suggests close ones."""
    return default_atlas().complaint(name)


def combinations(point: str | None = None) -> list[Combination]:
    """Named combinations and pairings; with ``point``, those the point belongs to.

    >>> "four-gates" in [c.name for c in combinations("LI4")]
    True
    """
    return default_atlas().combinations(point)


def combination(name: str) -> Combination:
    """One combination by name, e.g. ``combination("four-gates").members == ("LI4", "LR3")``."""
    return default_atlas().combination(name)


def complaints() -> list[Complaint]:
    """Every complaint the atlas maps to candidate points."""
    return default_atlas().complaints()


def region_points(name: str) -> list[Point]:
    """The points lying in a body region or any region inside it."""
    return default_atlas().region_points(name)


def resolve(text: str, notation: str | None = None) -> Point:
    """The point that any code, notation, name, reading or alias stands for.

    Accepts ``LI4``, ``li-4``, ``UB23``, ``SJ5``, ``Du20``, ``Hegu``, ``hégǔ``,
    ``合谷``, ``腎俞``, ``Union Valley``, ``人中``, ``Yintang``, ``M-BW-35``,
    French and German codes (``V23``, ``E36``, ``MP6``, ``KS6``), Korean,
    Japanese and Vietnamese readings (``합곡``, ``ごうこく``, ``hop coc``) and
    TARA identifiers (``TARA_0913913``). ``notation="fr"`` or ``"de"`` reads a
    code in that notation first (``P6`` is PC6, LU6 in French).
    Raises :class:`AmbiguousPointError` (listing every match),
    :class:`UnknownPointError` (with the closest matches) or
    :class:`UnknownNotationError`.

    >>> resolve("Yintang").code, resolve("人中").code, resolve("Huatuojiaji").code
    ('EX-HN3', 'GV26', 'EX-B2')
    >>> resolve("V23").code, resolve("P6").code, resolve("P6", notation="fr").code, resolve("합곡").code
    ('BL23', 'PC6', 'LU6', 'LI4')
    """
    return default_atlas().resolve(text, notation=notation)


def search(text: str, limit: int = 10) -> list[Match]:
    """Fuzzy search over codes, names in every script and aliases, best first.

    >>> search("zusanly", limit=1)[0].point.code
    'ST36'
    """
    return default_atlas().search(text, limit=limit)


def chart(
    *codes: str,
    meridian: str | None = None,
    complaint: str | None = None,
    vessel: str | None = None,
    pregnant: bool = False,
    view: str | None = None,
    link: str | None = "#{code}",
    overview: bool = False,
) -> str:
    """A standalone SVG chart drawn from the computed positions.

    One code: the close-up that suits the point, with the measuring line from
    its landmark and the distance labelled. Several codes, a ``meridian`` (its
    points in order, joined) or a ``complaint`` (its candidates coloured by
    role) or a ``vessel`` (its trajectory, joined in order): each point on the
    whole-body view that faces it best. ``overview=True`` with one code: a
    small whole-body figure with the point ringed, to show where on the body
    it is. ``view``
    picks a view by name (see ``acupoints.body.views.VIEWS``); ``link`` is the
    pattern of each marker's link (``{code}`` is replaced).

    >>> svg = chart("BL23")
    >>> 'data-point="BL23"' in svg and "1.5 cun" in svg
    True
    """
    from .body.render import render_chart

    return render_chart(
        default_atlas(), codes, meridian=meridian, complaint=complaint, vessel=vessel, pregnant=pregnant,
        view=view, link=link, overview=overview,
    )  # fmt: skip


def nearby(code: str, limit: int = 8) -> list[Point]:
    """The points closest in space to a point on the same body part, whatever their channel.

    Measured on the body model between the points' computed positions (the
    nearer side of a pair, any level of a point that is several), nearest
    first; points on a surface turned away (the palm, for a point on the back
    of the hand) are not near.

    >>> [p.code for p in nearby("PC6", limit=3)]
    ['PC5', 'HT4', 'HT5']
    """
    from .body.render import nearby_points

    return nearby_points(default_atlas(), resolve(code).code, limit)
