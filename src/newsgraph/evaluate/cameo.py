"""``newsgraph eval cameo``: the multi-coder CAMEO annotation rounds (CSV) against our events.

Each CSV row is one sentence (``ids``, ``sentences``) with columns per coder ``k``:
``Action1_CAMEO_k`` (``"P-R name"``: PentaClass digit, CAMEO root number) and
``entities_k`` (a Python-literal list of ``(label, text, offset)`` with labels
``Source-1``, ``Target-1``, ``Action-1``, ...). Several CSV files of one round may hold
versions of the same rows: for each (sentence, coder) the most complete annotation is
kept. Files whose name contains ``wrong`` (marked so by the corpus authors) and CSV files
without those columns (relevance votes) are skipped.

Gold: the CAMEO root of the first action that the most coders gave, when at least two
agree and no other root ties it. Its 5-way class comes from ``data/cameo_roots.csv``.
Gold source/target spans: ``Source-1``/``Target-1`` spans of the coders who gave the gold
root, grouped by overlap; a group that at least two coders marked is one gold span.

Ours: the sentence's first event (by trigger position) for ``root_accuracy`` and
``pentaclass_macro_f1``; its ``cameo_root`` or, when absent, the crosswalk
``data/plover_to_cameo.csv`` from category and mode; its ``quad_class`` or the class of the
root. A sentence with no event whose quotes stage found a statement (a cue such as
"said") is predicted CAMEO 01, its speaker the source: PLOVER has no statement category,
so this is how our output (events, else quotes) reads in CAMEO terms. Spans: the event with
the gold root (else the first) gives its sources'/targets' ``start``/``end``; overlap
P/R/F1 pooled over sentences.
"""

from __future__ import annotations

import ast
import csv
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsgraph.errors import NewsgraphError
from newsgraph.evaluate.common import EvalResult, Span, overlaps, prf, safe_div, units_of_split
from newsgraph.evaluate.plover import norm_mode, ordered_events
from newsgraph.evaluate.runner import (
    Progress,
    analyze_articles,
    class_scores,
    failure_details,
    read_table,
)
from newsgraph.records import Article, ArticleResult, to_dict

if TYPE_CHECKING:
    from newsgraph.pipeline import Analyzer

PENTACLASS_NAMES = {
    0: "statement",
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}

_CODE = re.compile(r"^\s*(\d)\s*-\s*(\d{1,2})\b")
_CODER_COL = re.compile(r"^Action1_CAMEO_(\d+)$")


@dataclass
class CoderAnnotation:
    root: str | None
    entities: list[tuple[str, int, int]] = field(default_factory=list)  # (label, start, end)


@dataclass
class GoldSentence:
    id: str
    text: str
    root: str | None  # None: no two coders agree (not scored)
    pentaclass: int | None
    sources: list[Span] = field(default_factory=list)
    targets: list[Span] = field(default_factory=list)
    votes: dict[str, int] = field(default_factory=dict)


def root_classes() -> dict[str, int]:
    return {row["root"].zfill(2): int(row["pentaclass"]) for row in read_table("cameo_roots.csv")}


def crosswalk() -> dict[tuple[str, str], str]:
    return {
        (row["category"].upper(), (row["mode"] or "").lower()): row["cameo_root"].zfill(2)
        for row in read_table("plover_to_cameo.csv")
    }


def norm_root(value: Any) -> str | None:
    """CAMEO code -> its 2-digit root: ``"18"``, ``"183"``, ``18`` -> ``"18"``; ``"0311"``,
    ``"03"``, ``3`` -> ``"03"`` (codes of 3 or 4 digits begin with their root)."""
    if value is None:
        return None
    s = re.sub(r"\D", "", str(value))
    if not s:
        return None
    return s[:2] if len(s) >= 3 else s.zfill(2)


def parse_code(value: str) -> str | None:
    m = _CODE.match(value or "")
    return m.group(2).zfill(2) if m else None


# --------------------------------------------------------------------------- gold


