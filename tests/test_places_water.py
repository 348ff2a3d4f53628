"""The places stage: bodies of water of the team table are "water", not "ocean"; an index
built from a GeoNames dump keeps the team's ``feature:`` aliases."""

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


# -- detection and lookup rules of water names---------------------------------------------

DET_ROWS = [
    (9600101, "United States", 39.76, -98.5, "A", "PCLI", "US", "00", "", 310000000),
    (9600102, "Maryland", 39.0, -76.75, "A", "ADM1", "US", "MD", "", 6000000),
    (9600103, "West Virginia", 38.5, -80.5, "A", "ADM1", "US", "WV", "", 1800000),
    (9600104, "Hagerstown", 39.64, -77.72, "P", "PPLA2", "US", "MD", "043", 40000),
    (9600105, "Pomeroy", 39.03, -82.03, "P", "PPL", "US", "WV", "", 1800),
    (9600106, "Louisiana", 31.0, -92.0, "A", "ADM1", "US", "LA", "", 4600000),
    (9600107, "Slidell", 30.28, -89.78, "P", "PPL", "US", "LA", "103", 28000),
]
DET_COUNTRIES = [("US", "USA", "United States", "Washington", 9600101)]


@pytest.fixture(scope="module")
def det_places(base_nlp: Language, tmp_path_factory: pytest.TempPathFactory) -> PlacesComponent:
    path = small_gazetteer(tmp_path_factory.mktemp("geonames6d"), DET_ROWS, DET_COUNTRIES)
    return PlacesComponent(base_nlp, "newsgraph_places", gazetteer_path=str(path))


def test_a_lane_in_an_address_is_a_street(
    base_nlp: Language, det_places: PlacesComponent, monkeypatch: pytest.MonkeyPatch
) -> None:
    """'the 500 block of Kelley Lane', '2400 Jay Lane': a street; 'Nathan Lane' is not."""
    text = "Officers went to the 500 block of Kelley Lane in Hagerstown on Sunday."
    found = mentions(det_places(base_nlp(text)))
    assert "Kelley Lane" in found and found["Kelley Lane"].get("name") == "Hagerstown"
    assert "Nathan Lane" not in mentions(det_places(base_nlp(
        "Nathan Lane sang in Hagerstown on Sunday.")))
    # control: without the address rule the lane is no toponym
    monkeypatch.setattr(det_places.parser.detector, "address_words", set())
    assert "Kelley Lane" not in mentions(det_places(base_nlp(text)))


HEADLINE = "Hagerstown advances to state meet. Hagerstown advanced for the first time."


def test_a_headline_town_repeated_by_the_lead(
    base_nlp: Language, det_places: PlacesComponent, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The text opens with a town and the next sentence opens with it again."""
    doc = det_places(base_nlp(HEADLINE))
    assert [m["text"] for m in doc._.ng_place_mentions] == ["Hagerstown", "Hagerstown"]
    # not repeated by the next sentence: a sentence's first word needs more evidence
    other = det_places(base_nlp("Hagerstown advances to state meet. The team advanced."))
    assert other._.ng_place_mentions == []
    monkeypatch.setattr(type(det_places.parser.detector), "headline_repeated",
                        staticmethod(lambda _doc, _span: False))
    assert det_places(base_nlp(HEADLINE))._.ng_place_mentions == []


def test_a_dotted_abbreviation_written_with_a_space(det_places: PlacesComponent) -> None:
    gaz = det_places.parser.gaz
    assert [e.name for e, _k in gaz.lookup("W. Va.")] == ["West Virginia"]
    assert [e.name for e, _k in gaz.lookup("W.Va.")] == ["West Virginia"]
    assert gaz.lookup("W Va") == ()  # without a dot it is no abbreviation


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Friends of the Hagerstown Public Library chose a novel this spring.", "public"),
        ("Nurses said Pomeroy Medical Center was full.", "medical"),
        ("Tickets for the Hagerstown Film Festival went on sale.", "film"),
        ("Slidell PD released the photo on Friday.", "pd"),
    ],
)
def test_new_institution_and_local_words(
    base_nlp: Language, det_places: PlacesComponent, text: str, word: str
) -> None:
    """A known town opening a local body's name ("Hagerstown Public Library", "Slidell PD")."""
    words = text.split()
    town = words[[w.lower() for w in words].index(word) - 1]  # the word before the cue
    assert town in mentions(det_places(base_nlp(text)))
    det = det_places.parser.detector
    det.institution.discard(word)
    det.civic.discard(word)
    try:
        assert town not in mentions(det_places(base_nlp(text)))
    finally:
        if word == "pd":
            det.civic.add(word)
        else:
            det.institution.add(word)


def test_a_mixed_case_dateline_opening_the_text(
    base_nlp: Language, det_places: PlacesComponent
) -> None:
    """'Pomeroy: The council met…' opens the text with its place; mid-text it is no dateline."""
    text = "Pomeroy: The council met on Monday to discuss the budget."
    assert "Pomeroy" in mentions(det_places(base_nlp(text)))
    det = det_places.parser.detector
    doc = base_nlp(text)
    assert det.dateline(doc, 0, 1)
    later = base_nlp("The vote was close. Pomeroy: the council met again.")
    at = next(t.i for t in later if t.text == "Pomeroy")
    assert not det.dateline(later, at, at + 1)
