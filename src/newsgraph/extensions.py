"""Doc extensions through which newsgraph stages talk to each other.

Every value is plain data (dicts, lists, strings, numbers) so that it survives the Doc
serialization of ``nlp.pipe(n_process=N)``. Each stage writes only its own attributes and
reads earlier ones; a missing stage leaves its attributes at ``None``.

=====================  ==========================================================  ==========
attribute              value                                                       written by
=====================  ==========================================================  ==========
``ng_meta``            {"article_id", "published", "published_precision",         pipeline
                        "title", "source", "url"}
``ng_actors``          list of :class:`~newsgraph.records.Actor` dicts              actors
``ng_actor_mentions``  list of {"start", "end", "text", "actor_id", "kind"}         actors
``ng_places``          list of :class:`~newsgraph.records.Place` dicts              places
``ng_place_mentions``  list of {"start", "end", "text", "place_id"}                 places
``ng_dates``           list of :class:`~newsgraph.records.DateExpr` dicts           times
``ng_quotes``          list of :class:`~newsgraph.records.Quote` dicts              quotes
``ng_events``          list of :class:`~newsgraph.records.Event` dicts              events
=====================  ==========================================================  ==========

Offsets are character offsets into ``doc.text``; turn them into spans with
``doc.char_span(start, end, alignment_mode="expand")``.
"""

from __future__ import annotations

from spacy.tokens import Doc

DOC_EXTENSIONS: tuple[str, ...] = (
    "ng_meta",
    "ng_actors",
    "ng_actor_mentions",
    "ng_places",
    "ng_place_mentions",
    "ng_dates",
    "ng_quotes",
    "ng_events",
)


def register_extensions() -> None:
    """Register the newsgraph Doc extensions once (safe to call many times)."""
    for name in DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


register_extensions()
