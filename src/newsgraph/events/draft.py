"""An event being built: the first step of :func:`newsgraph.events.build.build_event`.

A :class:`Draft` holds what the steps that fill an event's roles share: the certainty
assessment, the speaker (for "we" and for the claimant), the rule text, the confidence and
the sources, targets and items found so far.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from spacy.tokens import Token

from newsgraph.events.arguments import ActorIndex, core_tokens, refs_for
from newsgraph.events.candidates import Candidate
from newsgraph.events.certainty import Assessment, assess
from newsgraph.events.syntax import subject

if TYPE_CHECKING:
    from newsgraph.events.context import SentenceContext
    from newsgraph.events.resources import EventsData


@dataclass
class Draft:
    """The roles and evidence of one event while its steps run."""

    index: ActorIndex
    a: Assessment
    speaker: dict[str, Any] | None
    claimant: dict[str, Any] | None
    pron: dict[str, Any] | None
    rule: str
    confidence: float
    sources: list[dict[str, Any]] = field(default_factory=list)
    targets: list[dict[str, Any]] = field(default_factory=list)
    items: list[str] = field(default_factory=list)

    def refs(self, t: Token | None, *, strict: bool = True) -> list[dict[str, Any]]:
        """Actor references of a phrase head ("we" is the speaker, "they" the one the
        attribution names); not ``strict``: an uncoded noun phrase is kept as it is."""
        out = refs_for(t, self.index, pronoun_ref=self.pron, speaker_ref=self.speaker)
        if not out and t is not None and not strict and t.pos_ in ("NOUN", "PROPN"):
            out = [uncoded_ref(t)]
        return out


def uncoded_ref(tok: Token) -> dict[str, Any]:
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


def speaker_ref(a: Assessment, index: ActorIndex, data: EventsData) -> dict[str, Any] | None:
    """Who says so: the speaker of the quote holding the event, else the subject of the
    attribution verb above it."""
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
        subj, _ = subject(a.attribution, data)
        refs = refs_for(subj, index)
        if not refs and subj is not None:
            refs = [uncoded_ref(subj)]
        if refs:
            return refs[0]
    return None


def start_draft(s: SentenceContext, cand: Candidate) -> Draft:
    """The assessment, speaker, rule and base confidence of a candidate's event."""
    tok, entry = cand.tok, cand.entry
    a = assess(tok, s.data.cues, s.ctx.quotes, category=entry.category)
    speaker = speaker_ref(a, s.index, s.data)
    rule = entry.rule
    if entry.objects and cand.consumed is not None:
        rule = f"verb+obj:{entry.lemma} {cand.consumed.lemma_.lower()}"
    elif entry.with_:
        mod = next(
            (c.lemma_.lower() for c in tok.children if c.lemma_.lower() in entry.with_),
            sorted(entry.with_)[0],
        )
        rule = f"noun+mod:{mod} {entry.lemma}"
    return Draft(
        index=s.index,
        a=a,
        speaker=speaker,
        claimant=speaker,
        pron=speaker if a.attribution is not None else None,
        rule=rule,
        confidence=s.data.words.confidence["verb" if cand.kind == "verb" else "noun"],
    )


def modal_roles(s: SentenceContext, cand: Candidate, d: Draft) -> None:
    """ "X said Y must do Z": X demands of Y; the certainty is that of the saying."""
    tok, entry = cand.tok, cand.entry
    speaker_subj, _ = subject(tok.head, s.data)
    d.sources = d.refs(speaker_subj, strict=False)
    subj, _ = subject(tok, s.data)
    d.targets = d.refs(subj, strict=False)
    d.a = assess(tok.head, s.data.cues, s.ctx.quotes)
    d.speaker = speaker_ref(d.a, s.index, s.data)
    d.claimant = d.speaker
    d.rule = f"modal-demand:{entry.lemma} (said ... {entry.lemma} {tok.text})"
    d.confidence = s.data.words.confidence["modal_demand"]


def purpose_roles(s: SentenceContext, cand: Candidate, d: Draft) -> None:
    """ "summoned the envoy to demand an explanation": the summoner demands of the
    summoned."""
    assert cand.purpose_of is not None
    gov = cand.purpose_of.tok
    subj, passive = subject(gov, s.data)
    if not passive:
        d.sources = d.refs(subj, strict=False)
        objs = [c for c in gov.children if c.dep_ in ("dobj", "obj")]
        d.targets = d.refs(objs[0]) if objs else []
    d.rule += f" +purpose-of:{gov.lemma_.lower()}"
