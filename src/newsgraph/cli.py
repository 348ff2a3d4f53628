"""The ``newsgraph`` command line. Each command is a thin wrapper over an importable function."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from newsgraph import __version__
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


def _default_db() -> str:
    from newsgraph.store import DEFAULT_DB

    return DEFAULT_DB


def _fail(message: str, code: int = 1) -> typer.Exit:
    err.print(f"[bold red]error:[/] {message}")
    return typer.Exit(code)


def _open(db: str) -> Any:
    from newsgraph.store import Store

    return Store(db, read_only=True)


def _emit_json(rows: Iterable[dict[str, Any]]) -> None:
    write = sys.stdout.write
    for row in rows:
        write(json.dumps(row, ensure_ascii=False, default=str) + "\n")


class RateColumn(ProgressColumn):
    """Articles per second."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:,.1f} art/s" if speed else "– art/s", style="cyan")


def _progress(quiet: bool) -> Progress:
    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        RateColumn(),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        console=err,
        disable=quiet,
        transient=False,
    )


# --------------------------------------------------------------------------- ingest
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
) -> None:
    """Read articles, extract actors, places, dates, quotes and events, and store them."""
    from newsgraph.ingest.dates import parse_published
    from newsgraph.jobs import estimate_articles
    from newsgraph.jobs import ingest as run_ingest
    from newsgraph.pipeline import default_workers

    if published is not None and parse_published(published)[0] is None:
        raise _fail(f"--published {published!r} is not a date (use YYYY-MM-DD)", 2)
    if actors_file is not None and not actors_file.is_file():
        raise _fail(f"--actors {actors_file}: no such file", 2)
    n_workers = workers if workers > 0 else default_workers()
    if gazetteer is not None and not gazetteer.is_file():
        raise _fail(f"--gazetteer {gazetteer}: no such file (build one with: newsgraph gazetteer build)", 2)
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
    with _progress(quiet) as bar:
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


# --------------------------------------------------------------------------- reading
@app.command()
def articles(
    db: DbOption = "newsgraph.duckdb",
    limit: Annotated[int | None, typer.Option(help="At most this many.")] = None,
    as_json: JsonOption = False,
) -> None:
    """List stored articles."""
    from newsgraph.store import queries

    with _open(db) as store:
        rows = queries.articles(store.con, limit)
        if as_json:
            _emit_json(rows)
            return
        table = Table("id", "published", "source", "title", "chars", "events", box=None)
        for r in rows:
            table.add_row(
                r["id"], r["published"] or "–", r["source"] or "–", r["title"] or "–",
                str(r["chars"]), str(r["events"]),
            )
        out.print(table)


KIND_STYLES = {
    "person": "bold magenta",
    "organization": "bold cyan",
    "place": "bold green",
    "nationality": "yellow",
    "state": "bold blue",
    "group": "bold cyan",
}


def render_marked(text: str, spans: list[dict[str, Any]]) -> Text:
    """Article text with each mention wrapped as [text]kind, non-overlapping, left to right."""
    rendered = Text()
    pos = 0
    for m in sorted(spans, key=lambda s: (s["start"], -s["end"])):
        if m["start"] < pos:
            continue
        rendered.append(text[pos : m["start"]])
        style = KIND_STYLES.get(m["kind"] or "", "bold")
        rendered.append("[", style="dim")
        rendered.append(text[m["start"] : m["end"]], style=style)
        rendered.append(f"]{m['tag']}", style="dim")
        pos = m["end"]
    rendered.append(text[pos:])
    return rendered


