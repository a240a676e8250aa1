"""The ``acupoints`` command.

Exit codes: 0 found, 1 not found (with suggestions on stderr), 2 usage,
invalid arguments or invalid data, each with one clear message and never a
traceback. ``--json`` prints machine-readable JSON on stdout. Output that the
terminal cannot encode is escaped, not an error (``PYTHONIOENCODING=ascii``):
JSON then uses ``\\u`` escapes, text backslash escapes.

The answers stored in an installed wheel (``show --json``,
``candidates --json`` without a level, ``export``) are printed without
importing the models (see :mod:`acupoints._stored`).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from ._arguments import MAX_LIMIT, check_limit
from ._cli_clinical import answer_preamble, point_lines
from ._cli_readings import name_lines, only_langs, reading_lines
from ._disclaimer import DISCLAIMER
from ._output import echo_json, escape_unencodable
from .errors import (
    AcupointsError,
    AmbiguousPointError,
    ArgumentTypeError,
    DataError,
    DataNotFoundError,
    InvalidArgumentError,
    UnknownComplaintError,
    UnknownMeridianError,
    UnknownPointError,
    UnknownRegionError,
    shorten,
)

if TYPE_CHECKING:
    from ._stored import Stored
    from .atlas import Atlas
    from .models import Category, Point

__all__ = ["main"]

def _atlas(ctx: click.Context) -> Atlas:
    from . import load

    data = ctx.find_root().params.get("data")
    try:
        return load(data)
    except DataError as error:
        click.echo(f"acupoints: {error}", err=True)
        ctx.exit(2)
        raise  # unreachable; keeps type checkers content


def _stored(ctx: click.Context) -> Stored | None:
    """The answers stored in the installed wheel, unless another data folder is asked for."""
    if ctx.find_root().params.get("data") is not None:
        return None
    from ._stored import shipped

    return shipped()


def _fail(message: str, suggestions: tuple[str, ...] = ()) -> NoReturn:
    click.echo(f"acupoints: {message}", err=True)
    if suggestions:
        click.echo(f"did you mean: {', '.join(suggestions)}", err=True)
    sys.exit(1)


class _Group(click.Group):
    """Library errors become a clear message and an exit code, never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except DataError as error:
            click.echo(f"acupoints: {error}", err=True)
            ctx.exit(2)
        except (InvalidArgumentError, ArgumentTypeError, DataNotFoundError) as error:
            click.echo(f"acupoints: {error}", err=True)
            ctx.exit(2)
        except AcupointsError as error:
            click.echo(f"acupoints: {error}", err=True)
            ctx.exit(1)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--data",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Use this data folder instead of the shipped data.",
)
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=lambda ctx, _param, value: _print_version(ctx) if value else None,
    help="Show the version and exit.",
)
def main(data: Path | None) -> None:
    """A reference library of acupuncture points.

    This is a reference, not medical advice.
    """
    escape_unencodable()


def _print_version(ctx: click.Context) -> None:
    # importlib.metadata is slow to import: only for --version
    from . import __version__

    click.echo(f"acupoints {__version__}")
    ctx.exit(0)


def _describe(atlas: Atlas, point: Point, langs: tuple[str, ...] = ()) -> list[str]:
    lines = [f"{point.code}  {point.pinyin}  {point.hanzi} ({point.hanzi_traditional})  {point.english}"]
    if point.meridian is not None:
        lines.append(f"Meridian: {atlas.meridian(point.meridian).english}")
    else:
        lines.append(f"Extra point, group {point.group}")
    if point.aliases:
        lines.append("Also: " + "; ".join(f"{a.text} ({a.kind})" for a in point.aliases))
    lines += reading_lines(point, langs)
    loc = point.location
    lines.append(f"Location: {loc.text}")
    where = ", ".join(loc.regions)
    if loc.level:
        where += f"; level {loc.level}" + (f" to {loc.level_to}" if loc.level_to else "")
    if loc.from_midline_cun is not None:
        where += f"; {loc.from_midline_cun:g} cun from the midline"
    lines.append(f"Regions: {where} ({loc.side})")
    needling = point.needling
    if needling.forbidden:
        lines.append(f"Needling: forbidden. {needling.note or ''}".rstrip())
    else:
        low, high = needling.depth_cun
        depth = f"{low:g}" if low == high else f"{low:g}-{high:g}"
        lines.append(
            f"Needling: {needling.angle}, {depth} cun" + (f". {needling.note}" if needling.note else "")
        )
    for caution in needling.cautions:
        lines.append(f"  ! {caution.hazard}: {caution.text}")
    moxa = point.moxibustion
    lines.append(f"Moxibustion: {moxa.status}" + (f" ({moxa.reason})" if moxa.reason else ""))
    for contra in point.contraindications:
        stage = f" from month {contra.from_month}" if contra.from_month else ""
        lines.append(f"  ! {contra.condition}: {contra.severity}{stage}. {contra.reason}")
    if point.categories:
        lines.append("Categories: " + "; ".join(_category_text(c) for c in point.categories))
    lines.append("Indications: " + "; ".join(point.indications.items))
    lines += point_lines(atlas, point)
    lines.append("Sources: " + ", ".join(point.sources))
    for note in point.notes:
        lines.append(f"Note: {note}")
    return lines


