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
from functools import lru_cache

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
