"""The ``newsgraph_times`` spaCy component: date expressions found and resolved.

Find step: the grammar of :mod:`newsgraph.times.grammar` over the text, checked against the
parse (a "May" tagged as a modal verb is not a month, "2000 troops" is not a year), plus the
model's DATE entities that the grammar did not cover, when they resolve to a calendar date.
Resolve step: each expression against ``doc._.ng_meta["published"]``, preferring the past
in past-tense clauses and the future in future ones (the tense of the governing verb).
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsgraph.extensions import register_extensions
from newsgraph.stage import guarded
from newsgraph.times.grammar import (
    Anchor,
    Match,
    Tense,
    find,
    grammar,
    lexicon,
    parse_anchor,
    resolve_match,
)
from newsgraph.times.resolve import clean, looks_absolute, resolve_with_anchor


def governing_verb(span: Span) -> Token | None:
    """The verb an expression modifies, directly or through a preposition; None when it
    modifies a noun or an adjective ("the Oct. 23 slaying", "payable Dec. 7"), whose time
    the clause's tense does not fix."""
    tok = span.root
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX"):
            return tok
        head = tok.head
        if head is tok:
            return None
        if head.pos_ in ("VERB", "AUX", "ADP") or span.start <= head.i < span.end:
            tok = head
            continue
        return None
    return None


def clause_tense(span: Span, *, parsed: bool | None = None) -> Tense:
    """Tense of the clause governing ``span``: "past", "future" or None (present or unknown)."""
    doc = span.doc
    if not (doc.has_annotation("DEP") if parsed is None else parsed):
        return None
    lex = lexicon()
    future_aux = {w.lower() for w in lex["future_auxiliaries"]}
    future_verbs = {w.lower() for w in lex["future_verbs"]}
    tok: Token | None = governing_verb(span)
    if tok is None:
        return None
    chain = [tok]
    if tok.dep_ in ("xcomp", "ccomp", "advcl", "conj") and tok.head is not tok:
        chain.append(tok.head)
    intention = {w.lower() for w in lex["intention_verbs"]}
    head = tok.head
    if (
        tok.tag_ == "VB"
        and any(c.tag_ == "TO" for c in tok.children)
        and head is not tok
        and head.lemma_.lower() in intention
        and head.tag_ in ("VBZ", "VBP")
    ):
        return "future"
    for verb in chain:
        auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        if any(a.lower_ in future_aux for a in auxes) or (
            verb.tag_ == "MD" and verb.lower_ in future_aux
        ):
            return "future"
        if (
            verb.lemma_ == "go"
            and verb.tag_ == "VBG"
            and any(c.dep_ == "xcomp" for c in verb.children)
        ):
            return "future"
        if (
            verb.lemma_.lower() in future_verbs
            and verb.tag_ == "VBN"
            and not any(a.tag_ == "VBD" for a in auxes)
            and (verb.i != tok.i or any(a.tag_ in ("VBZ", "VBP") for a in auxes))
        ):
            return "future"
        if verb.tag_ == "VBG" and any(a.tag_ in ("VBZ", "VBP") and a.lemma_ == "be" for a in auxes):
            return "future"
        if verb is tok:
            if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
                return "past"
            if verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes):
                return "past"
    return None


