"""The per-document state of the events stage.

Nothing about one document is kept on the component:
:func:`newsgraph.events.build.doc_context` gathers what a document's events need (its actor
index, quotes, place mentions and dateline) into a :class:`DocContext`, and each sentence
gets a :class:`SentenceContext` with the triggers found in it and the events already built
from them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Span

from newsgraph.events.arguments import ActorIndex
from newsgraph.events.resources import EventsData


@dataclass
class DocContext:
    """One document: its parse and what the earlier stages found in it."""

    doc: Doc
    data: EventsData
    index: ActorIndex
    quotes: list[dict[str, Any]]
    places: list[dict[str, Any]]
    dateline: dict[str, Any] | None


@dataclass
class SentenceContext:
    """One sentence of a document: its trigger tokens and the events built so far."""

    ctx: DocContext
    sent: Span
    found: set[int] = field(default_factory=set)
    done: dict[int, dict[str, Any]] = field(default_factory=dict)

    @property
    def data(self) -> EventsData:
        return self.ctx.data

    @property
    def index(self) -> ActorIndex:
        return self.ctx.index


__all__ = ["DocContext", "EventsData", "SentenceContext"]
