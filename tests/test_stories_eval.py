"""``eval stories`` end to end on a fixture written for it (the pipeline runs)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newsgraph.evaluate import runner

DATA = Path(__file__).parent / "fixtures" / "eval" / "stories"

pytest.importorskip("datasketch")


@pytest.mark.slow
def test_eval_stories_scores_the_fixture(analyzer: Any) -> None:
    result = runner.run_kind("stories", DATA, analyzer=analyzer)
    assert result.n == 6
    assert set(runner.FIXED_METRICS["stories"]) <= set(result.metrics)
    assert result.metrics["stories_gold"] == 3
    assert 0.0 < result.metrics["bcubed_f1"] <= 1.0
    assert set(result.baseline) == set(result.metrics)
