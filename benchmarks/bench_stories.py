"""Cost of the story step (docs/STORIES.md, "Cost").

1. ``--corpus DIR``: the corpus's articles are stored without NLP (the story step reads only
   the articles and their events) and clustered from scratch; prints articles/s of the story
   step, to compare with ingest's (benchmarks/bench_ingest.py).
2. Incremental: a database of ``--big`` synthetic articles (sentences of the corpus shuffled
   into new articles, publication dates spread over a year) is clustered, then ``--add`` more
   articles are stored and clustered; prints the seconds of that incremental step.

    python benchmarks/bench_stories.py --corpus ../shared/corpus/bbc --big 10000 --add 100
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import tempfile
import time
from pathlib import Path

from newsgraph.ingest import read_inputs
from newsgraph.ingest.identity import make_article
from newsgraph.records import Article, ArticleResult
from newsgraph.store import Store
from newsgraph.stories import build_stories


def corpus_articles(corpus: str) -> list[Article]:
    return [a for a in read_inputs([corpus], published="2005-01-10") if isinstance(a, Article)]


def synthetic(sentences: list[str], n: int, seed: int, start: dt.date, days: int) -> list[ArticleResult]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        text = " ".join(rng.sample(sentences, 8))
        day = start + dt.timedelta(days=rng.randrange(days))
        out.append(ArticleResult(article=make_article(
            text=text, input_name="synthetic", source=f"outlet{rng.randrange(50)}.example",
            published=day.isoformat(), published_precision="day", explicit_id=f"syn{seed}-{i:06d}",
        )))
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--big", type=int, default=10000)
    parser.add_argument("--add", type=int, default=100)
    args = parser.parse_args()
    articles = corpus_articles(args.corpus)
    with tempfile.TemporaryDirectory() as tmp:
        with Store(Path(tmp) / "corpus.duckdb") as store:
            store.write_results([ArticleResult(article=a) for a in articles])
            t = time.perf_counter()
            s = build_stories(store.con)
            secs = time.perf_counter() - t
        print(f"corpus: {s.articles} articles clustered in {secs:.2f}s ({s.articles / secs:.0f} articles/s); "
              f"{s.stories_new} stories, {s.duplicates} near-duplicates")
        sentences = [x for a in articles for x in re.split(r"(?<=[.!?])\s+", a.text) if len(x) > 40]
        start = dt.date(2025, 1, 1)
        with Store(Path(tmp) / "big.duckdb") as store:
            store.write_results(synthetic(sentences, args.big, 1, start, 365))
            t = time.perf_counter()
            build_stories(store.con)
            print(f"big: {args.big} articles clustered from scratch in {time.perf_counter() - t:.1f}s")
            store.write_results(synthetic(sentences, args.add, 2, start + dt.timedelta(days=330), 35))
            t = time.perf_counter()
            s = build_stories(store.con)
            print(f"incremental: {s.articles} articles added to {args.big} in {time.perf_counter() - t:.2f}s "
                  f"({s.stories_new} new stories, {s.stories_grown} grown)")


if __name__ == "__main__":
    main()