def _entities(raw: str, text: str) -> list[tuple[str, int, int]]:
    if not raw or not raw.strip() or raw.strip() == "[]":
        return []
    try:
        items = ast.literal_eval(raw)
    except (ValueError, SyntaxError):
        return []
    out: list[tuple[str, int, int]] = []
    for item in items if isinstance(items, list | tuple) else []:
        if not (isinstance(item, list | tuple) and len(item) >= 3):
            continue
        label, surface, offset = item[0], item[1], item[2]
        if not isinstance(surface, str) or not isinstance(offset, int) or not surface:
            continue
        start = offset
        if text[start : start + len(surface)] != surface:
            # Offsets of some versions count a leading space; take the nearest occurrence.
            found = [m.start() for m in re.finditer(re.escape(surface), text)]
            if not found:
                continue
            start = min(found, key=lambda s: abs(s - offset))
        out.append((str(label), start, start + len(surface)))
    return out


def _richness(ann: CoderAnnotation) -> tuple[int, int]:
    return (ann.root is not None, len(ann.entities))


def _read_csv(path: Path) -> list[dict[str, str]]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            return [dict(r) for r in csv.DictReader(fh)]
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise NewsgraphError(f"Cannot read CAMEO annotation file {path}: {exc}") from exc


def load_gold(data: Path) -> tuple[list[GoldSentence], dict[str, int]]:
    """Every annotated sentence (``root`` None where coders do not agree) and file counts."""
    data = Path(data)
    files = sorted(data.rglob("*.csv")) if data.is_dir() else [data]
    files = [f for f in files if "wrong" not in f.name.lower()]
    texts: dict[str, str] = {}
    coders: dict[str, dict[str, CoderAnnotation]] = defaultdict(dict)
    used = 0
    for path in files:
        rows = _read_csv(path)
        if not rows or "ids" not in rows[0] or not any(_CODER_COL.match(c) for c in rows[0]):
            continue
        used += 1
        for row in rows:
            sid = (row.get("ids") or "").strip()
            text = (row.get("sentences") or row.get("plain_text") or "").strip()
            if not sid or not text:
                continue
            texts.setdefault(sid, text)
            text = texts[sid]
            for col in row:
                m = _CODER_COL.match(col or "")
                if not m:
                    continue
                k = m.group(1)
                ann = CoderAnnotation(
                    root=parse_code(row.get(col) or ""),
                    entities=_entities(row.get(f"entities_{k}") or "", text),
                )
                old = coders[sid].get(k)
                if old is None or _richness(ann) > _richness(old):
                    coders[sid][k] = ann
    if not used:
        raise NewsgraphError(
            f"No CAMEO annotation CSV (columns ids, sentences, Action1_CAMEO_k) under {data}"
        )
    classes = root_classes()
    sentences: list[GoldSentence] = []
    for sid, text in texts.items():
        anns = coders[sid]
        votes = Counter(a.root for a in anns.values() if a.root)
        top = votes.most_common(2)
        root = None
        if top and top[0][1] >= 2 and (len(top) == 1 or top[1][1] < top[0][1]):
            root = top[0][0]
        agreeing = [a for a in anns.values() if root and a.root == root]
        sentences.append(
            GoldSentence(
                id=sid,
                text=text,
                root=root,
                pentaclass=classes.get(root) if root else None,
                sources=agreed_spans([[(s, e) for lab, s, e in a.entities if lab == "Source-1"] for a in agreeing]),
                targets=agreed_spans([[(s, e) for lab, s, e in a.entities if lab == "Target-1"] for a in agreeing]),
                votes=dict(votes),
            )
        )
    return sentences, {"files_used": used}