@app.command()
def show(
    article_id: Annotated[str, typer.Argument(help="Article id (a unique prefix is enough).")],
    db: DbOption = "newsgraph.duckdb",
) -> None:
    """Show an article with its mentions marked inline."""
    from newsgraph.store import queries

    with _open(db) as store:
        ids = queries.article_ids_like(store.con, article_id)
        if not ids:
            raise _fail(f"no article {article_id!r} in {db} (list them: newsgraph articles --db {db})")
        if len(ids) > 1 and article_id not in ids:
            raise _fail(f"{article_id!r} is ambiguous: {', '.join(ids)}")
        chosen = article_id if article_id in ids else ids[0]
        result = queries.load_result(store.con, chosen)
    assert result is not None
    a = result.article
    out.print(f"[bold]{a.title or '(untitled)'}[/]")
    meta = " · ".join(
        x for x in (a.id, a.published, a.source, a.url, a.input) if x
    )
    out.print(f"[dim]{meta}[/]\n")
    actors = {x.id: x for x in result.actors}
    spans = []
    for m in result.mentions:
        tag = m.kind or "?"
        actor = actors.get(m.actor_id or "")
        if actor is not None:
            code = " ".join(c for c in (actor.country, actor.sector) if c)
            tag = f"{actor.kind or m.kind}{':' + code if code else ''}"
        spans.append({"start": m.start, "end": m.end, "kind": actor.kind if actor else m.kind, "tag": tag})
    out.print(render_marked(a.text, spans))
    out.print(
        f"\n[dim]{len(result.sentences)} sentences · {len(result.mentions)} mentions · "
        f"{len(result.events)} events · {len(result.quotes)} quotes · {len(result.dates)} dates[/]"
    )


@app.command()
def stats(db: DbOption = "newsgraph.duckdb", as_json: JsonOption = False) -> None:
    """Counts of everything stored: articles, mentions by kind, events by category, failures."""
    from newsgraph.store import queries

    with _open(db) as store:
        s = queries.stats(store.con)
    if as_json:
        print(json.dumps(s, default=str))
        return
    out.print(f"[bold]{db}[/]")
    for key in ("articles", "sentences", "mentions", "actors", "places", "dates", "quotes", "events", "failures", "runs"):
        out.print(f"  {key:<10} {s[key]:>8,}")
    for key, title in (
        ("mentions_by_kind", "mentions by kind"),
        ("events_by_category", "events by category"),
        ("events_by_certainty", "events by certainty"),
        ("top_actors", "top actors"),
        ("top_places", "top places"),
        ("failures_by_kind", "failures by reason"),
    ):
        if s[key]:
            out.print(f"[bold]{title}[/]")
            for name, count in s[key]:
                out.print(f"  {str(name):<40} {count:>6,}")


def _listing(kind: str, db: str, article: str | None, as_json: bool, **kw: Any) -> None:
    from newsgraph.store import queries

    with _open(db) as store:
        rows: Iterator[dict[str, Any]] = getattr(queries, kind)(store.con, article, **kw)
        if as_json:
            _emit_json(rows)
            return
        _print_rows(kind, rows)


def _short(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, dict):
        if "name" in value:
            code = " ".join(str(value.get(k)) for k in ("country", "sector") if value.get(k))
            return f"{value['name']}{' (' + code + ')' if code else ''}"
        if "text" in value:
            return str(value["text"])
    if isinstance(value, list):
        return "; ".join(_short(v) for v in value) or "–"
    return str(value)


LISTING_COLUMNS: dict[str, tuple[str, ...]] = {
    "places": ("article_id", "text", "name", "country", "admin1", "lat", "lon", "feature"),
    "actors": ("article_id", "text", "name", "country", "sector", "kind"),
    "dates": ("article_id", "text", "value", "precision"),
}


def _print_event(ev: dict[str, Any]) -> None:
    head = ev["category"] + (f"/{ev['mode']}" if ev.get("mode") else "")
    date = f"{ev['date'] or '?'} ({ev['date_precision'] or '?'})"
    line = Text()
    line.append(f"{ev['article_id']}  ", style="dim")
    line.append(head, style="bold")
    line.append(f"  {ev['certainty']}", style="yellow" if ev["certainty"] != "asserted" else "green")
    if ev.get("claimed_by"):
        line.append(f" by {_short(ev['claimed_by'])}", style="yellow")
    line.append(f"  {date}", style="dim")
    out.print(line)
    place = f" @ {_short(ev['place'])}" if ev.get("place") else ""
    out.print(f"  {_short(ev['sources'])} → {_short(ev['targets'])}{place}")
    if ev.get("items"):
        out.print(f"  items: {', '.join(ev['items'])}")
    trigger = (ev.get("trigger") or {}).get("text", "")
    out.print(f"  [dim]trigger “{trigger}” · rule {ev.get('rule')}[/]")


