"""The DuckDB store: the only code that writes to the database."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import duckdb

from newsgraph import __version__
from newsgraph.errors import NewsgraphError
from newsgraph.records import ArticleResult, Failure
from newsgraph.store.schema import ARTICLE_TABLES, LATEST_VERSION, MIGRATIONS

DEFAULT_DB = "newsgraph.duckdb"


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


# Column types used to insert whole columns at once (INSERT ... SELECT unnest(list), ...):
# far faster in DuckDB than row-by-row executemany.
_COLUMNS: dict[str, list[tuple[str, str]]] = {
    "articles": [
        ("id", "VARCHAR"), ("url", "VARCHAR"), ("source", "VARCHAR"), ("title", "VARCHAR"),
        ("published", "VARCHAR"), ("published_precision", "VARCHAR"), ("language", "VARCHAR"),
        ("text", "VARCHAR"), ("input", "VARCHAR"), ("content_hash", "VARCHAR"),
        ("ingested_at", "VARCHAR"), ("run_id", "INTEGER"),
    ],
    "sentences": [
        ("article_id", "VARCHAR"), ("idx", "INTEGER"), ("start", "INTEGER"),
        ("end", "INTEGER"), ("text", "VARCHAR"),
    ],
    "mentions": [
        ("article_id", "VARCHAR"), ("start", "INTEGER"), ("end", "INTEGER"), ("text", "VARCHAR"),
        ("kind", "VARCHAR"), ("label", "VARCHAR"), ("actor_id", "VARCHAR"),
        ("place_id", "VARCHAR"),
    ],
    "actors": [
        ("article_id", "VARCHAR"), ("id", "VARCHAR"), ("name", "VARCHAR"),
        ("country", "VARCHAR"), ("sector", "VARCHAR"), ("kind", "VARCHAR"),
        ("aliases", "VARCHAR"), ("dictionary_id", "VARCHAR"),
    ],
    "places": [
        ("article_id", "VARCHAR"), ("id", "VARCHAR"), ("name", "VARCHAR"),
        ("geonames_id", "BIGINT"), ("country", "VARCHAR"), ("admin1", "VARCHAR"),
        ("lat", "DOUBLE"), ("lon", "DOUBLE"), ("feature", "VARCHAR"), ("precision", "INTEGER"),
    ],
    "dates": [
        ("article_id", "VARCHAR"), ("start", "INTEGER"), ("end", "INTEGER"), ("text", "VARCHAR"),
        ("value", "VARCHAR"), ("precision", "VARCHAR"),
    ],
    "quotes": [
        ("article_id", "VARCHAR"), ("idx", "INTEGER"), ("start", "INTEGER"), ("end", "INTEGER"),
        ("text", "VARCHAR"), ("kind", "VARCHAR"), ("speaker", "VARCHAR"), ("cue", "VARCHAR"),
        ("cue_start", "INTEGER"), ("cue_end", "INTEGER"), ("channel", "VARCHAR"),
    ],
    "events": [
        ("article_id", "VARCHAR"), ("idx", "INTEGER"), ("category", "VARCHAR"),
        ("mode", "VARCHAR"), ("context", "VARCHAR"), ("cameo_root", "VARCHAR"),
        ("quad_class", "INTEGER"), ("intensity", "DOUBLE"), ("sources", "VARCHAR"),
        ("targets", "VARCHAR"), ("place", "VARCHAR"), ("date", "VARCHAR"),
        ("date_precision", "VARCHAR"), ("certainty", "VARCHAR"), ("claimed_by", "VARCHAR"),
        ("items", "VARCHAR"), ("trigger", "VARCHAR"), ("sentence", "VARCHAR"),
        ("rule", "VARCHAR"), ("confidence", "DOUBLE"),
    ],
    "failures": [
        ("run_id", "INTEGER"), ("input", "VARCHAR"), ("stage", "VARCHAR"), ("kind", "VARCHAR"),
        ("message", "VARCHAR"), ("article_id", "VARCHAR"), ("failed_at", "VARCHAR"),
    ],
}


def _rows(result: ArticleResult, run_id: int | None) -> dict[str, list[tuple[Any, ...]]]:
    a = result.article
    aid = a.id
    out: dict[str, list[tuple[Any, ...]]] = {
        "articles": [(
            aid, a.url, a.source, a.title, a.published, a.published_precision, a.language,
            a.text, a.input, a.content_hash, a.ingested_at, run_id,
        )],
        "sentences": [(aid, s.idx, s.start, s.end, s.text) for s in result.sentences],
        "mentions": [
            (aid, m.start, m.end, m.text, m.kind, m.label, m.actor_id, m.place_id)
            for m in result.mentions
        ],
        "actors": [
            (aid, x.id, x.name, x.country, x.sector, x.kind, _json(x.aliases), x.dictionary_id)
            for x in result.actors
        ],
        "places": [
            (aid, p.id, p.name, p.geonames_id, p.country, p.admin1, p.lat, p.lon, p.feature,
             p.precision)
            for p in result.places
        ],
        "dates": [(aid, d.start, d.end, d.text, d.value, d.precision) for d in result.dates],
        "quotes": [
            (aid, i, q.start, q.end, q.text, q.kind, _json(q.speaker), q.cue, q.cue_start,
             q.cue_end, q.channel)
            for i, q in enumerate(result.quotes)
        ],
        "events": [
            (aid, i, e.category, e.mode, e.context, e.cameo_root, e.quad_class, e.intensity,
             _json(e.sources), _json(e.targets), _json(e.place), e.date, e.date_precision,
             e.certainty, _json(e.claimed_by), _json(e.items), _json(e.trigger),
             _json(e.sentence), e.rule, e.confidence)
            for i, e in enumerate(result.events)
        ],
    }
    return out


class Store:
    """An open newsgraph database. Use as a context manager or call :meth:`close`."""

    def __init__(self, path: str | Path = DEFAULT_DB, *, read_only: bool = False) -> None:
        self.path = str(path)
        if read_only and self.path != ":memory:" and not Path(self.path).exists():
            raise NewsgraphError(
                f"No database at {self.path}. Ingest articles first: newsgraph ingest PATH --db {self.path}"
            )
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            raise NewsgraphError(f"Cannot open database {self.path}: {exc}") from exc
        if read_only:
            self._check_version()
        else:
            self.migrate()

    # -- schema -----------------------------------------------------------------------
    def schema_version(self) -> int:
        exists = self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_migrations'"
        ).fetchone()
        if not exists or not exists[0]:
            return 0
        row = self.con.execute("SELECT max(version) FROM schema_migrations").fetchone()
        return int(row[0]) if row and row[0] is not None else 0

    def _check_version(self) -> None:
        version = self.schema_version()
        if version > LATEST_VERSION:
            raise NewsgraphError(
                f"{self.path} has schema version {version}, newer than this newsgraph "
                f"({LATEST_VERSION}). Upgrade newsgraph."
            )
        if version < LATEST_VERSION:
            raise NewsgraphError(
                f"{self.path} has schema version {version}; run `newsgraph ingest` or "
                f"`newsgraph migrate --db {self.path}` to upgrade it to {LATEST_VERSION}."
            )

    def migrate(self) -> int:
        """Apply missing migrations; returns the schema version."""
        self.con.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations "
            "(version INTEGER PRIMARY KEY, description VARCHAR, applied_at VARCHAR)"
        )
        current = self.schema_version()
        if current > LATEST_VERSION:
            self._check_version()
        for version, description, statements in MIGRATIONS:
            if version <= current:
                continue
            self.con.execute("BEGIN TRANSACTION")
            try:
                for sql in statements:
                    self.con.execute(sql)
                self.con.execute(
                    "INSERT INTO schema_migrations VALUES (?, ?, ?)", [version, description, _now()]
                )
                self.con.execute("COMMIT")
            except Exception:
                self.con.execute("ROLLBACK")
                raise
        return LATEST_VERSION

    # -- writing ----------------------------------------------------------------------
    def _insert(self, table: str, rows: Sequence[tuple[Any, ...]]) -> None:
        if not rows:
            return
        columns = _COLUMNS[table]
        values = [list(col) for col in zip(*rows, strict=True)]
        names = ", ".join(f'"{name}"' for name, _ in columns)
        selects = ", ".join(
            f"unnest(${i + 1}::{kind}[])" for i, (_name, kind) in enumerate(columns)
        )
        self.con.execute(f"INSERT INTO {table} ({names}) SELECT {selects}", values)

    def known_hashes(self, ids: Iterable[str]) -> dict[str, str]:
        """content_hash of each of ``ids`` already stored."""
        id_list = list(dict.fromkeys(ids))
        if not id_list:
            return {}
        rows = self.con.execute(
            "SELECT id, content_hash FROM articles WHERE id IN (SELECT unnest($1::VARCHAR[]))",
            [id_list],
        ).fetchall()
        return {r[0]: r[1] for r in rows}

    def write_results(
        self, results: Sequence[ArticleResult], *, run_id: int | None = None
    ) -> None:
        """Store a batch of articles in one transaction, replacing any stored version."""
        if not results:
            return
        # Last one wins when a batch holds two versions of one article.
        by_id = {r.article.id: r for r in results}
        batch: dict[str, list[tuple[Any, ...]]] = {t: [] for t in _COLUMNS}
        for result in by_id.values():
            for table, rows in _rows(result, run_id).items():
                batch[table].extend(rows)
        ids = list(by_id)
        self.con.execute("BEGIN TRANSACTION")
        try:
            for table in (*ARTICLE_TABLES, "articles"):
                key = "id" if table == "articles" else "article_id"
                self.con.execute(
                    f"DELETE FROM {table} WHERE {key} IN (SELECT unnest($1::VARCHAR[]))", [ids]
                )
            for table in ("articles", *ARTICLE_TABLES):
                self._insert(table, batch[table])
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise

    def write_failures(self, failures: Sequence[Failure], *, run_id: int | None = None) -> None:
        at = _now()
        self._insert(
            "failures",
            [(run_id, f.input, f.stage, f.kind, f.message, f.article_id, at) for f in failures],
        )

    def start_run(self, command: str) -> int:
        row = self.con.execute(
            "INSERT INTO runs (started_at, version, command, status) VALUES (?, ?, ?, 'running') "
            "RETURNING id",
            [_now(), __version__, command],
        ).fetchone()
        assert row is not None
        return int(row[0])

    def finish_run(self, run_id: int, counts: dict[str, int], status: str = "done") -> None:
        self.con.execute(
            """UPDATE runs SET finished_at = ?, inputs = ?, articles_new = ?,
               articles_updated = ?, articles_unchanged = ?, failures = ?, sentences = ?,
               mentions = ?, events = ?, status = ? WHERE id = ?""",
            [
                _now(), counts.get("inputs", 0), counts.get("new", 0), counts.get("updated", 0),
                counts.get("unchanged", 0), counts.get("failures", 0), counts.get("sentences", 0),
                counts.get("mentions", 0), counts.get("events", 0), status, run_id,
            ],
        )

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
