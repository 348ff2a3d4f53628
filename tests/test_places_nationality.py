"""Nationality words are actors' countries, not places, even where a town carries the name."""

from __future__ import annotations

import pytest


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Canadian officials met their counterparts in Ottawa on Friday.",
        "Officials met Canadian counterparts in Ottawa on Friday.",
    ],
)
def test_nationality_word_is_no_town(analyzer, text: str) -> None:
    doc = analyzer.nlp(text)
    names = [m["text"] for m in doc._.ng_place_mentions]
    assert names == ["Ottawa"]  # not Canadian, Texas or Canadian, Victoria
    codes = {a.get("country") for a in doc._.ng_actors or []}
    assert "CAN" in codes


@pytest.mark.slow
def test_option_reports_nationality_as_its_country(analyzer) -> None:
    from newsgraph.places.component import Geoparser
    from newsgraph.places.gazetteer import load_gazetteer

    doc = analyzer.nlp("Canadian troops trained beside Ukrainian units near Lviv.")
    Geoparser(load_gazetteer(None), nationalities_as_places=True).annotate(doc)
    places = {p["id"]: p for p in doc._.ng_places}
    got = {m["text"]: places[m["place_id"]]["feature"] for m in doc._.ng_place_mentions}
    assert got["Canadian"] == "country" and got["Ukrainian"] == "country"
    assert got["Lviv"] == "city"