def _category_text(category: Category) -> str:
    qualifier = category.qualifier
    return f"{category.kind} ({qualifier})" if qualifier else category.kind


@main.command()
@click.argument("code")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option(
    "--notation",
    type=click.Choice(["en", "fr", "de"]),
    help="Read CODE in this national notation first (P6 is PC6; --notation fr: LU6).",
)
@click.option(
    "--lang",
    "langs",
    type=click.Choice(["ko", "ja", "vi"]),
    multiple=True,
    help="Show only the readings in this language (repeatable); the JSON keeps only those readings.",
)
@click.pass_context
def show(ctx: click.Context, code: str, as_json: bool, notation: str | None, langs: tuple[str, ...]) -> None:
    """Show one point: CODE in any notation or name (LI4, li-4, UB23, SJ5, Du20,
    V23, E36, MP6, KS6, Hegu, hégǔ, 合谷, 腎俞, 합곡, ごうこく, "hop coc", Yintang, 人中,
    TARA_0913913)."""
    stored = _stored(ctx) if as_json and notation is None and not langs else None
    record = stored.point_record(code) if stored is not None else None
    if record is not None:
        echo_json(record)
        return
    atlas = _atlas(ctx)
    try:
        point = atlas.resolve(code, notation=notation)
    except UnknownPointError as error:
        _fail(f"no point {shorten(code)}" + (f" ({error.hint})" if error.hint else ""), error.suggestions)
    except AmbiguousPointError as error:
        _fail(f"{shorten(code)} names several points: {', '.join(error.matches)}; give a code", error.matches)
    if as_json:
        echo_json(only_langs(atlas.point_record(point.code), langs))
        return
    click.echo("\n".join(_describe(atlas, point, langs)))
    click.echo(DISCLAIMER)


@main.command()
@click.argument("code")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def meridian(ctx: click.Context, code: str, as_json: bool) -> None:
    """Show a meridian and its points: CODE such as LU, BL (or UB), TE (or SJ)."""
    atlas = _atlas(ctx)
    try:
        found = atlas.meridian(code)
    except UnknownMeridianError as error:
        _fail(f"no meridian {shorten(code)}", error.suggestions)
    members = atlas.points(found.code)
    if as_json:
        echo_json({**found.model_dump(mode="json"), "points": [p.code for p in members]})
        return
    click.echo(f"{found.code}  {found.english}  {found.pinyin}  {found.hanzi}")
    for line in name_lines(found.readings):
        click.echo(f"  {line}")
    for point in members:
        click.echo(f"  {point.code:<5} {_pad(point.hanzi, 10)} {point.pinyin:<16} {point.english}")


_WARNING_SHORT = {
    "Traditionally forbidden in pregnancy": "pregnancy: forbidden",
    "Pregnancy: use with caution": "pregnancy: caution",
    "Caution in pregnancy": "pregnancy: caution",
    "Needling forbidden": "no needling",
    "Deep structure": "deep",
    "Moxibustion forbidden": "no moxa",
    "Moxibustion caution": "moxa: caution",
}


def _short_warning(text: str) -> str:
    for prefix, short in _WARNING_SHORT.items():
        if text.startswith(prefix):
            if short == "deep":
                return text.split(":", 1)[0].replace("Deep structure (", "deep: ").rstrip(")")
            return short
    return text.split(":", 1)[0]


