"""Speakers written outside a quotation's sentence: the person-like subject of the paragraph
before a bare quotation, of the last sentence of the paragraph before one that opens a
paragraph, or the person named before a colon.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.quotes.cues import person_like
from newsgraph.quotes.document import DocState


def paragraph_subject(d: DocState, para_start: int, before_tok: int) -> Token | None:
    """The nearest person-like subject of the sentences before ``before_tok`` in its paragraph."""
    doc = d.doc
    best: Token | None = None
    for tok in doc[:before_tok]:
        if tok.idx < para_start:
            continue
        if tok.dep_ != "nsubj" or tok.head.dep_ != "ROOT":
            continue
        if person_like(d.lex, tok):
            best = tok
    return best


def lead_sentence_subject(
    d: DocState, paras: list[tuple[int, int]], para: tuple[int, int], first: int
) -> Token | None:
    """He then had a question for the crowd.⏎“Who is going to pay for it?”: a quotation
    opening a paragraph after a sentence with no quotation whose subject is a person
    takes that subject (the last sentence of the paragraph before)."""
    doc = d.doc
    k = paras.index(para)
    if k == 0 or first == 0:
        return None
    prev_start = paras[k - 1][0]
    i = first - 1
    while i > 0 and doc[i].is_space:
        i -= 1
    s0, s1 = d.sentence_of(i)
    if doc[s0].idx < prev_start or any(d.inside[j] for j in range(s0, s1)):
        return None
    for tok in doc[s0:s1]:
        if tok.dep_ == "nsubj" and tok.head.dep_ == "ROOT" and person_like(d.lex, tok):
            return tok
    return None


def colon_person(doc: Doc, first: int) -> Token | None:
    """The name of a person written just before a colon that opens a quotation."""
    i = first - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    if i < 1 or doc[i].text != ":":
        return None
    name = doc[i - 1]
    if name.ent_type_ != "PERSON" or "\n" in name.text_with_ws:
        return None
    return name
