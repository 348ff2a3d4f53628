"""Quotations with no cue next to them: after a colon that names a person, after a lead-in
clause ("As X put it, “…”"), standing alone (the speaker of the paragraph or of the previous
quote), or a quoted phrase inside a narrative sentence (a partial quotation of that
sentence's subject).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsgraph.quotes.bounds import (
    clause_final,
    closed_inside,
    is_title,
    largest_block,
    predicate_content,
    quote_core,
    word_count,
)
from newsgraph.quotes.cues import person_like, subject_of
from newsgraph.quotes.document import (
    VERB_POS,
    Cue,
    DocState,
    Found,
)
from newsgraph.quotes.marks import ALL_MARKS, QuotedSpan
from newsgraph.quotes.paragraph_speakers import (
    colon_person,
    lead_sentence_subject,
    paragraph_subject,
)
from newsgraph.quotes.verb_subject import syntactic_subject, wordlike


def unlinked(
    d: DocState,
    q: QuotedSpan,
    span: Span,
    paras: list[tuple[int, int]],
    inside: list[bool],
    found: list[Found],
) -> Found | None:
    """The attribution of a quotation no cue took (colon, lead-in, bare or partial),
    or None for a scare quote or a title."""
    doc = d.doc
    text = d.text
    body = text[q.start : q.end]
    words = word_count(body)
    para = next((p for p in paras if p[0] <= q.start < p[1]), None)
    before_in_para = text[para[0] : q.start] if para else ""
    after_in_para = text[q.end : para[1]] if para else ""
    if "\n" in after_in_para.rstrip() and closed_inside(text, q.start, q.end):
        # A paragraph of single-line paragraphs: the quotation ends its line.
        after_in_para = after_in_para[: after_in_para.index("\n")]
    standalone = word_count(after_in_para) == 0 and (
        word_count(before_in_para) == 0 or before_in_para.rstrip()[-1:] in ".!?:"
    )
    named = colon_person(doc, span.start)
    if named is not None and words >= d.lex.rules.numbers.min_partial_words:
        # … doesn't surprise pollster Daron Shaw: “…”: the person the colon presents.
        return Found(
            q.start,
            q.end,
            "direct",
            subject=named,
            fragments=list(q.fragments),
            rule="direct:colon",
        )
    lead = _lead_in_verb(d, span) if words >= d.lex.rules.numbers.min_partial_words else None
    if lead is not None and not is_title(body, d.lex.rules.words.title_small_words):
        # As The Post's columnist puts it, “…” / As the band sang, “…”: a clause ending in
        # a comma or colon right before a quotation that ends the sentence introduces it,
        # whatever its verb; that verb's person-like subject speaks.
        lead_verb, lead_subject = lead
        return Found(
            q.start,
            q.end,
            "direct",
            cue=(lead_verb.idx, lead_verb.idx + len(lead_verb.text)),
            cue_token=lead_verb.i,
            subject=lead_subject,
            fragments=list(q.fragments),
            rule="direct:lead-in",
        )
    if standalone and words >= d.lex.rules.numbers.min_partial_words:
        subject = paragraph_subject(d, para[0] if para else 0, span.start)
        if subject is None and para is not None and q.start == para[0]:
            subject = lead_sentence_subject(d, paras, para, span.start)
        prev = next((f for f in reversed(found) if f.subject is not None or f.inherited), None)
        return Found(
            q.start,
            q.end,
            "direct",
            subject=subject,
            inherited=prev if subject is None else None,
            fragments=list(q.fragments),
            rule="direct:bare",
        )
    # A quoted phrase inside a narrative sentence: a partial quotation.
    if words < d.lex.rules.numbers.min_partial_words or is_title(
        body, d.lex.rules.words.title_small_words
    ):
        return None
    if (
        not any(t.pos_ in VERB_POS for t in span)
        and words < d.lex.rules.numbers.min_verbless_partial_words
    ):
        return None
    verb = _governor(span, inside)
    if verb is None:
        return None
    subject = subject_of(d, verb)
    start, end = predicate_content(d, verb, q)
    if subject is not None and person_like(d.lex, subject):
        inherited = None
        body = d.text[q.start : q.end].lstrip(ALL_MARKS + "' ")
        outside = d.text[start : q.start] + d.text[q.end : end]
        if body[:1].islower() and word_count(outside) == 0:
            # that he had “very serious concerns …” / to end “the … regime”: when the
            # quotation is all the verb governs, the content is the clause around it.
            block = largest_block(d, [t.i for t in verb.subtree])
            if block is not None and block[0] <= q.start < block[1]:
                start, end = block[0], max(q.end, block[1])
    else:
        # "Guns are “a crisis”": the subject is the topic, not the speaker; the clause is
        # reported speech of the previous speaker.
        clause = [t.i for t in verb.subtree]
        block = largest_block(d, clause)
        if block is not None and block[0] <= q.start and q.end <= block[1] + 1:
            start, end = block
        subject = None
        inherited = next((f for f in reversed(found) if f.subject is not None or f.inherited), None)
        if inherited is None and _parenthetical_cue(d, span) is None:
            return None
    start, end = quote_core(d, start, end, [q])  # Shaw: “Historically, …”
    paren = _parenthetical_cue(d, span)
    if paren is not None:
        # South Carolina, he said, was “where we …”: the cue set off by commas speaks.
        paren.used = True
        return Found(
            start,
            end,
            "mixed",
            cue=paren.cue_span,
            cue_token=paren.token.i,
            subject=paren.subject,
            fragments=[(start, end)],
            rule="partial",
        )
    return Found(
        start,
        end,
        "mixed",
        cue=(verb.idx, verb.idx + len(verb.text)) if subject is not None else None,
        cue_token=verb.i if subject is not None else None,
        subject=subject,
        inherited=inherited,
        fragments=[(start, end)],
        rule="partial",
    )


def _lead_in_verb(d: DocState, span: Span) -> tuple[Token, Token] | None:
    """The verb and person-like subject of the clause that a comma or colon right before
    the quotation ends, when the quotation ends its sentence ("As X put it, “…”")."""
    doc = d.doc
    text = d.text
    before = text[: span.start_char].rstrip()
    if not before or before[-1] not in ",:" or "\n" in text[len(before) : span.start_char]:
        return None
    if not clause_final(text, span.end_char):
        return None
    s0 = d.sentence_of(span.start)[0]
    cue_tokens = {c.token.i for c in d.cues}
    i = span.start - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    for tok in reversed(doc[max(s0, i - d.lex.rules.numbers.before_window) : i]):
        if d.inside[tok.i] or "\n" in tok.text_with_ws or tok.text in (".", "!", "?", ";"):
            return None
        if tok.pos_ != "VERB" or not wordlike(tok):
            continue
        if tok.i in cue_tokens:
            return None  # a cue word of the lexicon: the other rules decide
        subject = syntactic_subject(tok)
        if subject is None or d.inside[subject.i] or subject.i < s0:
            return None
        if (
            subject.pos_ not in ("PROPN", "NOUN", "PRON")
            or subject.lower_ in d.lex.relatives
            or subject.lower_ in d.lex.rules.words.non_speaker_subjects
        ):
            return None
        return tok, subject
    return None


def _parenthetical_cue(d: DocState, span: Span) -> Cue | None:
    """A cue of the quotation's sentence set off by commas before it (", he said,")."""
    doc = d.doc
    s0, _s1 = d.sentence_of(span.start)
    for cue in d.cues:
        tok, subject = cue.token, cue.subject
        if (
            cue.used
            or cue.cls is None
            or not cue.cls.direct
            or subject is None
            or not s0 <= subject.i < tok.i < span.start
            or tok.i + 1 >= len(doc)
            or doc[tok.i + 1].text != ","
            or subject.left_edge.i == 0
            or doc[subject.left_edge.i - 1].text != ","
        ):
            continue
        return cue
    return None


def _governor(span: Span, inside: list[bool]) -> Token | None:
    """The verb outside the quotation that governs it."""
    for tok in span:
        head = tok.head
        if head.i >= span.start and head.i < span.end:
            continue
        hops = 0
        while hops < 6:
            if head.pos_ in VERB_POS and not inside[head.i] and wordlike(head):
                return head
            if head.head is head:
                break
            head, hops = head.head, hops + 1
    return None
