"""From a grammar match to a value: one resolver per kind of expression.

Each resolver turns a :class:`~newsgraph.times.patterns.Match` into an ISO 8601 value and a
precision, given the anchor (the publication date), the tense of the clause the expression
sits in (``"past"``, ``"future"`` or ``None``) and the grammar that found it (its tables:
month and weekday numbers, shift words, holidays). :func:`resolve_match` picks the resolver.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from newsgraph.times.calendar import (
    Anchor,
    Tense,
    add_months,
    choose_year,
    iso_week,
    last_ended_quarter,
    nth_weekday,
    quarter_of,
    weekday_date,
)
from newsgraph.times.patterns import Grammar, Match, grammar

Value = tuple[str | None, str | None]


def _day(value: str) -> int:
    return int(re.sub(r"\D", "", value))


def _month(g: Grammar, value: str) -> int:
    key = value.lower()
    return g.month_of[key] if key in g.month_of else g.month_of[key.rstrip(".")]


def _date_value(year: int, month: int, day: int) -> Value:
    try:
        return dt.date(year, month, day).isoformat(), "day"
    except ValueError:
        return None, None


def _res_full_date(m: Match, anchor: Anchor | None, tense: Tense, g: Grammar) -> Value:
    month = int(m.groups["month"]) if m.groups["month"].isdigit() else _month(g, m.groups["month"])
    day = _day(m.groups["day"])
    if "year" in m.groups:
        return _date_value(int(m.groups["year"]), month, day)
    if anchor is None:
        return None, None
    if "yshift" in m.groups:
        steps = int(g.lex["unit_shifts"][m.groups["yshift"].lower()])
        return _date_value(anchor.date.year + steps, month, day)
    shift = (m.groups.get("shift") or "").lower()
    if shift == "last":
        tense = "past"
    elif shift == "next":
        tense = "future"
    return _date_value(choose_year(month, day, anchor, tense), month, day)


def _res_week_of(m: Match, anchor: Anchor | None, tense: Tense, g: Grammar) -> Value:
    value, _ = _res_full_date(m, anchor, tense, g)
    if value is None:
        return None, None
    return iso_week(dt.date.fromisoformat(value)), "week"


def _res_month_rel_year(m: Match, anchor: Anchor | None, tense: Tense, g: Grammar) -> Value:
    if anchor is None:
        return None, None
    month = _month(g, m.groups["month"])
    steps = int(g.lex["unit_shifts"][m.groups["yshift"].lower()])
    return f"{anchor.date.year + steps:04d}-{month:02d}", "month"


def _res_month_year(m: Match, anchor: Anchor | None, tense: Tense, g: Grammar) -> Value:
    month = _month(g, m.groups["month"])
    return f"{int(m.groups['year']):04d}-{month:02d}", "month"


def _res_month(m: Match, anchor: Anchor | None, tense: Tense, g: Grammar) -> Value:
    if anchor is None:
        return None, None
    month = _month(g, m.groups["month"])
    shift = (m.groups.get("shift") or "").lower()
    base = anchor.date
    if shift in ("last", "previous"):
        year = base.year if month < base.month else base.year - 1
    elif shift in ("next", "coming"):
        year = base.year if month > base.month else base.year + 1
    elif shift in ("this", "current"):
        year = base.year
    else:
        year = choose_year(month, None, anchor, tense)
    return f"{year:04d}-{month:02d}", "month"


def _res_weekday(m: Match, anchor: Anchor | None, tense: Tense, g: Grammar) -> Value:
    if anchor is None or not anchor.knows("day"):
        return None, None
    weekday = g.weekday_of[m.groups["weekday"].lower()]
    shift = (m.groups.get("shift") or "").lower() or None
    return weekday_date(weekday, anchor.date, tense, shift).isoformat(), "day"


def _res_deictic(m: Match, anchor: Anchor | None, tense: Tense, g: Grammar) -> Value:
    if anchor is None or not anchor.knows("day"):
        return None, None
    offset = int(g.lex["deictic_days"][m.groups["deictic"].lower()])
    return (anchor.date + dt.timedelta(days=offset)).isoformat(), "day"


def _res_present(m: Match, anchor: Anchor | None, tense: Tense, g: Grammar) -> Value:
    if anchor is None or not anchor.knows("day"):
        return None, None
    return anchor.date.isoformat(), "day"


def _res_weekend(m: Match, anchor: Anchor | None, tense: Tense, g: Grammar) -> Value:
    if anchor is None or not anchor.knows("day"):
        return None, None
    shift = (m.groups.get("shift") or "").lower() or None
    saturday = weekday_date(5, anchor.date, tense, shift)
    if shift is None and tense != "future" and anchor.date.weekday() < 5:
        saturday = weekday_date(5, anchor.date, "past", None)
    return iso_week(saturday), "week"


def _shifted_unit(unit: str, steps: int, anchor: Anchor) -> Value:
    base = anchor.date
    if unit == "day":
        if not anchor.knows("day"):
            return None, None
        return (base + dt.timedelta(days=steps)).isoformat(), "day"
    if unit == "week":
        if not anchor.knows("week"):
            return None, None
        return iso_week(base + dt.timedelta(weeks=steps)), "week"
    if unit == "month":
        if not anchor.knows("month"):
            return None, None
        year, month = add_months(base.year, base.month, steps)
        return f"{year:04d}-{month:02d}", "month"
    if unit == "year":
        return f"{base.year + steps:04d}", "year"
    return None, None


def _res_shift_unit(m: Match, anchor: Anchor | None, tense: Tense, g: Grammar) -> Value:
    if anchor is None:
        return None, None
    steps = int(g.lex["unit_shifts"][m.groups["shift"].lower()])
    return _shifted_unit(m.groups["unit"].lower(), steps, anchor)


def _res_count(m: Match, anchor: Anchor | None, tense: Tense, g: Grammar) -> Value:
    if anchor is None:
        return None, None
    raw = m.groups["n"].lower()
    n = int(raw) if raw.isdigit() else g.number_of.get(raw, 0)
    if n <= 0:
        return None, None
    direction = int(g.lex["count_anchors"][re.sub(r"\s+", " ", m.groups["anchor"].lower())])
    return _shifted_unit(m.groups["unit"].lower(), n * direction, anchor)


def _quarter_year(q: int, anchor: Anchor, tense: Tense) -> int:
    base = anchor.date
    start = dt.date(base.year, 3 * q - 2, 1)
    if tense == "future":
        # a quarter that ended within the last few months is still talked about ("will
        # report third-quarter results" in October); one that ended longer ago is next year's
        return base.year if (base - start).days < 183 else base.year + 1
    return base.year if start <= base else base.year - 1


def _res_quarter(m: Match, anchor: Anchor | None, tense: Tense, g: Grammar) -> Value:
    q = int(g.lex["quarter_ordinals"][m.groups["ord"].lower()])
    explicit = m.groups.get("y0") or m.groups.get("y1") or m.groups.get("y2")
    if explicit:
        return f"{int(explicit):04d}-Q{q}", "quarter"
    if anchor is None:
        return None, None
    rel = m.groups.get("ys") or m.groups.get("ys2")
    if rel:
        steps = int(g.lex["unit_shifts"][rel.lower()])
        return f"{anchor.date.year + steps:04d}-Q{q}", "quarter"
    if not anchor.knows("quarter"):
        return None, None
    return f"{_quarter_year(q, anchor, tense):04d}-Q{q}", "quarter"


def _res_quarter_ref(m: Match, anchor: Anchor | None, tense: Tense, g: Grammar) -> Value:
    if anchor is None or not anchor.knows("quarter"):
        return None, None
    kind = g.lex["quarter_refs"][re.sub(r"\s+", " ", m.groups["ref"].lower())]
    if kind == "current":
        return f"{anchor.date.year:04d}-Q{quarter_of(anchor.date)}", "quarter"
    year, q = last_ended_quarter(anchor.date)
    if kind == "year_ago":
        year -= 1
    return f"{year:04d}-Q{q}", "quarter"


def _res_the_quarter(m: Match, anchor: Anchor | None, tense: Tense, g: Grammar) -> Value:
    if anchor is None or not anchor.knows("quarter"):
        return None, None
    if tense == "future":
        return f"{anchor.date.year:04d}-Q{quarter_of(anchor.date)}", "quarter"
    year, q = last_ended_quarter(anchor.date)
    return f"{year:04d}-Q{q}", "quarter"


def _res_holiday(m: Match, anchor: Anchor | None, tense: Tense, g: Grammar) -> Value:
    lex = g.lex
    name = m.groups["holiday"].lower()
    fixed = {k.lower(): v for k, v in lex["fixed_holidays"].items()}
    by_weekday = {k.lower(): v for k, v in lex["weekday_holidays"].items()}

    def on(year: int) -> dt.date:
        if name in fixed:
            month, day = fixed[name]
            return dt.date(year, month, day)
        rule = by_weekday[name]
        weekday = g.weekday_of[rule["weekday"]]
        return nth_weekday(year, rule["month"], weekday, rule["nth"])

    if "year" in m.groups:
        return on(int(m.groups["year"])).isoformat(), "day"
    if anchor is None:
        return None, None
    sample = on(anchor.date.year)
    year = choose_year(sample.month, sample.day, anchor, tense)
    return on(year).isoformat(), "day"


def _res_year(m: Match, anchor: Anchor | None, tense: Tense, g: Grammar) -> Value:
    return f"{int(m.groups['year']):04d}", "year"


RESOLVERS: dict[str, Callable[[Match, Anchor | None, Tense, Grammar], Value]] = {
    "iso": _res_full_date,
    "numeric": _res_full_date,
    "weekday_date": _res_full_date,
    "month_day": _res_full_date,
    "day_month": _res_full_date,
    "month_year": _res_month_year,
    "month_rel_year": _res_month_rel_year,
    "week_of": _res_week_of,
    "month": _res_month,
    "weekday": _res_weekday,
    "deictic": _res_deictic,
    "present": _res_present,
    "weekend": _res_weekend,
    "quarter": _res_quarter,
    "quarter_ref": _res_quarter_ref,
    "the_quarter": _res_the_quarter,
    "count": _res_count,
    "shift_unit": _res_shift_unit,
    "holiday": _res_holiday,
    "year": _res_year,
}


def resolve_match(m: Match, anchor: Anchor | None, tense: Tense, g: Grammar | None = None) -> Value:
    """(value, precision) of a grammar match (``g``: the grammar that found it)."""
    try:
        return RESOLVERS[m.kind](m, anchor, tense, g or grammar())
    except (KeyError, ValueError, OverflowError):
        return None, None
