"""The date of an event: its own clause's date expression, not one of a relative clause
or of another noun; background (past perfect, "since") keeps the publication date with
precision "reported". Sentences written by the team; published Tuesday 2025-04-08."""

from __future__ import annotations

from typing import Any

import pytest

from newsgraph.records import Article

PUBLISHED = "2025-04-08"


def _event(analyzer: Any, text: str, trigger: str) -> dict[str, Any]:
    doc = analyzer.make_doc(Article(id="d1", text=text, published=PUBLISHED))
    for _name, proc in analyzer.nlp.pipeline:
        doc = proc(doc)
    found = [e for e in doc._.ng_events or [] if e["trigger"]["text"].startswith(trigger)]
    assert found, f"no event on {trigger!r} in {text!r}: {doc._.ng_events}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "trigger", "date", "precision"),
    [
        # the clause's own date, whatever the tense
        ("The army seized the town last year.", "seized", "2024", "year"),
        ("The rebels captured the city two years ago.", "captured", "2023", "year"),
        ("The two countries signed a peace deal in March 2019.", "signed", "2019-03", "month"),
        ("Rebels attacked the camp on Monday.", "attacked", "2025-04-07", "day"),
        # a relative clause's date is not the main event's
        (
            "Russia, which annexed Crimea in 2014, rejected the accusations on Monday.",
            "rejected",
            "2025-04-07",
            "day",
        ),
        (
            "The president, who was elected in 2019, met the Chinese envoy on Friday.",
            "met",
            "2025-04-04",
            "day",
        ),
        # the report's date is the event's when the event is not background
        ("Rebels attacked the camp, the army said on Monday.", "attacked", "2025-04-07", "day"),
        # past perfect: before the time the sentence speaks of
        (
            "Officials said on Tuesday that the militia had killed 12 villagers.",
            "killed",
            PUBLISHED,
            "reported",
        ),
        (
            "On Monday the Ugandan army said rebels had attacked a camp near the border.",
            "attacked",
            PUBLISHED,
            "reported",
        ),
        # "since" opens a span: no date of the event
        (
            "Since 2011, the government has detained thousands of activists.",
            "detained",
            PUBLISHED,
            "reported",
        ),
        (
            "The Sudanese army has fought the paramilitary group since April 2023.",
            "fought",
            PUBLISHED,
            "reported",
        ),
    ],
)
def test_event_date(analyzer: Any, text: str, trigger: str, date: str, precision: str) -> None:
    ev = _event(analyzer, text, trigger)
    assert (ev["date"], ev["date_precision"]) == (date, precision), ev["rule"]


def test_conjoined_verb_shares_the_first_date(analyzer: Any) -> None:
    text = "The army seized power in February 2021 and arrested the elected leader."
    ev = _event(analyzer, text, "arrested")
    assert (ev["date"], ev["date_precision"]) == ("2021-02", "month")


def test_a_date_before_another_noun_is_that_nouns(analyzer: Any) -> None:
    text = "The ministry rejected claims that Sunday's attack was planned abroad."
    ev = _event(analyzer, text, "rejected")
    assert (ev["date"], ev["date_precision"]) == (PUBLISHED, "reported")
