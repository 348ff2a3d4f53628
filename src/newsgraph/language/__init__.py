"""The shared language layer: what stages know about English, written once.

Stages (actors, places, times, quotes, events) talk to each other only through Doc
extensions (``doc._.ng_*``) and this package; it imports nothing from them.

- :mod:`newsgraph.language.countries` — the one country/demonym/capital table.
- :mod:`newsgraph.language.syntax` — sentence index, clause head, subject of a verb, word
  forms, datelines.
- :mod:`newsgraph.language.text` — the one text normalizer and its keys (word, country,
  place name).
"""

from __future__ import annotations

from newsgraph.language.countries import (
    CountryTable,
    CountryWord,
    country_name,
    country_of,
    is_demonym,
    lookup,
    loose_country_of,
)
from newsgraph.language.syntax import (
    ACTOR_RULES,
    SPEAKER_RULES,
    SubjectRules,
    clause_head,
    dateline_mention,
    is_dateline,
    sentence_bounds,
    sentence_index,
    subject_of,
    word_forms,
)
from newsgraph.language.text import Normalizer, country_key, fold, place_key

__all__ = [
    "ACTOR_RULES",
    "SPEAKER_RULES",
    "CountryTable",
    "CountryWord",
    "Normalizer",
    "SubjectRules",
    "clause_head",
    "country_key",
    "country_name",
    "country_of",
    "dateline_mention",
    "fold",
    "is_dateline",
    "is_demonym",
    "lookup",
    "loose_country_of",
    "place_key",
    "sentence_bounds",
    "sentence_index",
    "subject_of",
    "word_forms",
]
