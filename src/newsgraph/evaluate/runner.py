"""Run the scorers: one kind (``run_kind``), every kind whose data exists (``run_all``).

Also the helpers the scorers share: running articles through an :class:`Analyzer`
(``analyze_articles``), reading the data tables of this package (``read_table``) and
per-class scoring (``class_scores``).

Without the CLI::

    python -m newsgraph.evaluate.runner plover --data EVAL_ROOT/plover_gsr --split tune --limit 20
    python -m newsgraph.evaluate.runner all --data EVAL_ROOT --update-docs docs/EVALUATION.md

(``--split tune|check|all``, default ``all``; ``all --update-docs`` scores tune and check.)

(``EVAL_ROOT``: the folder holding the gold sets; `make eval` passes its own.)
"""

from __future__ import annotations

import argparse
import csv
import importlib
import json
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsgraph.errors import NewsgraphError
from newsgraph.evaluate import KINDS
from newsgraph.evaluate.common import EvalResult, prf, safe_div
from newsgraph.evaluate.split import SPLITS
from newsgraph.evaluate.table import (  # noqa: F401 - re-exported: the runner is the entry point
    FIXED_METRICS,
    TABLE_END,
    TABLE_START,
    command_for,
    fmt,
    gap_table,
    git_commit,
    results_table,
    update_table,
)
from newsgraph.records import Article, ArticleResult, Failure

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from newsgraph.pipeline import Analyzer

DATA_DIR = Path(__file__).parent / "data"

Progress = Callable[[int, int | None], None]

# Where each kind's gold data lies under an eval root (the folder given as --data).
DEFAULT_PATHS: dict[str, str] = {
    "plover": "plover_gsr",
    "cameo": "cameo_conflibert",
    "geo": "geoparsing",
    "quotes": "polnear/dev",
    "timex": "tempeval3",
    "extraction": "article_extraction",
    "ner": "conll2003/eng.testa",
    "stories": "news_cluster",
}



# --------------------------------------------------------------------------- helpers


def read_table(name: str) -> list[dict[str, str]]:
    """Rows of a CSV data file of this package (``evaluate/data/NAME``)."""
    path = DATA_DIR / name
    with path.open(encoding="utf-8", newline="") as fh:
        return [dict(row) for row in csv.DictReader(fh)]


def make_analyzer(workers: int = 1) -> Analyzer:
    from newsgraph.pipeline import Analyzer

    return Analyzer(workers=workers)


def analyze_articles(
    articles: list[Article],
    analyzer: Analyzer | None,
    *,
    progress: Progress | None = None,
    on_doc: Callable[[Doc], None] | None = None,
) -> tuple[dict[str, ArticleResult], list[Failure]]:
    """Run ``articles`` through the pipeline: results by article id, and the failures."""
    if analyzer is None:
        analyzer = make_analyzer(1)
    results: dict[str, ArticleResult] = {}
    failures: list[Failure] = []
    total = len(articles)
    done = 0
    for item in analyzer.analyze(articles, on_doc=on_doc):
        if isinstance(item, Failure):
            failures.append(item)
            continue
        results[item.article.id] = item
        done += 1
        if progress is not None:
            progress(done, total)
    return results, failures


def failure_details(failures: list[Failure]) -> dict[str, Any]:
    kinds = Counter(f"{f.stage}:{f.kind}" for f in failures)
    return {
        "failures": len(failures),
        "failure_kinds": dict(kinds),
        "failure_samples": [f.message for f in failures[:3]],
    }


def class_scores(
    pairs: Iterable[tuple[set[str], set[str]]],
) -> tuple[dict[str, dict[str, float]], float]:
    """Per-class P/R/F1 from (gold set, predicted set) pairs, and the macro-F1.

    Every class present in the gold or the predictions counts in the macro average, so a
    class that is predicted but never right pulls the average down.
    """
    tp: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    for gold, pred in pairs:
        for c in gold:
            n_gold[c] += 1
        for c in pred:
            n_pred[c] += 1
            if c in gold:
                tp[c] += 1
    classes = sorted(set(n_gold) | set(n_pred))
    per = {c: {**prf(tp[c], n_pred[c], n_gold[c]), "support": n_gold[c]} for c in classes}
    macro = safe_div(sum(per[c]["f1"] for c in classes), len(classes))
    return per, macro


def check_data(data: Path) -> Path:
    data = Path(data)
    if not data.exists():
        raise NewsgraphError(f"Evaluation data not found: {data}. Pass --data with its path.")
    return data


# --------------------------------------------------------------------------- running


def run_kind(
    kind: str,
    data: Path,
    *,
    limit: int | None = None,
    workers: int = 1,
    progress: Progress | None = None,
    analyzer: Analyzer | None = None,
    split: str = "all",
) -> EvalResult:
    """Score one kind on ``data`` (the gold units of ``split``); the scorer is imported now."""
    module_name = KINDS.get(kind)
    if module_name is None:
        raise NewsgraphError(f"Unknown evaluation kind {kind!r}. Known: {', '.join(KINDS)}.")
    if split not in SPLITS:
        raise NewsgraphError(f"Unknown split {split!r}. Known: {', '.join(SPLITS)}.")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name and module_name.startswith(exc.name):
            raise NewsgraphError(f"The {kind} scorer is not built yet ({module_name}).") from exc
        raise
    data = check_data(Path(data))
    needs_nlp = kind != "extraction"
    if analyzer is None and needs_nlp and workers > 1:
        analyzer = make_analyzer(workers)
    result: EvalResult = module.evaluate(
        data, limit=limit, analyzer=analyzer, progress=progress, split=split
    )
    return result


