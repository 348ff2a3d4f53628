"""The commands that do not read the store: eval, gazetteer build, actors import-wikidata,
check, version."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from newsgraph import __version__
from newsgraph.cli.app import actors_app, app, err, fail, gazetteer_app, out
from newsgraph.cli.render import progress
from newsgraph.errors import NewsgraphError


@actors_app.command("import-wikidata")
def actors_import_wikidata(
    source: Annotated[Path, typer.Argument(help="Local Wikidata extract (JSON lines of entities).")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Dictionary file to write (YAML).")] = Path("actors-wikidata.yaml"),
) -> None:
    """Turn a local Wikidata extract into an actor dictionary with dated positions."""
    try:
        from newsgraph.actors.wikidata import import_wikidata
    except ImportError as exc:
        raise fail(f"the actors stage is not available in this installation ({exc})") from exc
    if not source.is_file():
        raise fail(f"{source}: no such file", 2)
    n = import_wikidata(source, output)
    err.print(f"{n} dictionary entries written to {output}; use them with: newsgraph ingest … --actors {output}")


@app.command("eval")
def eval_cmd(
    kind: Annotated[str, typer.Argument(help="plover, cameo, geo, quotes, timex, extraction, ner, or all.")],
    data: Annotated[Path, typer.Option("--data", help="Gold file or folder (for 'all': the eval root).")],
    limit: Annotated[int | None, typer.Option(help="Score only the first N items.")] = None,
    split: Annotated[
        str | None,
        typer.Option(
            help="Gold units to score: tune, check or all (default all; with 'all --update-docs':"
            " tune and check). Read errors on tune only."
        ),
    ] = None,
    workers: Annotated[int, typer.Option("--workers", "-w", help="Worker processes.")] = 1,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object for scripts.")] = False,
    update_docs: Annotated[
        Path | None, typer.Option(help="With 'all': refresh the results table in this Markdown file.")
    ] = None,
) -> None:
    """Score newsgraph against gold data (see docs/EVALUATION.md)."""
    from newsgraph.evaluate import KINDS
    from newsgraph.evaluate.split import SPLITS

    if split is not None and split not in SPLITS:
        raise fail(f"unknown split {split!r}; choose from {', '.join(SPLITS)}", 2)
    try:
        from newsgraph.evaluate import runner
    except ImportError as exc:
        raise fail(f"the evaluation runner is not available ({exc})") from exc
    if kind == "all":
        if not data.exists():
            err.print(f"skipped: no evaluation data at {data}")
            return
        results = runner.run_all(
            data, limit=limit, workers=workers, update_docs=update_docs,
            echo=lambda m: err.print(m), splits=None if split is None else (split,),
        )
        if not as_json:
            for r in results:
                out.print(runner.format_result(r), markup=False)
            gaps = runner.gap_table(results)
            if gaps:
                out.print(gaps, markup=False)
        if as_json:
            for r in results:
                print(json.dumps(r.to_json(), default=str))
        return
    if kind not in KINDS:
        raise fail(f"unknown kind {kind!r}; choose from {', '.join(KINDS)}, all", 2)
    if not data.exists():
        err.print(f"skipped: no {kind} gold data at {data} (pass --data PATH)")
        raise typer.Exit(0)
    with progress(quiet=as_json) as bar:
        task = bar.add_task(f"eval {kind}", total=None)

        def advance(done: int, total: int | None) -> None:
            bar.update(task, completed=done, total=total)

        result = runner.run_kind(
            kind, data, limit=limit, workers=workers, progress=advance, split=split or "all"
        )
    if as_json:
        print(json.dumps(result.to_json(), default=str))
    else:
        out.print(runner.format_result(result), markup=False)


@gazetteer_app.command("build")
def gazetteer_build(
    geonames: Annotated[Path, typer.Option("--geonames", help="allCountries.txt / cities500.txt, or a folder with them and admin codes.")],
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Index file to write (default: gazetteer-geonames.sqlite in the newsgraph cache folder).")] = None,
) -> None:
    """Build the place index from a local GeoNames dump (no download)."""
    try:
        from newsgraph.places.geonames import build_from_geonames
    except ImportError as exc:
        raise fail(f"the places stage is not available in this installation ({exc})") from exc
    if not geonames.exists():
        raise fail(f"{geonames}: no such file or folder", 2)
    from newsgraph.places.gazetteer import default_path

    dest = output or default_path().with_name("gazetteer-geonames.sqlite")
    dest.parent.mkdir(parents=True, exist_ok=True)
    n = build_from_geonames(geonames, dest)
    err.print(f"{n:,} places indexed in {dest}; use it with: newsgraph ingest … --gazetteer {dest}")


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
