"""Throughput and memory of `newsgraph ingest` on a real corpus (default: the BBC set).

Reports, for the same texts and worker count:

- spaCy alone: ``nlp.pipe`` of the base model (the floor no stage can beat);
- the full ingest (read, NLP with every newsgraph stage, store in DuckDB): articles/s,
  words/s, peak RSS of the main process and of the workers, and the ratio to spaCy alone;
- per-stage cost: one process over a sample, each pipeline component timed, as a share of
  the base model's time;
- peak RSS at growing corpus sizes (each size in a fresh process): it must stay flat.

    python benchmarks/bench_ingest.py --corpus ../shared/corpus/bbc [--workers N] [--record docs/PERFORMANCE.md]

Skips with a message (exit 0) when the corpus is absent.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any


def corpus_files(root: Path, limit: int | None = None) -> list[Path]:
    files = sorted(p for p in root.rglob("*.txt") if p.is_file() and not p.name.startswith("."))
    return files[:limit] if limit else files


def peak_rss_mb() -> tuple[float, float]:
    """(this process, largest finished child) peak resident set size in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, kids


def texts_of(files: list[Path]) -> list[str]:
    from newsgraph.ingest import read_inputs
    from newsgraph.records import Article

    return [a.text for a in read_inputs([str(f) for f in files]) if isinstance(a, Article)]


def spacy_alone(texts: list[str], workers: int, batch_size: int) -> float:
    from newsgraph.nlp import load_model

    nlp = load_model()
    start = time.perf_counter()
    for _doc in nlp.pipe(texts, n_process=workers, batch_size=batch_size):
        pass
    return time.perf_counter() - start


def full_ingest(
    files: list[Path], workers: int, batch_size: int, stages: list[str] | None = None
) -> dict[str, Any]:
    from newsgraph.jobs import ingest

    with tempfile.TemporaryDirectory() as tmp:
        summary = ingest(
            [str(f) for f in files],
            db=Path(tmp) / "bench.duckdb",
            workers=workers,
            batch_size=batch_size,
            stages=stages,
            command="bench",
        )
    own, kids = peak_rss_mb()
    return {
        "articles": summary.stored,
        "failures": len(summary.failures),
        "words": summary.words,
        "seconds": summary.seconds,
        "articles_per_s": summary.stored / summary.seconds,
        "words_per_s": summary.words / summary.seconds,
        "peak_rss_main_mb": round(own, 1),
        "peak_rss_worker_mb": round(kids, 1),
        "stages": summary.stages,
        "events": summary.events,
    }


def stage_costs(texts: list[str]) -> dict[str, float]:
    """Seconds per pipeline component over ``texts`` in one process."""
    from newsgraph.pipeline import Analyzer
    from newsgraph.records import Article

    analyzer = Analyzer(workers=1)
    nlp = analyzer.nlp
    totals: dict[str, float] = defaultdict(float)
    docs = [analyzer.make_doc(Article(id=str(i), text=t)) for i, t in enumerate(texts)]
    for name, proc in nlp.pipeline:
        start = time.perf_counter()
        if hasattr(proc, "pipe"):
            docs = list(proc.pipe(docs, batch_size=32))
        else:
            docs = [proc(d) for d in docs]
        totals[name] += time.perf_counter() - start
    return dict(totals)


