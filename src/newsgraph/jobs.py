"""The ingest job: read inputs, skip unchanged articles, analyze, store, record the run.

The CLI's ``ingest`` is a thin wrapper over :func:`ingest`; scripts can call it directly.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from newsgraph.ingest import expand_inputs, read_inputs
from newsgraph.pipeline import Analyzer
from newsgraph.records import Article, ArticleResult, Failure
from newsgraph.store import Store

WRITE_BATCH = 64  # articles per store transaction
LOOKUP_BATCH = 256  # articles per "already stored?" lookup


@dataclass
class IngestSummary:
    run_id: int
    inputs: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    failures: list[Failure] = field(default_factory=list)
    sentences: int = 0
    mentions: int = 0
    events: int = 0
    words: int = 0
    seconds: float = 0.0
    stages: list[str] = field(default_factory=list)

    @property
    def stored(self) -> int:
        return self.new + self.updated

    @property
    def ok(self) -> bool:
        """True when anything was ingested (or was already there unchanged)."""
        return (self.new + self.updated + self.unchanged) > 0

    def counts(self) -> dict[str, int]:
        return {
            "inputs": self.inputs,
            "new": self.new,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "failures": len(self.failures),
            "sentences": self.sentences,
            "mentions": self.mentions,
            "events": self.events,
        }


def estimate_articles(paths: Iterable[str]) -> int | None:
    """How many articles the inputs hold (JSON Lines: non-empty lines), for progress; None for stdin."""
    total = 0
    for item in expand_inputs(paths):
        if isinstance(item, Failure):
            continue
        _name, path = item
        if path is None:
            return None
        if path.suffix.lower() in {".jsonl", ".ndjson", ".json"}:
            try:
                with path.open("rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            except OSError:
                total += 1
        else:
            total += 1
    return total


def ingest(
    paths: list[str],
    *,
    db: str | Path,
    published: str | None = None,
    workers: int = 1,
    batch_size: int = 32,
    analyzer: Analyzer | None = None,
    config: dict[str, dict[str, Any]] | None = None,
    stages: list[str] | None = None,
    stdin: BinaryIO | None = None,
    command: str = "ingest",
    progress: Callable[[int], None] | None = None,
) -> IngestSummary:
    """Ingest ``paths`` into the database at ``db``; ``progress(n)`` is called per article."""
    started = time.perf_counter()
    with Store(db) as store:
        run_id = store.start_run(command)
        summary = IngestSummary(run_id=run_id)
        analyzer = analyzer or Analyzer(
            stages=stages, workers=workers, batch_size=batch_size, config=config
        )
        summary.stages = analyzer.stages
        pending_failures: list[Failure] = []
        seen_inputs: set[str] = set()

        def note_failure(failure: Failure) -> None:
            summary.failures.append(failure)
            pending_failures.append(failure)
            if progress is not None and failure.article_id is None:
                progress(1)

        def to_analyze() -> Iterator[Article]:
            chunk: list[Article] = []

            def flush() -> Iterator[Article]:
                known = store.known_hashes(a.id for a in chunk)
                for article in chunk:
                    stored_hash = known.get(article.id)
                    if stored_hash == article.content_hash:
                        summary.unchanged += 1
                        if progress is not None:
                            progress(1)
                        continue
                    if stored_hash is None:
                        summary.new += 1
                    else:
                        summary.updated += 1
                    yield article
                chunk.clear()

            for item in read_inputs(paths, published=published, stdin=stdin):
                seen_inputs.add(_input_name(item.input or ""))
                if isinstance(item, Failure):
                    note_failure(item)
                    continue
                chunk.append(item)
                if len(chunk) >= LOOKUP_BATCH:
                    yield from flush()
            if chunk:
                yield from flush()

        batch: list[ArticleResult] = []
        for item in analyzer.analyze(to_analyze()):
            if isinstance(item, Failure):
                note_failure(item)
                continue
            summary.sentences += len(item.sentences)
            summary.mentions += len(item.mentions)
            summary.events += len(item.events)
            summary.words += len(item.article.text.split())
            batch.append(item)
            if progress is not None:
                progress(1)
            if len(batch) >= WRITE_BATCH:
                store.write_results(batch, run_id=run_id)
                batch = []
            if len(pending_failures) >= WRITE_BATCH:
                store.write_failures(pending_failures, run_id=run_id)
                pending_failures.clear()
        store.write_results(batch, run_id=run_id)
        store.write_failures(pending_failures, run_id=run_id)
        summary.inputs = len(seen_inputs)
        summary.seconds = time.perf_counter() - started
        store.finish_run(run_id, summary.counts(), "done" if summary.ok else "failed")
    return summary


def _input_name(where: str) -> str:
    """The input file of an article or failure ("file.jsonl:12" -> "file.jsonl")."""
    name, sep, line = where.rpartition(":")
    return name if sep and line.isdigit() else where
