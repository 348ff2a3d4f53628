"""Assign new articles to stories: single link to a member within the time window (pure).

An article joins the story of the most similar member (cosine of TF-IDF term vectors) when
that similarity reaches ``link_threshold``, the member was published within ``window_days``
and their lead events (each article's first event), when both are dated to the day and of
the same category, are at most ``event_gap_days`` apart: two attacks on one town on different
days are two stories, a reaction reported days later is not held apart.
A near-duplicate always joins the story of the article it copies. Otherwise the article opens
a story whose id is its own id. Articles are taken in (publication date, id) order, so a
re-run over the same articles gives the same stories and ids.
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from newsgraph.stories.settings import Params
from newsgraph.stories.text import cosine


@dataclass
class Item:
    id: str
    day: dt.date | None
    vector: dict[str, float]
    lead: dt.date | None = None
    lead_category: str | None = None
    story_id: str | None = None
    linked_to: str | None = None
    similarity: float | None = None


@dataclass
class Index:
    """Members already in stories, by term (for candidate search)."""

    members: dict[str, Item] = field(default_factory=dict)
    postings: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    story_ids: set[str] = field(default_factory=set)

    def add(self, item: Item) -> None:
        self.members[item.id] = item
        self.story_ids.add(item.story_id or item.id)
        for term in item.vector:
            self.postings[term].append(item.id)

    def add_all(self, items: Iterable[Item]) -> None:
        for item in items:
            self.add(item)


def order_key(item: Item) -> tuple[dt.date, str]:
    return (item.day or dt.date.max, item.id)


def compatible(a: Item, b: Item, params: Params) -> bool:
    """Within the window, and not two differently dated happenings."""
    if a.day and b.day and abs((a.day - b.day).days) > params.window_days:
        return False
    return not (
        a.lead and b.lead and a.lead_category == b.lead_category
        and abs((a.lead - b.lead).days) > params.event_gap_days
    )


def best_link(item: Item, index: Index, params: Params) -> tuple[Item, float] | None:
    # Candidates: members sharing one of the item's heaviest terms (rare, so short postings),
    # ranked by that partial score; the best ``candidates`` get the full cosine.
    probe = sorted(item.vector.items(), key=lambda kv: (-kv[1], kv[0]))[: params.probe_terms]
    partial: dict[str, float] = defaultdict(float)
    for term, w in probe:
        for mid in index.postings.get(term, ()):
            partial[mid] += w * index.members[mid].vector[term]
    shortlist = heapq.nlargest(params.candidates, partial.items(), key=lambda kv: (kv[1], kv[0]))
    scores = {mid: cosine(item.vector, index.members[mid].vector) for mid, _ in shortlist}
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
    for mid, score in ranked:
        if score < params.link_threshold:
            return None
        member = index.members[mid]
        if compatible(item, member, params):
            return member, score
    return None


def assign(
    new: Iterable[Item], index: Index, params: Params, duplicates: dict[str, str] | None = None
) -> list[Item]:
    """Give each new item ``story_id`` (and ``linked_to``/``similarity``); adds them to ``index``."""
    duplicates = duplicates or {}
    done: list[Item] = []
    for item in sorted(new, key=order_key):
        original = index.members.get(duplicates.get(item.id, ""))
        if original is not None:
            item.story_id, item.linked_to = original.story_id, original.id
            item.similarity = round(cosine(item.vector, original.vector), 4)
        else:
            link = best_link(item, index, params)
            if link is not None:
                member, score = link
                item.story_id, item.linked_to, item.similarity = member.story_id, member.id, round(score, 4)
            else:
                item.story_id = _new_id(item.id, index.story_ids)
        index.add(item)
        done.append(item)
    return done


def _new_id(article_id: str, taken: set[str]) -> str:
    sid, n = article_id, 1
    while sid in taken:
        n += 1
        sid = f"{article_id}~{n}"
    return sid
