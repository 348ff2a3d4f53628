"""The places stage: landmarks of the team table (seats of government, airports, famous sites)
are places with a point as precise as a town's."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.places.component import PlacesComponent
from newsgraph.places.gazetteer import Entry, load_features
from stage_helpers import small_gazetteer

# id, name, lat, lon, feature class, feature code, country, admin1, admin2, population
ROWS = [
    (9700001, "United States", 39.76, -98.5, "A", "PCLI", "US", "00", "", 310000000),
    (9700002, "Tennessee", 35.75, -86.25, "A", "ADM1", "US", "TN", "", 6800000),
    (9700003, "White House", 36.47, -86.65, "P", "PPL", "US", "TN", "", 11000),
    (9700004, "Heathrow", 26.7, -81.2, "P", "PPL", "US", "FL", "", 5900),
    (9700005, "Florida", 28.75, -82.5, "A", "ADM1", "US", "FL", "", 21000000),
    (9700006, "Dublin", 53.33, -6.25, "P", "PPLC", "IE", "L", "", 1000000),
]
COUNTRIES = [
    ("US", "USA", "United States", "Washington", 9700001),
    ("IE", "IRL", "Ireland", "Dublin", 9700099),
]


def mentions(doc: Doc) -> dict[str, dict[str, object]]:
    by_id = {p["id"]: p for p in doc._.ng_places}
    return {m["text"]: by_id.get(m["place_id"] or "", {}) for m in doc._.ng_place_mentions}


def component(
    base_nlp: Language, tmp: pytest.TempPathFactory, rows: list[Any], countries: list[Any]
) -> PlacesComponent:
    """The places stage over a small gazetteer of ``rows`` and ``countries``."""
    path = small_gazetteer(tmp.mktemp("geonames7"), rows, countries)
    return PlacesComponent(base_nlp, "newsgraph_places", gazetteer_path=str(path))


@pytest.fixture(scope="module")
def places(base_nlp: Language, tmp_path_factory: pytest.TempPathFactory) -> PlacesComponent:
    return component(base_nlp, tmp_path_factory, ROWS, COUNTRIES)


def test_landmarks_are_table_rows_with_a_town_precision() -> None:
    kinds = {name: feature for name, _a, feature, *_rest in load_features()}
    assert kinds["White House"] == kinds["Kremlin"] == kinds["Heathrow Airport"] == "landmark"
    site = Entry(1, None, "Kremlin", "landmark", "RUS", None, None, None, 55.75, 37.62, 0)
    assert site.in_table and site.precision == 1


def test_the_white_house_is_in_washington(base_nlp: Language, places: PlacesComponent) -> None:
    found = mentions(places(base_nlp("Reporters waited outside the White House on Monday.")))
    house = found.get("White House", {})
    assert house.get("feature") == "landmark" and house.get("precision") == 1
    assert abs(float(house["lat"]) - 38.9) < 0.1 and abs(float(house["lon"]) + 77.04) < 0.1


def test_the_oval_office_is_the_white_house(base_nlp: Language, places: PlacesComponent) -> None:
    found = mentions(places(base_nlp("The president spoke from the Oval Office on Tuesday.")))
    assert found.get("Oval Office", {}).get("name") == "White House"


def test_a_town_named_with_its_state_stays_the_town(
    base_nlp: Language, places: PlacesComponent
) -> None:
    found = mentions(places(base_nlp("The White House, Tennessee, police chief resigned.")))
    assert found.get("White House", {}).get("feature") == "city"


def test_heathrow_is_the_airport(base_nlp: Language, places: PlacesComponent) -> None:
    found = mentions(places(base_nlp("The flight from Heathrow landed in Dublin.")))
    assert found.get("Heathrow", {}).get("name") == "Heathrow Airport"


def test_the_kremlin_speaking_is_an_agent(base_nlp: Language, places: PlacesComponent) -> None:
    doc = places(base_nlp("The Kremlin said on Friday that the talks would go on."))
    roles = {m["text"]: m["role"] for m in doc._.ng_place_mentions}
    assert roles.get("Kremlin") == "agent"


# -- facilities after a locative preposition ----------------------------------------------

FAC_ROWS = [
    (9700101, "United States", 39.76, -98.5, "A", "PCLI", "US", "00", "", 310000000),
    (9700102, "Ohio", 40.25, -82.75, "A", "ADM1", "US", "OH", "", 11500000),
    (9700103, "Cleveland", 41.50, -81.69, "P", "PPLA2", "US", "OH", "035", 390000),
    (9700104, "Hartford", 41.76, -72.69, "P", "PPLA", "US", "CT", "", 120000),
    (9700105, "Connecticut", 41.67, -72.67, "A", "ADM1", "US", "CT", "", 3500000),
]


@pytest.fixture(scope="module")
def fac_places(base_nlp: Language, tmp_path_factory: pytest.TempPathFactory) -> PlacesComponent:
    return component(base_nlp, tmp_path_factory, FAC_ROWS, COUNTRIES[:1])


def test_a_facility_after_at_is_a_place_in_the_town(
    base_nlp: Language, fac_places: PlacesComponent, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = ("Cleveland police said the two men were taken to Rivergate Medical Center, where "
            "one of them died.")
    found = mentions(fac_places(base_nlp(text)))
    assert found.get("Rivergate Medical Center", {}).get("name") == "Cleveland"
    # control: without the facility words the centre is no toponym
    monkeypatch.setattr(fac_places.parser.detector, "facility_words", set())
    assert "Rivergate Medical Center" not in mentions(fac_places(base_nlp(text)))


def test_a_facility_as_subject_is_an_organization(
    base_nlp: Language, fac_places: PlacesComponent
) -> None:
    text = "Rivergate Medical Center said on Monday that it would hire forty nurses in Cleveland."
    assert "Rivergate Medical Center" not in mentions(fac_places(base_nlp(text)))


def test_a_facility_named_after_its_town_leaves_the_town(
    base_nlp: Language, fac_places: PlacesComponent
) -> None:
    """'at Hartford Hospital': the town opening the name is the place, found as before."""
    text = "The driver was treated at Hartford Hospital after the crash in Connecticut."
    found = mentions(fac_places(base_nlp(text)))
    assert "Hartford Hospital" not in found
    assert found.get("Hartford", {}).get("name") == "Hartford"


# -- datelines ------------------------------------------------------------------------------

DL_ROWS = FAC_ROWS + [
    (9700201, "Oklahoma City", 35.47, -97.52, "P", "PPLA", "US", "OK", "", 650000),
    (9700202, "Oklahoma", 35.5, -97.5, "A", "ADM1", "US", "OK", "", 3900000),
    (9700203, "DeKalb", 41.93, -88.75, "P", "PPL", "US", "IL", "", 43000),
    (9700204, "Illinois", 40.0, -89.25, "A", "ADM1", "US", "IL", "", 12800000),
]


@pytest.fixture(scope="module")
def dl_places(base_nlp: Language, tmp_path_factory: pytest.TempPathFactory) -> PlacesComponent:
    return component(base_nlp, tmp_path_factory, DL_ROWS, COUNTRIES[:1])


def test_a_dateline_after_a_lost_paragraph_break(
    base_nlp: Language, dl_places: PlacesComponent
) -> None:
    text = "Turnout was close to 80 percent DeKALB - Mary Olsen won the ward by twelve votes."
    assert mentions(dl_places(base_nlp(text))).get("DeKALB", {}).get("name") == "DeKalb"
    # no dash, no dateline
    text = "Turnout was close to 80 percent DeKALB and Mary Olsen won the ward."
    assert "DeKALB" not in mentions(dl_places(base_nlp(text)))


def test_a_dateline_opening_the_text_without_punctuation(
    base_nlp: Language, dl_places: PlacesComponent
) -> None:
    text = "OKLAHOMA CITY The state's teachers rallied at the statehouse for a third day."
    found = mentions(dl_places(base_nlp(text)))
    assert found.get("OKLAHOMA CITY", {}).get("name") == "Oklahoma City"


# -- British road numbers -------------------------------------------------------------------

ROAD_ROWS = [
    (9700301, "United Kingdom", 54.0, -2.0, "A", "PCLI", "GB", "00", "", 66000000),
    (9700302, "England", 52.16, -0.7, "A", "ADM1", "GB", "ENG", "", 55000000),
    (9700303, "Cirencester", 51.72, -1.97, "P", "PPL", "GB", "ENG", "", 19000),
]


@pytest.fixture(scope="module")
def road_places(base_nlp: Language, tmp_path_factory: pytest.TempPathFactory) -> PlacesComponent:
    gb = [("GB", "GBR", "United Kingdom", "London", 9700301)]
    return component(base_nlp, tmp_path_factory, ROAD_ROWS, gb)


def test_a_road_number_in_traffic_news_is_a_place(
    base_nlp: Language, road_places: PlacesComponent
) -> None:
    text = "A lorry overturned on the A417 southbound near Cirencester on Friday."
    assert mentions(road_places(base_nlp(text))).get("A417", {}).get("name") == "Cirencester"


def test_an_aircraft_type_is_no_road(base_nlp: Language, road_places: PlacesComponent) -> None:
    text = "The A380 carried 500 passengers from Cirencester's twin town on Friday."
    assert "A380" not in mentions(road_places(base_nlp(text)))


def test_broadway_is_the_manhattan_landmark() -> None:
    rows = {name: (feature, lat, lon, country) for name, _a, feature, lat, lon, country
            in load_features()}
    feature, lat, lon, country = rows["Broadway"]
    assert feature == "landmark" and country == "USA" and abs(lat - 40.76) < 0.1


# -- names joined by "and" ------------------------------------------------------------------

TT_ROWS = [
    (9700401, "Trinidad and Tobago", 11.0, -61.0, "A", "PCLI", "TT", "00", "", 1300000),
    (9700402, "Trinidad", 39.17, -104.5, "P", "PPL", "US", "CO", "", 8000),
    (9700403, "Colorado", 39.0, -105.5, "A", "ADM1", "US", "CO", "", 5000000),
    (9700404, "Paris", 33.66, -95.56, "P", "PPL", "US", "TX", "", 25000),
    (9700405, "Roxton", 33.55, -95.73, "P", "PPL", "US", "TX", "", 650),
]


@pytest.fixture(scope="module")
def tt_places(base_nlp: Language, tmp_path_factory: pytest.TempPathFactory) -> PlacesComponent:
    tt = [("TT", "TTO", "Trinidad and Tobago", "Port of Spain", 9700401), COUNTRIES[0]]
    return component(base_nlp, tmp_path_factory, TT_ROWS, tt)


def test_a_country_named_with_and_is_one_place(
    base_nlp: Language, tt_places: PlacesComponent
) -> None:
    found = mentions(tt_places(base_nlp("The team flew to Trinidad and Tobago on Monday.")))
    assert found.get("Trinidad and Tobago", {}).get("feature") == "country"
    assert "Trinidad" not in found


def test_two_towns_joined_by_and_stay_two(base_nlp: Language, tt_places: PlacesComponent) -> None:
    found = mentions(tt_places(base_nlp("Voters in Paris and Roxton went to the polls.")))
    assert "Paris" in found and "Roxton" in found


# -- the article's currency ------------------------------------------------------------------

CUR_ROWS = [
    (9700501, "United States", 39.76, -98.5, "A", "PCLI", "US", "00", "", 310000000),
    (9700502, "United Kingdom", 54.0, -2.0, "A", "PCLI", "GB", "00", "", 66000000),
    (9700503, "Mansfield", 53.14, -1.2, "P", "PPL", "GB", "ENG", "", 172000),
    (9700504, "Mansfield", 32.56, -97.14, "P", "PPL", "US", "TX", "", 64000),
    (9700505, "Liverpool", 53.41, -2.98, "P", "PPLA2", "GB", "ENG", "", 864000),
    (9700506, "Liverpool", 43.1, -76.2, "P", "PPL", "US", "NY", "", 2300),
]
CUR_COUNTRIES = [
    ("US", "USA", "United States", "Washington", 9700501),
    ("GB", "GBR", "United Kingdom", "London", 9700502),
]


@pytest.fixture(scope="module")
def cur_places(base_nlp: Language, tmp_path_factory: pytest.TempPathFactory) -> PlacesComponent:
    return component(base_nlp, tmp_path_factory, CUR_ROWS, CUR_COUNTRIES)


def test_dollar_amounts_move_a_town_out_of_england(
    base_nlp: Language, cur_places: PlacesComponent
) -> None:
    text = "Mansfield will refinance $10.3 million of debt, saving the city $400,000."
    assert mentions(cur_places(base_nlp(text))).get("Mansfield", {}).get("country") == "USA"
    text = "Mansfield will refinance £10.3 million of debt, saving the town £400,000."
    assert mentions(cur_places(base_nlp(text))).get("Mansfield", {}).get("country") == "GBR"


def test_mixed_currencies_say_nothing(base_nlp: Language, cur_places: PlacesComponent) -> None:
    text = "Mansfield sold bonds worth $10 million and £8 million on Monday."
    assert mentions(cur_places(base_nlp(text))).get("Mansfield", {}).get("country") == "GBR"


def test_dollars_leave_a_famous_city_abroad(
    base_nlp: Language, cur_places: PlacesComponent
) -> None:
    text = "The club in Liverpool agreed a fee of $90 million for the striker."
    assert mentions(cur_places(base_nlp(text))).get("Liverpool", {}).get("country") == "GBR"


# -- a street named after a far place --------------------------------------------------------

ST_ROWS = [
    (9700601, "United States", 39.76, -98.5, "A", "PCLI", "US", "00", "", 310000000),
    (9700602, "Beverly Hills", 34.07, -118.40, "P", "PPL", "US", "CA", "", 34000),
    (9700603, "Bedford", 52.13, -0.46, "P", "PPLA2", "GB", "ENG", "", 106000),
]


@pytest.fixture(scope="module")
def st_places(base_nlp: Language, tmp_path_factory: pytest.TempPathFactory) -> PlacesComponent:
    return component(base_nlp, tmp_path_factory, ST_ROWS, CUR_COUNTRIES)


def test_a_street_lies_in_the_documents_town_not_in_its_namesake(
    base_nlp: Language, st_places: PlacesComponent
) -> None:
    text = ("Beverly Hills police closed North Bedford Drive on Sunday after a crash. Traffic "
            "in Beverly Hills was slow for hours.")
    found = mentions(st_places(base_nlp(text)))
    assert found.get("North Bedford Drive", {}).get("name") == "Beverly Hills"
