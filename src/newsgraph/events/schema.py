"""Reading the events stage's data files with a schema check.

Every loader in this package reads its YAML file through :func:`read_mapping` and checks
each value with the helpers below, so that an unknown key (a typo, or a key no code reads)
or a value of the wrong shape raises :class:`DataFileError` naming the file and the key,
instead of being ignored."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml


class DataFileError(ValueError):
    """A data file of the events stage does not follow its schema."""

    def __init__(self, path: Path | str, key: str, problem: str) -> None:
        super().__init__(f"{path}: {key}: {problem}")
        self.path = str(path)
        self.key = key


def read_yaml(path: Path) -> Any:
    with Path(path).open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def read_mapping(path: Path) -> dict[str, Any]:
    """The top-level mapping of a YAML file (an empty file is an empty mapping)."""
    data = read_yaml(path)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise DataFileError(path, "(top level)", f"expected a mapping, got {type(data).__name__}")
    return data


def check_keys(
    path: Path | str,
    where: str,
    data: Any,
    allowed: Iterable[str],
    required: Iterable[str] = (),
) -> dict[str, Any]:
    """``data`` must be a mapping with only ``allowed`` keys and every ``required`` one."""
    if not isinstance(data, dict):
        raise DataFileError(path, where, f"expected a mapping, got {type(data).__name__}")
    allowed = set(allowed)
    for key in data:
        if key not in allowed:
            known = ", ".join(sorted(allowed))
            raise DataFileError(path, _join(where, str(key)), f"unknown key (known: {known})")
    for key in required:
        if key not in data:
            raise DataFileError(path, _join(where, key), "missing")
    return data


def string(path: Path | str, key: str, value: Any, *, optional: bool = False) -> str | None:
    """A string value (None allowed when ``optional``)."""
    if value is None and optional:
        return None
    if not isinstance(value, str) or not value:
        raise DataFileError(path, key, f"expected a non-empty string, got {value!r}")
    return value


def strings(path: Path | str, key: str, value: Any, *, optional: bool = False) -> list[str]:
    """A list of strings, in file order (None or absent allowed when ``optional``)."""
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


def flag(path: Path | str, key: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise DataFileError(path, key, f"expected true or false, got {value!r}")
    return value


def _join(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key
