"""The quality gate: a fast subset of the check-split scores against floors that only rise.

The floors live in ``evaluate/data/quality_floors.json``; ``tests/test_quality_gate.py`` runs
them in ``make test`` whenever the gold sets are present. To see the current scores beside
the floors, and which floors could be raised::

    python -m newsgraph.evaluate.gate --data EVAL_ROOT   (or $NEWSGRAPH_SHARED set)

A floor sits a little under the score measured when it was set (0.01 below, rounded down to
two decimals). It may only be raised, never lowered: a change that drops a score under its
floor is a regression to fix, not a floor to move.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsgraph.errors import NewsgraphError
from newsgraph.evaluate import KINDS
from newsgraph.evaluate.split import SPLITS
from newsgraph.evaluate.table import FIXED_METRICS

if TYPE_CHECKING:
    from newsgraph.pipeline import Analyzer

FLOORS_PATH = Path(__file__).parent / "data" / "quality_floors.json"

# A score this far above its floor (or more) means the floor could be raised.
RAISE_MARGIN = 0.02
# Metrics where lower is better cannot have a floor.
NO_FLOOR = {"median_error_km"}


@dataclass(frozen=True)
class Gate:
    kind: str
    split: str
    limit: int | None
    floors: dict[str, float]


@dataclass(frozen=True)
class GateRow:
    kind: str
    split: str
    limit: int | None
    metric: str
    floor: float
    score: float | None

    @property
    def passed(self) -> bool:
        return self.score is not None and self.score >= self.floor

    @property
    def could_raise_to(self) -> float | None:
        """The floor the score now allows (0.01 under it, rounded down), when that is higher
        than the current floor by at least 0.01 and the score clears the floor by RAISE_MARGIN."""
        if self.score is None or self.score - self.floor < RAISE_MARGIN:
            return None
        return floor_for(self.score)


def floor_for(score: float) -> float:
    """0.01 under ``score``, rounded down to two decimals."""
    return math.floor(round((score - 0.01) * 100, 6)) / 100


def _fail(path: Path, message: str) -> NewsgraphError:
    return NewsgraphError(f"{path}: {message}")


def load_floors(path: Path = FLOORS_PATH) -> list[Gate]:
    """The gates of the floors file, checked: known kind, split and metrics, floors in [0, 1]."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise _fail(path, f"cannot read the floors file ({exc})") from exc
    if not isinstance(raw, dict) or not isinstance(raw.get("gates"), list):
        raise _fail(path, "expected an object with a 'gates' list")
    gates: list[Gate] = []
    seen: set[tuple[str, str, int | None]] = set()
    for i, entry in enumerate(raw["gates"]):
        where = f"gates[{i}]"
        if not isinstance(entry, dict) or set(entry) != {"kind", "split", "limit", "floors"}:
            raise _fail(path, f"{where}: expected exactly the keys kind, split, limit, floors")
        kind, split, limit, floors = entry["kind"], entry["split"], entry["limit"], entry["floors"]
        if kind not in KINDS:
            raise _fail(path, f"{where}: unknown kind {kind!r}")
        if split not in SPLITS:
            raise _fail(path, f"{where}: unknown split {split!r}")
        if limit is not None and (not isinstance(limit, int) or isinstance(limit, bool) or limit < 1):
            raise _fail(path, f"{where}: limit must be a positive integer or null")
        if not isinstance(floors, dict) or not floors:
            raise _fail(path, f"{where}: floors must be a non-empty object metric -> floor")
        for metric, value in floors.items():
            if metric not in FIXED_METRICS[kind] or metric in NO_FLOOR:
                raise _fail(path, f"{where}: {metric!r} is not a fixed {kind} metric with a floor")
            if not isinstance(value, (int, float)) or isinstance(value, bool) or not 0 <= value <= 1:
                raise _fail(path, f"{where}: the floor of {metric} must be a number in [0, 1]")
        if (kind, split, limit) in seen:
            raise _fail(path, f"{where}: {kind}/{split}/{limit} is listed twice")
        seen.add((kind, split, limit))
        gates.append(Gate(kind, split, limit, {m: float(v) for m, v in floors.items()}))
    return gates


def default_eval_root() -> Path | None:
    """``$NEWSGRAPH_SHARED/eval`` when that variable is set, else None (pass ``--data``)."""
    shared = os.environ.get("NEWSGRAPH_SHARED")
    return Path(shared) / "eval" if shared else None


def run_gate(gate: Gate, eval_root: Path, analyzer: Analyzer | None = None) -> list[GateRow]:
    """Score one gate and set each of its metrics beside its floor."""
    from newsgraph.evaluate.runner import DEFAULT_PATHS, run_kind

    result = run_kind(
        gate.kind, eval_root / DEFAULT_PATHS[gate.kind], limit=gate.limit, split=gate.split,
        analyzer=analyzer,
    )
    rows = []
    for metric, floor in gate.floors.items():
        value: Any = result.metrics.get(metric)
        score = float(value) if isinstance(value, (int, float)) else None
        rows.append(GateRow(gate.kind, gate.split, gate.limit, metric, floor, score))
    return rows


def report(rows: list[GateRow]) -> str:
    """The scores beside their floors; the last column says what fails or could be raised."""
    width = max([len(r.metric) for r in rows] + [6])
    lines = [f"{'kind':<10} {'split':<6} {'limit':>5}  {'metric'.ljust(width)}  floor  score  note"]
    for r in rows:
        score = "-" if r.score is None else f"{r.score:.3f}"
        note = "FAIL" if not r.passed else ""
        if r.passed and r.could_raise_to is not None:
            note = f"could be raised to {r.could_raise_to:.2f}"
        limit = "-" if r.limit is None else str(r.limit)
        lines.append(
            f"{r.kind:<10} {r.split:<6} {limit:>5}  {r.metric.ljust(width)}  {r.floor:.2f}  {score:>5}  {note}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m newsgraph.evaluate.gate",
        description="Score the quality gate and print each score beside its floor.",
    )
    parser.add_argument(
        "--data", type=Path, default=None,
        help="the folder holding the gold sets (default: $NEWSGRAPH_SHARED/eval)",
    )
    parser.add_argument("--floors", type=Path, default=FLOORS_PATH)
    args = parser.parse_args(argv)
    root = args.data or default_eval_root()
    try:
        gates = load_floors(args.floors)
        if root is None:
            raise NewsgraphError("say where the gold sets are: --data EVAL_ROOT")
        if not root.exists():
            raise NewsgraphError(f"no evaluation data at {root} (pass --data)")
        from newsgraph.evaluate.runner import make_analyzer

        analyzer = make_analyzer(1)
        rows = [row for gate in gates for row in run_gate(gate, root, analyzer)]
    except NewsgraphError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(report(rows))
    return 0 if all(r.passed for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
