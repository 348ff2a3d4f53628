"""The DuckDB store: the only code that writes to the database."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import duckdb

from newsgraph import __version__
from newsgraph.errors import NewsgraphError
from newsgraph.records import ArticleResult, Failure
from newsgraph.store import schema
from newsgraph.store.schema import ARTICLE_TABLES, Table

DEFAULT_DB = "newsgraph.duckdb"


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


def _row(
    table: Table, record: Any, added: dict[str, Any], article_id: str | None = None
) -> tuple[Any, ...]:
    """One row of ``table``: the record's fields (lists and dicts as JSON text), ``added`` for
    the columns the store adds, and ``article_id`` (when given) for the record's own."""
    return tuple(
        added[c.name] if not c.in_record
        else article_id if article_id is not None and c.name == "article_id"
        else _json(getattr(record, c.name)) if c.json
        else getattr(record, c.name)
        for c in table.columns
    )


def _rows(result: ArticleResult, run_id: int | None) -> dict[str, list[tuple[Any, ...]]]:
    """The rows of one article, by table. Child rows carry the article's id; quotes and
    events are numbered in article order (``idx``)."""
    aid = result.article.id
    out = {"articles": [_row(schema.TABLES["articles"], result.article, {"run_id": run_id})]}
    for name in ARTICLE_TABLES:
        table = schema.TABLES[name]
        records = getattr(result, name)
        out[name] = [_row(table, r, {"idx": i}, aid) for i, r in enumerate(records)]
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
        if version > schema.LATEST_VERSION:
            raise NewsgraphError(
                f"{self.path} has schema version {version}, newer than this newsgraph "
                f"({schema.LATEST_VERSION}). Upgrade newsgraph."
            )
        if version < schema.LATEST_VERSION:
            raise NewsgraphError(
                f"{self.path} has schema version {version}; run `newsgraph ingest` or "
                f"`newsgraph migrate --db {self.path}` to upgrade it to {schema.LATEST_VERSION}."
            )

    def migrate(self) -> int:
        """Apply missing migrations; returns the schema version."""
        self.con.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations "
            "(version INTEGER PRIMARY KEY, description VARCHAR, applied_at VARCHAR)"
        )
        current = self.schema_version()
        if current > schema.LATEST_VERSION:
            self._check_version()
        for migration in schema.MIGRATIONS:
            if migration.version <= current:
                continue
            self.con.execute("BEGIN TRANSACTION")
            try:
                for sql in schema.statements(migration):
                    self.con.execute(sql)
                self.con.execute(
                    "INSERT INTO schema_migrations VALUES (?, ?, ?)",
                    [migration.version, migration.description, _now()],
                )
                self.con.execute("COMMIT")
            except Exception:
                self.con.execute("ROLLBACK")
                raise
        return schema.LATEST_VERSION

    # -- writing ----------------------------------------------------------------------
    def _insert(self, table: str, rows: Sequence[tuple[Any, ...]]) -> None:
        if not rows:
            return
        # Whole columns at once (INSERT ... SELECT unnest(list), ...): far faster in DuckDB
        # than row-by-row executemany.
        columns = schema.TABLES[table].columns
        values = [list(col) for col in zip(*rows, strict=True)]
        names = ", ".join(f'"{c.name}"' for c in columns)
        selects = ", ".join(f"unnest(${i + 1}::{c.sql}[])" for i, c in enumerate(columns))
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
        batch: dict[str, list[tuple[Any, ...]]] = {t: [] for t in ("articles", *ARTICLE_TABLES)}
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
        table = schema.TABLES["failures"]
        self._insert("failures", [_row(table, f, {"run_id": run_id, "failed_at": at}) for f in failures])

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

    # -- reading ----------------------------------------------------------------------
    def select(
        self, kind: str, filters: Mapping[str, Any] | None = None, *, limit: int | None = None
    ) -> Iterator[dict[str, Any]]:
        """Records of one kind as dicts, filtered in SQL (see :func:`newsgraph.store.queries.select`)."""
        from newsgraph.store.queries import select

        return select(self.con, kind, filters, limit=limit)

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
