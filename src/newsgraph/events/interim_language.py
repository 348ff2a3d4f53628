"""Interim copies of ideas that other stages also implement, kept in one place.

The events stage needs three things that actors, places and quotes each wrote for
themselves: the article's dateline (:func:`dateline`; actors and places detect it too), the
subject of a verb (:func:`subject`, :func:`subject_token`; quotes has its own), and a table
of country names, demonyms and capitals (:class:`CountryWords`; actors, places and evaluate
have theirs). Issue 14 moves each of these ideas into the shared layer
``newsgraph.language``, which is being built now; once it exists, this module's callers
switch to it and this module goes away. Until then the code here is the events stage's
own, unchanged, and nothing outside ``newsgraph.events`` should import it.

(``CountryWords`` still asks ``newsgraph.actors.countries`` first, as it always did.)
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from spacy.tokens import Doc, Token

from newsgraph.events.schema import DataFileError, check_keys, read_mapping, strings
from newsgraph.events.syntax import VERB_TAGS, headline_passive, misread_main_verb, pobjs
from newsgraph.events.tables import DATA_DIR

if TYPE_CHECKING:
    from newsgraph.events.resources import EventsData

# -- the dateline ------------------------------------------------------------------------


def dateline(doc: Doc, places: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The place named before the first dash of the article ("Kyiv, Ukraine – ...")."""
    head = doc.text[:120]
    for mark in (" – ", " — ", " - ", "(", ":"):
        pos = head.find(mark)
        if pos > 0:
            cands = [p for p in places if p["end"] <= pos]
            # the dateline may follow a title line
            nl = head.rfind("\n", 0, pos)
            cands = [p for p in cands if p["start"] > nl]
            if cands:
                return cands[0]["ref"]
    return None


# -- the subject of a verb ----------------------------------------------------------------


def subject(verb: Token, data: EventsData, depth: int = 0) -> tuple[Token | None, bool]:
    """The subject token of a verb and whether the verb is passive (looking through
    conjunctions, control verbs, participles and relative clauses); "tens of thousands
    of students" gives "students"."""
    subj, passive = subject_token(verb, data, depth)
    for _ in range(3):
        if subj is None or (subj.lower_ not in data.words.quantity_heads and subj.pos_ != "NUM"):
            break
        of_phrase = pobjs(subj, ("of",))
        if not of_phrase:
            break
        subj = of_phrase[0]
    return subj, passive


def subject_token(verb: Token, data: EventsData, depth: int = 0) -> tuple[Token | None, bool]:
    if headline_passive(verb):
        return next(c for c in verb.children if c.dep_ == "nsubj"), True
    for c in verb.children:
        if c.dep_ in ("nsubj", "csubj", "expl"):
            if c.lower_ in data.words.relative_pronouns and verb.dep_ == "relcl":
                return verb.head, False
            return c, False
        if c.dep_ == "nsubjpass":
            return c, True
    if depth > 4 or verb.head == verb:
        return None, False
    head = verb.head
    if verb.dep_ in ("acomp", "xcomp") and verb.pos_ == "ADJ" and head.pos_ in VERB_TAGS:
        return subject(head, data, depth + 1)
    if verb.dep_ == "conj" and head.pos_ in VERB_TAGS:
        subj, _ = subject(head, data, depth + 1)
        return subj, any(c.dep_ == "auxpass" for c in verb.children)
    if verb.dep_ == "xcomp" and head.pos_ in VERB_TAGS:
        objs = [c for c in head.children if c.dep_ in ("dobj", "obj")]
        if objs:
            return objs[0], False
        return subject(head, data, depth + 1)
    if verb.dep_ in ("advcl", "pcomp") and head.pos_ in VERB_TAGS:
        return subject(head, data, depth + 1)
    if verb.dep_ == "relcl" and head.pos_ in ("NOUN", "PROPN", "PRON") and verb.tag_ != "VB":
        return head, verb.tag_ == "VBN"
    if (
        verb.dep_ == "acl"
        and verb.tag_ == "VBG"
        and head.lemma_.lower() in data.nouns.statements
        and head.dep_ in ("dobj", "obj")
        and head.head.pos_ in VERB_TAGS
    ):
        # "issued a declaration demanding ...": the issuer demands
        return subject(head.head, data, depth + 1)
    if (
        verb.dep_ == "acl"
        and head.pos_ in ("NOUN", "PROPN", "PRON")
        and verb.tag_ in ("VBG", "VBN")
    ):
        root = misread_main_verb(verb)
        if root is not None:
            return root, False
        return head, verb.tag_ == "VBN"
    if verb.dep_ == "pcomp" and head.dep_ == "prep":
        return subject(head.head, data, depth + 1) if head.head.pos_ in VERB_TAGS else (None, False)
    return None, False


# -- country words -------------------------------------------------------------------------


class CountryWords:
    """Fallback lookup of country and sector words (used without the actors stage)."""

    def __init__(self, path: Path | None = None) -> None:
        path = path or DATA_DIR / "countries.yaml"
        data = read_mapping(path)
        for code, words in data.items():
            if code == "sectors":
                check_keys(path, "sectors", words, words or {})
                for sector, sector_words in (words or {}).items():
                    strings(path, f"sectors.{sector}", sector_words)
            elif not (
                isinstance(code, str) and len(code) == 3 and code.isalpha() and code.isupper()
            ):
                raise DataFileError(
                    path, str(code), "unknown key (a country code such as USA, or sectors)"
                )
            else:
                strings(path, code, words)
        self.words: dict[str, str] = {}
        try:
            import pycountry

            for c in pycountry.countries:
                for name in (
                    c.name,
                    getattr(c, "common_name", None),
                    getattr(c, "official_name", None),
                ):
                    if name:
                        self.words[name.lower()] = c.alpha_3
        except ImportError:  # pragma: no cover - pycountry is a dependency
            pass
        sectors = data.pop("sectors", {}) or {}
        for code, words in data.items():
            for w in words:
                self.words[str(w).lower()] = str(code)
        self.sector_words: dict[str, str] = {}
        for code, words in sectors.items():
            for w in words:
                self.sector_words.setdefault(str(w).lower(), str(code))
        self._external: Any = None
        try:  # the actors stage's lookup, when installed, knows more names
            from newsgraph.actors.countries import country_of  # type: ignore[import-not-found]

            self._external = country_of
        except Exception:  # noqa: BLE001 - optional module, any import problem means absent
            self._external = None

    def country(self, text: str) -> str | None:
        raw = text.lower().strip()
        if raw in self.words:  # "u.s.", "u.k."
            return self.words[raw]
        key = raw.strip(".,;:'\"")
        for prefix in ("the ",):
            if key.startswith(prefix):
                key = key[len(prefix) :]
        key = key.removesuffix("'s").removesuffix("’s").removesuffix("'").strip()
        if not key:
            return None
        if self._external is not None:
            try:
                found = self._external(key)
            except Exception:  # noqa: BLE001 - a foreign helper must not break events
                found = None
            if isinstance(found, str) and found:
                return found
        if key in self.words:
            return self.words[key]
        if key.endswith("s") and key[:-1] in self.words:  # "Russians", "Serbs"
            return self.words[key[:-1]]
        return None

    def sector(self, lemma: str) -> str | None:
        return self.sector_words.get(lemma.lower())


__all__ = ["CountryWords", "dateline", "subject", "subject_token"]
