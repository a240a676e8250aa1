"""``acupoints chart``: a body chart as standalone SVG on stdout (or into a file)."""

from __future__ import annotations

from pathlib import Path

import click

from .cli import _atlas, main

__all__ = ["chart"]


@main.command()
@click.argument("codes", nargs=-1)
@click.option("--meridian", help="Chart a meridian's points in order, joined.")
@click.option("--complaint", help="Chart a complaint's candidate points, coloured by role.")
@click.option("--pregnant", is_flag=True, help="With --complaint: the answer for pregnancy.")
@click.option("--view", help="A view by name, e.g. front, back, side, arm-front, hand-back, head-top.")
@click.option(
    "--link", default="#{code}", show_default=True, help="Link pattern of each marker; {code} is replaced."
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write the SVG to a file."
)
@click.pass_context
def chart(
    ctx: click.Context,
    codes: tuple[str, ...],
    meridian: str | None,
    complaint: str | None,
    pregnant: bool,
    view: str | None,
    link: str,
    output: Path | None,
) -> None:
    """Draw a point (its close-up with the measuring line), several points, a meridian or a complaint.

    \b
    acupoints chart PC6 > pc6.svg
    acupoints chart --meridian LU --view front
    acupoints chart --complaint "low back pain" -o lbp.svg
    """
    from .body.render import render_chart
    from .body.views import VIEWS

    if not codes and meridian is None and complaint is None:
        raise click.UsageError("give point codes, --meridian or --complaint")
    if view is not None and view not in VIEWS:
        raise click.BadParameter(f"unknown view {view!r}; views: {', '.join(VIEWS)}", param_hint="--view")
    atlas = _atlas(ctx)
    svg = render_chart(
        atlas, codes, meridian=meridian, complaint=complaint, pregnant=pregnant, view=view, link=link or None
    )
    if output is not None:
        output.write_text(svg + "\n", encoding="utf-8")
    else:
        click.echo(svg)
