"""The places stage: neighbouring countries as context, region points, and nationality words
of nations that are no country."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.language.countries import neighbours as country_neighbours
from newsgraph.places.component import PlacesComponent
from stage_helpers import small_gazetteer

# id, name, lat, lon, feature class, feature code, country, admin1, admin2, population
ROWS = [
    (294640, "Israel", 31.5, 34.75, "A", "PCLI", "IL", "00", "", 8800000),
    (357994, "Egypt", 27.0, 30.0, "A", "PCLI", "EG", "00", "", 100000000),
    (6254930, "Palestine", 31.9, 35.2, "A", "PCLI", "PS", "00", "", 4500000),
    (1036973, "Mozambique", -18.25, 35.0, "A", "PCLI", "MZ", "00", "", 29000000),
    (1045114, "Gaza", -23.0, 33.0, "A", "ADM1", "MZ", "02", "", 1400000),
    (1045110, "Xai-Xai", -25.05, 33.64, "P", "PPLA", "MZ", "02", "", 130000),
    (281133, "Gaza", 31.5, 34.47, "P", "PPLA", "PS", "GZ", "", 410000),
    (2644210, "Liverpool", 53.41, -2.98, "P", "PPLA2", "GB", "ENG", "", 500000),
    (4257750, "English", 38.33, -86.46, "P", "PPLA2", "US", "IN", "025", 600),
    (4832425, "Canaan", 42.03, -73.33, "P", "PPL", "US", "CT", "005", 1200),
]

# ISO 3166-1 alpha-2, alpha-3, name, capital, GeoNames id
COUNTRIES = [
    ("IL", "ISR", "Israel", "Jerusalem", 294640),
    ("EG", "EGY", "Egypt", "Cairo", 357994),
    ("PS", "PSE", "Palestine", "East Jerusalem", 6254930),
    ("MZ", "MOZ", "Mozambique", "Maputo", 1036973),
]


@pytest.fixture(scope="module")
def gaz_path(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(small_gazetteer(tmp_path_factory.mktemp("geonames4"), ROWS, COUNTRIES))


def resolved(doc: Doc) -> dict[str, int | None]:
    by_id = {p["id"]: p for p in doc._.ng_places}
    out: dict[str, int | None] = {}
    for m in doc._.ng_place_mentions:
        p = by_id.get(m["place_id"] or "")
        out[m["text"]] = p["geonames_id"] if p else None
    return out


TEXT = (
    "Israel and Egypt kept the crossings shut on Sunday. Aid trucks waited for days "
    "before they could reach Gaza."
)


def test_neighbour_table() -> None:
    table = country_neighbours()
    assert {"ISR", "EGY"} <= table["PSE"]
    assert "MOZ" not in table["PSE"]


def test_a_town_beside_the_countries_named(base_nlp: Language, gaz_path: str) -> None:
    """Gaza beside Israel and Egypt is the Palestinian town, not Mozambique's province."""
    places = PlacesComponent(base_nlp, "newsgraph_places", gazetteer_path=gaz_path)
    assert resolved(places(base_nlp(TEXT))).get("Gaza") == 281133


def test_without_neighbours_the_province_wins(base_nlp: Language, gaz_path: str) -> None:
    """The same text with the neighbour table emptied: the rule is what decides."""
    places = PlacesComponent(base_nlp, "newsgraph_places", gazetteer_path=gaz_path)
    places.parser.resolver.neighbours = {}
    assert resolved(places(base_nlp(TEXT))).get("Gaza") == 1045114


NATION_TEXTS = [
    "He starred in the English Premier League before Liverpool signed him.",
    "Liverpool fans sang in English and in Arabic.",
]


def test_nation_words_are_no_places(base_nlp: Language, gaz_path: str) -> None:
    """'English' is a people's word like 'Canadian' (or a language), not English, Indiana."""
    places = PlacesComponent(base_nlp, "newsgraph_places", gazetteer_path=gaz_path)
    for text in NATION_TEXTS:
        assert "English" not in resolved(places(base_nlp(text))), text
    assert places.parser.detector.is_demonym("Kurdish")
    assert not places.parser.detector.is_demonym("Liverpool")


def test_without_the_word_list_the_village_is_taken(base_nlp: Language, gaz_path: str) -> None:
    places = PlacesComponent(base_nlp, "newsgraph_places", gazetteer_path=gaz_path)
    places.parser.detector.nation_words = set()
    assert any("English" in resolved(places(base_nlp(t))) for t in NATION_TEXTS)


INSTITUTION_TEXT = "A spokesman for the Canaan Volunteer Fire Department said the cause was unknown."


def test_small_town_opening_an_institution_name(base_nlp: Language, gaz_path: str) -> None:
    """A village at the start of a local institution's name is a toponym."""
    places = PlacesComponent(base_nlp, "newsgraph_places", gazetteer_path=gaz_path)
    assert resolved(places(base_nlp(INSTITUTION_TEXT))).get("Canaan") == 4832425
    places.parser.detector.institution = set()
    assert "Canaan" not in resolved(places(base_nlp(INSTITUTION_TEXT)))


LOCAL_NOUN_TEXT = "Voters approved the Canaan town budget on Monday."


def test_institution_word_in_lower_case_after_a_name(base_nlp: Language, gaz_path: str) -> None:
    """'the X town budget', 'X zoning': a cue for a name the model left untagged."""
    places = PlacesComponent(base_nlp, "newsgraph_places", gazetteer_path=gaz_path)
    assert resolved(places(base_nlp(LOCAL_NOUN_TEXT))).get("Canaan") == 4832425
    assert resolved(places(base_nlp("A new plan from Canaan's mayor was approved."))).get(
        "Canaan"
    ) == 4832425
    places.parser.detector.institution = set()
    assert "Canaan" not in resolved(places(base_nlp(LOCAL_NOUN_TEXT)))
