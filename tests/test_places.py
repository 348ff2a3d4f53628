"""The places stage on sentences the team wrote."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.places import place_in_span
from newsgraph.places.component import PlacesComponent
from newsgraph.places.geonames import build_from_geonames

FIXTURE = Path(__file__).parent / "fixtures" / "places"


@pytest.fixture(scope="module")
def places(base_nlp: Language, tmp_path_factory: pytest.TempPathFactory) -> PlacesComponent:
    dest = tmp_path_factory.mktemp("gaz") / "gazetteer.sqlite"
    build_from_geonames(FIXTURE, dest)
    return PlacesComponent(base_nlp, "newsgraph_places", gazetteer_path=str(dest))


def run(base_nlp: Language, places: PlacesComponent, text: str) -> Doc:
    return places(base_nlp(text))


def resolved(doc: Doc) -> dict[str, dict[str, Any] | None]:
    by_id = {p["id"]: p for p in doc._.ng_places}
    return {m["text"]: by_id.get(m["place_id"] or "") for m in doc._.ng_place_mentions}


def test_hierarchy_and_repair(base_nlp: Language, places: PlacesComponent) -> None:
    doc = run(
        base_nlp,
        places,
        "Moscow's army said on Sunday that its units had taken back Guyevo in the Kursk "
        "region after a week of fighting.",
    )
    got = resolved(doc)
    assert got["Guyevo"] is not None and got["Guyevo"]["geonames_id"] == 557731
    assert got["Guyevo"]["admin1"] == "RU-KRS" and got["Guyevo"]["precision"] == 1
    assert got["Kursk"] is not None and got["Kursk"]["feature"] == "admin1"
    assert got["Kursk"]["precision"] == 3


def test_region_versus_town(base_nlp: Language, places: PlacesComponent) -> None:
    region = resolved(run(base_nlp, places, "Shelling went on overnight in the Donetsk region."))
    town = resolved(run(base_nlp, places, "The mayor of Donetsk spoke to reporters in Donetsk."))
    assert region["Donetsk"] is not None and region["Donetsk"]["geonames_id"] == 709716
    assert town["Donetsk"] is not None and town["Donetsk"]["geonames_id"] == 709717


def test_nationality_is_not_a_place(base_nlp: Language, places: PlacesComponent) -> None:
    doc = run(base_nlp, places, "Ukrainian and Russian officials met in Kyiv on Friday.")
    texts = [m["text"] for m in doc._.ng_place_mentions]
    assert "Ukrainian" not in texts and "Russian" not in texts
    assert resolved(doc)["Kyiv"] is not None


def test_surname_without_cue_is_not_a_place(base_nlp: Language, places: PlacesComponent) -> None:
    doc = run(base_nlp, places, "Senator Anne Mercer said the bill would pass.")
    assert all(m["text"] != "Mercer" for m in doc._.ng_place_mentions)


def test_unresolved_toponym_is_kept(base_nlp: Language, places: PlacesComponent) -> None:
    doc = run(base_nlp, places, "Aid trucks reached Zorbaville in Ukraine on Monday.")
    got = resolved(doc)
    assert "Ukraine" in got and got["Ukraine"] is not None
    kept = [m for m in doc._.ng_place_mentions if m["text"] == "Zorbaville"]
    assert kept == [] or kept[0]["place_id"] is None


def test_agent_country_is_marked(base_nlp: Language, places: PlacesComponent) -> None:
    doc = run(base_nlp, places, "Russia denied the report. Troops moved near Kursk.")
    roles = {m["text"]: m["role"] for m in doc._.ng_place_mentions}
    assert roles["Russia"] == "agent" and roles["Kursk"] == "place"
    # the event location helper never returns an agent
    assert place_in_span(doc, 0, len("Russia denied the report.")) is None
    near = place_in_span(doc, 0, len(doc.text))
    assert near is not None and near["name"] == "Kursk"


def test_dateline_context(base_nlp: Language, places: PlacesComponent) -> None:
    doc = run(base_nlp, places, "PARIS, Texas - Storms hit the town on Tuesday.")
    got = resolved(doc)
    paris = got.get("PARIS")
    assert paris is not None and paris["admin1"] == "US-TX"


def test_resolve_spans_given_spans(base_nlp: Language, places: PlacesComponent) -> None:
    text = "Guyevo lies in the Kursk region of Russia."
    doc = base_nlp(text)
    spans = [(0, 6), (text.index("Kursk"), text.index("Kursk") + 5)]
    got = places.parser.resolve_spans(doc, spans)
    assert got[0] is not None and got[0]["geonames_id"] == 557731
    assert got[1] is not None and got[1]["feature"] == "admin1"


def test_output_is_plain_data(base_nlp: Language, places: PlacesComponent) -> None:
    import json

    doc = run(base_nlp, places, "Fighting was reported near Kursk and in Kyiv.")
    json.dumps(doc._.ng_places)
    json.dumps(doc._.ng_place_mentions)
    for m in doc._.ng_place_mentions:
        assert doc.text[m["start"] : m["end"]] == m["text"]
    assert [p["id"] for p in doc._.ng_places] == [f"p{i + 1}" for i in range(len(doc._.ng_places))]


def test_street_resolves_to_its_town(base_nlp: Language, places: PlacesComponent) -> None:
    text = "Crowds gathered in Kyiv on Sunday. Police closed Khreshchatyk Street in the evening."
    doc = base_nlp(text)
    start = text.index("Khreshchatyk Street")
    got = places.parser.resolve_spans(doc, [(start, start + len("Khreshchatyk Street"))])
    assert got[0] is not None and got[0]["geonames_id"] == 703448


def test_nationality_option(base_nlp: Language, tmp_path: Path) -> None:
    dest = tmp_path / "gaz.sqlite"
    build_from_geonames(FIXTURE, dest)
    comp = PlacesComponent(
        base_nlp, "newsgraph_places", gazetteer_path=str(dest), nationalities_as_places=True
    )
    doc = comp(base_nlp("Ukrainian officials met in Kyiv on Friday."))
    ukrainian = resolved(doc).get("Ukrainian")
    assert ukrainian is not None and ukrainian["country"] == "UKR"


def test_factory_is_registered() -> None:
    from newsgraph.nlp import STAGES

    assert ("places", "newsgraph_places", "newsgraph.places") in STAGES
    assert Language.has_factory("newsgraph_places")
