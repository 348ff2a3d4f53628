"""Where and when: the place and date of an event, and the arguments the place fills.

The place is the locative place mention in the trigger's clause, else the first one of the
sentence, else the article's dateline; the date is the date in the clause, else the first
of the sentence, else the publication date ("reported"). An event with no target acts on
the country of the place in its clause; unnamed groups take the country where they act.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

from spacy.tokens import Doc, Span, Token

from newsgraph.events.candidates import Candidate
from newsgraph.events.clauses import pobjs, state_verb
from newsgraph.events.syntax import clause_head, subject
from newsgraph.events.tables import Cues
from newsgraph.language.syntax import dateline_mention

if TYPE_CHECKING:
    from newsgraph.events.resources import EventsData


def place_mentions(doc: Doc, data: EventsData) -> list[dict[str, Any]]:
    """Place mentions that sit in a locative phrase ("in the Donetsk region")."""
    out: list[dict[str, Any]] = []
    stage_places = {p.get("id"): p for p in (doc._.ng_places or []) if isinstance(p, dict)}
    raw: list[tuple[int, int, str, dict[str, Any] | None]] = []
    for m in doc._.ng_place_mentions or []:
        raw.append((m["start"], m["end"], m.get("text") or "", stage_places.get(m.get("place_id"))))
    if not raw:
        for ent in doc.ents:
            if ent.label_ in ("GPE", "LOC", "FAC"):
                raw.append((ent.start_char, ent.end_char, ent.text, None))
    for start, end, text, place in raw:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        head = span.root
        while head.dep_ in ("compound", "amod", "poss", "nmod", "appos") and head.head != head:
            head = head.head
        if (
            head.dep_ == "pobj"
            and head.head.lower_ == "of"
            and head.head.head.dep_ == "pobj"
            and head.head.head.lemma_.lower() in data.nouns.places
        ):
            head = head.head.head  # "near the town of Samarra"
        locative = head.dep_ == "pobj" and (
            head.head.lower_ in data.words.locative_preps
            # "outside of the city": the "of" of a locative word
            or (head.head.lower_ == "of" and head.head.head.lower_ in data.words.locative_preps)
        )
        if place is not None:
            ref = {
                k: place.get(k)
                for k in ("name", "geonames_id", "country", "admin1", "lat", "lon", "precision")
            }
            if not ref.get("country"):
                # a territory the gazetteer holds without a country ("the West Bank")
                ref["country"] = data.countries.country(text) or data.countries.country(
                    str(ref.get("name") or "")
                )
        else:
            ref = {
                "name": text,
                "geonames_id": None,
                "country": data.countries.country(text),
                "admin1": None,
                "lat": None,
                "lon": None,
                "precision": None,
            }
        # a target phrase ("strikes on Russia's Belgorod region"): the word it hangs on
        target = (
            head.head.head.i
            if head.dep_ == "pobj" and head.head.lower_ in data.words.place_target_preps
            else None
        )
        out.append(
            {"start": start, "end": end, "token": span.root.i, "locative": locative,
             "target_of": target, "ref": ref}
        )
    return out


def _finest(found: list[dict[str, Any]]) -> dict[str, Any]:
    """The most precise of the mentions (a town before a region, a region before its
    country: "in eastern Ukraine ... in the Donetsk region"), the first on a tie."""

    def rank(p: dict[str, Any]) -> tuple[int, int]:
        ref = p["ref"]
        precision = ref.get("precision")
        return (precision if isinstance(precision, int) else 4, 0 if ref.get("admin1") else 1)

    return min(found, key=rank)


def _inside(fine: dict[str, Any], coarse: dict[str, Any]) -> bool:
    """``fine`` is a place inside ``coarse`` and more precise than it."""
    if not fine.get("country") or fine.get("country") != coarse.get("country"):
        return False
    if coarse.get("admin1"):
        return fine.get("admin1") == coarse["admin1"] and (fine.get("precision") or 4) < (
            coarse.get("precision") or 4
        )
    return bool(fine.get("admin1"))


def _named_again(tok: Token, places: list[dict[str, Any]], ref: dict[str, Any]) -> dict[str, Any] | None:
    """A place inside ``ref`` named by one of the next two sentences that speaks of the same
    event with the trigger's noun and a definite determiner ("captured ... in eastern
    Ukraine. ... announced the capture, ... in the Donetsk region")."""
    doc = tok.doc
    lemma = tok.lemma_.lower()
    sent = tok.sent
    for _ in range(2):
        if sent.end >= len(doc):
            return None
        sent = doc[sent.end].sent
        same = any(
            t.pos_ == "NOUN" and t.lemma_.lower() == lemma
            and any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in t.children)
            for t in sent
        )
        if not same:
            continue
        inside = [
            p for p in places
            if sent.start_char <= p["start"] < sent.end_char and p["locative"]
            and _inside(p["ref"], ref)
        ]
        return _finest(inside) if inside else None
    return None


