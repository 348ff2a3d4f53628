"""Ideas the places stage shares with other stages, kept here until the shared language
layer ``newsgraph.language`` replaces them.

Each of these exists in another stage too (issue 14): the text normalizer (the events and
actors stages and evaluate have their own), dateline detection (actors and events detect
datelines too) and the nationality lookups of ``newsgraph.actors.countries``, which the
places stage borrows from the actors stage. Nothing else in the places stage reimplements
them; when ``newsgraph.language`` lands, this module is the one place to switch over.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

from spacy.tokens import Doc

from newsgraph.places.constants import DATELINE_DASHES

_APOS = re.compile(r"[’'`ʼ.]")
_SEP = re.compile(r"[\s\-‐–—_/,()]+")


@lru_cache(maxsize=65536)
def normalize(text: str) -> str:
    """The lookup key of a name: lowercase, no accents or dots, single spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    key = _SEP.sub(" ", _APOS.sub("", stripped.lower())).strip()
    if key.startswith("st "):
        key = "saint " + key[3:]
    elif key.startswith("ft "):
        key = "fort " + key[3:]
    elif key.startswith("mt "):
        key = "mount " + key[3:]
    return key


def country_word() -> Callable[[str], str | None] | None:
    """The actors stage's nationality lookup ("Sudanese" -> "SDN"), when installed."""
    try:
        from newsgraph.actors.countries import country_of
    except ImportError:
        return None
    return country_of


def demonym_test() -> Callable[[str], bool] | None:
    """The actors stage's test for nationality words ("Canadian", "Britons"), when installed."""
    try:
        from newsgraph.actors.countries import is_demonym
    except ImportError:
        return None
    return is_demonym


def is_dateline(doc: Doc, start: int, end: int, known: Callable[[str], bool]) -> bool:
    """A dateline: a name in capitals opening a line or the text, then a comma or dash
    ("BEIRUT, Lebanon -", "COLUMBUS (AP) -"); ``known``: whether a word names a place (for
    "SALINA, Kan.")."""
    text = doc[start:end].text
    if end < len(doc) and start == 0 and doc[end].text == ":" and text[:1].isupper():
        return True  # a dateline in mixed case opening the text ("Muscat: The 10th…")
    letters = [c for c in text if c.isalpha()]
    # "BEIRUT", "DeKALB": capitals, bar a particle
    caps = len(letters) > 2 and sum(c.isupper() for c in letters) >= 0.75 * len(letters)
    if not caps or end >= len(doc):
        return False
    if (end + 1 < len(doc) and doc[end].text in DATELINE_DASHES
            and doc[end + 1].text[:1].isupper()):
        # a name in capitals, a dash, a sentence: a dateline even where the paragraph
        # break before it was lost ("... close to 80% AMHERST - Irvin Rhodes won")
        return True
    if start == 0 and len(letters) > 3 and doc[end].text.istitle() and doc[end].is_alpha:
        return True  # "OKLAHOMA CITY The Latest on ...": the text opens with it
    if not text.isupper():
        return False
    before = doc[start - 1] if start > 0 else None
    if before is None or "\n" in before.text_with_ws or before.is_space:
        return doc[end].text in {",", "-", "–", "—", "(", ":"}
    # after a headline ("... sunk in lake. HUDSON -- Officials said", "... crops.
    # BEIRUT: Israel") or a byline's date ("March 15, 2009 NEWARK -- ")
    after_date = before.like_num and len(before.text) == 4
    return (before.text in {".", "!", "?"} or after_date) and (
        doc[end].text[:1] in {"-", "–", "—", "\x97"}
        or doc[end].text == ":"
        # "WASHINGTON (AP) -", "BOSTON (Reuters) -"
        or (doc[end].text == "(" and end + 2 < len(doc) and doc[end + 1].text[:1].isupper()
            and doc[end + 2].text == ")")
        # "SALINA, Kan. Strong winds…"
        or (doc[end].text == "," and end + 1 < len(doc) and doc[end + 1].text[:1].isupper()
            and doc[end + 1].text.endswith(".") and known(doc[end + 1].text))
    )
