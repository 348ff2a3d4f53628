"""Stories: articles grouped by the happening they report, near-duplicates and independent origins.

Runs after ingest over the store (``newsgraph stories build``; called at the end of
``newsgraph ingest``). Incremental: only articles without a story row (new, or changed since
they were clustered) are clustered, against the stories active in their time window.

- :mod:`newsgraph.stories.settings`: the data files (agencies, parameters), checked at load;
- :mod:`newsgraph.stories.text`: words, TF-IDF term vectors, agency credits;
- :mod:`newsgraph.stories.duplicates`: MinHash/LSH near-duplicates (``datasketch``);
- :mod:`newsgraph.stories.cluster`: the assignment of new articles to stories (pure);
- :mod:`newsgraph.stories.build`: reading and writing the store.
"""

from __future__ import annotations

from newsgraph.stories.build import BuildSummary, build_stories

__all__ = ["BuildSummary", "build_stories"]
