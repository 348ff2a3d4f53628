"""Stories over a store: syndicated copies, two attacks on one town, incremental ids, the CLI.

Fixture articles are written here; they are stored without running the NLP pipeline (the
clustering reads only the articles and their events from the store).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.ingest.identity import make_article
from newsgraph.records import ArticleResult, Event
from newsgraph.store import Store
from newsgraph.stories import build_stories

pytest.importorskip("datasketch")

FERRY = (
    "The ferry operator on the Calder estuary cut its winter timetable on Tuesday after a storm "
    "damaged two piers at Riverton, the harbour master said. Repairs to the piers would take at "
    "least a week, and passengers were told to use the coastal bus service until the crossings "
    "resume. The operator said no one was hurt when waves tore planks from the older pier."
)
FERRY_OWN = (
    "Storm damage at Riverton's piers has halted most ferry crossings on the Calder estuary this "
    "week. Our reporter watched workers lift broken planks from the older pier on Tuesday while "
    "the harbour master promised the ferry timetable would return once repairs end."
)
LIBRARY = (
    "A new public library opened in the old post office building in Millbrook on Saturday, with a "
    "reading room for children, a small cafe and late opening hours twice a week."
)
MARKET = (
    "Farmers at the Millbrook market said cheese prices rose this spring as feed costs climbed, "
    "and stallholders asked the council to cut pitch fees for the summer season."
)


def _attack(day: int) -> str:
    return (
        f"Gunmen attacked a police checkpoint in the town of Dunmore on March {day}, killing three "
        "officers and wounding several civilians, local officials said. The attackers fled on "
        "motorbikes towards the hills outside Dunmore, and police sealed the roads into the town."
    )


def result(aid: str, text: str, *, source: str, published: str, title: str | None = None,
           events: list[tuple[str, str]] = ()) -> ArticleResult:  # type: ignore[assignment]
    article = make_article(text=text, input_name="fixture", source=source, title=title,
                           published=published, published_precision="day", explicit_id=aid)
    evs = [
        Event(article_id=aid, category=cat, trigger={}, sentence={}, rule="fixture", date=date,
              date_precision="day")
        for cat, date in events
    ]
    return ArticleResult(article=article, events=evs)


def stories_of(store: Store) -> dict[str, str]:
    return dict(store.con.execute("SELECT article_id, story_id FROM story_articles").fetchall())


def base_results() -> list[ArticleResult]:
    return [
        result("ferry-wire", "RIVERTON, March 3 (Reuters) - " + FERRY, source="wire-paper.com",
               published="2026-03-02", title="Storm halts Calder ferries"),
        result("ferry-copy1", "RIVERTON, March 3 (Reuters) - " + FERRY + " Updated at noon.",
               source="www.daily-one.com", published="2026-03-03"),
        result("ferry-copy2", FERRY, source="evening-two.com", published="2026-03-04"),
        result("ferry-own", FERRY_OWN, source="coast-herald.com", published="2026-03-04"),
        result("library", LIBRARY, source="coast-herald.com", published="2026-03-04"),
        result("market", MARKET, source="daily-one.com", published="2026-03-05"),
    ]


def test_syndicated_copies_are_one_story_and_not_independent() -> None:
    with Store(":memory:") as store:
        store.write_results(base_results())
        summary = build_stories(store.con)
        got = stories_of(store)
        assert summary.articles == 6
        assert got["ferry-copy1"] == got["ferry-copy2"] == got["ferry-own"] == got["ferry-wire"] == "ferry-wire"
        assert got["library"] == "library" and got["market"] == "market"
        dups = dict(store.con.execute("SELECT article_id, duplicate_of FROM story_articles").fetchall())
        assert dups["ferry-copy1"] == dups["ferry-copy2"] == "ferry-wire"
        assert dups["ferry-wire"] is None and dups["ferry-own"] is None
        row = next(store.select("stories", {"story": "ferry-wire"}))
        assert row["outlets"] == ["coast-herald.com", "daily-one.com", "evening-two.com", "wire-paper.com"]
        # the wire copy and its reprints count once, as the agency; the herald's own report once
        assert row["independent_outlets"] == ["Reuters", "coast-herald.com"]


def test_two_attacks_on_one_town_on_different_days_stay_apart() -> None:
    with Store(":memory:") as store:
        store.write_results([
            *base_results(),
            result("attack-1", _attack(2) + " It was the first attack there this year.",
                   source="north-news.com", published="2026-03-02", events=[("ASSAULT", "2026-03-02")]),
            result("attack-1b", "Officials in Dunmore mourned the officers. " + _attack(2),
                   source="valley-times.com", published="2026-03-03", events=[("ASSAULT", "2026-03-02")]),
            result("attack-2", _attack(9) + " Residents said the checkpoint had been rebuilt.",
                   source="north-news.com", published="2026-03-09", events=[("ASSAULT", "2026-03-09")]),
        ])
        build_stories(store.con)
        got = stories_of(store)
        assert got["attack-1"] == got["attack-1b"] == "attack-1"
        assert got["attack-2"] == "attack-2"


def test_adding_articles_keeps_story_ids_and_attaches_new_ones() -> None:
    first, later = base_results()[:2] + base_results()[4:], base_results()[2:4]
    with Store(":memory:") as store:
        store.write_results(first)
        build_stories(store.con)
        before = stories_of(store)
        store.write_results(later)
        summary = build_stories(store.con)
        after = stories_of(store)
        assert summary.articles == 2 and summary.stories_new == 0 and summary.stories_grown == 1
        assert {k: after[k] for k in before} == before
        assert after["ferry-own"] == after["ferry-copy2"] == "ferry-wire"
        # a full rebuild gives the same ids
        build_stories(store.con, full=True)
        assert stories_of(store) == after
        # a changed article is clustered again; the others keep their rows
        changed = result("library", LIBRARY + " Entry is free.", source="coast-herald.com", published="2026-03-04")
        store.write_results([changed])
        assert build_stories(store.con).articles == 1
        assert stories_of(store) == after


def test_cli_lists_stories_and_shows_a_timeline(tmp_path: Path) -> None:
    db = str(tmp_path / "s.duckdb")
    with Store(db) as store:
        store.write_results(base_results())
    runner = CliRunner()
    built = runner.invoke(app, ["stories", "build", "--db", db])
    assert built.exit_code == 0, built.output
    listed = runner.invoke(app, ["stories", "--db", db, "--json"])
    assert listed.exit_code == 0, listed.output
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    ferry = next(r for r in rows if r["story_id"] == "ferry-wire")
    assert set(ferry) >= {"story_id", "title", "article_ids", "outlets", "independent_outlets", "first_seen", "last_seen"}
    assert ferry["article_ids"][0] == "ferry-wire" and len(ferry["article_ids"]) == 4
    shown = runner.invoke(app, ["story", "ferry-w", "--db", db])
    assert shown.exit_code == 0, shown.output
    assert "Storm halts Calder ferries" in shown.stdout and "copy of ferry-wire" in shown.stdout
    arts = runner.invoke(app, ["articles", "--db", db, "--json"])
    by_id = {r["id"]: r for r in map(json.loads, arts.stdout.splitlines())}
    assert by_id["ferry-copy2"]["story_id"] == "ferry-wire" and by_id["ferry-copy2"]["duplicate_of"] == "ferry-wire"
    missing = runner.invoke(app, ["story", "nope", "--db", db])
    assert missing.exit_code == 1


def test_the_event_date_rule_is_what_keeps_the_attacks_apart() -> None:
    from newsgraph.stories.settings import default_params

    with Store(":memory:") as store:
        store.write_results([
            *base_results(),
            result("attack-1", _attack(2), source="north-news.com", published="2026-03-02",
                   events=[("ASSAULT", "2026-03-02")]),
            result("attack-2", _attack(9), source="north-news.com", published="2026-03-09",
                   events=[("ASSAULT", "2026-03-09")]),
        ])
        build_stories(store.con, params=default_params().with_(event_gap_days=100))
        got = stories_of(store)
        assert got["attack-2"] == "attack-1"  # same words: only the dates tell them apart


def test_scores_of_the_eval() -> None:
    from newsgraph.evaluate.stories import bcubed, outlets_exact, pairwise

    gold = {"a": "x", "b": "x", "c": "y"}
    assert bcubed({"a": "1", "b": "1", "c": "2"}, gold)["f1"] == 1.0
    lumped = bcubed({"a": "1", "b": "1", "c": "1"}, gold)
    assert lumped["recall"] == 1.0 and round(lumped["precision"], 3) == round((2 / 3 * 2 + 1 / 3) / 3, 3)
    assert pairwise({"a": "1", "b": "2", "c": "3"}, gold)["recall"] == 0.0
    assert outlets_exact({"a": "1", "b": "1", "c": "2"}, gold, {"a": "p", "b": "q", "c": "p"}) == 1.0
