"""Small syntax helpers of the events stage: the clause a token sits in and the word forms
of a token. Both the lexicon (matching) and the certainty rules use them, so they live here
rather than in either of those modules (which would make them import each other)."""

from __future__ import annotations

from spacy.tokens import Token


def clause_head(tok: Token) -> Token:
    """The verb whose clause holds ``tok`` (``tok`` itself for a verb)."""
    t = tok
    for _ in range(6):
        if t.pos_ in ("VERB", "AUX") or t.dep_ == "ROOT" or t.head == t:
            return t
        t = t.head
    return t


def word_forms(tok: Token) -> set[str]:
    """The lemma and the surface form with common inflections removed (the statistical
    lemmatizer sometimes errs: "hopes" -> "hop")."""
    low = tok.lower_
    forms = {tok.lemma_.lower(), low}
    for suffix, repl in (
        ("ies", "y"),
        ("es", "e"),
        ("es", ""),
        ("s", ""),
        ("ed", ""),
        ("ed", "e"),
        ("ing", ""),
        ("ing", "e"),
    ):
        if low.endswith(suffix) and len(low) > len(suffix) + 2:
            forms.add(low[: -len(suffix)] + repl)
    return forms
