"""A detected toponym, as detection hands it to resolution."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Found:
    """A detected toponym (character offsets into the document)."""

    start: int
    end: int
    text: str
    label: str  # NER label, or "gazetteer" for a repair
    region_cue: bool = False  # followed by an administrative word ("the Kursk region")
    parent: int | None = None  # index of a containing place named right after it
    agent: bool = False  # a country or capital acting as a political actor
    # a street, building or road ("North Bedford Drive", "Barclays Center", "the A417"),
    # whatever found it: it lies in a town, not in a far place it is named after
    built: bool = False
    # a name ending with a street word ("Hampton Avenue"), given or found
    street: bool = False
