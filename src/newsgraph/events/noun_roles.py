"""Sources and targets of an event noun, in named steps run in a fixed order by
:func:`noun_roles`: possessive and national modifiers, "by", "between", "from" and "of"
phrases, the verb that puts someone into the noun's state, target phrases, actors that did
the same before, the event the noun is part of, and the subject of the clause it sits in."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.events.arguments import core_tokens
from newsgraph.events.candidates import Candidate
from newsgraph.events.clauses import (
    VERB_TAGS,
    inherited_source,
    items_of,
    part_of,
    pobjs,
    precedents,
    state_verb,
)
from newsgraph.events.draft import Draft
from newsgraph.events.syntax import subject

if TYPE_CHECKING:
    from newsgraph.events.context import SentenceContext


def noun_roles(s: SentenceContext, cand: Candidate, d: Draft) -> None:
    """Fill the draft's roles for a noun trigger (the steps below, in this order)."""
    _modifier_sources(s, cand, d)
    _phrase_roles(s, cand, d)
    _state_roles(s, cand, d)
    if not d.targets:
        _target_phrases(s, cand, d)
    if not any(src.get("country") for src in d.sources):
        _precedent_sources(s, cand, d)
    _part_of_roles(s, cand, d)
    if not d.sources:
        _clause_source(s, cand, d)


def _modifier_sources(s: SentenceContext, cand: Candidate, d: Draft) -> None:
    """ "Russia's attack", "Israeli strikes": the possessor or a national modifier."""
    tok = cand.tok
    for c in tok.children:
        if c.dep_ == "poss" or (
            c.dep_ in ("amod", "compound", "nmod")
            and not d.sources
            and (s.index.country_of_token(c) or (s.index.mention(c) and c.pos_ == "PROPN"))
        ):
            d.sources = d.refs(c)
    if not d.sources:
        # "IRA bomb attacks": a named or national modifier anywhere in the phrase
        for t in core_tokens(tok):
            if (
                t != tok
                and t.dep_ != "poss"
                and (s.index.country_of_token(t) or (s.index.mention(t) and t.pos_ == "PROPN"))
            ):
                d.sources = d.refs(t)
                if d.sources:
                    break


def _phrase_roles(s: SentenceContext, cand: Candidate, d: Draft) -> None:
    """The noun's "by", "between", "from" and "of" phrases."""
    tok, entry = cand.tok, cand.entry
    by = pobjs(tok, ("by",))
    if by:
        d.sources = d.refs(by[0], strict=False)
    between = pobjs(tok, ("between", "among"))
    if entry.mode == "mediate":
        # "launched a mediation effort between X and Y": the parties are the targets;
        # the phrase may hang on the head noun or on the verb
        node = tok.head if tok.dep_ == "compound" else tok
        if not between and node != tok:
            between = pobjs(node, ("between", "among"))
        if not between and node.dep_ in ("dobj", "obj") and node.head.pos_ in VERB_TAGS:
            between = pobjs(node.head, ("between", "among"))
        if between:
            d.targets = d.refs(between[0])
            between = []
    if (
        between and not d.sources and entry.category in ("CONSULT", "COOPERATE", "AGREE", "ASSAULT")
    ):  # talks or fighting "between X and Y": both sides are sources
        d.sources = d.refs(between[0])  # "talks between X and Y": both are sources
    if not d.sources and entry.category in ("AID", "SUPPORT", "COOPERATE"):
        frm = pobjs(tok, ("from",))
        if frm:
            d.sources = d.refs(frm[0])
    of = pobjs(tok, ("of",))
    if of and entry.of == "items":
        if not d.refs(of[0]):
            d.items = items_of(of)
    elif of and not d.sources and entry.category in s.data.words.self_moving:
        # "the deployment of NATO troops", "the withdrawal of Serbian forces": the
        # ones who move are the actors
        d.sources = d.refs(of[0])
    elif of:
        d.targets = d.refs(of[0])


def _state_roles(s: SentenceContext, cand: Candidate, d: Draft) -> None:
    holder = state_verb(cand.tok, s.data.words)
    if holder is not None and not d.targets:
        # "a US national was put under investigation": the one put under it
        subj, passive = subject(holder, s.data)
        objs = [c for c in holder.children if c.dep_ in ("dobj", "obj")]
        if passive:
            d.targets = d.refs(subj)
        elif objs:
            d.targets = d.refs(objs[0])
            if not d.sources:
                d.sources = d.refs(subj)
        if d.targets:
            d.rule += f" +target-of:{holder.lemma_.lower()}"


def _target_phrases(s: SentenceContext, cand: Candidate, d: Draft) -> None:
    tok = cand.tok
    preps = s.data.words.noun_target_preps
    heads = pobjs(tok, preps)
    # "support from X to Y" where the parser hangs "to Y" on "from"
    heads += [
        g
        for p in tok.children
        if p.dep_ == "prep" and p.lower_ not in preps
        for q in p.children
        if q.dep_ == "prep" and q.lower_ in ("to", "for", "against", "on")
        for g in q.children
        if g.dep_ == "pobj"
    ]
    for p in heads:
        d.targets = d.refs(p)
        if d.targets:
            break


def _precedent_sources(s: SentenceContext, cand: Candidate, d: Draft) -> None:
    # "further military support from another country, following Iran and North
    # Korea": the actors named as having done the same before are its sources
    for p in precedents(cand.tok, s.data.words):
        named = (
            [r for r in d.refs(p) if r.get("country")]
            if p.pos_ == "PROPN" or s.index.mention(p) is not None
            else []
        )
        if named:
            d.sources = named
            d.rule += " +source-from-precedent"
            break


def _part_of_roles(s: SentenceContext, cand: Candidate, d: Draft) -> None:
    parent = part_of(cand.tok, s.found, s.data.words)
    if parent is not None and parent.i in s.done and not d.sources:
        d.sources = list(s.done[parent.i]["sources"])
        d.targets = d.targets or list(s.done[parent.i]["targets"])
        d.rule += " +part-of-event"


def _clause_source(s: SentenceContext, cand: Candidate, d: Draft) -> None:
    inh = inherited_source(cand.tok, s.found, s.index, s.data)
    if inh is not None:
        d.sources = d.refs(inh)
        if d.sources:
            d.rule += " +source-from-clause"
            d.confidence -= s.data.words.confidence["inherited_source"]
