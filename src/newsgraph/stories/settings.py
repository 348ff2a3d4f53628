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


@dataclass(frozen=True)
class ClusterParams:
    """Event cluster keys and windows (``data/clusters.json``)."""

    date_window_days: dict[str, int]  # date precision -> days two member dates may differ
    place_km: dict[int, float]  # place precision (1 town, 2 district, 3 region/country) -> km; 0: same country
    apart_certainties: frozenset[str]  # events that only cluster with events of these certainties
    positive_certainties: frozenset[str]  # report that it happened (against "denied")
    uncounted_certainties: frozenset[str]  # their figures do not enter a cluster's magnitudes
    number_conflict_ratio: float
    number_conflict_min_difference: float
    anchors: frozenset[str]  # keys that tie two reports to one event (at least one must agree)


def load_cluster_params(path: Path | None = None) -> ClusterParams:
    path = path or DATA / "clusters.json"
    raw = json.loads(path.read_text(encoding="utf-8"))
    want = {
        "date_window_days", "place_km", "apart_certainties", "positive_certainties",
        "uncounted_certainties", "number_conflict_ratio", "number_conflict_min_difference", "anchors",
    }
    if not isinstance(raw, dict) or set(raw) - {"about"} != want:
        raise _fail(path, f"expected an object with the keys {', '.join(sorted(want))}")

    def numbers(key: str) -> dict[str, float]:
        value = raw[key]
        if not isinstance(value, dict) or not all(
            isinstance(v, (int, float)) and not isinstance(v, bool) and v >= 0 for v in value.values()
        ):
            raise _fail(path, f"{key}: expected an object of non-negative numbers")
        return value

    def words(key: str) -> frozenset[str]:
        value = raw[key]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise _fail(path, f"{key}: expected a list of text")
        return frozenset(value)

    windows = numbers("date_window_days")
    if set(windows) != {"day", "week", "month", "quarter", "year", "reported"}:
        raise _fail(path, "date_window_days: one window per date precision (day ... year, reported)")
    km = numbers("place_km")
    if set(km) != {"1", "2", "3"}:
        raise _fail(path, "place_km: one distance per place precision 1, 2, 3")
    for key in ("number_conflict_ratio", "number_conflict_min_difference"):
        if isinstance(raw[key], bool) or not isinstance(raw[key], (int, float)) or raw[key] < 0:
            raise _fail(path, f"{key}: expected a non-negative number")
    return ClusterParams(
        date_window_days={k: int(v) for k, v in windows.items()},
        place_km={int(k): float(v) for k, v in km.items()},
        apart_certainties=words("apart_certainties"),
        positive_certainties=words("positive_certainties"),
        uncounted_certainties=words("uncounted_certainties"),
        number_conflict_ratio=float(raw["number_conflict_ratio"]),
        number_conflict_min_difference=float(raw["number_conflict_min_difference"]),
        anchors=_anchors(path, words("anchors")),
    )


def _anchors(path: Path, anchors: frozenset[str]) -> frozenset[str]:
    if not anchors or anchors - {"name", "country", "sector", "place"}:
        raise _fail(path, "anchors: a non-empty list of name, country, sector, place")
    return anchors


@lru_cache(maxsize=1)
def default_cluster_params() -> ClusterParams:
    return load_cluster_params()
