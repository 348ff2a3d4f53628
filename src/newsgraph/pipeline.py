"""Run articles through the NLP pipeline and get records back.

    from newsgraph.pipeline import Analyzer
    from newsgraph.records import Article
    analyzer = Analyzer(workers=1)
    for item in analyzer.analyze([Article(id="a1", text="...", published="2025-04-08")]):
        ...  # ArticleResult, or Failure for an article a stage could not finish

This is the function every command uses (ingest, eval, bench); the CLI adds reading and
storing around it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.docrecords import doc_to_result
from newsgraph.extensions import register_extensions
from newsgraph.nlp import STAGES, build_pipeline
from newsgraph.records import Article, ArticleResult, Failure
from newsgraph.stage import doc_errors

# spaCy's own limit is 1,000,000 characters; longer articles are processed in full up to
# this many characters (a news article is far shorter; this guards memory).
MAX_CHARS = 1_000_000


def default_workers() -> int:
    return max(1, os.cpu_count() or 1)


class Analyzer:
    """A loaded pipeline: articles in, :class:`ArticleResult` (or :class:`Failure`) out."""

    def __init__(
        self,
        *,
        stages: Sequence[str] | None = None,
        workers: int = 1,
        batch_size: int = 32,
        model: str | None = None,
        nlp: Language | None = None,
        config: dict[str, dict[str, Any]] | None = None,
    ) -> None:
        register_extensions()
        self.nlp = build_pipeline(stages, model=model, nlp=nlp, config=config)
        self.workers = max(1, workers)
        self.batch_size = batch_size

    @property
    def stages(self) -> list[str]:
        names = {factory: stage for stage, factory, _module in STAGES}
        return [names[n] for n in self.nlp.pipe_names if n in names]

    def make_doc(self, article: Article) -> Doc:
        doc = self.nlp.make_doc(article.text[:MAX_CHARS])
        doc._.ng_meta = {
            "article_id": article.id,
            "published": article.published,
            "published_precision": article.published_precision,
            "title": article.title,
            "source": article.source,
            "url": article.url,
        }
        return doc

    def analyze(
        self,
        articles: Iterable[Article],
        *,
        on_doc: Callable[[Doc], None] | None = None,
    ) -> Iterator[ArticleResult | Failure]:
        """Process articles in order; streams (nothing is held beyond one batch per worker)."""
        pending: dict[str, list[Article]] = {}

        def docs() -> Iterator[Doc]:
            for article in articles:
                pending.setdefault(article.id, []).append(article)
                yield self.make_doc(article)

        n_process = self.workers if self.workers > 1 else 1
        for doc in self.nlp.pipe(docs(), batch_size=self.batch_size, n_process=n_process):
            meta = doc._.ng_meta or {}
            queue = pending.get(meta.get("article_id", ""), [])
            article = queue.pop(0)
            if not queue:
                pending.pop(article.id, None)
            if on_doc is not None:
                on_doc(doc)
            errors = doc_errors(doc)
            result = doc_to_result(doc, article)
            yield result
            for stage, message in errors:
                yield Failure(
                    input=article.input or article.id,
                    stage=stage,
                    kind="stage-error",
                    message=message,
                    article_id=article.id,
                )

