"""Where an event happened: its own clause (a locative or a target phrase), a next
sentence about the same event, then the sentence, then the dateline (the place's
``basis`` says which). Sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from newsgraph.records import Article, ArticleResult, Event

pytestmark = pytest.mark.slow


def events(analyzer: Any, text: str) -> list[Event]:
    article = Article(id="t", text=text, published="2025-03-03")
    results = [r for r in analyzer.analyze([article]) if isinstance(r, ArticleResult)]
    return results[0].events


def by_trigger(evs: list[Event], word: str) -> Event:
    for ev in evs:
        if word in ev.trigger["text"]:
            return ev
    raise AssertionError(f"no event on {word!r}: {[e.trigger['text'] for e in evs]}")


def test_target_phrase_names_the_place(analyzer: Any) -> None:
    ev = by_trigger(
        events(analyzer, "Army drones carried out strikes on Russia's Kursk region overnight."),
        "strikes",
    )
    assert ev.place is not None
    assert ev.place["admin1"] == "RU-KRS" and ev.place["basis"] == "clause"


def test_next_sentence_about_the_same_event_makes_the_place_precise(analyzer: Any) -> None:
    text = (
        "Soldiers captured three fighters in eastern Ukraine on Monday. The army announced "
        "the capture, saying the fighters were held in the Donetsk region."
    )
    ev = by_trigger(events(analyzer, text), "captured")
    assert ev.place is not None
    assert ev.place["admin1"] == "UA-14" and ev.place["basis"] == "following"


def test_no_place_in_the_sentence_takes_the_dateline(analyzer: Any) -> None:
    text = "Kyiv, Ukraine – The president condemned the shelling on Tuesday."
    ev = by_trigger(events(analyzer, text), "condemned")
    assert ev.place is not None
    assert ev.place["name"] == "Kyiv" and ev.place["basis"] == "dateline"
