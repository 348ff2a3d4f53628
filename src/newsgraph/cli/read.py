"""The read commands: listings, show, stats, explain, export, migrate.

Each is a thin wrapper: rows from the query layer (:func:`newsgraph.store.queries.select`),
printed by a renderer (:mod:`newsgraph.cli.render`) as text or, with ``--json``, JSON Lines.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from newsgraph.cli.app import (
    ArticleOption,
    DbOption,
    JsonOption,
    actors_app,
    app,
    err,
    fail,
    open_store,
    out,
)
from newsgraph.cli.render import (
    emit_json,
    print_article,
    print_articles,
    print_failures,
    print_rows,
    print_stats,
)
from newsgraph.errors import NewsgraphError
from newsgraph.records import ArticleResult


def listing(kind: str, db: str, as_json: bool, **filters: Any) -> None:
    """Rows of one kind from the database at ``db``, as JSON Lines or as text."""
    from newsgraph.store.queries import select

    with open_store(db) as store:
        rows = select(store.con, kind, filters)
        if as_json:
            emit_json(rows)
            return
        print_rows(kind, rows)


def load_article(con: Any, article_id: str, db: str) -> ArticleResult:
    """The stored records of the article ``article_id`` names (a unique prefix is enough)."""
    from newsgraph.store import queries

    ids = queries.article_ids_like(con, article_id)
    if not ids:
        raise NewsgraphError(f"no article {article_id!r} in {db} (list them: newsgraph articles --db {db})")
    if len(ids) > 1 and article_id not in ids:
        raise NewsgraphError(f"{article_id!r} is ambiguous: {', '.join(ids)}")
    result = queries.load_result(con, article_id if article_id in ids else ids[0])
    assert result is not None
    return result


@app.command()
def articles(
    db: DbOption = "newsgraph.duckdb",
    limit: Annotated[int | None, typer.Option(help="At most this many.")] = None,
    as_json: JsonOption = False,
) -> None:
    """List stored articles."""
    from newsgraph.store import queries

    with open_store(db) as store:
        rows = queries.articles(store.con, limit)
        if as_json:
            emit_json(rows)
            return
        print_articles(rows)


@app.command()
def show(
    article_id: Annotated[str, typer.Argument(help="Article id (a unique prefix is enough).")],
    db: DbOption = "newsgraph.duckdb",
) -> None:
    """Show an article with its mentions marked inline."""
    with open_store(db) as store:
        try:
            result = load_article(store.con, article_id, db)
        except NewsgraphError as exc:
            raise fail(str(exc)) from None
    print_article(result)


@app.command()
def stats(db: DbOption = "newsgraph.duckdb", as_json: JsonOption = False) -> None:
    """Counts of everything stored: articles, mentions by kind, events by category, failures."""
    from newsgraph.store import queries

    with open_store(db) as store:
        s = queries.stats(store.con)
    if as_json:
        print(json.dumps(s, default=str))
        return
    print_stats(db, s)


@app.command()
def events(db: DbOption = "newsgraph.duckdb", article: ArticleOption = None, as_json: JsonOption = False) -> None:
    """List coded events (PLOVER) with actors, place, date, certainty and evidence."""
    listing("events", db, as_json, article=article)


@app.command()
def quotes(
    db: DbOption = "newsgraph.duckdb",
    article: ArticleOption = None,
    speaker: Annotated[str | None, typer.Option(help="Only quotes whose speaker name contains this.")] = None,
    as_json: JsonOption = False,
) -> None:
    """List quotes with speaker, cue and channel."""
    listing("quotes", db, as_json, article=article, speaker=speaker)


@app.command()
def places(db: DbOption = "newsgraph.duckdb", article: ArticleOption = None, as_json: JsonOption = False) -> None:
    """List place mentions with their resolved GeoNames place."""
    listing("places", db, as_json, article=article)


@app.command()
def dates(db: DbOption = "newsgraph.duckdb", article: ArticleOption = None, as_json: JsonOption = False) -> None:
    """List date expressions resolved against the publication date."""
    listing("dates", db, as_json, article=article)


@actors_app.callback()
def actors(
    ctx: typer.Context,
    db: DbOption = "newsgraph.duckdb",
    article: ArticleOption = None,
    as_json: JsonOption = False,
) -> None:
    """List actor mentions coded by country and sector (or run a subcommand)."""
    if ctx.invoked_subcommand is None:
        listing("actors", db, as_json, article=article)


@app.command()
def failures(
    db: DbOption = "newsgraph.duckdb",
    run: Annotated[int | None, typer.Option(help="Only this ingest run.")] = None,
    as_json: JsonOption = False,
) -> None:
    """List inputs that did not become records, with the reason."""
    from newsgraph.store import queries

    with open_store(db) as store:
        rows = queries.failures(store.con, run)
        if as_json:
            emit_json(rows)
            return
        print_failures(rows)


@app.command()
def explain(
    article_id: Annotated[str, typer.Argument(help="Article id.")],
    db: DbOption = "newsgraph.duckdb",
) -> None:
    """Per event: the sentence with trigger, source and target marked, and why it was coded."""
    from newsgraph.store import queries

    try:
        from newsgraph.events.explain import explain_doc
    except ImportError as exc:
        raise fail(f"the events stage is not available in this installation ({exc})") from exc
    with open_store(db) as store:
        result = queries.load_result(store.con, article_id)
    if result is None:
        raise fail(f"no article {article_id!r} in {db}")
    out.print(explain_doc(result), markup=False)


@app.command()
def export(
    out_path: Annotated[Path, typer.Argument(help="Folder for table files, or the file for --format cameo.")],
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="parquet, csv, jsonl (one file per table) or cameo (events TSV).")
    ] = "parquet",
    table: Annotated[list[str] | None, typer.Option("--table", "-t", help="Only these tables (repeatable).")] = None,
    db: DbOption = "newsgraph.duckdb",
) -> None:
    """Export the store: every table as Parquet/CSV/JSON Lines, or events as a CAMEO-style TSV."""
    from newsgraph.store.export import TABLES, export_cameo, export_tables

    with open_store(db) as store:
        if fmt == "cameo":
            n = export_cameo(store.con, out_path)
            err.print(f"{n} events written to {out_path}")
            return
        written = export_tables(store.con, out_path, fmt, table or TABLES)
    err.print(f"{len(written)} files written to {out_path}")


@app.command()
def migrate(db: DbOption = "newsgraph.duckdb") -> None:
    """Bring a database to the current schema version."""
    from newsgraph.store import Store

    with Store(db) as store:
        err.print(f"{db}: schema version {store.schema_version()}")
