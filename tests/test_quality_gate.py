"""The quality gate: a fast subset of the check-split scores never falls under its floor.

Floors: ``src/newsgraph/evaluate/data/quality_floors.json`` (a floor may only be raised; see
docs/EVALUATION.md). The scores need ``../shared/eval``; without it the scoring tests skip.
Run the gate alone with ``pytest -m gate``; see the scores beside the floors with
``python -m newsgraph.evaluate.gate --data ../shared/eval``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from newsgraph.errors import NewsgraphError
from newsgraph.evaluate import gate
from shared_data import shared_path

pytestmark = pytest.mark.gate

GATES = gate.load_floors()


def test_the_floors_file_is_well_formed() -> None:
    assert GATES, "the gate has no floors"
    assert all(g.split == "check" for g in GATES), "the gate scores the check split only"
    note = json.loads(gate.FLOORS_PATH.read_text(encoding="utf-8"))["note"]
    assert "only be raised" in note


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ({"gates": [{"kind": "nope", "split": "check", "limit": None, "floors": {"f1": 0.5}}]}, "unknown kind"),
        ({"gates": [{"kind": "ner", "split": "dev", "limit": None, "floors": {"f1": 0.5}}]}, "unknown split"),
        ({"gates": [{"kind": "ner", "split": "check", "limit": 0, "floors": {"f1": 0.5}}]}, "limit"),
        ({"gates": [{"kind": "ner", "split": "check", "limit": None, "floors": {"f2": 0.5}}]}, "fixed ner metric"),
        ({"gates": [{"kind": "ner", "split": "check", "limit": None, "floors": {"f1": 1.5}}]}, r"\[0, 1\]"),
        ({"gates": [{"kind": "geo", "split": "check", "limit": None,
                     "floors": {"median_error_km": 0.5}}]}, "with a floor"),
        ({"gates": [{"kind": "ner", "split": "check", "floors": {"f1": 0.5}}]}, "exactly the keys"),
        ({"floors": []}, "'gates' list"),
    ],
)
def test_a_broken_floors_file_names_its_fault(tmp_path: Path, bad: dict[str, Any], message: str) -> None:
    path = tmp_path / "floors.json"
    path.write_text(json.dumps(bad))
    with pytest.raises(NewsgraphError, match=message):
        gate.load_floors(path)


def test_the_suggested_floor_is_a_hundredth_under_the_score() -> None:
    assert gate.floor_for(0.886) == 0.87
    assert gate.floor_for(0.87) == 0.86
    row = gate.GateRow("ner", "check", None, "f1", 0.60, 0.70)
    assert row.passed and row.could_raise_to == 0.69
    assert gate.GateRow("ner", "check", None, "f1", 0.69, 0.70).could_raise_to is None
    assert not gate.GateRow("ner", "check", None, "f1", 0.71, 0.70).passed
    assert "could be raised to 0.69" in gate.report([row])


@pytest.mark.slow
@pytest.mark.parametrize("entry", GATES, ids=[f"{g.kind}-{g.split}-{g.limit}" for g in GATES])
def test_check_scores_hold_their_floors(entry: gate.Gate, analyzer: Any) -> None:
    root = shared_path("eval")
    rows = gate.run_gate(entry, root, analyzer)
    below = [f"{r.metric} {r.score} < floor {r.floor}" for r in rows if not r.passed]
    assert not below, f"{entry.kind} ({entry.split}, limit {entry.limit}) fell under its floors: {below}"
