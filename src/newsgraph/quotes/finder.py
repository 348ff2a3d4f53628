"""Finding quotations and reported speech in a parsed Doc, with cue, speaker and channel.

The find step works on a parsed spaCy Doc and returns :class:`Found` items (token-level) in
a :class:`FindResult`;
:mod:`newsgraph.quotes.speakers` turns speakers into names and actors, and the component
writes plain dicts. The rules, in order:

1. Quoted stretches are found by their marks (:mod:`newsgraph.quotes.marks`).
2. Every cue verb of the lexicon outside a quotation, and every "according to X", gives a
   candidate attribution: its content is the verb's complement (clause, object, reason
   phrase, by the verb's class), its speaker the verb's subject (climbing through "and
   said", "…, saying" to the clause that has one).
3. A quotation whose words are the complement of a cue, or that sits next to a cue ("“…,”
   he said", "She added: “…”"), is a direct quote of that cue. A quotation inside a cue's
   longer complement makes that attribution mixed. A quotation that follows a direct quote
   in the same paragraph or opens the next one continues it ("“…,” he said. “…”"). A
   quotation standing alone takes the speaker of its paragraph or of the previous quote. A
   quoted phrase inside a narrative sentence is a partial quotation of that sentence's
   subject (mixed).
4. The remaining cue candidates are indirect quotes.

This module orchestrates; each rule lives in the module named for what it does:
:mod:`~newsgraph.quotes.cues` (cue candidates), :mod:`~newsgraph.quotes.direct` and
:mod:`~newsgraph.quotes.nearby_cues` (direct quotes), :mod:`~newsgraph.quotes.unlinked` and
:mod:`~newsgraph.quotes.paragraph_speakers` (quotations with no cue next to them),
:mod:`~newsgraph.quotes.reported` (indirect speech), :mod:`~newsgraph.quotes.bounds`
(content spans), :mod:`~newsgraph.quotes.verb_subject` (the subject of a verb).
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.quotes.bounds import lead_in, run_on, word_count
from newsgraph.quotes.cues import agent_cues, verb_cues
from newsgraph.quotes.direct import continuation, direct
from newsgraph.quotes.document import (
    DocState,
    FindResult,
    Found,
    Sentences,
)
from newsgraph.quotes.lexicon import Lexicon
from newsgraph.quotes.marks import find_quoted_spans, paragraphs
from newsgraph.quotes.reported import drop_held_partials, indirect_quotes, join_reported
from newsgraph.quotes.unlinked import unlinked

__all__ = ["DocState", "FindResult", "Finder", "Found", "Sentences"]


class Finder:
    """The find step of the quotes stage; one per component instance. It holds the lexicon
    only: each call of :meth:`find` makes its own :class:`DocState`."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon

    def find(self, doc: Doc) -> FindResult:
        """The attributions of ``doc`` and its sentence ranges (None without a parser)."""
        text = doc.text  # Doc.text joins every token: read it once
        quoted = find_quoted_spans(text)
        if not doc.has_annotation("DEP"):
            # No parser in the pipeline: quotations are found, cues and speakers are not.
            marked = [
                Found(q.start, q.end, "direct", fragments=list(q.fragments), rule="direct:marks")
                for q in quoted
                if word_count(text[q.start : q.end]) >= self.lex.rules.numbers.min_partial_words
            ]
            return FindResult(marked, None)
        paras = paragraphs(text)
        inside = [False] * len(doc)
        quote_of_token: dict[int, int] = {}
        for k, q in enumerate(quoted):
            span = doc.char_span(q.start, q.end, alignment_mode="expand")
            if span is None:
                continue
            for t in span:
                inside[t.i] = True
                quote_of_token[t.i] = k
        d = DocState(doc, text, self.lex, inside, Sentences(doc))
        cues = verb_cues(d, inside) + agent_cues(d, inside)
        d.cues = cues
        found: list[Found] = []
        last_direct: Found | None = None
        for k, q in enumerate(quoted):
            span = doc.char_span(q.start, q.end, alignment_mode="expand")
            if span is None:
                continue
            item = direct(d, q, span, cues, quote_of_token, k)
            if q.absorbed:
                continue
            if item is None:
                item = continuation(d, q, last_direct, paras)
                if item is not None:
                    continue
                item = unlinked(d, q, span, paras, inside, found)
            if item is not None and item.kind == "direct":
                run_on(d, item, span)
                lead_in(d, item, span)
            if item is not None:
                if item.kind == "direct" and item.subject is None and item.inherited is None:
                    # "Adding, “…”": no subject written; the speaker is the previous one.
                    item.inherited = next(
                        (f for f in reversed(found) if f.subject is not None or f.inherited), None
                    )
                found.append(item)
                if item.kind == "direct" or item.rule == "direct:cue":
                    # A quotation with a lead-in ("America needs leaders “…,” she said") is
                    # continued like a direct one.
                    last_direct = item
        indirect_quotes(d, found, quoted)
        found = drop_held_partials(found)
        found.sort(key=lambda f: (f.start, f.end))
        return FindResult(join_reported(d, found), d.sentences)
