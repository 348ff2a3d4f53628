"""The stories data files, checked against their schema when loaded."""

from __future__ import annotations

import json
from dataclasses import dataclass, fields, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from newsgraph.errors import NewsgraphError

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Params:
    shingle_words: int = 5  # words per shingle for near-duplicates
    num_perm: int = 128  # MinHash permutations
    duplicate_threshold: float = 0.8  # estimated Jaccard of shingles for a near-duplicate
    top_terms: int = 150  # terms kept per article vector
    title_weight: int = 2  # a title word counts this many times
    link_threshold: float = 0.11  # cosine to a member needed to join its story
    window_days: int = 90  # a member published further apart cannot link
    probe_terms: int = 20  # an article's heaviest terms that find its candidate members
    candidates: int = 10  # candidates scored in full
    event_gap_days: int = 2  # lead events dated (to the day) further apart keep reports apart

    def with_(self, **changes: Any) -> Params:
        return replace(self, **changes)


def _fail(path: Path, message: str) -> NewsgraphError:
    return NewsgraphError(f"{path}: {message}")


def load_params(path: Path | None = None) -> Params:
    path = path or DATA / "params.json"
    raw = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(raw, dict):
        raise _fail(path, "expected an object")
    types = {f.name: f.type for f in fields(Params)}
    values: dict[str, Any] = {}
    for key, value in raw.items():
        if key == "about":
            continue
        if key not in types:
            raise _fail(path, f"unknown key {key!r}")
        want = float if types[key] in ("float", float) else int
        if isinstance(value, bool) or not isinstance(value, (int, float)) or (want is int and not isinstance(value, int)):
            raise _fail(path, f"{key}: expected a number ({want.__name__}), got {value!r}")
        if value < 0:
            raise _fail(path, f"{key}: must not be negative")
        values[key] = want(value)
    return Params(**values)


def load_agencies(path: Path | None = None) -> dict[str, str]:
    """Alias key (case-folded) -> agency name."""
    path = path or DATA / "agencies.json"
    raw = json.loads(path.read_text(encoding="utf-8"))
    entries = raw.get("agencies") if isinstance(raw, dict) else None
    if not isinstance(entries, list):
        raise _fail(path, "expected {'agencies': [...]}")
    out: dict[str, str] = {}
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict) or set(entry) != {"name", "aliases"}:
            raise _fail(path, f"agency {i}: expected keys name and aliases")
        name, aliases = entry["name"], entry["aliases"]
        if not isinstance(name, str) or not isinstance(aliases, list) or not all(
            isinstance(a, str) and a.strip() for a in aliases
        ):
            raise _fail(path, f"agency {i}: name must be text and aliases a list of text")
        for alias in [name, *aliases]:
            out[alias.casefold()] = name
    return out


@lru_cache(maxsize=1)
def default_params() -> Params:
    return load_params()


@lru_cache(maxsize=1)
def default_agencies() -> dict[str, str]:
    return load_agencies()
