"""Fixed word lists of the places stage (``data/word_lists.yaml``), checked at import.

A section of the file holds exactly the keys of :data:`WORD_LISTS`, each a list of
strings; anything else raises :class:`~newsgraph.places.tables.PlacesDataError` naming the
file and the key. The lists are the installed package's own data (a saved pipeline reads
them from the package, like the code that uses them).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from newsgraph.places.tables import PlacesDataError, data_path
from newsgraph.places.weights import LIST_KM

WORD_LISTS_FILE = "word_lists.yaml"
WORD_LISTS: dict[str, tuple[str, ...]] = {
    "detect": (
        "geo_labels", "repair_labels", "prefix_labels", "skip_labels", "strong_cues",
        "leading_drop", "name_particles", "dateline_dashes", "list_separators", "area_nouns",
        "lower_case_civic", "school_levels", "org_region_words",
    ),
    "resolve": ("vague_cues", "region_nouns", "list_joiners"),
}


def check_word_lists(raw: Any, source: str) -> dict[str, frozenset[str]]:
    """The word lists of a mapping read from ``source``, flattened to key -> words."""
    if not isinstance(raw, dict):
        raise PlacesDataError(f"{source}: expected a mapping of sections")
    out: dict[str, frozenset[str]] = {}
    for section, value in raw.items():
        keys = WORD_LISTS.get(section)
        if keys is None:
            raise PlacesDataError(
                f"{source}: unknown section {section!r} (known: {', '.join(WORD_LISTS)})"
            )
        if not isinstance(value, dict):
            raise PlacesDataError(f"{source}: {section}: expected a mapping of word lists")
        for key, words in value.items():
            if key not in keys:
                raise PlacesDataError(
                    f"{source}: {section}.{key}: unknown word list (known: {', '.join(keys)})"
                )
            if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
                raise PlacesDataError(
                    f"{source}: {section}.{key}: expected a list of non-empty strings"
                )
            out[key] = frozenset(words)
        missing = [k for k in keys if k not in value]
        if missing:
            raise PlacesDataError(f"{source}: {section}: missing word list(s): {', '.join(missing)}")
    missing_sections = [s for s in WORD_LISTS if s not in raw]
    if missing_sections:
        raise PlacesDataError(f"{source}: missing section(s): {', '.join(missing_sections)}")
    return out


def load_word_lists(path: Path | None = None) -> dict[str, frozenset[str]]:
    path = path or data_path(WORD_LISTS_FILE)
    try:
        with path.open(encoding="utf-8") as fh:
            raw = yaml.safe_load(fh)
    except yaml.YAMLError as exc:
        raise PlacesDataError(f"{path}: not valid YAML ({exc})") from exc
    return check_word_lists(raw, str(path))


_WORDS = load_word_lists()

# detection
GEO_LABELS = _WORDS["geo_labels"]
REPAIR_LABELS = _WORDS["repair_labels"]
PREFIX_LABELS = _WORDS["prefix_labels"]
STRONG_CUES = _WORDS["strong_cues"]
SKIP_LABELS = _WORDS["skip_labels"]
LEADING_DROP = _WORDS["leading_drop"]
NAME_PARTICLES = _WORDS["name_particles"]
DATELINE_DASHES = _WORDS["dateline_dashes"]
LIST_SEPARATORS = _WORDS["list_separators"]
AREA_NOUNS = _WORDS["area_nouns"]
LOWER_CASE_CIVIC = _WORDS["lower_case_civic"]
SCHOOL_LEVELS = _WORDS["school_levels"]
ORG_REGION_WORDS = _WORDS["org_region_words"]
# resolution
VAGUE_CUES = _WORDS["vague_cues"]
REGION_NOUNS = _WORDS["region_nouns"]
LIST_JOINERS = _WORDS["list_joiners"]

__all__ = [
    "AREA_NOUNS", "DATELINE_DASHES", "GEO_LABELS", "LEADING_DROP", "LIST_JOINERS", "LIST_KM",
    "LIST_SEPARATORS", "LOWER_CASE_CIVIC", "NAME_PARTICLES", "ORG_REGION_WORDS",
    "PREFIX_LABELS", "REGION_NOUNS", "REPAIR_LABELS", "SCHOOL_LEVELS", "SKIP_LABELS",
    "STRONG_CUES", "VAGUE_CUES", "load_word_lists",
]
