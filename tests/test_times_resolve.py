"""newsgraph.times.resolve on expressions and publication dates written for these tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from newsgraph.times import PRECISIONS, clause_date, resolve
from newsgraph.times.grammar import find, parse_anchor

CASES: dict[str, list[list[Any]]] = yaml.safe_load(
    (Path(__file__).parent / "fixtures" / "times" / "resolve_cases.yaml").read_text("utf-8")
)


def _ids(rows: list[list[Any]]) -> list[str]:
    return [f"{r[0]}@{r[1]}" + (f"/{r[2]}" if len(r) > 4 and r[2] else "") for r in rows]


FAMILIES = ["absolute", "relative", "weekdays", "months_without_year", "quarters"]
RESOLVED = [row for fam in FAMILIES for row in CASES[fam]]


@pytest.mark.parametrize("row", RESOLVED, ids=_ids(RESOLVED))
def test_resolves(row: list[Any]) -> None:
    text, published, tense, value, precision = row
    assert resolve(text, published, tense=tense) == (value, precision)
    assert precision in PRECISIONS


@pytest.mark.parametrize("row", CASES["not_dates"], ids=_ids(CASES["not_dates"]))
def test_not_dates(row: list[Any]) -> None:
    text, published = row
    assert resolve(text, published) == (None, None)


@pytest.mark.parametrize(
    "row", CASES["no_publication_date"], ids=_ids(CASES["no_publication_date"])
)
def test_without_full_publication_date(row: list[Any]) -> None:
    text, published, value, precision = row
    assert resolve(text, published) == (value, precision)


def test_reference_weekdays() -> None:
    # a report published on Tuesday 2025-04-08
    assert resolve("on Tuesday", "2025-04-08") == ("2025-04-08", "day")
    assert resolve("on Monday", "2025-04-08") == ("2025-04-07", "day")


def test_every_weekday_in_a_past_clause_is_within_the_last_week() -> None:
    days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    values = {resolve(d, "2025-04-08", tense="past")[0] for d in days}
    expected = {f"2025-04-{n:02d}" for n in range(2, 9)}
    assert values == expected


def test_every_weekday_in_a_future_clause_is_within_the_next_week() -> None:
    days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    values = {resolve(d, "2025-04-08", tense="future")[0] for d in days}
    expected = {f"2025-04-{n:02d}" for n in range(8, 15)}
    assert values == expected


def test_bad_publication_date_is_treated_as_missing() -> None:
    assert parse_anchor("not a date") is None
    assert resolve("yesterday", "not a date") == (None, None)
    assert resolve("1998", "not a date") == ("1998", "year")


def test_find_range_gives_both_ends() -> None:
    text = "The summit runs April 8-10, 2025 in Geneva."
    found = [(text[m.start : m.end], m.kind) for m in find(text)]
    assert [f[0] for f in found] == ["April 8", "10, 2025"]


def test_find_range_with_and() -> None:
    text = "Leaders meet on April 24 and 25."
    assert [text[m.start : m.end] for m in find(text)] == ["April 24", "25"]


def test_find_skips_amounts_and_counts() -> None:
    text = "He paid $27 for 2,000 tickets and 1,500 people came; 35 percent stayed."
    assert [text[m.start : m.end] for m in find(text)] == []


def test_clause_date_prefers_expression_inside_clause() -> None:
    dates = [
        {"start": 0, "end": 9, "text": "Yesterday", "value": "2025-04-07", "precision": "day"},
        {"start": 40, "end": 46, "text": "Friday", "value": "2025-04-04", "precision": "day"},
    ]
    assert clause_date(dates, 0, 30, "2025-04-08") == ("2025-04-07", "day")
    assert clause_date(dates, 35, 60, "2025-04-08") == ("2025-04-04", "day")
    assert clause_date(dates, 60, 90, "2025-04-08") == ("2025-04-08", "reported")
    assert clause_date(dates, 60, 90, "2025-04-08T10:00:00Z") == ("2025-04-08", "reported")
    assert clause_date(dates, 60, 90, None) == (None, None)
    assert clause_date(None, 0, 10, "2025-04") == ("2025-04", "reported")


def test_publication_date_as_date_object() -> None:
    import datetime as dt

    anchor = parse_anchor(dt.date(2025, 4, 8))
    assert anchor is not None and anchor.granularity == "day"
    anchor = parse_anchor(dt.datetime(2025, 4, 8, 23, 59))
    assert anchor is not None and anchor.date == dt.date(2025, 4, 8)


def test_newspaper_names_are_not_weekdays() -> None:
    text = "The report first appeared in the Baltimore Sun. Officials met on Wed. afternoon."
    assert [text[m.start : m.end] for m in find(text)] == ["Wed. afternoon"]
