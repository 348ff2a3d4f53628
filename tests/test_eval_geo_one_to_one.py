"""One-to-one matching of the geo scorer (issue 16) on tiny fixtures the team wrote.

The place names are invented; coordinates are arbitrary points, so distances are by hand."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from newsgraph.evaluate.geo import (
    GeoDoc,
    GoldToponym,
    PredPlace,
    match_one_to_one,
    score,
)
from newsgraph.evaluate.geo_run import counts_as_place, system_places

TEXT = "Storms reached Orrin Falls, Wexmoor overnight."
#       0         1         2         3         4
#       0123456789012345678901234567890123456789012345
FALLS = GoldToponym(15, 26, "Orrin Falls", 10.0, 20.0, 101)
WEXMOOR = GoldToponym(28, 35, "Wexmoor", 12.0, 22.0, 102)


def _doc(*toponyms: GoldToponym, text: str = TEXT) -> GeoDoc:
    for t in toponyms:
        assert text[t.start : t.end] == t.text
    return GeoDoc("d1", text, list(toponyms))


def test_a_prediction_spanning_two_gold_toponyms_counts_once() -> None:
    doc = _doc(FALLS, WEXMOOR)
    both = PredPlace(15, 35, 10.0, 20.0, 101)  # "Orrin Falls, Wexmoor", resolved to the town
    m = score([doc], {"d1": [both]})
    assert m["detection_recall"] == pytest.approx(0.5)
    assert m["detection_precision"] == pytest.approx(1.0)
    assert m["e2e_acc161"] == pytest.approx(0.5)
    assert m["e2e_exact_id"] == pytest.approx(0.5)


def test_largest_overlap_first_not_text_order() -> None:
    # one prediction covers 4 characters of the first gold span and 7 of the second
    gold = [(0, 4), (5, 12)]
    assert match_one_to_one([(0, 12)], gold) == {1: 0}
    # an exact prediction wins a tie against a longer one that also covers the span
    assert match_one_to_one([(0, 12), (5, 12)], gold) == {1: 1, 0: 0}


def test_nested_gold_spans_count_once_each() -> None:
    text = "Flooding closed the Lake Quenzel District offices."
    outer = GoldToponym(20, 41, "Lake Quenzel District", 5.0, 5.0, 201)
    inner = GoldToponym(20, 32, "Lake Quenzel", 5.1, 5.1, 202)
    doc = _doc(outer, inner, text=text)
    one = {"d1": [PredPlace(20, 32, 5.1, 5.1, 202)]}
    m = score([doc], one)
    assert m["toponyms"] == 2
    assert m["detection_recall"] == pytest.approx(0.5)  # the exact inner span takes it
    assert m["e2e_exact_id"] == pytest.approx(0.5)
    two = {"d1": [PredPlace(20, 32, 5.1, 5.1, 202), PredPlace(20, 41, 5.0, 5.0, 201)]}
    m = score([doc], two)
    assert m["detection_recall"] == pytest.approx(1.0)
    assert m["e2e_exact_id"] == pytest.approx(1.0)


def test_a_repeated_gold_span_counts_once() -> None:
    copy = GoldToponym(FALLS.start, FALLS.end, FALLS.text, FALLS.lat, FALLS.lon, FALLS.geonames_id)
    m = score([_doc(FALLS, copy)], {"d1": [PredPlace(15, 26, 10.0, 20.0, 101)]})
    assert (m["toponyms"], m["detection_recall"], m["e2e_acc161"]) == (1, 1.0, 1.0)


def test_a_gold_toponym_without_coordinates() -> None:
    bare = GoldToponym(28, 35, "Wexmoor")  # annotated, but with no point and no id
    doc = _doc(FALLS, bare)
    preds = {"d1": [PredPlace(15, 26, 10.0, 20.0, 101), PredPlace(28, 35, 50.0, 50.0, 9)]}
    m = score([doc], preds)
    # not in the accuracy denominators ...
    assert (m["toponyms_with_coordinates"], m["toponyms_with_geonames_id"]) == (1, 1)
    assert m["e2e_acc161"] == pytest.approx(1.0)
    assert m["e2e_exact_id"] == pytest.approx(1.0)
    # ... but a gold toponym for detection: the second prediction is no false positive
    assert m["detection_precision"] == pytest.approx(1.0)
    assert m["detection_recall"] == pytest.approx(1.0)
    assert m["detection_recall_with_coordinates"] == pytest.approx(1.0)
    assert m["e2e_resolved"] == 1  # the error statistics need a gold point


def _mention(start: int, end: int, kind: str, label: str, place_id: str | None) -> SimpleNamespace:
    return SimpleNamespace(start=start, end=end, kind=kind, label=label, place_id=place_id)


def _result() -> SimpleNamespace:
    """A result as the pipeline shapes it: one place mention over "Orrin Falls, Wexmoor" with
    the two named entities inside it linked to its place, and an agent linked to a place."""
    text = TEXT + " Velmora said so."
    place = SimpleNamespace(id="p1", lat=10.0, lon=20.0, geonames_id=101)
    country = SimpleNamespace(id="p2", lat=40.0, lon=40.0, geonames_id=301)
    mentions = [
        _mention(15, 35, "place", "places", "p1"),
        _mention(15, 26, "other", "GPE", "p1"),  # inherits the place around it
        _mention(28, 35, "other", "GPE", "p1"),
        _mention(47, 54, "state", "actors", "p2"),  # "Velmora" as an agent, and a place
    ]
    assert text[47:54] == "Velmora"
    return SimpleNamespace(places=[place, country], mentions=mentions)


def test_which_mentions_are_place_predictions() -> None:
    result = _result()
    spans = {w: [(p.start, p.end) for p in system_places(result, w)] for w in
             ("places", "kind_place", "legacy")}
    assert spans["places"] == [(15, 35), (47, 54)]
    assert spans["kind_place"] == [(15, 35)]
    assert spans["legacy"] == [(15, 35), (15, 26), (28, 35), (47, 54)]
    with pytest.raises(ValueError, match="unknown prediction set"):
        counts_as_place(result.mentions[0], "everything")


def test_inherited_links_no_longer_count_for_two_gold_toponyms() -> None:
    result = _result()
    doc = GeoDoc("d1", TEXT + " Velmora said so.", [FALLS, WEXMOOR])
    ours = {"d1": system_places(result)}
    m = score([doc], ours, legacy={"d1": system_places(result, "legacy")})
    assert m["detection_recall"] == pytest.approx(0.5)
    assert m["e2e_acc161"] == pytest.approx(0.5)
    # the earlier scorer let the two entities inside the place mention match both toponyms
    assert m["detection_recall_legacy"] == pytest.approx(1.0)
    assert m["detection_overlap_f1_legacy"] > m["detection_f1"]
