"""``newsgraph eval plover``: PLOVER gold standard records (JSON) against our events.

The gold is a JSON array (or JSON lines) of PLOVER records, each one event of one sentence:
``text``, ``event`` (category), ``source``/``target`` (lists of ``{"actorText", "code",
"sector"}``), optional ``mode``, ``eventLoc`` (``{"name", ...}``), ``date``. Records coded in
PLOVER 0.5b1 are mapped to the current 16 categories (``data/plover_05b1_categories.csv``,
reasons in docs/EVAL_MAPPINGS.md). Records sharing a text are one sentence with several
gold events.

Scores (a sentence's events are ordered by trigger position):

* ``category_accuracy``: the sentence's first event has a gold category of the sentence
  (a sentence with no event is wrong). ``category_macro_f1``: per-category F1 of that first
  label, macro-averaged over every category in the gold or the predictions.
* ``category_accuracy_any`` / ``category_macro_f1_any``: any event of the sentence counts
  (multi-label per category), and ``event_precision`` = sentences coded right (any) / events
  emitted, so emitting many categories per sentence cannot raise the score.
* per gold record, our event of the same category (else the sentence's first event) is
  compared: ``source_country_accuracy`` / ``target_country_accuracy`` (our actors' countries
  are a non-empty subset of the gold codes), ``source_country_sector_accuracy`` (same with
  country+sector pairs, over records whose gold source has a sector), ``mode_accuracy``
  (same category and mode, where gold has a mode), ``location_accuracy`` (where gold has a
  location: our place name equals or contains the gold name, or the reverse).

The baseline (majority category; the first two countries named are source and target)
finds countries with its own name list: ``pycountry``'s names plus
``data/country_names.csv``. That list is not the stages' country table
(:mod:`newsgraph.language.countries`) and must not become it: it maps names to the *gold
coding* conventions of PLOVER/CAMEO ("Kosovo" -> SRB, "UN"/"NATO"/"EU" -> IGO, "Red Cross"
-> NGO, "Kurdish" -> IRQ), it is matched case-sensitively by one regular expression, and it
defines a fixed reference system whose scores are pinned in docs/EVALUATION.md. Matching
with the shared table instead gives other countries on 54 of the 176 gold sentences (it
knows capitals and more adjectives, and codes Kosovo XKX), so the baseline would move.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsgraph.errors import NewsgraphError
from newsgraph.evaluate.common import EvalResult, safe_div, units_of_split
from newsgraph.evaluate.runner import (
    Progress,
    analyze_articles,
    class_scores,
    failure_details,
    read_table,
)
from newsgraph.records import PLOVER_CATEGORIES, Article, ArticleResult, to_dict

if TYPE_CHECKING:
    from newsgraph.pipeline import Analyzer

Actor = tuple[str, str | None]  # (country code, sector or None)


@dataclass
class GoldRecord:
    id: str
    category: str
    raw_category: str
    sources: list[Actor] = field(default_factory=list)
    targets: list[Actor] = field(default_factory=list)
    mode: str | None = None
    location: str | None = None


@dataclass
class GoldSentence:
    id: str
    text: str
    date: str | None
    records: list[GoldRecord] = field(default_factory=list)

    @property
    def categories(self) -> set[str]:
        return {r.category for r in self.records}


# --------------------------------------------------------------------------- mappings


def category_map() -> dict[str, str]:
    table = {row["old"].upper(): row["new"].upper() for row in read_table("plover_05b1_categories.csv")}
    for cat in PLOVER_CATEGORIES:
        table.setdefault(cat, cat)
    return table


def mode_map() -> dict[str, str]:
    return {row["old"].lower(): row["new"].lower() for row in read_table("plover_05b1_modes.csv")}


def _code_maps() -> tuple[dict[str, str], dict[str, str]]:
    countries: dict[str, str] = {}
    sectors: dict[str, str] = {}
    for row in read_table("plover_actor_codes.csv"):
        target = countries if row["field"] == "country" else sectors
        target[row["old"].upper()] = row["new"].upper()
    return countries, sectors


_COUNTRIES, _SECTORS = _code_maps()
_MODES = mode_map()


def norm_country(code: Any) -> str | None:
    if not isinstance(code, str) or not code.strip():
        return None
    c = code.strip().upper()
    return _COUNTRIES.get(c, c) or None


def norm_sector(code: Any) -> str | None:
    """First 3 letters of a sector code (``CVLalb`` -> ``CVL``); unknown -> None."""
    if not isinstance(code, str) or not code.strip():
        return None
    c = code.strip().upper()
    if c in _SECTORS:
        return _SECTORS[c] or None
    c = c[:3]
    return _SECTORS.get(c, c) or None


def norm_mode(mode: Any) -> str | None:
    if isinstance(mode, list):
        mode = mode[0] if mode else None
    if not isinstance(mode, str) or not mode.strip():
        return None
    m = mode.strip().lower()
    return _MODES.get(m, m)


def _norm_place(name: str) -> str:
    n = re.sub(r"[^\w\s]", " ", name.casefold())
    n = re.sub(r"\b(the|town|city|village|of)\b", " ", n)
    return " ".join(n.split())


def place_matches(gold: str, ours: str | None) -> bool:
    if not ours:
        return False
    g, o = _norm_place(gold), _norm_place(ours)
    if not g or not o:
        return False
    return g == o or f" {g} " in f" {o} " or f" {o} " in f" {g} "


# --------------------------------------------------------------------------- gold


def _actors(value: Any) -> list[Actor]:
    if isinstance(value, dict):
        value = [value]
    if not isinstance(value, list):
        return []
    out: list[Actor] = []
    for item in value:
        if not isinstance(item, dict):
            continue
        country = norm_country(item.get("code") or item.get("country"))
        if country:
            out.append((country, norm_sector(item.get("sector"))))
    return out


def _location(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("name")
    return value.strip() if isinstance(value, str) and value.strip() else None


def _read_records(path: Path) -> list[dict[str, Any]]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise NewsgraphError(f"Cannot read PLOVER gold file {path}: {exc}") from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        data = []
        for i, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                data.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise NewsgraphError(
                    f"{path}:{i}: not PLOVER gold JSON (a JSON array or JSON lines): {exc.msg}"
                ) from exc
    if isinstance(data, dict):
        data = data.get("records") or data.get("data") or [data]
    if not isinstance(data, list):
        raise NewsgraphError(f"{path}: expected a JSON array of PLOVER records")
    return [r for r in data if isinstance(r, dict)]


def load_gold(data: Path) -> tuple[list[GoldSentence], dict[str, int]]:
    """Sentences with their gold records; also counts of skipped records by reason."""
    data = Path(data)
    if data.is_dir():
        # *.json / *.jsonl; *.txt too (the upstream name of the records file) when it parses
        files = sorted(p for p in data.rglob("*") if p.suffix.lower() in (".json", ".jsonl"))
        for txt in sorted(data.rglob("*.txt")):
            try:
                _read_records(txt)
            except NewsgraphError:
                continue
            files.append(txt)
    else:
        files = [data]
    if not files:
        raise NewsgraphError(f"No PLOVER gold files (*.json, *.jsonl) under {data}")
    cats = category_map()
    skipped: Counter[str] = Counter()
    by_text: dict[str, GoldSentence] = {}
    for path in files:
        for rec in _read_records(path):
            raw = str(rec.get("event") or "").strip().upper()
            text = rec.get("text")
            if raw == "DOCUMENT":
                continue
            if not isinstance(text, str) or not text.strip() or not raw:
                skipped["no text or event"] += 1
                continue
            category = cats.get(raw)
            if category is None:
                skipped[f"unknown category {raw}"] += 1
                continue
            sent = by_text.get(text)
            if sent is None:
                date = rec.get("date") if isinstance(rec.get("date"), str) else None
                sent = GoldSentence(id=f"s{len(by_text) + 1}", text=text, date=date or None)
                by_text[text] = sent
            sent.records.append(
                GoldRecord(
                    id=str(rec.get("id") or f"{sent.id}-{len(sent.records) + 1}"),
                    category=category,
                    raw_category=raw,
                    sources=_actors(rec.get("source")),
                    targets=_actors(rec.get("target")),
                    mode=norm_mode(rec.get("mode")),
                    location=_location(rec.get("eventLoc") or rec.get("location")),
                )
            )
    if not by_text:
        raise NewsgraphError(f"No PLOVER event records (with text and event) in {data}")
    return list(by_text.values()), dict(skipped)


# --------------------------------------------------------------------------- scoring


def ordered_events(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Events in text order of their trigger (emission order breaks ties)."""

    def key(item: tuple[int, dict[str, Any]]) -> tuple[int, int]:
        i, ev = item
        trig = ev.get("trigger") or {}
        start = trig.get("start") if isinstance(trig, dict) else None
        return (start if isinstance(start, int) else 10**9, i)

    return [ev for _, ev in sorted(enumerate(events), key=key)]


