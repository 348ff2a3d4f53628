"""JSON Lines: one article per line.

Keys: ``id``, ``url``, ``source``, ``title``, ``published``, ``text``; news-please names are
accepted too (``maintext``, ``date_publish``, ``source_domain``). Each bad line becomes its
own failure; the good lines of the file are still read.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from newsgraph.errors import InputError
from newsgraph.ingest.dates import parse_published
from newsgraph.ingest.identity import make_article
from newsgraph.records import Article, Failure

TEXT_KEYS = ("text", "maintext", "body", "content")
DATE_KEYS = ("published", "date_publish", "date", "published_at")
SOURCE_KEYS = ("source", "source_domain", "sitename")


def _first(obj: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        value = obj.get(key)
        if value not in (None, ""):
            return value
    return None


def parse_line(line: str, *, input_name: str, published: str | None = None) -> Article:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError("not-json", f"line is not JSON ({exc.msg} at column {exc.colno})") from exc
    if not isinstance(obj, dict):
        raise InputError("not-json-object", "line is JSON but not an object")
    text = _first(obj, TEXT_KEYS)
    if not isinstance(text, str) or not text.strip():
        raise InputError("no-text", f"object has no text (expected one of: {', '.join(TEXT_KEYS)})")
    raw_date = _first(obj, DATE_KEYS)
    date, precision = parse_published(raw_date)
    if date is None:
        date, precision = parse_published(published)
    article = make_article(
        text=text,
        url=obj.get("url") or None,
        source=_first(obj, SOURCE_KEYS),
        title=obj.get("title"),
        published=date,
        published_precision=precision,
        explicit_id=str(obj["id"]) if obj.get("id") not in (None, "") else None,
        input_name=input_name,
    )
    if isinstance(obj.get("language"), str):
        article.language = obj["language"]
    return article


def read_jsonl(
    text: str, *, input_name: str, published: str | None = None
) -> Iterator[Article | Failure]:
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{input_name}:{lineno}"
        try:
            yield parse_line(line, input_name=where, published=published)
        except InputError as exc:
            yield Failure(input=where, stage="read", kind=exc.kind, message=exc.message)
