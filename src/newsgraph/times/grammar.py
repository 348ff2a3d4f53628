"""Date expressions in text and their resolution against a publication date.

The grammar is a small set of regular expressions built from the vocabulary in
``newsgraph/times/data/lexicon.yaml`` (:func:`build_grammar`; :func:`grammar` is the packaged
vocabulary's, built once per process). Each pattern has a resolver that turns its match into
an ISO 8601 value and a precision, given the anchor (the publication date) and the tense of
the clause the expression sits in (``"past"``, ``"future"`` or ``None``).

Nothing here depends on spaCy; :mod:`newsgraph.times.component` adds the parse (tense,
part-of-speech checks, NER candidates) around it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from newsgraph.times.lexicon import lexicon

# Precisions a value can carry. "quarter" is used for "the third quarter" (value 2025-Q3).
PRECISIONS: tuple[str, ...] = ("day", "week", "month", "quarter", "year")

Tense = str | None  # "past" | "future" | "present" | None


@dataclass(frozen=True)
class Anchor:
    """The publication date, and how much of it is known (day, month or year)."""

    date: dt.date
    granularity: str  # day | month | year

    def knows(self, precision: str) -> bool:
        """Whether a value of ``precision`` relative to this anchor can be computed."""
        order = {"day": 0, "week": 0, "month": 1, "quarter": 1, "year": 2}
        return order[self.granularity] <= order[precision]


def parse_anchor(published: object) -> Anchor | None:
    """The anchor of an ISO publication date ("2025-04-08", "2025-04-08T10:00Z", "2025-04",
    "2025"), or None when there is none or it is not a date."""
    if not published:
        return None
    text = str(published).strip()  # also a date or datetime object
    m = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", text)
    if not m:
        return None
    try:
        year = int(m.group(1))
        if m.group(3):
            return Anchor(dt.date(year, int(m.group(2)), int(m.group(3))), "day")
        if m.group(2):
            return Anchor(dt.date(year, int(m.group(2)), 15), "month")
        return Anchor(dt.date(year, 7, 1), "year")
    except ValueError:
        return None


# --------------------------------------------------------------------------- calendar


def iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def choose_year(month: int, day: int | None, anchor: Anchor, tense: Tense) -> int:
    """The year of a month (and day) given without one: the past for past clauses, the
    future for future ones, otherwise the nearest."""
    base = anchor.date
    options: list[tuple[int, dt.date]] = []
    for year in (base.year - 1, base.year, base.year + 1):
        try:
            options.append((year, dt.date(year, month, day or 1)))
        except ValueError:
            continue
    if not options:
        return base.year
    if day is None:
        # compare whole months
        this_month = dt.date(base.year, base.month, 1)
        if tense == "past":
            past = [y for y, d in options if d <= this_month]
            return max(past) if past else base.year
        if tense == "future":
            future = [y for y, d in options if d >= this_month]
            return min(future) if future else base.year
        return min(options, key=lambda o: (_biased(o[1], this_month), o[0] != base.year))[0]
    slack = dt.timedelta(days=1)
    if tense == "past":
        past = [y for y, d in options if d <= base + slack]
        return max(past) if past else base.year
    if tense == "future":
        future = [y for y, d in options if d >= base - slack]
        return min(future) if future else base.year
    return min(options, key=lambda o: _biased(o[1], base))[0]


# Without a tense, a date this many times further ahead than back is as likely: news reports
# mostly what has happened.
FUTURE_COST = 1.5


def _biased(day: dt.date, base: dt.date) -> float:
    """Distance from ``base``, counting days ahead FUTURE_COST times."""
    delta = (day - base).days
    return delta * FUTURE_COST if delta > 0 else -delta


def weekday_date(weekday: int, anchor: dt.date, tense: Tense, shift: str | None) -> dt.date:
    """The date of a weekday (0 = Monday) near the anchor.

    A bare weekday is the latest such day on or before the publication date (the same
    weekday is the publication day itself) in a past clause, the first on or after it in a
    future clause; without a tense, the nearer of the two, with days ahead counted
    FUTURE_COST times.
    "last"/"past" is strictly before, "next"/"coming" strictly after, "this" within the
    publication date's week (or on/after it in a future clause).
    """
    back = (anchor.weekday() - weekday) % 7
    ahead = (weekday - anchor.weekday()) % 7
    if shift in ("last", "past", "previous"):
        return anchor - dt.timedelta(days=back or 7)
    if shift in ("next", "coming"):
        return anchor + dt.timedelta(days=ahead or 7)
    if shift == "this" and tense != "future":
        return anchor + dt.timedelta(days=weekday - anchor.weekday())
    if tense == "future" or shift == "this":
        return anchor + dt.timedelta(days=ahead)
    if tense is None and ahead and ahead * FUTURE_COST < back:
        return anchor + dt.timedelta(days=ahead)
    return anchor - dt.timedelta(days=back)


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    first = dt.date(year, month, 1)
    offset = (weekday - first.weekday()) % 7
    return first + dt.timedelta(days=offset + 7 * (nth - 1))


def quarter_of(day: dt.date) -> int:
    return (day.month - 1) // 3 + 1


def last_ended_quarter(day: dt.date) -> tuple[int, int]:
    q = quarter_of(day) - 1
    return (day.year, q) if q else (day.year - 1, 4)


# --------------------------------------------------------------------------- patterns


def _alt(words: list[str], *, case: bool = False) -> str:
    body = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    return f"(?-i:{body})" if case else f"(?:{body})"


@dataclass(frozen=True)
class Grammar:
    """The compiled patterns and the look-up tables of one lexicon (``lex``, as loaded)."""

    month_of: dict[str, int]
    weekday_of: dict[str, int]
    number_of: dict[str, int]
    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    ambiguous_months: frozenset[str]
    lex: dict[str, Any] = field(repr=False)
    # word sets the component's checks read (lower-cased where the check compares lower case)
    month_context: frozenset[str] = frozenset()
    not_year_before: frozenset[str] = frozenset()
    future_auxiliaries: frozenset[str] = frozenset()
    future_verbs: frozenset[str] = frozenset()
    intention_verbs: frozenset[str] = frozenset()


END = r"(?![\w])"
START = r"(?<![\w$£€#])"


@cache
def grammar() -> Grammar:
    """The grammar of the packaged lexicon, built once per process."""
    return build_grammar(lexicon())


def build_grammar(lex: dict[str, Any]) -> Grammar:
    """The grammar of one lexicon (a mapping checked by :func:`~newsgraph.times.lexicon.load_lexicon`)."""
    month_of = {}
    for i, (_name, forms) in enumerate(lex["months"].items(), start=1):
        for form in forms:
            month_of[form.lower()] = i
    weekday_of = {}
    for i, (_name, forms) in enumerate(lex["weekdays"].items()):
        for form in forms:
            weekday_of[form.lower()] = i
    number_of = {str(k).lower(): int(v) for k, v in lex["numbers"].items()}

    month_forms = [f for forms in lex["months"].values() for f in forms]
    # an abbreviation without a full stop must not swallow the start of another word
    month = f"(?:{_alt(month_forms, case=True)}){END}"
    weekday = f"(?:{_alt([f for fs in lex['weekdays'].values() for f in fs], case=True)}){END}"
    daynum = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
    year = r"(?:1[6-9]\d\d|20\d\d)(?![\d])"
    part = _alt(lex["day_parts"])
    position = _alt(lex["position_words"])
    shift = _alt(list(lex["unit_shifts"]))
    units = _alt(list(lex["units"]))
    number = r"(?:\d{1,3}|" + _alt(list(number_of)) + ")"
    hedge = _alt(lex["count_hedges"])
    anchors = _alt(list(lex["count_anchors"]))
    qord = _alt([str(k) for k in lex["quarter_ordinals"]])
    qref = _alt(list(lex["quarter_refs"]))
    deictic = _alt(list(lex["deictic_days"]))
    holidays = _alt(list(lex["fixed_holidays"]) + list(lex["weekday_holidays"]), case=True)

    md = rf"(?P<month>{month})\.?\s+(?P<day>{daynum}){END}(?:,?\s+(?P<year>{year}))?"
    rel_year = r"(?P<yshift>last|this|next)\s+year"
    raw: list[tuple[str, str]] = [
        ("iso", r"(?P<year>\d{4})-(?P<month>1[0-2]|0[1-9])-(?P<day>3[01]|[12]\d|0[1-9])(?![\d-])"),
        (
            "numeric",
            r"(?P<month>1[0-2]|0?[1-9])/(?P<day>3[01]|[12]\d|0?[1-9])/(?P<year>\d{4})(?![\d/])",
        ),
        (
            "weekday_date",
            rf"{weekday},?\s+(?:the\s+)?{md}",
        ),
        (
            "day_range",
            rf"(?P<month>{month})\s+(?P<day>{daynum})\s*(?:-|–|to|through|and)\s*(?P<day2>{daynum}){END}"
            rf"(?:,?\s+(?P<year>{year}))?",
        ),
        ("week_of", rf"the\s+week\s+of\s+{md}"),
        (
            "month_day",
            rf"(?:(?P<pos>{position})[\s-]+)?(?:(?P<shift>last|this|next)\s+)?{md}"
            rf"(?:,?\s+(?:of\s+)?{rel_year})?",
        ),
        (
            "month_rel_year",
            rf"(?:(?P<pos>{position})[\s-]+)?(?P<month>{month}),?\s+(?:of\s+)?{rel_year}",
        ),
        (
            "day_month",
            rf"(?:the\s+)?(?P<day>{daynum})(?:\s+of)?\s+(?P<month>{month})(?:,?\s+(?P<year>{year}))?",
        ),
        (
            "month_year",
            rf"(?:(?P<pos>{position})[\s-]+)?(?P<month>{month}),?\s+(?:of\s+)?(?P<year>{year})",
        ),
        (
            "month",
            rf"(?:(?P<pos>{position})[\s-]+)?(?:(?P<shift>{shift})\s+)?(?P<month>{month})",
        ),
        (
            "weekday",
            rf"(?:(?P<pos>early|late)\s+)?(?:(?P<shift>{shift}|past)\s+)?(?P<weekday>{weekday})"
            rf"(?:\s+(?P<part>{part}))?",
        ),
        ("present", rf"(?P<present>{_alt(lex['present_words'])})"),
        ("deictic", rf"(?:(?P<pos>early|late)\s+)?(?P<deictic>{deictic})(?:\s+(?P<part>{part}))?"),
        ("weekend", rf"(?:(?P<pos>early|late)\s+)?(?:the|(?P<shift>{shift}))\s+weekend"),
        (
            "quarter",
            rf"(?:(?P<ys>this|last|next)\s+year's\s+|(?P<y0>{year})(?:'s)?\s+|fiscal\s+(?P<y1>{year})\s+)?"
            rf"(?:the\s+)?(?P<ord>{qord})[\s-]+quarter"
            rf"(?:\s+of\s+(?:(?:fiscal\s+)?(?P<y2>{year})|(?P<ys2>this|last|next)\s+year))?",
        ),
        ("quarter_ref", rf"(?:the\s+)?(?P<ref>{qref})\s+quarter"),
        ("the_quarter", r"(?-i:the\s+quarter)(?!\s+(?:of|mile|century|point|final)\b|-)"),
        (
            "count",
            rf"(?:(?P<hedge>{hedge})\s+)?(?P<n>{number})\s+(?P<unit>{units})s?\s+(?P<anchor>{anchors})"
            r"(?!\s+(?:the|a|an|his|her|its|their|that|this|he|she|it|they|we)\b)",
        ),
        (
            "shift_unit",
            rf"(?:(?P<pos>{position})\s+)?(?:the\s+)?(?P<shift>{shift})\s+(?P<unit>{units}){END}",
        ),
        ("holiday", rf"(?P<holiday>{holidays})(?:,?\s+(?P<year>{year}))?"),
        (
            "year",
            rf"(?:(?P<pos>{position})[\s-]+|(?P<fiscal>fiscal)\s+|the\s+year\s+)?(?P<year>{year})"
            r"(?!'?s\b|\s*(?:%|percent\b|-\d|[.,]\d))",
        ),
    ]
    patterns = tuple((kind, re.compile(START + rx + END, re.IGNORECASE)) for kind, rx in raw)
    return Grammar(
        month_of=month_of,
        weekday_of=weekday_of,
        number_of=number_of,
        patterns=patterns,
        ambiguous_months=frozenset(m.lower() for m in lex["ambiguous_months"]),
        lex=lex,
        month_context=frozenset(lex["month_context"]),
        not_year_before=frozenset(lex["not_year_before"]),
        future_auxiliaries=frozenset(w.lower() for w in lex["future_auxiliaries"]),
        future_verbs=frozenset(w.lower() for w in lex["future_verbs"]),
        intention_verbs=frozenset(w.lower() for w in lex["intention_verbs"]),
    )


# --------------------------------------------------------------------------- matching


@dataclass
class Match:
    """One expression found by the grammar; ``groups`` are its named parts."""

    start: int
    end: int
    kind: str
    groups: dict[str, str]

    @property
    def length(self) -> int:
        return self.end - self.start


def find(text: str, g: Grammar | None = None) -> list[Match]:
    """Every grammar match in ``text``, longest first where they overlap, in text order
    (``g``: the grammar to use, the packaged one by default)."""
    found: list[Match] = []
    for kind, pattern in (g or grammar()).patterns:
        for m in pattern.finditer(text):
            groups = {k: v for k, v in m.groupdict().items() if v is not None}
            if kind == "day_range":
                # a range gives two dates: its start ("April 8") and its end ("10")
                first_end = m.start("day2")
                head = re.sub(r"\s*(?:-|–|to|through|and)\s*$", "", text[m.start() : first_end])
                found.append(Match(m.start(), m.start() + len(head), "month_day", groups))
                second = dict(groups, day=groups["day2"])
                found.append(Match(m.start("day2"), m.end(), "month_day", second))
                continue
            found.append(Match(m.start(), m.end(), kind, groups))
    found.sort(key=lambda x: (-x.length, x.start))
    chosen: list[Match] = []
    for cand in found:
        if all(cand.end <= c.start or cand.start >= c.end for c in chosen):
            chosen.append(cand)
    chosen.sort(key=lambda x: x.start)
    return chosen


def fullmatch(text: str, g: Grammar | None = None) -> Match | None:
    """The grammar match covering all of ``text`` (one expression), if any."""
    for kind, pattern in (g or grammar()).patterns:
        m = pattern.fullmatch(text)
        if m and kind != "day_range":
            groups = {k: v for k, v in m.groupdict().items() if v is not None}
            return Match(0, len(text), kind, groups)
    return None


# --------------------------------------------------------------------------- resolution

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


def resolve_match(
    m: Match, anchor: Anchor | None, tense: Tense, g: Grammar | None = None
) -> Value:
    """(value, precision) of a grammar match (``g``: the grammar that found it)."""
    try:
        return RESOLVERS[m.kind](m, anchor, tense, g or grammar())
    except (KeyError, ValueError, OverflowError):
        return None, None
