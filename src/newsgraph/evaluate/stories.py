"""``newsgraph eval stories``: story clustering against articles labelled with their event.

Data: ``news_cluster.jsonl`` (or a folder holding it), one article per line with ``id``,
``source``, ``title``, ``published``, ``text`` and ``gold_story``. The gold label is never
given to the pipeline. Units: articles, split tune/check by article id; only the articles of
the split are ingested into an in-memory store and clustered (``newsgraph.stories``), the way
``newsgraph ingest`` followed by ``newsgraph stories build`` would.

Metrics over articles: B-cubed precision/recall/F1 (per article, the share of its predicted
story that is in its gold story and the reverse, averaged), pairwise P/R/F1 (article pairs put
together), ``outlets_exact``: the share of gold stories whose predicted story (the one holding
most of its articles; ties by id) lists exactly as many distinct outlets as the gold story
has, and ``stories_predicted`` / ``stories_gold``. Baseline: TF-IDF cosine single-link over
the same articles at the threshold in ``evaluate/data/stories.json`` (no window, no events).
"""

from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping
from itertools import combinations
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsgraph.errors import NewsgraphError
from newsgraph.evaluate.common import EvalResult, prf, safe_div, units_of_split
from newsgraph.evaluate.runner import DATA_DIR, analyze_articles, iter_limited

if TYPE_CHECKING:
    from newsgraph.pipeline import Analyzer
    from newsgraph.stories.settings import Params

FILE = "news_cluster.jsonl"


def load_gold(data: Path) -> list[dict[str, Any]]:
    path = Path(data)
    if path.is_dir():
        path = path / FILE
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for i, row in enumerate(rows):
        if not row.get("id") or not row.get("gold_story") or not row.get("text"):
            raise NewsgraphError(f"{path}:{i + 1}: needs id, text and gold_story")
    return rows


def bcubed(pred: Mapping[str, str], gold: Mapping[str, str]) -> dict[str, float]:
    by_pred: dict[str, set[str]] = defaultdict(set)
    by_gold: dict[str, set[str]] = defaultdict(set)
    for a in gold:
        by_pred[pred[a]].add(a)
        by_gold[gold[a]].add(a)
    p = r = 0.0
    for a in gold:
        same = len(by_pred[pred[a]] & by_gold[gold[a]])
        p += same / len(by_pred[pred[a]])
        r += same / len(by_gold[gold[a]])
    p, r = safe_div(p, len(gold)), safe_div(r, len(gold))
    return {"precision": p, "recall": r, "f1": safe_div(2 * p * r, p + r)}


def pairwise(pred: Mapping[str, str], gold: Mapping[str, str]) -> dict[str, float]:
    tp = n_pred = n_gold = 0
    for a, b in combinations(sorted(gold), 2):
        sp, sg = pred[a] == pred[b], gold[a] == gold[b]
        tp += sp and sg
        n_pred += sp
        n_gold += sg
    return prf(tp, n_pred, n_gold)


def outlets_exact(pred: Mapping[str, str], gold: Mapping[str, str], outlet: Mapping[str, str | None]) -> float:
    """Share of gold stories whose predicted story lists as many distinct outlets as it has."""
    pred_outlets: dict[str, set[str]] = defaultdict(set)
    gold_members: dict[str, list[str]] = defaultdict(list)
    for a in gold:
        pred_outlets[pred[a]].add(outlet[a] or a)
        gold_members[gold[a]].append(a)
    right = 0
    for members in gold_members.values():
        best = min(Counter(pred[a] for a in members).items(), key=lambda kv: (-kv[1], kv[0]))[0]
        right += len(pred_outlets[best]) == len({outlet[a] or a for a in members})
    return safe_div(right, len(gold_members))


def scores(pred: Mapping[str, str], gold: Mapping[str, str], outlet: Mapping[str, str | None]) -> dict[str, Any]:
    b, pw = bcubed(pred, gold), pairwise(pred, gold)
    return {
        "bcubed_f1": b["f1"], "bcubed_precision": b["precision"], "bcubed_recall": b["recall"],
        "pairwise_f1": pw["f1"], "pairwise_precision": pw["precision"], "pairwise_recall": pw["recall"],
        "outlets_exact": outlets_exact(pred, gold, outlet),
        "stories_predicted": len(set(pred.values())), "stories_gold": len(set(gold.values())),
    }


def baseline_clusters(rows: list[dict[str, Any]], threshold: float) -> dict[str, str]:
    """TF-IDF (all terms) cosine single-link at ``threshold``: union-find over article pairs."""
    from newsgraph.stories.text import cosine, term_counts

    counts = {r["id"]: term_counts(r.get("title"), r["text"], 1) for r in rows}
    df: Counter[str] = Counter()
    for c in counts.values():
        df.update(c.keys())
    n = len(rows)
    vecs = {}
    for aid, c in counts.items():
        w = {t: (1 + math.log(k)) * (math.log((n + 1) / (df[t] + 1)) + 1) for t, k in c.items()}
        norm = math.sqrt(sum(x * x for x in w.values())) or 1.0
        vecs[aid] = {t: x / norm for t, x in w.items()}
    parent = {aid: aid for aid in vecs}

    def root(a: str) -> str:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    ids = sorted(vecs)
    for a, b in combinations(ids, 2):
        if cosine(vecs[a], vecs[b]) >= threshold:
            parent[root(a)] = root(b)
    return {a: root(a) for a in ids}


def baseline_threshold() -> float:
    raw = json.loads((DATA_DIR / "stories.json").read_text(encoding="utf-8"))
    value = raw.get("baseline_threshold")
    if not isinstance(value, (int, float)) or not 0 < value < 1:
        raise NewsgraphError(f"{DATA_DIR / 'stories.json'}: baseline_threshold must be a number in (0, 1)")
    return float(value)


def cluster_results(results: list[Any], params: Params | None = None) -> dict[str, str]:
    """Article id -> story id, by ingesting ``results`` into a fresh in-memory store."""
    from newsgraph.store import Store
    from newsgraph.stories import build_stories

    with Store(":memory:") as store:
        store.write_results(results)
        build_stories(store.con, params=params)
        return dict(store.con.execute("SELECT article_id, story_id FROM story_articles").fetchall())


def evaluate(
    data: Path,
    *,
    limit: int | None = None,
    analyzer: Analyzer | None = None,
    progress: Callable[[int, int | None], None] | None = None,
    split: str = "all",
) -> EvalResult:
    from newsgraph.ingest.jsonl import parse_line
    from newsgraph.stories.build import outlet_of

    rows = units_of_split(load_gold(data), split, lambda r: str(r["id"]), data)
    rows = list(iter_limited(rows, limit))
    articles = [
        parse_line(json.dumps({k: v for k, v in r.items() if k != "gold_story"}), input_name=f"{FILE}:{i}")
        for i, r in enumerate(rows)
    ]
    results, failures = analyze_articles(articles, analyzer, progress=progress)
    gold = {r["id"]: r["gold_story"] for r in rows if r["id"] in results}
    outlet = {r["id"]: outlet_of(r.get("source"), r.get("url")) for r in rows}
    pred = cluster_results(list(results.values()))
    base = baseline_clusters([r for r in rows if r["id"] in gold], baseline_threshold())
    return EvalResult(
        kind="stories", data=str(data), n=len(gold), split=split,
        metrics=scores({a: pred.get(a, a) for a in gold}, gold, outlet),
        baseline=scores(base, gold, outlet),
        details={"failures": len(failures)},
    )
