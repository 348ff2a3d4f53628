"""Calendar arithmetic of the times stage: the publication date as an anchor, and the dates
a month, a weekday or a quarter stands for near it.

Nothing here knows about words or patterns; :mod:`newsgraph.times.resolvers` calls these
with what a grammar match says.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

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
