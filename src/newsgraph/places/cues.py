"""Cues: the words around a name that say it is a place.

A locative preposition before it ("in", "near", "outside"), an administrative word after it
("region", "county"), a local noun after it ("Roselle police"), a containing place after it
("Guyevo in the Kursk region", "Kyiv, Ukraine"), a dateline, the patterns of news copy
("R-Marshall", "Northbrook-based"), and organizations named after their place ("Madison
County Sheriff's Office").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.language.syntax import is_dateline
from newsgraph.places.constants import (
    AREA_NOUNS,
    LEADING_DROP,
    LOWER_CASE_CIVIC,
    ORG_REGION_WORDS,
    STRONG_CUES,
)
from newsgraph.places.names import NameTests


class Cues(NameTests):
    """The cue rules (on top of the name tests)."""

    def _prev_word(self, doc: Doc, i: int) -> Token | None:
        j = i - 1
        while j >= 0 and (doc[j].lower_ in LEADING_DROP or doc[j].lower_ in self.directions):
            j -= 1
        return doc[j] if j >= 0 else None

    def region_after(self, doc: Doc, end: int) -> bool:
        return end < len(doc) and self.is_region_word(doc[end])

    def civic_after(self, doc: Doc, end: int) -> bool:
        """A local noun follows the name: "Roselle police", "an Alexandria woman"."""
        if end < len(doc) - 1 and doc[end].lower_ in {"'s", "’s"}:
            end += 1  # "Pataskala's mayor"
        if end >= len(doc):
            return False
        nxt = doc[end]
        # "the Dover area", "Pataskala zoning", "Groton town officials": an institution word
        # written in lower case after the name is a common noun about the place
        if nxt.lower_ in LOWER_CASE_CIVIC:
            return nxt.is_lower  # "a Durban court", not "the Supreme Court"
        return nxt.lower_ in self.civic or (nxt.is_lower and nxt.lower_ in self.institution)

    def container_after(self, doc: Doc, end: int) -> int | None:
        """Token index where a containing place starts right after the name, if any:
        "X, Y" or "X in (the) Y"."""
        if end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].text[:1].isupper():
            return end + 1
        if end + 1 < len(doc) and doc[end].lower_ in {"in", "near", "of"}:
            j = end + 1
            if j < len(doc) and doc[j].lower_ == "the":
                j += 1
            if j < len(doc) and doc[j].text[:1].isupper():
                return j
        return None

    def contained(self, inner: str, outer: str) -> bool:
        """Some place named ``inner`` lies inside some place named ``outer``."""
        outers = [e for e, _k in self.gaz.lookup(outer)]
        if not outers:
            return False
        countries = {e.country for e in outers if e.feature == "country"}
        regions = {e.admin1_key for e in outers if e.feature != "country" and e.admin1_key}
        for e, _k in self.gaz.lookup(inner):
            if e.feature == "country":
                continue
            if e.country in countries or (e.admin1_key and e.admin1_key in regions):
                return True
        return False

    def dateline(self, doc: Doc, start: int, end: int) -> bool:
        """A dateline: a name in capitals opening a line or the text, then a comma or dash
        ("BEIRUT, Lebanon -", "COLUMBUS (AP) -"), or a known name in any case opening a line
        before a comma and a dash ("Kyiv, Ukraine -"); see
        :func:`newsgraph.language.syntax.is_dateline`."""
        if is_dateline(doc, start, end, shape="capitals", known=self.gaz.has):
            return True
        # the comma shape in mixed case: the name, then a country or first-level region
        # ("Kyiv, Ukraine -", "Salina, Kansas -"), then a dash before any verb
        if end + 1 >= len(doc) or doc[end].text != "," or not self.gaz.has(doc[start:end].text):
            return False
        area = next((k for k in range(end + 2, min(end + 5, len(doc)) + 1)
                     if self._names_big_area(doc[end + 1 : k].text)), None)
        return area is not None and is_dateline(doc, start, end, shape="comma")

    def affix_cue(self, doc: Doc, start: int, end: int) -> bool:
        """Patterns of news copy that mark a town: a legislator's "R-Marshall", a company's
        "Northbrook-based", a person's "Rebecca Sears, 41, of Grovetown"."""
        if start >= 2 and doc[start - 1].text == "-" and doc[start - 2].text in self.party:
            return start == 2 or doc[start - 3].text in {",", "("}
        if end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ == "based":
            return True
        if start >= 2 and doc[start - 1].lower_ == "of":
            before = doc[start - 2]
            if before.text == "," and start >= 3 and doc[start - 3].ent_type_ == "PERSON":
                return True  # "said Amstutz, of Wooster"
            return before.ent_type_ == "PERSON" or (
                before.text == ","
                and start >= 4
                and doc[start - 3].like_num
                and doc[start - 4].text == ","
            )
        return False

    def has_cue(self, doc: Doc, start: int, end: int, *, strong: bool = False) -> bool:
        """Locative evidence around doc[start:end]; ``strong``: only "in"/"near"-like
        prepositions count (for names the model took as persons)."""
        if self.dateline(doc, start, end) or self.affix_cue(doc, start, end):
            return True
        if end - start > 1 and self.is_region_word(doc[end - 1]):
            return True  # the name carries its own region word: "Walker County"
        if self.feature_only(doc[start:end].text):
            return True  # "the Cauvery", "Lake Cumberland"
        if (
            start > 0
            and doc[start - 1].text[:1].isupper()
            and doc[start - 1].lower_ in self.directions
            and self._names_place(doc[start:end].text)
        ):
            return True  # "East Texas", "Northeast Georgia", "Western Pennsylvania"
        prev = self._prev_word(doc, start)
        cues = STRONG_CUES if strong else self.cues
        if prev is not None and prev.lower_ in cues:
            return True
        if (
            start > 1
            and doc[start - 1].lower_ == "of"
            and doc[start - 2].lower_ in self.settlements
        ):
            return True  # "the town of Samarra", "the port city of Hodeidah"
        if end < len(doc) and doc[end].text == "&":
            return False
        if (
            start > 0
            and doc[start - 1].lower_ in self.settlements
            and doc[start - 1].is_lower
            and doc[start - 1].lower_ not in AREA_NOUNS
        ):
            return True  # "the Sri Lankan capital Colombo", "the village Guyevo"
        if start > 1 and doc[start - 1].lower_ == "of" and doc[start].ent_iob_ != "I" and (
            doc[start - 2].lower_ in self.directions or doc[start - 2].ent_type_ == "ORG"
            or doc[start - 2].is_digit
        ):
            return True  # "north of Moorhead", "Ballet Arts of Jackson", "Pack 136 of Madison"
        if start > 1 and doc[start - 1].lower_ == "to" and any(
            t.lower_ == "from" for t in doc[max(0, start - 8) : start - 1]
        ):
            return True  # "from Grant County to Nitro"
        if start > 0 and doc[start - 1].lower_ == "to" and (
            doc[start - 1].head.lemma_.lower() in self.motion
            and doc[start].text[:1].isupper() and doc[start].pos_ == "PROPN"
        ):
            return True  # "driving to Castlegar", "moved to Middlestown"
        if self.region_after(doc, end) or self.civic_after(doc, end):
            return True
        j = self.container_after(doc, end)
        if j is not None:
            k = j
            while k < len(doc) and doc[k].text[:1].isupper() and k - j < 4:
                k += 1
            # the containing place must contain a place of this name ("Guyevo in the Kursk
            # region"), which rules out "Police in Alexandria"
            if self.contained(doc[start:end].text, doc[j:k].text):
                return True
        return False

    def place_prefix(
        self, doc: Doc, s: int, e: int, prefixes: list[tuple[int, int]] | None = None
    ) -> bool:
        """An organization named after its place ("Madison County Sheriff's Office",
        "University of Malta", "Air France"): remember the place at its start or end (in
        ``prefixes``; :attr:`prefixes` when left out)."""
        if prefixes is None:
            prefixes = self.prefixes
        for length in range(min(4, e - s - 1), 0, -1):
            name = doc[s : s + length].text
            if doc[s + length - 1].text[:1].isupper() and (
                self._names_place(name)
                # "Loudon Co. man", "Pott Co." (the model's ORG): a name and its region word
                or (self.is_region_word(doc[s + length]) and self.gaz.has(name)
                    and doc[s + length].lower_ not in ORG_REGION_WORDS
                    and name not in self.common)
                or (
                    (self.civic_after(doc, s + length) or doc[s + length].lower_ in self.institution)
                    and self.known(name, strong=True)
                    and not self.is_demonym(name)
                )
            ):
                prefixes.append((s, s + length))
                return True
        for length in range(min(4, e - s - 1), 0, -1):
            start = e - length
            # a town ending a brand's name is no place ("Taco Bell"); a country, a region, a
            # city or a place after "of" is ("Air France", "University of Malta")
            if doc[start].text[:1].isupper() and self._names_place(doc[start:e].text) and (
                doc[start - 1].lower_ in {"of", "de"}
                or self._names_big_place(doc[start:e].text)
                or self.feature_only(doc[start:e].text)
            ):
                prefixes.append((start, e))
                return True
        # a country or first-level region inside the name ("SME Mauritius Limited",
        # "HSBC Bank Malta plc")
        for start in range(s + 1, e - 1):
            for length in range(min(3, e - 1 - start), 0, -1):
                name = doc[start : start + length].text
                if doc[start].text[:1].isupper() and self._names_big_area(name):
                    prefixes.append((start, start + length))
                    return True
        return False

    def town_prefix(
        self,
        doc: Doc,
        s: int,
        e: int,
        person_words: set[str],
        prefixes: list[tuple[int, int]] | None = None,
    ) -> bool:
        """A name the model took for a person that opens with a known town and goes on with
        an institution word ("Huntsville Fire Chief", "Litchfield Fire", "Tega Cay Fire
        Department"): remember the town (in ``prefixes``; :attr:`prefixes` when left out)."""
        if prefixes is None:
            prefixes = self.prefixes
        for length in range(min(3, e - s - 1), 0, -1):
            name = doc[s : s + length].text
            nxt = doc[s + length]
            if (
                nxt.text[:1].isupper()
                and (nxt.lower_ in self.institution or nxt.lower_ in self.civic)
                and name not in person_words
                and self.known(name, strong=True)
                and not self.is_demonym(name)
            ):
                prefixes.append((s, s + length))
                return True
        return False

    def region_apposition(self, doc: Doc, start: int, end: int) -> bool:
        """A region after a capitalized name and a comma: "Knockhill, Fife", "New Quay,
        Ceredigion" (a first- or second-level region of that name, a list's item or the
        end of a clause after it)."""
        if start < 2 or doc[start - 1].text != "," or not doc[start - 2].text[:1].isupper():
            return False
        if doc[start - 2].ent_type_ == "PERSON":
            return False  # "Helen, Clarence, Irene": a list of people
        if end < len(doc) and not (doc[end].is_punct or doc[end].lower_ in {"and", "or"}):
            return False
        return self._own_name_of(doc[start:end].text, {"admin1", "admin2"})
