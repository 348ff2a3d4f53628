"""Acronyms the article defines: "the Revolutionary United Front (RUF)" ... "the RUF".

A writer who puts an acronym in brackets after a name declares that the two are one name:
every later use of the acronym is the same actor. The definition is read from the text
alone: the capitalized words just before the bracket (function words between them allowed,
"National Union of Mineworkers") whose initials end with the acronym's letters. No list is
involved, so the rule holds for any body the dictionary does not know.
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.actors.candidates import Cand
from newsgraph.actors.lexicon import Lexicon


def acronym_at(doc: Doc, i: int) -> str | None:
    """The acronym of "( ACR )" starting at token ``i`` (two letters at least, upper case)."""
    if i + 2 >= len(doc) or doc[i].text != "(" or doc[i + 2].text != ")":
        return None
    word = doc[i + 1].text
    letters = word.replace("-", "").replace("&", "")
    if len(letters) < 2 or not letters.isalpha() or not letters.isupper():
        return None
    return word


def defined_span(doc: Doc, paren: int, acronym: str, lex: Lexicon) -> int | None:
    """Start of the name before ``paren`` whose capitalized words' initials end with the
    acronym's letters (None: no such name)."""
    letters = [c for c in acronym if c.isalpha()]
    need = len(letters)
    j = paren - 1
    start = None
    while j >= 0 and need > 0:
        tok = doc[j]
        if tok.is_title or tok.is_upper:
            if tok.text[0] != letters[need - 1]:
                return None
            need -= 1
            start = j
        elif not (tok.lower_ in lex.name_function_words or tok.text in ("'s", "-")):
            return None
        j -= 1
    return start if need == 0 else None


def link_acronyms(doc: Doc, cands: list[Cand], lex: Lexicon) -> list[Cand]:
    """Mark the later uses of each defined acronym as the defining name's actor
    (``extra["same_as"]``), adding a candidate for a use no earlier step found. The defining
    name must be a candidate of an earlier step: a run of capitalized words no step took
    for an actor is not made one here (measured: it cost a check-split source on PLOVER)."""
    out = list(cands)
    by_token = {i: c for c in cands if c.kind != "pronoun" for i in range(c.start, c.end)}
    for i in range(len(doc)):
        acronym = acronym_at(doc, i)
        if acronym is None:
            continue
        start = defined_span(doc, i, acronym, lex)
        if start is None:
            continue
        # a name any earlier step found there: an organization, a state ("the Democratic
        # Republic of Congo (DRC)"), a person
        # (the one closest to the defined words: not "Troops of the ..." around them)
        near = [
            c for c in cands if c.kind != "pronoun" and start - 1 <= c.start < i and c.end > start
        ]
        defining = min(near, key=lambda c: abs(c.start - start) + abs(c.end - i), default=None)
        if defining is None:
            continue
        for tok in doc[i + 1 :]:
            if tok.text != acronym:
                continue
            cand = by_token.get(tok.i)
            if cand is not None and cand.end - cand.start > 1 + (doc[cand.start].lower_ == "the"):
                continue  # "ONLF fighters": the acronym only modifies another actor
            if cand is None:
                cand = Cand(tok.i, tok.i + 1, tok.i, acronym, defining.kind, rule="acronym",
                            definite=True)
                out.append(cand)
            if cand is not defining:
                cand.extra["same_as"] = defining
    out.sort(key=lambda c: (c.start, c.end))
    return out