def format_result(result: EvalResult) -> str:
    """A readable table of the metrics beside the baseline, then the details."""
    split = "" if result.split == "all" else f", {result.split} split"
    lines = [f"## {result.kind}: {result.data} (n={result.n}{split})", ""]
    error = result.details.get("error") if result.details else None
    if error:
        lines.append(f"ERROR: {error}")
        return "\n".join(lines)
    names = list(result.metrics)
    names += [k for k in result.baseline if k not in result.metrics]
    width = max([len(n) for n in names] + [6])
    lines.append(f"| {'metric'.ljust(width)} | newsgraph | baseline |")
    lines.append(f"|{'-' * (width + 2)}|-----------|----------|")
    for name in names:
        ours = fmt(result.metrics.get(name))
        base = fmt(result.baseline.get(name))
        lines.append(f"| {name.ljust(width)} | {ours.rjust(9)} | {base.rjust(8)} |")
    for key, value in (result.details or {}).items():
        lines.append("")
        if isinstance(value, dict) and value and all(isinstance(v, dict) for v in value.values()):
            lines.append(f"{key}:")
            cols = sorted({c for v in value.values() for c in v})
            lines.append("| " + " | ".join(["name", *cols]) + " |")
            lines.append("|" + "---|" * (len(cols) + 1))
            for row_name, row in value.items():
                cells = [fmt(row.get(c)) for c in cols]
                lines.append("| " + " | ".join([str(row_name), *cells]) + " |")
        elif isinstance(value, list):
            lines.append(f"{key}:")
            for item in value[:10]:
                lines.append(f"  - {json.dumps(item, ensure_ascii=False) if not isinstance(item, str) else item}")
        else:
            lines.append(f"{key}: {json.dumps(value, ensure_ascii=False) if isinstance(value, dict) else fmt(value)}")
    return "\n".join(lines)


def run_all(
    root: Path,
    *,
    limit: int | None = None,
    workers: int = 1,
    update_docs: Path | None = None,
    kinds: Iterable[str] | None = None,
    echo: Callable[[str], None] = print,
    splits: Sequence[str] | None = None,
) -> list[EvalResult]:
    """Every kind whose data exists under ``root``, on each of ``splits``; a missing or failing
    scorer is an error row.

    ``splits`` defaults to ``("tune", "check")`` when the docs' table is refreshed (the two
    halves cost one run over the whole set) and to ``("all",)`` otherwise.
    """
    if splits is None:
        splits = ("tune", "check") if update_docs is not None else ("all",)
    root = Path(root)
    results: list[EvalResult] = []
    analyzer: Analyzer | None = None
    for kind in kinds or KINDS:
        path = root / DEFAULT_PATHS.get(kind, kind)
        if not path.exists():
            echo(f"skipping {kind}: no data at {path}")
            continue
        for split in splits:
            echo(f"evaluating {kind} ({split}) on {path} ...")
            try:
                if analyzer is None and kind != "extraction":
                    analyzer = make_analyzer(workers)
                result = run_kind(
                    kind, path, limit=limit, workers=workers, analyzer=analyzer, split=split
                )
            except Exception as exc:  # noqa: BLE001 - one broken scorer must not stop the others
                message = (
                    f"{type(exc).__name__}: {exc}" if not isinstance(exc, NewsgraphError) else str(exc)
                )
                echo(f"  {kind} failed: {message}")
                result = EvalResult(
                    kind=kind, data=str(path), n=0, details={"error": message}, split=split
                )
            results.append(result)
    if update_docs is not None:
        update_table(Path(update_docs), results_table(results, limit=limit))
        echo(f"updated the results table in {update_docs}")
    return results


def iter_limited(items: Iterable[Any], limit: int | None) -> Iterator[Any]:
    for i, item in enumerate(items):
        if limit is not None and i >= limit:
            return
        yield item


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newsgraph.evaluate.runner")
    parser.add_argument("kind", help=f"one of {', '.join(KINDS)}, or all")
    parser.add_argument("--data", required=True, type=Path)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--update-docs", type=Path, default=None)
    parser.add_argument(
        "--split", choices=SPLITS, default=None,
        help="gold units scored (default: all; for 'all --update-docs': tune and check)",
    )
    args = parser.parse_args(argv)
    try:
        if args.kind == "all":
            results = run_all(
                args.data, limit=args.limit, workers=args.workers, update_docs=args.update_docs,
                splits=None if args.split is None else (args.split,),
            )
        else:
            results = [run_kind(args.kind, args.data, limit=args.limit, workers=args.workers,
                                split=args.split or "all")]
    except NewsgraphError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for result in results:
        if args.json:
            print(json.dumps(result.to_json(), ensure_ascii=False))
        else:
            print(format_result(result))
            print()
    gaps = gap_table(results)
    if gaps and not args.json:
        print(gaps)
    return 0


if __name__ == "__main__":
    sys.exit(main())
