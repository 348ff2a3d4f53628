"""'the town of X': a known name after a settlement noun and 'of' is a place, whatever the
model tagged it."""

from __future__ import annotations

import pytest


@pytest.mark.slow
def test_town_of_x_is_a_place(analyzer) -> None:
    doc = analyzer.nlp("Gunmen attacked a police checkpoint near the town of Samarra on Monday.")
    places = {p["id"]: p for p in doc._.ng_places}
    (mention,) = doc._.ng_place_mentions
    assert mention["text"] == "Samarra"
    assert places[mention["place_id"]]["country"] == "IRQ"

