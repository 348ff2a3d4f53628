"""Datelines in mixed case: "City, Country –" opening the text or a line."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from newsgraph.places.component import PlacesComponent
from newsgraph.places.geonames import build_from_geonames

FIXTURE = Path(__file__).parent / "fixtures" / "places"


@pytest.fixture(scope="module")
def places(base_nlp: Language, tmp_path_factory: pytest.TempPathFactory) -> PlacesComponent:
    dest = tmp_path_factory.mktemp("gaz") / "gazetteer.sqlite"
    build_from_geonames(FIXTURE, dest)
    return PlacesComponent(base_nlp, "newsgraph_places", gazetteer_path=str(dest))


def names(base_nlp: Language, places: PlacesComponent, text: str) -> list[str]:
    doc = places(base_nlp(text))
    return [m["text"] for m in doc._.ng_place_mentions if m["place_id"]]


def test_mixed_case_dateline_opening_the_text(base_nlp: Language, places: PlacesComponent) -> None:
    got = names(base_nlp, places, "Kyiv, Ukraine – Tensions rose overnight as drones hit a depot.")
    assert got[:2] == ["Kyiv", "Ukraine"]


def test_mixed_case_dateline_after_a_headline(base_nlp: Language, places: PlacesComponent) -> None:
    text = "Drones hit a fuel depot\nKyiv, Ukraine – Tensions rose overnight."
    assert "Kyiv" in names(base_nlp, places, text)


def test_two_names_before_a_dash_need_a_country_after_the_comma(
    base_nlp: Language, places: PlacesComponent
) -> None:
    assert "Mercer" not in names(base_nlp, places, "Mercer, Jones – the talks failed on Monday.")
