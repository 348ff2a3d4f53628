"""Who did it to whom: actor references for the tokens that fill an event's roles.

An :class:`ActorIndex` knows, for one Doc, which tokens belong to which actor mention: the
actors stage's mentions when that stage ran, spaCy's named entities (with the fallback
country words) for what it did not cover. :func:`refs_for` turns the head token of a noun
phrase into actor references (dicts keyed like ``Event.sources``), one per conjunct.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

from spacy.tokens import Doc, Token

from newsgraph.events.tables import ArgumentNouns

if TYPE_CHECKING:
    from newsgraph.events.resources import EventsData

# Dependents that are not part of the noun phrase naming an actor.
_NOT_CORE = {
    "relcl",
    "acl",
    "advcl",
    "conj",
    "cc",
    "punct",
    "prep",
    "appos",
    "ccomp",
    "xcomp",
    "mark",
    "advmod",
    "nummod",
    "quantmod",
    "preconj",
    "det",
    "predet",
    "case",
}


def _ref(
    name: str,
    start: int,
    end: int,
    *,
    country: str | None = None,
    sector: str | None = None,
    kind: str | None = None,
    actor_id: str | None = None,
) -> dict[str, Any]:
    return {
        "name": name,
        "country": country,
        "sector": sector,
        "kind": kind,
        "start": start,
        "end": end,
        "actor_id": actor_id,
    }


class ActorIndex:
    """Actor mentions of one Doc, looked up by token."""

    def __init__(self, doc: Doc, data: EventsData) -> None:
        self.doc = doc
        self.countries = countries = data.countries
        self.words = data.words
        self.nouns = data.nouns
        actors = {a.get("id"): a for a in (doc._.ng_actors or []) if isinstance(a, dict)}
        self.mentions: list[dict[str, Any]] = []
        taken: list[tuple[int, int]] = []
        for m in doc._.ng_actor_mentions or []:
            actor = actors.get(m.get("actor_id")) or {}
            self.mentions.append(
                {
                    "start": m["start"],
                    "end": m["end"],
                    "text": m.get("text") or doc.text[m["start"] : m["end"]],
                    "actor_id": m.get("actor_id"),
                    "name": actor.get("name") or m.get("text"),
                    "country": actor.get("country"),
                    "sector": actor.get("sector"),
                    "kind": actor.get("kind") or m.get("kind"),
                }
            )
            taken.append((m["start"], m["end"]))
        for ent in doc.ents:
            kind = self.words.ner_actor_kinds.get(ent.label_)
            if kind is None:
                continue
            s, e = ent.start_char, ent.end_char
            if any(s < te and ts < e for ts, te in taken):
                continue
            self.mentions.append(
                {
                    "start": s,
                    "end": e,
                    "text": ent.text,
                    "actor_id": None,
                    "name": ent.text,
                    "country": countries.country(ent.text),
                    "sector": None,
                    "kind": kind,
                }
            )
            taken.append((s, e))
        self.by_token: dict[int, dict[str, Any]] = {}
        # every mention of a token: "Chinese and Indian diplomats" is two actors whose
        # mentions share the head noun
        self.all_by_token: dict[int, list[dict[str, Any]]] = {}
        for m in self.mentions:
            span = doc.char_span(m["start"], m["end"], alignment_mode="expand")
            if span is None:
                continue
            for t in span:
                self.by_token.setdefault(t.i, m)
                self.all_by_token.setdefault(t.i, []).append(m)
        # the places stage's country for a place named as an argument ("shelled Juba",
        # "blocked transport into Abidjan"); a country or capital coded as an actor wins
        places = {p.get("id"): p for p in (doc._.ng_places or []) if isinstance(p, dict)}
        self.place_country: dict[int, str] = {}
        for pm in doc._.ng_place_mentions or []:
            place = places.get(pm.get("place_id")) or {}
            code = place.get("country")
            if not code:
                continue
            span = doc.char_span(pm["start"], pm["end"], alignment_mode="expand")
            for t in span or []:
                if t.pos_ == "PROPN" and t.ent_type_ in ("GPE", "LOC", "FAC"):
                    self.place_country.setdefault(t.i, str(code))

    def mention(self, tok: Token) -> dict[str, Any] | None:
        return self.by_token.get(tok.i)

    def shared_head(self, tok: Token) -> list[dict[str, Any]]:
        """The other actors whose mention ends on the same head token as the first one
        ("Chinese and Indian diplomats": two actors), with distinct countries."""
        first = self.by_token.get(tok.i)
        if first is None:
            return []
        seen = {first.get("actor_id"), None}
        countries = {first.get("country")}
        out = []
        for m in self.all_by_token.get(tok.i, []):
            if m.get("actor_id") in seen or m.get("country") in countries:
                continue
            seen.add(m.get("actor_id"))
            countries.add(m.get("country"))
            out.append(m)
        return out

    def country_of_token(self, tok: Token) -> str | None:
        m = self.by_token.get(tok.i)
        if m and m.get("country"):
            return str(m["country"])
        return self.countries.country(tok.text) or self.place_country.get(tok.i)


def core_tokens(head: Token) -> list[Token]:
    """The tokens of the noun phrase headed by ``head`` without clauses, prepositional
    phrases, appositions and conjuncts."""
    out = [head]
    stack = [head]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.dep_ in _NOT_CORE:
                continue
            out.append(c)
            stack.append(c)
    return sorted(out, key=lambda t: t.i)


def _phrase_text(tokens: list[Token]) -> tuple[str, int, int]:
    doc = tokens[0].doc
    start, end = tokens[0].i, tokens[-1].i + 1
    span = doc[start:end]
    return span.text, span.start_char, span.end_char


def _one_ref(head: Token, index: ActorIndex, depth: int = 0) -> list[dict[str, Any]]:
    core = core_tokens(head)
    mention = index.mention(head)
    country: str | None = None
    sector: str | None = None
    kind: str | None = None
    actor_id: str | None = None
    if mention is not None:
        country = mention.get("country")
        sector = mention.get("sector")
        kind = mention.get("kind")
        actor_id = mention.get("actor_id")
    if country is None:
        for t in core:
            if t is head and mention is not None:
                continue
            code = index.country_of_token(t)
            if code:
                country = code
                break
        if country is None:
            country = index.countries.country(" ".join(t.text for t in core))
    if sector is None:
        sector = index.countries.sector(head.lemma_) or index.countries.sector(head.lower_)
    actorish = mention is not None or sector is not None or head.pos_ == "PROPN"
    if any(t.lower_ == "ethnic" for t in core):
        # "ethnic Albanians in Macedonia": an ethnic group is coded by where it lives,
        # when the phrase says so
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "of", "from"):
                for pobj in (g for g in c.children if g.dep_ == "pobj"):
                    where = index.place_country.get(pobj.i) or index.country_of_token(pobj)
                    if where:
                        country = where
    if not actorish and country is None and head.pos_ == "NOUN" and depth < 2:
        # a thing or act that belongs to an actor stands for that actor: "a demand from
        # the US", "a ban by the general", "positions of the security forces", "scores of
        # refugees"
        behind = _actor_behind(head, core, index, depth)
        if behind:
            return behind
    if head.lemma_.lower() in index.nouns.generic_heads:
        # "leaders of the opposition coalition": the group's sector, not the title's
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "for"):
                for pobj in (g for g in c.children if g.dep_ == "pobj"):
                    for t in core_tokens(pobj):
                        group = index.countries.sector(t.lemma_) or index.countries.sector(t.lower_)
                        m = index.mention(t)
                        group = (m.get("sector") if m else None) or group
                        if group and group != sector:
                            sector = group
                            break
    if (
        sector is None
        and (mention is None or mention.get("sector") is None)
        and (
            head.lemma_.lower() in index.nouns.equipment_heads
            or head.lemma_.lower() in index.nouns.generic_heads
            or head.lemma_.lower() in index.nouns.people
        )
    ):
        # "army bulldozers", "police vehicles", "security forces members": a modifier noun
        # names the sector of people and equipment (not "bank cards": things are no actors)
        for t in core:
            if t is not head and t.dep_ == "compound" and t.pos_ == "NOUN":
                sector = index.countries.sector(t.lemma_) or index.countries.sector(t.lower_)
                if sector:
                    break
    if country is None and depth < 2 and (actorish or head.pos_ == "NOUN"):
        # "allies in the United States and Europe", "officials from Iraq",
        # "the Minister of Foreign Affairs of Ukraine", appositions
        for c in head.children:
            if c.dep_ == "appos":
                refs = _one_ref(c, index, depth + 1)
                if refs and refs[0].get("country"):
                    return refs
        for c in head.children:
            if c.dep_ == "prep" and (c.lower_ in ("in", "from") or (c.lower_ == "of" and actorish)):
                for pobj in (g for g in c.children if g.dep_ == "pobj"):
                    found = []
                    named = True  # "allies in the US and Europe": actors, not just places
                    for h in [pobj, *pobj.conjuncts]:
                        sub = _one_ref(h, index, depth + 1)
                        if sub and (sub[0].get("country") or index.mention(h)):
                            for r in sub:
                                r["sector"] = r.get("sector") or sector
                            found.extend(sub)
                            named = named and index.mention(h) is not None
                    if found:
                        if named and head.lemma_.lower() in index.words.stand_in_heads:
                            return found
                        country = found[0].get("country")
                        break
    if country is None and mention is None and depth < 2:
        country = _antecedent_country(head, index, depth)
    not_actor = head.ent_type_ in index.words.not_actor_entities
    known = not not_actor and (mention is not None or country or sector or head.pos_ == "PROPN")
    if not known:
        return []
    text, start, end = _phrase_text(core)
    if mention is not None and head.pos_ == "PRON":
        text = str(mention.get("name") or text)
    out = [_ref(text, start, end, country=country, sector=sector, kind=kind, actor_id=actor_id)]
    if mention is not None and head.pos_ != "PRON":
        for other in index.shared_head(head):
            out.append(
                _ref(
                    text,
                    start,
                    end,
                    country=other.get("country"),
                    sector=other.get("sector") or sector,
                    kind=other.get("kind"),
                    actor_id=other.get("actor_id"),
                )
            )
    return out


def _antecedent_country(head: Token, index: ActorIndex, depth: int) -> str | None:
    """The country of the people a definite person noun points back to: "captured two
    Chinese nationals ... seized the individuals' documents" (CHN). Only a person noun
    ("the men", "the individuals") with the same number, named before it with a country,
    counts; the nearest wins."""
    people = index.nouns.people
    if head.pos_ != "NOUN" or (head.lemma_.lower() not in people and head.lower_ not in people):
        return None
    if not any(
        c.dep_ == "det" and c.lower_ in index.words.definite_determiners for c in head.children
    ):
        return None
    plural = head.tag_ in ("NNS", "NNPS")
    doc = head.doc
    for i in range(head.i - 1, max(-1, head.i - index.words.antecedent_window), -1):
        t = doc[i]
        if t.pos_ != "NOUN" or (t.tag_ in ("NNS", "NNPS")) != plural:
            continue
        if t.lemma_.lower() not in people and t.lower_ not in people:
            continue
        if any(
            c.dep_ == "det" and c.lower_ in index.words.definite_determiners for c in t.children
        ):
            continue  # itself a pointer back
        refs = _one_ref(t, index, depth + 1)
        if refs and refs[0].get("country"):
            return str(refs[0]["country"])
    return None


@lru_cache(maxsize=1)
def _default_nouns() -> ArgumentNouns:
    return ArgumentNouns.load()


def unidentified_attacker_sector() -> str | None:
    """The sector of an attacker the text does not name (``data/arguments.yaml``)."""
    return _default_nouns().unidentified_attacker


def place_target_sectors() -> dict[str, str]:
    """Sector of a place or thing targeted, by category (``data/arguments.yaml``)."""
    return dict(_default_nouns().place_target_sectors)


def noun_classes() -> tuple[frozenset[str], frozenset[str]]:
    """(person nouns, place nouns) of the shipped ``data/arguments.yaml`` (the component
    reads its own copy through its data files)."""
    nouns = _default_nouns()
    return nouns.people, nouns.places


def statement_nouns() -> frozenset[str]:
    """Nouns of documents and statements that speak for their issuer."""
    return _default_nouns().statements


def _owners(head: Token, index: ActorIndex, depth: int) -> list[dict[str, Any]]:
    """The coded actors a noun belongs to: its possessor, else its `by`, `from`, `of` or
    `for` phrase (with conjuncts)."""
    for c in head.children:
        if c.dep_ == "poss" and c.pos_ != "PRON":
            refs = _one_ref(c, index, depth + 1)
            if refs and refs[0].get("country"):
                return refs
    for prep in index.words.owner_preps:
        for c in head.children:
            if c.dep_ not in ("prep", "agent") or c.lower_ != prep:
                continue
            for pobj in (g for g in c.children if g.dep_ == "pobj"):
                found: list[dict[str, Any]] = []
                for h in [pobj, *pobj.conjuncts]:
                    if h.pos_ not in ("NOUN", "PROPN"):
                        continue
                    sub = _one_ref(h, index, depth + 1)
                    if sub and (sub[0].get("country") or index.mention(h)):
                        found.extend(sub)
                if found:
                    return found
    return []


def _actor_behind(
    head: Token, core: list[Token], index: ActorIndex, depth: int
) -> list[dict[str, Any]]:
    """A noun that names no actor stands for the actor it belongs to ("a demand from the
    US", "a ban by the general", "positions of the security forces"); a person noun ("a
    man from China") stays itself with the owner's country; a place noun ("the outskirts
    of Tunis") is no actor at all."""
    people, places = index.nouns.people, index.nouns.places
    lemma = head.lemma_.lower()
    if lemma in places or head.lower_ in places:
        return []
    owners = _owners(head, index, depth)
    if not owners:
        return []
    if lemma in people or head.lower_ in people:
        code = next((o["country"] for o in owners if o.get("country")), None)
        if code is None:
            return []
        text, start, end = _phrase_text(core)
        return [_ref(text, start, end, country=code)]
    return owners


def refs_for(
    head: Token | None,
    index: ActorIndex,
    *,
    pronoun_ref: dict[str, Any] | None = None,
    speaker_ref: dict[str, Any] | None = None,
) -> list[dict[str, Any]]:
    """Actor references for a noun phrase head and its conjuncts ("X and Y" gives two)."""
    if head is None:
        return []
    out: list[dict[str, Any]] = []
    for h in [head, *[c for c in head.conjuncts if c.pos_ in ("NOUN", "PROPN", "PRON")]]:
        if h.pos_ == "PRON" and index.mention(h) is None:
            low = h.lower_
            if low in index.words.pronouns_self and speaker_ref is not None:
                out.append(dict(speaker_ref, start=h.idx, end=h.idx + len(h)))
            elif low in index.words.pronouns_other and pronoun_ref is not None:
                out.append(dict(pronoun_ref, start=h.idx, end=h.idx + len(h)))
            continue
        out.extend(_one_ref(h, index))
    return out
