"""The code of an event once its roles are known: category shifts by grammar (refusal,
promise, threat, joint exercise), the mode (from the embedded act, the object noun or an
instrument), the CAMEO crosswalk, and the event record (a plain dict keyed like
:class:`newsgraph.records.Event`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from spacy.tokens import Token

from newsgraph.events.candidates import Candidate
from newsgraph.events.draft import Draft

if TYPE_CHECKING:
    from newsgraph.events.context import SentenceContext
    from newsgraph.events.resources import EventsData

# Instruments are nouns ("bomb", "machetes") or adjectives ("explosive device").
INSTRUMENT_POS = ("NOUN", "PROPN", "ADJ")
# Clauses below a trigger that report something else ("killed a man who carried a bomb").
OTHER_CLAUSES = {"relcl", "advcl", "ccomp", "xcomp", "csubj", "parataxis"}


@dataclass
class Code:
    """Category, mode, context and certainty of an event while they are decided."""

    category: str
    mode: str | None
    context: str | None
    certainty: str


def code_event(s: SentenceContext, cand: Candidate, d: Draft) -> dict[str, Any]:
    """Shift the category, settle the mode, and write the event record."""
    entry = cand.entry
    code = Code(entry.category, entry.mode, entry.context, d.a.certainty)
    _grammar_shifts(s.data, cand, d, code)
    _settle_mode(s.data, cand, d, code)
    return _record(s, cand, d, code)


def _grammar_shifts(data: EventsData, cand: Candidate, d: Draft, code: Code) -> None:
    """Negation, stated intent, threats and joint exercises change the category."""
    entry, a = cand.entry, d.a
    if a.negated:
        shifted = data.shifts.apply("refusal", code.category)
        if shifted:
            code.category, code.mode = shifted, None
            d.rule += " +negated"
            a.flags.discard("denied")
            code.certainty = a.rank()
    elif (
        (a.future or (a.modal == "would" and "claimed" in a.flags))
        and not a.conditional
        and not a.wished
        and d.sources
        and "unclear" not in a.flags
    ):
        shifted = data.shifts.apply("promise", code.category, code.mode)
        if shifted:
            code.mode = code.category.lower() if code.mode is None else code.mode
            code.category = shifted
            d.rule += " +future-intent"
            a.flags.discard("future")
            code.certainty = a.rank()
    if entry.category == "AGREE" and cand.direct and data.shifts.apply("threat", cand.direct):
        # "is prepared to impose martial law", "agreed to attack": a threat
        code.category, code.mode = "THREATEN", None
        d.rule += " +conflict-intent"
    if (a.future or a.modal == "would") and not a.conditional and not a.wished and d.sources:
        shifted = data.shifts.apply("threat", code.category)
        if shifted:
            if code.mode not in data.lexicon.kept_modes.get(shifted, frozenset()):
                code.mode = data.lexicon.embedded_modes.get(shifted, {}).get(code.category)
            code.category = shifted
            d.rule += " +stated-intent"
            a.flags.discard("future")
            a.flags.discard("hypothetical")
            code.certainty = a.rank()
    if (
        code.category == "MOBILIZE"
        and len({src.get("country") for src in d.sources if src.get("country")}) > 1
    ):
        code.category, code.mode = "COOPERATE", None  # joint exercises of two countries
        code.context = code.context or "military"
        d.rule += " +joint"


def _settle_mode(data: EventsData, cand: Candidate, d: Draft, code: Code) -> None:
    """The mode of the embedded act, of the object noun, or of an instrument."""
    lexicon, category = data.lexicon, code.category
    if cand.embedded and category in lexicon.embedded_modes and code.mode is None:
        kept = lexicon.kept_modes.get(category, frozenset())
        code.mode = next(
            (
                m
                for sub in cand.subs
                if (m := own_mode(data, sub)) in kept and sub.entry.category == cand.embedded
            ),
            None,
        ) or lexicon.embedded_modes[category].get(cand.embedded)
    if cand.kind in ("verb", "noun") and cand.consumed is not None and cand.entry.objects:
        # "staged a hunger strike": the object noun's own, narrower mode
        noun = lexicon.match_noun(cand.consumed)
        if noun is not None and noun.with_ and noun.category == category and noun.mode:
            code.mode = noun.mode
    if code.mode is None and category in lexicon.instruments:
        found_mode = instrument_mode(data, cand.tok, category)
        if found_mode:
            code.mode = found_mode
            d.rule += f" +instrument-mode:{found_mode}"


def _record(s: SentenceContext, cand: Candidate, d: Draft, code: Code) -> dict[str, Any]:
    """The event record (place and date are set later, for the whole sentence)."""
    tok, a, sent = cand.tok, d.a, s.sent
    cameo, quad, intensity = s.data.crosswalk.code(code.category, code.mode)
    if a.cues:
        d.rule += f"; {code.certainty}: " + ", ".join(dict.fromkeys(a.cues))
    if code.certainty != "claimed" and "claimed" not in a.flags:
        d.claimant = None
    trig_end = tok.idx + len(tok)
    if cand.consumed is not None and cand.kind == "verb":
        trig_end = max(trig_end, cand.consumed.idx + len(cand.consumed))
    trig_text = tok.doc.text[tok.idx : trig_end]
    items_kept = s.data.words.item_categories
    if cand.entry.category in items_kept or code.category in items_kept:
        pass
    else:
        d.items = []
    return {
        "category": code.category,
        "mode": code.mode,
        "context": code.context,
        "cameo_root": cameo,
        "quad_class": quad,
        "intensity": intensity,
        "sources": d.sources,
        "targets": d.targets,
        "place": None,
        "date": None,
        "date_precision": None,
        "certainty": code.certainty,
        "claimed_by": d.claimant,
        "items": d.items,
        "trigger": {"start": tok.idx, "end": trig_end, "text": trig_text},
        "sentence": {"start": sent.start_char, "end": sent.end_char, "text": sent.text},
        "rule": d.rule,
        "confidence": round(max(s.data.words.confidence["floor"], d.confidence), 2),
    }


def own_mode(data: EventsData, cand: Candidate) -> str | None:
    """The mode a candidate's own entry gives, narrowed by its object noun."""
    if cand.consumed is not None and cand.entry.objects:
        noun = data.lexicon.match_noun(cand.consumed)
        if noun is not None and noun.with_ and noun.category == cand.entry.category:
            return noun.mode or cand.entry.mode
    return cand.entry.mode


def instrument_mode(data: EventsData, tok: Token, category: str) -> str | None:
    """The mode given by an instrument named in the trigger's own clause: its subject,
    objects and phrases ("in a bomb attack", "by an explosive device", "militiamen armed
    with machetes"), not other clauses below it. Modes are tried in the order of the
    data file."""
    table = data.lexicon.instruments.get(category) or {}
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
