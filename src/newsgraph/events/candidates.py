"""Trigger candidates of a sentence: the lexicon's verbs, verb+particle, verb+preposition,
verb+object and event nouns, the demands of "X said Y must ...", light verbs giving way to
their event noun, and the content of speech acts folded into the act ("threatened to
attack" is one THREATEN)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from newsgraph.events.arguments import ActorIndex, refs_for
from newsgraph.events.clauses import VERB_TAGS, depth
from newsgraph.events.lexicon import Entry
from newsgraph.events.syntax import subject

if TYPE_CHECKING:
    from newsgraph.events.resources import EventsData

EMBED_DEPS = {
    "xcomp",
    "ccomp",
    "dobj",
    "obj",
    "pcomp",
    "pobj",
    "prep",
    "nsubjpass",
    "attr",
    "dative",
    "oprd",
    "acomp",
}


@dataclass
class Candidate:
    tok: Token
    entry: Entry
    consumed: Token | None
    kind: str  # verb | noun | modal
    embedded: str | None = None  # category of an action it embeds (mode for THREATEN)
    subs: list[Candidate] = field(default_factory=list)  # the actions it embeds
    direct: str | None = None  # category of an infinitive right under it ("ready to attack")
    purpose_of: Candidate | None = None  # the act this one is the purpose of ("summoned to demand")


def find_candidates(
    sent: Span, data: EventsData, index: ActorIndex | None = None
) -> list[Candidate]:
    """Trigger candidates of one sentence, after dropping the content of speech acts."""
    if index is None:
        index = ActorIndex(sent.doc, data)
    found: dict[int, Candidate] = {}
    consumed: set[int] = set()
    for tok in sent:
        if tok.pos_ in VERB_TAGS or tok.tag_.startswith("VB"):
            hit = data.lexicon.match_verb(tok)
            if hit is not None:
                entry, used = hit
                found[tok.i] = Candidate(tok, entry, used, "verb")
                if used is not None and entry.objects:
                    consumed.add(used.i)
                    consumed.update(c.i for c in used.conjuncts)
        elif tok.pos_ == "ADJ" and any(c.dep_ == "xcomp" for c in tok.children):
            hit = data.lexicon.match_verb(tok)  # "ready to", "willing to"
            if hit is not None:
                found[tok.i] = Candidate(tok, hit[0], None, "verb")
    # "X said Y must do Z": a demand by X on Y
    for tok in sent:
        if (
            tok.pos_ in VERB_TAGS
            and tok.dep_ == "ccomp"
            and tok.head.lemma_.lower() in data.cues["attribution_verbs"]
            and any(c.dep_ == "aux" and c.lower_ in data.words.demand_modals for c in tok.children)
        ):
            subj, _ = subject(tok, data)
            subj_refs = refs_for(subj, index) if subj is not None else []
            if not any(r.get("country") or r.get("actor_id") for r in subj_refs):
                continue  # "people should believe ...": no actor to demand from
            modal = next(c.lower_ for c in tok.children if c.lower_ in data.words.demand_modals)
            entry = Entry(lemma=modal, category="REQUEST", pos="modal")
            found[tok.i] = Candidate(tok, entry, None, "modal")
    for tok in sent:
        if (
            tok.pos_ in ("NOUN", "PROPN")
            and tok.i not in found
            and tok.ent_type_ not in data.words.name_entities
        ):
            noun_entry = data.lexicon.match_noun(tok)
            if (
                noun_entry is not None
                and noun_entry.category in data.lexicon.performed_noun_categories
                and not data.lexicon.performed(tok)
            ):
                continue  # a threat or a deal talked about, not issued or reached
            if noun_entry is not None and tok.i not in consumed:
                found[tok.i] = Candidate(tok, noun_entry, None, "noun")
    # Light verb + event noun: the noun carries the event ("launched strikes on X")
    for cand in list(found.values()):
        if cand.kind == "noun" and cand.tok.dep_ in ("dobj", "obj"):
            head = cand.tok.head
            hc = found.get(head.i)
            if (
                hc is not None
                and hc.kind == "verb"
                and hc.consumed is None
                and (head.lemma_.lower() in data.lexicon.light_verbs)
            ):
                del found[head.i]
    # Drop the content of speech acts ("threatened to attack": one THREATEN)
    embedding = data.lexicon.embedding_categories
    for i in sorted(found, key=lambda k: depth(found[k].tok)):
        inner = found.get(i)
        if inner is None:
            continue
        cand = inner
        child, node = cand.tok, cand.tok.head
        for _ in range(8):
            if node == child:
                break
            gov = found.get(node.i)
            if gov is not None:
                purpose = (
                    gov.entry.category == "PROTEST"
                    and child.dep_ in ("advcl", "xcomp", "acl")
                    and cand.entry.category in ("REQUEST", "ACCUSE", "REJECT")
                ) or (
                    # "sent troops to fight for Moscow": the purpose of the sending
                    gov.entry.category in ("AID", "MOBILIZE")
                    and child == cand.tok
                    and child.dep_ in ("advcl", "xcomp")
                    and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
                )
                in_order_to = (
                    gov.entry.purpose
                    and child.dep_ in ("xcomp", "advcl")
                    and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
                )
                if in_order_to and cand.entry.category != gov.entry.category:
                    # "summoned the envoy to demand an explanation": the demand is an
                    # act of the summoner towards the summoned, not the summons' content
                    cand.purpose_of = gov
                    break
                # "have sworn to fight": the parser may hang the infinitive that is the
                # content of a speech act as an adverbial clause
                content_infinitive = (
                    child.dep_ == "advcl"
                    and child.head == gov.tok
                    and gov.kind == "verb"
                    and (
                        any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
                        # "pushing for the US (to) back the plan"
                        or (gov.consumed is not None and gov.consumed.head == child)
                    )
                )
                if (
                    purpose
                    or in_order_to
                    or (
                        gov.entry.category in embedding
                        and (child.dep_ in EMBED_DEPS or content_infinitive)
                    )
                ):
                    gov.embedded = gov.embedded or cand.entry.category
                    gov.subs.append(cand)
                    if cand.tok.head == gov.tok and (
                        cand.tok.dep_ == "xcomp" or content_infinitive
                    ):
                        gov.direct = cand.entry.category
                    del found[i]
                break
            child, node = node, node.head
    return [found[i] for i in sorted(found)]


# -- arguments ------------------------------------------------------------------------
