"""Human-readable evidence for the events of one article.

``explain_doc(result)`` takes an :class:`~newsgraph.records.ArticleResult` (records, no spaCy
objects) and returns text: per event, the sentence with the trigger, sources and targets
marked, then category, rule, certainty, claimant, place, date and items.

Markers: ``[[trigger]]``, ``{source}``, ``<target>``.
"""

from __future__ import annotations

from typing import Any

from newsgraph.records import ArticleResult, Event


def _actors(items: list[dict[str, Any]]) -> str:
    parts = []
    for a in items:
        extra = "/".join(str(x) for x in (a.get("country"), a.get("sector")) if x)
        parts.append(f"{a.get('name')}" + (f" ({extra})" if extra else ""))
    return ", ".join(parts) if parts else "-"


def mark_sentence(event: Event) -> str:
    """The event's sentence with its trigger, sources and targets marked."""
    sent = event.sentence or {}
    text = str(sent.get("text") or "").replace("\n", " ")
    base = int(sent.get("start") or 0)
    marks: list[tuple[int, int, str, str]] = []
    trig = event.trigger or {}
    if isinstance(trig.get("start"), int):
        marks.append((trig["start"] - base, trig["end"] - base, "[[", "]]"))
    for items, left, right in ((event.sources, "{", "}"), (event.targets, "<", ">")):
        for a in items:
            if isinstance(a.get("start"), int) and isinstance(a.get("end"), int):
                s, e = a["start"] - base, a["end"] - base
                if 0 <= s < e <= len(text):
                    marks.append((s, e, left, right))
    # insert from the end so earlier offsets stay valid; skip overlapping marks
    out = text
    taken: list[tuple[int, int]] = []
    for s, e, left, right in sorted(marks, key=lambda m: (-m[0], m[1])):
        if not (0 <= s < e <= len(text)) or any(s < te and ts < e for ts, te in taken):
            continue
        taken.append((s, e))
        out = out[:s] + left + out[s:e] + right + out[e:]
    return out


def explain_event(event: Event, number: int | None = None) -> str:
    head = f"#{number} " if number is not None else ""
    mode = f"/{event.mode}" if event.mode else ""
    lines = [
        f"{head}{event.category}{mode}  (CAMEO {event.cameo_root or '-'}, quad {event.quad_class},"
        f" intensity {event.intensity})",
        f"  {mark_sentence(event)}",
        f"  source:    {_actors(event.sources)}",
        f"  target:    {_actors(event.targets)}",
        f"  rule:      {event.rule}",
        f"  certainty: {event.certainty}"
        + (f", claimed by {event.claimed_by.get('name')}" if event.claimed_by else ""),
    ]
    if event.place:
        lines.append(
            f"  place:     {event.place.get('name')} ({event.place.get('country') or '?'})"
        )
    if event.date:
        lines.append(f"  date:      {event.date} ({event.date_precision})")
    if event.items:
        lines.append(f"  items:     {'; '.join(event.items)}")
    if event.confidence is not None:
        lines.append(f"  confidence: {event.confidence}")
    return "\n".join(lines)


def explain_doc(result: ArticleResult) -> str:
    """Per event of the article: marked sentence and the reasons it was coded."""
    art = result.article
    title = f"{art.id}" + (f" - {art.title}" if art.title else "")
    if not result.events:
        return f"{title}\n(no events: no trigger of the lexicon matched with an actor)"
    blocks = [f"{title}\n{len(result.events)} event(s); [[trigger]] {{source}} <target>"]
    for i, ev in enumerate(result.events, 1):
        blocks.append(explain_event(ev, i))
    return "\n\n".join(blocks)
