"""Helpers shared by every newsgraph pipeline stage (spaCy component).

A stage must never lose a document: spaCy drops a Doc whose component raises. Wrap each
stage's ``__call__`` with :func:`guarded`; an exception is then recorded on the Doc (and
later stored as a Failure row for that article) and the Doc goes on to the next stage.
"""

from __future__ import annotations

import functools
import json
import logging
import shutil
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, Generic, TypeVar

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


# -- the stage contract ------------------------------------------------------------------
#
# Every newsgraph stage is a spaCy component built on :class:`Stage`:
#
# * ``__init__(nlp, name, *, typed options)`` stores its options and loads nothing;
# * ``initialize()`` (spaCy calls it through ``[initialize.components]``; the first document
#   calls it too when nobody did) loads the stage's data files into ``self.data``;
# * ``find(doc) -> result`` computes a per-document result object and keeps no state on
#   ``self``; ``set_annotations(doc, result)`` writes the stage's Doc extensions;
# * ``to_disk(path)`` copies every data file the stage was loaded from (user dictionaries
#   included) under ``path``; ``from_disk(path)`` loads them from there, so a saved pipeline
#   is self-contained.
#
# A subclass names its data files in ``data_files()`` (key -> file or folder, None where an
# optional file is not set) and builds its resources from them in ``load_data(files)``.

R = TypeVar("R")
S = TypeVar("S", bound="Stage[Any]")

_FILES_INDEX = "files.json"


class Stage(Generic[R]):
    """Base class of the newsgraph components (see the comment above)."""

    #: the stage's short name, used for failure rows ("events", "actors", ...)
    stage: str = ""

    def __init__(self, nlp: Any, name: str) -> None:
        self.name = name
        self._data: Any = None
        self._loaded = False
        self._saved: dict[str, Path | None] | None = None  # files read back by from_disk

    # data ----------------------------------------------------------------------------
    def data_files(self) -> dict[str, Path | None]:
        """The files or folders this stage reads, by key (None: an optional file not set)."""
        return {}

    def load_data(self, files: dict[str, Path | None]) -> Any:
        """Build the stage's resources from ``files`` (same keys as :meth:`data_files`)."""
        return None

    def _files(self) -> dict[str, Path | None]:
        if self._saved is not None:
            return dict(self._saved)
        return self.data_files()

    def initialize(self, get_examples: Callable[[], Any] | None = None, *, nlp: Any = None) -> None:
        """Load the data files now (spaCy calls this from ``nlp.initialize``)."""
        self._data = self.load_data(self._files())
        self._loaded = True

    @property
    def loaded(self) -> bool:
        """Whether the data files are loaded (by :meth:`initialize` or :meth:`from_disk`)."""
        return self._loaded

    @property
    def data(self) -> Any:
        if not self._loaded:
            self.initialize()
        return self._data

    # processing ----------------------------------------------------------------------
    def find(self, doc: Doc) -> R:
        raise NotImplementedError

    def set_annotations(self, doc: Doc, result: R) -> None:
        raise NotImplementedError

    def __call__(self, doc: Doc) -> Doc:
        if not self._loaded:  # a broken data file is the pipeline's error, not the document's
            self.initialize()
        try:
            self.set_annotations(doc, self.find(doc))
        except Exception as exc:  # noqa: BLE001 - recorded, never swallowed silently
            record_error(doc, self.stage or self.name, exc)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)

    # serialization -------------------------------------------------------------------
    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Copy every data file this stage uses under ``path`` (a folder)."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        index: dict[str, str | None] = {}
        for key, src in self._files().items():
            if src is None:
                index[key] = None
                continue
            src = Path(src)
            dest = path / key
            if dest.exists():
                shutil.rmtree(dest) if dest.is_dir() else dest.unlink()
            if src.is_dir():
                shutil.copytree(src, dest)
            else:
                dest.mkdir()
                shutil.copyfile(src, dest / src.name)
                index[key] = f"{key}/{src.name}"
                continue
            index[key] = key
        (path / _FILES_INDEX).write_text(json.dumps(index, indent=1, sort_keys=True), "utf-8")

    def from_disk(self: S, path: str | Path, *, exclude: Iterable[str] = ()) -> S:
        """Load the data files written by :meth:`to_disk` from ``path``."""
        path = Path(path)
        index_file = path / _FILES_INDEX
        if not index_file.exists():  # saved by a version with no data files
            return self
        index = json.loads(index_file.read_text("utf-8"))
        self._saved = {k: (path / v if v else None) for k, v in index.items()}
        self._data = self.load_data(dict(self._saved))
        self._loaded = True
        return self
