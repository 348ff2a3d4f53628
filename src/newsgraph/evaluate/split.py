"""The fixed tune/check cut of every evaluation set.

Each gold unit (a sentence for the sentence-level sets, a document for the others) falls in
``tune`` or ``check`` by a hash of its id, the same cut on every machine and every run. Errors
may be read on ``tune`` only; ``check`` says whether a change generalizes, and the gap between
the two is reported beside them (docs/EVALUATION.md).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from typing import Literal, TypeVar

Split = Literal["tune", "check", "all"]
SPLITS: tuple[Split, ...] = ("tune", "check", "all")

T = TypeVar("T")

_SALT = b"newsgraph-split-v1:"


def split_of(unit_id: str) -> Literal["tune", "check"]:
    """``tune`` or ``check`` for the unit with this id (half and half, by a SHA-256 hash)."""
    digest = hashlib.sha256(_SALT + unit_id.encode("utf-8")).digest()
    return "tune" if digest[0] % 2 == 0 else "check"


def in_split(unit_id: str, split: str) -> bool:
    """Whether the unit belongs to ``split`` (every unit belongs to ``all``)."""
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r} (known: {', '.join(SPLITS)})")
    return split == "all" or split_of(unit_id) == split


def select(units: Iterable[T], split: str, key: Callable[[T], str]) -> list[T]:
    """The units of ``split``, in their order."""
    return [u for u in units if in_split(key(u), split)]
