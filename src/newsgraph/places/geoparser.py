"""Detection and resolution over one gazetteer: :class:`Geoparser`, which the component
(:mod:`.component`), the gold-span resolver (``newsgraph.places.resolve_spans``) and the
geoparsing evaluation share."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from newsgraph.language.countries import (
    countries_by_currency,
    country_of,
    is_demonym,
    neighbours,
)
from newsgraph.places.detect import Detector, Found
from newsgraph.places.gazetteer import (
    Entry,
    Gazetteer,
    data_path,
    load_aliases,
    normalize,
    region_terms,
)
from newsgraph.places.resolve import Resolver
from newsgraph.places.tables import data_rows, load_word_set
from newsgraph.places.weights import LIST_KM, WEIGHTS_FILE, load_weights

#: the stage's data files by key (beside the gazetteer), as the package ships them
DATA_FILES = {
    "weights": WEIGHTS_FILE,
    "region_terms": "region_terms.json",
    "common_words": "common_words.txt",
    "local_news": "local_news.tsv",
    "currency_signs": "currency_signs.tsv",
    "aliases": "aliases.tsv",
}


def package_files() -> dict[str, Path]:
    """The packaged data files the geoparser reads, by key."""
    return {key: data_path(name) for key, name in DATA_FILES.items()}


@dataclass
class PlacesResult:
    """One document's places (Place dicts) and place mentions, as the stage writes them."""

    places: list[dict[str, Any]]
    mentions: list[dict[str, Any]]

    def write(self, doc: Doc) -> None:
        doc._.ng_places = self.places
        doc._.ng_place_mentions = self.mentions


AGENT_FEATURES = {"country", "landmark"}  # "Moscow said", "the Kremlin said"


def local_news_words(terms: dict[str, Any], path: Path | None = None) -> dict[str, set[str]]:
    """Country alpha-3 -> lower-case words and two-word phrases of its local news: the US
    words of ``region_terms.json`` and the rows of ``data/local_news.tsv``."""
    out: dict[str, set[str]] = {"USA": {t.lower() for t in terms.get("us_local_cues", [])}}
    for _n, row in data_rows(path or data_path("local_news.tsv"), 2):
        country, phrase = row[:2]
        out.setdefault(country, set()).add(phrase.strip().lower())
    return out


@functools.cache
def currency_countries(path: Path | None = None) -> dict[str, frozenset[str]]:
    """Currency sign -> the alpha-3 codes of the countries using one of its currencies
    (``data/currency_signs.tsv`` and GeoNames' currency code of each country)."""
    by_code = countries_by_currency()
    out: dict[str, frozenset[str]] = {}
    for _n, row in data_rows(path or data_path("currency_signs.tsv"), 2):
        sign, codes = row[:2]
        out[sign] = frozenset(
            iso3 for code in codes.split("|") for iso3 in by_code.get(code.strip(), ())
        )
    return out


def common_words(path: Path | None = None) -> set[str]:
    return load_word_set(path or data_path("common_words.txt"))


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
        files: Mapping[str, Path | None] | None = None,
        weights: Mapping[str, Any] | None = None,
    ) -> None:
        """``files``: the data files by key (see :func:`package_files`; a key left out or
        None reads the packaged file); ``weights``: overrides of ``data/weights.yaml``."""
        paths = {k: v for k, v in (files or {}).items() if v is not None}
        terms = region_terms(paths.get("region_terms"))
        self.gaz = gaz
        common = common_words(paths.get("common_words"))
        w = load_weights(paths.get("weights"), weights)
        self.detector = Detector(gaz, terms, common, w)
        if (weights and "list_km" in weights) or w.list_km != LIST_KM:
            # set in the config, or edited in the weights file a saved pipeline carries
            self.detector.list_km = w.list_km
        self.resolver = Resolver(
            gaz,
            {normalize(t) for t in terms["admin_terms"]},
            {t.lower() for t in terms["direction_words"]},
            w,
        )
        self.resolver.common = common
        self.resolver.neighbours = neighbours()
        self.resolver.local_words = local_news_words(terms, paths.get("local_news"))
        self.resolver.currencies = currency_countries(paths.get("currency_signs"))
        self.agents_as_places = agents_as_places
        # "European" -> Europe (only for words handed in as toponyms)
        self.continent_words: dict[str, Entry | None] = {
            name: next(
                (e for e, _k in gaz.lookup(target.split(":", 1)[1]) if e.feature == "continent"),
                None,
            )
            for name, target, kind in load_aliases(paths.get("aliases"))
            if kind == "demonym" and target.startswith("continent:")
        }
        self.country_of = country_of
        self.detector.demonym_word = is_demonym
        if nationalities_as_places:
            self.detector.nationality = self.country_of
            self.resolver.nationality = self.detector.nationality

    def is_agent(self, f: Found, e: Entry | None) -> bool:
        if not f.agent or e is None:
            return False
        return e.feature in AGENT_FEATURES or (e.feature == "city" and e.capital)

    def annotate(self, doc: Doc) -> None:
        """Write ``doc._.ng_places`` and ``doc._.ng_place_mentions``."""
        self.find(doc).write(doc)

    def find(self, doc: Doc) -> PlacesResult:
        """The places and place mentions of ``doc`` (nothing is kept between documents)."""
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
        return PlacesResult(places, mentions)

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
