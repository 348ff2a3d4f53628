"""The timex scorer on a tiny TimeML fixture the team wrote (expected scores by hand)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.errors import NewsgraphError
from newsgraph.evaluate.timex import (
    PredDate,
    load_gold,
    read_tml,
    score,
    value_coarse_equal,
    value_equal,
)

FIX = Path(__file__).parent / "fixtures" / "eval" / "timex"


def test_read_tml_offsets_dct_and_types() -> None:
    doc = read_tml(FIX / "tiny.tml")
    assert doc.dct == "2021-03-10"
    assert [(t.text, t.type) for t in doc.timexes] == [
        ("on Monday", "DATE"),
        ("three weeks", "DURATION"),
        ("in April", "DATE"),
        ("now", "DATE"),
        ("2020", "DATE"),
    ]
    for t in doc.timexes:
        assert doc.text[t.start : t.end] == t.text
    assert "March 10, 2021" not in doc.text  # the DCT is not article text
    assert len(doc.dates) == 4


def test_score_by_hand() -> None:
    docs = load_gold(FIX)
    text = docs[0].text

    def at(s: str, value: str) -> PredDate:
        i = text.index(s)
        return PredDate(i, i + len(s), value)

    preds = {
        "tiny": [
            at("Monday", "2021-03-08"),  # relaxed match only, value right
            at("three weeks", "P3W"),  # overlaps only a DURATION: ignored
            at("in April", "2021-04-01"),  # strict match, day for a month: value wrong
            at("now", "2021-03-10"),  # strict match, PRESENT_REF = DCT: right
            at("the time", "2021-03-10"),  # false positive
        ]
    }
    m = score(docs, preds)
    # gold dates 4, kept predictions 4; strict 2, relaxed 3; values right 2 of 3.
    assert m["gold_dates"] == 4
    assert m["predicted_dates"] == 4
    assert m["ignored_predictions"] == 1
    assert m["strict_span_f1"] == pytest.approx(0.5)
    assert m["relaxed_span_f1"] == pytest.approx(0.75)
    assert m["value_accuracy"] == pytest.approx(2 / 3)
    assert m["value_accuracy_coarse"] == pytest.approx(1.0)
    assert m["value_f1"] == pytest.approx(0.5)


def test_no_predictions_scores_zero() -> None:
    m = score(load_gold(FIX), {})
    assert m["strict_span_f1"] == 0.0
    assert m["relaxed_span_f1"] == 0.0
    assert m["value_accuracy"] == 0.0


@pytest.mark.parametrize(
    ("gold", "ours", "equal"),
    [
        ("1998-02-06", "1998-02-06", True),
        ("1998-02-06", "1998-02-07", False),
        ("1998-02-06TNI", "1998-02-06", True),
        ("1998-W06", "1998-W6", True),
        ("1998-W06", "1998-02-02", False),
        ("1998-02", "1998-02-06", False),
        ("1998", "1998", True),
        ("1998-Q1", "1998", False),
        ("XXXX-10", "1997-10", True),
        ("XXXX-10", "1997-11", False),
        ("PRESENT_REF", "1998-03-01", True),
        ("PRESENT_REF", "1998-02-28", False),
        ("PAST_REF", "1998-03-01", False),
        ("1998-02-06", None, False),
    ],
)
def test_value_equal(gold: str, ours: str | None, equal: bool) -> None:
    assert value_equal(gold, ours, "1998-03-01") is equal


def test_value_coarse_equal() -> None:
    assert value_coarse_equal("1998-02", "1998-02-06", "1998-03-01")
    assert value_coarse_equal("1998-02-06", "1998", "1998-03-01")
    assert not value_coarse_equal("1998-02", "1998-03-06", "1998-03-01")
    assert not value_coarse_equal("1998-Q1", "1998-02", "1998-03-01")


def test_bad_gold_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "broken.tml").write_text("<TimeML><TEXT>no end", encoding="utf-8")
    with pytest.raises(NewsgraphError, match="well-formed"):
        load_gold(tmp_path)
    (tmp_path / "broken.tml").write_text("<TimeML><TEXT>no DCT here</TEXT></TimeML>")
    with pytest.raises(NewsgraphError, match="CREATION_TIME"):
        load_gold(tmp_path)
    with pytest.raises(NewsgraphError, match="no such"):
        load_gold(tmp_path / "missing")
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(NewsgraphError, match="no TimeML"):
        load_gold(empty)


def test_baseline_finds_dates_relative_to_dct() -> None:
    from newsgraph.evaluate.timex import baseline_dates

    doc = read_tml(FIX / "tiny.tml")
    found = {doc.text[p.start : p.end]: p.value for p in baseline_dates(doc.text, doc.dct)}
    assert found.get("on Monday") == "2021-03-08"
    assert found.get("now") == "2021-03-10"


def test_a_copied_document_is_read_once(tmp_path: Path) -> None:
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "tiny.tml").write_bytes((FIX / "tiny.tml").read_bytes())
    assert len(load_gold(tmp_path)) == 1
