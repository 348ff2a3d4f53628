"""``newsgraph eval extraction``: our HTML reader's body text against gold article bodies.

Data: a folder with ``ground-truth.json`` (``{page_id: {"articleBody", "url"}}``) and
``html/<page_id>.html.gz`` (or ``.html``); the path may also be the JSON file itself.

Both texts become 4-word shingles (lower-cased ``\\w+`` words; a text shorter than four
words is one shingle), counted as multisets. Per page, precision = shared shingles / our
shingles, recall = shared / gold shingles. A page where the reader finds no body (it raises
``InputError``) is empty output: precision 0, recall 0.

``precision``, ``recall``: means over pages (macro); ``f1``: harmonic mean of those two
means. Also ``f1_page_mean`` (mean of per-page F1) and ``micro_*`` (shingles pooled over
all pages). Baseline: all visible text of the page's ``<body>`` (scripts, styles removed).
"""

from __future__ import annotations

import gzip
import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsgraph.errors import InputError, NewsgraphError
from newsgraph.evaluate.common import EvalResult, prf, safe_div, units_of_split
from newsgraph.evaluate.runner import Progress, words

if TYPE_CHECKING:
    from newsgraph.pipeline import Analyzer

NGRAM = 4


def shingles(text: str, n: int = NGRAM) -> Counter[tuple[str, ...]]:
    toks = words(text or "")
    if not toks:
        return Counter()
    if len(toks) < n:
        return Counter([tuple(toks)])
    return Counter(tuple(toks[i : i + n]) for i in range(len(toks) - n + 1))


def page_counts(pred: str, gold: str) -> tuple[int, int, int]:
    """(shared shingles, our shingles, gold shingles)."""
    p, g = shingles(pred), shingles(gold)
    return sum((p & g).values()), sum(p.values()), sum(g.values())


def score(pairs: list[tuple[str, str]]) -> dict[str, float]:
    """Metrics for (our text, gold text) per page."""
    precisions: list[float] = []
    recalls: list[float] = []
    f1s: list[float] = []
    tp = n_pred = n_gold = 0
    for pred, gold in pairs:
        t, np_, ng = page_counts(pred, gold)
        tp, n_pred, n_gold = tp + t, n_pred + np_, n_gold + ng
        page = prf(t, np_, ng)
        precisions.append(page["precision"])
        recalls.append(page["recall"])
        f1s.append(page["f1"])
    n = len(pairs)
    p, r = safe_div(sum(precisions), n), safe_div(sum(recalls), n)
    micro = prf(tp, n_pred, n_gold)
    return {
        "precision": p,
        "recall": r,
        "f1": safe_div(2 * p * r, p + r),
        "f1_page_mean": safe_div(sum(f1s), n),
        "micro_precision": micro["precision"],
        "micro_recall": micro["recall"],
        "micro_f1": micro["f1"],
        "empty_output_rate": safe_div(sum(1 for pred, _ in pairs if not words(pred)), n),
    }


def load_gold(data: Path) -> tuple[Path, dict[str, dict[str, Any]]]:
    """The html folder's parent and the gold records by page id."""
    data = Path(data)
    gt = data / "ground-truth.json" if data.is_dir() else data
    if not gt.is_file():
        raise NewsgraphError(f"No ground-truth.json in {data} (article-extraction benchmark format)")
    try:
        gold = json.loads(gt.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise NewsgraphError(f"Cannot read {gt}: {exc}") from exc
    if not isinstance(gold, dict) or not all(isinstance(v, dict) for v in gold.values()):
        raise NewsgraphError(f"{gt}: expected an object of page id -> {{articleBody, url}}")
    return gt.parent, gold


def read_page(root: Path, page_id: str) -> bytes | None:
    for name in (f"{page_id}.html.gz", f"{page_id}.html"):
        path = root / "html" / name
        if path.is_file():
            raw = path.read_bytes()
            return gzip.decompress(raw) if name.endswith(".gz") else raw
    return None


def our_body(html: bytes, url: str | None) -> str:
    from newsgraph.ingest.html import extract_body

    try:
        return extract_body(html, url=url).get("text") or ""
    except InputError:
        return ""


def visible_text(html: bytes, url: str | None = None) -> str:
    """All text of the page's body without scripts and styles (the baseline)."""
    import lxml.html
    from lxml.etree import ParserError

    try:
        tree = lxml.html.fromstring(html)
    except (ParserError, ValueError):
        return ""
    for bad in tree.xpath("//script|//style|//noscript|//template"):
        bad.drop_tree()
    body = tree.find(".//body")
    node = body if body is not None else tree
    # text pieces joined by spaces, so that block elements do not glue words together
    return " ".join(str(t) for t in node.itertext())


def evaluate(
    data: Path,
    *,
    limit: int | None = None,
    analyzer: Analyzer | None = None,
    progress: Progress | None = None,
    reader: Callable[[bytes, str | None], str] = our_body,
    split: str = "all",
) -> EvalResult:
    """``analyzer`` is not used: extraction runs before NLP."""
    root, gold = load_gold(Path(data))
    ids = units_of_split(sorted(gold), split, str, data)
    if limit is not None:
        ids = ids[:limit]
    ours: list[tuple[str, str]] = []
    base: list[tuple[str, str]] = []
    missing: list[str] = []
    for i, pid in enumerate(ids, 1):
        body = gold[pid].get("articleBody")
        html = read_page(root, pid)
        if not isinstance(body, str) or not words(body) or html is None:
            missing.append(pid)
            continue
        url = gold[pid].get("url") if isinstance(gold[pid].get("url"), str) else None
        ours.append((reader(html, url), body))
        base.append((visible_text(html, url), body))
        if progress is not None:
            progress(i, len(ids))
    if not ours:
        raise NewsgraphError(f"No page of {data} has both a gold body and its HTML file")
    details: dict[str, Any] = {"averaging": "precision/recall: mean over pages; f1 from the two means"}
    if missing:
        details["skipped_pages"] = {"count": len(missing), "ids": missing[:10]}
    return EvalResult(kind="extraction", data=str(data), n=len(ours), metrics=score(ours),
                      baseline=score(base), details=details, split=split)
