"""A small read-only HTTP API over the atlas (FastAPI; ``pip install "acupoints[server]"``).

    acupoints serve --host 127.0.0.1 --port 8000

Routes return the same JSON shapes as ``acupoints export`` and the static
JSON API: a point is its full record, a complaint query is
``Candidates.as_dict()``. Every path parameter that names a point goes
through :func:`acupoints.resolve`, so ``/points/UB23``, ``/points/腎俞`` and
``/points/hegu`` all work. Unknown things get 404 with the closest matches,
an ambiguous name 409 with every match, invalid parameters 422; nothing else
is an error.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Any, Literal

from fastapi import FastAPI, Path, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from . import load
from ._arguments import MAX_LIMIT, MAX_QUERY
from ._http import MAX_TARGET, HardenedHTTP
from .atlas import Atlas
from .errors import (
    AmbiguousPointError,
    UnknownComplaintError,
    UnknownMeridianError,
    UnknownPointError,
    UnknownRegionError,
)
from .export import (
    SCHEMA_VERSION,
    ApiIndexDocument,
    CandidatesDocument,
    ComplaintDocument,
    ErrorDocument,
    MeridianWithPoints,
    RegionWithPoints,
    SearchResultDocument,
    VesselWithPoints,
)
from .models import VERTEBRAL_LEVELS, CategoryKind, Complaint, Meridian, Point, Region, Source, Vessel

__all__ = ["create_app"]

# any case, like the API and the CLI (``l4``); the library gives the standard spelling
_LEVEL_PATTERN = (
    "^(" + "|".join("".join(f"[{c.upper()}{c.lower()}]" for c in lv) for lv in VERTEBRAL_LEVELS) + ")$"
)
_Text = Annotated[str, Query(min_length=1, max_length=MAX_QUERY)]
_Name = Annotated[str, Path(min_length=1, max_length=MAX_QUERY)]


ErrorBody = ErrorDocument


_ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorBody, "description": "Not found; `suggestions` names the closest matches."},
}
_AMBIGUOUS: dict[int | str, dict[str, Any]] = {
    **_ERRORS,
    409: {"model": ErrorBody, "description": "The name fits several points; `matches` lists them."},
}


def _short(value: object) -> object:
    if isinstance(value, str) and len(value) > 80:
        return value[:80] + "..."
    return value


def create_app(
    atlas: Atlas | None = None, *, cors_origins: Sequence[str] = ("*",), docs: bool = False
) -> FastAPI:
    """The HTTP application for an atlas (the default one if None).

    ``cors_origins``: the origins whose web pages may read the API (``*``, the
    default, for any: the data is public and read-only). ``docs=True`` also
    serves FastAPI's interactive docs at ``/docs``, which load their scripts
    from a third-party CDN; off by default (``/openapi.json`` is always there).
    """
    data = atlas or load()
    app = FastAPI(
        title="acupoints",
        version=str(SCHEMA_VERSION),
        summary="Read-only reference API of acupuncture points. A reference, not medical advice.",
        docs_url="/docs" if docs else None,
        redoc_url=None,
        responses={414: {"model": ErrorBody, "description": f"Path and query over {MAX_TARGET} bytes."}},
    )
    app.add_middleware(HardenedHTTP, cors_origins=tuple(cors_origins))

    def not_found(detail: str, suggestions: tuple[str, ...] = ()) -> JSONResponse:
        return JSONResponse(
            {"detail": detail, "suggestions": list(suggestions), "matches": []}, status_code=404
        )

    @app.exception_handler(UnknownPointError)
    @app.exception_handler(UnknownMeridianError)
    @app.exception_handler(UnknownRegionError)
    @app.exception_handler(UnknownComplaintError)
    async def unknown(_: Request, error: Exception) -> JSONResponse:
        suggestions = getattr(error, "suggestions", ())
        return not_found(str(error), tuple(suggestions))

    @app.exception_handler(RequestValidationError)
    async def invalid(_: Request, error: Exception) -> JSONResponse:
        # FastAPI's own 422 shape, with the offending input cut short: a
        # megabyte of query must not come back as a megabyte of error
        assert isinstance(error, RequestValidationError)
        detail = [{**item, "input": _short(item.get("input"))} for item in error.errors()]
        return JSONResponse({"detail": jsonable_encoder(detail)}, status_code=422)

    @app.exception_handler(AmbiguousPointError)
    async def ambiguous(_: Request, error: Exception) -> JSONResponse:
        assert isinstance(error, AmbiguousPointError)
        body = {"detail": str(error), "suggestions": [], "matches": list(error.matches)}
        return JSONResponse(body, status_code=409)

    @app.get("/", summary="What this API offers", response_model=ApiIndexDocument)
    def index() -> dict[str, Any]:
        return {
            "name": "acupoints",
            "schema_version": SCHEMA_VERSION,
            "points": len(data),
            "routes": [
                "/points",
                "/points/{code}",
                "/meridians",
                "/meridians/{code}",
                "/regions",
                "/regions/{name}",
                "/vessels",
                "/vessels/{code}",
                "/complaints",
                "/complaints/{name}",
                "/sources",
                "/candidates?complaint=&pregnant=&level=&limit=",
                "/search?q=&limit=",
            ],
            "disclaimer": "A reference, not medical advice.",
        }

    @app.get(
        "/points",
        summary="Every point, or those of a meridian, region or category",
        responses=_ERRORS,
        response_model=list[Point],
    )
    def points(
        meridian: Annotated[str | None, Query(max_length=16)] = None,
        region: Annotated[str | None, Query(max_length=50)] = None,
        category: CategoryKind | None = None,
    ) -> list[dict[str, Any]]:
        chosen = data.points(meridian, region=region, category=category)
        return [data.point_record(p.code) for p in chosen]

    @app.get(
        "/points/{code}",
        summary="One point, by code, notation, name or alias",
        responses=_AMBIGUOUS,
        response_model=Point,
    )
    def point(
        code: _Name, notation: Annotated[Literal["en", "fr", "de"] | None, Query()] = None
    ) -> dict[str, Any]:
        return data.point_record(data.resolve(code, notation=notation).code)

    @app.get("/meridians", summary="The 14 meridians", response_model=list[Meridian])
    def meridians() -> list[dict[str, Any]]:
        return [m.model_dump(mode="json") for m in data.meridians()]

    @app.get(
        "/meridians/{code}",
        summary="A meridian and its points",
        responses=_ERRORS,
        response_model=MeridianWithPoints,
    )
    def meridian(code: _Name) -> dict[str, Any]:
        found = data.meridian(code)
        return {**found.model_dump(mode="json"), "points": [p.code for p in data.points(found.code)]}

    @app.get("/vessels", summary="The eight extraordinary vessels", response_model=list[Vessel])
    def vessels() -> list[dict[str, Any]]:
        return [v.model_dump(mode="json") for v in data.vessels()]

    @app.get(
        "/vessels/{code}",
        summary="An extraordinary vessel and its points",
        responses=_ERRORS,
        response_model=VesselWithPoints,
    )
    def vessel(code: _Name) -> dict[str, Any]:
        found = data.vessel(code)
        return {**found.model_dump(mode="json"), "points": [p.code for p in data.vessel_points(found.code)]}

    @app.get("/sources", summary="The bibliography the data cites by key", response_model=list[Source])
    def sources() -> list[dict[str, Any]]:
        return [s.model_dump(mode="json") for s in data.sources()]

    @app.get("/regions", summary="The body-region tree", response_model=list[Region])
    def regions() -> list[dict[str, Any]]:
        return [r.model_dump(mode="json") for r in data.regions()]

    @app.get(
        "/regions/{name}",
        summary="A body region and the points in it",
        responses=_ERRORS,
        response_model=RegionWithPoints,
    )
    def region(name: _Name) -> dict[str, Any]:
        found = data.region(name)
        return {**found.model_dump(mode="json"), "points": [p.code for p in data.points(region=found.name)]}

    @app.get(
        "/complaints",
        summary="The complaints, with synonyms, regions and rules",
        response_model=list[Complaint],
    )
    def complaints() -> list[dict[str, Any]]:
        return [c.model_dump(mode="json") for c in data.complaints()]

    @app.get(
        "/complaints/{name}",
        summary="A complaint, its candidates, and the pregnancy variant",
        responses=_ERRORS,
        response_model=ComplaintDocument,
    )
    def complaint(name: _Name) -> dict[str, Any]:
        found = data.complaint(name)
        return {
            "complaint": found.model_dump(mode="json"),
            "candidates": data.candidates_record(found.name),
            "pregnant": data.candidates_record(found.name, pregnant=True),
        }

    @app.get(
        "/candidates",
        summary="Candidate points for a complaint",
        responses=_ERRORS,
        response_model=CandidatesDocument,
    )
    def candidates(
        complaint: _Text,
        pregnant: bool = False,
        level: Annotated[str | None, Query(pattern=_LEVEL_PATTERN)] = None,
        limit: Annotated[int | None, Query(ge=0, le=MAX_LIMIT)] = None,
    ) -> dict[str, Any]:
        return data.candidates_record(complaint, pregnant=pregnant, level=level, limit=limit)

    @app.get(
        "/search",
        summary="Fuzzy search over codes and names in every script",
        response_model=list[SearchResultDocument],
    )
    def search(q: _Text, limit: Annotated[int, Query(ge=0, le=MAX_LIMIT)] = 10) -> list[dict[str, Any]]:
        return [m.as_dict() for m in data.search(q, limit=limit)]

    return app
