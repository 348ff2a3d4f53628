"""Round 6 of the places stage: bodies of water of the team table are "water", not
"ocean"; an index built from a GeoNames dump keeps the team's ``feature:`` aliases."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.places.component import PlacesComponent
from newsgraph.places.gazetteer import (
    TABLE_FEATURES,
    Entry,
    load_features,
    load_gazetteer,
)
from newsgraph.places.geonames import build_from_geonames
from newsgraph.places.resolve import TABLE_BONUS
from stage_helpers import small_gazetteer

FIXTURE = Path(__file__).parent / "fixtures" / "places"

# id, name, lat, lon, feature class, feature code, country, admin1, admin2, population
ROWS = [
    (9600001, "Egypt", 26.0, 30.0, "A", "PCLI", "EG", "00", "", 100000000),
    (9600002, "Cairo", 30.06, 31.25, "P", "PPLC", "EG", "11", "", 7700000),
]
# ISO 3166-1 alpha-2, alpha-3, name, capital, GeoNames id
COUNTRIES = [("EG", "EGY", "Egypt", "Cairo", 9600001)]


def mentions(doc: Doc) -> dict[str, dict[str, object]]:
    by_id = {p["id"]: p for p in doc._.ng_places}
    return {m["text"]: by_id.get(m["place_id"] or "", {}) for m in doc._.ng_place_mentions}


def test_table_features_are_seas_water_and_regions() -> None:
    kinds = {name: feature for name, _a, feature, *_rest in load_features()}
    assert set(kinds.values()) == set(TABLE_FEATURES)
    assert kinds["Atlantic Ocean"] == "ocean" and kinds["Black Sea"] == "ocean"
    for water in ("Nile", "Lake Michigan", "Strait of Hormuz", "Suez Canal", "Persian Gulf",
                  "Chesapeake Bay"):
        assert kinds[water] == "water", water
    assert kinds["Alps"] == "macroregion"


def test_water_is_ranked_as_a_sea() -> None:
    """A river of the table is a table place like a sea (bonus, precision), while a
    GeoNames dump's own streams, also "water", stay ordinary places."""
    river = Entry(1, None, "Nile", "water", None, None, None, None, 31.0, 31.0, 0)
    sea = Entry(2, None, "Red Sea", "ocean", None, None, None, None, 20.0, 38.0, 0)
    creek = Entry(3, 123, "Mill Creek", "water", "USA", None, None, None, 40.0, -80.0, 0)
    assert river.in_table and sea.in_table and not creek.in_table
    assert river.precision == sea.precision == 3 and creek.precision == 1
    assert TABLE_BONUS > 0


@pytest.fixture(scope="module")
def gaz_path(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(small_gazetteer(tmp_path_factory.mktemp("geonames6"), ROWS, COUNTRIES))


def test_the_nile_is_water(base_nlp: Language, gaz_path: str) -> None:
    places = PlacesComponent(base_nlp, "newsgraph_places", gazetteer_path=gaz_path)
    found = mentions(places(base_nlp("Boats carried grain down the Nile to Cairo.")))
    nile = found.get("Nile", {})
    assert nile.get("feature") == "water" and nile.get("precision") == 3


def test_geonames_dump_index_keeps_feature_aliases(tmp_path: Path) -> None:
    """'Gulf' is a team alias of the Persian Gulf and the Gulf of Mexico (rows of the
    table); an index built from a GeoNames dump has it too."""
    dest = tmp_path / "gazetteer.sqlite"
    build_from_geonames(FIXTURE, dest)
    gaz = load_gazetteer(dest)
    gulfs = {e.name for e, _kind in gaz.lookup("Gulf")}
    assert {"Persian Gulf", "Gulf of Mexico"} <= gulfs
    assert all(e.feature == "water" for e, _k in gaz.lookup("Persian Gulf"))
