"""Publication dates from metadata: ISO strings and common formats, with their precision.

Only whole metadata values are read; a date is never guessed from a URL fragment.
"""

from __future__ import annotations

import datetime as dt
import re

import dateparser

_YEAR = re.compile(r"^\d{4}$")
_MONTH = re.compile(r"^\d{4}-\d{2}$")
_SETTINGS = {
    "PREFER_DAY_OF_MONTH": "first",
    "RETURN_AS_TIMEZONE_AWARE": False,
    "DATE_ORDER": "YMD",
}


def parse_published(value: object) -> tuple[str | None, str | None]:
    """(ISO date, precision) of a metadata value, or (None, None) when it is not a date.

    Precision is ``day``, ``month`` or ``year``; a time of day, when given, is dropped: the
    pipeline works with calendar days.
    """
    if value is None:
        return None, None
    if isinstance(value, dt.datetime):
        return value.date().isoformat(), "day"
    if isinstance(value, dt.date):
        return value.isoformat(), "day"
    text = str(value).strip()
    if not text:
        return None, None
    if _YEAR.match(text):
        return text, "year"
    if _MONTH.match(text):
        return text, "month"
    try:
        return dt.date.fromisoformat(text[:10]).isoformat(), "day"
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date().isoformat(), "day"
    except ValueError:
        pass
    parsed = dateparser.parse(text, languages=["en"], settings=_SETTINGS)  # type: ignore[arg-type]
    if parsed is None:
        return None, None
    return parsed.date().isoformat(), "day"
