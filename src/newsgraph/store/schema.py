"""The DuckDB schema, built from the records, and its numbered migrations.

Each table is one record of :mod:`newsgraph.records` plus the columns the store adds
(``idx``, ``run_id``, ``failed_at``): the columns come from the record's fields, so the
DDL, the writer's columns (:mod:`newsgraph.store.db`) and the rows the query layer reads
(:mod:`newsgraph.store.queries`) all follow the record. Nested values (actor references,
spans, places: ``list`` and ``dict`` fields) are stored as JSON text.

A database remembers which migrations it has (table ``schema_migrations``); opening it
applies the missing ones in order. Migration ``N`` creates the tables and adds the columns
declared with ``since=N`` (``field(metadata=column(since=N))``), then runs its own
statements. A new field is therefore one edit in the record plus one entry in
:data:`MIGRATIONS`; never change what a released migration does.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from newsgraph.records import (
    COLUMN,
    Actor,
    Article,
    ClusterEvent,
    ColumnMeta,
    DateExpr,
    Event,
    EventCluster,
    Failure,
    Mention,
    Place,
    Quote,
    Run,
    Sentence,
    Story,
    StoryArticle,
    StoryTerm,
)

_SQL_TYPES: dict[type, str] = {str: "VARCHAR", int: "INTEGER", float: "DOUBLE", bool: "BOOLEAN"}


@dataclass(frozen=True)
class Column:
    name: str
    sql: str  # DuckDB type
    not_null: bool = False
    primary_key: bool = False
    json: bool = False  # a list or dict stored as JSON text
    many: bool = False  # JSON list: read back as [] when NULL
    since: int = 1
    default: str | None = None
    in_record: bool = True  # a field of the record (False: a column the store adds)

    def ddl(self) -> str:
        parts = [f'"{self.name}"', self.sql]
        if self.primary_key:
            parts.append("PRIMARY KEY")
        elif self.not_null:
            parts.append("NOT NULL")
        if self.default is not None:
            parts.append(f"DEFAULT {self.default}")
        return " ".join(parts)


def _python_type(annotation: Any) -> tuple[type, bool]:
    """The base type of an annotation (``X | None`` -> X) and whether it is a list."""
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        annotation = args[0]
    origin = typing.get_origin(annotation) or annotation
    return origin, origin is list


def record_columns(record: type) -> list[Column]:
    """One column per field of ``record``, in field order."""
    hints = typing.get_type_hints(record)
    columns = []
    for f in dataclasses.fields(record):
        meta: ColumnMeta = f.metadata.get(COLUMN, ColumnMeta())
        base, many = _python_type(hints[f.name])
        json = base in (list, dict)
        sql = meta.sql or ("VARCHAR" if json else _SQL_TYPES[base])
        columns.append(
            Column(
                f.name, sql, not_null=meta.not_null, primary_key=meta.primary_key, json=json,
                many=many, since=meta.since, default=meta.default,
            )
        )
    return columns


@dataclass(frozen=True)
class Table:
    """A table holding one record per row.

    ``first`` names the columns that lead the table (the order of the first schema); the
    record's other fields follow in field order, then ``extra`` columns not named in
    ``first``. A column added later (``since`` > 1) is appended by its migration, so it
    comes last in every database, new or migrated.
    """

    name: str
    record: type
    extra: tuple[Column, ...] = ()
    first: tuple[str, ...] = ()
    order_by: str = ""  # ORDER BY of one article's rows (load_result)
    per_article: bool = True  # rows derived from one article, keyed by article_id
    since: int = 1
    columns: tuple[Column, ...] = field(init=False)

    def __post_init__(self) -> None:
        by_name = {c.name: c for c in record_columns(self.record)}
        by_name.update({c.name: dataclasses.replace(c, in_record=False) for c in self.extra})
        names = [*self.first, *(n for n in by_name if n not in self.first)]
        cols = sorted((by_name[n] for n in names), key=lambda c: c.since)  # stable: keeps order
        object.__setattr__(self, "columns", tuple(cols))

    def columns_at(self, version: int) -> Iterator[Column]:
        return (c for c in self.columns if c.since <= version)

    def create(self, version: int) -> str:
        body = ", ".join(c.ddl() for c in self.columns_at(version))
        return f"CREATE TABLE {self.name} ({body})"

    @property
    def json_columns(self) -> dict[str, Column]:
        return {c.name: c for c in self.columns if c.json}


def _int(name: str, *, not_null: bool = False) -> Column:
    return Column(name, "INTEGER", not_null=not_null)


_EVENT_FIRST = (
    "article_id", "idx", "category", "mode", "context", "cameo_root", "quad_class", "intensity",
    "sources", "targets", "place", "date", "date_precision", "certainty", "claimed_by", "items",
)

TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        Table(
            "articles", Article, extra=(_int("run_id"),), per_article=False,
            first=("id", "url", "source", "title", "published", "published_precision", "language", "text"),
        ),
        Table("sentences", Sentence, order_by="idx"),
        Table("mentions", Mention, order_by='"start"'),
        Table("actors", Actor, first=("article_id",), order_by="id"),
        Table("places", Place, first=("article_id",), order_by="id"),
        Table("dates", DateExpr, order_by='"start"'),
        Table("quotes", Quote, extra=(_int("idx", not_null=True),), first=("article_id", "idx"), order_by="idx"),
        Table("events", Event, extra=(_int("idx", not_null=True),), first=_EVENT_FIRST, order_by="idx"),
        Table("runs", Run, per_article=False),
        Table(
            "failures", Failure, extra=(_int("run_id"), Column("failed_at", "VARCHAR")),
            first=("run_id",), per_article=False,
        ),
        Table("stories", Story, per_article=False, since=3),
        Table("story_articles", StoryArticle, per_article=False, since=3),
        Table("story_terms", StoryTerm, per_article=False, since=3),
        Table("event_clusters", EventCluster, per_article=False, since=4),
        Table("cluster_events", ClusterEvent, per_article=False, since=4),
    )
}

# Tables holding rows derived from one article (replaced together when it changes).
ARTICLE_TABLES: tuple[str, ...] = tuple(n for n, t in TABLES.items() if t.per_article)


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    before: tuple[str, ...] = ()  # statements run before the tables and columns of this version
    after: tuple[str, ...] = ()  # statements run after them (indexes, backfills)


MIGRATIONS: list[Migration] = [
    Migration(
        1,
        "initial schema: articles, sentences, mentions, actors, places, dates, quotes, events, failures, runs",
        before=("CREATE SEQUENCE runs_id START 1",),
        after=(
            "CREATE INDEX sentences_article ON sentences (article_id)",
            "CREATE INDEX mentions_article ON mentions (article_id)",
            "CREATE INDEX events_article ON events (article_id)",
        ),
    ),
    Migration(2, "events.magnitudes: the counts of an event (killed, injured, arrested, ...)"),
    Migration(
        3,
        "stories: stories, story_articles (story, duplicate link, origin), story_terms (document frequencies)",
        after=("CREATE INDEX story_articles_story ON story_articles (story_id)",),
    ),
    Migration(
        4,
        "event clusters: event_clusters (one row per cluster), cluster_events (event -> cluster)",
        after=(
            "CREATE INDEX event_clusters_story ON event_clusters (story_id)",
            "CREATE INDEX cluster_events_story ON cluster_events (story_id)",
            "CREATE INDEX cluster_events_event ON cluster_events (article_id, idx)",
        ),
    ),
]

LATEST_VERSION = MIGRATIONS[-1].version


def statements(migration: Migration, tables: dict[str, Table] | None = None) -> list[str]:
    """The SQL of one migration: its own statements around the tables and columns it adds."""
    tables = TABLES if tables is None else tables
    v = migration.version
    sql = list(migration.before)
    for table in tables.values():
        if table.since == v:
            sql.append(table.create(v))
        elif table.since < v:
            sql.extend(
                f"ALTER TABLE {table.name} ADD COLUMN {c.ddl()}" for c in table.columns if c.since == v
            )
    sql.extend(migration.after)
    return sql


def check(tables: dict[str, Table] | None = None, migrations: list[Migration] | None = None) -> None:
    """Every column and table belongs to a declared migration (run by the tests)."""
    tables = TABLES if tables is None else tables
    versions = {m.version for m in (MIGRATIONS if migrations is None else migrations)}
    for table in tables.values():
        for v in {table.since, *(c.since for c in table.columns)}:
            if v not in versions:
                raise ValueError(f"table {table.name}: schema version {v} has no migration")
