"""Helpers shared by every newsgraph pipeline stage (spaCy component).

A stage must never lose a document: spaCy drops a Doc whose component raises. Wrap each
stage's ``__call__`` with :func:`guarded`; an exception is then recorded on the Doc (and
later stored as a Failure row for that article) and the Doc goes on to the next stage.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import Any, TypeVar

from spacy.tokens import Doc

logger = logging.getLogger("newsgraph")

C = TypeVar("C", bound=Callable[..., Doc])


def record_error(doc: Doc, stage: str, error: BaseException) -> None:
    errors = doc.user_data.setdefault("ng_errors", [])
    errors.append((stage, f"{type(error).__name__}: {error}"))
    logger.warning("stage %s failed on a document: %s", stage, error)


def guarded(stage: str) -> Callable[[C], C]:
    """Decorate a component's ``__call__(self, doc)`` so an exception never drops the Doc."""

    def decorate(method: C) -> C:
        @functools.wraps(method)
        def wrapper(self: Any, doc: Doc, *args: Any, **kwargs: Any) -> Doc:
            try:
                return method(self, doc, *args, **kwargs)
            except Exception as exc:  # noqa: BLE001 - recorded, never swallowed silently
                record_error(doc, stage, exc)
                return doc

        return wrapper  # type: ignore[return-value]

    return decorate


def doc_errors(doc: Doc) -> list[tuple[str, str]]:
    return list(doc.user_data.get("ng_errors") or [])
