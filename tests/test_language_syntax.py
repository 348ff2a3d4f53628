"""The shared syntax helpers (newsgraph.language.syntax) on small hand-parsed sentences.

Each Doc is built with its parse written out (words, heads, labels, tags), so these tests
pin the helpers' rules without depending on what a statistical model makes of a sentence.
"""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from spacy.tokens import Doc

from newsgraph.language.syntax import (
    ACTOR_RULES,
    SPEAKER_RULES,
    SubjectRules,
    clause_head,
    dateline_mention,
    is_dateline,
    sentence_bounds,
    sentence_index,
    subject_of,
    word_forms,
)

VOCAB = spacy.blank("en").vocab  # lexical attributes (lower_) need a language's vocab
POS_OF_TAG = {
    "NN": "NOUN", "NNS": "NOUN", "NNP": "PROPN", "NNPS": "PROPN", "PRP": "PRON", "DT": "DET",
    "VB": "VERB", "VBD": "VERB", "VBG": "VERB", "VBN": "VERB", "VBP": "VERB", "VBZ": "VERB",
    "MD": "AUX", "TO": "PART", "IN": "ADP", "JJ": "ADJ", ",": "PUNCT", ".": "PUNCT",
    "HYPH": "PUNCT", "CC": "CCONJ", "CD": "NUM", "RB": "ADV", "EX": "PRON", "WP": "PRON",
    "_SP": "SPACE",
}


def parsed(rows: list[tuple[str, int, str, str]], *, spaces: list[bool] | None = None) -> Doc:
    """A Doc from (word, head index, dep, tag) rows; the root is its own head."""
    words = [r[0] for r in rows]
    return Doc(
        VOCAB,
        words=words,
        spaces=spaces,
        heads=[r[1] for r in rows],
        deps=[r[2] for r in rows],
        tags=[r[3] for r in rows],
        pos=[POS_OF_TAG[r[3]] for r in rows],
        lemmas=[r[0].lower() for r in rows],
    )


# "Officials said the army , which fired , was leaving ."
SAID = parsed(
    [
        ("Officials", 1, "nsubj", "NNS"),
        ("said", 1, "ROOT", "VBD"),
        ("the", 3, "det", "DT"),
        ("army", 9, "nsubj", "NN"),
        (",", 3, "punct", ","),
        ("which", 6, "nsubj", "WP"),
        ("fired", 3, "relcl", "VBD"),
        (",", 3, "punct", ","),
        ("was", 9, "aux", "VBD"),
        ("leaving", 1, "ccomp", "VBG"),
        (".", 1, "punct", "."),
    ]
)

SPEAKER = SPEAKER_RULES
ACTOR = ACTOR_RULES


def test_sentence_index_and_bounds() -> None:
    doc = parsed([("Hi", 0, "ROOT", "NN"), (".", 0, "punct", "."),
                  ("Go", 2, "ROOT", "VB"), ("now", 2, "advmod", "RB"), (".", 2, "punct", ".")])
    assert sentence_index(doc) == [0, 0, 1, 1, 1]
    assert sentence_bounds(doc) == ([0, 0, 2, 2, 2], [2, 2, 5, 5, 5])
    assert sentence_index(Doc(VOCAB, words=[])) == []
    assert sentence_bounds(Doc(VOCAB, words=[])) == ([], [])


def test_clause_head() -> None:
    assert clause_head(SAID[2]).text == "leaving"  # "the" -> army -> leaving
    assert clause_head(SAID[1]).text == "said"
    assert clause_head(SAID[5]).text == "fired"


@pytest.mark.parametrize(
    ("word", "forms"),
    [
        ("hopes", {"hopes", "hope", "hop"}),
        ("studies", {"studies", "study", "studie", "studi"}),
        ("talked", {"talked", "talk", "talke"}),
        ("ran", {"ran"}),
    ],
)
def test_word_forms(word: str, forms: set[str]) -> None:
    doc = Doc(VOCAB, words=[word], lemmas=[word])
    assert forms <= word_forms(doc[0])


def test_subject_speaker_rules() -> None:
    assert subject_of(SAID[1], SPEAKER)[0].text == "Officials"  # type: ignore[union-attr]
    assert subject_of(SAID[9], SPEAKER)[0].text == "army"  # type: ignore[union-attr]
    # a relative pronoun is the speaker rules' subject; the actor rules give its noun
    assert subject_of(SAID[6], SPEAKER)[0].text == "which"  # type: ignore[union-attr]
    assert subject_of(SAID[6], ACTOR) == (SAID[3], False)


def test_subject_expletive_agent_and_block() -> None:
    # "There was fighting ." / "Peace was signed by Kenya ."
    there = parsed([("There", 1, "nsubj", "EX"), ("was", 1, "ROOT", "VBD"),
                    ("fighting", 1, "attr", "NN"), (".", 1, "punct", ".")])
    assert subject_of(there[1], SPEAKER) == (None, False)
    signed = parsed([("Peace", 2, "nsubjpass", "NN"), ("was", 2, "auxpass", "VBD"),
                     ("signed", 2, "ROOT", "VBN"), ("by", 2, "agent", "IN"),
                     ("Kenya", 3, "pobj", "NNP"), (".", 2, "punct", ".")])
    assert subject_of(signed[2], SPEAKER)[0] == signed[4]
    assert subject_of(signed[2], ACTOR) == (signed[0], True)


