"""The store side of event clusters: the events of a set of stories in, the clusters out."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

import duckdb

from newsgraph.records import ClusterEvent, EventCluster
from newsgraph.store.db import _row
from newsgraph.store.schema import TABLES
from newsgraph.store.stories import _insert, _rows

Row = dict[str, Any]
_JSON = ("sources", "targets", "place", "claimed_by", "sentence", "magnitudes")


def clear(con: duckdb.DuckDBPyConnection) -> None:
    for table in ("event_clusters", "cluster_events"):
        con.execute(f"DELETE FROM {table}")


def story_events(con: duckdb.DuckDBPyConnection, story_ids: Iterable[str]) -> dict[str, list[Row]]:
    """Story id -> the events of its articles, with each article's publication, outlet, origin."""
    ids = sorted(set(story_ids))
    rows = _rows(
        con,
        """SELECT s.story_id, e.article_id, e.idx, e.category, e.mode, e.sources, e.targets, e.place,
                  e.date, e.date_precision, e.certainty, e.claimed_by, e.sentence, e.magnitudes,
                  s.published, s.outlet, s.origin
           FROM events e JOIN story_articles s ON s.article_id = e.article_id
           WHERE s.story_id IN (SELECT unnest($1::VARCHAR[]))""",
        [ids],
    ) if ids else []
    out: dict[str, list[Row]] = {i: [] for i in ids}
    for r in rows:
        for key in _JSON:
            r[key] = json.loads(r[key]) if r[key] else None
        out[r["story_id"]].append(r)
    return out


def write(con: duckdb.DuckDBPyConnection, story_ids: Iterable[str], clusters: Sequence[EventCluster]) -> None:
    """Replace the clusters of ``story_ids`` (and drop those of articles gone) by ``clusters``."""
    ids = sorted(set(story_ids))
    con.execute("BEGIN TRANSACTION")
    try:
        for table in ("event_clusters", "cluster_events"):
            con.execute(f"DELETE FROM {table} WHERE story_id IN (SELECT unnest($1::VARCHAR[]))", [ids])
        con.execute("DELETE FROM cluster_events WHERE article_id NOT IN (SELECT article_id FROM story_articles)")
        con.execute("DELETE FROM event_clusters WHERE story_id NOT IN (SELECT story_id FROM story_articles)")
        links = [
            ClusterEvent(article_id=m["article_id"], idx=m["idx"], cluster_id=c.id, story_id=c.story_id)
            for c in clusters for m in c.members
        ]
        _insert(con, "event_clusters", [_row(TABLES["event_clusters"], c, {}) for c in clusters])
        _insert(con, "cluster_events", [_row(TABLES["cluster_events"], link, {}) for link in links])
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
