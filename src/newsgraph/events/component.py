"""The ``newsgraph_events`` spaCy component: clauses -> PLOVER events.

For each sentence it finds trigger candidates with the lexicon (verbs, verb+particle,
verb+preposition, verb+object, event nouns), drops candidates that are only the content of
another speech act ("threatened to attack" is one THREATEN), fills source and target from
the dependency parse, rates certainty and attribution, attaches place and date, and writes
``doc._.ng_events``: a list of plain dicts keyed like :class:`newsgraph.records.Event`.

The component follows the stage contract (:class:`newsgraph.stage.Stage`): ``__init__``
stores the options, :meth:`EventsComponent.load_data` reads the data files named by
:meth:`EventsComponent.data_files` (the user's ``lexicon_path`` included, so a saved
pipeline carries it), :meth:`EventsComponent.find` returns an :class:`EventsResult` for one
document and keeps nothing of it, and :meth:`EventsComponent.set_annotations` writes it.

Where each part lives: :mod:`~newsgraph.events.candidates` (triggers),
:mod:`~newsgraph.events.clauses` (clause roles), :mod:`~newsgraph.events.draft`,
:mod:`~newsgraph.events.verb_roles` and :mod:`~newsgraph.events.noun_roles` (sources and
targets), :mod:`~newsgraph.events.coding` (category, mode, record),
:mod:`~newsgraph.events.setting` (place and date), :mod:`~newsgraph.events.build` (the
steps of one event and the document loop), :mod:`~newsgraph.events.resources` (data files).
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from newsgraph.events.arguments import ActorIndex
from newsgraph.events.build import document_events
from newsgraph.events.candidates import Candidate, find_candidates
from newsgraph.events.lexicon import Lexicon
from newsgraph.events.resources import EventsData, check_weights, data_files, load_events_data
from newsgraph.extensions import register_extensions
from newsgraph.stage import Stage

__all__ = ["Candidate", "EventsComponent", "EventsResult", "make_events"]


@dataclass
class EventsResult:
    """The events found in one document (plain dicts keyed like ``records.Event``)."""

    events: list[dict[str, Any]] = field(default_factory=list)


class EventsComponent(Stage[EventsResult]):
    """Codes PLOVER events; see the module docstring."""

    stage = "events"

    def __init__(
        self,
        nlp: Language,
        name: str = "newsgraph_events",
        *,
        lexicon_path: str | None = None,
        min_confidence: float = 0.0,
        weights: dict[str, float] | None = None,
    ) -> None:
        super().__init__(nlp, name)
        register_extensions()
        self.lexicon_path = lexicon_path
        self.min_confidence = min_confidence
        # overrides of the confidence weights of data/words.yaml, checked now
        self.weights = check_weights(weights)

    # data ----------------------------------------------------------------------------
    def data_files(self) -> dict[str, Path | None]:
        return data_files(self.lexicon_path)

    def load_data(self, files: dict[str, Path | None]) -> EventsData:
        data = load_events_data(files, self.weights)
        if not len(data.lexicon):
            warnings.warn(
                "newsgraph_events: the trigger lexicon is empty; no events will be coded",
                stacklevel=2,
            )
        return data

    @property
    def lexicon(self) -> Lexicon:
        """The trigger lexicon in use."""
        lexicon: Lexicon = self.data.lexicon
        return lexicon

    # processing ----------------------------------------------------------------------
    def find(self, doc: Doc) -> EventsResult:
        return EventsResult(document_events(doc, self.data, self.min_confidence))

    def set_annotations(self, doc: Doc, result: EventsResult) -> None:
        doc._.ng_events = result.events

    def candidates(self, sent: Span, index: ActorIndex | None = None) -> list[Candidate]:
        """Trigger candidates of one sentence, after dropping the content of speech acts."""
        return find_candidates(sent, self.data, index)

    def extract(self, doc: Doc) -> list[dict[str, Any]]:
        """The events of a parsed document."""
        return self.find(doc).events


@Language.factory(
    "newsgraph_events",
    # weights: overrides of the confidence weights in data/words.yaml ("verb", "noun",
    # "modal_demand", "inherited_source", "no_source", "floor")
    default_config={"lexicon_path": None, "min_confidence": 0.0, "weights": {}},
    assigns=["doc._.ng_events"],
    # what the events read: the earlier stages' output when they ran (each is optional:
    # spaCy's entities stand in for actors and places), the article's date, and the parse
    requires=[
        "doc._.ng_actors",
        "doc._.ng_actor_mentions",
        "doc._.ng_places",
        "doc._.ng_place_mentions",
        "doc._.ng_dates",
        "doc._.ng_quotes",
        "doc._.ng_meta",
        "doc.ents",
        "doc.sents",
        "token.dep",
        "token.head",
        "token.pos",
        "token.tag",
        "token.lemma",
        "token.ent_type",
    ],
)
def make_events(
    nlp: Language,
    name: str,
    lexicon_path: str | None,
    min_confidence: float,
    weights: dict[str, float] | None = None,
) -> EventsComponent:
    return EventsComponent(
        nlp, name, lexicon_path=lexicon_path, min_confidence=min_confidence, weights=weights
    )
