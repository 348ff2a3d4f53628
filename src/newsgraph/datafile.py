"""Reading the stages' YAML data files with a schema check.

Every stage reads its YAML files through :func:`read_mapping` and checks each value with the
helpers below, so that an unknown key (a typo, or a key no code reads) or a value of the
wrong shape raises :class:`DataFileError` naming the file and the key (``cues.yaml:
classes.speech.complements[2]: ...``) and saying what was expected, instead of being
ignored. A stage checks its files when it loads them, not when a document first needs them.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml


class DataFileError(ValueError):
    """A data file does not follow its schema (the message names the file and the key)."""

    def __init__(self, path: Path | str, key: str, problem: str) -> None:
        super().__init__(f"{path}: {key}: {problem}" if key else f"{path}: {problem}")
        self.path = str(path)
        self.key = key


def read_mapping(path: Path | str) -> dict[str, Any]:
    """The top-level mapping of a YAML file (an empty file is an empty mapping)."""
    try:
        with Path(path).open(encoding="utf-8") as fh:
            data = yaml.safe_load(fh)
    except yaml.YAMLError as exc:
        raise DataFileError(path, "", f"not valid YAML ({exc})") from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise DataFileError(path, "", f"expected a mapping at the top level, got {type(data).__name__}")
    return data


def check_keys(
    path: Path | str,
    where: str,
    data: Any,
    allowed: Iterable[str],
    required: Iterable[str] = (),
) -> dict[str, Any]:
    """``data`` must be a mapping with only ``allowed`` keys and every ``required`` one."""
    mapping(path, where, data)
    allowed = set(allowed)
    for key in data:
        if key not in allowed:
            known = ", ".join(sorted(allowed))
            raise DataFileError(path, _join(where, key), f"unknown key (known: {known})")
    for key in required:
        if key not in data:
            raise DataFileError(path, _join(where, key), "missing")
    return data


def mapping(path: Path | str, where: str, value: Any) -> dict[Any, Any]:
    """A mapping (any keys)."""
    if not isinstance(value, dict):
        raise DataFileError(path, where, f"expected a mapping, got {type(value).__name__}")
    return value


def string(path: Path | str, key: str, value: Any, *, optional: bool = False) -> str | None:
    """A non-empty string (None allowed when ``optional``)."""
    if value is None and optional:
        return None
    if not isinstance(value, str) or not value:
        raise DataFileError(path, key, f"expected a non-empty string, got {value!r}")
    return value


def text(path: Path | str, key: str, value: Any) -> str:
    """A non-empty string, required."""
    checked = string(path, key, value)
    assert checked is not None
    return checked


def strings(path: Path | str, key: str, value: Any, *, optional: bool = False) -> list[str]:
    """A list of non-empty strings, in file order (None allowed when ``optional``)."""
    if value is None and optional:
        return []
    if not isinstance(value, list):
        raise DataFileError(path, key, f"expected a list of strings, got {value!r}")
    for i, item in enumerate(value):
        if not isinstance(item, str) or not item:
            raise DataFileError(path, f"{key}[{i}]", f"expected a non-empty string, got {item!r}")
    return list(value)


def number(path: Path | str, key: str, value: Any, *, optional: bool = False) -> float | None:
    """An int or float (not a bool)."""
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise DataFileError(path, key, f"expected a number, got {value!r}")
    return value


def count(path: Path | str, key: str, value: Any) -> int:
    """A whole number >= 0 (a count of words or tokens)."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise DataFileError(path, key, f"expected a whole number >= 0, got {value!r}")
    return value


def flag(path: Path | str, key: str, value: Any) -> bool:
    """true or false."""
    if not isinstance(value, bool):
        raise DataFileError(path, key, f"expected true or false, got {value!r}")
    return value


def _join(where: str, key: Any) -> str:
    return f"{where}.{key}" if where else str(key)
