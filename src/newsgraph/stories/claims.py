"""What a cluster says: consensus certainty, magnitudes low / best / high, conflicting claims.

Pure; the rules are in docs/STORIES.md ("Event clusters") and the thresholds in
``data/clusters.json``.

- **Consensus certainty**: each certainty is counted once per independent origin that reports
  it. When one origin reports the event as happening (asserted, claimed, alleged) and another
  reports it denied, the consensus is ``disputed``; otherwise it is the certainty with the most
  origins, a tie going to the surer one (the order of ``CERTAINTIES``).
- **Magnitudes**, per kind, over members whose certainty counts (not denied, hypothetical,
  future): ``low`` the smallest low, ``high`` the largest high; ``best`` the smallest best
  figure among the reports of the latest publication day that gives one. A toll that rises
  over days is superseded by the later day; within one day the most conservative figure
  stands (ACLED's rule).
- **Number conflicts**: two figures of one kind published the same day that differ by more
  than the ratio and the minimum difference, or a later day's figure that falls below an
  earlier day's by as much (a toll does not fall). A toll that rises across days is no conflict.
- **Certainty conflicts**: a member reports it happening, another denies it.
- **Place conflicts**: members name different places of the same (most precise) precision.
- **Date conflicts**: members date it to different days.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from typing import Any

from newsgraph.records import CERTAINTIES, EventCluster
from newsgraph.stories.events import Cluster, date_of, event_id
from newsgraph.stories.settings import ClusterParams

Row = dict[str, Any]


def _actor(ref: Row | None) -> Row | None:
    if not ref:
        return None
    return {k: ref.get(k) for k in ("name", "country", "sector")}


def _distinct(refs: list[Row | None]) -> list[Row]:
    out: list[Row] = []
    for r in refs:
        if r and r not in out:
            out.append(r)
    return out


def _day(row: Row) -> str:
    return str(row.get("published") or "")[:10]


def consensus(members: list[Row], params: ClusterParams) -> str:
    origins: dict[str, set[str]] = defaultdict(set)
    for m in members:
        origins[m.get("certainty") or "asserted"].add(m.get("origin") or m["article_id"])
    if "denied" in origins and set(origins) & params.positive_certainties:
        return "disputed"
    rank = {c: i for i, c in enumerate(CERTAINTIES)}
    return min(origins, key=lambda c: (-len(origins[c]), rank.get(c, len(rank))))


def _figures(members: list[Row], params: ClusterParams) -> dict[str, list[tuple[Row, Row]]]:
    out: dict[str, list[tuple[Row, Row]]] = defaultdict(list)
    for m in members:
        if (m.get("certainty") or "asserted") in params.uncounted_certainties:
            continue
        for mag in m.get("magnitudes") or []:
            if mag.get("kind") and (mag.get("best") is not None or mag.get("low") is not None):
                out[mag["kind"]].append((m, mag))
    return out


def _value(mag: Row) -> float:
    return float(mag["best"] if mag.get("best") is not None else mag["low"])


def magnitudes(members: list[Row], params: ClusterParams) -> list[Row]:
    out = []
    for kind, figs in sorted(_figures(members, params).items()):
        latest = max(_day(m) for m, _ in figs)
        out.append({
            "kind": kind,
            "low": min(float(g["low"] if g.get("low") is not None else _value(g)) for _, g in figs),
            "best": min(_value(g) for m, g in figs if _day(m) == latest),
            "high": max(float(g["high"] if g.get("high") is not None else _value(g)) for _, g in figs),
            "reports": len(figs),
        })
    return out


def _values(members: list[tuple[Row, Any]]) -> list[Row]:
    """One entry per distinct value: the articles, outlets and claimants that give it."""
    by: dict[str, Row] = {}
    for m, value in members:
        key = repr(value)
        entry = by.setdefault(key, {"value": value, "articles": [], "outlets": [], "claimants": []})
        for name, item in (("articles", m["article_id"]), ("outlets", m.get("outlet")),
                           ("claimants", _actor(m.get("claimed_by")))):
            if item is not None and item not in entry[name]:
                entry[name].append(item)
    return list(by.values())


def _apart(a: float, b: float, params: ClusterParams) -> bool:
    low, high = min(a, b), max(a, b)
    return high - low >= params.number_conflict_min_difference and high > low * params.number_conflict_ratio


def conflicts(members: list[Row], params: ClusterParams) -> list[Row]:
    out: list[Row] = []
    positive = [m for m in members if m.get("certainty") in params.positive_certainties]
    denied = [m for m in members if m.get("certainty") == "denied"]
    if positive and denied:
        out.append({"type": "certainty", "values": _values([(m, m.get("certainty")) for m in positive + denied])})
    for kind, figs in sorted(_figures(members, params).items()):
        figs = sorted(figs, key=lambda f: _day(f[0]))
        clash = False
        for i, (ma, ga) in enumerate(figs):
            for mb, gb in figs[i + 1:]:
                same_day = _day(ma) == _day(mb)
                falls = _value(gb) < _value(ga)
                if (same_day or falls) and _apart(_value(ga), _value(gb), params):
                    clash = True
        if clash:
            out.append({"type": "number", "kind": kind, "values": _values([(m, _value(g)) for m, g in figs])})
    placed = [m for m in members if m.get("place")]
    if placed:
        finest = min(int(m["place"].get("precision") or 3) for m in placed)
        at = [m for m in placed if int(m["place"].get("precision") or 3) == finest]
        if len({m["place"].get("geonames_id") or m["place"].get("name") for m in at}) > 1:
            out.append({"type": "place", "values": _values([(m, m["place"].get("name")) for m in at])})
    dated = [m for m in members if m.get("date_precision") == "day" and date_of(m.get("date"))]
    if len({str(m["date"])[:10] for m in dated}) > 1:
        out.append({"type": "date", "values": _values([(m, str(m["date"])[:10]) for m in dated])})
    return out


def _most(members: list[Row], value: Callable[[Row], Any], rank: Callable[[Row], Any]) -> Any:
    """The most frequent value among the members ranked best (lowest ``rank``)."""
    have = [m for m in members if value(m)]
    if not have:
        return None
    top = min(rank(m) for m in have)
    counts = Counter(repr(value(m)) for m in have if rank(m) == top)
    best = counts.most_common(1)[0][0]
    return next(value(m) for m in have if repr(value(m)) == best)


def summarize(cluster: Cluster, params: ClusterParams) -> EventCluster:
    ms = cluster.members
    dates = sorted(str(m["date"])[:10] for m in ms if m.get("date") and date_of(m.get("date")))
    precision = ("day", "week", "month", "quarter", "year", "reported")
    published = sorted(str(m["published"]) for m in ms if m.get("published"))
    return EventCluster(
        id=cluster.id, story_id=cluster.story_id, category=ms[0]["category"],
        mode=_most(ms, lambda m: m.get("mode"), lambda m: 0),
        sources=_distinct([_actor(a) for m in ms for a in m.get("sources") or []]),
        targets=_distinct([_actor(a) for m in ms for a in m.get("targets") or []]),
        place=_most(ms, lambda m: m.get("place"), lambda m: int(m["place"].get("precision") or 3)),
        date=_most(ms, lambda m: m.get("date"), lambda m: precision.index(m.get("date_precision") or "day")
                   if (m.get("date_precision") or "day") in precision else len(precision)),
        date_range=[dates[0], dates[-1]] if dates else [],
        certainty=consensus(ms, params),
        claimed_by=_distinct([_actor(m.get("claimed_by")) for m in ms]),
        mentions=len(ms),
        articles=sorted({m["article_id"] for m in ms}),
        outlets=sorted({m["outlet"] for m in ms if m.get("outlet")}),
        independent_outlets=sorted({m["origin"] for m in ms if m.get("origin")}),
        first_seen=published[0] if published else None,
        last_seen=published[-1] if published else None,
        members=[
            {"event_id": event_id(m), "article_id": m["article_id"], "idx": m["idx"],
             "sentence": {k: (m.get("sentence") or {}).get(k) for k in ("start", "end")},
             "certainty": m.get("certainty"), "outlet": m.get("outlet"), "origin": m.get("origin"),
             "published": m.get("published")}
            for m in ms
        ],
        magnitudes=magnitudes(ms, params),
        conflicts=conflicts(ms, params),
        merge_reason=cluster.reasons,
    )
