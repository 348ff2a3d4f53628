"""States: countries, capitals and seats of government used as actors, nationality words
used for people ("Palestinians"), and the countries each sentence names."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.actors.candidates import (
    MODIFIER_DEPS,
    NOUN_POS,
    PLURAL_TAGS,
    Cand,
    lemma_of,
    phrase_end,
    root_of,
    state_cand,
)
from newsgraph.actors.lexicon import Lexicon
from newsgraph.actors.scan import Context
from newsgraph.language.countries import CountryWord
from newsgraph.language.syntax import is_dateline, sentence_index


def find_states(ctx: Context) -> None:
    """Step 4: countries, capitals and seats of government used as actors."""
    doc, lex = ctx.doc, ctx.lex
    country_at = ctx.country_at
    for s, (e, word) in sorted(ctx.country_spans.items()):
        if any(k in ctx.consumed for k in range(s, e)):
            continue
        root = root_of(doc, s, e)
        if acting_modifier(lex, doc, s, e, root):
            # "an Indian proposal", "Israeli air raids", "the US-led war": the country acts
            ctx.cands.append(state_cand(doc, s, e, root.i, word.iso3, "nation-modifier"))
            ctx.mark(range(s, e))
            continue
        if word.kind in ("adjective", "demonym"):
            # "Palestinians", "the Chinese": people of a country (civilians in PLOVER)
            if root.dep_ in MODIFIER_DEPS or root.pos_ == "ADJ":
                continue
            plural_form = (
                word.kind == "demonym"
                and root.pos_ in NOUN_POS
                and (root.tag_ in PLURAL_TAGS or doc[s:e].text.endswith("s"))
            )
            nxt = doc[e] if e < len(doc) else None
            the_people = any(c.lower_ == "the" for c in root.children) and (
                nxt is not None and nxt.tag_ in ("VBD", "VBP", "MD")
            )
            if not (
                plural_form
                or the_people
                or word.kind == "demonym"
                and root.tag_ in PLURAL_TAGS
                and root.dep_ in lex.subject_deps
            ):
                continue
            # "Bosnian Serbs", "Iraqi Kurds": the nationality before the people wins
            group_start, group_country = s, word.iso3
            for child in root.children:
                hit = country_at.get(child.i)
                if child.dep_ in ("amod", "compound") and child.i < s and hit is not None:
                    group_start, group_country = hit[0], hit[2].iso3
                    ctx.mark(range(hit[0], hit[1]))
            # "the Albanians of southern Serbia", "Turks in Germany": where they live
            group_end = e
            for prep in root.children:
                if prep.dep_ != "prep" or prep.lower_ not in lex.homeland_preps:
                    continue
                for obj in prep.children:
                    hit = country_at.get(obj.i)
                    if obj.dep_ == "pobj" and hit is not None and hit[2].kind == "name":
                        group_country = hit[2].iso3
                        group_end = phrase_end(obj)
                        ctx.mark(range(prep.i, group_end))
            ctx.cands.append(
                Cand(
                    group_start,
                    group_end,
                    root.i,
                    doc[group_start:group_end].text,
                    "group",
                    group_country,
                    "CVL",
                    rule="demonym",
                    extra={"plural": True},
                    definite=True,
                )
            )
            ctx.mark(range(group_start, group_end))  # not again as an ORG the model saw
            continue
        modifier_of_event = (
            word.kind == "name"
            and root.dep_ in ("compound", "nmod")
            and root.head.pos_ == "NOUN"
            and root.head.lemma_.lower() not in lex.place_nouns
        )
        if not (agentive(lex, root) or modifier_of_event) or is_dateline(doc, s, e, shape="comma"):
            continue
        if word.kind in ("capital", "seat"):
            cand = Cand(
                s,
                e,
                root.i,
                doc[s:e].text,
                "state",
                word.iso3,
                "GOV",
                rule="capital",
                definite=True,
            )
            cand.key = ("gov", word.iso3)
        else:
            cand = state_cand(doc, s, e, root.i, word.iso3, "country")
        ctx.cands.append(cand)
        ctx.mark(range(s, e))


def acting_modifier(lex: Lexicon, doc: Doc, s: int, e: int, root: Token) -> bool:
    """A nationality on an action noun, or a country before "-led"/"-backed"."""
    if e + 1 < len(doc) and doc[e].text == "-" and doc[e + 1].lower_ in lex.agentive_participles:
        return True
    if root.dep_ not in ("amod", "compound", "nmod"):
        return False
    head = root.head
    return head.pos_ == "NOUN" and lemma_of(head) in lex.event_nouns


def agentive(lex: Lexicon, tok: Token) -> bool:
    """Is a country name here an actor, not a location?"""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    dep = tok.dep_
    if dep == "poss":
        return tok.head.lemma_.lower() not in lex.place_nouns
    if dep == "pobj":
        prep = tok.head.lower_
        gov = tok.head.head
        if prep in lex.location_preps:
            return False
        if prep in lex.motion_preps and gov.lemma_.lower() in lex.motion_verbs:
            return False
        if prep == "of" and gov.lemma_.lower() in lex.place_nouns:
            return False
        return prep in lex.agent_preps
    return dep in lex.actor_deps


def sentence_countries(
    doc: Doc, country_spans: dict[int, tuple[int, CountryWord]]
) -> tuple[dict[int, set[str]], dict[int, set[str]]]:
    """Countries named (not adjectives) in each sentence, as actor or place, by sentence;
    and, apart, the countries of each sentence's nationality words."""
    sent_of = sentence_index(doc)
    out: dict[int, set[str]] = {}
    adjectives: dict[int, set[str]] = {}
    for s in sorted(country_spans):
        n = sent_of[s]
        word = country_spans[s][1]
        end = country_spans[s][0]
        if doc[s].ent_type_ == "MONEY" or (end < len(doc) and doc[end].is_currency):
            continue  # "US $50 million" names a currency, not a country
        # nationality adjectives describe, not locate; a seat of government ("the White
        # House said") names its country as an actor, so an office in the same sentence
        # is not guessed from another country there
        target = adjectives if word.kind in ("adjective", "demonym") else out
        target.setdefault(n, set()).add(word.iso3)
    return out, adjectives
