"""Readers: files, folders, globs and stdin in, Articles (or Failures) out.

Formats, by file name (``.gz`` is opened transparently):

- ``.txt``, ``.text``, ``.md``, ``.markdown``: text, optional YAML front matter
- ``.jsonl``, ``.ndjson``, ``.json``: one article per line
- ``.html``, ``.htm``, ``.xhtml``: a web page, body extracted with trafilatura
- anything else, and stdin: sniffed from the content

Every input ends as an :class:`~newsgraph.records.Article` or a
:class:`~newsgraph.records.Failure` with its reason: nothing is skipped silently.
"""

from __future__ import annotations

import glob
import gzip
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from newsgraph.errors import InputError
from newsgraph.ingest.decode import decode_bytes
from newsgraph.ingest.html import read_html
from newsgraph.ingest.jsonl import read_jsonl
from newsgraph.ingest.language import SUPPORTED, detect_language
from newsgraph.ingest.text import read_text
from newsgraph.records import Article, Failure

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
# Files in a folder that are plainly not articles: listed as failures only when named directly.
MAX_BYTES = 200 * 1024 * 1024
_GLOB_CHARS = set("*?[")


def expand_inputs(paths: Iterable[str]) -> Iterator[tuple[str, Path | None] | Failure]:
    """(name, path) for each input file, ``("<stdin>", None)`` for ``-``; Failure if missing.

    Folders are walked recursively in sorted order; hidden files and folders (names starting
    with a dot) inside a folder are not inputs.
    """
    for raw in paths:
        if raw == "-":
            yield ("<stdin>", None)
            continue
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                rel = child.relative_to(path)
                if any(part.startswith(".") for part in rel.parts):
                    continue
                if child.is_file():
                    yield (str(child), child)
            continue
        if path.is_file():
            yield (str(path), path)
            continue
        if _GLOB_CHARS & set(raw):
            matches = sorted(glob.glob(raw, recursive=True))
            if not matches:
                yield Failure(raw, "read", "no-match", f"pattern {raw!r} matches no file")
            for match in matches:
                yield from expand_inputs([match])
            continue
        yield Failure(raw, "read", "not-found", f"{raw}: no such file or folder")


def _format_for(name: str, data: bytes) -> str:
    lower = name.lower()
    suffix = Path(lower.removesuffix(".gz")).suffix
    if suffix in TEXT_SUFFIXES:
        return "text"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in HTML_SUFFIXES:
        return "html"
    head = data[:2048].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head:
        return "html"
    if head.startswith(b"{"):
        return "jsonl"
    return "text"


def read_bytes(
    data: bytes, *, name: str, published: str | None = None
) -> Iterator[Article | Failure]:
    """Articles from the bytes of one input (one article, or many for JSON Lines)."""
    if name.lower().endswith(".gz"):
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as exc:
            yield Failure(name, "read", "bad-gzip", f"not a readable gzip file: {exc}")
            return
    fmt = _format_for(name, data)
    try:
        if fmt == "html":
            yield read_html(data, input_name=name, published=published)
            return
        text = decode_bytes(data)
        if fmt == "jsonl":
            yield from read_jsonl(text, input_name=name, published=published)
        else:
            yield read_text(text, input_name=name, published=published)
    except InputError as exc:
        yield Failure(name, "read", exc.kind, exc.message)


def _read_file(path: Path) -> bytes:
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise InputError("too-large", f"file is {size // 2**20} MiB, over the {MAX_BYTES // 2**20} MiB limit")
    return path.read_bytes()


def check_article(article: Article) -> Failure | None:
    """Content checks every article passes before NLP: some text, a supported language."""
    if not article.text.strip():
        return Failure(article.input or article.id, "read", "empty-text", "article has no text", article.id)
    language = article.language or detect_language(article.text)
    article.language = language
    if language is not None and language not in SUPPORTED:
        shown = language or "unknown"
        return Failure(
            article.input or article.id,
            "language",
            "unsupported-language",
            f"language {shown!r} is not supported (newsgraph reads English)",
            article.id,
        )
    return None


def read_inputs(
    paths: Iterable[str],
    *,
    published: str | None = None,
    stdin: BinaryIO | None = None,
) -> Iterator[Article | Failure]:
    """Every article of every input, checked; a Failure for whatever cannot be read."""
    for item in expand_inputs(paths):
        if isinstance(item, Failure):
            yield item
            continue
        name, path = item
        try:
            if path is None:
                stream = stdin if stdin is not None else sys.stdin.buffer
                data = stream.read()
            else:
                data = _read_file(path)
        except InputError as exc:
            yield Failure(name, "read", exc.kind, exc.message)
            continue
        except OSError as exc:
            yield Failure(name, "read", "unreadable", f"cannot read: {exc.strerror or exc}")
            continue
        if not data.strip():
            yield Failure(name, "read", "empty-file", "input is empty")
            continue
        for article in read_bytes(data, name=name, published=published):
            if isinstance(article, Article):
                failure = check_article(article)
                yield failure if failure is not None else article
            else:
                yield article