def _our_actors(items: Any) -> set[Actor]:
    out: set[Actor] = set()
    for item in items or []:
        if isinstance(item, dict):
            country = norm_country(item.get("country"))
            if country:
                out.add((country, norm_sector(item.get("sector"))))
    return out


def _countries_ok(gold: list[Actor], ours: set[Actor]) -> bool:
    got = {c for c, _ in ours}
    return bool(got) and got <= {c for c, _ in gold}


def _pairs_ok(gold: list[Actor], ours: set[Actor]) -> bool:
    return bool(ours) and ours <= set(gold)


def score(
    sentences: list[GoldSentence], predictions: dict[str, list[dict[str, Any]]]
) -> tuple[dict[str, float], dict[str, Any]]:
    """Metrics of predicted events (plain dicts keyed like :class:`Event`) per sentence id."""
    first_pairs: list[tuple[set[str], set[str]]] = []
    any_pairs: list[tuple[set[str], set[str]]] = []
    n_first = n_any = n_events = n_with_event = 0
    counts: Counter[str] = Counter()
    errors: list[str] = []
    for sent in sentences:
        events = ordered_events(predictions.get(sent.id, []))
        cats = [str(ev.get("category") or "").upper() for ev in events]
        gold = sent.categories
        n_events += len(events)
        n_with_event += bool(events)
        first = cats[0] if cats else None
        ok_first = first in gold
        n_first += ok_first
        label = first if ok_first and first else sent.records[0].category
        first_pairs.append(({label}, {first} if first else set()))
        ok_any = bool(set(cats) & gold)
        n_any += ok_any
        any_pairs.append((gold, set(cats)))
        if not ok_first and len(errors) < 10:
            errors.append(f"gold {'/'.join(sorted(gold))}, ours {first or 'none'}: {sent.text[:90]}")
        for rec in sent.records:
            ev = next((e for e in events if str(e.get("category") or "").upper() == rec.category), None)
            if ev is None and events:
                ev = events[0]
            ours_src = _our_actors(ev.get("sources")) if ev else set()
            ours_tgt = _our_actors(ev.get("targets")) if ev else set()
            if rec.sources:
                counts["src_n"] += 1
                counts["src_ok"] += _countries_ok(rec.sources, ours_src)
                if any(s for _, s in rec.sources):
                    counts["src_sec_n"] += 1
                    counts["src_sec_ok"] += _pairs_ok(rec.sources, ours_src)
            if rec.targets:
                counts["tgt_n"] += 1
                counts["tgt_ok"] += _countries_ok(rec.targets, ours_tgt)
                if any(s for _, s in rec.targets):
                    counts["tgt_sec_n"] += 1
                    counts["tgt_sec_ok"] += _pairs_ok(rec.targets, ours_tgt)
            if rec.mode:
                counts["mode_n"] += 1
                counts["mode_ok"] += bool(
                    ev
                    and str(ev.get("category") or "").upper() == rec.category
                    and norm_mode(ev.get("mode")) == rec.mode
                )
            if rec.location:
                counts["loc_n"] += 1
                place = ev.get("place") if ev else None
                name = place.get("name") if isinstance(place, dict) else None
                counts["loc_ok"] += place_matches(rec.location, name)
    n = len(sentences)
    per_first, macro_first = class_scores(first_pairs)
    per_any, macro_any = class_scores(any_pairs)
    metrics = {
        "category_accuracy": safe_div(n_first, n),
        "category_macro_f1": macro_first,
        "source_country_accuracy": safe_div(counts["src_ok"], counts["src_n"]),
        "target_country_accuracy": safe_div(counts["tgt_ok"], counts["tgt_n"]),
        "source_country_sector_accuracy": safe_div(counts["src_sec_ok"], counts["src_sec_n"]),
        "target_country_sector_accuracy": safe_div(counts["tgt_sec_ok"], counts["tgt_sec_n"]),
        "mode_accuracy": safe_div(counts["mode_ok"], counts["mode_n"]),
        "location_accuracy": safe_div(counts["loc_ok"], counts["loc_n"]),
        "category_accuracy_any": safe_div(n_any, n),
        "category_macro_f1_any": macro_any,
        "event_precision": safe_div(n_any, n_events),
        "sentences_with_event": safe_div(n_with_event, n),
    }
    details: dict[str, Any] = {
        "per_category_first_event": per_first,
        "per_category_any_event": per_any,
        "counts": {
            "sentences": n,
            "records": sum(len(s.records) for s in sentences),
            "events_emitted": n_events,
            "with_source": counts["src_n"],
            "with_target": counts["tgt_n"],
            "with_source_sector": counts["src_sec_n"],
            "with_mode": counts["mode_n"],
            "with_location": counts["loc_n"],
        },
        "first_event_errors": errors,
    }
    return metrics, details


