"""Event clusters over a store: two reports of one attack, a syndicated copy, a rising toll,
a denial, two attacks on one town on different days.

The articles and their events are written here (no NLP run): the clustering reads only the
articles and the stored events.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.ingest.identity import make_article
from newsgraph.records import ArticleResult, Event
from newsgraph.store import Store
from newsgraph.stories import build_stories

pytest.importorskip("datasketch")

TOWN = {"name": "Kelbridge", "geonames_id": 900001, "country": "ZZA", "lat": 10.0, "lon": 20.0, "precision": 1}
OTHER_TOWN = {"name": "Marsh End", "geonames_id": 900002, "country": "ZZA", "lat": 10.05, "lon": 20.05, "precision": 1}
REBELS = [{"name": "the rebels", "country": "ZZA", "sector": "REB"}]
POLICE = [{"name": "police", "country": "ZZA", "sector": "COP"}]
ARMY = {"name": "the army", "country": "ZZA", "sector": "MIL"}
REBEL_SPOKESMAN = {"name": "a rebel spokesman", "country": "ZZA", "sector": "REB"}

STORY = (
    "Rebel fighters attacked a police post in Kelbridge early on Monday, officials said, in the "
    "worst violence the hill town has seen this year. Residents described hours of gunfire near "
    "the market before the attackers withdrew into the forest north of Kelbridge."
)
OWN = (
    "Gunfire rang out for hours around the Kelbridge police post on Monday as rebel fighters "
    "stormed it, residents told our correspondent. The army said the attackers withdrew into the "
    "forest north of the hill town after the violence near the market."
)


def report(aid: str, text: str, source: str, published: str, *events: dict[str, Any]) -> ArticleResult:
    article = make_article(text=text, input_name="fixture", source=source, title=None, published=published,
                           published_precision="day", explicit_id=aid)
    evs = [
        Event(article_id=aid, trigger={}, sentence={"start": 0, "end": 40}, rule="fixture",
              **{"category": "ASSAULT", "sources": REBELS, "targets": POLICE, "place": TOWN,
                 "date": "2026-05-04", "date_precision": "day", **e})
        for e in events
    ]
    return ArticleResult(article=article, events=evs)


def killed(n: int) -> list[dict[str, Any]]:
    return [{"kind": "killed", "low": n, "high": n, "best": n, "text": str(n), "start": 0, "end": 1, "rule": "x"}]


def clusters(store: Store) -> list[dict[str, Any]]:
    return list(store.select("clusters", {}))


def multi(store: Store) -> list[dict[str, Any]]:
    return [c for c in clusters(store) if len(c["articles"]) > 1]


def test_two_reports_of_one_attack_are_one_cluster_with_two_outlets() -> None:
    with Store(":memory:") as store:
        store.write_results([
            report("a1", STORY, "first-paper.com", "2026-05-04", {"magnitudes": killed(4)}),
            report("a2", OWN, "second-paper.com", "2026-05-04", {"claimed_by": ARMY}),
        ])
        build_stories(store.con)
        [c] = multi(store)
        assert c["cluster_id"] == "a1:0" and c["mentions"] == 2
        assert c["outlets"] == ["first-paper.com", "second-paper.com"] == c["independent_outlets"]
        assert c["certainty"] == "asserted" and c["conflicts"] == []
        assert {"category", "sources:country", "targets:country", "place:same"} <= set(c["merge_reason"][0]["keys"])
        assert c["claimed_by"] == [ARMY]
        assert c["magnitudes"] == [{"kind": "killed", "low": 4.0, "best": 4.0, "high": 4.0, "reports": 1}]
        events = list(store.select("events", {}))
        assert {e["cluster_id"] for e in events} == {"a1:0"}


def test_a_syndicated_copy_is_one_independent_outlet() -> None:
    wire = "KELBRIDGE, May 4 (Reuters) - " + STORY
    with Store(":memory:") as store:
        store.write_results([
            report("w1", wire, "wire-paper.com", "2026-05-04", {}),
            report("w2", wire, "reprint-daily.com", "2026-05-05", {}),
        ])
        build_stories(store.con)
        [c] = multi(store)
        assert c["outlets"] == ["reprint-daily.com", "wire-paper.com"]
        assert c["independent_outlets"] == ["Reuters"]


def test_a_rising_toll_is_no_number_conflict_and_best_is_the_latest_day() -> None:
    with Store(":memory:") as store:
        store.write_results([
            report("t1", STORY, "first-paper.com", "2026-05-04", {"magnitudes": killed(4)}),
            report("t2", OWN + " The toll rose overnight.", "second-paper.com", "2026-05-05",
                   {"magnitudes": killed(11)}),
        ])
        build_stories(store.con)
        [c] = multi(store)
        assert c["conflicts"] == []
        assert c["magnitudes"][0] == {"kind": "killed", "low": 4.0, "best": 11.0, "high": 11.0, "reports": 2}


def test_figures_far_apart_on_one_day_are_a_number_conflict() -> None:
    with Store(":memory:") as store:
        store.write_results([
            report("n1", STORY, "first-paper.com", "2026-05-04", {"magnitudes": killed(4)}),
            report("n2", OWN, "second-paper.com", "2026-05-04", {"magnitudes": killed(30)}),
        ])
        build_stories(store.con)
        [c] = multi(store)
        [flag] = c["conflicts"]
        assert flag["type"] == "number" and flag["kind"] == "killed"
        assert [(v["value"], v["articles"], v["outlets"]) for v in flag["values"]] == [
            (4.0, ["n1"], ["first-paper.com"]), (30.0, ["n2"], ["second-paper.com"])]
        assert c["magnitudes"][0]["best"] == 4.0  # the most conservative figure of the day


def test_a_denial_is_a_certainty_conflict() -> None:
    with Store(":memory:") as store:
        store.write_results([
            report("d1", STORY, "first-paper.com", "2026-05-04", {"certainty": "claimed", "claimed_by": ARMY}),
            report("d2", OWN, "second-paper.com", "2026-05-04", {"certainty": "denied", "claimed_by": REBEL_SPOKESMAN}),
        ])
        build_stories(store.con)
        [c] = multi(store)
        assert c["certainty"] == "disputed"
        [flag] = c["conflicts"]
        assert flag["type"] == "certainty"
        by_value = {v["value"]: v for v in flag["values"]}
        assert by_value["claimed"]["claimants"] == [ARMY] and by_value["denied"]["claimants"] == [REBEL_SPOKESMAN]
        assert by_value["denied"]["outlets"] == ["second-paper.com"]


def test_two_attacks_on_one_town_on_different_days_are_two_clusters() -> None:
    with Store(":memory:") as store:
        # one article reporting both attacks keeps them in one story; the dates keep the events apart
        store.write_results([
            report("x1", STORY, "first-paper.com", "2026-05-04", {}, {"date": "2026-04-20"}),
            report("x2", OWN, "second-paper.com", "2026-05-04", {}),
        ])
        build_stories(store.con)
        got = clusters(store)
        assert sorted((c["cluster_id"], c["articles"]) for c in got) == [("x1:0", ["x1", "x2"]), ("x1:1", ["x1"])]


def test_places_and_actors_keep_events_apart_and_near_places_are_flagged() -> None:
    far = {**OTHER_TOWN, "lat": 12.0, "lon": 22.0}
    with Store(":memory:") as store:
        store.write_results([
            report("p1", STORY, "first-paper.com", "2026-05-04", {}, {"place": far},
                   {"sources": [{"name": "raiders", "country": "ZZB", "sector": None}]}),
            report("p2", OWN, "second-paper.com", "2026-05-04", {"place": OTHER_TOWN}),
        ])
        build_stories(store.con)
        by_id = {c["cluster_id"]: c for c in clusters(store)}
        assert by_id["p1:0"]["articles"] == ["p1", "p2"]  # 7 km apart: same event, place flagged
        assert [f["type"] for f in by_id["p1:0"]["conflicts"]] == ["place"]
        assert by_id["p1:1"]["articles"] == ["p1"] and by_id["p1:2"]["articles"] == ["p1"]


def test_reclustering_only_touches_changed_stories_and_keeps_ids() -> None:
    with Store(":memory:") as store:
        store.write_results([report("r1", STORY, "first-paper.com", "2026-05-04", {})])
        build_stories(store.con)
        assert [c["cluster_id"] for c in clusters(store)] == ["r1:0"]
        store.write_results([report("r2", OWN, "second-paper.com", "2026-05-05", {})])
        summary = build_stories(store.con)
        assert summary.clusters == 1
        [c] = clusters(store)
        assert c["cluster_id"] == "r1:0" and c["articles"] == ["r1", "r2"]
        build_stories(store.con, full=True)
        assert [c["cluster_id"] for c in clusters(store)] == ["r1:0"]


def test_cli_clusters_json(tmp_path: Path) -> None:
    db = str(tmp_path / "c.duckdb")
    with Store(db) as store:
        store.write_results([
            report("c1", STORY, "first-paper.com", "2026-05-04", {}),
            report("c2", OWN, "second-paper.com", "2026-05-04", {"certainty": "denied"}),
        ])
    runner = CliRunner()
    assert runner.invoke(app, ["stories", "build", "--db", db]).exit_code == 0
    listed = runner.invoke(app, ["clusters", "--db", db, "--json"])
    assert listed.exit_code == 0, listed.output
    [row] = [json.loads(line) for line in listed.stdout.splitlines()]
    assert list(row) == [
        "cluster_id", "story_id", "category", "mode", "sources", "targets", "place", "date", "date_range",
        "certainty", "claimed_by", "mentions", "articles", "outlets", "independent_outlets", "magnitudes",
        "conflicts", "merge_reason", "first_seen", "last_seen", "members",
    ]
    shown = runner.invoke(app, ["clusters", "--db", db])
    assert shown.exit_code == 0 and "c1:0" in shown.stdout and "certainty" in shown.stdout
    # the story timeline shows its events with their clusters and the conflicting claims
    story = runner.invoke(app, ["story", "c1", "--db", db, "--json"])
    assert story.exit_code == 0, story.output
    [timeline] = [json.loads(line) for line in story.stdout.splitlines()]
    assert timeline["members"][0]["events"][0]["cluster_id"] == "c1:0"
    assert [c["cluster_id"] for c in timeline["clusters"]] == ["c1:0"]
    text = runner.invoke(app, ["story", "c1", "--db", db])
    assert text.exit_code == 0 and "conflict certainty" in text.stdout
