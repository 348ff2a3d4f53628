"""Read the store: ``select(con, kind, filters)`` yields plain dicts, one per record, streaming.

Each kind is a :class:`View`: the SQL it reads, the filters it accepts (applied in SQL, as
parameters) and how a row becomes the output dict. The keys are the stable
machine-readable output (README, "Output"); extra keys may be added,
never changed. Views over one table (events, quotes, mentions, runs) take their keys from
the record (:mod:`newsgraph.store.schema`), so a field added to the record shows up here.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import duckdb

from newsgraph.errors import NewsgraphError
from newsgraph.records import ArticleResult
from newsgraph.store.schema import TABLES, Table

FETCH = 1000  # rows fetched at a time

Row = dict[str, Any]


def _stream(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> Iterator[Row]:
    cur = con.execute(sql, params)
    names = [d[0] for d in cur.description or []]
    while True:
        rows = cur.fetchmany(FETCH)
        if not rows:
            return
        for row in rows:
            yield dict(zip(names, row, strict=True))


def _load(value: str | None) -> Any:
    return None if value is None else json.loads(value)


def _decode(table: Table, row: Row) -> Row:
    """A stored row with its JSON columns read back (a NULL list as [])."""
    for name, col in table.json_columns.items():
        if name in row:
            row[name] = _load(row[name]) or [] if col.many else _load(row[name])
    return row


# -- nested values as the listings show them
ACTOR_REF_KEYS = ("name", "country", "sector", "kind")
PLACE_REF_KEYS = ("name", "geonames_id", "country", "admin1", "lat", "lon", "precision", "basis")
SPEAKER_KEYS = ("name", "country", "sector", "start", "end")
CLUSTER_KEYS = (
    "story_id", "category", "mode", "sources", "targets", "place", "date", "date_range", "certainty",
    "claimed_by", "mentions", "articles", "outlets", "independent_outlets", "magnitudes", "conflicts",
    "merge_reason", "first_seen", "last_seen", "members",
)
CLUSTER_JSON = (
    "sources", "targets", "place", "date_range", "claimed_by", "articles", "outlets", "independent_outlets",
    "magnitudes", "conflicts", "merge_reason", "members",
)


def _actor_ref(ref: dict[str, Any] | None) -> dict[str, Any] | None:
    if ref is None:
        return None
    out = {k: ref.get(k) for k in ACTOR_REF_KEYS}
    for extra in ("start", "end", "actor_id"):
        if extra in ref:
            out[extra] = ref[extra]
    return out


def _actor_refs(refs: list[dict[str, Any]]) -> list[dict[str, Any] | None]:
    return [_actor_ref(r) for r in refs]


def _keys(keys: tuple[str, ...]) -> Callable[[dict[str, Any] | None], dict[str, Any] | None]:
    def pick(value: dict[str, Any] | None) -> dict[str, Any] | None:
        return {k: value.get(k) for k in keys} if value else None

    return pick


# -- filters
@dataclass(frozen=True)
class Filter:
    """A filter of a view: a SQL condition with one ``?`` parameter. Applied only when its
    value is given (not None, not empty)."""

    sql: str
    param: Callable[[Any], Any] = lambda v: v


def _register_casefold(con: duckdb.DuckDBPyConnection) -> None:
    """``ng_casefold(text)``: Python's casefold (what ``--speaker`` has always matched with)."""
    known = con.execute(
        "SELECT function_name FROM duckdb_functions() WHERE function_name = 'ng_casefold'"
    ).fetchall()
    if not known:
        con.create_function("ng_casefold", str.casefold, ["varchar"], "varchar")


