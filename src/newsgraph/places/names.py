"""Gazetteer tests on a name: is it a place the gazetteer knows, and of what kind.

:class:`NameTests` holds the detector's word lists (from ``data/region_terms.json``) and
the tests every detection rule shares: a known name, a country's or a region's own name, a
nationality word, a short form of a country ("US", "EU").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from newsgraph.places.gazetteer import (
    NAME_ABBR,
    NAME_ALT,
    NAME_CODE,
    NAME_OWN,
    Gazetteer,
    abbreviation_fits,
)
from newsgraph.places.weights import Weights, load_weights


class NameTests:
    """The detector's data (gazetteer, word lists, weights) and its tests on names."""

    def __init__(
        self,
        gaz: Gazetteer,
        terms: dict[str, list[str]],
        common: set[str] | None = None,
        weights: Weights | None = None,
    ) -> None:
        self.gaz = gaz
        # population thresholds of the name tests (data/weights.yaml)
        self.w = weights or load_weights()
        self.common = common or set()
        self.admin_terms = {t.lower() for t in terms["admin_terms"]}
        self.cues = {t.lower() for t in terms["locative_cues"]} - {"of", "to"}
        self.directions = {t.lower() for t in terms["direction_words"]}
        self.demonym_suffixes = tuple(terms.get("demonym_suffixes", []))
        # nationality words of peoples that are no country ("English", "Kurdish")
        self.nation_words = {t.lower() for t in terms.get("nation_words", [])}
        self.civic = {t.lower() for t in terms.get("civic_nouns", [])}
        self.settlements = {t.lower() for t in terms.get("settlement_nouns", [])}
        self.institution = {t.lower() for t in terms.get("institution_words", [])}
        self.party = set(terms.get("party_letters", []))
        self.short_names = set(terms.get("short_names", []))
        self.street_words = set(terms.get("street_words", []))
        self.street_lower = {t.lower() for t in self.street_words}
        self.motion = {t.lower() for t in terms.get("motion_verbs", [])}
        self.building_words = set(terms.get("building_words", []))
        self.address_words = set(terms.get("address_street_words", []))
        self.facility_words = set(terms.get("facility_words", []))
        pattern = str(terms.get("road_number_pattern") or "")  # one string, not a list
        self.road_number = re.compile(pattern) if pattern else None
        self.road_context = {t.lower() for t in terms.get("road_context_words", [])}
        self.facility_preps = {t.lower() for t in terms.get("facility_prepositions", [])}
        # where place_prefix and town_prefix record a place when called directly, with no
        # list of their own (find() hands each document its own list; nothing of a document
        # is kept here)
        self.prefixes: list[tuple[int, int]] = []
        # when set, nationality words ("Russian") are reported as their country
        self.nationality: Callable[[str], str | None] | None = None
        # the actors stage's test for nationality words, when installed: "Canadian" is a
        # nationality word even though towns in Texas and Victoria carry the name
        self.demonym_word: Callable[[str], bool] | None = None
        # the distance of a listed name to its partner (km) set through the component
        # config's weights; None: the packaged value
        self.list_km: float | None = None

    def known(self, text: str, *, strong: bool = False) -> bool:
        """The gazetteer has a place of this name (``strong``: its own name, or an alias of a
        country, subdivision or sizeable town)."""
        if not text or not text[0].isupper() or (strong and text in self.common):
            return False
        for e, kind in self.gaz.lookup(text):
            if kind == NAME_OWN:
                return True
            if kind == NAME_CODE and text.replace(".", "").isupper():
                return True
            if kind == NAME_ABBR and abbreviation_fits(text, e):
                return True
            if kind == NAME_ALT and (e.feature != "city" or e.population >= self.w.alias_town_population or not strong):
                return True
        return False

    def _names_place(self, text: str) -> bool:
        if text in self.common:
            return False
        for ent, kind in self.gaz.lookup(text):
            fits = (
                kind == NAME_OWN
                or (kind == NAME_CODE and text.replace(".", "").isupper())
                or (kind == NAME_ABBR and abbreviation_fits(text, ent))
            )
            if fits and (
                ent.feature in {"country", "admin1", "admin2"}
                or ent.population >= self.w.named_place_population
            ):
                return True
        return self.feature_only(text)

    def feature_only(self, text: str) -> bool:
        """Every place of this name is a sea, river, mountain range or named region of the
        team table ("Cauvery", "Eastern Ghouta", "Lake Michigan"): no town or person is
        likely meant, so no cue is needed."""
        if text in self.common or not text[:1].isupper():
            return False
        entries = [e for e, kind in self.gaz.lookup(text) if kind in (NAME_OWN, NAME_ALT)]
        return bool(entries) and all(e.in_table for e in entries)

    def _names_big_place(self, text: str) -> bool:
        return any(
            kind == NAME_OWN
            and (e.feature in {"country", "admin1"} or e.population >= self.w.big_place_population)
            for e, kind in self.gaz.lookup(text)
        )

    def _names_country(self, text: str) -> bool:
        """A country's own name ("Armenia", "Kazakhstan"): a place wherever it stands
        alone, cue or none ("the President of Armenia")."""
        return self._own_name_of(text, {"country"})

    def _names_big_area(self, text: str) -> bool:
        return self._own_name_of(text, {"country", "admin1"})

    def _own_name_of(self, text: str, features: set[str]) -> bool:
        """``text`` is no common word and is the own name of a place of one of ``features``."""
        return text not in self.common and any(
            kind == NAME_OWN and e.feature in features for e, kind in self.gaz.lookup(text)
        )

    def is_region_word(self, tok: Token) -> bool:
        return tok.lower_ in self.admin_terms

    def is_demonym(self, text: str) -> bool:
        if text.lower().startswith("the "):
            text = text[4:]  # "the Atlantic Ocean" is judged as "Atlantic Ocean"
        if self.demonym_word is not None and self.demonym_word(text):
            return True
        low = text.lower()
        if low in self.nation_words:
            return True
        return low.endswith(self.demonym_suffixes) and not self.known(text, strong=True)

    def short_name_at(self, doc: Doc, start: int, end: int) -> bool:
        """doc[start:end] is a short form of a country or union ("US", "EU", "DPRK") that the
        gazetteer knows, outside a run of capitals (a headline in capitals, "US BANCORP")."""
        text = doc[start:end].text
        if text not in self.short_names or not self.gaz.has(text):
            return False
        for j in (start - 1, end):
            if 0 <= j < len(doc) and doc[j].is_upper and doc[j].is_alpha and len(doc[j]) > 1:
                return False
        return True

    @staticmethod
    def headline_repeated(doc: Doc, span: Span) -> bool:
        """The text opens with the name and the next sentence opens with it again, and the
        model never took it for a person or an organization: a local paper's headline and
        lead about its town ("Hagerstown advances to state meet. Hagerstown advanced…")."""
        # at the very start, or after a section label ("Boys basketball: Winchester ousted…")
        if span.start != 0 and not (span.start <= 6 and doc[span.start - 1].text == ":"):
            return False
        nxt = span.sent.end
        n = len(span)
        if nxt + n > len(doc) or doc[nxt : nxt + n].text != span.text:
            return False
        return not any(
            ent.label_ in {"PERSON", "ORG"} and ent.text == span.text for ent in doc.ents
        )
