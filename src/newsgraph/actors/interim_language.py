"""Ideas the actors stage shares with other stages, kept here until the shared layer exists.

Each function below duplicates an idea that other stages also implement (issue 14, "the
same idea is written several times"):

* :func:`norm` - the text normalizer (curly apostrophes to straight, lower case); places
  and events have their own;
* :func:`dateline` - "KYIV, Ukraine -" at the start of a line is a place, not an actor;
  places and events detect datelines too;
* :func:`sentence_index` - the sentence number of every token, used by coref.

A shared layer, ``newsgraph.language``, is being built; these functions will be switched
to it (and this module deleted) once it exists. Until then nothing outside the actors
stage should import this module.
"""

from __future__ import annotations

from spacy.tokens import Doc


def norm(text: str) -> str:
    return text.replace("\u2019", "'").replace("\u2018", "'").lower()


def dateline(doc: Doc, start: int, end: int) -> bool:
    """ "KYIV, Ukraine -" at the start of a line, or the country after it, is a place."""

    def line_start(i: int) -> bool:
        return i == 0 or "\n" in doc[i - 1].text or doc[i - 1].is_space

    def dash_follows(i: int) -> bool:
        for tok in doc[i : i + 5]:
            if tok.text in ("-", "\u2013", "\u2014", "--", "(") or tok.is_space:
                return True
            if tok.pos_ in ("VERB", "AUX"):
                return False
        return False

    if line_start(start) and end < len(doc) and doc[end].text == ",":
        return dash_follows(end + 1)
    return start >= 2 and doc[start - 1].text == "," and line_start(start - 2) and dash_follows(end)


def sentence_index(doc: Doc) -> list[int]:
    """Sentence number of every token (one pass; ``doc.sents`` is slow to iterate)."""
    if len(doc) == 0:
        return []
    starts = doc.to_array("SENT_START").tolist()
    starts[0] = 1
    out: list[int] = []
    n = -1
    for flag in starts:
        if flag == 1:
            n += 1
        out.append(n)
    return out
