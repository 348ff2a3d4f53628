"""The newsgraph_times component on sentences written for these tests."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
import spacy
from spacy.language import Language

import newsgraph.times  # noqa: F401 - registers the factory
from newsgraph.nlp import STAGES, available_stages
from newsgraph.records import DateExpr
from newsgraph.times import TimesComponent


@pytest.fixture(scope="module")
def times(base_nlp: Language) -> TimesComponent:
    return TimesComponent(base_nlp, "newsgraph_times")


def run(
    nlp: Language, comp: TimesComponent, text: str, published: str | None = "2025-04-08"
) -> list[dict[str, Any]]:
    doc = nlp(text)
    doc._.ng_meta = {"article_id": "t1", "published": published}
    comp(doc)
    return list(doc._.ng_dates)


def pairs(records: list[dict[str, Any]]) -> list[tuple[str, str | None]]:
    return [(r["text"], r["value"]) for r in records]


def test_factory_registered() -> None:
    assert ("times", "newsgraph_times", "newsgraph.times") in STAGES
    assert Language.has_factory("newsgraph_times")
    assert "times" in available_stages()


def test_weekdays_around_a_tuesday_report(base_nlp: Language, times: TimesComponent) -> None:
    text = (
        "Border guards said on Monday that two soldiers had been detained. "
        "A spokesman confirmed the arrests on Tuesday."
    )
    assert pairs(run(base_nlp, times, text)) == [
        ("Monday", "2025-04-07"),
        ("Tuesday", "2025-04-08"),
    ]


def test_future_clause_looks_forward(base_nlp: Language, times: TimesComponent) -> None:
    future = run(base_nlp, times, "The foreign ministers will meet on Friday in Vienna.")
    past = run(base_nlp, times, "The foreign ministers met on Friday in Vienna.")
    assert pairs(future) == [("Friday", "2025-04-11")]
    assert pairs(past) == [("Friday", "2025-04-04")]


def test_same_weekday_future_is_the_publication_day(
    base_nlp: Language, times: TimesComponent
) -> None:
    records = run(base_nlp, times, "The council will vote on Tuesday on the new budget.")
    assert pairs(records) == [("Tuesday", "2025-04-08")]


def test_mixed_expressions(base_nlp: Language, times: TimesComponent) -> None:
    text = (
        "The ceasefire signed on March 3, 2024 collapsed last week, two days after talks "
        "resumed. Fighting was heaviest in January."
    )
    got = dict(pairs(run(base_nlp, times, text)))
    assert got["March 3, 2024"] == "2024-03-03"
    assert got["last week"] == "2025-W14"
    assert got["January"] == "2025-01"
    # "two days after talks" is relative to another event, not to the report
    assert "two days after" not in " ".join(got)


def test_durations_ages_amounts_are_not_dates(base_nlp: Language, times: TimesComponent) -> None:
    text = (
        "We waited for two days. The siege lasted three years. The 45-year-old driver paid "
        "$27 for 2000 litres of fuel, and 35 percent of the 1,500 residents left."
    )
    assert run(base_nlp, times, text) == []


def test_modal_may_is_not_a_month(base_nlp: Language, times: TimesComponent) -> None:
    text = "May I ask why the convoy may be delayed? The talks open in May."
    assert pairs(run(base_nlp, times, text)) == [("May", "2025-05")]


def test_no_publication_date(base_nlp: Language, times: TimesComponent) -> None:
    text = "The treaty was signed on April 8, 2025, and the troops left yesterday."
    records = run(base_nlp, times, text, published=None)
    assert pairs(records) == [("April 8, 2025", "2025-04-08"), ("yesterday", None)]
    assert records[1]["precision"] is None


def test_records_have_dateexpr_keys(base_nlp: Language, times: TimesComponent) -> None:
    text = "Prices rose in the third quarter and fell yesterday."
    records = run(base_nlp, times, text)
    fields = {f.name for f in dataclasses.fields(DateExpr)}
    assert records and all(set(r) == fields for r in records)
    for r in records:
        assert text[r["start"] : r["end"]] == r["text"]
        assert r["article_id"] == "t1"
    assert pairs(records) == [("the third quarter", "2024-Q3"), ("yesterday", "2025-04-07")]


def test_runs_in_a_blank_pipeline_without_parse() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("newsgraph_times")
    doc = nlp.make_doc("Officials met on Monday and again yesterday.")
    doc._.ng_meta = {"published": "2025-04-08"}
    doc = nlp(doc)
    assert pairs(doc._.ng_dates) == [("Monday", "2025-04-07"), ("yesterday", "2025-04-07")]


def test_missing_meta_still_works() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("newsgraph_times")
    doc = nlp("Elections were held in 2019 and again last year.")
    assert pairs(doc._.ng_dates) == [("2019", "2019"), ("last year", None)]


def test_through_the_analyzer(analyzer: Any) -> None:
    from newsgraph.records import Article, ArticleResult

    article = Article(
        id="d1",
        text="The parliament approved the treaty on Monday and will debate it again next week.",
        published="2025-04-08",
        published_precision="day",
    )
    (result,) = list(analyzer.analyze([article]))
    assert isinstance(result, ArticleResult)
    got = [(d.text, d.value, d.precision, d.article_id) for d in result.dates]
    assert got == [
        ("Monday", "2025-04-07", "day", "d1"),
        ("next week", "2025-W16", "week", "d1"),
    ]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The company is expected to report its results on Thursday.", "2025-04-10"),
        ("The talks are scheduled for Friday.", "2025-04-11"),
        ("The envoy is meeting his counterpart on Friday.", "2025-04-11"),
        ("The court is going to rule on Friday.", "2025-04-11"),
        ("Negotiators hope to close the deal by Friday.", "2025-04-11"),
        ("Rebels shelled the town on Friday.", "2025-04-04"),
        ("Rebels have shelled the town on Friday.", "2025-04-04"),
    ],
)
def test_clause_tense_sets_direction(
    base_nlp: Language, times: TimesComponent, sentence: str, value: str
) -> None:
    assert [r["value"] for r in run(base_nlp, times, sentence)] == [value]
