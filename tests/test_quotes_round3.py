"""Quote shapes of round 3: long cue sentences inside a quotation, named or thought
phrases, partial quotations that are all their verb governs."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

from newsgraph.quotes import QuotesComponent

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def quotes(base_nlp: Language) -> QuotesComponent:
    return QuotesComponent(base_nlp)


def run(base_nlp: Language, quotes: QuotesComponent, text: str) -> list[dict[str, Any]]:
    doc = quotes(base_nlp(text))
    assert not doc.user_data.get("ng_errors")
    return list(doc._.ng_quotes)


def holding(found: list[dict[str, Any]], needle: str) -> list[dict[str, Any]]:
    return [q for q in found if needle in q["text"]]


def test_long_cue_sentence_between_two_parts_is_one_quote(base_nlp, quotes) -> None:
    text = (
        "“The bridge will open in the spring,” the city engineer said on Tuesday during a "
        "long visit to the construction site with members of the transport committee. "
        "“Nobody will have to wait another winter.”"
    )
    found = run(base_nlp, quotes, text)
    hits = holding(found, "bridge will open")
    assert len(hits) == 1, [q["text"] for q in found]
    assert "another winter" in hits[0]["text"]
    assert not [q for q in found if q["text"].startswith("“Nobody")]


def test_according_to_between_parts_reports_the_whole_quotation(base_nlp, quotes) -> None:
    text = (
        "“We will not close the school,” the mayor said, according to the local radio. "
        "“The children need it.”"
    )
    found = run(base_nlp, quotes, text)
    spans = {(q["start"], q["end"]) for q in found if "close the school" in q["text"]}
    assert len(spans) == 1, [q["text"] for q in found]
    assert any(q["cue"] == "according to" for q in found), [q["cue"] for q in found]


def test_named_phrase_is_its_clause_not_a_quotation(base_nlp, quotes) -> None:
    text = "Ortiz took swipes at his rival, who he dubbed “the little mayor.”"
    hits = holding(run(base_nlp, quotes, text), "little mayor")
    assert hits
    assert all(not q["text"].startswith("“") for q in hits), [q["text"] for q in hits]


def test_partial_quotation_all_the_verb_governs_takes_its_clause(base_nlp, quotes) -> None:
    text = "Back in 2001 the senator had “serious doubts about the whole plan.”"
    hits = holding(run(base_nlp, quotes, text), "serious doubts")
    assert hits
    assert all(not q["text"].startswith("“") for q in hits), [q["text"] for q in hits]
