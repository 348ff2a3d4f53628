"""The data of the events stage, loaded once per component from its data files.

:func:`data_files` names every file the stage reads (the user's trigger lexicon included);
:func:`load_events_data` builds an :class:`EventsData` from them. The component calls both
through the :class:`newsgraph.stage.Stage` contract, so a saved pipeline carries copies of
these files and reads them back."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from newsgraph.events.lexicon import Lexicon
from newsgraph.events.magnitudes import MagnitudeTable
from newsgraph.events.syntax import subject_rules
from newsgraph.events.tables import (
    CONFIDENCE_KEYS,
    DATA_DIR,
    ArgumentNouns,
    CountryWords,
    Crosswalk,
    Cues,
    Shifts,
    Words,
)
from newsgraph.language.syntax import SubjectRules

#: key -> default file (the key ``lexicon`` is replaced by the user's ``lexicon_path``)
DEFAULT_FILES: dict[str, str] = {
    "lexicon": "triggers.yaml",
    "crosswalk": "crosswalk.yaml",
    "cues": "certainty.yaml",
    "shifts": "shifts.yaml",
    "sectors": "sectors.yaml",
    "words": "words.yaml",
    "nouns": "arguments.yaml",
    "magnitudes": "magnitudes.yaml",
}


@dataclass(frozen=True)
class EventsData:
    """Everything the events stage reads from its data files."""

    lexicon: Lexicon
    crosswalk: Crosswalk
    cues: Cues
    shifts: Shifts
    countries: CountryWords
    words: Words
    nouns: ArgumentNouns
    subject_rules: SubjectRules
    magnitudes: MagnitudeTable


def data_files(lexicon_path: str | Path | None = None) -> dict[str, Path | None]:
    """The files the stage reads, by key (the user's lexicon replaces the default one)."""
    files: dict[str, Path | None] = {key: DATA_DIR / name for key, name in DEFAULT_FILES.items()}
    if lexicon_path:
        files["lexicon"] = Path(lexicon_path)
    return files


def check_weights(weights: Mapping[str, Any] | None) -> dict[str, float]:
    """Confidence weights given in the component config (keys of ``confidence`` in
    ``words.yaml``); an unknown key or a value that is no number raises ValueError."""
    out: dict[str, float] = {}
    for key, value in (weights or {}).items():
        if key not in CONFIDENCE_KEYS:
            known = ", ".join(CONFIDENCE_KEYS)
            raise ValueError(f"newsgraph_events: unknown weight {key!r} (known: {known})")
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError(f"newsgraph_events: weight {key!r} must be a number, got {value!r}")
        out[key] = float(value)
    return out


def load_events_data(
    files: dict[str, Path | None], weights: Mapping[str, float] | None = None
) -> EventsData:
    """Read and check every data file; a missing key falls back to the shipped file.
    ``weights`` (checked by :func:`check_weights`) override the confidence weights."""

    def path(key: str) -> Path:
        return files.get(key) or DATA_DIR / DEFAULT_FILES[key]

    words = Words.load(path("words"))
    if weights:
        words = replace(words, confidence={**words.confidence, **check_weights(weights)})
    nouns = ArgumentNouns.load(path("nouns"))
    return EventsData(
        lexicon=Lexicon.load(path("lexicon"), words.partitives),
        crosswalk=Crosswalk.load(path("crosswalk")),
        cues=Cues.load(path("cues")),
        shifts=Shifts.load(path("shifts")),
        countries=CountryWords(path("sectors")),
        words=words,
        nouns=nouns,
        subject_rules=subject_rules(words, nouns),
        magnitudes=MagnitudeTable.load(path("magnitudes")),
    )
