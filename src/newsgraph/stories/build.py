"""``newsgraph stories build``: cluster the articles that have no story yet.

Reads the new articles, their lead event dates and the stories active in their time window
from the store, finds near-duplicates, assigns stories (:mod:`newsgraph.stories.cluster`)
and writes the rows back (:mod:`newsgraph.store.stories`). Nothing already clustered is
recomputed, except the summary rows of the stories that gained or lost an article.
"""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

from newsgraph.records import StoryArticle
from newsgraph.stories import cluster, duplicates
from newsgraph.stories.settings import Params, default_agencies, default_params
from newsgraph.stories.text import credit, term_counts, vector


@dataclass
class BuildSummary:
    articles: int = 0  # newly clustered
    stories_new: int = 0
    stories_grown: int = 0
    duplicates: int = 0
    clusters: int = 0  # event clusters of the re-clustered stories
    cluster_seconds: float = 0.0
    seconds: float = 0.0


def _day(value: Any) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def outlet_of(source: str | None, url: str | None) -> str | None:
    """The outlet's name: the source as given, or the url's host, without ``www.``."""
    name = source or (urlparse(url).hostname if url else None)
    if not name:
        return None
    name = name.strip().lower()
    return name[4:] if name.startswith("www.") else name


def build_stories(con: Any, *, params: Params | None = None, full: bool = False) -> BuildSummary:
    """Cluster the unclustered articles of the database ``con`` (a DuckDB connection)."""
    from newsgraph.store import stories as db

    started = time.perf_counter()
    params = params or default_params()
    agencies = default_agencies()
    if full:
        db.clear(con)
        from newsgraph.store import clusters as cdb

        cdb.clear(con)
    stale = db.drop_stale(con)
    new = db.unclustered(con)
    summary = BuildSummary(articles=len(new))
    if not new:
        if stale:
            db.write(con, [], {}, stale)
            _events(con, stale, summary)
        summary.seconds = time.perf_counter() - started
        return summary
    ids = [r["id"] for r in new]
    leads = db.lead_events(con, ids)
    df, n_docs = db.document_frequencies(con)
    counts = {r["id"]: term_counts(r["title"], r["text"], params.title_weight) for r in new}
    df_changes: Counter[str] = Counter()
    for c in counts.values():
        df_changes.update(c.keys())
    for term, n in df_changes.items():
        df[term] = df.get(term, 0) + n
    n_docs += len(new)
    items = {
        r["id"]: cluster.Item(
            r["id"], _day(r["published"]), vector(counts[r["id"]], df, n_docs, params.top_terms),
            lead=_day(leads.get(r["id"], (None, None))[0]), lead_category=leads.get(r["id"], (None, None))[1],
        )
        for r in new
    }
    days = [i.day for i in items.values() if i.day]
    window = dt.timedelta(days=params.window_days)
    old = db.members_between(
        con, min(days) - window if days else None, max(days) + window if days else None
    ) if len(days) == len(items) else db.members_between(con, None, None)
    index = cluster.Index()
    lsh = duplicates.Index(params.duplicate_threshold, params.num_perm)
    origin_of: dict[str, str | None] = {}
    root_of: dict[str, str] = {}
    for m in old:
        index.add(cluster.Item(
            m["article_id"], _day(m["published"]), m["terms"], _day(m["lead_date"]), m["lead_category"], m["story_id"],
        ))
        lsh.add(m["article_id"], m["signature"])
        origin_of[m["article_id"]] = m["origin"]
        root_of[m["article_id"]] = m["duplicate_of"] or m["article_id"]
    rows = {r["id"]: r for r in new}
    members: list[StoryArticle] = []
    dup_links: dict[str, str] = {}
    dup_sim: dict[str, float] = {}
    sigs: dict[str, list[int]] = {}
    for item in sorted(items.values(), key=cluster.order_key):
        r = rows[item.id]
        sig = duplicates.signature(r["text"], params.shingle_words, params.num_perm)
        sigs[item.id] = sig
        found = lsh.query(sig, params.duplicate_threshold)
        if found:
            best, sim = found[0]
            dup_links[item.id], dup_sim[item.id] = root_of.get(best, best), sim
        root_of[item.id] = dup_links.get(item.id, item.id)
        lsh.add(item.id, sig)
    grown = set(index.story_ids)
    done = cluster.assign(items.values(), index, params, dup_links)
    for item in done:
        r = rows[item.id]
        outlet = outlet_of(r["source"], r["url"])
        agency = credit(r["text"], agencies)
        dup = dup_links.get(item.id)
        origin = origin_of.get(dup) if dup else (agency or outlet)
        origin_of[item.id] = origin
        members.append(
            StoryArticle(
                article_id=item.id, story_id=item.story_id or item.id, linked_to=item.linked_to,
                similarity=item.similarity, duplicate_of=dup, duplicate_similarity=dup_sim.get(item.id),
                outlet=outlet, credit=agency, origin=origin, published=r["published"],
                lead_date=item.lead.isoformat() if item.lead else None, lead_category=item.lead_category,
                content_hash=r["content_hash"],
                terms=item.vector, signature=sigs[item.id],
            )
        )
    db.write(con, members, dict(df_changes), stale)
    story_ids = {m.story_id for m in members}
    _events(con, story_ids | stale, summary)
    summary.stories_new = len(story_ids - grown)
    summary.stories_grown = len(story_ids & grown)
    summary.duplicates = len(dup_links)
    summary.seconds = time.perf_counter() - started
    return summary


def _events(con: Any, story_ids: set[str], summary: BuildSummary) -> None:
    """Re-cluster the events of the stories that changed (:mod:`newsgraph.stories.events`)."""
    from newsgraph.store import clusters as cdb
    from newsgraph.stories.claims import summarize
    from newsgraph.stories.events import cluster_story
    from newsgraph.stories.settings import default_cluster_params

    started = time.perf_counter()
    params = default_cluster_params()
    found = [
        summarize(c, params)
        for story_id, events in cdb.story_events(con, story_ids).items()
        for c in cluster_story(story_id, events, params)
    ]
    cdb.write(con, story_ids, found)
    summary.clusters = len(found)
    summary.cluster_seconds = time.perf_counter() - started
