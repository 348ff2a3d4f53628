"""Quote shapes: speakers of quotations introduced by a clause that is not a cue of the
lexicon, and other speaker shapes."""

from __future__ import annotations

from typing import Any

import pytest

from stage_helpers import quotes_of as run

pytestmark = pytest.mark.slow


def speaker_text(text: str, q: dict[str, Any]) -> str | None:
    sp = q["speaker"] or {}
    if sp.get("start") is None:
        return None
    return text[sp["start"] : sp["end"]]


def test_as_x_put_it_introduces_the_quotation(base_nlp, quotes) -> None:
    text = (
        "The council voted against the new bridge on Monday. As the historian Maria Lindqvist "
        "put it, “Nobody in this town wants to pay for a bridge that leads nowhere.”"
    )
    found = run(base_nlp, quotes, text)
    hits = [q for q in found if "Nobody in this town" in q["text"]]
    assert len(hits) == 1, [q["text"] for q in found]
    assert hits[0]["kind"] == "direct"
    assert hits[0]["text"].startswith("“Nobody")
    assert "Lindqvist" in (speaker_text(text, hits[0]) or "")


def test_lead_in_with_a_thing_as_subject_gives_no_speaker(base_nlp, quotes) -> None:
    text = (
        "The river rose all night. By morning it had reached the old mill, "
        "“the highest level anyone here can remember.”"
    )
    found = run(base_nlp, quotes, text)
    for q in found:
        assert speaker_text(text, q) != "it"


def test_conjoined_verb_after_a_loose_clause_takes_the_first_subject(base_nlp, quotes) -> None:
    text = (
        "The crowd chanted for ten minutes.\n\n"
        "Okafor waved to quiet the hall, then leaned in and boomed: “We will win this county.”"
    )
    found = run(base_nlp, quotes, text)
    hits = [q for q in found if "win this county" in q["text"]]
    assert len(hits) == 1, [q["text"] for q in found]
    assert speaker_text(text, hits[0]) == "Okafor"


def test_copula_clause_before_a_colon_speaks(base_nlp, quotes) -> None:
    text = (
        "The mayor asked the court to look again.\n\n"
        "The election board was firm in its ruling: “No further hearing is needed on this.”"
    )
    found = run(base_nlp, quotes, text)
    hits = [q for q in found if "No further hearing" in q["text"]]
    assert len(hits) == 1, [q["text"] for q in found]
    assert "board" in (speaker_text(text, hits[0]) or "")


def test_quotation_opening_a_paragraph_after_a_new_subject_takes_it(base_nlp, quotes) -> None:
    text = (
        "“We are going to fix the roads,” Okafor said. She then turned to the audience.\n\n"
        "“Who here has waited an hour for a bus this week?”"
    )
    found = run(base_nlp, quotes, text)
    hits = [q for q in found if "waited an hour" in q["text"]]
    assert len(hits) == 1, [q["text"] for q in found]
    assert "fix the roads" not in hits[0]["text"]
    assert speaker_text(text, hits[0]) == "She"


def test_as_follows_at_the_end_of_the_paragraph_before(base_nlp, quotes) -> None:
    text = (
        "The council met on Monday night to discuss the bridge.\n\n"
        "Partial transcript as follows:\n\n"
        "“MAYOR: We will open the bridge in May, and nobody will pay a toll to cross it.”"
    )
    found = run(base_nlp, quotes, text)
    hits = [q for q in found if "open the bridge" in q["text"]]
    assert len(hits) == 1, [q["text"] for q in found]
    assert hits[0]["kind"] == "direct"
    assert "transcript" in (speaker_text(text, hits[0]) or "")
