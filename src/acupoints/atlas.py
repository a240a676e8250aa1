"""The Atlas: validated data plus the indexes every query goes through.

An :class:`Atlas` is immutable once built. The default one is built on first
use from the data shipped with the package (see :func:`acupoints.load`);
:meth:`Atlas.from_folder` builds one from any data folder with the same
checks, which is how tests use small fixtures.
"""

from __future__ import annotations

import threading
import typing
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._arguments import MAX_QUERY, check_level, check_limit, query_text
from ._atlas_records import AtlasRecords, close_matches
from ._once import BUILD_LOCK, once
from .codes import normalize_code
from .errors import (
    AmbiguousPointError,
    InvalidArgumentError,
    UnknownPointError,
    shorten,
)
from .models import (
    AtlasData,
    CategoryKind,
    Combination,
    Complaint,
    Meridian,
    Point,
    Region,
    Source,
    Vessel,
)

if TYPE_CHECKING:
    import networkx as nx

    from .names import Match, NameIndex
    from .results import Candidates

__all__ = ["Atlas"]

CATEGORY_KINDS: frozenset[str] = frozenset(typing.get_args(CategoryKind))


class Atlas(AtlasRecords):
    """Points, meridians, vessels, regions and sources, with lookups.

    >>> from acupoints import load
    >>> atlas = load()
    >>> atlas.point("LI4")
    Point('LI4', 'Hégǔ', '合谷')
    """

    def __init__(self, data: AtlasData, *, origin: str = "<memory>") -> None:
        self.origin = origin
        self._schema_version = data.schema_version
        self._order: list[str] = [p.code for p in data.points]
        self._points: dict[str, Point] = {p.code: p for p in data.points}
        self._lines: dict[str, bytes] = {}
        self._lock = threading.Lock()
        self._meridians: dict[str, Meridian] = {m.code: m for m in data.meridians}
        self._vessels: dict[str, Vessel] = {v.code: v for v in data.vessels}
        self._regions = {r.name: r for r in data.regions}
        self._sources = {s.key: s for s in data.sources}
        self._complaint_source: tuple[Complaint, ...] | list[dict[str, Any]] = data.complaints
        self._combinations: dict[str, Combination] = {c.name: c for c in data.combinations}
        self._answers: dict[tuple[str, bool, str | None], Candidates] = {}
        self._answer_lines: dict[tuple[str, bool], bytes] = {}
        self._extra_lines: dict[str, bytes] = {}

    @classmethod
    def from_export(cls, path: str | Path) -> Atlas:
        """An atlas from the JSON that ``acupoints export`` writes (validated)."""
        from pydantic import ValidationError

        from ._integrity import check_export
        from ._yaml import MAX_FILE_BYTES
        from .errors import DataError, Problem

        file = Path(path)
        if file.stat().st_size > 8 * MAX_FILE_BYTES:
            raise DataError([Problem(file.name, None, None, "too large for an export")])
        try:
            data = AtlasData.model_validate_json(file.read_bytes())
        except ValidationError as error:
            problems = [
                Problem(file.name, None, ".".join(map(str, e["loc"])) or None, e["msg"])
                for e in error.errors(include_url=False)
            ]
            raise DataError(problems) from None
        found: list[Problem] = []

        def add(section: str, record: str | None, field: str | None, message: str) -> None:
            found.append(Problem(f"{file.name}: {section}", record, field, message))

        check_export(add, data)
        if found:
            raise DataError(found)
        return cls(data, origin=str(file))

    @classmethod
    def from_compiled(cls, raw: bytes, *, origin: str = "<compiled>") -> Atlas:
        """An atlas from the compiled JSON lines written at build time.

        That data was validated when it was compiled, so it is not validated
        again; each point is built the first time it is asked for.
        """
        import json

        from ._construct import construct

        header_line, *lines = raw.split(b"\n")
        header = json.loads(header_line)
        codes: list[str] = header["codes"]
        keys = [(name, bool(pregnant)) for name, pregnant in header.get("answers", ())]
        extra: list[str] = header.get("extra", [])
        if len(codes) + len(keys) + len(extra) != len(lines):
            raise ValueError(
                f"{origin}: {len(codes)} points, {len(keys)} answers and {len(extra)} extra lines "
                f"but {len(lines)} lines"
            )
        point_lines = lines[: len(codes)]
        answer_lines = lines[len(codes) : len(codes) + len(keys)]
        data = AtlasData.model_construct(
            schema_version=header.get("schema_version", 1),
            meridians=tuple(construct(Meridian, m) for m in header["meridians"]),
            vessels=tuple(construct(Vessel, v) for v in header.get("vessels", ())),
            points=(),
            regions=tuple(construct(Region, r) for r in header.get("regions", ())),
            sources=tuple(construct(Source, s) for s in header.get("sources", ())),
            combinations=tuple(construct(Combination, c) for c in header.get("combinations", ())),
        )
        atlas = cls(data, origin=origin)
        atlas._order = codes
        atlas._lines = dict(zip(codes, point_lines, strict=True))
        atlas._answer_lines = dict(zip(keys, answer_lines, strict=True))
        atlas._complaint_source = header.get("complaints", [])  # built when first asked for
        atlas._extra_lines = dict(zip(extra, lines[len(codes) + len(keys) :], strict=True))
        return atlas

    def _build_point(self, code: str) -> Point | None:
        line = self._lines.get(code)
        if line is None:
            return None
        import json

        from ._construct import construct

        with self._lock:  # one instance per point, even when threads race to build it
            point = self._points.get(code)
            if point is None:
                point = construct(Point, json.loads(line))
                self._points[code] = point
        return point

    def _all_points(self) -> list[Point]:
        if len(self._points) < len(self._order):
            for code in self._order:
                if code not in self._points:
                    self._build_point(code)
        return [self._points[code] for code in self._order]

    def point_places(self) -> list[dict[str, Any]]:
        """Every point's code, names, side and computed places, JSON-ready, in atlas order.

        ``positions`` lists every place (one for most points, several for a
        point that is several). From compiled data this is one stored line,
        read without building a model: what a chart needs of every point to
        draw the neighbours of one.

        >>> load().point_places()[0]["positions"]
        [{'frame': 'chest-abdomen', 'x': 6.0, 'y': 13.5}]
        """
        line = self._extra_lines.get("places")
        if line is not None:
            import json

            places: list[dict[str, Any]] = json.loads(line)
            return places
        out = []
        for point in self._all_points():
            loc = point.location
            positions = loc.positions or ((loc.position,) if loc.position is not None else ())
            out.append(
                {
                    "code": point.code,
                    "pinyin": point.pinyin,
                    "hanzi": point.hanzi,
                    "english": point.english,
                    "side": loc.side,
                    "positions": [p.model_dump(mode="json") for p in positions],
                }
            )
        return out

    def point_record(self, code: str) -> dict[str, Any]:
        """A point as JSON-ready data (``model_dump(mode="json")``), by code in any notation.

        From the compiled data this is read straight from the JSON, which is
        much faster on a cold start than running pydantic's serializer.
        """
        point = self.point(code)
        line = self._lines.get(point.code)
        if line is not None:
            import json

            record: dict[str, Any] = json.loads(line)
            return record
        return point.model_dump(mode="json")

    @once
    def data(self) -> AtlasData:
        """Everything in the atlas as one :class:`~acupoints.models.AtlasData`."""
        return AtlasData.model_construct(
            schema_version=self._schema_version,
            meridians=tuple(self._meridians.values()),
            vessels=tuple(self._vessels.values()),
            points=tuple(self._all_points()),
            regions=tuple(self._regions.values()),
            sources=tuple(self._sources.values()),
            complaints=tuple(self._complaints.values()),
            combinations=tuple(self._combinations.values()),
        )

    def __repr__(self) -> str:
        return f"<Atlas {len(self._order)} points from {self.origin}>"

    def __len__(self) -> int:
        return len(self._order)

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and self.find_point(code) is not None

    @classmethod
    def from_folder(cls, path: str | Path) -> Atlas:
        """Load and validate a data folder (raises ``DataError`` listing every problem)."""
        from ._loader import load_folder

        root = Path(path)
        return cls(load_folder(root), origin=str(root))

    # -- points -----------------------------------------------------------

    def point(self, code: str) -> Point:
        """The point any code, notation, name or alias names (see :meth:`resolve`).

        Raises :class:`~acupoints.UnknownPointError` (a ``KeyError``) naming
        the closest matches when there is none.

        >>> load().point("UB40").code
        'BL40'
        """
        if isinstance(code, str):
            found = self._points.get(code)
            if found is not None:
                return found
        return self.resolve(code)

    def find_point(self, code: str) -> Point | None:
        """Like :meth:`point`, but None when no point (or more than one) fits."""
        try:
            return self.point(code)
        except (UnknownPointError, AmbiguousPointError):
            return None

    def _find_code(self, code: str) -> Point | None:
        """The point with this code in any notation (no names), or None."""
        found = self._points.get(code)
        if found is None:
            normalized = normalize_code(code) or code
            found = self._points.get(normalized) or self._build_point(normalized)
        return found

    def closest_codes(self, text: str, limit: int = 3) -> list[str]:
        """The codes most like ``text``, closest first (for suggestions)."""
        text = text[:MAX_QUERY] if isinstance(text, str) else ""
        wanted = normalize_code(text)
        probe = wanted or text.upper().replace(" ", "").replace("-", "")
        squashed = {code.replace("-", ""): code for code in self._order}
        matches = close_matches(probe.replace("-", ""), list(squashed), n=limit, cutoff=0.6)
        return [squashed[m] for m in matches]

    def points(
        self,
        meridian: str | None = None,
        *,
        region: str | None = None,
        category: CategoryKind | None = None,
    ) -> list[Point]:
        """Points in atlas order, optionally only those of a meridian or
        extra-point group, in a region (including its sub-regions), or of a
        category kind.

        >>> len(load().points("LU")), load().points("LU")[0].code
        (11, 'LU1')
        """
        selected: Iterable[Point] = self._all_points()
        if meridian is not None:
            group = self._group_code(meridian)
            selected = [p for p in selected if p.group == group]
        if region is not None:
            names = set(self.region_names_within(region))
            selected = [p for p in selected if names.intersection(p.location.regions)]
        if category is not None:
            if category not in CATEGORY_KINDS:
                raise InvalidArgumentError(f"unknown category kind {shorten(category, 40)}")
            selected = [p for p in selected if p.has_category(category)]
        return list(selected)

    # -- names -----------------------------------------------------------------

    @once
    def names(self) -> NameIndex:
        """The name index behind :meth:`resolve` and :meth:`search`."""
        from .names import NameIndex

        return NameIndex(self)

    def resolve(self, text: str, notation: str | None = None) -> Point:
        """The point any code, notation, name (pinyin with or without tones,
        hanzi in either script, English, a Korean, Japanese or Vietnamese
        reading), alias or TARA identifier names.

        ``notation`` (``"en"``, ``"fr"``, ``"de"``) reads a code in that national
        notation first: ``P6`` is PC6, but LU6 with ``notation="fr"``. Without
        it, French and German codes that clash with nothing are read too
        (``V23``, ``E36``, ``MP6``, ``KS6``, ``Dü3``).

        Raises :class:`~acupoints.AmbiguousPointError` listing every match, or
        :class:`~acupoints.UnknownPointError` with the closest matches.

        >>> load().resolve("腎俞").code, load().resolve("zu san li").code
        ('BL23', 'ST36')
        >>> load().resolve("P6").code, load().resolve("P6", notation="fr").code
        ('PC6', 'LU6')
        """
        from ._resolve import resolve_point

        return resolve_point(self, query_text(text), notation)

    def search(self, text: str, limit: int = 10) -> list[Match]:
        """Fuzzy search over codes, names in every script and aliases, best first."""
        return self.names.search(query_text(text, "search text"), limit=check_limit(limit) or 0)

    # -- candidates ----------------------------------------------------------

    def candidates(
        self,
        complaint: str,
        *,
        pregnant: bool = False,
        level: str | None = None,
        limit: int | None = None,
    ) -> Candidates:
        """Ranked candidate points for a complaint, each with role, reasons,
        sources and warnings (see :mod:`acupoints.selection`).

        ``pregnant=True`` moves points traditionally forbidden in pregnancy to
        ``excluded``; ``level="L4"`` narrows segmental rules to that vertebra.
        Answers are cached; they are immutable.
        """
        level = check_level(level)
        limit = check_limit(limit)
        found = self.complaint(complaint)
        key = (found.name, bool(pregnant), level)
        answer = self._answers.get(key)
        if answer is None:
            with BUILD_LOCK:  # each answer built once, even when threads race for it
                answer = self._answers.get(key)
                if answer is None:
                    answer = self._answer(found, bool(pregnant), level)
                    self._answers[key] = answer
        return answer.limited(limit)

    def _answer(self, found: Complaint, pregnant: bool, level: str | None) -> Candidates:
        stored = self._answer_lines.get((found.name, pregnant)) if level is None else None
        if stored is not None:
            from .results import from_record

            return from_record(self, found, self._json(stored))
        from .selection import select

        return select(self, found, pregnant=pregnant, level=level)

    # -- graph ---------------------------------------------------------------

    @once
    def _graph(self) -> nx.MultiDiGraph[str]:
        from ._graph import build_graph

        return build_graph(self)

    def graph(self) -> nx.MultiDiGraph[str]:
        """The atlas as a frozen networkx MultiDiGraph (see :mod:`acupoints._graph`)."""
        return self._graph
