"""Extraction scorer: shingle P/R/F1 by hand, and a run on a tiny page set."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.errors import NewsgraphError
from newsgraph.evaluate import extraction

DATA = Path(__file__).parent / "fixtures" / "eval" / "extraction"


def test_shingles() -> None:
    assert extraction.shingles("A b, c d e") == {("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1}
    assert extraction.shingles("a b") == {("a", "b"): 1}
    assert extraction.shingles("") == {}
    # repeats count as a multiset
    assert extraction.page_counts("x y z w x y z w", "x y z w") == (1, 5, 1)


def test_scores_by_hand() -> None:
    m = extraction.score([("a b c d e", "a b c d e f"), ("", "x y z w")])
    # page 1: P 1, R 2/3; page 2 (no output): P 0, R 0
    assert m["precision"] == pytest.approx(0.5)
    assert m["recall"] == pytest.approx(1 / 3)
    assert m["f1"] == pytest.approx(0.4)
    assert m["f1_page_mean"] == pytest.approx(0.4)
    assert m["micro_precision"] == 1.0
    assert m["micro_recall"] == pytest.approx(0.5)
    assert m["micro_f1"] == pytest.approx(2 / 3)
    assert m["empty_output_rate"] == 0.5


def test_visible_text_drops_scripts() -> None:
    text = extraction.visible_text(b"<html><body><script>var a;</script><p>Hello there</p></body></html>")
    assert "var a" not in text and "Hello there" in text


def test_evaluate_with_a_given_reader() -> None:
    def reader(html: bytes, url: str | None) -> str:
        return "the river rose overnight" if url else ""

    result = extraction.evaluate(DATA, reader=reader)
    assert result.n == 2  # p3 has no html file
    assert result.details["skipped_pages"]["count"] == 1
    # p1: 1 shingle, right, of 9 gold (12 words); p2: nothing -> recall (1/9 + 0) / 2
    assert result.metrics["precision"] == pytest.approx(0.5)
    assert result.metrics["recall"] == pytest.approx(1 / 18)
    assert result.baseline["recall"] == 1.0  # the whole page holds the body
    assert result.baseline["precision"] < 1.0  # ... and the menus


def test_real_reader() -> None:
    result = extraction.evaluate(DATA)
    assert set(result.metrics) >= {"precision", "recall", "f1"}
    assert all(0.0 <= result.metrics[k] <= 1.0 for k in ("precision", "recall", "f1"))


def test_missing_ground_truth(tmp_path: Path) -> None:
    with pytest.raises(NewsgraphError, match="ground-truth.json"):
        extraction.evaluate(tmp_path)