def _print_quote(q: dict[str, Any]) -> None:
    speaker = _short(q["speaker"]) if q.get("speaker") else "(speaker unknown)"
    extra = " · ".join(x for x in (q.get("cue"), q.get("channel")) if x)
    out.print(f"[dim]{q['article_id']}[/]  [bold]{speaker}[/] [dim]{q['kind']}{' · ' + extra if extra else ''}[/]")
    out.print(f"  “{q['text']}”")


def _print_rows(kind: str, rows: Iterable[dict[str, Any]]) -> None:
    if kind in ("events", "quotes"):
        show_one = _print_event if kind == "events" else _print_quote
        count = 0
        for row in rows:
            show_one(row)
            count += 1
        err.print(f"[dim]{count} {kind}[/]")
        return
    columns = LISTING_COLUMNS[kind]
    table = Table(*columns, box=None)
    n = 0
    for row in rows:
        table.add_row(*(_short(row.get(c)) for c in columns))
        n += 1
    if n:
        out.print(table)
    err.print(f"[dim]{n} {kind}[/]")


@app.command()
def events(db: DbOption = "newsgraph.duckdb", article: ArticleOption = None, as_json: JsonOption = False) -> None:
    """List coded events (PLOVER) with actors, place, date, certainty and evidence."""
    _listing("events", db, article, as_json)


@app.command()
def quotes(
    db: DbOption = "newsgraph.duckdb",
    article: ArticleOption = None,
    speaker: Annotated[str | None, typer.Option(help="Only quotes whose speaker name contains this.")] = None,
    as_json: JsonOption = False,
) -> None:
    """List quotes with speaker, cue and channel."""
    _listing("quotes", db, article, as_json, speaker=speaker)


@app.command()
def places(db: DbOption = "newsgraph.duckdb", article: ArticleOption = None, as_json: JsonOption = False) -> None:
    """List place mentions with their resolved GeoNames place."""
    _listing("places", db, article, as_json)


@app.command()
def dates(db: DbOption = "newsgraph.duckdb", article: ArticleOption = None, as_json: JsonOption = False) -> None:
    """List date expressions resolved against the publication date."""
    _listing("dates", db, article, as_json)


@actors_app.callback()
def actors(
    ctx: typer.Context,
    db: DbOption = "newsgraph.duckdb",
    article: ArticleOption = None,
    as_json: JsonOption = False,
) -> None:
    """List actor mentions coded by country and sector (or run a subcommand)."""
    if ctx.invoked_subcommand is None:
        _listing("actors", db, article, as_json)


