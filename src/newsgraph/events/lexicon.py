"""The events stage's data: trigger lexicon, crosswalk, certainty cues, category shifts and
the fallback country words. Everything is read from the YAML files in ``data/`` once per
component instance."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from spacy.tokens import Token

from newsgraph.events.syntax import word_forms

DATA_DIR = Path(__file__).parent / "data"

NONE_CATEGORY = "NONE"


def _read_yaml(path: Path) -> Any:
    with path.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


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
    def from_dict(cls, data: dict[str, Any], pos: str) -> Entry:
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


SENTENCE_END = {".", "!", "?", '"', "”", "'", "’", ":", ";"}


def headline_passive(tok: Token) -> bool:
    """A headline's passive without its auxiliary: "Opposition leader detained at airport",
    "Activist released". The main verb of a sentence without final punctuation, a past
    participle or past form with a subject, no auxiliary and no object."""
    if tok.dep_ != "ROOT" or tok.tag_ not in ("VBN", "VBD"):
        return False
    sent = tok.sent
    last = len(sent) - 1
    # a sentence wrapped in brackets or quotes ends before them: "{... period.}"
    while last > 0 and (sent[last].is_bracket or sent[last].is_quote or sent[last].is_space):
        last -= 1
    if sent[last].text in SENTENCE_END or sent[-1].text in SENTENCE_END:
        return False
    kids = [c.dep_ for c in tok.children]
    if any(d in ("aux", "auxpass", "dobj", "obj", "dative", "ccomp", "xcomp") for d in kids):
        return False
    return "nsubj" in kids


def for_clause_marks(tok: Token) -> list[Token]:
    """ "called for Israel to halt the raids": the parser makes "for" the marker of an
    infinitive clause with its own subject; the verb's "for" phrase is that clause."""
    return [
        g
        for c in tok.children
        if c.dep_ == "advcl"
        and (
            any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            # "pushing for the US support the plan": the infinitive without its "to"
            or (c.tag_ == "VB" and any(a.dep_ == "nsubj" for a in c.children))
        )
        for g in c.children
        if g.dep_ == "mark" and g.lower_ == "for" and g.i < c.i
    ]


def misread_main_verb(tok: Token) -> Token | None:
    """A past tense the parser read as a participle on a noun: in "An official newspaper
    called on Arabs to unite." or "Doctors from two aid groups donated goods." the sentence
    has a noun for root and the verb hangs on it (or on the object of its preposition) as a
    clause. In a full sentence (final stop) without a passive agent or auxiliary, that
    verb is the main verb and the root noun its subject; the noun is returned."""
    if tok.dep_ != "acl" or tok.tag_ not in ("VBN", "VBD"):
        return None
    sent = tok.sent
    root = sent.root
    if root.pos_ not in ("NOUN", "PROPN") or tok.i < root.i:
        return None
    head = tok.head
    if head != root and not (
        head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head == root
    ):
        return None
    last = len(sent) - 1
    while last > 0 and (sent[last].is_bracket or sent[last].is_quote or sent[last].is_space):
        last -= 1
    if sent[last].text not in (".", "!"):
        return None
    if any(c.dep_ in ("agent", "auxpass", "aux") for c in tok.children):
        return None
    if any(t.is_punct for t in sent.doc[root.i + 1 : tok.i]):
        return None  # "the man, arrested last week, ..." is a participle
    return root


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


PARTITIVES = {
    "part",
    "parts",
    "most",
    "some",
    "much",
    "half",
    "portion",
    "rest",
    "all",
    "many",
    "dozens",
    "hundreds",
    "thousands",
    "number",
    "group",
    "tens",
    "scores",
}


def _object_words(o: Token) -> set[str]:
    words = {o.lemma_.lower(), o.lower_}
    if o.lower_ in PARTITIVES or o.pos_ == "NUM":  # "part of a stronghold"
        for c in o.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for g in c.children:
                    if g.dep_ == "pobj":
                        words.update(_object_words(g))
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
    embedded_modes: dict[str, dict[str, str]] = field(default_factory=dict)
    # category -> modes it keeps from the action it embeds ("threatened to impose a curfew")
    kept_modes: dict[str, frozenset[str]] = field(default_factory=dict)
    # category -> instrument word -> mode ("killed ... in a bomb attack": explosives)
    instruments: dict[str, dict[str, str]] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path | None = None) -> Lexicon:
        data = _read_yaml(path or DATA_DIR / "triggers.yaml")
        lex = cls()
        for pos, key, target in (("verb", "verbs", lex.verbs), ("noun", "nouns", lex.nouns)):
            for raw in data.get(key) or []:
                entry = Entry.from_dict(raw, pos)
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
                    if _object_words(o) & entry.objects:
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


@dataclass
class Crosswalk:
    table: dict[str, dict[str, Any]]

    @classmethod
    def load(cls, path: Path | None = None) -> Crosswalk:
        data = _read_yaml(path or DATA_DIR / "crosswalk.yaml")
        return cls(table=dict(data["categories"]))

    def code(self, category: str, mode: str | None) -> tuple[str | None, int | None, float | None]:
        """(CAMEO root, quad class, intensity) for a PLOVER category and mode."""
        row = self.table.get(category)
        if row is None:
            return None, None, None
        root, quad = row.get("cameo_root"), row.get("quad_class")
        mode_row = (row.get("modes") or {}).get(mode or "")
        if mode_row:
            root = mode_row.get("cameo_root", root)
            quad = mode_row.get("quad_class", quad)
        return root, quad, row.get("intensity")


@dataclass
class Cues:
    """Certainty cue words (certainty.yaml)."""

    words: dict[str, frozenset[str]]

    @classmethod
    def load(cls, path: Path | None = None) -> Cues:
        data = _read_yaml(path or DATA_DIR / "certainty.yaml")
        return cls(words={k: frozenset(str(w).lower() for w in v) for k, v in data.items()})

    def __getitem__(self, key: str) -> frozenset[str]:
        return self.words.get(key, frozenset())


@dataclass
class Shifts:
    """Category changes by grammar (shifts.yaml)."""

    rules: dict[str, tuple[frozenset[str], str]]
    # modes a shift leaves alone ("will resign" announces the resignation itself)
    keep: dict[str, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path | None = None) -> Shifts:
        data = _read_yaml(path or DATA_DIR / "shifts.yaml")
        return cls(
            rules={k: (frozenset(v["from"]), str(v["to"])) for k, v in data.items()},
            keep={k: frozenset(v.get("keep_modes") or ()) for k, v in data.items()},
        )

    def apply(self, kind: str, category: str, mode: str | None = None) -> str | None:
        rule = self.rules.get(kind)
        if mode is not None and mode in self.keep.get(kind, frozenset()):
            return None
        if rule and category in rule[0]:
            return rule[1]
        return None


class CountryWords:
    """Fallback lookup of country and sector words (used without the actors stage)."""

    def __init__(self, path: Path | None = None) -> None:
        data = _read_yaml(path or DATA_DIR / "countries.yaml")
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