def agreed_spans(per_coder: list[list[Span]], min_coders: int = 2) -> list[Span]:
    """Group the coders' spans by overlap; groups marked by ``min_coders`` coders, as the
    extent of their union."""
    groups: list[tuple[Span, set[int]]] = []
    for coder, spans in enumerate(per_coder):
        for span in spans:
            hit = [i for i, (g, _) in enumerate(groups) if overlaps(g, span)]
            if not hit:
                groups.append((span, {coder}))
                continue
            # merge every group this span touches
            start, end, members = span[0], span[1], {coder}
            for i in hit:
                (gs, ge), gm = groups[i]
                start, end, members = min(start, gs), max(end, ge), members | gm
            groups = [g for i, g in enumerate(groups) if i not in hit]
            groups.append(((start, end), members))
    return sorted(g for g, members in groups if len(members) >= min_coders)


# --------------------------------------------------------------------------- scoring


def event_root(ev: dict[str, Any], table: dict[tuple[str, str], str]) -> str | None:
    root = norm_root(ev.get("cameo_root"))
    if root:
        return root
    cat = str(ev.get("category") or "").upper()
    mode = norm_mode(ev.get("mode")) or ""
    return table.get((cat, mode)) or table.get((cat, ""))


def event_class(ev: dict[str, Any], root: str | None, classes: dict[str, int]) -> int | None:
    qc = ev.get("quad_class")
    if isinstance(qc, int) and qc in PENTACLASS_NAMES:
        return qc
    return classes.get(root) if root else None


def _spans(items: Any) -> list[Span]:
    out: list[Span] = []
    for item in items or []:
        if isinstance(item, dict) and isinstance(item.get("start"), int) and isinstance(item.get("end"), int):
            out.append((item["start"], item["end"]))
    return out


def overlap_counts(pred: list[Span], gold: list[Span]) -> tuple[int, int, int]:
    """(matched, predicted, gold) with one-to-one overlap matching."""
    pred_l, gold_l = sorted(set(pred)), sorted(set(gold))
    used: set[int] = set()
    tp = 0
    for p in pred_l:
        for i, g in enumerate(gold_l):
            if i not in used and overlaps(p, g):
                used.add(i)
                tp += 1
                break
    return tp, len(pred_l), len(gold_l)


def score(
    sentences: list[GoldSentence], predictions: dict[str, list[dict[str, Any]]]
) -> tuple[dict[str, float], dict[str, Any]]:
    """Metrics for predicted events (dicts keyed like :class:`Event`) per sentence id;
    only sentences with a gold root count."""
    table = crosswalk()
    classes = root_classes()
    gold_sents = [s for s in sentences if s.root]
    n_root = n_root_any = n_class = 0
    class_pairs: list[tuple[set[str], set[str]]] = []
    src = [0, 0, 0]
    tgt = [0, 0, 0]
    errors: list[str] = []
    for sent in gold_sents:
        events = ordered_events(predictions.get(sent.id, []))
        roots = [event_root(ev, table) for ev in events]
        first_root = roots[0] if roots else None
        first_class = event_class(events[0], first_root, classes) if events else None
        n_root += first_root == sent.root
        n_root_any += sent.root in roots
        n_class += first_class is not None and first_class == sent.pentaclass
        gold_c = PENTACLASS_NAMES[sent.pentaclass] if sent.pentaclass is not None else "?"
        pred_c = {PENTACLASS_NAMES[first_class]} if first_class is not None else set()
        class_pairs.append(({gold_c}, pred_c))
        if first_root != sent.root and len(errors) < 10:
            errors.append(f"gold {sent.root}, ours {first_root or 'none'}: {sent.text[:90]}")
        chosen = next((ev for ev, r in zip(events, roots, strict=True) if r == sent.root), None)
        if chosen is None and events:
            chosen = events[0]
        for acc, gold_spans, key in ((src, sent.sources, "sources"), (tgt, sent.targets, "targets")):
            pred_spans = _spans(chosen.get(key)) if chosen else []
            counts = overlap_counts(pred_spans, gold_spans)
            for i in range(3):
                acc[i] += counts[i]
    per_class, macro = class_scores(class_pairs)
    n = len(gold_sents)
    s_prf, t_prf = prf(*src), prf(*tgt)
    metrics = {
        "root_accuracy": safe_div(n_root, n),
        "pentaclass_macro_f1": macro,
        "source_span_f1": s_prf["f1"],
        "target_span_f1": t_prf["f1"],
        "pentaclass_accuracy": safe_div(n_class, n),
        "root_accuracy_any": safe_div(n_root_any, n),
        "source_span_precision": s_prf["precision"],
        "source_span_recall": s_prf["recall"],
        "target_span_precision": t_prf["precision"],
        "target_span_recall": t_prf["recall"],
    }
    details = {
        "per_pentaclass": per_class,
        "counts": {
            "sentences": len(sentences),
            "with_gold_root": n,
            "no_agreement": len(sentences) - n,
            "gold_source_spans": src[2],
            "gold_target_spans": tgt[2],
        },
        "first_event_errors": errors,
    }
    return metrics, details


