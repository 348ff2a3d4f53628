"""The quotes stage's data: cue verbs and their complements, channel patterns, speaker words,
and the rules' tuned numbers and word lists.

Everything is read from ``newsgraph/quotes/data/`` (or files a user passes) once per
component instance and checked against its schema at load (an unknown key or a bad value
raises :class:`~newsgraph.datafile.DataFileError` naming the file and key); regular
expressions are compiled here, never per document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsgraph.datafile import (
    DataFileError,
    check_keys,
    flag,
    mapping,
    read_mapping,
    strings,
    text,
)
from newsgraph.quotes.rules import RULES_FILE, Rules, load_rules

DATA_DIR = Path(__file__).resolve().parent / "data"
CUES_FILE = DATA_DIR / "cues.yaml"
CHANNELS_FILE = DATA_DIR / "channels.yaml"

__all__ = ["CHANNELS_FILE", "CUES_FILE", "RULES_FILE", "CueClass", "Lexicon", "load_lexicon"]


@dataclass(frozen=True)
class CueClass:
    """How a class of cue verbs takes its content."""

    name: str
    deps: frozenset[str]  # dependency labels of content children: ccomp, xcomp, dobj, oprd
    preps: frozenset[str]  # prepositions whose phrase is content: "of", "for", ...
    listener_object: bool = False  # the object is the listener when a clause follows
    direct: bool = False  # may introduce a direct quotation


@dataclass
class Lexicon:
    verbs: dict[str, CueClass]
    agent_phrases: list[tuple[str, ...]]
    channels: list[re.Pattern[str]]
    titles: frozenset[str]
    pronouns: frozenset[str]
    relatives: frozenset[str]
    rules: Rules
    notes: dict[str, str] = field(default_factory=dict)


# -- cues.yaml -------------------------------------------------------------------------
_CUE_KEYS = (
    "classes",
    "verbs",
    "agent_phrases",
    "speaker_titles",
    "speaker_pronouns",
    "relative_pronouns",
)
_CLASS_KEYS = ("note", "complements", "listener_object", "direct")


def _classes(path: Path, raw: dict[str, Any]) -> dict[str, CueClass]:
    classes = {}
    for name, spec in raw.items():
        where = f"classes.{name}"
        check_keys(path, where, spec, _CLASS_KEYS)
        comps = strings(path, f"{where}.complements", spec.get("complements", []))
        for k, comp in enumerate(comps):
            if comp.startswith("prep:") and not comp[len("prep:") :]:
                raise DataFileError(path, f"{where}.complements[{k}]", "prep: needs a word")
        if "note" in spec:
            text(path, f"{where}.note", spec["note"])
        for key in ("listener_object", "direct"):
            if key in spec:
                flag(path, f"{where}.{key}", spec[key])
        classes[name] = CueClass(
            name=name,
            deps=frozenset(c for c in comps if not c.startswith("prep:")),
            preps=frozenset(c.split(":", 1)[1] for c in comps if c.startswith("prep:")),
            listener_object=bool(spec.get("listener_object", False)),
            direct=bool(spec.get("direct", False)),
        )
    return classes


def _verbs(
    path: Path, raw: dict[str, Any], classes: dict[str, CueClass]
) -> tuple[dict[str, CueClass], dict[str, str]]:
    verbs: dict[str, CueClass] = {}
    notes: dict[str, str] = {}
    for lemma, spec in raw.items():
        where = f"verbs.{lemma}"
        if isinstance(spec, dict):
            check_keys(path, where, spec, ("class", "note"), required=("class",))
            if "note" in spec:
                text(path, f"{where}.note", spec["note"])
        elif not isinstance(spec, str):
            raise DataFileError(path, where, f"expected a class name or a mapping, got {spec!r}")
        cls_name = spec if isinstance(spec, str) else spec.get("class")
        if cls_name not in classes:
            raise DataFileError(path, where, f"unknown class {cls_name!r}")
        verbs[str(lemma)] = classes[cls_name]
        if isinstance(spec, dict) and spec.get("note"):
            notes[str(lemma)] = str(spec["note"])
    return verbs, notes


def _agent_phrases(path: Path, raw: Any) -> list[tuple[str, ...]]:
    if not isinstance(raw, list):
        raise DataFileError(path, "agent_phrases", f"expected a list, got {raw!r}")
    phrases = []
    for k, entry in enumerate(raw):
        where = f"agent_phrases[{k}]"
        check_keys(path, where, entry, ("words", "note"), required=("words",))
        words = strings(path, f"{where}.words", entry["words"])
        if not words:
            raise DataFileError(path, f"{where}.words", "expected at least one word")
        if "note" in entry:
            text(path, f"{where}.note", entry["note"])
        phrases.append(tuple(w.lower() for w in words))
    return phrases


def _word_set(path: Path, raw: dict[str, Any], key: str) -> frozenset[str]:
    return frozenset(w.lower() for w in strings(path, key, raw.get(key) or []))


# -- channels.yaml ---------------------------------------------------------------------
def _channels(path: Path) -> list[re.Pattern[str]]:
    raw = check_keys(path, "", read_mapping(path), ("patterns",))
    entries = raw.get("patterns") or []
    if not isinstance(entries, list):
        raise DataFileError(path, "patterns", f"expected a list, got {entries!r}")
    patterns = []
    for k, entry in enumerate(entries):
        where = f"patterns[{k}]"
        check_keys(path, where, entry, ("pattern", "flags", "note"), required=("pattern",))
        if "flags" in entry and entry["flags"] != "case":
            raise DataFileError(path, f"{where}.flags", f"expected 'case', got {entry['flags']!r}")
        if "note" in entry:
            text(path, f"{where}.note", entry["note"])
        flags = 0 if entry.get("flags") == "case" else re.IGNORECASE
        try:
            pattern = re.compile(text(path, f"{where}.pattern", entry["pattern"]), flags)
        except re.error as exc:
            raise DataFileError(
                path, f"{where}.pattern", f"not a regular expression ({exc})"
            ) from exc
        if "channel" not in pattern.groupindex:
            raise DataFileError(path, f"{where}.pattern", "has no (?P<channel>...) group")
        patterns.append(pattern)
    return patterns


def load_lexicon(
    cues: str | Path | None = None,
    channels: str | Path | None = None,
    rules: str | Path | None = None,
    *,
    packaged_rules: str | Path | None = None,
) -> Lexicon:
    """Read the cue lexicon, the channel patterns and the rule settings: the packaged files
    unless paths are given (a ``rules`` file overlays the packaged ``rules.yaml``, or
    ``packaged_rules`` where a saved pipeline keeps its copy of it)."""
    cue_path = Path(cues) if cues else CUES_FILE
    chan_path = Path(channels) if channels else CHANNELS_FILE
    cue_data = check_keys(cue_path, "", read_mapping(cue_path), _CUE_KEYS)
    classes = _classes(cue_path, mapping(cue_path, "classes", cue_data.get("classes") or {}))
    verbs, notes = _verbs(
        cue_path, mapping(cue_path, "verbs", cue_data.get("verbs") or {}), classes
    )
    return Lexicon(
        verbs=verbs,
        agent_phrases=_agent_phrases(cue_path, cue_data.get("agent_phrases") or []),
        channels=_channels(chan_path),
        titles=_word_set(cue_path, cue_data, "speaker_titles"),
        pronouns=_word_set(cue_path, cue_data, "speaker_pronouns"),
        relatives=_word_set(cue_path, cue_data, "relative_pronouns"),
        rules=load_rules(rules, packaged_rules),
        notes=notes,
    )
