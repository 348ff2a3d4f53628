"""Places detection: names listed beside a place, the team table of rivers and regions,
headline cues, towns opening names the model took for people, streets and buildings, "Co."
for county. Each rule is checked with a control that turns it off."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.places import detect
from newsgraph.places.component import PlacesComponent
from stage_helpers import small_gazetteer

# id, name, lat, lon, feature class, feature code, country, admin1, admin2, population
# (fixture ids; the sentences below are written for these tests)
ROWS = [
    (9100001, "United States", 39.76, -98.5, "A", "PCLI", "US", "00", "", 310000000),
    (9100002, "Texas", 31.25, -99.25, "A", "ADM1", "US", "TX", "", 25000000),
    (9100003, "Paris", 33.66, -95.56, "P", "PPLA2", "US", "TX", "277", 25000),
    (9100004, "Blossom", 33.66, -95.38, "P", "PPL", "US", "TX", "277", 1500),
    (9100005, "Roxton", 33.55, -95.73, "P", "PPL", "US", "TX", "277", 650),
    (9100006, "Tennessee", 35.75, -86.25, "A", "ADM1", "US", "TN", "", 6300000),
    (9100007, "Loudon County", 35.73, -84.31, "A", "ADM2", "US", "TN", "105", 48000),
    (9100008, "Louisiana", 31.0, -92.0, "A", "ADM1", "US", "LA", "", 4600000),
    (9100009, "New Orleans", 29.95, -90.08, "P", "PPLA2", "US", "LA", "071", 390000),
    (9100010, "Canaan", 42.03, -73.33, "P", "PPL", "US", "CT", "005", 1200),
    (9100011, "India", 22.0, 79.0, "A", "PCLI", "IN", "00", "", 1300000000),
]

# ISO 3166-1 alpha-2, alpha-3, name, capital, GeoNames id
COUNTRIES = [
    ("US", "USA", "United States", "Washington", 9100001),
    ("IN", "IND", "India", "New Delhi", 9100011),
]


@pytest.fixture(scope="module")
def gaz_path(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(small_gazetteer(tmp_path_factory.mktemp("geonames5d"), ROWS, COUNTRIES))


@pytest.fixture()
def places(base_nlp: Language, gaz_path: str) -> PlacesComponent:
    return PlacesComponent(base_nlp, "newsgraph_places", gazetteer_path=gaz_path)


def mentions(doc: Doc) -> dict[str, dict[str, object]]:
    """Mention text -> its place (an empty dict when unresolved)."""
    by_id = {p["id"]: p for p in doc._.ng_places}
    return {m["text"]: by_id.get(m["place_id"] or "", {}) for m in doc._.ng_place_mentions}


# the model tags "Blossom" as a person here
LIST_TEXT = "Sales tax receipts rose in Paris and Blossom this spring."


def test_a_name_listed_beside_a_place(
    base_nlp: Language, places: PlacesComponent, monkeypatch: pytest.MonkeyPatch
) -> None:
    """'Paris and Blossom': the small town listed beside Paris is a toponym."""
    found = mentions(places(base_nlp(LIST_TEXT)))
    assert found.get("Blossom", {}).get("geonames_id") == 9100004
    # control: no Blossom lies within the distance, so the list is no evidence
    monkeypatch.setattr(detect, "LIST_KM", 1.0)
    assert "Blossom" not in mentions(places(base_nlp(LIST_TEXT)))


def test_in_list_needs_a_conjunction(base_nlp: Language, places: PlacesComponent) -> None:
    """'X and P', 'P, X and …' are lists; a bare 'P, X' (a place and its region, or an
    apposition) is not."""
    det = places.parser.detector
    doc = base_nlp("Crews worked in Paris and Roxton.")
    paris = next(t.i for t in doc if t.text == "Paris")
    roxton = next(t.i for t in doc if t.text == "Roxton")
    starts, ends = {paris: paris + 1}, {paris + 1: paris}
    assert det.in_list(doc, roxton, roxton + 1, starts, ends) == (paris, paris + 1)
    doc = base_nlp("Crews worked in Paris, Roxton said.")
    paris = next(t.i for t in doc if t.text == "Paris")
    roxton = next(t.i for t in doc if t.text == "Roxton")
    assert det.in_list(doc, roxton, roxton + 1, {paris: paris + 1}, {paris + 1: paris}) is None


RIVER_TEXT = "Farmers blocked the highway over the delay in sharing the Cauvery water."


def test_a_river_of_the_team_table(base_nlp: Language, places: PlacesComponent) -> None:
    """A name only the team table knows needs no cue; the river takes its mouth's point."""
    found = mentions(places(base_nlp(RIVER_TEXT)))
    assert "Cauvery" in found
    place = found["Cauvery"]
    assert place.get("country") == "IND"
    assert abs(float(str(place.get("lat"))) - 11.14) < 0.5
    places.parser.detector.feature_only = lambda _text: False  # type: ignore[method-assign]
    assert "Cauvery" not in mentions(places(base_nlp(RIVER_TEXT)))


