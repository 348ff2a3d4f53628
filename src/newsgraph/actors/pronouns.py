"""Pronouns: third-person pronoun candidates (resolved to an actor by coref)."""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.actors.candidates import Cand
from newsgraph.actors.lexicon import Lexicon
from newsgraph.actors.scan import Context


def find_pronouns(ctx: Context) -> None:
    """Step 6: pronouns."""
    lex = ctx.lex
    for tok in ctx.doc:
        info = lex.pronouns.get(tok.lower_)
        if info is None or tok.tag_ not in ("PRP", "PRP$"):
            continue
        if tok.i in ctx.consumed and tok.tag_ != "PRP$":
            continue
        if tok.lower_ in lex.expletive_pronouns and expletive(lex, tok):
            continue
        ctx.cands.append(
            Cand(
                tok.i,
                tok.i + 1,
                tok.i,
                tok.text,
                "pronoun",
                rule="pronoun",
                extra={"kinds": info[0], "number": info[1]},
            )
        )


def expletive(lex: Lexicon, tok: Token) -> bool:
    """ "It remains unclear whether...": an "it" that refers to nothing."""
    if tok.dep_ == "expl":
        return True
    head = tok.head
    if tok.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in lex.expletive_heads:
        return any(c.dep_ in ("ccomp", "xcomp", "acomp", "attr", "csubj") for c in head.children)
    return False
