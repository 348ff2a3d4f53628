"""The subject of a verb, and the speaker of a cue verb.

:func:`syntactic_subject` reads the subject of a verb off the dependency parse (through
"and said", "…, saying", "before asking" to the clause that has one). The events stage has
the same idea written again for its clause roles; the shared language layer
(``newsgraph.language``) is to hold one version for both, and this module is the quotes
stage's half of that duplication, kept apart so that it can move there whole.

:func:`subject_of` adds what the quotes stage needs on top: no subject inside a quotation
or in another paragraph, and a person-like noun near the verb when the parse gives none.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.quotes.document import DocState
from newsgraph.quotes.lexicon import Lexicon

DASHES = "-\u2012\u2013\u2014\u2015"
# Subjects that are not speakers.
EXPLETIVES = frozenset({"there"})


def wordlike(tok: Token) -> bool:
    """Not a dash: the tagger calls an unfamiliar dash (―) a verb or a noun, and such a token
    is never a cue or a speaker."""
    return not all(ch in DASHES for ch in tok.text)


def crosses_paragraph(a: Token, b: Token) -> bool:
    lo, hi = sorted((a.i, b.i))
    return any("\n" in t.text_with_ws for t in a.doc[lo:hi])


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


def subject_of(d: DocState, verb: Token, depth: int = 0) -> Token | None:
    """The speaker of a cue verb: its subject, or that of the clause it hangs from, or
    (when the parse gives none) the nearest person-like noun before it in its sentence."""
    found = syntactic_subject(verb, depth)
    if found is not None and not d.inside[found.i] and not crosses_paragraph(found, verb):
        return found
    if depth or any(child.dep_ in ("nsubjpass", "expl") for child in verb.children):
        return None
    for tok in reversed(verb.doc[d.sentence_of(verb.i)[0] : verb.i]):
        if d.inside[tok.i] or "\n" in tok.text_with_ws:
            break
        if person_like(d.lex, tok) and (
            tok.dep_ in ("nsubj", "appos") or tok.ent_type_ == "PERSON" or tok.pos_ == "PRON"
        ):
            return tok
    for tok in verb.doc[verb.i + 1 : verb.i + 1 + d.lex.rules.numbers.inverted_subject_tokens]:
        # Inverted: "Continued Stone: …", "said Mr. Smith".
        if d.inside[tok.i] or tok.is_punct:
            break
        if tok.ent_type_ == "PERSON" or (tok.pos_ == "PROPN" and tok.dep_ != "compound"):
            return tok
    return None


def person_like(lex: Lexicon, tok: Token) -> bool:
    """Could ``tok`` name a speaker (a named person or body, a pronoun, a title)?"""
    return (
        tok.ent_type_ in lex.rules.words.speaker_entity_labels
        or tok.lower_ in lex.pronouns - lex.rules.words.document_pronouns
        or tok.lower_ in lex.titles
    )
