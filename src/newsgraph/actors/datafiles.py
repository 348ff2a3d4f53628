"""Readers of the actors stage's data files, each with a schema checked at load.

Every reader raises :class:`DataFileError` naming the file and the line (or key) of the
first problem: an unknown or missing column or key, or a bad value. Comment lines (``#``)
and blank lines are skipped in TSV and TXT files; keys starting with ``_`` are comments in
JSON files.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable
from pathlib import Path

from newsgraph.errors import NewsgraphError

#: a value check: returns an error message, or None when the value is good
Check = Callable[[str], str | None]


class DataFileError(NewsgraphError):
    """A data file of the actors stage breaks its schema; the message names file and line."""


def one_of(*allowed: str) -> Check:
    def check(value: str) -> str | None:
        return None if value in allowed else f"{value!r} is not one of {', '.join(allowed)}"

    return check


def matches(pattern: str, what: str) -> Check:
    regex = re.compile(pattern)

    def check(value: str) -> str | None:
        return None if regex.match(value) else f"{value!r} is not {what}"

    return check


def not_empty(value: str) -> str | None:
    return None if value.strip() else "empty value"


def each(check: Check, sep: str = "|") -> Check:
    """Check every ``sep``-separated part of a value."""

    def check_all(value: str) -> str | None:
        for part in value.split(sep):
            problem = check(part)
            if problem:
                return problem
        return None

    return check_all


SECTOR = matches(r"^[A-Z]{3}$", "a sector code such as GOV")
ISO3 = matches(r"^[A-Z]{3}$", "a 3-letter country code")


def _lines(path: Path) -> list[tuple[int, str]]:
    """(line number, line) of a text file, without comment and blank lines."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataFileError(f"{path}: cannot read ({exc.strerror})") from exc
    return [
        (no, ln)
        for no, ln in enumerate(text.splitlines(), 1)
        if ln.strip() and not ln.startswith("#")
    ]


def read_tsv(
    path: Path, columns: dict[str, Check | None], optional: tuple[str, ...] = ()
) -> list[dict[str, str]]:
    """Rows of a TSV file with a header row naming exactly ``columns`` (``optional`` ones may
    be absent from the header, and empty in a row)."""
    lines = _lines(path)
    if not lines:
        raise DataFileError(f"{path}: no header row")
    header_no, header_line = lines[0]
    header = next(csv.reader([header_line], delimiter="\t"))
    unknown = [c for c in header if c not in columns]
    if unknown:
        raise DataFileError(
            f"{path}:{header_no}: unknown column(s) {', '.join(unknown)}; "
            f"expected {', '.join(columns)}"
        )
    missing = [c for c in columns if c not in header and c not in optional]
    if missing:
        raise DataFileError(f"{path}:{header_no}: missing column(s) {', '.join(missing)}")
    rows: list[dict[str, str]] = []
    for no, line in lines[1:]:
        values = next(csv.reader([line], delimiter="\t"))
        if len(values) > len(header):
            raise DataFileError(f"{path}:{no}: {len(values)} fields, the header has {len(header)}")
        row = dict(zip(header, values, strict=False))
        for name, check in columns.items():
            value = row.get(name)
            if value is None or value == "":
                if name in optional:
                    continue
                raise DataFileError(f"{path}:{no}: no value in column {name!r}")
            if check is not None:
                problem = check(value)
                if problem:
                    raise DataFileError(f"{path}:{no}: column {name!r}: {problem}")
        rows.append(row)
    return rows


def read_words(path: Path, check: Check | None = None) -> list[str]:
    """One word or phrase a line, in file order (no tabs)."""
    out: list[str] = []
    for no, line in _lines(path):
        word = line.strip()
        if "\t" in word:
            raise DataFileError(f"{path}:{no}: one word or phrase a line, found a tab")
        problem = check(word) if check is not None else None
        if problem:
            raise DataFileError(f"{path}:{no}: {problem}")
        out.append(word)
    return out


def _key_line(text: str, key: str) -> int:
    for no, line in enumerate(text.splitlines(), 1):
        if f'"{key}"' in line:
            return no
    return 0


def read_json(path: Path, schema: dict[str, Callable[[object], str | None]]) -> dict[str, object]:
    """A JSON object whose keys are exactly ``schema``'s (plus ``_comment`` keys)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataFileError(f"{path}: cannot read ({exc.strerror})") from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DataFileError(f"{path}:{exc.lineno}: not JSON ({exc.msg})") from exc
    if not isinstance(data, dict):
        raise DataFileError(f"{path}: expected a JSON object")
    for key, value in data.items():
        if key.startswith("_"):
            continue
        if key not in schema:
            raise DataFileError(
                f"{path}:{_key_line(text, key)}: unknown key {key!r}; expected {', '.join(schema)}"
            )
        problem = schema[key](value)
        if problem:
            raise DataFileError(f"{path}:{_key_line(text, key)}: key {key!r}: {problem}")
    missing = [k for k in schema if k not in data]
    if missing:
        raise DataFileError(f"{path}: missing key(s) {', '.join(missing)}")
    return data


def word_list(value: object) -> str | None:
    """A JSON value that must be a list of non-empty strings."""
    if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value):
        return "expected a list of non-empty strings"
    return None


def positive_int(value: object) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        return f"{value!r} is not a whole number of 1 or more"
    return None