def test_subject_climbs_conj_with_passive_flag() -> None:
    # "Police arrived and were attacked ."
    doc = parsed([("Police", 1, "nsubj", "NNS"), ("arrived", 1, "ROOT", "VBD"),
                  ("and", 1, "cc", "CC"), ("were", 4, "auxpass", "VBD"),
                  ("attacked", 1, "conj", "VBN"), (".", 1, "punct", ".")])
    assert subject_of(doc[4], ACTOR) == (doc[0], True)
    assert subject_of(doc[4], SPEAKER) == (doc[0], False)


def test_subject_control_object_and_depth() -> None:
    # "They urged Iran to stop ."
    doc = parsed([("They", 1, "nsubj", "PRP"), ("urged", 1, "ROOT", "VBD"),
                  ("Iran", 1, "dobj", "NNP"), ("to", 4, "aux", "TO"),
                  ("stop", 1, "xcomp", "VB"), (".", 1, "punct", ".")])
    assert subject_of(doc[4], ACTOR)[0] == doc[2]  # the object controls the infinitive
    assert subject_of(doc[4], SPEAKER)[0] == doc[0]
    assert subject_of(doc[4], SPEAKER, depth=3) == (None, False)  # no climbing at the limit


def test_subject_hooks() -> None:
    # "Thousands of students marched ." : ``finish`` walks from the quantity to its noun
    doc = parsed([("Thousands", 3, "nsubj", "NNS"), ("of", 0, "prep", "IN"),
                  ("students", 1, "pobj", "NNS"), ("marched", 3, "ROOT", "VBD"),
                  (".", 3, "punct", ".")])

    def finish(tok: Any) -> Any:
        if tok.lower_ == "thousands":
            return next(g for c in tok.children for g in c.children if g.dep_ == "pobj")
        return tok

    rules = SubjectRules(finish=finish)
    assert subject_of(doc[3], rules)[0] == doc[2]
    # ``word``: a subject that is no word is replaced by its own word subject, else skipped
    dash = parsed([("\u2015", 1, "nsubj", "NN"), ("said", 1, "ROOT", "VBD")])
    assert subject_of(dash[1], SubjectRules(word=lambda t: t.text != "\u2015")) == (None, False)


def test_unknown_climb_rule() -> None:
    doc = parsed([("Go", 0, "ROOT", "VB"), ("home", 0, "advmod", "RB")])
    with pytest.raises(ValueError, match="unknown climb rule"):
        subject_of(doc[1], SubjectRules(climb=(("sideways",),)))


# "KYIV , Ukraine - Troops fired ."
KYIV = parsed([("KYIV", 5, "npadvmod", "NNP"), (",", 0, "punct", ","),
               ("Ukraine", 0, "appos", "NNP"), ("-", 5, "punct", "HYPH"),
               ("Troops", 5, "nsubj", "NNS"), ("fired", 5, "ROOT", "VBD"), (".", 5, "punct", ".")])


def test_dateline_comma_shape() -> None:
    assert is_dateline(KYIV, 0, 1, shape="comma")
    assert is_dateline(KYIV, 2, 3, shape="comma")  # the country after the city
    assert not is_dateline(KYIV, 4, 5, shape="comma")


def test_dateline_capitals_shape() -> None:
    assert is_dateline(KYIV, 0, 1, shape="capitals")
    assert not is_dateline(KYIV, 2, 3, shape="capitals")  # not in capitals
    # "Muscat : The ..." opens the text in mixed case
    muscat = parsed([("Muscat", 0, "ROOT", "NNP"), (":", 0, "punct", ","),
                     ("The", 3, "det", "DT"), ("talks", 0, "appos", "NNS")])
    assert is_dateline(muscat, 0, 1, shape="capitals")
    # "... rain . SALINA , Kan. Strong winds": the word after the comma must be a place
    salina = parsed([("rain", 0, "ROOT", "NN"), (".", 0, "punct", "."),
                     ("SALINA", 2, "ROOT", "NNP"), (",", 2, "punct", ","),
                     ("Kan.", 2, "appos", "NNP"), ("Strong", 6, "amod", "JJ"),
                     ("winds", 2, "appos", "NNS")])
    assert not is_dateline(salina, 2, 3, shape="capitals")
    assert is_dateline(salina, 2, 3, shape="capitals", known=lambda w: w == "Kan.")


def test_dateline_mention() -> None:
    text = "Headline here\nKyiv, Ukraine \u2013 Troops fired in Kharkiv."
    mentions = [
        {"start": 14, "end": 18, "ref": "kyiv"},
        {"start": 20, "end": 27, "ref": "ukraine"},
        {"start": 48, "end": 55, "ref": "kharkiv"},
    ]
    assert dateline_mention(text, mentions) == mentions[0]
    assert dateline_mention(text, mentions[2:]) is None
    assert dateline_mention("No dash here.", mentions) is None
