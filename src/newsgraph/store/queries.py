"""Read the store: each function yields plain dicts, one per record, streaming.

The keys of the listing functions are the stable machine-readable output of
ARCHITECTURE.md ("Machine-readable output"); extra keys may be added, never changed.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import duckdb

from newsgraph.records import (
    Actor,
    Article,
    ArticleResult,
    DateExpr,
    Event,
    Mention,
    Place,
    Quote,
    Sentence,
)

FETCH = 1000  # rows fetched at a time


def _stream(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> Iterator[dict[str, Any]]:
    cur = con.execute(sql, params)
    names = [d[0] for d in cur.description or []]
    while True:
        rows = cur.fetchmany(FETCH)
        if not rows:
            return
        for row in rows:
            yield dict(zip(names, row, strict=True))


def _where(article: str | None, column: str = "article_id") -> tuple[str, list[Any]]:
    return (f"WHERE {column} = ?", [article]) if article else ("", [])


def _load(value: str | None) -> Any:
    return None if value is None else json.loads(value)


def _actor_ref(ref: dict[str, Any] | None) -> dict[str, Any] | None:
    if ref is None:
        return None
    out = {k: ref.get(k) for k in ("name", "country", "sector", "kind")}
    for extra in ("start", "end", "actor_id"):
        if extra in ref:
            out[extra] = ref[extra]
    return out


def events(con: duckdb.DuckDBPyConnection, article: str | None = None) -> Iterator[dict[str, Any]]:
    where, params = _where(article)
    sql = f"SELECT * FROM events {where} ORDER BY article_id, idx"
    for row in _stream(con, sql, params):
        place = _load(row["place"])
        claimed = _load(row["claimed_by"])
        yield {
            "article_id": row["article_id"],
            "category": row["category"],
            "mode": row["mode"],
            "context": row["context"],
            "cameo_root": row["cameo_root"],
            "quad_class": row["quad_class"],
            "intensity": row["intensity"],
            "sources": [_actor_ref(s) for s in _load(row["sources"]) or []],
            "targets": [_actor_ref(t) for t in _load(row["targets"]) or []],
            "place": (
                {k: place.get(k) for k in ("name", "geonames_id", "country", "admin1", "lat", "lon", "precision")}
                if place
                else None
            ),
            "date": row["date"],
            "date_precision": row["date_precision"],
            "certainty": row["certainty"],
            "claimed_by": _actor_ref(claimed),
            "items": _load(row["items"]) or [],
            "trigger": _load(row["trigger"]),
            "sentence": _load(row["sentence"]),
            "rule": row["rule"],
            "confidence": row["confidence"],
        }


def quotes(
    con: duckdb.DuckDBPyConnection, article: str | None = None, speaker: str | None = None
) -> Iterator[dict[str, Any]]:
    where, params = _where(article)
    sql = f"SELECT * FROM quotes {where} ORDER BY article_id, idx"
    needle = speaker.casefold() if speaker else None
    for row in _stream(con, sql, params):
        spk = _load(row["speaker"])
        if needle is not None and (not spk or needle not in str(spk.get("name") or "").casefold()):
            continue
        yield {
            "article_id": row["article_id"],
            "kind": row["kind"],
            "text": row["text"],
            "start": row["start"],
            "end": row["end"],
            "speaker": (
                {k: spk.get(k) for k in ("name", "country", "sector", "start", "end")} if spk else None
            ),
            "cue": row["cue"],
            "channel": row["channel"],
        }


def places(con: duckdb.DuckDBPyConnection, article: str | None = None) -> Iterator[dict[str, Any]]:
    where, params = _where(article, "m.article_id")
    sql = f"""SELECT m.article_id, m.text, m."start", m."end", p.geonames_id, p.name, p.country,
                     p.admin1, p.lat, p.lon, p.feature, p."precision"
              FROM mentions m LEFT JOIN places p
                ON p.article_id = m.article_id AND p.id = m.place_id
              {where} {"AND" if where else "WHERE"} m.label = 'places'
              ORDER BY m.article_id, m."start" """
    yield from _stream(con, sql, params)


def actors(con: duckdb.DuckDBPyConnection, article: str | None = None) -> Iterator[dict[str, Any]]:
    where, params = _where(article, "m.article_id")
    sql = f"""SELECT m.article_id, m.text, m."start", m."end", a.name, a.country, a.sector,
                     COALESCE(a.kind, m.kind) AS kind, m.actor_id
              FROM mentions m LEFT JOIN actors a
                ON a.article_id = m.article_id AND a.id = m.actor_id
              {where} {"AND" if where else "WHERE"} m.label = 'actors'
              ORDER BY m.article_id, m."start" """
    yield from _stream(con, sql, params)


def dates(con: duckdb.DuckDBPyConnection, article: str | None = None) -> Iterator[dict[str, Any]]:
    where, params = _where(article)
    sql = f"""SELECT article_id, text, "start", "end", value, "precision" FROM dates {where}
              ORDER BY article_id, "start" """
    yield from _stream(con, sql, params)


def mentions(con: duckdb.DuckDBPyConnection, article: str | None = None) -> Iterator[dict[str, Any]]:
    where, params = _where(article)
    sql = f"""SELECT * FROM mentions {where} ORDER BY article_id, "start", "end" """
    yield from _stream(con, sql, params)


def articles(con: duckdb.DuckDBPyConnection, limit: int | None = None) -> Iterator[dict[str, Any]]:
    sql = """SELECT a.id, a.published, a.source, a.title, a.url, length(a.text) AS chars,
                    (SELECT count(*) FROM events e WHERE e.article_id = a.id) AS events,
                    a.input
             FROM articles a ORDER BY a.published NULLS LAST, a.id"""
    if limit:
        sql += f" LIMIT {int(limit)}"
    yield from _stream(con, sql, [])


def failures(con: duckdb.DuckDBPyConnection, run: int | None = None) -> Iterator[dict[str, Any]]:
    where, params = ("WHERE run_id = ?", [run]) if run else ("", [])
    sql = f"SELECT run_id, input, stage, kind, message, article_id, failed_at FROM failures {where} ORDER BY failed_at, input"
    yield from _stream(con, sql, params)


def runs(con: duckdb.DuckDBPyConnection) -> Iterator[dict[str, Any]]:
    yield from _stream(con, "SELECT * FROM runs ORDER BY id", [])


def article_ids_like(con: duckdb.DuckDBPyConnection, prefix: str) -> list[str]:
    rows = con.execute(
        "SELECT id FROM articles WHERE id = ? OR id LIKE ? ORDER BY id LIMIT 5", [prefix, prefix + "%"]
    ).fetchall()
    return [r[0] for r in rows]


def load_result(con: duckdb.DuckDBPyConnection, article_id: str) -> ArticleResult | None:
    """The stored records of one article, as an ArticleResult."""
    rows = list(_stream(con, "SELECT * FROM articles WHERE id = ?", [article_id]))
    if not rows:
        return None
    r = rows[0]
    article = Article(
        id=r["id"], text=r["text"], url=r["url"], source=r["source"], title=r["title"],
        published=r["published"], published_precision=r["published_precision"],
        language=r["language"], input=r["input"], content_hash=r["content_hash"],
        ingested_at=r["ingested_at"],
    )
    p = [article_id]
    result = ArticleResult(article=article)
    for s in _stream(con, "SELECT * FROM sentences WHERE article_id = ? ORDER BY idx", p):
        result.sentences.append(Sentence(**s))
    for m in _stream(con, 'SELECT * FROM mentions WHERE article_id = ? ORDER BY "start"', p):
        result.mentions.append(Mention(**m))
    for a in _stream(con, "SELECT * FROM actors WHERE article_id = ? ORDER BY id", p):
        a["aliases"] = _load(a["aliases"]) or []
        result.actors.append(Actor(**a))
    for pl in _stream(con, "SELECT * FROM places WHERE article_id = ? ORDER BY id", p):
        result.places.append(Place(**pl))
    for d in _stream(con, 'SELECT * FROM dates WHERE article_id = ? ORDER BY "start"', p):
        result.dates.append(DateExpr(**d))
    for q in _stream(con, "SELECT * FROM quotes WHERE article_id = ? ORDER BY idx", p):
        q.pop("idx")
        q["speaker"] = _load(q["speaker"])
        result.quotes.append(Quote(**q))
    for e in _stream(con, "SELECT * FROM events WHERE article_id = ? ORDER BY idx", p):
        e.pop("idx")
        for key in ("sources", "targets", "items"):
            e[key] = _load(e[key]) or []
        for key in ("place", "claimed_by", "trigger", "sentence"):
            e[key] = _load(e[key])
        result.events.append(Event(**e))
    return result


def stats(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    def one(sql: str) -> Any:
        row = con.execute(sql).fetchone()
        return row[0] if row else None

    def pairs(sql: str) -> list[tuple[Any, Any]]:
        return [(r[0], r[1]) for r in con.execute(sql).fetchall()]

    return {
        "articles": one("SELECT count(*) FROM articles"),
        "sentences": one("SELECT count(*) FROM sentences"),
        "mentions": one("SELECT count(*) FROM mentions"),
        "mentions_by_kind": pairs(
            "SELECT kind, count(*) FROM mentions GROUP BY kind ORDER BY count(*) DESC, kind"
        ),
        "actors": one("SELECT count(*) FROM actors"),
        "places": one("SELECT count(*) FROM places"),
        "dates": one("SELECT count(*) FROM dates"),
        "quotes": one("SELECT count(*) FROM quotes"),
        "events": one("SELECT count(*) FROM events"),
        "events_by_category": pairs(
            "SELECT category, count(*) FROM events GROUP BY category ORDER BY count(*) DESC, category"
        ),
        "events_by_certainty": pairs(
            "SELECT certainty, count(*) FROM events GROUP BY certainty ORDER BY count(*) DESC, certainty"
        ),
        "top_actors": pairs(
            """SELECT name || COALESCE(' (' || country || COALESCE(' ' || sector, '') || ')', ''),
                      count(*) FROM actors WHERE name IS NOT NULL
               GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 10"""
        ),
        "top_places": pairs(
            """SELECT name || COALESCE(' (' || country || ')', ''), count(*) FROM places
               GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 10"""
        ),
        "failures": one("SELECT count(*) FROM failures"),
        "failures_by_kind": pairs(
            "SELECT kind, count(*) FROM failures GROUP BY kind ORDER BY count(*) DESC, kind"
        ),
        "runs": one("SELECT count(*) FROM runs"),
    }
