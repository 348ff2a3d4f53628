"""Sources, targets and items of a verb trigger, in named steps run in a fixed order by
:func:`verb_roles`: the subject (or passive agent), the object, the phrase a verb+prep or
verb+particle entry names, what is provided (AID, SUPPORT, COOPERATE), a purpose clause,
and the clause the verb hangs on."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from newsgraph.events.candidates import Candidate
from newsgraph.events.clauses import (
    VERB_TAGS,
    detached_agent,
    items_of,
    pobjs,
    quantity_objects,
)
from newsgraph.events.draft import Draft
from newsgraph.events.syntax import subject

if TYPE_CHECKING:
    from newsgraph.events.context import SentenceContext


def verb_roles(s: SentenceContext, cand: Candidate, d: Draft) -> None:
    """Fill the draft's roles for a verb trigger (the steps below, in this order)."""
    tok = cand.tok
    passive = _subject_roles(s, cand, d)
    objs = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
    if not objs:
        objs = quantity_objects(tok)
    dative = [c for c in tok.children if c.dep_ == "dative" and c.pos_ != "ADP"]
    _for_clause_target(cand, d)
    if cand.consumed is not None and cand.consumed.dep_ in ("prep", "prt"):
        _phrase_target(s, cand, d, objs)
    elif cand.entry.items or cand.entry.category in ("AID",):
        _provided_roles(cand, d, objs, dative)
    else:
        _object_target(s, cand, d, objs, dative, passive)
    if not d.targets:
        _purpose_clause_target(s, cand, d)
    _governing_clause_target(s, cand, d)
    _leftover_items(s, cand, d, objs)


def _subject_roles(s: SentenceContext, cand: Candidate, d: Draft) -> bool:
    """The subject is the source; in the passive the agent is, and the subject the
    target. Returns whether the verb is passive."""
    tok, entry = cand.tok, cand.entry
    subj, passive = subject(tok, s.data)
    if passive:
        agents = pobjs(tok, ("by",)) or [
            p for p in detached_agent(tok) if any(r.get("country") for r in d.refs(p))
        ]
        d.sources = d.refs(agents[0] if agents else None, strict=False)
        d.targets = d.refs(subj)
        if not agents and entry.category == "RETREAT" and entry.mode in s.data.words.self_retreat:
            # "guerrillas have been demobilized": the ones who lay down arms
            d.sources, d.targets = d.targets, []
    else:
        d.sources = d.refs(subj, strict=False)
    return passive


def _for_clause_target(cand: Candidate, d: Draft) -> None:
    if cand.consumed is not None and cand.consumed.dep_ == "mark":
        # "called for Israel to halt the raids": the clause's subject is asked
        clause_subj = next((g for g in cand.consumed.head.children if g.dep_ == "nsubj"), None)
        if clause_subj is not None:
            d.targets = d.targets or d.refs(clause_subj)


def _phrase_target(s: SentenceContext, cand: Candidate, d: Draft, objs: list[Token]) -> None:
    """verb+prep, verb+particle: the object of the entry's phrase, else the object."""
    assert cand.consumed is not None
    heads = [g for g in cand.consumed.children if g.dep_ == "pobj"]
    if not heads and cand.consumed.dep_ == "prt":
        heads = pobjs(cand.tok, s.data.words.target_preps)
    if heads:
        d.targets = d.targets or d.refs(heads[0])
    if not d.targets and objs:
        d.targets = d.refs(objs[0])


def _provided_roles(cand: Candidate, d: Draft, objs: list[Token], dative: list[Token]) -> None:
    """What is provided (items) and to whom (target)."""
    tok, entry = cand.tok, cand.entry
    with_objs = pobjs(tok, ("with",))
    if objs and with_objs and d.refs(objs[0]):
        # "provided Russia with drones": the object is the recipient
        d.targets = d.targets or d.refs(objs[0])
        d.items = items_of(with_objs)
    elif objs and not (cand.consumed is not None and cand.consumed in objs and not entry.items):
        d.items = items_of(objs)
    to = dative or pobjs(tok, ("to", "for"))
    if not to and objs:
        # "granted asylum to ...", "delivered goods to ...": the recipient
        # hangs on the object
        to = pobjs(objs[0], ("to", "for"))
    if to:
        d.targets = d.targets or d.refs(to[0])
    if not d.targets and objs and not d.items:
        d.targets = d.refs(objs[0])


