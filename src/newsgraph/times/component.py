"""The ``newsgraph_times`` spaCy component: date expressions found and resolved.

Find step: the grammar of :mod:`newsgraph.times.patterns` over the text, checked against the
parse (a "May" tagged as a modal verb is not a month, "2000 troops" is not a year), plus the
model's DATE entities that the grammar did not cover, when they resolve to a calendar date.
Resolve step: each expression against ``doc._.ng_meta["published"]``, preferring the past
in past-tense clauses and the future in future ones (the tense of the governing verb).

The grammar is built from the lexicon file (``times/data/lexicon.yaml``) when the stage
loads its data (:meth:`TimesComponent.load_data`); ``to_disk`` saves that file with the
pipeline and ``from_disk`` reads it back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.extensions import register_extensions
from newsgraph.stage import Stage
from newsgraph.times.calendar import Anchor, parse_anchor
from newsgraph.times.lexicon import DEFAULT_LEXICON, load_lexicon
from newsgraph.times.patterns import Grammar, Match, build_grammar, find
from newsgraph.times.resolve import clean, looks_absolute, resolve_with_anchor
from newsgraph.times.resolvers import resolve_match
from newsgraph.times.tense import clause_tense, governing_verb

__all__ = ["TimesComponent", "TimesResult", "clause_tense", "governing_verb", "make_times"]

#: (start, end, grammar match or None for an NER candidate): one date candidate
Candidate = tuple[int, int, Match | None]


@dataclass
class TimesResult:
    """What the find step found in one document: its ``DateExpr`` records, in text order."""

    dates: list[dict[str, Any]] = field(default_factory=list)


class TimesComponent(Stage[TimesResult]):
    """Finds date expressions and resolves them against the publication date."""

    stage = "times"

    def __init__(
        self, nlp: Language, name: str = "newsgraph_times", *, use_ner: bool = True
    ) -> None:
        super().__init__(nlp, name)
        register_extensions()
        self.use_ner = use_ner

    # ----------------------------------------------------------------- data

    def data_files(self) -> dict[str, Path | None]:
        return {"lexicon": DEFAULT_LEXICON}

    def load_data(self, files: dict[str, Path | None]) -> Grammar:
        """The grammar built from the lexicon file (checked against its schema)."""
        return build_grammar(load_lexicon(files.get("lexicon") or DEFAULT_LEXICON))

    # ----------------------------------------------------------------- find

    def find(self, doc: Doc) -> TimesResult:
        """The document's date expressions, resolved (nothing is kept on ``self``)."""
        g: Grammar = self.data
        meta: dict[str, Any] = doc._.ng_meta or {}
        anchor = parse_anchor(meta.get("published"))
        text = doc.text  # built once per document: Doc.text joins every token
        found = self.candidates(doc, text, g)
        return TimesResult(
            self.resolve_all(doc, text, found, anchor, meta.get("article_id") or "", g)
        )

    def set_annotations(self, doc: Doc, result: TimesResult) -> None:
        doc._.ng_dates = result.dates

    def candidates(self, doc: Doc, text: str, g: Grammar) -> list[Candidate]:
        """(start, end, grammar match or None for an NER candidate), in text order."""
        out: list[Candidate] = []
        parsed = doc.has_annotation("DEP")
        for m in find(text, g):
            if self._accept(doc, m, parsed, g):
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

    def _accept(self, doc: Doc, m: Match, parsed: bool, g: Grammar) -> bool:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return True
        prev = doc[span.start - 1] if span.start > 0 else None
        if m.kind == "month" and m.groups["month"].lower() in g.ambiguous_months:
            if m.groups.get("pos") or m.groups.get("shift"):
                return True
            first = span[0]
            if first.tag_.startswith(("MD", "VB")):
                return False
            if first.ent_type_ == "DATE":
                return True
            return prev is not None and prev.lower_ in g.month_context
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
            if prev is not None and prev.lower_ in g.not_year_before:
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
        text: str,
        found: list[Candidate],
        anchor: Anchor | None,
        article_id: str,
        g: Grammar,
    ) -> list[dict[str, Any]]:
        """The ``DateExpr`` records of the candidates (``text`` is ``doc.text``)."""
        records: list[dict[str, Any]] = []
        parsed = doc.has_annotation("DEP")
        for start, end, m in found:
            span = doc.char_span(start, end, alignment_mode="expand")
            tense = (
                clause_tense(span, parsed=parsed, g=g) if span is not None and len(span) else None
            )
            if m is not None:
                value, precision = resolve_match(m, anchor, tense, g)
            else:
                expr = clean(text[start:end])
                if not looks_absolute(expr, g):
                    continue
                value, precision = resolve_with_anchor(expr, anchor, tense, g)
                if value is None:
                    continue
                # keep the cleaned expression's offsets (no leading "on", "in")
                offset = text.find(expr, start, end)
                if offset >= 0:
                    start, end = offset, offset + len(expr)
            records.append(
                {
                    "article_id": article_id,
                    "start": start,
                    "end": end,
                    "text": text[start:end],
                    "value": value,
                    "precision": precision,
                }
            )
        return records


@Language.factory(
    "newsgraph_times",
    default_config={"use_ner": True},
    assigns=["doc._.ng_dates"],
    requires=[
        "doc._.ng_meta",
        "doc.ents",
        "token.tag",
        "token.pos",
        "token.lemma",
        "token.dep",
        "token.head",
        "token.ent_type",
        "token.is_sent_start",
    ],
)
def make_times(nlp: Language, name: str, use_ner: bool) -> TimesComponent:
    return TimesComponent(nlp, name, use_ner=use_ner)
