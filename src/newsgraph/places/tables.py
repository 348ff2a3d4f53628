"""The team's data tables of the places stage (``data/``): readers, one per file."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from newsgraph.places.entry import TABLE_FEATURES, Entry


class PlacesDataError(ValueError):
    """A data file of the places stage is malformed; the message names the file and the
    line or key, and what was expected there."""


def data_path(name: str) -> Path:
    return Path(str(resources.files("newsgraph.places") / "data" / name))


# region_terms.json: every key the code reads, with its kind ("_note..." keys are comments)
REGION_TERM_LISTS = frozenset({
    "admin_terms", "strip_terms", "locative_cues", "direction_words", "demonym_suffixes",
    "nation_words", "civic_nouns", "institution_words", "party_letters", "short_names",
    "us_local_cues", "settlement_nouns", "street_words", "building_words", "facility_words",
    "facility_prepositions", "motion_verbs", "address_street_words", "road_context_words",
})
REGION_TERM_STRINGS = frozenset({"road_number_pattern"})
REGION_TERMS_REQUIRED = ("admin_terms", "strip_terms", "locative_cues", "direction_words")


def check_region_terms(data: Any, source: str) -> dict[str, Any]:
    """``data`` read from ``source`` as region terms: known keys only, lists of strings (a
    regular expression for ``road_number_pattern``); else :class:`PlacesDataError`."""
    if not isinstance(data, dict):
        raise PlacesDataError(f"{source}: expected a JSON object")
    for key, value in data.items():
        if key.startswith("_note"):
            continue
        if key in REGION_TERM_LISTS:
            if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
                raise PlacesDataError(f"{source}: {key}: expected a list of non-empty strings")
        elif key in REGION_TERM_STRINGS:
            if not isinstance(value, str):
                raise PlacesDataError(f"{source}: {key}: expected a string")
            try:
                re.compile(value)
            except re.error as exc:
                raise PlacesDataError(f"{source}: {key}: bad regular expression ({exc})") from exc
        else:
            raise PlacesDataError(
                f"{source}: unknown key {key!r} (known: "
                f"{', '.join(sorted(REGION_TERM_LISTS | REGION_TERM_STRINGS))}, _note...)"
            )
    missing = [k for k in REGION_TERMS_REQUIRED if k not in data]
    if missing:
        raise PlacesDataError(f"{source}: missing key(s): {', '.join(missing)}")
    return data


def region_terms(path: Path | None = None) -> dict[str, Any]:
    path = path or data_path("region_terms.json")
    with path.open(encoding="utf-8") as fh:
        try:
            data = json.load(fh)
        except json.JSONDecodeError as exc:
            raise PlacesDataError(f"{path}: not valid JSON ({exc})") from exc
    return check_region_terms(data, str(path))


def data_rows(path: Path, columns: int) -> list[tuple[int, list[str]]]:
    """(line number, tab-separated fields) of a data file, comments and blank lines left
    out; a row with fewer than ``columns`` fields raises :class:`PlacesDataError`."""
    out: list[tuple[int, list[str]]] = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            if not line.strip() or line.startswith("#"):
                continue
            row = line.rstrip("\n").split("\t")
            if len(row) < columns:
                raise PlacesDataError(
                    f"{path}:{n}: expected {columns} tab-separated fields, got {len(row)}"
                )
            out.append((n, row))
    return out


def number(text: str, path: Path, line: int, what: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise PlacesDataError(f"{path}:{line}: {what}: expected a number, got {text!r}") from None


def one_of(text: str, allowed: frozenset[str], path: Path, line: int, what: str) -> str:
    if text not in allowed:
        raise PlacesDataError(
            f"{path}:{line}: {what}: expected one of {', '.join(sorted(allowed))}, got {text!r}"
        )
    return text


def _points(name: str) -> dict[str, tuple[float, float]]:
    path = data_path(name)
    return {
        r[0]: (number(r[1], path, n, "lat"), number(r[2], path, n, "lon"))
        for n, r in data_rows(path, 3)
    }


def load_country_points() -> dict[str, tuple[float, float]]:
    return _points("country_points.tsv")


def load_abbreviations() -> list[tuple[str, str]]:
    return [(r[0], r[1]) for _n, r in data_rows(data_path("abbreviations.tsv"), 2)]


def _data_rows(name: str) -> list[list[str]]:
    """Tab-separated rows of a packaged data file, comments and blank lines left out."""
    return [r for _n, r in data_rows(data_path(name), 1)]


def load_admin1_points() -> dict[str, tuple[float, float]]:
    """ISO 3166-2 code -> representative point, for regions whose towns would mislead."""
    return _points("admin1_points.tsv")


ALIAS_KINDS = frozenset({"abbr", "alias", "demonym"})


def load_aliases(path: Path | None = None) -> list[tuple[str, str, str]]:
    """(name, target, kind) rows of ``data/aliases.tsv``."""
    path = path or data_path("aliases.tsv")
    return [
        (r[0], r[1], one_of(r[2], ALIAS_KINDS, path, n, "kind")) for n, r in data_rows(path, 3)
    ]


def load_features() -> list[tuple[str, list[str], str, float, float, str | None]]:
    """(name, aliases, feature, lat, lon, country) of the oceans, seas and regions table."""
    path = data_path("features.tsv")
    return [
        (r[0], [a for a in r[1].split("|") if a], one_of(r[2], TABLE_FEATURES, path, n, "feature"),
         number(r[3], path, n, "lat"), number(r[4], path, n, "lon"),
         (r[5] if len(r) > 5 and r[5] else None))
        for n, r in data_rows(path, 5)
    ]


def load_word_set(path: Path) -> set[str]:
    """One word or phrase a line (``common_words.txt``); comments and blank lines left out."""
    with path.open(encoding="utf-8") as fh:
        return {w.strip() for w in fh if w.strip() and not w.startswith("#")}


def compact(text: str) -> str:
    return "".join(text.split())


@lru_cache(maxsize=1)
def abbreviation_targets() -> dict[str, frozenset[str]]:
    """Abbreviations exactly as written ("W.Va.", "L.A.") -> what they name (ISO 3166-2
    codes, "geonames:<id>"): an abbreviation matches only in its own form, so "L.A." is not
    "La." (Louisiana)."""
    out: dict[str, set[str]] = defaultdict(set)
    for text, iso in load_abbreviations():
        out[compact(text)].add(iso)
    for name, target, kind in load_aliases():
        if kind == "abbr":
            out[compact(name)].add(target)
    return {k: frozenset(v) for k, v in out.items()}


def abbreviation_fits(text: str, e: Entry) -> bool:
    """``text`` is written as one of the abbreviations of place ``e``."""
    targets = abbreviation_targets().get(compact(text), frozenset())
    return (e.feature == "admin1" and e.admin1 in targets) or (
        f"geonames:{e.geonames_id}" in targets
    )
