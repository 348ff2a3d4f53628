"""Plain text and Markdown, with optional YAML front matter.

Front matter keys read: ``title``, ``published`` (also ``date``), ``source``, ``url``, ``id``.
Without a title, a first line that is a Markdown heading (``# ...``) becomes the title and
is removed from the text.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from newsgraph.errors import InputError
from newsgraph.ingest.dates import parse_published
from newsgraph.ingest.identity import make_article
from newsgraph.records import Article

_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_HEADING = re.compile(r"\A#{1,6}[ \t]+(.+?)[ \t#]*\r?\n")


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """(front matter, body). Raises InputError when the front matter is not a YAML mapping."""
    match = _FRONT.match(text)
    if not match:
        return {}, text
    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        where = f" (line {line + 2})" if line is not None else ""
        raise InputError("bad-front-matter", f"front matter is not valid YAML{where}") from exc
    if not isinstance(meta, dict):
        raise InputError("bad-front-matter", "front matter is not a mapping of keys to values")
    return meta, text[match.end() :]


def read_text(text: str, *, input_name: str, published: str | None = None) -> Article:
    meta, body = split_front_matter(text.lstrip("\ufeff"))
    title = meta.get("title")
    body = body.lstrip("\r\n")
    heading = _HEADING.match(body)
    if heading and not title:
        title = heading.group(1).strip()
        body = body[heading.end() :]
    raw_date = meta.get("published", meta.get("date"))
    date, precision = parse_published(raw_date)
    if raw_date is not None and date is None:
        raise InputError("bad-date", f"front matter date {raw_date!r} is not a date")
    if date is None:
        date, precision = parse_published(published)
    return make_article(
        text=body,
        url=_str(meta.get("url")),
        source=_str(meta.get("source")),
        title=_str(title),
        published=date,
        published_precision=precision,
        explicit_id=_str(meta.get("id")),
        input_name=input_name,
    )


def _str(value: Any) -> str | None:
    return None if value is None else str(value)
