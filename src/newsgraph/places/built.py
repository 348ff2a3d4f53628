"""The built environment: streets, roads, buildings and facilities.

A run of capitalized words ending with a street or building word ("Royal Street", "Barclays
Center"), a road number in a sentence about traffic ("the A417"): places inside a town,
whatever the model tagged them.
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.places.constants import LEADING_DROP, SKIP_LABELS
from newsgraph.places.cues import Cues


class BuiltEnvironment(Cues):
    """Streets, roads and buildings (on top of the cue rules)."""

    def streets(
        self, doc: Doc, found: list[tuple[int, int, str]], texts: list[str]
    ) -> list[tuple[int, int]]:
        """Runs of capitalized words ending with a street or building word ("Royal Street",
        "N. Bedford Drive", "South Kilburn Estate"), outside the places found, whatever the model tagged them;
        a street word on its own or after a known place alone ("Boston Road") is left to the
        other rules."""
        placed = [False] * len(doc)
        for a, b, _l in found:
            for k in range(a, b):
                placed[k] = True
        out: list[tuple[int, int]] = []
        for k, text in enumerate(texts):
            if placed[k] or k == 0 or not self.built_word(text):
                continue
            address = text in self.address_words
            facility = text in self.facility_words
            if doc[k].ent_type_ in SKIP_LABELS:
                continue
            j = k
            while (j > 0 and k - j < 4 and not placed[j - 1]
                   and doc[j - 1].text[:1].isupper()
                   and (doc[j - 1].is_alpha or doc[j - 1].text.endswith("."))
                   and doc[j - 1].ent_type_ not in SKIP_LABELS
                   and doc[j - 1].lower_ not in LEADING_DROP):
                j -= 1
            if j == k or (j == doc[j].sent.start and k - j == 1 and doc[j].pos_ != "PROPN"):
                continue
            if k + 1 < len(doc) and doc[k + 1].text[:1].isupper() and doc[k + 1].is_alpha:
                continue  # "St. Gregory", "Road Safety Authority": the name goes on
            if address and not self.address_before(doc, j):
                continue  # "Nathan Lane", "Hyatt Place": a street only in an address
            if facility and (
                not self.facility_before(doc, j)
                or any(self.known(doc[j:m].text, strong=True) for m in range(j + 1, k + 1))
            ):
                # "Cornell University said": an organization; "at Hartford Hospital": the
                # town opening the name is the place (the other rules take it)
                continue
            out.append((j, k + 1))
        return out

    def roads(
        self, doc: Doc, found: list[tuple[int, int, str]], texts: list[str]
    ) -> list[tuple[int, int]]:
        """Road numbers in a sentence about roads or traffic ("a crash on the A417
        southbound", "the M5 between junctions 11 and 12"), outside the places found."""
        if self.road_number is None:
            return []
        match = self.road_number.match
        hits = [k for k, text in enumerate(texts) if match(text)]
        if not hits:
            return []
        placed = {k for a, b, _l in found for k in range(a, b)}
        out: list[tuple[int, int]] = []
        for k in hits:
            if k not in placed and any(t.lower_ in self.road_context for t in doc[k].sent):
                out.append((k, k + 1))
        return out

    def street_name(self, text: str) -> bool:
        """A name of more than one word ending with a street word ("Hampton Avenue")."""
        words = text.split()
        return len(words) > 1 and words[-1].lower() in self.street_lower

    def built_word(self, text: str) -> bool:
        """A last word of streets, buildings and facilities ("Drive", "Center")."""
        return (text in self.street_words or text in self.building_words
                or text in self.address_words or text in self.facility_words)

    def facility_before(self, doc: Doc, j: int) -> bool:
        """A locative preposition comes right before doc[j], or before a "the" there ("at
        the Barclays Center", "to Holy Redeemer Church")."""
        i = j - 1
        if i >= 0 and doc[i].lower_ in LEADING_DROP:
            i -= 1
        return i >= 0 and doc[i].lower_ in self.facility_preps

    @staticmethod
    def address_before(doc: Doc, j: int) -> bool:
        """A house number ("2400 Jay Lane") or "block of" ("the 500 block of Kelley Lane")
        comes right before doc[j]."""
        if j < 1:
            return False
        before = doc[j - 1]
        if before.like_num and before.text.isdigit():
            return True
        return j >= 2 and before.lower_ == "of" and doc[j - 2].lower_ == "block"
