"""How sure the report is of an event, and who says so.

:func:`assess` looks at the trigger's own clause (negation, modal and future auxiliaries,
hedging adverbs), then climbs the dependency tree (conditional clauses, "it remains unclear
whether", "concerns that", attribution verbs, "plans to"), and at the quotes layer. The
first cue found on each axis wins; the axes are then ranked:

denied > hypothetical > future > unclear > alleged > claimed > asserted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Token

from newsgraph.events.syntax import clause_head, word_forms
from newsgraph.events.tables import Cues

__all__ = ["Assessment", "assess", "clause_head", "word_forms"]

RANK = ("denied", "hypothetical", "future", "unclear", "alleged", "claimed", "asserted")
COMPLEMENT_DEPS = {"ccomp", "xcomp", "dobj", "obj", "parataxis", "pcomp", "acomp", "oprd"}


@dataclass
class Assessment:
    certainty: str = "asserted"
    cues: list[str] = field(default_factory=list)
    negated: bool = False
    future: bool = False
    modal: str | None = None  # the hypothetical modal ("would", "must", ...)
    conditional: bool = False
    wished: bool = False  # under hope / want / try / consider ...
    attribution: Token | None = None  # the attribution verb whose complement holds the event
    quote: dict[str, Any] | None = None  # the quote whose content holds the event
    flags: set[str] = field(default_factory=set)
    # "I urge ...", "We reject ...": a speech act performed by saying it (a quote's first
    # person, present simple): the act is asserted, not claimed
    performative: bool = False

    def rank(self) -> str:
        for value in RANK:
            if value in self.flags:
                if value == "claimed" and self.performative:
                    return "asserted"
                return value
        return "asserted"


def _aux_words(verb: Token) -> list[str]:
    return [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]


def assess(
    trigger: Token,
    cues: Cues,
    quotes: list[dict[str, Any]] | None,
    category: str | None = None,
) -> Assessment:
    """The certainty of the event whose trigger is ``trigger``; ``category`` (the
    trigger's lexicon category, when known) lets a first-person speech act in a quote
    count as performed (:func:`performed`)."""
    a = Assessment()
    modal_only = False  # the only hypothetical cue is the clause's own modal
    clause = clause_head(trigger)
    # trigger first, then its clause head: a fixed order keeps the cue list (and the rule
    # string built from it) the same from run to run
    local = (trigger,) if clause is trigger else (trigger, clause)
    # -- the event's own clause -------------------------------------------------------
    for t in local:
        for c in t.children:
            low = c.lower_
            if c.dep_ == "neg" or (c.dep_ == "det" and low == "no" and t is trigger):
                a.negated = True
                a.flags.add("denied")
                a.cues.append(f"negation '{c.text}'")
            if c.dep_ in ("aux", "auxpass"):
                if low in cues["future_modals"] or c.lemma_.lower() in cues["future_modals"]:
                    a.future = True
                    a.flags.add("future")
                    a.cues.append(f"future '{c.text}'")
                elif low in cues["hypothetical_modals"]:
                    a.modal = low
                    modal_only = "hypothetical" not in a.flags
                    a.flags.add("hypothetical")
                    a.cues.append(f"modal '{c.text}'")
            if c.dep_ == "advmod" and low in cues["alleged_adverbs"]:
                a.flags.add("alleged")
                a.cues.append(f"hedge '{c.text}'")
            if c.dep_ == "amod" and t is trigger and low in cues["alleged_adjectives"]:
                a.flags.add("alleged")
                a.cues.append(f"hedge '{c.text}'")
            if (
                c.dep_ == "mark"
                and low in cues["conditional_marks"]
                and t.dep_ in ("advcl", "ccomp")
            ):
                if low == "whether":
                    a.flags.add("unclear")
                    a.cues.append("'whether'")
                else:
                    a.conditional = True
                    a.flags.add("hypothetical")
                    a.cues.append(f"conditional '{c.text}'")
        # "X attacked Y, officials said": the attribution verb hangs off the event clause
        for c in t.children:
            if (
                t is clause
                and c.dep_ in ("parataxis", "ccomp", "advcl")
                and c.lemma_.lower() in cues["attribution_verbs"]
                and c.i > clause.i
                and a.attribution is None
                and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
            ):
                a.attribution = c
    # "is going to attack"
    if clause.dep_ == "xcomp" and clause.head.lemma_ == "go" and clause.head.tag_ == "VBG":
        a.future = True
        a.flags.add("future")
        a.cues.append("'going to'")
    plan = planned(trigger, clause, cues)
    if plan is not None:
        a.future = True
        a.flags.add("future")
        a.cues.append(f"plan '{plan.text}'")
    # -- climbing the tree --------------------------------------------------------------
    child, node = clause, clause.head
    steps = 0
    while node != child and steps < 12:
        steps += 1
        forms = word_forms(node)
        lemma = node.lemma_.lower()
        for key in (
            "unclear_words",
            "concern_nouns",
            "denial_verbs",
            "future_governors",
            "hypothetical_governors",
            "attribution_verbs",
            "alleging_verbs",
        ):
            hit = forms & cues[key]
            if hit and lemma not in cues[key]:
                lemma = next(iter(sorted(hit)))
                break
        dep = child.dep_
        if lemma in cues["unclear_words"] and node.pos_ in ("ADJ", "NOUN", "VERB"):
            a.flags.add("unclear")
            a.cues.append(f"open question '{node.text}'")
        elif (
            node.pos_ == "NOUN"
            and lemma in cues["concern_nouns"]
            and dep in ("acl", "ccomp", "relcl", "appos", "pcomp")
        ):
            flag = "unclear" if lemma in cues["unclear_nouns"] else "alleged"
            a.flags.add(flag)
            a.cues.append(f"'{node.text} that'")
        elif node.pos_ in ("VERB", "AUX"):
            if dep in COMPLEMENT_DEPS or dep == "advcl":
                if lemma in cues["denial_verbs"] and dep in COMPLEMENT_DEPS:
                    a.flags.add("denied")
                    a.cues.append(f"denial '{node.text}'")
                if lemma in cues["future_governors"] and dep == "xcomp":
                    a.future = True
                    a.flags.add("future")
                    a.cues.append(f"intention '{node.text}'")
                elif lemma in cues["hypothetical_governors"] and dep in ("xcomp", "ccomp"):
                    a.flags.add("hypothetical")
                    a.wished = True
                    a.cues.append(f"wish '{node.text}'")
                if (
                    lemma in cues["attribution_verbs"]
                    and dep in COMPLEMENT_DEPS
                    and a.attribution is None
                ):
                    a.attribution = node
                    if lemma in cues["alleging_verbs"]:
                        a.flags.add("alleged")
            for c in node.children:
                if (
                    c.dep_ == "mark"
                    and c.lower_ in cues["conditional_marks"]
                    and node.dep_ == "advcl"
                    and c.lower_ != "whether"
                ):
                    a.conditional = True
                    a.flags.add("hypothetical")
                    a.cues.append(f"conditional '{c.text}'")
                if c.dep_ == "mark" and c.lower_ == "whether":
                    a.flags.add("unclear")
                    a.cues.append("'whether'")
                if (
                    c.dep_ == "aux"
                    and c.lower_ in ("would", "could", "might", "may")
                    and (dep in ("ccomp",) and node.lemma_.lower() not in cues["attribution_verbs"])
                ):
                    a.flags.add("hypothetical")
                    modal_only = False
        if node.head == node:
            break
        child, node = node, node.head
    if a.attribution is not None:
        a.flags.add("claimed")
        a.cues.append(f"attributed by '{a.attribution.text}'")
    for q in quotes or []:
        start, end = q.get("start"), q.get("end")
        if isinstance(start, int) and isinstance(end, int) and start <= trigger.idx < end:
            a.quote = q
            a.flags.add("claimed")
            a.cues.append("inside a quote")
            break
    if (
        modal_only
        and a.modal in cues["backshift_modals"]
        and a.attribution is not None
        and a.attribution.tag_ in ("VBD", "VBN")
        and reported_clause(clause, a.attribution)
        and not (a.conditional or a.wished)
    ):
        # "announced it would deploy troops": the "will" of the announcement, moved back
        # a tense under a past verb of saying (sequence of tenses), not a hypothesis
        a.flags.discard("hypothetical")
        a.modal = None
        a.future = True
        a.flags.add("future")
        a.cues.append("reported 'would'")
    if (
        (category or "").lower() in cues["performative_categories"]
        and (a.quote is not None or a.attribution is not None)
        and not a.flags & {"denied", "hypothetical", "future", "unclear", "alleged"}
        and performed(trigger, cues)
    ):
        a.performative = True
        a.cues.append("performed by saying it")
    a.certainty = a.rank()
    return a


def reported_clause(clause: Token, saying: Token) -> bool:
    """The clause is what the verb of saying reports (its content clause, or a clause
    conjoined to it), not a relative or adverbial clause inside that content."""
    t = clause
    while t != saying:
        if t.dep_ not in ("ccomp", "conj", "parataxis") or t.head == t:
            return False
        t = t.head
    return True


def planned(trigger: Token, clause: Token, cues: Cues) -> Token | None:
    """The word that makes the event a plan: "is to visit" (be + to-infinitive), "is due
    to visit", "the planned talks", "talks are scheduled for May"."""
    head = clause.head
    to = any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
    if (
        clause.dep_ == "xcomp"
        and to
        and head.lemma_ == "be"
        and "be_to" in cues["future_governors"]
        # "was the first to share": a complement of "be" besides the infinitive
        and not any(c.dep_ in ("attr", "acomp", "advmod", "npadvmod") for c in head.children)
    ):
        return head
    if (
        clause.dep_ == "xcomp"
        and to
        and head.pos_ == "ADJ"
        and head.lower_ in cues["future_governors"]
    ):
        return head
    if trigger.pos_ in ("NOUN", "PROPN"):
        for c in trigger.children:
            if c.dep_ == "amod" and c.lower_ in cues["future_adjectives"]:
                return c
        if (
            trigger.dep_ in ("nsubjpass", "nsubj")
            and clause.tag_ == "VBN"
            and word_forms(clause) & cues["future_governors"]
        ):
            return clause
    return None


def performed(trigger: Token, cues: Cues) -> bool:
    """ "I urge", "We strongly reject": a verb in the first person present simple, no
    auxiliary; the subject may be that of the verb it is conjoined to ("we condemn and
    reject")."""
    if trigger.pos_ != "VERB" or trigger.tag_ not in ("VBP", "VB"):
        return False
    if any(c.dep_ in ("aux", "auxpass") for c in trigger.children):
        return False
    holder = trigger
    if trigger.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in trigger.children):
        holder = trigger.head
    subjects = [c for c in holder.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(subjects) and all(c.lower_ in cues["first_person"] for c in subjects)
