"""The events stage's small data tables, each read from its YAML file in ``data/`` with a
schema check (:mod:`newsgraph.datafile`): the CAMEO crosswalk, certainty cues,
category shifts, the grammar word lists and weights (``words.yaml``) and the argument nouns
(``arguments.yaml``) and the sector words (``sectors.yaml``). The trigger lexicon is in :mod:`newsgraph.events.lexicon`."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsgraph.datafile import (
    DataFileError,
    check_keys,
    number,
    read_mapping,
    string,
    strings,
)
from newsgraph.language.countries import loose_country_of

DATA_DIR = Path(__file__).parent / "data"


@dataclass
class Crosswalk:
    table: dict[str, dict[str, Any]]

    @classmethod
    def load(cls, path: Path | None = None) -> Crosswalk:
        path = path or DATA_DIR / "crosswalk.yaml"
        data = check_keys(path, "", read_mapping(path), ("categories",), ("categories",))
        rows = check_keys(path, "categories", data["categories"], data["categories"] or {})
        for cat, row in rows.items():
            where = f"categories.{cat}"
            check_keys(
                path,
                where,
                row,
                ("cameo_root", "quad_class", "intensity", "modes", "note"),
                ("cameo_root", "quad_class", "intensity"),
            )
            _crosswalk_values(path, where, row)
            modes = row.get("modes") or {}
            check_keys(path, f"{where}.modes", modes, modes)
            for mode, mode_row in modes.items():
                mode_where = f"{where}.modes.{mode}"
                check_keys(path, mode_where, mode_row, ("cameo_root", "quad_class", "note"))
                _crosswalk_values(path, mode_where, mode_row)
        return cls(table=dict(rows))

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


def _crosswalk_values(path: Path, where: str, row: dict[str, Any]) -> None:
    if "cameo_root" in row:
        string(path, f"{where}.cameo_root", row["cameo_root"])
    if "quad_class" in row and row["quad_class"] not in (0, 1, 2, 3, 4):
        raise DataFileError(
            path, f"{where}.quad_class", f"expected 0..4, got {row['quad_class']!r}"
        )
    if "intensity" in row:
        value = number(path, f"{where}.intensity", row["intensity"])
        if value is not None and not -10 <= value <= 10:
            raise DataFileError(path, f"{where}.intensity", f"expected -10..10, got {value!r}")
    if "note" in row:
        string(path, f"{where}.note", row["note"])


CUE_KEYS = (
    "attribution_verbs",
    "alleging_verbs",
    "denial_verbs",
    "future_governors",
    "hypothetical_governors",
    "unclear_words",
    "concern_nouns",
    "unclear_nouns",
    "alleged_adverbs",
    "alleged_adjectives",
    "future_modals",
    "hypothetical_modals",
    "conditional_marks",
    "negators",
    "span_start_words",
    "backshift_modals",
    "future_adjectives",
    "performative_categories",
    "first_person",
)


@dataclass
class Cues:
    """Certainty cue words (certainty.yaml)."""

    words: dict[str, frozenset[str]]

    @classmethod
    def load(cls, path: Path | None = None) -> Cues:
        path = path or DATA_DIR / "certainty.yaml"
        data = check_keys(path, "", read_mapping(path), CUE_KEYS)
        return cls(
            words={k: frozenset(w.lower() for w in strings(path, k, v)) for k, v in data.items()}
        )

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
        path = path or DATA_DIR / "shifts.yaml"
        data = check_keys(path, "", read_mapping(path), ("promise", "threat", "refusal"))
        for k, v in data.items():
            check_keys(path, k, v, ("from", "to", "keep_modes"), ("from", "to"))
            strings(path, f"{k}.from", v["from"])
            string(path, f"{k}.to", v["to"])
            strings(path, f"{k}.keep_modes", v.get("keep_modes"), optional=True)
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


# words.yaml: every key is a list of strings except these
_WORD_NUMBERS = ("antecedent_window",)
_WORD_MAPS = ("ner_actor_kinds", "confidence")
CONFIDENCE_KEYS = ("verb", "noun", "modal_demand", "inherited_source", "no_source", "floor")


@dataclass(frozen=True)
class Words:
    """The grammar word lists and weights of the events stage (words.yaml); the lists keep
    their file order."""

    target_preps: tuple[str, ...]
    noun_target_preps: tuple[str, ...]
    locative_preps: frozenset[str]
    place_target_preps: frozenset[str]
    part_preps: frozenset[str]
    precedent_preps: tuple[str, ...]
    state_preps: tuple[str, ...]
    accused_preps: tuple[str, ...]
    owner_preps: tuple[str, ...]
    condition_marks: tuple[str, ...]
    demand_modals: frozenset[str]
    quantity_heads: frozenset[str]
    partitives: frozenset[str]
    stand_in_heads: tuple[str, ...]
    definite_determiners: frozenset[str]
    pronouns_self: frozenset[str]
    pronouns_other: frozenset[str]
    relative_pronouns: frozenset[str]
    name_entities: frozenset[str]
    not_actor_entities: frozenset[str]
    ner_actor_kinds: dict[str, str]
    self_moving: frozenset[str]
    self_retreat: tuple[str, ...]
    place_is_venue: frozenset[str]
    item_categories: tuple[str, ...]
    antecedent_window: int
    confidence: dict[str, float]

    @classmethod
    def load(cls, path: Path | None = None) -> Words:
        path = path or DATA_DIR / "words.yaml"
        names = [f for f in cls.__dataclass_fields__]
        data = check_keys(path, "", read_mapping(path), names, names)
        kinds = {f: str(cls.__dataclass_fields__[f].type) for f in names}
        values: dict[str, Any] = {}
        for key, raw in data.items():
            if key in _WORD_NUMBERS:
                if isinstance(raw, bool) or not isinstance(raw, int) or raw < 1:
                    raise DataFileError(path, key, f"expected a positive integer, got {raw!r}")
                values[key] = raw
            elif key == "ner_actor_kinds":
                table = check_keys(path, key, raw, raw or {})
                values[key] = {str(k): str(string(path, f"{key}.{k}", v)) for k, v in table.items()}
            elif key == "confidence":
                table = check_keys(path, key, raw, CONFIDENCE_KEYS, CONFIDENCE_KEYS)
                values[key] = {k: number(path, f"{key}.{k}", v) for k, v in table.items()}
            else:
                items = strings(path, key, raw)
                values[key] = frozenset(items) if "frozenset" in kinds[key] else tuple(items)
        assert set(_WORD_MAPS) <= set(values)
        return cls(**values)


_NOUN_LISTS = (
    "person_nouns",
    "place_nouns",
    "statement_nouns",
    "generic_heads",
    "equipment_heads",
)


@dataclass(frozen=True)
class ArgumentNouns:
    """Nouns that shape how an argument phrase is coded (arguments.yaml)."""

    lists: dict[str, frozenset[str]]
    unidentified_attacker: str | None
    place_target_sectors: dict[str, str]

    @classmethod
    def load(cls, path: Path | None = None) -> ArgumentNouns:
        path = path or DATA_DIR / "arguments.yaml"
        allowed = (*_NOUN_LISTS, "unidentified_attacker", "place_target_sectors")
        data = check_keys(path, "", read_mapping(path), allowed)
        sectors = data.get("place_target_sectors") or {}
        check_keys(path, "place_target_sectors", sectors, sectors)
        for k, v in sectors.items():
            string(path, f"place_target_sectors.{k}", v)
        attacker = string(
            path, "unidentified_attacker", data.get("unidentified_attacker"), optional=True
        )
        return cls(
            lists={
                key: frozenset(w.lower() for w in strings(path, key, data.get(key), optional=True))
                for key in _NOUN_LISTS
            },
            unidentified_attacker=attacker,
            place_target_sectors={str(k): str(v) for k, v in sectors.items()},
        )

    @property
    def people(self) -> frozenset[str]:
        return self.lists["person_nouns"]

    @property
    def places(self) -> frozenset[str]:
        return self.lists["place_nouns"]

    @property
    def statements(self) -> frozenset[str]:
        return self.lists["statement_nouns"]

    @property
    def generic_heads(self) -> frozenset[str]:
        return self.lists["generic_heads"]

    @property
    def equipment_heads(self) -> frozenset[str]:
        return self.lists["equipment_heads"]


class CountryWords:
    """Country and sector words for phrases the actors stage left without an actor: the
    country by the shared table's loose rules (:func:`newsgraph.language.countries.
    loose_country_of`: "u.s.", "the Kremlin's", "Serbs", "the UN"), the sector from
    ``sectors.yaml`` by a head noun's lemma or form."""

    def __init__(self, path: Path | None = None) -> None:
        path = path or DATA_DIR / "sectors.yaml"
        data = check_keys(path, "", read_mapping(path), ("sectors",), ("sectors",))
        table = check_keys(path, "sectors", data["sectors"], data["sectors"] or {})
        self.sector_words: dict[str, str] = {}
        for code, words in table.items():
            for w in strings(path, f"sectors.{code}", words):
                self.sector_words.setdefault(str(w).lower(), str(code))

    def country(self, text: str) -> str | None:
        return loose_country_of(text)

    def sector(self, lemma: str) -> str | None:
        return self.sector_words.get(lemma.lower())
