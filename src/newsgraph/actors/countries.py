"""Country lookup: names, variants, demonyms, adjectives, capitals and seats of government.

The table is ``data/countries.jsonl``, one country per line::

    {"iso3": "UKR", "name": "Ukraine", "names": [...], "adjectives": ["Ukrainian"],
     "demonyms": ["Ukrainian"], "capitals": ["Kyiv", "Kiev"], "seats": ["Bankova"]}

Public API (other stages may import it):

- :func:`country_of` — ISO 3166-1 alpha-3 code for a country name, variant, demonym,
  nationality adjective, capital or seat of government; ``None`` if unknown.
- :func:`is_demonym` — whether a word names a nationality ("Ukrainian", "Chinese", "Britons").
- :func:`lookup` — the same as :func:`country_of` but also says which kind of word matched.

Lookups are case-insensitive for capitalized words and exact for abbreviations written in
capitals ("US", "UK"), so that "us", "male" or "chad" in lower case never match.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"
COUNTRIES_FILE = DATA_DIR / "countries.jsonl"

# Kinds of country words, in the order a clash is settled (a name beats a capital).
KINDS: tuple[str, ...] = ("name", "adjective", "demonym", "capital", "seat")

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class CountryWord:
    iso3: str
    kind: str  # one of KINDS
    form: str  # the table's spelling


def normalize(text: str) -> str:
    """Lower-case, straight apostrophes, single spaces, no leading "the", no possessive."""
    t = _SPACE.sub(" ", text.translate(_APOSTROPHES)).strip()
    if t.endswith("'s") or t.endswith("s'"):
        t = t[:-2] if t.endswith("'s") else t[:-1]
    low = t.lower()
    if low.startswith("the "):
        low = low[4:]
    return low.strip(" ,.") if not _is_dotted_abbrev(t) else low.strip(" ,")


def _is_dotted_abbrev(text: str) -> bool:
    return bool(re.fullmatch(r"(?:the )?(?:[A-Z]\.){2,}", text.strip()))


def _is_abbrev(form: str) -> bool:
    """Forms written in capitals (US, U.S., UK, DPRK) match only in capitals."""
    letters = [c for c in form if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(letters) <= 5


def plurals(noun: str) -> list[str]:
    """English plurals of a person noun: Ukrainian -> Ukrainians, Frenchman -> Frenchmen."""
    if noun.endswith("man"):
        return [noun[:-3] + "men"]
    if noun.endswith("woman"):
        return [noun[:-5] + "women"]
    if noun.endswith(("ese", "ss", "ois", "i-Kiribati", "Vanuatu")) or noun in {
        "Swiss",
        "Malagasy",
        "Basotho",
        "Batswana",
        "Thai",
        "Lao",
        "Turkmen",
    }:
        return [noun]
    if noun.endswith("s"):
        return [noun]
    return [noun + "s"]


class CountryTable:
    """In-memory index over ``countries.jsonl`` (built once)."""

    def __init__(self, path: Path = COUNTRIES_FILE) -> None:
        self.names: dict[str, str] = {}  # iso3 -> preferred name
        self._exact: dict[str, CountryWord] = {}  # abbreviations, case-sensitive
        self._folded: dict[str, CountryWord] = {}  # everything else, lower-cased
        self.load(path)

    def load(self, path: Path) -> None:
        """Add the words of a JSON Lines file (``countries.jsonl``, or ``peoples.jsonl``
        whose rows have no ``name``: an ethnic group's words, not a state's)."""
        rank = {k: i for i, k in enumerate(KINDS)}
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if not line.strip():
                    continue
                row = json.loads(line)
                iso3 = row["iso3"]
                forms: list[tuple[str, str]] = []
                if row.get("name"):
                    self.names[iso3] = row["name"]
                    forms.append(("name", row["name"]))
                forms += [("name", n) for n in row.get("names", [])]
                forms += [("adjective", a) for a in row.get("adjectives", [])]
                for d in row.get("demonyms", []):
                    forms.append(("demonym", d))
                    forms += [("demonym", p) for p in plurals(d)]
                forms += [("capital", c) for c in row.get("capitals", [])]
                forms += [("seat", s) for s in row.get("seats", [])]
                for kind, form in forms:
                    word = CountryWord(iso3, kind, form)
                    if _is_abbrev(form):
                        key = form.translate(_APOSTROPHES).strip()
                        self._exact.setdefault(key, word)
                        continue
                    key = normalize(form)
                    old = self._folded.get(key)
                    if old is None or rank[kind] < rank[old.kind]:
                        self._folded[key] = word

    def lookup(self, text: str) -> CountryWord | None:
        t = _SPACE.sub(" ", text.translate(_APOSTROPHES)).strip()
        if t.endswith("'s"):
            t = t[:-2]
        if t.lower().startswith("the "):
            t = t[4:]
        if not t:
            return None
        if t in self._exact:
            return self._exact[t]
        if not (t[0].isupper() or t[0].isdigit()):
            return None
        return self._folded.get(normalize(t))

    def forms(self) -> list[tuple[str, CountryWord]]:
        """Every (surface form, word) pair, for building matchers."""
        out = [(k, w) for k, w in self._exact.items()]
        out += [(w.form if normalize(w.form) == k else k, w) for k, w in self._folded.items()]
        return out


@lru_cache(maxsize=1)
def table() -> CountryTable:
    return CountryTable()


def lookup(text: str) -> CountryWord | None:
    """The country word ``text`` is (with its kind), or None."""
    return table().lookup(text)


def country_of(text: str) -> str | None:
    """ISO 3166-1 alpha-3 code for a country name, demonym, adjective, capital or seat.

    >>> country_of("Ukrainian"), country_of("Beijing"), country_of("the Kremlin")
    ('UKR', 'CHN', 'RUS')
    """
    word = table().lookup(text)
    return word.iso3 if word else None


def is_demonym(text: str) -> bool:
    """True for nationality words: adjectives and person nouns ("Chinese", "Britons")."""
    word = table().lookup(text)
    if word is None:
        return False
    return word.kind in ("adjective", "demonym")


def country_name(iso3: str) -> str | None:
    """Preferred English name of a country code."""
    return table().names.get(iso3)
