"""Reported content of a speech verb: a phrase of time is never the content."""

from __future__ import annotations

import pytest

from stage_helpers import quotes_of as run

pytestmark = pytest.mark.slow


def test_a_time_phrase_before_the_clause_is_not_content(base_nlp, quotes) -> None:
    text = "Governor Ana Ruiz said on Friday after the hearing that the dam would be rebuilt."
    (q,) = run(base_nlp, quotes, text)
    assert q["text"].endswith("the dam would be rebuilt")
    assert "Friday" not in q["text"]


def test_said_with_only_a_time_phrase_reports_nothing(base_nlp, quotes) -> None:
    text = "The council met again. Governor Ana Ruiz said on Friday after the hearing."
    assert run(base_nlp, quotes, text) == []


def test_a_topic_phrase_is_still_content(base_nlp, quotes) -> None:
    text = "Governor Ana Ruiz wrote on the new water rules."
    found = run(base_nlp, quotes, text)
    assert any("the new water rules" in q["text"] for q in found)
