"""Stable article identity.

An article's id comes from, in order: an explicit id in the input; its URL (normalized:
scheme, ``www.``, fragment, tracking parameters and trailing slash do not count); its
normalized text. The content hash (of the normalized text) tells an updated article (same
id, new text) from an unchanged one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from urllib.parse import parse_qsl, urlencode, urlsplit

from newsgraph.records import Article

_WS = re.compile(r"\s+")
_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid)$", re.I)


def normalize_text(text: str) -> str:
    return _WS.sub(" ", unicodedata.normalize("NFC", text)).strip()


def normalize_url(url: str) -> str:
    parts = urlsplit(url.strip())
    host = parts.netloc.lower().removeprefix("www.")
    path = parts.path.rstrip("/") or "/"
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query) if not _TRACKING.match(k)))
    return f"{host}{path}" + (f"?{query}" if query else "")


def _digest(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def content_hash(text: str) -> str:
    return _digest(normalize_text(text))[:32]


def article_id(*, text: str, url: str | None = None, explicit: str | None = None) -> str:
    if explicit:
        return str(explicit).strip()
    if url:
        return "u" + _digest(normalize_url(url))[:15]
    return "t" + _digest(normalize_text(text))[:15]


def clean_text(text: str) -> str:
    """Text as stored: NFC, Windows and old Mac line ends made Unix, no BOM, no NULs."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\ufeff", "").replace("\x00", "").strip()


def make_article(
    *,
    text: str,
    input_name: str,
    url: str | None = None,
    source: str | None = None,
    title: str | None = None,
    published: str | None = None,
    published_precision: str | None = None,
    explicit_id: str | None = None,
) -> Article:
    text = clean_text(text)
    return Article(
        id=article_id(text=text, url=url, explicit=explicit_id),
        text=text,
        url=url or None,
        source=source or None,
        title=(title or "").strip() or None,
        published=published,
        published_precision=published_precision if published else None,
        input=input_name,
        content_hash=content_hash(text),
        ingested_at=dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
    )
