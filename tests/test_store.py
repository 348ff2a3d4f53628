"""The DuckDB store: migrations, replace-not-duplicate, unchanged detection, query shapes."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

import duckdb
import pytest

from newsgraph.errors import NewsgraphError
from newsgraph.ingest.identity import make_article
from newsgraph.records import Actor, ArticleResult, Event, Failure, Mention, Quote, Sentence, column
from newsgraph.store import Store, queries, schema
from newsgraph.store.schema import LATEST_VERSION, Migration


def _result(text: str, *, explicit_id: str = "a1", n_events: int = 1) -> ArticleResult:
    art = make_article(text=text, input_name="t", explicit_id=explicit_id, published="2025-04-08")
    res = ArticleResult(article=art)
    res.sentences = [Sentence(art.id, 0, 0, len(text), text)]
    res.actors = [Actor(id="a1", name="Ukraine", article_id=art.id, country="UKR", sector="GOV", kind="state")]
    res.mentions = [Mention(art.id, 0, 7, text[:7], "state", "actors", actor_id="a1")]
    res.quotes = [
        Quote(art.id, 0, 7, text[:7], "direct", speaker={"name": "Ukraine", "country": "UKR", "sector": "GOV", "start": 0, "end": 7})
    ]
    res.events = [
        Event(
            article_id=art.id,
            category="ACCUSE",
            trigger={"start": 8, "end": 16, "text": text[8:16]},
            sentence={"start": 0, "end": len(text), "text": text},
            rule="test",
            sources=[{"name": "Ukraine", "country": "UKR", "sector": "GOV", "kind": "state", "start": 0, "end": 7}],
        )
        for _ in range(n_events)
    ]
    return res


def test_new_database_is_migrated(tmp_path):
    with Store(tmp_path / "x.duckdb") as store:
        assert store.schema_version() == LATEST_VERSION


def test_read_only_open_of_missing_database_explains(tmp_path):
    with pytest.raises(NewsgraphError, match="Ingest articles first"):
        Store(tmp_path / "none.duckdb", read_only=True)


def test_read_only_open_of_old_schema_says_how_to_upgrade(tmp_path):
    path = tmp_path / "old.duckdb"
    duckdb.connect(str(path)).close()
    with pytest.raises(NewsgraphError, match="migrate"):
        Store(path, read_only=True)


def test_updated_article_replaces_rows(tmp_path):
    db = tmp_path / "x.duckdb"
    with Store(db) as store:
        store.write_results([_result("Ukraine accused Russia of shelling.", n_events=2)])
        first = _result("Ukraine accused Russia of shelling a town.", n_events=1)
        assert store.known_hashes(["a1"]) != {"a1": first.article.content_hash}
        store.write_results([first])
        assert store.known_hashes(["a1"]) == {"a1": first.article.content_hash}
        counts = store.con.execute(
            "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events), (SELECT count(*) FROM sentences)"
        ).fetchone()
    assert counts == (1, 1, 1)


def test_listing_queries_have_the_documented_keys(tmp_path):
    with Store(tmp_path / "x.duckdb") as store:
        store.write_results([_result("Ukraine accused Russia of shelling.")])
        store.write_failures([Failure("bad.txt", "read", "empty-file", "input is empty")], run_id=1)
        (event,) = queries.events(store.con)
        assert set(event) >= {
            "article_id", "category", "mode", "context", "cameo_root", "quad_class", "intensity",
            "sources", "targets", "place", "date", "date_precision", "certainty", "claimed_by",
            "items", "trigger", "sentence", "rule",
        }
        assert event["sources"][0]["country"] == "UKR"
        (quote,) = queries.quotes(store.con)
        assert set(quote) >= {"article_id", "kind", "text", "start", "end", "speaker", "cue", "channel"}
        assert list(queries.quotes(store.con, speaker="ukr"))
        assert not list(queries.quotes(store.con, speaker="putin"))
        (actor,) = queries.actors(store.con)
        assert set(actor) >= {"article_id", "text", "start", "end", "name", "country", "sector", "kind"}
        assert list(queries.places(store.con)) == []
        assert list(queries.dates(store.con)) == []
        (failure,) = queries.failures(store.con)
        assert failure["kind"] == "empty-file"
        loaded = queries.load_result(store.con, "a1")
        assert loaded is not None and loaded.events[0].sources[0]["name"] == "Ukraine"
        stats = queries.stats(store.con)
        assert stats["events_by_category"] == [("ACCUSE", 1)]


def test_exports_write_every_table_and_a_cameo_tsv(tmp_path):
    from newsgraph.store.export import TABLES, export_cameo, export_tables

    with Store(tmp_path / "x.duckdb") as store:
        store.write_results([_result("Ukraine accused Russia of shelling.", n_events=2)])
        files = export_tables(store.con, tmp_path / "out", "csv")
        assert sorted(p.name for p in files) == sorted(f"{t}.csv" for t in TABLES)
        assert "Ukraine accused Russia" in (tmp_path / "out" / "articles.csv").read_text()
        n = export_cameo(store.con, tmp_path / "events.tsv")
    lines = (tmp_path / "events.tsv").read_text().splitlines()
    assert n == 2 and len(lines) == 3
    header, first = lines[0].split("\t"), lines[1].split("\t")
    row = dict(zip(header, first, strict=True))
    assert (row["source_country"], row["plover_category"], row["event_index"]) == ("UKR", "ACCUSE", "0")


# -- one record schema: the records drive the DDL, the writer, the rows and the JSON keys

# The DDL of schema version 1 as it was written by hand before the records drove it: the
# generated schema must stay exactly this (columns, types, order, NOT NULL, keys).
FIRST_SCHEMA_DDL = [
    "CREATE TABLE articles (id VARCHAR PRIMARY KEY, url VARCHAR, source VARCHAR, title VARCHAR, "
    "published VARCHAR, published_precision VARCHAR, language VARCHAR, text VARCHAR NOT NULL, "
    "input VARCHAR, content_hash VARCHAR NOT NULL, ingested_at VARCHAR, run_id INTEGER)",
    'CREATE TABLE sentences (article_id VARCHAR NOT NULL, idx INTEGER NOT NULL, "start" INTEGER NOT NULL, '
    '"end" INTEGER NOT NULL, text VARCHAR)',
    'CREATE TABLE mentions (article_id VARCHAR NOT NULL, "start" INTEGER NOT NULL, "end" INTEGER NOT NULL, '
    "text VARCHAR, kind VARCHAR, label VARCHAR, actor_id VARCHAR, place_id VARCHAR)",
    "CREATE TABLE actors (article_id VARCHAR NOT NULL, id VARCHAR NOT NULL, name VARCHAR, country VARCHAR, "
    "sector VARCHAR, kind VARCHAR, aliases VARCHAR, dictionary_id VARCHAR)",
    "CREATE TABLE places (article_id VARCHAR NOT NULL, id VARCHAR NOT NULL, name VARCHAR, geonames_id BIGINT, "
    'country VARCHAR, admin1 VARCHAR, lat DOUBLE, lon DOUBLE, feature VARCHAR, "precision" INTEGER)',
    'CREATE TABLE dates (article_id VARCHAR NOT NULL, "start" INTEGER NOT NULL, "end" INTEGER NOT NULL, '
    'text VARCHAR, value VARCHAR, "precision" VARCHAR)',
    'CREATE TABLE quotes (article_id VARCHAR NOT NULL, idx INTEGER NOT NULL, "start" INTEGER NOT NULL, '
    '"end" INTEGER NOT NULL, text VARCHAR, kind VARCHAR, speaker VARCHAR, cue VARCHAR, cue_start INTEGER, '
    "cue_end INTEGER, channel VARCHAR)",
    "CREATE TABLE events (article_id VARCHAR NOT NULL, idx INTEGER NOT NULL, category VARCHAR NOT NULL, "
    "mode VARCHAR, context VARCHAR, cameo_root VARCHAR, quad_class INTEGER, intensity DOUBLE, sources VARCHAR, "
    "targets VARCHAR, place VARCHAR, date VARCHAR, date_precision VARCHAR, certainty VARCHAR, "
    "claimed_by VARCHAR, items VARCHAR, trigger VARCHAR, sentence VARCHAR, rule VARCHAR, confidence DOUBLE)",
    "CREATE SEQUENCE runs_id START 1",
    "CREATE TABLE runs (id INTEGER PRIMARY KEY DEFAULT nextval('runs_id'), started_at VARCHAR, "
    "finished_at VARCHAR, version VARCHAR, command VARCHAR, inputs INTEGER, articles_new INTEGER, "
    "articles_updated INTEGER, articles_unchanged INTEGER, failures INTEGER, sentences INTEGER, "
    "mentions INTEGER, events INTEGER, status VARCHAR)",
    "CREATE TABLE failures (run_id INTEGER, input VARCHAR, stage VARCHAR, kind VARCHAR, message VARCHAR, "
    "article_id VARCHAR, failed_at VARCHAR)",
    "CREATE INDEX sentences_article ON sentences (article_id)",
    "CREATE INDEX mentions_article ON mentions (article_id)",
    "CREATE INDEX events_article ON events (article_id)",
]




def _shape(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    """Every column (table, position, name, type, nullable, default), constraint and index."""
    return [
        *con.execute(
            "SELECT table_name, ordinal_position, column_name, data_type, is_nullable, column_default "
            "FROM information_schema.columns WHERE table_name <> 'schema_migrations' ORDER BY ALL"
        ).fetchall(),
        *con.execute(
            "SELECT table_name, constraint_type, constraint_text FROM duckdb_constraints() "
            "WHERE table_name <> 'schema_migrations' ORDER BY ALL"
        ).fetchall(),
        *con.execute("SELECT index_name, table_name, sql FROM duckdb_indexes() ORDER BY ALL").fetchall(),
        *con.execute("SELECT sequence_name, start_value FROM duckdb_sequences() ORDER BY ALL").fetchall(),
    ]


def test_generated_ddl_makes_the_first_schema(tmp_path):
    by_hand = duckdb.connect(str(tmp_path / "hand.duckdb"))
    for sql in FIRST_SCHEMA_DDL:
        by_hand.execute(sql)
    generated = duckdb.connect(str(tmp_path / "generated.duckdb"))
    for sql in schema.statements(schema.MIGRATIONS[0]):
        generated.execute(sql)
    assert _shape(generated) == _shape(by_hand)
    schema.check()


# A migration after the last one, for the tests of how a new field is added.
NEXT = LATEST_VERSION + 1


@dataclass
class ReviewedEvent(Event):
    """An Event with one field more, added by the next schema version."""

    reviewed_by: str | None = field(default=None, metadata=column(since=NEXT))


@pytest.fixture
def reviewed_schema(monkeypatch):
    """The schema with ``Event.reviewed_by`` added: one record field plus one migration."""

    def apply() -> None:
        events = schema.TABLES["events"]
        monkeypatch.setitem(schema.TABLES, "events", dataclasses.replace(events, record=ReviewedEvent))
        monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, Migration(NEXT, "events.reviewed_by")])
        monkeypatch.setattr(schema, "LATEST_VERSION", NEXT)

    return apply


def _reviewed_result(article_id: str = "a1") -> ArticleResult:
    res = _result("Ukraine accused Russia of shelling.", explicit_id=article_id)
    res.events = [ReviewedEvent(**dataclasses.asdict(e), reviewed_by="desk") for e in res.events]
    return res


def test_a_new_record_field_reaches_ddl_writer_rows_and_json(tmp_path, reviewed_schema):
    reviewed_schema()
    assert schema.statements(schema.MIGRATIONS[-1]) == [
        'ALTER TABLE events ADD COLUMN "reviewed_by" VARCHAR'
    ]
    with Store(tmp_path / "x.duckdb") as store:
        assert store.schema_version() == NEXT
        columns = [r[0] for r in store.con.execute("DESCRIBE events").fetchall()]
        assert columns[-1] == "reviewed_by"
        store.write_results([_reviewed_result()])
        assert store.con.execute("SELECT reviewed_by FROM events").fetchall() == [("desk",)]
        (event,) = queries.select(store.con, "events")
        assert list(event)[-3:] == ["magnitudes", "reviewed_by", "cluster_id"] and event["reviewed_by"] == "desk"
        (quote,) = queries.select(store.con, "quotes")
        assert "reviewed_by" not in quote
        loaded = queries.load_result(store.con, "a1")
        assert loaded is not None and loaded.events[0].reviewed_by == "desk"  # type: ignore[attr-defined]
        from newsgraph.store.export import export_tables

        (path,) = export_tables(store.con, tmp_path / "out", "jsonl", ["events"])
        assert '"reviewed_by":"desk"' in path.read_text()


def test_an_old_database_gets_the_new_field_by_migration(tmp_path, reviewed_schema):
    old = tmp_path / "old.duckdb"
    with Store(old) as store:
        store.write_results([_result("Ukraine accused Russia of shelling.")])
        assert store.schema_version() == LATEST_VERSION
    reviewed_schema()
    with pytest.raises(NewsgraphError, match="migrate"):
        Store(old, read_only=True)
    with Store(old) as store:
        assert store.schema_version() == NEXT
        (event,) = queries.select(store.con, "events")
        assert event["reviewed_by"] is None
        store.write_results([_reviewed_result("a2")])
        migrated = _shape(store.con)
    with Store(tmp_path / "new.duckdb") as fresh:
        assert _shape(fresh.con) == migrated


def test_a_column_without_its_migration_is_an_error(monkeypatch):
    @dataclass
    class Later(Event):
        later: int | None = field(default=None, metadata=column(since=NEXT))

    tables = {"events": dataclasses.replace(schema.TABLES["events"], record=Later)}
    with pytest.raises(ValueError, match=f"schema version {NEXT} has no migration"):
        schema.check(tables)


# -- the query layer: filters in SQL


@pytest.fixture
def two_articles(tmp_path):
    with Store(tmp_path / "x.duckdb") as store:
        first = _result("Ukraine accused Russia of shelling.", explicit_id="a1", n_events=2)
        second = _result("Ukraine accused Russia of shelling a town.", explicit_id="b2")
        second.quotes[0].speaker = {"name": "Straße Ministry", "country": "DEU"}
        store.write_results([first, second])
        store.write_failures([Failure("bad.txt", "read", "empty-file", "input is empty")], run_id=1)
        store.write_failures([Failure("worse.txt", "read", "binary", "input is binary")], run_id=2)
        yield store.con


def test_select_filters_by_article_in_sql(two_articles):
    con = two_articles
    assert [e["article_id"] for e in queries.select(con, "events")] == ["a1", "a1", "b2"]
    assert [e["article_id"] for e in queries.select(con, "events", {"article": "b2"})] == ["b2"]
    for kind in ("events", "quotes", "actors", "mentions", "articles"):
        assert not list(queries.select(con, kind, {"article": "a1' OR '1'='1"}))
        assert list(queries.select(con, kind, {"article": None})) == list(queries.select(con, kind))
    assert [a["id"] for a in queries.select(con, "articles", limit=1)] == ["a1"]


def test_select_speaker_filter_matches_case_folded_name(two_articles):
    names = [q["speaker"]["name"] for q in queries.select(two_articles, "quotes", {"speaker": "STRASSE"})]
    assert names == ["Straße Ministry"]
    assert len(list(queries.select(two_articles, "quotes", {"speaker": "ukr"}))) == 1
    assert list(queries.quotes(two_articles, speaker="ministry")) == list(
        queries.select(two_articles, "quotes", {"speaker": "ministry"})
    )


def test_select_failures_by_run(two_articles):
    assert [f["input"] for f in queries.select(two_articles, "failures", {"run": 2})] == ["worse.txt"]
    assert len(list(queries.select(two_articles, "failures"))) == 2


def test_select_rejects_unknown_kinds_and_filters(two_articles):
    with pytest.raises(NewsgraphError, match="unknown kind 'nope'"):
        list(queries.select(two_articles, "nope"))
    with pytest.raises(NewsgraphError, match="unknown filter colour"):
        list(queries.select(two_articles, "events", {"colour": "red"}))


def test_event_rows_have_the_record_keys_in_table_order(two_articles):
    event = next(queries.select(two_articles, "events"))
    # the record's columns in table order, then the cluster the event belongs to
    assert list(event) == [*(c.name for c in schema.TABLES["events"].columns if c.name != "idx"), "cluster_id"]


def test_store_select_is_the_query_layer(tmp_path):
    with Store(tmp_path / "y.duckdb") as store:
        store.write_results([_result("Ukraine accused Russia of shelling.", explicit_id="c3")])
        assert list(store.select("events", {"article": "c3"})) == list(queries.events(store.con, "c3"))
        assert [a["id"] for a in store.select("articles", limit=1)] == ["c3"]
