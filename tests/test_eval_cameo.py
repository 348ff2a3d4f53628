"""CAMEO scorer on hand-made coder rounds with hand-computed scores."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newsgraph.errors import NewsgraphError
from newsgraph.evaluate import cameo

DATA = Path(__file__).parent / "fixtures" / "eval" / "cameo"


@pytest.fixture()
def gold() -> list[cameo.GoldSentence]:
    sents, info = cameo.load_gold(DATA)
    assert info == {"files_used": 2}  # the relevance votes and the "wrong" file are skipped
    return sents


def test_majority_gold(gold: list[cameo.GoldSentence]) -> None:
    by_id = {s.id: s for s in gold}
    assert by_id["x-1"].root == "18" and by_id["x-1"].pentaclass == 4
    assert by_id["x-2"].root == "01" and by_id["x-2"].pentaclass == 0  # not the "wrong" file's 20
    assert by_id["x-3"].root is None  # one coder each: no majority
    # coder 3 of x-4 exists only in the second version of the round: merged in
    assert by_id["x-4"].root == "12" and by_id["x-4"].pentaclass == 3


def test_gold_spans(gold: list[cameo.GoldSentence]) -> None:
    by_id = {s.id: s for s in gold}
    x1 = by_id["x-1"]
    # "Rebels" by coders 1 and 3 (coder 3's offset is off by one and is repaired);
    # coder 2 disagreed on the root, so its "town" is not gold
    assert [x1.text[s:e] for s, e in x1.sources] == ["Rebels"]
    assert [x1.text[s:e] for s, e in x1.targets] == ["four soldiers"]
    x2 = by_id["x-2"]
    assert [x2.text[s:e] for s, e in x2.sources] == ["The minister"]
    assert x2.targets == []
    x4 = by_id["x-4"]
    assert [x4.text[s:e] for s, e in x4.sources] == ["The union"]
    assert [x4.text[s:e] for s, e in x4.targets] == ["the company"]


def test_agreed_spans_needs_two_coders() -> None:
    assert cameo.agreed_spans([[(0, 5)], [(20, 25)]]) == []
    assert cameo.agreed_spans([[(0, 5)], [(3, 9)], [(20, 25)]]) == [(0, 9)]


def test_scores_by_hand(gold: list[cameo.GoldSentence]) -> None:
    preds: dict[str, list[dict[str, Any]]] = {
        "x-1": [
            {"category": "ASSAULT", "trigger": {"start": 7},  # crosswalk -> 18
             "sources": [{"start": 0, "end": 6}],
             "targets": [{"start": 56, "end": 64}, {"start": 15, "end": 23}]},
        ],
        "x-2": [
            {"category": "CONSULT", "trigger": {"start": 22},  # 04, verbal cooperation
             "sources": [{"start": 4, "end": 12}], "targets": []},
        ],
        "x-3": [{"cameo_root": "14"}],  # no gold: not scored
    }
    m, details = cameo.score(gold, preds)
    assert details["counts"]["with_gold_root"] == 3
    assert m["root_accuracy"] == pytest.approx(1 / 3)
    # classes: material conflict F1 1; statement 0; verbal cooperation 0; verbal conflict 0
    assert m["pentaclass_macro_f1"] == pytest.approx(1 / 4)
    assert m["pentaclass_accuracy"] == pytest.approx(1 / 3)
    # sources: 2 matched of 2 predicted, 3 gold -> P 1, R 2/3
    assert m["source_span_precision"] == 1.0
    assert m["source_span_recall"] == pytest.approx(2 / 3)
    assert m["source_span_f1"] == pytest.approx(0.8)
    # targets: 1 matched of 2 predicted, 2 gold
    assert m["target_span_f1"] == pytest.approx(0.5)


def test_roots_and_classes() -> None:
    table = cameo.crosswalk()
    classes = cameo.root_classes()
    assert cameo.norm_root("183") == "18"
    assert cameo.norm_root("0311") == "03"
    assert cameo.norm_root(9) == "09"
    assert cameo.event_root({"category": "ASSAULT", "mode": "firearms"}, table) == "19"
    assert cameo.event_root({"category": "ACCUSE", "mode": "investigate"}, table) == "09"
    assert cameo.event_root({"category": "ACCUSE"}, table) == "11"
    assert cameo.event_root({"category": "X", "cameo_root": "042"}, table) == "04"
    assert cameo.event_class({"quad_class": 2}, "18", classes) == 2
    assert cameo.event_class({}, "16", classes) == 3
    assert cameo.parse_code("4-18 Assualt") == "18"


def test_majority_baseline(gold: list[cameo.GoldSentence]) -> None:
    scored = [s for s in gold if s.root]
    base = cameo.baseline_predictions(scored, {"x-1": [(0, 6), (56, 64)]})
    m, _ = cameo.score(scored, base)
    assert m["root_accuracy"] == pytest.approx(1 / 3)  # three roots, one each: first seen
    assert m["source_span_f1"] == pytest.approx(2 * (1 * 1 / 3) / (1 + 1 / 3))


def test_bad_data(tmp_path: Path) -> None:
    (tmp_path / "votes.csv").write_text("story,sentences\n1,text\n")
    with pytest.raises(NewsgraphError, match="No CAMEO annotation CSV"):
        cameo.load_gold(tmp_path)


def test_a_sentence_with_no_event_but_a_statement_reads_as_cameo_01():
    from newsgraph.evaluate.cameo import with_statements
    from newsgraph.ingest.identity import make_article
    from newsgraph.records import ArticleResult, Quote

    art = make_article(text="The mayor said the bridge would reopen.", input_name="t", explicit_id="s1")
    quote = Quote("s1", 15, 38, "the bridge would reopen", "indirect",
                  speaker={"name": "mayor", "start": 4, "end": 9}, cue="said", cue_start=10, cue_end=14)
    (pred,) = with_statements(ArticleResult(article=art, quotes=[quote]))
    assert (pred["cameo_root"], pred["quad_class"], pred["sources"]) == ("01", 0, [{"start": 4, "end": 9}])
    assert with_statements(ArticleResult(article=art)) == []
