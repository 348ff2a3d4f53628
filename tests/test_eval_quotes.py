"""The quotes scorer on a tiny BRAT fixture the team wrote (expected scores by hand)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from newsgraph.errors import NewsgraphError
from newsgraph.evaluate.quotes import (
    PredQuote,
    baseline_quotes,
    is_direct,
    load_gold,
    score,
    trim,
)

FIX = Path(__file__).parent / "fixtures" / "eval" / "quotes"


def _span(text: str, s: str, nth: int = 1) -> tuple[int, int]:
    i = -1
    for _ in range(nth):
        i = text.index(s, i + 1)
    return (i, i + len(s))


def test_load_gold_one_annotator_per_article() -> None:
    docs, notes = load_gold(FIX)
    assert [d.id for d in docs] == ["doc1"]
    atts = docs[0].attributions
    assert len(atts) == 5  # the second annotator's file is skipped
    assert any("annotator" in n for n in notes)
    # the discontinuous content keeps both fragments
    assert [len(c) for c in atts[2].content] == [2]
    assert atts[3].source == []  # "It was reported": no source


def test_is_direct_and_trim() -> None:
    text = load_gold(FIX)[0][0].text
    assert is_direct(text, _span(text, "“We will rebuild the bridge by spring,”"))
    assert is_direct(text, _span(text, "We will rebuild the bridge by spring"))
    assert not is_direct(text, _span(text, "that the plan was too costly"))
    q = _span(text, "“It is a waste,”")
    assert text[slice(*trim(text, q))] == "It is a waste"


def test_score_by_hand() -> None:
    docs, _ = load_gold(FIX)
    t = docs[0].text
    preds = {
        "doc1": [
            # exact content (after trimming marks), speaker and cue
            PredQuote(*_span(t, "We will rebuild the bridge by spring"), _span(t, "the mayor"),
                      _span(t, "said")),
            # content overlaps only ("that" left out); right speaker; no cue
            PredQuote(*_span(t, "the plan was too costly"), _span(t, "Critics")),
            # one fragment of a discontinuous content; wrong speaker; right cue
            PredQuote(*_span(t, "will vote next week"), _span(t, "The council"),
                      _span(t, "according to")),
            # not a content at all
            PredQuote(*_span(t, "on Tuesday")),
        ]
    }
    m = score(docs, preds)
    # gold: 5 contents, 4 sources, 5 cues; 4 attributions with a source, 2 of them direct.
    assert m["gold_contents"] == 5
    assert m["gold_attributions_with_source"] == 4
    assert m["gold_direct_attributions"] == 2
    # content exact: 1 of 4 predicted, 1 of 5 gold -> F1 = 2/9
    assert m["content_exact_f1"] == pytest.approx(2 / 9)
    # content overlap: 3 of 4, 3 of 5 -> F1 = 2/3
    assert m["content_overlap_f1"] == pytest.approx(2 / 3)
    # source: 2 of 3 predicted, 2 of 4 gold -> F1 = 4/7 (exact and overlap)
    assert m["source_exact_f1"] == pytest.approx(4 / 7)
    assert m["source_overlap_f1"] == pytest.approx(4 / 7)
    # cue: 2 of 2 predicted, 2 of 5 gold -> F1 = 4/7
    assert m["cue_exact_f1"] == pytest.approx(4 / 7)
    # attributions: the mayor's and the critics' are right, 2 of 4
    assert m["attribution_accuracy"] == pytest.approx(0.5)
    assert m["attribution_precision"] == pytest.approx(2 / 3)
    # direct: one predicted direct content, matching one of the two gold direct ones
    assert m["direct_content_overlap_f1"] == pytest.approx(2 / 3)
    assert m["direct_speaker_accuracy"] == pytest.approx(0.5)


def test_speaker_must_overlap_source_of_the_same_attribution() -> None:
    docs, _ = load_gold(FIX)
    t = docs[0].text
    # right content, but the speaker is the source of another attribution
    preds = {"doc1": [PredQuote(*_span(t, "that the plan was too costly"), _span(t, "the mayor"))]}
    m = score(docs, preds)
    assert m["content_exact_f1"] > 0
    assert m["attribution_accuracy"] == 0.0


def test_baseline_quotes_nearest_preceding_person() -> None:
    t = load_gold(FIX)[0][0].text
    persons = [_span(t, "Critics")]
    got = baseline_quotes(t, persons)
    assert [t[q.start : q.end] for q in got] == [
        "We will rebuild the bridge by spring,",
        "It is a waste,",
    ]
    assert got[0].speaker is None  # no person before the first quote
    assert got[1].speaker == persons[0]


def test_bad_gold_is_a_clear_error(tmp_path: Path) -> None:
    shutil.copytree(FIX, tmp_path / "q")
    ann = tmp_path / "q" / "attributions" / "doc1_ab12.ann"
    ann.write_text(ann.read_text(encoding="utf-8") + "E9\tAttribution:T4 Content:T99\n")
    with pytest.raises(NewsgraphError, match="unknown span T99"):
        load_gold(tmp_path / "q")
    ann.write_text("T1\tContent 0 99999\tx\n")
    with pytest.raises(NewsgraphError, match="outside the text"):
        load_gold(tmp_path / "q")
    (tmp_path / "q" / "text" / "doc1.txt").unlink()
    with pytest.raises(NewsgraphError, match="text file"):
        load_gold(tmp_path / "q")
    with pytest.raises(NewsgraphError, match="no BRAT"):
        load_gold(tmp_path / "q" / "text")


@pytest.mark.slow
def test_evaluate_runs_the_pipeline(base_nlp) -> None:
    from newsgraph.evaluate.quotes import evaluate
    from newsgraph.pipeline import Analyzer

    analyzer = Analyzer(stages=[], nlp=base_nlp)  # no stages: our scores are 0, honestly
    seen: list[int] = []
    result = evaluate(FIX, analyzer=analyzer, progress=lambda done, total: seen.append(done))
    assert result.kind == "quotes" and result.n == 1 and seen == [1]
    assert result.metrics["content_overlap_f1"] == 0.0
    assert result.baseline["gold_contents"] == 5
    assert result.baseline["direct_content_overlap_f1"] > 0
    assert set(result.to_json()) >= {"kind", "data", "n", "metrics", "baseline"}
