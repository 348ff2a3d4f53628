"""The runner: one kind, all kinds (skips, error rows), the results table in the docs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from newsgraph.errors import NewsgraphError
from newsgraph.evaluate import runner
from newsgraph.evaluate.common import EvalResult

FIXTURES = Path(__file__).parent / "fixtures" / "eval"

DOC = """# Evaluation

## Results table

<!-- eval-table:start -->
(not yet run)
<!-- eval-table:end -->

## Other section
kept as it is
"""


def test_default_paths_cover_every_kind() -> None:
    assert set(runner.DEFAULT_PATHS) == set(runner.KINDS)
    assert set(runner.FIXED_METRICS) == set(runner.KINDS)


def test_run_kind_extraction() -> None:
    result = runner.run_kind("extraction", FIXTURES / "extraction")
    assert result.kind == "extraction" and result.n == 2


def test_run_kind_errors(tmp_path: Path) -> None:
    with pytest.raises(NewsgraphError, match="Unknown evaluation kind"):
        runner.run_kind("nope", tmp_path)
    with pytest.raises(NewsgraphError, match="not found"):
        runner.run_kind("extraction", tmp_path / "absent")


def test_format_result() -> None:
    result = EvalResult(
        kind="ner", data="x", n=3,
        metrics={"precision": 0.5, "recall": 0.25, "f1": 1 / 3},
        baseline={"precision": 0.4, "recall": 0.2, "f1": 0.2667},
        details={"per_type": {"PER": {"f1": 0.5}}, "note": "hello"},
    )
    text = runner.format_result(result)
    assert "| precision" in text and "0.500" in text and "0.400" in text
    assert "per_type:" in text and "| PER | 0.500 |" in text and "note: hello" in text
    error = runner.format_result(EvalResult("geo", "y", 0, details={"error": "boom"}))
    assert "ERROR: boom" in error


def test_run_all_skips_records_errors_and_updates_docs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "eval"
    shutil.copytree(FIXTURES / "extraction", root / "article_extraction")
    (root / "broken").mkdir()
    monkeypatch.setitem(runner.KINDS, "broken", "newsgraph.evaluate.no_such_scorer")
    monkeypatch.setitem(runner.DEFAULT_PATHS, "broken", "broken")
    doc = tmp_path / "EVALUATION.md"
    doc.write_text(DOC)
    lines: list[str] = []
    results = runner.run_all(root, update_docs=doc, kinds=["plover", "extraction", "broken"],
                             echo=lines.append)
    # with --update-docs every kind is scored on both halves
    assert [(r.kind, r.split) for r in results] == [
        ("extraction", "tune"), ("extraction", "check"), ("broken", "tune"), ("broken", "check"),
    ]
    assert any("skipping plover" in line for line in lines)
    assert "not built yet" in results[2].details["error"]
    text = doc.read_text()
    assert "(not yet run)" not in text
    assert "kept as it is" in text
    row = next(line for line in text.splitlines() if line.startswith("| extraction"))
    tune, check = results[0], results[1]
    assert f"| {tune.n} / {check.n} |" in row
    p_tune, p_check = tune.metrics["precision"], check.metrics["precision"]
    assert f"precision {p_tune:.3f} / {p_check:.3f} (" in row
    assert "recall" in row and "f1" in row
    cmd = f"`newsgraph eval extraction --data {root / 'article_extraction'} --split tune` (and `--split check`)"
    assert cmd in row
    assert row.count("|") == 8  # seven cells: no "|" inside one
    assert any(line.startswith("| broken") and "error" in line for line in text.splitlines())
    assert "extraction (n = " in runner.gap_table(results)


def test_run_all_on_one_split(tmp_path: Path) -> None:
    root = tmp_path / "eval"
    shutil.copytree(FIXTURES / "extraction", root / "article_extraction")
    results = runner.run_all(root, kinds=["extraction"], echo=lambda _m: None)
    assert [r.split for r in results] == ["all"]
    results = runner.run_all(root, kinds=["extraction"], splits=["check"], echo=lambda _m: None)
    assert [r.split for r in results] == ["check"]
    table = runner.results_table(results)
    assert "| extraction (check) |" in table and "--split check" in table


def test_update_table_needs_markers(tmp_path: Path) -> None:
    doc = tmp_path / "x.md"
    doc.write_text("no markers here")
    with pytest.raises(NewsgraphError, match="markers"):
        runner.update_table(doc, "| table |")


def test_main_json(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    assert runner.main(["extraction", "--data", str(FIXTURES / "extraction"), "--json"]) == 0
    out = json.loads(capsys.readouterr().out.strip())
    assert out["kind"] == "extraction" and set(out) >= {"kind", "data", "n", "metrics", "baseline"}
    assert runner.main(["extraction", "--data", "/nonexistent/path"]) == 1
