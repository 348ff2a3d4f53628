"""The DuckDB store: migrations, replace-not-duplicate, unchanged detection, query shapes."""

from __future__ import annotations

import duckdb
import pytest

from newsgraph.errors import NewsgraphError
from newsgraph.ingest.identity import make_article
from newsgraph.records import Actor, ArticleResult, Event, Failure, Mention, Quote, Sentence
from newsgraph.store import Store, queries
from newsgraph.store.schema import LATEST_VERSION


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
