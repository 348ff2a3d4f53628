"""Storage: the DuckDB schema, the writer and the read queries."""

from newsgraph.store.db import DEFAULT_DB, Store

__all__ = ["DEFAULT_DB", "Store"]
