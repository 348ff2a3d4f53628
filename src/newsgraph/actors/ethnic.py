"""Ethnic minorities: "ethnic Albanians", "ethnic Turks" are coded by where they live.

A nationality word after "ethnic" (``minority_words`` in function_words.json) names a people
living outside that nationality's state: news says "ethnic Albanians" of Albanians in
Macedonia or Kosovo, never of Albania's own citizens. Such a group takes the country the
sentence names (by name or capital, not adjective) nearest to it, other than the
nationality's own; a sentence that names no other country leaves the nationality's.
"""

from __future__ import annotations

from newsgraph.actors.scan import Context
from newsgraph.language.syntax import sentence_index

NAMED_KINDS = frozenset({"name", "capital", "seat"})


def place_minorities(ctx: Context) -> None:
    """Recode the candidates whose country comes from a nationality after "ethnic"."""
    doc, lex = ctx.doc, ctx.lex
    if not any(t.lower_ in lex.minority_words for t in doc):
        return
    sent_of = sentence_index(doc)
    for cand in ctx.cands:
        if cand.country is None:
            continue
        ethnic = None
        for k in range(max(cand.start - 1, 0), cand.end - 1):
            hit = ctx.country_at.get(k + 1)
            if (
                doc[k].lower_ in lex.minority_words
                and hit is not None
                and hit[2].kind in ("adjective", "demonym")
                and hit[2].iso3 == cand.country
            ):
                ethnic = k
                break
        if ethnic is None:
            continue
        n = sent_of[ethnic]
        named = [
            (abs(s - ethnic), word.iso3)
            for s, (_e, word) in ctx.country_spans.items()
            if sent_of[s] == n and word.kind in NAMED_KINDS and word.iso3 != cand.country
        ]
        if named:
            cand.country = min(named)[1]
