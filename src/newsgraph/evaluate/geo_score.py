"""Scoring geoparsing predictions against gold toponyms (detection, accuracy@161 km, exact
GeoNames id, error distances), for the geo scorer (:mod:`newsgraph.evaluate.geo`).

Predictions come as plain data: :class:`PredPlace` per predicted mention (end to end) and
one :class:`Resolution` per gold toponym (gold-span mode); :func:`score` turns them into the
metrics.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from newsgraph.evaluate.common import match_spans, prf, safe_div
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
