"""Event building: one event from one trigger candidate, as a fixed sequence of named
steps (:func:`build_event`), and the events of a whole document (:func:`document_events`).

The steps of an event, in order: the draft (certainty, speaker, rule), the roles by the kind
of trigger (modal demand, purpose act, verb, noun), the target taken from what a speech act
is about, the target a threat's condition names, the cleaning of the roles, and the code
(category shifts, mode, crosswalk). A sentence's events are built deepest trigger first;
then conjoined and purpose acts share targets, and place and date are attached.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Token

from newsgraph.events.arguments import ActorIndex, refs_for
from newsgraph.events.candidates import Candidate, find_candidates
from newsgraph.events.clauses import VERB_TAGS, condition_subject, depth
from newsgraph.events.coding import code_event
from newsgraph.events.context import DocContext, SentenceContext
from newsgraph.events.draft import Draft, modal_roles, purpose_roles, start_draft
from newsgraph.events.magnitudes import attach_magnitudes
from newsgraph.events.noun_roles import noun_roles
from newsgraph.events.resources import EventsData
from newsgraph.events.setting import (
    date_of,
    dateline,
    place_arguments,
    place_mentions,
    place_of,
)
from newsgraph.events.verb_roles import verb_roles


def build_event(s: SentenceContext, cand: Candidate) -> dict[str, Any] | None:
    """The event of one candidate, or None when it has neither source nor target."""
    d = start_draft(s, cand)
    if cand.kind == "modal":
        modal_roles(s, cand, d)
    elif cand.kind == "verb" and cand.purpose_of is not None:
        purpose_roles(s, cand, d)
    elif cand.kind == "verb":
        verb_roles(s, cand, d)
    else:
        noun_roles(s, cand, d)
    if not d.targets and cand.kind != "modal":
        d.targets = content_target(s, cand, d.sources)
        if d.targets:
            d.rule += " +target-from-content"
    if cand.entry.category == "THREATEN" and not any(t.get("country") for t in d.targets):
        _condition_target(s, cand, d)
    if not _clean_roles(d):
        return None
    if not d.sources:
        d.confidence -= s.data.words.confidence["no_source"]
    return code_event(s, cand, d)


def _condition_target(s: SentenceContext, cand: Candidate, d: Draft) -> None:
    """ "threatened to stop the talks if the United States deploys missiles": the one
    whose conduct is the condition is threatened."""
    for holder in [cand.tok, *(sc.tok for sc in cand.subs)]:
        cond = condition_subject(holder, s.data.words)
        named = [r for r in d.refs(cond) if r.get("country")] if cond is not None else []
        if named:
            d.targets = named
            d.rule += " +target-from-condition"
            break


def _clean_roles(d: Draft) -> bool:
    """Drop references that name no one and targets that are the source itself; False
    when no role is left."""
    # a reference whose text is only whitespace names no one
    sources = [s for s in d.sources if s.get("name") is None or str(s["name"]).strip()]
    targets = [t for t in d.targets if t.get("name") is None or str(t["name"]).strip()]
    # drop a target that is the source itself
    src_spans = {(s.get("start"), s.get("end")) for s in sources}
    src_ids = {s.get("actor_id") for s in sources if s.get("actor_id")}
    # last words of the sources' names (a name may be only spaces or punctuation)
    src_last = {words[-1] for s in sources if (words := str(s.get("name") or "").split())}
    d.sources = sources
    d.targets = [
        t
        for t in targets
        if (t.get("start"), t.get("end")) not in src_spans
        and not (t.get("actor_id") and t.get("actor_id") in src_ids)
        and not (
            t.get("kind") == "person"
            and str(t.get("name") or "").split()[-1:]
            and str(t.get("name")).split()[-1] in src_last
        )
    ]
    return bool(d.sources or d.targets)


def content_target(
    s: SentenceContext, cand: Candidate, sources: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """The target of a speech act taken from what it is about: "demanded that the US
    cancel ..." (the US), "offered to hand over to Britain" (Britain), "rejected calls by
    Belarus for aid" (Belarus)."""
    owners = [cand.tok]
    if cand.kind == "noun" and cand.tok.dep_ in ("dobj", "obj"):
        owners.append(cand.tok.head)  # "reiterated its demand that Israel ease ..."
    for c in (c for owner in owners for c in owner.children):
        # "demanded that X ...", "its demand that X ..." (a that-clause on the noun)
        if (
            c.dep_ == "ccomp"
            and c.lemma_.lower() in s.data.cues["attribution_verbs"]
            and not any(g.dep_ == "mark" for g in c.children)
            and c.i > cand.tok.i
        ):
            continue  # "demanded X, diplomats said": the reporters, not the content
        if c.dep_ == "ccomp" or (
            c.dep_ == "acl" and cand.kind == "noun" and any(g.dep_ == "mark" for g in c.children)
        ):
            subj = next((g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None:
                out = refs_for(subj, s.index)
                if out:
                    return out
    ours = {s.get("country") for s in sources if s.get("country")}
    our_spans = {(s.get("start"), s.get("end")) for s in sources if s.get("start") is not None}
    our_ids = {s.get("actor_id") for s in sources if s.get("actor_id")}
    for sub in cand.subs:
        ev = build_event(s, sub)
        if ev is None:
            continue
        theirs = {s.get("country") for s in ev["sources"] if s.get("country")}
        if ev["sources"] and theirs and not (theirs & ours):
            return list(ev["sources"])
        if (
            sub.kind == "noun"
            and ev["sources"]
            and theirs
            and all(
                s.get("start") is not None
                and (s.get("start"), s.get("end")) not in our_spans
                and not (s.get("actor_id") and s.get("actor_id") in our_ids)
                for s in ev["sources"]
            )
        ):
            # "demanded the resignation of the Algerian president": another actor of
            # the same country named in the demanded act
            return list(ev["sources"])
        if ev["targets"]:
            return list(ev["targets"])
    return []


# -- place and date -----------------------------------------------------------------


def purpose_target(cand: Candidate, done: dict[int, dict[str, Any]]) -> list[dict[str, Any]]:
    """ "continued their hunger strike to demand the resignation of X": the act done in
    order to do another is aimed at that other act's target (the infinitive hangs on
    the trigger, or on the verb whose object the trigger noun is)."""
    verb = cand.tok
    if cand.kind == "noun":
        if cand.tok.dep_ not in ("dobj", "obj") or cand.tok.head.pos_ not in VERB_TAGS:
            return []
        verb = cand.tok.head
    for c in verb.children:
        if (
            c.dep_ == "advcl"
            and c.i in done
            and c.i != cand.tok.i
            and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
        ):
            named = [t for t in done[c.i]["targets"] if t.get("country") and t.get("start")]
            if named:
                return named
    for c in verb.children:
        # "staged a hunger strike in protest against X": the protest's target
        if c.dep_ == "prep" and c.lower_ == "in":
            for g in c.children:
                ev = done.get(g.i)
                if g.dep_ == "pobj" and g.i != cand.tok.i and ev and ev["category"] == "PROTEST":
                    named = [t for t in ev["targets"] if t.get("country") and t.get("start")]
                    if named:
                        return named
    return []


def conjunct_target(tok: Token, done: dict[int, dict[str, Any]]) -> list[dict[str, Any]]:
    """ "donated and delivered goods to X": a verb without object or target shares the
    target of the next verb conjoined to it when that verb has no subject of its own."""
    if any(c.dep_ in ("dobj", "obj", "dative") for c in tok.children):
        return []
    for c in tok.children:
        if (
            c.dep_ == "conj"
            and c.i in done
            and done[c.i]["targets"]
            and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
        ):
            return [t for t in done[c.i]["targets"] if t.get("start") is not None]
    return []


def doc_context(doc: Doc, data: EventsData) -> DocContext:
    """What the events of ``doc`` need from the earlier stages, gathered once."""
    places = place_mentions(doc, data)
    return DocContext(
        doc=doc,
        data=data,
        index=ActorIndex(doc, data),
        quotes=[q for q in (doc._.ng_quotes or []) if isinstance(q, dict)],
        places=places,
        dateline=dateline(doc, places),
    )


def document_events(doc: Doc, data: EventsData, min_confidence: float) -> list[dict[str, Any]]:
    """The events of a parsed document, sentence by sentence."""
    if not doc.has_annotation("DEP"):
        return []
    ctx = doc_context(doc, data)
    events: list[dict[str, Any]] = []
    actor_spans = [
        (int(m["start"]), int(m["end"])) for m in (doc._.ng_actor_mentions or []) if isinstance(m, dict)
    ]
    for sent in doc.sents:
        cands = find_candidates(sent, data, ctx.index)
        s = SentenceContext(ctx, sent, found={c.tok.i for c in cands})
        for cand in sorted(cands, key=lambda c: depth(c.tok)):
            ev = build_event(s, cand)
            if ev is None:
                continue
            s.done[cand.tok.i] = ev
        _share_targets(s, cands)
        kept = []
        for cand in cands:
            ev = s.done.get(cand.tok.i)
            if ev is None:
                continue
            ev["place"] = place_of(cand.tok, sent, ctx.places, ctx.dateline)
            place_arguments(cand, ev, sent, ctx.places, data)
            ev["date"], ev["date_precision"] = date_of(doc, cand.tok, sent, data.cues)
            if ev["confidence"] >= min_confidence:
                kept.append((cand.tok, ev))
        attach_magnitudes(sent, kept, data.magnitudes, data.countries.sector, actor_spans)
        events.extend(ev for _, ev in kept)
    return events


def _share_targets(s: SentenceContext, cands: list[Candidate]) -> None:
    """Events still without a target take that of a conjoined verb or of the act they
    are done for."""
    done = s.done
    for cand in cands:
        ev = done.get(cand.tok.i)
        if ev is not None and not ev["targets"] and cand.kind == "verb":
            shared = conjunct_target(cand.tok, done)
            if shared:
                ev["targets"] = shared
                ev["rule"] += " +target-from-conjunct"
        if (
            ev is not None
            and not ev["targets"]
            and cand.entry.category not in s.data.lexicon.embedding_categories
        ):
            aimed = purpose_target(cand, done)
            if aimed:
                ev["targets"] = aimed
                ev["rule"] += " +target-from-purpose"
