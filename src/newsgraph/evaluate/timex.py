"""Date expressions against TempEval-3 TimeML (``.tml``) gold.

Each ``.tml`` file holds one article: the document creation time (DCT) is the ``TIMEX3``
with ``functionInDocument="CREATION_TIME"``; the article text is the content of ``<TEXT>``
with its tags removed, and every ``TIMEX3`` inside it is a gold expression. Only
``type="DATE"`` expressions are scored (the DCT itself excluded); a prediction that overlaps
only a TIME, DURATION or SET expression is ignored, neither right nor wrong (we are not
asked to find those, and finding "Monday night" is not an error).

The DCT is passed as ``Article.published``. Metrics (micro-averaged over the corpus):

* ``strict_span_f1``: predicted span equals the gold span;
* ``relaxed_span_f1``: spans overlap (one-to-one, exact pairs first);
* ``value_accuracy``: over relaxed matches, the share whose value equals gold's
  (:func:`value_equal`); ``value_f1`` counts only such matches as hits.

Baseline: ``dateparser.search.search_dates`` with ``RELATIVE_BASE`` = DCT, each found
string mapped to its span by searching the text in order.
"""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsgraph.errors import NewsgraphError
from newsgraph.evaluate.common import (
    EvalResult,
    Span,
    match_spans,
    overlaps,
    prf,
    safe_div,
    units_of_split,
)

if TYPE_CHECKING:
    from newsgraph.pipeline import Analyzer

KIND = "timex"

_WEEK = re.compile(r"^(\d{4})-W(\d{1,2})$")
_YMD = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_MONTHS = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\b", re.IGNORECASE
)


@dataclass
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass
class TimexDoc:
    id: str
    text: str
    dct: str  # ISO date of the document creation time
    timexes: list[GoldTimex] = field(default_factory=list)

    @property
    def dates(self) -> list[GoldTimex]:
        return [t for t in self.timexes if t.type == "DATE"]


@dataclass
class PredDate:
    start: int
    end: int
    value: str | None = None


# --------------------------------------------------------------------------- reading gold


def read_tml(path: Path) -> TimexDoc:
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise NewsgraphError(f"{path}: not well-formed TimeML XML ({exc}).") from exc
    dct = None
    for tx in root.iter("TIMEX3"):
        if tx.get("functionInDocument") == "CREATION_TIME":
            dct = (tx.get("value") or "").strip()
            break
    if not dct or not re.match(r"^\d{4}-\d{2}-\d{2}", dct):
        raise NewsgraphError(f"{path}: no TIMEX3 with functionInDocument=\"CREATION_TIME\" "
                             "and a day value; cannot resolve dates without it.")
    body = root.find("TEXT")
    if body is None:
        raise NewsgraphError(f"{path}: no <TEXT> element.")
    pieces: list[str] = []
    timexes: list[GoldTimex] = []
    length = 0

    def walk(elem: ET.Element) -> None:
        nonlocal length
        if elem.text:
            pieces.append(elem.text)
            length += len(elem.text)
        for child in elem:
            start = length
            walk(child)
            if child.tag == "TIMEX3" and child.get("functionInDocument") != "CREATION_TIME":
                text = "".join(pieces)[start:length]
                timexes.append(
                    GoldTimex(start, length, text, child.get("type") or "",
                              (child.get("value") or "").strip())
                )
            if child.tail:
                pieces.append(child.tail)
                length += len(child.tail)

    walk(body)
    return TimexDoc(path.stem, "".join(pieces), dct[:10], timexes)


def load_gold(data: Path) -> list[TimexDoc]:
    """Every ``.tml`` document under ``data``; a document whose file name occurs more than
    once in the tree (a copy in another folder) is read once, from the first path."""
    if not data.exists():
        raise NewsgraphError(f"{data}: no such file or folder.")
    files = [data] if data.is_file() else sorted(data.rglob("*.tml"))
    if not files:
        raise NewsgraphError(f"{data}: no TimeML .tml files found.")
    seen: set[str] = set()
    docs = []
    for f in files:
        if f.name not in seen:
            seen.add(f.name)
            docs.append(read_tml(f))
    return docs


# --------------------------------------------------------------------------- value equality


def _norm(value: str | None) -> str:
    if not value:
        return ""
    v = value.strip().upper()
    if v[:1].isdigit() and "T" in v:
        v = v.split("T", 1)[0]  # a time of day on a date: compare the date
    m = _WEEK.match(v)
    if m:
        v = f"{m.group(1)}-W{int(m.group(2)):02d}"
    return v


def value_equal(gold: str, ours: str | None, dct: str) -> bool:
    """Whether our value says the same as gold's TIMEX3 value.

    Equal at the same granularity only: "1998-02-06" == "1998-02-06", "1998-W6" ==
    "1998-W06"; a gold time of day is dropped ("1998-02-06TNI" ~ "1998-02-06"); gold "X"
    digits are wildcards ("XXXX-10" ~ "1998-10"); "PRESENT_REF" equals the DCT's day (or
    "PRESENT_REF"); quarters, seasons, decades, "PAST_REF"/"FUTURE_REF" must be equal as
    strings. A day never equals a month or week containing it."""
    g, o = _norm(gold), _norm(ours)
    if not o or not g:
        return False
    if g == o:
        return True
    if g == "PRESENT_REF":
        return o == dct[:10]
    if "X" in g and len(g) == len(o):
        return all(a == "X" or a == b for a, b in zip(g, o, strict=True))
    return False


