"""Moved to :mod:`newsgraph.language.countries` (the one country table every stage shares).

This module re-exports it so that existing imports keep working until each stage imports
``newsgraph.language`` directly.
"""

from __future__ import annotations

from newsgraph.language.countries import (
    COUNTRIES_FILE,
    DATA_DIR,
    KINDS,
    CountryTable,
    CountryWord,
    country_name,
    country_of,
    is_demonym,
    lookup,
    normalize,
    plurals,
    table,
)

__all__ = [
    "COUNTRIES_FILE",
    "DATA_DIR",
    "KINDS",
    "CountryTable",
    "CountryWord",
    "country_name",
    "country_of",
    "is_demonym",
    "lookup",
    "normalize",
    "plurals",
    "table",
]
