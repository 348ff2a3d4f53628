"""The subject of a verb, read off the dependency parse.

:func:`syntactic_subject` finds the subject of a verb: its ``nsubj`` (a dash the tagger took
for a word skipped), the agent of a passive, else the subject of the clause the verb hangs
from ("and said", "…, saying", "before asking"). This duplicates an idea the events stage
also has (``events/component.py``: ``_subject`` / ``_subject_token``, with its own rules for
passives, relative clauses and quantities): the shared language layer
``newsgraph.language`` is to hold one version for both stages, and this module is kept
apart, importing nothing from the quotes stage, so that it can move there whole.
"""

from __future__ import annotations

from spacy.tokens import Token

DASHES = "-\u2012\u2013\u2014\u2015"
# Subjects that are not speakers: the expletive of "there is" (grammar, not a tuned list).
EXPLETIVES = frozenset({"there"})


def wordlike(tok: Token) -> bool:
    """Not a dash: the tagger calls an unfamiliar dash (―) a verb or a noun, and such a token
    is never a cue or a speaker."""
    return not all(ch in DASHES for ch in tok.text)


def syntactic_subject(verb: Token, depth: int = 0) -> Token | None:
    """The subject of ``verb`` in the parse: its nsubj (a dash taken for a word
    skipped), the agent of a passive, else the subject of the clause it hangs from (up to
    three levels); None for an expletive or a passive without agent."""
    for child in verb.children:
        if child.dep_ == "nsubj":
            if not wordlike(child):
                # "The film ― which …" / "made public ― Trump boasted": a dash the
                # tagger took for a word is no subject; its own subject (or the next
                # subject of the verb) is
                inner = [c for c in child.children if c.dep_ == "nsubj" and wordlike(c)]
                if not inner:
                    continue
                child = inner[0]
            return None if child.lower_ in EXPLETIVES else child
    for child in verb.children:
        if child.dep_ == "agent":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    if any(child.dep_ in ("nsubjpass", "expl") for child in verb.children):
        return None
    if depth < 3 and verb.dep_ in ("conj", "advcl", "xcomp", "dep") and verb.head is not verb:
        return syntactic_subject(verb.head, depth + 1)
    if depth < 3 and verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
        # sings to the crowd before asking them, “…”: the clause the preposition hangs
        # from has the subject
        return syntactic_subject(verb.head.head, depth + 1)
    return None
