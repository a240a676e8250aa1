"""The atlas's queries over its records other than points.

Meridians and vessels, regions and their tree, the bibliography, complaints by
name or synonym, stored candidate answers as JSON, and combinations. This is a
base class of :class:`acupoints.Atlas` kept in a module of its own so that
each stays readable; it holds no state of its own, only the lookups over the
dictionaries the atlas builds.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._arguments import check_level, check_limit, query_text
from ._once import once
from .codes import EXTRA_GROUPS, PREFIX_ALIASES, normalize_name
from .errors import UnknownComplaintError, UnknownMeridianError, UnknownRegionError, UnknownSourceError
from .models import Combination, Complaint, Meridian, Point, Region, Source, Vessel

if TYPE_CHECKING:
    from .models import CategoryKind
    from .results import Candidates

__all__ = ["AtlasRecords", "close_matches"]


def close_matches(word: str, choices: list[str], n: int = 3, cutoff: float = 0.6) -> list[str]:
    """Closest matches for suggestions; difflib is imported only when needed."""
    import difflib

    return difflib.get_close_matches(word, choices, n=n, cutoff=cutoff)


class AtlasRecords:
    """Lookups over meridians, vessels, regions, sources, complaints and combinations."""

    _points: dict[str, Point]
    _meridians: dict[str, Meridian]
    _vessels: dict[str, Vessel]
    _regions: dict[str, Region]
    _sources: dict[str, Source]
    _complaint_source: tuple[Complaint, ...] | list[dict[str, Any]]
    _combinations: dict[str, Combination]
    _answer_lines: dict[tuple[str, bool], bytes]

    if TYPE_CHECKING:  # defined by Atlas

        def points(
            self,
            meridian: str | None = None,
            *,
            region: str | None = None,
            category: CategoryKind | None = None,
        ) -> list[Point]: ...

        def resolve(self, text: str, notation: str | None = None) -> Point: ...

        def candidates(
            self,
            complaint: str,
            *,
            pregnant: bool = False,
            level: str | None = None,
            limit: int | None = None,
        ) -> Candidates: ...

    # -- meridians and vessels ---------------------------------------------

    def _group_code(self, code: str) -> str:
        text = query_text(code, "a meridian or group code").strip()
        upper = text.upper()
        if upper in self._meridians or upper in EXTRA_GROUPS:
            return upper
        alias = PREFIX_ALIASES.get(upper)
        if alias is not None:
            return alias
        raise UnknownMeridianError(code, close_matches(upper, [*self._meridians, *EXTRA_GROUPS], n=3))

    def meridian(self, code: str) -> Meridian:
        """The meridian with this code (``BL``, also ``UB``, ``SJ``, ``Du`` ...)."""
        group = self._group_code(code)
        found = self._meridians.get(group)
        if found is None:
            raise UnknownMeridianError(code, [])
        return found

    def meridians(self) -> list[Meridian]:
        """The 14 meridians in the order of the 24-hour flow, then GV and CV."""
        return list(self._meridians.values())

    def vessels(self) -> list[Vessel]:
        """The eight extraordinary vessels."""
        return list(self._vessels.values())

    def vessel(self, code: str) -> Vessel:
        """An extraordinary vessel by slug (``governor``, ``yin-heel`` ...)."""
        try:
            return self._vessels[query_text(code, "a vessel slug")]
        except KeyError:
            raise UnknownMeridianError(code, close_matches(code, list(self._vessels), n=3)) from None

    def vessel_points(self, code: str) -> list[Point]:
        """The points a vessel passes through, in order."""
        vessel = self.vessel(code)
        if vessel.meridian is not None:
            return self.points(vessel.meridian)
        return [self._points[c] for c in vessel.trajectory]

    # -- regions and sources -------------------------------------------------

    def regions(self) -> list[Region]:
        """Every body region, parents before their children."""
        return list(self._regions.values())

    def region(self, name: str) -> Region:
        """A body region by name (``lower-back``; spaces and case are forgiven)."""
        key = query_text(name, "a region name").strip().lower().replace(" ", "-").replace("_", "-")
        found = self._regions.get(key)
        if found is None:
            raise UnknownRegionError(name, close_matches(key, list(self._regions), n=3))
        return found

    @once
    def _children(self) -> dict[str, list[str]]:
        children: dict[str, list[str]] = {name: [] for name in self._regions}
        for region in self._regions.values():
            if region.parent is not None:
                children[region.parent].append(region.name)
        return children

    def region_names_within(self, name: str) -> list[str]:
        """A region's name and the names of all regions inside it."""
        root = self.region(name).name
        out, stack = [], [root]
        while stack:
            current = stack.pop()
            out.append(current)
            stack.extend(reversed(self._children[current]))
        return out

    def region_ancestors(self, name: str) -> list[str]:
        """A region's name and its parents up to the top."""
        region: Region | None = self.region(name)
        out = []
        while region is not None:
            out.append(region.name)
            region = self._regions.get(region.parent) if region.parent else None
        return out

    def sources(self) -> list[Source]:
        """The bibliography."""
        return list(self._sources.values())

    def source(self, key: str) -> Source:
        """A bibliography entry by key (:class:`~acupoints.UnknownSourceError` if none)."""
        found = self._sources.get(query_text(key, "a source key"))
        if found is None:
            raise UnknownSourceError(key, close_matches(key, list(self._sources), n=3))
        return found

    # -- complaints and combinations ---------------------------------------

    @once
    def _complaints(self) -> dict[str, Complaint]:
        from ._construct import construct

        items = [c if isinstance(c, Complaint) else construct(Complaint, c) for c in self._complaint_source]
        return {c.name: c for c in items}

    @once
    def _complaint_names(self) -> dict[str, str]:
        index: dict[str, str] = {}
        for complaint in self._complaints.values():
            for text in (complaint.name, complaint.label, complaint.hanzi or "", *complaint.synonyms):
                if text:
                    index[normalize_name(text)] = complaint.name
        return index

    def complaints(self) -> list[Complaint]:
        """Every complaint, in file order."""
        return list(self._complaints.values())

    def complaint(self, name: str) -> Complaint:
        """A complaint by name, label or synonym (``lumbago``, ``腰痛``, ``period pain``).

        Raises :class:`~acupoints.UnknownComplaintError` naming the closest complaints.
        """
        name = query_text(name, "a complaint name")
        found = self._complaints.get(name)
        if found is not None:
            return found
        key = normalize_name(name)
        slug = self._complaint_names.get(key)
        if slug is None:
            close = close_matches(key, list(self._complaint_names), n=6, cutoff=0.5)
            suggestions = list(dict.fromkeys(self._complaint_names[c] for c in close))[:3]
            raise UnknownComplaintError(name, suggestions)
        return self._complaints[slug]

    def candidates_record(
        self,
        complaint: str,
        *,
        pregnant: bool = False,
        level: str | None = None,
        limit: int | None = None,
    ) -> dict[str, Any]:
        """:meth:`candidates` as JSON-ready data (``.as_dict()``), served
        straight from the compiled data when it holds the answer."""
        level = check_level(level)
        limit = check_limit(limit)
        found = self.complaint(complaint)
        stored = self._answer_lines.get((found.name, bool(pregnant))) if level is None else None
        if stored is None:
            return self.candidates(found.name, pregnant=pregnant, level=level, limit=limit).as_dict()
        record = self._json(stored)
        if limit:
            record["candidates"] = record["candidates"][:limit]
        return record

    @staticmethod
    def _json(line: bytes) -> dict[str, Any]:
        import json

        record: dict[str, Any] = json.loads(line)
        return record

    def combinations(self, point: str | None = None) -> list[Combination]:
        """The combinations, in data order; with ``point`` (any notation or name), those it belongs to.

        >>> from acupoints import load
        >>> load().combinations("LR3")[0].name
        'four-gates'
        """
        if point is None:
            return list(self._combinations.values())
        code = self.resolve(point).code
        return [c for c in self._combinations.values() if code in c.members]

    def combination(self, name: str) -> Combination:
        """One combination by name (``four-gates``); :class:`KeyError` with suggestions if unknown."""
        found = self._combinations.get(name.strip().lower())
        if found is None:
            from .errors import UnknownCombinationError

            raise UnknownCombinationError(name, close_matches(name, list(self._combinations)))
        return found

    def region_points(self, name: str) -> list[Point]:
        """The points lying in a region or any region inside it."""
        return self.points(region=name)
