"""Scoring geoparsing predictions against gold toponyms (detection, accuracy@161 km, exact
GeoNames id, error distances), for the geo scorer (:mod:`newsgraph.evaluate.geo`).

Predictions come as plain data: :class:`PredPlace` per predicted mention (end to end) and
one :class:`Resolution` per gold toponym (gold-span mode); :func:`score` turns them into the
metrics.

End to end, predictions and gold toponyms are paired one to one (:func:`match_one_to_one`):
largest character overlap first, so a prediction counts for one gold toponym at most and a
gold toponym is credited to one prediction at most. The figures of the earlier scorer (exact
pairs, then any overlap in text order) stay beside them for one release under ``*_legacy``
names (:mod:`newsgraph.evaluate.geo_legacy`).
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from newsgraph.evaluate.common import Span, prf, safe_div
from newsgraph.evaluate.geo_read import GeoDoc, GoldToponym

ACC_KM = 161.0  # 100 miles, the usual "accuracy within" radius
EARTH_RADIUS_KM = 6371.0088


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

    det_tp: int = 0  # predictions paired with a gold toponym (any overlap, one to one)
    det_tp_exact: int = 0  # ... of which the spans are equal
    det_coords: int = 0  # gold toponyms with coordinates that are paired
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


def match_one_to_one(pred: Sequence[Span], gold: Sequence[Span]) -> dict[int, int]:
    """Pairs gold index -> pred index, one to one, largest character overlap first.

    Every (gold, prediction) pair that shares at least one character is a candidate. The
    candidates are taken in order of decreasing overlap; ties go to the pair whose union is
    shortest (the closer extents: an exact match before a longer prediction), then to the
    earlier gold span and the earlier prediction. A pair is kept when neither side is taken
    yet, so a prediction spanning two gold toponyms counts for one of them only, and nested
    gold spans each need a prediction of their own."""
    candidates: list[tuple[int, int, int, int]] = []
    for gi, (gs, ge) in enumerate(gold):
        for pi, (ps, pe) in enumerate(pred):
            shared = min(ge, pe) - max(gs, ps)
            if shared > 0:
                candidates.append((-shared, max(ge, pe) - min(gs, ps), gi, pi))
    candidates.sort()
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for _, _, gi, pi in candidates:
        if gi not in pairs and pi not in used:
            pairs[gi] = pi
            used.add(pi)
    return pairs


def distinct_toponyms(doc: GeoDoc) -> list[int]:
    """Indexes of ``doc.toponyms`` with the same span counted once (the first annotation,
    or the first with coordinates if an earlier copy has none); nested and repeated names at
    other offsets are separate toponyms."""
    first: dict[tuple[int, int], int] = {}
    for i, t in enumerate(doc.toponyms):
        key = (t.start, t.end)
        if key not in first or (doc.toponyms[first[key]].lat is None and t.lat is not None):
            first[key] = i
    return sorted(first.values())


def _add_doc(
    tally: _Tally,
    doc: GeoDoc,
    preds: Sequence[PredPlace],
    gold_res: Sequence[Resolution | None] | None,
) -> None:
    kept = distinct_toponyms(doc)
    tops = [doc.toponyms[i] for i in kept]
    uniq = sorted({(p.start, p.end): p for p in preds}.items())
    pred_spans = [s for s, _ in uniq]
    pred_list = [p for _, p in uniq]
    gold_spans = [(t.start, t.end) for t in tops]
    tally.n_pred += len(pred_spans)
    tally.n_gold += len(gold_spans)
    pairs = match_one_to_one(pred_spans, gold_spans)
    tally.det_tp += len(pairs)
    tally.det_tp_exact += sum(pred_spans[pi] == gold_spans[gi] for gi, pi in pairs.items())
    for gi, top in enumerate(tops):
        if top.lat is not None:
            tally.n_coords += 1
            tally.det_coords += gi in pairs
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
        r = gold_res[kept[gi]] if gold_res is not None and kept[gi] < len(gold_res) else None
        if r is not None:
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
    det = prf(t.det_tp, t.n_pred, t.n_gold)
    det_x = prf(t.det_tp_exact, t.n_pred, t.n_gold)
    return {
        "e2e_acc161": safe_div(t.e2e_hit161, t.n_coords),
        "e2e_exact_id": safe_div(t.e2e_id, t.n_ids),
        "gold_acc161": safe_div(t.gold_hit161, t.n_coords),
        "gold_exact_id": safe_div(t.gold_id, t.n_ids),
        "detection_precision": det["precision"],
        "detection_recall": det["recall"],
        "detection_f1": det["f1"],
        "detection_recall_with_coordinates": safe_div(t.det_coords, t.n_coords),
        "detection_exact_f1": det_x["f1"],
        "acc161_among_detected": safe_div(t.e2e_hit161, t.det_coords),
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

    Gold toponyms with the same span count once (:func:`distinct_toponyms`); predictions
    with the same span count once. Predictions and gold toponyms are paired one to one by
    :func:`match_one_to_one`. ``detection_*``: paired predictions over all predictions /
    all gold toponyms (with or without coordinates); ``detection_recall_with_coordinates``
    over the toponyms with coordinates; ``detection_exact_f1`` counts the pairs whose spans
    are equal. Accuracy@161 km is over gold toponyms with coordinates, exact id over those
    with a GeoNames id; a toponym that was not paired (end to end) or not resolved counts as
    wrong. ``acc161_among_detected`` is over the paired toponyms with coordinates. Error km
    statistics are over the toponyms that were paired and resolved to a point (their count:
    ``e2e_resolved``).
    """
    tally = _Tally()
    for doc in docs:
        res = gold_mode.get(doc.id) if gold_mode is not None else None
        _add_doc(tally, doc, e2e.get(doc.id, []), res)
    return _metrics(tally)
