"""The team's data tables of the places stage (``data/``): readers, one per file."""

from __future__ import annotations

import json
from collections import defaultdict
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from newsgraph.places.entry import Entry


def data_path(name: str) -> Path:
    return Path(str(resources.files("newsgraph.places") / "data" / name))


def region_terms() -> dict[str, Any]:
    with data_path("region_terms.json").open(encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    return data


def load_country_points() -> dict[str, tuple[float, float]]:
    out: dict[str, tuple[float, float]] = {}
    with data_path("country_points.tsv").open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip() or line.startswith("#"):
                continue
            iso2, lat, lon = line.rstrip("\n").split("\t")[:3]
            out[iso2] = (float(lat), float(lon))
    return out


def load_abbreviations() -> list[tuple[str, str]]:
    out = []
    with data_path("abbreviations.tsv").open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip() and not line.startswith("#"):
                parts = line.rstrip("\n").split("\t")
                out.append((parts[0], parts[1]))
    return out


def _data_rows(name: str) -> list[list[str]]:
    """Tab-separated rows of a packaged data file, comments and blank lines left out."""
    with data_path(name).open(encoding="utf-8") as fh:
        return [
            line.rstrip("\n").split("\t")
            for line in fh
            if line.strip() and not line.startswith("#")
        ]


def load_admin1_points() -> dict[str, tuple[float, float]]:
    """ISO 3166-2 code -> representative point, for regions whose towns would mislead."""
    return {r[0]: (float(r[1]), float(r[2])) for r in _data_rows("admin1_points.tsv")}


def load_aliases() -> list[tuple[str, str, str]]:
    """(name, target, kind) rows of ``data/aliases.tsv``."""
    return [(r[0], r[1], r[2]) for r in _data_rows("aliases.tsv")]


def load_features() -> list[tuple[str, list[str], str, float, float, str | None]]:
    """(name, aliases, feature, lat, lon, country) of the oceans, seas and regions table."""
    return [
        (r[0], [a for a in r[1].split("|") if a], r[2], float(r[3]), float(r[4]),
         (r[5] if len(r) > 5 and r[5] else None))
        for r in _data_rows("features.tsv")
    ]


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
