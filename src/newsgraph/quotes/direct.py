"""Direct quotations: a quotation linked to its cue, and the quotations that continue it.

A quotation whose words are the complement of a cue, or that sits next to a cue, is a
direct quote of that cue; one inside a cue's longer complement makes that attribution mixed.
A quotation that follows a direct quote in the same paragraph, or opens the next one,
continues it ("“…,” he said. “…”").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsgraph.quotes.bounds import one_sentence, word_count
from newsgraph.quotes.cues import gerund_doer
from newsgraph.quotes.document import VERB_POS, Cue, DocState, Found
from newsgraph.quotes.marks import QuotedSpan
from newsgraph.quotes.nearby_cues import adjacent, cue_after, cue_before, dash_source


def direct(
    d: DocState,
    q: QuotedSpan,
    span: Span,
    cues: list[Cue],
    quote_of_token: dict[int, int],
    k: int,
) -> Found | None:
    """The direct (or partly reported) quote a cue takes quotation ``q`` as, or None; a
    quotation inside a cue's longer content marks that cue mixed and ``q`` absorbed."""
    text = d.text
    # (b) the cue's complement lies within the quotation.
    best: Cue | None = None
    for cue in cues:
        if cue.content is None or cue.cls is None or not cue.cls.direct or cue.used:
            continue
        cs, ce = cue.content
        if q.start <= cs and ce <= q.end and adjacent(d, cue.token, span, quote_of_token, k):
            best = cue
            break
    # (c) a cue right after or right before the quotation.
    if best is None:
        best = cue_after(d, span, cues, quote_of_token, k)
    if best is None:
        best = cue_before(d, span, cues, quote_of_token, k)
    if best is None:
        best = dash_source(d, span, q.end)
    if best is None:
        # (a) the quotation is part of a longer reported clause: a mixed attribution.
        for cue in cues:
            if cue.content is None:
                continue
            cs, ce = cue.content
            tail = text[ce : q.end] if q.end > ce else ""
            if cs <= q.start < ce and not any(ch.isalnum() for ch in tail):
                outside = text[cs : q.start] + text[q.end : ce]
                if word_count(outside) > 0:
                    cue.mixed = True
                    cue.content = (cs, max(ce, q.end))  # keep the closing mark
                    q.absorbed = True
                    return None
        return None
    best.used = True
    start, kind = q.start, "direct"
    before = text[: q.start].rstrip()
    if before.lower().endswith(" that") and best.token.i < span.start:
        start, kind = len(before) - 4, "mixed"  # said that “…”: reported, partly quoted
    elif best.token.i < span.start:
        # said that once the Senate goes home, “I intend …”: the that-clause the
        # quotation ends is reported speech, partly quoted.
        lead = text[best.cue_span[1] : q.start]
        stripped = lead.lstrip()
        if stripped.lower().startswith(("that ", "that,")) and word_count(lead) <= d.lex.rules.numbers.that_clause_words:
            start, kind = best.cue_span[1] + len(lead) - len(stripped), "mixed"
    subject = best.subject
    if best.token.i < span.start:
        subject = gerund_doer(d, best.token) or subject
    if best.token.i >= span.end and best.signature is None:
        subject = _written_before_cue(d, span.end, best.token.i, subject)
        if (
            subject is None
            or subject.i < best.token.i
            and not (span.end <= subject.i < best.token.i)
        ):
            subject = _written_after_cue(d, best.token.i) or subject
    return Found(
        start,
        q.end,
        kind,
        cue=best.cue_span,
        cue_token=best.token.i,
        subject=subject,
        speaker_span=best.signature,
        fragments=list(q.fragments),
        rule="direct:cue" if best.signature is None else "direct:dash",
    )


def _written_after_cue(d: DocState, cue_i: int) -> Token | None:
    """“…,” added another New Hampshire Democrat / said Larry Noble, a lawyer: the
    noun phrase right after an inverted cue is the speaker (its last noun before a
    comma, preposition or verb)."""
    doc = d.doc
    if doc[cue_i].tag_ not in ("VBD", "VBZ", "VBP"):
        return None  # “…,” to describe those …: only a finite cue verb is inverted
    head: Token | None = None
    for tok in doc[cue_i + 1 : cue_i + 1 + d.lex.rules.numbers.inverted_speaker_tokens]:
        if tok.is_punct or tok.is_space or tok.pos_ in ("ADP", "VERB", "AUX", "SCONJ", "CCONJ"):
            break
        if "\n" in tok.text_with_ws:
            if tok.pos_ in ("NOUN", "PROPN"):
                head = tok
            break
        if tok.pos_ in ("NOUN", "PROPN"):
            head = tok
        elif tok.pos_ not in ("DET", "ADJ", "NUM", "PRON") and head is not None:
            break
    if head is None and cue_i + 1 < len(doc) and doc[cue_i + 1].pos_ == "PRON":
        return doc[cue_i + 1]
    return head


def _written_before_cue(d: DocState, first: int, cue_i: int, subject: Token | None) -> Token | None:
    """“…,” Ramos, 58, told AFP / “…,” Trump barked and …: the words between the quotation
    and its cue name the speaker, whatever the parse made of them (it often takes the
    listener or nothing as the subject)."""
    doc = d.doc
    if subject is not None and first <= subject.i < cue_i:
        return subject
    words: list[Token] = []
    for tok in doc[first:cue_i]:
        if tok.is_space or (tok.is_punct and not words):
            continue
        if tok.is_punct or "\n" in tok.text_with_ws and tok.i < cue_i - 1:
            break
        words.append(tok)
    nouns = [t for t in words if t.pos_ in ("PROPN", "NOUN", "PRON")]
    if not nouns or len(words) > d.lex.rules.numbers.speaker_before_cue_words or any(t.pos_ in VERB_POS for t in words):
        return subject
    return nouns[-1]


def continuation(
    d: DocState,
    q: QuotedSpan,
    prev: Found | None,
    paras: list[tuple[int, int]],
) -> Found | None:
    """Extend the previous direct quote when this quotation continues it."""
    doc = d.doc
    if prev is None or prev.cue is None or prev.rule == "direct:dash":
        return None  # “…” — Ana Torres: a signed quotation is over
    text = d.text
    gap = text[prev.end : q.start]
    para_q = next((p for p in paras if p[0] <= q.start < p[1]), None)
    para_prev = next((p for p in paras if p[0] <= prev.end - 1 < p[1]), None)
    if para_q is None or para_prev is None:
        return None
    same_para = para_q == para_prev
    next_para = paras.index(para_q) == paras.index(para_prev) + 1
    cue_in_gap = prev.cue[0] >= prev.end and prev.cue[1] <= q.start
    if same_para and cue_in_gap and (word_count(gap) <= d.lex.rules.numbers.continuation_gap_words or one_sentence(doc, prev.end, q.start)):
        # “…,” she said during a visit to the plant on Monday. “…”: one quotation.
        pass
    elif (
        next_para
        and q.start == para_q[0]
        and (
            (
                word_count(text[prev.end : para_prev[1]]) <= d.lex.rules.numbers.continuation_gap_words
                and one_sentence(doc, prev.end, para_prev[1])
            )
            or (cue_in_gap and one_sentence(doc, prev.end, para_prev[1]))
        )
    ):
        if not (
            cue_in_gap
            or prev.cue[1] <= prev.start
            or word_count(text[prev.end : para_prev[1]]) == 0
        ):
            return None
    else:
        return None
    prev.end = q.end
    prev.fragments.extend(q.fragments)
    return prev
