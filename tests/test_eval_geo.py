"""The geo scorer on tiny fixtures the team wrote in each gold layout (scores by hand)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.errors import NewsgraphError
from newsgraph.evaluate.geo import (
    PredPlace,
    Resolution,
    haversine_km,
    load_gold,
    read_brat,
    read_xml,
    score,
)

FIX = Path(__file__).parent / "fixtures" / "eval" / "geo"
KM_PER_DEGREE = 111.195  # one degree of latitude on a 6371 km sphere


def test_read_lgl_style() -> None:
    docs = read_xml(FIX / "lgl_style.xml")
    assert [d.id for d in docs] == ["lgl_style:a1", "lgl_style:b2"]
    a1 = docs[0]
    assert a1.published == "2021-05-03"
    assert [t.text for t in a1.toponyms] == ["Springfield", "Illinois", "Sangamon River"]
    assert a1.toponyms[0].geonames_id == 4250542
    assert a1.toponyms[0].lat == pytest.approx(39.80172)
    assert a1.toponyms[2].geonames_id is None and a1.toponyms[2].lat is None


def test_read_gwn_style_keeps_only_toponym_types() -> None:
    (doc,) = read_xml(FIX / "gwn_style.xml")
    # the demonym "Brazilian" is not a gold toponym; the metonymic "Brasilia" is
    assert [(t.text, t.geonames_id) for t in doc.toponyms] == [
        ("Recife", 3390760),
        ("Brasilia", 3469058),
    ]
    assert doc.toponyms[1].lon == pytest.approx(-47.92972)


def test_read_geovirus_style() -> None:
    (doc,) = read_xml(FIX / "geovirus_style.xml")
    (top,) = doc.toponyms
    assert top.text == "Kampala" and top.geonames_id is None
    assert (top.lat, top.lon) == pytest.approx((0.31628, 32.58219))


def test_read_brat() -> None:
    (doc,) = read_brat(FIX / "brat")
    # "harbour" is a Literal_Expression (a common noun), not a toponym
    assert [t.text for t in doc.toponyms] == ["Lyon", "Marseille"]
    lyon, marseille = doc.toponyms
    assert lyon.geonames_id == 2996944
    assert lyon.lat == pytest.approx(45.75, abs=0.2)  # from the gazetteer, by id
    assert marseille.geonames_id is None
    assert (marseille.lat, marseille.lon) == pytest.approx((43.29695, 5.38107))


def test_load_gold_folder_prefers_xml() -> None:
    docs, notes = load_gold(FIX)
    assert {d.corpus for d in docs} == {"lgl_style", "gwn_style", "geovirus_style"}
    assert any("BRAT folders skipped" in n for n in notes)
    docs, _ = load_gold(FIX / "brat")
    assert len(docs) == 1


def test_haversine() -> None:
    assert haversine_km(0, 0, 1, 0) == pytest.approx(KM_PER_DEGREE, abs=0.01)
    assert haversine_km(48.8566, 2.3522, 51.5074, -0.1278) == pytest.approx(343.5, abs=1.0)


def test_score_by_hand() -> None:
    docs = read_xml(FIX / "lgl_style.xml")
    e2e = {
        "lgl_style:a1": [
            PredPlace(13, 24, 39.80172, -89.64371, 4250542),  # Springfield: exact, right
            PredPlace(49, 57, 40.00032 + 2.7, -89.25037, 1),  # Illinois: 300 km off, wrong id
            PredPlace(67, 75),  # "Sangamon": overlaps the river, unresolved
            PredPlace(28, 34),  # "Monday": a false detection
        ],
        # Paris missed; Texas exact and right
        "lgl_style:b2": [PredPlace(29, 34, 31.25044, -99.25061, 4736286)],
    }
    gold_mode = {
        "lgl_style:a1": [Resolution(39.80172, -89.64371, 4250542), None, Resolution(None, None)],
        "lgl_style:b2": [Resolution(48.85341 + 0.5, 2.3488, 999), None],
    }
    m = score(docs, e2e, gold_mode)
    assert (m["toponyms"], m["toponyms_with_coordinates"], m["toponyms_with_geonames_id"]) == (
        5, 4, 4,
    )
    # detection: 5 predicted, 5 gold; paired one to one 4 (the river by overlap), of which
    # 3 are exact (Springfield, Illinois, Texas)
    assert m["detection_precision"] == pytest.approx(0.8)
    assert m["detection_f1"] == pytest.approx(0.8)
    assert m["detection_exact_f1"] == pytest.approx(0.6)
    assert m["detection_recall_with_coordinates"] == pytest.approx(0.75)  # river: no coords
    assert m["acc161_among_detected"] == pytest.approx(2 / 3)
    # the earlier scorer's figures, kept for one release
    assert m["detection_f1_legacy"] == pytest.approx(0.6)
    assert m["detection_overlap_f1_legacy"] == pytest.approx(0.8)
    assert m["e2e_acc161_legacy"] == pytest.approx(0.5)
    # end to end: Springfield and Texas right, of 4 with coordinates / 4 with ids
    assert m["e2e_acc161"] == pytest.approx(0.5)
    assert m["e2e_exact_id"] == pytest.approx(0.5)
    # errors over the 3 resolved matches: 0, 300.2, 0 km
    assert m["e2e_resolved"] == 3
    assert m["median_error_km"] == pytest.approx(0.0)
    assert m["mean_error_km"] == pytest.approx(2.7 * KM_PER_DEGREE / 3, abs=0.1)
    # gold spans: Springfield right; Paris within 161 km (55.6 km) but the wrong id
    assert m["gold_acc161"] == pytest.approx(0.5)
    assert m["gold_exact_id"] == pytest.approx(0.25)
    assert m["gold_resolved"] == 2
    assert m["gold_median_error_km"] == pytest.approx(0.5 * KM_PER_DEGREE / 2, abs=0.1)


def test_duplicate_predictions_do_not_inflate() -> None:
    docs = read_xml(FIX / "lgl_style.xml")
    twice = [PredPlace(13, 24, 39.8, -89.6, 4250542)] * 3
    m = score(docs, {"lgl_style:a1": twice})
    assert m["detection_precision"] == pytest.approx(1.0)
    assert m["detection_recall"] == pytest.approx(0.2)
    assert m["e2e_exact_id"] == pytest.approx(0.25)


def test_no_predictions() -> None:
    m = score(read_xml(FIX / "lgl_style.xml"), {}, None)
    assert m["detection_f1"] == 0.0 and m["e2e_acc161"] == 0.0 and m["gold_acc161"] == 0.0
    assert m["median_error_km"] is None


def test_bad_gold_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_text("<articles><article><text>x</text>", encoding="utf-8")
    with pytest.raises(NewsgraphError, match="well-formed"):
        load_gold(bad)
    bad.write_text(
        "<articles><article><text>Oslo</text><toponyms><toponym><start>0</start>"
        "<end>40</end></toponym></toponyms></article></articles>",
        encoding="utf-8",
    )
    docs, notes = load_gold(bad)  # a span outside the text is dropped, and said so
    assert docs[0].toponyms == [] and any("1 gold span(s) dropped" in n for n in notes)
    bad.write_text(
        "<articles><article><text>Oslo</text><toponyms><toponym><start>zero</start>"
        "<end>4</end></toponym></toponyms></article></articles>",
        encoding="utf-8",
    )
    with pytest.raises(NewsgraphError, match="integer"):
        load_gold(bad)
    bad.write_text("<articles></articles>", encoding="utf-8")
    with pytest.raises(NewsgraphError, match="no <article>"):
        load_gold(bad)
    with pytest.raises(NewsgraphError, match="no such"):
        load_gold(tmp_path / "missing")
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(NewsgraphError, match="neither"):
        load_gold(empty)


@pytest.mark.slow
def test_baseline_gazetteer_prefers_countries_then_populous_cities() -> None:
    from newsgraph.evaluate.geo import PopulousGazetteer

    gaz = PopulousGazetteer()
    paris = gaz.resolve("Paris")
    assert paris is not None and paris.geonames_id == 2988507  # not Paris, Texas
    france = gaz.resolve("France")
    assert france is not None and france.geonames_id == 3017382
    assert france.lat is not None and france.lon is not None
    # the approximate centre of France lies within 400 km of its GeoNames point (46, 2)
    assert haversine_km(46.0, 2.0, france.lat, france.lon) < 400
    assert gaz.resolve("Qqqxyzzy") is None


@pytest.mark.slow
def test_evaluate_runs_the_pipeline(base_nlp) -> None:
    from newsgraph.evaluate.geo import evaluate
    from newsgraph.pipeline import Analyzer

    analyzer = Analyzer(stages=[], nlp=base_nlp)  # raw spaCy mentions, nothing resolved
    result = evaluate(FIX / "lgl_style.xml", analyzer=analyzer)
    assert result.kind == "geo" and result.n == 2
    assert result.metrics["e2e_acc161"] == 0.0  # no places stage: nothing resolved
    assert result.metrics["detection_f1"] == pytest.approx(result.baseline["detection_f1"])
    assert result.baseline["gold_exact_id"] > 0  # Paris, at least


def test_same_corpus_name_in_two_folders_keeps_ids_apart(tmp_path: Path) -> None:
    for sub in ("dev", "test"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "corpus.xml").write_bytes((FIX / "lgl_style.xml").read_bytes())
    docs, _ = load_gold(tmp_path)
    assert len({d.id for d in docs}) == 4


NATIONALITY_GOLD = """<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="n1">
    <text><![CDATA[Canadian officials met their counterparts in Ottawa on Friday.]]></text>
    <toponyms count="2">
      <toponym><start>0</start><end>8</end><phrase>Canadian</phrase>
        <gaztag geonameid="6251999"><name>Canada</name><fcode>PCLI</fcode>
          <lat>60.10867</lat><lon>-113.64258</lon></gaztag></toponym>
      <toponym><start>45</start><end>51</end><phrase>Ottawa</phrase>
        <gaztag geonameid="6094817"><name>Ottawa</name><fcode>PPLC</fcode>
          <lat>45.41117</lat><lon>-75.69812</lon></gaztag></toponym>
    </toponyms>
  </article>
</articles>
"""


@pytest.mark.slow
def test_nationality_convention_is_scored_beside_the_default(analyzer, tmp_path: Path) -> None:
    from newsgraph.evaluate.geo import evaluate

    gold = tmp_path / "nat.xml"
    gold.write_text(NATIONALITY_GOLD, encoding="utf-8")
    result = evaluate(gold, analyzer=analyzer)
    m = result.metrics
    # by default "Canadian" is an actor's country, so only Ottawa is found end to end
    assert m["e2e_exact_id"] == pytest.approx(0.5)
    # the corpus convention counts it as a toponym of Canada
    assert m["e2e_exact_id_with_nationalities"] == pytest.approx(1.0)
    assert m["detection_f1_with_nationalities"] > m["detection_f1"]
