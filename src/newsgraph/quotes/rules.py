"""The tuned numbers and small word lists of the quotes stage's rules (``data/rules.yaml``).

The packaged file gives every value; a user file (the component's ``rules`` setting)
overlays it key by key. Both are checked at load (:mod:`newsgraph.datafile`).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from newsgraph.datafile import DataFileError, check_keys, count, read_mapping, strings

RULES_FILE = Path(__file__).resolve().parent / "data" / "rules.yaml"


@dataclass(frozen=True)
class Numbers:
    """Counts of words or tokens (see data/rules.yaml for what each one bounds)."""

    min_partial_words: int
    min_verbless_partial_words: int
    after_window: int
    before_window: int
    complement_before_window: int
    cue_sentence_tokens: int
    plain_verb_after_window: int
    plain_verb_before_window: int
    colon_clause_tokens: int
    as_follows_tokens: int
    signature_tokens: int
    inverted_speaker_tokens: int
    inverted_subject_tokens: int
    speaker_before_cue_words: int
    that_clause_words: int
    continuation_gap_words: int
    report_gap_words: int


@dataclass(frozen=True)
class Words:
    """Word lists (lower case) and entity labels (see data/rules.yaml)."""

    title_small_words: frozenset[str]
    clause_conjunctions: frozenset[str]
    non_speaker_subjects: frozenset[str]
    object_pronouns: frozenset[str]
    document_pronouns: frozenset[str]
    plural_pronouns: frozenset[str]
    person_pronouns: frozenset[str]
    determiners: frozenset[str]
    speaker_entity_labels: frozenset[str]
    name_entity_labels: frozenset[str]


@dataclass(frozen=True)
class Rules:
    numbers: Numbers
    words: Words


_NUMBER_KEYS = [f.name for f in fields(Numbers)]
_WORD_KEYS = [f.name for f in fields(Words)]


def _section(path: Path, raw: dict[str, Any], name: str, keys: list[str]) -> dict[str, Any]:
    return dict(check_keys(path, name, raw.get(name) or {}, keys))


def load_rules(user: str | Path | None = None, packaged: str | Path | None = None) -> Rules:
    """The packaged rules (or ``packaged``), overlaid by the ``user`` file's keys if given."""
    base_path = Path(packaged) if packaged else RULES_FILE
    numbers: dict[str, Any] = {}
    words: dict[str, Any] = {}
    for path in [base_path] + ([Path(user)] if user else []):
        raw = check_keys(path, "", read_mapping(path), ["numbers", "words"])
        for key, value in _section(path, raw, "numbers", _NUMBER_KEYS).items():
            numbers[key] = count(path, f"numbers.{key}", value)
        for key, value in _section(path, raw, "words", _WORD_KEYS).items():
            words[key] = frozenset(strings(path, f"words.{key}", value))
    for section, got, keys in (("numbers", numbers, _NUMBER_KEYS), ("words", words, _WORD_KEYS)):
        for key in keys:
            if key not in got:
                raise DataFileError(base_path, f"{section}.{key}", "missing")
    return Rules(Numbers(**numbers), Words(**words))
