"""The Typer applications, the two consoles and the options every read command shares."""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer
from rich.console import Console

from newsgraph.errors import NewsgraphError

app = typer.Typer(
    name="newsgraph",
    help="Evidence-linked event data from news articles: who did what to whom, where, when, "
    "according to whom.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
actors_app = typer.Typer(
    help="List coded actor mentions, or manage the actor dictionary.",
    invoke_without_command=True,
)
gazetteer_app = typer.Typer(help="Build the place index from a full GeoNames dump.", no_args_is_help=True)
app.add_typer(actors_app, name="actors")
app.add_typer(gazetteer_app, name="gazetteer")

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False)

DbOption = Annotated[
    str, typer.Option("--db", help="DuckDB database file.", envvar="NEWSGRAPH_DB")
]
ArticleOption = Annotated[
    str | None, typer.Option("--article", "-a", help="Only this article id.")
]
JsonOption = Annotated[bool, typer.Option("--json", help="JSON Lines, one object per record.")]


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print ``error: message`` and return the Exit to raise."""
    err.print(f"[bold red]error:[/] {message}")
    return typer.Exit(code)


def open_store(db: str) -> Any:
    """The database at ``db``, read only."""
    from newsgraph.store import Store

    return Store(db, read_only=True)


def main() -> None:
    try:
        app()
    except NewsgraphError as exc:
        err.print(f"[bold red]error:[/] {exc}")
        sys.exit(1)
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(130)
