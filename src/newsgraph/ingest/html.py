"""HTML pages: the article body, title, date and URL through trafilatura."""

from __future__ import annotations

import logging

import trafilatura
from trafilatura.settings import use_config

from newsgraph.errors import InputError
from newsgraph.ingest.dates import parse_published
from newsgraph.ingest.identity import make_article
from newsgraph.records import Article

# trafilatura logs a warning per odd page; newsgraph reports its own failures instead.
logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("htmldate").setLevel(logging.ERROR)

# Fewer words than this is navigation or a stub, not an article body.
MIN_BODY_WORDS = 10

_CONFIG = use_config()
# No per-page timeout signal handler (it does not work in worker threads).
_CONFIG.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")


def extract_body(html: str | bytes, url: str | None = None) -> dict[str, str | None]:
    """Body text and metadata of an HTML page; raises InputError when there is no article body."""
    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            config=_CONFIG,
        )
    except Exception as exc:  # noqa: BLE001 - a broken page is bad content, not a crash
        raise InputError("html-unparsable", f"HTML could not be parsed: {exc}") from exc
    if doc is not None and not isinstance(doc, dict):
        doc = doc.as_dict()
    if not isinstance(doc, dict) or not (doc.get("text") or "").strip():
        raise InputError("html-no-body", "HTML page has no article body that could be extracted")
    words = len(str(doc["text"]).split())
    if words < MIN_BODY_WORDS:
        raise InputError(
            "html-no-body",
            f"HTML page has no article body (only {words} word(s) of text outside the page furniture)",
        )
    return {
        "text": doc.get("text"),
        "title": doc.get("title"),
        "date": doc.get("date"),
        "url": doc.get("url") or url,
        "source": doc.get("sitename") or doc.get("hostname"),
    }


def read_html(
    html: str | bytes, *, input_name: str, url: str | None = None, published: str | None = None
) -> Article:
    """One Article from an HTML page. ``published`` is the default when the page has no date."""
    meta = extract_body(html, url=url)
    date, precision = parse_published(meta.get("date"))
    if date is None:
        date, precision = parse_published(published)
    return make_article(
        text=meta["text"] or "",
        url=meta.get("url"),
        source=meta.get("source"),
        title=meta.get("title"),
        published=date,
        published_precision=precision,
        input_name=input_name,
    )
