"""Resolving one date expression: the grammar first, then dateparser for what it leaves.

dateparser is only asked about strings that look like calendar dates (a month name, a
numeric date) and never about bare numbers, amounts or durations, so its known traps ("We"
read as Wednesday, "may" as May, "$27" as the 27th, "three years" as a date) cannot fire.
Results are cached per (text, publication date, tense).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from newsgraph.times.calendar import Anchor, Tense, parse_anchor
from newsgraph.times.patterns import Grammar, fullmatch, grammar
from newsgraph.times.resolvers import Value, resolve_match

# Words that may open an expression but are not part of it ("on Tuesday", "in March 2024").
_LEAD = re.compile(
    r"^(?:(?:on|in|at|by|since|during|until|till|from|of|before|after|around|about|as of)\s+)+",
    re.IGNORECASE,
)
_TRAIL = re.compile(r"[\s,.;:!?)\]'\"]+$")
_AMOUNT = re.compile(r"[$£€¥%]|\bpercent\b|\b(?:per|cents?|dollars?|euros?)\b", re.IGNORECASE)
_DURATION = re.compile(
    r"^(?:for|lasting|spanning|within|over|throughout|the\s+(?:past|last|next|first)\s+\d)\b"
    r"|\b(?:old|aged|long)\b",
    re.IGNORECASE,
)
_NUMERIC_DATE = re.compile(r"\b\d{1,4}[/.]\d{1,2}[/.]\d{2,4}\b")
_DAY_NUMBER = re.compile(r"(?<!\d)(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)")
_YEAR = re.compile(r"(?<!\d)(?:1[6-9]\d\d|20\d\d)(?!\d)")


def clean(text: str) -> str:
    """``text`` without a leading preposition and trailing punctuation."""
    return _TRAIL.sub("", _LEAD.sub("", text.strip()))


def _month_in(text: str, g: Grammar) -> bool:
    return any(
        w.lower() in g.month_of and w[:1].isupper() and w.lower() not in g.ambiguous_months
        for w in re.findall(r"[A-Za-z]+\.?", text)
    )


def looks_absolute(text: str, g: Grammar | None = None) -> bool:
    """Whether dateparser may be asked about ``text``: it names a month or is a numeric date,
    and carries no amount, percentage or duration cue."""
    if _AMOUNT.search(text) or _DURATION.search(text):
        return False
    return _month_in(text, g or grammar()) or bool(_NUMERIC_DATE.search(text))


def _dateparser_value(text: str, base: dt.date | None, tense: Tense, g: Grammar) -> Value:
    # whether the text names a month is part of the cache key: it depends on the lexicon
    return _dateparser_cached(text, base, tense, _month_in(text, g))


@lru_cache(maxsize=4096)
def _dateparser_cached(text: str, base: dt.date | None, tense: Tense, month_in: bool) -> Value:
    import dateparser  # imported lazily: loading its language data takes a moment

    settings: dict[str, object] = {
        "RETURN_AS_TIMEZONE_AWARE": False,
        "PREFER_DAY_OF_MONTH": "first",
        "PREFER_DATES_FROM": "future" if tense == "future" else "past",
        "STRICT_PARSING": False,
    }
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day, 12)
    try:
        parsed = dateparser.parse(text, languages=["en"], settings=settings)  # type: ignore[arg-type]
    except Exception:  # noqa: BLE001 - dateparser raises assorted errors on odd input
        return None, None
    if parsed is None:
        return None, None
    has_year = bool(_YEAR.search(text))
    if base is None and not has_year:
        return None, None
    without_year = _YEAR.sub(" ", text)
    if month_in and _DAY_NUMBER.search(without_year):
        return parsed.date().isoformat(), "day"
    if _NUMERIC_DATE.search(text):
        return parsed.date().isoformat(), "day"
    if month_in:
        return f"{parsed.year:04d}-{parsed.month:02d}", "month"
    return f"{parsed.year:04d}", "year"


def resolve_with_anchor(
    text: str, anchor: Anchor | None, tense: Tense = None, g: Grammar | None = None
) -> Value:
    """(value, precision) of one expression against an already parsed anchor (``g``: the
    grammar to use, the packaged one by default)."""
    g = g or grammar()
    expr = clean(text)
    if not expr:
        return None, None
    match = fullmatch(expr, g)
    if match is not None:
        return resolve_match(match, anchor, tense, g)
    if looks_absolute(expr, g):
        return _dateparser_value(expr, anchor.date if anchor else None, tense, g)
    return None, None


def resolve(text: str, published: str | None, *, tense: str | None = None) -> Value:
    """Resolve one date expression against the publication date.

    ``text`` is the expression ("on Tuesday", "last week", "April 8, 2025"), ``published``
    the article's ISO date ("2025-04-08"; "2025-04" or "2025" when only that is known, or
    None), ``tense`` the tense of the clause the expression belongs to: ``"past"``,
    ``"future"``, or None/``"present"`` (bare weekdays then count back, like past).

    Returns ``(value, precision)``: an ISO 8601 value ("2025-04-08", "2025-W15", "2025-04",
    "2025-Q1", "2025") and ``day``/``week``/``month``/``quarter``/``year``; ``(None, None)``
    when the text is not a date, is a duration, or is relative and there is no publication
    date to resolve it against.

    >>> resolve("on Monday", "2025-04-08")
    ('2025-04-07', 'day')
    >>> resolve("Friday", "2025-04-08", tense="future")
    ('2025-04-11', 'day')
    """
    norm = tense if tense in ("past", "future") else None
    return resolve_with_anchor(text, parse_anchor(published), norm)
