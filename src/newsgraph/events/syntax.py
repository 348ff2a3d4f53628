"""Small syntax helpers of the events stage: three parser misreadings (a headline's
passive without its auxiliary, a "for" clause, a main verb read as a participle), the
objects of a preposition, and the subject of an event verb (:func:`subject`: the shared
:data:`newsgraph.language.syntax.ACTOR_RULES` with the stage's own word lists and these
repairs). The lexicon (matching), the certainty rules and the clause roles all use them, so
they live here rather than in any of those modules (which would make them import each
other). The clause a token sits in and a token's word forms are the shared ones."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Token

from newsgraph.language.syntax import ACTOR_RULES, SubjectRules, clause_head, subject_of, word_forms

if TYPE_CHECKING:
    from newsgraph.events.resources import EventsData
    from newsgraph.events.tables import ArgumentNouns, Words

VERB_TAGS = ("VERB", "AUX")


SENTENCE_END = {".", "!", "?", '"', "”", "'", "’", ":", ";"}


def headline_passive(tok: Token) -> bool:
    """A headline's passive without its auxiliary: "Opposition leader detained at airport",
    "Activist released". The main verb of a sentence without final punctuation, a past
    participle or past form with a subject, no auxiliary and no object."""
    if tok.dep_ != "ROOT" or tok.tag_ not in ("VBN", "VBD"):
        return False
    sent = tok.sent
    last = len(sent) - 1
    # a sentence wrapped in brackets or quotes ends before them: "{... period.}"
    while last > 0 and (sent[last].is_bracket or sent[last].is_quote or sent[last].is_space):
        last -= 1
    if sent[last].text in SENTENCE_END or sent[-1].text in SENTENCE_END:
        return False
    kids = [c.dep_ for c in tok.children]
    if any(d in ("aux", "auxpass", "dobj", "obj", "dative", "ccomp", "xcomp") for d in kids):
        return False
    return "nsubj" in kids


def for_clause_marks(tok: Token) -> list[Token]:
    """ "called for Israel to halt the raids": the parser makes "for" the marker of an
    infinitive clause with its own subject; the verb's "for" phrase is that clause."""
    return [
        g
        for c in tok.children
        if c.dep_ == "advcl"
        and (
            any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            # "pushing for the US support the plan": the infinitive without its "to"
            or (c.tag_ == "VB" and any(a.dep_ == "nsubj" for a in c.children))
        )
        for g in c.children
        if g.dep_ == "mark" and g.lower_ == "for" and g.i < c.i
    ]


def misread_main_verb(tok: Token) -> Token | None:
    """A past tense the parser read as a participle on a noun: in "An official newspaper
    called on Arabs to unite." or "Doctors from two aid groups donated goods." the sentence
    has a noun for root and the verb hangs on it (or on the object of its preposition) as a
    clause. In a full sentence (final stop) without a passive agent or auxiliary, that
    verb is the main verb and the root noun its subject; the noun is returned."""
    if tok.dep_ != "acl" or tok.tag_ not in ("VBN", "VBD"):
        return None
    sent = tok.sent
    root = sent.root
    if root.pos_ not in ("NOUN", "PROPN") or tok.i < root.i:
        return None
    head = tok.head
    if head != root and not (
        head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head == root
    ):
        return None
    last = len(sent) - 1
    while last > 0 and (sent[last].is_bracket or sent[last].is_quote or sent[last].is_space):
        last -= 1
    if sent[last].text not in (".", "!"):
        return None
    if any(c.dep_ in ("agent", "auxpass", "aux") for c in tok.children):
        return None
    if any(t.is_punct for t in sent.doc[root.i + 1 : tok.i]):
        return None  # "the man, arrested last week, ..." is a participle
    return root


def pobjs(tok: Token, preps: tuple[str, ...]) -> list[Token]:
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ in ("prep", "dative", "agent") and c.lower_ in preps:
            out.extend(g for g in c.children if g.dep_ == "pobj")
    return out


def subject_rules(words: Words, nouns: ArgumentNouns) -> SubjectRules:
    """The actor of an event verb: :data:`ACTOR_RULES` with the stage's relative pronouns
    and statement nouns ("issued a declaration demanding"), the headline passive and
    misread main verb repairs, and quantity heads looked through ("tens of thousands of
    students" gives "students")."""
    quantity = words.quantity_heads
    statements = nouns.statements

    def through_quantity(subj: Token) -> Token:
        for _ in range(3):
            if subj.lower_ not in quantity and subj.pos_ != "NUM":
                break
            of_phrase = pobjs(subj, ("of",))
            if not of_phrase:
                break
            subj = of_phrase[0]
        return subj

    return replace(
        ACTOR_RULES,
        relative_pronouns=frozenset(words.relative_pronouns),
        headline_passive=headline_passive,
        statement_noun=statements.__contains__,
        misread=misread_main_verb,
        finish=through_quantity,
    )


def subject(verb: Token, data: EventsData) -> tuple[Token | None, bool]:
    """The subject token of an event verb and whether the verb is passive (looking through
    conjunctions, control verbs, participles and relative clauses)."""
    return subject_of(verb, data.subject_rules)


__all__ = [
    "VERB_TAGS",
    "clause_head",
    "for_clause_marks",
    "headline_passive",
    "misread_main_verb",
    "pobjs",
    "subject",
    "subject_rules",
    "word_forms",
]
