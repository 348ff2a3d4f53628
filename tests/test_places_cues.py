"""Detection cues of news copy: headline datelines, civic nouns, party letters,
"-based" and "<person> of <town>", on sentences the team wrote."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.places.component import Geoparser, PlacesComponent
from newsgraph.places.detect import Detector
from newsgraph.places.gazetteer import load_gazetteer
from newsgraph.places.geonames import build_from_geonames

FIXTURE = Path(__file__).parent / "fixtures" / "places"


@pytest.fixture(scope="module")
def gaz_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dest = tmp_path_factory.mktemp("gaz") / "gazetteer.sqlite"
    build_from_geonames(FIXTURE, dest)
    return dest


@pytest.fixture(scope="module")
def places(base_nlp: Language, gaz_path: Path) -> PlacesComponent:
    return PlacesComponent(base_nlp, "newsgraph_places", gazetteer_path=str(gaz_path))


@pytest.fixture(scope="module")
def det(gaz_path: Path) -> Detector:
    return Geoparser(load_gazetteer(gaz_path)).detector


def index(doc: Doc, word: str) -> int:
    return next(t.i for t in doc if t.text == word)


def test_dateline_after_headline(base_nlp: Language, det: Detector) -> None:
    doc = base_nlp("Council approves new budget. MERCER -- The council voted on Monday.")
    i = index(doc, "MERCER")
    assert det.dateline(doc, i, i + 1)
    # a capitalised word inside a sentence, not followed by a dash, is no dateline
    doc = base_nlp("The plan was backed by MERCER and others on Monday.")
    i = index(doc, "MERCER")
    assert not det.dateline(doc, i, i + 1)


def test_civic_noun_cue(base_nlp: Language, det: Detector) -> None:
    doc = base_nlp("Officers said a Mercer woman was hurt when Mercer police arrived.")
    i = index(doc, "Mercer")
    assert det.has_cue(doc, i, i + 1, strong=True)
    doc = base_nlp("Mercer said the vote was close.")
    assert not det.has_cue(doc, 0, 1, strong=True)


def test_news_affix_cues(base_nlp: Language, det: Detector) -> None:
    doc = base_nlp("The bill was backed by Rep. Anna Holt, R-Mercer, on Monday.")
    i = index(doc, "Mercer")
    assert det.affix_cue(doc, i, i + 1)
    doc = base_nlp("Officials at the Mercer-based grocer did not answer.")
    i = index(doc, "Mercer")
    assert det.affix_cue(doc, i, i + 1)
    doc = base_nlp("The driver, Tom Reed, 44, of Mercer, was not hurt.")
    i = index(doc, "Mercer")
    assert det.affix_cue(doc, i, i + 1)
    doc = base_nlp("The report of Mercer was long.")
    i = index(doc, "Mercer")
    assert not det.affix_cue(doc, i, i + 1)


def test_cues_reach_the_output(base_nlp: Language, places: PlacesComponent) -> None:
    doc = places(base_nlp("The driver, Tom Reed, 44, of Mercer, was not hurt."))
    texts = {m["text"] for m in doc._.ng_place_mentions if m["place_id"]}
    assert "Mercer" in texts


def test_dateline_after_byline_date_or_with_colon(base_nlp: Language, det: Detector) -> None:
    doc = base_nlp("By Ann Lee, Staff Writer, March 15, 2009 MERCER -- The council met.")
    i = index(doc, "MERCER")
    assert det.dateline(doc, i, i + 1)
    doc = base_nlp("Farmers lose crops to flooding. MERCER: The fields were under water.")
    i = index(doc, "MERCER")
    assert det.dateline(doc, i, i + 1)


def test_short_country_names(base_nlp: Language, det: Detector) -> None:
    doc = base_nlp("The ministry said US tariffs on steel broke the rules.")
    i = index(doc, "US")
    assert det.short_name_at(doc, i, i + 1)
    # inside a run of capitals (a headline) it is not taken
    doc = base_nlp("TELL US WHAT YOU THINK about the plan.")
    i = index(doc, "US")
    assert not det.short_name_at(doc, i, i + 1)


def test_direction_word_and_own_region_word(base_nlp: Language, det: Detector) -> None:
    doc = base_nlp("Rain soaked farms across much of East Texas overnight.")
    i = index(doc, "Texas")
    assert det.has_cue(doc, i, i + 1)
    doc = base_nlp("Dispatchers at the Kursk Oblast office took the call.")
    i = index(doc, "Kursk")
    assert det.has_cue(doc, i, i + 2)
    doc = base_nlp("Texas said nothing.")
    assert not det.has_cue(doc, 0, 1)


def test_list_of_regions(base_nlp: Language, det: Detector, places: PlacesComponent) -> None:
    doc = base_nlp("Drones struck towns in the Kursk and Donetsk regions on Friday.")
    spans = {doc[a:b].text for a, b in det.area_list(doc)}
    assert spans == {"Kursk", "Donetsk"}
    doc = places(base_nlp("Drones struck towns in the Kursk and Donetsk regions on Friday."))
    by_id = {p["id"]: p for p in doc._.ng_places}
    features = {
        m["text"]: by_id[m["place_id"]]["feature"]
        for m in doc._.ng_place_mentions
        if m["place_id"]
    }
    assert features.get("Kursk") == "admin1" and features.get("Donetsk") == "admin1"
    # one name before a plural region word is no list
    assert det.area_list(base_nlp("Both Kursk regions were shelled.")) == []


def test_country_inside_an_organization_name(base_nlp: Language, det: Detector) -> None:
    doc = base_nlp("Shares of First Bank Ukraine Limited fell on Monday.")
    start, end = index(doc, "First"), index(doc, "Limited") + 1
    det.prefixes = []
    assert det.place_prefix(doc, start, end)
    assert [doc[a:b].text for a, b in det.prefixes] == ["Ukraine"]
    det.prefixes = []
    doc = base_nlp("Shares of First Bank Holdings Limited fell on Monday.")
    start, end = index(doc, "First"), index(doc, "Limited") + 1
    assert not det.place_prefix(doc, start, end)


def test_dateline_with_agency(base_nlp: Language, det: Detector) -> None:
    doc = base_nlp("Troops stay on. MERCER (AP) - The governor spoke on Monday.")
    i = index(doc, "MERCER")
    assert det.dateline(doc, i, i + 1)
