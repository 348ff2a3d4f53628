"""What every scorer shares: the result object and span/set scoring."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from newsgraph.errors import NewsgraphError
from newsgraph.evaluate.split import select

T = TypeVar("T")


@dataclass
class EvalResult:
    kind: str
    data: str
    n: int
    metrics: dict[str, Any] = field(default_factory=dict)
    baseline: dict[str, Any] = field(default_factory=dict)
    # Extra tables for people (per-category scores, error samples); not part of --json's
    # fixed keys but printed by the CLI and kept in --json under "details".
    details: dict[str, Any] = field(default_factory=dict)
    # Which half of the gold units was scored: tune, check or all (newsgraph.evaluate.split).
    split: str = "all"

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "data": self.data,
            "split": self.split,
            "n": self.n,
            "metrics": self.metrics,
            "baseline": self.baseline,
            "details": self.details,
        }


def units_of_split(units: Iterable[T], split: str, key: Callable[[T], str], data: object) -> list[T]:
    """The gold units of ``split`` (see :mod:`newsgraph.evaluate.split`); a half with no unit
    is an error that names the data, not a division by zero later on."""
    kept = select(units, split, key)
    if not kept and split != "all":
        raise NewsgraphError(f"No gold unit of {data} falls in the {split} split")
    return kept


def safe_div(num: float, den: float) -> float:
    return num / den if den else 0.0


def prf(tp: float, n_pred: float, n_gold: float) -> dict[str, float]:
    """Precision, recall and F1 from true positives and the two totals."""
    p = safe_div(tp, n_pred)
    r = safe_div(tp, n_gold)
    f = safe_div(2 * p * r, p + r)
    return {"precision": p, "recall": r, "f1": f}


Span = tuple[int, int]


def overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def span_prf(pred: Iterable[Span], gold: Iterable[Span], *, overlap: bool = False) -> dict[str, float]:
    """P/R/F1 of predicted spans against gold spans; exact match, or any overlap.

    Each gold span is matched at most once and each predicted span at most once
    (greedy, in order), so duplicates cannot inflate the score.
    """
    pred_l = sorted(set(pred))
    gold_l = sorted(set(gold))
    used: set[int] = set()
    tp = 0
    for p in pred_l:
        for i, g in enumerate(gold_l):
            if i in used:
                continue
            if (p == g) if not overlap else overlaps(p, g):
                used.add(i)
                tp += 1
                break
    return prf(tp, len(pred_l), len(gold_l))


def match_spans(pred: Sequence[Span], gold: Sequence[Span], *, overlap: bool) -> dict[int, int]:
    """One-to-one matching gold index -> pred index; exact pairs first, then (if
    ``overlap``) overlapping ones in text order."""
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if pi not in used and p == g:
                pairs[gi] = pi
                used.add(pi)
                break
    if overlap:
        for gi, g in enumerate(gold):
            if gi in pairs:
                continue
            for pi, p in enumerate(pred):
                if pi not in used and overlaps(p, g):
                    pairs[gi] = pi
                    used.add(pi)
                    break
    return pairs