def with_statements(result: ArticleResult) -> list[dict[str, Any]]:
    """Our events of a sentence; where there is none but the quotes stage found someone
    stating something, that statement is CAMEO 01 ("make public statement"), its speaker
    the source. PLOVER has no statement category, so newsgraph stores no such event: this
    reads the same output a user gets (events, else quotes) in CAMEO's terms."""
    events = [to_dict(ev) for ev in result.events]
    if events:
        return events
    for quote in result.quotes:
        if quote.cue_start is None or quote.cue_end is None:
            continue
        speaker = quote.speaker or {}
        sources = [{"start": speaker["start"], "end": speaker["end"]}] if "start" in speaker else []
        return [
            {
                "cameo_root": "01",
                "quad_class": 0,
                "sources": sources,
                "targets": [],
                "trigger": {"start": quote.cue_start, "end": quote.cue_end, "text": quote.cue},
            }
        ]
    return []


def baseline_predictions(
    sentences: list[GoldSentence], mentions: dict[str, list[Span]]
) -> dict[str, list[dict[str, Any]]]:
    """Majority gold root for every sentence; source = first named mention, target = second."""
    gold = [s for s in sentences if s.root]
    if not gold:
        return {}
    majority = Counter(s.root for s in gold).most_common(1)[0][0]
    out: dict[str, list[dict[str, Any]]] = {}
    for sent in sentences:
        spans = mentions.get(sent.id, [])
        out[sent.id] = [
            {
                "cameo_root": majority,
                "sources": [{"start": s, "end": e} for s, e in spans[:1]],
                "targets": [{"start": s, "end": e} for s, e in spans[1:2]],
            }
        ]
    return out


def evaluate(
    data: Path,
    *,
    limit: int | None = None,
    analyzer: Analyzer | None = None,
    progress: Progress | None = None,
    split: str = "all",
) -> EvalResult:
    sentences, info = load_gold(Path(data))
    sentences = units_of_split(sentences, split, lambda s: s.id, data)
    scored = [s for s in sentences if s.root]
    if not scored:
        raise NewsgraphError(f"No sentence in {data} has two coders agreeing on a CAMEO root")
    if limit is not None:
        scored = scored[:limit]
    articles = [Article(id=s.id, text=s.text) for s in scored]
    results, failures = analyze_articles(articles, analyzer, progress=progress)
    predictions = {sid: with_statements(r) for sid, r in results.items()}
    mentions = {
        sid: [(m.start, m.end) for m in r.mentions if m.kind != "nationality"]
        for sid, r in results.items()
    }
    metrics, details = score(scored, predictions)
    base, _ = score(scored, baseline_predictions(scored, mentions))
    details.update(failure_details(failures))
    details["counts"]["annotated_sentences_in_data"] = len(sentences)
    details["counts"]["no_agreement"] = len(sentences) - sum(1 for s in sentences if s.root)
    details["counts"].update(info)
    return EvalResult(kind="cameo", data=str(data), n=len(scored), metrics=metrics,
                      baseline=base, details=details, split=split)
