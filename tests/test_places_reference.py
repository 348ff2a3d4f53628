"""The reference article's places and the places of its capture and strikes (the article
is read from ../shared at test time; skipped where it is absent)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from newsgraph.records import Article, ArticleResult

SEED = next(
    (
        d / "shared" / "corpus" / "seed" / "seed.jsonl"
        for d in Path(__file__).resolve().parents
        if (d / "shared" / "corpus" / "seed" / "seed.jsonl").exists()
    ),
    Path("shared/corpus/seed/seed.jsonl"),
)

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def result(analyzer: Any) -> ArticleResult:
    if not SEED.exists():
        pytest.skip(f"reference article not found at {SEED}")
    row = json.loads(SEED.read_text(encoding="utf-8").splitlines()[0])
    article = Article(id="seed", text=row["text"], published=row.get("published"))
    return next(r for r in analyzer.analyze([article]) if isinstance(r, ArticleResult))


def test_reference_places(result: ArticleResult) -> None:
    places = {(p.feature, p.admin1 or p.country) for p in result.places}
    assert ("city", "UA-30") in places  # the dateline's city
    assert ("admin1", "UA-14") in places
    assert ("city", "CN-BJ") in places
    assert ("admin1", "RU-KRS") in places and ("admin1", "RU-BEL") in places
    town = [p for p in result.places if p.feature == "city" and p.admin1 == "RU-KRS"]
    assert town and abs(town[0].lat - 51.2) < 0.3 and abs(town[0].lon - 35.3) < 0.3
    dateline = min(result.mentions, key=lambda m: m.start)
    assert dateline.start == 0 and dateline.place_id is not None


def test_reference_event_places(result: ArticleResult) -> None:
    def place(category: str, trigger: str) -> dict[str, Any]:
        for ev in result.events:
            if ev.category == category and trigger in ev.trigger["text"] and ev.place:
                return ev.place
        raise AssertionError(f"no placed {category} on {trigger!r}")

    assert place("COERCE", "captured")["admin1"] == "UA-14"
    assert place("ASSAULT", "strikes")["admin1"] == "RU-BEL"
