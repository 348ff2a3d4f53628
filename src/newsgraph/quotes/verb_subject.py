"""The speaker of a cue verb, read off the dependency parse.

:func:`syntactic_subject` is the shared "subject of a verb"
(:func:`newsgraph.language.syntax.subject_of`) under the speaker rules
(:data:`~newsgraph.language.syntax.SPEAKER_RULES`): its ``nsubj``, the agent of a passive,
else the subject of the clause the verb hangs from ("and said", "..., saying", "before
asking"). The quotes stage adds one thing of its own: a dash the tagger took for a word is
never a subject (:func:`wordlike`).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from newsgraph.language.syntax import SPEAKER_RULES, subject_of

DASHES = "-\u2012\u2013\u2014\u2015"
# Subjects that are not speakers: the expletive of "there is" (grammar, not a tuned list).
EXPLETIVES = frozenset({"there"})


def wordlike(tok: Token) -> bool:
    """Not a dash: the tagger calls an unfamiliar dash (―) a verb or a noun, and such a token
    is never a cue or a speaker."""
    return not all(ch in DASHES for ch in tok.text)


#: "The film ― which …": a dash taken for a word is no subject; its own subject is
SPEAKER = replace(SPEAKER_RULES, word=wordlike, expletives=EXPLETIVES)


def syntactic_subject(verb: Token, depth: int = 0) -> Token | None:
    """The subject of ``verb`` in the parse (up to three clauses up); None for an
    expletive or a passive without agent."""
    return subject_of(verb, SPEAKER, depth)[0]
