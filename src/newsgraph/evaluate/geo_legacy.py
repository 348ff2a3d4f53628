"""The end-to-end figures of the geo scorer before issue 16, kept for one release.

The earlier scorer paired predictions and gold toponyms with
:func:`newsgraph.evaluate.common.match_spans` (exact pairs first, then any overlap in text
order) and counted as predictions every mention linked to a place, including named entities
that only inherit the place of a place mention around them. Its figures are reported as
``*_legacy`` beside the one-to-one figures of :mod:`newsgraph.evaluate.geo_score`; the
predictions it scored come from :func:`newsgraph.evaluate.geo_run.system_places` with
``which="legacy"``. Remove this module one release after issue 16.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from newsgraph.evaluate.common import match_spans, prf, safe_div
from newsgraph.evaluate.geo_read import GeoDoc
from newsgraph.evaluate.geo_score import ACC_KM, PredPlace, haversine_km

SUFFIX = "_legacy"


@dataclass
class _Tally:
    det_tp_exact: int = 0
    det_tp_overlap: int = 0
    n_pred: int = 0
    n_gold: int = 0
    n_coords: int = 0
    n_ids: int = 0
    hit161: int = 0
    hit_id: int = 0
    errors: list[float] = field(default_factory=list)


def _add_doc(tally: _Tally, doc: GeoDoc, preds: Sequence[PredPlace]) -> None:
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
        tally.n_coords += top.lat is not None
        tally.n_ids += top.geonames_id is not None
        if gi not in pairs:
            continue
        p = pred_list[pairs[gi]]
        if top.lat is not None and top.lon is not None and p.lat is not None and p.lon is not None:
            err = haversine_km(top.lat, top.lon, p.lat, p.lon)
            tally.errors.append(err)
            tally.hit161 += err <= ACC_KM
        if top.geonames_id is not None and p.geonames_id == top.geonames_id:
            tally.hit_id += 1


def legacy_metrics(docs: Sequence[GeoDoc], e2e: dict[str, list[PredPlace]]) -> dict[str, Any]:
    """The earlier scorer's end-to-end metrics, each name ending in ``_legacy``."""
    t = _Tally()
    for doc in docs:
        _add_doc(t, doc, e2e.get(doc.id, []))
    det = prf(t.det_tp_exact, t.n_pred, t.n_gold)
    det_o = prf(t.det_tp_overlap, t.n_pred, t.n_gold)
    metrics = {
        "e2e_acc161": safe_div(t.hit161, t.n_coords),
        "e2e_exact_id": safe_div(t.hit_id, t.n_ids),
        "detection_precision": det["precision"],
        "detection_recall": det["recall"],
        "detection_f1": det["f1"],
        "detection_overlap_f1": det_o["f1"],
        "median_error_km": round(statistics.median(t.errors), 1) if t.errors else None,
        "e2e_resolved": len(t.errors),
    }
    return {f"{key}{SUFFIX}": value for key, value in metrics.items()}
