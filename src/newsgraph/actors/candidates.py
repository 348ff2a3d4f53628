"""Candidate mentions: what the find step hands to the resolve step (coref), and the
small token helpers the find steps share.

Kept apart from the component so that coref can use the ``Cand`` type without importing
the component (which imports coref).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Token

from newsgraph.actors.dictionary import Entry
from newsgraph.language.countries import country_name
from newsgraph.language.text import fold

NOUN_POS = frozenset({"NOUN", "PROPN"})
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "poss", "npadvmod"})
NOT_PERSON_ENTS = frozenset(
    {"ORG", "FAC", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "NORP"}
)


@dataclass
class Cand:
    """A candidate mention: a stretch of text and what the text says about its actor."""

    start: int  # token offsets, end exclusive
    end: int
    head: int  # the token that carries the syntax (dep, sentence)
    name: str
    kind: str  # person | organization | state | group | pronoun
    country: str | None = None
    sector: str | None = None
    entry: Entry | None = None
    role: str | None = None
    person_name: tuple[str, ...] = ()
    titled_only: bool = False  # "the president", "the foreign minister": a title, no name
    definite: bool = False
    key: tuple[Any, ...] | None = None
    poss_pronoun: int | None = None  # token of "his" in "his country's troops"
    rule: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


def state_cand(doc: Doc, start: int, end: int, head: int, iso3: str, rule: str) -> Cand:
    """A country acting as itself ("Russia", "an Indian proposal"), keyed as that state."""
    name = country_name(iso3) or doc[start:end].text
    cand = Cand(start, end, head, name, "state", iso3, None, rule=rule, definite=True)
    cand.key = ("state", iso3)
    return cand


def root_of(doc: Doc, start: int, end: int) -> Token:
    """The token of doc[start:end] whose head lies outside it (the span's syntactic root)."""
    span = doc[start:end]
    for tok in span:
        if tok.head.i < start or tok.head.i >= end or tok.head.i == tok.i:
            return tok
    return span.root


def described_by(
    described: dict[int, tuple[str | None, str | None]], start: int, end: int
) -> tuple[str | None, str | None]:
    """Country and sector of a descriptor before a name ("the rebel group" Seleka)."""
    for i in range(start, end):
        if i in described:
            return described[i]
    return None, None


def phrase_end(tok: Token) -> int:
    """End (exclusive) of a noun's own phrase: its clauses, appositions and lists excluded."""
    end = tok.i + 1
    for child in tok.rights:
        if child.dep_ in ("relcl", "acl", "advcl", "appos", "conj", "cc", "punct"):
            break
        end = max(end, child.right_edge.i + 1)
    return end


def lemma_of(tok: Token) -> str:
    return fold(tok.lemma_)


def singular_lemma(tok: Token) -> str:
    """Lower-case lemma; Title Case plurals the model does not lemmatize lose their -s."""
    lemma = fold(tok.lemma_)
    if tok.tag_ in PLURAL_TAGS and lemma == fold(tok.text) and lemma.endswith("s"):
        return lemma[:-1]
    return lemma


def is_plural(tok: Token) -> bool:
    return tok.tag_ in PLURAL_TAGS and singular_lemma(tok) != fold(tok.text)


def depth_below(tok: Token, top: Token) -> int:
    depth = 0
    while tok.i != top.i and tok.head.i != tok.i:
        tok = tok.head
        depth += 1
    return depth