@dataclass(frozen=True)
class View:
    """One kind of record the query layer lists."""

    kind: str
    sql: str  # SELECT ... FROM ...; {where} is replaced by the WHERE clause
    filters: dict[str, Filter] = field(default_factory=dict)
    where: tuple[str, ...] = ()  # conditions always applied
    table: str | None = None  # read every column of this table (JSON decoded) ...
    keys: tuple[str, ...] = ()  # ... these first (default: the table's order) ...
    hidden: tuple[str, ...] = ()  # ... except these
    added: tuple[str, ...] = ()  # ... then these columns the SQL joins in
    nested: dict[str, Callable[[Any], Any]] = field(default_factory=dict)  # key -> shaping
    needs_casefold: bool = False

    def query(self, filters: Mapping[str, Any]) -> tuple[str, list[Any]]:
        unknown = set(filters) - set(self.filters)
        if unknown:
            raise NewsgraphError(
                f"{self.kind}: unknown filter {', '.join(sorted(unknown))}; "
                f"choose from {', '.join(self.filters) or '(none)'}"
            )
        conditions, params = [], []
        for name, flt in self.filters.items():
            value = filters.get(name)
            if value:
                conditions.append(flt.sql)
                params.append(flt.param(value))
        conditions.extend(self.where)
        where = f"WHERE {' AND '.join(conditions)}" if conditions else ""
        return self.sql.replace("{where}", where), params

    @property
    def output_keys(self) -> tuple[str, ...]:
        """The keys of a table view's rows: ``keys``, then the table's other columns."""
        assert self.table is not None
        names = [c.name for c in TABLES[self.table].columns]
        ordered = (*self.keys, *(n for n in names if n not in self.keys), *self.added)
        return tuple(k for k in ordered if k not in self.hidden)

    def shaper(self) -> Callable[[Row], Row]:
        """Row -> output dict (JSON columns decoded, nested values shaped)."""
        if self.table is None:
            if not self.nested:
                return lambda row: row
            nested_only = self.nested
            return lambda row: {k: nested_only[k](v) if k in nested_only else v for k, v in row.items()}
        table, keys, nested = TABLES[self.table], self.output_keys, self.nested

        def shape(row: Row) -> Row:
            row = _decode(table, row)
            return {k: nested[k](row[k]) if k in nested else row[k] for k in keys}

        return shape


ARTICLE = Filter("article_id = ?")
MENTION_ARTICLE = Filter("m.article_id = ?")

