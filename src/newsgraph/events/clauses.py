"""Clause roles: the objects and prepositional phrases of a verb, and the clauses an
event noun sits in (where its source or the event it is part of is found)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from newsgraph.events.arguments import ActorIndex, core_tokens, refs_for
from newsgraph.events.syntax import VERB_TAGS, pobjs, subject

if TYPE_CHECKING:
    from newsgraph.events.resources import EventsData
    from newsgraph.events.tables import Words

# How an event noun may hang below the verb whose subject becomes its source.
INHERIT_DEPS = {"dobj", "obj", "acl", "compound", "attr", "oprd", "conj", "appos"}


def detached_agent(verb: Token) -> list[Token]:
    """The agent of a passive that the parser hung on the active verb above it: "X has
    been accused of misusing funds, much of it believed embezzled, by officials"."""
    head = verb.head
    if (
        verb.dep_ not in ("ccomp", "conj", "advcl")
        or head.pos_ not in VERB_TAGS
        or any(c.dep_ in ("auxpass", "nsubjpass") for c in head.children)
    ):
        return []
    return [p for p in pobjs(head, ("by",)) if p.i > verb.i and p.pos_ in ("NOUN", "PROPN")]


def state_verb(tok: Token, words: Words) -> Token | None:
    """The verb that puts someone into the state an event noun names: "was put under
    investigation", "placed him under arrest", "taken into custody"."""
    prep = tok.head
    if (
        tok.dep_ == "pobj"
        and prep.dep_ == "prep"
        and prep.lower_ in words.state_preps
        and prep.head.pos_ in VERB_TAGS
    ):
        return prep.head
    return None


def quantity_objects(verb: Token) -> list[Token]:
    """ "kidnapped up to 16 advisers": the parser reads "up" as a particle and "to 16
    advisers" as its phrase; the counted noun is the object."""
    for c in verb.children:
        if c.dep_ == "prt" and c.lower_ == "up":
            got = pobjs(c, ("to",))
            if got and any(g.dep_ == "nummod" or g.like_num for g in got[0].children):
                return got
    return []


def items_of(heads: list[Token]) -> list[str]:
    items: list[str] = []
    for h in heads:
        for t in [h, *h.conjuncts]:
            core = core_tokens(t)
            text = t.doc[core[0].i : core[-1].i + 1].text
            if text and text not in items:
                items.append(text)
    return items


def inherited_source(
    tok: Token, found: set[int], index: ActorIndex, data: EventsData
) -> Token | None:
    """For an event noun without its own source: the subject of the clause it sits in,
    climbing through objects and participles, stopping at attribution verbs and at
    other events."""
    node = tok
    for _ in range(6):
        head = node.head
        # "launched ten days of war games", "gathered for a rally"
        transparent_of = (node.dep_ == "pobj" and head.lower_ in ("of", "for")) or (
            node.dep_ == "prep" and node.lower_ in ("of", "for")
        )
        if head == node or (node.dep_ not in INHERIT_DEPS and not transparent_of):
            return None
        if head.pos_ in VERB_TAGS:
            if head.lemma_.lower() in data.cues["attribution_verbs"] or (
                head.i in found and head.lemma_.lower() not in data.lexicon.light_verbs
            ):
                return None
            subj, passive = subject(head, data)
            if subj is not None and not passive and refs_for(subj, index):
                return subj
        node = head
    return None


def part_of(tok: Token, found: set[int], words: Words) -> Token | None:
    """The event a noun is listed as part of ("..., including a defense agreement")."""
    node = tok
    for _ in range(4):
        head = node.head
        if head == node:
            return None
        if node.dep_ == "pobj" and head.lower_ in words.part_preps:
            owner = head.head
            if owner.i in found:
                return owner
            if owner.dep_ in ("dobj", "obj") and owner.head.i in found:
                return owner.head
        if node.dep_ == "appos" and head.i in found:
            return head
        if node.dep_ not in ("pobj", "conj"):
            return None
        node = head
    return None


# -- the main loop ------------------------------------------------------------------


def condition_subject(verb: Token, words: Words) -> Token | None:
    """The subject of an "if" / "unless" clause right under a verb."""
    for c in verb.children:
        if c.dep_ == "advcl" and any(
            g.dep_ == "mark" and g.lower_ in words.condition_marks for g in c.children
        ):
            subj = next((g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None:
                return subj
    return None


def precedents(tok: Token, words: Words) -> list[Token]:
    """Heads of the "following X" / "like X" phrase on an event noun, or on the verb
    whose object or complement the noun is (the parser hangs it either way)."""
    out = pobjs(tok, words.precedent_preps)
    node = tok
    for _ in range(3):
        if (
            out
            or node.head == node
            or node.dep_ not in ("dobj", "obj", "pobj", "prep", "oprd", "attr")
        ):
            break
        node = node.head
        if node.pos_ in VERB_TAGS:
            out = pobjs(node, words.precedent_preps) + [
                g
                for c in node.children
                if c.dep_ in ("advcl", "prep") and c.lower_ in words.precedent_preps
                for g in c.children
                if g.dep_ in ("dobj", "obj", "pobj")
            ]
            break
    return out


def depth(tok: Token) -> int:
    d = 0
    while tok.head != tok and d < 50:
        tok = tok.head
        d += 1
    return d


__all__ = ["VERB_TAGS", "pobjs", "subject"]
