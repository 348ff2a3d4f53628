"""The tense of the clause a date expression sits in, read from the dependency parse.

A bare weekday or month resolves to the past in a past-tense clause ("met on Friday") and
to the future in a future one ("will meet on Friday"); :func:`clause_tense` tells which.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsgraph.times.calendar import Tense
from newsgraph.times.patterns import Grammar, grammar


def governing_verb(span: Span) -> Token | None:
    """The verb an expression modifies, directly or through a preposition; None when it
    modifies a noun or an adjective ("the Oct. 23 slaying", "payable Dec. 7"), whose time
    the clause's tense does not fix."""
    tok = span.root
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX"):
            return tok
        head = tok.head
        if head is tok:
            return None
        if head.pos_ in ("VERB", "AUX", "ADP") or span.start <= head.i < span.end:
            tok = head
            continue
        return None
    return None


def clause_tense(span: Span, *, parsed: bool | None = None, g: Grammar | None = None) -> Tense:
    """Tense of the clause governing ``span``: "past", "future" or None (present or unknown).

    ``g`` is the grammar whose word lists (future auxiliaries, future and intention verbs)
    are used, the packaged one by default."""
    doc = span.doc
    if not (doc.has_annotation("DEP") if parsed is None else parsed):
        return None
    g = g or grammar()
    future_aux = g.future_auxiliaries
    future_verbs = g.future_verbs
    tok: Token | None = governing_verb(span)
    if tok is None:
        return None
    chain = [tok]
    if tok.dep_ in ("xcomp", "ccomp", "advcl", "conj") and tok.head is not tok:
        chain.append(tok.head)
    intention = g.intention_verbs
    head = tok.head
    if (
        tok.tag_ == "VB"
        and any(c.tag_ == "TO" for c in tok.children)
        and head is not tok
        and head.lemma_.lower() in intention
        and head.tag_ in ("VBZ", "VBP")
    ):
        return "future"
    for verb in chain:
        auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        if any(a.lower_ in future_aux for a in auxes) or (
            verb.tag_ == "MD" and verb.lower_ in future_aux
        ):
            return "future"
        if (
            verb.lemma_ == "go"
            and verb.tag_ == "VBG"
            and any(c.dep_ == "xcomp" for c in verb.children)
        ):
            return "future"
        if (
            verb.lemma_.lower() in future_verbs
            and verb.tag_ == "VBN"
            and not any(a.tag_ == "VBD" for a in auxes)
            and (verb.i != tok.i or any(a.tag_ in ("VBZ", "VBP") for a in auxes))
        ):
            return "future"
        if verb.tag_ == "VBG" and any(a.tag_ in ("VBZ", "VBP") and a.lemma_ == "be" for a in auxes):
            return "future"
        if verb is tok:
            if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
                return "past"
            if verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes):
                return "past"
    return None