def rss_at_size(corpus: Path, n: int, workers: int, spine_only: bool = False) -> dict[str, Any]:
    """Run an ingest of the first n files in a fresh process; its timings and peak RSS."""
    cmd = [sys.executable, __file__, "--corpus", str(corpus), "--limit", str(n), "--workers", str(workers), "--only-ingest"]
    if spine_only:
        cmd.append("--spine-only")
    out = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def git_commit() -> str:
    try:
        return subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def record(path: Path, report: dict[str, Any], command: str) -> None:
    ingest = report["ingest"]
    rows = [
        f"### {report['date']} · commit {report['commit']} · {report['workers']} worker(s)",
        "",
        f"Command: `{command}`",
        "",
        "| measure | value |",
        "|---|---|",
        f"| articles (failures) | {ingest['articles']} ({ingest['failures']}) |",
        f"| words | {ingest['words']:,} |",
        f"| spaCy alone (nlp.pipe, same texts and workers) | {report['spacy_seconds']:.1f} s |",
        f"| spine only: read, NLP, mentions, store (no stages) | {report['spine']['seconds']:.1f} s |",
        f"| ratio spine / spaCy alone (target ≤ 1.3) | {report['spine_ratio']:.2f} |",
        f"| full ingest, every stage | {ingest['seconds']:.1f} s |",
        f"| ratio full / spaCy alone | {report['ratio']:.2f} |",
        f"| articles/s (full) | {ingest['articles_per_s']:.1f} |",
        f"| words/s (full) | {ingest['words_per_s']:,.0f} |",
        f"| peak RSS main / worker | {ingest['peak_rss_main_mb']:.0f} MB / {ingest['peak_rss_worker_mb']:.0f} MB |",
        f"| stages | {', '.join(ingest['stages']) or '(none)'} |",
        "",
        f"Per-component time over a sample of {report['stage_sample']} articles, one process "
        "(share of the base model's own components):",
        "",
        "| component | seconds | share of base model |",
        "|---|---|---|",
    ]
    for name, secs in report["stage_costs"].items():
        rows.append(f"| {name} | {secs:.2f} | {report['stage_shares'][name]:.1%} |")
    if report.get("scaling"):
        rows += ["", "Peak RSS by corpus size (fresh process each):", "", "| articles | main MB | worker MB |", "|---|---|---|"]
        for s in report["scaling"]:
            rows.append(f"| {s['articles']} | {s['peak_rss_main_mb']:.0f} | {s['peak_rss_worker_mb']:.0f} |")
    text = path.read_text() if path.exists() else "# Performance\n"
    marker = "<!-- bench-results -->"
    block = "\n".join(rows) + "\n"
    if marker in text:
        text = text.replace(marker, marker + "\n\n" + block, 1)
    else:
        text = text.rstrip() + "\n\n" + marker + "\n\n" + block
    path.write_text(text)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=Path("../shared/corpus/bbc"))
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--limit", type=int, default=None, help="Only the first N files.")
    parser.add_argument("--stage-sample", type=int, default=200, help="Articles for per-stage timing.")
    parser.add_argument("--no-scaling", action="store_true", help="Skip the RSS-by-size runs.")
    parser.add_argument("--only-ingest", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--spine-only", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--record", type=Path, default=None, help="Append the results to this Markdown file.")
    args = parser.parse_args()

    if not args.corpus.is_dir():
        print(f"skipped: no corpus at {args.corpus} (pass --corpus PATH)", file=sys.stderr)
        return 0
    files = corpus_files(args.corpus, args.limit)
    if not files:
        print(f"skipped: no .txt files under {args.corpus}", file=sys.stderr)
        return 0
    if args.only_ingest:
        stages: list[str] | None = [] if args.spine_only else None
        print(json.dumps(full_ingest(files, args.workers, args.batch_size, stages)))
        return 0

    print(f"{len(files)} files, {args.workers} worker(s)", file=sys.stderr)
    texts = texts_of(files)
    spacy_s = spacy_alone(texts, args.workers, args.batch_size)
    print(f"spaCy alone: {spacy_s:.1f}s", file=sys.stderr)
    spine = rss_at_size(args.corpus, len(files), args.workers, spine_only=True)
    print(f"spine only (no stages): {spine['seconds']:.1f}s", file=sys.stderr)
    ingest = rss_at_size(args.corpus, len(files), args.workers)
    print(f"full ingest: {ingest['seconds']:.1f}s", file=sys.stderr)
    sample = texts[: args.stage_sample]
    costs = stage_costs(sample)
    base = sum(v for k, v in costs.items() if not k.startswith("newsgraph_")) or 1.0
    scaling = []
    if not args.no_scaling:
        for n in sorted({max(1, len(files) // 4), max(1, len(files) // 2)}):
            scaling.append(rss_at_size(args.corpus, n, args.workers))
        scaling.append(ingest)
    report = {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d"),
        "commit": git_commit(),
        "workers": args.workers,
        "files": len(files),
        "spacy_seconds": spacy_s,
        "ingest": ingest,
        "spine": spine,
        "ratio": ingest["seconds"] / spacy_s,
        "spine_ratio": spine["seconds"] / spacy_s,
        "stage_sample": len(sample),
        "stage_costs": costs,
        "stage_shares": {k: v / base for k, v in costs.items()},
        "scaling": scaling,
    }
    print(json.dumps(report, indent=2))
    if args.record:
        command = "python benchmarks/bench_ingest.py " + " ".join(sys.argv[1:])
        record(args.record, report, command)
        print(f"recorded in {args.record}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