class TimesComponent:
    """Finds date expressions and resolves them against the publication date."""

    def __init__(self, nlp: Language, name: str, *, use_ner: bool = True) -> None:
        register_extensions()
        self.name = name
        self.use_ner = use_ner
        grammar()  # compile the patterns once, at construction

    @guarded("times")
    def __call__(self, doc: Doc) -> Doc:
        meta: dict[str, Any] = doc._.ng_meta or {}
        anchor = parse_anchor(meta.get("published"))
        found = self.find(doc)
        doc._.ng_dates = self.resolve_all(doc, found, anchor, meta.get("article_id") or "")
        return doc

    # ----------------------------------------------------------------- find

    def find(self, doc: Doc) -> list[tuple[int, int, Match | None]]:
        """(start, end, grammar match or None for an NER candidate), in text order."""
        out: list[tuple[int, int, Match | None]] = []
        parsed = doc.has_annotation("DEP")
        for m in find(doc.text):
            if self._accept(doc, m, parsed):
                out.append((m.start, m.end, m))
        if self.use_ner and doc.has_annotation("ENT_IOB"):
            for ent in doc.ents:
                if ent.label_ != "DATE":
                    continue
                s, e = ent.start_char, ent.end_char
                if any(s < oe and os_ < e for os_, oe, _ in out):
                    continue
                out.append((s, e, None))
        out.sort(key=lambda x: x[0])
        return out

    def _accept(self, doc: Doc, m: Match, parsed: bool) -> bool:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return True
        prev = doc[span.start - 1] if span.start > 0 else None
        lex = lexicon()
        if m.kind == "month" and m.groups["month"].lower() in grammar().ambiguous_months:
            if m.groups.get("pos") or m.groups.get("shift"):
                return True
            first = span[0]
            if first.tag_.startswith(("MD", "VB")):
                return False
            if first.ent_type_ == "DATE":
                return True
            return prev is not None and prev.lower_ in lex["month_context"]
        if m.kind == "month" and not m.groups.get("shift"):
            # "Jan Kavan", "April Ryan": a bare month name before a capitalized name is a
            # first name; an abbreviation without its full stop is not a month on its own
            name = m.groups["month"]
            if (
                len(name) <= 4
                and not name.endswith(".")
                and name.lower() not in ("may", "june", "july")
            ):
                return False
            following = doc[span.end] if span.end < len(doc) else None
            if following is not None and following.is_title and following.pos_ == "PROPN":
                return False
        if m.kind == "present" and span[0].lower_ == "now":
            following = doc[span.end] if span.end < len(doc) else None
            if following is not None and (
                following.lower_ == "that" or (following.text == "," and span[0].is_sent_start)
            ):
                return False
        if m.kind == "year":
            if m.groups.get("pos") or m.groups.get("fiscal"):
                return True
            year_tok = span[-1]
            if prev is not None and prev.lower_ in lex["not_year_before"]:
                return False
            owned = prev is not None and (prev.tag_ in ("POS", "PRP$") or prev.lower_ == "the")
            if (
                parsed
                and not owned
                and year_tok.dep_ in ("nummod", "compound")
                and year_tok.head.i > year_tok.i
                and year_tok.head.pos_ == "NOUN"
                and year_tok.head.tag_ == "NNS"
            ):
                return False
        return True

    # ----------------------------------------------------------------- resolve

    def resolve_all(
        self,
        doc: Doc,
        found: list[tuple[int, int, Match | None]],
        anchor: Anchor | None,
        article_id: str,
    ) -> list[dict[str, Any]]:
        records: list[dict[str, Any]] = []
        parsed = doc.has_annotation("DEP")
        for start, end, m in found:
            span = doc.char_span(start, end, alignment_mode="expand")
            tense = clause_tense(span, parsed=parsed) if span is not None and len(span) else None
            if m is not None:
                value, precision = resolve_match(m, anchor, tense)
            else:
                text = clean(doc.text[start:end])
                if not looks_absolute(text):
                    continue
                value, precision = resolve_with_anchor(text, anchor, tense)
                if value is None:
                    continue
                # keep the cleaned expression's offsets (no leading "on", "in")
                offset = doc.text.find(text, start, end)
                if offset >= 0:
                    start, end = offset, offset + len(text)
            records.append(
                {
                    "article_id": article_id,
                    "start": start,
                    "end": end,
                    "text": doc.text[start:end],
                    "value": value,
                    "precision": precision,
                }
            )
        return records


@Language.factory(
    "newsgraph_times",
    default_config={"use_ner": True},
    assigns=["doc._.ng_dates"],
    requires=["doc._.ng_meta"],
)
def make_times(nlp: Language, name: str, use_ner: bool) -> TimesComponent:
    return TimesComponent(nlp, name, use_ner=use_ner)
