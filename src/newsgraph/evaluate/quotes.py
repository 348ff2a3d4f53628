"""Quote and attribution extraction against PolNeAR-style BRAT standoff.

Gold layout (read by structure): ``.ann`` files whose ``T`` lines are ``Source``, ``Cue``
and ``Content`` spans (possibly discontinuous: ``start end;start end``) and whose ``E``
lines tie them into attributions (``Attribution:T4 Content:T3 Cue:T2 Source:T1``, extra
pieces as ``Content2:`` ..., ``Attribution-no-source`` when there is no source). The text
of ``NAME_xxxx.ann`` (``xxxx``: the annotator) is ``NAME_xxxx.txt`` or ``NAME.txt`` beside
it or in a sibling ``text/`` folder. An article annotated by several annotators is scored
once, on the annotator file that sorts first.

Span scores (micro-averaged over the corpus): a gold span is its extent, from its first
fragment's start to its last fragment's end. *Exact* compares extents after trimming
whitespace and punctuation (quotation marks, commas, periods) from both ends of both
spans; *overlap* means a predicted span overlaps one of the gold fragments. Each gold and
each predicted span is matched at most once.

Attribution accuracy: a gold attribution with a source is right when some predicted quote's
content overlaps its content and that quote's speaker span overlaps its source.
"Direct" means the content is in double quotation marks (the same textual rule for gold
and predictions, see :func:`is_direct`).

Baseline: spans between double quotation marks of at least four words, attributed to the
nearest spaCy PERSON entity before the opening mark.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsgraph.errors import NewsgraphError
from newsgraph.evaluate.common import EvalResult, Span, overlaps, prf, safe_div, units_of_split

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from newsgraph.pipeline import Analyzer

KIND = "quotes"

TRIM_CHARS = " \t\r\n\"'“”‘’.,;:!?—–-()[]…"
OPEN_MARKS = "“\""
CLOSE_MARKS = "”\""
BASELINE_MIN_WORDS = 4
_QUOTED = re.compile(r"“([^“”]+)”|\"([^\"\n]+)\"")

Frags = tuple[Span, ...]
# A span or event line; other lines (notes, attributes, or the continuation of a span text
# that contains a line break) are not needed.
_SPAN_LINE = re.compile(r"^T\d+\t")
_EVENT_LINE = re.compile(r"^E\d+\t")


@dataclass
class GoldAttribution:
    content: list[Frags] = field(default_factory=list)
    source: list[Frags] = field(default_factory=list)
    cue: list[Frags] = field(default_factory=list)


@dataclass
class QuoteDoc:
    id: str
    text: str
    attributions: list[GoldAttribution]


@dataclass
class PredQuote:
    """A predicted quote: content span, speaker span and cue span (None when absent)."""

    start: int
    end: int
    speaker: Span | None = None
    cue: Span | None = None


# --------------------------------------------------------------------------- reading gold


def _text_for(ann: Path) -> Path | None:
    base = re.sub(r"_[0-9a-f]{4}$", "", ann.stem)
    for candidate in (
        ann.with_suffix(".txt"),
        ann.parent / f"{base}.txt",
        ann.parent.parent / "text" / f"{base}.txt",
        ann.parent.parent / "text" / f"{ann.stem}.txt",
    ):
        if candidate.exists():
            return candidate
    return None


def read_ann(ann: Path, text: str) -> list[GoldAttribution]:
    spans: dict[str, tuple[str, Frags]] = {}
    events: list[tuple[int, list[tuple[str, str]]]] = []
    for n, line in enumerate(ann.read_text(encoding="utf-8").splitlines(), 1):
        parts = line.split("\t")
        if _SPAN_LINE.match(line):
            if len(parts) < 2 or " " not in parts[1]:
                raise NewsgraphError(f"{ann}:{n}: malformed span line {line[:60]!r}.")
            kind, offsets = parts[1].split(" ", 1)
            try:
                frags = tuple(
                    (int(a), int(b))
                    for a, b in (f.split() for f in offsets.split(";"))
                )
            except ValueError as exc:
                raise NewsgraphError(f"{ann}:{n}: bad offsets {offsets!r}.") from exc
            for a, b in frags:
                if not (0 <= a <= b <= len(text)):
                    raise NewsgraphError(
                        f"{ann}:{n}: span {a}-{b} lies outside the text ({len(text)} chars)."
                    )
            spans[parts[0]] = (kind, frags)
        elif _EVENT_LINE.match(line):
            if len(parts) < 2:
                raise NewsgraphError(f"{ann}:{n}: malformed event line {line[:60]!r}.")
            args = []
            for arg in parts[1].split():
                role, _, ref = arg.partition(":")
                if not ref:
                    raise NewsgraphError(f"{ann}:{n}: malformed event argument {arg!r}.")
                args.append((role, ref))
            events.append((n, args))
    out: list[GoldAttribution] = []
    for n, args in events:
        att = GoldAttribution()
        for role, ref in args:
            if ref not in spans:
                raise NewsgraphError(f"{ann}:{n}: event refers to unknown span {ref}.")
            frags = spans[ref][1]
            base = role.rstrip("0123456789")
            if base == "Content":
                att.content.append(frags)
            elif base == "Source":
                att.source.append(frags)
            elif base == "Cue":
                att.cue.append(frags)
        if att.content:
            out.append(att)
    return out


def load_gold(data: Path) -> tuple[list[QuoteDoc], list[str]]:
    if not data.exists():
        raise NewsgraphError(f"{data}: no such file or folder.")
    anns = [data] if data.is_file() else sorted(data.rglob("*.ann"))
    if not anns:
        raise NewsgraphError(f"{data}: no BRAT .ann files found.")
    chosen: dict[str, Path] = {}
    for ann in anns:
        key = str(ann.parent / re.sub(r"_[0-9a-f]{4}$", "", ann.stem))
        if key not in chosen:
            chosen[key] = ann
    docs: list[QuoteDoc] = []
    notes: list[str] = []
    if len(chosen) < len(anns):
        notes.append(
            f"{len(anns) - len(chosen)} extra annotator files skipped (one annotator per article)"
        )
    for key, ann in sorted(chosen.items()):
        txt = _text_for(ann)
        if txt is None:
            raise NewsgraphError(f"{ann}: cannot find its text file (looked beside it and in ../text/).")
        text = txt.read_text(encoding="utf-8")
        doc_id = Path(key).name
        if any(d.id == doc_id for d in docs):  # the same article name in two folders
            doc_id = f"{doc_id}#{len(docs)}"
        docs.append(QuoteDoc(doc_id, text, read_ann(ann, text)))
    return docs, notes


# --------------------------------------------------------------------------- scoring


def trim(text: str, span: Span) -> Span:
    s, e = span
    while s < e and text[s] in TRIM_CHARS:
        s += 1
    while e > s and text[e - 1] in TRIM_CHARS:
        e -= 1
    return (s, e)


def extent(frags: Frags) -> Span:
    return (min(a for a, _ in frags), max(b for _, b in frags))


def is_direct(text: str, span: Span) -> bool:
    """True when the span is (within) double quotation marks: its first visible character
    (or the one just before it) opens a quotation and its last one (or the one just after
    it, past closing punctuation) closes it."""
    s, e = span
    inner = text[s:e].strip()
    if not inner:
        return False
    opens = inner[0] in OPEN_MARKS
    if not opens:
        i = s - 1
        while i >= 0 and text[i] in " \t":
            i -= 1
        opens = i >= 0 and text[i] in OPEN_MARKS
    body = inner.rstrip(" .,;:!?")
    closes = bool(body) and body[-1] in CLOSE_MARKS
    if not closes:
        j = e
        while j < len(text) and text[j] in " \t.,;:!?":
            j += 1
        closes = j < len(text) and text[j] in CLOSE_MARKS
    return opens and closes


def _count_matches(
    pred: Sequence[Span], gold: Sequence[Frags], same: Callable[[Span, Frags], bool]
) -> int:
    used: set[int] = set()
    tp = 0
    for g in gold:
        for i, p in enumerate(pred):
            if i not in used and same(p, g):
                used.add(i)
                tp += 1
                break
    return tp


def _overlaps_any(span: Span, frags: Sequence[Frags]) -> bool:
    return any(overlaps(span, f) for fr in frags for f in fr)


@dataclass
class _Counts:
    tp: dict[str, int] = field(default_factory=dict)
    n_pred: dict[str, int] = field(default_factory=dict)
    n_gold: dict[str, int] = field(default_factory=dict)
    att_scored: int = 0
    att_right: int = 0
    direct_scored: int = 0
    direct_right: int = 0
    pred_with_speaker: int = 0
    pred_right: int = 0

    def add(self, key: str, tp: int, n_pred: int, n_gold: int) -> None:
        self.tp[key] = self.tp.get(key, 0) + tp
        self.n_pred[key] = self.n_pred.get(key, 0) + n_pred
        self.n_gold[key] = self.n_gold.get(key, 0) + n_gold

    def prf(self, key: str) -> dict[str, float]:
        return prf(self.tp.get(key, 0), self.n_pred.get(key, 0), self.n_gold.get(key, 0))


def _score_doc(c: _Counts, doc: QuoteDoc, preds: Sequence[PredQuote]) -> None:
    text = doc.text
    roles: dict[str, tuple[list[Span], list[Frags]]] = {
        "source": (
            sorted({p.speaker for p in preds if p.speaker is not None}),
            sorted({f for a in doc.attributions for f in a.source}),
        ),
        "cue": (
            sorted({p.cue for p in preds if p.cue is not None}),
            sorted({f for a in doc.attributions for f in a.cue}),
        ),
        "content": (
            sorted({(p.start, p.end) for p in preds}),
            sorted({f for a in doc.attributions for f in a.content}),
        ),
    }
    direct_pred = [s for s in roles["content"][0] if is_direct(text, s)]
    direct_gold = [f for f in roles["content"][1] if is_direct(text, extent(f))]
    roles["direct_content"] = (direct_pred, direct_gold)

    def exact(p: Span, g: Frags) -> bool:
        return trim(text, p) == trim(text, extent(g))

    def ovl(p: Span, g: Frags) -> bool:
        return any(overlaps(p, f) for f in g)

    for role, (pred, gold) in roles.items():
        c.add(f"{role}_exact", _count_matches(pred, gold, exact), len(pred), len(gold))
        c.add(f"{role}_overlap", _count_matches(pred, gold, ovl), len(pred), len(gold))

    def right(att: GoldAttribution, p: PredQuote) -> bool:
        return (
            p.speaker is not None
            and _overlaps_any((p.start, p.end), att.content)
            and _overlaps_any(p.speaker, att.source)
        )

    for att in doc.attributions:
        if not att.source:
            continue
        ok = any(right(att, p) for p in preds)
        c.att_scored += 1
        c.att_right += ok
        if any(is_direct(text, extent(f)) for f in att.content):
            c.direct_scored += 1
            c.direct_right += ok
    for p in preds:
        if p.speaker is None:
            continue
        c.pred_with_speaker += 1
        c.pred_right += any(right(att, p) for att in doc.attributions if att.source)


def score(docs: Sequence[QuoteDoc], preds: dict[str, list[PredQuote]]) -> dict[str, Any]:
    """Metrics for predictions given as plain data (document id -> predicted quotes)."""
    c = _Counts()
    for doc in docs:
        _score_doc(c, doc, preds.get(doc.id, []))
    content = c.prf("content_overlap")
    return {
        "source_exact_f1": c.prf("source_exact")["f1"],
        "source_overlap_f1": c.prf("source_overlap")["f1"],
        "cue_exact_f1": c.prf("cue_exact")["f1"],
        "cue_overlap_f1": c.prf("cue_overlap")["f1"],
        "content_exact_f1": c.prf("content_exact")["f1"],
        "content_overlap_precision": content["precision"],
        "content_overlap_recall": content["recall"],
        "content_overlap_f1": content["f1"],
        "attribution_accuracy": safe_div(c.att_right, c.att_scored),
        "attribution_precision": safe_div(c.pred_right, c.pred_with_speaker),
        "direct_content_overlap_f1": c.prf("direct_content_overlap")["f1"],
        "direct_content_exact_f1": c.prf("direct_content_exact")["f1"],
        "direct_speaker_accuracy": safe_div(c.direct_right, c.direct_scored),
        "gold_attributions_with_source": c.att_scored,
        "gold_direct_attributions": c.direct_scored,
        "gold_contents": c.n_gold.get("content_exact", 0),
        "predicted_quotes": c.n_pred.get("content_exact", 0),
    }


# --------------------------------------------------------------------------- baseline


def baseline_quotes(text: str, persons: Sequence[Span]) -> list[PredQuote]:
    """Spans inside double quotation marks (at least BASELINE_MIN_WORDS words), each
    attributed to the nearest PERSON span that ends before the opening mark."""
    persons = sorted(persons)
    out: list[PredQuote] = []
    for m in _QUOTED.finditer(text):
        g = 1 if m.group(1) is not None else 2
        s, e = m.start(g), m.end(g)
        if len(text[s:e].split()) < BASELINE_MIN_WORDS:
            continue
        before = [p for p in persons if p[1] <= m.start()]
        out.append(PredQuote(s, e, before[-1] if before else None))
    return out


# --------------------------------------------------------------------------- running the system


def _system_quotes(result: Any) -> list[PredQuote]:
    out = []
    for q in result.quotes:
        speaker = None
        sp = q.speaker or {}
        if sp.get("start") is not None and sp.get("end") is not None:
            speaker = (int(sp["start"]), int(sp["end"]))
        cue = None
        if q.cue_start is not None and q.cue_end is not None:
            cue = (int(q.cue_start), int(q.cue_end))
        out.append(PredQuote(int(q.start), int(q.end), speaker, cue))
    return out


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

    docs, notes = load_gold(Path(data))
    docs = units_of_split(docs, split, lambda d: d.id, data)
    if limit is not None:
        docs = docs[:limit]
    if analyzer is None:
        from newsgraph.evaluate.geo import default_analyzer

        analyzer = default_analyzer("quotes")
    texts = {d.id: d.text for d in docs}
    ours: dict[str, list[PredQuote]] = {}
    base: dict[str, list[PredQuote]] = {}
    failures: list[str] = []

    def on_doc(doc: Doc) -> None:
        aid = (doc._.ng_meta or {}).get("article_id", "")
        persons = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"]
        base[aid] = baseline_quotes(texts[aid], persons)

    articles = [Article(id=d.id, text=d.text) for d in docs]
    results, failed = analyze_articles(articles, analyzer, progress=progress, on_doc=on_doc)
    ours.update((aid, _system_quotes(r)) for aid, r in results.items())
    failures.extend(f"{f.article_id}: {f.stage}: {f.message}" for f in failed)
    if "quotes" not in analyzer.stages:
        notes.append("the quotes stage is not in the pipeline: newsgraph scores are 0")
    details: dict[str, Any] = {
        "notes": notes,
        "failures": failures[:20],
        "n_failures": len(failures),
        "baseline": f"text in double quotation marks (>= {BASELINE_MIN_WORDS} words), "
        "speaker = nearest preceding spaCy PERSON entity, no cue",
    }
    return EvalResult(KIND, str(data), len(docs), score(docs, ours), score(docs, base), details,
                      split=split)


if __name__ == "__main__":
    from newsgraph.evaluate.geo import main

    sys.exit(main(kind=KIND))
