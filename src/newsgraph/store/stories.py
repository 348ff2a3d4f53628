"""The store side of stories: what the clustering reads and the rows it writes.

Only this module (with :mod:`newsgraph.store.db`) writes to the database; the clustering
itself is :mod:`newsgraph.stories`.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from typing import Any

import duckdb

from newsgraph.records import StoryArticle
from newsgraph.store.db import _now, _row
from newsgraph.store.schema import TABLES

Row = dict[str, Any]


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any] = ()) -> list[Row]:
    cur = con.execute(sql, list(params))
    names = [d[0] for d in cur.description or []]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


def clear(con: duckdb.DuckDBPyConnection) -> None:
    """Forget every story (``stories build --full``)."""
    for table in ("story_articles", "stories", "story_terms"):
        con.execute(f"DELETE FROM {table}")


def drop_stale(con: duckdb.DuckDBPyConnection) -> set[str]:
    """Remove the story rows of articles deleted or changed since they were clustered;
    returns the stories they belonged to."""
    stale = _rows(
        con,
        """SELECT s.article_id, s.story_id FROM story_articles s LEFT JOIN articles a ON a.id = s.article_id
           WHERE a.id IS NULL OR a.content_hash IS DISTINCT FROM s.content_hash""",
    )
    if stale:
        con.execute(
            "DELETE FROM story_articles WHERE article_id IN (SELECT unnest($1::VARCHAR[]))",
            [[r["article_id"] for r in stale]],
        )
    return {r["story_id"] for r in stale}


def unclustered(con: duckdb.DuckDBPyConnection) -> list[Row]:
    """Articles with no story yet."""
    return _rows(
        con,
        """SELECT a.id, a.title, a.text, a.source, a.url, a.published, a.content_hash
           FROM articles a LEFT JOIN story_articles s ON s.article_id = a.id
           WHERE s.article_id IS NULL ORDER BY a.published NULLS LAST, a.id""",
    )


def lead_events(con: duckdb.DuckDBPyConnection, ids: list[str]) -> dict[str, tuple[str, str]]:
    """(date, category) of each article's first event, when that event is dated to the day."""
    rows = con.execute(
        """SELECT article_id, arg_min(date, idx), arg_min(date_precision, idx), arg_min(category, idx)
           FROM events WHERE article_id IN (SELECT unnest($1::VARCHAR[])) GROUP BY article_id""",
        [ids],
    ).fetchall()
    return {r[0]: (r[1], r[3]) for r in rows if r[2] == "day" and r[1]}


def document_frequencies(con: duckdb.DuckDBPyConnection) -> tuple[dict[str, int], int]:
    df = {r[0]: int(r[1]) for r in con.execute("SELECT term, df FROM story_terms").fetchall()}
    row = con.execute("SELECT count(*) FROM story_articles").fetchone()
    return df, int(row[0]) if row else 0


def members_between(con: duckdb.DuckDBPyConnection, low: dt.date | None, high: dt.date | None) -> list[Row]:
    """Clustered articles published in [low, high] (all when a bound is None), and undated ones."""
    where = ""
    params: list[Any] = []
    if low is not None and high is not None:
        where = "WHERE published IS NULL OR substr(published, 1, 10) BETWEEN ? AND ?"
        params = [low.isoformat(), high.isoformat()]
    rows = _rows(
        con,
        f"""SELECT article_id, story_id, duplicate_of, origin, published, lead_date, lead_category, terms, signature
            FROM story_articles {where}""",
        params,
    )
    for r in rows:
        r["terms"] = json.loads(r["terms"]) if r["terms"] else {}
        r["signature"] = json.loads(r["signature"]) if r["signature"] else []
    return rows


def write(
    con: duckdb.DuckDBPyConnection,
    members: Sequence[StoryArticle],
    df_changes: dict[str, int],
    stale_stories: Iterable[str] = (),
) -> None:
    """Store new members and document frequencies, and refresh the touched stories."""
    table = TABLES["story_articles"]
    con.execute("BEGIN TRANSACTION")
    try:
        if df_changes:
            terms = list(df_changes)
            con.execute(
                """INSERT INTO story_terms SELECT * FROM (SELECT unnest($1::VARCHAR[]) AS term, unnest($2::INTEGER[]) AS df)
                   ON CONFLICT (term) DO UPDATE SET df = story_terms.df + excluded.df""",
                [terms, [df_changes[t] for t in terms]],
            )
        _insert(con, "story_articles", [_row(table, m, {}) for m in members])
        refresh(con, {m.story_id for m in members} | set(stale_stories))
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: Sequence[tuple[Any, ...]]) -> None:
    """Whole columns at once, as :meth:`newsgraph.store.db.Store._insert` does."""
    if not rows:
        return
    columns = TABLES[table].columns
    values = [list(col) for col in zip(*rows, strict=True)]
    names = ", ".join(f'"{c.name}"' for c in columns)
    selects = ", ".join(f"unnest(${i + 1}::{c.sql}[])" for i, c in enumerate(columns))
    con.execute(f"INSERT INTO {table} ({names}) SELECT {selects}", values)


def refresh(con: duckdb.DuckDBPyConnection, story_ids: set[str]) -> None:
    """Recompute the ``stories`` rows of ``story_ids`` from their members."""
    ids = sorted(story_ids)
    if not ids:
        return
    con.execute("DELETE FROM stories WHERE id IN (SELECT unnest($1::VARCHAR[]))", [ids])
    con.execute(
        """INSERT INTO stories (id, title, first_seen, last_seen, articles, outlets, independent_outlets, updated_at)
           SELECT s.story_id,
                  coalesce(max(a.title) FILTER (WHERE a.id = s.story_id),
                           first(a.title ORDER BY s.published NULLS LAST, s.article_id)),
                  min(s.published), max(s.published), count(*),
                  to_json(list_sort(list_distinct(list(s.outlet) FILTER (WHERE s.outlet IS NOT NULL))))::VARCHAR,
                  to_json(list_sort(list_distinct(list(s.origin) FILTER (WHERE s.origin IS NOT NULL))))::VARCHAR,
                  $1
           FROM story_articles s JOIN articles a ON a.id = s.article_id
           WHERE s.story_id IN (SELECT unnest($2::VARCHAR[]))
           GROUP BY s.story_id""",
        [_now(), ids],
    )
