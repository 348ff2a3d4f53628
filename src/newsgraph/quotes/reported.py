"""Reported speech: the cue candidates no quotation took become indirect (or mixed) quotes,
and a bare quotation right after a reported clause goes on with that report.
"""

from __future__ import annotations

from newsgraph.quotes.bounds import (
    largest_block,
    one_sentence,
    quote_core,
    snap,
    word_count,
)
from newsgraph.quotes.document import DocState, Found
from newsgraph.quotes.marks import ALL_MARKS, QuotedSpan


def indirect_quotes(d: DocState, found: list[Found], quoted: list[QuotedSpan]) -> None:
    """Append to ``found`` an attribution for every cue candidate no quotation used."""
    text = d.text
    spans_of_direct = [(f.start, f.end) for f in found if f.rule.startswith("direct:")]
    for cue in d.cues:
        if cue.used or cue.content is None:
            continue
        start, end = quote_core(d, *snap(cue.content, quoted), quoted)
        around = next(
            (
                (s, e)
                for s, e in spans_of_direct
                if s <= start and end <= e and s <= cue.token.idx < e
            ),
            None,
        )
        if around is not None:
            # “…,” Sanders said, according to CNN. “…”: a cue between the parts of a
            # quotation reports the whole of it (CNN's account of Sanders' words).
            start, end = around
        elif (
            cue.cls is not None
            and not cue.cls.direct
            and any(q.start == start and q.end == end for q in quoted)
        ):
            # what she calls “real solutions” / his campaign doesn't want “that crap”: a
            # thought, stance or name is the clause that holds it, not a quotation alone.
            block = largest_block(d, [t.i for t in cue.token.subtree])
            if block is not None and block[0] <= start < block[1]:
                start, end = block[0], max(end, block[1])
        kind = "mixed" if cue.mixed or any(c in text[start:end] for c in ALL_MARKS) else "indirect"
        found.append(
            Found(
                start,
                end,
                kind,
                cue=cue.cue_span,
                cue_token=cue.token.i,
                subject=cue.subject,
                fragments=[(start, end)],
                rule="according-to" if cue.cls is None else f"cue:{cue.cls.name}",
            )
        )


def drop_held_partials(found: list[Found]) -> list[Found]:
    """Sanders says “the wind is at our backs” despite …: a partial quotation that a cue's
    longer content already holds is that content, not a quotation of its own."""
    cue_spans = [(f.start, f.end) for f in found if f.rule.startswith("cue:")]
    return [
        f
        for f in found
        if f.rule != "partial"
        or not any(s <= f.start and f.end <= e and e - s > f.end - f.start for s, e in cue_spans)
    ]


def join_reported(d: DocState, found: list[Found]) -> list[Found]:
    """Carter said that the region matters.⏎“That's because …”: a quotation standing
    alone right after a reported clause (nothing but the sentence end between them)
    goes on with that report; one attribution from the clause to the closing mark."""
    text = d.text
    merged: dict[int, Found] = {}
    for f in found:
        if f.rule != "direct:bare":
            continue
        before = [
            g
            for g in found
            if (
                g.rule.startswith("cue:")
                or g.rule == "according-to"
                or (g.kind == "mixed" and g.cue is not None)
            )
            and g.end <= f.start
            and id(g) not in merged
        ]
        if not before:
            continue
        g = max(before, key=lambda g: g.end)
        gap = text[g.end : f.start]
        # Teachers are “looking to see …,” the union's president said. “That's …”: the
        # gap may also be the report's own cue sentence.
        cue_gap = (
            g.cue is not None
            and g.end <= g.cue[0]
            and g.cue[1] <= f.start
            and "\n" not in gap
            and word_count(gap) <= d.lex.rules.numbers.report_gap_words
            and one_sentence(d.doc, g.end, f.start)
        )
        # called him a master at bolting deals together. "He showed …": the rest of the
        # report's own sentence may lie between (its content stopped short of the end).
        tail_gap = (
            g.cue is not None
            and g.cue[1] <= g.start
            and gap.count("\n") <= 2
            and word_count(gap) <= d.lex.rules.numbers.report_gap_words
            and gap.rstrip()[-1:] in (".", "!", "?")
            and one_sentence(d.doc, g.end, f.start)
            and _plain_tail(d, g, f.start)
        )
        if (word_count(gap) or gap.count("\n") > 2) and not cue_gap and not tail_gap:
            continue
        g.end = f.end
        g.kind = "mixed"
        g.fragments = [(g.start, g.end)]
        merged[id(f)] = g
    for f in found:
        if f.inherited is not None and id(f.inherited) in merged:
            f.inherited = merged[id(f.inherited)]
    found = [f for f in found if id(f) not in merged]
    # A bare quotation with no speaker of its own takes the nearest earlier attribution,
    # reported speech included ("…, Susan said as she turned.⏎“But we love him!”").
    for f in found:
        if not f.rule.startswith("direct:") or f.subject is not None:
            continue
        if f.inherited is None and f.rule != "direct:bare":
            continue  # Trump was asked, “…”: no speaker is better than the wrong one
        earlier = [
            g
            for g in found
            if g is not f
            and (g.subject is not None or g.inherited is not None)
            and g.end <= f.start
            and g.speaker_anchor() < f.start
        ]
        if earlier:
            f.inherited = max(earlier, key=lambda g: (g.speaker_anchor(), g.end))
    return found


def _plain_tail(d: DocState, g: Found, until: int) -> bool:
    """True when the words from the end of report ``g`` to ``until`` finish the sentence
    of its cue and hold no other cue ("…, Susan said as she turned.⏎“…”" does not)."""
    doc = d.doc
    if g.cue is None or g.cue_token is None:
        return False
    gap = doc.char_span(g.end, until, alignment_mode="expand")
    if gap is None or not len(gap):
        return False
    if d.sentence_of(g.cue_token)[1] <= gap.start:
        return False  # the gap is another sentence
    cue_tokens = {c.token.i for c in d.cues}
    return not any(t.i in cue_tokens or d.inside[t.i] for t in gap if t.idx < until)
