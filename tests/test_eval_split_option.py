"""``--split tune|check|all``: every scorer keeps the gold units of one half before it runs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from newsgraph.errors import NewsgraphError
from newsgraph.evaluate import runner
from newsgraph.evaluate.table import fmt_gap

FIXTURES = Path(__file__).parent / "fixtures" / "eval"

# kind -> fixture holding gold of that kind (the units are split by their ids)
DATA = {
    "plover": FIXTURES / "plover" / "gold.json",
    "cameo": FIXTURES / "cameo",
    "geo": FIXTURES / "geo" / "lgl_style.xml",
    "quotes": FIXTURES / "quotes",
    "timex": FIXTURES / "timex",
    "extraction": FIXTURES / "extraction",
    "ner": FIXTURES / "ner" / "sample.conll",
    "stories": FIXTURES / "stories",
}


def test_every_kind_has_a_fixture() -> None:
    assert set(DATA) == set(runner.KINDS)


@pytest.mark.slow
@pytest.mark.parametrize("kind", sorted(DATA))
def test_tune_and_check_share_out_the_units(kind: str, analyzer: Any) -> None:
    if kind == "stories":
        pytest.importorskip("datasketch")
    n: dict[str, int] = {}
    for split in ("all", "tune", "check"):
        try:
            result = runner.run_kind(kind, DATA[kind], split=split, analyzer=analyzer)
        except NewsgraphError as exc:  # a small fixture may have no unit in one half
            assert split != "all" and f"in the {split} split" in str(exc)
            n[split] = 0
            continue
        assert result.split == split == result.to_json()["split"]
        n[split] = result.n
    assert n["tune"] + n["check"] == n["all"] > 0


def test_limit_counts_within_the_split() -> None:
    check = runner.run_kind("extraction", DATA["extraction"], split="check")
    one = runner.run_kind("extraction", DATA["extraction"], split="check", limit=1)
    assert one.n == min(1, check.n)


def test_an_unknown_split_is_refused() -> None:
    with pytest.raises(NewsgraphError, match="Unknown split"):
        runner.run_kind("extraction", DATA["extraction"], split="dev")


def test_runner_main_passes_the_split(capsys: pytest.CaptureFixture[str]) -> None:
    assert runner.main(["extraction", "--data", str(DATA["extraction"]), "--split", "tune", "--json"]) == 0
    assert json.loads(capsys.readouterr().out.strip())["split"] == "tune"


def test_cli_passes_the_split() -> None:
    from typer.testing import CliRunner

    from newsgraph.cli import app

    out = CliRunner().invoke(app, ["eval", "extraction", "--data", str(DATA["extraction"]),
                                   "--split", "check", "--json"])
    assert out.exit_code == 0, out.output
    assert json.loads(out.stdout.strip().splitlines()[-1])["split"] == "check"
    bad = CliRunner().invoke(app, ["eval", "extraction", "--data", str(DATA["extraction"]),
                                   "--split", "dev"])
    assert bad.exit_code == 2


def test_the_gap_is_check_minus_tune() -> None:
    assert fmt_gap(0.886, 0.870) == "\u2212" + "0.016"
    assert fmt_gap(0.5, 0.75) == "+0.250"
    assert fmt_gap(0.5, 0.5) == "0.000"
    assert fmt_gap(None, 0.5) == "-"
