"""The quotes stage on sentences the team wrote: every quote shape, speakers, cues, channels."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import pytest
import spacy

from newsgraph.quotes import QuotesComponent, load_lexicon
from newsgraph.records import Quote
from stage_helpers import quotes_of as run

pytestmark = pytest.mark.slow


def one(found: list[dict[str, Any]], needle: str) -> dict[str, Any]:
    hits = [q for q in found if needle in q["text"]]
    assert len(hits) == 1, [q["text"] for q in found]
    return hits[0]


def span(text: str, d: dict[str, Any]) -> str:
    return text[d["start"] : d["end"]]


def test_direct_quote_cue_after_straight_marks(base_nlp, quotes) -> None:
    text = '"We will rebuild the bridge by spring," Mayor Ana Torres said on Friday.'
    q = one(run(base_nlp, quotes, text), "rebuild")
    assert q["kind"] == "direct"
    assert q["text"] == '"We will rebuild the bridge by spring,"'
    assert q["speaker"]["name"] == "Ana Torres"
    assert span(text, q["speaker"]).endswith("Ana Torres")
    assert q["cue"] == "said" and text[q["cue_start"] : q["cue_end"]] == "said"


def test_direct_quote_inverted_curly_marks(base_nlp, quotes) -> None:
    text = "“The talks are over for this year,” said Foreign Minister Karl Brandt."
    q = one(run(base_nlp, quotes, text), "talks")
    assert q["kind"] == "direct"
    assert q["speaker"]["name"] == "Karl Brandt"
    assert q["cue"] == "said"


def test_direct_quote_cue_before_with_colon(base_nlp, quotes) -> None:
    text = "The coach answered: “We lost because we were slow in the second half.”"
    q = one(run(base_nlp, quotes, text), "We lost")
    assert q["kind"] == "direct"
    assert span(text, q["speaker"]) == "The coach"
    assert q["cue"] == "answered"


def test_quote_over_several_sentences_and_paragraphs(base_nlp, quotes) -> None:
    text = (
        "Inspector Lee Park described the scene.\n\n"
        "“The road was closed before dawn. Nobody was allowed through.\n\n"
        "“We opened it again at noon,” Park said."
    )
    q = one(run(base_nlp, quotes, text), "closed before dawn")
    assert "We opened it again at noon" in q["text"]
    assert q["speaker"]["name"] == "Park"


def test_split_quote_is_one_quote(base_nlp, quotes) -> None:
    text = "“We are ready,” the director said. “But nobody has called us yet.”"
    found = run(base_nlp, quotes, text)
    direct = [q for q in found if q["kind"] == "direct"]
    assert len(direct) == 1
    assert direct[0]["text"].startswith("“We are ready,”")
    assert direct[0]["text"].endswith("called us yet.”")
    assert span(text, direct[0]["speaker"]) == "the director"


def test_quote_inside_quote(base_nlp, quotes) -> None:
    text = "“He told me ‘never again’ and walked out,” Rosa Lopez said."
    q = one(run(base_nlp, quotes, text), "never again")
    assert q["text"] == "“He told me ‘never again’ and walked out,”"
    assert q["speaker"]["name"] == "Rosa Lopez"


def test_bare_quote_takes_speaker_of_its_paragraph(base_nlp, quotes) -> None:
    text = (
        "Governor Maria Silva signed the flood relief bill on Monday. "
        "“This money will reach every village before the rains.”"
    )
    q = one(run(base_nlp, quotes, text), "every village")
    assert q["kind"] == "direct"
    assert q["cue"] is None
    assert q["speaker"]["name"] == "Maria Silva"


def test_bare_quote_paragraph_takes_previous_speaker(base_nlp, quotes) -> None:
    text = (
        "“The harvest failed in the north,” the farm minister Omar Haddad said.\n\n"
        "Prices of bread rose by a third over the winter.\n\n"
        "“We will import wheat until the next harvest comes in.”"
    )
    q = one(run(base_nlp, quotes, text), "import wheat")
    assert q["speaker"]["name"] == "Omar Haddad"


def test_indirect_said_that(base_nlp, quotes) -> None:
    text = "The transport minister said that the border crossing would reopen next week."
    q = one(run(base_nlp, quotes, text), "border crossing")
    assert q["kind"] == "indirect"
    assert q["text"] == "that the border crossing would reopen next week"
    assert span(text, q["speaker"]) == "The transport minister"
    assert q["cue"] == "said"


def test_indirect_inverted_reported_clause_first(base_nlp, quotes) -> None:
    text = "The dam is safe for now, engineers said on Tuesday."
    q = one(run(base_nlp, quotes, text), "dam")
    assert q["kind"] == "indirect"
    assert q["text"] == "The dam is safe for now"
    assert span(text, q["speaker"]) == "engineers"


def test_according_to(base_nlp, quotes) -> None:
    text = "According to the Red Cross, forty people were injured in the blast."
    q = one(run(base_nlp, quotes, text), "forty people")
    assert q["kind"] == "indirect"
    assert q["text"] == "forty people were injured in the blast"
    assert q["cue"] == "According to"
    assert span(text, q["speaker"]) == "the Red Cross"


def test_accused_of(base_nlp, quotes) -> None:
    text = "President Elena Ortega accused the rebels of shelling the harbor."
    q = one(run(base_nlp, quotes, text), "rebels")
    assert q["text"] == "the rebels of shelling the harbor"
    assert q["cue"] == "accused"
    assert q["speaker"]["name"] == "Elena Ortega"


def test_mixed_reported_clause_with_quoted_words(base_nlp, quotes) -> None:
    text = "The mayor said the new parking plan was “a disaster for small shops.”"
    found = run(base_nlp, quotes, text)
    q = one(found, "parking plan")
    assert q["kind"] == "mixed"
    assert "“a disaster for small shops" in q["text"]
    assert q["cue"] == "said"
    # The quoted words are part of the mixed quote, not a second quote.
    assert len([x for x in found if "disaster" in x["text"]]) == 1


def test_partial_quotation_in_narrative(base_nlp, quotes) -> None:
    text = (
        "The foreign minister, Paulo Mendes, summoned the ambassador "
        '"to demand an explanation for the raid."'
    )
    q = one(run(base_nlp, quotes, text), "demand an explanation")
    assert q["kind"] == "mixed"
    assert q["cue"] == "summoned"
    assert "summoned" not in q["text"]  # the narrated act is not part of the claim
    assert q["speaker"]["name"] == "Paulo Mendes"


@pytest.mark.parametrize(
    ("text", "channel"),
    [
        ("“We are under attack,” Ivan Petrov wrote in a Telegram post.", "Telegram post"),
        ("“The vote was rigged,” opposition leader Sara Kim told CNN.", "told CNN"),
        (
            "“Talks will resume,” the spokesman Ali Reza said at a press conference.",
            "press conference",
        ),
        ("“Nothing has changed,” Dana Wolf said in a statement on Sunday.", "statement"),
        ("“We won,” Marek Nowak wrote on X.", "X"),
        ("“It is over,” Lina Berg said in an interview with Reuters.", "interview with Reuters"),
    ],
)
def test_channel(base_nlp, quotes, text: str, channel: str) -> None:
    found = run(base_nlp, quotes, text)
    direct = [q for q in found if q["kind"] == "direct"]
    assert len(direct) == 1
    assert direct[0]["channel"] == channel


def test_no_channel_when_none_is_stated(base_nlp, quotes) -> None:
    q = one(run(base_nlp, quotes, "“We won,” Marek Nowak said."), "We won")
    assert q["channel"] is None


def test_pronoun_speaker_without_actors_stage(base_nlp, quotes) -> None:
    text = "Senator Lena Brooks criticized the budget. “It is a mistake,” she said."
    q = one(run(base_nlp, quotes, text), "mistake")
    assert span(text, q["speaker"]) == "she"
    assert q["speaker"]["name"] == "Lena Brooks"
    assert q["speaker"]["actor_id"] is None


def test_speaker_from_actors_stage(base_nlp, quotes) -> None:
    text = "Senator Lena Brooks criticized the budget. “It is a mistake,” she said."
    actors = [
        {"id": "a1", "name": "Lena Brooks", "country": "USA", "sector": "GOV", "kind": "person"}
    ]
    she = text.index("she said")
    mentions = [
        {"start": 0, "end": 19, "text": "Senator Lena Brooks", "actor_id": "a1", "kind": "person"},
        {"start": she, "end": she + 3, "text": "she", "actor_id": "a1", "kind": "pronoun"},
    ]
    q = one(run(base_nlp, quotes, text, actors, mentions), "mistake")
    assert q["speaker"] == {
        "name": "Lena Brooks",
        "country": "USA",
        "sector": "GOV",
        "start": she,
        "end": she + 3,
        "actor_id": "a1",
    }


def test_title_speaker_resolved_by_actors_stage(base_nlp, quotes) -> None:
    text = (
        "“We need more trucks,” Governor Maria Silva said.\n\n"
        "The governor has asked the army for help. “Every hour counts.”"
    )
    actors = [{"id": "a7", "name": "Maria Silva", "country": "BRA", "sector": "GOV"}]
    start = text.index("The governor")
    mentions = [{"start": start, "end": start + 12, "text": "The governor", "actor_id": "a7"}]
    q = one(run(base_nlp, quotes, text, actors, mentions), "Every hour")
    assert q["speaker"]["actor_id"] == "a7"
    assert q["speaker"]["country"] == "BRA"
    # Without the actors stage the title falls back to the nearest earlier named speaker.
    q = one(run(base_nlp, quotes, text), "Every hour")
    assert q["speaker"]["name"] == "Maria Silva"
    assert q["speaker"]["actor_id"] is None


def test_scare_quotes_and_titles_are_not_quotes(base_nlp, quotes) -> None:
    found = run(
        base_nlp, quotes, "The so-called “reform” passed. She watched “Meet the Press” at home."
    )
    assert found == []


def test_output_is_plain_data_keyed_like_the_record(base_nlp, quotes) -> None:
    text = "“We are ready,” the director said. The ministry said the roads were open."
    found = run(base_nlp, quotes, text)
    assert found
    json.dumps(found)
    names = {f.name for f in dataclasses.fields(Quote)} - {"article_id"}
    for q in found:
        assert set(q) == names
        assert q["text"] == text[q["start"] : q["end"]]
        assert q["kind"] in ("direct", "indirect", "mixed")


def test_factory_is_registered_and_runs_on_a_blank_pipeline() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("newsgraph_quotes")
    doc = nlp("“Nothing to add,” the spokesman said.")
    assert not doc.user_data.get("ng_errors")
    assert [q["text"] for q in doc._.ng_quotes] == ["“Nothing to add,”"]
    assert doc._.ng_quotes[0]["speaker"] is None  # no parse: the text is found, not the speaker


def test_in_a_full_pipeline_copy(base_nlp) -> None:
    nlp = spacy.load(base_nlp.path) if base_nlp.path else None
    if nlp is None:
        pytest.skip("model path unknown")
    nlp.add_pipe("newsgraph_quotes")
    docs = list(nlp.pipe(["“Fine,” Ann Lee said.", "Bo Chan said the deal was off."]))
    assert docs[0]._.ng_quotes[0]["speaker"]["name"] == "Ann Lee"
    assert docs[1]._.ng_quotes[0]["kind"] == "indirect"


def test_user_lexicon_file(tmp_path, base_nlp) -> None:
    cues = tmp_path / "cues.yaml"
    cues.write_text(
        "classes:\n  speech: {complements: [ccomp], direct: true}\nverbs:\n  grumble: speech\n",
        encoding="utf-8",
    )
    lex = load_lexicon(cues)
    assert set(lex.verbs) == {"grumble"}
    comp = QuotesComponent(base_nlp, cues=str(cues))
    doc = comp(base_nlp("The captain grumbled that the ship was late."))
    assert [q["cue"] for q in doc._.ng_quotes] == ["grumbled"]
    doc = comp(base_nlp("The captain said that the ship was late."))
    assert doc._.ng_quotes == []


def test_signature_line_after_quote(base_nlp, quotes) -> None:
    text = '"The bridge will be ready in May."\n\n- Ana Torres, city engineer.'
    q = one(run(base_nlp, quotes, text), "bridge")
    assert q["kind"] == "direct"
    assert q["speaker"]["name"] == "Ana Torres"


def test_document_that_reads(base_nlp, quotes) -> None:
    text = "“All staff must leave the building by noon,” the memo reads."
    q = one(run(base_nlp, quotes, text), "All staff")
    assert q["cue"] == "reads"
    assert span(text, q["speaker"]) == "the memo"


def test_colon_clause_introduces_quote(base_nlp, quotes) -> None:
    text = "The union’s letter makes a blunt case: “Nobody should work twelve hours for free.”"
    q = one(run(base_nlp, quotes, text), "twelve hours")
    assert q["kind"] == "direct"
    assert span(text, q["speaker"]) == "The union’s letter"


def test_quote_the_sentence_runs_on_from_is_mixed(base_nlp, quotes) -> None:
    text = '"It looks very unlikely" that the dam will hold, the engineer said.'
    q = one(run(base_nlp, quotes, text), "very unlikely")
    assert q["kind"] == "mixed"
    assert q["text"] == '"It looks very unlikely" that the dam will hold'
    assert span(text, q["speaker"]) == "the engineer"


def test_lowercase_quote_continues_the_sentence_before_it(base_nlp, quotes) -> None:
    text = 'In past years, "we could reach every voter by mail," the manager said.'
    q = one(run(base_nlp, quotes, text), "every voter")
    assert q["kind"] == "mixed"
    assert q["text"] == 'In past years, "we could reach every voter by mail,"'
    assert span(text, q["speaker"]) == "the manager"
