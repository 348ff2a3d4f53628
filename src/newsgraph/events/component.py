"""The ``newsgraph_events`` spaCy component: clauses -> PLOVER events.

For each sentence it finds trigger candidates with the lexicon (verbs, verb+particle,
verb+preposition, verb+object, event nouns), drops candidates that are only the content of
another speech act ("threatened to attack" is one THREATEN), fills source and target from
the dependency parse, rates certainty and attribution, attaches place and date, and writes
``doc._.ng_events``: a list of plain dicts keyed like :class:`newsgraph.records.Event`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsgraph.events.arguments import (
    RELATIVE_PRONOUNS,
    ActorIndex,
    core_tokens,
    noun_classes,
    place_target_sectors,
    refs_for,
    statement_nouns,
    unidentified_attacker_sector,
)
from newsgraph.events.certainty import Assessment, assess, clause_head
from newsgraph.events.lexicon import (
    CountryWords,
    Crosswalk,
    Cues,
    Entry,
    Lexicon,
    Shifts,
    headline_passive,
    misread_main_verb,
)
from newsgraph.extensions import register_extensions
from newsgraph.stage import guarded

TARGET_PREPS = ("on", "against", "with", "to", "at", "toward", "towards", "into", "upon", "for")
NOUN_TARGET_PREPS = (
    "on",
    "against",
    "with",
    "to",
    "at",
    "toward",
    "towards",
    "into",
    "upon",
    "for",
    "in",
)
LOCATIVE_PREPS = {
    "in",
    "at",
    "near",
    "outside",
    "inside",
    "across",
    "around",
    "throughout",
    "within",
    "along",
    "into",
    "from",
    "off",
}
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
# Prepositions that list parts of a larger event ("ties with X, including a defense pact").
PART_PREPS = {"including", "like", "as"}
VERB_TAGS = ("VERB", "AUX")
QUANTITY_HEADS = {
    "tens",
    "thousands",
    "hundreds",
    "dozens",
    "scores",
    "millions",
    "number",
    "group",
    "groups",
    "crowd",
    "crowds",
    "some",
    "many",
    "most",
    "members",
    "one",
    "third",
    "half",
    "part",
    "all",
    "two",
    "three",
    "several",
}
DEMAND_MODALS = {"must", "should"}
# Instruments are nouns ("bomb", "machetes") or adjectives ("explosive device").
INSTRUMENT_POS = ("NOUN", "PROPN", "ADJ")
# Clauses below a trigger that report something else ("killed a man who carried a bomb").
OTHER_CLAUSES = {"relcl", "advcl", "ccomp", "xcomp", "csubj", "parataxis"}
# Prepositions naming actors who did the same before ("support ..., following Iran").
PRECEDENT_PREPS = ("following", "like")
# Categories of event nouns whose "of" phrase names who acts ("the withdrawal of troops").
SELF_MOVING = {"MOBILIZE", "RETREAT"}
# Prepositions of a verb that puts someone into the state of an event noun ("put under
# investigation", "taken into custody").
STATE_PREPS = ("under", "into")
# Conjunctions of the condition a threat sets ("... if the US deploys missiles").
CONDITION_MARKS = ("if", "unless")
# RETREAT modes whose agentless passive subject is the one retreating ("the militia was
# disarmed", "troops were withdrawn").
SELF_RETREAT = ("disarm", "withdraw")
# Prepositions naming what an accusation is about ("complained over the raids").
ACCUSED_PREPS = ("over", "about", "against")
# Categories whose place is a venue, not a recipient ("met in Geneva").
PLACE_IS_VENUE = {"CONSULT"}
# A noun inside a name ("Court of Appeal", "Operation Strike") is not an event noun.
NAME_ENTS = {"ORG", "PERSON", "GPE", "WORK_OF_ART", "LAW", "EVENT", "FAC", "PRODUCT"}
# How an event noun may hang below the verb whose subject becomes its source.
INHERIT_DEPS = {"dobj", "obj", "acl", "compound", "attr", "oprd", "conj", "appos"}
ITEM_CATEGORIES = ("AID", "SUPPORT", "COOPERATE")


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


class EventsComponent:
    """Codes PLOVER events; see the module docstring."""

    def __init__(
        self,
        nlp: Language,
        name: str = "newsgraph_events",
        *,
        lexicon_path: str | None = None,
        min_confidence: float = 0.0,
    ) -> None:
        register_extensions()
        self.name = name
        self.lexicon = Lexicon.load(Path(lexicon_path) if lexicon_path else None)
        self.crosswalk = Crosswalk.load()
        self.cues = Cues.load()
        self.shifts = Shifts.load()
        self.countries = CountryWords()
        self.min_confidence = min_confidence
        if not len(self.lexicon):
            import warnings

            warnings.warn(
                "newsgraph_events: the trigger lexicon is empty; no events will be coded",
                stacklevel=2,
            )

    @guarded("events")
    def __call__(self, doc: Doc) -> Doc:
        doc._.ng_events = self.extract(doc)
        return doc

    # -- finding triggers ---------------------------------------------------------------
    def candidates(self, sent: Span, index: ActorIndex | None = None) -> list[Candidate]:
        """Trigger candidates of one sentence, after dropping the content of speech acts."""
        if index is None:
            index = ActorIndex(sent.doc, self.countries)
        found: dict[int, Candidate] = {}
        consumed: set[int] = set()
        for tok in sent:
            if tok.pos_ in VERB_TAGS or tok.tag_.startswith("VB"):
                hit = self.lexicon.match_verb(tok)
                if hit is not None:
                    entry, used = hit
                    found[tok.i] = Candidate(tok, entry, used, "verb")
                    if used is not None and entry.objects:
                        consumed.add(used.i)
                        consumed.update(c.i for c in used.conjuncts)
            elif tok.pos_ == "ADJ" and any(c.dep_ == "xcomp" for c in tok.children):
                hit = self.lexicon.match_verb(tok)  # "ready to", "willing to"
                if hit is not None:
                    found[tok.i] = Candidate(tok, hit[0], None, "verb")
        # "X said Y must do Z": a demand by X on Y
        for tok in sent:
            if (
                tok.pos_ in VERB_TAGS
                and tok.dep_ == "ccomp"
                and tok.head.lemma_.lower() in self.cues["attribution_verbs"]
                and any(c.dep_ == "aux" and c.lower_ in DEMAND_MODALS for c in tok.children)
            ):
                subj, _ = self._subject(tok)
                subj_refs = refs_for(subj, index) if subj is not None else []
                if not any(r.get("country") or r.get("actor_id") for r in subj_refs):
                    continue  # "people should believe ...": no actor to demand from
                modal = next(c.lower_ for c in tok.children if c.lower_ in DEMAND_MODALS)
                entry = Entry(lemma=modal, category="REQUEST", pos="modal")
                found[tok.i] = Candidate(tok, entry, None, "modal")
        for tok in sent:
            if (
                tok.pos_ in ("NOUN", "PROPN")
                and tok.i not in found
                and tok.ent_type_ not in NAME_ENTS
            ):
                noun_entry = self.lexicon.match_noun(tok)
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
                    and (head.lemma_.lower() in self.lexicon.light_verbs)
                ):
                    del found[head.i]
        # Drop the content of speech acts ("threatened to attack": one THREATEN)
        embedding = self.lexicon.embedding_categories
        for i in sorted(found, key=lambda k: _depth(found[k].tok)):
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
    def _subject(self, verb: Token, depth: int = 0) -> tuple[Token | None, bool]:
        """The subject token of a verb and whether the verb is passive (looking through
        conjunctions, control verbs, participles and relative clauses); "tens of thousands
        of students" gives "students"."""
        subj, passive = self._subject_token(verb, depth)
        for _ in range(3):
            if subj is None or (subj.lower_ not in QUANTITY_HEADS and subj.pos_ != "NUM"):
                break
            pobjs = self._pobjs(subj, ("of",))
            if not pobjs:
                break
            subj = pobjs[0]
        return subj, passive

    def _subject_token(self, verb: Token, depth: int = 0) -> tuple[Token | None, bool]:
        if headline_passive(verb):
            return next(c for c in verb.children if c.dep_ == "nsubj"), True
        for c in verb.children:
            if c.dep_ in ("nsubj", "csubj", "expl"):
                if c.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                    return verb.head, False
                return c, False
            if c.dep_ == "nsubjpass":
                return c, True
        if depth > 4 or verb.head == verb:
            return None, False
        head = verb.head
        if verb.dep_ in ("acomp", "xcomp") and verb.pos_ == "ADJ" and head.pos_ in VERB_TAGS:
            return self._subject(head, depth + 1)
        if verb.dep_ == "conj" and head.pos_ in VERB_TAGS:
            subj, _ = self._subject(head, depth + 1)
            return subj, any(c.dep_ == "auxpass" for c in verb.children)
        if verb.dep_ == "xcomp" and head.pos_ in VERB_TAGS:
            objs = [c for c in head.children if c.dep_ in ("dobj", "obj")]
            if objs:
                return objs[0], False
            return self._subject(head, depth + 1)
        if verb.dep_ in ("advcl", "pcomp") and head.pos_ in VERB_TAGS:
            return self._subject(head, depth + 1)
        if verb.dep_ == "relcl" and head.pos_ in ("NOUN", "PROPN", "PRON") and verb.tag_ != "VB":
            return head, verb.tag_ == "VBN"
        if (
            verb.dep_ == "acl"
            and verb.tag_ == "VBG"
            and head.lemma_.lower() in statement_nouns()
            and head.dep_ in ("dobj", "obj")
            and head.head.pos_ in VERB_TAGS
        ):
            # "issued a declaration demanding ...": the issuer demands
            return self._subject(head.head, depth + 1)
        if (
            verb.dep_ == "acl"
            and head.pos_ in ("NOUN", "PROPN", "PRON")
            and verb.tag_ in ("VBG", "VBN")
        ):
            root = misread_main_verb(verb)
            if root is not None:
                return root, False
            return head, verb.tag_ == "VBN"
        if verb.dep_ == "pcomp" and head.dep_ == "prep":
            return (
                self._subject(head.head, depth + 1)
                if head.head.pos_ in VERB_TAGS
                else (None, False)
            )
        return None, False

    def _detached_agent(self, verb: Token) -> list[Token]:
        """The agent of a passive that the parser hung on the active verb above it: "X has
        been accused of misusing funds, much of it believed embezzled, by officials"."""
        head = verb.head
        if (
            verb.dep_ not in ("ccomp", "conj", "advcl")
            or head.pos_ not in VERB_TAGS
            or any(c.dep_ in ("auxpass", "nsubjpass") for c in head.children)
        ):
            return []
        return [
            p for p in self._pobjs(head, ("by",)) if p.i > verb.i and p.pos_ in ("NOUN", "PROPN")
        ]

    @staticmethod
    def _state_verb(tok: Token) -> Token | None:
        """The verb that puts someone into the state an event noun names: "was put under
        investigation", "placed him under arrest", "taken into custody"."""
        prep = tok.head
        if (
            tok.dep_ == "pobj"
            and prep.dep_ == "prep"
            and prep.lower_ in STATE_PREPS
            and prep.head.pos_ in VERB_TAGS
        ):
            return prep.head
        return None

    def _quantity_objects(self, verb: Token) -> list[Token]:
        """ "kidnapped up to 16 advisers": the parser reads "up" as a particle and "to 16
        advisers" as its phrase; the counted noun is the object."""
        for c in verb.children:
            if c.dep_ == "prt" and c.lower_ == "up":
                got = self._pobjs(c, ("to",))
                if got and any(g.dep_ == "nummod" or g.like_num for g in got[0].children):
                    return got
        return []

    def _pobjs(self, tok: Token, preps: tuple[str, ...]) -> list[Token]:
        out: list[Token] = []
        for c in tok.children:
            if c.dep_ in ("prep", "dative", "agent") and c.lower_ in preps:
                out.extend(g for g in c.children if g.dep_ == "pobj")
        return out

    def _items(self, heads: list[Token]) -> list[str]:
        items: list[str] = []
        for h in heads:
            for t in [h, *h.conjuncts]:
                core = core_tokens(t)
                text = t.doc[core[0].i : core[-1].i + 1].text
                if text and text not in items:
                    items.append(text)
        return items

    def _inherited_source(self, tok: Token, found: set[int], index: ActorIndex) -> Token | None:
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
                if head.lemma_.lower() in self.cues["attribution_verbs"] or (
                    head.i in found and head.lemma_.lower() not in self.lexicon.light_verbs
                ):
                    return None
                subj, passive = self._subject(head)
                if subj is not None and not passive and refs_for(subj, index):
                    return subj
            node = head
        return None

    @staticmethod
    def _part_of(tok: Token, found: set[int]) -> Token | None:
        """The event a noun is listed as part of ("..., including a defense agreement")."""
        node = tok
        for _ in range(4):
            head = node.head
            if head == node:
                return None
            if node.dep_ == "pobj" and head.lower_ in PART_PREPS:
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
    def extract(self, doc: Doc) -> list[dict[str, Any]]:
        if not doc.has_annotation("DEP"):
            return []
        index = ActorIndex(doc, self.countries)
        quotes = [q for q in (doc._.ng_quotes or []) if isinstance(q, dict)]
        places = self._place_mentions(doc)
        dateline = self._dateline(doc, places)
        events: list[dict[str, Any]] = []
        for sent in doc.sents:
            cands = self.candidates(sent, index)
            found = {c.tok.i for c in cands}
            done: dict[int, dict[str, Any]] = {}
            for cand in sorted(cands, key=lambda c: _depth(c.tok)):
                ev = self._event(doc, sent, cand, index, quotes, found, done)
                if ev is None:
                    continue
                done[cand.tok.i] = ev
            for cand in cands:
                ev = done.get(cand.tok.i)
                if ev is not None and not ev["targets"] and cand.kind == "verb":
                    shared = self._conjunct_target(cand.tok, done)
                    if shared:
                        ev["targets"] = shared
                        ev["rule"] += " +target-from-conjunct"
                if (
                    ev is not None
                    and not ev["targets"]
                    and cand.entry.category not in self.lexicon.embedding_categories
                ):
                    aimed = self._purpose_target(cand, done)
                    if aimed:
                        ev["targets"] = aimed
                        ev["rule"] += " +target-from-purpose"
            for cand in cands:
                ev = done.get(cand.tok.i)
                if ev is None:
                    continue
                ev["place"] = self._place(cand.tok, sent, places, dateline)
                self._place_arguments(cand, ev, sent, places)
                ev["date"], ev["date_precision"] = self._date(doc, cand.tok, sent)
                if ev["confidence"] >= self.min_confidence:
                    events.append(ev)
        return events

    @staticmethod
    def _condition_subject(verb: Token) -> Token | None:
        """The subject of an "if" / "unless" clause right under a verb."""
        for c in verb.children:
            if c.dep_ == "advcl" and any(
                g.dep_ == "mark" and g.lower_ in CONDITION_MARKS for g in c.children
            ):
                subj = next((g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")), None)
                if subj is not None:
                    return subj
        return None

    @staticmethod
    def _purpose_target(cand: Candidate, done: dict[int, dict[str, Any]]) -> list[dict[str, Any]]:
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
                    if (
                        g.dep_ == "pobj"
                        and g.i != cand.tok.i
                        and ev
                        and ev["category"] == "PROTEST"
                    ):
                        named = [t for t in ev["targets"] if t.get("country") and t.get("start")]
                        if named:
                            return named
        return []

    @staticmethod
    def _conjunct_target(tok: Token, done: dict[int, dict[str, Any]]) -> list[dict[str, Any]]:
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

    def _speaker_ref(self, a: Assessment, index: ActorIndex) -> dict[str, Any] | None:
        if a.quote is not None and a.quote.get("speaker"):
            sp = dict(a.quote["speaker"])
            return {
                "name": sp.get("name"),
                "country": sp.get("country"),
                "sector": sp.get("sector"),
                "kind": sp.get("kind"),
                "start": sp.get("start"),
                "end": sp.get("end"),
                "actor_id": sp.get("actor_id"),
            }
        if a.attribution is not None:
            subj, _ = self._subject(a.attribution)
            refs = refs_for(subj, index)
            if not refs and subj is not None:
                refs = [_uncoded_ref(subj)]
            if refs:
                return refs[0]
        return None

    def _event(
        self,
        doc: Doc,
        sent: Span,
        cand: Candidate,
        index: ActorIndex,
        quotes: list[dict[str, Any]],
        found: set[int],
        done: dict[int, dict[str, Any]],
    ) -> dict[str, Any] | None:
        tok, entry = cand.tok, cand.entry
        a = assess(tok, self.cues, quotes)
        speaker = self._speaker_ref(a, index)
        claimant = speaker
        pron = speaker if a.attribution is not None else None
        sources: list[dict[str, Any]] = []
        targets: list[dict[str, Any]] = []
        items: list[str] = []
        rule = entry.rule
        if entry.objects and cand.consumed is not None:
            rule = f"verb+obj:{entry.lemma} {cand.consumed.lemma_.lower()}"
        elif entry.with_:
            mod = next(
                (c.lemma_.lower() for c in tok.children if c.lemma_.lower() in entry.with_),
                sorted(entry.with_)[0],
            )
            rule = f"noun+mod:{mod} {entry.lemma}"
        confidence = 0.8 if cand.kind == "verb" else 0.65

        def refs(t: Token | None, *, strict: bool = True) -> list[dict[str, Any]]:
            out = refs_for(t, index, pronoun_ref=pron, speaker_ref=speaker)
            if not out and t is not None and not strict and t.pos_ in ("NOUN", "PROPN"):
                out = [_uncoded_ref(t)]
            return out

        if cand.kind == "modal":
            speaker_subj, _ = self._subject(tok.head)
            sources = refs(speaker_subj, strict=False)
            subj, _ = self._subject(tok)
            targets = refs(subj, strict=False)
            a = assess(tok.head, self.cues, quotes)
            speaker = self._speaker_ref(a, index)
            claimant = speaker
            rule = f"modal-demand:{entry.lemma} (said ... {entry.lemma} {tok.text})"
            confidence = 0.6
        elif cand.kind == "verb" and cand.purpose_of is not None:
            gov = cand.purpose_of.tok
            subj, passive = self._subject(gov)
            if not passive:
                sources = refs(subj, strict=False)
                objs = [c for c in gov.children if c.dep_ in ("dobj", "obj")]
                targets = refs(objs[0]) if objs else []
            rule += f" +purpose-of:{gov.lemma_.lower()}"
        elif cand.kind == "verb":
            subj, passive = self._subject(tok)
            if passive:
                agents = self._pobjs(tok, ("by",)) or [
                    p for p in self._detached_agent(tok) if any(r.get("country") for r in refs(p))
                ]
                sources = refs(agents[0] if agents else None, strict=False)
                targets = refs(subj)
                if not agents and entry.category == "RETREAT" and entry.mode in SELF_RETREAT:
                    # "guerrillas have been demobilized": the ones who lay down arms
                    sources, targets = targets, []
            else:
                sources = refs(subj, strict=False)
            objs = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
            if not objs:
                objs = self._quantity_objects(tok)
            dative = [c for c in tok.children if c.dep_ == "dative" and c.pos_ != "ADP"]
            if cand.consumed is not None and cand.consumed.dep_ == "mark":
                # "called for Israel to halt the raids": the clause's subject is asked
                clause_subj = next(
                    (g for g in cand.consumed.head.children if g.dep_ == "nsubj"), None
                )
                if clause_subj is not None:
                    targets = targets or refs(clause_subj)
            if cand.consumed is not None and cand.consumed.dep_ in ("prep", "prt"):
                pobjs = [g for g in cand.consumed.children if g.dep_ == "pobj"]
                if not pobjs and cand.consumed.dep_ == "prt":
                    pobjs = self._pobjs(tok, TARGET_PREPS)
                if pobjs:
                    targets = targets or refs(pobjs[0])
                if not targets and objs:
                    targets = refs(objs[0])
            elif entry.items or entry.category in ("AID",):
                with_objs = self._pobjs(tok, ("with",))
                if objs and with_objs and refs(objs[0]):
                    # "provided Russia with drones": the object is the recipient
                    targets = targets or refs(objs[0])
                    items = self._items(with_objs)
                elif objs and not (
                    cand.consumed is not None and cand.consumed in objs and not entry.items
                ):
                    items = self._items(objs)
                to = dative or self._pobjs(tok, ("to", "for"))
                if not to and objs:
                    # "granted asylum to ...", "delivered goods to ...": the recipient
                    # hangs on the object
                    to = self._pobjs(objs[0], ("to", "for"))
                if to:
                    targets = targets or refs(to[0])
                if not targets and objs and not items:
                    targets = refs(objs[0])
            else:
                sub_toks = {sc.tok.i for sc in cand.subs}
                # the object named by a verb+object entry is part of the trigger when it is an
                # event noun ("impose sanctions"), a participant otherwise ("release hostages")
                consumed_event = (
                    cand.consumed is not None
                    and cand.consumed in objs
                    and (
                        self.lexicon.match_noun(cand.consumed) is not None
                        or entry.category == "MOBILIZE"
                    )
                )
                obj_is_trigger = consumed_event or bool(objs and objs[0].i in sub_toks)
                if objs and not obj_is_trigger and not passive:
                    targets = targets or refs(objs[0])
                if not targets:
                    holders = [tok] + ([cand.consumed] if obj_is_trigger and cand.consumed else [])
                    if objs and not obj_is_trigger and not passive:
                        holders.append(objs[0])  # "boycott all contact with the US"
                    if objs and cand.consumed is not None and not passive:
                        # "launched artillery, mortar and rocket fire against X"
                        conj = list(objs[0].conjuncts)
                        if cand.consumed in objs or cand.consumed in conj:
                            holders.extend(c for c in conj if c not in holders)
                    for h in holders:
                        pobjs = self._pobjs(h, TARGET_PREPS)
                        if pobjs:
                            targets = refs(pobjs[0])
                            if targets:
                                break
                if (
                    not targets
                    and cand.consumed is not None
                    and cand.consumed in objs
                    and self.lexicon.match_noun(cand.consumed) is not None
                ):
                    # "accepted demands from the rebels": the rebels made the demands
                    targets = [r for r in refs(cand.consumed) if r.get("country")]
                if not targets and dative:
                    targets = refs(dative[0])
                if entry.category == "ACCUSE":
                    # "complained to the UN over Israeli raids": the accused, not the
                    # addressee
                    for p in self._pobjs(tok, ACCUSED_PREPS):
                        accused = [r for r in refs(p) if r.get("country")]
                        if accused:
                            targets = accused
                            break
                own = {s.get("country") for s in sources if s.get("country")}
                if targets and all(t.get("country") in own for t in targets):
                    # "offered its troops to Lebanon": the recipient, not the source's own
                    for p in dative or self._pobjs(tok, ("to",)):
                        other = [r for r in refs(p) if r.get("country") not in own | {None}]
                        if other:
                            targets = other
                            break
            if not targets:
                # purpose clause: "sending troops to fight for Moscow"
                for c in tok.children:
                    if c.dep_ in ("advcl", "xcomp") and c.pos_ in VERB_TAGS:
                        pobjs = self._pobjs(c, ("for", "alongside", "with", "against"))
                        if pobjs:
                            targets = refs(pobjs[0])
                            if targets:
                                break
                        if (
                            c.dep_ == "advcl"
                            and entry.category not in self.lexicon.embedding_categories
                            and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
                        ):
                            # "opened fire to disperse demonstrators": whom it was aimed at
                            pobjs = [g for g in c.children if g.dep_ in ("dobj", "obj")]
                            if pobjs:
                                targets = [r for r in refs(pobjs[0]) if r.get("country")]
                                if targets:
                                    rule += " +target-from-purpose"
                                    break
            if (
                not targets
                and tok.dep_ in ("advcl", "conj", "xcomp")
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
            ):
                # "ramped up support for X, providing ...": the target of the clause's event
                owners = [tok.head, *(c for c in tok.head.children if c.dep_ in ("dobj", "obj"))]
                for owner in owners:
                    if owner.i in done and done[owner.i]["targets"]:
                        targets = list(done[owner.i]["targets"])
                        rule += " +target-from-clause"
                        break
            if (
                entry.category in ITEM_CATEGORIES
                and not items
                and objs
                and (cand.consumed is None or cand.consumed not in objs)
                and (not targets or all(t.get("start") != objs[0].idx for t in targets))
            ):
                obj_refs = refs(objs[0])
                if not obj_refs:
                    items = self._items(objs)
        else:  # noun trigger
            for c in tok.children:
                if c.dep_ == "poss" or (
                    c.dep_ in ("amod", "compound", "nmod")
                    and not sources
                    and (index.country_of_token(c) or (index.mention(c) and c.pos_ == "PROPN"))
                ):
                    sources = refs(c)
            if not sources:
                # "IRA bomb attacks": a named or national modifier anywhere in the phrase
                for t in core_tokens(tok):
                    if (
                        t != tok
                        and t.dep_ != "poss"
                        and (index.country_of_token(t) or (index.mention(t) and t.pos_ == "PROPN"))
                    ):
                        sources = refs(t)
                        if sources:
                            break
            by = self._pobjs(tok, ("by",))
            if by:
                sources = refs(by[0], strict=False)
            between = self._pobjs(tok, ("between", "among"))
            if entry.mode == "mediate":
                # "launched a mediation effort between X and Y": the parties are the targets;
                # the phrase may hang on the head noun or on the verb
                node = tok.head if tok.dep_ == "compound" else tok
                if not between and node != tok:
                    between = self._pobjs(node, ("between", "among"))
                if not between and node.dep_ in ("dobj", "obj") and node.head.pos_ in VERB_TAGS:
                    between = self._pobjs(node.head, ("between", "among"))
                if between:
                    targets = refs(between[0])
                    between = []
            if (
                between
                and not sources
                and entry.category in ("CONSULT", "COOPERATE", "AGREE", "ASSAULT")
            ):  # talks or fighting "between X and Y": both sides are sources
                sources = refs(between[0])  # "talks between X and Y": both are sources
            if not sources and entry.category in ("AID", "SUPPORT", "COOPERATE"):
                frm = self._pobjs(tok, ("from",))
                if frm:
                    sources = refs(frm[0])
            of = self._pobjs(tok, ("of",))
            if of and entry.of == "items":
                if not refs(of[0]):
                    items = self._items(of)
            elif of and not sources and entry.category in SELF_MOVING:
                # "the deployment of NATO troops", "the withdrawal of Serbian forces": the
                # ones who move are the actors
                sources = refs(of[0])
            elif of:
                targets = refs(of[0])
            holder = self._state_verb(tok)
            if holder is not None and not targets:
                # "a US national was put under investigation": the one put under it
                subj, passive = self._subject(holder)
                objs = [c for c in holder.children if c.dep_ in ("dobj", "obj")]
                if passive:
                    targets = refs(subj)
                elif objs:
                    targets = refs(objs[0])
                    if not sources:
                        sources = refs(subj)
                if targets:
                    rule += f" +target-of:{holder.lemma_.lower()}"
            if not targets:
                pobjs = self._pobjs(tok, NOUN_TARGET_PREPS)
                # "support from X to Y" where the parser hangs "to Y" on "from"
                pobjs += [
                    g
                    for p in tok.children
                    if p.dep_ == "prep" and p.lower_ not in NOUN_TARGET_PREPS
                    for q in p.children
                    if q.dep_ == "prep" and q.lower_ in ("to", "for", "against", "on")
                    for g in q.children
                    if g.dep_ == "pobj"
                ]
                for p in pobjs:
                    targets = refs(p)
                    if targets:
                        break
            if not any(src.get("country") for src in sources):
                # "further military support from another country, following Iran and North
                # Korea": the actors named as having done the same before are its sources
                for p in self._precedents(tok):
                    named = (
                        [r for r in refs(p) if r.get("country")]
                        if p.pos_ == "PROPN" or index.mention(p) is not None
                        else []
                    )
                    if named:
                        sources = named
                        rule += " +source-from-precedent"
                        break
            parent = self._part_of(tok, found)
            if parent is not None and parent.i in done and not sources:
                sources = list(done[parent.i]["sources"])
                targets = targets or list(done[parent.i]["targets"])
                rule += " +part-of-event"
            if not sources:
                inh = self._inherited_source(tok, found, index)
                if inh is not None:
                    sources = refs(inh)
                    if sources:
                        rule += " +source-from-clause"
                        confidence -= 0.1
        if not targets and cand.kind != "modal":
            targets = self._embedded_target(doc, sent, cand, index, quotes, found, done, sources)
            if targets:
                rule += " +target-from-content"
        if entry.category == "THREATEN" and not any(t.get("country") for t in targets):
            # "threatened to stop the talks if the United States deploys missiles": the one
            # whose conduct is the condition is threatened
            for holder in [tok, *(sc.tok for sc in cand.subs)]:
                cond = self._condition_subject(holder)
                named = [r for r in refs(cond) if r.get("country")] if cond is not None else []
                if named:
                    targets = named
                    rule += " +target-from-condition"
                    break
        # a reference whose text is only whitespace names no one
        sources = [s for s in sources if s.get("name") is None or str(s["name"]).strip()]
        targets = [t for t in targets if t.get("name") is None or str(t["name"]).strip()]
        # drop a target that is the source itself
        src_spans = {(s.get("start"), s.get("end")) for s in sources}
        src_ids = {s.get("actor_id") for s in sources if s.get("actor_id")}
        # last words of the sources' names (a name may be only spaces or punctuation)
        src_last = {words[-1] for s in sources if (words := str(s.get("name") or "").split())}
        targets = [
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
        if not sources and not targets:
            return None
        if not sources:
            confidence -= 0.15

        # -- category, mode, certainty shifts ----------------------------------------------
        category, mode, context = entry.category, entry.mode, entry.context
        certainty = a.certainty
        if a.negated:
            shifted = self.shifts.apply("refusal", category)
            if shifted:
                category, mode = shifted, None
                rule += " +negated"
                a.flags.discard("denied")
                certainty = a.rank()
        elif (
            (a.future or (a.modal == "would" and "claimed" in a.flags))
            and not a.conditional
            and not a.wished
            and sources
            and "unclear" not in a.flags
        ):
            shifted = self.shifts.apply("promise", category, mode)
            if shifted:
                mode = category.lower() if mode is None else mode
                category = shifted
                rule += " +future-intent"
                a.flags.discard("future")
                certainty = a.rank()
        if entry.category == "AGREE" and cand.direct and self.shifts.apply("threat", cand.direct):
            # "is prepared to impose martial law", "agreed to attack": a threat
            category, mode = "THREATEN", None
            rule += " +conflict-intent"
        if (a.future or a.modal == "would") and not a.conditional and not a.wished and sources:
            shifted = self.shifts.apply("threat", category)
            if shifted:
                if mode not in self.lexicon.kept_modes.get(shifted, frozenset()):
                    mode = self.lexicon.embedded_modes.get(shifted, {}).get(category)
                category = shifted
                rule += " +stated-intent"
                a.flags.discard("future")
                a.flags.discard("hypothetical")
                certainty = a.rank()
        if (
            category == "MOBILIZE"
            and len({s.get("country") for s in sources if s.get("country")}) > 1
        ):
            category, mode = "COOPERATE", None  # joint exercises of two countries
            context = context or "military"
            rule += " +joint"
        if cand.embedded and category in self.lexicon.embedded_modes and mode is None:
            kept = self.lexicon.kept_modes.get(category, frozenset())
            mode = next(
                (
                    m
                    for sub in cand.subs
                    if (m := self._own_mode(sub)) in kept and sub.entry.category == cand.embedded
                ),
                None,
            ) or self.lexicon.embedded_modes[category].get(cand.embedded)
        if cand.kind in ("verb", "noun") and cand.consumed is not None and entry.objects:
            # "staged a hunger strike": the object noun's own, narrower mode
            noun = self.lexicon.match_noun(cand.consumed)
            if noun is not None and noun.with_ and noun.category == category and noun.mode:
                mode = noun.mode
        if mode is None and category in self.lexicon.instruments:
            found_mode = self._instrument_mode(tok, category)
            if found_mode:
                mode = found_mode
                rule += f" +instrument-mode:{found_mode}"
        cameo, quad, intensity = self.crosswalk.code(category, mode)
        if a.cues:
            rule += f"; {certainty}: " + ", ".join(dict.fromkeys(a.cues))
        if certainty != "claimed" and "claimed" not in a.flags:
            claimant = None
        trig_end = tok.idx + len(tok)
        if cand.consumed is not None and cand.kind == "verb":
            trig_end = max(trig_end, cand.consumed.idx + len(cand.consumed))
        trig_text = doc.text[tok.idx : trig_end]
        if entry.category in ITEM_CATEGORIES or category in ITEM_CATEGORIES:
            pass
        else:
            items = []
        return {
            "category": category,
            "mode": mode,
            "context": context,
            "cameo_root": cameo,
            "quad_class": quad,
            "intensity": intensity,
            "sources": sources,
            "targets": targets,
            "place": None,
            "date": None,
            "date_precision": None,
            "certainty": certainty,
            "claimed_by": claimant,
            "items": items,
            "trigger": {"start": tok.idx, "end": trig_end, "text": trig_text},
            "sentence": {"start": sent.start_char, "end": sent.end_char, "text": sent.text},
            "rule": rule,
            "confidence": round(max(0.05, confidence), 2),
        }

    def _precedents(self, tok: Token) -> list[Token]:
        """Heads of the "following X" / "like X" phrase on an event noun, or on the verb
        whose object or complement the noun is (the parser hangs it either way)."""
        out = self._pobjs(tok, PRECEDENT_PREPS)
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
                out = self._pobjs(node, PRECEDENT_PREPS) + [
                    g
                    for c in node.children
                    if c.dep_ in ("advcl", "prep") and c.lower_ in PRECEDENT_PREPS
                    for g in c.children
                    if g.dep_ in ("dobj", "obj", "pobj")
                ]
                break
        return out

    def _own_mode(self, cand: Candidate) -> str | None:
        """The mode a candidate's own entry gives, narrowed by its object noun."""
        if cand.consumed is not None and cand.entry.objects:
            noun = self.lexicon.match_noun(cand.consumed)
            if noun is not None and noun.with_ and noun.category == cand.entry.category:
                return noun.mode or cand.entry.mode
        return cand.entry.mode

    def _instrument_mode(self, tok: Token, category: str) -> str | None:
        """The mode given by an instrument named in the trigger's own clause: its subject,
        objects and phrases ("in a bomb attack", "by an explosive device", "militiamen armed
        with machetes"), not other clauses below it. Modes are tried in the order of the
        data file."""
        table = self.lexicon.instruments.get(category) or {}
        if not table:
            return None
        words: set[str] = set()
        stack = [tok]
        while stack:
            t = stack.pop()
            if t.pos_ in INSTRUMENT_POS:
                words.add(t.lemma_.lower())
                words.add(t.lower_)
                if "-" in t.lower_:
                    words.update(t.lower_.split("-"))
            # stay in the trigger's clause: not in relative, adverbial or content clauses
            stack.extend(c for c in t.children if c.dep_ not in OTHER_CLAUSES)
        hits = {table[w] for w in words if w in table}
        if not hits:
            return None
        for mode in dict.fromkeys(table.values()):
            if mode in hits:
                return mode
        return None

    def _embedded_target(
        self,
        doc: Doc,
        sent: Span,
        cand: Candidate,
        index: ActorIndex,
        quotes: list[dict[str, Any]],
        found: set[int],
        done: dict[int, dict[str, Any]],
        sources: list[dict[str, Any]],
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
                and c.lemma_.lower() in self.cues["attribution_verbs"]
                and not any(g.dep_ == "mark" for g in c.children)
                and c.i > cand.tok.i
            ):
                continue  # "demanded X, diplomats said": the reporters, not the content
            if c.dep_ == "ccomp" or (
                c.dep_ == "acl"
                and cand.kind == "noun"
                and any(g.dep_ == "mark" for g in c.children)
            ):
                subj = next((g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")), None)
                if subj is not None:
                    out = refs_for(subj, index)
                    if out:
                        return out
        ours = {s.get("country") for s in sources if s.get("country")}
        our_spans = {(s.get("start"), s.get("end")) for s in sources if s.get("start") is not None}
        our_ids = {s.get("actor_id") for s in sources if s.get("actor_id")}
        for sub in cand.subs:
            ev = self._event(doc, sent, sub, index, quotes, found, done)
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
    def _place_mentions(self, doc: Doc) -> list[dict[str, Any]]:
        """Place mentions that sit in a locative phrase ("in the Donetsk region")."""
        out: list[dict[str, Any]] = []
        stage_places = {p.get("id"): p for p in (doc._.ng_places or []) if isinstance(p, dict)}
        raw: list[tuple[int, int, str, dict[str, Any] | None]] = []
        for m in doc._.ng_place_mentions or []:
            raw.append(
                (m["start"], m["end"], m.get("text") or "", stage_places.get(m.get("place_id")))
            )
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
                and head.head.head.lemma_.lower() in noun_classes()[1]
            ):
                head = head.head.head  # "near the town of Samarra"
            locative = head.dep_ == "pobj" and (
                head.head.lower_ in LOCATIVE_PREPS
                # "outside of the city": the "of" of a locative word
                or (head.head.lower_ == "of" and head.head.head.lower_ in LOCATIVE_PREPS)
            )
            if place is not None:
                ref = {
                    k: place.get(k)
                    for k in ("name", "geonames_id", "country", "admin1", "lat", "lon", "precision")
                }
                if not ref.get("country"):
                    # a territory the gazetteer holds without a country ("the West Bank")
                    ref["country"] = self.countries.country(text) or self.countries.country(
                        str(ref.get("name") or "")
                    )
            else:
                ref = {
                    "name": text,
                    "geonames_id": None,
                    "country": self.countries.country(text),
                    "admin1": None,
                    "lat": None,
                    "lon": None,
                    "precision": None,
                }
            out.append(
                {"start": start, "end": end, "token": span.root.i, "locative": locative, "ref": ref}
            )
        return out

    def _dateline(self, doc: Doc, places: list[dict[str, Any]]) -> dict[str, Any] | None:
        """The place named before the first dash of the article ("Kyiv, Ukraine – ...")."""
        head = doc.text[:120]
        for mark in (" – ", " — ", " - ", "(", ":"):
            pos = head.find(mark)
            if pos > 0:
                cands = [p for p in places if p["end"] <= pos]
                # the dateline may follow a title line
                nl = head.rfind("\n", 0, pos)
                cands = [p for p in cands if p["start"] > nl]
                if cands:
                    return cands[0]["ref"]
        return None

    def _place(
        self,
        tok: Token,
        sent: Span,
        places: list[dict[str, Any]],
        dateline: dict[str, Any] | None,
    ) -> dict[str, Any] | None:
        clause = clause_head(tok)
        clause_ids = {t.i for t in clause.subtree}
        in_sent = [
            p for p in places if sent.start_char <= p["start"] < sent.end_char and p["locative"]
        ]
        for p in in_sent:
            if p["token"] in clause_ids:
                return dict(p["ref"])
        if in_sent:
            return dict(in_sent[0]["ref"])
        return dict(dateline) if dateline else None

    def _place_arguments(
        self,
        cand: Candidate,
        ev: dict[str, Any],
        sent: Span,
        places: list[dict[str, Any]],
    ) -> None:
        """Arguments the text leaves unnamed, from the place of the event's clause."""
        here = self._place_target(cand.tok, sent, places)
        if here is not None:
            if not ev["targets"] and ev["category"] not in PLACE_IS_VENUE:
                ev["targets"] = [here]
                ev["rule"] += " +target-from-place"
            if not ev["sources"] and self._agentless_passive(cand):
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
                    if (ref.get("country") is None and _unnamed(ref)) or _ethnic(ref):
                        ref = dict(ref, country=here["country"])
                        located = True
                    refs.append(ref)
                ev[key] = refs
            if located:
                ev["rule"] += " +country-from-place"
        sector = place_target_sectors().get(ev["category"])
        if sector:
            # "shelled Juba", "demolished Palestinian homes": the people of the place
            ev["targets"] = [
                dict(ref, sector=sector)
                if ref.get("country")
                and ref.get("sector") is None
                and (ref.get("kind") == "place" or _unnamed(ref))
                else ref
                for ref in ev["targets"]
            ]
        if ev["category"] == "ASSAULT":
            # an attack by no one named ("a roadside bomb killed ..."): CAMEO's
            # unidentified armed forces
            ev["sources"] = [
                dict(ref, sector=unidentified_attacker_sector())
                if ref.get("sector") is None and (ref.get("kind") == "place" or _unnamed(ref))
                else ref
                for ref in ev["sources"]
            ]

    def _agentless_passive(self, cand: Candidate) -> bool:
        """A passive verb trigger that names no agent ("was killed", "has been arrested")."""
        verb = cand.tok
        if cand.kind == "noun":
            # "was put under investigation in Italy"
            holder = self._state_verb(cand.tok)
            if holder is None or self._pobjs(cand.tok, ("by",)):
                return False
            verb = holder
        elif cand.kind != "verb":
            return False
        _, passive = self._subject(verb)
        return passive and not self._pobjs(verb, ("by",))

    @staticmethod
    def _place_target(
        tok: Token, sent: Span, places: list[dict[str, Any]]
    ) -> dict[str, Any] | None:
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

    def _date(self, doc: Doc, tok: Token, sent: Span) -> tuple[str | None, str | None]:
        dates = [d for d in (doc._.ng_dates or []) if isinstance(d, dict) and d.get("value")]
        clause = clause_head(tok)
        clause_ids = {t.i for t in clause.subtree}
        in_sent = [d for d in dates if sent.start_char <= d["start"] < sent.end_char]
        for d in in_sent:
            span = doc.char_span(d["start"], d["end"], alignment_mode="expand")
            if span is not None and span.root.i in clause_ids:
                return d["value"], d.get("precision")
        if in_sent:
            return in_sent[0]["value"], in_sent[0].get("precision")
        published = (doc._.ng_meta or {}).get("published")
        if published:
            return str(published)[:10], "reported"
        return None, None


def _uncoded_ref(tok: Token) -> dict[str, Any]:
    """A party the actors stage did not code: the phrase's core text, with nothing known."""
    core = core_tokens(tok)
    span = tok.doc[core[0].i : core[-1].i + 1]
    return {
        "name": span.text,
        "country": None,
        "sector": None,
        "kind": None,
        "start": span.start_char,
        "end": span.end_char,
        "actor_id": None,
    }


def _unnamed(ref: dict[str, Any]) -> bool:
    """An argument named by a common noun ("gunmen", "a roadside bomb"), not a person,
    organization or state."""
    if ref.get("kind") in ("person", "organization", "state"):
        return False
    words = str(ref.get("name") or "").split()
    return bool(words) and words[-1][:1].islower()


def _ethnic(ref: dict[str, Any]) -> bool:
    """ "ethnic Albanians": a group named by ethnicity, not citizenship."""
    return "ethnic" in str(ref.get("name") or "").lower().split()


def _depth(tok: Token) -> int:
    d = 0
    while tok.head != tok and d < 50:
        tok = tok.head
        d += 1
    return d


@Language.factory(
    "newsgraph_events",
    default_config={"lexicon_path": None, "min_confidence": 0.0},
    assigns=["doc._.ng_events"],
)
def make_events(
    nlp: Language, name: str, lexicon_path: str | None, min_confidence: float
) -> EventsComponent:
    return EventsComponent(nlp, name, lexicon_path=lexicon_path, min_confidence=min_confidence)
