"""The actors stage's tables, loaded once per component: sectors, roles, pronouns, places,
function words and tuned limits. Each file is read with its schema checked
(:mod:`newsgraph.actors.datafiles`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokenizer import Tokenizer

from newsgraph.actors.datafiles import (
    ISO3,
    SECTOR,
    each,
    not_empty,
    one_of,
    positive_int,
    read_json,
    read_tsv,
    read_words,
    word_list,
)
from newsgraph.language.countries import CountryTable, CountryWord, normalize
from newsgraph.language.fuzzy import NearIndex
from newsgraph.language.text import fold

DATA_DIR = Path(__file__).parent / "data"

#: the lexicon's files, by key (the keys of :meth:`Lexicon.__init__`'s ``files``)
LEXICON_FILES: dict[str, str] = {
    "peoples": "peoples.jsonl",
    "roles": "roles.tsv",
    "sectors": "sectors.tsv",
    "modifiers": "modifiers.tsv",
    "pronouns": "pronouns.tsv",
    "place_nouns": "place_nouns.txt",
    "event_nouns": "event_nouns.txt",
    "context_words": "context_words.json",
    "function_words": "function_words.json",
    "domestic_sectors": "domestic_sectors.txt",
    "limits": "limits.json",
    "cities": "cities.tsv",
}

_CONTEXT_KEYS = (
    "location_prepositions",
    "agent_prepositions",
    "motion_verbs",
    "subject_deps",
    "actor_deps",
    "expletive_heads",
    "agentive_participles",
    "located_participles",
    "international_words",
    "multinational_words",
    "nongovernmental_heads",
)
_FUNCTION_KEYS = (
    "indefinite_determiners",
    "definite_determiners",
    "name_prefixes",
    "owner_nouns",
    "expletive_pronouns",
    "reflexive_pronouns",
    "stance_prefixes",
    "belonging_prepositions",
    "stationed_prepositions",
    "origin_prepositions",
    "located_prepositions",
    "homeland_prepositions",
    "motion_prepositions",
    "name_function_words",
    "minority_words",
)
_LIMIT_KEYS = (
    "max_country_tokens",
    "max_dictionary_tokens",
    "title_window_tokens",
    "located_depth",
    "pronoun_window_sentences",
    "fuzzy_min_letters",
    "fuzzy_min_surname_letters",
)
_ACTOR_KINDS = ("person", "organization", "state", "group")


@dataclass(frozen=True)
class SectorRule:
    term: str
    sector: str
    kind: str  # person | group | organization
    strong: bool
    needs_modifier: bool
    role: str  # the office this title names ("foreign minister"), for title chains


def lexicon_files(data_dir: Path = DATA_DIR) -> dict[str, Path]:
    return {key: data_dir / name for key, name in LEXICON_FILES.items()}


def _words(values: object) -> frozenset[str]:
    assert isinstance(values, list)
    return frozenset(values)


class Lexicon:
    """Lookup tables. ``nlp`` (a pipeline or its tokenizer) keys multi-word terms."""

    def __init__(self, nlp: Language | Tokenizer, files: dict[str, Path] | None = None) -> None:
        tokenizer = nlp.tokenizer if isinstance(nlp, Language) else nlp
        files = files if files is not None else lexicon_files()
        # the country table plus ethnic groups with one home state ("Karen" -> MMR): a table of
        # the stage's own, so that ``countries.country_of`` stays about states only
        self.countries: CountryTable = CountryTable()
        self.countries.load(files["peoples"])
        roles = {
            fold(r["term"]): r["role"]
            for r in read_tsv(files["roles"], {"term": not_empty, "role": not_empty})
        }
        self.sectors: dict[str, SectorRule] = {}
        self.max_term_len = 1
        sector_rows = read_tsv(
            files["sectors"],
            {
                "term": not_empty,
                "sector": SECTOR,
                "kind": one_of("person", "group", "organization"),
                "strength": one_of("strong", "weak", "modified"),
                "note": None,
            },
            optional=("note",),
        )
        for row in sector_rows:
            key = self.key(tokenizer, row["term"])
            term = fold(row["term"])
            rule = SectorRule(
                term=term,
                sector=row["sector"],
                kind=row["kind"],
                strong=row["strength"] == "strong",
                needs_modifier=row["strength"] == "modified",
                role=roles.get(term, term),
            )
            self.sectors[key] = rule
            self.max_term_len = max(self.max_term_len, key.count(" ") + 1)
        modifier_rows = read_tsv(
            files["modifiers"],
            {"word": not_empty, "sector": SECTOR, "note": None},
            optional=("note",),
        )
        self.modifiers: dict[str, str] = {fold(r["word"]): r["sector"] for r in modifier_rows}
        pronoun_rows = read_tsv(
            files["pronouns"],
            {
                "pronoun": not_empty,
                "kinds": each(one_of(*_ACTOR_KINDS)),
                "number": one_of("singular", "plural"),
            },
        )
        self.pronouns: dict[str, tuple[frozenset[str], str]] = {
            r["pronoun"]: (frozenset(r["kinds"].split("|")), r["number"]) for r in pronoun_rows
        }
        self.place_nouns = frozenset(read_words(files["place_nouns"]))
        self.event_nouns = frozenset(read_words(files["event_nouns"]))
        ctx = read_json(files["context_words"], {k: word_list for k in _CONTEXT_KEYS})
        self.location_preps = _words(ctx["location_prepositions"])
        self.agent_preps = _words(ctx["agent_prepositions"])
        self.motion_verbs = _words(ctx["motion_verbs"])
        self.subject_deps = _words(ctx["subject_deps"])
        self.actor_deps = _words(ctx["actor_deps"])
        self.expletive_heads = _words(ctx["expletive_heads"])
        self.agentive_participles = _words(ctx["agentive_participles"])
        self.located_participles = _words(ctx["located_participles"])
        self.international_words = _words(ctx["international_words"])
        self.multinational_words = _words(ctx["multinational_words"])
        self.nongovernmental_heads = _words(ctx["nongovernmental_heads"])
        fw = read_json(files["function_words"], {k: word_list for k in _FUNCTION_KEYS})
        self.indefinite_determiners = _words(fw["indefinite_determiners"])
        self.definite_determiners = _words(fw["definite_determiners"])
        self.name_prefixes = _words(fw["name_prefixes"])
        self.owner_nouns = _words(fw["owner_nouns"])
        self.expletive_pronouns = _words(fw["expletive_pronouns"])
        self.reflexive_pronouns = _words(fw["reflexive_pronouns"])
        self.stance_prefixes = _words(fw["stance_prefixes"])
        self.belonging_preps = _words(fw["belonging_prepositions"])
        self.stationed_preps = _words(fw["stationed_prepositions"])
        self.origin_preps = _words(fw["origin_prepositions"])
        self.located_preps = _words(fw["located_prepositions"])
        self.homeland_preps = _words(fw["homeland_prepositions"])
        self.motion_preps = _words(fw["motion_prepositions"])
        self.name_function_words = _words(fw["name_function_words"])
        self.minority_words = _words(fw["minority_words"])
        self.domestic_sectors = frozenset(read_words(files["domestic_sectors"], SECTOR))
        limits = read_json(files["limits"], {k: positive_int for k in _LIMIT_KEYS})
        self.max_country_tokens = int(str(limits["max_country_tokens"]))
        self.max_dictionary_tokens = int(str(limits["max_dictionary_tokens"]))
        self.title_window_tokens = int(str(limits["title_window_tokens"]))
        self.located_depth = int(str(limits["located_depth"]))
        self.pronoun_window_sentences = int(str(limits["pronoun_window_sentences"]))
        self.fuzzy_min_letters = int(str(limits["fuzzy_min_letters"]))
        self.fuzzy_min_surname_letters = int(str(limits["fuzzy_min_surname_letters"]))
        # one-word country and people words long enough for a one-edit variant
        # ("Afganistan", "Chenchen"): key -> word, and the index of their neighbours
        self.fuzzy_countries: dict[str, CountryWord] = {}
        for form, word in self.countries.forms():
            key = normalize(form)
            if " " not in key and key.isalpha() and len(key) >= self.fuzzy_min_letters:
                self.fuzzy_countries.setdefault(key, word)
        self.country_near = NearIndex(self.fuzzy_countries)
        self.first_words = frozenset(k.split(" ")[0] for k in self.sectors)
        self._cities: dict[str, str] = {
            r["name"]: r["country"]
            for r in read_tsv(files["cities"], {"name": not_empty, "country": ISO3})
        }

    @staticmethod
    def key(tokenizer: Tokenizer, term: str) -> str:
        return " ".join(fold(t.text) for t in tokenizer(term))

    def cities(self) -> dict[str, str]:
        """Names of cities (population >= 100,000) -> ISO3 (data/cities.tsv)."""
        return self._cities
