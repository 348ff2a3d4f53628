"""The quotes stage's data: cue verbs and their complements, channel patterns, speaker words.

Everything is read from ``newsgraph/data/quotes/`` (or files a user passes) once per
component instance; regular expressions are compiled here, never per document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "quotes"
CUES_FILE = DATA_DIR / "cues.yaml"
CHANNELS_FILE = DATA_DIR / "channels.yaml"


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
    notes: dict[str, str] = field(default_factory=dict)


def _read_yaml(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping at the top level")
    return data


def _classes(raw: dict[str, Any]) -> dict[str, CueClass]:
    classes = {}
    for name, spec in raw.items():
        comps = [str(c) for c in spec.get("complements", [])]
        classes[name] = CueClass(
            name=name,
            deps=frozenset(c for c in comps if not c.startswith("prep:")),
            preps=frozenset(c.split(":", 1)[1] for c in comps if c.startswith("prep:")),
            listener_object=bool(spec.get("listener_object", False)),
            direct=bool(spec.get("direct", False)),
        )
    return classes


def load_lexicon(cues: str | Path | None = None, channels: str | Path | None = None) -> Lexicon:
    """Read the cue lexicon and channel patterns (the packaged files unless paths are given)."""
    cue_path = Path(cues) if cues else CUES_FILE
    chan_path = Path(channels) if channels else CHANNELS_FILE
    cue_data = _read_yaml(cue_path)
    classes = _classes(cue_data.get("classes") or {})
    verbs: dict[str, CueClass] = {}
    notes: dict[str, str] = {}
    for lemma, spec in (cue_data.get("verbs") or {}).items():
        cls_name = spec if isinstance(spec, str) else spec.get("class")
        if cls_name not in classes:
            raise ValueError(f"{cue_path}: verb {lemma!r} has unknown class {cls_name!r}")
        verbs[str(lemma)] = classes[cls_name]
        if isinstance(spec, dict) and spec.get("note"):
            notes[str(lemma)] = str(spec["note"])
    phrases = [
        tuple(str(w).lower() for w in entry["words"])
        for entry in cue_data.get("agent_phrases") or []
    ]
    chan_data = _read_yaml(chan_path)
    patterns = []
    for entry in chan_data.get("patterns") or []:
        flags = 0 if entry.get("flags") == "case" else re.IGNORECASE
        pattern = re.compile(str(entry["pattern"]), flags)
        if "channel" not in pattern.groupindex:
            raise ValueError(f"{chan_path}: pattern {entry['pattern']!r} has no (?P<channel>...)")
        patterns.append(pattern)
    return Lexicon(
        verbs=verbs,
        agent_phrases=phrases,
        channels=patterns,
        titles=frozenset(str(w).lower() for w in cue_data.get("speaker_titles") or []),
        pronouns=frozenset(str(w).lower() for w in cue_data.get("speaker_pronouns") or []),
        relatives=frozenset(str(w).lower() for w in cue_data.get("relative_pronouns") or []),
        notes=notes,
    )
