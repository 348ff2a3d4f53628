"""Speech-act nouns talked about are no events; everyday senses of receive and warn."""

from __future__ import annotations

from typing import Any

from newsgraph.events.lexicon import Lexicon
from stage_helpers import events_of


def categories(analyzer: Any, text: str) -> list[str]:
    return [e["category"] for e in events_of(analyzer, text)]


def test_threat_talked_about_is_no_event(analyzer: Any) -> None:
    assert "THREATEN" not in categories(analyzer, "Norway faces a growing threat from Denmark, the minister said.")


def test_threat_issued_is_threaten(analyzer: Any) -> None:
    assert "THREATEN" in categories(analyzer, "Norway issued a threat against Denmark on Monday.")


def test_deal_hoped_for_is_no_agree(analyzer: Any) -> None:
    assert "AGREE" not in categories(analyzer, "Chile hopes a deal with Peru will end the dispute.")


def test_deal_reached_is_agree(analyzer: Any) -> None:
    assert "AGREE" in categories(analyzer, "Chile reached a deal with Peru on Tuesday.")


def test_received_aid_is_no_meeting(analyzer: Any) -> None:
    assert "CONSULT" not in categories(analyzer, "Kenya received a loan from Japan last year.")


def test_received_visitor_is_consult(analyzer: Any) -> None:
    assert "CONSULT" in categories(analyzer, "The Kenyan president received the Japanese foreign minister.")


def test_warned_of_is_no_threat(analyzer: Any) -> None:
    assert "THREATEN" not in categories(analyzer, "Egyptian officials warned of a possible flood next month.")


def test_performing_verbs_include_light_verbs() -> None:
    lex = Lexicon.load()
    assert {"issue", "reach"} <= lex.performing_verbs
    assert "THREATEN" in lex.performed_noun_categories
