"""Speakers: from the subject token as written to a name, an actor and a country.

With the actors stage present, the speaker's mention (a name, a title or a pronoun the
actors stage resolved) gives the actor: its full name, country, sector and id. Without it,
or where it has no mention, names come from spaCy entities, and a pronoun, relative pronoun
or bare title ("the president") resolves to the nearest earlier named speaker, else to the
nearest earlier person entity.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Token

from newsgraph.quotes.lexicon import Lexicon


def subject_span(subject: Token) -> tuple[int, int]:
    """Token range of the speaker as written: the subject and its modifiers, without a
    relative clause."""
    skip: set[int] = set()
    for child in subject.children:
        if child.dep_ in ("relcl", "acl") and child.i > subject.i:
            skip.update(t.i for t in child.subtree)
    doc = subject.doc
    idx = [t.i for t in subject.subtree if t.i not in skip]
    start = min(idx)
    for i in range(subject.i - 1, start - 1, -1):
        if "\n" in doc[i].text_with_ws:  # never reach back into the previous paragraph
            start = i + 1
            break
    end = subject.i
    for i in sorted(idx):
        if i > end and i == end + 1:
            end = i
    while end > subject.i and (subject.doc[end].is_punct or subject.doc[end].is_space):
        end -= 1
    while start < subject.i and (subject.doc[start].is_punct or subject.doc[start].is_space):
        start += 1
    return start, end + 1


class SpeakerResolver:
    """Turns subject tokens into speaker dicts for one Doc."""

    def __init__(self, doc: Doc, lexicon: Lexicon) -> None:
        self.doc = doc
        self.lex = lexicon
        actors = doc._.ng_actors or []
        self.actors: dict[str, dict[str, Any]] = {
            str(a.get("id")): a for a in actors if isinstance(a, dict) and a.get("id")
        }
        self.mentions: list[dict[str, Any]] = sorted(
            (m for m in (doc._.ng_actor_mentions or []) if isinstance(m, dict)),
            key=lambda m: (int(m.get("start", 0)), int(m.get("end", 0))),
        )
        # Named speakers seen so far: (start char, speaker dict), for pronoun fallback.
        self.history: list[tuple[int, dict[str, Any]]] = []

    # ---- actors ----------------------------------------------------------------------
    def _mention_actor(self, start: int, end: int, head: Token) -> dict[str, Any] | None:
        best: dict[str, Any] | None = None
        h0, h1 = head.idx, head.idx + len(head.text)
        for m in self.mentions:
            ms, me = int(m.get("start", 0)), int(m.get("end", 0))
            if ms >= end:
                break
            if me <= start or not m.get("actor_id"):
                continue
            if ms < h1 and h0 < me:
                return self.actors.get(str(m["actor_id"]))
            if best is None:
                best = self.actors.get(str(m["actor_id"]))
        return best

    # ---- names without actors ---------------------------------------------------------
    def _entity_name(self, t0: int, t1: int, head: Token) -> str | None:
        ents = [e for e in self.doc.ents if e.start < t1 and t0 < e.end and e.label_ in self.lex.rules.words.name_entity_labels]
        if not ents:
            return None
        chosen = next((e for e in ents if e.start <= head.i < e.end), None)
        if chosen is None:
            # "The Ukrainian President": an adjective of nationality does not name the speaker.
            named = [e for e in ents if e.label_ in ("PERSON", "ORG")]
            people = [e for e in named if e.label_ == "PERSON"]
            if not named:
                return None
            chosen = (people or named)[-1]
        words = list(chosen)
        # "Mayor Ana Torres" -> "Ana Torres": a title the entity recognizer took in.
        while (
            len(words) > 1
            and words[0].lower_.rstrip(".") in self.lex.titles
            and all(w.pos_ == "PROPN" for w in words[1:])
        ):
            words = words[1:]
        return self.doc[words[0].i : words[-1].i + 1].text

    def _needs_antecedent(self, head: Token, t0: int, t1: int) -> bool:
        low = head.lower_
        if low in self.lex.rules.words.document_pronouns:
            return False  # "“…,” it reads": a document, not an earlier speaker
        if low in self.lex.pronouns or low in self.lex.relatives:
            return True
        if low in self.lex.titles and self._entity_name(t0, t1, head) is None:
            first = self.doc[t0].lower_
            return first in self.lex.rules.words.determiners or self.doc[t0].dep_ == "poss"
        return False

    def _earlier_speaker(self, before: int, head: Token) -> dict[str, Any] | None:
        plural = head.lower_ in self.lex.rules.words.plural_pronouns
        for start, spk in reversed(self.history):
            if start < before and bool(spk.get("_plural")) == plural:
                return spk
        if head.lower_ in self.lex.rules.words.person_pronouns:
            for ent in reversed(list(self.doc.ents)):
                if ent.end_char <= before and ent.label_ == "PERSON":
                    return {"name": ent.text, "country": None, "sector": None, "actor_id": None}
        return None

    def resolve(
        self, subject: Token, written: tuple[int, int] | None = None
    ) -> dict[str, Any]:
        """The speaker dict of a subject token (keys of records.Quote.speaker); ``written``
        is the speaker's character span when the finder knows it (a signature line),
        else the subject's phrase."""
        doc = self.doc
        t0, t1 = subject_span(subject)
        start, end = doc[t0].idx, doc[t1 - 1].idx + len(doc[t1 - 1].text)
        if written is not None:
            own = doc.char_span(written[0], written[1], alignment_mode="expand")
            if own is not None and len(own) and own.start <= subject.i < own.end:
                t0, t1 = own.start, own.end
                start, end = written
        named = subject
        if subject.lower_ in self.lex.relatives and subject.head.dep_ == "relcl":
            named = subject.head.head  # "Trump, who said ..." -> Trump
        n0, n1 = (t0, t1) if named is subject else subject_span(named)
        speaker: dict[str, Any] = {
            "name": None,
            "country": None,
            "sector": None,
            "start": start,
            "end": end,
            "actor_id": None,
        }
        ns, ne = doc[n0].idx, doc[n1 - 1].idx + len(doc[n1 - 1].text)
        actor = self._mention_actor(ns, ne, named)
        if actor is not None:
            speaker.update(
                name=actor.get("name"),
                country=actor.get("country"),
                sector=actor.get("sector"),
                actor_id=actor.get("id"),
            )
        elif self._needs_antecedent(named, n0, n1):
            earlier = self._earlier_speaker(start, named)
            if earlier is not None:
                for key in ("name", "country", "sector", "actor_id"):
                    speaker[key] = earlier.get(key)
        if speaker["name"] is None:
            name = self._entity_name(n0, n1, named)
            if name is None and named.lower_ not in self.lex.pronouns | self.lex.relatives:
                words = [t for t in doc[n0:n1]]
                if named.pos_ == "PROPN":
                    # "Ana Torres, city engineer" -> "Ana Torres": the name, not its apposition.
                    first = named.i
                    while first > n0 and doc[first - 1].pos_ == "PROPN":
                        first -= 1
                    words = list(doc[first : named.i + 1])
                while words and words[0].lower_ in self.lex.rules.words.determiners:
                    words = words[1:]
                while (
                    len(words) > 1
                    and words[0].lower_.rstrip(".") in self.lex.titles
                    and all(w.pos_ == "PROPN" for w in words[1:])
                ):
                    words = words[1:]
                name = doc[words[0].i : words[-1].i + 1].text if words else None
            speaker["name"] = (name if name is not None else subject.text).lstrip("-—– ")
        if speaker["name"] and named.lower_ not in self.lex.pronouns | self.lex.relatives:
            record = dict(speaker)
            record["_plural"] = named.tag_ in ("NNS", "NNPS")
            self.history.append((start, record))
        return speaker
