"""Scorers against gold data nobody on the team wrote: ``newsgraph eval KIND --data PATH``.

Each kind is a module of this package exposing::

    def evaluate(data: Path, *, limit: int | None = None, analyzer: Analyzer | None = None,
                 progress: Callable[[int, int | None], None] | None = None) -> EvalResult

``EvalResult`` (see :mod:`newsgraph.evaluate.common`) carries ``kind``, ``data``, ``n``,
``metrics`` and ``baseline``; ``--json`` prints exactly that object.
"""

from __future__ import annotations

# kind -> module (imported lazily: a scorer's imports stay out of other commands).
KINDS: dict[str, str] = {
    "plover": "newsgraph.evaluate.plover",
    "cameo": "newsgraph.evaluate.cameo",
    "geo": "newsgraph.evaluate.geo",
    "quotes": "newsgraph.evaluate.quotes",
    "timex": "newsgraph.evaluate.timex",
    "extraction": "newsgraph.evaluate.extraction",
    "ner": "newsgraph.evaluate.ner",
    "stories": "newsgraph.evaluate.stories",
}
