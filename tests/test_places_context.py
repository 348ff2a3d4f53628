"""Document context in resolution, on a small GeoNames-format gazetteer written here."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.places.component import PlacesComponent
from stage_helpers import small_gazetteer

# id, name, lat, lon, feature class, feature code, country, admin1, admin2, population
ROWS = [
    (3017382, "France", 46.0, 2.0, "A", "PCLI", "FR", "00", "", 67000000),
    (6252001, "United States", 39.76, -98.5, "A", "PCLI", "US", "00", "", 327000000),
    (4662168, "Tennessee", 35.75, -86.25, "A", "ADM1", "US", "TN", "", 6900000),
    (4736286, "Texas", 31.25, -99.25, "A", "ADM1", "US", "TX", "", 29000000),
    (4626360, "Henry County", 36.33, -88.3, "A", "ADM2", "US", "TN", "079", 32000),
    (4690197, "Henry County", 32.4, -84.1, "A", "ADM2", "US", "GA", "151", 240000),
    (2988507, "Paris", 48.85, 2.35, "P", "PPLC", "FR", "11", "", 2100000),
    (4717560, "Paris", 33.66, -95.56, "P", "PPLA2", "US", "TX", "277", 25000),
    (4647963, "Paris", 36.3, -88.33, "P", "PPLA2", "US", "TN", "079", 10000),
    (357994, "Egypt", 27.0, 30.0, "A", "PCLI", "EG", "00", "", 100000000),
    (4331987, "Louisiana", 31.0, -92.0, "A", "ADM1", "US", "LA", "", 4600000),
    (361058, "Alexandria", 31.2, 29.92, "P", "PPLA", "EG", "06", "", 5000000),
    (4314550, "Alexandria", 31.31, -92.45, "P", "PPLA2", "US", "LA", "079", 47000),
    (5368361, "Los Angeles", 34.05, -118.24, "P", "PPLA2", "US", "CA", "037", 3900000),
    (6251999, "Canada", 60.1, -113.6, "A", "PCLI", "CA", "00", "", 38000000),
    (6167865, "Toronto", 43.7, -79.42, "P", "PPLA", "CA", "08", "", 2800000),
    (5174095, "Toronto", 40.46, -80.6, "P", "PPL", "US", "OH", "081", 4900),
]


# ISO 3166-1 alpha-2, alpha-3, name, capital, GeoNames id
COUNTRIES = [
    ("US", "USA", "United States", "Washington", 6252001),
    ("FR", "FRA", "France", "Paris", 3017382),
    ("EG", "EGY", "Egypt", "Cairo", 357994),
    ("CA", "CAN", "Canada", "Ottawa", 6251999),
]


@pytest.fixture(scope="module")
def places(base_nlp: Language, tmp_path_factory: pytest.TempPathFactory) -> PlacesComponent:
    dest = small_gazetteer(tmp_path_factory.mktemp("geonames"), ROWS, COUNTRIES)
    return PlacesComponent(base_nlp, "newsgraph_places", gazetteer_path=str(dest))


def resolved(doc: Doc) -> dict[str, int | None]:
    by_id = {p["id"]: p for p in doc._.ng_places}
    out: dict[str, int | None] = {}
    for m in doc._.ng_place_mentions:
        p = by_id.get(m["place_id"] or "")
        out[m["text"]] = p["geonames_id"] if p else None
    return out


def test_town_and_its_county(base_nlp: Language, places: PlacesComponent) -> None:
    """A town and a county named together: the town inside that county, and that county."""
    doc = places(base_nlp("Residents of Paris and Henry County will vote on the new levy in May."))
    got = resolved(doc)
    assert got.get("Paris") == 4647963
    assert got.get("Henry County") == 4626360


def test_town_alone_is_the_big_one(base_nlp: Language, places: PlacesComponent) -> None:
    doc = places(base_nlp("The delegation flew to Paris on Monday for the talks."))
    assert resolved(doc).get("Paris") == 2988507


def test_abbreviations_in_their_own_form(base_nlp: Language, places: PlacesComponent) -> None:
    """"La." is Louisiana after a town; "L.A." is Los Angeles, not Louisiana nor Laos."""
    doc = places(
        base_nlp("She grew up in Alexandria, La., and moved to L.A. in 1990 to act.")
    )
    got = resolved(doc)
    assert got.get("Alexandria") == 4314550
    assert got.get("La.") == 4331987
    assert got.get("L.A.") == 5368361


def test_team_aliases_and_features(base_nlp: Language, places: PlacesComponent) -> None:
    doc = places(base_nlp("Tourists from America crowded the ferries crossing the Atlantic Ocean."))
    by_id = {p["id"]: p for p in doc._.ng_places}
    got = {m["text"]: by_id.get(m["place_id"] or "") for m in doc._.ng_place_mentions}
    america, ocean = got.get("America"), got.get("Atlantic Ocean")
    assert america is not None and america["geonames_id"] == 6252001
    assert ocean is not None and ocean["feature"] == "ocean" and ocean["precision"] == 3


def test_words_of_us_local_news(base_nlp: Language, places: PlacesComponent) -> None:
    resolver = places.parser.resolver
    doc = base_nlp(
        "The sheriff said deputies clocked the car at 90 mph on the interstate before the "
        "school board met."
    )
    assert resolver.local_cues(doc) >= 4
    assert resolver.local_cues(base_nlp("The minister spoke in the capital on Monday.")) == 0


def test_village_does_not_take_a_world_city_name(
    base_nlp: Language, places: PlacesComponent
) -> None:
    """A shared country alone does not give a world city's name to a village."""
    doc = places(base_nlp("Texas fans flew to Toronto for the final on Sunday."))
    assert resolved(doc).get("Toronto") == 6167865
