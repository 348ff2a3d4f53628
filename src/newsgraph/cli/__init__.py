"""The ``newsgraph`` command line. Each command is a thin wrapper over an importable function.

- :mod:`newsgraph.cli.app`: the Typer applications, consoles and shared options;
- :mod:`newsgraph.cli.ingest`: ``ingest`` (over :func:`newsgraph.jobs.ingest`);
- :mod:`newsgraph.cli.read`: the read commands (over :func:`newsgraph.store.queries.select`);
- :mod:`newsgraph.cli.render`: the renderers (text, JSON Lines) the read commands share;
- :mod:`newsgraph.cli.stories`: ``stories``, ``stories build``, ``story`` (over :mod:`newsgraph.stories`);
- :mod:`newsgraph.cli.tools`: eval, gazetteer, actors import-wikidata, check, version.

Modules are imported in the order their commands appear in ``newsgraph --help``.
"""

from __future__ import annotations

from newsgraph.cli import ingest, read, stories, tools  # noqa: F401  (registers the commands)
from newsgraph.cli.app import actors_app, app, err, gazetteer_app, main, out
from newsgraph.cli.render import render_marked

__all__ = ["actors_app", "app", "err", "gazetteer_app", "main", "out", "render_marked"]
