"""Candidate mentions: what the find step hands to the resolve step (coref).

Kept apart from the component so that coref can use the ``Cand`` type without importing
the component (which imports coref).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc

from newsgraph.actors.countries import country_name
from newsgraph.actors.dictionary import Entry

NOUN_POS = frozenset({"NOUN", "PROPN"})
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "poss", "npadvmod"})
INDEFINITE = frozenset({"a", "an", "some", "any", "several", "many", "few", "no", "another"})
NOT_PERSON_ENTS = frozenset(
    {"ORG", "FAC", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "NORP"}
)
MAX_COUNTRY_TOKENS = 5
MAX_DICT_TOKENS = 7


@dataclass
class Cand:
    """A candidate mention: a stretch of text and what the text says about its actor."""

    start: int  # token offsets, end exclusive
    end: int
    head: int  # the token that carries the syntax (dep, sentence)
    name: str
    kind: str  # person | organization | state | group | pronoun
    country: str | None = None
    sector: str | None = None
    entry: Entry | None = None
    role: str | None = None
    person_name: tuple[str, ...] = ()
    titled_only: bool = False  # "the president", "the foreign minister": a title, no name
    definite: bool = False
    key: tuple[Any, ...] | None = None
    poss_pronoun: int | None = None  # token of "his" in "his country's troops"
    rule: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


def state_cand(doc: Doc, start: int, end: int, head: int, iso3: str, rule: str) -> Cand:
    """A country acting as itself ("Russia", "an Indian proposal"), keyed as that state."""
    name = country_name(iso3) or doc[start:end].text
    cand = Cand(start, end, head, name, "state", iso3, None, rule=rule, definite=True)
    cand.key = ("state", iso3)
    return cand
