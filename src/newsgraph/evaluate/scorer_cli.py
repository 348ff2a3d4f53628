"""The command line of one scorer: ``python -m newsgraph.evaluate.<kind> --data ...``.

:func:`main` parses the arguments, runs ``newsgraph.evaluate.<kind>.evaluate`` and prints
the result with :func:`print_result` (JSON, or a table of newsgraph beside the baseline).
The geo, quotes and timex scorers use it (through ``newsgraph.evaluate.geo``).
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from newsgraph.errors import NewsgraphError
from newsgraph.evaluate.common import EvalResult
from newsgraph.evaluate.split import SPLITS


def print_result(result: EvalResult, *, as_json: bool, out: Any = None) -> None:
    """Print a result as JSON or as a two-column table (ours, baseline)."""
    out = out or sys.stdout
    if as_json:
        print(json.dumps(result.to_json(), indent=2, default=str), file=out)
        return
    print(f"{result.kind}: {result.data} (n={result.n}, split {result.split})", file=out)
    print(f"{'metric':<32}{'newsgraph':>12}{'baseline':>12}", file=out)

    def fmt(v: Any) -> str:
        if isinstance(v, float):
            return f"{v:.3f}"
        return "-" if v is None else str(v)

    for key, value in result.metrics.items():
        print(f"{key:<32}{fmt(value):>12}{fmt(result.baseline.get(key)):>12}", file=out)
    for key, value in result.details.items():
        if isinstance(value, list) and value:
            print(f"{key}:", file=out)
            for line in value:
                print(f"  {line}", file=out)
        elif not isinstance(value, (list, dict)):
            print(f"{key}: {value}", file=out)


def main(argv: Iterable[str] | None = None, *, kind: str = "geo") -> int:
    parser = argparse.ArgumentParser(prog=f"python -m newsgraph.evaluate.{kind}")
    parser.add_argument("--data", required=True, type=Path)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--split", choices=SPLITS, default="all")
    args = parser.parse_args(list(argv) if argv is not None else None)
    module = importlib.import_module(f"newsgraph.evaluate.{kind}")

    def show(done: int, total: int | None) -> None:
        if not args.json:
            print(f"\r{done}/{total or '?'}", end="", file=sys.stderr, flush=True)

    try:
        result = module.evaluate(args.data, limit=args.limit, progress=show, split=args.split)
    except NewsgraphError as exc:
        print(f"\nerror: {exc}", file=sys.stderr)
        return 2
    if not args.json:
        print(file=sys.stderr)
    print_result(result, as_json=args.json)
    return 0
