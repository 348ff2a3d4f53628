"""Text normalization: the one way newsgraph turns a word or a name into a lookup key.

A :class:`Normalizer` is a fixed series of steps, each switched on by one field, always in
this order:

1. ``apostrophes``: these characters become a straight apostrophe ("’" -> "'");
2. ``accents``: Unicode NFKD and combining marks removed ("Côte" -> "Cote");
3. ``drop``: these characters are removed ("St. John's" -> "St Johns");
4. ``spaces``: runs matching this pattern become one space, and the ends are stripped;
5. ``possessive``: a final "'s" (or the "'" of "s'") is removed (as written, before 6);
6. ``lower``: lower case (on unless switched off);
7. ``article``: a leading "the " is removed;
8. ``edge_punct``: spaces, commas and full stops are stripped from the ends (only spaces
   and commas after a dotted abbreviation such as "U.S.", whose last dot is part of it);
9. ``prefixes``: a leading abbreviation is spelled out ("st " -> "saint ");
10. ``words``: the text is split where this pattern matches and the pieces that are not
    empty and not in ``stopwords`` are joined with single spaces.

The keys the stages use are built from it (and are the only ones there should be):

- :data:`WORD` / :func:`fold` — a token's key in word lists: curly apostrophes made
  straight, lower case (the actors stage's tables).
- :data:`COUNTRY` / :func:`country_key` — a country word's key in the country table (also
  ``newsgraph.language.countries.normalize``).
- :data:`PLACE` / :func:`place_key` — a place name's key in the gazetteer: no accents, no
  apostrophes or dots, hyphens, slashes and brackets as spaces, "St"/"Ft"/"Mt" spelled out.
- a person's name, loosely (the actors dictionary's ``loose_key``): curly apostrophes
  straight, no accents, lower case, split on spaces, hyphens, dots and apostrophes, titles
  and particles left out. The stage builds this one itself (``apostrophes``, ``accents``,
  ``words`` and ``stopwords``), since the words to leave out are its data.

To add a key for a new lookup, make a new :class:`Normalizer` from these steps (add a step
here, switched off by default, if none fits) rather than writing another function.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

_DOTTED_ABBREV = re.compile(r"(?:the )?(?:[A-Z]\.){2,}")


@dataclass(frozen=True)
class Normalizer:
    """A text-to-key function made of the steps in the module docstring."""

    apostrophes: str = ""
    accents: bool = False
    drop: str = ""
    spaces: str | None = None
    possessive: bool = False
    lower: bool = True
    article: bool = False
    edge_punct: bool = False
    prefixes: tuple[tuple[str, str], ...] = ()
    words: str | None = None
    stopwords: frozenset[str] = frozenset()
    _drop: dict[int, None] = field(init=False, repr=False, compare=False)
    _spaces: re.Pattern[str] | None = field(init=False, repr=False, compare=False)
    _words: re.Pattern[str] | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_drop", {ord(c): None for c in self.drop})
        object.__setattr__(self, "_spaces", re.compile(self.spaces) if self.spaces else None)
        object.__setattr__(self, "_words", re.compile(self.words) if self.words else None)

    def __call__(self, text: str) -> str:
        t = text
        for c in self.apostrophes:  # str.replace: faster than translate on short words
            t = t.replace(c, "'")
        if self.accents:
            decomposed = unicodedata.normalize("NFKD", t)
            t = "".join(c for c in decomposed if not unicodedata.combining(c))
        if self._drop:
            t = t.translate(self._drop)
        if self._spaces is not None:
            t = self._spaces.sub(" ", t).strip()
        if self.possessive and (t.endswith("'s") or t.endswith("s'")):
            t = t[:-2] if t.endswith("'s") else t[:-1]
        low = t.lower() if self.lower else t
        if self.article and low[:4].lower() == "the ":
            low = low[4:]
        if self.edge_punct:
            low = low.strip(" ,") if _DOTTED_ABBREV.fullmatch(t.strip()) else low.strip(" ,.")
        for short, full in self.prefixes:
            if low.startswith(short):
                low = full + low[len(short) :]
                break
        if self._words is not None:
            low = " ".join(w for w in self._words.split(low) if w and w not in self.stopwords)
        return low


#: a token's key in word lists ("Kremlin’s" -> "kremlin's")
WORD = Normalizer(apostrophes="\u2019\u2018")

#: a country word's key ("the Kremlin’s" -> "kremlin", "U.S." -> "u.s.")
COUNTRY = Normalizer(
    apostrophes="\u2019\u2018\u02bc",
    spaces=r"\s+",
    possessive=True,
    article=True,
    edge_punct=True,
)

#: a place name's key ("St. John’s" -> "saint johns", "Côte-d'Ivoire" -> "cote divoire")
PLACE = Normalizer(
    accents=True,
    drop="\u2019'`\u02bc.",
    spaces=r"[\s\-\u2010\u2013\u2014_/,()]+",
    prefixes=(("st ", "saint "), ("ft ", "fort "), ("mt ", "mount ")),
)


def fold(text: str) -> str:
    """A token's key in word lists: straight apostrophes, lower case."""
    # WORD(text) with its steps spelled out: this runs on every token, several times
    return text.replace("\u2019", "'").replace("\u2018", "'").lower()


def country_key(text: str) -> str:
    """A country word's key in the country table (see :data:`COUNTRY`)."""
    return COUNTRY(text)


@lru_cache(maxsize=65536)
def place_key(text: str) -> str:
    """A place name's key in the gazetteer (see :data:`PLACE`); cached, names repeat."""
    return PLACE(text)