def value_coarse_equal(gold: str, ours: str | None, dct: str) -> bool:
    """Lenient: equal, or one calendar value (YYYY, YYYY-MM, YYYY-MM-DD) contains the other
    (gold "1998-02" and ours "1998-02-06" agree at the month)."""
    if value_equal(gold, ours, dct):
        return True
    g, o = _norm(gold), _norm(ours)
    if g == "PRESENT_REF":
        g = dct[:10]
    if not (_YMD.match(g) and _YMD.match(o)):
        return False
    return g.startswith(o) or o.startswith(g)


# --------------------------------------------------------------------------- scoring


def score(docs: Sequence[TimexDoc], preds: dict[str, list[PredDate]]) -> dict[str, Any]:
    """Metrics for predictions given as plain data (document id -> predicted dates)."""
    n_gold = n_pred = tp_strict = tp_relaxed = right = coarse = ignored = 0
    for doc in docs:
        gold = doc.dates
        gold_spans = [(t.start, t.end) for t in gold]
        other = [(t.start, t.end) for t in doc.timexes if t.type != "DATE"]
        kept: dict[Span, PredDate] = {}
        for p in preds.get(doc.id, []):
            span = (p.start, p.end)
            if any(overlaps(span, o) for o in other) and not any(
                overlaps(span, g) for g in gold_spans
            ):
                ignored += 1
                continue
            kept.setdefault(span, p)
        pred_spans = sorted(kept)
        n_gold += len(gold_spans)
        n_pred += len(pred_spans)
        tp_strict += len(match_spans(pred_spans, gold_spans, overlap=False))
        pairs = match_spans(pred_spans, gold_spans, overlap=True)
        tp_relaxed += len(pairs)
        for gi, pi in pairs.items():
            value = kept[pred_spans[pi]].value
            right += value_equal(gold[gi].value, value, doc.dct)
            coarse += value_coarse_equal(gold[gi].value, value, doc.dct)
    strict = prf(tp_strict, n_pred, n_gold)
    relaxed = prf(tp_relaxed, n_pred, n_gold)
    return {
        "strict_span_f1": strict["f1"],
        "relaxed_span_f1": relaxed["f1"],
        "relaxed_span_precision": relaxed["precision"],
        "relaxed_span_recall": relaxed["recall"],
        "value_accuracy": safe_div(right, tp_relaxed),
        "value_accuracy_coarse": safe_div(coarse, tp_relaxed),
        "value_f1": prf(right, n_pred, n_gold)["f1"],
        "gold_dates": n_gold,
        "predicted_dates": n_pred,
        "ignored_predictions": ignored,
    }


# --------------------------------------------------------------------------- baseline


def _baseline_value(found: str, when: datetime) -> str:
    s = found.strip().lower()
    if re.fullmatch(r"\d{4}", s) or "year" in s:
        return f"{when.year:04d}"
    if "week" in s:
        iso = when.isocalendar()
        return f"{iso[0]:04d}-W{iso[1]:02d}"
    has_day = bool(re.search(r"(?<!\d)\d{1,2}(?!\d)", s))
    if ("month" in s or _MONTHS.search(s)) and not has_day:
        return f"{when.year:04d}-{when.month:02d}"
    return when.date().isoformat()


def baseline_dates(text: str, dct: str) -> list[PredDate]:
    """dateparser's search_dates relative to the DCT, spans found by in-order string search;
    the value's granularity is guessed from the found words (a bare year, a month name
    without a day number, "week", else a day)."""
    from dateparser.search import search_dates

    base = datetime.combine(date.fromisoformat(dct[:10]), datetime.min.time())
    found = search_dates(text, languages=["en"], settings={"RELATIVE_BASE": base}) or []
    out: list[PredDate] = []
    cursor = 0
    for string, when in found:
        i = text.find(string, cursor)
        if i < 0:
            i = text.find(string)
            if i < 0:
                continue
        else:
            cursor = i + len(string)
        out.append(PredDate(i, i + len(string), _baseline_value(string, when)))
    return out


# --------------------------------------------------------------------------- running the system


def evaluate(
    data: Path,
    *,
    limit: int | None = None,
    analyzer: Analyzer | None = None,
    progress: Callable[[int, int | None], None] | None = None,
    split: str = "all",
) -> EvalResult:
    from newsgraph.evaluate.runner import analyze_articles
    from newsgraph.records import Article

    docs = load_gold(Path(data))
    docs = units_of_split(docs, split, lambda d: d.id, data)
    if limit is not None:
        docs = docs[:limit]
    if analyzer is None:
        from newsgraph.evaluate.geo import default_analyzer

        analyzer = default_analyzer("times")
    notes: list[str] = []
    if "times" not in analyzer.stages:
        notes.append("the times stage is not in the pipeline: newsgraph scores are 0")
    ours: dict[str, list[PredDate]] = {}
    failures: list[str] = []
    articles = [
        Article(id=d.id, text=d.text, published=d.dct, published_precision="day") for d in docs
    ]
    results, failed = analyze_articles(articles, analyzer, progress=progress)
    ours.update(
        (aid, [PredDate(x.start, x.end, x.value) for x in r.dates]) for aid, r in results.items()
    )
    failures.extend(f"{f.article_id}: {f.stage}: {f.message}" for f in failed)
    base = {d.id: baseline_dates(d.text, d.dct) for d in docs}
    details: dict[str, Any] = {
        "notes": notes,
        "failures": failures[:20],
        "n_failures": len(failures),
        "baseline": "dateparser search_dates, RELATIVE_BASE = document creation time",
    }
    return EvalResult(KIND, str(data), len(docs), score(docs, ours), score(docs, base), details,
                      split=split)


if __name__ == "__main__":
    from newsgraph.evaluate.geo import main

    sys.exit(main(kind=KIND))
