"""``newsgraph stories`` (list, ``build``), ``newsgraph story ID`` and ``newsgraph clusters``."""

from __future__ import annotations

from typing import Annotated

import typer

from newsgraph.cli.app import DbOption, JsonOption, app, err, fail, open_store
from newsgraph.cli.render import emit_json, print_clusters, print_stories, print_story

stories_app = typer.Typer(
    help="List stories (articles grouped by the happening they report), or build them.",
    invoke_without_command=True,
)
app.add_typer(stories_app, name="stories")


@stories_app.callback()
def stories(
    ctx: typer.Context,
    db: DbOption = "newsgraph.duckdb",
    min_articles: Annotated[int | None, typer.Option(help="Only stories with at least this many articles.")] = None,
    as_json: JsonOption = False,
) -> None:
    """List stories: id, title, articles, outlets, independent outlets, first and last seen."""
    if ctx.invoked_subcommand is not None:
        return
    from newsgraph.store import queries

    with open_store(db) as store:
        rows = queries.stories(store.con, min_articles)
        if as_json:
            emit_json(rows)
            return
        print_stories(rows)


def run_build(db: str, *, full: bool = False) -> None:
    """Cluster the articles of ``db`` that have no story yet and say what changed."""
    from newsgraph.store import Store
    from newsgraph.stories import build_stories

    with Store(db) as store:
        s = build_stories(store.con, full=full)
    err.print(
        f"stories: {s.articles} articles clustered · {s.stories_new} new stories, "
        f"{s.stories_grown} grown · {s.duplicates} near-duplicates · {s.clusters} event clusters "
        f"({s.cluster_seconds:.2f}s) · {s.seconds:.2f}s"
    )


@stories_app.command("build")
def build(
    db: DbOption = "newsgraph.duckdb",
    full: Annotated[bool, typer.Option("--full", help="Forget every story and cluster all articles again.")] = False,
) -> None:
    """Attach new articles to stories (incremental; `newsgraph ingest` runs it too)."""
    run_build(db, full=full)


@app.command()
def story(
    story_id: Annotated[str, typer.Argument(help="Story id (a unique prefix is enough).")],
    db: DbOption = "newsgraph.duckdb",
    as_json: JsonOption = False,
) -> None:
    """One story as a timeline: its articles, outlets, copies and events."""
    from newsgraph.store import queries

    with open_store(db) as store:
        ids = queries.story_ids_like(store.con, story_id)
        if not ids:
            raise fail(f"no story {story_id!r} in {db} (list them: newsgraph stories --db {db})")
        if len(ids) > 1 and story_id not in ids:
            raise fail(f"{story_id!r} is ambiguous: {', '.join(ids)}")
        row = queries.story(store.con, story_id if story_id in ids else ids[0])
    assert row is not None
    if as_json:
        emit_json([row])
        return
    print_story(row)


@app.command()
def clusters(
    db: DbOption = "newsgraph.duckdb",
    story_id: Annotated[str | None, typer.Option("--story", help="Only the clusters of this story.")] = None,
    min_articles: Annotated[int | None, typer.Option(help="Only clusters reported by this many articles.")] = None,
    as_json: JsonOption = False,
) -> None:
    """Event clusters: one real-world event and every report of it, with conflicting claims."""
    from newsgraph.store import queries

    with open_store(db) as store:
        rows = queries.clusters(store.con, story_id, min_articles)
        if as_json:
            emit_json(rows)
            return
        print_clusters(rows)
