"""Quote shapes of direct quotations (kinds of errors general rules fix; every sentence here
is written for the test)."""

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


def hits_of(found: list[dict[str, Any]], words: str) -> list[dict[str, Any]]:
    return [q for q in found if words in q["text"]]


# --------------------------------------------------------------------------- signature lines


def test_signature_lines_with_a_horizontal_bar(base_nlp, quotes) -> None:
    """Reader comments one per line, each signed "― Name" (U+2015, glued to the closing
    mark or not, no-break spaces around): each quotation is its signer's and none runs into
    the next line."""
    text = (
        "Readers told us what they think of the new bridge.\n\n"
        "“The bridge is far too expensive. Nobody asked the people who live by the river.”"
        " ― Marta Olsen\u00a0\n"
        "“I drive over it every day and it saves me twenty minutes.”― Peter Ivanov\n"
        "“We waited ten years for it. It was worth every cent.”\u00a0― Lucia Ferreira.\n\n"
        "The city plans a second bridge."
    )
    found = run(base_nlp, quotes, text)
    expected = {
        "far too expensive": "Marta Olsen",
        "saves me twenty minutes": "Peter Ivanov",
        "worth every cent": "Lucia Ferreira",
    }
    for words, name in expected.items():
        hits = hits_of(found, words)
        assert len(hits) == 1, [q["text"] for q in found]
        q = hits[0]
        assert q["kind"] == "direct"
        assert q["text"].startswith("“") and q["text"].endswith("”"), q["text"]
        assert speaker_text(text, q) == name
        assert q["cue"] == "―"
    # No quotation swallows the signer of the one before it.
    for q in found:
        assert "Olsen" not in q["text"] and "Ivanov" not in q["text"]


def test_signature_with_an_em_dash_on_the_next_line(base_nlp, quotes) -> None:
    text = (
        "“Cities that plant trees save money on cooling within a decade.”\n\n"
        "— Hanna Berg, urban planner."
    )
    found = run(base_nlp, quotes, text)
    hits = hits_of(found, "plant trees")
    assert len(hits) == 1
    assert speaker_text(text, hits[0]) == "Hanna Berg"


def test_a_quotation_inside_a_sentence_is_not_signed_by_a_byline(base_nlp, quotes) -> None:
    """A byline glued after a partial quotation ("… was “still the first party.”--Ana
    Lima.") names the reporter, not the speaker of the quoted words."""
    text = (
        "Morales said on Monday that he will seek a coalition and insisted that his party was "
        "“still the strongest force in the region.”--Ana Lima.\n\n"
        "Floods hit the north."
    )
    found = run(base_nlp, quotes, text)
    for q in found:
        assert speaker_text(text, q) != "Ana Lima", q


# --------------------------------------------------------------------------- dashes as words


def test_a_horizontal_bar_is_never_the_speaker(base_nlp, quotes) -> None:
    """Some outlets write the dash as a horizontal bar (―), which the tagger reads as a noun
    or verb; the subject of the cue is the name, not the bar."""
    text = (
        "When Lee noted that Morgan had paid no tax in some years ― as was true for the years "
        "his returns were made public ― Morgan boasted, “That makes me clever.”"
    )
    found = run(base_nlp, quotes, text)
    hits = [q for q in hits_of(found, "makes me clever") if q["kind"] == "direct"]
    assert len(hits) == 1, [q["text"] for q in found]
    assert speaker_text(text, hits[0]) == "Morgan"
    assert "―" not in (speaker_text(text, hits[0]) or "")


# --------------------------------------------------------------------------- split in one sentence


def test_cue_between_two_parts_of_one_sentence_joins_them(base_nlp, quotes) -> None:
    """“…,” he told the host, “…”: the cue's clause is the second part, which goes on in the
    cue's sentence; one quotation from the first mark to the last."""
    text = (
        "The retired engineer spoke on the radio on Sunday.\n\n"
        "“Now that I am retired,” she told reporters, “it was hard to work for that minister.”"
    )
    found = run(base_nlp, quotes, text)
    direct = [q for q in found if q["kind"] == "direct"]
    assert len(direct) == 1, [q["text"] for q in found]
    q = direct[0]
    assert q["text"].startswith("“Now that") and q["text"].endswith("that minister.”")
    assert speaker_text(text, q) == "she"


def test_participle_between_two_quotations_keeps_them_apart(base_nlp, quotes) -> None:
    """“…,” she said, adding, “…”: two cues, two quotations."""
    text = (
        "“We will open the school in May,” the mayor said, adding, “Nobody should worry "
        "about the date.”"
    )
    found = run(base_nlp, quotes, text)
    assert not any(
        "open the school" in q["text"] and "Nobody should worry" in q["text"]
        for q in found
        if q["kind"] == "direct"
    ), [q["text"] for q in found]


