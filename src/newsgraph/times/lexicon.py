"""The times stage's vocabulary file (``times/data/lexicon.yaml``), read and checked.

:func:`load_lexicon` reads a lexicon file and checks it against the schema below: a missing
or unknown key, or a value of the wrong shape, raises :class:`LexiconError` naming the file
and the key. The result is the file's mapping as YAML gives it (lists keep their order).
:func:`lexicon` is the packaged file, loaded once per process, for the module-level helpers
(:func:`newsgraph.times.resolve` and friends); the component loads its own copy through
:meth:`~newsgraph.times.component.TimesComponent.load_data`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from newsgraph.errors import NewsgraphError

#: the lexicon shipped with the package
DEFAULT_LEXICON = Path(__file__).resolve().parent / "data" / "lexicon.yaml"

#: units a shift or a count can apply to (the resolvers know these four)
UNITS = ("day", "week", "month", "year")
#: the keys of ``months`` and ``weekdays``, in order (a month's number is its place)
MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
#: what a word before "quarter" can point at
QUARTER_REFS = ("latest", "current", "year_ago")


class LexiconError(NewsgraphError):
    """A times lexicon file that does not follow the schema; the message names file and key."""


Check = Callable[[Path, str, Any], None]


def _fail(path: Path, key: str, problem: str) -> LexiconError:
    return LexiconError(f"{path}: key {key!r}: {problem}")


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _word(path: Path, key: str, value: Any) -> None:
    if not isinstance(value, str) or not value.strip():
        raise _fail(
            path,
            key,
            f"expected a non-empty string, got {value!r}"
            + (
                " (YAML reads yes/no/on/off/true/false unquoted as booleans: quote it)"
                if isinstance(value, bool)
                else ""
            ),
        )


def _words(path: Path, key: str, value: Any) -> None:
    if not isinstance(value, list) or not value:
        raise _fail(path, key, f"expected a non-empty list of words, got {value!r}")
    for i, item in enumerate(value):
        _word(path, f"{key}[{i}]", item)


def _mapping(path: Path, key: str, value: Any, check_value: Check) -> None:
    if not isinstance(value, dict) or not value:
        raise _fail(path, key, f"expected a non-empty mapping, got {value!r}")
    for name, item in value.items():
        _word(path, f"{key} (a key)", name)
        check_value(path, f"{key}.{name}", item)


def _int_in(low: int, high: int) -> Check:
    def check(path: Path, key: str, value: Any) -> None:
        if not _is_int(value) or not low <= value <= high:
            raise _fail(path, key, f"expected a whole number from {low} to {high}, got {value!r}")

    return check


def _one_of(options: tuple[str, ...]) -> Check:
    def check(path: Path, key: str, value: Any) -> None:
        if value not in options:
            raise _fail(path, key, f"expected one of {', '.join(options)}, got {value!r}")

    return check


def _count(n: int) -> Check:
    def check(path: Path, key: str, value: Any) -> None:
        if not isinstance(value, dict) or len(value) != n:
            raise _fail(path, key, f"expected a mapping of {n} names to their forms")
        _mapping(path, key, value, _words)

    return check


def _day_of_year(path: Path, key: str, value: Any) -> None:
    ok = isinstance(value, list) and len(value) == 2 and all(_is_int(v) for v in value)
    if ok:
        try:
            dt.date(2000, value[0], value[1])  # a leap year: Feb. 29 is a date
        except ValueError:
            ok = False
    if not ok:
        raise _fail(path, key, f"expected [month, day] of a calendar date, got {value!r}")


_HOLIDAY_RULE: dict[str, tuple[bool, Check]] = {
    "month": (True, _int_in(1, 12)),
    "weekday": (True, _word),
    "nth": (True, _int_in(1, 5)),
    "note": (False, _word),
}


def _weekday_rule(path: Path, key: str, value: Any) -> None:
    if not isinstance(value, dict):
        raise _fail(path, key, f"expected a mapping with month, weekday, nth, got {value!r}")
    for field in value:
        if field not in _HOLIDAY_RULE:
            raise _fail(path, f"{key}.{field}", f"unknown key (known: {', '.join(_HOLIDAY_RULE)})")
    for field, (required, check) in _HOLIDAY_RULE.items():
        if field not in value:
            if required:
                raise _fail(path, f"{key}.{field}", "missing")
            continue
        check(path, f"{key}.{field}", value[field])


def _ints(check_value: Check) -> Check:
    def check(path: Path, key: str, value: Any) -> None:
        _mapping(path, key, value, check_value)

    return check


def _any_int(path: Path, key: str, value: Any) -> None:
    if not _is_int(value):
        raise _fail(path, key, f"expected a whole number, got {value!r}")


#: key -> (required, check of its value)
SCHEMA: dict[str, tuple[bool, Check]] = {
    "months": (True, _count(12)),
    "ambiguous_months": (True, _words),
    "weekdays": (True, _count(7)),
    "day_parts": (True, _words),
    "deictic_days": (True, _ints(_any_int)),
    "unit_shifts": (True, _ints(_any_int)),
    "units": (True, _ints(_one_of(UNITS))),
    "count_anchors": (True, _ints(_int_in(-1, 1))),
    "count_hedges": (True, _words),
    "numbers": (True, _ints(_int_in(1, 10_000))),
    "quarter_ordinals": (True, _ints(_int_in(1, 4))),
    "quarter_refs": (True, _ints(_one_of(QUARTER_REFS))),
    "position_words": (True, _words),
    "fixed_holidays": (True, _ints(_day_of_year)),
    "weekday_holidays": (True, _ints(_weekday_rule)),
    "future_auxiliaries": (True, _words),
    "future_verbs": (True, _words),
    "intention_verbs": (True, _words),
    "month_context": (True, _words),
    "not_year_before": (True, _words),
    "present_words": (True, _words),
}


def check_lexicon(data: Any, path: Path) -> dict[str, Any]:
    """``data`` (a parsed lexicon file) if it follows :data:`SCHEMA`, else a LexiconError."""
    if not isinstance(data, dict):
        raise LexiconError(f"{path}: expected a mapping of keys at the top level")
    for key in data:
        if key not in SCHEMA:
            raise _fail(path, str(key), f"unknown key (known: {', '.join(SCHEMA)})")
    for key, (required, check) in SCHEMA.items():
        if key not in data:
            if required:
                raise _fail(path, key, "missing")
            continue
        check(path, key, data[key])
    # a month's number is its place in the mapping (a weekday's too, Monday = 0)
    for key, names in (("months", MONTHS), ("weekdays", WEEKDAYS)):
        if tuple(data[key]) != names:
            raise _fail(path, key, f"expected the names {', '.join(names)}, in this order")
    month_forms = {f.lower() for forms in data["months"].values() for f in forms}
    for i, name in enumerate(data["ambiguous_months"]):
        if name.lower() not in month_forms:
            raise _fail(path, f"ambiguous_months[{i}]", f"{name!r} is not a month form")
    weekday_forms = {f.lower() for forms in data["weekdays"].values() for f in forms}
    for name, rule in data["weekday_holidays"].items():
        if rule["weekday"] not in weekday_forms:
            raise _fail(
                path, f"weekday_holidays.{name}.weekday", f"{rule['weekday']!r} is not a weekday"
            )
    return data


def load_lexicon(path: Path | str) -> dict[str, Any]:
    """The lexicon file at ``path``, checked against the schema."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise LexiconError(f"{path}: not valid YAML: {exc}") from exc
    return check_lexicon(data, path)


@cache
def lexicon() -> dict[str, Any]:
    """The packaged vocabulary file, loaded once per process."""
    return load_lexicon(DEFAULT_LEXICON)
