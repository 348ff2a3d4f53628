"""Reading the quotes stage's YAML data files with a schema check.

Every file is checked when it is loaded, not when a document first needs it: an unknown key
or a value of the wrong kind raises :class:`DataFileError`, whose message names the file and
the key (``cues.yaml: classes.speech.complements[2]: ...``) and says what was expected.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml


class DataFileError(ValueError):
    """A quotes data file does not follow its schema (the message names the file and key)."""

    def __init__(self, path: Path, key: str, problem: str) -> None:
        super().__init__(f"{path}: {key}: {problem}" if key else f"{path}: {problem}")
        self.path = path
        self.key = key


def read_yaml(path: Path) -> dict[str, Any]:
    """The top-level mapping of a YAML file."""
    try:
        with path.open(encoding="utf-8") as fh:
            data = yaml.safe_load(fh)
    except yaml.YAMLError as exc:
        raise DataFileError(path, "", f"not valid YAML ({exc})") from exc
    if not isinstance(data, dict):
        raise DataFileError(path, "", "expected a mapping at the top level")
    return data


def check_keys(
    path: Path, where: str, value: Any, allowed: Iterable[str], required: Iterable[str] = ()
) -> dict[str, Any]:
    """``value`` as a mapping whose keys are among ``allowed`` and include ``required``."""
    if not isinstance(value, dict):
        raise DataFileError(path, where, f"expected a mapping, got {type(value).__name__}")
    allowed = set(allowed)
    for key in value:
        if key not in allowed:
            raise DataFileError(
                path, _join(where, key), f"unknown key (known: {', '.join(sorted(allowed))})"
            )
    for key in required:
        if key not in value:
            raise DataFileError(path, _join(where, key), "missing")
    return value


def want_mapping(path: Path, where: str, value: Any) -> dict[Any, Any]:
    if not isinstance(value, dict):
        raise DataFileError(path, where, f"expected a mapping, got {type(value).__name__}")
    return value


def want_str(path: Path, where: str, value: Any) -> str:
    if not isinstance(value, str) or not value:
        raise DataFileError(path, where, f"expected a non-empty string, got {value!r}")
    return value


def want_bool(path: Path, where: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise DataFileError(path, where, f"expected true or false, got {value!r}")
    return value


def want_count(path: Path, where: str, value: Any) -> int:
    """A whole number >= 0 (a count of words or tokens)."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise DataFileError(path, where, f"expected a whole number >= 0, got {value!r}")
    return value


def want_str_list(path: Path, where: str, value: Any) -> list[str]:
    if not isinstance(value, list):
        raise DataFileError(path, where, f"expected a list of strings, got {value!r}")
    for k, item in enumerate(value):
        want_str(path, f"{where}[{k}]", item)
    return value


def _join(where: str, key: Any) -> str:
    return f"{where}.{key}" if where else str(key)
