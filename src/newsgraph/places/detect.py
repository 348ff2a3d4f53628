"""Finding toponyms: spaCy's GPE/LOC/FAC entities, repaired with the gazetteer.

The small English model misses many place names or gives them another label (a town tagged
as a person, a region as a nationality). A name that the gazetteer knows is taken as a place
when the text around it says so: a locative preposition before it ("in", "near",
"outside"), an administrative word after it ("region", "oblast", "county"), a containing
place after it ("Guyevo in the Kursk region", "Kyiv, Ukraine"), or the same name already
found as a place elsewhere in the document. Capitalization is required; a word the document
also uses in lower case is a common noun, not a name.
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.places.built import BuiltEnvironment
from newsgraph.places.constants import (  # noqa: F401 - re-exported
    AREA_NOUNS,
    DATELINE_DASHES,
    GEO_LABELS,
    LEADING_DROP,
    LIST_KM,
    LIST_SEPARATORS,
    LOWER_CASE_CIVIC,
    NAME_PARTICLES,
    ORG_REGION_WORDS,
    PREFIX_LABELS,
    REPAIR_LABELS,
    SCHOOL_LEVELS,
    SKIP_LABELS,
    STRONG_CUES,
)
from newsgraph.places.found import Found
from newsgraph.places.gazetteer import km
from newsgraph.places.lists import Lists
from newsgraph.places.scan import find_places

__all__ = ["Detector", "Found"]


class Detector(BuiltEnvironment, Lists):
    """Finds the toponyms of a document: the name tests (:mod:`.names`), cues
    (:mod:`.cues`), streets and buildings (:mod:`.built`), lists (:mod:`.lists`) and the
    scan that applies them (:mod:`.scan`). :meth:`near_each_other` stays here: it reads
    this module's ``LIST_KM`` (the packaged value), which tests patch."""

    def near_each_other(self, name: str, partner: str) -> bool:
        """Some place named ``name`` lies beside some place named ``partner``: inside it or
        in the same country when the partner is a country (or both are countries), else
        within ``LIST_KM`` of it. Names listed together are places of one area ("Paris and
        Roxton" in Texas); "Brown and Jordan" are people."""
        # the weight ``list_km`` when the component config sets it, else this module's
        # LIST_KM (the packaged data/weights.yaml value)
        limit = LIST_KM if self.list_km is None else self.list_km
        mine = [e for e, _k in self.gaz.lookup(name)]
        for p, _k in self.gaz.lookup(partner):
            for e in mine:
                if p.feature == "country" or e.feature == "country":
                    if e.country == p.country or (
                        e.feature == "country" and p.feature == "country"
                    ):
                        return True
                elif (
                    e.lat is not None and p.lat is not None and e.lon is not None
                    and p.lon is not None
                    and km(e.lat, e.lon, p.lat, p.lon) <= limit
                ):
                    return True
        return False

    def find(self, doc: Doc) -> list[Found]:
        return find_places(self, doc)
