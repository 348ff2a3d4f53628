"""Grouping mentions into actors, by rules (no coreference model installs offline).

In text order, each candidate mention joins an earlier actor when

1. it names the same dictionary entry, or the same person's full name;
2. it is a short form of an earlier person's name ("Sybiha" after "Andrii Sybiha");
3. it is a title with no name ("the president", "the Ukrainian President") and an earlier
   person holds a compatible office and country;
4. it is a named person with a title, and an earlier nameless title of the same office and
   country was waiting for a name (the earlier actor takes the name);
5. it is the same kind of group or body of the same country and sector ("Ukrainian forces"
   twice), or the same state or government;
6. it is a third-person pronoun: the nearest compatible earlier *subject* in the same or
   the two previous sentences (any compatible mention when there is no subject); an object
   pronoun never takes the subject of its own verb.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc

from newsgraph.actors.candidates import Cand
from newsgraph.actors.lexicon import Lexicon
from newsgraph.language.syntax import sentence_index

__all__ = ["ActorState", "mention_kind", "resolve"]

OBJECT_DEPS = frozenset({"dobj", "iobj", "dative", "pobj"})


@dataclass
class ActorState:
    id: str
    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    dictionary_id: str | None = None
    role: str | None = None
    person_name: tuple[str, ...] = ()
    nameless: bool = False  # a title still waiting for a name
    aliases: list[str] = field(default_factory=list)

    def record(self, article_id: str) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "article_id": article_id,
            "country": self.country,
            "sector": self.sector,
            "kind": self.kind,
            "aliases": [a for a in self.aliases if a != self.name],
            "dictionary_id": self.dictionary_id,
        }

    def fill(self, cand: Cand) -> None:
        if self.country is None and cand.country is not None:
            self.country = cand.country
        if self.sector is None and cand.sector is not None:
            self.sector = cand.sector
        if self.role is None and cand.role is not None:
            self.role = cand.role
        if self.dictionary_id is None and cand.entry is not None:
            self.dictionary_id = cand.entry.id
        text = cand.name
        if text and text != self.name and text not in self.aliases:
            self.aliases.append(text)


def mention_kind(cand: Cand) -> str:
    """The kind of a mention (records.Mention.kind): what the words are, not who acts.

    Names of people are ``person`` (surnames too); common-noun agent phrases ("Ukrainian
    forces", "officials") are ``actor``; nationality words used for people ("Palestinians")
    are ``nationality``; countries and capitals acting are ``state``.
    """
    if cand.person_name:
        return "person"
    if cand.rule.startswith("agent:"):
        return "actor"
    if cand.rule in ("demonym", "norp", "nation-modifier"):
        return "nationality"
    if cand.rule in ("country", "capital"):
        return "state"
    return cand.kind


def roles_compatible(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return False
    return a == b or a.endswith(" " + b) or b.endswith(" " + a)


def countries_compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def resolve(
    doc: Doc,
    cands: list[Cand],
    lex: Lexicon,
    sentence_countries: dict[int, set[str]] | None = None,
    sentence_adjectives: dict[int, set[str]] | None = None,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    meta = doc._.ng_meta if isinstance(doc._.ng_meta, dict) else {}
    article_id = str(meta.get("article_id") or "")
    sent_of = dict(enumerate(sentence_index(doc)))
    actors: list[ActorState] = []
    by_key: dict[tuple[Any, ...], ActorState] = {}
    by_entry: dict[str, ActorState] = {}
    by_name: dict[str, ActorState] = {}
    token_actor: dict[int, ActorState] = {}
    seen: list[tuple[Cand, ActorState]] = []
    mentions: list[dict[str, Any]] = []

    def new_actor(cand: Cand) -> ActorState:
        actor = ActorState(
            id=f"a{len(actors) + 1}",
            name=cand.name,
            kind=cand.kind,
            country=cand.country,
            sector=cand.sector,
            dictionary_id=cand.entry.id if cand.entry else None,
            role=cand.role,
            person_name=cand.person_name,
            nameless=cand.titled_only and not cand.person_name,
        )
        if cand.entry is not None and (cand.kind != "person" or cand.entry.name != cand.name):
            actor.name = cand.entry.name
            if cand.name != actor.name:
                actor.aliases.append(cand.name)
        actors.append(actor)
        return actor

    def index(actor: ActorState, cand: Cand) -> None:
        if cand.entry is not None:
            by_entry.setdefault(cand.entry.id, actor)
        if cand.person_name:
            by_name.setdefault(" ".join(cand.person_name).lower(), actor)
        if cand.key is not None:
            by_key.setdefault(cand.key, actor)

    def match(cand: Cand) -> tuple[ActorState | None, str]:
        same_as = cand.extra.get("same_as")
        if same_as is not None:  # an acronym the article defined ("the RUF")
            for earlier, actor in seen:
                if earlier is same_as:
                    return actor, "same"
        if cand.entry is not None and cand.entry.id in by_entry:
            return by_entry[cand.entry.id], "same"
        if cand.person_name:
            full = " ".join(cand.person_name).lower()
            if full in by_name:
                return by_name[full], "same"
            short = [t.lower() for t in cand.person_name]
            for actor in reversed(actors):
                if actor.kind != "person" or not actor.person_name:
                    continue
                names = [t.lower() for t in actor.person_name]
                if len(short) < len(names) and (
                    names[-len(short) :] == short or names[: len(short)] == short
                ):
                    return actor, "alias"
            for actor in reversed(actors):
                if (
                    actor.nameless
                    and roles_compatible(actor.role, cand.role)
                    and countries_compatible(actor.country, cand.country)
                ):
                    return actor, "named"
            return None, ""
        if cand.titled_only and cand.kind == "person":
            for actor in reversed(actors):
                if (
                    actor.kind == "person"
                    and roles_compatible(actor.role, cand.role)
                    and countries_compatible(actor.country, cand.country)
                ):
                    return actor, "alias"
            return None, ""
        if cand.key is not None and cand.key in by_key:
            return by_key[cand.key], "same"
        if (
            cand.key is not None
            and cand.key[0] == "agent"
            and cand.key[1] is None
            and cand.definite
        ):
            # "the police" after "Egyptian police": the same body, country or not
            for key in reversed(list(by_key)):
                if (
                    key[0] == "agent"
                    and key[2] == cand.key[2]
                    and key[4] == cand.key[4]
                    and roles_compatible(key[3], cand.key[3])
                ):
                    return by_key[key], "alias"
        return None, ""

    def antecedent(cand: Cand) -> ActorState | None:
        kinds = cand.extra.get("kinds") or frozenset()
        tok = doc[cand.head]
        here = sent_of.get(cand.head, 0)
        for back in range(lex.pronoun_window_sentences + 1):
            pool = [
                (c, a)
                for c, a in seen
                if sent_of.get(c.head, -1) == here - back
                and c.end <= cand.start
                and a.kind in kinds
            ]
            if tok.dep_ in OBJECT_DEPS and tok.lower_ not in lex.reflexive_pronouns:
                verb = tok.head if tok.dep_ != "pobj" else tok.head.head
                pool = [
                    (c, a)
                    for c, a in pool
                    if not (doc[c.head].head.i == verb.i and doc[c.head].dep_ in lex.subject_deps)
                ]
            if not pool:
                continue
            number = cand.extra.get("number")
            agreeing = [
                (c, a) for c, a in pool if c.extra.get("plural", False) == (number == "plural")
            ]
            pool = agreeing or pool
            subjects = [(c, a) for c, a in pool if doc[c.head].dep_ in lex.subject_deps]
            return (subjects or pool)[-1][1]
        return None

    for cand in cands:
        start_char = doc[cand.start].idx
        end_tok = doc[cand.end - 1]
        end_char = end_tok.idx + len(end_tok.text)
        if cand.kind == "pronoun":
            actor = antecedent(cand)
            if actor is None:
                continue
            token_actor[cand.head] = actor
            seen.append((cand, actor))
            mentions.append(
                {
                    "start": start_char,
                    "end": end_char,
                    "text": doc[cand.start : cand.end].text,
                    "actor_id": actor.id,
                    "kind": "pronoun",
                }
            )
            continue
        if cand.poss_pronoun is not None and cand.country is None:
            owner = token_actor.get(cand.poss_pronoun)
            if owner is not None and owner.country is not None:
                cand.country = owner.country
                if cand.key is not None:
                    cand.key = (cand.key[0], owner.country, *cand.key[2:])
        found, how = match(cand)
        kind = mention_kind(cand)
        if found is None:
            actor = new_actor(cand)
        else:
            actor = found
            if how == "named":
                # the nameless title gets its name: "the foreign minister" -> "Andrii Sybiha"
                if actor.name not in actor.aliases:
                    actor.aliases.append(actor.name)
                actor.name = cand.name
                actor.person_name = cand.person_name
                actor.nameless = False
                if cand.country is not None:
                    actor.country = cand.country
                if cand.sector is not None:
                    actor.sector = cand.sector
            if (
                actor.kind != "person"
                and cand.country is not None
                and cand.country == actor.country
                and actor.dictionary_id is None
                and len(cand.name) < len(actor.name)
            ):
                # "Chinese nationals" names the group better than a headline's run of words
                actor.aliases.append(actor.name)
                actor.name = cand.name
            actor.fill(cand)
            if how == "alias" and not cand.person_name:
                kind = "alias"  # "the president", "the police": a short form, not a name
        index(actor, cand)
        seen.append((cand, actor))
        title = cand.extra.get("title")
        if title:
            # "President" / "Ukraine's Foreign Minister" before the name: a mention too
            t_start = doc[title[0]].idx
            t_last = doc[title[1] - 1]
            t_end = t_last.idx + len(t_last.text)
            mentions.append(
                {
                    "start": t_start,
                    "end": t_end,
                    "text": doc[title[0] : title[1]].text,
                    "actor_id": actor.id,
                    "kind": "title",
                }
            )
        mentions.append(
            {
                "start": start_char,
                "end": end_char,
                "text": doc[cand.start : cand.end].text,
                "actor_id": actor.id,
                "kind": kind,
            }
        )
    # 7. an office or agent with no country, in a sentence that names exactly one country,
    #    belongs to that country ("President X ... in Sudan", "police ... in Nigeria")
    # 8. a domestic actor (court, police, protesters, civilians...) with no country, in a
    #    sentence that names no country but has exactly one nationality word, is of that
    #    nationality ("Judge X opened investigations against 28 Chilean officials");
    #    governments and armies often act abroad, so they are not guessed this way
    if sentence_countries or sentence_adjectives:
        sentence_countries = sentence_countries or {}
        sentence_adjectives = sentence_adjectives or {}
        first_sent: dict[str, int] = {}
        for cand, actor in seen:
            first_sent.setdefault(actor.id, sent_of.get(cand.head, -1))
        for actor in actors:
            if actor.country is None and actor.sector is not None:
                n = first_sent.get(actor.id, -1)
                named = sentence_countries.get(n, set())
                if len(named) == 1:
                    actor.country = next(iter(named))
                elif not named and actor.sector in lex.domestic_sectors:
                    adjectives = sentence_adjectives.get(n, set())
                    if len(adjectives) == 1:
                        actor.country = next(iter(adjectives))
    return [a.record(article_id) for a in actors], mentions
