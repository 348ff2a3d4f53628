"""A gazetteer place (:class:`Entry`), the kinds of names that point to it, and distance."""

from __future__ import annotations

import math
from dataclasses import dataclass

NAME_OWN = 0
NAME_ALT = 1
NAME_SHORT = 2  # derived short form of a subdivision ("Donetsk" for Donetska oblast)
NAME_CODE = 3
NAME_ABBR = 4  # a dotted abbreviation ("W.Va."), valid only when written with a dot

# features of the team's table (data/features.tsv): "ocean" (oceans and seas), "water"
# (rivers, lakes, bays, gulfs, straits, canals) and "macroregion" (ranges, peaks, deserts,
# islands, named regions) and "landmark" (seats of government, airports, famous sites: a point
# as precise as a town's); its rows are all treated alike (``Entry.in_table``). An index
# built from a GeoNames dump also calls its own streams and lakes "water": those have a
# GeoNames id and count as ordinary places (thousands of creeks and ponds share towns' names).
TABLE_FEATURES = frozenset({"ocean", "water", "macroregion", "landmark"})
# features whose name means the place unless the text says otherwise (and table rows)
AREA_FEATURES = frozenset({"country", "admin1", "continent"})

FEATURE_PRECISION = {
    "city": 1, "admin3": 2, "admin2": 2, "admin1": 3, "country": 3, "continent": 3,
}
TABLE_PRECISION = 3


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer place."""

    pid: int
    geonames_id: int | None
    name: str
    feature: str  # country | admin1 | admin2 | admin3 | city | continent | TABLE_FEATURES
    country: str | None  # ISO 3166-1 alpha-3
    admin1: str | None  # ISO 3166-2 of the first-level subdivision, when known
    admin1_key: str | None  # GeoNames admin1 code ("RU.41"): hierarchy key, always present
    admin2_id: int | None  # gazetteer pid of the second-level subdivision
    lat: float | None
    lon: float | None
    population: int
    capital: bool = False

    @property
    def in_table(self) -> bool:
        """A row of the team's table of seas, rivers and regions (``data/features.tsv``)."""
        return self.geonames_id is None and self.feature in TABLE_FEATURES

    @property
    def precision(self) -> int:
        if self.in_table and self.feature != "landmark":
            return TABLE_PRECISION
        return FEATURE_PRECISION.get(self.feature, 1)


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 12742.0 * math.asin(min(1.0, math.sqrt(a)))