def _object_target(
    s: SentenceContext,
    cand: Candidate,
    d: Draft,
    objs: list[Token],
    dative: list[Token],
    passive: bool,
) -> None:
    """The object, else a target phrase of the verb or its object, else the dative; an
    accusation's accused; a recipient other than the source's own country."""
    tok, entry = cand.tok, cand.entry
    sub_toks = {sc.tok.i for sc in cand.subs}
    # the object named by a verb+object entry is part of the trigger when it is an
    # event noun ("impose sanctions"), a participant otherwise ("release hostages")
    consumed_event = (
        cand.consumed is not None
        and cand.consumed in objs
        and (s.data.lexicon.match_noun(cand.consumed) is not None or entry.category == "MOBILIZE")
    )
    obj_is_trigger = consumed_event or bool(objs and objs[0].i in sub_toks)
    if objs and not obj_is_trigger and not passive:
        d.targets = d.targets or d.refs(objs[0])
    if not d.targets:
        holders = [tok] + ([cand.consumed] if obj_is_trigger and cand.consumed else [])
        if objs and not obj_is_trigger and not passive:
            holders.append(objs[0])  # "boycott all contact with the US"
        if objs and cand.consumed is not None and not passive:
            # "launched artillery, mortar and rocket fire against X"
            conj = list(objs[0].conjuncts)
            if cand.consumed in objs or cand.consumed in conj:
                holders.extend(c for c in conj if c not in holders)
        for h in holders:
            heads = pobjs(h, s.data.words.target_preps)
            if heads:
                d.targets = d.refs(heads[0])
                if d.targets:
                    break
    if (
        not d.targets
        and cand.consumed is not None
        and cand.consumed in objs
        and s.data.lexicon.match_noun(cand.consumed) is not None
    ):
        # "accepted demands from the rebels": the rebels made the demands
        d.targets = [r for r in d.refs(cand.consumed) if r.get("country")]
    if not d.targets and dative:
        d.targets = d.refs(dative[0])
    if entry.category == "ACCUSE":
        # "complained to the UN over Israeli raids": the accused, not the
        # addressee
        for p in pobjs(tok, s.data.words.accused_preps):
            accused = [r for r in d.refs(p) if r.get("country")]
            if accused:
                d.targets = accused
                break
    own = {src.get("country") for src in d.sources if src.get("country")}
    if d.targets and all(t.get("country") in own for t in d.targets):
        # "offered its troops to Lebanon": the recipient, not the source's own
        for p in dative or pobjs(tok, ("to",)):
            other = [r for r in d.refs(p) if r.get("country") not in own | {None}]
            if other:
                d.targets = other
                break


def _purpose_clause_target(s: SentenceContext, cand: Candidate, d: Draft) -> None:
    """purpose clause: "sending troops to fight for Moscow"."""
    for c in cand.tok.children:
        if c.dep_ in ("advcl", "xcomp") and c.pos_ in VERB_TAGS:
            heads = pobjs(c, ("for", "alongside", "with", "against"))
            if heads:
                d.targets = d.refs(heads[0])
                if d.targets:
                    break
            if (
                c.dep_ == "advcl"
                and cand.entry.category not in s.data.lexicon.embedding_categories
                and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
            ):
                # "opened fire to disperse demonstrators": whom it was aimed at
                heads = [g for g in c.children if g.dep_ in ("dobj", "obj")]
                if heads:
                    d.targets = [r for r in d.refs(heads[0]) if r.get("country")]
                    if d.targets:
                        d.rule += " +target-from-purpose"
                        break


def _governing_clause_target(s: SentenceContext, cand: Candidate, d: Draft) -> None:
    tok = cand.tok
    if (
        not d.targets
        and tok.dep_ in ("advcl", "conj", "xcomp")
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
    ):
        # "ramped up support for X, providing ...": the target of the clause's event
        owners = [tok.head, *(c for c in tok.head.children if c.dep_ in ("dobj", "obj"))]
        for owner in owners:
            if owner.i in s.done and s.done[owner.i]["targets"]:
                d.targets = list(s.done[owner.i]["targets"])
                d.rule += " +target-from-clause"
                break


def _leftover_items(s: SentenceContext, cand: Candidate, d: Draft, objs: list[Token]) -> None:
    """AID, SUPPORT, COOPERATE: an object that names no actor is what is provided."""
    if (
        cand.entry.category in s.data.words.item_categories
        and not d.items
        and objs
        and (cand.consumed is None or cand.consumed not in objs)
        and (not d.targets or all(t.get("start") != objs[0].idx for t in d.targets))
    ):
        obj_refs = d.refs(objs[0])
        if not obj_refs:
            d.items = items_of(objs)
