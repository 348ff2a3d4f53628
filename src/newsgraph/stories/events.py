"""Event clusters within a story: which member events report the same real-world event.

Pure: takes the events of one story's articles (plain dicts as the store holds them, plus
the article's ``published``, ``outlet`` and ``origin``) and returns the clusters. The keys
and windows are data (``data/clusters.json``); docs/STORIES.md explains them.

Two events are compatible when every key agrees or is missing on one side:

- category equal; mode equal when both have one;
- sources, and targets: the actors' countries share one when both sides name a country,
  else their sectors share one when both name a sector (a side with no actor is compatible);
- place: the same GeoNames id, or within the distance of the coarser precision (a
  country-level place only needs the same country);
- date: within the window of the coarser date precision ("reported" dates, which fell back
  to the publication date, get a wider window);
- certainty: a future or hypothetical event only with another such one;
- and at least one anchor: an actor side that agrees by country, sector or name, or a place that
  agrees by id, distance or name (category and date alone do not make two reports one event).

An event joins the first cluster (in order of creation) all of whose members it is compatible
with (complete link: a chain of near matches does not merge two different events); else it
opens a cluster whose id is its own event id. Events are taken in (publication, article, idx)
order, so a cluster's id is that of its earliest report and does not change when later
reports join.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Any

from newsgraph.stories.settings import ClusterParams

Row = dict[str, Any]
_PRECISION_ORDER = ("day", "week", "month", "quarter", "year", "reported")


def event_id(row: Row) -> str:
    return f"{row['article_id']}:{row['idx']}"


def date_of(value: str | None) -> dt.date | None:
    """The first day of an ISO date, month, year, week (2025-W15) or quarter (2025-Q3)."""
    if not value:
        return None
    v = str(value)
    try:
        if len(v) >= 10:
            return dt.date.fromisoformat(v[:10])
        if "-W" in v:
            year, week = v.split("-W")
            return dt.date.fromisocalendar(int(year), int(week[:2]), 1)
        if "-Q" in v:
            year, q = v.split("-Q")
            return dt.date(int(year), (int(q[:1]) - 1) * 3 + 1, 1)
        if len(v) == 7:
            return dt.date(int(v[:4]), int(v[5:7]), 1)
        if len(v) == 4:
            return dt.date(int(v), 1, 1)
    except ValueError:
        return None
    return None


def _side(a: list[Row], b: list[Row], name: str) -> str | None:
    """The key two actor lists agree on, or None when they conflict."""
    if not a or not b:
        return f"{name}:missing"
    ca, cb = {x.get("country") for x in a} - {None}, {x.get("country") for x in b} - {None}
    if ca and cb:
        return f"{name}:country" if ca & cb else None
    sa, sb = {x.get("sector") for x in a} - {None}, {x.get("sector") for x in b} - {None}
    if sa and sb:
        return f"{name}:sector" if sa & sb else None
    na, nb = _name_words(a), _name_words(b)
    if na and nb:
        return f"{name}:name" if na & nb else None
    return f"{name}:unknown"


def _name_words(actors: list[Row]) -> set[str]:
    """The capitalised words of the actors' names ("Kevin O'Brien" -> {"kevin", "o'brien"}):
    actors with neither country nor sector are compared by the names they go by."""
    return {
        w.casefold() for x in actors for w in str(x.get("name") or "").split()
        if len(w) > 2 and w[:1].isupper()
    }


def _km(a: Row, b: Row) -> float | None:
    try:
        la, oa, lb, ob = (math.radians(float(x)) for x in (a["lat"], a["lon"], b["lat"], b["lon"]))
    except (KeyError, TypeError, ValueError):
        return None
    h = math.sin((lb - la) / 2) ** 2 + math.cos(la) * math.cos(lb) * math.sin((ob - oa) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _place(a: Row | None, b: Row | None, params: ClusterParams) -> str | None:
    if not a or not b:
        return "place:missing"
    if a.get("geonames_id") and a.get("geonames_id") == b.get("geonames_id"):
        return "place:same"
    coarse = max(int(a.get("precision") or 3), int(b.get("precision") or 3))
    limit = params.place_km.get(coarse, 0.0)
    if a.get("country") and b.get("country") and a["country"] != b["country"]:
        return None
    if limit == 0:
        return "place:country" if a.get("country") and a.get("country") == b.get("country") else None
    km = _km(a, b)
    if km is not None:
        return f"place:within {limit:g} km" if km <= limit else None
    same_name = (a.get("name") or "").casefold() == (b.get("name") or "").casefold()
    return "place:same name" if same_name else None


def _date(a: Row, b: Row, params: ClusterParams) -> str | None:
    da, db = date_of(a.get("date")), date_of(b.get("date"))
    if da is None or db is None:
        return "date:missing"
    pa, pb = a.get("date_precision") or "day", b.get("date_precision") or "day"
    coarse = max(pa, pb, key=lambda p: _PRECISION_ORDER.index(p) if p in _PRECISION_ORDER else 0)
    window = params.date_window_days.get(coarse, 0)
    return f"date:within {window} d ({coarse})" if abs((da - db).days) <= window else None


def compatible(a: Row, b: Row, params: ClusterParams) -> list[str] | None:
    """The keys on which ``a`` and ``b`` agree, or None when one conflicts."""
    if a["category"] != b["category"]:
        return None
    keys = ["category"]
    if a.get("mode") and b.get("mode"):
        if a["mode"] != b["mode"]:
            return None
        keys.append("mode")
    apart = params.apart_certainties
    if (a.get("certainty") in apart) != (b.get("certainty") in apart):
        return None
    for got in (
        _side(a.get("sources") or [], b.get("sources") or [], "sources"),
        _side(a.get("targets") or [], b.get("targets") or [], "targets"),
        _place(a.get("place"), b.get("place"), params),
        _date(a, b, params),
    ):
        if got is None:
            return None
        keys.append(got)
    if not any(_anchor(k, params.anchors) for k in keys):
        return None  # category and date alone do not tell one event from another of its kind
    return keys


def _anchor(key: str, anchors: frozenset[str]) -> bool:
    """A key that ties two reports to one event (``anchors`` in the data file: an actor side
    agreeing by ``name``, ``country`` or ``sector``, a ``place`` agreeing by id, distance or name)."""
    side, _, how = key.partition(":")
    if side in ("sources", "targets"):
        return how in anchors
    return side == "place" and "place" in anchors and how not in ("missing", "country")


@dataclass
class Cluster:
    id: str
    story_id: str
    members: list[Row] = field(default_factory=list)
    reasons: list[Row] = field(default_factory=list)  # one per member after the first


def order_key(row: Row) -> tuple[str, str, int]:
    return (str(row.get("published") or "9999"), str(row["article_id"]), int(row["idx"]))


def cluster_story(story_id: str, events: list[Row], params: ClusterParams) -> list[Cluster]:
    """The clusters of one story's events."""
    clusters: list[Cluster] = []
    by_category: dict[str, list[Cluster]] = {}
    for ev in sorted(events, key=order_key):
        joined = False
        for c in by_category.get(ev["category"], []):
            keys = None
            for m in c.members:
                keys = compatible(ev, m, params)
                if keys is None:
                    break
            if keys is not None:
                seed_keys = compatible(ev, c.members[0], params) or keys
                c.members.append(ev)
                c.reasons.append({"event_id": event_id(ev), "joined": c.id, "keys": seed_keys})
                joined = True
                break
        if not joined:
            c = Cluster(event_id(ev), story_id, [ev])
            clusters.append(c)
            by_category.setdefault(ev["category"], []).append(c)
    return clusters
