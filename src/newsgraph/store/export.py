"""Exports of the store: every table as Parquet, CSV or JSON Lines; events as a CAMEO/GDELT-style TSV.

The tabular event export follows the GDELT event layout where it can (date, actor country
and sector codes, CAMEO root and quad class, location), with ISO 3166-1 alpha-3 country
codes instead of FIPS, plus newsgraph's own certainty, claimant and evidence columns.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import duckdb

from newsgraph.errors import NewsgraphError
from newsgraph.store import queries
from newsgraph.store.schema import ARTICLE_TABLES

TABLES: tuple[str, ...] = (
    "articles", *ARTICLE_TABLES, "failures", "runs", "stories", "story_articles", "event_clusters", "cluster_events",
)
FORMATS: dict[str, str] = {"parquet": "parquet", "csv": "csv", "jsonl": "json"}

CAMEO_COLUMNS: tuple[str, ...] = (
    "article_id", "event_index", "date", "date_precision", "source_name", "source_country",
    "source_sector", "target_name", "target_country", "target_sector", "plover_category",
    "plover_mode", "cameo_root", "quad_class", "intensity", "certainty", "claimed_by",
    "place_name", "place_country", "place_admin1", "place_lat", "place_lon", "place_geonames_id",
    "trigger", "sentence_start", "sentence_end", "url",
)


def export_tables(
    con: duckdb.DuckDBPyConnection, out_dir: Path, fmt: str, tables: Iterable[str] = TABLES
) -> list[Path]:
    """Write each table to ``out_dir/<table>.<ext>``; returns the files written."""
    if fmt not in FORMATS:
        raise NewsgraphError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}, cameo")
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for table in tables:
        if table not in TABLES:
            raise NewsgraphError(f"unknown table {table!r}; choose from {', '.join(TABLES)}")
        path = out_dir / f"{table}.{fmt}"
        target = str(path).replace("'", "''")
        con.execute(f"COPY (SELECT * FROM {table}) TO '{target}' (FORMAT {FORMATS[fmt]})")
        written.append(path)
    return written


def _first(refs: list[dict[str, Any]]) -> dict[str, Any]:
    return refs[0] if refs else {}


def cameo_rows(con: duckdb.DuckDBPyConnection) -> Iterable[list[Any]]:
    urls = dict(con.execute("SELECT id, url FROM articles").fetchall())
    index: dict[str, int] = {}
    for ev in queries.events(con):
        aid = ev["article_id"]
        index[aid] = index.get(aid, -1) + 1
        src, tgt = _first(ev["sources"]), _first(ev["targets"])
        place = ev["place"] or {}
        claimed = ev["claimed_by"] or {}
        yield [
            aid, index[aid], ev["date"], ev["date_precision"],
            "; ".join(s.get("name") or "" for s in ev["sources"]), src.get("country"), src.get("sector"),
            "; ".join(t.get("name") or "" for t in ev["targets"]), tgt.get("country"), tgt.get("sector"),
            ev["category"], ev["mode"], ev["cameo_root"], ev["quad_class"], ev["intensity"],
            ev["certainty"], claimed.get("name"), place.get("name"), place.get("country"),
            place.get("admin1"), place.get("lat"), place.get("lon"), place.get("geonames_id"),
            (ev["trigger"] or {}).get("text"), (ev["sentence"] or {}).get("start"),
            (ev["sentence"] or {}).get("end"), urls.get(aid),
        ]


def export_cameo(con: duckdb.DuckDBPyConnection, path: Path) -> int:
    """Events as a tab-separated file with a header row; returns the number of events."""
    path.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, delimiter="\t", lineterminator="\n")
        writer.writerow(CAMEO_COLUMNS)
        for row in cameo_rows(con):
            writer.writerow(["" if v is None else v for v in row])
            n += 1
    return n