# --------------------------------------------------------------------------- baseline


def _country_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    """The baseline's country names (gold coding conventions, see the module docstring)."""
    import pycountry

    names: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name"):
            value = getattr(c, attr, None)
            if value and "," not in value:
                names.setdefault(value, c.alpha_3)
    for row in read_table("country_names.csv"):
        names[row["name"]] = row["code"]
    alts = sorted(names, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w.])(" + "|".join(re.escape(a) for a in alts) + r")(?![\w])")
    return pattern, names


def countries_in(text: str, pattern: re.Pattern[str], names: dict[str, str]) -> list[str]:
    """Country codes named in ``text``, in order of first mention, without repeats."""
    out: list[str] = []
    for m in pattern.finditer(text):
        code = names[m.group(1)]
        if code not in out:
            out.append(code)
    return out


def baseline_predictions(sentences: list[GoldSentence]) -> dict[str, list[dict[str, Any]]]:
    """Majority category (with its majority mode) for every sentence; the first country
    named is the source (with the majority gold sector), the second the target."""
    majority = Counter(s.records[0].category for s in sentences).most_common(1)[0][0]
    modes = Counter(r.mode for s in sentences for r in s.records if r.category == majority and r.mode)
    mode = modes.most_common(1)[0][0] if modes else None
    sectors = Counter(sec for s in sentences for r in s.records for _, sec in r.sources if sec)
    sector = sectors.most_common(1)[0][0] if sectors else None
    pattern, names = _country_pattern()
    out: dict[str, list[dict[str, Any]]] = {}
    for sent in sentences:
        found = countries_in(sent.text, pattern, names)
        out[sent.id] = [
            {
                "category": majority,
                "mode": mode,
                "sources": [{"country": found[0], "sector": sector}] if found else [],
                "targets": [{"country": found[1]}] if len(found) > 1 else [],
                "place": None,
            }
        ]
    return out


# --------------------------------------------------------------------------- entry point


def events_of(result: ArticleResult) -> list[dict[str, Any]]:
    return [to_dict(ev) for ev in result.events]


def evaluate(
    data: Path,
    *,
    limit: int | None = None,
    analyzer: Analyzer | None = None,
    progress: Progress | None = None,
    split: str = "all",
) -> EvalResult:
    sentences, skipped = load_gold(Path(data))
    sentences = units_of_split(sentences, split, lambda s: s.id, data)
    if limit is not None:
        sentences = sentences[:limit]
    articles = [Article(id=s.id, text=s.text, published=s.date) for s in sentences]
    results, failures = analyze_articles(articles, analyzer, progress=progress)
    predictions = {sid: events_of(r) for sid, r in results.items()}
    metrics, details = score(sentences, predictions)
    base, _ = score(sentences, baseline_predictions(sentences))
    details.update(failure_details(failures))
    if skipped:
        details["skipped_records"] = skipped
    baseline = {k: base[k] for k in metrics if k not in ("sentences_with_event",)}
    return EvalResult(kind="plover", data=str(data), n=len(sentences), metrics=metrics,
                      baseline=baseline, details=details, split=split)
