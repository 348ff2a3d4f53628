"""Turn a finished Doc into records: the one place that reads every stage's output."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from newsgraph.records import (
    Actor,
    Article,
    ArticleResult,
    DateExpr,
    Event,
    Mention,
    Place,
    Quote,
    Sentence,
    from_dict,
)

# spaCy NER label -> newsgraph mention kind (labels not listed are not kept as mentions:
# numbers, money, dates and the like are handled by their own stages).
NER_KINDS: dict[str, str] = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "nationality",
    "EVENT": "other",
    "LAW": "other",
    "PRODUCT": "other",
    "WORK_OF_ART": "other",
}


def _items(doc: Doc, name: str) -> list[dict[str, Any]]:
    value = getattr(doc._, name)
    return list(value) if value else []


def doc_to_result(doc: Doc, article: Article) -> ArticleResult:
    aid = article.id
    sentences = [
        Sentence(aid, i, s.start_char, s.end_char, s.text) for i, s in enumerate(doc.sents)
    ] if doc.has_annotation("SENT_START") else []

    actors = [from_dict(Actor, a, article_id=aid) for a in _items(doc, "ng_actors")]
    places = [from_dict(Place, p, article_id=aid) for p in _items(doc, "ng_places")]
    actor_by_id = {a.id: a for a in actors}

    # Stage mentions first; raw NER entities fill in what no stage claimed.
    mentions: list[Mention] = []
    taken: set[tuple[int, int]] = set()
    for m in _items(doc, "ng_actor_mentions"):
        actor = actor_by_id.get(m.get("actor_id") or "")
        kind = m.get("kind") or (actor.kind if actor and actor.kind else "actor")
        mentions.append(
            Mention(aid, m["start"], m["end"], m["text"], kind, "actors", actor_id=m.get("actor_id"))
        )
        taken.add((m["start"], m["end"]))
    for m in _items(doc, "ng_place_mentions"):
        key = (m["start"], m["end"])
        if key in taken:
            for mention in mentions:
                if (mention.start, mention.end) == key:
                    mention.place_id = m.get("place_id")
            continue
        mentions.append(
            Mention(aid, m["start"], m["end"], m["text"], "place", "places", place_id=m.get("place_id"))
        )
        taken.add(key)
    # Named entities stay mentions of their own (a name inside an actor phrase is still a
    # name: "Chris Lewis" in "Surrey captain Chris Lewis"), linked to the actor or place of
    # the stage mention that contains them. Only an entity a stage mention covers exactly,
    # or one that straddles a stage mention's edge, is left out.
    stage_mentions = list(mentions)
    places_ran = doc._.ng_place_mentions is not None
    for ent in doc.ents:
        kind = NER_KINDS.get(ent.label_)
        if kind is None:
            continue
        if kind == "place" and places_ran:
            # The places stage saw this entity and did not take it as a place.
            kind = "other"
        s, e = ent.start_char, ent.end_char
        if (s, e) in taken:
            continue
        inside = [m for m in stage_mentions if m.start <= s and e <= m.end]
        straddles = any(
            m.start < e and s < m.end and not (m.start <= s and e <= m.end)
            and not (s <= m.start and m.end <= e)
            for m in stage_mentions
        )
        if straddles:
            continue
        host = min(inside, key=lambda m: m.end - m.start) if inside else None
        mentions.append(
            Mention(
                aid, s, e, ent.text, kind, ent.label_,
                actor_id=host.actor_id if host else None,
                place_id=host.place_id if host else None,
            )
        )
    mentions.sort(key=lambda m: (m.start, m.end))

    dates = [from_dict(DateExpr, d, article_id=aid) for d in _items(doc, "ng_dates")]
    quotes = [from_dict(Quote, q, article_id=aid) for q in _items(doc, "ng_quotes")]
    events = [from_dict(Event, ev, article_id=aid) for ev in _items(doc, "ng_events")]
    return ArticleResult(
        article=article,
        sentences=sentences,
        mentions=mentions,
        actors=actors,
        places=places,
        dates=dates,
        quotes=quotes,
        events=events,
    )
