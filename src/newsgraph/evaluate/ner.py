"""``newsgraph eval ner``: CoNLL-2003 column files against our people, places, organizations.

Format: one token per line, the NER tag in the last column (IOB1 or IOB2), a blank line
between sentences, ``-DOCSTART-`` lines between documents. A folder is read file by file.
The text of a document is rebuilt from its tokens (one space between tokens, a newline
between sentences) with character offsets for every gold entity. Files without
``-DOCSTART-`` lines are cut into documents of ``CHUNK_SENTENCES`` sentences.

Gold types PER, LOC, ORG are scored (MISC is not). Our mentions map by kind
(``data/ner_kinds.csv``): person -> PER; place and state (a country or government named as
an actor) -> LOC; organization and group -> ORG; nationality (NORP) is not a place and is
not scored, nor are ``actor``/``other`` mentions. A mention counts when its span and type
equal a gold entity's (``precision``/``recall``/``f1``); ``untyped_*`` ignore the type and
``overlap_*`` accept any overlap of same-type spans.

Baseline: spaCy's own entities on the same text (PERSON; GPE/LOC/FAC; ORG).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsgraph.errors import NewsgraphError
from newsgraph.evaluate.common import EvalResult, overlaps, prf, units_of_split
from newsgraph.evaluate.runner import Progress, analyze_articles, failure_details, read_table
from newsgraph.records import Article

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from newsgraph.pipeline import Analyzer

TYPES = ("PER", "LOC", "ORG")
CHUNK_SENTENCES = 20

Entity = tuple[int, int, str]  # start, end, type

SPACY_TYPES = {"PERSON": "PER", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "ORG": "ORG"}


@dataclass
class GoldDoc:
    id: str
    text: str
    entities: list[Entity] = field(default_factory=list)


def mention_types() -> dict[str, str]:
    """newsgraph mention kind -> CoNLL type ('' = not scored)."""
    return {row["kind"]: row["conll"] for row in read_table("ner_kinds.csv")}


def _sentences(lines: list[str], path: Path) -> list[list[list[tuple[str, str]]]]:
    """Documents -> sentences -> (token, tag)."""
    docs: list[list[list[tuple[str, str]]]] = [[]]
    sent: list[tuple[str, str]] = []
    for i, line in enumerate(lines, 1):
        cols = line.split()
        if not cols:
            if sent:
                docs[-1].append(sent)
                sent = []
            continue
        if cols[0] == "-DOCSTART-":
            if sent:
                docs[-1].append(sent)
                sent = []
            if docs[-1]:
                docs.append([])
            continue
        if len(cols) < 2:
            raise NewsgraphError(f"{path}:{i}: expected 'token ... TAG' columns (CoNLL format)")
        tag = cols[-1]
        if tag != "O" and not (len(tag) > 2 and tag[1] == "-" and tag[0] in "BIES"):
            raise NewsgraphError(f"{path}:{i}: {tag!r} is not an IOB tag (CoNLL format)")
        sent.append((cols[0], tag))
    if sent:
        docs[-1].append(sent)
    return [d for d in docs if d]


def build_doc(doc_id: str, sentences: list[list[tuple[str, str]]]) -> GoldDoc:
    """Text and gold entity offsets for tokens of one document."""
    parts: list[str] = []
    pos = 0
    entities: list[Entity] = []
    for si, sent in enumerate(sentences):
        if si:
            parts.append("\n")
            pos += 1
        current: list[Any] | None = None  # [start, end, type]
        for ti, (token, tag) in enumerate(sent):
            if ti:
                parts.append(" ")
                pos += 1
            start, end = pos, pos + len(token)
            parts.append(token)
            pos = end
            prefix, etype = (tag[0], tag[2:]) if tag != "O" else ("O", "")
            continues = (
                current is not None and prefix in ("I", "E") and current[2] == etype
            )
            if continues and current is not None:
                current[1] = end
            else:
                if current is not None:
                    entities.append((current[0], current[1], current[2]))
                current = [start, end, etype] if prefix != "O" else None
            if prefix in ("E", "S") and current is not None:
                entities.append((current[0], current[1], current[2]))
                current = None
        if current is not None:
            entities.append((current[0], current[1], current[2]))
    kept = [e for e in entities if e[2] in TYPES]
    return GoldDoc(id=doc_id, text="".join(parts), entities=kept)


def looks_like_conll(path: Path) -> bool:
    """True when the first lines of ``path`` are CoNLL columns (a folder may hold notes too)."""
    try:
        with path.open(encoding="utf-8") as fh:
            lines = [line.split() for _, line in zip(range(50), fh, strict=False)]
    except (OSError, UnicodeDecodeError):
        return False
    rows = [cols for cols in lines if cols]
    if not rows:
        return False
    for cols in rows:
        if cols[0] == "-DOCSTART-":
            continue
        tag = cols[-1]
        if len(cols) < 2 or not (tag == "O" or (len(tag) > 2 and tag[1] == "-" and tag[0] in "BIES")):
            return False
    return True


def load_gold(data: Path) -> list[GoldDoc]:
    data = Path(data)
    if data.is_dir():
        files = sorted(p for p in data.rglob("*") if p.is_file() and looks_like_conll(p))
        if not files:
            raise NewsgraphError(f"No CoNLL column files under {data}")
    else:
        files = [data]
    docs: list[GoldDoc] = []
    for path in files:
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise NewsgraphError(f"Cannot read CoNLL file {path}: {exc}") from exc
        groups = _sentences(lines, path)
        if len(groups) == 1 and len(groups[0]) > CHUNK_SENTENCES:
            one = groups[0]
            groups = [one[i : i + CHUNK_SENTENCES] for i in range(0, len(one), CHUNK_SENTENCES)]
        for group in groups:
            docs.append(build_doc(f"{path.name}#{len(docs) + 1}", group))
    if not docs:
        raise NewsgraphError(f"No CoNLL sentences in {data}")
    return docs


def predicted_entities(mentions: list[dict[str, Any]], kinds: dict[str, str]) -> list[Entity]:
    """Our mentions (dicts with start, end, kind) as typed spans; unscored kinds dropped."""
    typed: set[Entity] = set()
    for m in mentions:
        etype = kinds.get(str(m.get("kind") or ""), "")
        if etype in TYPES:
            typed.add((int(m["start"]), int(m["end"]), etype))
    # A name is scored, not the phrase around it: an actor phrase ("Surrey captain Chris
    # Lewis") that contains another scored mention ("Chris Lewis") gives way to it.
    spans = {(s, e) for s, e, _t in typed}
    out = {
        (s, e, t)
        for s, e, t in typed
        if not any(s <= s2 and e2 <= e and (s2, e2) != (s, e) for s2, e2 in spans)
    }
    return sorted(out)


def _match(pred: list[Entity], gold: list[Entity], *, typed: bool, overlap: bool) -> int:
    used: set[int] = set()
    tp = 0
    for p in pred:
        for i, g in enumerate(gold):
            if i in used or (typed and p[2] != g[2]):
                continue
            same = overlaps((p[0], p[1]), (g[0], g[1])) if overlap else (p[0], p[1]) == (g[0], g[1])
            if same:
                used.add(i)
                tp += 1
                break
    return tp


def score(
    docs: list[GoldDoc], predictions: dict[str, list[Entity]]
) -> tuple[dict[str, float], dict[str, Any]]:
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # tp, pred, gold
    for doc in docs:
        pred = sorted(set(predictions.get(doc.id, [])))
        gold = sorted(set(doc.entities))
        for name, with_type, overlap in (("typed", True, False), ("untyped", False, False),
                                         ("overlap", True, True)):
            p_spans = pred if with_type else sorted({(s, e, "") for s, e, _ in pred})
            g_spans = gold if with_type else sorted({(s, e, "") for s, e, _ in gold})
            t = totals[name]
            t[0] += _match(p_spans, g_spans, typed=with_type, overlap=overlap)
            t[1] += len(p_spans)
            t[2] += len(g_spans)
        for etype in TYPES:
            p_t = [x for x in pred if x[2] == etype]
            g_t = [x for x in gold if x[2] == etype]
            t = totals[etype]
            t[0] += _match(p_t, g_t, typed=True, overlap=False)
            t[1] += len(p_t)
            t[2] += len(g_t)
    typed = prf(*totals["typed"])
    untyped = prf(*totals["untyped"])
    over = prf(*totals["overlap"])
    metrics = {
        "precision": typed["precision"],
        "recall": typed["recall"],
        "f1": typed["f1"],
        "untyped_f1": untyped["f1"],
        "overlap_f1": over["f1"],
    }
    for etype in TYPES:
        metrics[f"{etype.lower()}_f1"] = prf(*totals[etype])["f1"]
    details = {
        "per_type": {
            etype: {**prf(*totals[etype]), "gold": totals[etype][2], "predicted": totals[etype][1]}
            for etype in TYPES
        },
        "counts": {"documents": len(docs), "gold_entities": totals["typed"][2],
                   "predicted": totals["typed"][1]},
    }
    return metrics, details


def evaluate(
    data: Path,
    *,
    limit: int | None = None,
    analyzer: Analyzer | None = None,
    progress: Progress | None = None,
    split: str = "all",
) -> EvalResult:
    docs = load_gold(Path(data))
    docs = units_of_split(docs, split, lambda d: d.id, data)
    if limit is not None:
        docs = docs[:limit]
    kinds = mention_types()
    raw: dict[str, list[Entity]] = {}

    def on_doc(doc: Doc) -> None:
        aid = (doc._.ng_meta or {}).get("article_id", "")
        raw[aid] = sorted(
            {(e.start_char, e.end_char, SPACY_TYPES[e.label_]) for e in doc.ents if e.label_ in SPACY_TYPES}
        )

    articles = [Article(id=d.id, text=d.text) for d in docs]
    results, failures = analyze_articles(articles, analyzer, progress=progress, on_doc=on_doc)
    predictions = {
        aid: predicted_entities([{"start": m.start, "end": m.end, "kind": m.kind} for m in r.mentions], kinds)
        for aid, r in results.items()
    }
    metrics, details = score(docs, predictions)
    base, _ = score(docs, raw)
    details.update(failure_details(failures))
    return EvalResult(kind="ner", data=str(data), n=len(docs), metrics=metrics, baseline=base,
                      details=details, split=split)
