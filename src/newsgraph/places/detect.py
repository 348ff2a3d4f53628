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

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsgraph.places.gazetteer import (
    NAME_ABBR,
    NAME_ALT,
    NAME_CODE,
    NAME_OWN,
    Gazetteer,
    abbreviation_fits,
    km,
)

GEO_LABELS = {"GPE", "LOC", "FAC"}
REPAIR_LABELS = {"PERSON", "ORG", "PRODUCT", "NORP", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE"}
PREFIX_LABELS = {"ORG", "FAC"}
STRONG_CUES = {"in", "near", "outside", "across", "throughout", "inside", "around", "towards"}
SKIP_LABELS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
LEADING_DROP = {"the"}
NAME_PARTICLES = {"de", "of", "la"}  # lower-case words inside a place's name
DATELINE_DASHES = {"-", "–", "—", "--", "\x97"}
# words that join the items of a list of places ("Paris and Roxton", "Fargo-Moorhead")
LIST_SEPARATORS = {",", "and", "or", "&", "-", "–", "/"}
# settlement nouns that do not name what follows them directly ("state TV", "the area
# Chamber"): only "the town of X" counts for them
AREA_NOUNS = {"state", "area", "region", "district", "county", "province", "port"}
# civic nouns that count only in lower case
LOWER_CASE_CIVIC = {"court"}
# "Goose Creek High School", "UN High Commissioner": schools are named after people as often
SCHOOL_LEVELS = {"high", "middle"}
# region words that end organizations' names as often ("Banana Republic", "Culture
# Department", "State Department")
ORG_REGION_WORDS = {"republic", "department", "state", "area", "territory"}
LIST_KM = 400.0  # names listed beside a found place lie within this distance of it



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


class Detector:
    def __init__(
        self, gaz: Gazetteer, terms: dict[str, list[str]], common: set[str] | None = None
    ) -> None:
        self.gaz = gaz
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

    # -- gazetteer tests ---------------------------------------------------------------

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
            if kind == NAME_ALT and (e.feature != "city" or e.population >= 1000 or not strong):
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
                ent.feature in {"country", "admin1", "admin2"} or ent.population >= 10_000
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
            and (e.feature in {"country", "admin1"} or e.population >= 100_000)
            for e, kind in self.gaz.lookup(text)
        )

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

    # -- cues --------------------------------------------------------------------------

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
        ("BEIRUT, Lebanon -", "COLUMBUS (AP) -")."""
        text = doc[start:end].text
        if end < len(doc) and start == 0 and doc[end].text == ":" and text[:1].isupper():
            return True  # a dateline in mixed case opening the text ("Muscat: The 10th…")
        letters = [c for c in text if c.isalpha()]
        # "BEIRUT", "DeKALB": capitals, bar a particle
        caps = len(letters) > 2 and sum(c.isupper() for c in letters) >= 0.75 * len(letters)
        if not caps or end >= len(doc):
            return False
        if (end + 1 < len(doc) and doc[end].text in DATELINE_DASHES
                and doc[end + 1].text[:1].isupper()):
            # a name in capitals, a dash, a sentence: a dateline even where the paragraph
            # break before it was lost ("... close to 80% AMHERST - Irvin Rhodes won")
            return True
        if start == 0 and len(letters) > 3 and doc[end].text.istitle() and doc[end].is_alpha:
            return True  # "OKLAHOMA CITY The Latest on ...": the text opens with it
        if not text.isupper():
            return False
        before = doc[start - 1] if start > 0 else None
        if before is None or "\n" in before.text_with_ws or before.is_space:
            return doc[end].text in {",", "-", "–", "—", "(", ":"}
        # after a headline ("... sunk in lake. HUDSON -- Officials said", "... crops.
        # BEIRUT: Israel") or a byline's date ("March 15, 2009 NEWARK -- ")
        after_date = before.like_num and len(before.text) == 4
        return (before.text in {".", "!", "?"} or after_date) and (
            doc[end].text[:1] in {"-", "–", "—", "\x97"}
            or doc[end].text == ":"
            # "WASHINGTON (AP) -", "BOSTON (Reuters) -"
            or (doc[end].text == "(" and end + 2 < len(doc) and doc[end + 1].text[:1].isupper()
                and doc[end + 2].text == ")")
            # "SALINA, Kan. Strong winds…"
            or (doc[end].text == "," and end + 1 < len(doc) and doc[end + 1].text[:1].isupper()
                and doc[end + 1].text.endswith(".") and self.gaz.has(doc[end + 1].text))
        )

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

    def in_list(
        self, doc: Doc, s: int, e: int, starts: dict[int, int], ends: dict[int, int]
    ) -> tuple[int, int] | None:
        """doc[s:e] is listed beside a place already found: "Paris and Roxton", "Newark,
        Heath and Pataskala", "Fargo-Moorhead". ``starts`` maps the first token of each found
        place to its end, ``ends`` its end to its start. A bare "P, X" is no list (it is how
        a place is followed by its region or an apposition): a conjunction must join them,
        or the list must go on."""
        n = len(doc)
        joins = {"and", "or", "&"}
        if e < n:
            nxt = doc[e]
            if nxt.lower_ in joins and e + 1 in starts:
                return e + 1, starts[e + 1]  # "X and P"
            if nxt.text in {"-", "–", "/"} and e + 1 in starts and doc[e - 1].whitespace_ == "":
                return e + 1, starts[e + 1]  # "Fargo-Moorhead" read from the left
            if nxt.text == ",":
                if e + 1 < n and doc[e + 1].lower_ in joins and e + 2 in starts:
                    return e + 2, starts[e + 2]  # "X, and P"
                if e + 1 in starts:
                    after = starts[e + 1]
                    if after < n and (doc[after].lower_ in joins or (
                        doc[after].text == "," and after + 1 < n
                        and (after + 1 in starts or doc[after + 1].lower_ in joins)
                    )):
                        return e + 1, after  # "X, P and Q", "X, P, Q"
        if s > 0:
            prev = doc[s - 1]
            if prev.lower_ in joins and s - 1 in ends:
                return ends[s - 1], s - 1  # "P and X"
            if prev.lower_ in joins and s >= 2 and doc[s - 2].text == "," and s - 2 in ends:
                return ends[s - 2], s - 2  # "P, and X"
            if prev.text in {"-", "–", "/"} and s - 1 in ends:
                return ends[s - 1], s - 1  # "Fargo-Moorhead", "Greenville- Spartanburg"
            if prev.text == "," and s - 1 in ends:
                first = ends[s - 1]
                # "P, Q, X": the list was going on before; "P, X and ...": it goes on after
                if first > 0 and doc[first - 1].text == "," and first - 1 in ends:
                    return first, s - 1
                if e < n and doc[e].lower_ in joins:
                    return first, s - 1
        return None

    def near_each_other(self, name: str, partner: str) -> bool:
        """Some place named ``name`` lies beside some place named ``partner``: inside it or
        in the same country when the partner is a country (or both are countries), else
        within ``LIST_KM`` of it. Names listed together are places of one area ("Paris and
        Roxton" in Texas); "Brown and Jordan" are people."""
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
                    and km(e.lat, e.lon, p.lat, p.lon) <= LIST_KM
                ):
                    return True
        return False

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

    def area_list(self, doc: Doc, texts: list[str] | None = None) -> list[tuple[int, int]]:
        """Names listed before a plural region word: "Clarke and Oconee counties", "the
        Kursk, Belgorod and Bryansk regions" (each a region the gazetteer knows)."""
        out: list[tuple[int, int]] = []
        for p, text in enumerate(texts if texts is not None else [t.text for t in doc]):
            low = text.lower()
            if not (low.endswith("s") and low in self.admin_terms):
                continue
            items: list[tuple[int, int]] = []
            j = p - 1
            while j >= 0:
                end = j + 1
                while j >= 0 and doc[j].text[:1].isupper() and not doc[j].is_punct:
                    j -= 1
                if j + 1 == end or end - (j + 1) > 3:
                    break
                items.append((j + 1, end))
                if j >= 0 and doc[j].lower_ in {",", "and", "&", "or"}:
                    j -= 1
                    if j >= 0 and doc[j].text == "," and doc[j + 1].lower_ == "and":
                        j -= 1
                    continue
                break
            if len(items) >= 2 and all(self.gaz.has(doc[a:b].text) for a, b in items):
                out.extend(items)
        return out

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

    def joined_names(self, doc: Doc, texts: list[str]) -> list[tuple[int, int]]:
        """Countries and regions whose own name joins two names with "and" ("Trinidad and
        Tobago", "Antigua and Barbuda"), which the model may cut in two entities."""
        out: list[tuple[int, int]] = []
        n = len(texts)
        for i in range(1, n - 1):
            if texts[i] != "and" or (out and out[-1][1] > i):
                continue
            found = None
            for a in range(max(0, i - 3), i):
                if not texts[a][:1].isupper():
                    continue
                for b in range(min(n, i + 4), i + 1, -1):
                    if texts[b - 1][:1].isupper() and self._names_big_area(doc[a:b].text):
                        found = (a, b)
                        break
                if found:
                    break
            if found:
                out.append(found)
        return out

    def split_list(self, doc: Doc, s: int, e: int) -> list[tuple[int, int]]:
        """Split an entity "Charleston, S.C." / "Kyiv, Ukraine" into its places."""
        for i in range(s + 1, e - 1):
            if doc[i].text == ",":
                left, right = doc[s:i].text, doc[i + 1 : e].text
                if self.known(left) and self.known(right, strong=True):
                    return [(s, i), (i + 1, e)]
        return [(s, e)]

    # -- detection ---------------------------------------------------------------------

    def find(self, doc: Doc) -> list[Found]:
        # organizations named after a place: the place, added last (this document's own)
        prefixes: list[tuple[int, int]] = []
        texts = [t.text for t in doc]  # plain strings: cheaper than Token objects
        lower_words = {t.lower() for t in texts if t.islower()}
        taken = [False] * len(doc)
        out: list[tuple[int, int, str]] = []
        accepted_texts: set[str] = set()

        def add(s: int, e: int, label: str) -> None:
            while s < e and doc[s].lower_ in LEADING_DROP:
                s += 1
            while e > s and (doc[e - 1].is_punct and doc[e - 1].text != "."
                             or doc[e - 1].text in {"'s", "’s", "'", "’"}):
                e -= 1
            if s >= e:
                return
            for ps, pe in self.split_list(doc, s, e):
                for i in range(ps, pe):
                    taken[i] = True
                out.append((ps, pe, label))
                if label != "listed":  # a name listed once is no evidence elsewhere
                    accepted_texts.add(doc[ps:pe].text)

        # words of multi-word person names ("Jason Jones"): later "Jones" is that person
        person_words = {
            ent[-1].text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1
        }
        pending: list[Span] = []
        joined = self.joined_names(doc, texts)
        for a, b in joined:
            add(a, b, "gazetteer")
        for ent in doc.ents:
            if any(a < ent.end and ent.start < b for a, b in joined):
                continue  # part of "Trinidad and Tobago"
            text = ent.text
            first = ent.start + (1 if doc[ent.start].lower_ == "the" else 0)
            if ent.label_ in REPAIR_LABELS and self.short_name_at(doc, first, ent.end):
                add(first, ent.end, "gazetteer")  # "US tariffs", "the DPRK's" (ORG)
                continue
            if (
                self.nationality is not None
                and ent.label_ in {"NORP", "GPE"}
                and self.is_demonym(text)
                and self.nationality(text)
            ):
                add(ent.start, ent.end, "nationality")
                continue
            if ent.label_ in GEO_LABELS:
                if self.is_demonym(text):
                    continue
                if (
                    ent.label_ == "GPE"
                    and len(ent) == 1
                    and (
                        not self.known(text)
                        or (text in person_words and not self._names_big_place(text))
                    )
                    and not self.has_cue(doc, ent.start, ent.end, strong=True)
                    and not self.region_after(doc, ent.end)
                ):
                    # an unknown one-word "GPE" with no cue, or the surname of a person the
                    # document names ("coach Ripley"): usually a name
                    continue
                add(ent.start, ent.end, ent.label_)
            elif ent.label_ in REPAIR_LABELS:
                pending.append(ent)
            else:
                for i in range(ent.start, ent.end):
                    if self.short_name_at(doc, i, i + 1):
                        add(i, i + 1, "gazetteer")  # "15 billion US dollars"
                    taken[i] = True

        use_list = False
        bounds: dict[str, dict[int, int]] = {"starts": {}, "ends": {}}

        def listed_place(s: int, e: int) -> bool:
            """doc[s:e] is listed beside a place found on other evidence, and some place of
            its name lies near some place of the partner's name."""
            if not use_list:
                return False
            if len(bounds["starts"]) != len(out):
                sure = [(a, b) for a, b, label in out if label != "listed"]
                bounds["starts"] = {a: b for a, b in sure}
                bounds["ends"] = {b: a for a, b in sure}
            partner = self.in_list(doc, s, e, bounds["starts"], bounds["ends"])
            return partner is not None and self.near_each_other(
                doc[s:e].text, doc[partner[0] : partner[1]].text
            )

        def try_pending(final: bool) -> None:
            for ent in list(pending):
                s = ent.start + (1 if doc[ent.start].lower_ == "the" else 0)
                name = doc[s : ent.end].text
                ok = False
                if (ent.label_ in {"NORP", "LANGUAGE"} and self.is_demonym(name)) or not self.known(
                    name, strong=True
                ):
                    ok = False
                elif listed_place(s, ent.end) and name not in person_words:
                    pending.remove(ent)
                    add(s, ent.end, "listed")
                    continue
                elif ent.label_ == "PERSON" and ent.end - s > 1 and self._names_big_place(name):
                    # "Tamil Nadu", "Rio de Janeiro" taken for a person's name
                    ok = name in accepted_texts or self.has_cue(doc, s, ent.end)
                elif ent.label_ == "PERSON" and (ent.end - s > 1 or name in person_words):
                    ok = self.region_after(doc, ent.end)
                elif name in person_words and not self._names_big_place(name):
                    ok = self.region_after(doc, ent.end)  # "Bell" of "Sean Bell"
                elif ent.label_ == "PERSON":
                    ok = (
                        name in accepted_texts
                        or self.has_cue(doc, s, ent.end, strong=True)
                        or self._names_big_place(name)
                    )
                else:
                    ok = name in accepted_texts or self.has_cue(doc, s, ent.end)
                if ok:
                    pending.remove(ent)
                    add(s, ent.end, "gazetteer")
                elif final:
                    pending.remove(ent)
                    if ent.label_ in PREFIX_LABELS and self.place_prefix(doc, s, ent.end, prefixes):
                        continue
                    if ent.label_ == "PERSON" and self.town_prefix(
                        doc, s, ent.end, person_words, prefixes
                    ):
                        continue
                    for i in range(ent.start, ent.end):
                        taken[i] = True

        try_pending(False)
        n = len(doc)

        def scan() -> None:
            """Capitalized words outside every entity, at the start of a run of capitals
            (in the second pass only those next to a list's separator)."""
            i = 0
            while i < n:
                if use_list and not (
                    (i > 0 and texts[i - 1] in LIST_SEPARATORS)
                    or any(t in LIST_SEPARATORS for t in texts[i + 1 : i + 6])
                ):
                    i += 1
                    continue
                i = scan_at(i)

        def scan_at(i: int) -> int:
            if taken[i] or not texts[i][:1].isupper():
                return i + 1
            tok = doc[i]
            if tok.is_punct or tok.like_num:
                return i + 1
            if texts[i] in self.short_names and self.short_name_at(doc, i, i + 1):
                add(i, i + 1, "gazetteer")
                return i + 1
            if i > 0 and doc[i - 1].text[:1].isupper() and not doc[i - 1].is_punct and (
                doc[i - 1].i != doc[i - 1].sent.start
                or (doc[i - 1].lower_ not in LEADING_DROP
                    # a headline's first word that is no name: "Missing Lancaster girl"
                    and (doc[i - 1].pos_ == "PROPN" or doc[i - 1].is_upper))
            ) and doc[i - 1].lower_ not in self.directions:
                return i + 1  # inside a longer capitalized name ("John Stevens")
            if tok.lower_ in lower_words or (tok.is_stop and not tok.is_upper) or (
                tok.text in person_words and not self.region_after(doc, i + 1)
            ):
                return i + 1
            best = None
            for length in range(min(4, n - i), 0, -1):
                # plain strings first: a Span only for runs that may name a place
                if any(taken[k] for k in range(i, i + length)):
                    continue
                if not all(texts[k][:1].isupper() or texts[k].lower() in NAME_PARTICLES
                           for k in range(i, i + length)):
                    continue
                if not texts[i + length - 1][:1].isupper():
                    continue
                span = doc[i : i + length]
                if self.known(span.text, strong=True) and not self.is_demonym(span.text):
                    best = span  # "in English" is the language, not English, Indiana
                    break
            if best is None:
                return i + 1
            nxt = doc[best.end] if best.end < n else None
            if (nxt is not None and nxt.text in {"-", "–"} and best.end + 1 < n
                    and doc[best.end - 1].whitespace_ == "" and nxt.whitespace_ == ""
                    and doc[best.end + 1].text[:1].isupper()
                    and not self._names_place(best.text)
                    and not self._names_place(doc[best.end + 1].text)):
                return best.end  # one hyphenated name ("Wal-Mart"), not a place
            own_region_word = len(best) > 1 and self.is_region_word(best[-1])
            # "Byesville Volunteer Fire Department", "Lansing City Council": a local body
            # named after its town
            institution = (nxt is not None and nxt.text[:1].isupper()
                           and nxt.lower_ in self.institution
                           and nxt.lower_ not in SCHOOL_LEVELS)
            if (nxt is not None and nxt.text[:1].isupper() and not nxt.is_punct
                    and not self.civic_after(doc, best.end) and not own_region_word
                    and not institution
                    and not (best.start == 0 and self.dateline(doc, best.start, best.end))
                    and not (self.is_region_word(nxt)
                             and nxt.lower_ not in {"republic", "department"})
                    # "the Western Pennsylvania Kennel Association": a direction word and a
                    # state or country open the name of a regional body
                    and not (best.start > 0 and doc[best.start - 1].text[:1].isupper()
                             and doc[best.start - 1].lower_ in self.directions
                             and self._names_big_area(best.text))):
                return best.end  # the name goes on: part of something longer
            repeated = self.headline_repeated(doc, best)
            cue = (best.text in accepted_texts or institution or repeated
                   or self._names_country(best.text)
                   or self.region_apposition(doc, best.start, best.end)
                   or self.has_cue(doc, best.start, best.end))
            listed_here = not cue and listed_place(best.start, best.end)
            cue = cue or listed_here
            # a sentence's first word needs more than a word after it, unless that word is
            # a local noun ("Chicopee residents discuss…", "Grand Prairie police say…")
            if cue and not (best.start == best.sent.start and not self.region_after(doc, best.end)
                            and best.text not in accepted_texts
                            and not listed_here
                            and not repeated
                            and not (best[0].pos_ in {"PROPN", "NOUN"}
                                     and (self.civic_after(doc, best.end) or institution))
                            and not self.dateline(doc, best.start, best.end)
                            and self._prev_word(doc, best.start) is None):
                add(best.start, best.end, "listed" if listed_here else "gazetteer")
            return best.end

        scan()
        # a second pass: names listed beside the places found ("Paris and Roxton")
        use_list = True
        try_pending(False)
        scan()

        listed: set[int] = set()
        for ls, le in self.area_list(doc, texts):
            listed.add(ls)
            if not any(taken[k] for k in range(ls, le)):
                for ent in [p for p in pending if p.start < le and ls < p.end]:
                    pending.remove(ent)
                add(ls, le, "gazetteer")

        try_pending(True)
        for s, e in self.streets(doc, out, texts):
            add(s, e, "street")
        for s, e in self.roads(doc, out, texts):
            add(s, e, "street")
        for s, e in prefixes:
            if not any(taken[k] for k in range(s, e)):
                add(s, e, "gazetteer")

        out.sort()
        found: list[Found] = []
        by_token: dict[int, int] = {}
        for s, e, label in out:
            span = doc[s:e]
            f = Found(span.start_char, span.end_char, span.text, label)
            f.region_cue = (
                self.region_after(doc, e) or self.is_region_word(doc[e - 1]) or s in listed
            )
            f.built = label == "street" or self.built_word(doc[e - 1].text)
            f.street = self.street_name(f.text)
            by_token[s] = len(found)
            found.append(f)
        for idx, (s, e, _label) in enumerate(out):
            j = self.container_after(doc, e)
            if j is not None and j in by_token and by_token[j] != idx:
                found[idx].parent = by_token[j]
            root = doc[s:e].root
            found[idx].agent = root.dep_ in {"nsubj", "nsubjpass"} and root.head.pos_ in {
                "VERB",
                "AUX",
            }
        return found
