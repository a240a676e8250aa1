"""The commands about the data as a whole: ``export``, ``check`` and ``serve``."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ._output import ascii_only, echo_json, write_bytes
from .cli import _atlas, _stored, main
from .errors import AcupointsError

__all__ = ["MAX_INDENT", "check", "export", "serve"]

MAX_INDENT = 8
"""The widest JSON indentation ``export --indent`` accepts."""


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option(
    "--cors-origin",
    "cors_origins",
    multiple=True,
    default=("*",),
    show_default=True,
    help="Origin whose web pages may read the API (repeat for several); '*' allows any.",
)
@click.option(
    "--max-connections",
    type=click.IntRange(1, 10_000),
    default=256,
    show_default=True,
    help="Concurrent connections before new ones get 503.",
)
@click.option("--docs", is_flag=True, help="Also serve interactive docs at /docs (loads scripts from a CDN).")
@click.pass_context
def serve(
    ctx: click.Context, host: str, port: int, cors_origins: tuple[str, ...], max_connections: int, docs: bool
) -> None:
    """Serve the read-only HTTP API (needs the 'server' extra)."""
    try:
        import uvicorn

        from .server import create_app
    except ImportError as error:
        click.echo(
            f"acupoints serve needs FastAPI and uvicorn: pip install 'acupoints[server]' ({error})", err=True
        )
        sys.exit(2)
    app = create_app(_atlas(ctx), cors_origins=cors_origins, docs=docs)
    from ._http import server_options

    uvicorn.run(app, **server_options(host, port, max_connections))


@main.command()
@click.option(
    "--indent",
    type=click.IntRange(0, MAX_INDENT),
    default=2,
    show_default=True,
    help=f"JSON indentation, 0 to {MAX_INDENT}; 0 for one line.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="Write to this file (UTF-8) instead of stdout.",
)
@click.pass_context
def export(ctx: click.Context, indent: int, output: Path | None) -> None:
    """Print the whole atlas as JSON: meridians, vessels, points, regions, sources, complaints."""
    if indent == 2 and ctx.find_root().params.get("data") is None:
        from ._stored import shipped_export

        rendered = shipped_export()
        if rendered is not None and (output is not None or not ascii_only()):
            write_bytes(rendered, output)
            return
    stored = _stored(ctx)
    if stored is not None:
        data = stored.export_data()
    else:
        from .export import export_data

        data = export_data(_atlas(ctx))
    if output is None:
        echo_json(data, indent=indent or None)
        return
    text = json.dumps(data, ensure_ascii=False, indent=indent or None) + "\n"
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as error:
        click.echo(f"acupoints: cannot write {output}: {error.strerror}", err=True)
        sys.exit(2)


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def check(ctx: click.Context, as_json: bool) -> None:
    """Check the data folder, including name readings (needs the 'check' extra)."""
    from ._default import data_folder

    folder = ctx.find_root().params.get("data") or data_folder()
    try:
        from .check import check_folder

        problems = check_folder(Path(folder))
    except ImportError as error:
        click.echo(
            "acupoints check needs pypinyin, opencc, cn2vn, jaconv and korean-romanizer: "
            f"pip install 'acupoints[check]' ({error})",
            err=True,
        )
        sys.exit(2)
    except AcupointsError as error:
        click.echo(str(error), err=True)
        sys.exit(1)
    except FileNotFoundError as error:  # the Unihan database (Debian's unicode-data)
        click.echo(f"acupoints check: {error}", err=True)
        sys.exit(2)
    if as_json:
        echo_json(
            [{"file": p.file, "point": p.point, "field": p.field, "message": p.message} for p in problems]
        )
    else:
        for problem in problems:
            click.echo(str(problem))
        click.echo(f"{len(problems)} problem(s)")
    sys.exit(1 if problems else 0)
