"""The grammar of date expressions: regular expressions built from a lexicon, and matching.

:func:`build_grammar` turns a lexicon (``times/data/lexicon.yaml``, as loaded by
:func:`~newsgraph.times.lexicon.load_lexicon`) into a :class:`Grammar`: the compiled patterns,
one per kind of expression, and the look-up tables the resolvers and the component's checks
read. :func:`grammar` is the packaged lexicon's grammar, built once per process.
:func:`find` returns the matches in a text, :func:`fullmatch` the match of one expression.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from newsgraph.times.lexicon import lexicon


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