HEADLINE_TEXT = "Canaan residents discuss a land purchase. The vote is set for May."


def test_a_headline_name_before_a_local_noun(base_nlp: Language, places: PlacesComponent) -> None:
    """A sentence's first word followed by 'residents' is a toponym."""
    assert mentions(places(base_nlp(HEADLINE_TEXT))).get("Canaan", {}).get("geonames_id") == (
        9100010
    )
    places.parser.detector.civic = set()
    assert "Canaan" not in mentions(places(base_nlp(HEADLINE_TEXT)))


def test_a_town_opening_a_person_like_name(base_nlp: Language, places: PlacesComponent) -> None:
    """'Canaan Fire Chief Tom Reed': the town at the start is kept; a first name is not."""
    det = places.parser.detector
    doc = base_nlp("Canaan Fire Chief Tom Reed spoke on Monday.")
    det.prefixes = []
    assert det.town_prefix(doc, 0, 5, set())
    assert det.prefixes == [(0, 1)]
    det.prefixes = []
    doc = base_nlp("Tom Fire Chief Tom Reed spoke on Monday.")
    assert not det.town_prefix(doc, 0, 5, set())


STREET_TEXT = (
    "Police closed Royal Street for two hours on Friday. The parade in New Orleans went on."
)


def test_a_street_resolves_to_its_town(base_nlp: Language, places: PlacesComponent) -> None:
    found = mentions(places(base_nlp(STREET_TEXT)))
    assert found.get("Royal Street", {}).get("geonames_id") == 9100009
    places.parser.detector.street_words = set()
    assert "Royal Street" not in mentions(places(base_nlp(STREET_TEXT)))


COUNTY_TEXT = "A Loudon Co. man died in a wreck on Interstate 75, Tennessee troopers said."


def test_co_for_county(base_nlp: Language, places: PlacesComponent) -> None:
    found = mentions(places(base_nlp(COUNTY_TEXT)))
    assert any(t.startswith("Loudon") and p.get("geonames_id") == 9100007
               for t, p in found.items())
    places.parser.detector.admin_terms.discard("co.")
    assert not any(t.startswith("Loudon") for t in mentions(places(base_nlp(COUNTY_TEXT))))


DIRECTION_TEXT = "Volunteers stacked sandbags two miles north of Blossom on Friday."


def test_a_direction_and_of_before_a_name(base_nlp: Language, places: PlacesComponent) -> None:
    """'north of Blossom' (the model's PERSON) names a place."""
    assert mentions(places(base_nlp(DIRECTION_TEXT))).get("Blossom", {}).get(
        "geonames_id"
    ) == 9100004
    places.parser.detector.directions = set()
    assert "Blossom" not in mentions(places(base_nlp(DIRECTION_TEXT)))
