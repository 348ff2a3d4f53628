"""The DuckDB schema, as numbered migrations.

A database remembers which migrations it has (table ``schema_migrations``); opening it
applies the missing ones in order. Never edit a released migration: add the next one.
Nested values (actor references, spans, places) are stored as JSON text.
"""

from __future__ import annotations

MIGRATIONS: list[tuple[int, str, list[str]]] = [
    (
        1,
        "initial schema: articles, sentences, mentions, actors, places, dates, quotes, events, failures, runs",
        [
            """CREATE TABLE articles (
                id VARCHAR PRIMARY KEY,
                url VARCHAR,
                source VARCHAR,
                title VARCHAR,
                published VARCHAR,
                published_precision VARCHAR,
                language VARCHAR,
                text VARCHAR NOT NULL,
                input VARCHAR,
                content_hash VARCHAR NOT NULL,
                ingested_at VARCHAR,
                run_id INTEGER
            )""",
            """CREATE TABLE sentences (
                article_id VARCHAR NOT NULL, idx INTEGER NOT NULL,
                "start" INTEGER NOT NULL, "end" INTEGER NOT NULL, text VARCHAR
            )""",
            """CREATE TABLE mentions (
                article_id VARCHAR NOT NULL, "start" INTEGER NOT NULL, "end" INTEGER NOT NULL,
                text VARCHAR, kind VARCHAR, label VARCHAR, actor_id VARCHAR, place_id VARCHAR
            )""",
            """CREATE TABLE actors (
                article_id VARCHAR NOT NULL, id VARCHAR NOT NULL, name VARCHAR,
                country VARCHAR, sector VARCHAR, kind VARCHAR, aliases VARCHAR,
                dictionary_id VARCHAR
            )""",
            """CREATE TABLE places (
                article_id VARCHAR NOT NULL, id VARCHAR NOT NULL, name VARCHAR,
                geonames_id BIGINT, country VARCHAR, admin1 VARCHAR, lat DOUBLE, lon DOUBLE,
                feature VARCHAR, "precision" INTEGER
            )""",
            """CREATE TABLE dates (
                article_id VARCHAR NOT NULL, "start" INTEGER NOT NULL, "end" INTEGER NOT NULL,
                text VARCHAR, value VARCHAR, "precision" VARCHAR
            )""",
            """CREATE TABLE quotes (
                article_id VARCHAR NOT NULL, idx INTEGER NOT NULL,
                "start" INTEGER NOT NULL, "end" INTEGER NOT NULL, text VARCHAR, kind VARCHAR,
                speaker VARCHAR, cue VARCHAR, cue_start INTEGER, cue_end INTEGER, channel VARCHAR
            )""",
            """CREATE TABLE events (
                article_id VARCHAR NOT NULL, idx INTEGER NOT NULL,
                category VARCHAR NOT NULL, mode VARCHAR, context VARCHAR, cameo_root VARCHAR,
                quad_class INTEGER, intensity DOUBLE, sources VARCHAR, targets VARCHAR,
                place VARCHAR, date VARCHAR, date_precision VARCHAR, certainty VARCHAR,
                claimed_by VARCHAR, items VARCHAR, trigger VARCHAR, sentence VARCHAR,
                rule VARCHAR, confidence DOUBLE
            )""",
            """CREATE SEQUENCE runs_id START 1""",
            """CREATE TABLE runs (
                id INTEGER PRIMARY KEY DEFAULT nextval('runs_id'),
                started_at VARCHAR, finished_at VARCHAR, version VARCHAR, command VARCHAR,
                inputs INTEGER, articles_new INTEGER, articles_updated INTEGER,
                articles_unchanged INTEGER, failures INTEGER, sentences INTEGER,
                mentions INTEGER, events INTEGER, status VARCHAR
            )""",
            """CREATE TABLE failures (
                run_id INTEGER, input VARCHAR, stage VARCHAR, kind VARCHAR, message VARCHAR,
                article_id VARCHAR, failed_at VARCHAR
            )""",
            "CREATE INDEX sentences_article ON sentences (article_id)",
            "CREATE INDEX mentions_article ON mentions (article_id)",
            "CREATE INDEX events_article ON events (article_id)",
        ],
    ),
]

# Tables holding rows derived from one article (replaced together when it changes).
ARTICLE_TABLES: tuple[str, ...] = (
    "sentences",
    "mentions",
    "actors",
    "places",
    "dates",
    "quotes",
    "events",
)

LATEST_VERSION = MIGRATIONS[-1][0]
