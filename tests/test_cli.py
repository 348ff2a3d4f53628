"""The CLI end to end on the team's fixtures: exit codes, failures, listings, show."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app

MIXED = Path(__file__).parent / "fixtures" / "ingest" / "mixed"
runner = CliRunner()

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def mixed_db(tmp_path_factory) -> str:
    db = str(tmp_path_factory.mktemp("cli") / "mixed.duckdb")
    result = runner.invoke(app, ["ingest", str(MIXED), "--db", db, "-w", "1", "-q"])
    assert result.exit_code == 0, result.output
    return db


def test_mixed_folder_stores_good_and_lists_each_failure(mixed_db):
    result = runner.invoke(app, ["failures", "--db", mixed_db, "--json"])
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 8
    assert all(r["message"] and r["kind"] and r["stage"] for r in rows)
    listed = runner.invoke(app, ["articles", "--db", mixed_db, "--json"])
    assert len(listed.stdout.splitlines()) == 4


def test_reingest_changes_nothing(mixed_db):
    before = runner.invoke(app, ["stats", "--db", mixed_db, "--json"]).stdout
    again = runner.invoke(app, ["ingest", str(MIXED / "good-report.md"), "--db", mixed_db, "-w", "1", "-q"])
    assert again.exit_code == 0
    assert "1 unchanged" in again.output
    after = json.loads(runner.invoke(app, ["stats", "--db", mixed_db, "--json"]).stdout)
    assert after["articles"] == json.loads(before)["articles"]
    assert after["mentions"] == json.loads(before)["mentions"]


def test_updated_article_is_replaced(tmp_path):
    db = str(tmp_path / "u.duckdb")
    src = tmp_path / "story.md"
    src.write_text("---\nurl: https://x.invalid/story\n---\nThe mayor of Lyon opened a bridge on Monday.")
    assert runner.invoke(app, ["ingest", str(src), "--db", db, "-q", "-w", "1"]).exit_code == 0
    src.write_text("---\nurl: https://x.invalid/story\n---\nThe mayor of Lyon closed a bridge on Monday after floods.")
    second = runner.invoke(app, ["ingest", str(src), "--db", db, "-q", "-w", "1"])
    assert "1 updated" in second.output
    rows = [json.loads(x) for x in runner.invoke(app, ["articles", "--db", db, "--json"]).stdout.splitlines()]
    assert len(rows) == 1


def test_all_inputs_failing_exits_1(tmp_path):
    db = str(tmp_path / "f.duckdb")
    result = runner.invoke(app, ["ingest", str(MIXED / "empty.txt"), str(MIXED / "image.bin"), "--db", db, "-q"])
    assert result.exit_code == 1


def test_usage_errors_exit_2(tmp_path):
    assert runner.invoke(app, ["ingest"]).exit_code == 2
    bad_date = runner.invoke(app, ["ingest", str(MIXED), "--published", "someday", "--db", str(tmp_path / "x.duckdb")])
    assert bad_date.exit_code == 2


def test_show_marks_mentions(mixed_db):
    result = runner.invoke(app, ["show", "fx-0001", "--db", mixed_db])
    assert result.exit_code == 0
    assert "Farmers block motorway near Brussels" in result.stdout
    assert "[Brussels]" in result.stdout


def test_show_unknown_article_is_a_clear_error(mixed_db):
    result = runner.invoke(app, ["show", "nope", "--db", mixed_db])
    assert result.exit_code == 1
    assert "no article" in result.output


@pytest.mark.parametrize("command", ["events", "quotes", "places", "actors", "dates"])
def test_listing_commands_emit_json_lines(mixed_db, command):
    result = runner.invoke(app, [command, "--db", mixed_db, "--json", "--article", "fx-0001"])
    assert result.exit_code == 0, result.output
    for line in result.stdout.splitlines():
        assert json.loads(line)["article_id"] == "fx-0001"


def test_missing_database_is_a_clear_error(tmp_path):
    result = runner.invoke(app, ["events", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code != 0


def test_gazetteer_built_from_geonames_files_is_used_by_ingest(tmp_path):
    fixture = Path(__file__).parent / "fixtures" / "places"
    index = tmp_path / "geo.sqlite"
    built = runner.invoke(app, ["gazetteer", "build", "--geonames", str(fixture), "--output", str(index)])
    assert built.exit_code == 0, built.output
    assert index.is_file()
    story = tmp_path / "story.txt"
    story.write_text("Shelling hit several villages in the Donetsk region on Sunday, officials said.")
    db = str(tmp_path / "g.duckdb")
    done = runner.invoke(app, ["ingest", str(story), "--db", db, "-q", "-w", "1", "--gazetteer", str(index)])
    assert done.exit_code == 0, done.output
    rows = [json.loads(x) for x in runner.invoke(app, ["places", "--db", db, "--json"]).stdout.splitlines()]
    assert any(r["geonames_id"] == 709716 for r in rows), rows
    missing = runner.invoke(app, ["ingest", str(story), "--db", db, "--gazetteer", str(tmp_path / "none.sqlite")])
    assert missing.exit_code == 2


def test_nationality_places_flag(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("Canadian officials met their counterparts in Ottawa on Friday.")
    texts = {}
    for flag in ([], ["--nationality-places"]):
        db = str(tmp_path / f"n{len(flag)}.duckdb")
        done = runner.invoke(app, ["ingest", str(story), "--db", db, "-q", "-w", "1", *flag])
        assert done.exit_code == 0, done.output
        out = runner.invoke(app, ["places", "--db", db, "--json"]).stdout.splitlines()
        texts[bool(flag)] = sorted(json.loads(x)["text"] for x in out)
    assert texts[False] == ["Ottawa"]
    assert texts[True] == ["Canadian", "Ottawa"]
