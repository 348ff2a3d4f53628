"""The results table of docs/EVALUATION.md: tune, check and the gap for every kind.

``make eval`` scores each kind on both halves of its gold units (``newsgraph.evaluate.split``);
:func:`results_table` writes one row per kind whose metric cells read ``tune / check (gap)``,
the gap being check minus tune, and :func:`gap_table` prints the same figures for a person.
Results of a single split (``--split all`` or one half alone) get one row each.
"""

from __future__ import annotations

import datetime as _dt
import subprocess
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from newsgraph.errors import NewsgraphError
from newsgraph.evaluate.common import EvalResult

# The metric names every kind reports (issue 3); the results table shows these.
FIXED_METRICS: dict[str, tuple[str, ...]] = {
    "plover": (
        "category_accuracy",
        "category_macro_f1",
        "source_country_accuracy",
        "target_country_accuracy",
        "source_country_sector_accuracy",
        "mode_accuracy",
    ),
    "cameo": ("root_accuracy", "pentaclass_macro_f1", "source_span_f1", "target_span_f1"),
    "geo": (
        "e2e_acc161",
        "e2e_exact_id",
        "gold_acc161",
        "gold_exact_id",
        "detection_f1",
        "median_error_km",
    ),
    "quotes": (
        "source_exact_f1",
        "cue_exact_f1",
        "content_exact_f1",
        "content_overlap_f1",
        "attribution_accuracy",
        "direct_content_overlap_f1",
        "direct_speaker_accuracy",
    ),
    "timex": ("strict_span_f1", "relaxed_span_f1", "value_accuracy"),
    "extraction": ("precision", "recall", "f1"),
    "ner": ("precision", "recall", "f1"),
    "stories": ("bcubed_f1", "bcubed_precision", "bcubed_recall", "pairwise_f1", "outlets_exact"),
}

TABLE_START = "<!-- eval-table:start -->"
TABLE_END = "<!-- eval-table:end -->"

MINUS = "\u2212"


def fmt(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.3f}"
    if value is None:
        return "-"
    return str(value)


def fmt_gap(tune: Any, check: Any) -> str:
    """``check - tune`` with its sign (a real minus sign), or ``-`` when either is missing."""
    if not isinstance(tune, (int, float)) or not isinstance(check, (int, float)):
        return "-"
    gap = float(check) - float(tune)
    if round(gap, 3) == 0:
        return "0.000"
    return f"{'+' if gap > 0 else MINUS}{abs(gap):.3f}"


def git_commit() -> str:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=False,
            cwd=Path(__file__).parent,
            timeout=10,
        )
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return out.stdout.strip() if out.returncode == 0 and out.stdout.strip() else "unknown"


def command_for(kind: str, data: Path | str, limit: int | None = None, split: str = "all") -> str:
    cmd = f"newsgraph eval {kind} --data {data}"
    if split != "all":
        cmd += f" --split {split}"
    return cmd + (f" --limit {limit}" if limit else "")


def names_of(result: EvalResult) -> tuple[str, ...]:
    return FIXED_METRICS.get(result.kind) or tuple(result.metrics)


def pair_up(results: Iterable[EvalResult]) -> list[list[EvalResult]]:
    """Results grouped by kind and data, in first-seen order (a tune and a check result pair)."""
    groups: dict[tuple[str, str], list[EvalResult]] = {}
    for r in results:
        groups.setdefault((r.kind, r.data), []).append(r)
    return list(groups.values())


def _tune_check(group: list[EvalResult]) -> tuple[EvalResult, EvalResult] | None:
    by_split = {r.split: r for r in group}
    tune, check = by_split.get("tune"), by_split.get("check")
    if tune is None or check is None or len(group) != 2:
        return None
    if (tune.details or {}).get("error") or (check.details or {}).get("error"):
        return None
    return tune, check


def _error_of(group: list[EvalResult]) -> str | None:
    for r in group:
        error = (r.details or {}).get("error")
        if error:
            return str(error).replace("|", "/")
    return None


def results_table(results: list[EvalResult], *, limit: int | None = None) -> str:
    """Markdown table: date, commit, n, the fixed metrics (tune / check (gap)), baseline, command."""
    date = _dt.datetime.now(_dt.UTC).strftime("%Y-%m-%d")
    commit = git_commit()
    rows = [
        "| kind | date (UTC) | commit | n (tune / check) | metrics: tune / check (gap = check − tune)"
        " | baseline on check | command |",
        "|---|---|---|---|---|---|---|",
    ]
    for group in pair_up(results):
        first = group[0]
        names = names_of(first)
        pair = _tune_check(group)
        error = _error_of(group)
        if pair is not None:
            tune, check = pair
            n = f"{tune.n} / {check.n}"
            metrics = ", ".join(
                f"{m} {fmt(tune.metrics.get(m))} / {fmt(check.metrics.get(m))}"
                f" ({fmt_gap(tune.metrics.get(m), check.metrics.get(m))})"
                for m in names
            )
            base = ", ".join(f"{m} {fmt(check.baseline[m])}" for m in names if m in check.baseline)
            # a "|" would end the cell even inside backticks: the check command is named apart
            cmd = f"`{command_for(first.kind, first.data, limit, 'tune')}` (and `--split check`)"
            rows.append(
                f"| {first.kind} | {date} | {commit} | {n} | {metrics} | {base or '-'} | {cmd} |"
            )
            continue
        for r in group:
            if error:
                metrics, base = f"error: {error}", "-"
            else:
                metrics = ", ".join(f"{m} {fmt(r.metrics.get(m))}" for m in names)
                base = ", ".join(f"{m} {fmt(r.baseline[m])}" for m in names if m in r.baseline) or "-"
            cmd = command_for(r.kind, r.data, limit, r.split)
            label = r.kind if r.split == "all" else f"{r.kind} ({r.split})"
            rows.append(f"| {label} | {date} | {commit} | {r.n} | {metrics} | {base} | `{cmd}` |")
    return "\n".join(rows)


def gap_table(results: list[EvalResult]) -> str:
    """Plain text for the terminal: every fixed metric's tune, check and gap, kind by kind."""
    lines: list[str] = []
    for group in pair_up(results):
        pair = _tune_check(group)
        if pair is None:
            continue
        tune, check = pair
        names = names_of(tune)
        width = max(len(m) for m in [*names, "metric"])
        lines.append(f"{tune.kind} (n = {tune.n} tune / {check.n} check)")
        lines.append(f"  {'metric'.ljust(width)}   tune   check     gap")
        for m in names:
            t, c = tune.metrics.get(m), check.metrics.get(m)
            lines.append(f"  {m.ljust(width)} {fmt(t):>6}  {fmt(c):>6}  {fmt_gap(t, c):>6}")
    return "\n".join(lines)


def update_table(doc: Path, table: str) -> None:
    text = doc.read_text(encoding="utf-8")
    start = text.find(TABLE_START)
    end = text.find(TABLE_END)
    if start < 0 or end < start:
        raise NewsgraphError(
            f"{doc} has no results table markers ({TABLE_START} ... {TABLE_END})."
        )
    new = text[: start + len(TABLE_START)] + "\n" + table + "\n" + text[end:]
    doc.write_text(new, encoding="utf-8")
