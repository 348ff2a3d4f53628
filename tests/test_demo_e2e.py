"""End to end: the bundled demo corpus ingests completely, the way `make demo` runs it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app

DEMO = Path(__file__).resolve().parent.parent / "demo"
INPUTS = [DEMO / "articles", DEMO / "html", DEMO / "wire.jsonl"]

pytestmark = pytest.mark.slow


def _expected_articles() -> int:
    files = [p for p in (DEMO / "articles").rglob("*") if p.is_file()]
    files += [p for p in (DEMO / "html").rglob("*") if p.is_file()]
    lines = [x for x in (DEMO / "wire.jsonl").read_text().splitlines() if x.strip()]
    return len(files) + len(lines)


def test_demo_corpus_ingests_without_failures(tmp_path):
    runner = CliRunner()
    db = str(tmp_path / "demo.duckdb")
    result = runner.invoke(app, ["ingest", *map(str, INPUTS), "--db", db, "-q", "-w", "1"])
    assert result.exit_code == 0, result.output
    stats = json.loads(runner.invoke(app, ["stats", "--db", db, "--json"]).stdout)
    expected = _expected_articles()
    assert expected >= 25
    assert stats["articles"] == expected
    assert stats["failures"] == 0
    assert stats["sentences"] > 10 * expected
    kinds = dict(stats["mentions_by_kind"])
    assert sum(kinds.values()) > 0
    # Every stored mention's offsets point at its own text.
    rows = runner.invoke(app, ["actors", "--db", db, "--json"]).stdout.splitlines()
    articles = {
        a["id"]: a for a in map(json.loads, runner.invoke(app, ["articles", "--db", db, "--json"]).stdout.splitlines())
    }
    assert set(articles)
    for row in map(json.loads, rows):
        assert row["article_id"] in articles
        assert row["end"] > row["start"]
    shown = runner.invoke(app, ["show", "demo-0101", "--db", db])
    assert shown.exit_code == 0 and "[" in shown.stdout
