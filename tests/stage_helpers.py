"""Helpers several stage test modules share (not a test module itself)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from spacy.language import Language

from newsgraph.places.geonames import build_from_geonames
from newsgraph.quotes import QuotesComponent

# -- quotes ------------------------------------------------------------------------------


def quotes_of(
    base_nlp: Language,
    quotes: QuotesComponent,
    text: str,
    actors: list[dict[str, Any]] | None = None,
    mentions: list[dict[str, Any]] | None = None,
) -> list[dict[str, Any]]:
    """The quotes stage alone on ``text`` (with the actors layer given, if any)."""
    doc = base_nlp(text)
    doc._.ng_actors = actors
    doc._.ng_actor_mentions = mentions
    doc = quotes(doc)
    assert not doc.user_data.get("ng_errors")
    return list(doc._.ng_quotes)


def holding(found: list[dict[str, Any]], needle: str) -> list[dict[str, Any]]:
    return [q for q in found if needle in q["text"]]


# -- events ------------------------------------------------------------------------------


def events_of(analyzer: Any, text: str) -> list[dict[str, Any]]:
    return list(analyzer.nlp(text)._.ng_events or [])


def event_of(analyzer: Any, text: str, category: str) -> dict[str, Any]:
    events = [e for e in events_of(analyzer, text) if e["category"] == category]
    assert events, f"no {category} event in {text!r}: {events_of(analyzer, text)}"
    return events[0]


def countries(refs: list[dict[str, Any]]) -> set[str | None]:
    return {r.get("country") for r in refs}


# -- places: a small gazetteer in GeoNames format -----------------------------------------


def _country_line(iso2: str, iso3: str, name: str, capital: str, gid: int) -> str:
    cols = [iso2, iso3, "0", "", name, capital, "0", "1000000"] + [""] * 8
    return "\t".join([*cols, str(gid), "", ""])


def _place_line(r: tuple[Any, ...]) -> str:
    gid, name, lat, lon, fclass, fcode, cc, a1, a2, pop = r
    cols = [str(gid), name, name, "", str(lat), str(lon), fclass, fcode, cc, "", a1, a2]
    return "\t".join([*cols, "", "", str(pop), "", "", "", "2025-01-01"])


def small_gazetteer(
    folder: Path, rows: list[tuple[Any, ...]], countries: list[tuple[Any, ...]]
) -> Path:
    """Write ``allCountries.txt`` and ``countryInfo.txt`` in ``folder`` and build an index.

    ``rows``: (id, name, lat, lon, feature class, feature code, country, admin1, admin2,
    population); ``countries``: (ISO alpha-2, alpha-3, name, capital, GeoNames id).
    """
    (folder / "allCountries.txt").write_text("\n".join(_place_line(r) for r in rows) + "\n")
    (folder / "countryInfo.txt").write_text(
        "\n".join(_country_line(*c) for c in countries) + "\n"
    )
    dest = folder / "gazetteer.sqlite"
    build_from_geonames(folder, dest)
    return dest
