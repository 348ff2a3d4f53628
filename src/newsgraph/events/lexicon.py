"""The trigger lexicon (``data/triggers.yaml``, or the user's file): entries that map a verb
or noun, narrowed by a particle, preposition, object or modifier, to a PLOVER category and
mode, and the matching of tokens against them. Entries are checked against their schema
when the file is read (:mod:`newsgraph.datafile`).

The other data tables live in :mod:`newsgraph.events.tables` (re-exported here for callers
of the old names)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.tokens import Token

from newsgraph.datafile import (
    DataFileError,
    check_keys,
    flag,
    read_mapping,
    string,
    strings,
)
from newsgraph.events.syntax import (
    for_clause_marks,
    headline_passive,
    misread_main_verb,
    word_forms,
)
from newsgraph.events.tables import DATA_DIR, CountryWords, Crosswalk, Cues, Shifts, Words

__all__ = [
    "DATA_DIR",
    "CountryWords",
    "Crosswalk",
    "Cues",
    "Entry",
    "Lexicon",
    "Shifts",
    "for_clause_marks",
    "headline_passive",
    "misread_main_verb",
]

NONE_CATEGORY = "NONE"

ENTRY_KEYS = (
    "lemma",
    "category",
    "mode",
    "context",
    "particle",
    "prep",
    "objects",
    "with",
    "items",
    "of",
    "pobj",
    "purpose",
    "note",
)
LEXICON_KEYS = (
    "verbs",
    "nouns",
    "light_verbs",
    "embedding_categories",
    "kept_modes",
    "instruments",
    "embedded_modes",
    "performed_noun_categories",
    "performing_verbs",
)


@dataclass(frozen=True)
class Entry:
    """One lexicon entry."""

    lemma: str
    category: str
    pos: str  # "verb" | "noun"
    mode: str | None = None
    context: str | None = None
    particle: str | None = None
    prep: str | None = None
    objects: frozenset[str] = frozenset()
    with_: frozenset[str] = frozenset()
    items: bool = False
    of: str = "target"
    pobj: frozenset[str] = frozenset()  # (verb+prep) lemmas the preposition's object must have
    purpose: bool = False  # an act whose to-infinitive is its purpose, not its content
    note: str | None = None

    @property
    def rule(self) -> str:
        if self.objects:
            return f"{self.pos}+obj:{self.lemma} {'|'.join(sorted(self.objects))[:60]}"
        if self.prep and self.pobj:
            return f"{self.pos}+prep:{self.lemma} {self.prep} {'|'.join(sorted(self.pobj))[:40]}"
        if self.prep:
            return f"{self.pos}+prep:{self.lemma} {self.prep}"
        if self.particle:
            return f"{self.pos}+prt:{self.lemma} {self.particle}"
        if self.with_:
            return f"{self.pos}+mod:{'|'.join(sorted(self.with_))[:40]} {self.lemma}"
        return f"{self.pos}:{self.lemma}"

    @classmethod
    def from_dict(
        cls, data: dict[str, Any], pos: str, path: Path | str = "<entry>", where: str = ""
    ) -> Entry:
        """An entry of the lexicon file ``path``; unknown keys and bad values raise
        :class:`DataFileError` naming the file and the entry (``where``)."""
        check_keys(path, where, data, ENTRY_KEYS, ("lemma", "category"))
        for key in ("lemma", "category"):
            string(path, f"{where}.{key}", data[key])
        for key in ("mode", "context", "particle", "prep", "note"):
            string(path, f"{where}.{key}", data.get(key), optional=True)
        for key in ("objects", "with", "pobj"):
            strings(path, f"{where}.{key}", data.get(key), optional=True)
        for key in ("items", "purpose"):
            if key in data:
                flag(path, f"{where}.{key}", data[key])
        if data.get("of", "target") not in ("target", "items"):
            raise DataFileError(
                path, f"{where}.of", f"expected target or items, got {data['of']!r}"
            )
        return cls(
            lemma=str(data["lemma"]).lower(),
            category=str(data["category"]),
            pos=pos,
            mode=data.get("mode"),
            context=data.get("context"),
            particle=data.get("particle"),
            prep=data.get("prep"),
            objects=frozenset(str(o).lower() for o in data.get("objects") or ()),
            with_=frozenset(str(o).lower() for o in data.get("with") or ()),
            items=bool(data.get("items", False)),
            of=str(data.get("of", "target")),
            pobj=frozenset(str(o).lower() for o in data.get("pobj") or ()),
            purpose=bool(data.get("purpose", False)),
            note=data.get("note"),
        )


def _object_lemmas(tok: Token) -> list[Token]:
    """Direct objects of a verb (active), or its passive subject."""
    objs = [c for c in tok.children if c.dep_ in ("dobj", "obj", "nsubjpass", "attr", "oprd")]
    if headline_passive(tok):
        objs.extend(c for c in tok.children if c.dep_ == "nsubj")
    if (
        tok.dep_ == "acl"
        and tok.tag_ == "VBN"
        and tok.head.pos_ in ("NOUN", "PROPN")
        and misread_main_verb(tok) is None
    ):
        objs.append(tok.head)  # "an activist released on bail": the noun is the object
    # "released video" / "provided X and Y": conjuncts count as objects too
    more: list[Token] = []
    for o in objs:
        more.extend(o.conjuncts)
    # Objects of a particle phrase ("took control of") are not objects.
    return objs + more


def _object_words(o: Token, partitives: frozenset[str]) -> set[str]:
    words = {o.lemma_.lower(), o.lower_}
    if o.lower_ in partitives or o.pos_ == "NUM":  # "part of a stronghold"
        for c in o.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for g in c.children:
                    if g.dep_ == "pobj":
                        words.update(_object_words(g, partitives))
    for c in o.children:
        if c.dep_ in ("compound", "amod"):
            words.add(c.lemma_.lower())
    return words


@dataclass
class Lexicon:
    verbs: dict[str, list[Entry]] = field(default_factory=dict)
    nouns: dict[str, list[Entry]] = field(default_factory=dict)
    light_verbs: frozenset[str] = frozenset()
    embedding_categories: frozenset[str] = frozenset()
    # speech-act nouns ("threat", "deal") are events only when a verb performs them
    performed_noun_categories: frozenset[str] = frozenset()
    performing_verbs: frozenset[str] = frozenset()
    embedded_modes: dict[str, dict[str, str]] = field(default_factory=dict)
    # category -> modes it keeps from the action it embeds ("threatened to impose a curfew")
    kept_modes: dict[str, frozenset[str]] = field(default_factory=dict)
    # category -> instrument word -> mode ("killed ... in a bomb attack": explosives)
    instruments: dict[str, dict[str, str]] = field(default_factory=dict)
    # object heads whose "of" object is the real object ("part of a stronghold")
    partitives: frozenset[str] = frozenset()

    @classmethod
    def load(cls, path: Path | None = None, partitives: frozenset[str] | None = None) -> Lexicon:
        """The lexicon in ``path`` (default: ``data/triggers.yaml``), checked against its
        schema; ``partitives`` default to those of ``data/words.yaml``."""
        path = path or DATA_DIR / "triggers.yaml"
        data = check_keys(path, "", read_mapping(path), LEXICON_KEYS)
        _check_lexicon_tables(path, data)
        lex = cls()
        lex.partitives = partitives if partitives is not None else Words.load().partitives
        for pos, key, target in (("verb", "verbs", lex.verbs), ("noun", "nouns", lex.nouns)):
            for i, raw in enumerate(strings_or_entries(path, key, data.get(key))):
                entry = Entry.from_dict(raw, pos, path, f"{key}[{i}]")
                target.setdefault(entry.lemma, []).append(entry)
        # Most specific entries first: object, then prep, then particle, then modifier.
        for table in (lex.verbs, lex.nouns):
            for lemma, entries in table.items():
                table[lemma] = sorted(
                    entries,
                    key=lambda e: (
                        0
                        if e.objects or e.pobj
                        else 1
                        if e.prep
                        else 2
                        if e.particle
                        else 3
                        if e.with_
                        else 4
                    ),
                )
        lex.light_verbs = frozenset(data.get("light_verbs") or ())
        lex.embedding_categories = frozenset(data.get("embedding_categories") or ())
        lex.performed_noun_categories = frozenset(data.get("performed_noun_categories") or ())
        lex.performing_verbs = frozenset(data.get("performing_verbs") or ()) | lex.light_verbs
        lex.embedded_modes = dict(data.get("embedded_modes") or {})
        lex.kept_modes = {
            str(k): frozenset(str(m) for m in v or ())
            for k, v in (data.get("kept_modes") or {}).items()
        }
        lex.instruments = {
            str(cat): {
                str(w).lower(): str(mode)
                for mode, words in (table or {}).items()
                for w in words or ()
            }
            for cat, table in (data.get("instruments") or {}).items()
        }
        return lex

    def __len__(self) -> int:
        return sum(len(v) for v in self.verbs.values()) + sum(len(v) for v in self.nouns.values())

    def match_verb(self, tok: Token) -> tuple[Entry, Token | None] | None:
        """The entry a verb token matches, with the token its pattern consumed (object or
        preposition), or None. A "NONE" entry blocks."""
        entries = self.verbs.get(tok.lemma_.lower())
        if not entries:
            for form in sorted(word_forms(tok)):
                entries = self.verbs.get(form)
                if entries:
                    break
        if not entries:
            return None
        objs = _object_lemmas(tok)
        preps = [c for c in tok.children if c.dep_ in ("prep", "prt", "agent", "dative")]
        preps.extend(for_clause_marks(tok))
        particles = {c.lower_ for c in tok.children if c.dep_ == "prt"}
        # A particle changes the verb ("call off" is not "call"): when an entry names this
        # particle, only entries with that particle (or a preposition) are tried.
        if particles & {e.particle for e in entries if e.particle}:
            entries = [e for e in entries if e.particle in particles or e.prep]
        for entry in entries:
            if entry.objects:
                for o in objs:
                    if _object_words(o, self.partitives) & entry.objects:
                        return (entry, o) if entry.category != NONE_CATEGORY else None
                # "took control of", "laid down their arms": object behind a particle
                continue
            if entry.prep:
                for p in preps:
                    if p.lower_ != entry.prep:
                        continue
                    if entry.pobj and not any(
                        g.dep_ == "pobj" and g.lemma_.lower() in entry.pobj for g in p.children
                    ):
                        continue  # "held in custody", not "held in Geneva"
                    return (entry, p) if entry.category != NONE_CATEGORY else None
                continue
            if entry.particle:
                if entry.particle in particles:
                    return None if entry.category == NONE_CATEGORY else (entry, None)
                continue
            if entry.category == NONE_CATEGORY:
                return None
            return entry, None
        return None

    def performed(self, tok: Token) -> bool:
        """Whether a verb performs the speech-act noun ``tok``: it is the verb's object
        ("issued a threat", "reached a deal") or passive subject ("a deal was signed"). A
        noun talked about ("the threat of war", "concerns over the deal") is no act."""
        while tok.dep_ == "conj" and tok.head != tok:
            tok = tok.head
        return tok.dep_ in ("dobj", "obj", "nsubjpass") and (
            tok.head.lemma_.lower() in self.performing_verbs
        )

    def match_noun(self, tok: Token) -> Entry | None:
        entries = self.nouns.get(tok.lemma_.lower())
        if not entries:
            return None
        mods = {
            c.lemma_.lower()
            for c in tok.children
            if c.dep_ in ("compound", "amod", "nmod", "npadvmod")
        }
        # "state of emergency": the "of" object counts as a modifier
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                mods.update(g.lemma_.lower() for g in c.children if g.dep_ == "pobj")
        for entry in entries:
            if entry.with_:
                if entry.with_ & mods:
                    return None if entry.category == NONE_CATEGORY else entry
                continue
            return None if entry.category == NONE_CATEGORY else entry
        return None


def strings_or_entries(path: Path, key: str, value: Any) -> list[dict[str, Any]]:
    """The entry list under ``key`` (absent: none)."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise DataFileError(path, key, f"expected a list of entries, got {type(value).__name__}")
    return value


def _check_lexicon_tables(path: Path, data: dict[str, Any]) -> None:
    """The lexicon's tables besides the entries: word lists and category/mode maps."""
    for key in (
        "light_verbs",
        "embedding_categories",
        "performed_noun_categories",
        "performing_verbs",
    ):
        strings(path, key, data.get(key), optional=True)
    kept = data.get("kept_modes") or {}
    check_keys(path, "kept_modes", kept, kept)
    for cat, modes in kept.items():
        strings(path, f"kept_modes.{cat}", modes, optional=True)
    instruments = data.get("instruments") or {}
    check_keys(path, "instruments", instruments, instruments)
    for cat, table in instruments.items():
        check_keys(path, f"instruments.{cat}", table or {}, table or {})
        for mode, words in (table or {}).items():
            strings(path, f"instruments.{cat}.{mode}", words, optional=True)
    embedded = data.get("embedded_modes") or {}
    check_keys(path, "embedded_modes", embedded, embedded)
    for cat, table in embedded.items():
        check_keys(path, f"embedded_modes.{cat}", table, table or {})
        for sub, mode in table.items():
            string(path, f"embedded_modes.{cat}.{sub}", mode)
