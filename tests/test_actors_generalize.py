"""Actors coded from knowledge that holds beyond the sentences anyone tuned on: provinces and
regions, acronyms defined in the text, misspelt leaders' names. Sentences written for these
tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.actors.component import ActorsComponent
from newsgraph.language.regions import region_country, region_key

Run = Callable[..., Doc]


@pytest.fixture(scope="module")
def run(base_nlp: Language) -> Run:
    component = ActorsComponent(base_nlp)

    def _run(text: str, published: str | None = "2025-04-08") -> Doc:
        doc = base_nlp(text)
        doc._.ng_meta = {"article_id": "t1", "published": published}
        return component(doc)

    return _run


def actor_at(doc: Doc, text: str) -> dict[str, Any] | None:
    """The actor of the first mention that overlaps the first occurrence of ``text``."""
    start = doc.text.index(text)
    end = start + len(text)
    actors = {a["id"]: a for a in doc._.ng_actors}
    for m in doc._.ng_actor_mentions:
        if m["start"] < end and start < m["end"]:
            return actors[m["actor_id"]]
    return None


# ------------------------------------------------------------------ regions (language layer)


@pytest.mark.parametrize(
    ("name", "iso3"),
    [
        ("Sindh", "PAK"),
        ("Sindh province", "PAK"),
        ("the Sindh Province", "PAK"),
        ("North Kivu", "COD"),
        ("Kivu", "COD"),  # the undivided name of North and South Kivu
        ("Bavaria", "DEU"),
        ("Texas", "USA"),
        ("Punjab", None),  # a province of Pakistan and a state of India
        ("Kurdistan", None),  # a region of several states
        ("Georgia", None),  # a country first
        ("sindh", None),  # lower case is no name
    ],
)
def test_region_country(name: str, iso3: str | None) -> None:
    assert region_country(name) == iso3


def test_region_key_drops_kind_words() -> None:
    assert region_key("Helmand Province") == "helmand"


# ------------------------------------------------------------------ regions in agent phrases


@pytest.mark.parametrize(
    ("text", "span", "iso3", "sector"),
    [
        ("Helmand police arrested four smugglers on Monday.", "police", "AFG", "COP"),
        ("The government of Sindh province closed the schools.", "government", "PAK", "GOV"),
        ("Rebels in North Kivu attacked a convoy.", "Rebels", "COD", "REB"),
        ("Bavarian police and Saxony officials met on Friday.", "Saxony officials", "DEU", "GOV"),
    ],
)
def test_region_gives_country(run: Run, text: str, span: str, iso3: str, sector: str) -> None:
    actor = actor_at(run(text), span)
    assert actor is not None
    assert (actor["country"], actor["sector"]) == (iso3, sector)


def test_shared_region_gives_no_country(run: Run) -> None:
    actor = actor_at(run("Punjab police arrested twelve suspects."), "police")
    assert actor is not None and actor["country"] is None


# ------------------------------------------------------------------ acronyms defined in text


def test_acronym_is_the_defined_name(run: Run) -> None:
    doc = run(
        "The National Union of Mineworkers (NUM) called a strike in South Africa. "
        "Later the NUM said talks had failed."
    )
    first = actor_at(doc, "National Union")
    later = actor_at(doc, "the NUM said")
    assert first is not None and later is not None
    assert later["id"] == first["id"]
    assert (later["country"], later["sector"]) == ("ZAF", "LAB")


def test_acronym_of_a_state(run: Run) -> None:
    doc = run("Troops of the Democratic Republic of Congo (DRC) crossed the river. The DRC denied it.")
    later = actor_at(doc, "The DRC")
    assert later is not None and later["country"] == "COD"


def test_brackets_that_are_no_acronym(run: Run) -> None:
    doc = run("The Kenyan Red Cross (KRC) sent aid. The UN said the KRC had done well.")
    un = actor_at(doc, "UN said")
    krc = actor_at(doc, "the KRC had")
    assert un is not None and krc is not None and un["id"] != krc["id"]
