"""Document context for ranking: what the rest of the article says about where it is.

:class:`Context` is what the other toponyms and the actors lend one mention (their
countries, regions, points, counties, leaning to a first-level region) and what the
article's vocabulary says (its local-news words, its currency). :class:`ContextSignals`
holds the resolver's data and computes the signals read from the whole document.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc

from newsgraph.places.gazetteer import (
    NAME_ABBR,
    NAME_OWN,
    NAME_SHORT,
    Entry,
    Gazetteer,
)
from newsgraph.places.weights import Weights, load_weights


@dataclass
class Context:
    countries: Counter[str] = field(default_factory=Counter)
    admin1: Counter[str] = field(default_factory=Counter)
    actor_countries: set[str] = field(default_factory=set)
    local_country: str | None = None  # the country the article's vocabulary points to
    local_cues: int = 0
    # admin1 keys of each other toponym's candidates (when it has few)
    regions: list[frozenset[str]] = field(default_factory=list)
    # pids of the counties (second-level areas) other toponyms may name, and of the counties
    # holding the towns they may name ("Paris" and "Henry County": Paris, Tennessee)
    counties: set[int] = field(default_factory=set)
    # points of the towns and regions the other toponyms name (first pass, when sure)
    points: list[tuple[float, float]] = field(default_factory=list)
    town_counties: set[int] = field(default_factory=set)
    # admin1 key -> how strongly the other toponyms, taken together, point to that region
    share: dict[str, float] = field(default_factory=dict)
    # countries using the one currency family the article writes amounts in (else empty)
    currency: frozenset[str] = frozenset()
    # the same without the world cities other toponyms name, for scoring villages
    small: Context | None = None


class ContextSignals:
    """The resolver's data (gazetteer, word sets, weights, local-news words, currencies) and
    the context signals computed from a whole document."""

    def __init__(
        self,
        gaz: Gazetteer,
        admin_terms: set[str],
        directions: set[str],
        weights: Weights | None = None,
    ) -> None:
        self.gaz = gaz
        self.admin_terms = admin_terms
        self.directions = directions
        self.nationality: Callable[[str], str | None] | None = None
        self.common: set[str] = set()
        # ISO alpha-3 -> the alpha-3 codes of the countries bordering it
        self.neighbours: dict[str, frozenset[str]] = {}
        self.w = weights or load_weights()
        # country alpha-3 -> words and two-word phrases of that country's local news
        # (data/region_terms.json "us_local_cues", data/local_news.tsv)
        self._cue_index: dict[str, list[str]] = {}  # cue -> countries
        self._cue_heads: set[str] = set()  # first words of two-word cues
        self.local_words = {}
        # currency sign -> alpha-3 codes of the countries using it (data/currency_signs.tsv)
        self.currencies: dict[str, frozenset[str]] = {}

    @property
    def local_words(self) -> dict[str, set[str]]:
        """Country alpha-3 -> words and two-word phrases of that country's local news
        (data/region_terms.json "us_local_cues", data/local_news.tsv); setting it indexes
        them by word, once, so that no document changes the resolver."""
        return self._local_words

    @local_words.setter
    def local_words(self, words: dict[str, set[str]]) -> None:
        self._local_words = words
        index: dict[str, list[str]] = {}
        for country, cues in sorted(words.items()):
            for cue in cues:
                index.setdefault(cue, []).append(country)
        self._cue_index = index
        self._cue_heads = {c.split()[0] for c in index if " " in c}

    def region_share(self, scored: Sequence[tuple[float, Entry, int]]) -> dict[str, float]:
        """How much one toponym points to each first-level region: the first-pass chance of
        its candidates there (a softmax of their scores) blended with mere presence, which
        counts less the more regions the name is found in ("Winfield" and "Mt. Pleasant"
        share Iowa with "New London" though each has namesakes in many states)."""
        w = self.w
        if not scored:
            return {}
        top = scored[0][0]
        prob: dict[str, float] = {}
        total = 0.0
        for sc, e, _k in scored:
            p = math.exp((sc - top) / w.share_temperature)
            total += p
            if e.admin1_key:
                prob[e.admin1_key] = prob.get(e.admin1_key, 0.0) + p
        present = {
            e.admin1_key
            for _sc, e, k in scored
            if e.admin1_key and k in (NAME_OWN, NAME_ABBR) and e.feature != "country"
        }
        out: dict[str, float] = {}
        for key in set(prob) | present:
            chance = prob.get(key, 0.0) / total
            pres = 1.0 / math.sqrt(len(present)) if key in present else 0.0
            out[key] = w.share_chance * chance + w.share_presence * pres
        return out

    def currency(self, doc: Doc) -> frozenset[str]:
        """The countries using the currency the article writes its amounts in, when all its
        currency signs agree on some country ("$" and "US$": the United States); empty when
        it writes none or mixes families ("£" and "$")."""
        if not self.currencies:
            return frozenset()
        # signs standing as tokens ("$10" -> "$", "10"), not inside words ("Rs" of "Mrs");
        # token hashes, not Token objects: this runs on every document
        orths = set(doc.to_array("ORTH").tolist())
        strings = doc.vocab.strings
        common: frozenset[str] | None = None
        for sign in self.currencies:
            if strings[sign] in orths:
                got = self.currencies[sign]
                common = got if common is None else common & got
        return common or frozenset()

    def local_cues(self, doc: Doc) -> int:
        """How many distinct local-news words of its leading country the article uses."""
        return self.local_news(doc)[1]

    def local_news(self, doc: Doc) -> tuple[str | None, int]:
        """The country whose local-news words the article uses most, and how many distinct
        ones it uses (None, 0 when no country's words appear)."""
        if not self.local_words:
            return None, 0
        index, heads = self._cue_index, self._cue_heads
        # token hashes, not Token objects: this runs on every document
        strings = doc.vocab.strings
        lower = doc.to_array("LOWER").tolist()
        present = set(lower)
        seen = {w for w in index if " " not in w and strings[w] in present}
        head_hashes = {strings[h]: h for h in heads if strings[h] in present}
        if head_hashes:
            seen |= {
                f"{head_hashes[a]} {strings[b]}"
                for a, b in zip(lower, lower[1:], strict=False)
                if a in head_hashes
            } & index.keys()
        counts: Counter[str] = Counter(c for cue in seen for c in index[cue])
        if not counts:
            return None, 0
        country = min(counts, key=lambda c: (-counts[c], c))
        return country, counts[country]

    @staticmethod
    def county_sets(
        cands: Sequence[tuple[Entry, int]], region: bool = False
    ) -> tuple[set[int], set[int]]:
        """The counties a mention may name, and the counties of the towns it may name (own
        names only: an alias is too loose a link). A county named without its region word
        counts only when that is its own name: a bare "Washington" is no Washington County
        of New York to lend its village Cambridge a bonus."""
        areas = {
            e.pid
            for e, k in cands
            if e.feature in {"admin2", "admin3"}
            and (k == NAME_OWN or (region and k != NAME_SHORT))
        }
        towns = {
            e.admin2_id
            for e, k in cands
            if e.feature == "city" and e.admin2_id is not None and k == NAME_OWN
        }
        return areas, towns