VIEWS: dict[str, View] = {
    v.kind: v
    for v in (
        View(
            "events",
            """SELECT e.*, c.cluster_id FROM events e
               LEFT JOIN cluster_events c ON c.article_id = e.article_id AND c.idx = e.idx
               {where} ORDER BY e.article_id, e.idx""",
            {"article": Filter("e.article_id = ?")},
            table="events", hidden=("idx",), added=("cluster_id",),
            nested={
                "sources": _actor_refs, "targets": _actor_refs, "claimed_by": _actor_ref,
                "place": _keys(PLACE_REF_KEYS),
            },
        ),
        View(
            "quotes", "SELECT * FROM quotes {where} ORDER BY article_id, idx",
            {
                "article": ARTICLE,
                "speaker": Filter(
                    "contains(ng_casefold(json_extract_string(speaker, '$.name')), ?)", str.casefold
                ),
            },
            table="quotes", needs_casefold=True,
            keys=("article_id", "kind", "text", "start", "end", "speaker", "cue", "channel"),
            hidden=("idx", "cue_start", "cue_end"), nested={"speaker": _keys(SPEAKER_KEYS)},
        ),
        View(
            "places",
            """SELECT m.article_id, m.text, m."start", m."end", p.geonames_id, p.name, p.country,
                     p.admin1, p.lat, p.lon, p.feature, p."precision"
              FROM mentions m LEFT JOIN places p
                ON p.article_id = m.article_id AND p.id = m.place_id
              {where}
              ORDER BY m.article_id, m."start" """,
            {"article": MENTION_ARTICLE}, where=("m.label = 'places'",),
        ),
        View(
            "actors",
            """SELECT m.article_id, m.text, m."start", m."end", a.name, a.country, a.sector,
                     COALESCE(a.kind, m.kind) AS kind, m.actor_id
              FROM mentions m LEFT JOIN actors a
                ON a.article_id = m.article_id AND a.id = m.actor_id
              {where}
              ORDER BY m.article_id, m."start" """,
            {"article": MENTION_ARTICLE}, where=("m.label = 'actors'",),
        ),
        View(
            "dates",
            """SELECT article_id, text, "start", "end", value, "precision" FROM dates {where}
              ORDER BY article_id, "start" """,
            {"article": ARTICLE},
        ),
        View(
            "mentions", """SELECT * FROM mentions {where} ORDER BY article_id, "start", "end" """,
            {"article": ARTICLE}, table="mentions",
        ),
        View(
            "articles",
            """SELECT a.id, a.published, a.source, a.title, a.url, length(a.text) AS chars,
                    (SELECT count(*) FROM events e WHERE e.article_id = a.id) AS events,
                    a.input, s.story_id, s.duplicate_of
             FROM articles a LEFT JOIN story_articles s ON s.article_id = a.id
             {where} ORDER BY a.published NULLS LAST, a.id""",
            {"article": Filter("a.id = ?")},
        ),
        View(
            "failures",
            "SELECT run_id, input, stage, kind, message, article_id, failed_at FROM failures {where} "
            "ORDER BY failed_at, input",
            {"run": Filter("run_id = ?"), "article": ARTICLE},
        ),
        View("runs", "SELECT * FROM runs {where} ORDER BY id", table="runs"),
        View(
            "stories",
            """SELECT s.id AS story_id, s.title,
                    (SELECT list(m.article_id ORDER BY m.published NULLS LAST, m.article_id)
                       FROM story_articles m WHERE m.story_id = s.id) AS article_ids,
                    s.outlets, s.independent_outlets, s.first_seen, s.last_seen
             FROM stories s {where} ORDER BY s.first_seen NULLS LAST, s.id""",
            {"story": Filter("s.id = ?"), "min_articles": Filter("s.articles >= ?")},
            nested={"outlets": _load, "independent_outlets": _load},
        ),
        View(
            "clusters",
            f"""SELECT id AS cluster_id, {", ".join(CLUSTER_KEYS)} FROM event_clusters {{where}}
               ORDER BY first_seen NULLS LAST, id""",
            {"story": Filter("story_id = ?"), "min_articles": Filter("json_array_length(articles) >= ?")},
            nested={k: _load for k in CLUSTER_JSON},
        ),
        View(
            "story_articles",
            """SELECT m.story_id, m.article_id, m.published, m.outlet, a.title, m.credit, m.origin,
                    m.duplicate_of, m.duplicate_similarity, m.linked_to, m.similarity
             FROM story_articles m JOIN articles a ON a.id = m.article_id
             {where} ORDER BY m.published NULLS LAST, m.article_id""",
            {"story": Filter("m.story_id = ?")},
        ),
    )
}
KINDS: tuple[str, ...] = tuple(VIEWS)


def select(
    con: duckdb.DuckDBPyConnection,
    kind: str,
    filters: Mapping[str, Any] | None = None,
    *,
    limit: int | None = None,
) -> Iterator[Row]:
    """The records of one kind (see :data:`KINDS`), filtered in SQL, one dict per record."""
    view = VIEWS.get(kind)
    if view is None:
        raise NewsgraphError(f"unknown kind {kind!r}; choose from {', '.join(KINDS)}")
    sql, params = view.query(filters or {})
    if limit:
        sql += " LIMIT ?"
        params.append(int(limit))
    if view.needs_casefold and (filters or {}).get("speaker"):
        _register_casefold(con)
    shape = view.shaper()
    for row in _stream(con, sql, params):
        yield shape(row)


# -- the listing functions (one per kind; the CLI and scripts call these)
def events(con: duckdb.DuckDBPyConnection, article: str | None = None) -> Iterator[Row]:
    return select(con, "events", {"article": article})


def quotes(
    con: duckdb.DuckDBPyConnection, article: str | None = None, speaker: str | None = None
) -> Iterator[Row]:
    return select(con, "quotes", {"article": article, "speaker": speaker})


def places(con: duckdb.DuckDBPyConnection, article: str | None = None) -> Iterator[Row]:
    return select(con, "places", {"article": article})


