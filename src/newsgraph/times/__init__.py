"""The times stage: date expressions in an article, resolved against its publication date.

Importing this package registers the spaCy factory ``newsgraph_times``; it writes
``doc._.ng_dates`` (a list of :class:`~newsgraph.records.DateExpr` dicts). Its vocabulary is
``times/data/lexicon.yaml``, checked at load by :mod:`newsgraph.times.lexicon`. See
docs/DATES.md.

Public functions:

- :func:`resolve` — (value, precision) of one expression given a publication date;
- :func:`clause_date` — the date of an event: the first resolved expression inside its
  clause, else the publication date with precision ``reported``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from newsgraph.times.calendar import PRECISIONS, parse_anchor
from newsgraph.times.component import TimesComponent, TimesResult, clause_tense, make_times
from newsgraph.times.lexicon import LexiconError
from newsgraph.times.resolve import resolve


def clause_date(
    dates: Iterable[Mapping[str, Any]] | None,
    start: int,
    end: int,
    published: str | None,
) -> tuple[str | None, str | None]:
    """The date of an event whose clause covers characters ``start``..``end``.

    ``dates`` are the ``doc._.ng_dates`` records. The first expression inside the clause
    that has a value wins; without one the event gets the publication date with precision
    ``"reported"`` (it was reported then; when it happened is not said), or (None, None)
    when the article has no publication date either.
    """
    for d in sorted(dates or [], key=lambda d: d["start"]):
        if d.get("value") and start <= d["start"] and d["end"] <= end:
            return d["value"], d.get("precision")
    anchor = parse_anchor(published)
    if anchor is None or published is None:
        return None, None
    return published[:10] if anchor.granularity == "day" else published, "reported"


__all__ = [
    "PRECISIONS",
    "LexiconError",
    "TimesComponent",
    "TimesResult",
    "clause_date",
    "clause_tense",
    "make_times",
    "resolve",
]
