"""Quote shapes: long cue sentences inside a quotation, named or thought phrases, partial
quotations that are all their verb governs."""

from __future__ import annotations

from typing import Any

import pytest

from stage_helpers import holding
from stage_helpers import quotes_of as run

pytestmark = pytest.mark.slow


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


def speaker_text(text: str, quote: dict[str, Any]) -> str | None:
    spk = quote["speaker"]
    if not spk or spk.get("start") is None:
        return None
    return text[spk["start"] : spk["end"]]


@pytest.mark.parametrize(
    ("text", "needle", "speaker"),
    [
        (
            "“We were far too slow to act on the warnings,” Ortega, 61, told Reuters in an "
            "interview on Monday.",
            "too slow",
            "Ortega",
        ),
        (
            "“Get out of this building,” Ortega barked and a guard led the man away.",
            "Get out",
            "Ortega",
        ),
        (
            "“There are still some of us who think the plan can work,” Lindqvist points out.",
            "plan can work",
            "Lindqvist",
        ),
    ],
)
def test_speaker_is_written_between_quotation_and_cue(
    base_nlp, quotes, text: str, needle: str, speaker: str
) -> None:
    hits = holding(run(base_nlp, quotes, text), needle)
    assert hits, "the quotation was not found"
    written = [speaker_text(text, q) for q in hits]
    assert len(written) == 1 and (written[0] or "").startswith(speaker), written


def test_next_paragraph_continues_after_a_long_cue_sentence(base_nlp, quotes) -> None:
    text = (
        "“We will rebuild the school,” the principal said during a meeting with parents in the "
        "gymnasium, which was still half full of water on Monday.\n\n"
        "“The children will be back in their classrooms before the winter.”"
    )
    found = run(base_nlp, quotes, text)
    hits = holding(found, "rebuild the school")
    assert len(hits) == 1 and "before the winter" in hits[0]["text"], [q["text"] for q in found]


def test_quotation_after_a_reported_clause_goes_on_with_it(base_nlp, quotes) -> None:
    text = (
        "The mayor said that the city would not give up the harbour project.\n\n"
        "“We have waited twenty years for this, and we will not wait another twenty.”"
    )
    found = run(base_nlp, quotes, text)
    hits = holding(found, "twenty years")
    assert len(hits) == 1, [q["text"] for q in found]
    assert hits[0]["text"].startswith("that the city"), hits[0]["text"]
    assert hits[0]["kind"] == "mixed"


def test_cue_verb_of_the_clause_before_a_colon_speaks(base_nlp, quotes) -> None:
    text = (
        "As the Gazette reported, even on Friday morning the city council was still refusing "
        "to publish the figures for the new harbour: “We have no plans to release the full "
        "report this year.”"
    )
    hits = holding(run(base_nlp, quotes, text), "no plans")
    assert len(hits) == 1
    assert (speaker_text(text, hits[0]) or "").endswith("Gazette"), hits[0]["speaker"]


def test_any_verb_after_a_comma_closed_quotation_with_its_subject(base_nlp, quotes) -> None:
    text = "“We lost the vote but not the argument,” an angry Petrova fired back."
    hits = holding(run(base_nlp, quotes, text), "lost the vote")
    assert len(hits) == 1
    assert hits[0]["kind"] == "direct"
    assert (speaker_text(text, hits[0]) or "").endswith("Petrova"), hits[0]["speaker"]


def test_quotation_ending_its_sentence_takes_the_cue_before_it(base_nlp, quotes) -> None:
    text = (
        "The governor was asked about the fines again. On the radio on Tuesday, she said, "
        "“I never promised to pay the fines for anyone.” Asked if that was a change, the "
        "governor replied, “Not at all.”"
    )
    hits = holding(run(base_nlp, quotes, text), "never promised")
    assert len(hits) == 1
    assert hits[0]["cue"] == "said" and hits[0]["kind"] == "direct", hits[0]


def test_bare_quotation_takes_the_last_speaker_of_reported_speech(base_nlp, quotes) -> None:
    text = (
        "Her neighbours have mocked the project, calling it “a castle in the air,” Ines said as "
        "she opened the gate.\n\n“But it is our castle, and we will finish it!”"
    )
    hits = holding(run(base_nlp, quotes, text), "our castle")
    assert len(hits) == 1
    assert speaker_text(text, hits[0]) == "Ines", hits[0]["speaker"]


def test_quotation_after_a_partly_quoted_report_and_its_cue_continues_it(base_nlp, quotes) -> None:
    text = (
        "Farmers are “waiting to see who wins the vote in the spring,” the union leader Ana "
        "Ruiz said. “That should worry every candidate.”"
    )
    found = run(base_nlp, quotes, text)
    hits = holding(found, "worry every candidate")
    assert len(hits) == 1, [q["text"] for q in found]
    assert hits[0]["text"].startswith("Farmers are"), hits[0]["text"]


def test_inverted_cue_names_the_speaker_after_it(base_nlp, quotes) -> None:
    text = (
        "“The gap is too wide to close in a week,” said a Nevada farmer.\n\n"
        "“Look, nobody expected the dam to hold,” added another Nevada farmer."
    )
    hits = holding(run(base_nlp, quotes, text), "nobody expected")
    assert len(hits) == 1
    assert "another" in (speaker_text(text, hits[0]) or ""), hits[0]["speaker"]


def test_lowercase_quotation_after_a_reported_clause_keeps_the_clause(base_nlp, quotes) -> None:
    text = (
        "The senator said he rarely campaigns for other candidates, “except for people I know "
        "very well.”"
    )
    hits = holding(run(base_nlp, quotes, text), "except for people")
    assert hits
    assert all("rarely campaigns" in q["text"] for q in hits), [q["text"] for q in hits]


def test_that_clause_ending_in_a_quotation_is_one_mixed_content(base_nlp, quotes) -> None:
    text = "The minister said that once the parliament goes home, “I will visit every region.”"
    hits = holding(run(base_nlp, quotes, text), "every region")
    assert len(hits) == 1
    assert hits[0]["text"].startswith("that once") and hits[0]["kind"] == "mixed", hits[0]


def test_source_named_after_a_dash_before_the_colon(base_nlp, quotes) -> None:
    text = (
        "Turnout estimates have been far too high in recent years - Lakeside Research: “All "
        "the samples we checked held more regular voters than the population does.”"
    )
    hits = holding(run(base_nlp, quotes, text), "samples we checked")
    assert len(hits) == 1
    assert (speaker_text(text, hits[0]) or "").endswith("Research"), hits[0]["speaker"]


def test_cue_set_off_by_commas_speaks_a_partial_quotation(base_nlp, quotes) -> None:
    text = (
        "The northern district, she said, was “where we will finally show what a real "
        "campaign can do.”"
    )
    hits = holding(run(base_nlp, quotes, text), "real campaign")
    assert len(hits) == 1
    assert speaker_text(text, hits[0]) == "she" and hits[0]["cue"] == "said", hits[0]