def actors(con: duckdb.DuckDBPyConnection, article: str | None = None) -> Iterator[Row]:
    return select(con, "actors", {"article": article})


def dates(con: duckdb.DuckDBPyConnection, article: str | None = None) -> Iterator[Row]:
    return select(con, "dates", {"article": article})


def mentions(con: duckdb.DuckDBPyConnection, article: str | None = None) -> Iterator[Row]:
    return select(con, "mentions", {"article": article})


def articles(con: duckdb.DuckDBPyConnection, limit: int | None = None) -> Iterator[Row]:
    return select(con, "articles", limit=limit)


def failures(con: duckdb.DuckDBPyConnection, run: int | None = None) -> Iterator[Row]:
    return select(con, "failures", {"run": run})


def runs(con: duckdb.DuckDBPyConnection) -> Iterator[Row]:
    return select(con, "runs")


def stories(con: duckdb.DuckDBPyConnection, min_articles: int | None = None) -> Iterator[Row]:
    return select(con, "stories", {"min_articles": min_articles})


def clusters(
    con: duckdb.DuckDBPyConnection, story: str | None = None, min_articles: int | None = None
) -> Iterator[Row]:
    return select(con, "clusters", {"story": story, "min_articles": min_articles})


def story(con: duckdb.DuckDBPyConnection, story_id: str) -> Row | None:
    """One story with its articles (``members``) and their events, for a timeline."""
    found = list(select(con, "stories", {"story": story_id}))
    if not found:
        return None
    row = found[0]
    row["members"] = list(select(con, "story_articles", {"story": story_id}))
    ids = [m["article_id"] for m in row["members"]]
    view = VIEWS["events"]
    shape = view.shaper()
    by_article: dict[str, list[Row]] = {}
    for ev in _stream(
        con,
        """SELECT e.*, c.cluster_id FROM events e
           LEFT JOIN cluster_events c ON c.article_id = e.article_id AND c.idx = e.idx
           WHERE e.article_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY e.article_id, e.idx""",
        [ids],
    ):
        shaped = shape(ev)
        by_article.setdefault(shaped["article_id"], []).append(shaped)
    for m in row["members"]:
        m["events"] = by_article.get(m["article_id"], [])
    row["clusters"] = list(select(con, "clusters", {"story": story_id, "min_articles": 2}))
    return row


def story_ids_like(con: duckdb.DuckDBPyConnection, prefix: str) -> list[str]:
    rows = con.execute(
        "SELECT id FROM stories WHERE id = ? OR id LIKE ? ORDER BY id LIMIT 5", [prefix, prefix + "%"]
    ).fetchall()
    return [r[0] for r in rows]


def article_ids_like(con: duckdb.DuckDBPyConnection, prefix: str) -> list[str]:
    rows = con.execute(
        "SELECT id FROM articles WHERE id = ? OR id LIKE ? ORDER BY id LIMIT 5", [prefix, prefix + "%"]
    ).fetchall()
    return [r[0] for r in rows]


def _records(con: duckdb.DuckDBPyConnection, table: Table, where: str, article_id: str) -> Iterator[Any]:
    order = f" ORDER BY {table.order_by}" if table.order_by else ""
    sql = f"SELECT * FROM {table.name} WHERE {where} = ?{order}"
    fields = {c.name for c in table.columns if c.in_record}
    for row in _stream(con, sql, [article_id]):
        values = {k: v for k, v in _decode(table, row).items() if k in fields}
        yield table.record(**values)


def load_result(con: duckdb.DuckDBPyConnection, article_id: str) -> ArticleResult | None:
    """The stored records of one article, as an ArticleResult."""
    found = list(_records(con, TABLES["articles"], "id", article_id))
    if not found:
        return None
    result = ArticleResult(article=found[0])
    for name in ("sentences", "mentions", "actors", "places", "dates", "quotes", "events"):
        getattr(result, name).extend(_records(con, TABLES[name], "article_id", article_id))
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