@main.command()
@click.argument("complaint")
@click.option("--pregnant", is_flag=True, help="Exclude points traditionally forbidden in pregnancy.")
@click.option("--level", help="Vertebral level of the pain, e.g. L4 (narrows segmental points).")
@click.option(
    "--limit",
    type=int,
    help=f"At most N candidates (0: all; up to {MAX_LIMIT}). Default: 12 in a table, all in JSON.",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def candidates(
    ctx: click.Context, complaint: str, pregnant: bool, level: str | None, limit: int | None, as_json: bool
) -> None:
    """Candidate points for a COMPLAINT ("low back pain", "lumbago", 腰痛, "period pain"),
    each with its role, reasons, sources and warnings."""
    check_limit(limit)  # as the API and HTTP API check it
    if as_json:
        from ._arguments import check_level

        stored = _stored(ctx)
        record = (
            stored.candidates_record(complaint, pregnant=pregnant, level=check_level(level), limit=limit)
            if stored is not None
            else None
        )
        if record is not None:
            echo_json(record)
            return
    atlas = _atlas(ctx)
    try:
        if as_json:
            echo_json(atlas.candidates_record(complaint, pregnant=pregnant, level=level, limit=limit))
            return
        answer = atlas.candidates(complaint, pregnant=pregnant, level=level)
    except UnknownComplaintError as error:
        _fail(f"no complaint {shorten(complaint)}", error.suggestions)
    level = answer.level
    shown = answer.limited(12 if limit is None else limit)
    from rich.console import Console
    from rich.table import Table

    console = Console(highlight=False, soft_wrap=False)
    for line in answer_preamble(atlas, answer):
        console.print(line, markup=False)
    title = (
        f"{answer.complaint.label}"
        + (" (pregnant)" if pregnant else "")
        + (f", level {level}" if level else "")
    )
    table = Table(title=title, title_justify="left", show_lines=False, expand=False)
    for column in ("#", "code", "pinyin", "hanzi", "role", "why", "warnings"):
        table.add_column(column, overflow="fold")
    for candidate in shown.candidates:
        point = candidate.point
        why = "; ".join(r.text for r in candidate.reasons if r.rule != "indication")
        warnings = ", ".join(dict.fromkeys(_short_warning(w) for w in candidate.warnings))
        table.add_row(
            str(candidate.rank), point.code, point.pinyin, point.hanzi, candidate.role, why, warnings
        )
    console.print(table)
    hidden = len(answer.candidates) - len(shown.candidates)
    if hidden:
        console.print(f"{hidden} more: --limit 0 shows all.")
    for excluded in answer.excluded:
        console.print(
            f"Excluded {excluded.point.code} {excluded.point.pinyin} {excluded.point.hanzi}: {excluded.why}"
        )
    keys = dict.fromkeys(key for c in shown.candidates for key in c.sources)
    if keys:
        console.print("Sources:")
        for key in keys:
            citation = atlas.source(key).citation
            console.print(f"  {key}: {citation if len(citation) < 100 else citation[:97] + '...'}")
    for note in answer.notes:
        console.print(f"Note: {note}")
    console.print(DISCLAIMER)


@main.command()
@click.argument("text")
@click.option("--limit", type=int, default=10, show_default=True, help=f"At most N results (to {MAX_LIMIT}).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def search(ctx: click.Context, text: str, limit: int, as_json: bool) -> None:
    """Fuzzy search for points by code, pinyin (with or without tones), hanzi, English, alias,
    or a Korean, Japanese or Vietnamese reading (합곡, hapgok, ごうこく, "hop coc")."""
    matches = _atlas(ctx).search(text, limit=limit)
    if as_json:
        echo_json([m.as_dict() for m in matches])
    else:
        for match in matches:
            p = match.point
            click.echo(
                f"{p.code:<7} {p.pinyin:<16} {_pad(p.hanzi, 8)} {p.english:<28} ({match.field}: {match.text})"
            )
    if not matches:
        click.echo(f"acupoints: nothing like {shorten(text)}", err=True)
        sys.exit(1)


def _pad(text: str, width: int) -> str:
    """Pad text to a terminal width, counting CJK characters as two columns."""
    import unicodedata

    used = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    return text + " " * max(0, width - used)


@main.command(name="complaints")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def complaints_command(ctx: click.Context, as_json: bool) -> None:
    """List the complaints and their synonyms."""
    atlas = _atlas(ctx)
    items = atlas.complaints()
    if as_json:
        echo_json([c.model_dump(mode="json", exclude={"rules"}) for c in items])
        return
    for item in items:
        synonyms = ", ".join(item.synonyms[:4])
        click.echo(f"{item.name:<24} {item.label}  {item.hanzi or ''}  ({synonyms})")


@main.command()
@click.argument("name")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def region(ctx: click.Context, name: str, as_json: bool) -> None:
    """Show a body region and the points in it (NAME such as lower-back, knee)."""
    atlas = _atlas(ctx)
    try:
        found = atlas.region(name)
    except UnknownRegionError as error:
        _fail(f"no region {shorten(name)}", error.suggestions)
    members = atlas.points(region=found.name)
    if as_json:
        echo_json({**found.model_dump(mode="json"), "points": [p.code for p in members]})
        return
    click.echo(f"{found.name}  {found.label}" + (f"  (in {found.parent})" if found.parent else ""))
    for point in members:
        click.echo(f"  {point.code:<7} {_pad(point.hanzi, 10)} {point.pinyin:<16} {point.english}")


# commands kept in modules of their own, registered on import
from . import _cli_chart, _cli_data  # noqa: E402, F401
