"""Certainty of planned actions and of speech acts performed in a quote. Sentences
written by the team."""

from __future__ import annotations

from typing import Any

import pytest

from newsgraph.events.certainty import assess
from newsgraph.events.tables import Cues
from stage_helpers import events_of as _events


def _cert(analyzer: Any, text: str, trigger: str) -> str:
    found = [e for e in _events(analyzer, text) if e["trigger"]["text"].startswith(trigger)]
    assert found, f"no event on {trigger!r} in {text!r}"
    return str(found[0]["certainty"])


@pytest.mark.parametrize(
    ("text", "trigger", "certainty"),
    [
        ("Kigali said it would not accept the proposal.", "accept", "future"),
        (
            "The minister is due to visit Nairobi for talks with the Kenyan president.",
            "talks",
            "future",
        ),
        ("The Indian prime minister is set to meet the Japanese leader.", "meet", "future"),
        # controls: a condition keeps "would" hypothetical; a past act stays claimed
        (
            "Kigali said it would reject the deal if the rebels attacked.",
            "attacked",
            "hypothetical",
        ),
        ("Rebels attacked a convoy in the north, the army said.", "attacked", "claimed"),
    ],
)
def test_planned_actions(analyzer: Any, text: str, trigger: str, certainty: str) -> None:
    assert _cert(analyzer, text, trigger) == certainty


@pytest.fixture(scope="module")
def cues() -> Cues:
    return Cues.load()


def _assess(base_nlp: Any, cues: Cues, text: str, verb: str, category: str) -> Any:
    doc = base_nlp(text)
    tok = next(t for t in doc if t.lower_ == verb)
    quote = [{"start": 0, "end": text.rindex('"') + 1}]
    return assess(tok, cues, quote, category=category)


@pytest.mark.parametrize(
    ("text", "verb", "category", "certainty"),
    [
        (
            '"I urge all parties to return to the table," the envoy said.',
            "urge",
            "REQUEST",
            "asserted",
        ),
        (
            '"We strongly reject these accusations," the spokesman said.',
            "reject",
            "REJECT",
            "asserted",
        ),
        (
            '"We condemn this attack on civilians," the president said.',
            "condemn",
            "ACCUSE",
            "asserted",
        ),
        # controls: past tense, third person, a category that is no speech act, negation
        ('"We urged them to stop the shelling," the official said.', "urged", "REQUEST", "claimed"),
        ('"He urges us to fight," the commander said.', "urges", "REQUEST", "claimed"),
        ('"We visit the region every year," the minister said.', "visit", "CONSULT", "claimed"),
        ('"I do not condemn anyone," the senator said.', "condemn", "ACCUSE", "denied"),
    ],
)
def test_performed_speech_act(
    base_nlp: Any, cues: Cues, text: str, verb: str, category: str, certainty: str
) -> None:
    assert _assess(base_nlp, cues, text, verb, category).certainty == certainty


def test_without_category_nothing_is_performed(base_nlp: Any, cues: Cues) -> None:
    text = '"I urge all parties to return to the table," the envoy said.'
    doc = base_nlp(text)
    tok = next(t for t in doc if t.lower_ == "urge")
    assert assess(tok, cues, [{"start": 0, "end": 60}]).certainty == "claimed"
