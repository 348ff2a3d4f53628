"""Places: toponyms in the text resolved to GeoNames places with an embedded gazetteer.

Importing this package registers the spaCy factory ``newsgraph_places``. It writes
``doc._.ng_places`` (Place dicts, see :class:`newsgraph.records.Place`) and
``doc._.ng_place_mentions`` ({"start", "end", "text", "place_id", "role"}; ``role`` is
"place", or "agent" for a country or capital acting as a political actor).

Where things are: ``component`` (the stage and its factory), ``geoparser`` (detection and
resolution over one gazetteer; per-document results), detection in ``detect`` (the
Detector) built from ``names``, ``cues``, ``built`` (streets, roads, buildings), ``lists``
and ``scan``; resolution in ``resolve`` (the Resolver) built from ``context``, ``ranking``
and ``readings``, with the tuned numbers in ``weights`` (``data/weights.yaml``); word lists
in ``constants`` (``data/word_lists.yaml``); the gazetteer in ``gazetteer``, ``entry``,
``tables`` (data file readers, with their checks) and ``index_build`` (``geonames`` builds
from a GeoNames dump). Name keys, datelines and the country table come from the shared
``newsgraph.language`` layer.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from newsgraph.places.component import Geoparser, PlacesComponent, PlacesResult, make_places
from newsgraph.places.gazetteer import load_gazetteer

__all__ = [
    "Geoparser",
    "PlacesComponent",
    "PlacesResult",
    "make_places",
    "load_gazetteer",
    "resolve_spans",
    "place_in_span",
]

_DEFAULT: Geoparser | None = None


def _default() -> Geoparser:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Geoparser(load_gazetteer())
    return _DEFAULT


def resolve_spans(doc: Doc, spans: list[tuple[int, int]]) -> list[dict[str, Any] | None]:
    """Resolve the given character spans of ``doc`` (e.g. gold toponyms) to Place dicts, with
    the same ranking and document context as the component; None where nothing matches."""
    return _default().resolve_spans(doc, spans)


def place_in_span(doc: Doc, start: int, end: int) -> dict[str, Any] | None:
    """The most specific place mentioned inside characters [start, end) of an annotated doc
    (a town before a district before a region or country); agents are skipped."""
    places = {p["id"]: p for p in doc._.ng_places or []}
    best: tuple[int, int, dict[str, Any]] | None = None
    for m in doc._.ng_place_mentions or []:
        if m.get("role") == "agent" or not m.get("place_id"):
            continue
        if m["start"] < start or m["end"] > end:
            continue
        p = places.get(m["place_id"])
        if p is None:
            continue
        key = (p.get("precision") or 3, m["start"])
        if best is None or key < best[:2]:
            best = (key[0], key[1], p)
    return best[2] if best else None
