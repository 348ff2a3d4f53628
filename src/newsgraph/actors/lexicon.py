"""The actors stage's tables, loaded once per component: sectors, roles, pronouns, places."""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language

from newsgraph.actors.countries import CountryTable

DATA_DIR = Path(__file__).parent / "data"


@dataclass(frozen=True)
class SectorRule:
    term: str
    sector: str
    kind: str  # person | group | organization
    strong: bool
    needs_modifier: bool
    role: str  # the office this title names ("foreign minister"), for title chains


def _tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def norm(text: str) -> str:
    return text.replace("\u2019", "'").replace("\u2018", "'").lower()


class Lexicon:
    """Lookup tables. ``nlp`` is used only for its tokenizer, to key multi-word terms."""

    def __init__(self, nlp: Language, data_dir: Path = DATA_DIR) -> None:
        # the country table plus ethnic groups with one home state ("Karen" -> MMR): a table of
        # the stage's own, so that ``countries.country_of`` stays about states only
        self.countries: CountryTable = CountryTable()
        self.countries.load(data_dir / "peoples.jsonl")
        roles = {norm(r["term"]): r["role"] for r in _tsv(data_dir / "roles.tsv")}
        self.sectors: dict[str, SectorRule] = {}
        self.max_term_len = 1
        for row in _tsv(data_dir / "sectors.tsv"):
            key = self.key(nlp, row["term"])
            term = norm(row["term"])
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
        self.modifiers: dict[str, str] = {
            norm(r["word"]): r["sector"] for r in _tsv(data_dir / "modifiers.tsv")
        }
        self.pronouns: dict[str, tuple[frozenset[str], str]] = {
            r["pronoun"]: (frozenset(r["kinds"].split("|")), r["number"])
            for r in _tsv(data_dir / "pronouns.tsv")
        }
        with (data_dir / "place_nouns.txt").open(encoding="utf-8") as fh:
            self.place_nouns = frozenset(
                ln.strip() for ln in fh if ln.strip() and not ln.startswith("#")
            )
        with (data_dir / "event_nouns.txt").open(encoding="utf-8") as fh:
            self.event_nouns = frozenset(
                ln.strip() for ln in fh if ln.strip() and not ln.startswith("#")
            )
        ctx = json.loads((data_dir / "context_words.json").read_text(encoding="utf-8"))
        self.location_preps = frozenset(ctx["location_prepositions"])
        self.agent_preps = frozenset(ctx["agent_prepositions"])
        self.motion_verbs = frozenset(ctx["motion_verbs"])
        self.subject_deps = frozenset(ctx["subject_deps"])
        self.actor_deps = frozenset(ctx["actor_deps"])
        self.expletive_heads = frozenset(ctx["expletive_heads"])
        self.agentive_participles = frozenset(ctx["agentive_participles"])
        self.located_participles = frozenset(ctx["located_participles"])
        self.international_words = frozenset(ctx["international_words"])
        self.multinational_words = frozenset(ctx["multinational_words"])
        self.nongovernmental_heads = frozenset(ctx["nongovernmental_heads"])
        self.first_words = frozenset(k.split(" ")[0] for k in self.sectors)
        self.data_dir = data_dir
        self._cities: dict[str, str] | None = None
        self.cities()

    @staticmethod
    def key(nlp: Language, term: str) -> str:
        return " ".join(norm(t.text) for t in nlp.tokenizer(term))

    def cities(self) -> dict[str, str]:
        """Names of cities (population >= 100,000) -> ISO3 (data/cities.tsv)."""
        if self._cities is None:
            self._cities = {r["name"]: r["country"] for r in _tsv(self.data_dir / "cities.tsv")}
        return self._cities