@actors_app.command("import-wikidata")
def actors_import_wikidata(
    source: Annotated[Path, typer.Argument(help="Local Wikidata extract (JSON lines of entities).")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Dictionary file to write (YAML).")] = Path("actors-wikidata.yaml"),
) -> None:
    """Turn a local Wikidata extract into an actor dictionary with dated positions."""
    try:
        from newsgraph.actors.wikidata import import_wikidata
    except ImportError as exc:
        raise _fail(f"the actors stage is not available in this installation ({exc})") from exc
    if not source.is_file():
        raise _fail(f"{source}: no such file", 2)
    n = import_wikidata(source, output)
    err.print(f"{n} dictionary entries written to {output}; use them with: newsgraph ingest … --actors {output}")


@app.command()
def failures(
    db: DbOption = "newsgraph.duckdb",
    run: Annotated[int | None, typer.Option(help="Only this ingest run.")] = None,
    as_json: JsonOption = False,
) -> None:
    """List inputs that did not become records, with the reason."""
    from newsgraph.store import queries

    with _open(db) as store:
        rows = queries.failures(store.con, run)
        if as_json:
            _emit_json(rows)
            return
        table = Table("run", "input", "stage", "reason", "message", box=None)
        n = 0
        for r in rows:
            table.add_row(str(r["run_id"]), r["input"], r["stage"], r["kind"], r["message"])
            n += 1
        if n:
            out.print(table)
        err.print(f"[dim]{n} failures[/]")


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
        raise _fail(f"the events stage is not available in this installation ({exc})") from exc
    with _open(db) as store:
        result = queries.load_result(store.con, article_id)
    if result is None:
        raise _fail(f"no article {article_id!r} in {db}")
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

    with _open(db) as store:
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


# --------------------------------------------------------------------------- eval
@app.command("eval")
def eval_cmd(
    kind: Annotated[str, typer.Argument(help="plover, cameo, geo, quotes, timex, extraction, ner, or all.")],
    data: Annotated[Path, typer.Option("--data", help="Gold file or folder (for 'all': the eval root).")],
    limit: Annotated[int | None, typer.Option(help="Score only the first N items.")] = None,
    workers: Annotated[int, typer.Option("--workers", "-w", help="Worker processes.")] = 1,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object for scripts.")] = False,
    update_docs: Annotated[
        Path | None, typer.Option(help="With 'all': refresh the results table in this Markdown file.")
    ] = None,
) -> None:
    """Score newsgraph against gold data (see docs/EVALUATION.md)."""
    from newsgraph.evaluate import KINDS

    try:
        from newsgraph.evaluate import runner
    except ImportError as exc:
        raise _fail(f"the evaluation runner is not available ({exc})") from exc
    if kind == "all":
        if not data.exists():
            err.print(f"skipped: no evaluation data at {data}")
            return
        results = runner.run_all(
            data, limit=limit, workers=workers, update_docs=update_docs, echo=lambda m: err.print(m)
        )
        if not as_json:
            for r in results:
                out.print(runner.format_result(r), markup=False)
        if as_json:
            for r in results:
                print(json.dumps(r.to_json(), default=str))
        return
    if kind not in KINDS:
        raise _fail(f"unknown kind {kind!r}; choose from {', '.join(KINDS)}, all", 2)
    if not data.exists():
        err.print(f"skipped: no {kind} gold data at {data} (pass --data PATH)")
        raise typer.Exit(0)
    with _progress(quiet=as_json) as bar:
        task = bar.add_task(f"eval {kind}", total=None)

        def progress(done: int, total: int | None) -> None:
            bar.update(task, completed=done, total=total)

        result = runner.run_kind(kind, data, limit=limit, workers=workers, progress=progress)
    if as_json:
        print(json.dumps(result.to_json(), default=str))
    else:
        out.print(runner.format_result(result), markup=False)


# --------------------------------------------------------------------------- gazetteer
@gazetteer_app.command("build")
def gazetteer_build(
    geonames: Annotated[Path, typer.Option("--geonames", help="allCountries.txt / cities500.txt, or a folder with them and admin codes.")],
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Index file to write (default: gazetteer-geonames.sqlite in the newsgraph cache folder).")] = None,
) -> None:
    """Build the place index from a local GeoNames dump (no download)."""
    try:
        from newsgraph.places.geonames import build_from_geonames
    except ImportError as exc:
        raise _fail(f"the places stage is not available in this installation ({exc})") from exc
    if not geonames.exists():
        raise _fail(f"{geonames}: no such file or folder", 2)
    from newsgraph.places.gazetteer import default_path

    dest = output or default_path().with_name("gazetteer-geonames.sqlite")
    dest.parent.mkdir(parents=True, exist_ok=True)
    n = build_from_geonames(geonames, dest)
    err.print(f"{n:,} places indexed in {dest}; use it with: newsgraph ingest … --gazetteer {dest}")


# --------------------------------------------------------------------------- check
@app.command()
def check() -> None:
    """Check that everything newsgraph needs is installed: [ok] or [FAIL] with the fix."""
    from newsgraph.nlp import STAGES, available_stages, load_model

    ok = True
    try:
        nlp = load_model()
        out.print(f"[green][ok][/]   spaCy model {nlp.meta.get('name')} {nlp.meta.get('version')}")
    except NewsgraphError as exc:
        ok = False
        out.print(f"[red][FAIL][/] spaCy model: {exc}")
    present = available_stages()
    for stage, factory, _module in STAGES:
        if stage in present:
            out.print(f"[green][ok][/]   stage {stage} ({factory})")
        else:
            out.print(f"[yellow][--][/]   stage {stage}: not in this installation")
    if not ok:
        raise typer.Exit(1)


@app.command()
def version() -> None:
    """Print the newsgraph version."""
    out.print(__version__)


def main() -> None:
    try:
        app()
    except NewsgraphError as exc:
        err.print(f"[bold red]error:[/] {exc}")
        sys.exit(1)
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(130)


if __name__ == "__main__":
    main()
