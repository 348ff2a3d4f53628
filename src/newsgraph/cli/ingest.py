"""``newsgraph ingest``: a thin wrapper over :func:`newsgraph.jobs.ingest`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from newsgraph.cli.app import DbOption, app, err, fail
from newsgraph.cli.render import progress


@app.command()
def ingest(
    paths: Annotated[
        list[str],
        typer.Argument(help="Files, folders (recursive), globs, or - for stdin.", show_default=False),
    ],
    db: DbOption = "newsgraph.duckdb",
    published: Annotated[
        str | None,
        typer.Option(help="Publication date (YYYY-MM-DD) for inputs that carry none."),
    ] = None,
    workers: Annotated[
        int, typer.Option("--workers", "-w", help="Worker processes (default: number of cores).")
    ] = 0,
    batch_size: Annotated[int, typer.Option(help="Articles per spaCy batch.")] = 32,
    actors_file: Annotated[
        Path | None,
        typer.Option("--actors", help="Extra actor dictionary (YAML, CSV, JSONL or JSON; see docs/ACTORS.md).", exists=False),
    ] = None,
    gazetteer: Annotated[
        Path | None,
        typer.Option(help="Place index built by `newsgraph gazetteer build` (default: the packaged one).",
                     envvar="NEWSGRAPH_GAZETTEER"),
    ] = None,
    stages: Annotated[
        str | None,
        typer.Option(help="Comma-separated stages to run (default: all): actors,places,times,quotes,events. "
        "Empty string: NLP and mentions only."),
    ] = None,
    nationality_places: Annotated[
        bool,
        typer.Option(
            "--nationality-places",
            help="Also report nationality words ('Canadian') as place mentions of their "
            "country, as gazetteer corpora do (default: they are actors' countries only).",
        ),
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    stories: Annotated[
        bool, typer.Option("--stories/--no-stories", help="Attach the new articles to stories afterwards.")
    ] = True,
) -> None:
    """Read articles, extract actors, places, dates, quotes and events, and store them."""
    from newsgraph.ingest.dates import parse_published
    from newsgraph.jobs import estimate_articles
    from newsgraph.jobs import ingest as run_ingest
    from newsgraph.pipeline import default_workers

    if published is not None and parse_published(published)[0] is None:
        raise fail(f"--published {published!r} is not a date (use YYYY-MM-DD)", 2)
    if actors_file is not None and not actors_file.is_file():
        raise fail(f"--actors {actors_file}: no such file", 2)
    n_workers = workers if workers > 0 else default_workers()
    if gazetteer is not None and not gazetteer.is_file():
        raise fail(f"--gazetteer {gazetteer}: no such file (build one with: newsgraph gazetteer build)", 2)
    config: dict[str, dict[str, Any]] = {}
    if actors_file:
        config["actors"] = {"user_dictionary": str(actors_file)}
    if gazetteer:
        config.setdefault("places", {})["gazetteer_path"] = str(gazetteer)
    if nationality_places:
        config.setdefault("places", {})["nationalities_as_places"] = True
    _note_first_gazetteer_build(gazetteer, stages)
    total = estimate_articles(paths)
    if workers <= 0 and total is not None:
        # Worker processes pay a start-up cost; small inputs go faster in one process.
        n_workers = max(1, min(n_workers, -(-total // batch_size)))
    with progress(quiet) as bar:
        task = bar.add_task("ingest", total=total)
        summary = run_ingest(
            paths,
            db=db,
            published=published,
            workers=n_workers,
            batch_size=batch_size,
            config=config or None,
            stages=None if stages is None else [x.strip() for x in stages.split(",") if x.strip()],
            command="ingest " + " ".join(paths),
            progress=lambda n: bar.advance(task, n),
        )
    rate = summary.stored / summary.seconds if summary.seconds else 0.0
    err.print(
        f"[bold]{summary.stored}[/] articles stored ({summary.new} new, {summary.updated} updated), "
        f"{summary.unchanged} unchanged, [bold]{len(summary.failures)}[/] failed · "
        f"{summary.sentences} sentences, {summary.mentions} mentions, {summary.events} events · "
        f"{summary.seconds:.1f}s ({rate:.1f} articles/s, {n_workers} worker(s)) → {db}"
    )
    for failure in summary.failures[:10]:
        err.print(f"  [red]✗[/] {failure.input}: {failure.message} [dim]({failure.kind})[/]")
    if len(summary.failures) > 10:
        err.print(f"  … and {len(summary.failures) - 10} more: newsgraph failures --db {db}")
    if stories and summary.stored:
        from newsgraph.cli.stories import run_build

        try:
            run_build(db)
        except ImportError as exc:  # datasketch missing from an old installation
            err.print(f"[yellow]stories not built: {exc}; install the pinned requirements[/]")
    if not summary.ok:
        raise typer.Exit(1)


def _note_first_gazetteer_build(gazetteer: Path | None, stages: str | None) -> None:
    """Say so when the places stage is about to build its index (once per machine)."""
    if gazetteer is not None or (stages is not None and "places" not in stages):
        return
    try:
        from newsgraph.places.gazetteer import default_path
    except ImportError:
        return
    if not default_path().exists():
        err.print(
            f"[dim]Building the place index from the packaged GeoNames data into {default_path()} "
            "(once; about a minute)…[/]"
        )
