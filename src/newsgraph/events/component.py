"""The ``newsgraph_events`` spaCy component: clauses -> PLOVER events.

For each sentence it finds trigger candidates with the lexicon (verbs, verb+particle,
verb+preposition, verb+object, event nouns), drops candidates that are only the content of
another speech act ("threatened to attack" is one THREATEN), fills source and target from
the dependency parse, rates certainty and attribution, attaches place and date, and writes
``doc._.ng_events``: a list of plain dicts keyed like :class:`newsgraph.records.Event`.

Where each part lives: :mod:`~newsgraph.events.candidates` (triggers),
:mod:`~newsgraph.events.clauses` (clause roles), :mod:`~newsgraph.events.draft`,
:mod:`~newsgraph.events.verb_roles` and :mod:`~newsgraph.events.noun_roles` (sources and
targets), :mod:`~newsgraph.events.coding` (category, mode, record),
:mod:`~newsgraph.events.setting` (place and date), :mod:`~newsgraph.events.build` (the
steps of one event and the document loop).
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from newsgraph.events.arguments import ActorIndex
from newsgraph.events.build import document_events
from newsgraph.events.candidates import Candidate, find_candidates
from newsgraph.events.resources import data_files, load_events_data
from newsgraph.extensions import register_extensions
from newsgraph.stage import guarded

__all__ = ["Candidate", "EventsComponent", "make_events"]


class EventsComponent:
    """Codes PLOVER events; see the module docstring."""

    def __init__(
        self,
        nlp: Language,
        name: str = "newsgraph_events",
        *,
        lexicon_path: str | None = None,
        min_confidence: float = 0.0,
    ) -> None:
        register_extensions()
        self.name = name
        self.data = load_events_data(data_files(lexicon_path))
        self.lexicon = self.data.lexicon
        self.min_confidence = min_confidence
        if not len(self.lexicon):
            import warnings

            warnings.warn(
                "newsgraph_events: the trigger lexicon is empty; no events will be coded",
                stacklevel=2,
            )

    @guarded("events")
    def __call__(self, doc: Doc) -> Doc:
        doc._.ng_events = self.extract(doc)
        return doc

    def candidates(self, sent: Span, index: ActorIndex | None = None) -> list[Candidate]:
        """Trigger candidates of one sentence, after dropping the content of speech acts."""
        return find_candidates(sent, self.data, index)

    def extract(self, doc: Doc) -> list[dict[str, Any]]:
        """The events of a parsed document."""
        return document_events(doc, self.data, self.min_confidence)


@Language.factory(
    "newsgraph_events",
    default_config={"lexicon_path": None, "min_confidence": 0.0},
    assigns=["doc._.ng_events"],
)
def make_events(
    nlp: Language, name: str, lexicon_path: str | None, min_confidence: float
) -> EventsComponent:
    return EventsComponent(nlp, name, lexicon_path=lexicon_path, min_confidence=min_confidence)