# --------------------------------------------------------------------------- gerund cues


def test_footage_of_a_person_asking_gives_that_person(base_nlp, quotes) -> None:
    """The ad uses footage of X asking, “…”: the person doing the asking speaks, not the ad."""
    text = (
        "The council race turned nasty this week.\n\n"
        "The ad uses footage of Ana Torres asking, “Why am I not ten points ahead in this race?”"
    )
    found = run(base_nlp, quotes, text)
    hits = [q for q in hits_of(found, "ten points") if q["kind"] == "direct"]
    assert len(hits) == 1, [q["text"] for q in found]
    assert speaker_text(text, hits[0]) == "Ana Torres"



def test_cue_after_a_preposition_takes_the_clause_subject(base_nlp, quotes) -> None:
    """X thanked the mayor before asking her, “…”: the cue hangs on "before", and the clause
    that the preposition belongs to has the speaker (not the nearest name, "the mayor")."""
    text = "Okafor thanked the mayor before asking her, “Where does the money go?”"
    found = run(base_nlp, quotes, text)
    hits = [q for q in hits_of(found, "Where does the money go") if q["kind"] == "direct"]
    assert len(hits) == 1, [q["text"] for q in found]
    assert speaker_text(text, hits[0]) == "Okafor"


# --------------------------------------------------------------------------- single-line paragraphs


def test_unclosed_quotation_does_not_swallow_the_next_lines(base_nlp, quotes) -> None:
    """A text whose paragraphs are single lines: an unclosed quotation followed by a line
    that opens with a mark is reopened there (the paragraph convention), so the quotations
    of the next lines keep their own speakers."""
    text = (
        "Flood Plan Splits the Valley.\n\n"
        "The council met on Friday. “It was a scandal,” Lee said. “If the council had "
        "listened, nobody would have lost a home.\n"
        "“We have been waiting for help for years,” added Okafor, a farmer. “Nobody came.”\n"
        "The vote on the plan is on Monday. “I will vote no,” said Ferreira.\n"
        "Editor’s note: this story was updated."
    )
    found = run(base_nlp, quotes, text)
    vote = [q for q in hits_of(found, "I will vote no") if q["kind"] == "direct"]
    assert len(vote) == 1, [q["text"] for q in found]
    assert "Lee" not in (speaker_text(text, vote[0]) or "")
    assert not vote[0]["text"].startswith("“It was")
    came = [q for q in hits_of(found, "Nobody came") if q["kind"] == "direct"]
    assert len(came) == 1
    assert "Editor" not in came[0]["text"]
    assert (speaker_text(text, came[0]) or "").startswith("Okafor")


def test_quotation_ending_its_line_stands_alone(base_nlp, quotes) -> None:
    """Paragraphs written as single lines inside one block: a quotation that closes its line
    after a finished sentence is a quotation of its own, not dropped because more lines of
    the block follow."""
    text = (
        "Film Looks at the Old Prisons.\n\n"
        "The director spoke after the screening. The hall was full. "
        "“We cannot understand the present if we forget where we came from.”\u00a0\n"
        "The prison system holds a fifth of the world’s inmates.\n"
        "The film opens in October."
    )
    found = run(base_nlp, quotes, text)
    hits = [q for q in hits_of(found, "We cannot understand") if q["kind"] == "direct"]
    assert len(hits) == 1, [q["text"] for q in found]
    assert hits[0]["text"].endswith("came from.”")


# --------------------------------------------------------------------------- report and quotation


def test_bare_quotation_after_the_rest_of_a_report_continues_it(base_nlp, quotes) -> None:
    """X called him a master at bolting deals together. “…”: the report's content stops at
    "a master" in the parse, but the rest of its sentence is no other report, so the bare
    quotation that follows goes on with it (one mixed content)."""
    text = (
        "Okafor spent ten years in the coal business. His former partner, Lucia Ferreira, "
        "called him a master at bolting together impossible deals. "
        "“He made things happen that nobody else could.”"
    )
    found = run(base_nlp, quotes, text)
    direct = [q for q in hits_of(found, "made things happen") if q["kind"] == "direct"]
    assert not direct, [q["text"] for q in found]
    mixed = [q for q in hits_of(found, "made things happen") if q["kind"] == "mixed"]
    assert len(mixed) == 1
    assert "impossible deals" in mixed[0]["text"]

