"""Date expressions in text and their resolution against a publication date.

This module gathers the grammar's public names from the modules that hold them:

- :mod:`newsgraph.times.calendar` — the anchor (publication date) and calendar arithmetic;
- :mod:`newsgraph.times.patterns` — the regular expressions built from the lexicon
  (``times/data/lexicon.yaml``), :func:`find` and :func:`fullmatch`;
- :mod:`newsgraph.times.resolvers` — one resolver per kind of expression,
  :func:`resolve_match`;
- :mod:`newsgraph.times.lexicon` — the lexicon file, read and checked.

Nothing here depends on spaCy; :mod:`newsgraph.times.component` adds the parse (tense,
part-of-speech checks, NER candidates) around it.
"""

from __future__ import annotations

from newsgraph.times.calendar import (
    FUTURE_COST,
    PRECISIONS,
    Anchor,
    Tense,
    add_months,
    choose_year,
    iso_week,
    last_ended_quarter,
    nth_weekday,
    parse_anchor,
    quarter_of,
    weekday_date,
)
from newsgraph.times.lexicon import lexicon
from newsgraph.times.patterns import (
    END,
    START,
    Grammar,
    Match,
    build_grammar,
    find,
    fullmatch,
    grammar,
)
from newsgraph.times.resolvers import RESOLVERS, Value, resolve_match

__all__ = [
    "END",
    "FUTURE_COST",
    "PRECISIONS",
    "RESOLVERS",
    "START",
    "Anchor",
    "Grammar",
    "Match",
    "Tense",
    "Value",
    "add_months",
    "build_grammar",
    "choose_year",
    "find",
    "fullmatch",
    "grammar",
    "iso_week",
    "last_ended_quarter",
    "lexicon",
    "nth_weekday",
    "parse_anchor",
    "quarter_of",
    "resolve_match",
    "weekday_date",
]
