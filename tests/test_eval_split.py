"""The tune/check cut of the evaluation sets is fixed, about even, and exhaustive."""

from __future__ import annotations

import pytest

from newsgraph.evaluate.split import in_split, select, split_of


def test_the_cut_is_the_same_every_time() -> None:
    ids = [f"doc-{i}" for i in range(200)]
    assert [split_of(i) for i in ids] == [split_of(i) for i in ids]


def test_the_cut_is_about_half_and_half() -> None:
    tune = sum(split_of(f"sentence-{i}") == "tune" for i in range(2000))
    assert 900 < tune < 1100


def test_tune_and_check_partition_all() -> None:
    ids = [f"x{i}" for i in range(50)]
    tune = select(ids, "tune", str)
    check = select(ids, "check", str)
    assert sorted(tune + check) == sorted(select(ids, "all", str)) == sorted(ids)
    assert not set(tune) & set(check)


def test_an_unknown_split_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown split"):
        in_split("x", "dev")