_DEFINITE = frozenset({"the", "this", "that"})


def place_of(
    tok: Token,
    sent: Span,
    places: list[dict[str, Any]],
    dateline: dict[str, Any] | None,
) -> dict[str, Any] | None:
    """The event's place and, in its ``basis``, where it was found: ``clause`` (a locative
    of the trigger's clause or a target phrase of the trigger, the most precise),
    ``following`` (that place made precise by a next sentence about the same event),
    ``sentence`` (the first locative of the sentence) or ``dateline``."""
    clause = clause_head(tok)
    clause_ids = {t.i for t in clause.subtree}
    in_sent = [p for p in places if sent.start_char <= p["start"] < sent.end_char]
    own = [
        p for p in in_sent
        if (p["locative"] and p["token"] in clause_ids) or p.get("target_of") == tok.i
    ]
    if own:
        ref = dict(_finest(own)["ref"])
        basis = "clause"
        if not ref.get("admin1") or (ref.get("precision") or 4) > 1:
            later = _named_again(tok, places, ref)
            if later is not None:
                ref, basis = dict(later["ref"]), "following"
        return {**ref, "basis": basis}
    locative = [p for p in in_sent if p["locative"]]
    if locative:
        return {**locative[0]["ref"], "basis": "sentence"}
    return {**dateline, "basis": "dateline"} if dateline else None


def place_arguments(
    cand: Candidate,
    ev: dict[str, Any],
    sent: Span,
    places: list[dict[str, Any]],
    data: EventsData,
) -> None:
    """Arguments the text leaves unnamed, from the place of the event's clause."""
    here = place_target(cand.tok, sent, places)
    if here is not None:
        if not ev["targets"] and ev["category"] not in data.words.place_is_venue:
            ev["targets"] = [here]
            ev["rule"] += " +target-from-place"
        if not ev["sources"] and agentless_passive(cand, data):
            # "a journalist was killed in Beirut": someone there did it
            ev["sources"] = [dict(here)]
            ev["rule"] += " +source-from-place"
        # unnamed groups take the country where they act: "a roadside bomb near
        # Samarra", "killed 20 people in Sudan"; an ethnic group is coded by where it
        # lives ("ethnic Albanians in southern Serbia"), as CAMEO does
        located = False
        for key in ("sources", "targets"):
            refs = []
            for ref in ev[key]:
                if (ref.get("country") is None and unnamed(ref)) or ethnic(ref):
                    ref = dict(ref, country=here["country"])
                    located = True
                refs.append(ref)
            ev[key] = refs
        if located:
            ev["rule"] += " +country-from-place"
    sector = data.nouns.place_target_sectors.get(ev["category"])
    if sector:
        # "shelled Juba", "demolished Palestinian homes": the people of the place
        ev["targets"] = [
            dict(ref, sector=sector)
            if ref.get("country")
            and ref.get("sector") is None
            and (ref.get("kind") == "place" or unnamed(ref))
            else ref
            for ref in ev["targets"]
        ]
    if ev["category"] == "ASSAULT":
        # an attack by no one named ("a roadside bomb killed ..."): CAMEO's
        # unidentified armed forces
        ev["sources"] = [
            dict(ref, sector=data.nouns.unidentified_attacker)
            if ref.get("sector") is None and (ref.get("kind") == "place" or unnamed(ref))
            else ref
            for ref in ev["sources"]
        ]


def agentless_passive(cand: Candidate, data: EventsData) -> bool:
    """A passive verb trigger that names no agent ("was killed", "has been arrested")."""
    verb = cand.tok
    if cand.kind == "noun":
        # "was put under investigation in Italy"
        holder = state_verb(cand.tok, data.words)
        if holder is None or pobjs(cand.tok, ("by",)):
            return False
        verb = holder
    elif cand.kind != "verb":
        return False
    _, passive = subject(verb, data)
    return passive and not pobjs(verb, ("by",))


def place_target(tok: Token, sent: Span, places: list[dict[str, Any]]) -> dict[str, Any] | None:
    """An event with no target acts on the country of the place in its own clause
    ("lifted the curfew in Montenegro", "strengthened its forces in Lebanon"): the
    PLOVER convention for an unnamed recipient. No phrase of the text fills the role,
    so the reference has no offsets (the place itself is the event's ``place``)."""
    clause_ids = {t.i for t in clause_head(tok).subtree}
    for p in places:
        if not (sent.start_char <= p["start"] < sent.end_char and p["locative"]):
            continue
        ref = p["ref"]
        if p["token"] in clause_ids and ref.get("country"):
            return {
                "name": ref.get("name") or sent.doc.text[p["start"] : p["end"]],
                "country": ref["country"],
                "sector": None,
                "kind": "place",
                "start": None,
                "end": None,
                "actor_id": None,
            }
    return None


def date_of(
    doc: Doc, tok: Token, sent: Span, cues: Cues | None = None
) -> tuple[str | None, str | None]:
    """The date of the event whose trigger is ``tok``, by where the date expression sits:

    1. in the event's own clause, or in a clause on the trigger noun ("a request emailed
       on Tuesday"); not in a relative or content clause below it ("Russia, which annexed
       Crimea in 2014, rejected ... on Monday" dates the rejection Monday);
    2. in an adverbial clause of the event's clause ("before concluding ... last week");
    3. when the event is no background, in a clause above it ("officials said on Monday
       that rebels attacked ..."), the attribution clause hanging on it, or a clause
       conjoined after it. Background is a past perfect ("had attacked": before the time
       the sentence speaks of) or a clause under "since";
    4. else the publication date with precision ``reported``.

    A date that opens a span ("since 2011") or stands before another noun ("Tuesday's
    attack", when the trigger is not that noun) is no date of the event.
    """
    cues = cues or _cues()
    own = clause_head(tok)
    above = {t.i for t in own.ancestors}
    # "read out the charges ... and asked": an adverbial clause of the first conjunct
    # scopes over the conjoined verbs
    scope, t = {own.i}, own
    while t.dep_ == "conj" and t.head != t:
        t = t.head
        scope.add(t.i)
    found: dict[int, tuple[str | None, str | None]] = {}
    for d in doc._.ng_dates or []:
        if not (isinstance(d, dict) and d.get("value")):
            continue
        if not sent.start_char <= d["start"] < sent.end_char:
            continue
        span = doc.char_span(d["start"], d["end"], alignment_mode="expand")
        if span is None or _not_event_date(span.root, tok, own, cues):
            continue
        home = clause_head(span.root)
        if home == own or (home.head == tok and tok.pos_ in ("NOUN", "PROPN")):
            rank = 1
        elif home.head.i in scope and home.dep_ == "advcl" and not _opens_span(home, cues):
            rank = 2
        elif home.i in above or (
            home.head == own
            and (home.dep_ == "conj" or home.lemma_.lower() in cues["attribution_verbs"])
        ):
            rank = 3
        else:
            continue
        found.setdefault(rank, (d["value"], d.get("precision")))
    for rank in (1, 2):
        if rank in found:
            return found[rank]
    if 3 in found and not background(own, cues):
        return found[3]
    published = (doc._.ng_meta or {}).get("published")
    if published:
        return str(published)[:10], "reported"
    return None, None


def _not_event_date(root: Token, trigger: Token, own: Token, cues: Cues) -> bool:
    """ "since 2011" opens a span; "Tuesday's attack", "the 2019 killing" date a noun
    (unless the noun is the trigger, or the time or place of its clause: "thanked them
    at Monday's ceremony")."""
    if root.dep_ == "pobj" and root.head.lower_ in cues["span_start_words"]:
        return True
    noun = root.head
    return (
        root.dep_ in ("poss", "compound", "nmod", "nummod", "amod")
        and noun.pos_ in ("NOUN", "PROPN")
        and root.i < noun.i
        and noun != trigger
        and not (noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head == own)
    )


def _opens_span(clause: Token, cues: Cues) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in cues["span_start_words"] for c in clause.children)


def background(clause: Token, cues: Cues) -> bool:
    """A past perfect ("had attacked") or a clause opened by "since": what happened
    before the time the sentence speaks of, so the sentence's date is not its date."""
    for t in (clause, *clause.ancestors):
        kids = list(t.children)
        if _opens_span(t, cues):
            return True
        if t is clause and any(
            c.dep_ in ("aux", "auxpass") and c.lemma_.lower() == "have" and c.tag_ == "VBD"
            for c in kids
        ):
            return True
        if t.dep_ not in ("conj", "xcomp"):
            break
    return False


@lru_cache(maxsize=1)
def _cues() -> Cues:
    return Cues.load()


def unnamed(ref: dict[str, Any]) -> bool:
    """An argument named by a common noun ("gunmen", "a roadside bomb"), not a person,
    organization or state."""
    if ref.get("kind") in ("person", "organization", "state"):
        return False
    words = str(ref.get("name") or "").split()
    return bool(words) and words[-1][:1].islower()


def ethnic(ref: dict[str, Any]) -> bool:
    """ "ethnic Albanians": a group named by ethnicity, not citizenship."""
    return "ethnic" in str(ref.get("name") or "").lower().split()


def dateline(doc: Doc, places: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The place of the article's dateline ("Kyiv, Ukraine – ..."): the first locative
    place mention before the first dash, bracket or colon of the opening line."""
    found = dateline_mention(doc.text, places)
    return found["ref"] if found else None


__all__ = ["dateline"]
